from enum import StrEnum


class FhirValidateBodyResourcetype(StrEnum):
    PARAMETERS = "Parameters"
    QUESTIONNAIRERESPONSE = "QuestionnaireResponse"

    def __str__(self) -> str:
        return str(self.value)
