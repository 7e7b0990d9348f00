from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MappedRef")


@_attrs_define
class MappedRef:
    """A feature or enabler a condition bears on: a mapping this project curates.

    Attributes:
        slug (str):
        title (str):
        href (str):
        rationale (str):
        curated (bool | Unset): Always true: curated by this project. Default: True.
        basis (Literal['curated'] | Unset): What supports the link: `curated`, this project's judgement, given in
            `rationale`; the sources state no such mapping, so it cites none. Default: 'curated'.
    """

    slug: str
    title: str
    href: str
    rationale: str
    curated: bool | Unset = True
    basis: Literal["curated"] | Unset = "curated"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        title = self.title

        href = self.href

        rationale = self.rationale

        curated = self.curated

        basis = self.basis

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slug": slug,
                "title": title,
                "href": href,
                "rationale": rationale,
            }
        )
        if curated is not UNSET:
            field_dict["curated"] = curated
        if basis is not UNSET:
            field_dict["basis"] = basis

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        slug = d.pop("slug")

        title = d.pop("title")

        href = d.pop("href")

        rationale = d.pop("rationale")

        curated = d.pop("curated", UNSET)

        basis = cast(Literal["curated"] | Unset, d.pop("basis", UNSET))
        if basis != "curated" and not isinstance(basis, Unset):
            raise ValueError(f"basis must match const 'curated', got '{basis}'")

        mapped_ref = cls(
            slug=slug,
            title=title,
            href=href,
            rationale=rationale,
            curated=curated,
            basis=basis,
        )

        mapped_ref.additional_properties = d
        return mapped_ref

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
