"""Content negotiation over HTTP (issue 17, item 5): one `Accept` read with its q-values picks
the representation on every route, whichever path answers (the route, the catalogue cache,
the audit fast path); `406` lists what is offered; `?format=` exists only where there is a
choice; each representation has its own ETag, and `If-None-Match` / `If-Match` compare with
the negotiated one's. The negotiator itself: test_negotiation.py."""

import csv
import io
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from app.core.http import catalogue_cache
from tests.conftest import assert_problem
from tests.helpers import create_audit, operator_env, tenant

FHIR = "application/fhir+json"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Each route that offers more than JSON, and what it offers, the server's preference first.
OFFERED = {
    "/v1/findings": ["application/json", "text/csv", XLSX],
    "/v1/projects": ["application/json", "text/csv", XLSX],
    "/v1/audit-templates/1": ["application/json", FHIR],
}
AUDIT_ITEM = ["application/json", FHIR, "text/csv", XLSX]
AUDIT_LIST = ["application/json", "text/csv", XLSX]
PRINTABLE = ["application/json", "text/html", "application/pdf"]  # issue 20: test_printable.py


@pytest.fixture(scope="module", autouse=True)
def _operator_token() -> Iterator[None]:
    yield from operator_env()


@pytest.fixture(scope="module")
def audit(client: TestClient) -> dict[str, Any]:
    headers = tenant(client)
    created = create_audit(client, headers, title="Negotiated")
    return {"headers": headers, "href": created.json()["href"], "etag": created.headers["etag"]}


def assert_not_acceptable(response: httpx.Response, offered: list[str]) -> None:
    problem = assert_problem(response, 406, "not-acceptable")
    assert problem["offered"] == offered
    for media_type in offered:
        assert media_type in problem["detail"]
    assert "accept" in response.headers["vary"].lower()


def media(response: httpx.Response) -> str:
    return response.headers["content-type"].split(";")[0]


# -- the cases issue 17 found ------------------------------------------------------------------


def test_a_type_refused_with_q_0_is_not_sent(client: TestClient) -> None:
    response = client.get("/v1/findings", headers={"Accept": "text/csv;q=0, application/json"})
    assert response.status_code == 200 and media(response) == "application/json"


def test_a_list_of_types_is_read_whole(client: TestClient) -> None:
    response = client.get("/v1/audit-templates/1", headers={"Accept": "application/json, text/csv"})
    assert response.status_code == 200 and media(response) == "application/json"


def test_a_type_not_offered_is_a_406(client: TestClient) -> None:
    assert_not_acceptable(
        client.get("/v1/features", headers={"Accept": "application/xml"}), ["application/json"]
    )


@pytest.mark.parametrize(
    "path", ["/v1/features", "/v1/framework", "/v1/sources", "/v1/search?q=data"]
)
def test_format_where_there_is_no_choice_is_a_422(client: TestClient, path: str) -> None:
    for value in ("csv", "json"):
        separator = "&" if "?" in path else "?"
        problem = assert_problem(client.get(f"{path}{separator}format={value}"), 422)
        assert [e["pointer"] for e in problem["errors"]] == ["#/query/format"]


def test_format_the_route_does_not_have_is_a_422(client: TestClient) -> None:
    for path in ("/v1/audit-templates/1?format=csv", "/v1/findings?format=fhir"):
        # (findings offer no FHIR, so their errors stay problem+json, as their OpenAPI says)
        problem = assert_problem(client.get(path), 422)
        assert [e["pointer"] for e in problem["errors"]] == ["#/query/format"]


# -- 406 and Vary on every route that negotiates -------------------------------------------


@pytest.mark.parametrize(("path", "offered"), OFFERED.items())
def test_every_public_route_with_representations_lists_them_in_its_406(
    client: TestClient, path: str, offered: list[str]
) -> None:
    for accept in ("application/xml", "application/json;q=0, text/html", "image/*"):
        catalogue_cache.clear()
        assert_not_acceptable(client.get(path, headers={"Accept": accept}), offered)
        client.get(path)  # now cached: the cache hands a 406 on to the route
        assert_not_acceptable(client.get(path, headers={"Accept": accept}), offered)


def test_every_audit_route_lists_its_representations_in_its_406(
    client: TestClient, audit: dict[str, Any]
) -> None:
    headers, href = audit["headers"], audit["href"]
    xml = {**headers, "Accept": "application/xml"}
    assert_not_acceptable(client.get(href, headers=xml), AUDIT_ITEM)
    assert_not_acceptable(client.get("/v1/audits", headers=xml), AUDIT_LIST)
    # A write refused for its Accept changes nothing.
    body = {"template_version": 1, "title": "Never made"}
    assert_not_acceptable(client.post("/v1/audits", json=body, headers=xml), AUDIT_ITEM)
    patch = client.patch(href, json={"title": "X"}, headers={**xml, "If-Match": audit["etag"]})
    assert_not_acceptable(patch, AUDIT_ITEM)
    submit = client.post(f"{href}/submit", headers={**xml, "If-Match": audit["etag"]})
    assert_not_acceptable(submit, AUDIT_ITEM)
    listed = client.get("/v1/audits", headers=headers).json()["items"]
    assert [a["title"] for a in listed] == ["Negotiated"] and listed[0]["version"] == 1


def test_a_json_only_route_answers_406_to_another_type(
    client: TestClient, audit: dict[str, Any]
) -> None:
    headers, href = audit["headers"], audit["href"]
    xml = {"Accept": "application/xml"}
    for path, auth in (
        ("/v1/features", {}),
        ("/v1/outcomes/reduced-risk", {}),
        ("/v1/audit-templates", {}),
        ("/v1/me", headers),
        (f"{href}/revisions", headers),
        ("/v1/organisations", {}),
    ):
        assert_not_acceptable(client.get(path, headers={**auth, **xml}), ["application/json"])
        ok = client.get(path, headers={**auth, "Accept": "text/html, */*;q=0.1"})
        assert ok.status_code == 200 and media(ok) == "application/json", path
        assert "accept" in ok.headers["vary"].lower(), path


# -- each representation: its body, its ETag, its 304 ------------------------------------------


@pytest.mark.parametrize(("path", "offered"), OFFERED.items())
def test_each_representation_has_its_own_etag_and_304(
    client: TestClient, path: str, offered: list[str]
) -> None:
    catalogue_cache.clear()
    etags = {}
    for media_type in offered:
        # Once routed, once from the cache: the same answer.
        answers = [client.get(path, headers={"Accept": media_type}) for _ in range(2)]
        for response in answers:
            assert response.status_code == 200 and media(response) == media_type
            assert "accept" in response.headers["vary"].lower()
        assert answers[0].content == answers[1].content
        assert answers[0].headers["etag"] == answers[1].headers["etag"]
        etags[media_type] = answers[0].headers["etag"]
    assert len(set(etags.values())) == len(offered)
    for media_type, etag in etags.items():
        for other, other_etag in etags.items():
            response = client.get(path, headers={"Accept": media_type, "If-None-Match": other_etag})
            assert response.status_code == (304 if other == media_type else 200)
            assert response.headers["etag"] == etag
        # If-Match on a read is judged against the negotiated representation's ETag too.
        for other, other_etag in etags.items():
            response = client.get(path, headers={"Accept": media_type, "If-Match": other_etag})
            assert response.status_code == (200 if other == media_type else 412)


def test_format_and_accept_name_the_same_representation(client: TestClient) -> None:
    by_accept = client.get("/v1/findings", headers={"Accept": "text/csv"})
    by_format = client.get("/v1/findings?format=csv", headers={"Accept": "application/json"})
    assert by_format.status_code == by_accept.status_code == 200
    assert by_format.content == by_accept.content
    assert by_format.headers["etag"] == by_accept.headers["etag"]
    json_too = client.get("/v1/findings?format=json", headers={"Accept": "text/csv"})
    assert media(json_too) == "application/json"


def test_head_negotiates_as_get_does(client: TestClient) -> None:
    for accept in ("text/csv", "application/json", "text/csv;q=0.5, application/json;q=0.6"):
        get = client.get("/v1/findings", headers={"Accept": accept})
        head = client.head("/v1/findings", headers={"Accept": accept})
        assert head.status_code == 200 and head.content == b""
        assert head.headers["etag"] == get.headers["etag"]
        assert head.headers["content-type"] == get.headers["content-type"]
        not_modified = client.head(
            "/v1/findings", headers={"Accept": accept, "If-None-Match": get.headers["etag"]}
        )
        assert not_modified.status_code == 304
    refused = client.head("/v1/findings", headers={"Accept": "application/xml"})
    assert refused.status_code == 406 and refused.content == b""


def test_an_audits_representations_have_their_own_etags(
    client: TestClient, audit: dict[str, Any]
) -> None:
    headers, href = audit["headers"], audit["href"]
    etags = {}
    for media_type in AUDIT_ITEM:
        response = client.get(href, headers={**headers, "Accept": media_type})
        assert response.status_code == 200 and media(response) == media_type
        etags[media_type] = response.headers["etag"]
        head = client.head(href, headers={**headers, "Accept": media_type})
        assert head.headers["etag"] == etags[media_type]
    assert len(set(etags.values())) == len(AUDIT_ITEM)
    for media_type, etag in etags.items():
        for other, other_etag in etags.items():
            response = client.get(
                href, headers={**headers, "Accept": media_type, "If-None-Match": other_etag}
            )
            assert response.status_code == (304 if other == media_type else 200)
            assert response.headers["etag"] == etag


# -- a malformed Accept is read leniently, never a 500 -----------------------------------------


@pytest.mark.parametrize(
    "accept",
    [
        ";;;,,,",
        "text/csv;q=",
        "*/*;q=NaN",
        "application/json;q=1;q=0",
        'text/csv;x="unterminated, application/json',
        "\t",
        "/",
        ", ".join(["application/xml;q=0.5"] * 1200 + ["*/*;q=0.1"]),
    ],
)
def test_a_malformed_accept_is_never_a_500(client: TestClient, accept: str) -> None:
    for path in ("/v1/features", "/v1/findings", "/v1/audit-templates/1"):
        response = client.get(path, headers={"Accept": accept})
        assert response.status_code in (200, 406), (accept, response.text)


# -- the OpenAPI description says the same ---------------------------------------------------


def test_the_openapi_description_lists_each_routes_representations(client: TestClient) -> None:
    description = client.get("/openapi.json").json()
    paths, schemas = description["paths"], description["components"]["schemas"]
    declared = {
        ("/v1/findings", "get"): (OFFERED["/v1/findings"], 200),
        ("/v1/projects", "get"): (OFFERED["/v1/projects"], 200),
        ("/v1/audit-templates/{version}", "get"): (["application/json", FHIR], 200),
        ("/v1/audits", "get"): (AUDIT_LIST, 200),
        ("/v1/audits", "post"): (AUDIT_ITEM, 201),
        ("/v1/audits/{audit_id}", "get"): (AUDIT_ITEM, 200),
        ("/v1/audits/{audit_id}", "patch"): (AUDIT_ITEM, 200),
        ("/v1/audits/{audit_id}/submit", "post"): (AUDIT_ITEM, 200),
        ("/v1/audits/{audit_id}/amend", "post"): (AUDIT_ITEM, 200),
        ("/v1/audits/{audit_id}/report", "get"): (PRINTABLE, 200),
        ("/v1/audits/{audit_id}/compare/{other_id}", "get"): (PRINTABLE, 200),
        ("/v1/benchmarks/{template_version}", "get"): (PRINTABLE, 200),
    }
    formats = {
        "application/json": "json",
        "text/csv": "csv",
        FHIR: "fhir",
        XLSX: "xlsx",
        "text/html": "html",
        "application/pdf": "pdf",
    }
    for path, operations in paths.items():
        if not path.startswith("/v1/"):
            continue
        for method, operation in operations.items():
            offered, status = declared.get((path, method), (["application/json"], 0))
            statuses = [s for s in operation["responses"] if s.startswith("2")]
            success = operation["responses"][str(status) if status else statuses[0]]
            if "content" in success or status:  # a 204 has none
                assert sorted(success["content"]) == sorted(offered), (path, method)
            example = operation["responses"]["406"]["content"]["application/problem+json"]
            assert example["example"]["offered"] == offered, (path, method)
            parameters = {p["name"]: p for p in operation.get("parameters", []) if "name" in p}
            if len(offered) > 1:
                enum = parameters["format"]["schema"]["anyOf"][0]["enum"]
                assert enum == [formats[m] for m in offered], (path, method)
            else:
                assert "format" not in parameters, (path, method)
                assert "422" in operation["responses"], (path, method)
            if FHIR in offered:
                ref = success["content"][FHIR]["schema"]["$ref"]
                schema = schemas[ref.rsplit("/", 1)[1]]
                assert schema["properties"]["resourceType"]["const"] in (
                    "Questionnaire",
                    "QuestionnaireResponse",
                )
            if "text/csv" in offered:
                example_csv = success["content"]["text/csv"]["example"]
                header, row = list(csv.reader(io.StringIO(example_csv)))
                assert len(header) == len(row) > 5 and "string" not in row, (path, method)
