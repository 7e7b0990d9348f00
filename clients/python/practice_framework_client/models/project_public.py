from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.citation import Citation
    from ..models.cited_text import CitedText
    from ..models.evaluation_summary import EvaluationSummary
    from ..models.feature_link import FeatureLink
    from ..models.ref import Ref


T = TypeVar("T", bound="ProjectPublic")


@_attrs_define
class ProjectPublic:
    """
    Attributes:
        slug (str):
        name (str):
        citations (list[Citation] | Unset):
        programme (None | Ref | Unset):
        appendix_1 (bool | Unset): One of the 17 projects of Appendix 1 of the Rees Centre thematic report. Default:
            False.
        organisations (list[Ref] | Unset):
        themes (list[str] | Unset):
        aims (list[CitedText] | Unset):
        practice_models (list[Ref] | Unset):
        features (list[FeatureLink] | Unset):
        outcomes (list[Ref] | Unset):
        implementation_status (CitedText | None | Unset):
        evaluation (EvaluationSummary | None | Unset):
        findings (list[Ref] | Unset):
        href (str | Unset):  Default: ''.
    """

    slug: str
    name: str
    citations: list[Citation] | Unset = UNSET
    programme: None | Ref | Unset = UNSET
    appendix_1: bool | Unset = False
    organisations: list[Ref] | Unset = UNSET
    themes: list[str] | Unset = UNSET
    aims: list[CitedText] | Unset = UNSET
    practice_models: list[Ref] | Unset = UNSET
    features: list[FeatureLink] | Unset = UNSET
    outcomes: list[Ref] | Unset = UNSET
    implementation_status: CitedText | None | Unset = UNSET
    evaluation: EvaluationSummary | None | Unset = UNSET
    findings: list[Ref] | Unset = UNSET
    href: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.cited_text import CitedText  # noqa: PLC0415
        from ..models.evaluation_summary import EvaluationSummary  # noqa: PLC0415
        from ..models.ref import Ref  # noqa: PLC0415

        slug = self.slug

        name = self.name

        citations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.citations, Unset):
            citations = []
            for citations_item_data in self.citations:
                citations_item = citations_item_data.to_dict()
                citations.append(citations_item)

        programme: dict[str, Any] | None | Unset
        if isinstance(self.programme, Unset):
            programme = UNSET
        elif isinstance(self.programme, Ref):
            programme = self.programme.to_dict()
        else:
            programme = self.programme

        appendix_1 = self.appendix_1

        organisations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.organisations, Unset):
            organisations = []
            for organisations_item_data in self.organisations:
                organisations_item = organisations_item_data.to_dict()
                organisations.append(organisations_item)

        themes: list[str] | Unset = UNSET
        if not isinstance(self.themes, Unset):
            themes = self.themes

        aims: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.aims, Unset):
            aims = []
            for aims_item_data in self.aims:
                aims_item = aims_item_data.to_dict()
                aims.append(aims_item)

        practice_models: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.practice_models, Unset):
            practice_models = []
            for practice_models_item_data in self.practice_models:
                practice_models_item = practice_models_item_data.to_dict()
                practice_models.append(practice_models_item)

        features: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.features, Unset):
            features = []
            for features_item_data in self.features:
                features_item = features_item_data.to_dict()
                features.append(features_item)

        outcomes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.outcomes, Unset):
            outcomes = []
            for outcomes_item_data in self.outcomes:
                outcomes_item = outcomes_item_data.to_dict()
                outcomes.append(outcomes_item)

        implementation_status: dict[str, Any] | None | Unset
        if isinstance(self.implementation_status, Unset):
            implementation_status = UNSET
        elif isinstance(self.implementation_status, CitedText):
            implementation_status = self.implementation_status.to_dict()
        else:
            implementation_status = self.implementation_status

        evaluation: dict[str, Any] | None | Unset
        if isinstance(self.evaluation, Unset):
            evaluation = UNSET
        elif isinstance(self.evaluation, EvaluationSummary):
            evaluation = self.evaluation.to_dict()
        else:
            evaluation = self.evaluation

        findings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.findings, Unset):
            findings = []
            for findings_item_data in self.findings:
                findings_item = findings_item_data.to_dict()
                findings.append(findings_item)

        href = self.href

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slug": slug,
                "name": name,
            }
        )
        if citations is not UNSET:
            field_dict["citations"] = citations
        if programme is not UNSET:
            field_dict["programme"] = programme
        if appendix_1 is not UNSET:
            field_dict["appendix_1"] = appendix_1
        if organisations is not UNSET:
            field_dict["organisations"] = organisations
        if themes is not UNSET:
            field_dict["themes"] = themes
        if aims is not UNSET:
            field_dict["aims"] = aims
        if practice_models is not UNSET:
            field_dict["practice_models"] = practice_models
        if features is not UNSET:
            field_dict["features"] = features
        if outcomes is not UNSET:
            field_dict["outcomes"] = outcomes
        if implementation_status is not UNSET:
            field_dict["implementation_status"] = implementation_status
        if evaluation is not UNSET:
            field_dict["evaluation"] = evaluation
        if findings is not UNSET:
            field_dict["findings"] = findings
        if href is not UNSET:
            field_dict["href"] = href

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation import Citation  # noqa: PLC0415
        from ..models.cited_text import CitedText  # noqa: PLC0415
        from ..models.evaluation_summary import EvaluationSummary  # noqa: PLC0415
        from ..models.feature_link import FeatureLink  # noqa: PLC0415
        from ..models.ref import Ref  # noqa: PLC0415

        d = dict(src_dict)
        slug = d.pop("slug")

        name = d.pop("name")

        _citations = d.pop("citations", UNSET)
        citations: list[Citation] | Unset = UNSET
        if _citations is not UNSET:
            citations = []
            for citations_item_data in _citations:
                citations_item = Citation.from_dict(citations_item_data)

                citations.append(citations_item)

        def _parse_programme(data: object) -> None | Ref | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                programme_type_0 = Ref.from_dict(data)

                return programme_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Ref | Unset, data)

        programme = _parse_programme(d.pop("programme", UNSET))

        appendix_1 = d.pop("appendix_1", UNSET)

        _organisations = d.pop("organisations", UNSET)
        organisations: list[Ref] | Unset = UNSET
        if _organisations is not UNSET:
            organisations = []
            for organisations_item_data in _organisations:
                organisations_item = Ref.from_dict(organisations_item_data)

                organisations.append(organisations_item)

        themes = cast(list[str], d.pop("themes", UNSET))

        _aims = d.pop("aims", UNSET)
        aims: list[CitedText] | Unset = UNSET
        if _aims is not UNSET:
            aims = []
            for aims_item_data in _aims:
                aims_item = CitedText.from_dict(aims_item_data)

                aims.append(aims_item)

        _practice_models = d.pop("practice_models", UNSET)
        practice_models: list[Ref] | Unset = UNSET
        if _practice_models is not UNSET:
            practice_models = []
            for practice_models_item_data in _practice_models:
                practice_models_item = Ref.from_dict(practice_models_item_data)

                practice_models.append(practice_models_item)

        _features = d.pop("features", UNSET)
        features: list[FeatureLink] | Unset = UNSET
        if _features is not UNSET:
            features = []
            for features_item_data in _features:
                features_item = FeatureLink.from_dict(features_item_data)

                features.append(features_item)

        _outcomes = d.pop("outcomes", UNSET)
        outcomes: list[Ref] | Unset = UNSET
        if _outcomes is not UNSET:
            outcomes = []
            for outcomes_item_data in _outcomes:
                outcomes_item = Ref.from_dict(outcomes_item_data)

                outcomes.append(outcomes_item)

        def _parse_implementation_status(data: object) -> CitedText | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                implementation_status_type_0 = CitedText.from_dict(data)

                return implementation_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CitedText | None | Unset, data)

        implementation_status = _parse_implementation_status(d.pop("implementation_status", UNSET))

        def _parse_evaluation(data: object) -> EvaluationSummary | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                evaluation_type_0 = EvaluationSummary.from_dict(data)

                return evaluation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EvaluationSummary | None | Unset, data)

        evaluation = _parse_evaluation(d.pop("evaluation", UNSET))

        _findings = d.pop("findings", UNSET)
        findings: list[Ref] | Unset = UNSET
        if _findings is not UNSET:
            findings = []
            for findings_item_data in _findings:
                findings_item = Ref.from_dict(findings_item_data)

                findings.append(findings_item)

        href = d.pop("href", UNSET)

        project_public = cls(
            slug=slug,
            name=name,
            citations=citations,
            programme=programme,
            appendix_1=appendix_1,
            organisations=organisations,
            themes=themes,
            aims=aims,
            practice_models=practice_models,
            features=features,
            outcomes=outcomes,
            implementation_status=implementation_status,
            evaluation=evaluation,
            findings=findings,
            href=href,
        )

        project_public.additional_properties = d
        return project_public

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
