from enum import StrEnum


class FindingDirection(StrEnum):
    DECREASE = "decrease"
    INCREASE = "increase"
    NO_CHANGE = "no-change"

    def __str__(self) -> str:
        return str(self.value)
