from enum import StrEnum


class SearchType(StrEnum):
    ENABLER = "enabler"
    EVALUATION = "evaluation"
    FEATURE = "feature"
    FINDING = "finding"
    GUIDANCE = "guidance"
    ORGANISATION = "organisation"
    OUTCOME = "outcome"
    PRACTICE_MODEL = "practice-model"
    PROGRAMME = "programme"
    PROJECT = "project"
    RECOMMENDATION = "recommendation"
    SOURCE = "source"

    def __str__(self) -> str:
        return str(self.value)
