from typing import Annotated, Literal

from pydantic import BaseModel, Field

from app.core.named_schemas import Named

SearchType = Annotated[
    Literal[
        "feature",
        "outcome",
        "enabler",
        "recommendation",
        "practice-model",
        "source",
        "programme",
        "organisation",
        "project",
        "evaluation",
        "finding",
        "guidance",
    ],
    Named("SearchType"),
]


class SearchHit(BaseModel):
    type: SearchType = Field(examples=["project"])
    slug: str = Field(examples=["family-safeguarding-hertfordshire"])
    title: str = Field(examples=["Family Safeguarding Hertfordshire"])
    snippet: str = Field(
        description="Matching text with terms wrapped in <mark>…</mark>.",
        examples=[
            "Creation of co-located, multi-discplinary family <mark>safeguarding</mark> teams"
        ],
    )
    score: float = Field(
        description="Relevance; higher is better. Comparable within one response only."
    )
    href: str = Field(examples=["/v1/projects/family-safeguarding-hertfordshire"])


class SearchPage(BaseModel):
    items: list[SearchHit]
    next_cursor: str | None
