/**
 * Grants: IAM role policies that let a role use or invoke a profile, model or router.
 *
 * Each grant merges and sorts its statements (so the same program never shows a diff), measures
 * the document at its largest possible deployed size, and attaches it as an inline role policy while
 * the role's inline policies stay under IAM's 10,240-character limit, else as a managed policy.
 */
import * as pulumi from "@pulumi/pulumi";
import * as iam from "@pulumi/aws/iam";
import { invokeStatements, usageStatements, type AccessTarget } from "./access";
import { roleNameFromArn } from "./arns";
import { IAM_LIMITS, mergeStatements, parseStatements, policyJson, policySize, type Statement } from "./policy";
import { resolveSymbols } from "./symbols";
import { fail, type Where } from "./validation";

/** A role: an `aws.iam.Role`, a role name, or a role ARN. */
export type RoleRef = iam.Role | string;

/** What a grant attached: inline role policies, or managed policies with their attachments. */
export type RolePolicyGrant = pulumi.CustomResource[];

/** Options for the IAM resources a grant creates. */
export interface GrantOptions {
    /** Parent of the policies (default: the granted component, or the role when it is an `aws.iam.Role`). */
    parent?: pulumi.Resource;
    /** Provider for the policies (an `aws` provider). */
    provider?: pulumi.ProviderResource;
    /** Resources the policies depend on. */
    dependsOn?: pulumi.Input<pulumi.Resource>[];
}

/** Anything a role can be granted access to. */
export interface Grantee {
    /** How IAM sees the grantee (symbolic ARNs). */
    accessTarget(): AccessTarget;
    /** A name for the IAM resources a grant on this grantee creates (the component's name). */
    grantName(): string;
    /** The component owning grant resources, if the grantee is one. */
    readonly grantParent?: pulumi.Resource;
}

/** A role resolved to what IAM resources need. */
export interface ResolvedRole {
    /** A stable key for the role within the program. */
    key: string;
    /** The role's name, as an input for `aws.iam.RolePolicy.role`. */
    name: pulumi.Input<string>;
    /** The role resource, when given as one. */
    resource?: iam.Role;
}

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/**
 * Resolves a role given as an `aws.iam.Role`, a name or an ARN. Otherwise throws
 * `<who>: <argName> <value> <rule>` (`who` is the component or value the grant is made on).
 */
export function resolveRole(role: RoleRef, argName = "role", where: Where = { component: "grant" }): ResolvedRole {
    if (typeof role === "string") {
        if (role.startsWith("arn:")) {
            const name = roleNameFromArn(role);
            if (!name) fail(where, argName, role, "is not an IAM role ARN (arn:<partition>:iam::<account>:role/<name>)");
            return { key: name, name };
        }
        if (!ROLE_NAME.test(role)) {
            fail(where, argName, role, "is not an IAM role name (1-64 characters of letters, digits and +=,.@_-) or role ARN");
        }
        return { key: role, name: role };
    }
    if (role && iam.Role.isInstance(role)) {
        const key = (role as unknown as { __name?: string }).__name ?? "role";
        return { key, name: role.name, resource: role };
    }
    return fail(
        where,
        argName,
        pulumi.Output.isInstance(role) ? "<output>" : role,
        pulumi.Output.isInstance(role)
            ? "must be an aws.iam.Role, a role name or a role ARN (pass the aws.iam.Role itself rather than an Output)"
            : "must be an aws.iam.Role, a role name or a role ARN",
    );
}

/** Who a grant is made on, for messages: the component's type and name, or the value's kind and name. */
export function granteeWhere(grantee: object, name: string): Where {
    if (grantee instanceof pulumi.ComponentResource) {
        const type = (grantee as unknown as { __pulumiType?: string }).__pulumiType ?? "";
        return { component: type.split(":").pop() || grantee.constructor.name, name: (grantee as unknown as { __name?: string }).__name ?? name };
    }
    const kind = grantee.constructor?.name && grantee.constructor.name !== "Object" ? grantee.constructor.name.replace(/Reference$/, "") : "grant";
    const known = grantee as { inferenceProfileId?: unknown; modelId?: unknown };
    const label = typeof known.inferenceProfileId === "string" ? known.inferenceProfileId : typeof known.modelId === "string" ? known.modelId : name;
    return { component: kind, name: label };
}

interface ProgramState {
    /** Characters of inline policy each role already carries from this package's grants. */
    inlineUsed: Map<string, number>;
    /** Grants already made, so that granting twice returns the same resources. */
    grants: Map<string, RolePolicyGrant>;
}

const states = new WeakMap<object, ProgramState>();
const processKey = {};

function programState(): ProgramState {
    const k = (pulumi.runtime.getMonitor() as object | undefined) ?? processKey;
    let s = states.get(k);
    if (!s) {
        s = { inlineUsed: new Map(), grants: new Map() };
        states.set(k, s);
    }
    return s;
}

/** Characters of inline policy this package has attached to the role with `key` so far. */
export function inlineCharactersUsed(roleKey: string): number {
    return programState().inlineUsed.get(roleKey) ?? 0;
}

/** Records that `chars` more characters of inline policy were attached to the role with `key`. */
export function recordInlineCharacters(roleKey: string, chars: number): void {
    const s = programState();
    s.inlineUsed.set(roleKey, (s.inlineUsed.get(roleKey) ?? 0) + chars);
}

/** Renders symbolic statements as the deployed policy JSON (an Output while values are unknown). */
export function renderPolicy(statements: Statement[]): pulumi.Output<string> {
    return resolveSymbols(policyJson(statements), true).apply(canonicalizeDeployed);
}

/** Re-merges and re-sorts a deployed document: placeholders sort by label, values by value. */
function canonicalizeDeployed(json: string): string {
    const doc = JSON.parse(json) as { Statement: Record<string, unknown>[] };
    return policyJson(mergeStatements(parseStatements(doc)));
}

/**
 * Attaches `statements` to `role` as one policy named after `name`: inline while the role's inline
 * total stays within IAM's limit, otherwise a managed policy and its attachment.
 */
export function attachPolicy(name: string, role: ResolvedRole, statements: Statement[], opts: GrantOptions & { description?: string } = {}): RolePolicyGrant {
    const merged = mergeStatements(statements);
    const size = policySize(merged);
    const resourceOpts: pulumi.CustomResourceOptions = {
        parent: opts.parent ?? role.resource,
        provider: opts.provider,
        dependsOn: opts.dependsOn,
    };
    const policy = renderPolicy(merged);
    if (inlineCharactersUsed(role.key) + size <= IAM_LIMITS.inlinePerRole) {
        recordInlineCharacters(role.key, size);
        return [new iam.RolePolicy(name, { role: role.name, policy }, resourceOpts)];
    }
    if (size > IAM_LIMITS.managedPolicy) {
        throw new Error(
            `${name}: the policy can reach ${size} characters, over IAM's ${IAM_LIMITS.managedPolicy}-character limit for a managed policy; grant through a ModelAccessPolicy, which splits large grants.`,
        );
    }
    const managed = new iam.Policy(name, { policy, description: opts.description }, resourceOpts);
    const attachment = new iam.RolePolicyAttachment(name, { role: role.name, policyArn: managed.arn }, resourceOpts);
    return [managed, attachment];
}

function grant(kind: "invoke" | "usage", grantee: Grantee, role: RoleRef, opts: GrantOptions = {}): RolePolicyGrant {
    const resolved = resolveRole(role, kind === "invoke" ? "grantInvoke(role)" : "grantProfileUsage(role)", granteeWhere(grantee, grantee.grantName()));
    const target = grantee.accessTarget();
    const statements = kind === "invoke" ? invokeStatements(target) : usageStatements(target);
    const name = `${grantee.grantName()}-${kind}-${resolved.key}`;
    const state = programState();
    const previous = state.grants.get(name);
    if (previous) return previous;
    const made = attachPolicy(name, resolved, statements, {
        ...opts,
        parent: opts.parent ?? grantee.grantParent ?? resolved.resource,
        description: `${kind === "invoke" ? "Invoke" : "Use"} ${grantee.grantName()} (pulumi-bedrock-genai)`,
    });
    state.grants.set(name, made);
    return made;
}

/** Grants `role` what it needs to run inference through `grantee` (see `invokeStatements`). */
export function grantInvokeTo(grantee: Grantee, role: RoleRef, opts?: GrantOptions): RolePolicyGrant {
    return grant("invoke", grantee, role, opts);
}

/** Grants `role` `bedrock:GetInferenceProfile` on `grantee`'s profiles and `bedrock:ListInferenceProfiles`. */
export function grantUsageTo(grantee: Grantee, role: RoleRef, opts?: GrantOptions): RolePolicyGrant {
    return grant("usage", grantee, role, opts);
}
