"""Read sessions (GET and HEAD) never write: a flush of a change fails loudly."""

import pytest

from app.core.db import read_session
from app.organisations.models import Organisation


def test_a_read_session_refuses_to_flush_a_change(database_url: str) -> None:
    session = read_session()
    try:
        session.add(Organisation(slug="written-during-a-read", name="Nope"))
        with pytest.raises(RuntimeError, match="tried to write"):
            session.flush()
    finally:
        session.rollback()
        session.close()
    with read_session() as check:
        assert check.get(Organisation, "written-during-a-read") is None
