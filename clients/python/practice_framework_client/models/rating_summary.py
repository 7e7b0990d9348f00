from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.rating_summary_distribution import RatingSummaryDistribution


T = TypeVar("T", bound="RatingSummary")


@_attrs_define
class RatingSummary:
    """
    Attributes:
        rated (int):
        average (float | None):
        distribution (RatingSummaryDistribution): Count of conditions at each rating.
    """

    rated: int
    average: float | None
    distribution: RatingSummaryDistribution
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rated = self.rated

        average: float | None
        average = self.average

        distribution = self.distribution.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rated": rated,
                "average": average,
                "distribution": distribution,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rating_summary_distribution import RatingSummaryDistribution  # noqa: PLC0415

        d = dict(src_dict)
        rated = d.pop("rated")

        def _parse_average(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        average = _parse_average(d.pop("average"))

        distribution = RatingSummaryDistribution.from_dict(d.pop("distribution"))

        rating_summary = cls(
            rated=rated,
            average=average,
            distribution=distribution,
        )

        rating_summary.additional_properties = d
        return rating_summary

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
