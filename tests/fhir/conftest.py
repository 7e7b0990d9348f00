from collections.abc import Iterator

import pytest

from tests.helpers import operator_env


@pytest.fixture(scope="module", autouse=True)
def _operator_token() -> Iterator[None]:
    yield from operator_env()
