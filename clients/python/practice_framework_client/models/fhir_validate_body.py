from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.fhir_validate_body_resourcetype import FhirValidateBodyResourcetype

T = TypeVar("T", bound="FhirValidateBody")


@_attrs_define
class FhirValidateBody:
    """What `$validate` takes: a QuestionnaireResponse, however wrong (finding that out is the
    point), or a Parameters resource carrying one as `resource`; any JSON within.

        Attributes:
            resource_type (FhirValidateBodyResourcetype):
    """

    resource_type: FhirValidateBodyResourcetype
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resource_type = self.resource_type.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resourceType": resource_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        resource_type = FhirValidateBodyResourcetype(d.pop("resourceType"))

        fhir_validate_body = cls(
            resource_type=resource_type,
        )

        fhir_validate_body.additional_properties = d
        return fhir_validate_body

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
