/**
 * pulumi-bedrock-genai: Pulumi components for Amazon Bedrock generative AI.
 *
 * Cross-region and application inference profiles, prompt routers, prompts and agents, with grant
 * helpers that attach least-privilege IAM role policies.
 */
export * from "../../components/catalog";
export * from "../../components/core";
// The IAM layer's `Statement` type is published by the ./testing entry point.
export {
    type RoleRef,
    type GrantOptions,
    type RolePolicyGrant,
    IAM_LIMITS,
    ModelAccessPolicy,
    type ModelAccessPolicyArgs,
    type ModelAccessPolicyLayout,
    type ModelAccessTarget,
} from "../../components/iam";
export * from "../../components/profiles";
export * from "../../components/prompts";
export * from "../../components/agents";
