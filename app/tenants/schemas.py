"""API keys and `/v1/me`, as the API shows them."""

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from app.core.json_bodies import NO_CONTROL_CHARACTERS
from app.organisations.schemas import TenantPublic
from app.tenants.scopes import ALL_SCOPES, Scope


class ApiKeyCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"label": "Case-management system"},
                {"label": "Improvement board dashboard", "scopes": ["audits:read"]},
            ]
        },
    )

    label: Annotated[
        str,
        StringConstraints(
            strip_whitespace=True, min_length=1, max_length=100, pattern=NO_CONTROL_CHARACTERS
        ),
    ]
    scopes: list[Scope] = Field(
        default_factory=lambda: list(ALL_SCOPES),  # type: ignore[arg-type]
        min_length=1,
        max_length=len(ALL_SCOPES),
        description="What the key may do: `audits:read`, `audits:write`, `webhooks:manage`. "
        "All three when left out; a dashboard's key needs only `audits:read`.",
    )


class ApiKeyPublic(BaseModel):
    prefix: str = Field(
        description="Identifies the key; the token starts `pfa_<prefix>_`.",
        examples=["3f9a1c0b7d2e"],
    )
    label: str = Field(examples=["Case-management system"])
    organisation: str = Field(examples=["hertfordshire"])
    scopes: list[Scope] = Field(examples=[list(ALL_SCOPES)])
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
