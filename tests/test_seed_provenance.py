"""The seed against the source texts: every quote verbatim, every figure in its statement,
every number-bearing result sentence either a finding or a reviewed exclusion."""

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from app.core.content import SeedData, read_seed
from app.evidence.loading import _check_references

ROOT = Path(__file__).resolve().parents[1]
SEED_DIR = ROOT / "seed"
SOURCES_DIR = ROOT.parent / "shared" / "seeds"
SOURCE_FILES = {
    "dfe-seven-features": "000_8813117c7c811dd7.txt",
    "cypnow-seven-features": "001_aef619d1093066cf.txt",
    "rees-centre-thematic-report-1": "002_c7d2213615fb5f12.txt",
    "sfpc-learning-journal-3": "003_17db601b2cbc98b0.txt",
    "spring-learning-summaries": "004_fa31c2dc4cea7874.txt",
}
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "half": 50,
}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@cache
def source_text(slug: str) -> str:
    return normalise((SOURCES_DIR / SOURCE_FILES[slug]).read_text(encoding="utf-8"))


@cache
def seed() -> SeedData:
    return read_seed(SEED_DIR)


def citations_in(value: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "citations" and isinstance(item, list):
                found += [(path, c) for c in item]
            else:
                found += citations_in(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += citations_in(item, f"{path}[{i}]")
    return found


def all_citations() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for kind, records in seed().records.items():
        for slug, record in records.items():
            out += citations_in(record, f"{kind}/{slug}")
    return out


def test_seed_loads_and_every_reference_resolves() -> None:
    data = seed()
    _check_references(data)  # raises SeedError listing every broken link
    assert data.records["features"] and data.records["findings"]


def test_every_citation_names_a_source_text_and_quotes_it_verbatim() -> None:
    citations = all_citations()
    assert len(citations) > 300
    wrong = [
        f"{where}: {c.get('source')} :: {c.get('quote', '')[:80]!r}"
        for where, c in citations
        if c.get("source") not in SOURCE_FILES
        or not c.get("quote")
        or normalise(c["quote"]) not in source_text(c["source"])
    ]
    assert not wrong, f"{len(wrong)} citations do not quote their source:\n" + "\n".join(wrong)


def test_every_citation_has_a_locator() -> None:
    assert all(c.get("locator") for _, c in all_citations())


def _value_texts(value: float) -> set[str]:
    forms = {f"{value:g}", f"{value:,g}", f"{value:,.0f}" if value == int(value) else f"{value}"}
    if value == int(value):
        n = int(value)
        forms.add(f"{n:,}")
        forms |= {w for w, v in NUMBER_WORDS.items() if v == n}
        forms |= _compound_number_words(n)
    return forms


def _compound_number_words(n: int) -> set[str]:
    """'twenty-four' and 'twenty four' for 21..99 (the texts write both)."""
    tens, units = divmod(n, 10)
    if not 2 <= tens <= 9 or units == 0:
        return set()
    words = {v: w for w, v in NUMBER_WORDS.items() if w != "half"}
    return {f"{words[tens * 10]}{sep}{words[units]}" for sep in ("-", " ")}


# A statement that a page break (and the page's footnotes) cuts in two is its two verbatim
# parts joined by this mark (seed/SCHEMA.md).
CUT = " […] "


def statement_parts(statement: str) -> list[str]:
    return normalise(statement).split(CUT)


def test_every_finding_value_appears_in_its_statement() -> None:
    problems = []
    for finding in seed().records["findings"].values():
        statement = normalise(finding["statement"]).lower().replace("\u2011", "-")
        source = (finding.get("citations") or [{}])[0].get("source")
        if source in SOURCE_FILES:
            for part in statement_parts(finding["statement"]):
                assert part in source_text(source), finding["slug"]
        for field in ("baseline_value", "result_value", "comparison_value"):
            value = finding.get(field)
            if value is None:
                continue
            if not any(form.lower() in statement for form in _value_texts(float(value))):
                problems.append(f"{finding['slug']}.{field}={value}")
    assert not problems, "values missing from their statements: " + ", ".join(problems)


RESULT_WORDS = re.compile(
    r"(%|per cent|£|reduc|increas|decreas|fell|drop|rose|sav|fewer|more than|halved|"
    r"improv|achiev|compared|from \d)",
    re.IGNORECASE,
)
NUMBER = re.compile(r"\d|\b(" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"‘'(])", text) if s.strip()]


def result_sentences(slug: str) -> list[str]:
    return [
        s
        for s in _sentences(source_text(slug))
        if NUMBER.search(s) and RESULT_WORDS.search(s) and len(s) < 1200
    ]


@pytest.mark.parametrize("source", sorted(SOURCE_FILES))
def test_every_result_sentence_is_a_finding_or_a_reviewed_exclusion(source: str) -> None:
    data = seed()
    covered = [
        p for f in data.records["findings"].values() for p in statement_parts(f["statement"])
    ]
    covered += [
        normalise(e["quote"])
        for e in data.lists.get("exclusions", [])
        if e.get("source") == source and e.get("reason")
    ]
    covered += [
        normalise(fig["statement"])
        for p in data.records.get("programmes", {}).values()
        for fig in p.get("figures", [])
        if fig.get("statement")
    ]
    missing = []
    for sentence in result_sentences(source):
        if not any(
            c and (c in sentence or sentence in c or _overlap(c, sentence)) for c in covered
        ):
            missing.append(sentence[:160])
    assert not missing, (
        f"{len(missing)} number-bearing result sentences in {source} are "
        "neither findings nor exclusions:\n- " + "\n- ".join(missing)
    )


def _overlap(a: str, b: str) -> bool:
    # A finding statement may cut a long sentence in two: 40 shared characters count.
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 40 and any(
        short[i : i + 40] in long_ for i in range(0, len(short) - 39, 20)
    )


def test_yaml_files_parse_and_declare_known_kinds() -> None:
    known = {
        "sources",
        "features",
        "outcomes",
        "enablers",
        "recommendations",
        "practice_models",
        "programmes",
        "organisations",
        "projects",
        "evaluations",
        "findings",
        "guidance",
        "exclusions",
        "framework",
        "audit_templates",
        "audit_conditions",
        "audit_prompts",
    }
    for path in SEED_DIR.rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert set(data) <= known, f"{path}: unknown kinds {set(data) - known}"
