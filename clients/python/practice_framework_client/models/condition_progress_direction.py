from enum import StrEnum


class ConditionProgressDirection(StrEnum):
    DECLINED = "declined"
    IMPROVED = "improved"
    NOT_COMPARABLE = "not-comparable"
    UNCHANGED = "unchanged"

    def __str__(self) -> str:
        return str(self.value)
