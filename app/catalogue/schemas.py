"""What the catalogue endpoints return. Field names here are promises to integrators."""

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from app.core.links import Ref
from app.core.named_schemas import Named
from app.core.provenance import Cited, CitedText

EnablerSet = Annotated[Literal["isos", "innovation-programme"], Named("EnablerSet")]
SourceKind = Annotated[Literal["source-text", "evaluation-report"], Named("SourceKind")]


class Variant(CitedText):
    """The same point as another source words it."""


class Benefit(Cited):
    title: str = Field(examples=["Better support for families"])
    text: str
    variants: list[Variant] = Field(default_factory=list)


class Pitfall(Cited):
    title: str = Field(examples=["Good administrative support is frequently overlooked"])
    text: str


class Quotation(Cited):
    text: str
    attribution: str = Field(examples=["Social worker, Focus on Practice evaluation"])


class SourcePublic(Cited):
    slug: str = Field(examples=["dfe-seven-features"])
    kind: SourceKind
    title: str
    publisher: str | None = None
    author: str | None = None
    year: int | None = None
    date: str | None = Field(None, description="As printed, e.g. 'February 2018'.")
    file: str | None = Field(None, description="Source text file, for the five source texts.")
    description: str | None = None


class FeaturePublic(Cited):
    slug: str = Field(examples=["skilled-direct-work"])
    number: int = Field(ge=1, le=7, examples=[3])
    title: str = Field(examples=["Enabling staff to do skilled direct work"])
    heading: str | None = Field(
        None,
        description="The in-depth section heading, where it is "
        "worded differently from the numbered list.",
    )
    definition: str
    benefits: list[Benefit] = Field(description="What difference does it make?")
    pitfalls: list[Pitfall] = Field(description="Potential pitfalls.")
    quotations: list[Quotation] = Field(default_factory=list)
    related_outcomes: list[Ref] = Field(
        default_factory=list,
        description="Derived: outcomes evidenced by the projects that demonstrate this feature.",
    )
    related_enablers: list[Ref] = Field(
        default_factory=list,
        description="Derived from this project's curated audit mapping: enablers that share an "
        "audit condition with this feature.",
    )
    projects: list[Ref] = Field(
        default_factory=list, description="Projects that demonstrate this feature."
    )
    href: str = ""


class EvidenceStatement(Cited):
    statement: str


class OutcomePublic(Cited):
    slug: str = Field(examples=["reduced-days-in-care"])
    title: str = Field(examples=["Reduced days spent in state care"])
    text_order: int = Field(description="Position in the framework's 'Seven outcomes' section.")
    table1_row: int = Field(description="Row of Table 1, which orders outcomes differently.")
    table1_title: str = Field(description="The outcome's wording in Table 1.")
    evidence: list[EvidenceStatement]
    findings: list[Ref] = Field(default_factory=list)
    projects: list[Ref] = Field(default_factory=list)
    href: str = ""


class EnablerPublic(Cited):
    slug: str = Field(examples=["strategic-approach"])
    set: EnablerSet
    number: int | None = Field(
        None,
        description="ISOS numbering; the four programme enablers are unnumbered in the source.",
    )
    title: str
    summary: str | None = None
    actions: list[str] = Field(default_factory=list)
    href: str = ""


class RecommendationPublic(Cited):
    slug: str
    number: int = Field(ge=1, le=12)
    text: str
    variants: list[Variant] = Field(default_factory=list)
    audit_condition: Ref | None = Field(
        None, description="The self-audit condition that turns this recommendation into a question."
    )
    href: str = ""


class PracticeModelPublic(Cited):
    slug: str = Field(examples=["signs-of-safety"])
    name: str = Field(examples=["Signs of Safety"])
    aliases: list[str] = Field(default_factory=list)
    description: str | None = None
    descriptions: list[CitedText] = Field(default_factory=list)
    projects: list[Ref] = Field(default_factory=list)
    href: str = ""


class Table1Row(BaseModel):
    number: int
    feature: Ref
    outcome: Ref
    enabler: Ref


class FrameworkPublic(BaseModel):
    """The whole framework in one document, for embedding."""

    content_version: str
    title: str
    summary: str | None = None
    table_1: list[Table1Row] = Field(
        description="Table 1 exactly as printed: rows align the three lists by position only."
    )
    features: list[FeaturePublic]
    outcomes: list[OutcomePublic] = Field(description="In the order the text presents them.")
    enablers: list[EnablerPublic]
    citations: list[object] = Field(default_factory=list)


class MatrixCell(BaseModel):
    outcome: Ref
    table_1: bool = Field(
        description="Table 1 prints this feature and this outcome on one row (it aligns its "
        "lists by position only)."
    )
    projects: list[Ref] = Field(
        description="Projects that demonstrate the feature and evidence the outcome, by their "
        "own link to it or by a finding of it."
    )
    finding_count: int = Field(
        ge=0,
        description="Distinct findings (one per fact, as `list_findings?distinct=true` counts "
        "them) of the outcome reported by projects that demonstrate the feature.",
    )


class MatrixRow(BaseModel):
    feature: Ref
    cells: list[MatrixCell] = Field(description="One per outcome, in Table 1's row order.")


class FrameworkMatrix(BaseModel):
    """Each feature of practice against each outcome, as the evidence links them: the picture
    Table 1 draws, computed from projects and their findings."""

    content_version: str
    outcomes: list[Ref] = Field(description="The columns: the outcomes in Table 1's row order.")
    rows: list[MatrixRow] = Field(description="One per feature, in number order.")
