"""The controlled words of a finding: its unit, the qualifier its wording puts on a value, and
the direction of a change (seed/SCHEMA.md, "Findings: conventions")."""

from enum import StrEnum
from typing import Annotated, Literal

from app.core.named_schemas import Named


class Unit(StrEnum):
    """What a finding's values count or measure. Money is in pounds at the scale printed."""

    PERCENT = "percent"
    RATIO = "ratio"
    GBP = "gbp"
    GBP_THOUSAND = "gbp-thousand"
    GBP_MILLION = "gbp-million"
    GBP_PER_FAMILY = "gbp-per-family"
    GBP_PER_WORKER = "gbp-per-worker"
    GBP_PER_GBP_SPENT = "gbp-per-gbp-spent"
    DAYS = "days"
    DAYS_PER_FAMILY = "days-per-family"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"
    PROJECTS = "projects"
    EVALUATIONS = "evaluations"
    EVALUATION_TEAMS = "evaluation-teams"
    LOCAL_AUTHORITIES = "local-authorities"
    REGIONS = "regions"
    AREAS = "areas"
    TEAMS = "teams"
    HUBS = "hubs"
    GROUPS = "groups"
    STRANDS = "strands"
    MODELS = "models"
    SESSIONS = "sessions"
    CONFERENCES = "conferences"
    ENQUIRIES = "enquiries"
    PLACEMENTS = "placements"
    CHILD_PROTECTION_PLANS = "child-protection-plans"
    CASES = "cases"
    FAMILIES = "families"
    FAMILY_MEMBERS = "family-members"
    CHILDREN = "children"
    YOUNG_PEOPLE = "young-people"
    PEOPLE = "people"
    STAFF = "staff"
    VOLUNTEERS = "volunteers"


Qualifier = Annotated[
    Literal["exact", "approximately", "at-least", "more-than", "almost", "up-to", "less-than"],
    Named("FindingQualifier"),
]
Direction = Annotated[Literal["increase", "decrease", "no-change"], Named("FindingDirection")]

# The words before a printed number that give its qualifier (longest first when matching).
QUALIFIER_WORDS: dict[str, str] = {
    "in the region of": "approximately",
    "approximately": "approximately",
    "around": "approximately",
    "about": "approximately",
    "roughly": "approximately",
    "at least": "at-least",
    "more than": "more-than",
    "just over": "more-than",
    "over": "more-than",
    "in excess of": "more-than",
    "almost": "almost",
    "nearly": "almost",
    "up to": "up-to",
    "less than": "less-than",
    "fewer than": "less-than",
    "just under": "less-than",
    "under": "less-than",
}
