from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.rating_level import RatingLevel


T = TypeVar("T", bound="RatingScale")


@_attrs_define
class RatingScale:
    """
    Attributes:
        curated (bool): True: this scale is this project's, not the source tool's.
        note (str):
        minimum (int):
        maximum (int):
        weak_at_or_below (int): Ratings at or below this mark a condition as weak in the report.
        levels (list[RatingLevel]):
    """

    curated: bool
    note: str
    minimum: int
    maximum: int
    weak_at_or_below: int
    levels: list[RatingLevel]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        curated = self.curated

        note = self.note

        minimum = self.minimum

        maximum = self.maximum

        weak_at_or_below = self.weak_at_or_below

        levels = []
        for levels_item_data in self.levels:
            levels_item = levels_item_data.to_dict()
            levels.append(levels_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "curated": curated,
                "note": note,
                "minimum": minimum,
                "maximum": maximum,
                "weak_at_or_below": weak_at_or_below,
                "levels": levels,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rating_level import RatingLevel  # noqa: PLC0415

        d = dict(src_dict)
        curated = d.pop("curated")

        note = d.pop("note")

        minimum = d.pop("minimum")

        maximum = d.pop("maximum")

        weak_at_or_below = d.pop("weak_at_or_below")

        levels = []
        _levels = d.pop("levels")
        for levels_item_data in _levels:
            levels_item = RatingLevel.from_dict(levels_item_data)

            levels.append(levels_item)

        rating_scale = cls(
            curated=curated,
            note=note,
            minimum=minimum,
            maximum=maximum,
            weak_at_or_below=weak_at_or_below,
            levels=levels,
        )

        rating_scale.additional_properties = d
        return rating_scale

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
