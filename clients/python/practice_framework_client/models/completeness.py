from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Completeness")


@_attrs_define
class Completeness:
    """
    Attributes:
        answered (int): Conditions with all three prompts answered.
        total (int):
        complete (bool):
        missing (list[str]): Slugs of conditions not yet fully answered.
    """

    answered: int
    total: int
    complete: bool
    missing: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answered = self.answered

        total = self.total

        complete = self.complete

        missing = self.missing

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answered": answered,
                "total": total,
                "complete": complete,
                "missing": missing,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        answered = d.pop("answered")

        total = d.pop("total")

        complete = d.pop("complete")

        missing = cast(list[str], d.pop("missing"))

        completeness = cls(
            answered=answered,
            total=total,
            complete=complete,
            missing=missing,
        )

        completeness.additional_properties = d
        return completeness

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
