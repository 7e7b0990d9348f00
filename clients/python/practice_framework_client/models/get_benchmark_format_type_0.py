from enum import StrEnum


class GetBenchmarkFormatType0(StrEnum):
    HTML = "html"
    JSON = "json"
    PDF = "pdf"

    def __str__(self) -> str:
        return str(self.value)
