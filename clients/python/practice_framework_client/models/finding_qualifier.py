from enum import StrEnum


class FindingQualifier(StrEnum):
    ALMOST = "almost"
    APPROXIMATELY = "approximately"
    AT_LEAST = "at-least"
    EXACT = "exact"
    LESS_THAN = "less-than"
    MORE_THAN = "more-than"
    UP_TO = "up-to"

    def __str__(self) -> str:
        return str(self.value)
