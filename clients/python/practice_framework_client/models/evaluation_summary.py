from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.evaluation_design import EvaluationDesign
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cited_text import CitedText


T = TypeVar("T", bound="EvaluationSummary")


@_attrs_define
class EvaluationSummary:
    """
    Attributes:
        slug (str):
        design (EvaluationDesign):
        design_strength (int):
        href (str):
        limitations (list[CitedText] | Unset):
    """

    slug: str
    design: EvaluationDesign
    design_strength: int
    href: str
    limitations: list[CitedText] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        design = self.design.value

        design_strength = self.design_strength

        href = self.href

        limitations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.limitations, Unset):
            limitations = []
            for limitations_item_data in self.limitations:
                limitations_item = limitations_item_data.to_dict()
                limitations.append(limitations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slug": slug,
                "design": design,
                "design_strength": design_strength,
                "href": href,
            }
        )
        if limitations is not UNSET:
            field_dict["limitations"] = limitations

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cited_text import CitedText  # noqa: PLC0415

        d = dict(src_dict)
        slug = d.pop("slug")

        design = EvaluationDesign(d.pop("design"))

        design_strength = d.pop("design_strength")

        href = d.pop("href")

        _limitations = d.pop("limitations", UNSET)
        limitations: list[CitedText] | Unset = UNSET
        if _limitations is not UNSET:
            limitations = []
            for limitations_item_data in _limitations:
                limitations_item = CitedText.from_dict(limitations_item_data)

                limitations.append(limitations_item)

        evaluation_summary = cls(
            slug=slug,
            design=design,
            design_strength=design_strength,
            href=href,
            limitations=limitations,
        )

        evaluation_summary.additional_properties = d
        return evaluation_summary

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
