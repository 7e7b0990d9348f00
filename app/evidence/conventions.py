"""The conventions that make findings add up (seed/SCHEMA.md, "Findings: conventions"): every
problem named by file, slug and rule, so the loader can refuse the seed and a test can list
what to fix."""

import re
from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations
from typing import Any

from app.core.content import Record, SeedData
from app.evidence.vocabulary import QUALIFIER_WORDS, Unit

QUALIFIERS = {"exact", *QUALIFIER_WORDS.values()}
DIRECTIONS = {"increase", "decrease", "no-change"}
UNITS = {u.value for u in Unit}
# Words printed next to a value that make it a change, and the direction they give.
CHANGE_AFTER = re.compile(
    r"^(?:%| per cent|m\b| million|k\b)?\s*"
    r"(reduction|decrease|increase|fall|drop|rise|fewer|more)\b"
)
CHANGE_BEFORE = re.compile(
    r"\b(?:(reduced|reducing|increased|increasing|decreased|cut|rose|fell|dropped)"
    r"(?: [^.;,]{0,60})? by|(drop|falls of|fall of|rise of|increase of|decrease of|reduction of))$"
)
DECREASE_WORDS = ("reduc", "decreas", "fall", "fell", "drop", "fewer", "cut")
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100,
}  # fmt: skip
DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("**", "").replace("\u2011", "-")).strip().lower()


def value_forms(value: float) -> set[str]:
    """How a value may be printed: 7180, 7,180, 2.6, 'fourteen', 'twenty-four'."""
    forms = {f"{value:g}", f"{value:,g}", f"{value:.2f}"}
    if value == int(value):
        n = int(value)
        forms |= {str(n), f"{n:,}"} | {w for w, v in NUMBER_WORDS.items() if v == n}
        tens, units = divmod(n, 10)
        if 2 <= tens <= 9 and units:
            words = {v: w for w, v in NUMBER_WORDS.items()}
            forms |= {f"{words[tens * 10]}{sep}{words[units]}" for sep in ("-", " ")}
    return forms


def occurrences(statement: str, value: float) -> Iterator[tuple[str, str]]:
    """(text before, text after) every place `value` is printed as a whole number or word."""
    for form in value_forms(value):
        for m in re.finditer(re.escape(form), statement):
            before, after = statement[: m.start()], statement[m.end() :]
            if re.search(r"[\w.,]$", before.removesuffix("£")) and not before.endswith("-"):
                continue
            if re.match(r"(?!(?:m|k|bn)\b)\w|[.,]\d", after):  # £2.6m, £160k are whole
                continue
            yield before.removesuffix("£").removesuffix("-").rstrip(), after


def wording_qualifier(before: str) -> str:
    for words in sorted(QUALIFIER_WORDS, key=len, reverse=True):
        if re.search(rf"\b{words}$", before):
            return QUALIFIER_WORDS[words]
    return "exact"


def wording_direction(before: str, after: str) -> str | None:
    """The direction the words beside a value give it, if they make it a change."""
    for words in sorted(QUALIFIER_WORDS, key=len, reverse=True):
        before = re.sub(rf"\b{words}$", "", before).rstrip().removesuffix("£").rstrip()
    found = CHANGE_AFTER.match(after)
    word = found.group(1) if found else None
    if word is None and (found := CHANGE_BEFORE.search(before)):
        word = found.group(1) or found.group(2)
    if word is None:
        return None
    return "decrease" if word.startswith(DECREASE_WORDS) else "increase"


def _values(f: Record) -> list[tuple[str, Any]]:
    return [(k, f.get(k)) for k in ("baseline_value", "result_value", "comparison_value")]


def finding_problems(f: Record) -> Iterator[str]:
    """The rules one finding breaks, each as `rule: detail`."""
    statement = normalise(f.get("statement") or "")
    result, baseline = f.get("result_value"), f.get("baseline_value")
    for field, value in _values(f):
        if value is not None and value < 0:
            yield f"magnitude: {field} {value} is signed; give the magnitude and a direction"
    unit = f.get("unit")
    if unit is not None and unit not in UNITS:
        yield f"unit-vocabulary: unit '{unit}' is not one of the Unit enum"
    if (unit is None) != (result is None and baseline is None):
        yield "unit-with-value: a unit is given exactly when a baseline or result value is"
    qualifier = f.get("qualifier")
    if qualifier is not None and qualifier not in QUALIFIERS:
        yield f"qualifier-vocabulary: qualifier '{qualifier}' is not one of {sorted(QUALIFIERS)}"
    if (qualifier is None) != (result is None):
        yield "qualifier-with-value: a qualifier is given exactly when a result value is"
    direction = f.get("direction")
    if direction is not None and direction not in DIRECTIONS:
        yield f"direction-vocabulary: direction '{direction}' is not one of {sorted(DIRECTIONS)}"
    if result is not None and qualifier in QUALIFIERS:
        places = list(occurrences(statement, float(result)))
        worded = {wording_qualifier(before) for before, _ in places}
        if places and qualifier not in worded:
            yield f"qualifier-wording: the statement words {result} as {sorted(worded)}"
        said = {d for d in (wording_direction(b, a) for b, a in places) if d}
        if said and direction not in said:
            yield f"direction-wording: the statement words {result} as a change ({sorted(said)})"
    if baseline is not None and result is not None:
        expected = (
            "increase" if result > baseline else "decrease" if result < baseline else "no-change"
        )
        if direction != expected:
            yield f"direction-values: {baseline} to {result} is '{expected}', not '{direction}'"
    if f.get("kind") == "cost-saving" and result is not None and direction != "decrease":
        yield "direction-saving: a saving is a decrease in cost (direction: decrease)"
    yield from _sample_problems(f.get("sample_size"), statement)


def _sample_problems(sample: Any, statement: str) -> Iterator[str]:
    if sample is None:
        return
    if not isinstance(sample, dict) or set(sample) - {"value", "unit", "text"}:
        yield "sample-shape: sample_size is {value, unit, text}"
        return
    text = normalise(sample.get("text") or "")
    if not text or text not in statement:
        yield "sample-text: sample_size.text is a span of the statement"
    if sample.get("unit") is not None and sample["unit"] not in UNITS:
        yield f"unit-vocabulary: sample unit '{sample['unit']}' is not one of the Unit enum"
    value = sample.get("value")
    numbers = DIGITS.findall(text) + [w for w in re.findall(r"[a-z]+", text) if w in NUMBER_WORDS]
    if value is None and len(numbers) == 1:
        yield "sample-value: the text gives one number, so sample_size.value is that number"
    if value is not None and not any(True for _ in occurrences(text, float(value))):
        yield f"sample-value: {value} is not printed in the sample text"
    if value is not None and sample.get("unit") is None:
        yield "sample-unit: a sample value has a unit"


def _links(f: Record, field: str) -> list[str]:
    return list(f.get(field) or [])


def link_problems(
    findings: dict[str, Record], source_of: dict[str, str]
) -> Iterator[tuple[str, str]]:
    """(slug, problem) for the links between findings: both ways, one canonical per fact,
    one fact per source, and one record per number within a source."""
    for slug, f in findings.items():
        for field in ("same_fact_as", "conflicts_with"):
            for other in _links(f, field):
                if other == slug or other not in findings:
                    yield slug, f"links: {field} names '{other}', not another finding"
                elif slug not in _links(findings[other], field):
                    yield slug, f"links-both-ways: '{other}' does not list it in {field}"
        for entry in f.get("distinct_from") or []:
            if not isinstance(entry, dict) or not entry.get("reason"):
                yield slug, "distinct-reason: distinct_from entries are {finding, reason}"
            elif entry.get("finding") not in findings:
                yield slug, f"links: distinct_from names '{entry.get('finding')}'"
    for group in fact_groups(findings):
        canonical = [s for s in group if findings[s].get("canonical", True)]
        first = group[0]
        if len(canonical) != 1:
            yield first, f"canonical: fact {group} has {len(canonical)} canonical findings, not 1"
        sources = [source_of[s] for s in group]
        if len(group) > 1 and len(set(sources)) != len(sources):
            yield first, f"one-record-per-fact: {group} repeat one source; merge them"
        if len({findings[s].get("kind") for s in group}) > 1:
            yield first, f"same-fact-kind: {group} differ in kind"
        if len({_owner(findings[s]) for s in group}) > 1:
            yield first, f"same-fact-project: {group} are not of one project or programme"
    yield from _repeated_numbers(findings, source_of)


def _owner(f: Record) -> str:
    return str(f.get("project") or f.get("programme") or "")


def fact_groups(findings: dict[str, Record]) -> list[list[str]]:
    """The findings joined by `same_fact_as`, each group sorted (a lone finding is a group)."""
    seen: set[str] = set()
    groups = []
    for slug in sorted(findings):
        if slug in seen:
            continue
        group, todo = set(), [slug]
        while todo:
            s = todo.pop()
            if s in group or s not in findings:
                continue
            group.add(s)
            todo += _links(findings[s], "same_fact_as")
        seen |= group
        groups.append(sorted(group))
    return groups


def _repeated_numbers(
    findings: dict[str, Record], source_of: dict[str, str]
) -> Iterator[tuple[str, str]]:
    by_number: dict[tuple[str, str, float], list[str]] = defaultdict(list)
    for slug, f in findings.items():
        if f.get("result_value") is not None:
            by_number[(source_of[slug], _owner(f), float(f["result_value"]))].append(slug)
    for (_, owner, value), slugs in sorted(by_number.items()):
        for a, b in combinations(sorted(slugs), 2):
            marked = {e.get("finding") for e in findings[a].get("distinct_from") or []}
            marked |= {e.get("finding") for e in findings[b].get("distinct_from") or []}
            marked |= set(_links(findings[a], "conflicts_with"))
            if b not in marked and a not in marked:
                yield (
                    a,
                    (
                        f"one-record-per-fact: '{a}' and '{b}' both give {value:g} for '{owner}'; "
                        "merge them (two citations) or mark distinct_from with a reason"
                    ),
                )


def check(seed: SeedData) -> list[str]:
    """Every convention a finding or programme figure breaks: `file: slug: rule: detail`."""
    findings = seed.records.get("findings", {})
    source_of = {
        s: ((f.get("citations") or [{}])[0].get("source") or "") for s, f in findings.items()
    }
    problems = [
        f"{seed.where('findings', slug)}: finding '{slug}': {p}"
        for slug, f in findings.items()
        for p in finding_problems(f)
    ]
    problems += [
        f"{seed.where('findings', slug)}: finding '{slug}': {p}"
        for slug, p in link_problems(findings, source_of)
    ]
    problems += _metric_problems(seed, findings)
    for slug, programme in seed.records.get("programmes", {}).items():
        for figure in programme.get("figures") or []:
            if figure.get("unit") is not None and figure["unit"] not in UNITS:
                problems.append(
                    f"{seed.where('programmes', slug)}: programme '{slug}': unit-vocabulary: "
                    f"figure unit '{figure['unit']}' is not one of the Unit enum"
                )
    return problems


def _metric_problems(seed: SeedData, findings: dict[str, Record]) -> list[str]:
    """One metric, one kind: findings that measure the same thing are coded the same way."""
    by_metric: dict[str, list[str]] = defaultdict(list)
    for slug, f in findings.items():
        by_metric[normalise(f.get("metric") or "")].append(slug)
    problems = []
    for metric, slugs in sorted(by_metric.items()):
        for field in ("kind", "unit"):
            if len({findings[s].get(field) for s in slugs}) > 1:
                slug = sorted(slugs)[0]
                problems.append(
                    f"{seed.where('findings', slug)}: finding '{slug}': kind-per-metric: "
                    f"'{metric}' has more than one {field} across {sorted(slugs)}"
                )
    return problems
