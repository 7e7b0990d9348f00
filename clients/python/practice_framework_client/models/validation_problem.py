from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_error import FieldError


T = TypeVar("T", bound="ValidationProblem")


@_attrs_define
class ValidationProblem:
    """A `422`: the problem, and each input that failed with a pointer to it.

    Attributes:
        type_ (str):
        title (str):
        status (int):
        detail (str):
        instance (str):
        errors (list[FieldError]):
        offered (list[str] | None | Unset): On a 406: the media types the resource is offered in.
        required_scope (None | str | Unset): On a 403 for a key's scopes: the scope the operation needs.
    """

    type_: str
    title: str
    status: int
    detail: str
    instance: str
    errors: list[FieldError]
    offered: list[str] | None | Unset = UNSET
    required_scope: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        title = self.title

        status = self.status

        detail = self.detail

        instance = self.instance

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        offered: list[str] | None | Unset
        if isinstance(self.offered, Unset):
            offered = UNSET
        elif isinstance(self.offered, list):
            offered = self.offered

        else:
            offered = self.offered

        required_scope: None | str | Unset
        if isinstance(self.required_scope, Unset):
            required_scope = UNSET
        else:
            required_scope = self.required_scope

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "title": title,
                "status": status,
                "detail": detail,
                "instance": instance,
                "errors": errors,
            }
        )
        if offered is not UNSET:
            field_dict["offered"] = offered
        if required_scope is not UNSET:
            field_dict["required_scope"] = required_scope

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_error import FieldError  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("type")

        title = d.pop("title")

        status = d.pop("status")

        detail = d.pop("detail")

        instance = d.pop("instance")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = FieldError.from_dict(errors_item_data)

            errors.append(errors_item)

        def _parse_offered(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                offered_type_0 = cast(list[str], data)

                return offered_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        offered = _parse_offered(d.pop("offered", UNSET))

        def _parse_required_scope(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        required_scope = _parse_required_scope(d.pop("required_scope", UNSET))

        validation_problem = cls(
            type_=type_,
            title=title,
            status=status,
            detail=detail,
            instance=instance,
            errors=errors,
            offered=offered,
            required_scope=required_scope,
        )

        validation_problem.additional_properties = d
        return validation_problem

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
