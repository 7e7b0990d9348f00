from enum import StrEnum


class GetQuestionnaireFhirQuestionnaireStatus(StrEnum):
    ACTIVE = "active"
    DRAFT = "draft"
    RETIRED = "retired"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
