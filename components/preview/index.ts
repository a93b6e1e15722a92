/**
 * The offline preview: evaluates a Pulumi TypeScript program in process under the package's Pulumi mocks
 * (realistic ARNs and ids for one account and Region) and reports what it would create: the resource
 * tree, key inputs, every IAM policy grouped by role, a machine-readable plan, a Mermaid diagram, and
 * the findings of the package's rules. No Pulumi CLI, no AWS credentials, no network.
 *
 * Modules: `program` (reading Pulumi.yaml and the stack file), `resolution` (how the program's imports
 * resolve), `evaluate` (running it under mocks), `plan` and `schema` (the plan and its JSON Schema),
 * `checks` (the rules of components/rules/ over the program), `text`, `mermaid`, `cli`, `mock-outputs`
 * (outputs the user gives the mocks), `diagnosis` (what a failed or unfinished program is told).
 */
export { PreviewError, ProgramError, programFrames, trimRequireStack } from "./errors";
export { readProgram, parseYamlFile, configValue, type ProgramInfo } from "./program";
export { installResolver } from "./resolution";
export { evaluateProgram, type EvaluateOptions, type Evaluation } from "./evaluate";
export {
    buildPlan,
    collectRoles,
    previewProgram,
    type Plan,
    type PlanPolicy,
    type PlanResource,
    type PlanRole,
    type PreviewOptions,
    type PolicyConfig,
} from "./plan";
export { PLAN_JSON_SCHEMA, PLAN_SCHEMA_VERSION } from "./schema";
export { CHECK_RULES, boundsToProfiles, checkProgram, checkRoles, type CheckRule, type Finding } from "./checks";
export { formatFindings, formatPlan, keyInputs } from "./text";
export { toMermaid } from "./mermaid";
export { unfinishedDetails, creationFrames } from "./diagnosis";
export { parseMockOption, readMocksFile, mockOutputs, describeMissingOutputs, MockOptionError, type MockOutputs } from "./mock-outputs";
export { USAGE, formatError, parseArgs, readPolicyConfig, runCli, PROGRESS_INTERVAL_MS, type CliArgs, type CliIo } from "./cli";
export { iamSize } from "../rules/policies";
