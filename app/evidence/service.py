"""Evidence: loading seed records, cross-links, and the public documents."""

from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, delete, select

from app.core.content import Record, SeedData, SeedError
from app.core.db import utcnow
from app.core.errors import Conflict, NotFound
from app.core.links import Ref, href, ref
from app.core.pagination import ListParamsModel, SortKey, keyset_page
from app.evidence import repository
from app.evidence.models import (
    Evaluation,
    Finding,
    FindingOutcome,
    Guidance,
    Organisation,
    Programme,
    Project,
    ProjectLink,
)
from app.evidence.schemas import (
    DESIGN_STRENGTH,
    EvaluationPublic,
    EvaluationSummary,
    FindingPublic,
    GuidancePublic,
    OrganisationPublic,
    ProgrammePublic,
    ProjectPublic,
)

# ProjectLink.kind -> (seed field, catalogue kind used for references)
LINK_KINDS = {
    "feature": "features",
    "outcome": "outcomes",
    "model": "practice_models",
    "organisation": "organisations",
    "theme": "themes",
}
REF_KIND = {
    "feature": "feature",
    "outcome": "outcome",
    "model": "practice-model",
    "organisation": "organisation",
}

# -- seeding ---------------------------------------------------------------------------------


def _link_targets(record: Record, field: str) -> list[str]:
    out = []
    for item in record.get(field) or []:
        out.append(item["feature"] if isinstance(item, dict) else item)
    return out


def _check_references(seed: SeedData) -> None:
    known = {kind: set(seed.records.get(kind, {})) for kind in seed.records}
    problems: list[str] = []

    def need(kind: str, slug: str | None, where: str) -> None:
        if slug and slug not in known.get(kind, set()):
            problems.append(f"{where}: unknown {kind[:-1]} '{slug}'")

    for p in seed.of("projects"):
        where = f"project '{p['slug']}'"
        if not p.get("name"):
            problems.append(f"{where}: no name (is the owning record missing?)")
        need("programmes", p.get("programme"), where)
        need("evaluations", p.get("evaluation"), where)
        for field in ("features", "outcomes", "practice_models", "organisations"):
            for target in _link_targets(p, field):
                need(field, target, where)
    for f in seed.of("findings"):
        where = f"finding '{f['slug']}'"
        need("projects", f.get("project"), where)
        need("programmes", f.get("programme"), where)
        for o in f.get("outcomes") or []:
            need("outcomes", o, where)
    for e in seed.of("evaluations"):
        need("projects", e.get("project"), f"evaluation '{e['slug']}'")
        need("sources", e.get("report"), f"evaluation '{e['slug']}'")
    for kind, records in seed.records.items():
        for r in records.values():
            for c in _all_citations(r):
                need("sources", c.get("source"), f"{kind} '{r['slug']}' citation")
                need("sources", c.get("report"), f"{kind} '{r['slug']}' citation report")
    if problems:
        raise SeedError("broken references:\n  " + "\n  ".join(sorted(set(problems))))


def _all_citations(value: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "citations" and isinstance(v, list):
                found += [c for c in v if isinstance(c, dict)]
            else:
                found += _all_citations(v)
    elif isinstance(value, list):
        for v in value:
            found += _all_citations(v)
    return found


def _text_of(*parts: Any) -> str:
    return " ".join(str(p) for p in parts if p).lower()


def load(session: Session, seed: SeedData) -> None:
    _check_references(seed)
    for table in (FindingOutcome, Finding, ProjectLink, Evaluation, Project, Guidance, Programme):
        session.exec(delete(table))
    for r in seed.of("programmes"):
        data = ProgrammePublic.model_validate(r).model_dump(
            mode="json", exclude={"projects", "findings"}
        )
        session.add(Programme(slug=r["slug"], name=data["name"], data=data))
    _load_organisations(session, seed)
    session.flush()
    for r in seed.of("projects"):
        data = ProjectPublic.model_validate(_project_seed_shape(r)).model_dump(mode="json")
        data["feature_links"] = r.get("features") or []
        aims = " ".join(a.get("text", "") for a in r.get("aims") or [])
        session.add(
            Project(
                slug=r["slug"],
                name=r["name"],
                programme=r.get("programme"),
                appendix_1=bool(r.get("appendix_1")),
                evaluation=r.get("evaluation"),
                search_text=_text_of(r["name"], aims),
                data=data,
            )
        )
    session.flush()
    for r in seed.of("projects"):
        targets = {(kind, t) for kind, field in LINK_KINDS.items() for t in _link_targets(r, field)}
        for kind, target in sorted(targets):
            session.add(ProjectLink(project=r["slug"], kind=kind, target=target))
    for r in seed.of("evaluations"):
        data = EvaluationPublic.model_validate(_evaluation_seed_shape(r)).model_dump(mode="json")
        data["report_slug"] = r.get("report")
        session.add(
            Evaluation(
                slug=r["slug"],
                project=r.get("project"),
                design=data["design"],
                design_strength=data["design_strength"],
                data=data,
            )
        )
    for r in seed.of("findings"):
        source = (r.get("citations") or [{}])[0].get("source", "")
        data = FindingPublic.model_validate({**r, "source": source}).model_dump(mode="json")
        session.add(
            Finding(
                slug=r["slug"],
                project=r.get("project"),
                programme=r.get("programme"),
                kind=data["kind"],
                metric=data["metric"],
                unit=data["unit"],
                baseline_value=data["baseline_value"],
                result_value=data["result_value"],
                comparison_value=data["comparison_value"],
                source=source,
                search_text=_text_of(data["metric"], data["statement"]),
                data=data,
            )
        )
    session.flush()
    for r in seed.of("findings"):
        for outcome in sorted(set(r.get("outcomes") or [])):
            session.add(FindingOutcome(finding=r["slug"], outcome=outcome))
    for r in seed.of("guidance"):
        data = GuidancePublic.model_validate(r).model_dump(mode="json")
        session.add(Guidance(slug=r["slug"], kind=data["kind"], title=data["title"], data=data))
    session.flush()


def _load_organisations(session: Session, seed: SeedData) -> None:
    """Upsert named organisations, keeping tenant state of any that are also tenants."""
    named = {r["slug"]: r for r in seed.of("organisations")}
    for org in session.exec(select(Organisation)).all():
        if org.slug not in named:
            if org.is_tenant:
                org.in_evidence = False
                session.add(org)
            else:
                session.delete(org)
    for slug, r in named.items():
        data = OrganisationPublic.model_validate(r).model_dump(mode="json", exclude={"projects"})
        org = session.get(Organisation, slug) or Organisation(slug=slug, name=data["name"])
        org.name, org.kind, org.in_evidence, org.data = data["name"], data["kind"], True, data
        session.add(org)


def _project_seed_shape(r: Record) -> dict[str, Any]:
    # Seed gives slugs; the public shape has references, filled in when read.
    skip = {
        "programme",
        "organisations",
        "practice_models",
        "features",
        "outcomes",
        "evaluation",
        "findings",
    }
    return {k: v for k, v in r.items() if k not in skip}


def _evaluation_seed_shape(r: Record) -> dict[str, Any]:
    design = r.get("design") or "unknown"
    return {
        **{k: v for k, v in r.items() if k not in ("project", "report")},
        "design": design,
        "design_strength": DESIGN_STRENGTH.get(design, 0),
    }


# -- links used by other domains --------------------------------------------------------------


def project_refs(session: Session, kind: str, target: str) -> list[Ref]:
    return project_refs_by_target(session, kind, [target])[target]


def project_refs_by_target(session: Session, kind: str, targets: list[str]) -> dict[str, list[Ref]]:
    """Linked projects for a page of targets: two queries however long the page."""
    names = repository.project_names(session)
    linked = repository.project_slugs_linked_to(session, kind, targets)
    return {t: [ref("project", s, names[s]) for s in linked.get(t, [])] for t in targets}


def outcomes_of_projects(session: Session, projects: list[str]) -> list[str]:
    return sorted({o for found in outcomes_by_project(session, projects).values() for o in found})


def outcomes_by_project(session: Session, projects: list[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for link in repository.links_of(session, projects):
        if link.kind == "outcome":
            out.setdefault(link.project, set()).add(link.target)
    return out


def finding_refs_for_outcome(session: Session, outcome: str) -> list[Ref]:
    return finding_refs_by_outcome(session, [outcome])[outcome]


def finding_refs_by_outcome(session: Session, outcomes: list[str]) -> dict[str, list[Ref]]:
    """Linked findings for a page of outcomes: two queries however long the page."""
    slugs_by = repository.finding_slugs_for_outcomes(session, outcomes)
    wanted = sorted({s for found in slugs_by.values() for s in found})
    metrics = {f.slug: f.metric for f in _findings(session, wanted)}
    return {o: [ref("finding", s, metrics[s]) for s in slugs_by.get(o, [])] for o in outcomes}


def _findings(session: Session, slugs: list[str]) -> list[Finding]:
    if not slugs:
        return []
    return list(session.exec(select(Finding).where(col(Finding.slug).in_(slugs))).all())


# -- public documents -------------------------------------------------------------------------


class _Names:
    """Every title a project page refers to, fetched once per render."""

    def __init__(self, session: Session) -> None:
        from app.catalogue import service as catalogue_service

        self.catalogue = catalogue_service.titles(session)
        self.projects = repository.project_names(session)
        self.organisations = repository.organisation_names(session)
        self.programmes = dict(session.exec(select(Programme.slug, Programme.name)).all())

    def ref(self, kind: str, slug: str | None) -> Ref | None:
        if not slug:
            return None
        table = {
            "project": self.projects,
            "organisation": self.organisations,
            "programme": self.programmes,
        }.get(kind) or self.catalogue.get(kind, {})
        return ref(kind, slug, table[slug]) if slug in table else None

    def refs(self, kind: str, slugs: list[str]) -> list[Ref]:
        return [r for r in (self.ref(kind, s) for s in slugs) if r is not None]


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
        feature_links = [
            {
                "feature": names.ref("feature", fl["feature"]),
                "rationale": fl.get("rationale"),
                "citations": fl.get("citations", []),
            }
            for fl in p.data.get("feature_links", [])
            if names.ref("feature", fl["feature"])
        ]
        out.append(
            ProjectPublic.model_validate(
                {
                    **p.data,
                    "programme": names.ref("programme", p.programme),
                    "organisations": names.refs(
                        "organisation", sorted(mine.get("organisation", []))
                    ),
                    "themes": sorted(mine.get("theme", [])),
                    "practice_models": names.refs("practice-model", sorted(mine.get("model", []))),
                    "features": feature_links,
                    "outcomes": names.refs("outcome", sorted(mine.get("outcome", []))),
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
    row = session.get(Project, slug)
    if row is None:
        raise NotFound(f"No project with slug '{slug}'.")
    return projects_public(session, [row])[0]


def project_csv_row(p: ProjectPublic) -> dict[str, Any]:
    return {
        "slug": p.slug,
        "name": p.name,
        "programme": p.programme.slug if p.programme else "",
        "appendix_1": str(p.appendix_1).lower(),
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
            "project": names.ref("project", row.project),
            "report": names.ref("source", _report_of(row)),
            "href": href("evaluation", row.slug),
        }
    )


def _report_of(row: Evaluation) -> str | None:
    return row.data.get("report_slug")


def get_evaluation(session: Session, slug: str) -> EvaluationPublic:
    row = session.get(Evaluation, slug)
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


def get_finding(session: Session, slug: str) -> FindingPublic:
    row = session.get(Finding, slug)
    if row is None:
        raise NotFound(f"No finding with slug '{slug}'.")
    return findings_public(session, [row])[0]


def finding_csv_row(f: FindingPublic) -> dict[str, Any]:
    row = f.model_dump(exclude={"citations", "href"})
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
    row = session.get(Programme, slug)
    if row is None:
        raise NotFound(f"No programme with slug '{slug}'.")
    return programme_public(session, row)


def organisation_public(session: Session, row: Organisation) -> OrganisationPublic:
    return OrganisationPublic.model_validate(
        {
            **row.data,
            "projects": project_refs(session, "organisation", row.slug),
            "href": href("organisation", row.slug),
        }
    )


def get_named_organisation(session: Session, slug: str) -> OrganisationPublic:
    row = session.get(Organisation, slug)
    if row is None or not row.in_evidence:
        raise NotFound(f"No organisation with slug '{slug}'.")
    return organisation_public(session, row)


def guidance_public(row: Guidance) -> GuidancePublic:
    return GuidancePublic.model_validate({**row.data, "href": href("guidance", row.slug)})


def get_guidance(session: Session, slug: str) -> GuidancePublic:
    row = session.get(Guidance, slug)
    if row is None:
        raise NotFound(f"No guidance with slug '{slug}'.")
    return guidance_public(row)


# -- tenants: one organisation row serves the evidence and the tenant side --------------------


def register_tenant(session: Session, slug: str, name: str) -> Organisation:
    """Make `slug` a tenant. An organisation the evidence already names becomes a tenant as
    well, keeping its evidence name; anything else is created as a tenant only (never listed
    publicly). 409 when `slug` is already a tenant."""
    org = session.get(Organisation, slug)
    if org is not None and org.is_tenant:
        raise Conflict(f"Organisation '{slug}' is already registered as a tenant.")
    if org is None:
        org = Organisation(slug=slug, name=name, kind="other", in_evidence=False)
    org.is_tenant = True
    org.created_at = org.created_at or utcnow()
    session.add(org)
    try:
        session.flush()
    except IntegrityError as exc:  # a concurrent registration of the same slug won
        raise Conflict(f"Organisation '{slug}' is already registered as a tenant.") from exc
    return org


def tenant(session: Session, slug: str) -> Organisation | None:
    """The organisation if it is a tenant, else None."""
    org = session.get(Organisation, slug)
    return org if org is not None and org.is_tenant else None


def tenant_page(session: Session, params: ListParamsModel) -> tuple[list[Organisation], str | None]:
    stmt = select(Organisation).where(col(Organisation.is_tenant).is_(True))
    return keyset_page(session, stmt, [SortKey(col(Organisation.slug))], lambda o: [o.slug], params)


def finding_refs_for_projects(session: Session, projects: list[str]) -> list[Ref]:
    """Findings reported by any of `projects`, linked."""
    by_project = repository.findings_of_projects(session, projects)
    slugs = sorted({s for found in by_project.values() for s in found})
    metrics = {f.slug: f.metric for f in _findings(session, slugs)}
    return [ref("finding", s, metrics[s]) for s in slugs if s in metrics]
