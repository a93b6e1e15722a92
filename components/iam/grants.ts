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
import { roleNameFromArn } from "../catalog/arns";
import { IAM_LIMITS, mergeStatements, parseStatements, policyJson, policySize, sortStatements, type Statement } from "./policy";
import { perProgram } from "../core/program-state";
import { resolveSymbols } from "../core/symbols";
import { fail, type Where } from "../core/validation";

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
    /**
     * How IAM sees the grantee (symbolic ARNs). `context.parent` is the component the access is for:
     * a foundation model's ARN is in the Region of that component's provider.
     */
    accessTarget(context?: AccessContext): AccessTarget;
    /** A name for the IAM resources a grant on this grantee creates (the component's name). */
    grantName(): string;
    /** The component owning grant resources, if the grantee is one. */
    readonly grantParent?: pulumi.Resource;
}

/** Whom an access target is computed for: its provider's Region and account place a model's ARN. */
export interface AccessContext {
    /** The component (or resource) that uses the target. */
    parent?: pulumi.Resource;
}

/** A role resolved to what IAM resources need. */
export interface ResolvedRole {
    /** The role's part of the names of the IAM resources granted to it (its Pulumi name, or its IAM name). */
    key: string;
    /**
     * The role's identity within the program, for bookkeeping (inline budget, managed policy count,
     * grants already made): the `aws.iam.Role` object itself, or its IAM name when given as a string.
     */
    id: string;
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
            return { key: name, id: `name:${name}`, name };
        }
        if (!ROLE_NAME.test(role)) {
            fail(where, argName, role, "is not an IAM role name (1-64 characters of letters, digits and +=,.@_-) or role ARN");
        }
        return { key: role, id: `name:${role}`, name: role };
    }
    if (role && iam.Role.isInstance(role)) {
        const key = (role as unknown as { __name?: string }).__name ?? "role";
        return { key, id: objectId(role), name: role.name, resource: role };
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
    /** Characters of inline policy each role (by `ResolvedRole.id`) carries from this package. */
    inlineUsed: Map<string, number>;
    /** Managed policies this package attached to each role (by `ResolvedRole.id`). */
    managedUsed: Map<string, number>;
    /** Grants already made (by grantee, kind, role and parent), so that granting twice returns the same resources. */
    grants: Map<string, RolePolicyGrant>;
    /** Pulumi names of grant resources taken under each parent, so different grants never share one. */
    names: Map<string, Set<string>>;
    /** Identities of objects (roles, parents) for the keys above. */
    ids: WeakMap<object, string>;
    nextId: number;
    sequences: Map<string, number>;
}

const programState = perProgram<ProgramState>(() => ({
    inlineUsed: new Map(),
    managedUsed: new Map(),
    grants: new Map(),
    names: new Map(),
    ids: new WeakMap(),
    nextId: 0,
    sequences: new Map(),
}));

/** An identity for `o` within the program (never part of a resource name). */
function objectId(o: object): string {
    const s = programState();
    let id = s.ids.get(o);
    if (id === undefined) {
        id = `object#${++s.nextId}`;
        s.ids.set(o, id);
    }
    return id;
}

/** The next number (1, 2, ...) of the sequence `kind` in this program evaluation. */
export function programSequence(kind: string): number {
    const s = programState();
    const next = (s.sequences.get(kind) ?? 0) + 1;
    s.sequences.set(kind, next);
    return next;
}

/** Characters of inline policy this package has attached to `role` so far. */
export function inlineCharactersUsed(role: ResolvedRole): number {
    return programState().inlineUsed.get(role.id) ?? 0;
}

/** Records that `chars` more characters of inline policy were attached to `role`. */
export function recordInlineCharacters(role: ResolvedRole, chars: number): void {
    const s = programState();
    s.inlineUsed.set(role.id, (s.inlineUsed.get(role.id) ?? 0) + chars);
}

/** Managed policies this package has attached to `role` so far. */
export function managedPoliciesUsed(role: ResolvedRole): number {
    return programState().managedUsed.get(role.id) ?? 0;
}

/** Records that `count` more managed policies were attached to `role`. */
export function recordManagedPolicies(role: ResolvedRole, count: number): void {
    const s = programState();
    s.managedUsed.set(role.id, (s.managedUsed.get(role.id) ?? 0) + count);
}

/**
 * Refuses (past IAM's maximum of 20) or warns about (past the default quota of 10) `adding` more
 * managed policies on `role`, counting those this package attached before.
 */
export function checkManagedPolicyCount(where: Where, role: ResolvedRole, adding: number, warnOn?: pulumi.Resource): void {
    const total = managedPoliciesUsed(role) + adding;
    if (adding > 0 && total > IAM_LIMITS.managedPerRoleMax) {
        fail(
            where,
            "role",
            role.key,
            `would carry ${total} managed policies from this package, over IAM's maximum of ${IAM_LIMITS.managedPerRoleMax} per role: grant many targets through one ModelAccessPolicy, or spread them over several roles`,
        );
    }
    if (adding > 0 && total > IAM_LIMITS.managedPerRoleDefault && managedPoliciesUsed(role) <= IAM_LIMITS.managedPerRoleDefault) {
        pulumi.log.warn(
            `${where.name !== undefined ? `${where.component} "${where.name}"` : where.component}: role ${JSON.stringify(role.key)} carries ${total} managed policies from this package, over IAM's default quota of ${IAM_LIMITS.managedPerRoleDefault} per role; the deploy fails unless the account's quota is raised (at most ${IAM_LIMITS.managedPerRoleMax})`,
            warnOn,
        );
    }
}

/** Renders symbolic statements as the deployed policy JSON (an Output while values are unknown). */
export function renderPolicy(statements: Statement[]): pulumi.Output<string> {
    return resolveSymbols(policyJson(statements), true).apply(canonicalizeDeployed);
}

/**
 * Sorts a deployed document (placeholders were sorted by label, values sort by value) and drops
 * statements that became identical. Nothing is merged again: the document never outgrows the size
 * measured before deploy.
 */
function canonicalizeDeployed(json: string): string {
    const doc = JSON.parse(json) as { Statement: Record<string, unknown>[] };
    const seen = new Set<string>();
    const unique = parseStatements(doc).filter((st) => {
        const k = JSON.stringify(st);
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
    });
    return policyJson(sortStatements(unique));
}

/**
 * Attaches `statements` to `role` as one policy named after `name`: inline while the role's inline
 * total stays within IAM's limit, otherwise a managed policy and its attachment (refused past IAM's
 * 20 managed policies per role, with a warning past the default quota of 10).
 */
export function attachPolicy(
    name: string,
    role: ResolvedRole,
    statements: Statement[],
    opts: GrantOptions & { description?: string; where?: Where } = {},
): RolePolicyGrant {
    const merged = mergeStatements(statements);
    const size = policySize(merged);
    const resourceOpts: pulumi.CustomResourceOptions = {
        parent: opts.parent ?? role.resource,
        provider: opts.provider,
        dependsOn: opts.dependsOn,
    };
    const where = opts.where ?? { component: "grant", name };
    if (inlineCharactersUsed(role) + size <= IAM_LIMITS.inlinePerRole) {
        const policy = renderPolicy(merged);
        recordInlineCharacters(role, size);
        return [new iam.RolePolicy(name, { role: role.name, policy }, resourceOpts)];
    }
    if (size > IAM_LIMITS.managedPolicy) {
        fail(
            where,
            "role",
            role.key,
            `would get a policy of up to ${size} characters, over IAM's ${IAM_LIMITS.managedPolicy}-character limit for a managed policy (its inline policies are full): grant through a ModelAccessPolicy, which splits large grants`,
        );
    }
    checkManagedPolicyCount(where, role, 1, opts.parent ?? role.resource);
    recordManagedPolicies(role, 1);
    const policy = renderPolicy(merged);
    const managed = new iam.Policy(name, { policy, description: opts.description }, resourceOpts);
    const attachment = new iam.RolePolicyAttachment(name, { role: role.name, policyArn: managed.arn }, resourceOpts);
    return [managed, attachment];
}

/**
 * A Pulumi name for a grant resource under `parent` that no other grant uses: `base`, or `base-2`,
 * `base-3`... when a different grant (another role with the same name part) took it first.
 */
function uniqueName(parent: pulumi.Resource | undefined, base: string): string {
    const s = programState();
    const parentKey = parent ? objectId(parent) : "root";
    let taken = s.names.get(parentKey);
    if (!taken) {
        taken = new Set();
        s.names.set(parentKey, taken);
    }
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    return name;
}

function grant(kind: "invoke" | "usage", grantee: Grantee, role: RoleRef, opts: GrantOptions = {}): RolePolicyGrant {
    const where = granteeWhere(grantee, grantee.grantName());
    const resolved = resolveRole(role, kind === "invoke" ? "grantInvoke(role)" : "grantProfileUsage(role)", where);
    const parent = opts.parent ?? grantee.grantParent ?? resolved.resource;
    const state = programState();
    const key = `${kind}|${grantee.grantName()}|${resolved.id}|${parent ? objectId(parent) : "root"}`;
    const previous = state.grants.get(key);
    if (previous) return previous;
    // A model's ARN is in the Region of the provider of the component the grant is made for.
    const target = grantee.accessTarget({ parent });
    const statements = kind === "invoke" ? invokeStatements(target) : usageStatements(target);
    const name = uniqueName(parent, `${grantee.grantName()}-${kind}-${resolved.key}`);
    const made = attachPolicy(name, resolved, statements, {
        ...opts,
        parent,
        where,
        description: `${kind === "invoke" ? "Invoke" : "Use"} ${grantee.grantName()} (pulumi-bedrock-genai)`,
    });
    state.grants.set(key, made);
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

/** Options of `grantStatements`. */
export interface StatementGrantOptions extends GrantOptions {
    /** Who grants, for error messages (component and name). */
    where: Where;
    /** A stable name for what is granted (e.g. `${componentName}-access`); part of the policy names. */
    name: string;
    /** The argument that named the role, for error messages (default `role`). */
    argName?: string;
    /** A description for a managed policy, if one is needed. */
    description?: string;
}

/**
 * Grants `role` arbitrary symbolic `statements` (built by the pure builders in `access.ts`) through the
 * role's access set. The result is usable as `dependsOn` as it is (do not spread or index it).
 */
export function grantStatements(role: RoleRef, statements: Statement[], opts: StatementGrantOptions): RolePolicyGrant {
    const resolved = resolveRole(role, opts.argName ?? "role", opts.where);
    const parent = opts.parent ?? resolved.resource;
    const name = uniqueName(parent, `${opts.name}-${resolved.key}`);
    return attachPolicy(name, resolved, statements, { ...opts, parent, where: opts.where });
}

/** One value that waits for every policy of all `grants`: pass it to `dependsOn`. */
export function allGrants(grants: RolePolicyGrant[]): RolePolicyGrant {
    return [...new Set(grants.flat())];
}
