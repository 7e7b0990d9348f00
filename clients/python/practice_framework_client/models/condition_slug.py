from enum import StrEnum


class ConditionSlug(StrEnum):
    ATTENTION_TO_IT_AND_RECORDING_SYSTEMS = "attention-to-it-and-recording-systems"
    CLEAR_COMMUNICATION_OF_A_PRACTICE_MODEL = "clear-communication-of-a-practice-model"
    EFFECTIVE_SUPERVISION_AND_GROUP_CASE_DISCUSSION = "effective-supervision-and-group-case-discussion"
    GOOD_USE_OF_DATA = "good-use-of-data"
    LEADERSHIP_AT_ALL_LEVELS = "leadership-at-all-levels"
    MODEL_EMBEDDED_IN_TRAINING_SUPERVISION_AND_PERFORMANCE_MANAGEMENT = (
        "model-embedded-in-training-supervision-and-performance-management"
    )
    MULTI_DISCIPLINARY_INTEGRATED_TEAMS = "multi-disciplinary-integrated-teams"
    NON_SOCIAL_WORK_STAFF_AND_VOLUNTEERS = "non-social-work-staff-and-volunteers"
    SKILLED_ADMINISTRATIVE_SUPPORT = "skilled-administrative-support"
    SUSTAINING_INNOVATION_FROM_THE_START = "sustaining-innovation-from-the-start"
    SYSTEMS_ALIGNED_ACROSS_AGENCIES = "systems-aligned-across-agencies"
    TRAINING_WITHIN_A_SKILLS_DEVELOPMENT_STRATEGY = "training-within-a-skills-development-strategy"

    def __str__(self) -> str:
        return str(self.value)
