from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.api_key_public import ApiKeyPublic
    from ..models.tenant_public import TenantPublic


T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """
    Attributes:
        organisation (TenantPublic):
        key (ApiKeyPublic):
    """

    organisation: TenantPublic
    key: ApiKeyPublic
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        organisation = self.organisation.to_dict()

        key = self.key.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "organisation": organisation,
                "key": key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.api_key_public import ApiKeyPublic  # noqa: PLC0415
        from ..models.tenant_public import TenantPublic  # noqa: PLC0415

        d = dict(src_dict)
        organisation = TenantPublic.from_dict(d.pop("organisation"))

        key = ApiKeyPublic.from_dict(d.pop("key"))

        me = cls(
            organisation=organisation,
            key=key,
        )

        me.additional_properties = d
        return me

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
