"""Issue 17, item 9: the whole self-audit lifecycle through the generated Python client
(clients/python) against a served app, as an integrator would write it: typed calls, typed
bodies, typed problems.

Two things go through the client's own httpx connection (same base URL, same token) rather than
a typed call, because openapi-python-client cannot express them: response headers (it models
none, so the `ETag` is read from `response.headers`), and a second representation of one
status (it parses each status by its first media type, so `get_audit`'s 200 is always
`AuditPublic`: the FHIR and CSV answers are read raw)."""

import csv
import io
import os
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from http import HTTPStatus
from uuid import UUID

import pytest
from practice_framework_client import AuthenticatedClient, Client
from practice_framework_client.api.self_audit import (
    amend_audit,
    create_audit,
    get_audit,
    get_audit_report,
    get_template,
    list_revisions,
    submit_audit,
    update_audit,
)
from practice_framework_client.api.tenants import create_api_key, create_organisation, get_me
from practice_framework_client.models import (
    ApiKeyCreate,
    ApiKeyCreated,
    AuditCreate,
    AuditPublic,
    AuditReport,
    AuditRevisionPage,
    AuditStatus,
    AuditUpdate,
    ConditionSlug,
    Me,
    OrganisationCreate,
    Problem,
    RevisionAction,
    TemplatePublic,
)
from practice_framework_client.models import ConditionResponse as Answer

from tests.conftest import ROOT, ServedApp
from tests.helpers import ADMIN_TOKEN, new_slug

pytestmark = pytest.mark.served
FHIR = "application/fhir+json"


@pytest.fixture(scope="module")
def served(database_url: str) -> Iterator[ServedApp]:
    server = ServedApp(database_url, {"ADMIN_TOKEN": ADMIN_TOKEN})
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def organisation(served: ServedApp) -> Iterator[AuthenticatedClient]:
    """A new tenant, registered and given a key through the client as the operator."""
    slug = new_slug("sdk")
    with AuthenticatedClient(served.base_url, token=ADMIN_TOKEN) as operator:
        registered = create_organisation.sync_detailed(
            client=operator, body=OrganisationCreate(name="SDK Borough Council", slug=slug)
        )
        assert registered.status_code == HTTPStatus.CREATED, registered.content
        key = create_api_key.sync(slug, client=operator, body=ApiKeyCreate(label="SDK test"))
    assert isinstance(key, ApiKeyCreated), key
    with AuthenticatedClient(served.base_url, token=key.token) as client:
        me = get_me.sync(client=client)
        assert isinstance(me, Me) and me.organisation.slug == slug, me
        yield client


def _answers(served: ServedApp) -> list[Answer]:
    with Client(served.base_url) as public:
        template = get_template.sync(1, client=public)
    assert isinstance(template, TemplatePublic), template
    slugs = [condition.slug for condition in template.conditions]
    return [
        Answer(
            condition=ConditionSlug(slug),
            current_practice=f"Now: {slug}.",
            needed_change=f"Needed: {slug}.",
            progress_plan=f"Plan: {slug}.",
            rating=2 if i == 0 else 3,  # one weak condition for the report
        )
        for i, slug in enumerate(slugs)
    ]


def test_the_self_audit_lifecycle_through_the_generated_client(
    served: ServedApp, organisation: AuthenticatedClient
) -> None:
    answers = _answers(served)
    body = AuditCreate(template_version=1, title="SDK self-audit", responses=answers)

    # Create, safe to retry: the same Idempotency-Key and body replay the first answer.
    key = str(uuid.uuid4())
    created = create_audit.sync_detailed(client=organisation, body=body, idempotency_key=key)
    assert created.status_code == HTTPStatus.CREATED, created.content
    audit = created.parsed
    assert isinstance(audit, AuditPublic), audit
    assert audit.status is AuditStatus.DRAFT and audit.completeness.complete
    replayed = create_audit.sync_detailed(client=organisation, body=body, idempotency_key=key)
    assert isinstance(replayed.parsed, AuditPublic) and replayed.parsed.id == audit.id
    assert replayed.headers["Idempotent-Replayed"] == "true"
    audit_id, first_etag = UUID(audit.id), created.headers["ETag"]

    # Edit with If-Match; the ETag moves, and the old one is now a 412, typed as a Problem.
    updated = update_audit.sync_detailed(
        audit_id,
        client=organisation,
        body=AuditUpdate(title="SDK self-audit, v2"),
        if_match=first_etag,
    )
    assert isinstance(updated.parsed, AuditPublic), updated.content
    assert updated.parsed.title == "SDK self-audit, v2"
    etag = updated.headers["ETag"]
    assert etag != first_etag
    stale = update_audit.sync_detailed(
        audit_id, client=organisation, body=AuditUpdate(title="lost update"), if_match=first_etag
    )
    assert stale.status_code == HTTPStatus.PRECONDITION_FAILED
    problem = stale.parsed
    assert isinstance(problem, Problem), stale.content
    assert problem.status == 412 and problem.type_.endswith("/precondition-failed")
    assert problem.instance == f"/v1/audits/{audit_id}"

    # Submit, then amend: a second revision opens as a draft.
    submitted = submit_audit.sync_detailed(audit_id, client=organisation, if_match=etag)
    assert isinstance(submitted.parsed, AuditPublic), submitted.content
    assert submitted.parsed.status is AuditStatus.SUBMITTED
    amended = amend_audit.sync_detailed(
        audit_id, client=organisation, if_match=submitted.headers["ETag"]
    )
    assert isinstance(amended.parsed, AuditPublic), amended.content
    assert (amended.parsed.status, amended.parsed.revision) == (AuditStatus.DRAFT, 2)
    fetched = get_audit.sync(audit_id, client=organisation)
    assert isinstance(fetched, AuditPublic) and fetched.version == amended.parsed.version

    # The history, every saved state with its action.
    revisions = list_revisions.sync(audit_id, client=organisation)
    assert isinstance(revisions, AuditRevisionPage), revisions
    assert [r.action for r in revisions.items] == [
        RevisionAction.CREATED,
        RevisionAction.UPDATED,
        RevisionAction.SUBMITTED,
        RevisionAction.AMENDED,
    ]

    # The report names the one weak condition.
    report = get_audit_report.sync(audit_id, client=organisation)
    assert isinstance(report, AuditReport), report
    assert report.revision == 2
    assert [w.condition.slug for w in report.weak_conditions] == [answers[0].condition]

    # The FHIR QuestionnaireResponse and the CSV, raw (see the module's docstring).
    http = organisation.get_httpx_client()
    fhir = http.get(f"/v1/audits/{audit_id}", headers={"Accept": FHIR})
    assert fhir.status_code == 200 and fhir.headers["content-type"].startswith(FHIR)
    resource = fhir.json()
    assert resource["resourceType"] == "QuestionnaireResponse"
    assert {a.condition for a in answers} <= {item["linkId"] for item in resource["item"]}
    table = http.get(f"/v1/audits/{audit_id}", headers={"Accept": "text/csv"})
    assert table.status_code == 200 and table.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert [row["condition"] for row in rows] == [a.condition for a in answers]


def test_an_error_is_a_typed_problem_everywhere(
    served: ServedApp, organisation: AuthenticatedClient
) -> None:
    """Another tenant's (or no) audit: a 404 parsed as a Problem, not an untyped body."""
    missing = get_audit.sync_detailed(uuid.uuid4(), client=organisation)
    assert missing.status_code == HTTPStatus.NOT_FOUND
    assert isinstance(missing.parsed, Problem) and missing.parsed.status == 404
    # And a token that does not authenticate: 401, typed the same way.
    with AuthenticatedClient(served.base_url, token="pfa_nope_0000") as stranger:
        refused = get_audit.sync_detailed(uuid.uuid4(), client=stranger)
    assert refused.status_code == HTTPStatus.UNAUTHORIZED
    assert isinstance(refused.parsed, Problem) and refused.parsed.status == 401


def test_the_readme_sdk_example_works_as_written(
    served: ServedApp, organisation: AuthenticatedClient
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## SDK\n", 1)[1].split("\n## ", 1)[0]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match, "no python block under '## SDK'"
    script = match.group(1).replace("http://127.0.0.1:8000", served.base_url)
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "KEY": organisation.token},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    audit_id, status, etag = result.stdout.split()
    assert UUID(audit_id) and status == "draft" and etag.startswith('"')
