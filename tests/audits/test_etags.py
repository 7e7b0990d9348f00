"""An audit's ETags: one per write and per representation, drawn at random (so a restore that
sets `version` back never brings an ETag back with other content), and a PATCH that changes
nothing moves neither `version` nor ETag and adds no revision."""

from fastapi.testclient import TestClient

from tests.conftest import assert_problem
from tests.helpers import answer, condition_slugs, create_audit, tenant

FHIR = {"Accept": "application/fhir+json"}
CSV = {"Accept": "text/csv"}


def revisions(client: TestClient, href: str, headers: dict[str, str]) -> list[dict[str, object]]:
    response = client.get(f"{href}/revisions", headers=headers)
    assert response.status_code == 200, response.text
    items: list[dict[str, object]] = response.json()["items"]
    return items


def test_a_patch_that_changes_nothing_moves_neither_version_nor_etag(client: TestClient) -> None:
    headers = tenant(client)
    slugs = condition_slugs(client)
    created = create_audit(client, headers, [answer(slugs[0], 2)], title="Same")
    href, etag = created.json()["href"], created.headers["etag"]
    if_match = {**headers, "If-Match": etag}
    unchanged = [
        {},
        {"title": "Same"},
        {"responses": [answer(slugs[0], 2)]},
        {"responses": [{"condition": slugs[0], "rating": 2}]},  # a part, equal to what is kept
        {"title": "Same", "responses": []},
    ]
    for patch in unchanged:
        response = client.patch(href, json=patch, headers=if_match)
        assert response.status_code == 200, (patch, response.text)
        assert response.headers["etag"] == etag, patch
        assert response.json() == created.json(), patch  # version and updated_at too
    assert [r["action"] for r in revisions(client, href, headers)] == ["created"]
    assert client.get(href, headers={**headers, "If-None-Match": etag}).status_code == 304

    # Preconditions still apply to a PATCH that would change nothing.
    assert_problem(client.patch(href, json={}, headers=headers), 428, "precondition-required")
    changed = client.patch(href, json={"title": "Other"}, headers=if_match)
    assert changed.status_code == 200 and changed.json()["version"] == 2
    assert changed.headers["etag"] != etag
    assert_problem(client.patch(href, json={}, headers=if_match), 412, "precondition-failed")
    # A change back to an earlier content is a write: a new version and a new ETag.
    back = client.patch(
        href, json={"title": "Same"}, headers={**headers, "If-Match": changed.headers["etag"]}
    )
    assert back.json()["version"] == 3 and back.headers["etag"] not in {
        etag,
        changed.headers["etag"],
    }
    assert [r["action"] for r in revisions(client, href, headers)] == [
        "created",
        "updated",
        "updated",
    ]


def test_each_representation_has_its_own_etag_and_a_write_takes_its_own(
    client: TestClient,
) -> None:
    headers = tenant(client)
    created = create_audit(client, headers)
    href = created.json()["href"]
    tags = {
        name: client.get(href, headers={**headers, **accept}).headers["etag"]
        for name, accept in (("json", {}), ("fhir", FHIR), ("csv", CSV))
    }
    assert len(set(tags.values())) == 3 and tags["json"] == created.headers["etag"]
    for tag in tags.values():  # opaque quoted strings
        assert tag.startswith('"') and tag.endswith('"') and '"' not in tag[1:-1]
    # One representation's ETag never stands for another's body.
    for name, accept in (("fhir", FHIR), ("csv", CSV)):
        other = client.get(href, headers={**headers, **accept, "If-None-Match": tags["json"]})
        assert other.status_code == 200 and other.headers["etag"] == tags[name]
        same = client.get(href, headers={**headers, **accept, "If-None-Match": tags[name]})
        assert same.status_code == 304 and same.headers["etag"] == tags[name]
    # A write compares If-Match with the ETag of the representation it selects (RFC 9110
    # section 13.1.1): JSON without Accept, so another representation's ETag is a 412 that
    # says why, and nothing changes.
    for name in ("fhir", "csv"):
        refused = client.patch(
            href, json={"title": "X"}, headers={**headers, "If-Match": tags[name]}
        )
        assert "selects application/json" in assert_problem(refused, 412)["detail"]
    assert client.get(href, headers=headers).json()["version"] == 1
    # With the Accept it was read with, it is the current one, and the answer is that
    # representation, with its next ETag.
    etag = tags["csv"]
    for title in ("One", "Two"):
        response = client.patch(
            href, json={"title": title}, headers={**headers, **CSV, "If-Match": etag}
        )
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("text/csv")
        etag = response.headers["etag"]
        assert etag == client.get(href, headers={**headers, **CSV}).headers["etag"]
    json_etag = client.get(href, headers=headers).headers["etag"]
    submitted = client.post(f"{href}/amend", headers={**headers, "If-Match": json_etag})
    assert_problem(submitted, 409)  # a draft: the precondition held, the state did not


def test_every_write_draws_an_etag_never_issued_before(client: TestClient) -> None:
    headers = tenant(client)
    slugs = condition_slugs(client)
    created = create_audit(client, headers, [answer(s) for s in slugs])
    href = created.json()["href"]
    seen = [created.headers["etag"]]
    for action in ("submit", "amend", "submit", "amend"):
        response = client.post(f"{href}/{action}", headers={**headers, "If-Match": seen[-1]})
        assert response.status_code == 200, response.text
        seen.append(response.headers["etag"])
    other = create_audit(client, headers, [answer(s) for s in slugs])
    seen.append(other.headers["etag"])
    assert len(set(seen)) == len(seen)
    listed = client.get(href, headers=headers)
    assert listed.headers["etag"] == seen[4] and listed.json()["version"] == 5


def test_if_match_is_a_list_of_entity_tags_or_star(client: TestClient) -> None:
    """A malformed If-Match is the client's mistake (422, pointing at the header), not a stale
    ETag (412); `*` matches the audit as it is (RFC 9110, 13.1.1)."""
    headers = tenant(client)
    created = create_audit(client, headers)
    href = created.json()["href"]
    for malformed in ("0ac516d5", '"unterminated', "W/", "{}", '"a" "b"'):
        refused = client.patch(
            href, json={"title": "x"}, headers={**headers, "If-Match": malformed}
        )
        problem = assert_problem(refused, 422, "validation-error")
        assert [e["pointer"] for e in problem["errors"]] == ["#/header/If-Match"], malformed
    listed = f'"stale", {created.headers["etag"]}'
    ok = client.patch(href, json={"title": "Listed"}, headers={**headers, "If-Match": listed})
    assert ok.status_code == 200, ok.text
    star = client.patch(href, json={"title": "Any"}, headers={**headers, "If-Match": "*"})
    assert star.status_code == 200 and star.json()["title"] == "Any"
    assert_problem(client.patch(href, json={}, headers={**headers, "If-Match": '"x"'}), 412)
