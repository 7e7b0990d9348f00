from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.get_questionnaire_fhir_operation_outcome_issue_item_severity import (
    GetQuestionnaireFhirOperationOutcomeIssueItemSeverity,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.get_questionnaire_fhir_operation_outcome_issue_item_details import (
        GetQuestionnaireFhirOperationOutcomeIssueItemDetails,
    )


T = TypeVar("T", bound="GetQuestionnaireFhirOperationOutcomeIssueItem")


@_attrs_define
class GetQuestionnaireFhirOperationOutcomeIssueItem:
    """
    Attributes:
        severity (GetQuestionnaireFhirOperationOutcomeIssueItemSeverity):
        code (str):
        details (GetQuestionnaireFhirOperationOutcomeIssueItemDetails | Unset):
        diagnostics (str | Unset):
        expression (list[str] | Unset):
    """

    severity: GetQuestionnaireFhirOperationOutcomeIssueItemSeverity
    code: str
    details: GetQuestionnaireFhirOperationOutcomeIssueItemDetails | Unset = UNSET
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
        from ..models.get_questionnaire_fhir_operation_outcome_issue_item_details import (
            GetQuestionnaireFhirOperationOutcomeIssueItemDetails,  # noqa: PLC0415
        )

        d = dict(src_dict)
        severity = GetQuestionnaireFhirOperationOutcomeIssueItemSeverity(d.pop("severity"))

        code = d.pop("code")

        _details = d.pop("details", UNSET)
        details: GetQuestionnaireFhirOperationOutcomeIssueItemDetails | Unset
        if isinstance(_details, Unset):
            details = UNSET
        else:
            details = GetQuestionnaireFhirOperationOutcomeIssueItemDetails.from_dict(_details)

        diagnostics = d.pop("diagnostics", UNSET)

        expression = cast(list[str], d.pop("expression", UNSET))

        get_questionnaire_fhir_operation_outcome_issue_item = cls(
            severity=severity,
            code=code,
            details=details,
            diagnostics=diagnostics,
            expression=expression,
        )

        get_questionnaire_fhir_operation_outcome_issue_item.additional_properties = d
        return get_questionnaire_fhir_operation_outcome_issue_item

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
