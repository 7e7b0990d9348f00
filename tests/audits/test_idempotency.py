"""Idempotency-Key on create: replay, conflict on another body, expiry after 24 hours."""

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlmodel import Session

from app.audits.models import IdempotencyRecord
from app.core.db import get_engine, utcnow
from tests.conftest import assert_problem
from tests.helpers import answer, tenant

BODY = {"template_version": 1, "title": "Retry me", "responses": [answer("good-use-of-data", 2)]}


def _audits(client: TestClient, headers: dict[str, str]) -> list[str]:
    return [a["id"] for a in client.get("/v1/audits", headers=headers).json()["items"]]


def test_a_retry_returns_the_first_response(client: TestClient) -> None:
    headers = {**tenant(client), "Idempotency-Key": "create-1"}
    first = client.post("/v1/audits", json=BODY, headers=headers)
    assert first.status_code == 201
    reordered = dict(reversed(list(BODY.items())))  # same JSON value, other key order
    retry = client.post("/v1/audits", json=reordered, headers=headers)
    assert retry.status_code == 201
    assert retry.json() == first.json()
    assert retry.headers["location"] == first.headers["location"]
    assert retry.headers["etag"] == first.headers["etag"]
    assert retry.headers["idempotent-replayed"] == "true"
    assert _audits(client, headers) == [first.json()["id"]]


def test_a_binary_first_response_is_replayed_byte_for_byte(client: TestClient) -> None:
    """An XLSX answer is not text; PostgreSQL's text column refuses its NUL bytes."""
    headers = {**tenant(client), "Idempotency-Key": "create-xlsx"}
    first = client.post("/v1/audits?format=xlsx", json=BODY, headers=headers)
    assert first.status_code == 201, first.text
    assert first.content.startswith(b"PK")  # a zip
    retry = client.post("/v1/audits?format=xlsx", json=BODY, headers=headers)
    assert retry.status_code == 201 and retry.headers["idempotent-replayed"] == "true"
    assert retry.content == first.content
    assert retry.headers["content-type"] == first.headers["content-type"]


def test_the_same_key_with_another_body_is_a_conflict(client: TestClient) -> None:
    headers = {**tenant(client), "Idempotency-Key": "create-2"}
    assert client.post("/v1/audits", json=BODY, headers=headers).status_code == 201
    other = client.post("/v1/audits", json={**BODY, "title": "Other"}, headers=headers)
    assert_problem(other, 409, "conflict")
    assert len(_audits(client, headers)) == 1


def test_keys_are_per_organisation(client: TestClient) -> None:
    first = client.post(
        "/v1/audits", json=BODY, headers={**tenant(client), "Idempotency-Key": "shared"}
    )
    second = client.post(
        "/v1/audits", json=BODY, headers={**tenant(client), "Idempotency-Key": "shared"}
    )
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] != second.json()["id"]


def test_keys_are_kept_24_hours_then_forgotten(client: TestClient) -> None:
    headers = {**tenant(client), "Idempotency-Key": "old-key"}
    first = client.post("/v1/audits", json=BODY, headers=headers).json()
    with Session(get_engine()) as session:
        session.exec(
            update(IdempotencyRecord)
            .where(
                IdempotencyRecord.key == "old-key",
                IdempotencyRecord.organisation == first["organisation"],
            )
            .values(created_at=utcnow() - timedelta(hours=23))
        )
        session.commit()
    assert client.post("/v1/audits", json=BODY, headers=headers).json()["id"] == first["id"]
    with Session(get_engine()) as session:
        session.exec(
            update(IdempotencyRecord)
            .where(
                IdempotencyRecord.key == "old-key",
                IdempotencyRecord.organisation == first["organisation"],
            )
            .values(created_at=utcnow() - timedelta(hours=25))
        )
        session.commit()
    fresh = client.post("/v1/audits", json=BODY, headers=headers)
    assert fresh.status_code == 201 and fresh.json()["id"] != first["id"]


def test_failed_creates_are_not_remembered(client: TestClient) -> None:
    headers = {**tenant(client), "Idempotency-Key": "bad-then-good"}
    bad = client.post("/v1/audits", json={**BODY, "template_version": 999}, headers=headers)
    assert_problem(bad, 422, "validation-error")
    assert client.post("/v1/audits", json=BODY, headers=headers).status_code == 201
