/**
 * pulumi-bedrock-genai: Pulumi components for Amazon Bedrock generative AI.
 *
 * Cross-region and application inference profiles, prompt routers, prompts and agents, with grant
 * helpers that attach least-privilege IAM role policies.
 */
export { BedrockFoundationModel, type BedrockFoundationModelProps } from "../../components/catalog/foundation-model";
export { CrossRegionInferenceProfileRegion, type Partition } from "../../components/catalog/geographies";
export {
    CrossRegionInferenceProfile,
    type CrossRegionInferenceProfileProps,
    type ICrossRegionInferenceProfile,
} from "../../components/profiles/cross-region-profile";
export {
    ApplicationInferenceProfile,
    type ApplicationInferenceProfileArgs,
    type ApplicationInferenceProfileAttributes,
    type ApplicationInferenceProfileSource,
    type IApplicationInferenceProfile,
} from "../../components/profiles/application-profile";
export { type RoleRef, type GrantOptions, type RolePolicyGrant, allGrants } from "../../components/iam/grants";
export { type AccessLayout } from "../../components/iam/access-set";
export { BedrockValidationError, type Tags } from "../../components/core/validation";
export { INVOKE_TOKENS } from "../../components/core/context";
export { IAM_LIMITS } from "../../components/iam/policy";
export { ModelAccessPolicy, type ModelAccessPolicyArgs, type ModelAccessPolicyLayout, type ModelAccessTarget } from "../../components/iam/model-access-policy";
export {
    PromptRouter,
    DefaultPromptRouterIdentifier,
    modelFamily,
    isPromptRouter,
    type IPromptRouter,
    type PromptRouterArgs,
    type DefaultPromptRouterOptions,
} from "../../components/prompts/prompt-router";
export {
    Prompt,
    PromptVariant,
    PromptVersion,
    CONTENT_HASH_TAG,
    type PromptArgs,
    type PromptVersionOptions,
    type TextPromptVariantProps,
    type ChatPromptVariantProps,
    type AgentPromptVariantProps,
    type AgentAliasRef,
    type ChatMessage,
    type PromptToolConfiguration,
    type PromptToolSpecification,
    type KmsKeyRef,
} from "../../components/prompts/prompt";
export {
    type InferenceConfiguration,
    validateInferenceConfiguration,
    mergeInferenceConfiguration,
    toPromptInferenceShapes,
    PROMPT_MAX_TOKENS_LIMIT,
    AGENT_MAX_TOKENS_LIMIT,
} from "../../components/catalog/inference-configuration";
export { type IInvokable } from "../../components/core/invokable";
export {
    Agent,
    AgentCollaboratorType,
    AgentStepType,
    Memory,
    AGENT_ROLE_NAME_PREFIX,
    type AgentArgs,
    type AgentCollaborator,
    type AgentGuardrail,
    type AgentKnowledgeBase,
    type AgentMemory,
    type PromptOverrideConfiguration,
    type PromptStepConfiguration,
} from "../../components/agents/agent";
export { AgentAlias, TEST_ALIAS_ID, type AgentAliasArgs, type AddAgentAliasArgs, type IAgent, type IAgentAlias } from "../../components/agents/agent-alias";
export {
    AgentActionGroup,
    ActionGroupExecutor,
    ApiSchema,
    type AgentActionGroupProps,
    type AgentFunction,
    type FunctionParameter,
    type FunctionSchema,
    type LambdaRef,
    type ParameterType,
} from "../../components/agents/agent-action-group";
export { AgentHarness, HARNESS_ARN_MAX_LENGTH } from "../../components/agents/harness";
export {
    HarnessTool,
    HarnessMemory,
    type AgentHarnessArgs,
    type AddHarnessEndpointArgs,
    type HarnessToolSpec,
    type HarnessMemorySpec,
    type HarnessMemoryRetrieval,
    type HarnessMemoryStrategy,
    type HarnessTruncation,
    type HarnessInferenceConfiguration,
    type HarnessGatewayOutboundAuth,
} from "../../components/agents/harness-args";
export {
    BEDROCK_NAMESPACE,
    RUNTIME_METRICS,
    METRIC_NAMES,
    type BedrockMetric,
    type BedrockMetricName,
    type MetricOptions,
    type RuntimeMetricInfo,
} from "../../components/usage/metrics";
export { type ProfileAlarmArgs, type AlarmComparison, type TreatMissingData } from "../../components/usage/alarm-args";
export { type AddAlarmOptions, type IUsageMetered, type MeteredInvokable } from "../../components/usage/profile-usage";
export { UsageDashboard, type UsageDashboardArgs } from "../../components/usage/usage-dashboard";
export { ProfileBudget, type ProfileBudgetArgs } from "../../components/usage/profile-budget";
export { type BudgetNotification, type BudgetTimeUnit } from "../../components/usage/budget-filters";
export {
    InvocationLogging,
    LOG_RETENTION_DAYS,
    type InvocationLoggingArgs,
    type InvocationLoggingCloudWatch,
    type InvocationLoggingS3,
    type LargeDataDelivery,
} from "../../components/usage/invocation-logging";
export { grantMarketplaceSubscription, type MarketplaceAccess, type MarketplaceSubscriptionOptions } from "../../components/iam/marketplace";
