from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.condition_ref import ConditionRef


T = TypeVar("T", bound="ConditionStanding")


@_attrs_define
class ConditionStanding:
    """
    Attributes:
        condition (ConditionRef):
        answered (bool):
        rating (int | None):
        rating_label (None | str):
        weak (bool):
    """

    condition: ConditionRef
    answered: bool
    rating: int | None
    rating_label: None | str
    weak: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        condition = self.condition.to_dict()

        answered = self.answered

        rating: int | None
        rating = self.rating

        rating_label: None | str
        rating_label = self.rating_label

        weak = self.weak

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "condition": condition,
                "answered": answered,
                "rating": rating,
                "rating_label": rating_label,
                "weak": weak,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.condition_ref import ConditionRef  # noqa: PLC0415

        d = dict(src_dict)
        condition = ConditionRef.from_dict(d.pop("condition"))

        answered = d.pop("answered")

        def _parse_rating(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rating = _parse_rating(d.pop("rating"))

        def _parse_rating_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rating_label = _parse_rating_label(d.pop("rating_label"))

        weak = d.pop("weak")

        condition_standing = cls(
            condition=condition,
            answered=answered,
            rating=rating,
            rating_label=rating_label,
            weak=weak,
        )

        condition_standing.additional_properties = d
        return condition_standing

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
