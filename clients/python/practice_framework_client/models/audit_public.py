from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audit_status import AuditStatus

if TYPE_CHECKING:
    from ..models.completeness import Completeness
    from ..models.condition_response import ConditionResponse


T = TypeVar("T", bound="AuditPublic")


@_attrs_define
class AuditPublic:
    """
    Attributes:
        id (str):
        organisation (str):
        template_version (int):
        title (str):
        status (AuditStatus):
        revision (int): 1 for the first submission; each amendment opens the next.
        version (int): Moves on every saved change (as the ETag does).
        responses (list[ConditionResponse]):
        completeness (Completeness):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        submitted_at (datetime.datetime | None):
        href (str):
    """

    id: str
    organisation: str
    template_version: int
    title: str
    status: AuditStatus
    revision: int
    version: int
    responses: list[ConditionResponse]
    completeness: Completeness
    created_at: datetime.datetime
    updated_at: datetime.datetime
    submitted_at: datetime.datetime | None
    href: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        organisation = self.organisation

        template_version = self.template_version

        title = self.title

        status = self.status.value

        revision = self.revision

        version = self.version

        responses = []
        for responses_item_data in self.responses:
            responses_item = responses_item_data.to_dict()
            responses.append(responses_item)

        completeness = self.completeness.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        submitted_at: None | str
        if isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        href = self.href

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "organisation": organisation,
                "template_version": template_version,
                "title": title,
                "status": status,
                "revision": revision,
                "version": version,
                "responses": responses,
                "completeness": completeness,
                "created_at": created_at,
                "updated_at": updated_at,
                "submitted_at": submitted_at,
                "href": href,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.completeness import Completeness  # noqa: PLC0415
        from ..models.condition_response import ConditionResponse  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        organisation = d.pop("organisation")

        template_version = d.pop("template_version")

        title = d.pop("title")

        status = AuditStatus(d.pop("status"))

        revision = d.pop("revision")

        version = d.pop("version")

        responses = []
        _responses = d.pop("responses")
        for responses_item_data in _responses:
            responses_item = ConditionResponse.from_dict(responses_item_data)

            responses.append(responses_item)

        completeness = Completeness.from_dict(d.pop("completeness"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_submitted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at"))

        href = d.pop("href")

        audit_public = cls(
            id=id,
            organisation=organisation,
            template_version=template_version,
            title=title,
            status=status,
            revision=revision,
            version=version,
            responses=responses,
            completeness=completeness,
            created_at=created_at,
            updated_at=updated_at,
            submitted_at=submitted_at,
            href=href,
        )

        audit_public.additional_properties = d
        return audit_public

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
