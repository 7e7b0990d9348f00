from enum import StrEnum


class EvaluationDesign(StrEnum):
    HISTORIC_CASE_MATCHING = "historic-case-matching"
    MIXED_METHODS = "mixed-methods"
    PRE_POST = "pre-post"
    QUALITATIVE = "qualitative"
    QUASI_EXPERIMENTAL = "quasi-experimental"
    RANDOMISED_CONTROLLED_TRIAL = "randomised-controlled-trial"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
