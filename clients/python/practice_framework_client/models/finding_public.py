from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.finding_direction import FindingDirection
from ..models.finding_kind import FindingKind
from ..models.finding_qualifier import FindingQualifier
from ..models.unit import Unit
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.citation import Citation
    from ..models.distinct_from import DistinctFrom
    from ..models.sample_size import SampleSize


T = TypeVar("T", bound="FindingPublic")


@_attrs_define
class FindingPublic:
    """
    Attributes:
        slug (str):
        kind (FindingKind):
        metric (str):
        statement (str): The verbatim sentence that states the figure.
        source (str): Source slug of the statement.
        citations (list[Citation] | Unset):
        project (None | str | Unset):
        programme (None | str | Unset):
        outcomes (list[str] | Unset):
        baseline_value (float | None | Unset): Magnitude as printed, never signed.
        baseline_period (None | str | Unset):
        result_value (float | None | Unset): Magnitude as printed, never signed; see `direction`.
        result_period (None | str | Unset):
        unit (None | Unit | Unset):
        direction (FindingDirection | None | Unset): Which way the measure moved, wherever the finding reports a change.
        qualifier (FindingQualifier | None | Unset): How the text qualifies the result value ('over' is `more-than`,
            'around', 'about' and 'in the region of' are `approximately`, 'almost' and 'nearly' `almost`).
        comparison_value (float | None | Unset):
        comparison_label (None | str | Unset):
        sample_size (None | SampleSize | Unset):
        significance (None | str | Unset):
        canonical (bool | Unset): Findings that report one fact from different texts link to each other with
            `same_fact_as`; exactly one of them is `canonical`: the most specific (more of baseline, comparison, sample,
            period and an exact value), else the primary source (the text that reports the evaluation itself, before one
            that restates it: 002, 003 and 004 before 000, 000 before 001). A finding with no `same_fact_as` is canonical.
            Default: True.
        same_fact_as (list[str] | Unset): Findings of other texts that report the same fact.
        conflicts_with (list[str] | Unset): Findings that give a different figure for the same thing; both are kept.
        distinct_from (list[DistinctFrom] | Unset): Findings of the same text with the same number that are different
            facts.
        href (str | Unset):  Default: ''.
    """

    slug: str
    kind: FindingKind
    metric: str
    statement: str
    source: str
    citations: list[Citation] | Unset = UNSET
    project: None | str | Unset = UNSET
    programme: None | str | Unset = UNSET
    outcomes: list[str] | Unset = UNSET
    baseline_value: float | None | Unset = UNSET
    baseline_period: None | str | Unset = UNSET
    result_value: float | None | Unset = UNSET
    result_period: None | str | Unset = UNSET
    unit: None | Unit | Unset = UNSET
    direction: FindingDirection | None | Unset = UNSET
    qualifier: FindingQualifier | None | Unset = UNSET
    comparison_value: float | None | Unset = UNSET
    comparison_label: None | str | Unset = UNSET
    sample_size: None | SampleSize | Unset = UNSET
    significance: None | str | Unset = UNSET
    canonical: bool | Unset = True
    same_fact_as: list[str] | Unset = UNSET
    conflicts_with: list[str] | Unset = UNSET
    distinct_from: list[DistinctFrom] | Unset = UNSET
    href: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.sample_size import SampleSize  # noqa: PLC0415

        slug = self.slug

        kind = self.kind.value

        metric = self.metric

        statement = self.statement

        source = self.source

        citations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.citations, Unset):
            citations = []
            for citations_item_data in self.citations:
                citations_item = citations_item_data.to_dict()
                citations.append(citations_item)

        project: None | str | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        else:
            project = self.project

        programme: None | str | Unset
        if isinstance(self.programme, Unset):
            programme = UNSET
        else:
            programme = self.programme

        outcomes: list[str] | Unset = UNSET
        if not isinstance(self.outcomes, Unset):
            outcomes = self.outcomes

        baseline_value: float | None | Unset
        if isinstance(self.baseline_value, Unset):
            baseline_value = UNSET
        else:
            baseline_value = self.baseline_value

        baseline_period: None | str | Unset
        if isinstance(self.baseline_period, Unset):
            baseline_period = UNSET
        else:
            baseline_period = self.baseline_period

        result_value: float | None | Unset
        if isinstance(self.result_value, Unset):
            result_value = UNSET
        else:
            result_value = self.result_value

        result_period: None | str | Unset
        if isinstance(self.result_period, Unset):
            result_period = UNSET
        else:
            result_period = self.result_period

        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        elif isinstance(self.unit, Unit):
            unit = self.unit.value
        else:
            unit = self.unit

        direction: None | str | Unset
        if isinstance(self.direction, Unset):
            direction = UNSET
        elif isinstance(self.direction, FindingDirection):
            direction = self.direction.value
        else:
            direction = self.direction

        qualifier: None | str | Unset
        if isinstance(self.qualifier, Unset):
            qualifier = UNSET
        elif isinstance(self.qualifier, FindingQualifier):
            qualifier = self.qualifier.value
        else:
            qualifier = self.qualifier

        comparison_value: float | None | Unset
        if isinstance(self.comparison_value, Unset):
            comparison_value = UNSET
        else:
            comparison_value = self.comparison_value

        comparison_label: None | str | Unset
        if isinstance(self.comparison_label, Unset):
            comparison_label = UNSET
        else:
            comparison_label = self.comparison_label

        sample_size: dict[str, Any] | None | Unset
        if isinstance(self.sample_size, Unset):
            sample_size = UNSET
        elif isinstance(self.sample_size, SampleSize):
            sample_size = self.sample_size.to_dict()
        else:
            sample_size = self.sample_size

        significance: None | str | Unset
        if isinstance(self.significance, Unset):
            significance = UNSET
        else:
            significance = self.significance

        canonical = self.canonical

        same_fact_as: list[str] | Unset = UNSET
        if not isinstance(self.same_fact_as, Unset):
            same_fact_as = self.same_fact_as

        conflicts_with: list[str] | Unset = UNSET
        if not isinstance(self.conflicts_with, Unset):
            conflicts_with = self.conflicts_with

        distinct_from: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.distinct_from, Unset):
            distinct_from = []
            for distinct_from_item_data in self.distinct_from:
                distinct_from_item = distinct_from_item_data.to_dict()
                distinct_from.append(distinct_from_item)

        href = self.href

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slug": slug,
                "kind": kind,
                "metric": metric,
                "statement": statement,
                "source": source,
            }
        )
        if citations is not UNSET:
            field_dict["citations"] = citations
        if project is not UNSET:
            field_dict["project"] = project
        if programme is not UNSET:
            field_dict["programme"] = programme
        if outcomes is not UNSET:
            field_dict["outcomes"] = outcomes
        if baseline_value is not UNSET:
            field_dict["baseline_value"] = baseline_value
        if baseline_period is not UNSET:
            field_dict["baseline_period"] = baseline_period
        if result_value is not UNSET:
            field_dict["result_value"] = result_value
        if result_period is not UNSET:
            field_dict["result_period"] = result_period
        if unit is not UNSET:
            field_dict["unit"] = unit
        if direction is not UNSET:
            field_dict["direction"] = direction
        if qualifier is not UNSET:
            field_dict["qualifier"] = qualifier
        if comparison_value is not UNSET:
            field_dict["comparison_value"] = comparison_value
        if comparison_label is not UNSET:
            field_dict["comparison_label"] = comparison_label
        if sample_size is not UNSET:
            field_dict["sample_size"] = sample_size
        if significance is not UNSET:
            field_dict["significance"] = significance
        if canonical is not UNSET:
            field_dict["canonical"] = canonical
        if same_fact_as is not UNSET:
            field_dict["same_fact_as"] = same_fact_as
        if conflicts_with is not UNSET:
            field_dict["conflicts_with"] = conflicts_with
        if distinct_from is not UNSET:
            field_dict["distinct_from"] = distinct_from
        if href is not UNSET:
            field_dict["href"] = href

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation import Citation  # noqa: PLC0415
        from ..models.distinct_from import DistinctFrom  # noqa: PLC0415
        from ..models.sample_size import SampleSize  # noqa: PLC0415

        d = dict(src_dict)
        slug = d.pop("slug")

        kind = FindingKind(d.pop("kind"))

        metric = d.pop("metric")

        statement = d.pop("statement")

        source = d.pop("source")

        _citations = d.pop("citations", UNSET)
        citations: list[Citation] | Unset = UNSET
        if _citations is not UNSET:
            citations = []
            for citations_item_data in _citations:
                citations_item = Citation.from_dict(citations_item_data)

                citations.append(citations_item)

        def _parse_project(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project = _parse_project(d.pop("project", UNSET))

        def _parse_programme(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        programme = _parse_programme(d.pop("programme", UNSET))

        outcomes = cast(list[str], d.pop("outcomes", UNSET))

        def _parse_baseline_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        baseline_value = _parse_baseline_value(d.pop("baseline_value", UNSET))

        def _parse_baseline_period(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        baseline_period = _parse_baseline_period(d.pop("baseline_period", UNSET))

        def _parse_result_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        result_value = _parse_result_value(d.pop("result_value", UNSET))

        def _parse_result_period(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result_period = _parse_result_period(d.pop("result_period", UNSET))

        def _parse_unit(data: object) -> None | Unit | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                unit_type_0 = Unit(data)

                return unit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unit | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))

        def _parse_direction(data: object) -> FindingDirection | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                direction_type_0 = FindingDirection(data)

                return direction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FindingDirection | None | Unset, data)

        direction = _parse_direction(d.pop("direction", UNSET))

        def _parse_qualifier(data: object) -> FindingQualifier | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                qualifier_type_0 = FindingQualifier(data)

                return qualifier_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FindingQualifier | None | Unset, data)

        qualifier = _parse_qualifier(d.pop("qualifier", UNSET))

        def _parse_comparison_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        comparison_value = _parse_comparison_value(d.pop("comparison_value", UNSET))

        def _parse_comparison_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comparison_label = _parse_comparison_label(d.pop("comparison_label", UNSET))

        def _parse_sample_size(data: object) -> None | SampleSize | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sample_size_type_0 = SampleSize.from_dict(data)

                return sample_size_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SampleSize | Unset, data)

        sample_size = _parse_sample_size(d.pop("sample_size", UNSET))

        def _parse_significance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        significance = _parse_significance(d.pop("significance", UNSET))

        canonical = d.pop("canonical", UNSET)

        same_fact_as = cast(list[str], d.pop("same_fact_as", UNSET))

        conflicts_with = cast(list[str], d.pop("conflicts_with", UNSET))

        _distinct_from = d.pop("distinct_from", UNSET)
        distinct_from: list[DistinctFrom] | Unset = UNSET
        if _distinct_from is not UNSET:
            distinct_from = []
            for distinct_from_item_data in _distinct_from:
                distinct_from_item = DistinctFrom.from_dict(distinct_from_item_data)

                distinct_from.append(distinct_from_item)

        href = d.pop("href", UNSET)

        finding_public = cls(
            slug=slug,
            kind=kind,
            metric=metric,
            statement=statement,
            source=source,
            citations=citations,
            project=project,
            programme=programme,
            outcomes=outcomes,
            baseline_value=baseline_value,
            baseline_period=baseline_period,
            result_value=result_value,
            result_period=result_period,
            unit=unit,
            direction=direction,
            qualifier=qualifier,
            comparison_value=comparison_value,
            comparison_label=comparison_label,
            sample_size=sample_size,
            significance=significance,
            canonical=canonical,
            same_fact_as=same_fact_as,
            conflicts_with=conflicts_with,
            distinct_from=distinct_from,
            href=href,
        )

        finding_public.additional_properties = d
        return finding_public

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
