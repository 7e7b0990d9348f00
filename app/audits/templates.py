"""Audit templates: publishing from seed (immutable once published) and reading them back.

A template's stored `content` is the resolved seed record; the public document adds titles and
links from the catalogue when read. The curated condition -> feature/enabler mapping also
answers two catalogue questions (`curated_links`, handed to the catalogue by the seed step).
"""

import hashlib
import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlmodel import Session

from app.audits import repository
from app.audits.models import AuditTemplate
from app.audits.schemas import (
    PROMPT_KEYS,
    MappedRef,
    Prompt,
    RatingScale,
    TemplateCondition,
    TemplatePublic,
    TemplateSummary,
)
from app.catalogue import service as catalogue_service
from app.catalogue.curated import CuratedLinks
from app.core.content import Record, SeedData, SeedError
from app.core.db import database_key, utcnow
from app.core.errors import NotFound
from app.core.links import Ref, ref
from app.core.provenance import Citation

MAPPING_NOTE = (
    "The features and enablers each condition bears on are curated by this project, not stated "
    "by the source; each entry carries a one-line rationale."
)


class _Mapped(BaseModel):
    model_config = ConfigDict(extra="forbid")
    slug: str
    curated: bool = True
    rationale: str = Field(min_length=1)


class _Condition(BaseModel):
    model_config = ConfigDict(extra="forbid")
    slug: str
    number: int
    text: str = Field(min_length=1)
    recommendation: str | None = None
    citations: list[Citation] = Field(min_length=1)
    features: list[_Mapped] = Field(default_factory=list)
    enablers: list[_Mapped] = Field(default_factory=list)


class _Template(BaseModel):
    """The seed shape of `audit_templates` records, checked before publishing."""

    model_config = ConfigDict(extra="forbid")
    slug: str
    version: int = Field(ge=1)
    title: str
    description: str
    citations: list[Citation] = Field(default_factory=list)
    prompts: list[Prompt]
    rating_scale: RatingScale
    conditions: list[_Condition] = Field(min_length=1)


def _resolve(record: Record, seed: SeedData) -> _Template:
    """Fill condition texts and prompts from `audit_conditions` / `audit_prompts` records when
    the template leaves them out, then validate the whole template."""
    record = dict(record)
    known_conditions = seed.records.get("audit_conditions", {})
    conditions = []
    for c in record.get("conditions") or []:
        shared = known_conditions.get(c.get("slug", ""), {})
        merged = {**{k: shared.get(k) for k in ("text", "number", "citations") if k in shared}, **c}
        conditions.append(merged)
    record["conditions"] = conditions
    if not record.get("prompts") and seed.lists.get("audit_prompts"):
        record["prompts"] = seed.lists["audit_prompts"]
    try:
        template = _Template.model_validate(record)
    except ValidationError as exc:
        raise SeedError(f"audit template '{record.get('slug')}': {exc}") from exc
    _check_template(template, seed)
    return template


def _check_template(template: _Template, seed: SeedData) -> None:
    where = f"audit template {template.version}"
    problems = []
    if [p.key for p in template.prompts] != list(PROMPT_KEYS):
        problems.append(f"{where}: prompts must be keyed {', '.join(PROMPT_KEYS)}")
    slugs = [c.slug for c in template.conditions]
    if len(set(slugs)) != len(slugs):
        problems.append(f"{where}: duplicate condition slugs")
    for c in template.conditions:
        for kind, items in (("features", c.features), ("enablers", c.enablers)):
            problems += [
                f"{where} condition '{c.slug}': unknown {kind[:-1]} '{m.slug}'"
                for m in items
                if m.slug not in seed.records.get(kind, {})
            ]
        if c.recommendation and c.recommendation not in seed.records.get("recommendations", {}):
            problems.append(f"{where} '{c.slug}': unknown recommendation '{c.recommendation}'")
    scale = template.rating_scale
    if [lv.value for lv in scale.levels] != list(range(scale.minimum, scale.maximum + 1)):
        problems.append(f"{where}: rating levels must run from minimum to maximum")
    if problems:
        raise SeedError("\n  ".join(problems))


def _content_hash(content: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def load(session: Session, seed: SeedData) -> None:
    """Publish each template version that is not yet published; refuse to change one that is."""
    for record in seed.of("audit_templates"):
        template = _resolve(record, seed)
        content = template.model_dump(mode="json")
        digest = _content_hash(content)
        published = repository.template(session, template.version)
        if published is None:
            session.add(
                AuditTemplate(
                    version=template.version,
                    title=template.title,
                    content=content,
                    content_hash=digest,
                    published_at=utcnow(),
                )
            )
        elif published.content_hash != digest:
            raise SeedError(
                f"audit template {template.version} is published and immutable; "
                "publish the change as a new version"
            )
    session.flush()


# -- reading ---------------------------------------------------------------------------------


class Template:
    """A published template, indexed for validating and reporting on audits."""

    def __init__(self, row: AuditTemplate) -> None:
        self.row = row
        self.version = row.version
        self.content = row.content
        self.conditions: dict[str, dict[str, Any]] = {
            c["slug"]: c for c in sorted(row.content["conditions"], key=lambda c: c["number"])
        }
        scale = row.content["rating_scale"]
        self.rating_min: int = scale["minimum"]
        self.rating_max: int = scale["maximum"]
        self.weak_at_or_below: int = scale["weak_at_or_below"]
        self.rating_labels: dict[int, str] = {lv["value"]: lv["label"] for lv in scale["levels"]}

    def number_of(self, condition: str) -> int:
        return int(self.conditions[condition]["number"])


# Published templates are immutable, so one read per process serves every later request
# (keyed by database too: tests and tools point one process at several).
_published: dict[tuple[str, int], Template] = {}


def get(session: Session, version: int) -> Template | None:
    key = (database_key(session), version)
    if key not in _published:
        row = repository.template(session, version)
        if row is None:
            return None  # not remembered: it may be published later
        _published[key] = Template(row)
    return _published[key]


def require(session: Session, version: int) -> Template:
    template = get(session, version)
    if template is None:
        raise NotFound(f"No audit template version {version}.")
    return template


def template_href(version: int) -> str:
    return f"/v1/audit-templates/{version}"


def _mapped(kind: str, items: list[dict[str, Any]], titles: dict[str, str]) -> list[MappedRef]:
    return [
        MappedRef(
            **ref(kind, m["slug"], titles.get(m["slug"], m["slug"])).model_dump(),
            curated=True,
            rationale=m["rationale"],
        )
        for m in items
    ]


class Linker:
    """Catalogue titles fetched once, to link conditions to features, enablers and
    recommendations."""

    def __init__(self, session: Session) -> None:
        self.titles = catalogue_service.titles(session)

    def features(self, condition: dict[str, Any]) -> list[MappedRef]:
        return _mapped("feature", condition.get("features", []), self.titles["feature"])

    def enablers(self, condition: dict[str, Any]) -> list[MappedRef]:
        return _mapped("enabler", condition.get("enablers", []), self.titles["enabler"])

    def recommendation(self, condition: dict[str, Any]) -> Ref | None:
        slug = condition.get("recommendation")
        names = self.titles["recommendation"]
        return ref("recommendation", slug, names.get(slug, slug)) if slug else None


def public(session: Session, template: Template) -> TemplatePublic:
    linker = Linker(session)
    content = template.content
    prompts = [Prompt.model_validate(p) for p in content["prompts"]]
    return TemplatePublic(
        version=template.version,
        title=content["title"],
        description=content["description"],
        published_at=template.row.published_at,
        prompts=prompts,
        rating_scale=RatingScale.model_validate(content["rating_scale"]),
        mapping_note=MAPPING_NOTE,
        conditions=[
            TemplateCondition(
                slug=c["slug"],
                number=c["number"],
                text=c["text"],
                prompts=prompts,
                recommendation=linker.recommendation(c),
                features=linker.features(c),
                enablers=linker.enablers(c),
                citations=c["citations"],
            )
            for c in template.conditions.values()
        ],
        citations=content["citations"],
        href=template_href(template.version),
    )


def summaries(session: Session) -> list[TemplateSummary]:
    return [
        TemplateSummary(
            version=row.version,
            title=row.title,
            conditions=len(row.content["conditions"]),
            published_at=row.published_at,
            href=template_href(row.version),
        )
        for row in repository.templates(session)
    ]


# -- the curated mapping, as the catalogue shows it -------------------------------------------


def curated_links(session: Session) -> CuratedLinks:
    """From the latest published template: each feature's enablers (those mapped to any
    condition that also bears on it) and the condition that asks about each recommendation."""
    row = repository.latest_template(session)
    if row is None:
        return CuratedLinks()
    by_feature: dict[str, dict[str, None]] = {}
    by_recommendation: dict[str, Ref] = {}
    for c in row.content["conditions"]:
        for f in c.get("features", []):
            by_feature.setdefault(f["slug"], {}).update(
                {e["slug"]: None for e in c.get("enablers", [])}
            )
        recommendation = c.get("recommendation")
        if recommendation and recommendation not in by_recommendation:
            href = f"{template_href(row.version)}#{c['slug']}"
            by_recommendation[recommendation] = Ref(slug=c["slug"], title=c["text"], href=href)
    return CuratedLinks(
        enablers_by_feature={f: list(enablers) for f, enablers in by_feature.items()},
        condition_by_recommendation=by_recommendation,
    )
