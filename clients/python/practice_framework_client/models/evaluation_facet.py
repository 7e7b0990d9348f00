from enum import StrEnum


class EvaluationFacet(StrEnum):
    DESIGN = "design"
    DESIGN_STRENGTH = "design_strength"
    PROGRAMME = "programme"

    def __str__(self) -> str:
        return str(self.value)
