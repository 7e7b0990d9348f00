"""What the evidence endpoints return."""

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, Field

from app.core.facets import FACETS_DESCRIPTION, FacetedPage, facet_names
from app.core.links import Ref
from app.core.named_schemas import Named
from app.core.pagination import ListParamsModel
from app.core.provenance import Cited, CitedText
from app.core.routing import SLUG_PATTERN
from app.evidence.vocabulary import Direction, Qualifier, Unit

FindingKind = Annotated[
    Literal[
        "outcome-change",
        "cost-saving",
        "practice-quality",
        "family-experience",
        "workforce",
        "reach",
        "programme-aggregate",
    ],
    Named("FindingKind"),
]
Design = Annotated[
    Literal[
        "randomised-controlled-trial",
        "quasi-experimental",
        "historic-case-matching",
        "pre-post",
        "mixed-methods",
        "qualitative",
        "unknown",
    ],
    Named("EvaluationDesign"),
]

# The one rule behind `design_strength`. The sources do not grade projects; this orders
# designs by how well they can attribute change to the project (a comparison group beats
# before/after, which beats description alone). It says nothing about how well any one
# evaluation was carried out.
DESIGN_STRENGTH: dict[str, int] = {
    "randomised-controlled-trial": 4,
    "quasi-experimental": 3,
    "historic-case-matching": 3,
    "pre-post": 2,
    "mixed-methods": 2,
    "qualitative": 1,
    "unknown": 0,
}
DESIGN_STRENGTH_RULE = (
    "`design_strength` is derived from `design` alone by a rule of this API, not by the "
    "sources, which do not grade projects: randomised controlled trial = 4; quasi-experimental "
    "or historic case matching (a comparison group) = 3; pre/post or mixed methods without a "
    "comparison group = 2; qualitative only = 1; unknown = 0."
)


class Figure(Cited):
    label: str
    value: float | None = None
    unit: Unit | None = None
    statement: str | None = None


class ProgrammePublic(Cited):
    slug: str = Field(examples=["innovation-programme-round-1"])
    name: str
    description: str | None = None
    figures: list[Figure] = Field(
        default_factory=list,
        description="Every figure the texts "
        "give, including ones that disagree, each with its citation.",
    )
    projects: list[Ref] = Field(default_factory=list)
    findings: list[Ref] = Field(default_factory=list)
    href: str = ""


class FeatureLink(Cited):
    feature: Ref
    rationale: str | None = Field(
        None,
        description="Why this project is linked to the "
        "feature (curated by this project, cited to the text).",
    )


class EvaluationSummary(BaseModel):
    slug: str
    design: Design
    design_strength: int
    limitations: list[CitedText] = Field(default_factory=list)
    href: str


class ProjectPublic(Cited):
    slug: str = Field(examples=["family-safeguarding-hertfordshire"])
    name: str = Field(examples=["Family Safeguarding Hertfordshire"])
    programme: Ref | None = None
    appendix_1: bool = Field(
        False,
        description="One of the 17 projects of Appendix 1 of the Rees Centre thematic report.",
    )
    organisations: list[Ref] = Field(default_factory=list)
    themes: list[str] = Field(default_factory=list)
    aims: list[CitedText] = Field(default_factory=list)
    practice_models: list[Ref] = Field(default_factory=list)
    features: list[FeatureLink] = Field(default_factory=list)
    outcomes: list[Ref] = Field(default_factory=list)
    implementation_status: CitedText | None = None
    evaluation: EvaluationSummary | None = None
    findings: list[Ref] = Field(default_factory=list)
    href: str = ""


class EvaluationPublic(Cited):
    slug: str = Field(examples=["eval-family-safeguarding-hertfordshire"])
    project: Ref | None = None
    report: Ref | None = None
    evaluator: str | None = None
    design: Design
    design_strength: int = Field(description=DESIGN_STRENGTH_RULE)
    methods: list[str] = Field(default_factory=list)
    sample_planned: str | None = None
    sample_achieved: str | None = None
    duration: str | None = None
    limitations: list[CitedText] = Field(default_factory=list)
    href: str = ""


class SampleSize(BaseModel):
    value: float | None = Field(None, description="The sample's number, where the text gives one.")
    unit: Unit | None = None
    text: str = Field(description="The sample as the statement words it (a span of it).")


class DistinctFrom(BaseModel):
    finding: str = Field(description="Slug of a finding of the same source with the same number.")
    reason: str = Field(description="Why the two are different facts.")


CANONICAL_RULE = (
    "Findings that report one fact from different texts link to each other with "
    "`same_fact_as`; exactly one of them is `canonical`: the most specific (more of baseline, "
    "comparison, sample, period and an exact value), else the primary source (the text that "
    "reports the evaluation itself, before one that restates it: 002, 003 and 004 before 000, "
    "000 before 001). A finding with no `same_fact_as` is canonical."
)


class FindingPublic(Cited):
    slug: str = Field(examples=["f000-mockingbird-unplanned-placement-change"])
    project: str | None = Field(None, examples=["mockingbird-family-model-project"])
    programme: str | None = None
    outcomes: list[str] = Field(default_factory=list, examples=[["greater-stability"]])
    kind: FindingKind
    metric: str = Field(examples=["rate of unplanned placement change"])
    baseline_value: float | None = Field(None, description="Magnitude as printed, never signed.")
    baseline_period: str | None = None
    result_value: float | None = Field(
        None, examples=[4], description="Magnitude as printed, never signed; see `direction`."
    )
    result_period: str | None = None
    unit: Unit | None = Field(None, examples=["percent"])
    direction: Direction | None = Field(
        None, description="Which way the measure moved, wherever the finding reports a change."
    )
    qualifier: Qualifier | None = Field(
        None,
        examples=["exact"],
        description="How the text qualifies the result value ('over' is `more-than`, 'around', "
        "'about' and 'in the region of' are `approximately`, 'almost' and 'nearly' `almost`).",
    )
    comparison_value: float | None = Field(None, examples=[8])
    comparison_label: str | None = Field(None, examples=["national rate"])
    sample_size: SampleSize | None = None
    significance: str | None = None
    statement: str = Field(description="The verbatim sentence that states the figure.")
    source: str = Field(description="Source slug of the statement.")
    canonical: bool = Field(True, description=CANONICAL_RULE)
    same_fact_as: list[str] = Field(
        default_factory=list, description="Findings of other texts that report the same fact."
    )
    conflicts_with: list[str] = Field(
        default_factory=list,
        description="Findings that give a different figure for the same thing; both are kept.",
    )
    distinct_from: list[DistinctFrom] = Field(
        default_factory=list,
        description="Findings of the same text with the same number that are different facts.",
    )
    href: str = ""


# Named pages (the names the OpenAPI gives every other page): a page and, when asked, facets.
class ProjectPage(FacetedPage[ProjectPublic]):
    pass


class EvaluationPage(FacetedPage[EvaluationPublic]):
    pass


class FindingPage(FacetedPage[FindingPublic]):
    pass


FINDING_CSV_COLUMNS: dict[str, str] = {
    "slug": "finding id",
    "project": "project slug (empty for programme aggregates)",
    "programme": "programme slug",
    "outcomes": "outcome slugs, `;`-separated",
    "kind": "outcome-change | cost-saving | practice-quality | family-experience | workforce | "
    "reach | programme-aggregate",
    "metric": "what was measured",
    "baseline_value": "number before, where given",
    "baseline_period": "period of the baseline",
    "result_value": "number after / reported figure",
    "result_period": "period of the result",
    "unit": "unit of the values (the Unit enum: percent, families, gbp, gbp-million, ...)",
    "direction": "increase | decrease | no-change, where the finding is a change",
    "qualifier": "exact | approximately | at-least | more-than | almost | up-to | less-than",
    "comparison_value": "comparison figure (e.g. national rate)",
    "comparison_label": "what the comparison is",
    "sample_size": "sample as the statement words it",
    "significance": "significance as reported",
    "statement": "verbatim statement",
    "source": "source slug",
    "locator": "where in the source",
    "canonical": "true for the one finding per fact that `distinct=true` returns",
    "same_fact_as": "slugs of findings in other texts that report the same fact, `;`-separated",
}

# A row of each as the seed has it, for the CSV example in the OpenAPI description.
FINDING_CSV_EXAMPLE: dict[str, Any] = {
    "slug": "f000-hertfordshire-days-in-care-halved",
    "project": "family-safeguarding-hertfordshire",
    "outcomes": ["reduced-days-in-care"],
    "kind": "outcome-change",
    "metric": "average number of days spent in care per child (halved)",
    "direction": "decrease",
    "statement": "In Hertfordshire, the average number of days spent in care per child was halved.",
    "source": "dfe-seven-features",
    "locator": "section: Reduced days spent in state care; footnote 12",
    "canonical": "false",
    "same_fact_as": ["f002-fsh-days-in-care-per-family", "f004-hertfordshire-days-in-care"],
}

PROJECT_CSV_COLUMNS: dict[str, str] = {
    "slug": "project id",
    "name": "project name as printed",
    "programme": "programme slug",
    "appendix_1": "true for the 17 Appendix 1 projects",
    "organisations": "organisation slugs, `;`-separated",
    "themes": "theme tags, `;`-separated",
    "practice_models": "practice model slugs, `;`-separated",
    "features": "feature slugs, `;`-separated",
    "outcomes": "outcome slugs, `;`-separated",
    "evaluation_design": "evaluation design",
    "design_strength": "derived grade 0-4 (see /v1/evaluations)",
    "findings": "number of findings",
}

PROJECT_CSV_EXAMPLE: dict[str, Any] = {
    "slug": "darlington-family-valued",
    "name": "Darlington Family Valued",
    "programme": "strengthening-families-protecting-children",
    "appendix_1": False,
    "organisations": ["darlington"],
    "themes": ["whole-system-change"],
    "practice_models": [
        "family-group-conferencing",
        "family-valued-model",
        "formulation-circles",
        "solution-circles",
    ],
    "features": [
        "strengths-based-practice-framework",
        "group-case-discussion",
        "whole-family-focus",
    ],
    "outcomes": ["better-value-for-money", "reduced-days-in-care", "reduced-risk"],
    "findings": 3,
}


class GuidanceItem(Cited):
    number: int | None = None
    title: str | None = None
    text: str


class GuidancePublic(Cited):
    slug: str = Field(examples=["ls1-five-things-to-consider"])
    kind: str = Field(examples=["five-things-to-consider"])
    title: str
    items: list[GuidanceItem]
    href: str = ""


# -- list queries: the route and the repository take each whole ------------------------------

SlugValue = Annotated[str | None, Field(pattern=SLUG_PATTERN, max_length=200)]
TextValue = Annotated[
    str | None,
    Field(min_length=1, max_length=200, description="Case-insensitive substring filter."),
]

DesignStrengthValue = Annotated[int | None, Field(ge=0, le=4)]


def _strength_filter(what: str) -> Any:
    return Field(
        None, description=f"{what} whose evaluation has this `design_strength` (0-4; see the rule)."
    )


# Each list's facets (counted in `repository`'s *_FACETS); one with a filter of its name counts
# what that filter would select: every facet has one, except a null value, which none selects.
FindingFacet = Annotated[
    Literal[
        "kind", "outcome", "feature", "design_strength", "programme", "project", "unit", "source"
    ],
    Named("FindingFacet"),
]
ProjectFacet = Annotated[
    Literal["programme", "theme", "feature", "outcome", "model", "organisation", "design_strength"],
    Named("ProjectFacet"),
]
EvaluationFacet = Annotated[
    Literal["design", "design_strength", "programme"], Named("EvaluationFacet")
]
FindingFacets = Annotated[
    list[FindingFacet],
    BeforeValidator(facet_names(FindingFacet)),
    Field(description=FACETS_DESCRIPTION),
]
ProjectFacets = Annotated[
    list[ProjectFacet],
    BeforeValidator(facet_names(ProjectFacet)),
    Field(description=FACETS_DESCRIPTION),
]
EvaluationFacets = Annotated[
    list[EvaluationFacet],
    BeforeValidator(facet_names(EvaluationFacet)),
    Field(description=FACETS_DESCRIPTION),
]


class ProjectListQuery(ListParamsModel):
    """`GET /v1/projects`'s query. A new filter: a field here and its condition in
    `repository.projects_filtered`."""

    programme: SlugValue = None
    theme: SlugValue = None
    feature: SlugValue = None
    outcome: SlugValue = None
    model: SlugValue = None
    organisation: SlugValue = None
    design_strength: DesignStrengthValue = _strength_filter("Projects")
    q: TextValue = None
    facets: ProjectFacets = []


class FindingListQuery(ListParamsModel):
    """`GET /v1/findings`'s query. A new filter: a field here and its condition in
    `repository.findings_filtered`."""

    project: SlugValue = None
    programme: SlugValue = None
    outcome: SlugValue = None
    feature: SlugValue = Field(
        None, description="Findings of projects that demonstrate this feature."
    )
    kind: FindingKind | None = None
    unit: Unit | None = None
    source: SlugValue = None
    design_strength: DesignStrengthValue = _strength_filter("Findings of projects")
    q: TextValue = None
    distinct: bool = Field(
        False,
        description="One finding per fact: only the canonical one of each `same_fact_as` group.",
    )
    sort: str = Field(
        "slug",
        pattern="^-?(slug|kind|metric|project|result_value|baseline_value)$",
        description="Sort field; prefix `-` for descending. Missing values sort lowest.",
    )
    facets: FindingFacets = []


class EvaluationListQuery(ListParamsModel):
    """`GET /v1/evaluations`'s query."""

    design: Design | None = None
    design_strength: DesignStrengthValue = None
    programme: SlugValue = Field(None, description="Evaluations of this programme's projects.")
    facets: EvaluationFacets = []
