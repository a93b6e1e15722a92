/**
 * `--check`: the package's rules (components/rules/, one file per rule) over the program's resources,
 * the same rules the policy pack `pulumi-bedrock-genai/policy` runs.
 */
import { RULES } from "../rules";
import { checkRoles as runRoleChecks, runRules } from "../rules/engine";
import type { Finding as RuleFinding } from "../rules/rule";
import type { RoleView, RuleResource } from "../rules/policies";
import type { MockRecorder, RecordedResource } from "../testing/testing";

export { boundsToProfiles } from "../rules/bedrock-iam";

/** Every rule `--check` applies, by id, in the order of components/rules/. */
export const CHECK_RULES = RULES.map((r) => r.id);

/** A check's rule id. */
export type CheckRule = string;

/** A finding of `--check`. */
export interface Finding extends RuleFinding {
    /** The rule broken (one of `CHECK_RULES`). */
    rule: CheckRule;
}

/** A recorded resource as the rules see it (inputs, and the mocked state as its outputs). */
export function ruleResource(r: RecordedResource): RuleResource {
    const out: RuleResource = { type: r.type, name: r.name, inputs: r.inputs, outputs: r.state };
    if (r.urn !== undefined) out.urn = r.urn;
    return out;
}

/** The findings of every rule over the recorded resources (`config`: rule configuration by rule id). */
export function checkProgram(recorder: MockRecorder, config: Record<string, Record<string, unknown>> = {}): Finding[] {
    return runRules(RULES, recorder.resources.map(ruleResource), config);
}

/** The role checks of every rule over `roles`, following application profiles among the recorded resources. */
export function checkRoles(roles: readonly RoleView[], recorder: MockRecorder): Finding[] {
    return runRoleChecks(roles, RULES, recorder.resources.map(ruleResource));
}
