"""Catalogue tables. Nested, cited content lives in `data` (validated against the public
schema when seeded); columns exist for what is filtered or sorted on."""

from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel


class Source(SQLModel, table=True):
    slug: str = Field(primary_key=True, max_length=200)
    kind: str = Field(index=True, max_length=40)
    title: str
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class Feature(SQLModel, table=True):
    slug: str = Field(primary_key=True, max_length=200)
    number: int = Field(unique=True)
    title: str
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class Outcome(SQLModel, table=True):
    slug: str = Field(primary_key=True, max_length=200)
    title: str
    text_order: int
    table1_row: int
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class Enabler(SQLModel, table=True):
    slug: str = Field(primary_key=True, max_length=200)
    set: str = Field(index=True, max_length=40)
    position: int
    title: str
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class Recommendation(SQLModel, table=True):
    slug: str = Field(primary_key=True, max_length=200)
    number: int = Field(unique=True)
    text: str
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class PracticeModel(SQLModel, table=True):
    __tablename__ = "practice_model"

    slug: str = Field(primary_key=True, max_length=200)
    name: str
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class FrameworkTable(SQLModel, table=True):
    """Table 1 of the framework and its framing text."""

    __tablename__ = "framework_table"

    slug: str = Field(primary_key=True, max_length=200)
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
