from enum import StrEnum


class UpdateAuditFormatType0(StrEnum):
    CSV = "csv"
    FHIR = "fhir"
    JSON = "json"
    XLSX = "xlsx"

    def __str__(self) -> str:
        return str(self.value)
