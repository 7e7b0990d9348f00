from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audit_status import AuditStatus

T = TypeVar("T", bound="AuditChange")


@_attrs_define
class AuditChange:
    """
    Attributes:
        audit_id (str):
        version (int): The audit's version after the change.
        revision (int):
        status (AuditStatus):
    """

    audit_id: str
    version: int
    revision: int
    status: AuditStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        audit_id = self.audit_id

        version = self.version

        revision = self.revision

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "audit_id": audit_id,
                "version": version,
                "revision": revision,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        audit_id = d.pop("audit_id")

        version = d.pop("version")

        revision = d.pop("revision")

        status = AuditStatus(d.pop("status"))

        audit_change = cls(
            audit_id=audit_id,
            version=version,
            revision=revision,
            status=status,
        )

        audit_change.additional_properties = d
        return audit_change

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
