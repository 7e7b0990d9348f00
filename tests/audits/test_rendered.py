"""The per-process LRU of rendered audit bodies: bounded by bytes, least recently used out."""

from app.audits.rendering import RenderedAudits


def test_keeps_at_most_max_bytes_and_evicts_the_least_recently_used() -> None:
    cache = RenderedAudits(max_bytes=10)
    cache.put(("db", "org", "a", "t1"), b"aaaa")
    cache.put(("db", "org", "b", "t1"), b"bbbb")
    assert cache.get(("db", "org", "a", "t1")) == b"aaaa"  # "a" is now the most recent
    cache.put(("db", "org", "c", "t1"), b"cccc")
    assert cache.get(("db", "org", "b", "t1")) is None
    assert (
        cache.get(("db", "org", "a", "t1")) == b"aaaa"
        and cache.get(("db", "org", "c", "t1")) == b"cccc"
    )
    assert cache.size == 8 and len(cache) == 2


def test_a_key_is_one_write_of_one_audit_of_one_organisation_in_one_database() -> None:
    cache = RenderedAudits(max_bytes=100)
    cache.put(("db1", "org", "a", "t1"), b"v1")
    assert cache.get(("db1", "org", "a", "t2")) is None
    assert cache.get(("db2", "org", "a", "t1")) is None
    assert cache.get(("db1", "other-org", "a", "t1")) is None
    cache.put(("db1", "org", "a", "t1"), b"again")  # replacing keeps the size true
    assert cache.get(("db1", "org", "a", "t1")) == b"again" and cache.size == 5


def test_a_body_larger_than_the_cache_is_not_kept_and_zero_keeps_nothing() -> None:
    small = RenderedAudits(max_bytes=3)
    small.put(("db", "org", "a", "t1"), b"four")
    assert small.get(("db", "org", "a", "t1")) is None and small.size == 0
    off = RenderedAudits(max_bytes=0)
    off.put(("db", "org", "a", "t1"), b"x")
    assert len(off) == 0
