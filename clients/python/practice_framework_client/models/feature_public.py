from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.benefit import Benefit
    from ..models.citation import Citation
    from ..models.pitfall import Pitfall
    from ..models.quotation import Quotation
    from ..models.ref import Ref


T = TypeVar("T", bound="FeaturePublic")


@_attrs_define
class FeaturePublic:
    """
    Attributes:
        slug (str):
        number (int):
        title (str):
        definition (str):
        benefits (list[Benefit]): What difference does it make?
        pitfalls (list[Pitfall]): Potential pitfalls.
        citations (list[Citation] | Unset):
        heading (None | str | Unset): The in-depth section heading, where it is worded differently from the numbered
            list.
        quotations (list[Quotation] | Unset):
        related_outcomes (list[Ref] | Unset): Derived: outcomes evidenced by the projects that demonstrate this feature.
        related_enablers (list[Ref] | Unset): Derived from this project's curated audit mapping: enablers that share an
            audit condition with this feature.
        projects (list[Ref] | Unset): Projects that demonstrate this feature.
        href (str | Unset):  Default: ''.
    """

    slug: str
    number: int
    title: str
    definition: str
    benefits: list[Benefit]
    pitfalls: list[Pitfall]
    citations: list[Citation] | Unset = UNSET
    heading: None | str | Unset = UNSET
    quotations: list[Quotation] | Unset = UNSET
    related_outcomes: list[Ref] | Unset = UNSET
    related_enablers: list[Ref] | Unset = UNSET
    projects: list[Ref] | Unset = UNSET
    href: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        number = self.number

        title = self.title

        definition = self.definition

        benefits = []
        for benefits_item_data in self.benefits:
            benefits_item = benefits_item_data.to_dict()
            benefits.append(benefits_item)

        pitfalls = []
        for pitfalls_item_data in self.pitfalls:
            pitfalls_item = pitfalls_item_data.to_dict()
            pitfalls.append(pitfalls_item)

        citations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.citations, Unset):
            citations = []
            for citations_item_data in self.citations:
                citations_item = citations_item_data.to_dict()
                citations.append(citations_item)

        heading: None | str | Unset
        if isinstance(self.heading, Unset):
            heading = UNSET
        else:
            heading = self.heading

        quotations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.quotations, Unset):
            quotations = []
            for quotations_item_data in self.quotations:
                quotations_item = quotations_item_data.to_dict()
                quotations.append(quotations_item)

        related_outcomes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.related_outcomes, Unset):
            related_outcomes = []
            for related_outcomes_item_data in self.related_outcomes:
                related_outcomes_item = related_outcomes_item_data.to_dict()
                related_outcomes.append(related_outcomes_item)

        related_enablers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.related_enablers, Unset):
            related_enablers = []
            for related_enablers_item_data in self.related_enablers:
                related_enablers_item = related_enablers_item_data.to_dict()
                related_enablers.append(related_enablers_item)

        projects: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.projects, Unset):
            projects = []
            for projects_item_data in self.projects:
                projects_item = projects_item_data.to_dict()
                projects.append(projects_item)

        href = self.href

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slug": slug,
                "number": number,
                "title": title,
                "definition": definition,
                "benefits": benefits,
                "pitfalls": pitfalls,
            }
        )
        if citations is not UNSET:
            field_dict["citations"] = citations
        if heading is not UNSET:
            field_dict["heading"] = heading
        if quotations is not UNSET:
            field_dict["quotations"] = quotations
        if related_outcomes is not UNSET:
            field_dict["related_outcomes"] = related_outcomes
        if related_enablers is not UNSET:
            field_dict["related_enablers"] = related_enablers
        if projects is not UNSET:
            field_dict["projects"] = projects
        if href is not UNSET:
            field_dict["href"] = href

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.benefit import Benefit  # noqa: PLC0415
        from ..models.citation import Citation  # noqa: PLC0415
        from ..models.pitfall import Pitfall  # noqa: PLC0415
        from ..models.quotation import Quotation  # noqa: PLC0415
        from ..models.ref import Ref  # noqa: PLC0415

        d = dict(src_dict)
        slug = d.pop("slug")

        number = d.pop("number")

        title = d.pop("title")

        definition = d.pop("definition")

        benefits = []
        _benefits = d.pop("benefits")
        for benefits_item_data in _benefits:
            benefits_item = Benefit.from_dict(benefits_item_data)

            benefits.append(benefits_item)

        pitfalls = []
        _pitfalls = d.pop("pitfalls")
        for pitfalls_item_data in _pitfalls:
            pitfalls_item = Pitfall.from_dict(pitfalls_item_data)

            pitfalls.append(pitfalls_item)

        _citations = d.pop("citations", UNSET)
        citations: list[Citation] | Unset = UNSET
        if _citations is not UNSET:
            citations = []
            for citations_item_data in _citations:
                citations_item = Citation.from_dict(citations_item_data)

                citations.append(citations_item)

        def _parse_heading(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        heading = _parse_heading(d.pop("heading", UNSET))

        _quotations = d.pop("quotations", UNSET)
        quotations: list[Quotation] | Unset = UNSET
        if _quotations is not UNSET:
            quotations = []
            for quotations_item_data in _quotations:
                quotations_item = Quotation.from_dict(quotations_item_data)

                quotations.append(quotations_item)

        _related_outcomes = d.pop("related_outcomes", UNSET)
        related_outcomes: list[Ref] | Unset = UNSET
        if _related_outcomes is not UNSET:
            related_outcomes = []
            for related_outcomes_item_data in _related_outcomes:
                related_outcomes_item = Ref.from_dict(related_outcomes_item_data)

                related_outcomes.append(related_outcomes_item)

        _related_enablers = d.pop("related_enablers", UNSET)
        related_enablers: list[Ref] | Unset = UNSET
        if _related_enablers is not UNSET:
            related_enablers = []
            for related_enablers_item_data in _related_enablers:
                related_enablers_item = Ref.from_dict(related_enablers_item_data)

                related_enablers.append(related_enablers_item)

        _projects = d.pop("projects", UNSET)
        projects: list[Ref] | Unset = UNSET
        if _projects is not UNSET:
            projects = []
            for projects_item_data in _projects:
                projects_item = Ref.from_dict(projects_item_data)

                projects.append(projects_item)

        href = d.pop("href", UNSET)

        feature_public = cls(
            slug=slug,
            number=number,
            title=title,
            definition=definition,
            benefits=benefits,
            pitfalls=pitfalls,
            citations=citations,
            heading=heading,
            quotations=quotations,
            related_outcomes=related_outcomes,
            related_enablers=related_enablers,
            projects=projects,
            href=href,
        )

        feature_public.additional_properties = d
        return feature_public

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
