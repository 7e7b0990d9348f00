"""Evidence from `seed/`: references checked, rows replaced, and the titles of what each
project and evaluation links to (features, outcomes, practice models, organisations, sources)
kept with it, so reading the evidence needs no other domain."""

from typing import Any

from sqlmodel import Session

from app.core.content import Record, SeedData, SeedError
from app.evidence import conventions, repository
from app.evidence.models import (
    Evaluation,
    Finding,
    FindingOutcome,
    Guidance,
    Programme,
    Project,
    ProjectLink,
)
from app.evidence.schemas import (
    DESIGN_STRENGTH,
    EvaluationPublic,
    FindingPublic,
    GuidancePublic,
    ProgrammePublic,
    ProjectPublic,
)

# ProjectLink.kind -> the seed field that lists its targets
LINK_KINDS = {
    "feature": "features",
    "outcome": "outcomes",
    "model": "practice_models",
    "organisation": "organisations",
    "theme": "themes",
}
# ProjectLink.kind -> the kind of reference it becomes (themes are plain slugs)
REF_KIND = {
    "feature": "feature",
    "outcome": "outcome",
    "model": "practice-model",
    "organisation": "organisation",
}
# Kept in a row's `data` for reading, never shown as such nor searched.
DERIVED_KEYS = frozenset({"link_titles", "report_title"})
# reference kind -> (seed kind, title field): the titles a project or evaluation shows
TITLED = {
    "feature": ("features", "title"),
    "outcome": ("outcomes", "title"),
    "practice-model": ("practice_models", "name"),
    "organisation": ("organisations", "name"),
    "source": ("sources", "title"),
}


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
    broken = conventions.check(seed)
    if broken:
        raise SeedError("findings outside the conventions:\n  " + "\n  ".join(broken))
    repository.delete_all(session)
    titles = _titles(seed)
    for r in seed.of("programmes"):
        data = ProgrammePublic.model_validate(r).model_dump(
            mode="json", exclude={"projects", "findings"}
        )
        session.add(Programme(slug=r["slug"], name=data["name"], data=data))
    session.flush()
    for r in seed.of("projects"):
        data = ProjectPublic.model_validate(_project_seed_shape(r)).model_dump(mode="json")
        data["feature_links"] = r.get("features") or []
        data["link_titles"] = _link_titles(r, titles)
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
        data["report_title"] = titles["source"].get(r.get("report") or "")
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
                direction=data["direction"],
                qualifier=data["qualifier"],
                canonical=data["canonical"],
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


def _titles(seed: SeedData) -> dict[str, dict[str, str]]:
    """reference kind -> slug -> title, as the catalogue and organisations store them."""
    return {
        kind: {slug: r[field] for slug, r in seed.records.get(seed_kind, {}).items()}
        for kind, (seed_kind, field) in TITLED.items()
    }


def _link_titles(record: Record, titles: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """The titles of what a project links to, by reference kind (unknown slugs left out)."""
    found: dict[str, dict[str, str]] = {}
    for kind, field in LINK_KINDS.items():
        ref_kind = REF_KIND.get(kind)
        if ref_kind is None:
            continue
        known = titles[ref_kind]
        found[ref_kind] = {t: known[t] for t in _link_targets(record, field) if t in known}
    return found


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
