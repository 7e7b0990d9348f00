from enum import StrEnum


class ListEnablersSetType0(StrEnum):
    INNOVATION_PROGRAMME = "innovation-programme"
    ISOS = "isos"

    def __str__(self) -> str:
        return str(self.value)
