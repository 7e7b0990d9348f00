from enum import StrEnum


class FindingFacet(StrEnum):
    DESIGN_STRENGTH = "design_strength"
    FEATURE = "feature"
    KIND = "kind"
    OUTCOME = "outcome"
    PROGRAMME = "programme"
    PROJECT = "project"
    SOURCE = "source"
    UNIT = "unit"

    def __str__(self) -> str:
        return str(self.value)
