from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.matrix_row import MatrixRow
    from ..models.ref import Ref


T = TypeVar("T", bound="FrameworkMatrix")


@_attrs_define
class FrameworkMatrix:
    """Each feature of practice against each outcome, as the evidence links them: the picture
    Table 1 draws, computed from projects and their findings.

        Attributes:
            content_version (str):
            outcomes (list[Ref]): The columns: the outcomes in Table 1's row order.
            rows (list[MatrixRow]): One per feature, in number order.
    """

    content_version: str
    outcomes: list[Ref]
    rows: list[MatrixRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content_version = self.content_version

        outcomes = []
        for outcomes_item_data in self.outcomes:
            outcomes_item = outcomes_item_data.to_dict()
            outcomes.append(outcomes_item)

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content_version": content_version,
                "outcomes": outcomes,
                "rows": rows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.matrix_row import MatrixRow  # noqa: PLC0415
        from ..models.ref import Ref  # noqa: PLC0415

        d = dict(src_dict)
        content_version = d.pop("content_version")

        outcomes = []
        _outcomes = d.pop("outcomes")
        for outcomes_item_data in _outcomes:
            outcomes_item = Ref.from_dict(outcomes_item_data)

            outcomes.append(outcomes_item)

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = MatrixRow.from_dict(rows_item_data)

            rows.append(rows_item)

        framework_matrix = cls(
            content_version=content_version,
            outcomes=outcomes,
            rows=rows,
        )

        framework_matrix.additional_properties = d
        return framework_matrix

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
