from enum import StrEnum


class Scope(StrEnum):
    AUDITSREAD = "audits:read"
    AUDITSWRITE = "audits:write"
    WEBHOOKSMANAGE = "webhooks:manage"

    def __str__(self) -> str:
        return str(self.value)
