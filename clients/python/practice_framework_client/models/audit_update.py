from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

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
            title (None | str | Unset):
            responses (list[ConditionResponse] | None | Unset):
    """

    title: None | str | Unset = UNSET
    responses: list[ConditionResponse] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        responses: list[dict[str, Any]] | None | Unset
        if isinstance(self.responses, Unset):
            responses = UNSET
        elif isinstance(self.responses, list):
            responses = []
            for responses_type_0_item_data in self.responses:
                responses_type_0_item = responses_type_0_item_data.to_dict()
                responses.append(responses_type_0_item)

        else:
            responses = self.responses

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

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_responses(data: object) -> list[ConditionResponse] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                responses_type_0 = []
                _responses_type_0 = data
                for responses_type_0_item_data in _responses_type_0:
                    responses_type_0_item = ConditionResponse.from_dict(responses_type_0_item_data)

                    responses_type_0.append(responses_type_0_item)

                return responses_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ConditionResponse] | None | Unset, data)

        responses = _parse_responses(d.pop("responses", UNSET))

        audit_update = cls(
            title=title,
            responses=responses,
        )

        return audit_update
