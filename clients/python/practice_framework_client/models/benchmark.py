from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.condition_benchmark import ConditionBenchmark


T = TypeVar("T", bound="Benchmark")


@_attrs_define
class Benchmark:
    """
    Attributes:
        template_version (int):
        minimum_organisations (int):
        suppressed (bool): True while fewer than `minimum_organisations` organisations have submitted; no counts are
            shown then, so no organisation can be singled out.
        organisations (int | None): Organisations counted (their latest submitted audit); null when suppressed.
        conditions (list[ConditionBenchmark]):
    """

    template_version: int
    minimum_organisations: int
    suppressed: bool
    organisations: int | None
    conditions: list[ConditionBenchmark]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        template_version = self.template_version

        minimum_organisations = self.minimum_organisations

        suppressed = self.suppressed

        organisations: int | None
        organisations = self.organisations

        conditions = []
        for conditions_item_data in self.conditions:
            conditions_item = conditions_item_data.to_dict()
            conditions.append(conditions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "template_version": template_version,
                "minimum_organisations": minimum_organisations,
                "suppressed": suppressed,
                "organisations": organisations,
                "conditions": conditions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.condition_benchmark import ConditionBenchmark  # noqa: PLC0415

        d = dict(src_dict)
        template_version = d.pop("template_version")

        minimum_organisations = d.pop("minimum_organisations")

        suppressed = d.pop("suppressed")

        def _parse_organisations(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        organisations = _parse_organisations(d.pop("organisations"))

        conditions = []
        _conditions = d.pop("conditions")
        for conditions_item_data in _conditions:
            conditions_item = ConditionBenchmark.from_dict(conditions_item_data)

            conditions.append(conditions_item)

        benchmark = cls(
            template_version=template_version,
            minimum_organisations=minimum_organisations,
            suppressed=suppressed,
            organisations=organisations,
            conditions=conditions,
        )

        benchmark.additional_properties = d
        return benchmark

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
