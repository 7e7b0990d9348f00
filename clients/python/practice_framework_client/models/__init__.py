"""Contains all the data models used in inputs/outputs"""

from .amend_audit_format_type_0 import AmendAuditFormatType0
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_list import ApiKeyList
from .api_key_public import ApiKeyPublic
from .attempt_public import AttemptPublic
from .audit_change import AuditChange
from .audit_comparison import AuditComparison
from .audit_comparison_completeness import AuditComparisonCompleteness
from .audit_create import AuditCreate
from .audit_page import AuditPage
from .audit_point import AuditPoint
from .audit_public import AuditPublic
from .audit_report import AuditReport
from .audit_revision_page import AuditRevisionPage
from .audit_revision_public import AuditRevisionPublic
from .audit_sort import AuditSort
from .audit_status import AuditStatus
from .audit_update import AuditUpdate
from .benchmark import Benchmark
from .benefit import Benefit
from .citation import Citation
from .cited_text import CitedText
from .compare_audits_format_type_0 import CompareAuditsFormatType0
from .completeness import Completeness
from .condition_benchmark import ConditionBenchmark
from .condition_benchmark_distribution import ConditionBenchmarkDistribution
from .condition_direction import ConditionDirection
from .condition_progress import ConditionProgress
from .condition_ref import ConditionRef
from .condition_response import ConditionResponse
from .condition_slug import ConditionSlug
from .condition_standing import ConditionStanding
from .create_audit_format_type_0 import CreateAuditFormatType0
from .delivery_page import DeliveryPage
from .delivery_public import DeliveryPublic
from .delivery_status import DeliveryStatus
from .distinct_from import DistinctFrom
from .enabler_page import EnablerPage
from .enabler_public import EnablerPublic
from .enabler_set import EnablerSet
from .evaluation_design import EvaluationDesign
from .evaluation_facet import EvaluationFacet
from .evaluation_page import EvaluationPage
from .evaluation_public import EvaluationPublic
from .evaluation_summary import EvaluationSummary
from .event_feed import EventFeed
from .event_public import EventPublic
from .event_type import EventType
from .evidence_statement import EvidenceStatement
from .facet_count import FacetCount
from .facets import Facets
from .feature_link import FeatureLink
from .feature_page import FeaturePage
from .feature_public import FeaturePublic
from .fhir_capability_statement import FhirCapabilityStatement
from .fhir_capability_statement_rest_item import FhirCapabilityStatementRestItem
from .fhir_code_system import FhirCodeSystem
from .fhir_code_system_concept_item import FhirCodeSystemConceptItem
from .fhir_operation_outcome import FhirOperationOutcome
from .fhir_operation_outcome_issue_item import FhirOperationOutcomeIssueItem
from .fhir_operation_outcome_issue_item_details import FhirOperationOutcomeIssueItemDetails
from .fhir_operation_outcome_issue_item_severity import FhirOperationOutcomeIssueItemSeverity
from .fhir_questionnaire import FhirQuestionnaire
from .fhir_questionnaire_item_item import FhirQuestionnaireItemItem
from .fhir_questionnaire_response import FhirQuestionnaireResponse
from .fhir_questionnaire_response_create import FhirQuestionnaireResponseCreate
from .fhir_questionnaire_response_item_item import FhirQuestionnaireResponseItemItem
from .fhir_questionnaire_response_status import FhirQuestionnaireResponseStatus
from .fhir_questionnaire_status import FhirQuestionnaireStatus
from .fhir_validate_body import FhirValidateBody
from .fhir_validate_body_resourcetype import FhirValidateBodyResourcetype
from .field_error import FieldError
from .figure import Figure
from .finding_direction import FindingDirection
from .finding_facet import FindingFacet
from .finding_kind import FindingKind
from .finding_page import FindingPage
from .finding_public import FindingPublic
from .finding_qualifier import FindingQualifier
from .framework_matrix import FrameworkMatrix
from .framework_public import FrameworkPublic
from .get_audit_format_type_0 import GetAuditFormatType0
from .get_audit_report_format_type_0 import GetAuditReportFormatType0
from .get_benchmark_format_type_0 import GetBenchmarkFormatType0
from .get_template_format_type_0 import GetTemplateFormatType0
from .guidance_item import GuidanceItem
from .guidance_page import GuidancePage
from .guidance_public import GuidancePublic
from .health import Health
from .http_validation_error import HTTPValidationError
from .list_audits_format_type_0 import ListAuditsFormatType0
from .list_findings_format_type_0 import ListFindingsFormatType0
from .list_projects_format_type_0 import ListProjectsFormatType0
from .mapped_ref import MappedRef
from .matrix_cell import MatrixCell
from .matrix_row import MatrixRow
from .me import Me
from .organisation_create import OrganisationCreate
from .organisation_page import OrganisationPage
from .organisation_public import OrganisationPublic
from .outcome_page import OutcomePage
from .outcome_public import OutcomePublic
from .pitfall import Pitfall
from .practice_model_page import PracticeModelPage
from .practice_model_public import PracticeModelPublic
from .problem import Problem
from .programme_page import ProgrammePage
from .programme_public import ProgrammePublic
from .progress_summary import ProgressSummary
from .project_facet import ProjectFacet
from .project_page import ProjectPage
from .project_public import ProjectPublic
from .prompt import Prompt
from .quotation import Quotation
from .rating_level import RatingLevel
from .rating_scale import RatingScale
from .rating_summary import RatingSummary
from .rating_summary_distribution import RatingSummaryDistribution
from .readiness import Readiness
from .recommendation_page import RecommendationPage
from .recommendation_public import RecommendationPublic
from .ref import Ref
from .revision_action import RevisionAction
from .sample_size import SampleSize
from .scope import Scope
from .search_hit import SearchHit
from .search_page import SearchPage
from .search_type import SearchType
from .source_kind import SourceKind
from .source_page import SourcePage
from .source_public import SourcePublic
from .submit_audit_format_type_0 import SubmitAuditFormatType0
from .table_1_row import Table1Row
from .template_condition import TemplateCondition
from .template_list import TemplateList
from .template_public import TemplatePublic
from .template_summary import TemplateSummary
from .tenant_page import TenantPage
from .tenant_public import TenantPublic
from .unit import Unit
from .update_audit_format_type_0 import UpdateAuditFormatType0
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext
from .validation_problem import ValidationProblem
from .variant import Variant
from .weak_condition import WeakCondition
from .webhook_create import WebhookCreate
from .webhook_created import WebhookCreated
from .webhook_page import WebhookPage
from .webhook_public import WebhookPublic
from .webhook_secret import WebhookSecret
from .webhook_update import WebhookUpdate

__all__ = (
    "AmendAuditFormatType0",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyList",
    "ApiKeyPublic",
    "AttemptPublic",
    "AuditChange",
    "AuditComparison",
    "AuditComparisonCompleteness",
    "AuditCreate",
    "AuditPage",
    "AuditPoint",
    "AuditPublic",
    "AuditReport",
    "AuditRevisionPage",
    "AuditRevisionPublic",
    "AuditSort",
    "AuditStatus",
    "AuditUpdate",
    "Benchmark",
    "Benefit",
    "Citation",
    "CitedText",
    "CompareAuditsFormatType0",
    "Completeness",
    "ConditionBenchmark",
    "ConditionBenchmarkDistribution",
    "ConditionDirection",
    "ConditionProgress",
    "ConditionRef",
    "ConditionResponse",
    "ConditionSlug",
    "ConditionStanding",
    "CreateAuditFormatType0",
    "DeliveryPage",
    "DeliveryPublic",
    "DeliveryStatus",
    "DistinctFrom",
    "EnablerPage",
    "EnablerPublic",
    "EnablerSet",
    "EvaluationDesign",
    "EvaluationFacet",
    "EvaluationPage",
    "EvaluationPublic",
    "EvaluationSummary",
    "EventFeed",
    "EventPublic",
    "EventType",
    "EvidenceStatement",
    "FacetCount",
    "Facets",
    "FeatureLink",
    "FeaturePage",
    "FeaturePublic",
    "FhirCapabilityStatement",
    "FhirCapabilityStatementRestItem",
    "FhirCodeSystem",
    "FhirCodeSystemConceptItem",
    "FhirOperationOutcome",
    "FhirOperationOutcomeIssueItem",
    "FhirOperationOutcomeIssueItemDetails",
    "FhirOperationOutcomeIssueItemSeverity",
    "FhirQuestionnaire",
    "FhirQuestionnaireItemItem",
    "FhirQuestionnaireResponse",
    "FhirQuestionnaireResponseCreate",
    "FhirQuestionnaireResponseItemItem",
    "FhirQuestionnaireResponseStatus",
    "FhirQuestionnaireStatus",
    "FhirValidateBody",
    "FhirValidateBodyResourcetype",
    "FieldError",
    "Figure",
    "FindingDirection",
    "FindingFacet",
    "FindingKind",
    "FindingPage",
    "FindingPublic",
    "FindingQualifier",
    "FrameworkMatrix",
    "FrameworkPublic",
    "GetAuditFormatType0",
    "GetAuditReportFormatType0",
    "GetBenchmarkFormatType0",
    "GetTemplateFormatType0",
    "GuidanceItem",
    "GuidancePage",
    "GuidancePublic",
    "Health",
    "HTTPValidationError",
    "ListAuditsFormatType0",
    "ListFindingsFormatType0",
    "ListProjectsFormatType0",
    "MappedRef",
    "MatrixCell",
    "MatrixRow",
    "Me",
    "OrganisationCreate",
    "OrganisationPage",
    "OrganisationPublic",
    "OutcomePage",
    "OutcomePublic",
    "Pitfall",
    "PracticeModelPage",
    "PracticeModelPublic",
    "Problem",
    "ProgrammePage",
    "ProgrammePublic",
    "ProgressSummary",
    "ProjectFacet",
    "ProjectPage",
    "ProjectPublic",
    "Prompt",
    "Quotation",
    "RatingLevel",
    "RatingScale",
    "RatingSummary",
    "RatingSummaryDistribution",
    "Readiness",
    "RecommendationPage",
    "RecommendationPublic",
    "Ref",
    "RevisionAction",
    "SampleSize",
    "Scope",
    "SearchHit",
    "SearchPage",
    "SearchType",
    "SourceKind",
    "SourcePage",
    "SourcePublic",
    "SubmitAuditFormatType0",
    "Table1Row",
    "TemplateCondition",
    "TemplateList",
    "TemplatePublic",
    "TemplateSummary",
    "TenantPage",
    "TenantPublic",
    "Unit",
    "UpdateAuditFormatType0",
    "ValidationError",
    "ValidationErrorContext",
    "ValidationProblem",
    "Variant",
    "WeakCondition",
    "WebhookCreate",
    "WebhookCreated",
    "WebhookPage",
    "WebhookPublic",
    "WebhookSecret",
    "WebhookUpdate",
)
