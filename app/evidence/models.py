"""Evidence tables: programmes, projects and their links, evaluations, findings,
guidance. Columns exist for filtering and sorting; cited detail lives in `data`."""

from typing import Any

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field, SQLModel


class Programme(SQLModel, table=True):
    slug: str = Field(primary_key=True, max_length=200)
    name: str
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class Project(SQLModel, table=True):
    slug: str = Field(primary_key=True, max_length=200)
    name: str
    programme: str | None = Field(default=None, foreign_key="programme.slug", index=True)
    appendix_1: bool = False
    evaluation: str | None = Field(default=None, max_length=200)
    # Lower-cased name and aims, for the `q` filter.
    search_text: str = ""
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class ProjectLink(SQLModel, table=True):
    """A project's tie to a feature, outcome, practice model, organisation or theme."""

    __tablename__ = "project_link"
    __table_args__ = (Index("ix_project_link_kind_target", "kind", "target", "project"),)

    project: str = Field(foreign_key="project.slug", primary_key=True, max_length=200)
    kind: str = Field(primary_key=True, max_length=20)
    target: str = Field(primary_key=True, max_length=200)


class Evaluation(SQLModel, table=True):
    slug: str = Field(primary_key=True, max_length=200)
    project: str | None = Field(default=None, foreign_key="project.slug", index=True)
    design: str = Field(max_length=40)
    design_strength: int
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class Finding(SQLModel, table=True):
    slug: str = Field(primary_key=True, max_length=200)
    project: str | None = Field(default=None, foreign_key="project.slug", index=True)
    programme: str | None = Field(default=None, foreign_key="programme.slug", index=True)
    kind: str = Field(index=True, max_length=40)
    metric: str
    unit: str | None = None
    baseline_value: float | None = None
    result_value: float | None = None
    comparison_value: float | None = None
    direction: str | None = Field(default=None, max_length=20)
    qualifier: str | None = Field(default=None, max_length=20)
    # One finding per fact: `?distinct=true` keeps the canonical one of each same-fact group.
    canonical: bool = Field(default=True, index=True)
    source: str = Field(index=True, max_length=200)
    # Lower-cased metric and statement, for the `q` filter.
    search_text: str = ""
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class FindingOutcome(SQLModel, table=True):
    __tablename__ = "finding_outcome"
    __table_args__ = (Index("ix_finding_outcome_outcome", "outcome", "finding"),)

    finding: str = Field(foreign_key="finding.slug", primary_key=True, max_length=200)
    outcome: str = Field(primary_key=True, max_length=200)


class Guidance(SQLModel, table=True):
    slug: str = Field(primary_key=True, max_length=200)
    kind: str = Field(index=True, max_length=40)
    title: str
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
