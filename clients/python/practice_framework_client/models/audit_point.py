from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audit_status import AuditStatus

T = TypeVar("T", bound="AuditPoint")


@_attrs_define
class AuditPoint:
    """
    Attributes:
        id (str):
        revision (int):
        status (AuditStatus):
        updated_at (datetime.datetime):
        href (str):
    """

    id: str
    revision: int
    status: AuditStatus
    updated_at: datetime.datetime
    href: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        revision = self.revision

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        href = self.href

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "revision": revision,
                "status": status,
                "updated_at": updated_at,
                "href": href,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        revision = d.pop("revision")

        status = AuditStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        href = d.pop("href")

        audit_point = cls(
            id=id,
            revision=revision,
            status=status,
            updated_at=updated_at,
            href=href,
        )

        audit_point.additional_properties = d
        return audit_point

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
