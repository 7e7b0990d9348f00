"""The audit template's curated mapping, as the catalogue shows it: the enablers that share an
audit condition with a feature, and the condition that asks about a recommendation.

The audit side computes it from its latest published template (app/audits/templates.py); the
seed step hands it to `catalogue.service.load`, which keeps it with the features and
recommendations. So the catalogue reads it without importing the audits."""

from pydantic import BaseModel, Field

from app.core.links import Ref


class CuratedLinks(BaseModel):
    enablers_by_feature: dict[str, list[str]] = Field(default_factory=dict)
    condition_by_recommendation: dict[str, Ref] = Field(default_factory=dict)
