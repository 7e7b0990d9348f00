"""What an audit says: its report (weak conditions and what to learn from), progress between
two audits, and benchmarks across organisations (suppressed below five)."""

from typing import Any

from sqlmodel import Session

from app.audits import repository, templates
from app.audits.models import Audit
from app.audits.schemas import (
    AuditComparison,
    AuditPoint,
    AuditReport,
    Benchmark,
    ConditionBenchmark,
    ConditionProgress,
    ConditionRef,
    ConditionStanding,
    Direction,
    ProgressSummary,
    RatingSummary,
    WeakCondition,
)
from app.audits.service import completeness_of, get_owned
from app.audits.templates import Linker, Template
from app.core.errors import FieldError, NotFound, ValidationFailed
from app.core.links import Ref
from app.evidence import service as evidence_service
from app.tenants.service import Caller

# Benchmarks show nothing until this many organisations have submitted.
BENCHMARK_MINIMUM = 5


def _condition_ref(template: Template, slug: str) -> ConditionRef:
    c = template.conditions[slug]
    return ConditionRef(slug=slug, number=c["number"], text=c["text"])


def _by_condition(audit_responses: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["condition"]: r for r in audit_responses}


def _distribution(template: Template, ratings: list[int]) -> dict[str, int]:
    return {str(v): ratings.count(v) for v in range(template.rating_min, template.rating_max + 1)}


def _learning(session: Session, linker: Linker, condition: dict[str, Any]) -> dict[str, Any]:
    features = linker.features(condition)
    projects: dict[str, Ref] = {}
    for feature in features:
        for project in evidence_service.project_refs(session, "feature", feature.slug):
            projects.setdefault(project.slug, project)
    findings = evidence_service.finding_refs_for_projects(session, list(projects))
    return {
        "recommendation": linker.recommendation(condition),
        "features": features,
        "enablers": linker.enablers(condition),
        "projects": sorted(projects.values(), key=lambda r: r.slug),
        "findings": findings,
    }


def report(session: Session, caller: Caller, audit_id: str) -> AuditReport:
    return report_of(session, get_owned(session, caller, audit_id))


def report_of(session: Session, audit: Audit) -> AuditReport:
    template = templates.require(session, audit.template_version)
    linker = Linker(session)
    completeness = completeness_of(template, audit.responses)
    answers = _by_condition(audit.responses)
    standings: list[ConditionStanding] = []
    weak: list[WeakCondition] = []
    for slug, condition in template.conditions.items():
        answer = answers.get(slug, {})
        rating = answer.get("rating")
        is_weak = rating is not None and rating <= template.weak_at_or_below
        label = template.rating_labels.get(rating) if rating is not None else None
        standings.append(
            ConditionStanding(
                condition=_condition_ref(template, slug),
                answered=slug not in completeness.missing,
                rating=rating,
                rating_label=label,
                weak=is_weak,
            )
        )
        if is_weak and rating is not None and label is not None:
            weak.append(
                WeakCondition(
                    condition=_condition_ref(template, slug),
                    rating=rating,
                    rating_label=label,
                    **_learning(session, linker, condition),
                )
            )
    ratings = [s.rating for s in standings if s.rating is not None]
    return AuditReport(
        audit=f"/v1/audits/{audit.id}",
        template_version=template.version,
        status="submitted" if audit.status == "submitted" else "draft",
        revision=audit.revision,
        completeness=completeness,
        ratings=RatingSummary(
            rated=len(ratings),
            average=round(sum(ratings) / len(ratings), 2) if ratings else None,
            distribution=_distribution(template, ratings),
        ),
        weak_rule=f"A condition is weak when rated {template.weak_at_or_below} or lower on "
        f"the {template.rating_min}-{template.rating_max} scale; unrated conditions are not "
        "judged.",
        conditions=standings,
        weak_conditions=weak,
    )


def _point(audit: Audit) -> AuditPoint:
    return AuditPoint(
        id=audit.id,
        revision=audit.revision,
        status="submitted" if audit.status == "submitted" else "draft",
        updated_at=audit.updated_at,
        href=f"/v1/audits/{audit.id}",
    )


def _direction(change: int | None) -> Direction:
    if change is None:
        return "not-comparable"
    return "improved" if change > 0 else "declined" if change < 0 else "unchanged"


def compare(session: Session, caller: Caller, audit_id: str, other_id: str) -> AuditComparison:
    return compare_of(
        session, get_owned(session, caller, audit_id), get_owned(session, caller, other_id)
    )


def compare_of(session: Session, first: Audit, second: Audit) -> AuditComparison:
    if first.template_version != second.template_version:
        raise ValidationFailed(
            "Audits on different template versions cannot be compared condition by condition.",
            errors=[
                FieldError(
                    pointer="#/path/other_id",
                    detail=f"Audit {second.id} uses template {second.template_version}, "
                    f"not {first.template_version}.",
                )
            ],
        )
    template = templates.require(session, first.template_version)
    before, after = _by_condition(first.responses), _by_condition(second.responses)
    completeness = {
        "from": completeness_of(template, first.responses),
        "to": completeness_of(template, second.responses),
    }
    rows = []
    for slug in template.conditions:
        from_rating = before.get(slug, {}).get("rating")
        to_rating = after.get(slug, {}).get("rating")
        change = None if from_rating is None or to_rating is None else to_rating - from_rating
        rows.append(
            ConditionProgress(
                condition=_condition_ref(template, slug),
                from_rating=from_rating,
                to_rating=to_rating,
                change=change,
                direction=_direction(change),
                from_answered=slug not in completeness["from"].missing,
                to_answered=slug not in completeness["to"].missing,
            )
        )
    count = {d: sum(r.direction == d for r in rows) for d in ("improved", "declined", "unchanged")}
    return AuditComparison(
        template_version=template.version,
        from_audit=_point(first),
        to_audit=_point(second),
        completeness=completeness,
        summary=ProgressSummary(
            **count, not_comparable=sum(r.direction == "not-comparable" for r in rows)
        ),
        conditions=rows,
    )


def benchmark(session: Session, template_version: int) -> Benchmark:
    template = templates.get(session, template_version)
    if template is None:
        raise NotFound(f"No audit template version {template_version}.")
    latest: dict[str, list[dict[str, Any]]] = {}
    for organisation, revision in repository.latest_submissions(session, template_version):
        latest.setdefault(organisation, revision.responses)
    if len(latest) < BENCHMARK_MINIMUM:
        return Benchmark(
            template_version=template_version,
            minimum_organisations=BENCHMARK_MINIMUM,
            suppressed=True,
            organisations=None,
            conditions=[],
        )
    rows = []
    for slug in template.conditions:
        ratings = [
            r["rating"]
            for responses in latest.values()
            for r in responses
            if r["condition"] == slug and r.get("rating") is not None
        ]
        rows.append(
            ConditionBenchmark(
                condition=_condition_ref(template, slug),
                rated=len(ratings),
                distribution=_distribution(template, ratings),
            )
        )
    return Benchmark(
        template_version=template_version,
        minimum_organisations=BENCHMARK_MINIMUM,
        suppressed=False,
        organisations=len(latest),
        conditions=rows,
    )
