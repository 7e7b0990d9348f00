from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.citation import Citation
    from ..models.evidence_statement import EvidenceStatement
    from ..models.ref import Ref


T = TypeVar("T", bound="OutcomePublic")


@_attrs_define
class OutcomePublic:
    """
    Attributes:
        slug (str):
        title (str):
        text_order (int): Position in the framework's 'Seven outcomes' section.
        table1_row (int): Row of Table 1, which orders outcomes differently.
        table1_title (str): The outcome's wording in Table 1.
        evidence (list[EvidenceStatement]):
        citations (list[Citation] | Unset):
        findings (list[Ref] | Unset):
        projects (list[Ref] | Unset):
        href (str | Unset):  Default: ''.
    """

    slug: str
    title: str
    text_order: int
    table1_row: int
    table1_title: str
    evidence: list[EvidenceStatement]
    citations: list[Citation] | Unset = UNSET
    findings: list[Ref] | Unset = UNSET
    projects: list[Ref] | Unset = UNSET
    href: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        title = self.title

        text_order = self.text_order

        table1_row = self.table1_row

        table1_title = self.table1_title

        evidence = []
        for evidence_item_data in self.evidence:
            evidence_item = evidence_item_data.to_dict()
            evidence.append(evidence_item)

        citations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.citations, Unset):
            citations = []
            for citations_item_data in self.citations:
                citations_item = citations_item_data.to_dict()
                citations.append(citations_item)

        findings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.findings, Unset):
            findings = []
            for findings_item_data in self.findings:
                findings_item = findings_item_data.to_dict()
                findings.append(findings_item)

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
                "title": title,
                "text_order": text_order,
                "table1_row": table1_row,
                "table1_title": table1_title,
                "evidence": evidence,
            }
        )
        if citations is not UNSET:
            field_dict["citations"] = citations
        if findings is not UNSET:
            field_dict["findings"] = findings
        if projects is not UNSET:
            field_dict["projects"] = projects
        if href is not UNSET:
            field_dict["href"] = href

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation import Citation  # noqa: PLC0415
        from ..models.evidence_statement import EvidenceStatement  # noqa: PLC0415
        from ..models.ref import Ref  # noqa: PLC0415

        d = dict(src_dict)
        slug = d.pop("slug")

        title = d.pop("title")

        text_order = d.pop("text_order")

        table1_row = d.pop("table1_row")

        table1_title = d.pop("table1_title")

        evidence = []
        _evidence = d.pop("evidence")
        for evidence_item_data in _evidence:
            evidence_item = EvidenceStatement.from_dict(evidence_item_data)

            evidence.append(evidence_item)

        _citations = d.pop("citations", UNSET)
        citations: list[Citation] | Unset = UNSET
        if _citations is not UNSET:
            citations = []
            for citations_item_data in _citations:
                citations_item = Citation.from_dict(citations_item_data)

                citations.append(citations_item)

        _findings = d.pop("findings", UNSET)
        findings: list[Ref] | Unset = UNSET
        if _findings is not UNSET:
            findings = []
            for findings_item_data in _findings:
                findings_item = Ref.from_dict(findings_item_data)

                findings.append(findings_item)

        _projects = d.pop("projects", UNSET)
        projects: list[Ref] | Unset = UNSET
        if _projects is not UNSET:
            projects = []
            for projects_item_data in _projects:
                projects_item = Ref.from_dict(projects_item_data)

                projects.append(projects_item)

        href = d.pop("href", UNSET)

        outcome_public = cls(
            slug=slug,
            title=title,
            text_order=text_order,
            table1_row=table1_row,
            table1_title=table1_title,
            evidence=evidence,
            citations=citations,
            findings=findings,
            projects=projects,
            href=href,
        )

        outcome_public.additional_properties = d
        return outcome_public

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
