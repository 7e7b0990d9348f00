from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.citation import Citation
    from ..models.figure import Figure
    from ..models.ref import Ref


T = TypeVar("T", bound="ProgrammePublic")


@_attrs_define
class ProgrammePublic:
    """
    Attributes:
        slug (str):
        name (str):
        citations (list[Citation] | Unset):
        description (None | str | Unset):
        figures (list[Figure] | Unset): Every figure the texts give, including ones that disagree, each with its
            citation.
        projects (list[Ref] | Unset):
        findings (list[Ref] | Unset):
        href (str | Unset):  Default: ''.
    """

    slug: str
    name: str
    citations: list[Citation] | Unset = UNSET
    description: None | str | Unset = UNSET
    figures: list[Figure] | Unset = UNSET
    projects: list[Ref] | Unset = UNSET
    findings: list[Ref] | Unset = UNSET
    href: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        name = self.name

        citations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.citations, Unset):
            citations = []
            for citations_item_data in self.citations:
                citations_item = citations_item_data.to_dict()
                citations.append(citations_item)

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        figures: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.figures, Unset):
            figures = []
            for figures_item_data in self.figures:
                figures_item = figures_item_data.to_dict()
                figures.append(figures_item)

        projects: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.projects, Unset):
            projects = []
            for projects_item_data in self.projects:
                projects_item = projects_item_data.to_dict()
                projects.append(projects_item)

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
        if description is not UNSET:
            field_dict["description"] = description
        if figures is not UNSET:
            field_dict["figures"] = figures
        if projects is not UNSET:
            field_dict["projects"] = projects
        if findings is not UNSET:
            field_dict["findings"] = findings
        if href is not UNSET:
            field_dict["href"] = href

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation import Citation  # noqa: PLC0415
        from ..models.figure import Figure  # noqa: PLC0415
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

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _figures = d.pop("figures", UNSET)
        figures: list[Figure] | Unset = UNSET
        if _figures is not UNSET:
            figures = []
            for figures_item_data in _figures:
                figures_item = Figure.from_dict(figures_item_data)

                figures.append(figures_item)

        _projects = d.pop("projects", UNSET)
        projects: list[Ref] | Unset = UNSET
        if _projects is not UNSET:
            projects = []
            for projects_item_data in _projects:
                projects_item = Ref.from_dict(projects_item_data)

                projects.append(projects_item)

        _findings = d.pop("findings", UNSET)
        findings: list[Ref] | Unset = UNSET
        if _findings is not UNSET:
            findings = []
            for findings_item_data in _findings:
                findings_item = Ref.from_dict(findings_item_data)

                findings.append(findings_item)

        href = d.pop("href", UNSET)

        programme_public = cls(
            slug=slug,
            name=name,
            citations=citations,
            description=description,
            figures=figures,
            projects=projects,
            findings=findings,
            href=href,
        )

        programme_public.additional_properties = d
        return programme_public

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
