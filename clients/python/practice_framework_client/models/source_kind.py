from enum import StrEnum


class SourceKind(StrEnum):
    EVALUATION_REPORT = "evaluation-report"
    SOURCE_TEXT = "source-text"

    def __str__(self) -> str:
        return str(self.value)
