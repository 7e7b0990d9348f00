from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.citation import Citation
    from ..models.ref import Ref
    from ..models.variant import Variant


T = TypeVar("T", bound="RecommendationPublic")


@_attrs_define
class RecommendationPublic:
    """
    Attributes:
        slug (str):
        number (int):
        text (str):
        citations (list[Citation] | Unset):
        variants (list[Variant] | Unset):
        audit_condition (None | Ref | Unset): The self-audit condition that turns this recommendation into a question.
        href (str | Unset):  Default: ''.
    """

    slug: str
    number: int
    text: str
    citations: list[Citation] | Unset = UNSET
    variants: list[Variant] | Unset = UNSET
    audit_condition: None | Ref | Unset = UNSET
    href: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.ref import Ref  # noqa: PLC0415

        slug = self.slug

        number = self.number

        text = self.text

        citations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.citations, Unset):
            citations = []
            for citations_item_data in self.citations:
                citations_item = citations_item_data.to_dict()
                citations.append(citations_item)

        variants: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.variants, Unset):
            variants = []
            for variants_item_data in self.variants:
                variants_item = variants_item_data.to_dict()
                variants.append(variants_item)

        audit_condition: dict[str, Any] | None | Unset
        if isinstance(self.audit_condition, Unset):
            audit_condition = UNSET
        elif isinstance(self.audit_condition, Ref):
            audit_condition = self.audit_condition.to_dict()
        else:
            audit_condition = self.audit_condition

        href = self.href

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slug": slug,
                "number": number,
                "text": text,
            }
        )
        if citations is not UNSET:
            field_dict["citations"] = citations
        if variants is not UNSET:
            field_dict["variants"] = variants
        if audit_condition is not UNSET:
            field_dict["audit_condition"] = audit_condition
        if href is not UNSET:
            field_dict["href"] = href

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation import Citation  # noqa: PLC0415
        from ..models.ref import Ref  # noqa: PLC0415
        from ..models.variant import Variant  # noqa: PLC0415

        d = dict(src_dict)
        slug = d.pop("slug")

        number = d.pop("number")

        text = d.pop("text")

        _citations = d.pop("citations", UNSET)
        citations: list[Citation] | Unset = UNSET
        if _citations is not UNSET:
            citations = []
            for citations_item_data in _citations:
                citations_item = Citation.from_dict(citations_item_data)

                citations.append(citations_item)

        _variants = d.pop("variants", UNSET)
        variants: list[Variant] | Unset = UNSET
        if _variants is not UNSET:
            variants = []
            for variants_item_data in _variants:
                variants_item = Variant.from_dict(variants_item_data)

                variants.append(variants_item)

        def _parse_audit_condition(data: object) -> None | Ref | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                audit_condition_type_0 = Ref.from_dict(data)

                return audit_condition_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Ref | Unset, data)

        audit_condition = _parse_audit_condition(d.pop("audit_condition", UNSET))

        href = d.pop("href", UNSET)

        recommendation_public = cls(
            slug=slug,
            number=number,
            text=text,
            citations=citations,
            variants=variants,
            audit_condition=audit_condition,
            href=href,
        )

        recommendation_public.additional_properties = d
        return recommendation_public

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
