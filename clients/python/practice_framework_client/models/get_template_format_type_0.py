from enum import StrEnum


class GetTemplateFormatType0(StrEnum):
    FHIR = "fhir"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
