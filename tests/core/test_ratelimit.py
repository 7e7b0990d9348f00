"""Which budget a request spends, against a served app behind a trusted proxy (this test
client, from 127.0.0.2): a key that authenticates has its own; everything else spends its client
address's, whatever token it carries. Each test counts from an address of its own, given in
X-Forwarded-For, so the tests do not spend one another's budgets."""

import secrets
import time
from collections.abc import Iterator

import httpx
import pytest

from app.core.ratelimit import WINDOW_SECONDS, FixedWindowCounter, client_address
from tests.conftest import ServedApp, assert_problem
from tests.helpers import ADMIN_TOKEN, OPERATOR, bearer, issue_key, register

LIMIT = 8
# Both on loopback; only the proxy is in FORWARDED_ALLOW_IPS. The other is uvicorn's default
# trusted address, so trusting the proxy and not it shows the setting reached uvicorn.
PROXY = "127.0.0.2"
UNTRUSTED_PEER = "127.0.0.1"


@pytest.fixture(scope="module")
def server(database_url: str) -> Iterator[ServedApp]:
    env = {
        "RATE_LIMIT_PER_MINUTE": str(LIMIT),
        "ADMIN_TOKEN": ADMIN_TOKEN,
        "FORWARDED_ALLOW_IPS": PROXY,  # app.serve hands it to uvicorn
    }
    app = ServedApp(database_url, extra_env=env)
    try:
        yield app
    finally:
        app.stop()


@pytest.fixture
def http(server: ServedApp) -> Iterator[httpx.Client]:
    """A client that connects from the trusted proxy's address."""
    transport = httpx.HTTPTransport(local_address=PROXY)
    with httpx.Client(base_url=server.base_url, transport=transport, timeout=10) as client:
        _inside_one_window()
        yield client


def _inside_one_window(margin_s: float = 5) -> None:
    """Start with `margin_s` left in the limiter's fixed window, so that the requests a test
    counts are not split by the window turning."""
    left = WINDOW_SECONDS - time.time() % WINDOW_SECONDS
    if left < margin_s:
        time.sleep(left + 0.1)


def _from(address: str, token: str | None = None) -> dict[str, str]:
    headers = {"X-Forwarded-For": address}
    return {**headers, **bearer(token)} if token else headers


def _made_up_token(i: int) -> str | None:
    """No token, a token of no known shape, or one shaped like a key."""
    shapes = [None, f"guess-{secrets.token_hex(8)}", f"pfa_{secrets.token_hex(6)}_{'x' * 43}"]
    return shapes[i % len(shapes)]


def _assert_limited(response: httpx.Response) -> None:
    assert_problem(response, 429, "rate-limited")
    assert 1 <= int(response.headers["retry-after"]) <= WINDOW_SECONDS
    assert response.headers["ratelimit-limit"] == str(LIMIT)
    assert response.headers["ratelimit-remaining"] == "0"
    assert response.headers["ratelimit-reset"] == response.headers["retry-after"]


def _key(http: httpx.Client) -> tuple[str, str, str]:
    """A fresh organisation key nobody has used yet: (slug, prefix, token)."""
    slug = register(http)
    created = issue_key(http, slug)
    return slug, created["prefix"], created["token"]


def test_made_up_tokens_share_their_address_budget(http: httpx.Client) -> None:
    address = "203.0.113.10"
    remaining = []
    for i in range(LIMIT):
        response = http.get("/v1/features", headers=_from(address, _made_up_token(i)))
        assert response.status_code == 200, response.text
        remaining.append(int(response.headers["ratelimit-remaining"]))
    assert remaining == list(range(LIMIT - 1, -1, -1))  # one budget, whatever the token
    for i in range(3):
        _assert_limited(http.get("/v1/features", headers=_from(address, _made_up_token(i))))
    # On a route that authenticates, too: 429 before any 401.
    _assert_limited(http.get("/v1/me", headers=_from(address, _made_up_token(2))))
    # Another address still has its own.
    assert http.get("/v1/features", headers=_from("203.0.113.11")).status_code == 200


def test_a_valid_key_keeps_its_budget_while_its_address_is_exhausted(http: httpx.Client) -> None:
    _, _, token = _key(http)
    address = "203.0.113.20"
    statuses = [
        http.get("/v1/me", headers=_from(address, _made_up_token(i + 1))).status_code
        for i in range(LIMIT + 2)
    ]
    assert statuses == [401] * LIMIT + [429] * 2, statuses
    _assert_limited(http.get("/v1/features", headers=_from(address)))

    me = http.get("/v1/me", headers=_from(address, token))
    assert me.status_code == 200, me.text
    assert me.headers["ratelimit-remaining"] == str(LIMIT - 1)
    for spent in range(2, LIMIT + 1):  # public routes spend the key's budget too
        response = http.get("/v1/features", headers=_from(address, token))
        assert response.status_code == 200
        assert response.headers["ratelimit-remaining"] == str(LIMIT - spent)
    _assert_limited(http.get("/v1/me", headers=_from(address, token)))
    # Spending the key's budget gave the address none back.
    _assert_limited(http.get("/v1/features", headers=_from(address)))


def test_a_revoked_key_falls_back_to_its_address(http: httpx.Client) -> None:
    slug, prefix, token = _key(http)
    address = "203.0.113.30"
    assert http.get("/v1/me", headers=_from(address, token)).status_code == 200
    revoked = http.delete(f"/v1/organisations/{slug}/api-keys/{prefix}", headers=OPERATOR)
    assert revoked.status_code == 204, revoked.text
    assert http.get("/v1/me", headers=_from(address, token)).status_code == 401

    anonymous = http.get("/v1/features", headers=_from(address))
    assert anonymous.headers["ratelimit-remaining"] == str(LIMIT - 1)
    with_revoked = http.get("/v1/features", headers=_from(address, token))
    assert with_revoked.headers["ratelimit-remaining"] == str(LIMIT - 2)


def test_forwarded_for_counts_only_from_a_trusted_proxy(
    http: httpx.Client, server: ServedApp
) -> None:
    for _ in range(LIMIT):
        assert http.get("/v1/features", headers=_from("198.51.100.1")).status_code == 200
    _assert_limited(http.get("/v1/features", headers=_from("198.51.100.1")))
    other = http.get("/v1/features", headers=_from("198.51.100.2"))
    assert other.status_code == 200
    assert other.headers["ratelimit-remaining"] == str(LIMIT - 1)
    # IPv6 counts by /64: one host's addresses share a budget, the next /64 has its own.
    v6 = [
        http.get("/v1/features", headers=_from(f"2001:db8:0:7::{n}")) for n in range(1, LIMIT + 2)
    ]
    assert [r.status_code for r in v6] == [200] * LIMIT + [429]
    assert http.get("/v1/features", headers=_from("2001:db8:0:8::1")).status_code == 200

    untrusted = httpx.HTTPTransport(local_address=UNTRUSTED_PEER)
    with httpx.Client(base_url=server.base_url, transport=untrusted, timeout=10) as peer:
        # Its X-Forwarded-For is ignored: every claimed address spends the peer's one budget.
        statuses = [
            peer.get("/v1/features", headers=_from(f"198.51.100.{100 + n}")).status_code
            for n in range(LIMIT + 1)
        ]
        assert statuses == [200] * LIMIT + [429], statuses


def test_the_counter_table_evicts_the_least_recently_counted() -> None:
    counter = FixedWindowCounter(2, clock=lambda: 120.0, max_tracked=3)
    assert [counter.hit("spent")[0] for _ in range(3)] == [True, True, False]
    counter.hit("idle")
    counter.hit("busy")
    assert not counter.hit("spent")[0]  # counted again: now the most recent
    counter.hit("newcomer")  # a fourth key: "idle" goes, nobody else
    assert counter.tracked() == 3
    assert not counter.hit("spent")[0]  # still spent: the table was not cleared
    assert counter.hit("busy") == (True, 0, 60)  # its second hit
    assert counter.hit("idle") == (True, 1, 60)  # forgotten, so counted afresh
    assert counter.tracked() == 3


def test_the_window_resets_when_the_minute_turns() -> None:
    now = [120.0]
    counter = FixedWindowCounter(2, clock=lambda: now[0])
    assert [counter.hit("k")[0] for _ in range(3)] == [True, True, False]
    now[0] = 179.5
    assert counter.hit("k") == (False, 0, 1)
    now[0] = 180.0
    assert counter.hit("k") == (True, 1, 60)


def test_client_addresses_count_ipv6_by_slash_64() -> None:
    def address(ip: str | None) -> str:
        return client_address({"client": (ip, 1) if ip else None})

    assert address("203.0.113.5") == "203.0.113.5"
    assert address("2001:db8:1:2:aaaa::1") == address("2001:db8:1:2:bbbb::2") == "2001:db8:1:2::/64"
    assert address("2001:db8:1:3::1") != address("2001:db8:1:2::1")
    assert address("::ffff:203.0.113.5") == "203.0.113.5"  # not every IPv4 client in one /64
    assert address(None) == "unknown"
