"""What the API shows of an organisation: as the evidence names it (public) and as a tenant
(operator, `/v1/me`)."""

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from app.core.json_bodies import NO_CONTROL_CHARACTERS
from app.core.links import Ref
from app.core.provenance import Cited

SlugStr = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=1, max_length=200)
]


class OrganisationPublic(Cited):
    slug: str = Field(examples=["hertfordshire"])
    name: str = Field(examples=["Hertfordshire County Council"])
    kind: str = Field(examples=["local-authority"])
    projects: list[Ref] = Field(default_factory=list)
    href: str = ""


class OrganisationCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"name": "Hertfordshire", "slug": "hertfordshire"}]},
    )

    name: Annotated[
        str,
        StringConstraints(
            strip_whitespace=True, min_length=1, max_length=200, pattern=NO_CONTROL_CHARACTERS
        ),
    ]
    slug: SlugStr = Field(
        description="Stable kebab-case id. Use the evidence slug (e.g. `hertfordshire`) to "
        "register an organisation the evidence already names."
    )


class TenantPublic(BaseModel):
    slug: str = Field(examples=["hertfordshire"])
    name: str = Field(examples=["Hertfordshire"])
    in_evidence: bool = Field(
        description="True when the source texts also name this organisation (it is then "
        "listed publicly under /v1/organisations).",
        examples=[True],
    )
    created_at: datetime | None = Field(description="When it became a tenant.")
