"""Every table, imported in one place for Alembic and the tests."""

from app.audits.models import Audit, AuditRevision, AuditTemplate, IdempotencyRecord
from app.audits.outbox import Event, EventPruneMark
from app.catalogue.models import (
    Enabler,
    Feature,
    FrameworkTable,
    Outcome,
    PracticeModel,
    Recommendation,
    Source,
)
from app.core.content import ContentVersion
from app.evidence.models import (
    Evaluation,
    Finding,
    FindingOutcome,
    Guidance,
    Programme,
    Project,
    ProjectLink,
)
from app.organisations.models import Organisation
from app.search.models import SearchDocument
from app.tenants.models import ApiKey
from app.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookSubscription

__all__ = [
    "ApiKey",
    "Audit",
    "AuditRevision",
    "AuditTemplate",
    "ContentVersion",
    "Enabler",
    "Evaluation",
    "Event",
    "EventPruneMark",
    "Feature",
    "Finding",
    "FindingOutcome",
    "FrameworkTable",
    "Guidance",
    "IdempotencyRecord",
    "Organisation",
    "Outcome",
    "PracticeModel",
    "Programme",
    "Project",
    "ProjectLink",
    "Recommendation",
    "SearchDocument",
    "Source",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookSubscription",
]
