from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Readiness")


@_attrs_define
class Readiness:
    """
    Attributes:
        status (str):
        database (str):
        writes (str):
        migrations (str):
        current_revision (None | str | Unset):
        head_revision (None | str | Unset):
    """

    status: str
    database: str
    writes: str
    migrations: str
    current_revision: None | str | Unset = UNSET
    head_revision: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        database = self.database

        writes = self.writes

        migrations = self.migrations

        current_revision: None | str | Unset
        if isinstance(self.current_revision, Unset):
            current_revision = UNSET
        else:
            current_revision = self.current_revision

        head_revision: None | str | Unset
        if isinstance(self.head_revision, Unset):
            head_revision = UNSET
        else:
            head_revision = self.head_revision

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "database": database,
                "writes": writes,
                "migrations": migrations,
            }
        )
        if current_revision is not UNSET:
            field_dict["current_revision"] = current_revision
        if head_revision is not UNSET:
            field_dict["head_revision"] = head_revision

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = d.pop("status")

        database = d.pop("database")

        writes = d.pop("writes")

        migrations = d.pop("migrations")

        def _parse_current_revision(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current_revision = _parse_current_revision(d.pop("current_revision", UNSET))

        def _parse_head_revision(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        head_revision = _parse_head_revision(d.pop("head_revision", UNSET))

        readiness = cls(
            status=status,
            database=database,
            writes=writes,
            migrations=migrations,
            current_revision=current_revision,
            head_revision=head_revision,
        )

        readiness.additional_properties = d
        return readiness

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
