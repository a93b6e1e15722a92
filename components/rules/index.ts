/**
 * The rules, one file per rule named after its id, in file-name order. This list is written out so
 * that the compiled package needs no directory read; tests/policy-pack.spec.ts checks that it names
 * every rule file of this folder, in order, each under its own id.
 */
import type { Rule } from "./rule";
import { rule as agentTrustWithoutSourceCondition } from "./agent-trust-without-source-condition";
import { rule as agentWithoutGuardrail } from "./agent-without-guardrail";
import { rule as allowNotActionOrResource } from "./allow-not-action-or-resource";
import { rule as applicationProfileCostTags } from "./application-profile-cost-tags";
import { rule as inlinePolicySize } from "./inline-policy-size";
import { rule as invokeRegionWildcard } from "./invoke-region-wildcard";
import { rule as managedPolicyCount } from "./managed-policy-count";
import { rule as managedPolicySize } from "./managed-policy-size";
import { rule as modelWithoutProfileCondition } from "./model-without-profile-condition";
import { rule as wildcardAction } from "./wildcard-action";
import { rule as wildcardResource } from "./wildcard-resource";

/** Every rule, in file-name order. */
export const RULES: readonly Rule[] = [
    agentTrustWithoutSourceCondition,
    agentWithoutGuardrail,
    allowNotActionOrResource,
    applicationProfileCostTags,
    inlinePolicySize,
    invokeRegionWildcard,
    managedPolicyCount,
    managedPolicySize,
    modelWithoutProfileCondition,
    wildcardAction,
    wildcardResource,
];

/** Files of this folder that are not rules. */
export const SUPPORT_FILES = ["bedrock-iam.ts", "engine.ts", "index.ts", "policies.ts", "rule.ts"] as const;

export type { Rule, Finding, RuleFinding, RuleContext, Severity, ConfigProperty } from "./rule";
export { ruleScope } from "./rule";
export { runRules, checkRoles, ruleConfig, findingSubject } from "./engine";
export { readRoles, parseTrustPolicy, iamSize, IAM_POLICY_TYPES, type RuleResource, type RoleView, type RolePolicyView, type TrustStatement } from "./policies";
