from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.condition_direction import ConditionDirection

if TYPE_CHECKING:
    from ..models.condition_ref import ConditionRef


T = TypeVar("T", bound="ConditionProgress")


@_attrs_define
class ConditionProgress:
    """
    Attributes:
        condition (ConditionRef):
        from_rating (int | None):
        to_rating (int | None):
        change (int | None): `to_rating - from_rating` when both are rated.
        direction (ConditionDirection):
        from_answered (bool):
        to_answered (bool):
    """

    condition: ConditionRef
    from_rating: int | None
    to_rating: int | None
    change: int | None
    direction: ConditionDirection
    from_answered: bool
    to_answered: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        condition = self.condition.to_dict()

        from_rating: int | None
        from_rating = self.from_rating

        to_rating: int | None
        to_rating = self.to_rating

        change: int | None
        change = self.change

        direction = self.direction.value

        from_answered = self.from_answered

        to_answered = self.to_answered

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "condition": condition,
                "from_rating": from_rating,
                "to_rating": to_rating,
                "change": change,
                "direction": direction,
                "from_answered": from_answered,
                "to_answered": to_answered,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.condition_ref import ConditionRef  # noqa: PLC0415

        d = dict(src_dict)
        condition = ConditionRef.from_dict(d.pop("condition"))

        def _parse_from_rating(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        from_rating = _parse_from_rating(d.pop("from_rating"))

        def _parse_to_rating(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        to_rating = _parse_to_rating(d.pop("to_rating"))

        def _parse_change(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        change = _parse_change(d.pop("change"))

        direction = ConditionDirection(d.pop("direction"))

        from_answered = d.pop("from_answered")

        to_answered = d.pop("to_answered")

        condition_progress = cls(
            condition=condition,
            from_rating=from_rating,
            to_rating=to_rating,
            change=change,
            direction=direction,
            from_answered=from_answered,
            to_answered=to_answered,
        )

        condition_progress.additional_properties = d
        return condition_progress

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
