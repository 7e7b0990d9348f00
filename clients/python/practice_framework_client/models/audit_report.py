from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audit_status import AuditStatus

if TYPE_CHECKING:
    from ..models.completeness import Completeness
    from ..models.condition_standing import ConditionStanding
    from ..models.rating_summary import RatingSummary
    from ..models.weak_condition import WeakCondition


T = TypeVar("T", bound="AuditReport")


@_attrs_define
class AuditReport:
    """
    Attributes:
        audit (str):
        template_version (int):
        status (AuditStatus):
        revision (int):
        completeness (Completeness):
        ratings (RatingSummary):
        weak_rule (str):
        conditions (list[ConditionStanding]):
        weak_conditions (list[WeakCondition]):
    """

    audit: str
    template_version: int
    status: AuditStatus
    revision: int
    completeness: Completeness
    ratings: RatingSummary
    weak_rule: str
    conditions: list[ConditionStanding]
    weak_conditions: list[WeakCondition]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        audit = self.audit

        template_version = self.template_version

        status = self.status.value

        revision = self.revision

        completeness = self.completeness.to_dict()

        ratings = self.ratings.to_dict()

        weak_rule = self.weak_rule

        conditions = []
        for conditions_item_data in self.conditions:
            conditions_item = conditions_item_data.to_dict()
            conditions.append(conditions_item)

        weak_conditions = []
        for weak_conditions_item_data in self.weak_conditions:
            weak_conditions_item = weak_conditions_item_data.to_dict()
            weak_conditions.append(weak_conditions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "audit": audit,
                "template_version": template_version,
                "status": status,
                "revision": revision,
                "completeness": completeness,
                "ratings": ratings,
                "weak_rule": weak_rule,
                "conditions": conditions,
                "weak_conditions": weak_conditions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.completeness import Completeness  # noqa: PLC0415
        from ..models.condition_standing import ConditionStanding  # noqa: PLC0415
        from ..models.rating_summary import RatingSummary  # noqa: PLC0415
        from ..models.weak_condition import WeakCondition  # noqa: PLC0415

        d = dict(src_dict)
        audit = d.pop("audit")

        template_version = d.pop("template_version")

        status = AuditStatus(d.pop("status"))

        revision = d.pop("revision")

        completeness = Completeness.from_dict(d.pop("completeness"))

        ratings = RatingSummary.from_dict(d.pop("ratings"))

        weak_rule = d.pop("weak_rule")

        conditions = []
        _conditions = d.pop("conditions")
        for conditions_item_data in _conditions:
            conditions_item = ConditionStanding.from_dict(conditions_item_data)

            conditions.append(conditions_item)

        weak_conditions = []
        _weak_conditions = d.pop("weak_conditions")
        for weak_conditions_item_data in _weak_conditions:
            weak_conditions_item = WeakCondition.from_dict(weak_conditions_item_data)

            weak_conditions.append(weak_conditions_item)

        audit_report = cls(
            audit=audit,
            template_version=template_version,
            status=status,
            revision=revision,
            completeness=completeness,
            ratings=ratings,
            weak_rule=weak_rule,
            conditions=conditions,
            weak_conditions=weak_conditions,
        )

        audit_report.additional_properties = d
        return audit_report

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
