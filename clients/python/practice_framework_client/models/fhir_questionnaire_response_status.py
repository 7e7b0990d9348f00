from enum import StrEnum


class FhirQuestionnaireResponseStatus(StrEnum):
    AMENDED = "amended"
    COMPLETED = "completed"
    ENTERED_IN_ERROR = "entered-in-error"
    IN_PROGRESS = "in-progress"
    STOPPED = "stopped"

    def __str__(self) -> str:
        return str(self.value)
