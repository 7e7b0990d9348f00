"""XLSX on findings, projects and audits (issue 20): read back with openpyxl, the rows and their
types are the JSON's (numbers as numbers, booleans as booleans, times as dates); one sheet,
its header row frozen and filtered; text that a spreadsheet would run as a formula neutralised
as in CSV; the same rows give the same bytes (so the same ETag in every worker)."""

import io
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from app.audits.representations import AUDIT_CSV_COLUMNS
from app.core.http import catalogue_cache
from app.evidence.schemas import FINDING_CSV_COLUMNS, PROJECT_CSV_COLUMNS
from tests.helpers import answer, condition_slugs, create_audit, operator_env, tenant

# Spreadsheets are written from rows the JSON tests already read on both databases.
pytestmark = pytest.mark.any_database

NEUTRALISED = ("=", "+", "-", "@", "\t", "\r", "'")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module", autouse=True)
def _operator_token() -> Iterator[None]:
    yield from operator_env()


def _sheet(body: bytes, name: str, columns: dict[str, str]) -> list[dict[str, Any]]:
    """The one sheet's rows by header, after checking how the sheet is laid out."""
    workbook = load_workbook(io.BytesIO(body))
    assert workbook.sheetnames == [name]
    sheet: Worksheet = workbook[name]
    header, *rows = list(sheet.iter_rows(values_only=True))
    assert list(header) == list(columns)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(columns)).column_letter}{len(rows) + 1}"
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)  # no formula
    return [dict(zip(header, row, strict=True)) for row in rows]


def _every(client: TestClient, path: str, headers: dict[str, str] | None = None) -> list[Any]:
    items: list[Any] = []
    url: str | None = f"{path}?limit=200"
    while url:
        page = client.get(url, headers=headers or {}).json()
        items += page["items"]
        url = f"{path}?limit=200&cursor={page['next_cursor']}" if page["next_cursor"] else None
    return items


def _cell(value: Any) -> Any:
    """A JSON value as the sheet holds it: lists `;`-joined, empty text as an empty cell, text
    that could start a formula with the one quote CSV adds (test_csv_injection.py), a
    structured sample by its words."""
    if isinstance(value, dict) and "text" in value:
        value = value["text"]
    if isinstance(value, list):
        value = ";".join(value)
    if isinstance(value, str) and value.startswith(NEUTRALISED):
        return "'" + value
    return None if value == "" else value


def test_findings_as_xlsx_are_the_json_rows_typed(client: TestClient) -> None:
    response = client.get("/v1/findings", headers={"Accept": XLSX})
    assert response.status_code == 200 and response.headers["content-type"] == XLSX
    assert response.headers["etag"].endswith('-xlsx"')
    assert 'filename="findings.xlsx"' in response.headers["content-disposition"]
    rows = _sheet(response.content, "findings", FINDING_CSV_COLUMNS)
    items = _every(client, "/v1/findings")
    assert [r["slug"] for r in rows] == [i["slug"] for i in items]
    numeric = 0
    for row, item in zip(rows, items, strict=True):
        for column in FINDING_CSV_COLUMNS:
            if column == "locator":
                assert row[column] == "; ".join(c["locator"] for c in item["citations"])
                continue
            assert row[column] == _cell(item[column]), (item["slug"], column)
            if isinstance(item[column], int | float):
                assert isinstance(row[column], int | float), (item["slug"], column)
                numeric += 1
    assert numeric > 100  # the figures are numbers, not text


def test_projects_as_xlsx_are_the_json_rows_typed(client: TestClient) -> None:
    response = client.get("/v1/projects?format=xlsx")
    rows = _sheet(response.content, "projects", PROJECT_CSV_COLUMNS)
    items = {i["slug"]: i for i in _every(client, "/v1/projects")}
    assert [r["slug"] for r in rows] == list(items)
    for row in rows:
        item = items[row["slug"]]
        assert row["name"] == item["name"]
        assert row["appendix_1"] is item["appendix_1"]  # a boolean cell
        assert row["findings"] == len(item["findings"]) and isinstance(row["findings"], int)
        evaluation = item["evaluation"] or {}
        assert row["design_strength"] == evaluation.get("design_strength")
        assert row["features"] == _cell([f["feature"]["slug"] for f in item["features"]])


def test_the_same_rows_give_the_same_bytes(client: TestClient) -> None:
    first = client.get("/v1/projects?format=xlsx")
    catalogue_cache.clear()  # rendered again, as another worker would
    second = client.get("/v1/projects?format=xlsx")
    assert first.content == second.content and first.headers["etag"] == second.headers["etag"]


def test_an_audit_as_xlsx_is_a_row_per_response_typed_and_neutralised(
    client: TestClient,
) -> None:
    headers = tenant(client)
    slugs = condition_slugs(client)
    answers = [answer(s, 1 + i % 4) for i, s in enumerate(slugs)]
    answers[0]["current_practice"] = '=HYPERLINK("http://evil.example")'
    answers[1]["rating"] = None
    created = create_audit(client, headers, answers, title="@SUM(A1:A9)")
    audit = created.json()
    for path in (f"{audit['href']}?format=xlsx", "/v1/audits?format=xlsx"):
        response = client.get(path, headers=headers)
        assert response.status_code == 200 and response.headers["content-type"] == XLSX
        rows = _sheet(response.content, "responses", AUDIT_CSV_COLUMNS)
        assert len(rows) == len(audit["responses"])
        updated = datetime.fromisoformat(audit["updated_at"]).astimezone(UTC).replace(tzinfo=None)
        for number, (row, given) in enumerate(zip(rows, audit["responses"], strict=True), 1):
            assert row["audit_id"] == audit["id"] and row["condition"] == given["condition"]
            assert row["condition_number"] == number and isinstance(row["condition_number"], int)
            assert row["rating"] == given["rating"]  # a number, or an empty cell
            assert (row["template_version"], row["revision"]) == (1, 1)
            assert isinstance(row["updated_at"], datetime)  # a date cell
            assert abs((row["updated_at"] - updated).total_seconds()) < 0.01
            assert row["audit_title"] == "'@SUM(A1:A9)"
        assert rows[0]["current_practice"] == '\'=HYPERLINK("http://evil.example")'
        assert rows[2]["current_practice"] == answers[2]["current_practice"]
    item = client.get(audit["href"], headers={**headers, "Accept": XLSX})
    assert (
        item.headers["etag"] == created.headers["etag"].replace('"', "").join('""')[:-1] + '-xlsx"'
    )
