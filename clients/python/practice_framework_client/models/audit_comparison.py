from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.audit_comparison_completeness import AuditComparisonCompleteness
    from ..models.audit_point import AuditPoint
    from ..models.condition_progress import ConditionProgress
    from ..models.progress_summary import ProgressSummary


T = TypeVar("T", bound="AuditComparison")


@_attrs_define
class AuditComparison:
    """
    Attributes:
        template_version (int):
        from_audit (AuditPoint):
        to_audit (AuditPoint):
        completeness (AuditComparisonCompleteness): `from` and `to`.
        summary (ProgressSummary):
        conditions (list[ConditionProgress]):
    """

    template_version: int
    from_audit: AuditPoint
    to_audit: AuditPoint
    completeness: AuditComparisonCompleteness
    summary: ProgressSummary
    conditions: list[ConditionProgress]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        template_version = self.template_version

        from_audit = self.from_audit.to_dict()

        to_audit = self.to_audit.to_dict()

        completeness = self.completeness.to_dict()

        summary = self.summary.to_dict()

        conditions = []
        for conditions_item_data in self.conditions:
            conditions_item = conditions_item_data.to_dict()
            conditions.append(conditions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "template_version": template_version,
                "from_audit": from_audit,
                "to_audit": to_audit,
                "completeness": completeness,
                "summary": summary,
                "conditions": conditions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_comparison_completeness import AuditComparisonCompleteness  # noqa: PLC0415
        from ..models.audit_point import AuditPoint  # noqa: PLC0415
        from ..models.condition_progress import ConditionProgress  # noqa: PLC0415
        from ..models.progress_summary import ProgressSummary  # noqa: PLC0415

        d = dict(src_dict)
        template_version = d.pop("template_version")

        from_audit = AuditPoint.from_dict(d.pop("from_audit"))

        to_audit = AuditPoint.from_dict(d.pop("to_audit"))

        completeness = AuditComparisonCompleteness.from_dict(d.pop("completeness"))

        summary = ProgressSummary.from_dict(d.pop("summary"))

        conditions = []
        _conditions = d.pop("conditions")
        for conditions_item_data in _conditions:
            conditions_item = ConditionProgress.from_dict(conditions_item_data)

            conditions.append(conditions_item)

        audit_comparison = cls(
            template_version=template_version,
            from_audit=from_audit,
            to_audit=to_audit,
            completeness=completeness,
            summary=summary,
            conditions=conditions,
        )

        audit_comparison.additional_properties = d
        return audit_comparison

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
