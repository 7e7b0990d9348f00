from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.condition_benchmark_distribution import ConditionBenchmarkDistribution
    from ..models.condition_ref import ConditionRef


T = TypeVar("T", bound="ConditionBenchmark")


@_attrs_define
class ConditionBenchmark:
    """
    Attributes:
        condition (ConditionRef):
        rated (int): Organisations that rated this condition.
        distribution (ConditionBenchmarkDistribution):
    """

    condition: ConditionRef
    rated: int
    distribution: ConditionBenchmarkDistribution
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        condition = self.condition.to_dict()

        rated = self.rated

        distribution = self.distribution.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "condition": condition,
                "rated": rated,
                "distribution": distribution,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.condition_benchmark_distribution import ConditionBenchmarkDistribution  # noqa: PLC0415
        from ..models.condition_ref import ConditionRef  # noqa: PLC0415

        d = dict(src_dict)
        condition = ConditionRef.from_dict(d.pop("condition"))

        rated = d.pop("rated")

        distribution = ConditionBenchmarkDistribution.from_dict(d.pop("distribution"))

        condition_benchmark = cls(
            condition=condition,
            rated=rated,
            distribution=distribution,
        )

        condition_benchmark.additional_properties = d
        return condition_benchmark

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
