from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.ref import Ref


T = TypeVar("T", bound="Table1Row")


@_attrs_define
class Table1Row:
    """
    Attributes:
        number (int):
        feature (Ref):
        outcome (Ref):
        enabler (Ref):
    """

    number: int
    feature: Ref
    outcome: Ref
    enabler: Ref
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        feature = self.feature.to_dict()

        outcome = self.outcome.to_dict()

        enabler = self.enabler.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "feature": feature,
                "outcome": outcome,
                "enabler": enabler,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ref import Ref  # noqa: PLC0415

        d = dict(src_dict)
        number = d.pop("number")

        feature = Ref.from_dict(d.pop("feature"))

        outcome = Ref.from_dict(d.pop("outcome"))

        enabler = Ref.from_dict(d.pop("enabler"))

        table_1_row = cls(
            number=number,
            feature=feature,
            outcome=outcome,
            enabler=enabler,
        )

        table_1_row.additional_properties = d
        return table_1_row

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
