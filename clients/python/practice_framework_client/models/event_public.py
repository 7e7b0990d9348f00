from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_type import EventType

if TYPE_CHECKING:
    from ..models.audit_change import AuditChange


T = TypeVar("T", bound="EventPublic")


@_attrs_define
class EventPublic:
    """One saved change to one of the organisation's audits.

    Attributes:
        id (str): Unique per event: a consumer that meets one twice can drop the second.
        type_ (EventType):
        occurred_at (datetime.datetime): When the change was saved.
        data (AuditChange):
    """

    id: str
    type_: EventType
    occurred_at: datetime.datetime
    data: AuditChange
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_.value

        occurred_at = self.occurred_at.isoformat()

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "occurred_at": occurred_at,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_change import AuditChange  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = EventType(d.pop("type"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        data = AuditChange.from_dict(d.pop("data"))

        event_public = cls(
            id=id,
            type_=type_,
            occurred_at=occurred_at,
            data=data,
        )

        event_public.additional_properties = d
        return event_public

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
