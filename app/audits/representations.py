"""What the self-audit routes offer besides JSON, declared once each (app/core/representations.py):
an audit (JSON, FHIR QuestionnaireResponse, CSV, XLSX), the list of audits (JSON, CSV, XLSX), a
template (JSON, FHIR Questionnaire), and the report, comparison and benchmarks (JSON, and a
printable page as HTML and PDF)."""

from typing import Any

from app.audits.openapi import QUESTIONNAIRE, QUESTIONNAIRE_RESPONSE
from app.audits.schemas import EXAMPLE_RESPONSE, PROMPT_KEYS
from app.core.http import csv_table
from app.core.representations import JSON, Offers, printable
from app.core.xlsx import xlsx_table

PROMPTS = dict(
    zip(
        PROMPT_KEYS,
        (
            "What happens now in your service?",
            "What needs to happen?",
            "How will you progress this?",
        ),
        strict=True,
    )
)
AUDIT_CSV_COLUMNS: dict[str, str] = {
    "audit_id": "the audit's id",
    "audit_title": "its title",
    "template_version": "the template it answers",
    "status": "draft | submitted",
    "revision": "1 until the first amendment, then one more for each",
    "condition_number": "the condition's number in the template",
    "condition": "the condition's slug",
    **{key: f"the answer to '{question}'" for key, question in PROMPTS.items()},
    "rating": "the self-rating, 1-4, where given",
    "created_at": "when the audit was started",
    "updated_at": "when the audit was last saved",
    "submitted_at": "when the audit was submitted (empty while a draft)",
}
AUDIT_CSV_EXAMPLE: dict[str, Any] = {
    "audit_id": "0193a4f2-7c1e-7b3a-9f10-2d4c5e6f7a8b",
    "audit_title": "Children's services self-audit 2025",
    "template_version": 1,
    "status": "draft",
    "revision": 1,
    "condition_number": 1,
    **EXAMPLE_RESPONSE,
    "created_at": "2025-03-10T09:04:12.107000+00:00",
    "updated_at": "2025-03-14T10:22:31.512000+00:00",
    "submitted_at": None,
}
AUDIT_CSV = csv_table(AUDIT_CSV_COLUMNS, [AUDIT_CSV_EXAMPLE])
# The XLSX sheet has the CSV's columns and rows (`responses.csv_rows`): one definition of both.
AUDIT_XLSX = xlsx_table("a row per audit and condition response")
AUDIT_SHEET = "responses"

# One audit, and what a write answers.
AUDIT = Offers(JSON, QUESTIONNAIRE_RESPONSE, AUDIT_CSV, AUDIT_XLSX)
AUDITS = Offers(JSON, AUDIT_CSV, AUDIT_XLSX)  # a page: a row per audit and condition
TEMPLATE = Offers(JSON, QUESTIONNAIRE)
REPORT = Offers(JSON, *printable("the report, its ratings charted"))
COMPARISON = Offers(JSON, *printable("the comparison, the change per condition charted"))
BENCHMARK = Offers(JSON, *printable("the benchmarks, the distribution per condition charted"))
