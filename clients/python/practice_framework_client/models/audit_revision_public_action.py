from enum import StrEnum


class AuditRevisionPublicAction(StrEnum):
    AMENDED = "amended"
    CREATED = "created"
    SUBMITTED = "submitted"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)
