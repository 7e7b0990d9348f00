"""Incremental sync on GET /v1/audits: `updated_since`, `sort`, `total`, a keyset that stays
stable while audits change, 422 for an unknown parameter, and the CSV's timestamps."""

import csv
import io
from datetime import datetime

from fastapi.testclient import TestClient

from tests.conftest import assert_problem
from tests.helpers import create_audit, tenant


def _pages(client: TestClient, headers: dict[str, str], **params: str) -> list[dict]:
    items, cursor = [], None
    while True:
        query = {**params, "limit": "3", **({"cursor": cursor} if cursor else {})}
        body = client.get("/v1/audits", params=query, headers=headers).json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items


def test_sort_total_and_updated_since(client: TestClient) -> None:
    headers = tenant(client)
    made = [create_audit(client, headers, title=f"A{i}") for i in range(7)]
    first = made[0]
    touched = client.patch(
        f"/v1/audits/{first.json()['id']}",
        json={"title": "Touched"},
        headers={**headers, "If-Match": first.headers["ETag"]},
    ).json()
    page = client.get("/v1/audits", params={"limit": 2}, headers=headers).json()
    assert page["total"] == 7 and len(page["items"]) == 2
    ids = [m.json()["id"] for m in made]
    assert [a["id"] for a in _pages(client, headers)] == ids[::-1]
    assert [a["id"] for a in _pages(client, headers, sort="created_at")] == ids
    by_update = [a["id"] for a in _pages(client, headers, sort="updated_at")]
    assert by_update == [*ids[1:], ids[0]]
    since = client.get(
        "/v1/audits", params={"updated_since": touched["updated_at"]}, headers=headers
    ).json()
    assert [a["id"] for a in since["items"]] == [ids[0]] and since["total"] == 1


def test_paging_by_update_sees_a_change_made_mid_sync_and_skips_nothing(client: TestClient) -> None:
    headers = tenant(client)
    made = [create_audit(client, headers, title=f"S{i}").json() for i in range(6)]
    first = client.get(
        "/v1/audits", params={"limit": 3, "sort": "updated_at"}, headers=headers
    ).json()
    seen = [a["id"] for a in first["items"]]
    head = made[0]
    current = client.get(f"/v1/audits/{head['id']}", headers=headers)
    client.patch(
        f"/v1/audits/{head['id']}",
        json={"title": "Changed mid-sync"},
        headers={**headers, "If-Match": current.headers["ETag"]},
    ).raise_for_status()
    rest = client.get(
        "/v1/audits",
        params={"limit": 50, "sort": "updated_at", "cursor": first["next_cursor"]},
        headers=headers,
    ).json()
    seen += [a["id"] for a in rest["items"]]
    assert set(seen) == {a["id"] for a in made}
    assert seen[-1] == head["id"], "the audit changed mid-sync comes again, at the end"


def test_unknown_parameters_and_bad_values_are_422(client: TestClient) -> None:
    headers = tenant(client)
    typo = assert_problem(
        client.get("/v1/audits?updatedsince=2026-01-01T00:00:00Z", headers=headers), 422
    )
    assert typo["errors"][0]["pointer"] == "#/query/updatedsince"
    assert_problem(client.get("/v1/audits?sort=title", headers=headers), 422)
    assert_problem(client.get("/v1/audits?updated_since=yesterday", headers=headers), 422)
    assert_problem(client.get("/v1/audits?updated_since=2026-01-01T00:00:00", headers=headers), 422)
    assert_problem(client.get("/v1/me?x=1", headers=headers), 422)


def test_csv_carries_the_audit_timestamps(client: TestClient) -> None:
    headers = tenant(client)
    audit = create_audit(
        client, headers, responses=[{"condition": "good-use-of-data", "current_practice": "x"}]
    ).json()
    text = client.get("/v1/audits?format=csv", headers=headers).content.decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(text)))
    for name in ("created_at", "updated_at"):
        assert datetime.fromisoformat(row[name]) == datetime.fromisoformat(audit[name])
    assert row["submitted_at"] == ""
