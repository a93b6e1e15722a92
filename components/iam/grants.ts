/**
 * Grants: what the components call to give a role access. Each grant adds its statements to the role's
 * access set (`access-set.ts`), which merges every grant on the role and lays them out into the fewest
 * policies; the components only say what they grant.
 */
import * as pulumi from "@pulumi/pulumi";
import { invokeStatements, usageStatements, type AccessTarget } from "./access";
import { addToRoleAccess, type RolePolicyGrant } from "./access-set";
import type { Statement } from "./policy";
import { enforceGuardrailStatements, type GuardrailAccess } from "./statements/guardrail";
import { resolveRole, type RoleRef } from "./roles";
import { fail, type Where } from "../core/validation";
import { resourceKind, resourceName } from "../core/resource-name";

export { type RoleRef, resolveRole, type ResolvedRole } from "./roles";
export { type RolePolicyGrant } from "./access-set";

/** Options of a grant. */
export interface GrantOptions {
    /**
     * The component the grant is made for (default: the granted component). Its providers place what
     * depends on the caller's Region (a foundation model's ARN), and its aws provider carries the
     * policies of a role given by name or ARN. Policies on an `aws.iam.Role` always use the role's own
     * aws provider.
     */
    parent?: pulumi.Resource;
    /** The aws provider for the policies of a role given by name or ARN (default: the parent's). */
    provider?: pulumi.ProviderResource;
}

/**
 * A guardrail as an invoke grant sees it: a `Guardrail`, a version from its `createVersion`, or
 * `Guardrail.fromGuardrailAttributes(...)` (each is an `IGuardrail`, which extends this).
 */
export interface GuardrailGrantee {
    /** The statements applying the guardrail and the values naming it. Package-internal plumbing. @internal */
    guardrailAccess(): GuardrailAccess;
}

/** Options of an invoke grant (`grantInvoke` on models, profiles and routers). */
export interface InvokeGrantOptions extends GrantOptions {
    /**
     * A guardrail the role applies to its requests: the grant also allows `bedrock:ApplyGuardrail` on it
     * (and on its guardrail profile in the source and every destination Region, and `kms:Decrypt` on its
     * key), as `guardrail.grantApply(role)` does.
     */
    guardrail?: GuardrailGrantee;
    /**
     * With `guardrail`: allow invocation only when the request names this guardrail (its ARN for a
     * `Guardrail`'s `DRAFT`, `<arn>:<n>` for a version), through `bedrock:GuardrailIdentifier`: the
     * invoke statements are conditioned on it and a `Deny` refuses any other request on the same
     * resources, whatever else the role is allowed. Default false.
     */
    enforce?: boolean;
}

/** The statements of the guardrail options of an invoke grant added to `statements`; checks the options. */
function withGuardrail(where: Where, statements: Statement[], opts: InvokeGrantOptions): Statement[] {
    const { guardrail, enforce } = opts;
    if (enforce !== undefined && typeof enforce !== "boolean") fail(where, "opts.enforce", enforce, "must be a boolean");
    if (guardrail === undefined) {
        if (enforce) fail(where, "opts.enforce", enforce, "needs opts.guardrail: the guardrail requests must name");
        return statements;
    }
    if (guardrail === null || typeof guardrail !== "object" || typeof (guardrail as GuardrailGrantee).guardrailAccess !== "function") {
        fail(where, "opts.guardrail", guardrail, "must be a Guardrail, a version from createVersion, or Guardrail.fromGuardrailAttributes(...)");
    }
    const access = guardrail.guardrailAccess();
    return [...(enforce ? enforceGuardrailStatements(statements, access.identifiers) : statements), ...access.apply];
}

/** Anything a role can be granted access to. */
export interface Grantee {
    /**
     * How IAM sees the grantee (symbolic ARNs). `context.parent` is the component the access is for:
     * a foundation model's ARN is in the Region of that component's provider.
     */
    accessTarget(context?: AccessContext): AccessTarget;
    /** A name for the grantee in messages. */
    grantName(): string;
    /** The component that is the grantee, if it is one. */
    readonly grantParent?: pulumi.Resource;
}

/** Whom an access target is computed for: its provider's Region and account place a model's ARN. */
export interface AccessContext {
    /** The component (or resource) that uses the target. */
    parent?: pulumi.Resource;
}

/** Who a grant is made on, for messages: the component's type and name, or the value's kind and name. */
export function granteeWhere(grantee: object, name: string): Where {
    if (grantee instanceof pulumi.ComponentResource) {
        return { component: resourceKind(grantee) || grantee.constructor.name, name: resourceName(grantee) ?? name };
    }
    const kind = grantee.constructor?.name && grantee.constructor.name !== "Object" ? grantee.constructor.name.replace(/Reference$/, "") : "grant";
    const known = grantee as { inferenceProfileId?: unknown; modelId?: unknown };
    const label = typeof known.inferenceProfileId === "string" ? known.inferenceProfileId : typeof known.modelId === "string" ? known.modelId : name;
    return { component: kind, name: label };
}

/** A provider-carrying stand-in for "the component the grant is made for" when only a provider is given. */
function ownerOf(opts: GrantOptions, grantee: Grantee): pulumi.Resource | undefined {
    return opts.parent ?? grantee.grantParent;
}

function grant(kind: "invoke" | "usage", grantee: Grantee, role: RoleRef, opts: InvokeGrantOptions = {}): RolePolicyGrant {
    const where = granteeWhere(grantee, grantee.grantName());
    if (opts === null || typeof opts !== "object") fail(where, "opts", opts, "must be an object");
    const owner = ownerOf(opts, grantee);
    const resolved = resolveRole(role, kind === "invoke" ? "grantInvoke(role)" : "grantProfileUsage(role)", where, owner);
    if (opts.provider && !resolved.resource) resolved.provider = opts.provider;
    // A model's ARN is in the Region of the provider of the component the grant is made for.
    const target = grantee.accessTarget({ parent: owner });
    const statements = kind === "invoke" ? withGuardrail(where, invokeStatements(target), opts) : usageStatements(target);
    if (statements.length === 0) {
        fail(where, "grantProfileUsage(role)", resolved.key, "cannot be granted usage: a foundation model has no inference profile to read");
    }
    return addToRoleAccess(resolved, statements, where, owner);
}

/**
 * Grants `role` what it needs to run inference through `grantee` (see `invokeStatements`), with
 * `opts.guardrail` the guardrail's apply grant too, and with `opts.enforce` only for requests naming it.
 */
export function grantInvokeTo(grantee: Grantee, role: RoleRef, opts?: InvokeGrantOptions): RolePolicyGrant {
    return grant("invoke", grantee, role, opts);
}

/** Grants `role` `bedrock:GetInferenceProfile` on `grantee`'s profiles and `bedrock:ListInferenceProfiles`. */
export function grantUsageTo(grantee: Grantee, role: RoleRef, opts?: GrantOptions): RolePolicyGrant {
    // Stryker disable next-line StringLiteral: grant() tells the kinds apart by kind === "invoke" alone, so any other kind is the usage grant
    return grant("usage", grantee, role, opts);
}

/** Options of `grantStatements`. */
export interface StatementGrantOptions extends GrantOptions {
    /** Who grants, for error messages (component and name). */
    where: Where;
    /**
     * The argument that named the role, for error messages (default `role`). Given, it is the argument a
     * refusal of the role at deploy (a role ARN of another account) is attributed to, whichever grant on
     * the role came first.
     */
    argName?: string;
    /**
     * A label that lays these statements out in policies of their own (`<role>-bedrock-<label>`), apart
     * from the role's other grants: for statements whose values come from a resource that itself waits
     * for the role's policies (a harness's managed memory), which would otherwise wait on themselves.
     */
    detached?: string;
}

/**
 * Grants `role` symbolic `statements` (built by the pure builders of this folder) through the role's
 * access set. The result is usable as `dependsOn` as it is.
 */
export function grantStatements(role: RoleRef, statements: Statement[], opts: StatementGrantOptions): RolePolicyGrant {
    const resolved = resolveRole(role, opts.argName ?? "role", opts.where, opts.parent);
    if (opts.provider && !resolved.resource) resolved.provider = opts.provider;
    return addToRoleAccess(resolved, statements, opts.where, opts.parent, opts.detached, opts.argName);
}

/** One value that waits for every policy of all `grants`: pass it to `dependsOn`. */
export function allGrants(grants: RolePolicyGrant[]): RolePolicyGrant {
    // Grants of one batch share its Output: one batch needs no new Output.
    const distinct = [...new Set(grants)];
    if (distinct.length === 1) return distinct[0];
    return pulumi.all(distinct).apply((lists) => [...new Set(lists.flat())]);
}
