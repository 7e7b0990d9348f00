from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.condition_response import ConditionResponse


T = TypeVar("T", bound="AuditCreate")


@_attrs_define
class AuditCreate:
    """
    Attributes:
        template_version (int): A published template version.
        title (str):
        responses (list[ConditionResponse] | Unset):
    """

    template_version: int
    title: str
    responses: list[ConditionResponse] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        template_version = self.template_version

        title = self.title

        responses: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.responses, Unset):
            responses = []
            for responses_item_data in self.responses:
                responses_item = responses_item_data.to_dict()
                responses.append(responses_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "template_version": template_version,
                "title": title,
            }
        )
        if responses is not UNSET:
            field_dict["responses"] = responses

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.condition_response import ConditionResponse  # noqa: PLC0415

        d = dict(src_dict)
        template_version = d.pop("template_version")

        title = d.pop("title")

        _responses = d.pop("responses", UNSET)
        responses: list[ConditionResponse] | Unset = UNSET
        if _responses is not UNSET:
            responses = []
            for responses_item_data in _responses:
                responses_item = ConditionResponse.from_dict(responses_item_data)

                responses.append(responses_item)

        audit_create = cls(
            template_version=template_version,
            title=title,
            responses=responses,
        )

        return audit_create
