/**
 * `pulumi-bedrock-genai/testing`: unit-test Pulumi programs that use this package with Pulumi mocks.
 */
export * from "../../components/testing";
export type { Statement } from "../../components/iam";
export * from "../../components/preview";
