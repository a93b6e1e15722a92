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
export { type RoleRef, type GrantOptions, type RolePolicyGrant } from "../../components/iam/grants";
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
export { grantMarketplaceSubscription, type MarketplaceAccess, type MarketplaceSubscriptionOptions } from "../../components/iam/marketplace";
