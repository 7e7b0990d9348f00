from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.evaluation_design import EvaluationDesign
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.citation import Citation
    from ..models.cited_text import CitedText
    from ..models.ref import Ref


T = TypeVar("T", bound="EvaluationPublic")


@_attrs_define
class EvaluationPublic:
    """
    Attributes:
        slug (str):
        design (EvaluationDesign):
        design_strength (int): `design_strength` is derived from `design` alone by a rule of this API, not by the
            sources, which do not grade projects: randomised controlled trial = 4; quasi-experimental or historic case
            matching (a comparison group) = 3; pre/post or mixed methods without a comparison group = 2; qualitative only =
            1; unknown = 0.
        citations (list[Citation] | Unset):
        project (None | Ref | Unset):
        report (None | Ref | Unset):
        evaluator (None | str | Unset):
        methods (list[str] | Unset):
        sample_planned (None | str | Unset):
        sample_achieved (None | str | Unset):
        duration (None | str | Unset):
        limitations (list[CitedText] | Unset):
        href (str | Unset):  Default: ''.
    """

    slug: str
    design: EvaluationDesign
    design_strength: int
    citations: list[Citation] | Unset = UNSET
    project: None | Ref | Unset = UNSET
    report: None | Ref | Unset = UNSET
    evaluator: None | str | Unset = UNSET
    methods: list[str] | Unset = UNSET
    sample_planned: None | str | Unset = UNSET
    sample_achieved: None | str | Unset = UNSET
    duration: None | str | Unset = UNSET
    limitations: list[CitedText] | Unset = UNSET
    href: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.ref import Ref  # noqa: PLC0415

        slug = self.slug

        design = self.design.value

        design_strength = self.design_strength

        citations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.citations, Unset):
            citations = []
            for citations_item_data in self.citations:
                citations_item = citations_item_data.to_dict()
                citations.append(citations_item)

        project: dict[str, Any] | None | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        elif isinstance(self.project, Ref):
            project = self.project.to_dict()
        else:
            project = self.project

        report: dict[str, Any] | None | Unset
        if isinstance(self.report, Unset):
            report = UNSET
        elif isinstance(self.report, Ref):
            report = self.report.to_dict()
        else:
            report = self.report

        evaluator: None | str | Unset
        if isinstance(self.evaluator, Unset):
            evaluator = UNSET
        else:
            evaluator = self.evaluator

        methods: list[str] | Unset = UNSET
        if not isinstance(self.methods, Unset):
            methods = self.methods

        sample_planned: None | str | Unset
        if isinstance(self.sample_planned, Unset):
            sample_planned = UNSET
        else:
            sample_planned = self.sample_planned

        sample_achieved: None | str | Unset
        if isinstance(self.sample_achieved, Unset):
            sample_achieved = UNSET
        else:
            sample_achieved = self.sample_achieved

        duration: None | str | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        limitations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.limitations, Unset):
            limitations = []
            for limitations_item_data in self.limitations:
                limitations_item = limitations_item_data.to_dict()
                limitations.append(limitations_item)

        href = self.href

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slug": slug,
                "design": design,
                "design_strength": design_strength,
            }
        )
        if citations is not UNSET:
            field_dict["citations"] = citations
        if project is not UNSET:
            field_dict["project"] = project
        if report is not UNSET:
            field_dict["report"] = report
        if evaluator is not UNSET:
            field_dict["evaluator"] = evaluator
        if methods is not UNSET:
            field_dict["methods"] = methods
        if sample_planned is not UNSET:
            field_dict["sample_planned"] = sample_planned
        if sample_achieved is not UNSET:
            field_dict["sample_achieved"] = sample_achieved
        if duration is not UNSET:
            field_dict["duration"] = duration
        if limitations is not UNSET:
            field_dict["limitations"] = limitations
        if href is not UNSET:
            field_dict["href"] = href

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation import Citation  # noqa: PLC0415
        from ..models.cited_text import CitedText  # noqa: PLC0415
        from ..models.ref import Ref  # noqa: PLC0415

        d = dict(src_dict)
        slug = d.pop("slug")

        design = EvaluationDesign(d.pop("design"))

        design_strength = d.pop("design_strength")

        _citations = d.pop("citations", UNSET)
        citations: list[Citation] | Unset = UNSET
        if _citations is not UNSET:
            citations = []
            for citations_item_data in _citations:
                citations_item = Citation.from_dict(citations_item_data)

                citations.append(citations_item)

        def _parse_project(data: object) -> None | Ref | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                project_type_0 = Ref.from_dict(data)

                return project_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Ref | Unset, data)

        project = _parse_project(d.pop("project", UNSET))

        def _parse_report(data: object) -> None | Ref | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                report_type_0 = Ref.from_dict(data)

                return report_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Ref | Unset, data)

        report = _parse_report(d.pop("report", UNSET))

        def _parse_evaluator(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        evaluator = _parse_evaluator(d.pop("evaluator", UNSET))

        methods = cast(list[str], d.pop("methods", UNSET))

        def _parse_sample_planned(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sample_planned = _parse_sample_planned(d.pop("sample_planned", UNSET))

        def _parse_sample_achieved(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sample_achieved = _parse_sample_achieved(d.pop("sample_achieved", UNSET))

        def _parse_duration(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        duration = _parse_duration(d.pop("duration", UNSET))

        _limitations = d.pop("limitations", UNSET)
        limitations: list[CitedText] | Unset = UNSET
        if _limitations is not UNSET:
            limitations = []
            for limitations_item_data in _limitations:
                limitations_item = CitedText.from_dict(limitations_item_data)

                limitations.append(limitations_item)

        href = d.pop("href", UNSET)

        evaluation_public = cls(
            slug=slug,
            design=design,
            design_strength=design_strength,
            citations=citations,
            project=project,
            report=report,
            evaluator=evaluator,
            methods=methods,
            sample_planned=sample_planned,
            sample_achieved=sample_achieved,
            duration=duration,
            limitations=limitations,
            href=href,
        )

        evaluation_public.additional_properties = d
        return evaluation_public

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
