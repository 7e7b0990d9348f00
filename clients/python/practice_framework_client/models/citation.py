from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Citation")


@_attrs_define
class Citation:
    """
    Attributes:
        source (str): Slug of a `/v1/sources` document.
        locator (str): Where in that document: section, page, footnote.
        quote (str): Short verbatim excerpt (whitespace-normalised).
        report (None | str | Unset): Slug of the evaluation report the text cites for this fact, where its footnote
            names one.
        report_locator (None | str | Unset):
    """

    source: str
    locator: str
    quote: str
    report: None | str | Unset = UNSET
    report_locator: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        source = self.source

        locator = self.locator

        quote = self.quote

        report: None | str | Unset
        if isinstance(self.report, Unset):
            report = UNSET
        else:
            report = self.report

        report_locator: None | str | Unset
        if isinstance(self.report_locator, Unset):
            report_locator = UNSET
        else:
            report_locator = self.report_locator

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "source": source,
                "locator": locator,
                "quote": quote,
            }
        )
        if report is not UNSET:
            field_dict["report"] = report
        if report_locator is not UNSET:
            field_dict["report_locator"] = report_locator

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = d.pop("source")

        locator = d.pop("locator")

        quote = d.pop("quote")

        def _parse_report(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        report = _parse_report(d.pop("report", UNSET))

        def _parse_report_locator(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        report_locator = _parse_report_locator(d.pop("report_locator", UNSET))

        citation = cls(
            source=source,
            locator=locator,
            quote=quote,
            report=report,
            report_locator=report_locator,
        )

        return citation
