/**
 * The package's rules (components/rules/) as a Pulumi policy pack (CrossGuard, `@pulumi/policy`):
 * one policy per rule, named after its id. Rules that judge one resource at a time are resource
 * policies (they run before each resource is created); rules that need every role's policies together
 * are stack policies. Each policy's enforcement level and options come from the pack's configuration
 * (`pulumi preview --policy-pack <dir> --policy-pack-config <file.json>`).
 */
import type {
    EnforcementLevel,
    PolicyPackConfig,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { RULES } from "../rules";
import { findingSubject, runRules } from "../rules/engine";
import type { RuleResource } from "../rules/policies";
import { ruleScope, type Finding, type Rule } from "../rules/rule";

/** The values `@pulumi/policy` uses for unknown (computed, not yet known in a preview) values. */
const UNKNOWN = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

/**
 * A resource's properties as plain data, unknown values left out. `@pulumi/policy` hands them over
 * behind a proxy that throws on an unknown value (node_modules/@pulumi/policy/proxy.js,
 * `unknownCheckingProxy`); the rules treat an unknown value as absent instead, so a policy document
 * known only at deploy time is judged at `pulumi up`, and the rest of the stack still in the preview.
 */
export function plainProperties(props: unknown): Record<string, unknown> {
    const target = (v: unknown): unknown => {
        if (v === null || typeof v !== "object") return v;
        const inner = (v as Record<string, unknown>)["__getSpecialProxyTarget"];
        return inner !== undefined && inner !== null && typeof inner === "object" ? inner : v;
    };
    const plain = (v: unknown, depth: number): unknown => {
        const x = target(v);
        if (typeof x === "string") return UNKNOWN.has(x) ? undefined : x;
        if (x === null || typeof x !== "object" || depth > 32) return x;
        if (Array.isArray(x)) return x.map((e) => plain(e, depth + 1)).filter((e) => e !== undefined);
        const out: Record<string, unknown> = {};
        for (const [k, e] of Object.entries(x)) {
            const p = plain(e, depth + 1);
            if (p !== undefined) out[k] = p;
        }
        return out;
    };
    return (plain(props, 0) as Record<string, unknown> | undefined) ?? {};
}

/** A stack resource as the rules see it (the pack sees one set of properties: inputs, plus outputs once known). */
function fromStack(r: PolicyResource): RuleResource {
    const props = plainProperties(r.props);
    return { type: r.type, name: r.name, urn: r.urn, inputs: props, outputs: props };
}

/** Options every policy of the pack takes, besides the rule's own. */
const REPORT_WARNINGS = "reportWarnings";

/** What a policy reports: errors always; warnings when `reportWarnings` is on (by default for advisory rules). */
function reported(rule: Rule, findings: Finding[], config: Record<string, unknown>): Finding[] {
    const warnings = typeof config[REPORT_WARNINGS] === "boolean" ? (config[REPORT_WARNINGS] as boolean) : rule.enforcementLevel === "advisory";
    return findings.filter((f) => f.severity === "error" || warnings);
}

/** The violation message of a finding: what it is about, then what is wrong. */
export function violationMessage(f: Finding): string {
    return `${findingSubject(f)}: ${f.message}`;
}

/** The configuration schema of a rule's policy: the rule's options and `reportWarnings`. */
function configSchema(rule: Rule): ResourceValidationPolicy["configSchema"] {
    const properties: Record<string, Record<string, unknown>> = {};
    for (const [k, p] of Object.entries(rule.config ?? {})) properties[k] = { ...p };
    properties[REPORT_WARNINGS] = {
        type: "boolean",
        default: rule.enforcementLevel === "advisory",
        description: "Also report the rule's warnings (the findings bedrock-genai preview --check prints with !), not only its errors.",
    };
    return { properties: properties as NonNullable<ResourceValidationPolicy["configSchema"]>["properties"] };
}

/** The config a policy gets: `getConfig()` holds the schema's defaults and the user's values. */
function configOf(args: { getConfig<T extends object>(): T }): Record<string, unknown> {
    return args.getConfig<Record<string, unknown>>() ?? {};
}

/** The policy (resource or stack) that runs `rule`. */
export function rulePolicy(rule: Rule): ResourceValidationPolicy | StackValidationPolicy {
    const common = {
        name: rule.id,
        description: rule.description,
        enforcementLevel: rule.enforcementLevel as EnforcementLevel,
        configSchema: configSchema(rule),
        remediationSteps: rule.why,
        tags: ["bedrock", "iam"],
    };
    if (ruleScope(rule) === "resource") {
        return {
            ...common,
            validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
                const config = configOf(args);
                const resource: RuleResource = { type: args.type, name: args.name, urn: args.urn, inputs: plainProperties(args.props) };
                for (const f of reported(rule, runRules([rule], [resource], { [rule.id]: config }), config)) reportViolation(violationMessage(f));
            },
        };
    }
    return {
        ...common,
        validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
            const config = configOf(args);
            const resources = args.resources.map(fromStack);
            for (const f of reported(rule, runRules([rule], resources, { [rule.id]: config }), config)) reportViolation(violationMessage(f), f.resource);
        },
    };
}

/** Every rule of the package as a policy, in rule order. */
export function bedrockPolicies(): (ResourceValidationPolicy | StackValidationPolicy)[] {
    return RULES.map(rulePolicy);
}

/** Options of `bedrockPolicyPack`. */
export interface BedrockPolicyPackOptions {
    /** Enforcement level of every policy that the configuration does not set (default: each rule's own). */
    enforcementLevel?: EnforcementLevel;
    /** Initial configuration, by policy name (the `--policy-pack-config` file overrides it). */
    config?: PolicyPackConfig;
}

/**
 * Serves the package's rules as a policy pack named `name`: call it from the `index.ts` of a policy
 * pack folder (one with `PulumiPolicy.yaml`) and point `pulumi preview --policy-pack` at that folder.
 * It starts the analyzer server the Pulumi CLI talks to, so call it once, from a pack's entry point only.
 */
export function bedrockPolicyPack(name = "bedrock-genai", options: BedrockPolicyPackOptions = {}): void {
    // Loaded here, not at the top: the rules and `bedrockPolicies` need only the types.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PolicyPack } = require("@pulumi/policy") as typeof import("@pulumi/policy");
    const policies = bedrockPolicies();
    if (options.enforcementLevel !== undefined) for (const p of policies) p.enforcementLevel = options.enforcementLevel;
    new PolicyPack(name, { policies, description: "Amazon Bedrock IAM and governance rules from pulumi-bedrock-genai" }, options.config);
}
