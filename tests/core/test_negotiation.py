"""`Accept` as RFC 9110 section 12.5.1 reads it (app/core/negotiation.py), through the `Offers`
that routes declare: q-values, wildcards, the most specific range winning, `q=0` excluding,
ties to the server's order, malformed elements left out. Over HTTP: test_representations.py."""

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.negotiation import _cached_preferred, parse_accept, preferred
from app.core.representations import CSV, FHIR, JSON, Offers, Representation

FINDINGS = Offers(JSON, CSV)
TEMPLATE = Offers(JSON, FHIR)
AUDIT = Offers(JSON, FHIR, CSV)


@pytest.mark.parametrize(
    ("offers", "accept", "chosen"),
    [
        # The cases issue 17 found.
        (FINDINGS, "text/csv;q=0, application/json", JSON),
        (TEMPLATE, "application/json, text/csv", JSON),
        (FINDINGS, "application/xml", None),
        # No preference given: JSON.
        (AUDIT, None, JSON),
        (AUDIT, "", JSON),
        (AUDIT, "*/*", JSON),
        (AUDIT, "application/*", JSON),
        # q-values decide; equal ones go to the server's order, not the header's.
        (AUDIT, "application/json;q=0.5, text/csv", CSV),
        (AUDIT, "text/csv, application/json", JSON),
        (AUDIT, "text/csv;q=0.8, application/fhir+json;q=0.9", FHIR),
        (AUDIT, "text/*", CSV),
        (AUDIT, "text/*;q=0.5, application/*;q=0.4", CSV),
        # The most specific range that matches a type gives its q; of equals, q=0 wins.
        (FINDINGS, "text/*;q=0, text/csv", CSV),
        (FINDINGS, "text/csv, text/csv;q=0, */*;q=0.1", JSON),
        (FINDINGS, "text/csv;q=0.2, text/csv;q=0.9, application/json;q=0.5", CSV),
        (FINDINGS, "*/*;q=0.1, text/csv;q=0", JSON),
        (FINDINGS, "application/json;q=0, */*", CSV),
        (TEMPLATE, "application/json;q=0, */*", FHIR),
        (AUDIT, "application/*;q=0, text/csv;q=0.1", CSV),
        (AUDIT, "application/*;q=0, application/fhir+json", FHIR),
        (Offers(JSON), "application/json;q=0, */*", None),
        (Offers(JSON), "text/csv", None),
        (Offers(JSON), "application/problem+json", None),
        # A FHIR type is not JSON's, nor JSON FHIR's.
        (TEMPLATE, "application/fhir+json", FHIR),
        (Offers(JSON), "application/fhir+json", None),
        (Offers(JSON, CSV), "application/fhir+json", None),
        # Parameters play no part; case does not matter.
        (FINDINGS, "text/csv; charset=utf-8", CSV),
        (TEMPLATE, "application/fhir+json; fhirVersion=4.0", FHIR),
        (FINDINGS, "TEXT/CSV", CSV),
        (FINDINGS, "text/csv;Q=0, application/json;q=0.2", JSON),
        # Malformed elements are left out; a header with nothing usable is no preference.
        (FINDINGS, "text/csv;q=2, application/json;q=0.3", JSON),
        (FINDINGS, "text/csv;q=abc, application/json;q=0.3", JSON),
        (FINDINGS, "text/csv;q=nan, text/csv;q=inf, application/json;q=0.3", JSON),
        (FINDINGS, "csv, */csv, text/, /json, application/json;q=0.3", JSON),
        (FINDINGS, "garbage", JSON),
        (FINDINGS, ";;;,,,", JSON),
        (FINDINGS, "text/csv;q=", JSON),
        # Leniencies: `.5` as a q-value and a bare `*` (Java's default header).
        (FINDINGS, "text/csv;q=.5, application/json;q=.4", CSV),
        (FINDINGS, "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2", JSON),
        # A quoted comma does not split an element.
        (FINDINGS, 'text/csv;foo="a,b";q=0, application/json;q=0.1', JSON),
        (FINDINGS, 'text/csv;foo="a\\",b", application/json;q=0.1', CSV),
        # What browsers send.
        (FINDINGS, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", JSON),
    ],
)
def test_the_chosen_representation(
    offers: Offers, accept: str | None, chosen: Representation | None
) -> None:
    assert offers.choose(accept) is chosen


def test_format_wins_over_accept_and_is_only_a_format_the_route_has() -> None:
    assert FINDINGS.choose("application/json", "csv") is CSV
    assert FINDINGS.choose("application/xml", "csv") is CSV
    assert FINDINGS.choose(None, "json") is JSON
    assert FINDINGS.choose(None, "fhir") is None
    assert FINDINGS.choose(None, "CSV") is None
    assert Offers(JSON).choose(None, "json") is None  # no choice, so no parameter


def test_parsing_keeps_what_matching_needs() -> None:
    ranges = parse_accept('Text/CSV; charset="utf-8"; q=0.25; ext=1, */*;q=0')
    assert [(r.type, r.subtype, r.q) for r in ranges] == [("text", "csv", 0.25), ("*", "*", 0.0)]
    assert [r.specificity for r in ranges] == [2, 0]


# -- properties ----------------------------------------------------------------------------

MEDIA = st.sampled_from(
    [
        "application/json",
        "text/csv",
        "application/fhir+json",
        "application/xml",
        "text/html",
        "text/*",
        "application/*",
        "*/*",
    ]
)
Q = st.sampled_from(["", ";q=0", ";q=0.001", ";q=0.3", ";q=0.5", ";q=1", ";q=1.000"])
ELEMENT = st.builds(lambda media, q: media + q, MEDIA, Q)
OFFERS = st.sampled_from([Offers(JSON), FINDINGS, TEMPLATE, AUDIT])


@given(st.text(max_size=200), OFFERS)
def test_any_header_is_read_without_an_error(accept: str, offers: Offers) -> None:
    assert offers.choose(accept) in (*offers.representations, None)


@given(st.lists(ELEMENT, min_size=1, max_size=8), st.randoms(use_true_random=False), OFFERS)
def test_the_order_of_the_elements_does_not_matter(
    elements: list[str], rng: random.Random, offers: Offers
) -> None:
    shuffled = list(elements)
    rng.shuffle(shuffled)
    assert offers.choose(", ".join(elements)) is offers.choose(", ".join(shuffled))


@given(st.lists(ELEMENT, max_size=6), OFFERS, st.data())
def test_a_type_given_q_0_is_never_chosen(
    elements: list[str], offers: Offers, data: st.DataObject
) -> None:
    excluded = data.draw(st.sampled_from(offers.representations))
    accept = ", ".join([*elements, f"{excluded.media_type};q=0"])
    assert offers.choose(accept) is not excluded


@given(st.lists(ELEMENT, max_size=6), OFFERS)
def test_the_choice_has_the_highest_q_and_the_earliest_of_equals(
    elements: list[str], offers: Offers
) -> None:
    accept = ", ".join(elements)
    ranges = parse_accept(accept)
    chosen = offers.choose(accept)
    if not ranges:
        assert chosen is JSON
        return

    def q_of(representation: Representation) -> float:
        # The definition, spelt out: the q of the most specific matching range(s).
        type_, subtype = representation.media_type.split("/")
        matching = [r for r in ranges if r.matches(type_, subtype)]
        if not matching:
            return 0.0
        top = [r.q for r in matching if r.specificity == max(m.specificity for m in matching)]
        return 0.0 if 0.0 in top else max(top)

    qs = [q_of(r) for r in offers.representations]
    if max(qs) == 0:
        assert chosen is None
    else:
        assert chosen is offers.representations[qs.index(max(qs))]


def test_a_long_header_is_read_each_time_and_not_kept() -> None:
    long_header = ", ".join(["application/xml;q=0.9"] * 500 + ["text/csv;q=0.95"])
    before = _cached_preferred.cache_info()
    assert preferred(long_header, ("application/json", "text/csv")) == 1
    after = _cached_preferred.cache_info()
    assert (after.hits, after.misses) == (before.hits, before.misses)
    preferred("text/csv", ("application/json", "text/csv"))
    assert _cached_preferred.cache_info().hits + _cached_preferred.cache_info().misses > (
        after.hits + after.misses
    )
