"""Capture one real example per operation for the OpenAPI description: `make examples`.

Seeds a throwaway SQLite database, walks the API as an integrator would (a tenant, audits
through their lifecycle, five organisations for a benchmark) and records, per operationId,
the parameters and body it sent and the 2xx body it got. app/core/openapi_examples.py puts them
in the description; tests/core/test_openapi_examples.py checks each against its schema."""

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "app" / "openapi_examples.json"
LIST_ITEMS = 2  # every list in an example shows its first two items: a reader sees the shape
ADMIN = "example-operator-token-0123456789"
# The facets each faceted list's example asks for, so its answer shows them.
FACETS = {
    "projects": ["programme", "feature"],
    "evaluations": ["design_strength"],
    "findings": ["kind", "outcome"],
}


class Recorder:
    def __init__(self, client: Any) -> None:
        self.client = client
        self.examples: dict[str, dict[str, Any]] = {}

    def call(
        self,
        operation: str,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        path_params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Any:
        url = path.format(**(path_params or {}))
        response = self.client.request(method, url, params=params, json=body, headers=headers)
        assert response.status_code < 300, (operation, response.status_code, response.text)
        data = response.json() if response.content else None
        if operation not in self.examples:
            self.examples[operation] = {
                "parameters": {**(path_params or {}), **(params or {})},
                "request": body,
                "response": _trimmed(data),
            }
        return data


def _trimmed(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: _trimmed(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_trimmed(value) for value in data[:LIST_ITEMS]]
    return data


def walk(api: Recorder, operator: dict[str, str]) -> None:
    first = _catalogue(api)
    key = _tenants(api, operator)
    _audits(api, key, first)
    _integration(api, key)
    _benchmark(api, operator)
    api.call("healthz", "GET", "/healthz")
    api.call("readyz", "GET", "/readyz")


def _catalogue(api: Recorder) -> dict[str, str]:
    """Each list and its first item; returns the first slug of each collection."""
    api.call("get_framework", "GET", "/v1/framework")
    api.call("get_framework_matrix", "GET", "/v1/framework/matrix")
    first: dict[str, str] = {}
    for collection, noun in [
        ("features", "feature"),
        ("outcomes", "outcome"),
        ("enablers", "enabler"),
        ("recommendations", "recommendation"),
        ("practice-models", "practice_model"),
        ("sources", "source"),
        ("programmes", "programme"),
        ("projects", "project"),
        ("evaluations", "evaluation"),
        ("findings", "finding"),
        ("guidance", "guidance"),
        ("organisations", "organisation"),
    ]:
        page = api.call(
            f"list_{noun}s".replace("guidances", "guidance"),
            "GET",
            f"/v1/{collection}",
            params={"limit": 2, **({"facets": FACETS[collection]} if collection in FACETS else {})},
        )
        slug = page["items"][0]["slug"]
        first[noun] = slug
        api.call(f"get_{noun}", "GET", f"/v1/{collection}/{{slug}}", path_params={"slug": slug})
    api.call("search", "GET", "/v1/search", params={"q": "family safeguarding", "limit": 2})
    api.call("list_templates", "GET", "/v1/audit-templates")
    api.call("get_template", "GET", "/v1/audit-templates/{version}", path_params={"version": 1})
    return first


def _tenants(api: Recorder, operator: dict[str, str]) -> dict[str, str]:
    body = {"slug": "hertfordshire", "name": "Hertfordshire County Council"}
    api.call("create_organisation", "POST", "/v1/organisations", body=body, headers=operator)
    api.call("list_tenants", "GET", "/v1/tenants", params={"limit": 2}, headers=operator)
    slug = {"slug": "hertfordshire"}
    api.call("get_tenant", "GET", "/v1/tenants/{slug}", path_params=slug, headers=operator)
    created = api.call(
        "create_api_key",
        "POST",
        "/v1/organisations/{slug}/api-keys",
        path_params=slug,
        body={"label": "Case management system"},
        headers=operator,
    )
    api.call(
        "list_api_keys",
        "GET",
        "/v1/organisations/{slug}/api-keys",
        path_params=slug,
        headers=operator,
    )
    spare = api.client.post(
        "/v1/organisations/hertfordshire/api-keys",
        headers=operator,
        json={"label": "Retired dashboard"},
    ).json()
    api.call(
        "revoke_api_key",
        "DELETE",
        "/v1/organisations/{slug}/api-keys/{prefix}",
        path_params={**slug, "prefix": spare["prefix"]},
        headers=operator,
    )
    key = {"Authorization": f"Bearer {created['token']}"}
    api.call("get_me", "GET", "/v1/me", headers=key)
    return key


ANSWERS = {
    "current_practice": "Health and police attend strategy meetings; data is not shared.",
    "needed_change": "A shared data agreement across the three agencies.",
    "progress_plan": "Safeguarding partnership to agree the data protocol by March.",
}


def _responses(api: Recorder, ratings: list[int]) -> list[dict[str, Any]]:
    template = api.client.get("/v1/audit-templates/1").json()
    return [
        {"condition": c["slug"], **ANSWERS, "rating": rating}
        for c, rating in zip(template["conditions"], ratings, strict=False)
    ]


def _audits(api: Recorder, key: dict[str, str], first: dict[str, str]) -> None:
    body = {
        "template_version": 1,
        "title": "Children's services self-audit 2025",
        "responses": _responses(api, [2, 3, 1, 4, 2, 3, 2, 3, 1, 2, 3, 2]),
    }
    response = api.client.post("/v1/audits", json=body, headers={**key, "Idempotency-Key": "x"})
    audit_id = response.json()["id"]
    api.examples["create_audit"] = {
        "parameters": {"Idempotency-Key": "5b0e7c1a-3f7d-4d8e-9a51-2c6f4b7d9e01"},
        "request": body,
        "response": _trimmed(response.json()),
    }
    ids = {"audit_id": audit_id}
    etag = response.headers["etag"]
    patch = {"responses": [{"condition": body["responses"][2]["condition"], "rating": 2}]}
    api.call(
        "update_audit",
        "PATCH",
        "/v1/audits/{audit_id}",
        path_params=ids,
        body=patch,
        headers={**key, "If-Match": etag},
    )
    etag = api.client.get(f"/v1/audits/{audit_id}", headers=key).headers["etag"]
    api.call(
        "submit_audit",
        "POST",
        "/v1/audits/{audit_id}/submit",
        path_params=ids,
        headers={**key, "If-Match": etag},
    )
    api.call("get_audit", "GET", "/v1/audits/{audit_id}", path_params=ids, headers=key)
    api.call(
        "list_audits", "GET", "/v1/audits", params={"limit": 2, "status": "submitted"}, headers=key
    )
    api.call(
        "list_revisions", "GET", "/v1/audits/{audit_id}/revisions", path_params=ids, headers=key
    )
    api.call(
        "get_audit_report", "GET", "/v1/audits/{audit_id}/report", path_params=ids, headers=key
    )
    later = dict(
        body,
        title="Children's services self-audit 2026",
        responses=_responses(api, [3, 3, 2, 4, 3, 3, 2, 4, 2, 3, 3, 3]),
    )
    other = api.client.post("/v1/audits", json=later, headers=key).json()["id"]
    api.call(
        "compare_audits",
        "GET",
        "/v1/audits/{audit_id}/compare/{other_id}",
        path_params={**ids, "other_id": other},
        headers=key,
    )
    etag = api.client.get(f"/v1/audits/{audit_id}", headers=key).headers["etag"]
    api.call(
        "amend_audit",
        "POST",
        "/v1/audits/{audit_id}/amend",
        path_params=ids,
        headers={**key, "If-Match": etag},
    )
    api.examples["get_audit"]["parameters"]["format"] = "json"


def _integration(api: Recorder, key: dict[str, str]) -> None:
    """The change feed and a webhook subscription (nothing is sent here)."""
    api.call("list_events", "GET", "/v1/events", params={"limit": 2}, headers=key)
    body = {
        "url": "https://cms.example.org/hooks/practice-framework",
        "events": ["audit.submitted", "audit.amended"],
        "description": "Case-management system",
    }
    sub = api.call("create_webhook", "POST", "/v1/webhooks", body=body, headers=key)
    ids = {"webhook_id": sub["id"]}
    api.call("list_webhooks", "GET", "/v1/webhooks", headers=key)
    api.call("get_webhook", "GET", "/v1/webhooks/{webhook_id}", path_params=ids, headers=key)
    patch = {"events": ["audit.submitted"]}
    path = "/v1/webhooks/{webhook_id}"
    api.call("update_webhook", "PATCH", path, path_params=ids, body=patch, headers=key)
    delivery = api.call("test_webhook", "POST", path + "/test", path_params=ids, headers=key)
    api.call("list_webhook_deliveries", "GET", path + "/deliveries", path_params=ids, headers=key)
    retry = path + "/deliveries/{delivery_id}/retry"
    both = {**ids, "delivery_id": delivery["id"]}
    api.call("retry_webhook_delivery", "POST", retry, path_params=both, headers=key)
    api.call("rotate_webhook_secret", "POST", path + "/rotate-secret", path_params=ids, headers=key)
    api.call("delete_webhook", "DELETE", path, path_params=ids, headers=key)


def _benchmark(api: Recorder, operator: dict[str, str]) -> None:
    """Five organisations with submitted audits: the least a benchmark shows."""
    for n, name in enumerate(["Leeds", "North Yorkshire", "Wigan", "Doncaster", "Stockport"]):
        slug = name.lower().replace(" ", "-")
        api.client.post(
            "/v1/organisations", json={"slug": slug, "name": f"{name} Council"}, headers=operator
        )
        token = api.client.post(
            f"/v1/organisations/{slug}/api-keys", json={"label": "CMS"}, headers=operator
        ).json()["token"]
        key = {"Authorization": f"Bearer {token}"}
        body = {
            "template_version": 1,
            "title": "Self-audit 2025",
            "responses": _responses(api, [1 + (n + i) % 4 for i in range(12)]),
        }
        created = api.client.post("/v1/audits", json=body, headers=key)
        api.client.post(
            f"{created.json()['href']}/submit", headers={**key, "If-Match": created.headers["etag"]}
        )
    api.call(
        "get_benchmark",
        "GET",
        "/v1/benchmarks/{template_version}",
        path_params={"template_version": 1},
        headers=key,
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/examples.db"
        os.environ["ADMIN_TOKEN"] = ADMIN
        os.environ["RATE_LIMIT_PER_MINUTE"] = "100000"
        sys.path.insert(0, str(ROOT))
        from tests.conftest import _migrate_and_seed  # the tests' own set-up, not a copy

        _migrate_and_seed(os.environ["DATABASE_URL"])
        from fastapi.testclient import TestClient

        from app.main import create_app

        with TestClient(create_app()) as client:
            api = Recorder(client)
            walk(api, {"Authorization": f"Bearer {ADMIN}"})
    OUT.write_text(json.dumps(api.examples, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(api.examples)} operations' examples written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
