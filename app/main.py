"""Builds the application: routers, middleware, error handlers. Nothing else."""

import asyncio
import contextlib
import gc
from collections.abc import AsyncIterator

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from sqlmodel import Session

from app.audits.fast_reads import AuditReadsMiddleware
from app.audits.openapi import BODY_MODELS, with_fhir_create_schema
from app.audits.router import router as audits_router
from app.catalogue.router import router as catalogue_router
from app.core import db_faults, docs, errors, logs, metrics, openapi, pages
from app.core.conditional import IfMatchOnReadsMiddleware
from app.core.config import get_settings
from app.core.content import current_version
from app.core.database_file import check_at_start
from app.core.db import get_engine
from app.core.health import router as health_router
from app.core.http import catalogue_cache
from app.core.json_bodies import JsonBodyGuardMiddleware
from app.core.metrics import MetricsMiddleware
from app.core.metrics import router as metrics_router
from app.core.middleware import (
    BodySizeLimitMiddleware,
    CachedReadMiddleware,
    ErrorsInsideMiddleware,
    HeadAsGetMiddleware,
    RequestContextMiddleware,
)
from app.core.operation_outcome import OperationOutcomeMiddleware
from app.core.query_params import known_query_only
from app.core.ratelimit import RATE_LIMIT_NOTE, RateLimitMiddleware
from app.core.representations import JSON_UNLESS_DECLARED
from app.events.router import router as events_router
from app.evidence.router import router as evidence_router
from app.fhir.router import router as fhir_router
from app.organisations.router import router as organisations_router
from app.search.router import router as search_router
from app.tenants import openapi as tenant_openapi
from app.tenants.dependencies import token_authenticates
from app.tenants.router import router as tenants_router
from app.webhooks import deliverer as webhook_deliverer
from app.webhooks import openapi as webhooks_openapi
from app.webhooks.router import router as webhooks_router

DESCRIPTION = """
The evidence-based practice framework of England's Children's Social Care Innovation
Programme, machine-readable: seven features of practice, seven outcomes, enablers of
improvement, recommendations, practice models, projects, evaluations and every quantitative
finding, each with citations back to its source text.

**Conventions.** JSON, `snake_case`, ISO 8601 UTC. Collections take `limit` (1-200,
default 50) and an opaque `cursor`, and return `items`, `next_cursor` and a
`Link: rel="next"` header. Errors are RFC 9457 `application/problem+json` (FHIR requests get
an `OperationOutcome`). Catalogue reads send a strong `ETag` and `Cache-Control: public`;
`If-None-Match` answers `304`. `Accept` (with q-values) picks the representation where a route
offers several (CSV, FHIR R4), each with its own ETag; `?format=` is a shortcut there; `406`
lists what is offered.
Every response carries `X-Request-ID`.
"""

# The order the docs show; routing order (create_app) is about speed, not reading.
OPENAPI_TAGS = [
    {
        "name": "Framework",
        "description": "The seven features, outcomes and enablers, the "
        "recommendations and practice models: public, cached, ETagged.",
    },
    {
        "name": "Evidence",
        "description": "Programmes, organisations, projects, evaluations, "
        "every quantitative finding and the guidance, each cited; CSV where a table is natural.",
    },
    {"name": "Search", "description": "One ranked search over the catalogue and the evidence."},
    {"name": "Provenance", "description": "The source documents every citation points into."},
    {
        "name": "Self-audit",
        "description": "Audit templates (public) and an organisation's "
        "audits, reports and benchmarks (API key).",
    },
    {
        "name": "FHIR",
        "description": "A FHIR R4 base (public): each template as a Questionnaire at its "
        "canonical URL, its rating scale as a CodeSystem, the CapabilityStatement, and "
        "QuestionnaireResponse `$validate`. Errors are OperationOutcomes.",
    },
    {
        "name": "Integration",
        "description": "What a vendor's system needs to follow an organisation's audits: the "
        "change feed and signed webhooks (API key with `audits:read`, `webhooks:manage`).",
    },
    {"name": "Tenants", "description": "Organisations and their API keys (operator token)."},
    {"name": "Operations", "description": "Health, readiness and Prometheus metrics."},
]

CONTENT_POLL_SECONDS = 5.0


def _refresh_content_version() -> None:
    with Session(get_engine()) as session:
        row = current_version(session)
    catalogue_cache.set_version(row.version if row else None)


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    # The catalogue cache is valid for one content version; poll so a re-seed by another
    # process (or host) is picked up without a restart.
    async def poll() -> None:
        while True:
            with contextlib.suppress(Exception):
                await asyncio.to_thread(_refresh_content_version)
            await asyncio.sleep(CONTENT_POLL_SECONDS)

    task = asyncio.create_task(poll())
    deliverer = webhook_deliverer.start()
    # Everything built so far (routes, pydantic validators, the ORM mappers) lives as long as
    # the process. Freezing it keeps the cyclic GC from re-scanning it in every full
    # collection, a pause of every request in flight (docs/architecture.md).
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        task.cancel()
        if deliverer is not None:
            deliverer.cancel()
        metrics.process_stopping()


def create_app() -> FastAPI:
    settings = get_settings()
    check_at_start(settings.database_url)  # a missing or corrupt SQLite file: one line, exit
    logs.configure(settings.log_level, settings.log_gather_seconds)  # off the event loop
    catalogue_cache.cache_control = f"public, max-age={settings.catalogue_max_age}"
    app = FastAPI(
        title="Practice Framework API",
        version="4.0.0",
        description=DESCRIPTION + "\n" + RATE_LIMIT_NOTE,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        openapi_tags=OPENAPI_TAGS,
        # `create_audit`, not `create_audit_v1_audits_post`: SDK method names come from these.
        generate_unique_id_function=lambda route: route.name,
        license_info={
            "name": "Open Government Licence v3.0 (content)",
            "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        },
    )
    errors.install(app)
    webhooks_openapi.describe(app)
    app.openapi = openapi.refined(app.openapi, BODY_MODELS)  # type: ignore[method-assign]
    app.openapi = tenant_openapi.with_scopes(app.openapi, app)  # type: ignore[method-assign]
    app.openapi = with_fhir_create_schema(app.openapi)  # type: ignore[method-assign]
    db_faults.install(app)
    docs.install(app)
    pages.install(app)
    # Routing tries routers in this order, route by route. Tenant routes come first:
    # catalogue reads are mostly answered by CachedReadMiddleware before routing, and health
    # probes are cheap either way. Only /v1/organisations is in two routers (POST is the
    # operator's, GET the public list), and a path matching another method's route is a 405.
    # Each /v1 route answers JSON unless it declares other representations (`Offers`).
    # Tenant data also refuses unknown query parameters (a typo must not widen a sync).
    tenant_data = {
        **JSON_UNLESS_DECLARED,
        "dependencies": [*JSON_UNLESS_DECLARED["dependencies"], Depends(known_query_only)],
    }
    app.include_router(audits_router, **tenant_data)
    app.include_router(events_router, **tenant_data)
    app.include_router(webhooks_router, **tenant_data)
    app.include_router(tenants_router, **tenant_data)
    app.include_router(catalogue_router, **JSON_UNLESS_DECLARED)
    app.include_router(evidence_router, **JSON_UNLESS_DECLARED)
    app.include_router(organisations_router, **JSON_UNLESS_DECLARED)
    app.include_router(search_router, **JSON_UNLESS_DECLARED)
    app.include_router(fhir_router)
    app.include_router(health_router)
    app.include_router(metrics_router)

    # Added innermost first: the last added runs first.
    app.add_middleware(CachedReadMiddleware)
    app.add_middleware(AuditReadsMiddleware, routes=audits_router.routes)
    app.add_middleware(IfMatchOnReadsMiddleware)  # outside every read path, inside HEAD's
    app.add_middleware(HeadAsGetMiddleware)
    app.add_middleware(JsonBodyGuardMiddleware)  # inside the size cap: it reads the body
    app.add_middleware(
        BodySizeLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        timeout=settings.body_timeout_seconds,
    )
    # Outside the catalogue cache, so cached reads spend from the budget too; inside CORS, so a
    # browser can read a 429's Retry-After.
    app.add_middleware(
        RateLimitMiddleware,
        per_minute=settings.rate_limit_per_minute,
        token_authenticates=token_authenticates,
    )
    # Inside CORS and the request id, so an error's answer carries their headers too.
    app.add_middleware(ErrorsInsideMiddleware, handlers=app.exception_handlers)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
        allow_headers=[
            "Authorization",
            "Content-Type",
            "If-Match",
            "If-None-Match",
            "Idempotency-Key",
            "X-Request-ID",
            "Accept",
        ],
        expose_headers=[
            "ETag",
            "Link",
            "Retry-After",
            "X-Request-ID",
            "Location",
            "RateLimit-Limit",
            "RateLimit-Remaining",
            "RateLimit-Reset",
            "Idempotent-Replayed",
            "Content-Disposition",
            "Accept-Patch",
            "Accept-Post",
        ],
        max_age=600,
    )
    app.add_middleware(MetricsMiddleware, openapi=app.openapi)
    app.add_middleware(RequestContextMiddleware, allowed_hosts=settings.allowed_hosts)
    # Outermost, so every problem, whoever wrote it, reaches a FHIR client as an OperationOutcome.
    app.add_middleware(OperationOutcomeMiddleware)
    return app


app = create_app()
