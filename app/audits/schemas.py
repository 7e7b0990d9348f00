"""Audit templates, audits, revisions, reports, comparisons and benchmarks as the API shows them.

Text limits (documented in the OpenAPI and README): `title` 1-200 characters, each prompt
answer up to 4,000 characters. Ratings are validated against the template's scale.
"""

import re
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

from app.audits import published
from app.core.json_bodies import NO_CONTROL_CHARACTERS, JsonInteger
from app.core.links import Ref
from app.core.named_schemas import Named
from app.core.pagination import ListParamsModel
from app.core.provenance import Citation

TITLE_MAX = 200
# Bounded like every integer parameter: PostgreSQL's integer column overflows past 2**31 - 1.
MAX_TEMPLATE_VERSION = 1_000_000
TEXT_MAX = 4000
PROMPT_KEYS = ("current_practice", "needed_change", "progress_plan")

AuditStatus = Annotated[Literal["draft", "submitted"], Named("AuditStatus")]
RevisionAction = Annotated[
    Literal["created", "updated", "submitted", "amended"], Named("RevisionAction")
]
Direction = Annotated[
    Literal["improved", "declined", "unchanged", "not-comparable"], Named("ConditionDirection")
]
Title = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=TITLE_MAX, pattern=NO_CONTROL_CHARACTERS
    ),
]
AnswerText = Annotated[str, StringConstraints(max_length=TEXT_MAX, pattern=NO_CONTROL_CHARACTERS)]
ConditionSlug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=200),
    published.PublishedConditions(),
    Named("ConditionSlug"),
]

# -- templates -------------------------------------------------------------------------------


class Prompt(BaseModel):
    key: str = Field(
        description="The response field that answers it.", examples=["current_practice"]
    )
    text: str = Field(examples=["What happens now in your service?"])
    citations: list[Citation] = Field(default_factory=list)


class RatingLevel(BaseModel):
    value: int = Field(examples=[2])
    label: str = Field(examples=["Emerging"])
    meaning: str = Field(examples=["Some elements are in place but not consistently."])


class RatingScale(BaseModel):
    curated: bool = Field(
        description="True: this scale is this project's, not the source tool's.", examples=[True]
    )
    note: str
    minimum: int = Field(examples=[1])
    maximum: int = Field(examples=[4])
    weak_at_or_below: int = Field(
        description="Ratings at or below this mark a condition as weak in the report.",
        examples=[2],
    )
    levels: list[RatingLevel]


class MappedRef(Ref):
    """A feature or enabler a condition bears on: a mapping this project curates."""

    curated: bool = Field(True, description="Always true: curated by this project.")
    basis: Literal["curated"] = Field(
        "curated",
        description="What supports the link: `curated`, this project's judgement, given in "
        "`rationale`; the sources state no such mapping, so it cites none.",
    )
    rationale: str = Field(
        examples=["Group case discussion is named in the condition itself."],
    )


class TemplateCondition(BaseModel):
    slug: str = Field(examples=["effective-supervision-and-group-case-discussion"])
    number: int = Field(examples=[6])
    text: str = Field(
        description="Verbatim from Appendix 2.",
        examples=[
            "Practitioners access effective supervision, including group case discussions, "
            "clinical expertise and consultancy"
        ],
    )
    prompts: list[Prompt]
    recommendation: Ref | None
    features: list[MappedRef]
    enablers: list[MappedRef]
    citations: list[Citation]


class TemplatePublic(BaseModel):
    version: int = Field(examples=[1])
    title: str = Field(examples=["Audit of services"])
    description: str
    published_at: datetime
    prompts: list[Prompt]
    rating_scale: RatingScale
    mapping_note: str = Field(
        description="How to read `features` and `enablers`.",
        examples=["Curated by this project, not stated by the source; each entry has a rationale."],
    )
    conditions: list[TemplateCondition]
    citations: list[Citation]
    href: str = Field(examples=["/v1/audit-templates/1"])


class TemplateSummary(BaseModel):
    version: int = Field(examples=[1])
    title: str = Field(examples=["Audit of services"])
    conditions: int = Field(examples=[12])
    published_at: datetime
    href: str = Field(examples=["/v1/audit-templates/1"])


class TemplateList(BaseModel):
    items: list[TemplateSummary]


# -- audits ----------------------------------------------------------------------------------


class ConditionResponse(BaseModel):
    """The answer to one condition: the three prompts and an optional self-rating."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=published.condition_schema)

    condition: ConditionSlug = Field(examples=["systems-aligned-across-agencies"])
    current_practice: AnswerText | None = Field(
        None, description="What happens now in your service? Up to 4,000 characters."
    )
    needed_change: AnswerText | None = Field(
        None, description="What needs to happen? Up to 4,000 characters."
    )
    progress_plan: AnswerText | None = Field(
        None, description="How will you progress this? Up to 4,000 characters."
    )
    rating: JsonInteger | None = Field(
        None, description="Optional self-rating on the template's scale (1-4 in template 1)."
    )


EXAMPLE_RESPONSE: dict[str, Any] = {
    "condition": "systems-aligned-across-agencies",
    "current_practice": "Health and police attend strategy meetings; data is not shared.",
    "needed_change": "A shared data agreement across the three agencies.",
    "progress_plan": "Safeguarding partnership to agree the data protocol by March.",
    "rating": 2,
}


class AuditCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=published.template_version_schema)

    template_version: JsonInteger = Field(
        ge=1, le=MAX_TEMPLATE_VERSION, description="A published template version."
    )
    title: Title
    responses: list[ConditionResponse] = Field(default_factory=list, max_length=100)


def _update_schema(schema: dict[str, Any]) -> None:
    """Leave a field out to keep it; `null` is refused (422), so the schema offers no null."""
    for prop in schema["properties"].values():
        branches = [b for b in prop.pop("anyOf", []) if b.get("type") != "null"]
        if branches:
            prop.update(branches[0])
    published.unique_conditions_schema(schema)


class AuditUpdate(BaseModel):
    """A partial update. `responses` merge by `condition`: fields you send replace the stored
    ones (send `null` to clear one); conditions and fields you leave out are unchanged."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra=_update_schema,
    )

    title: Title | None = None
    responses: list[ConditionResponse] | None = Field(None, max_length=100)


ISO_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}")
AuditSort = Annotated[
    Literal["-created_at", "created_at", "-updated_at", "updated_at"], Named("AuditSort")
]


class AuditListQuery(ListParamsModel):
    """`GET /v1/audits`'s query. The route, its fast path and the repository take it whole: a
    new filter is a field here and a condition in `repository.AUDIT_FILTERS`. An unknown
    parameter is a 422 (app/core/query_params.py: a typo must never widen a sync)."""

    status: AuditStatus | None = Field(None, description="`draft` or `submitted`.")
    template_version: int | None = Field(None, ge=1, le=MAX_TEMPLATE_VERSION)
    updated_since: AwareDatetime | None = Field(
        None,
        description="Only audits saved at or after this instant (ISO 8601 with an offset, "
        "e.g. `2026-03-01T00:00:00Z`): for incremental sync, pass the time of the last sync.",
        examples=["2026-03-01T00:00:00Z"],
    )

    @field_validator("updated_since", mode="before")
    @classmethod
    def _iso_8601(cls, value: Any) -> Any:
        # Not a number of seconds, which pydantic would read as a Unix time.
        if isinstance(value, str) and not ISO_DATE_TIME.match(value):
            raise ValueError("an ISO 8601 date-time with an offset, e.g. 2026-03-01T00:00:00Z")
        return value

    sort: AuditSort = Field(
        "-created_at",
        description="`created_at` or `updated_at`, ascending, or descending with a leading "
        "`-`. For a sync, `updated_at` (oldest change first): an audit changed while you page "
        "moves to the end, so the pass still sees it, once more.",
    )


class Completeness(BaseModel):
    answered: int = Field(description="Conditions with all three prompts answered.", examples=[9])
    total: int = Field(examples=[12])
    complete: bool = Field(examples=[False])
    missing: list[str] = Field(
        description="Slugs of conditions not yet fully answered.",
        examples=[["good-use-of-data"]],
    )


class AuditPublic(BaseModel):
    id: str = Field(examples=["0193a4f2-7c1e-7b3a-9f10-2d4c5e6f7a8b"])
    organisation: str = Field(examples=["hertfordshire"])
    template_version: int = Field(examples=[1])
    title: str = Field(examples=["Children's services self-audit 2025"])
    status: AuditStatus = Field(
        description="`draft` (editable) or `submitted` (amend to change).", examples=["draft"]
    )
    revision: int = Field(
        description="1 for the first submission; each amendment opens the next.", examples=[1]
    )
    version: int = Field(
        description="Moves on every saved change (as the ETag does).", examples=[3]
    )
    responses: list[ConditionResponse]
    completeness: Completeness
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None
    href: str = Field(examples=["/v1/audits/0193a4f2-7c1e-7b3a-9f10-2d4c5e6f7a8b"])


class AuditRevisionPublic(BaseModel):
    version: int = Field(description="The audit's version this row saved.", examples=[2])
    revision: int = Field(examples=[1])
    action: RevisionAction
    status: AuditStatus
    title: str
    responses: list[ConditionResponse]
    actor: str = Field(
        description="Who saved it: the API key, by prefix and label.",
        examples=["api-key:3f9a1c0b7d2e (Case-management system)"],
    )
    recorded_at: datetime


# -- report, compare, benchmarks -------------------------------------------------------------


class ConditionRef(BaseModel):
    slug: str = Field(examples=["good-use-of-data"])
    number: int = Field(examples=[11])
    text: str = Field(
        examples=["There is good use of data to inform decision-making at all levels"]
    )


class RatingSummary(BaseModel):
    rated: int = Field(examples=[10])
    average: float | None = Field(examples=[2.6])
    distribution: dict[str, int] = Field(
        description="Count of conditions at each rating.",
        examples=[{"1": 1, "2": 3, "3": 4, "4": 2}],
    )


class ConditionStanding(BaseModel):
    condition: ConditionRef
    answered: bool
    rating: int | None
    rating_label: str | None = Field(examples=["Emerging"])
    weak: bool


class WeakCondition(BaseModel):
    """A condition rated weak, with what the evidence base offers to learn from."""

    condition: ConditionRef
    rating: int
    rating_label: str
    recommendation: Ref | None
    features: list[MappedRef]
    enablers: list[MappedRef]
    projects: list[Ref] = Field(description="Projects that demonstrate the mapped features.")
    findings: list[Ref] = Field(description="Quantitative findings of those projects.")


class AuditReport(BaseModel):
    audit: str = Field(examples=["/v1/audits/0193a4f2-7c1e-7b3a-9f10-2d4c5e6f7a8b"])
    template_version: int
    status: AuditStatus
    revision: int
    completeness: Completeness
    ratings: RatingSummary
    weak_rule: str = Field(examples=["A condition is weak when rated 2 or lower on the 1-4 scale."])
    conditions: list[ConditionStanding]
    weak_conditions: list[WeakCondition]


class AuditPoint(BaseModel):
    id: str
    revision: int
    status: AuditStatus
    updated_at: datetime
    href: str


class ConditionProgress(BaseModel):
    condition: ConditionRef
    from_rating: int | None
    to_rating: int | None
    change: int | None = Field(description="`to_rating - from_rating` when both are rated.")
    direction: Direction
    from_answered: bool
    to_answered: bool


class ProgressSummary(BaseModel):
    improved: int
    declined: int
    unchanged: int
    not_comparable: int


class AuditComparison(BaseModel):
    template_version: int
    from_audit: AuditPoint = Field(description="The audit in the path (`{id}`).")
    to_audit: AuditPoint = Field(description="The audit compared with it (`{other_id}`).")
    completeness: dict[str, Completeness] = Field(description="`from` and `to`.")
    summary: ProgressSummary
    conditions: list[ConditionProgress]


class ConditionBenchmark(BaseModel):
    condition: ConditionRef
    rated: int = Field(description="Organisations that rated this condition.")
    distribution: dict[str, int] = Field(examples=[{"1": 1, "2": 2, "3": 3, "4": 1}])


class Benchmark(BaseModel):
    template_version: int = Field(examples=[1])
    minimum_organisations: int = Field(examples=[5])
    suppressed: bool = Field(
        description="True while fewer than `minimum_organisations` organisations have submitted; "
        "no counts are shown then, so no organisation can be singled out."
    )
    organisations: int | None = Field(
        description="Organisations counted (their latest submitted audit); null when suppressed."
    )
    conditions: list[ConditionBenchmark]
