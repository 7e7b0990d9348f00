"""Typed references between resources, so every response links onward."""

from pydantic import BaseModel, Field

COLLECTION_PATHS = {
    "feature": "/v1/features",
    "outcome": "/v1/outcomes",
    "enabler": "/v1/enablers",
    "recommendation": "/v1/recommendations",
    "practice-model": "/v1/practice-models",
    "source": "/v1/sources",
    "programme": "/v1/programmes",
    "organisation": "/v1/organisations",
    "project": "/v1/projects",
    "evaluation": "/v1/evaluations",
    "finding": "/v1/findings",
    "guidance": "/v1/guidance",
}


def href(kind: str, slug: str) -> str:
    return f"{COLLECTION_PATHS[kind]}/{slug}"


class Ref(BaseModel):
    slug: str = Field(examples=["family-safeguarding-hertfordshire"])
    title: str = Field(examples=["Family Safeguarding Hertfordshire"])
    href: str = Field(examples=["/v1/projects/family-safeguarding-hertfordshire"])


def ref(kind: str, slug: str, title: str) -> Ref:
    return Ref(slug=slug, title=title, href=href(kind, slug))
