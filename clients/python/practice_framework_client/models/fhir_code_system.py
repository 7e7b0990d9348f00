from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fhir_code_system_concept_item import FhirCodeSystemConceptItem


T = TypeVar("T", bound="FhirCodeSystem")


@_attrs_define
class FhirCodeSystem:
    """A template's rating scale: each rating's code, label and meaning (https://hl7.org/fhir/R4/codesystem.html)

    Attributes:
        resource_type (Literal['CodeSystem']):
        id (str | Unset):
        url (str | Unset):
        concept (list[FhirCodeSystemConceptItem] | Unset):
    """

    resource_type: Literal["CodeSystem"]
    id: str | Unset = UNSET
    url: str | Unset = UNSET
    concept: list[FhirCodeSystemConceptItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resource_type = self.resource_type

        id = self.id

        url = self.url

        concept: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.concept, Unset):
            concept = []
            for concept_item_data in self.concept:
                concept_item = concept_item_data.to_dict()
                concept.append(concept_item)

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
        if concept is not UNSET:
            field_dict["concept"] = concept

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fhir_code_system_concept_item import FhirCodeSystemConceptItem  # noqa: PLC0415

        d = dict(src_dict)
        resource_type = cast(Literal["CodeSystem"], d.pop("resourceType"))
        if resource_type != "CodeSystem":
            raise ValueError(f"resourceType must match const 'CodeSystem', got '{resource_type}'")

        id = d.pop("id", UNSET)

        url = d.pop("url", UNSET)

        _concept = d.pop("concept", UNSET)
        concept: list[FhirCodeSystemConceptItem] | Unset = UNSET
        if _concept is not UNSET:
            concept = []
            for concept_item_data in _concept:
                concept_item = FhirCodeSystemConceptItem.from_dict(concept_item_data)

                concept.append(concept_item)

        fhir_code_system = cls(
            resource_type=resource_type,
            id=id,
            url=url,
            concept=concept,
        )

        fhir_code_system.additional_properties = d
        return fhir_code_system

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
