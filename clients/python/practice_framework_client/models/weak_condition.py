from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.condition_ref import ConditionRef
    from ..models.mapped_ref import MappedRef
    from ..models.ref import Ref


T = TypeVar("T", bound="WeakCondition")


@_attrs_define
class WeakCondition:
    """A condition rated weak, with what the evidence base offers to learn from.

    Attributes:
        condition (ConditionRef):
        rating (int):
        rating_label (str):
        recommendation (None | Ref):
        features (list[MappedRef]):
        enablers (list[MappedRef]):
        projects (list[Ref]): Projects that demonstrate the mapped features.
        findings (list[Ref]): Quantitative findings of those projects.
    """

    condition: ConditionRef
    rating: int
    rating_label: str
    recommendation: None | Ref
    features: list[MappedRef]
    enablers: list[MappedRef]
    projects: list[Ref]
    findings: list[Ref]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.ref import Ref  # noqa: PLC0415

        condition = self.condition.to_dict()

        rating = self.rating

        rating_label = self.rating_label

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

        projects = []
        for projects_item_data in self.projects:
            projects_item = projects_item_data.to_dict()
            projects.append(projects_item)

        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "condition": condition,
                "rating": rating,
                "rating_label": rating_label,
                "recommendation": recommendation,
                "features": features,
                "enablers": enablers,
                "projects": projects,
                "findings": findings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.condition_ref import ConditionRef  # noqa: PLC0415
        from ..models.mapped_ref import MappedRef  # noqa: PLC0415
        from ..models.ref import Ref  # noqa: PLC0415

        d = dict(src_dict)
        condition = ConditionRef.from_dict(d.pop("condition"))

        rating = d.pop("rating")

        rating_label = d.pop("rating_label")

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

        projects = []
        _projects = d.pop("projects")
        for projects_item_data in _projects:
            projects_item = Ref.from_dict(projects_item_data)

            projects.append(projects_item)

        findings = []
        _findings = d.pop("findings")
        for findings_item_data in _findings:
            findings_item = Ref.from_dict(findings_item_data)

            findings.append(findings_item)

        weak_condition = cls(
            condition=condition,
            rating=rating,
            rating_label=rating_label,
            recommendation=recommendation,
            features=features,
            enablers=enablers,
            projects=projects,
            findings=findings,
        )

        weak_condition.additional_properties = d
        return weak_condition

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
