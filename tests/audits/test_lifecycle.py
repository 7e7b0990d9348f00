"""The audit lifecycle: create, edit a draft under If-Match, submit, amend, revisions, lists."""

from fastapi.testclient import TestClient

from tests.conftest import assert_problem
from tests.helpers import answer, complete_audit, condition_slugs, create_audit, tenant

PRIVATE = "private, no-store"


def test_create_returns_the_draft_with_an_etag(client: TestClient) -> None:
    headers = tenant(client)
    slug = condition_slugs(client)[0]
    created = create_audit(client, headers, [answer(slug, 2)], title="Audit 2025")
    assert created.headers["cache-control"] == PRIVATE
    body = created.json()
    assert created.headers["location"] == f"/v1/audits/{body['id']}"
    assert body["status"] == "draft" and body["revision"] == 1 and body["version"] == 1
    assert body["responses"][0]["rating"] == 2
    assert body["completeness"] == {**body["completeness"], "answered": 1, "total": 12}
    fetched = client.get(body["href"], headers=headers)
    assert fetched.status_code == 200 and fetched.headers["etag"] == created.headers["etag"]
    assert fetched.headers["cache-control"] == PRIVATE
    cached = client.get(body["href"], headers={**headers, "If-None-Match": fetched.headers["etag"]})
    assert cached.status_code == 304


def test_patch_needs_if_match_and_rejects_stale_etags(client: TestClient) -> None:
    headers = tenant(client)
    created = create_audit(client, headers)
    href, etag = created.json()["href"], created.headers["etag"]
    assert_problem(
        client.patch(href, json={"title": "x"}, headers=headers), 428, "precondition-required"
    )
    first = client.patch(href, json={"title": "New"}, headers={**headers, "If-Match": etag})
    assert first.status_code == 200 and first.json()["title"] == "New"
    assert first.headers["etag"] != etag
    stale = client.patch(href, json={"title": "Lost"}, headers={**headers, "If-Match": etag})
    assert_problem(stale, 412, "precondition-failed")
    assert client.get(href, headers=headers).json()["title"] == "New"


def test_patch_merges_responses_by_condition(client: TestClient) -> None:
    headers = tenant(client)
    slugs = condition_slugs(client)
    created = create_audit(client, headers, [answer(slugs[0], 1), answer(slugs[1], 2)])
    patched = client.patch(
        created.json()["href"],
        json={"responses": [{"condition": slugs[1], "rating": 4}, answer(slugs[2], None)]},
        headers={**headers, "If-Match": created.headers["etag"]},
    )
    assert patched.status_code == 200, patched.text
    by_slug = {r["condition"]: r for r in patched.json()["responses"]}
    assert by_slug[slugs[0]]["rating"] == 1
    assert by_slug[slugs[1]]["rating"] == 4
    assert by_slug[slugs[1]]["current_practice"] == f"Now: {slugs[1]}."
    assert [r["condition"] for r in patched.json()["responses"]] == slugs[:3]


def test_submit_checks_completeness_then_amend_opens_a_revision(client: TestClient) -> None:
    headers = tenant(client)
    slugs = condition_slugs(client)
    created = create_audit(client, headers, [answer(s) for s in slugs[:-1]])
    href, etag = created.json()["href"], created.headers["etag"]

    incomplete = client.post(f"{href}/submit", headers={**headers, "If-Match": etag})
    problem = assert_problem(incomplete, 409, "audit-incomplete")
    assert slugs[-1] in problem["errors"][0]["detail"]

    patched = client.patch(
        href, json={"responses": [answer(slugs[-1])]}, headers={**headers, "If-Match": etag}
    )
    submitted = client.post(
        f"{href}/submit", headers={**headers, "If-Match": patched.headers["etag"]}
    )
    assert submitted.status_code == 200
    assert submitted.json()["status"] == "submitted" and submitted.json()["submitted_at"]

    edit = client.patch(
        href, json={"title": "x"}, headers={**headers, "If-Match": submitted.headers["etag"]}
    )
    assert_problem(edit, 409, "conflict")
    again = client.post(
        f"{href}/submit", headers={**headers, "If-Match": submitted.headers["etag"]}
    )
    assert_problem(again, 409, "conflict")

    amended = client.post(
        f"{href}/amend", headers={**headers, "If-Match": submitted.headers["etag"]}
    )
    assert amended.status_code == 200
    assert amended.json()["status"] == "draft" and amended.json()["revision"] == 2
    assert_problem(
        client.post(f"{href}/amend", headers={**headers, "If-Match": amended.headers["etag"]}),
        409,
        "conflict",
    )
    resubmitted = client.post(
        f"{href}/submit", headers={**headers, "If-Match": amended.headers["etag"]}
    )
    assert resubmitted.status_code == 200 and resubmitted.json()["revision"] == 2

    revisions = client.get(f"{href}/revisions", headers=headers)
    assert revisions.status_code == 200
    assert revisions.headers["cache-control"] == PRIVATE
    rows = revisions.json()["items"]
    assert [r["action"] for r in rows] == [
        "created",
        "updated",
        "submitted",
        "amended",
        "submitted",
    ]
    assert [r["version"] for r in rows] == [1, 2, 3, 4, 5]
    assert [r["revision"] for r in rows] == [1, 1, 1, 2, 2]
    assert all(r["actor"].startswith("api-key:") and r["recorded_at"] for r in rows)
    assert len(rows[0]["responses"]) == 11 and len(rows[1]["responses"]) == 12


def test_submit_and_amend_need_if_match(client: TestClient) -> None:
    headers = tenant(client)
    href = complete_audit(client, headers).json()["href"]
    assert_problem(client.post(f"{href}/submit", headers=headers), 428, "precondition-required")
    assert_problem(
        client.post(f"{href}/submit", headers={**headers, "If-Match": '"0-stale"'}),
        412,
        "precondition-failed",
    )
    assert_problem(client.post(f"{href}/amend", headers=headers), 428, "precondition-required")


def test_list_is_paginated_and_filtered(client: TestClient) -> None:
    headers = tenant(client)
    created = [create_audit(client, headers, title=f"A{i}").json()["id"] for i in range(3)]
    done = complete_audit(client, headers)
    client.post(
        f"/v1/audits/{done.json()['id']}/submit",
        headers={**headers, "If-Match": done.headers["etag"]},
    )

    page = client.get("/v1/audits", params={"limit": 2}, headers=headers)
    assert page.status_code == 200 and page.headers["cache-control"] == PRIVATE
    assert len(page.json()["items"]) == 2 and page.json()["next_cursor"]
    assert 'rel="next"' in page.headers["link"]
    seen = [a["id"] for a in page.json()["items"]]
    rest = client.get(
        "/v1/audits", params={"limit": 2, "cursor": page.json()["next_cursor"]}, headers=headers
    ).json()
    seen += [a["id"] for a in rest["items"]]
    assert rest["next_cursor"] is None
    assert seen == [done.json()["id"], *reversed(created)]  # newest first

    drafts = client.get("/v1/audits", params={"status": "draft"}, headers=headers).json()["items"]
    assert sorted(a["id"] for a in drafts) == sorted(created)
    submitted = client.get("/v1/audits", params={"status": "submitted"}, headers=headers).json()
    assert [a["id"] for a in submitted["items"]] == [done.json()["id"]]
    none = client.get("/v1/audits", params={"template_version": 2}, headers=headers).json()
    assert none["items"] == []
    assert_problem(client.get("/v1/audits", params={"status": "open"}, headers=headers), 422)
    assert_problem(client.get("/v1/audits", params={"cursor": "junk"}, headers=headers), 422)


def test_filtered_pages_follow_their_cursors(client: TestClient) -> None:
    """Each filter shape has its own prepared keyset statement; walk each one page at a time."""
    headers = tenant(client)
    drafts = [create_audit(client, headers, title=f"D{i}").json()["id"] for i in range(3)]
    done = complete_audit(client, headers)
    submitted = client.post(
        f"/v1/audits/{done.json()['id']}/submit",
        headers={**headers, "If-Match": done.headers["etag"]},
    )
    assert submitted.status_code == 200

    def walk(params: dict[str, object]) -> list[str]:
        ids: list[str] = []
        query = {**params, "limit": 1}
        while True:
            page = client.get("/v1/audits", params=query, headers=headers).json()
            ids += [a["id"] for a in page["items"]]
            assert len(page["items"]) <= 1
            if page["next_cursor"] is None:
                return ids
            query = {**params, "limit": 1, "cursor": page["next_cursor"]}

    newest_first = [*reversed(drafts)]
    assert walk({"status": "draft"}) == newest_first
    assert walk({"status": "draft", "template_version": 1}) == newest_first
    assert walk({"template_version": 1}) == [done.json()["id"], *newest_first]
    assert walk({"status": "submitted", "template_version": 1}) == [done.json()["id"]]
    assert walk({"status": "submitted", "template_version": 2}) == []


def test_responses_as_csv(client: TestClient) -> None:
    headers = tenant(client)
    slugs = condition_slugs(client)
    created = create_audit(
        client,
        headers,
        [answer(slugs[0], 2), {"condition": slugs[1], "current_practice": "=HYPERLINK()"}],
    )
    listed = client.get("/v1/audits", headers={**headers, "Accept": "text/csv"})
    assert listed.status_code == 200
    assert listed.headers["content-type"].startswith("text/csv")
    assert listed.headers["cache-control"] == PRIVATE
    lines = listed.text.lstrip("\ufeff").strip().splitlines()
    assert lines[0].startswith("audit_id,audit_title,template_version,status")
    assert len(lines) == 3 and created.json()["id"] in lines[1]
    assert "'=HYPERLINK()" in listed.text  # formula injection guarded
    one = client.get(f"{created.json()['href']}?format=csv", headers=headers)
    assert one.status_code == 200 and one.text.count("\n") == 3
