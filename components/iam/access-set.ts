/**
 * One access set per role: every grant the package makes on a role adds statements to the role's set;
 * the set is merged and laid out into the fewest policies (one inline role policy within what is left
 * of IAM's 10,240 characters per role, then managed policies of at most 6,144 characters each) and
 * registered as IAM resources on the role's own aws provider.
 *
 * When: grants made while the program's body runs synchronously form one batch. The first grant of a
 * batch schedules its layout for the next macrotask (`setImmediate`), after every synchronous grant and
 * every microtask of the body, and holds the Pulumi runtime open until then (`rpcKeepAlive`: the
 * runtime waits for every kept-alive call before it disconnects, `@pulumi/pulumi/runtime/settings.js`
 * `waitForRPCs`). The policies are registered then, outside any `apply`, with documents that depend
 * only on the set of statements (merged and sorted), never on the order of the grants. A grant made
 * later (inside an `apply`, after an `await`) opens a new batch with its own policies, said once per
 * role. What a grant returns is an Output of the batch's IAM resources: Pulumi's `dependsOn` awaits an
 * Output and depends on the resources it resolves to (`@pulumi/pulumi/runtime/dependsOn.js`
 * `gatherExplicitDependencies`), so a resource waits for every policy that carries the grant.
 *
 * Sizes are measured on symbolic documents (placeholders at their maximum length; application profile
 * ids at the 12 characters AWS returns), so the layout is known before deploy and the same under
 * `pulumi preview`. At deploy each document is measured again and refused with a clear message if a
 * value turned out longer than it was sized at.
 */
import * as crypto from "crypto";
import * as pulumi from "@pulumi/pulumi";
import * as iam from "@pulumi/aws/iam";
import { callerContext, configuredAwsRegion } from "../core/context";
import { partitionOfRegion } from "../catalog/geographies";
import { perProgram } from "../core/program-state";
import { resolveSymbols } from "../core/symbols";
import { BedrockValidationError, type Where } from "../core/validation";
import { IAM_LIMITS, layoutPolicies, mergeStatements, parseStatements, policyJson, policySize, sortStatements, type Statement } from "./policy";
import { foreignRoleMessage, objectId, type ResolvedRole } from "./roles";
import { knownInPreview } from "../core/dry-run";
import { resourceName } from "../core/resource-name";

/** What a grant returns: the IAM resources of the batch that carries its statements; use it in `dependsOn`. */
export type RolePolicyGrant = pulumi.Output<pulumi.Resource[]>;

/** The figures of one batch's layout, known before deploy. */
export interface AccessLayout {
    /** The role's name part of the policies' names. */
    role: string;
    /** 1 for the grants made while the program's body runs, 2... for later batches. */
    batch: number;
    /** Statements across the batch's policies (a statement split across two policies counts twice). */
    statements: number;
    /** Largest deployed size of the inline policy, 0 when there is none. */
    inlineCharacters: number;
    /** Largest deployed size of each managed policy, in order. */
    managedCharacters: number[];
    /** What was left of the role's inline budget for this batch. */
    inlineBudget: number;
    /** Managed policies on the role after this batch: its own `managedPolicyArns`, earlier batches, this one. */
    managedPoliciesOnRole: number;
}

/** The IAM resources of one batch. */
export interface AccessResources {
    /** The inline role policy, when anything fits the role's inline budget. */
    inline?: iam.RolePolicy;
    /** The managed policies, in layout order. */
    managed: iam.Policy[];
    /** Their attachments to the role. */
    attachments: iam.RolePolicyAttachment[];
    /** The layout's figures. */
    layout: AccessLayout;
}

/** A grant's statements and who made it. */
interface Contribution {
    statements: Statement[];
    where: Where;
    /** The component the grant was made for: its aws-native provider's account checks a role ARN. */
    owner?: pulumi.Resource;
    /**
     * The argument that named the role, when the component that granted was given it as one of its own
     * (`AgentHarness.executionRole`, `Agent.existingRole`): a refusal of the role is that argument's.
     */
    roleArgument?: string;
}

interface Batch {
    number: number;
    /** The label of a detached batch (its own policies), undefined for the role's main batches. */
    label?: string;
    contributions: Map<string, Contribution>;
    resolve: (r: AccessResources) => void;
    reject: (e: unknown) => void;
    resources: pulumi.Output<pulumi.Resource[]>;
    details: Promise<AccessResources>;
}

interface RoleSet {
    role: ResolvedRole;
    /** Grants already laid out (by their merged statements), and the batch that carries each. */
    laidOut: Map<string, Batch>;
    /** Roles given by ARN, with who gave them, for the deploy-time account check. */
    arns: Map<string, Omit<Contribution, "statements">>;
    batches: number;
    open?: Batch;
    inlineUsed: number;
    managedUsed: number;
    warnedQuota: boolean;
    saidLate: boolean;
    /** Provider contexts whose partition was compared with the role's. */
    partitionChecked: Set<object>;
    /** Open detached batches, by label. */
    detached: Map<string, Batch>;
}

interface State {
    sets: Map<string, RoleSet>;
    scheduled: boolean;
    keepAlive?: () => void;
    /** Whether the program's first batch was laid out (later grants open new batches). */
    firstFlushDone: boolean;
    names: Set<string>;
}

const programState = perProgram<State>(() => ({ sets: new Map(), scheduled: false, firstFlushDone: false, names: new Set() }));

/** The longest Pulumi name a policy may have: IAM allows 128 characters, and Pulumi's autoname appends 8. */
export const MAX_POLICY_RESOURCE_NAME = 128 - 8;

/** `base` within `max` characters: as it is, or cut with a short hash of the whole, so names stay distinct. */
export function boundedName(base: string, max = MAX_POLICY_RESOURCE_NAME): string {
    if (base.length <= max) return base;
    const hash = crypto.createHash("sha256").update(base).digest("hex").slice(0, 8);
    return `${base.slice(0, max - hash.length - 1)}-${hash}`;
}

/** The role's part of its policies' names: its key, and the provider's name for a role given by name on a non-default provider. */
function roleLabel(set: RoleSet): string {
    const r = set.role;
    if (r.resource || !r.provider) return r.key;
    // A provider resource always has its Pulumi name.
    return `${r.key}-${resourceName(r.provider) as string}`;
}

/**
 * Adds `statements` to `role`'s access set: they are merged with every other grant on the role and laid
 * out when the current batch closes. `where` names who grants (for messages), `owner` the component the
 * grant is made for.
 */
export function addToRoleAccess(
    role: ResolvedRole,
    statements: Statement[],
    where: Where,
    owner?: pulumi.Resource,
    detached?: string,
    roleArgument?: string,
): RolePolicyGrant {
    return openBatch(role, statements, where, owner, detached, roleArgument).resources;
}

/** Like `addToRoleAccess`, returning the batch's resources and layout once laid out. */
export function addToRoleAccessDetailed(role: ResolvedRole, statements: Statement[], where: Where, owner?: pulumi.Resource): Promise<AccessResources> {
    return openBatch(role, statements, where, owner).details;
}

/**
 * `detached`: a label for statements whose values come from a resource that itself waits for the role's
 * policies (a harness's managed memory ARN): they are laid out in policies of their own, named with the
 * label, after the role's main batch and within what it left of the role's budget, so nothing waits on
 * itself.
 */
function openBatch(role: ResolvedRole, statements: Statement[], where: Where, owner?: pulumi.Resource, detached?: string, roleArgument?: string): Batch {
    const s = programState();
    let set = s.sets.get(role.id);
    if (!set) {
        set = {
            role: { ...role },
            laidOut: new Map(),
            arns: new Map(),
            batches: 0,
            inlineUsed: 0,
            managedUsed: 0,
            warnedQuota: false,
            saidLate: false,
            partitionChecked: new Set(),
            detached: new Map(),
        };
        s.sets.set(role.id, set);
    } else {
        // The same role seen through its resource and through its name: keep the resource and the most
        // managed policies it declares.
        // Stryker disable next-line LogicalOperator: with both resources (one identity: the same role) or neither, the copy holds the same values
        if (!set.role.resource && role.resource) set.role = { ...set.role, resource: role.resource, name: role.name, key: role.key, provider: role.provider };
        set.role.ownManagedPolicies = Math.max(set.role.ownManagedPolicies, role.ownManagedPolicies);
    }
    // Who gave a role ARN, for its deploy-time check: the first grant, or the first that named it as an
    // argument of its own (the grants a component makes on its role's behalf come first or not).
    // Without an ARN the lookup finds nothing (and the test below stops at role.arn).
    const given = set.arns.get(role.arn as string);
    if (role.arn && (!given || (roleArgument !== undefined && given.roleArgument === undefined))) {
        set.arns.set(role.arn, { where, owner, roleArgument });
    }
    // Granted before, in a batch already laid out: that batch carries it.
    // The builders are deterministic: the same grant gives the same statements, so their text is its key.
    const key = JSON.stringify(statements);
    const earlier = set.laidOut.get(key);
    if (earlier) return earlier;
    if (detached !== undefined) {
        let batch = set.detached.get(detached);
        if (!batch) {
            batch = newBatch(set.batches, detached);
            set.detached.set(detached, batch);
            schedule();
        }
        if (!batch.contributions.has(key)) batch.contributions.set(key, { statements, where, owner });
        return batch;
    }
    if (!set.open) {
        set.batches += 1;
        if (s.firstFlushDone && set.batches > 1 && !set.saidLate) {
            set.saidLate = true;
            pulumi.log.info(
                `role ${JSON.stringify(set.role.key)}: grants made after the program's body ran (inside an apply or after an await) open batch ${set.batches} of its Bedrock policies, laid out apart from the first; make grants at the top level of the program to share one layout`,
                set.role.resource,
            );
        }
        set.open = newBatch(set.batches);
        schedule();
    }
    if (!set.open.contributions.has(key)) set.open.contributions.set(key, { statements, where, owner });
    checkPartitions(set, where, owner);
    return set.open;
}

function newBatch(number: number, label?: string): Batch {
    let resolve!: (r: AccessResources) => void;
    let reject!: (e: unknown) => void;
    const details = new Promise<AccessResources>((res, rej) => {
        resolve = res;
        reject = rej;
    });
    // Callers that never read the details must not see an unhandled rejection: the error is thrown by
    // the layout itself.
    details.catch(() => undefined);
    const resources = pulumi.output(details.then((d) => [...(d.inline ? [d.inline] : []), ...d.managed.flatMap((m, i) => [m, d.attachments[i]])]));
    return { number, label, contributions: new Map(), resolve, reject, resources, details };
}

/**
 * Warns when the component a grant is made for places its Bedrock ARNs (its aws-native provider) in
 * another partition than the role's policies live in (the role's aws provider): the policies would
 * name resources the role can never reach. Once per role and aws-native provider.
 */
function checkPartitions(set: RoleSet, where: Where, owner?: pulumi.Resource): void {
    const ctx = callerContext({ parent: owner });
    const key = ctx as object;
    if (set.partitionChecked.has(key)) return;
    set.partitionChecked.add(key);
    const warn = (awsNative: string, aws: string) =>
        pulumi.log.warn(
            `${who(where)}: its Bedrock resources are in partition ${awsNative} (its aws-native provider) but role ${JSON.stringify(set.role.key)} is in partition ${aws} (its aws provider): the role's policies name resources it cannot reach; give the component and the role providers of one partition`,
            owner,
        );
    const resource = set.role.resource;
    if (resource) {
        pulumi.all([ctx.partition, resource.arn]).apply(([p, arn]) => {
            // Stryker disable next-line OptionalChaining: a role's ARN is known whenever this runs (an apply runs on known values only)
            const rolePartition = arn?.split(":")[1];
            // Stryker disable next-line LogicalOperator: both are known and non-empty whenever this runs (an ARN always has a partition)
            if (rolePartition && p && rolePartition !== p) warn(p, rolePartition);
        });
        return;
    }
    // Both default providers: their configured Regions tell the partitions before deploy.
    if (!set.role.provider && ctx.knownRegion !== undefined) {
        const awsRegion = configuredAwsRegion();
        if (awsRegion !== undefined && partitionOfRegion(awsRegion) !== partitionOfRegion(ctx.knownRegion)) {
            warn(partitionOfRegion(ctx.knownRegion), partitionOfRegion(awsRegion));
        }
    }
}

function schedule(): void {
    const s = programState();
    if (s.scheduled) return;
    s.scheduled = true;
    s.keepAlive = keepRuntimeAlive();
    // A refusal thrown here is the program's error: Pulumi's language host reports an uncaught error
    // and fails the update (`@pulumi/pulumi/cmd/run/run.js`, `uncaughtHandler`).
    setImmediate(flushRoleAccess);
}

// Stryker disable BlockStatement: observable only under the Pulumi engine (tests/engine), which disconnects once no RPC is kept alive; the mocks do not wait
function keepRuntimeAlive(): (() => void) | undefined {
    try {
        return pulumi.runtime.rpcKeepAlive();
    } catch {
        return undefined;
    }
}
// Stryker restore BlockStatement

/**
 * Lays out and registers every open batch now (the scheduled layout calls this; tests may call it to
 * see a refusal as a thrown error). Throws the first refusal, after laying out the other roles.
 */
export function flushRoleAccess(): void {
    const s = programState();
    const release = s.keepAlive;
    s.scheduled = false;
    s.keepAlive = undefined;
    let first: unknown;
    try {
        // Every role's set, by id (a set with nothing open has no batch to lay out).
        // Stryker disable next-line ConditionalExpression,EqualityOperator: role ids are distinct (the keys of s.sets), so `<=` for `<` and a constant for the second test order them alike
        const sets = [...s.sets.values()].sort((a, b) => (a.role.id < b.role.id ? -1 : a.role.id > b.role.id ? 1 : 0));
        for (const set of sets) {
            // The main batch first, then the detached ones by label: each within what the others left.
            // Stryker disable next-line EqualityOperator: labels are distinct (the keys of set.detached), so `<=` orders them as `<` does
            const batches = [...(set.open ? [set.open] : []), ...[...set.detached.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, b]) => b)];
            set.open = undefined;
            set.detached = new Map();
            for (const batch of batches) {
                for (const key of batch.contributions.keys()) set.laidOut.set(key, batch);
                try {
                    batch.resolve(layOut(set, batch));
                } catch (e) {
                    batch.reject(e);
                    first ??= e;
                }
                // The statements live on in the rendered documents only: nothing of the grants is kept.
                batch.contributions.clear();
            }
        }
        s.firstFlushDone = true;
    } finally {
        release?.();
    }
    if (first !== undefined) throw first;
}

function who(where: Where): string {
    return where.name !== undefined ? `${where.component} "${where.name}"` : where.component;
}

function layOut(set: RoleSet, batch: Batch): AccessResources {
    const role = set.role;
    const contributions = [...batch.contributions.values()];
    const merged = mergeStatements(contributions.flatMap((c) => c.statements));
    const inlineBudget = Math.max(0, IAM_LIMITS.inlinePerRole - set.inlineUsed);
    const laid = layoutPolicies(merged, { inline: inlineBudget, managed: IAM_LIMITS.managedPolicy });
    const managedOnRole = role.ownManagedPolicies + set.managedUsed + laid.managed.length;
    const grantors = [...new Set(contributions.map((c) => who(c.where)))].sort();
    const label = roleLabel(set);
    if (laid.managed.length > 0 && managedOnRole > IAM_LIMITS.managedPerRoleMax) {
        throw new BedrockValidationError(
            grantors[0],
            "role",
            `role ${JSON.stringify(role.key)}: its Bedrock grants (${grantors.length} granting: ${grantors.slice(0, 3).join(", ")}${grantors.length > 3 ? ", ..." : ""}) need ${merged.length} statement${merged.length === 1 ? "" : "s"} of up to ${policySize(merged)} characters: ${laid.inline.length > 0 ? "one inline policy and " : ""}${laid.managed.length} managed policies, which with the ${role.ownManagedPolicies + set.managedUsed} it already carries make ${managedOnRole}, over IAM's maximum of ${IAM_LIMITS.managedPerRoleMax} managed policies per role: spread the grants over several roles`,
        );
    }
    if (laid.managed.length > 0 && managedOnRole > IAM_LIMITS.managedPerRoleDefault && !set.warnedQuota) {
        set.warnedQuota = true;
        pulumi.log.warn(
            `role ${JSON.stringify(role.key)} carries ${managedOnRole} managed policies (${role.ownManagedPolicies} of its own, ${set.managedUsed + laid.managed.length} for Bedrock grants), over IAM's default quota of ${IAM_LIMITS.managedPerRoleDefault} per role; the deploy fails unless the account's quota is raised (at most ${IAM_LIMITS.managedPerRoleMax})`,
            role.resource,
        );
    }

    const opts: pulumi.CustomResourceOptions = role.resource ? { parent: role.resource } : { provider: role.provider };
    const main = batch.number <= 1 ? `${label}-bedrock` : `${label}-bedrock-batch${batch.number}`;
    const base = batch.label !== undefined ? `${main}-${batch.label}` : main;
    const names = programState().names;
    const unique = (n: string): string => {
        // Policies of a role resource are its children (URNs unique with the role's); others live at the root.
        const scope = role.resource ? objectId(role.resource) : "root";
        let name = boundedName(n);
        for (let i = 2; names.has(`${scope}|${name}`); i++) name = boundedName(`${n}-${i}`);
        names.add(`${scope}|${name}`);
        return name;
    };
    const guards = deployGuards(set);
    const inlineCharacters = laid.inline.length > 0 ? policySize(laid.inline) : 0;
    let inline: iam.RolePolicy | undefined;
    if (laid.inline.length > 0) {
        set.inlineUsed += inlineCharacters;
        inline = new iam.RolePolicy(
            unique(base),
            { role: role.name, policy: renderPolicy(laid.inline, inlineBudget, `the inline policy of role ${JSON.stringify(role.key)}`, guards) },
            opts,
        );
    }
    const managed: iam.Policy[] = [];
    const attachments: iam.RolePolicyAttachment[] = [];
    laid.managed.forEach((doc, i) => {
        const name = unique(`${base}-${i + 1}`);
        const policy = new iam.Policy(
            name,
            {
                policy: renderPolicy(doc, IAM_LIMITS.managedPolicy, `managed policy ${i + 1} of role ${JSON.stringify(role.key)}`, guards),
                description: `Bedrock access of role ${role.key}, part ${i + 1} of ${laid.managed.length} (pulumi-bedrock-genai)`,
            },
            opts,
        );
        managed.push(policy);
        attachments.push(new iam.RolePolicyAttachment(name, { role: role.name, policyArn: policy.arn }, opts));
    });
    set.managedUsed += laid.managed.length;
    return {
        inline,
        managed,
        attachments,
        layout: {
            role: role.key,
            batch: batch.number,
            statements: laid.inline.length + laid.managed.reduce((n, d) => n + d.length, 0),
            inlineCharacters,
            managedCharacters: laid.managed.map(policySize),
            inlineBudget,
            managedPoliciesOnRole: managedOnRole,
        },
    };
}

/**
 * Checks made when deploy-time values are known: a role given by ARN belongs to the caller's account
 * and partition, and the role's own managed policies (its `managedPolicyArns`) and this package's stay
 * within IAM's maximum.
 */
function deployGuards(set: RoleSet): pulumi.Output<void> | undefined {
    const checks: pulumi.Output<void>[] = [];
    for (const [arn, c] of set.arns) {
        const ctx = callerContext({ parent: c.owner });
        checks.push(
            pulumi.all([ctx.account, ctx.partition]).apply(([account, partition]) => {
                const argument = c.roleArgument ?? "role";
                const message = foreignRoleMessage(c.where, argument, arn, account, partition);
                if (message) throw new BedrockValidationError(c.where.component, argument, message, c.where.name);
            }),
        );
    }
    const resource = set.role.resource;
    if (resource) {
        const ours = () => set.managedUsed;
        checks.push(
            resource.managedPolicyArns.apply((arns) => {
                // Stryker disable next-line OptionalChaining: the aws provider answers a list (empty without policies); the ?. guards one that leaves it out
                const own = arns?.length ?? 0;
                const total = own + ours();
                if (ours() > 0 && total > IAM_LIMITS.managedPerRoleMax) {
                    throw new BedrockValidationError(
                        "grant",
                        "role",
                        `role ${JSON.stringify(set.role.key)}: ${own} managed policies of its own and ${ours()} for Bedrock grants make ${total}, over IAM's maximum of ${IAM_LIMITS.managedPerRoleMax} per role: spread the grants over several roles`,
                    );
                }
            }),
        );
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: pulumi.all of one check fails and resolves as the check does
    if (checks.length <= 1) return checks[0];
    return pulumi.all(checks).apply(() => undefined);
}

/**
 * Renders symbolic statements as the deployed policy JSON (an Output while values are unknown), sorted,
 * and refuses a document longer than `cap` once its values are known.
 */
export function renderPolicy(
    statements: Statement[],
    cap: number = IAM_LIMITS.managedPolicy,
    what = "the policy",
    guards?: pulumi.Output<void>,
): pulumi.Output<string> {
    // One Output per document: its values and the deploy-time guards in one `pulumi.all`. A preview shows
    // the document even while a guard's values are unknown (a created role's `managedPolicyArns`): the
    // guard runs when they are known, at the latest at deploy.
    const after = guards === undefined ? undefined : knownInPreview(guards, undefined);
    return resolveSymbols(policyJson(statements), true, after).apply((resolved) => {
        const json = canonicalizeDeployed(resolved);
        if (json.length > cap) {
            throw new BedrockValidationError(
                "grant",
                "role",
                `${what} is ${json.length} characters once deployed, over the ${cap} characters it was laid out for: a value was longer than it was sized at (application inference profile ids are sized at the 12 characters AWS returns); grant fewer targets on this role or spread them over several roles`,
            );
        }
        return json;
    });
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
