/**
 * The offline preview (a tool, not a component): reads a Pulumi program, evaluates it in process under
 * the package's mocks, builds the plan (resource tree, policies by role, findings of the IAM checks)
 * and prints it as text, JSON or Mermaid; `runCli` is the `bedrock-genai preview` command. Its check
 * rules go in `components/rules/`, one file per rule.
 *
 * This index re-exports what `pulumi-bedrock-genai/testing` publishes of the preview (`sdk/nodejs/testing.ts`);
 * the command, `sdk/nodejs/cli.ts`, calls `runCli` in `preview.ts`.
 */
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
} from "./preview";
