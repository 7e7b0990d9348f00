from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.enabler_set import EnablerSet
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.citation import Citation


T = TypeVar("T", bound="EnablerPublic")


@_attrs_define
class EnablerPublic:
    """
    Attributes:
        slug (str):
        set_ (EnablerSet):
        title (str):
        citations (list[Citation] | Unset):
        number (int | None | Unset): ISOS numbering; the four programme enablers are unnumbered in the source.
        summary (None | str | Unset):
        actions (list[str] | Unset):
        href (str | Unset):  Default: ''.
    """

    slug: str
    set_: EnablerSet
    title: str
    citations: list[Citation] | Unset = UNSET
    number: int | None | Unset = UNSET
    summary: None | str | Unset = UNSET
    actions: list[str] | Unset = UNSET
    href: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        set_ = self.set_.value

        title = self.title

        citations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.citations, Unset):
            citations = []
            for citations_item_data in self.citations:
                citations_item = citations_item_data.to_dict()
                citations.append(citations_item)

        number: int | None | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        actions: list[str] | Unset = UNSET
        if not isinstance(self.actions, Unset):
            actions = self.actions

        href = self.href

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slug": slug,
                "set": set_,
                "title": title,
            }
        )
        if citations is not UNSET:
            field_dict["citations"] = citations
        if number is not UNSET:
            field_dict["number"] = number
        if summary is not UNSET:
            field_dict["summary"] = summary
        if actions is not UNSET:
            field_dict["actions"] = actions
        if href is not UNSET:
            field_dict["href"] = href

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation import Citation  # noqa: PLC0415

        d = dict(src_dict)
        slug = d.pop("slug")

        set_ = EnablerSet(d.pop("set"))

        title = d.pop("title")

        _citations = d.pop("citations", UNSET)
        citations: list[Citation] | Unset = UNSET
        if _citations is not UNSET:
            citations = []
            for citations_item_data in _citations:
                citations_item = Citation.from_dict(citations_item_data)

                citations.append(citations_item)

        def _parse_number(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        number = _parse_number(d.pop("number", UNSET))

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        actions = cast(list[str], d.pop("actions", UNSET))

        href = d.pop("href", UNSET)

        enabler_public = cls(
            slug=slug,
            set_=set_,
            title=title,
            citations=citations,
            number=number,
            summary=summary,
            actions=actions,
            href=href,
        )

        enabler_public.additional_properties = d
        return enabler_public

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
