from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.fhir_questionnaire_status import FhirQuestionnaireStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fhir_questionnaire_item_item import FhirQuestionnaireItemItem


T = TypeVar("T", bound="FhirQuestionnaire")


@_attrs_define
class FhirQuestionnaire:
    """A published audit template as a FHIR R4 Questionnaire (https://hl7.org/fhir/R4/questionnaire.html)

    Attributes:
        resource_type (Literal['Questionnaire']):
        id (str | Unset):
        url (str | Unset):
        version (str | Unset):
        status (FhirQuestionnaireStatus | Unset):
        item (list[FhirQuestionnaireItemItem] | Unset):
    """

    resource_type: Literal["Questionnaire"]
    id: str | Unset = UNSET
    url: str | Unset = UNSET
    version: str | Unset = UNSET
    status: FhirQuestionnaireStatus | Unset = UNSET
    item: list[FhirQuestionnaireItemItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resource_type = self.resource_type

        id = self.id

        url = self.url

        version = self.version

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
        if url is not UNSET:
            field_dict["url"] = url
        if version is not UNSET:
            field_dict["version"] = version
        if status is not UNSET:
            field_dict["status"] = status
        if item is not UNSET:
            field_dict["item"] = item

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fhir_questionnaire_item_item import FhirQuestionnaireItemItem  # noqa: PLC0415

        d = dict(src_dict)
        resource_type = cast(Literal["Questionnaire"], d.pop("resourceType"))
        if resource_type != "Questionnaire":
            raise ValueError(f"resourceType must match const 'Questionnaire', got '{resource_type}'")

        id = d.pop("id", UNSET)

        url = d.pop("url", UNSET)

        version = d.pop("version", UNSET)

        _status = d.pop("status", UNSET)
        status: FhirQuestionnaireStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = FhirQuestionnaireStatus(_status)

        _item = d.pop("item", UNSET)
        item: list[FhirQuestionnaireItemItem] | Unset = UNSET
        if _item is not UNSET:
            item = []
            for item_item_data in _item:
                item_item = FhirQuestionnaireItemItem.from_dict(item_item_data)

                item.append(item_item)

        fhir_questionnaire = cls(
            resource_type=resource_type,
            id=id,
            url=url,
            version=version,
            status=status,
            item=item,
        )

        fhir_questionnaire.additional_properties = d
        return fhir_questionnaire

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
