from enum import StrEnum


class ConditionDirection(StrEnum):
    DECLINED = "declined"
    IMPROVED = "improved"
    NOT_COMPARABLE = "not-comparable"
    UNCHANGED = "unchanged"

    def __str__(self) -> str:
        return str(self.value)
