from enum import StrEnum


class FhirQuestionnaireStatus(StrEnum):
    ACTIVE = "active"
    DRAFT = "draft"
    RETIRED = "retired"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
