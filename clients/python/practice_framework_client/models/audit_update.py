from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.condition_response import ConditionResponse


T = TypeVar("T", bound="AuditUpdate")


@_attrs_define
class AuditUpdate:
    """A partial update. `responses` merge by `condition`: fields you send replace the stored
    ones (send `null` to clear one); conditions and fields you leave out are unchanged.

        Attributes:
            title (str | Unset):
            responses (list[ConditionResponse] | Unset):
    """

    title: str | Unset = UNSET
    responses: list[ConditionResponse] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        responses: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.responses, Unset):
            responses = []
            for responses_item_data in self.responses:
                responses_item = responses_item_data.to_dict()
                responses.append(responses_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if responses is not UNSET:
            field_dict["responses"] = responses

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.condition_response import ConditionResponse  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title", UNSET)

        _responses = d.pop("responses", UNSET)
        responses: list[ConditionResponse] | Unset = UNSET
        if _responses is not UNSET:
            responses = []
            for responses_item_data in _responses:
                responses_item = ConditionResponse.from_dict(responses_item_data)

                responses.append(responses_item)

        audit_update = cls(
            title=title,
            responses=responses,
        )

        return audit_update
