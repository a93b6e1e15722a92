/**
 * Roles as grants see them: an `aws.iam.Role`, a role name, or a role ARN, resolved to one identity per
 * role within a program, and the aws provider its policies belong to.
 *
 * - A role resource is identified by the resource; a role given by name (or ARN) by its name and the
 *   aws provider of the component that grants it. A name that equals the explicit `name` of a role
 *   resource registered in the program is that role (seen through a stack transformation, which the
 *   Pulumi runtime applies synchronously in every resource's constructor:
 *   `@pulumi/pulumi/resource.js`, "if there are transformations registered, invoke them").
 * - Policies on a role resource are its children: a child inherits its parent's providers map, so they
 *   use the role's aws provider (`@pulumi/pulumi/resource.js`: `this.__providers = parent.__providers`,
 *   then `opts.provider = this.__providers[pkg]`). A role given by name or ARN uses the granting
 *   component's aws provider.
 */
import * as pulumi from "@pulumi/pulumi";
import * as iam from "@pulumi/aws/iam";
import { iamRoleArn, parseArn, roleNameFromArn } from "../catalog/arns";
import type { CallerContext } from "../core/context";
import { perProgram } from "../core/program-state";
import { fail, show, type Where } from "../core/validation";
import { resourceName } from "../core/resource-name";

/** A role: an `aws.iam.Role`, a role name, or a role ARN (of the caller's account and partition). */
export type RoleRef = iam.Role | string;

/** IAM role names: 1-64 characters of letters, digits and `+=,.@_-` (IAM `CreateRole`). */
export const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** A role resolved to what its access set needs. */
export interface ResolvedRole {
    /** The role's part of the names of the policies granted to it (its Pulumi name, or its IAM name). */
    key: string;
    /** The role's identity in the program: one access set per identity. */
    id: string;
    /** The role's name, as an input for `aws.iam.RolePolicy.role`. */
    name: pulumi.Input<string>;
    /** The role resource, when there is one (given, or registered with the name given). */
    resource?: iam.Role;
    /** The aws provider for the role's policies (undefined: the role's own, or the default provider). */
    provider?: pulumi.ProviderResource;
    /** The ARN the role was given as, checked against the caller's account and partition at deploy. */
    arn?: string;
    /** Managed policies the role resource declares itself (`managedPolicyArns`), when known. */
    ownManagedPolicies: number;
}

interface RoleState {
    /** Explicit names of role resources registered in this program, and their managed policy counts. */
    byResource: WeakMap<iam.Role, { name?: string; managed: number }>;
    /** Role resources by explicit name (their providers are read when a name is looked up). */
    byName: Map<string, iam.Role[]>;
    /** Identities of objects (roles, providers). */
    ids: WeakMap<object, string>;
    /** Role resources already resolved: one resolution per role object, however many grants name it. */
    resolved: WeakMap<iam.Role, ResolvedRole>;
    nextId: number;
    observing: boolean;
}

const state = perProgram<RoleState>(() => ({
    byResource: new WeakMap(),
    byName: new Map(),
    ids: new WeakMap(),
    resolved: new WeakMap(),
    nextId: 0,
    observing: false,
}));

/** An identity for `o` within the program (never part of a resource name). */
export function objectId(o: object): string {
    const s = state();
    let id = s.ids.get(o);
    if (id === undefined) {
        // Stryker disable next-line UpdateOperator: only distinctness and the relative order of ids matter (access-set sorts role ids as strings); "#-1", "#-2", ... are as distinct and sort as "#1", "#2", ... do
        id = `#${++s.nextId}`;
        s.ids.set(o, id);
    }
    return id;
}

function providerKey(provider: pulumi.ProviderResource | undefined): string {
    // Stryker disable next-line StringLiteral: the key only has to differ from objectId's "#<n>", as "" does; it changes only the order of laying out a role name on the default provider against the same name on another provider, whose policies have different names
    return provider ? objectId(provider) : "default";
}

/** The aws provider a role resource's children use (its own, or inherited), undefined for the default. */
function roleProvider(role: iam.Role): pulumi.ProviderResource | undefined {
    return role.getProvider("aws:iam/rolePolicy:RolePolicy");
}

/**
 * Starts recording role resources' explicit names (a stack transformation that changes nothing), once
 * per program, when the program has a root stack (a Pulumi deployment has one before the program runs;
 * unit tests under mocks may create one with `pulumi.runtime.runInPulumiStack`).
 */
export function observeRoles(): void {
    const s = state();
    // No root stack yet (a program under plain mocks): roles are identified by resource and by name only,
    // until a root stack exists (the testing helper's `runProgram` creates one).
    if (s.observing || pulumi.runtime.getStackResource() === undefined) return;
    pulumi.runtime.registerStackTransformation((args) => {
        if (args.type === "aws:iam/role:Role") recordRole(args.resource as iam.Role, args.props as Record<string, unknown>);
        return undefined;
    });
    s.observing = true;
}

/** Records a role resource's explicit name and its own managed policies (`managedPolicyArns`). */
export function recordRole(role: iam.Role, props: Record<string, unknown>): void {
    const s = state();
    const name = typeof props.name === "string" ? props.name : undefined;
    const managed = Array.isArray(props.managedPolicyArns) ? props.managedPolicyArns.length : 0;
    s.byResource.set(role, { name, managed });
    // The role's providers are set after transformations run: read them when a name is looked up.
    // Stryker disable next-line ConditionalExpression: an unnamed role filed under the key undefined is never looked up (resolveRole looks up string names only)
    if (name !== undefined) s.byName.set(name, [...(s.byName.get(name) ?? []), role]);
}

// In a deployment the root stack exists before the program's modules load: observe from the start.
observeRoles();

/**
 * Resolves a role given as an `aws.iam.Role`, a name or an ARN, for a grant made by `owner` (whose aws
 * provider serves a role given by name or ARN). Otherwise throws `<who>: <argName> <value> <rule>`.
 */
// Stryker disable next-line StringLiteral,ObjectLiteral: the defaults only name the argument and the component in refusals, and the callers that omit them never show one (Agent resolves the role it creates, and replaces the refusal of its existingRole with its own)
export function resolveRole(role: RoleRef, argName = "role", where: Where = { component: "grant" }, owner?: pulumi.Resource): ResolvedRole {
    observeRoles();
    const s = state();
    if (typeof role === "string") {
        let name = role;
        let arn: string | undefined;
        if (role.startsWith("arn:")) {
            // roleNameFromArn matches arn:<partition>:iam::<12 digits>:role/...: an IAM ARN of an account.
            const fromArn = roleNameFromArn(role);
            if (!fromArn) {
                fail(where, argName, role, "is not an IAM role ARN (arn:<partition>:iam::<account>:role/<name>)");
            }
            name = fromArn;
            arn = role;
        } else if (!ROLE_NAME.test(role)) {
            fail(where, argName, role, "is not an IAM role name (1-64 characters of letters, digits and +=,.@_-) or role ARN");
        }
        const provider = owner?.getProvider("aws:iam/rolePolicy:RolePolicy");
        const registered = (s.byName.get(name) ?? []).find((r) => providerKey(roleProvider(r)) === providerKey(provider));
        if (registered) return fromResource(registered, arn);
        return { key: name, id: `name:${name}@${providerKey(provider)}`, name, provider, arn, ownManagedPolicies: 0 };
    }
    if (role && iam.Role.isInstance(role)) {
        // What a role resource resolves to is fixed once it is constructed (its name, provider and own
        // managed policies were recorded then): frozen, since every grant on the role shares it.
        let resolved = s.resolved.get(role);
        if (!resolved) {
            resolved = Object.freeze(fromResource(role));
            s.resolved.set(role, resolved);
        }
        return resolved;
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

function fromResource(role: iam.Role, arn?: string): ResolvedRole {
    const known = state().byResource.get(role);
    // A resource always has its Pulumi name.
    const key = resourceName(role) as string;
    const provider = roleProvider(role);
    // A role with an explicit name is the same role as that name: one identity for both.
    const id = known?.name !== undefined ? `name:${known.name}@${providerKey(provider)}` : `resource:${objectId(role)}`;
    return { key, id, name: role.name, resource: role, provider, arn, ownManagedPolicies: known?.managed ?? 0 };
}

/**
 * The check of a role ARN against the caller's account and partition: an identity policy cannot be
 * attached to a role of another account, and a same-named role here is not that role. Returns the
 * message for a mismatch, else undefined.
 */
export function foreignRoleMessage(where: Where, argName: string, arn: string, account: string, partition: string): string | undefined {
    const parsed = parseArn(arn);
    if (!parsed) return undefined;
    if (parsed.account === account && parsed.partition === partition) return undefined;
    const who = where.name !== undefined ? `${where.component} "${where.name}"` : where.component;
    return `${who}: ${argName} ${show(arn)} is a role of account ${parsed.account} in partition ${parsed.partition}, but the caller is account ${account} in partition ${partition}: an identity policy can only be attached to a role of the caller's own account; grant that role from a program deployed to its account`;
}

/**
 * The ARN of a role given to a component: the resource's ARN, the ARN given, or for a name the ARN of a
 * role without a path in the caller's account (a role under a path must come as its ARN or resource).
 */
export function roleArnOf(role: ResolvedRole, given: RoleRef, ctx: CallerContext): pulumi.Output<string> {
    if (role.resource !== undefined) return role.resource.arn;
    if (typeof given === "string" && given.startsWith("arn:")) return pulumi.output(given);
    return pulumi.all([ctx.partition, ctx.account]).apply(([partition, account]) => iamRoleArn(partition, account, role.name as string));
}
