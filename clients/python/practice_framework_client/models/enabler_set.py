from enum import StrEnum


class EnablerSet(StrEnum):
    INNOVATION_PROGRAMME = "innovation-programme"
    ISOS = "isos"

    def __str__(self) -> str:
        return str(self.value)
