from enum import StrEnum


class EventType(StrEnum):
    AUDIT_AMENDED = "audit.amended"
    AUDIT_CREATED = "audit.created"
    AUDIT_SUBMITTED = "audit.submitted"
    AUDIT_UPDATED = "audit.updated"

    def __str__(self) -> str:
        return str(self.value)
