/**
 * Runs rules over resources: roles first (read by `readRoles`), role by role, each role's checks, then
 * policy by policy, statement by statement, then its trust policy; then resource by resource. Within
 * one subject, findings come in rule order (the order of `RULES`).
 */
import type { Finding, Rule, RuleContext, RuleFinding } from "./rule";
import { readRoles, type RoleView, type RuleResource } from "./policies";

/** A rule's configuration: its defaults, overridden by `overrides` (unknown keys are kept). */
export function ruleConfig(rule: Rule, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const defaults = Object.fromEntries(Object.entries(rule.config ?? {}).map(([k, p]) => [k, p.default]));
    return { ...defaults, ...overrides };
}

function finding(rule: Rule, f: RuleFinding, where: { role?: string; policy?: string; resource?: string }): Finding {
    return {
        rule: rule.id,
        severity: f.severity,
        ...(where.role !== undefined ? { role: where.role } : {}),
        ...(where.policy !== undefined ? { policy: where.policy } : {}),
        ...(where.resource !== undefined ? { resource: where.resource } : {}),
        message: f.message,
        ...(f.statement !== undefined ? { statement: f.statement } : {}),
    };
}

/**
 * The role checks of `rules` over `roles` (as `readRoles` reads them). `resources` are what the checks
 * may consult (application profiles, to follow them to their models); `config` holds each rule's
 * configuration overrides by rule id.
 */
export function checkRoles(
    roles: readonly RoleView[],
    rules: readonly Rule[],
    resources: readonly RuleResource[] = [],
    config: Record<string, Record<string, unknown>> = {},
): Finding[] {
    const findings: Finding[] = [];
    const ctx = new Map<Rule, RuleContext>(rules.map((r) => [r, { resources, config: ruleConfig(r, config[r.id]) }]));
    for (const role of roles) {
        for (const rule of rules) {
            for (const f of rule.role?.(role, ctx.get(rule) as RuleContext) ?? [])
                findings.push(finding(rule, f, { role: role.name, resource: role.resourceUrn }));
        }
        for (const policy of role.policies) {
            const at = { role: role.name, policy: policy.name, resource: policy.resourceUrn ?? role.resourceUrn };
            for (const rule of rules) for (const f of rule.policy?.(policy, role, ctx.get(rule) as RuleContext) ?? []) findings.push(finding(rule, f, at));
            for (const s of policy.statements.filter((x) => x.Effect === "Allow")) {
                for (const rule of rules)
                    for (const f of rule.statement?.(s, policy, role, ctx.get(rule) as RuleContext) ?? []) findings.push(finding(rule, f, at));
            }
        }
        for (const t of role.trust) {
            for (const rule of rules) {
                for (const f of rule.trust?.(t, role, ctx.get(rule) as RuleContext) ?? [])
                    findings.push(finding(rule, f, { role: role.name, resource: role.resourceUrn }));
            }
        }
    }
    return findings;
}

/** Every finding of `rules` over `resources`: the role checks (see `checkRoles`), then the resource checks. */
export function runRules(rules: readonly Rule[], resources: readonly RuleResource[], config: Record<string, Record<string, unknown>> = {}): Finding[] {
    const findings = checkRoles(readRoles(resources), rules, resources, config);
    for (const r of resources) {
        for (const rule of rules) {
            if (!rule.resource) continue;
            const ctx: RuleContext = { resources, config: ruleConfig(rule, config[rule.id]) };
            for (const f of rule.resource(r, ctx)) findings.push(finding(rule, f, { resource: r.urn }));
        }
    }
    return findings;
}

/** What a finding is about: its role (and policy), else the resource, by the name its URN ends with. */
export function findingSubject(f: Finding): string {
    if (f.role !== undefined) return `role ${f.role}${f.policy ? `, policy ${f.policy}` : ""}`;
    return `resource ${f.resource?.split("::").pop() ?? "?"}`;
}
