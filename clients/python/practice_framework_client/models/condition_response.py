from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.condition_slug import ConditionSlug
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConditionResponse")


@_attrs_define
class ConditionResponse:
    """The answer to one condition: the three prompts and an optional self-rating.

    Attributes:
        condition (ConditionSlug):
        current_practice (None | str | Unset): What happens now in your service? Up to 4,000 characters.
        needed_change (None | str | Unset): What needs to happen? Up to 4,000 characters.
        progress_plan (None | str | Unset): How will you progress this? Up to 4,000 characters.
        rating (int | None | Unset): Optional self-rating on the template's scale (1-4 in template 1).
    """

    condition: ConditionSlug
    current_practice: None | str | Unset = UNSET
    needed_change: None | str | Unset = UNSET
    progress_plan: None | str | Unset = UNSET
    rating: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        condition = self.condition.value

        current_practice: None | str | Unset
        if isinstance(self.current_practice, Unset):
            current_practice = UNSET
        else:
            current_practice = self.current_practice

        needed_change: None | str | Unset
        if isinstance(self.needed_change, Unset):
            needed_change = UNSET
        else:
            needed_change = self.needed_change

        progress_plan: None | str | Unset
        if isinstance(self.progress_plan, Unset):
            progress_plan = UNSET
        else:
            progress_plan = self.progress_plan

        rating: int | None | Unset
        if isinstance(self.rating, Unset):
            rating = UNSET
        else:
            rating = self.rating

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "condition": condition,
            }
        )
        if current_practice is not UNSET:
            field_dict["current_practice"] = current_practice
        if needed_change is not UNSET:
            field_dict["needed_change"] = needed_change
        if progress_plan is not UNSET:
            field_dict["progress_plan"] = progress_plan
        if rating is not UNSET:
            field_dict["rating"] = rating

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        condition = ConditionSlug(d.pop("condition"))

        def _parse_current_practice(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current_practice = _parse_current_practice(d.pop("current_practice", UNSET))

        def _parse_needed_change(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        needed_change = _parse_needed_change(d.pop("needed_change", UNSET))

        def _parse_progress_plan(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        progress_plan = _parse_progress_plan(d.pop("progress_plan", UNSET))

        def _parse_rating(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rating = _parse_rating(d.pop("rating", UNSET))

        condition_response = cls(
            condition=condition,
            current_practice=current_practice,
            needed_change=needed_change,
            progress_plan=progress_plan,
            rating=rating,
        )

        return condition_response
