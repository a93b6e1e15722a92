/**
 * Readers of the IAM policies the mocks recorded for a role (inline and attached managed policies, through
 * the reader the preview uses, components/rules/policies.ts) and of the role's trust policy.
 */
import { roleNameFromArn } from "../catalog/arns";
import { parseStatements, type Statement } from "../iam/policy";
import { IAM_POLICY_TYPES, parseTrustPolicy, readRoles, type TrustStatement } from "../rules/policies";
import type { MockRecorder } from "./recorder";

/** A policy attached to a role, parsed. */
export interface AttachedPolicy {
    /** Pulumi name of the resource that carries the document (the policy's name for one inside the role's own inputs). */
    name: string;
    /** `inline` (a role policy resource or the role's own) or `managed` (a customer managed policy the program attaches). */
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
 * The policies attached to a role, read by the shared reader (components/rules/policies.ts): inline
 * policies (`aws.iam.RolePolicy`, the role's own, aws-native `RolePolicy`) and customer managed policies
 * the program creates and attaches; AWS managed policies (no document offline) are left out. `role` is
 * the role's IAM name (as the mocks returned it), its Pulumi resource name, or its ARN. Sorted by name.
 */
export function policiesForRole(recorder: MockRecorder, role: string): AttachedPolicy[] {
    const names = roleNames(recorder, role);
    const iam = new Set<string>(IAM_POLICY_TYPES);
    const resources = recorder.resources.filter((r) => iam.has(r.type)).map((r) => ({ type: r.type, name: r.name, inputs: r.inputs, outputs: r.state }));
    const out: AttachedPolicy[] = [];
    for (const view of readRoles(resources).filter((r) => names.has(r.name))) {
        for (const p of view.policies) {
            if (p.kind === "aws-managed" || p.document === undefined) continue;
            const json = typeof p.document === "string" ? p.document : JSON.stringify(p.document);
            out.push({ name: p.resourceName ?? p.name, kind: p.kind, json, statements: p.statements });
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

export { parseTrustPolicy, type TrustStatement };

/** Parses a policy document (JSON text or an object) into canonical statements. */
export function parsePolicy(doc: unknown): Statement[] {
    return parseStatements(doc as string);
}
