from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.enabler_public import EnablerPublic
    from ..models.feature_public import FeaturePublic
    from ..models.outcome_public import OutcomePublic
    from ..models.table_1_row import Table1Row


T = TypeVar("T", bound="FrameworkPublic")


@_attrs_define
class FrameworkPublic:
    """The whole framework in one document, for embedding.

    Attributes:
        content_version (str):
        title (str):
        table_1 (list[Table1Row]): Table 1 exactly as printed: rows align the three lists by position only.
        features (list[FeaturePublic]):
        outcomes (list[OutcomePublic]): In the order the text presents them.
        enablers (list[EnablerPublic]):
        summary (None | str | Unset):
        citations (list[Any] | Unset):
    """

    content_version: str
    title: str
    table_1: list[Table1Row]
    features: list[FeaturePublic]
    outcomes: list[OutcomePublic]
    enablers: list[EnablerPublic]
    summary: None | str | Unset = UNSET
    citations: list[Any] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content_version = self.content_version

        title = self.title

        table_1 = []
        for table_1_item_data in self.table_1:
            table_1_item = table_1_item_data.to_dict()
            table_1.append(table_1_item)

        features = []
        for features_item_data in self.features:
            features_item = features_item_data.to_dict()
            features.append(features_item)

        outcomes = []
        for outcomes_item_data in self.outcomes:
            outcomes_item = outcomes_item_data.to_dict()
            outcomes.append(outcomes_item)

        enablers = []
        for enablers_item_data in self.enablers:
            enablers_item = enablers_item_data.to_dict()
            enablers.append(enablers_item)

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        citations: list[Any] | Unset = UNSET
        if not isinstance(self.citations, Unset):
            citations = self.citations

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content_version": content_version,
                "title": title,
                "table_1": table_1,
                "features": features,
                "outcomes": outcomes,
                "enablers": enablers,
            }
        )
        if summary is not UNSET:
            field_dict["summary"] = summary
        if citations is not UNSET:
            field_dict["citations"] = citations

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.enabler_public import EnablerPublic  # noqa: PLC0415
        from ..models.feature_public import FeaturePublic  # noqa: PLC0415
        from ..models.outcome_public import OutcomePublic  # noqa: PLC0415
        from ..models.table_1_row import Table1Row  # noqa: PLC0415

        d = dict(src_dict)
        content_version = d.pop("content_version")

        title = d.pop("title")

        table_1 = []
        _table_1 = d.pop("table_1")
        for table_1_item_data in _table_1:
            table_1_item = Table1Row.from_dict(table_1_item_data)

            table_1.append(table_1_item)

        features = []
        _features = d.pop("features")
        for features_item_data in _features:
            features_item = FeaturePublic.from_dict(features_item_data)

            features.append(features_item)

        outcomes = []
        _outcomes = d.pop("outcomes")
        for outcomes_item_data in _outcomes:
            outcomes_item = OutcomePublic.from_dict(outcomes_item_data)

            outcomes.append(outcomes_item)

        enablers = []
        _enablers = d.pop("enablers")
        for enablers_item_data in _enablers:
            enablers_item = EnablerPublic.from_dict(enablers_item_data)

            enablers.append(enablers_item)

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        citations = cast(list[Any], d.pop("citations", UNSET))

        framework_public = cls(
            content_version=content_version,
            title=title,
            table_1=table_1,
            features=features,
            outcomes=outcomes,
            enablers=enablers,
            summary=summary,
            citations=citations,
        )

        framework_public.additional_properties = d
        return framework_public

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
