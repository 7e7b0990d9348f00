"""A failing INSERT's error, and so any log line or traceback made of it, carries neither the
audit's text nor an API key's hash: the engine runs with `hide_parameters`, and so do the
statements run on the DB-API cursor (app/core/prepared.py). (That a served app's log holds
neither during a real fault is in test_sqlite_faults.py.)"""

import hashlib
import traceback
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import IntegrityError

from app.audits import repository
from app.audits.models import Audit
from app.core.db import utcnow, write_session
from app.tenants.models import ApiKey
from tests.helpers import create_audit, issue_key, operator_env, register


@pytest.fixture(scope="module", autouse=True)
def _operator_token() -> Iterator[None]:
    yield from operator_env()


def told(error: BaseException) -> str:
    """All a log could say of `error`: its message and its traceback."""
    return "".join(traceback.format_exception(error))


def test_a_failing_insert_of_a_key_does_not_tell_its_hash(client: TestClient) -> None:
    slug = register(client)
    prefix = issue_key(client, slug)["prefix"]
    secret_hash = hashlib.sha256(b"a token nobody may read").hexdigest()
    with write_session() as session:
        # The same prefix again: the unique index refuses it.
        session.add(
            ApiKey(
                organisation=slug,
                label="copy",
                prefix=prefix,
                token_hash=secret_hash,
                created_at=utcnow(),
            )
        )
        with pytest.raises(IntegrityError) as failed:
            session.flush()
    assert "parameters hidden" in str(failed.value)
    assert secret_hash not in told(failed.value)


def test_a_failing_insert_of_an_audit_does_not_tell_its_text(client: TestClient) -> None:
    slug = register(client)
    headers = {"Authorization": f"Bearer {issue_key(client, slug)['token']}"}
    audit_id = create_audit(client, headers).json()["id"]
    secret = "what the council wrote about a child"
    with write_session() as session:
        stored = session.get(Audit, audit_id)
        assert stored is not None
        copy = Audit.model_validate({**stored.model_dump(), "title": secret})
        with pytest.raises(IntegrityError) as failed:
            repository.add(session, copy)  # the same id again, on the DB-API cursor
    assert "parameters hidden" in str(failed.value)
    assert secret not in told(failed.value)
