"""Evidence as the API shows it: projects, evaluations, findings, programmes and guidance,
and the links other domains read (projects by feature, outcome, model or organisation;
findings by outcome or project)."""

from typing import Any

from sqlmodel import Session

from app.core.errors import NotFound
from app.core.links import Ref, href, ref
from app.evidence import repository
from app.evidence.loading import DERIVED_KEYS
from app.evidence.models import Evaluation, Finding, Guidance, Programme, Project
from app.evidence.schemas import (
    EvaluationPublic,
    EvaluationSummary,
    FindingPublic,
    GuidancePublic,
    ProgrammePublic,
    ProjectPublic,
)

# -- links other domains read -------------------------------------------------------------------


def project_refs(session: Session, kind: str, target: str) -> list[Ref]:
    return project_refs_by_target(session, kind, [target])[target]


def project_refs_by_target(session: Session, kind: str, targets: list[str]) -> dict[str, list[Ref]]:
    """Linked projects for a page of targets: two queries however long the page."""
    names = repository.project_names(session)
    linked = repository.project_slugs_linked_to(session, kind, targets)
    return {t: [ref("project", s, names[s]) for s in linked.get(t, [])] for t in targets}


def outcomes_by_project(session: Session, projects: list[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for link in repository.links_of(session, projects):
        if link.kind == "outcome":
            out.setdefault(link.project, set()).add(link.target)
    return out


def evidence_by_feature_and_outcome(
    session: Session,
) -> dict[tuple[str, str], tuple[list[Ref], int]]:
    """(feature, outcome) -> the projects that evidence the pair and the count of distinct
    findings (one per fact) that do (the framework matrix); pairs without evidence are left out."""
    names = repository.project_names(session)
    counts = repository.feature_outcome_finding_counts(session)
    out: dict[tuple[str, str], tuple[list[Ref], int]] = {}
    for feature, outcome, project in repository.feature_outcome_projects(session):
        projects, _ = out.setdefault((feature, outcome), ([], counts.get((feature, outcome), 0)))
        projects.append(ref("project", project, names[project]))
    return out


def finding_refs_by_outcome(session: Session, outcomes: list[str]) -> dict[str, list[Ref]]:
    """Linked findings for a page of outcomes: two queries however long the page."""
    slugs_by = repository.finding_slugs_for_outcomes(session, outcomes)
    wanted = sorted({s for found in slugs_by.values() for s in found})
    metrics = _metrics(session, wanted)
    return {o: [ref("finding", s, metrics[s]) for s in slugs_by.get(o, [])] for o in outcomes}


def _metrics(session: Session, slugs: list[str]) -> dict[str, str]:
    return {f.slug: f.metric for f in repository.findings_by_slug(session, slugs)}


# -- public documents -------------------------------------------------------------------------


class _Names:
    """Project and programme names (this domain's), and the titles a row keeps of what it links
    to in other domains (features, outcomes, practice models, organisations, sources), taken
    from the seed when it was loaded (app/evidence/loading.py)."""

    def __init__(self, session: Session) -> None:
        self.own = {
            "project": repository.project_names(session),
            "programme": repository.programme_names(session),
        }

    def ref(self, kind: str, slug: str | None, kept: dict[str, dict[str, str]]) -> Ref | None:
        if not slug:
            return None
        title = (self.own.get(kind) or kept.get(kind) or {}).get(slug)
        return None if title is None else ref(kind, slug, title)

    def refs(self, kind: str, slugs: list[str], kept: dict[str, dict[str, str]]) -> list[Ref]:
        return [r for r in (self.ref(kind, s, kept) for s in slugs) if r is not None]


def projects_public(session: Session, rows: list[Project]) -> list[ProjectPublic]:
    names = _Names(session)
    slugs = [p.slug for p in rows]
    links: dict[str, dict[str, list[str]]] = {}
    for link in repository.links_of(session, slugs):
        links.setdefault(link.project, {}).setdefault(link.kind, []).append(link.target)
    evaluations = repository.evaluations_by_slug(
        session, [p.evaluation for p in rows if p.evaluation]
    )
    findings = repository.findings_of_projects(session, slugs)
    out = []
    for p in rows:
        mine = links.get(p.slug, {})
        evaluation = evaluations.get(p.evaluation or "")
        kept = p.data.get("link_titles", {})
        feature_links = [
            {
                "feature": names.ref("feature", fl["feature"], kept),
                "rationale": fl.get("rationale"),
                "citations": fl.get("citations", []),
            }
            for fl in p.data.get("feature_links", [])
            if names.ref("feature", fl["feature"], kept)
        ]
        out.append(
            ProjectPublic.model_validate(
                {
                    **p.data,
                    "programme": names.ref("programme", p.programme, kept),
                    "organisations": names.refs(
                        "organisation", sorted(mine.get("organisation", [])), kept
                    ),
                    "themes": sorted(mine.get("theme", [])),
                    "practice_models": names.refs(
                        "practice-model", sorted(mine.get("model", [])), kept
                    ),
                    "features": feature_links,
                    "outcomes": names.refs("outcome", sorted(mine.get("outcome", [])), kept),
                    "evaluation": EvaluationSummary(
                        slug=evaluation.slug,
                        design=evaluation.data["design"],
                        design_strength=evaluation.design_strength,
                        limitations=evaluation.data.get("limitations", []),
                        href=href("evaluation", evaluation.slug),
                    )
                    if evaluation
                    else None,
                    "findings": [ref("finding", f, f) for f in findings.get(p.slug, [])],
                    "href": href("project", p.slug),
                }
            )
        )
    return out


def get_project(session: Session, slug: str) -> ProjectPublic:
    row = repository.get(session, Project, slug)
    if row is None:
        raise NotFound(f"No project with slug '{slug}'.")
    return projects_public(session, [row])[0]


def project_csv_row(p: ProjectPublic) -> dict[str, Any]:
    return {
        "slug": p.slug,
        "name": p.name,
        "programme": p.programme.slug if p.programme else "",
        "appendix_1": p.appendix_1,
        "organisations": [o.slug for o in p.organisations],
        "themes": p.themes,
        "practice_models": [m.slug for m in p.practice_models],
        "features": [f.feature.slug for f in p.features],
        "outcomes": [o.slug for o in p.outcomes],
        "evaluation_design": p.evaluation.design if p.evaluation else "",
        "design_strength": p.evaluation.design_strength if p.evaluation else "",
        "findings": len(p.findings),
    }


def evaluation_public(session: Session, row: Evaluation) -> EvaluationPublic:
    names = _Names(session)
    return EvaluationPublic.model_validate(
        {
            **row.data,
            "project": names.ref("project", row.project, {}),
            "report": names.ref("source", _report_of(row), {"source": _report_title(row)}),
            "href": href("evaluation", row.slug),
        }
    )


def _report_of(row: Evaluation) -> str | None:
    return row.data.get("report_slug")


def _report_title(row: Evaluation) -> dict[str, str]:
    slug, title = row.data.get("report_slug"), row.data.get("report_title")
    return {slug: title} if slug and title is not None else {}


def get_evaluation(session: Session, slug: str) -> EvaluationPublic:
    row = repository.get(session, Evaluation, slug)
    if row is None:
        raise NotFound(f"No evaluation with slug '{slug}'.")
    return evaluation_public(session, row)


def finding_public(row: Finding, outcomes: list[str]) -> FindingPublic:
    return FindingPublic.model_validate(
        {**row.data, "outcomes": sorted(outcomes), "href": href("finding", row.slug)}
    )


def findings_public(session: Session, rows: list[Finding]) -> list[FindingPublic]:
    outcomes = repository.finding_outcomes(session, [f.slug for f in rows])
    return [finding_public(f, outcomes.get(f.slug, [])) for f in rows]


def findings_by_slug(session: Session, slugs: list[str]) -> list[FindingPublic]:
    """The findings named, in the order named (those that exist)."""
    found = {
        f.slug: f
        for f in findings_public(session, list(repository.findings_by_slug(session, slugs)))
    }
    return [found[s] for s in slugs if s in found]


def get_finding(session: Session, slug: str) -> FindingPublic:
    row = repository.get(session, Finding, slug)
    if row is None:
        raise NotFound(f"No finding with slug '{slug}'.")
    return findings_public(session, [row])[0]


def finding_csv_row(f: FindingPublic) -> dict[str, Any]:
    row = f.model_dump(mode="json", exclude={"citations", "href"})
    row["sample_size"] = f.sample_size.text if f.sample_size else None
    row["canonical"] = f.canonical  # a boolean: `true`/`false` in CSV, a boolean cell in XLSX
    row["locator"] = "; ".join(c.locator for c in f.citations)
    return row


def programme_public(session: Session, row: Programme) -> ProgrammePublic:
    projects = repository.projects_of_programme(session, row.slug)
    return ProgrammePublic.model_validate(
        {
            **row.data,
            "projects": [ref("project", p.slug, p.name) for p in projects],
            "findings": [
                ref("finding", s, s) for s in repository.findings_of_programme(session, row.slug)
            ],
            "href": href("programme", row.slug),
        }
    )


def get_programme(session: Session, slug: str) -> ProgrammePublic:
    row = repository.get(session, Programme, slug)
    if row is None:
        raise NotFound(f"No programme with slug '{slug}'.")
    return programme_public(session, row)


def guidance_public(row: Guidance) -> GuidancePublic:
    return GuidancePublic.model_validate({**row.data, "href": href("guidance", row.slug)})


def get_guidance(session: Session, slug: str) -> GuidancePublic:
    row = repository.get(session, Guidance, slug)
    if row is None:
        raise NotFound(f"No guidance with slug '{slug}'.")
    return guidance_public(row)


def finding_refs_for_projects(session: Session, projects: list[str]) -> list[Ref]:
    """Findings reported by any of `projects`, linked."""
    by_project = repository.findings_of_projects(session, projects)
    slugs = sorted({s for found in by_project.values() for s in found})
    metrics = _metrics(session, slugs)
    return [ref("finding", s, metrics[s]) for s in slugs if s in metrics]


def search_documents(session: Session) -> list[tuple[str, str, str, Any, str]]:
    """(type, slug, title, content, href) of every evidence row, for the search index."""

    def content(data: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in data.items() if k not in DERIVED_KEYS}

    docs: list[tuple[str, str, str, Any, str]] = []
    for p in repository.every(session, Programme):
        docs.append(("programme", p.slug, p.name, content(p.data), href("programme", p.slug)))
    for j in repository.every(session, Project):
        docs.append(("project", j.slug, j.name, content(j.data), href("project", j.slug)))
    for ev in repository.every(session, Evaluation):
        docs.append(("evaluation", ev.slug, ev.slug, content(ev.data), href("evaluation", ev.slug)))
    for fi in repository.every(session, Finding):
        docs.append(("finding", fi.slug, fi.metric, content(fi.data), href("finding", fi.slug)))
    for g in repository.every(session, Guidance):
        docs.append(("guidance", g.slug, g.title, content(g.data), href("guidance", g.slug)))
    return docs
