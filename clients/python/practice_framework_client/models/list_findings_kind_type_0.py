from enum import StrEnum


class ListFindingsKindType0(StrEnum):
    COST_SAVING = "cost-saving"
    FAMILY_EXPERIENCE = "family-experience"
    OUTCOME_CHANGE = "outcome-change"
    PRACTICE_QUALITY = "practice-quality"
    PROGRAMME_AGGREGATE = "programme-aggregate"
    REACH = "reach"
    WORKFORCE = "workforce"

    def __str__(self) -> str:
        return str(self.value)
