from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.search_type import SearchType

T = TypeVar("T", bound="SearchHit")


@_attrs_define
class SearchHit:
    """
    Attributes:
        type_ (SearchType):
        slug (str):
        title (str):
        snippet (str): Matching text with terms wrapped in <mark>…</mark>.
        score (float): Relevance; higher is better. Comparable within one response only.
        href (str):
    """

    type_: SearchType
    slug: str
    title: str
    snippet: str
    score: float
    href: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        slug = self.slug

        title = self.title

        snippet = self.snippet

        score = self.score

        href = self.href

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "slug": slug,
                "title": title,
                "snippet": snippet,
                "score": score,
                "href": href,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = SearchType(d.pop("type"))

        slug = d.pop("slug")

        title = d.pop("title")

        snippet = d.pop("snippet")

        score = d.pop("score")

        href = d.pop("href")

        search_hit = cls(
            type_=type_,
            slug=slug,
            title=title,
            snippet=snippet,
            score=score,
            href=href,
        )

        search_hit.additional_properties = d
        return search_hit

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
