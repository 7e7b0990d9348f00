from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.fhir_operation_outcome_issue_item_severity import FhirOperationOutcomeIssueItemSeverity
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fhir_operation_outcome_issue_item_details import FhirOperationOutcomeIssueItemDetails


T = TypeVar("T", bound="FhirOperationOutcomeIssueItem")


@_attrs_define
class FhirOperationOutcomeIssueItem:
    """
    Attributes:
        severity (FhirOperationOutcomeIssueItemSeverity):
        code (str):
        details (FhirOperationOutcomeIssueItemDetails | Unset):
        diagnostics (str | Unset):
        expression (list[str] | Unset):
    """

    severity: FhirOperationOutcomeIssueItemSeverity
    code: str
    details: FhirOperationOutcomeIssueItemDetails | Unset = UNSET
    diagnostics: str | Unset = UNSET
    expression: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        severity = self.severity.value

        code = self.code

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()

        diagnostics = self.diagnostics

        expression: list[str] | Unset = UNSET
        if not isinstance(self.expression, Unset):
            expression = self.expression

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "severity": severity,
                "code": code,
            }
        )
        if details is not UNSET:
            field_dict["details"] = details
        if diagnostics is not UNSET:
            field_dict["diagnostics"] = diagnostics
        if expression is not UNSET:
            field_dict["expression"] = expression

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fhir_operation_outcome_issue_item_details import FhirOperationOutcomeIssueItemDetails  # noqa: PLC0415

        d = dict(src_dict)
        severity = FhirOperationOutcomeIssueItemSeverity(d.pop("severity"))

        code = d.pop("code")

        _details = d.pop("details", UNSET)
        details: FhirOperationOutcomeIssueItemDetails | Unset
        if isinstance(_details, Unset):
            details = UNSET
        else:
            details = FhirOperationOutcomeIssueItemDetails.from_dict(_details)

        diagnostics = d.pop("diagnostics", UNSET)

        expression = cast(list[str], d.pop("expression", UNSET))

        fhir_operation_outcome_issue_item = cls(
            severity=severity,
            code=code,
            details=details,
            diagnostics=diagnostics,
            expression=expression,
        )

        fhir_operation_outcome_issue_item.additional_properties = d
        return fhir_operation_outcome_issue_item

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
