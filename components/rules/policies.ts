/**
 * The one reader of IAM roles and their policies from resource inputs, shared by the offline preview,
 * the policy pack and the testing helper. It knows the eight resource types that give a role a trust
 * policy or a permission policy, in both providers: roles (`aws:iam/role:Role` with `inlinePolicies` and
 * `managedPolicyArns`, `aws-native:iam:Role` with `policies` and `managedPolicyArns`), inline policies
 * (`aws:iam/rolePolicy:RolePolicy`, `aws-native:iam:RolePolicy`), customer managed policies
 * (`aws:iam/policy:Policy`, `aws-native:iam:ManagedPolicy` with its `roles`) and attachments
 * (`aws:iam/rolePolicyAttachment:RolePolicyAttachment`, `aws:iam/policyAttachment:PolicyAttachment`).
 */
import { roleNameFromArn } from "../catalog/arns";
import { parseStatements, type Statement } from "../iam/policy";

/** A resource as the rules see it: its type, name and inputs (and outputs, when they are known). */
export interface RuleResource {
    /** Type token, e.g. `aws:iam/rolePolicy:RolePolicy`. */
    type: string;
    /** Pulumi name. */
    name: string;
    /** URN, when the front end knows it (the policy pack reports violations against it). */
    urn?: string;
    /** Inputs as the engine received them. */
    inputs: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    /** Outputs (inputs plus computed values such as ARNs), when known; the inputs otherwise. */
    outputs?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The IAM resource types the reader understands. */
export const IAM_POLICY_TYPES = [
    "aws:iam/role:Role",
    "aws-native:iam:Role",
    "aws:iam/rolePolicy:RolePolicy",
    "aws-native:iam:RolePolicy",
    "aws:iam/policy:Policy",
    "aws-native:iam:ManagedPolicy",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    "aws:iam/policyAttachment:PolicyAttachment",
] as const;

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
    const list = (Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement]) as Record<string, unknown>[];
    return list.map((raw) => {
        const principal: Record<string, string[]> = {};
        if (raw.Principal === "*") principal.AWS = ["*"];
        else for (const [k, v] of Object.entries((raw.Principal ?? {}) as Record<string, unknown>)) principal[k] = many(v);
        const s: TrustStatement = { Effect: raw.Effect as "Allow" | "Deny", Action: many(raw.Action), Principal: principal };
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

/** Characters of a policy as IAM counts them (whitespace excluded). */
export function iamSize(doc: unknown): number {
    if (doc === undefined || doc === null) return 0;
    const text = typeof doc === "string" ? doc : JSON.stringify(doc);
    return text.replace(/\s/g, "").length;
}

/** A policy on a role. */
export interface RolePolicyView {
    /** The policy's IAM name (inline, managed) or ARN (AWS managed). */
    name: string;
    /** `inline` (in the role), `managed` (a customer managed policy the program creates) or `aws-managed` (any other policy ARN). */
    kind: "inline" | "managed" | "aws-managed";
    /** Pulumi name of the resource that carries it, when the program creates it. */
    resourceName?: string;
    /** Pulumi type of that resource. */
    resourceType?: string;
    /** URN of that resource, when known. */
    resourceUrn?: string;
    /** ARN of a managed policy. */
    arn?: string;
    /** Characters without whitespace, as IAM counts them (undefined for AWS managed policies). */
    size?: number;
    /** The document as the resource holds it (JSON text or an object; absent for AWS managed policies). */
    document?: unknown;
    /** Canonical statements (empty for AWS managed policies, whose text is not known offline). */
    statements: Statement[];
}

/** A role and everything attached to it. */
export interface RoleView {
    /** IAM role name. */
    name: string;
    /** Pulumi name of the role resource, when the program creates it. */
    resourceName?: string;
    /** URN of the role resource, when known. */
    resourceUrn?: string;
    /** The role's ARN, when the program creates it and the ARN is known. */
    arn?: string;
    /** True when the program only attaches policies to a role it does not create. */
    external: boolean;
    /** Trust policy statements (empty for external roles). */
    trust: TrustStatement[];
    /** Service principals the role trusts. */
    services: string[];
    /** Characters of inline policy, all inline policies together. */
    inlineSize: number;
    /** Inline policies, then managed, then AWS managed ones, each by name. */
    policies: RolePolicyView[];
}

function safeStatements(doc: unknown): Statement[] {
    try {
        return typeof doc === "string" || (doc && typeof doc === "object") ? parseStatements(doc as string) : [];
    } catch {
        return [];
    }
}

function safeTrust(doc: unknown): TrustStatement[] {
    try {
        return parseTrustPolicy(doc);
    } catch {
        return [];
    }
}

/** The name of a role given as a name or ARN. */
function roleKey(role: unknown): string | undefined {
    if (typeof role !== "string" || role === "") return undefined;
    return role.startsWith("arn:") ? (roleNameFromArn(role) ?? role) : role;
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Every role the resources create or attach policies to, with its trust policy and policies, sorted by
 * IAM name. A managed policy counts for a role when the role (or an attachment) names its ARN and the
 * ARN is known, or when an `aws-native:iam:ManagedPolicy` names the role in `roles`; any other policy
 * ARN is an `aws-managed` policy whose statements are not known.
 */
export function readRoles(resources: readonly RuleResource[]): RoleView[] {
    const roles = new Map<string, RoleView>();
    const role = (name: string): RoleView => {
        let r = roles.get(name);
        if (!r) {
            r = { name, external: true, trust: [], services: [], inlineSize: 0, policies: [] };
            roles.set(name, r);
        }
        return r;
    };
    const out = (r: RuleResource) => r.outputs ?? r.inputs;
    const carrier = (p: RolePolicyView, r: RuleResource) => {
        p.resourceName = r.name;
        p.resourceType = r.type;
        if (r.urn !== undefined) p.resourceUrn = r.urn;
    };
    // Customer managed policies the resources create, by ARN.
    const managed = new Map<string, RuleResource>();
    for (const r of resources) {
        if (r.type === "aws:iam/policy:Policy" && typeof out(r).arn === "string") managed.set(out(r).arn, r);
        if (r.type === "aws-native:iam:ManagedPolicy" && typeof out(r).policyArn === "string") managed.set(out(r).policyArn, r);
    }
    const managedView = (p: RuleResource, arn?: string): RolePolicyView => {
        const native = p.type === "aws-native:iam:ManagedPolicy";
        const doc = native ? p.inputs.policyDocument : p.inputs.policy;
        const name = native ? (p.inputs.managedPolicyName ?? out(p).managedPolicyName) : (out(p).name ?? p.inputs.name);
        const view: RolePolicyView = { name: String(name ?? p.name), kind: "managed", statements: safeStatements(doc) };
        carrier(view, p);
        if (arn !== undefined) view.arn = arn;
        return Object.assign(view, { size: iamSize(doc), document: doc });
    };
    const attachManaged = (target: RoleView, arn: string) => {
        const p = managed.get(arn);
        target.policies.push(p ? managedView(p, arn) : { name: arn, kind: "aws-managed", arn, statements: [] });
    };
    const inline = (target: RoleView, name: string, doc: unknown, r?: RuleResource) => {
        const p: RolePolicyView = { name, kind: "inline", size: iamSize(doc), document: doc, statements: safeStatements(doc) };
        if (r) carrier(p, r);
        target.policies.push(p);
    };
    for (const r of resources) {
        switch (r.type) {
            case "aws:iam/role:Role":
            case "aws-native:iam:Role": {
                const native = r.type === "aws-native:iam:Role";
                const name = String((native ? (r.inputs.roleName ?? out(r).roleName) : (out(r).name ?? r.inputs.name)) ?? r.name);
                const target = role(name);
                target.external = false;
                target.resourceName = r.name;
                if (r.urn !== undefined) target.resourceUrn = r.urn;
                if (typeof out(r).arn === "string") target.arn = out(r).arn;
                target.trust = safeTrust(native ? r.inputs.assumeRolePolicyDocument : r.inputs.assumeRolePolicy);
                target.services = [...new Set(target.trust.filter((s) => s.Effect === "Allow").flatMap((s) => s.Principal.Service ?? []))].sort();
                const inlineList = (native ? r.inputs.policies : r.inputs.inlinePolicies) as Record<string, unknown>[] | undefined;
                for (const p of inlineList ?? []) {
                    const doc = native ? p.policyDocument : p.policy;
                    if (doc !== undefined) inline(target, String((native ? p.policyName : p.name) ?? ""), doc);
                }
                for (const arn of (r.inputs.managedPolicyArns as unknown[] | undefined) ?? []) if (typeof arn === "string") attachManaged(target, arn);
                break;
            }
            case "aws:iam/rolePolicy:RolePolicy": {
                const name = roleKey(r.inputs.role);
                if (name) inline(role(name), String(out(r).name ?? r.inputs.name ?? r.name), r.inputs.policy, r);
                break;
            }
            case "aws-native:iam:RolePolicy": {
                const name = roleKey(r.inputs.roleName);
                if (name) inline(role(name), String(r.inputs.policyName ?? r.name), r.inputs.policyDocument, r);
                break;
            }
            case "aws:iam/rolePolicyAttachment:RolePolicyAttachment": {
                const name = roleKey(r.inputs.role);
                if (name && typeof r.inputs.policyArn === "string") attachManaged(role(name), r.inputs.policyArn);
                break;
            }
            case "aws:iam/policyAttachment:PolicyAttachment": {
                if (typeof r.inputs.policyArn !== "string") break;
                for (const x of (r.inputs.roles as unknown[] | undefined) ?? []) {
                    const name = roleKey(x);
                    if (name) attachManaged(role(name), r.inputs.policyArn);
                }
                break;
            }
            case "aws-native:iam:ManagedPolicy": {
                const arn = out(r).policyArn;
                for (const x of (r.inputs.roles as unknown[] | undefined) ?? []) {
                    const name = roleKey(x);
                    if (!name) continue;
                    if (typeof arn === "string") attachManaged(role(name), arn);
                    else role(name).policies.push(managedView(r));
                }
                break;
            }
        }
    }
    for (const r of roles.values()) {
        r.inlineSize = r.policies.filter((p) => p.kind === "inline").reduce((n, p) => n + (p.size ?? 0), 0);
        r.policies.sort((a, b) => (a.kind === b.kind ? byName(a, b) : a.kind < b.kind ? -1 : 1));
    }
    return [...roles.values()].sort(byName);
}
