/**
 * `pulumi-bedrock-genai/testing`: unit-test Pulumi programs that use this package with Pulumi mocks.
 */
export * from "../../components/testing";
export type { Statement } from "../../components/iam/policy";
export {
    previewProgram,
    PLAN_JSON_SCHEMA,
    PLAN_SCHEMA_VERSION,
    CHECK_RULES,
    type Plan,
    type PlanResource,
    type PlanRole,
    type PlanPolicy,
    type Finding,
    type CheckRule,
    type PreviewOptions,
} from "../../components/preview";
