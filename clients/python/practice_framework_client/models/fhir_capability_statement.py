from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fhir_capability_statement_rest_item import FhirCapabilityStatementRestItem


T = TypeVar("T", bound="FhirCapabilityStatement")


@_attrs_define
class FhirCapabilityStatement:
    """What this FHIR base serves (https://hl7.org/fhir/R4/capabilitystatement.html)

    Attributes:
        resource_type (Literal['CapabilityStatement']):
        fhir_version (Literal['4.0.1'] | Unset):
        rest (list[FhirCapabilityStatementRestItem] | Unset):
    """

    resource_type: Literal["CapabilityStatement"]
    fhir_version: Literal["4.0.1"] | Unset = UNSET
    rest: list[FhirCapabilityStatementRestItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resource_type = self.resource_type

        fhir_version = self.fhir_version

        rest: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rest, Unset):
            rest = []
            for rest_item_data in self.rest:
                rest_item = rest_item_data.to_dict()
                rest.append(rest_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resourceType": resource_type,
            }
        )
        if fhir_version is not UNSET:
            field_dict["fhirVersion"] = fhir_version
        if rest is not UNSET:
            field_dict["rest"] = rest

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fhir_capability_statement_rest_item import FhirCapabilityStatementRestItem  # noqa: PLC0415

        d = dict(src_dict)
        resource_type = cast(Literal["CapabilityStatement"], d.pop("resourceType"))
        if resource_type != "CapabilityStatement":
            raise ValueError(f"resourceType must match const 'CapabilityStatement', got '{resource_type}'")

        fhir_version = cast(Literal["4.0.1"] | Unset, d.pop("fhirVersion", UNSET))
        if fhir_version != "4.0.1" and not isinstance(fhir_version, Unset):
            raise ValueError(f"fhirVersion must match const '4.0.1', got '{fhir_version}'")

        _rest = d.pop("rest", UNSET)
        rest: list[FhirCapabilityStatementRestItem] | Unset = UNSET
        if _rest is not UNSET:
            rest = []
            for rest_item_data in _rest:
                rest_item = FhirCapabilityStatementRestItem.from_dict(rest_item_data)

                rest.append(rest_item)

        fhir_capability_statement = cls(
            resource_type=resource_type,
            fhir_version=fhir_version,
            rest=rest,
        )

        fhir_capability_statement.additional_properties = d
        return fhir_capability_statement

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
