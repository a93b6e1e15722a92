/**
 * Readers of the IAM policies the mocks recorded for a role: inline and attached managed policies,
 * and the role's trust policy.
 */
import { roleNameFromArn } from "../catalog/arns";
import { parseStatements, type Statement } from "../iam/policy";
import type { MockRecorder } from "./recorder";

/** A policy attached to a role, parsed. */
export interface AttachedPolicy {
    /** Pulumi name of the resource that carries the document. */
    name: string;
    /** `inline` (an `aws.iam.RolePolicy`) or `managed` (an `aws.iam.Policy` attached to the role). */
    kind: "inline" | "managed";
    /** The document as deployed (compact JSON). */
    json: string;
    /** The statements, canonical. */
    statements: Statement[];
}

/** A role given to the policy helpers: its IAM name, its Pulumi resource name, or its ARN. */
function roleNames(recorder: MockRecorder, role: string): Set<string> {
    const names = new Set<string>([role]);
    if (role.startsWith("arn:")) {
        const name = roleNameFromArn(role);
        if (name) names.add(name);
    }
    for (const r of recorder.byType(ROLE_TYPE)) {
        if (r.name === role && typeof r.state.name === "string") names.add(r.state.name);
    }
    return names;
}

const ROLE_TYPE = "aws:iam/role:Role";

/**
 * The policies attached to a role by `aws.iam.RolePolicy` (inline) and by `aws.iam.RolePolicyAttachment`
 * of an `aws.iam.Policy` the program creates (managed). `role` is the role's IAM name (as the mocks
 * returned it), its Pulumi resource name, or its ARN.
 */
export function policiesForRole(recorder: MockRecorder, role: string): AttachedPolicy[] {
    const names = roleNames(recorder, role);
    const out: AttachedPolicy[] = [];
    for (const r of recorder.byType("aws:iam/rolePolicy:RolePolicy")) {
        if (names.has(r.inputs.role) && typeof r.inputs.policy === "string") {
            out.push({ name: r.name, kind: "inline", json: r.inputs.policy, statements: parseStatements(r.inputs.policy) });
        }
    }
    const policies = recorder.byType("aws:iam/policy:Policy");
    for (const a of recorder.byType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")) {
        if (!names.has(a.inputs.role)) continue;
        const p = policies.find((x) => x.state.arn === a.inputs.policyArn);
        if (p && typeof p.inputs.policy === "string") {
            out.push({ name: p.name, kind: "managed", json: p.inputs.policy, statements: parseStatements(p.inputs.policy) });
        }
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every statement attached to a role (IAM name, Pulumi name or ARN), across its policies. */
export function statementsForRole(recorder: MockRecorder, role: string): Statement[] {
    return policiesForRole(recorder, role).flatMap((p) => p.statements);
}

/** The trust policy (`assumeRolePolicy`) of a role the program created (IAM name, Pulumi name or ARN), parsed. */
export function trustPolicyForRole(recorder: MockRecorder, role: string): TrustStatement[] {
    const names = roleNames(recorder, role);
    const r = recorder.byType(ROLE_TYPE).find((x) => names.has(x.state.name) || x.name === role);
    if (!r)
        throw new Error(
            `no aws.iam.Role named ${role} (registered: ${
                recorder
                    .byType(ROLE_TYPE)
                    .map((x) => x.name)
                    .join(", ") || "none"
            })`,
        );
    return parseTrustPolicy(r.inputs.assumeRolePolicy);
}

/** A trust-policy statement: who may assume the role, and under which conditions. */
export interface TrustStatement {
    /** `Allow` or `Deny`. */
    Effect: "Allow" | "Deny";
    /** Actions, e.g. `sts:AssumeRole` (a single action is returned as a one-element list). */
    Action: string[];
    /** Principals by kind, e.g. `{ Service: ["bedrock.amazonaws.com"] }`. */
    Principal: Record<string, string[]>;
    /** Conditions, `{ operator: { key: values } }` (e.g. `aws:SourceAccount`); absent when there are none. */
    Condition?: Record<string, Record<string, string[]>>;
}

/** Parses a trust policy (JSON text or an object). */
export function parseTrustPolicy(doc: unknown): TrustStatement[] {
    const parsed = (typeof doc === "string" ? JSON.parse(doc) : doc) as { Statement?: unknown } | undefined;
    if (!parsed || parsed.Statement === undefined) return [];
    const many = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? (v as string[]) : [v as string]);
    const list = Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement];
    return list.map((raw: Record<string, any>) => {
        const principal: Record<string, string[]> = {};
        if (raw.Principal === "*") principal.AWS = ["*"];
        else for (const [k, v] of Object.entries((raw.Principal ?? {}) as Record<string, unknown>)) principal[k] = many(v);
        const s: TrustStatement = { Effect: raw.Effect, Action: many(raw.Action), Principal: principal };
        if (raw.Condition) {
            s.Condition = {};
            for (const [op, keys] of Object.entries(raw.Condition as Record<string, Record<string, unknown>>)) {
                s.Condition[op] = {};
                for (const [k, v] of Object.entries(keys)) s.Condition[op][k] = many(v);
            }
        }
        return s;
    });
}

/** Parses a policy document (JSON text or an object) into canonical statements. */
export function parsePolicy(doc: unknown): Statement[] {
    return parseStatements(doc as string);
}
