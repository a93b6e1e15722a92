/**
 * `pulumi-bedrock-genai/policy`: the package's rules (the checks of `bedrock-genai preview --check`) as
 * a Pulumi policy pack (`@pulumi/policy`), for any program, with or without this package's components.
 *
 * A pack folder holds `PulumiPolicy.yaml` (`runtime: nodejs`), a `package.json` with this package and
 * `@pulumi/policy`, and an `index.ts`:
 *
 * ```ts
 * import { bedrockPolicyPack } from "pulumi-bedrock-genai/policy";
 * bedrockPolicyPack("bedrock-genai");
 * ```
 *
 * Then `pulumi preview --policy-pack <folder> [--policy-pack-config config.json]`.
 */
export { bedrockPolicies, bedrockPolicyPack, rulePolicy, violationMessage, plainProperties, type BedrockPolicyPackOptions } from "../../components/policy/pack";
export { RULES } from "../../components/rules";
export type { Rule, Finding, RuleFinding, RuleContext, Severity, RuleResource, ConfigProperty } from "../../components/rules";
