/**
 * What a rule is: an id, a default enforcement level, the reason it exists, and pure checks over
 * resource inputs. The offline preview (`bedrock-genai preview --check`) and the policy pack
 * (`pulumi-bedrock-genai/policy`) run the same rules (see `engine.ts`).
 */
import type { Statement } from "../iam/policy";
import type { RolePolicyView, RoleView, RuleResource, TrustStatement } from "./policies";

/** `error` fails `--check` (and is reported by the pack); `warning` is reported only. */
export type Severity = "error" | "warning";

/** A broken rule, where and why. */
export interface Finding {
    /** The rule broken. */
    rule: string;
    /** `error` fails `--check`; `warning` is reported only. */
    severity: Severity;
    /** IAM name of the role (absent for findings about a resource that is not IAM). */
    role?: string;
    /** Name of the policy (absent for trust-policy and per-role findings). */
    policy?: string;
    /** URN of the resource the finding is about, when known: the policy's carrier, else the role, else the resource itself. */
    resource?: string;
    /** What is wrong, in one sentence. */
    message: string;
    /** The offending statement, when there is one. */
    statement?: Statement | TrustStatement;
}

/** A finding as a rule's check returns it; the engine adds the rule id, role, policy and resource. */
export interface RuleFinding {
    /** `error` or `warning`. */
    severity: Severity;
    /** What is wrong, in one sentence. */
    message: string;
    /** The offending statement, when there is one. */
    statement?: Statement | TrustStatement;
}

/** What every check is given besides its subject. */
export interface RuleContext {
    /** Every resource of the program (or stack), e.g. to follow an application profile to its model. */
    resources: readonly RuleResource[];
    /** The rule's configuration: its `config` defaults, overridden by the user's values. */
    config: Record<string, unknown>;
}

/** A JSON Schema of one configuration property of a rule (as `@pulumi/policy`'s `configSchema` takes it). */
export interface ConfigProperty {
    /** What the option does. */
    description: string;
    /** Its value when the configuration does not set it. */
    default: unknown;
    /** Any other JSON Schema keyword (`type`, `items`, `enum`, ...). */
    [keyword: string]: unknown;
}

/**
 * A rule. Each check is optional; the engine calls them role by role (`role`, then per policy `policy`,
 * per `Allow` statement `statement`, then per trust statement `trust`), then resource by resource
 * (`resource`). A rule with only `trust` and `resource` checks judges each resource on its own (the
 * policy pack runs it as a resource policy); any other rule needs the whole program (a stack policy).
 */
export interface Rule {
    /** The rule's id (kebab-case; the name of its file). */
    id: string;
    /** One line: what the rule flags. */
    description: string;
    /** Why it matters, with the AWS page that says so. */
    why: string;
    /** The policy pack's default enforcement level for it. */
    enforcementLevel: "mandatory" | "advisory";
    /** Configuration properties, each with its default. */
    config?: Record<string, ConfigProperty>;
    /** Findings about a role as a whole. */
    role?(role: RoleView, ctx: RuleContext): RuleFinding[];
    /** Findings about one policy of a role. */
    policy?(policy: RolePolicyView, role: RoleView, ctx: RuleContext): RuleFinding[];
    /** Findings about one `Allow` statement of a policy of a role. */
    statement?(statement: Statement, policy: RolePolicyView, role: RoleView, ctx: RuleContext): RuleFinding[];
    /** Findings about one statement of a role's trust policy. */
    trust?(statement: TrustStatement, role: RoleView, ctx: RuleContext): RuleFinding[];
    /** Findings about one resource (any type; return nothing for types the rule is not about). */
    resource?(resource: RuleResource, ctx: RuleContext): RuleFinding[];
}

/** Whether the rule judges each resource on its own (a resource policy in the pack) or needs the whole stack. */
export function ruleScope(rule: Rule): "resource" | "stack" {
    return rule.role || rule.policy || rule.statement ? "stack" : "resource";
}
