from enum import StrEnum


class FindingKind(StrEnum):
    COST_SAVING = "cost-saving"
    FAMILY_EXPERIENCE = "family-experience"
    OUTCOME_CHANGE = "outcome-change"
    PRACTICE_QUALITY = "practice-quality"
    PROGRAMME_AGGREGATE = "programme-aggregate"
    REACH = "reach"
    WORKFORCE = "workforce"

    def __str__(self) -> str:
        return str(self.value)
