"""Tenant organisations, API keys and `/v1/me`, as the API shows them."""

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

SlugStr = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=1, max_length=200)
]


class OrganisationCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"name": "Hertfordshire", "slug": "hertfordshire"}]},
    )

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
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


class ApiKeyCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"label": "Case-management system"}]}
    )

    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


class ApiKeyPublic(BaseModel):
    prefix: str = Field(
        description="Identifies the key; the token starts `pfa_<prefix>_`.",
        examples=["3f9a1c0b7d2e"],
    )
    label: str = Field(examples=["Case-management system"])
    organisation: str = Field(examples=["hertfordshire"])
    created_at: datetime
    revoked_at: datetime | None = None
    last_used_at: datetime | None = Field(None, description="Updated at most once a minute.")


class ApiKeyCreated(ApiKeyPublic):
    token: str = Field(
        description="The bearer token. Shown once, in this response only; only its hash is kept.",
        examples=["pfa_3f9a1c0b7d2e_9xQ0mZ1vC2b3N4m5L6k7J8h9G0f1D2s3A4p5O6i7U8y"],
    )


class ApiKeyList(BaseModel):
    items: list[ApiKeyPublic]


class Me(BaseModel):
    organisation: TenantPublic
    key: ApiKeyPublic
