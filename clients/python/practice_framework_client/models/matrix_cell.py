from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.ref import Ref


T = TypeVar("T", bound="MatrixCell")


@_attrs_define
class MatrixCell:
    """
    Attributes:
        outcome (Ref):
        table_1 (bool): Table 1 prints this feature and this outcome on one row (it aligns its lists by position only).
        projects (list[Ref]): Projects that demonstrate the feature and evidence the outcome, by their own link to it or
            by a finding of it.
        finding_count (int): Distinct findings (one per fact, as `list_findings?distinct=true` counts them) of the
            outcome reported by projects that demonstrate the feature.
    """

    outcome: Ref
    table_1: bool
    projects: list[Ref]
    finding_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome.to_dict()

        table_1 = self.table_1

        projects = []
        for projects_item_data in self.projects:
            projects_item = projects_item_data.to_dict()
            projects.append(projects_item)

        finding_count = self.finding_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "outcome": outcome,
                "table_1": table_1,
                "projects": projects,
                "finding_count": finding_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ref import Ref  # noqa: PLC0415

        d = dict(src_dict)
        outcome = Ref.from_dict(d.pop("outcome"))

        table_1 = d.pop("table_1")

        projects = []
        _projects = d.pop("projects")
        for projects_item_data in _projects:
            projects_item = Ref.from_dict(projects_item_data)

            projects.append(projects_item)

        finding_count = d.pop("finding_count")

        matrix_cell = cls(
            outcome=outcome,
            table_1=table_1,
            projects=projects,
            finding_count=finding_count,
        )

        matrix_cell.additional_properties = d
        return matrix_cell

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
