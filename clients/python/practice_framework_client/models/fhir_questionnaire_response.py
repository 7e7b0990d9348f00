from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.fhir_questionnaire_response_status import FhirQuestionnaireResponseStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fhir_questionnaire_response_item_item import FhirQuestionnaireResponseItemItem


T = TypeVar("T", bound="FhirQuestionnaireResponse")


@_attrs_define
class FhirQuestionnaireResponse:
    """An audit as a FHIR R4 QuestionnaireResponse: `in-progress` (a draft), `completed` (submitted) or `amended` (from its
    first amendment on) (https://hl7.org/fhir/R4/questionnaireresponse.html)

        Attributes:
            resource_type (Literal['QuestionnaireResponse']):
            id (str | Unset):
            questionnaire (str | Unset): The Questionnaire's canonical|version.
            status (FhirQuestionnaireResponseStatus | Unset):
            item (list[FhirQuestionnaireResponseItemItem] | Unset):
    """

    resource_type: Literal["QuestionnaireResponse"]
    id: str | Unset = UNSET
    questionnaire: str | Unset = UNSET
    status: FhirQuestionnaireResponseStatus | Unset = UNSET
    item: list[FhirQuestionnaireResponseItemItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resource_type = self.resource_type

        id = self.id

        questionnaire = self.questionnaire

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        item: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.item, Unset):
            item = []
            for item_item_data in self.item:
                item_item = item_item_data.to_dict()
                item.append(item_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resourceType": resource_type,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if questionnaire is not UNSET:
            field_dict["questionnaire"] = questionnaire
        if status is not UNSET:
            field_dict["status"] = status
        if item is not UNSET:
            field_dict["item"] = item

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fhir_questionnaire_response_item_item import FhirQuestionnaireResponseItemItem  # noqa: PLC0415

        d = dict(src_dict)
        resource_type = cast(Literal["QuestionnaireResponse"], d.pop("resourceType"))
        if resource_type != "QuestionnaireResponse":
            raise ValueError(f"resourceType must match const 'QuestionnaireResponse', got '{resource_type}'")

        id = d.pop("id", UNSET)

        questionnaire = d.pop("questionnaire", UNSET)

        _status = d.pop("status", UNSET)
        status: FhirQuestionnaireResponseStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = FhirQuestionnaireResponseStatus(_status)

        _item = d.pop("item", UNSET)
        item: list[FhirQuestionnaireResponseItemItem] | Unset = UNSET
        if _item is not UNSET:
            item = []
            for item_item_data in _item:
                item_item = FhirQuestionnaireResponseItemItem.from_dict(item_item_data)

                item.append(item_item)

        fhir_questionnaire_response = cls(
            resource_type=resource_type,
            id=id,
            questionnaire=questionnaire,
            status=status,
            item=item,
        )

        fhir_questionnaire_response.additional_properties = d
        return fhir_questionnaire_response

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
