"""Factories for tenant and audit tests: plain functions over the HTTP client."""

import os
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
from prometheus_client.parser import text_string_to_metric_families

from app.core import config as config_module

ADMIN_TOKEN = "test-operator-token-0123456789"
OPERATOR = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


def operator_env() -> Iterator[None]:
    """ADMIN_TOKEN set for the module (and for any server it starts), then restored."""
    previous = os.environ.get("ADMIN_TOKEN")
    os.environ["ADMIN_TOKEN"] = ADMIN_TOKEN
    config_module.get_settings.cache_clear()
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("ADMIN_TOKEN", None)
        else:
            os.environ["ADMIN_TOKEN"] = previous
        config_module.get_settings.cache_clear()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def new_slug(stem: str = "org") -> str:
    return f"{stem}-{uuid.uuid4().hex[:8]}"


def register(
    client: httpx.Client | Any, slug: str | None = None, name: str = "Test Council"
) -> str:
    slug = slug or new_slug()
    response = client.post("/v1/organisations", json={"name": name, "slug": slug}, headers=OPERATOR)
    assert response.status_code == 201, response.text
    return slug


def issue_key(
    client: httpx.Client | Any, slug: str, label: str = "CMS", scopes: list[str] | None = None
) -> dict[str, Any]:
    body = {"label": label, **({"scopes": scopes} if scopes is not None else {})}
    response = client.post(f"/v1/organisations/{slug}/api-keys", json=body, headers=OPERATOR)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def tenant(client: httpx.Client | Any) -> dict[str, str]:
    """A fresh tenant organisation; its auth headers."""
    slug = register(client)
    return bearer(issue_key(client, slug)["token"])


def answer(condition: str, rating: int | None = 3) -> dict[str, Any]:
    return {
        "condition": condition,
        "current_practice": f"Now: {condition}.",
        "needed_change": f"Needed: {condition}.",
        "progress_plan": f"Plan: {condition}.",
        "rating": rating,
    }


def condition_slugs(client: httpx.Client | Any, version: int = 1) -> list[str]:
    response = client.get(f"/v1/audit-templates/{version}")
    assert response.status_code == 200, response.text
    return [c["slug"] for c in response.json()["conditions"]]


def create_audit(
    client: httpx.Client | Any,
    headers: dict[str, str],
    responses: list[dict[str, Any]] | None = None,
    title: str = "Self-audit",
) -> httpx.Response:
    body = {"template_version": 1, "title": title, "responses": responses or []}
    response: httpx.Response = client.post("/v1/audits", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response


def complete_audit(
    client: httpx.Client | Any, headers: dict[str, str], ratings: dict[str, int] | None = None
) -> httpx.Response:
    ratings = ratings or {}
    slugs = condition_slugs(client)
    return create_audit(client, headers, [answer(s, ratings.get(s, 3)) for s in slugs])


def fast_read_counts(client: httpx.Client | Any) -> dict[str, int]:
    """`audit_fast_reads_total` by outcome, from /metrics."""
    return metric_by(client.get("/metrics").text, "audit_fast_reads_total", "outcome")


def metric_samples(text: str, name: str) -> list[tuple[dict[str, str], float]]:
    """The samples of `name` in a Prometheus exposition: (labels, value) each."""
    return [
        (sample.labels, sample.value)
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == name
    ]


def metric(text: str, name: str, **labels: str) -> float:
    """The value of `name` summed over the samples that carry these labels."""
    found = [v for have, v in metric_samples(text, name) if labels.items() <= have.items()]
    assert found, f"{name}{labels} missing from /metrics"
    return sum(found)


def metric_by(text: str, name: str, label: str) -> dict[str, int]:
    """`name` by the value of `label` (summed over any other labels)."""
    out: dict[str, int] = {}
    for labels, value in metric_samples(text, name):
        out[labels[label]] = out.get(labels[label], 0) + int(value)
    assert out, f"{name} missing from /metrics"
    return out


def submit(
    client: httpx.Client | Any, headers: dict[str, str], created: httpx.Response
) -> httpx.Response:
    audit_id = created.json()["id"]
    response: httpx.Response = client.post(
        f"/v1/audits/{audit_id}/submit", headers={**headers, "If-Match": created.headers["ETag"]}
    )
    assert response.status_code == 200, response.text
    return response


def rated_audit(
    client: httpx.Client | Any,
    headers: dict[str, str],
    ratings: list[int | None],
    title: str,
    first_practice: str | None = None,
) -> httpx.Response:
    """An audit answering every condition, rated in the template's order; the first
    condition's `current_practice` replaced when given (say, with markup to be escaped)."""
    answers = [answer(s, r) for s, r in zip(condition_slugs(client), ratings, strict=True)]
    if first_practice is not None:
        answers[0]["current_practice"] = first_practice
    return create_audit(client, headers, answers, title=title)
