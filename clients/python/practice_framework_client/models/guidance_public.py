from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.citation import Citation
    from ..models.guidance_item import GuidanceItem


T = TypeVar("T", bound="GuidancePublic")


@_attrs_define
class GuidancePublic:
    """
    Attributes:
        slug (str):
        kind (str):
        title (str):
        items (list[GuidanceItem]):
        citations (list[Citation] | Unset):
        href (str | Unset):  Default: ''.
    """

    slug: str
    kind: str
    title: str
    items: list[GuidanceItem]
    citations: list[Citation] | Unset = UNSET
    href: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        kind = self.kind

        title = self.title

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        citations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.citations, Unset):
            citations = []
            for citations_item_data in self.citations:
                citations_item = citations_item_data.to_dict()
                citations.append(citations_item)

        href = self.href

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slug": slug,
                "kind": kind,
                "title": title,
                "items": items,
            }
        )
        if citations is not UNSET:
            field_dict["citations"] = citations
        if href is not UNSET:
            field_dict["href"] = href

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation import Citation  # noqa: PLC0415
        from ..models.guidance_item import GuidanceItem  # noqa: PLC0415

        d = dict(src_dict)
        slug = d.pop("slug")

        kind = d.pop("kind")

        title = d.pop("title")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = GuidanceItem.from_dict(items_item_data)

            items.append(items_item)

        _citations = d.pop("citations", UNSET)
        citations: list[Citation] | Unset = UNSET
        if _citations is not UNSET:
            citations = []
            for citations_item_data in _citations:
                citations_item = Citation.from_dict(citations_item_data)

                citations.append(citations_item)

        href = d.pop("href", UNSET)

        guidance_public = cls(
            slug=slug,
            kind=kind,
            title=title,
            items=items,
            citations=citations,
            href=href,
        )

        guidance_public.additional_properties = d
        return guidance_public

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
