from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TemplateSummary")


@_attrs_define
class TemplateSummary:
    """
    Attributes:
        version (int):
        title (str):
        conditions (int):
        published_at (datetime.datetime):
        href (str):
    """

    version: int
    title: str
    conditions: int
    published_at: datetime.datetime
    href: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        title = self.title

        conditions = self.conditions

        published_at = self.published_at.isoformat()

        href = self.href

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "title": title,
                "conditions": conditions,
                "published_at": published_at,
                "href": href,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version")

        title = d.pop("title")

        conditions = d.pop("conditions")

        published_at = datetime.datetime.fromisoformat(d.pop("published_at"))

        href = d.pop("href")

        template_summary = cls(
            version=version,
            title=title,
            conditions=conditions,
            published_at=published_at,
            href=href,
        )

        template_summary.additional_properties = d
        return template_summary

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
