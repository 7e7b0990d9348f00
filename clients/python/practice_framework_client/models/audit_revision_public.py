from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audit_status import AuditStatus
from ..models.revision_action import RevisionAction

if TYPE_CHECKING:
    from ..models.condition_response import ConditionResponse


T = TypeVar("T", bound="AuditRevisionPublic")


@_attrs_define
class AuditRevisionPublic:
    """
    Attributes:
        version (int): The audit's version this row saved.
        revision (int):
        action (RevisionAction):
        status (AuditStatus):
        title (str):
        responses (list[ConditionResponse]):
        actor (str): Who saved it: the API key, by prefix and label.
        recorded_at (datetime.datetime):
    """

    version: int
    revision: int
    action: RevisionAction
    status: AuditStatus
    title: str
    responses: list[ConditionResponse]
    actor: str
    recorded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        revision = self.revision

        action = self.action.value

        status = self.status.value

        title = self.title

        responses = []
        for responses_item_data in self.responses:
            responses_item = responses_item_data.to_dict()
            responses.append(responses_item)

        actor = self.actor

        recorded_at = self.recorded_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "revision": revision,
                "action": action,
                "status": status,
                "title": title,
                "responses": responses,
                "actor": actor,
                "recorded_at": recorded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.condition_response import ConditionResponse  # noqa: PLC0415

        d = dict(src_dict)
        version = d.pop("version")

        revision = d.pop("revision")

        action = RevisionAction(d.pop("action"))

        status = AuditStatus(d.pop("status"))

        title = d.pop("title")

        responses = []
        _responses = d.pop("responses")
        for responses_item_data in _responses:
            responses_item = ConditionResponse.from_dict(responses_item_data)

            responses.append(responses_item)

        actor = d.pop("actor")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        audit_revision_public = cls(
            version=version,
            revision=revision,
            action=action,
            status=status,
            title=title,
            responses=responses,
            actor=actor,
            recorded_at=recorded_at,
        )

        audit_revision_public.additional_properties = d
        return audit_revision_public

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
