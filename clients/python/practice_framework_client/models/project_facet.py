from enum import StrEnum


class ProjectFacet(StrEnum):
    DESIGN_STRENGTH = "design_strength"
    FEATURE = "feature"
    MODEL = "model"
    ORGANISATION = "organisation"
    OUTCOME = "outcome"
    PROGRAMME = "programme"
    THEME = "theme"

    def __str__(self) -> str:
        return str(self.value)
