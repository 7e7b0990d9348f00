from enum import StrEnum


class RevisionAction(StrEnum):
    AMENDED = "amended"
    CREATED = "created"
    SUBMITTED = "submitted"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)
