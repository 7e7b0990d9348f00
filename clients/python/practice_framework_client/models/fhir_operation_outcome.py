from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fhir_operation_outcome_issue_item import FhirOperationOutcomeIssueItem


T = TypeVar("T", bound="FhirOperationOutcome")


@_attrs_define
class FhirOperationOutcome:
    """What went wrong (or, from $validate, what was found) (https://hl7.org/fhir/R4/operationoutcome.html)

    Attributes:
        resource_type (Literal['OperationOutcome']):
        issue (list[FhirOperationOutcomeIssueItem] | Unset):
    """

    resource_type: Literal["OperationOutcome"]
    issue: list[FhirOperationOutcomeIssueItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resource_type = self.resource_type

        issue: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.issue, Unset):
            issue = []
            for issue_item_data in self.issue:
                issue_item = issue_item_data.to_dict()
                issue.append(issue_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resourceType": resource_type,
            }
        )
        if issue is not UNSET:
            field_dict["issue"] = issue

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fhir_operation_outcome_issue_item import FhirOperationOutcomeIssueItem  # noqa: PLC0415

        d = dict(src_dict)
        resource_type = cast(Literal["OperationOutcome"], d.pop("resourceType"))
        if resource_type != "OperationOutcome":
            raise ValueError(f"resourceType must match const 'OperationOutcome', got '{resource_type}'")

        _issue = d.pop("issue", UNSET)
        issue: list[FhirOperationOutcomeIssueItem] | Unset = UNSET
        if _issue is not UNSET:
            issue = []
            for issue_item_data in _issue:
                issue_item = FhirOperationOutcomeIssueItem.from_dict(issue_item_data)

                issue.append(issue_item)

        fhir_operation_outcome = cls(
            resource_type=resource_type,
            issue=issue,
        )

        fhir_operation_outcome.additional_properties = d
        return fhir_operation_outcome

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
