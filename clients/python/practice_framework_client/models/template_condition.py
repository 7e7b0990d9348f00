from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.citation import Citation
    from ..models.mapped_ref import MappedRef
    from ..models.prompt import Prompt
    from ..models.ref import Ref


T = TypeVar("T", bound="TemplateCondition")


@_attrs_define
class TemplateCondition:
    """
    Attributes:
        slug (str):
        number (int):
        text (str): Verbatim from Appendix 2.
        prompts (list[Prompt]):
        recommendation (None | Ref):
        features (list[MappedRef]):
        enablers (list[MappedRef]):
        citations (list[Citation]):
    """

    slug: str
    number: int
    text: str
    prompts: list[Prompt]
    recommendation: None | Ref
    features: list[MappedRef]
    enablers: list[MappedRef]
    citations: list[Citation]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.ref import Ref  # noqa: PLC0415

        slug = self.slug

        number = self.number

        text = self.text

        prompts = []
        for prompts_item_data in self.prompts:
            prompts_item = prompts_item_data.to_dict()
            prompts.append(prompts_item)

        recommendation: dict[str, Any] | None
        if isinstance(self.recommendation, Ref):
            recommendation = self.recommendation.to_dict()
        else:
            recommendation = self.recommendation

        features = []
        for features_item_data in self.features:
            features_item = features_item_data.to_dict()
            features.append(features_item)

        enablers = []
        for enablers_item_data in self.enablers:
            enablers_item = enablers_item_data.to_dict()
            enablers.append(enablers_item)

        citations = []
        for citations_item_data in self.citations:
            citations_item = citations_item_data.to_dict()
            citations.append(citations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slug": slug,
                "number": number,
                "text": text,
                "prompts": prompts,
                "recommendation": recommendation,
                "features": features,
                "enablers": enablers,
                "citations": citations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation import Citation  # noqa: PLC0415
        from ..models.mapped_ref import MappedRef  # noqa: PLC0415
        from ..models.prompt import Prompt  # noqa: PLC0415
        from ..models.ref import Ref  # noqa: PLC0415

        d = dict(src_dict)
        slug = d.pop("slug")

        number = d.pop("number")

        text = d.pop("text")

        prompts = []
        _prompts = d.pop("prompts")
        for prompts_item_data in _prompts:
            prompts_item = Prompt.from_dict(prompts_item_data)

            prompts.append(prompts_item)

        def _parse_recommendation(data: object) -> None | Ref:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recommendation_type_0 = Ref.from_dict(data)

                return recommendation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Ref, data)

        recommendation = _parse_recommendation(d.pop("recommendation"))

        features = []
        _features = d.pop("features")
        for features_item_data in _features:
            features_item = MappedRef.from_dict(features_item_data)

            features.append(features_item)

        enablers = []
        _enablers = d.pop("enablers")
        for enablers_item_data in _enablers:
            enablers_item = MappedRef.from_dict(enablers_item_data)

            enablers.append(enablers_item)

        citations = []
        _citations = d.pop("citations")
        for citations_item_data in _citations:
            citations_item = Citation.from_dict(citations_item_data)

            citations.append(citations_item)

        template_condition = cls(
            slug=slug,
            number=number,
            text=text,
            prompts=prompts,
            recommendation=recommendation,
            features=features,
            enablers=enablers,
            citations=citations,
        )

        template_condition.additional_properties = d
        return template_condition

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
