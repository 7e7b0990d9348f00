"""Report, compare and benchmarks."""

from fastapi.testclient import TestClient

from tests.conftest import assert_problem
from tests.helpers import complete_audit, create_audit, submit, tenant


def test_report_links_weak_conditions_to_what_to_learn_from(client: TestClient) -> None:
    headers = tenant(client)
    audit = complete_audit(
        client,
        headers,
        {"effective-supervision-and-group-case-discussion": 1, "good-use-of-data": 2},
    )
    report = client.get(f"{audit.json()['href']}/report", headers=headers)
    assert report.status_code == 200
    assert report.headers["cache-control"] == "private, no-store"
    body = report.json()
    assert body["completeness"]["complete"] is True
    assert body["ratings"]["rated"] == 12 and body["ratings"]["distribution"] == {
        "1": 1,
        "2": 1,
        "3": 10,
        "4": 0,
    }
    weak = {w["condition"]["slug"]: w for w in body["weak_conditions"]}
    assert set(weak) == {"effective-supervision-and-group-case-discussion", "good-use-of-data"}
    supervision = weak["effective-supervision-and-group-case-discussion"]
    assert supervision["rating_label"] == "Not in place"
    assert (
        supervision["recommendation"]["href"]
        == "/v1/recommendations/supervision-and-group-case-discussion"
    )
    assert "/v1/features/group-case-discussion" in [f["href"] for f in supervision["features"]]
    assert all(
        f["curated"] and f["rationale"] for f in supervision["features"] + supervision["enablers"]
    )
    assert all(p["href"].startswith("/v1/projects/") for p in supervision["projects"])
    assert all(f["href"].startswith("/v1/findings/") for f in supervision["findings"])
    for link in [supervision["recommendation"], *supervision["features"], *supervision["enablers"]]:
        assert client.get(link["href"]).status_code == 200, link


def test_compare_shows_progress_between_two_audits(client: TestClient) -> None:
    headers = tenant(client)
    before = complete_audit(client, headers, {"good-use-of-data": 1, "leadership-at-all-levels": 4})
    after = complete_audit(client, headers, {"good-use-of-data": 3, "leadership-at-all-levels": 2})
    response = client.get(
        f"/v1/audits/{before.json()['id']}/compare/{after.json()['id']}", headers=headers
    )
    assert response.status_code == 200
    body = response.json()
    rows = {r["condition"]["slug"]: r for r in body["conditions"]}
    assert rows["good-use-of-data"] == {
        **rows["good-use-of-data"],
        "from_rating": 1,
        "to_rating": 3,
        "change": 2,
        "direction": "improved",
    }
    assert rows["leadership-at-all-levels"]["direction"] == "declined"
    assert body["summary"] == {"improved": 1, "declined": 1, "unchanged": 10, "not_comparable": 0}
    assert (
        body["from_audit"]["id"] == before.json()["id"]
        and body["to_audit"]["id"] == after.json()["id"]
    )
    partial = create_audit(client, headers)
    unrated = client.get(
        f"/v1/audits/{before.json()['id']}/compare/{partial.json()['id']}", headers=headers
    ).json()
    assert unrated["summary"]["not_comparable"] == 12


def test_benchmarks_are_suppressed_below_five_organisations(client: TestClient) -> None:
    viewer = tenant(client)
    counted = client.get("/v1/benchmarks/1", headers=viewer).json()
    already = 0 if counted["suppressed"] else counted["organisations"]
    assert already == 0, "this module's database starts with no submissions"
    organisations = []
    for i in range(5):
        headers = tenant(client)
        organisations.append(headers)
        submit(client, headers, complete_audit(client, headers, {"good-use-of-data": 1 + i % 4}))
        body = client.get("/v1/benchmarks/1", headers=viewer).json()
        if i < 4:
            assert body == {**body, "suppressed": True, "organisations": None, "conditions": []}
    assert body["suppressed"] is False and body["organisations"] == 5
    data = {c["condition"]["slug"]: c for c in body["conditions"]}
    assert data["good-use-of-data"]["distribution"] == {"1": 2, "2": 1, "3": 1, "4": 1}
    assert set(body["conditions"][0]) == {"condition", "rated", "distribution"}  # no one named
    # A later draft does not count; the latest *submitted* audit does.
    create_audit(client, organisations[0])
    assert client.get("/v1/benchmarks/1", headers=viewer).json()["organisations"] == 5
    assert_problem(client.get("/v1/benchmarks/9", headers=viewer), 404, "not-found")
