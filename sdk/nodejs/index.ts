/**
 * pulumi-bedrock-genai: Pulumi components for Amazon Bedrock generative AI.
 *
 * Cross-region and application inference profiles, prompt routers, prompts, agents and guardrails, with grant
 * helpers that attach least-privilege IAM role policies.
 */
export * from "../../components/catalog";
export * from "../../components/profiles";
export * from "../../components/iam";
export * from "../../components/core";
export * from "../../components/prompts";
export * from "../../components/agents";
export * from "../../components/usage";
export * from "../../components/guardrails";
