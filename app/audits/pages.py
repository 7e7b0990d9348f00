"""The report, a comparison and the benchmarks as printable pages (app/core/pages.py): the same
models the JSON gives, with the audit's own words and the evidence's citations, as numbered
notes at the end. Templates in page_templates/; text is escaped by the environment."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import Session

from app.audits import templates
from app.audits.models import Audit
from app.audits.schemas import PROMPT_KEYS, AuditComparison, AuditReport, Benchmark
from app.audits.templates import Template
from app.catalogue import service as catalogue_service
from app.core import charts, pages
from app.evidence import service as evidence_service
from app.evidence.schemas import FindingPublic
from app.organisations import service as organisations

ENVIRONMENT = pages.environment(Path(__file__).parent / "page_templates")


@dataclass
class Notes:
    """Citations numbered in the order the page first cites them; one number per source and
    locator however often cited."""

    titles: dict[str, str]
    numbers: dict[tuple[str, str], int] = field(default_factory=dict)

    def cite(self, citations: Iterable[tuple[str, str]]) -> list[int]:
        """The note numbers of these (source, locator) pairs."""
        numbers = [self.numbers.setdefault(c, len(self.numbers) + 1) for c in citations]
        return list(dict.fromkeys(numbers))

    def listed(self) -> list[dict[str, Any]]:
        return [
            {"number": n, "source": self.titles.get(source, source), "locator": locator}
            for (source, locator), n in self.numbers.items()
        ]


def _formats(path: str) -> list[tuple[str, str]]:
    return [("PDF", f"{path}?format=pdf"), ("JSON", f"{path}?format=json")]


def _scale(template: Template) -> charts.Scale:
    return charts.Scale(template.rating_min, template.rating_max)


def _name(number: int, text: str) -> str:
    return f"{number}. {text}"


# A weak condition's findings can run to a hundred or more (every finding of every project that
# shows its features): the page names a few, outcome changes first, each not already named for
# an earlier condition, and says how many more the JSON report lists.
FINDINGS_SHOWN = 4
FIRST_KINDS = ("outcome-change", "cost-saving")


def _shown(findings: list[FindingPublic], already: set[str]) -> list[FindingPublic]:
    fresh = [f for f in findings if f.slug not in already]
    first = [f for f in fresh if f.kind in FIRST_KINDS]
    chosen = (first + [f for f in fresh if f.kind not in FIRST_KINDS])[:FINDINGS_SHOWN]
    already.update(f.slug for f in chosen)
    return chosen


def report_html(session: Session, audit: Audit, report: AuditReport) -> str:
    template = templates.require(session, audit.template_version)
    notes = Notes(catalogue_service.titles(session)["source"])
    answers = {r["condition"]: r for r in audit.responses}
    weak = {w.condition.slug: w for w in report.weak_conditions}
    slugs = dict.fromkeys(f.slug for w in report.weak_conditions for f in w.findings)
    findings = {f.slug: f for f in evidence_service.findings_by_slug(session, list(slugs))}
    already: set[str] = set()
    conditions = []
    for standing in report.conditions:
        slug = standing.condition.slug
        learning = weak.get(slug)
        listed = (
            [findings[f.slug] for f in learning.findings if f.slug in findings] if learning else []
        )
        shown = _shown(listed, already)
        conditions.append(
            {
                "standing": standing,
                "notes": notes.cite(
                    (c["source"], c["locator"]) for c in template.conditions[slug]["citations"]
                ),
                "answers": [
                    (prompt["text"], answers.get(slug, {}).get(prompt["key"]))
                    for prompt in template.content["prompts"]
                    if prompt["key"] in PROMPT_KEYS
                ],
                "learning": learning,
                "findings": [
                    {"finding": f, "notes": notes.cite((c.source, c.locator) for c in f.citations)}
                    for f in shown
                ],
                "more_findings": len(listed) - len(shown),
            }
        )
    chart = charts.ratings(
        "Self-rating of each condition, on the scale "
        f"{template.rating_min} to {template.rating_max}",
        [
            (_name(s.condition.number, s.condition.text), s.rating, s.weak)
            for s in report.conditions
        ],
        _scale(template),
    )
    return ENVIRONMENT.get_template("report.html").render(
        audit=audit,
        report=report,
        organisation=organisations.get_tenant(session, audit.organisation).name,
        template=template,
        chart=chart,
        conditions=conditions,
        notes=notes.listed(),
        formats=_formats(f"/v1/audits/{audit.id}/report"),
    )


def comparison_html(
    session: Session, first: Audit, second: Audit, comparison: AuditComparison
) -> str:
    template = templates.require(session, first.template_version)
    chart = charts.changes(
        "Change in each condition's self-rating from the first audit to the second",
        [
            (_name(c.condition.number, c.condition.text), c.from_rating, c.to_rating)
            for c in comparison.conditions
        ],
        _scale(template),
    )
    return ENVIRONMENT.get_template("comparison.html").render(
        first=first,
        second=second,
        comparison=comparison,
        organisation=organisations.get_tenant(session, first.organisation).name,
        template=template,
        chart=chart,
        formats=_formats(f"/v1/audits/{first.id}/compare/{second.id}"),
    )


def benchmark_html(session: Session, benchmark: Benchmark) -> str:
    template = templates.require(session, benchmark.template_version)
    scale = _scale(template)
    chart = legend = None
    if not benchmark.suppressed:
        chart = charts.distributions(
            "Share of organisations giving each rating, condition by condition",
            [
                (_name(c.condition.number, c.condition.text), c.distribution)
                for c in benchmark.conditions
            ],
            scale,
        )
        legend = charts.legend(scale, template.rating_labels)
    return ENVIRONMENT.get_template("benchmark.html").render(
        benchmark=benchmark,
        template=template,
        ratings=list(scale.values),
        chart=chart,
        legend=legend,
        formats=_formats(f"/v1/benchmarks/{benchmark.template_version}"),
    )
