"""Contains all the data models used in inputs/outputs"""

from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_list import ApiKeyList
from .api_key_public import ApiKeyPublic
from .audit_comparison import AuditComparison
from .audit_comparison_completeness import AuditComparisonCompleteness
from .audit_point import AuditPoint
from .audit_point_status import AuditPointStatus
from .audit_public import AuditPublic
from .audit_public_status import AuditPublicStatus
from .audit_report import AuditReport
from .audit_report_status import AuditReportStatus
from .audit_revision_public import AuditRevisionPublic
from .audit_revision_public_action import AuditRevisionPublicAction
from .audit_revision_public_status import AuditRevisionPublicStatus
from .audit_update import AuditUpdate
from .benchmark import Benchmark
from .benefit import Benefit
from .citation import Citation
from .cited_text import CitedText
from .completeness import Completeness
from .condition_benchmark import ConditionBenchmark
from .condition_benchmark_distribution import ConditionBenchmarkDistribution
from .condition_progress import ConditionProgress
from .condition_progress_direction import ConditionProgressDirection
from .condition_ref import ConditionRef
from .condition_response import ConditionResponse
from .condition_standing import ConditionStanding
from .create_audit_json_audit_create import CreateAuditJsonAuditCreate
from .create_audit_json_audit_create_condition_response import CreateAuditJsonAuditCreateConditionResponse
from .create_audit_json_body import CreateAuditJsonBody
from .enabler_public import EnablerPublic
from .enabler_public_set import EnablerPublicSet
from .evaluation_public import EvaluationPublic
from .evaluation_public_design import EvaluationPublicDesign
from .evaluation_summary import EvaluationSummary
from .evaluation_summary_design import EvaluationSummaryDesign
from .evidence_statement import EvidenceStatement
from .feature_link import FeatureLink
from .feature_public import FeaturePublic
from .field_error import FieldError
from .figure import Figure
from .finding_public import FindingPublic
from .finding_public_kind import FindingPublicKind
from .framework_public import FrameworkPublic
from .guidance_item import GuidanceItem
from .guidance_public import GuidancePublic
from .health import Health
from .list_audits_status_type_0 import ListAuditsStatusType0
from .list_enablers_set_type_0 import ListEnablersSetType0
from .list_evaluations_design_type_0 import ListEvaluationsDesignType0
from .list_findings_kind_type_0 import ListFindingsKindType0
from .mapped_ref import MappedRef
from .me import Me
from .organisation_create import OrganisationCreate
from .organisation_public import OrganisationPublic
from .outcome_public import OutcomePublic
from .page_audit_public import PageAuditPublic
from .page_audit_revision_public import PageAuditRevisionPublic
from .page_enabler_public import PageEnablerPublic
from .page_evaluation_public import PageEvaluationPublic
from .page_feature_public import PageFeaturePublic
from .page_finding_public import PageFindingPublic
from .page_guidance_public import PageGuidancePublic
from .page_organisation_public import PageOrganisationPublic
from .page_outcome_public import PageOutcomePublic
from .page_practice_model_public import PagePracticeModelPublic
from .page_programme_public import PageProgrammePublic
from .page_project_public import PageProjectPublic
from .page_recommendation_public import PageRecommendationPublic
from .page_source_public import PageSourcePublic
from .page_tenant_public import PageTenantPublic
from .pitfall import Pitfall
from .practice_model_public import PracticeModelPublic
from .problem import Problem
from .programme_public import ProgrammePublic
from .progress_summary import ProgressSummary
from .project_public import ProjectPublic
from .prompt import Prompt
from .quotation import Quotation
from .rating_level import RatingLevel
from .rating_scale import RatingScale
from .rating_summary import RatingSummary
from .rating_summary_distribution import RatingSummaryDistribution
from .readiness import Readiness
from .recommendation_public import RecommendationPublic
from .ref import Ref
from .search_hit import SearchHit
from .search_hit_type import SearchHitType
from .search_page import SearchPage
from .search_type_type_0 import SearchTypeType0
from .source_public import SourcePublic
from .source_public_kind import SourcePublicKind
from .table_1_row import Table1Row
from .template_condition import TemplateCondition
from .template_list import TemplateList
from .template_public import TemplatePublic
from .template_summary import TemplateSummary
from .tenant_public import TenantPublic
from .validation_problem import ValidationProblem
from .variant import Variant
from .weak_condition import WeakCondition

__all__ = (
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyList",
    "ApiKeyPublic",
    "AuditComparison",
    "AuditComparisonCompleteness",
    "AuditPoint",
    "AuditPointStatus",
    "AuditPublic",
    "AuditPublicStatus",
    "AuditReport",
    "AuditReportStatus",
    "AuditRevisionPublic",
    "AuditRevisionPublicAction",
    "AuditRevisionPublicStatus",
    "AuditUpdate",
    "Benchmark",
    "Benefit",
    "Citation",
    "CitedText",
    "Completeness",
    "ConditionBenchmark",
    "ConditionBenchmarkDistribution",
    "ConditionProgress",
    "ConditionProgressDirection",
    "ConditionRef",
    "ConditionResponse",
    "ConditionStanding",
    "CreateAuditJsonAuditCreate",
    "CreateAuditJsonAuditCreateConditionResponse",
    "CreateAuditJsonBody",
    "EnablerPublic",
    "EnablerPublicSet",
    "EvaluationPublic",
    "EvaluationPublicDesign",
    "EvaluationSummary",
    "EvaluationSummaryDesign",
    "EvidenceStatement",
    "FeatureLink",
    "FeaturePublic",
    "FieldError",
    "Figure",
    "FindingPublic",
    "FindingPublicKind",
    "FrameworkPublic",
    "GuidanceItem",
    "GuidancePublic",
    "Health",
    "ListAuditsStatusType0",
    "ListEnablersSetType0",
    "ListEvaluationsDesignType0",
    "ListFindingsKindType0",
    "MappedRef",
    "Me",
    "OrganisationCreate",
    "OrganisationPublic",
    "OutcomePublic",
    "PageAuditPublic",
    "PageAuditRevisionPublic",
    "PageEnablerPublic",
    "PageEvaluationPublic",
    "PageFeaturePublic",
    "PageFindingPublic",
    "PageGuidancePublic",
    "PageOrganisationPublic",
    "PageOutcomePublic",
    "PagePracticeModelPublic",
    "PageProgrammePublic",
    "PageProjectPublic",
    "PageRecommendationPublic",
    "PageSourcePublic",
    "PageTenantPublic",
    "Pitfall",
    "PracticeModelPublic",
    "Problem",
    "ProgrammePublic",
    "ProgressSummary",
    "ProjectPublic",
    "Prompt",
    "Quotation",
    "RatingLevel",
    "RatingScale",
    "RatingSummary",
    "RatingSummaryDistribution",
    "Readiness",
    "RecommendationPublic",
    "Ref",
    "SearchHit",
    "SearchHitType",
    "SearchPage",
    "SearchTypeType0",
    "SourcePublic",
    "SourcePublicKind",
    "Table1Row",
    "TemplateCondition",
    "TemplateList",
    "TemplatePublic",
    "TemplateSummary",
    "TenantPublic",
    "ValidationProblem",
    "Variant",
    "WeakCondition",
)
