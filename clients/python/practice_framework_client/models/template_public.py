from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.citation import Citation
    from ..models.prompt import Prompt
    from ..models.rating_scale import RatingScale
    from ..models.template_condition import TemplateCondition


T = TypeVar("T", bound="TemplatePublic")


@_attrs_define
class TemplatePublic:
    """
    Attributes:
        version (int):
        title (str):
        description (str):
        published_at (datetime.datetime):
        prompts (list[Prompt]):
        rating_scale (RatingScale):
        mapping_note (str): How to read `features` and `enablers`.
        conditions (list[TemplateCondition]):
        citations (list[Citation]):
        href (str):
    """

    version: int
    title: str
    description: str
    published_at: datetime.datetime
    prompts: list[Prompt]
    rating_scale: RatingScale
    mapping_note: str
    conditions: list[TemplateCondition]
    citations: list[Citation]
    href: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        title = self.title

        description = self.description

        published_at = self.published_at.isoformat()

        prompts = []
        for prompts_item_data in self.prompts:
            prompts_item = prompts_item_data.to_dict()
            prompts.append(prompts_item)

        rating_scale = self.rating_scale.to_dict()

        mapping_note = self.mapping_note

        conditions = []
        for conditions_item_data in self.conditions:
            conditions_item = conditions_item_data.to_dict()
            conditions.append(conditions_item)

        citations = []
        for citations_item_data in self.citations:
            citations_item = citations_item_data.to_dict()
            citations.append(citations_item)

        href = self.href

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "title": title,
                "description": description,
                "published_at": published_at,
                "prompts": prompts,
                "rating_scale": rating_scale,
                "mapping_note": mapping_note,
                "conditions": conditions,
                "citations": citations,
                "href": href,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation import Citation  # noqa: PLC0415
        from ..models.prompt import Prompt  # noqa: PLC0415
        from ..models.rating_scale import RatingScale  # noqa: PLC0415
        from ..models.template_condition import TemplateCondition  # noqa: PLC0415

        d = dict(src_dict)
        version = d.pop("version")

        title = d.pop("title")

        description = d.pop("description")

        published_at = datetime.datetime.fromisoformat(d.pop("published_at"))

        prompts = []
        _prompts = d.pop("prompts")
        for prompts_item_data in _prompts:
            prompts_item = Prompt.from_dict(prompts_item_data)

            prompts.append(prompts_item)

        rating_scale = RatingScale.from_dict(d.pop("rating_scale"))

        mapping_note = d.pop("mapping_note")

        conditions = []
        _conditions = d.pop("conditions")
        for conditions_item_data in _conditions:
            conditions_item = TemplateCondition.from_dict(conditions_item_data)

            conditions.append(conditions_item)

        citations = []
        _citations = d.pop("citations")
        for citations_item_data in _citations:
            citations_item = Citation.from_dict(citations_item_data)

            citations.append(citations_item)

        href = d.pop("href")

        template_public = cls(
            version=version,
            title=title,
            description=description,
            published_at=published_at,
            prompts=prompts,
            rating_scale=rating_scale,
            mapping_note=mapping_note,
            conditions=conditions,
            citations=citations,
            href=href,
        )

        template_public.additional_properties = d
        return template_public

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
