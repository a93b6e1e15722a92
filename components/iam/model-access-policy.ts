/**
 * `ModelAccessPolicy`: everything one role may invoke or read, as the fewest IAM policies that hold
 * it. The statements of all targets are merged (equal actions and conditions share one resource
 * list, per-model conditions share one value list), measured at their largest deployed size, and laid
 * out into one inline role policy (within what is left of the role's 10,240-character inline budget)
 * and as few 6,144-character managed policies as needed. The layout is decided at construction from
 * symbolic documents, so `pulumi preview` shows every policy and no resource is created inside `apply`.
 */
import * as pulumi from "@pulumi/pulumi";
import * as iam from "@pulumi/aws/iam";
import { invokeStatements, usageStatements, type AccessTarget } from "./access";
import { type AccessContext, inlineCharactersUsed, recordInlineCharacters, renderPolicy, resolveRole, type ResolvedRole, type RoleRef } from "./grants";
import { IAM_LIMITS, layoutPolicies, mergeStatements, policySize, type Statement } from "./policy";
import { fail, show, type Where } from "../core/validation";

/** Anything whose access IAM can express: models, cross-region and application profiles, routers. */
export interface ModelAccessTarget {
    /** How IAM sees the target (see `access.ts`). */
    accessTarget(context?: AccessContext): AccessTarget;
}

/** Arguments of `ModelAccessPolicy`. */
export interface ModelAccessPolicyArgs {
    /** The role to grant: an `aws.iam.Role`, a role name, or a role ARN. */
    role: RoleRef;
    /** Targets the role may run inference through (what each one's `grantInvoke` would allow). */
    invoke?: ModelAccessTarget[];
    /** Profiles (or routers) the role may read (what each one's `grantProfileUsage` would allow). */
    usage?: ModelAccessTarget[];
}

/** Sizes of the policies a `ModelAccessPolicy` attaches, known at construction. */
export interface ModelAccessPolicyLayout {
    /** Statements across all policies (a statement split across two policies counts twice). */
    statements: number;
    /** Largest deployed size of the inline policy, or 0 when there is none. */
    inlineCharacters: number;
    /** Largest deployed size of each managed policy, in order. */
    managedCharacters: number[];
    /** Inline budget this policy had (10,240 minus what this package attached inline to the role before). */
    inlineBudget: number;
}

const TYPE = "bedrock-genai:index:ModelAccessPolicy";

function targetsOf(where: Where, argument: string, value: unknown): ModelAccessTarget[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) fail(where, argument, value, "must be a list of invokables (models, profiles or routers)");
    value.forEach((t, i) => {
        if (typeof t !== "object" || t === null || typeof (t as ModelAccessTarget).accessTarget !== "function") {
            fail(
                where,
                `${argument}[${i}]`,
                pulumi.Output.isInstance(t) ? "<output>" : t,
                "must be a model, a cross-region or application profile, or a prompt router",
            );
        }
    });
    return value as ModelAccessTarget[];
}

/**
 * Grants one role invoke and usage on many models, profiles and routers with the fewest policies:
 * one inline role policy and, when that is full, managed policies (`aws.iam.Policy` +
 * `aws.iam.RolePolicyAttachment`) of at most 6,144 characters each. Warns past IAM's default quota of
 * 10 managed policies per role and refuses past its maximum of 20.
 *
 * Use it when a role needs many targets (one per tenant, team or feature); use the grant methods
 * (`grantInvoke`, `grantProfileUsage`) for a handful.
 */
export class ModelAccessPolicy extends pulumi.ComponentResource {
    /** The inline role policy, when anything fits the role's inline budget. */
    public readonly inlinePolicy?: iam.RolePolicy;
    /** The managed policies, in layout order. */
    public readonly managedPolicies: iam.Policy[];
    /** The attachments of the managed policies to the role. */
    public readonly attachments: iam.RolePolicyAttachment[];
    /** Every IAM resource created: depend on these before using the role. */
    public readonly policies: pulumi.CustomResource[];
    /** IAM names of the inline policy (first, when there is one) and the managed policies. */
    public readonly policyNames: pulumi.Output<string[]>;
    /** ARNs of the managed policies. */
    public readonly policyArns: pulumi.Output<string[]>;
    /** Policies attached (inline and managed). */
    public readonly policyCount: pulumi.Output<number>;
    /** Statements across all policies. */
    public readonly statementCount: pulumi.Output<number>;
    /** Largest deployed size, in characters, of all the policies together. */
    public readonly maxCharacters: pulumi.Output<number>;
    /** The layout's sizes, as plain values. */
    public readonly layout: ModelAccessPolicyLayout;

    constructor(name: string, args: ModelAccessPolicyArgs, opts?: pulumi.ComponentResourceOptions) {
        const where: Where = { component: "ModelAccessPolicy", name };
        if (typeof args !== "object" || args === null) fail(where, "args", args, "must be an object with role, invoke and usage");
        let role: ResolvedRole;
        try {
            role = resolveRole(args.role);
        } catch {
            fail(where, "role", args.role, "must be an aws.iam.Role, an IAM role name (1-64 characters of letters, digits and +=,.@_-) or a role ARN");
        }
        const invoke = targetsOf(where, "invoke", args.invoke);
        const usage = targetsOf(where, "usage", args.usage);
        if (invoke.length === 0 && usage.length === 0) {
            fail(where, "invoke", args.invoke ?? [], "and usage are both empty: give at least one target to grant");
        }

        const statements: Statement[] = [];
        invoke.forEach((t) => statements.push(...invokeStatements(t.accessTarget({ parent: opts?.parent }))));
        usage.forEach((t, i) => {
            const s = usageStatements(t.accessTarget({ parent: opts?.parent }));
            if (s.length === 0) {
                const target = t.accessTarget({ parent: opts?.parent });
                const modelId = (t as { modelId?: unknown }).modelId;
                if (target.kind === "prompt-router") {
                    fail(where, `usage[${i}]`, "<PromptRouter>", "is a prompt router whose models have no inference profile to read: grant usage on profiles");
                }
                fail(
                    where,
                    `usage[${i}]`,
                    modelId ?? target.kind,
                    "is a foundation model, which has no inference profile to read: grant usage on profiles or routers",
                );
            }
            statements.push(...s);
        });
        const merged = mergeStatements(statements);
        const inlineBudget = Math.max(0, IAM_LIMITS.inlinePerRole - inlineCharactersUsed(role));
        const laid = layoutPolicies(merged, { inline: inlineBudget, managed: IAM_LIMITS.managedPolicy });
        const managedCount = laid.managed.length;
        const total = policySize(merged);
        if (managedCount > IAM_LIMITS.managedPerRoleMax) {
            fail(
                where,
                "role",
                role.key,
                `would need ${managedCount} managed policies (${merged.length} statement${merged.length === 1 ? "" : "s"}, up to ${total} characters), over IAM's maximum of ${IAM_LIMITS.managedPerRoleMax} managed policies per role: spread the targets over several roles`,
            );
        }

        super(TYPE, name, {}, opts);

        if (managedCount > IAM_LIMITS.managedPerRoleDefault) {
            pulumi.log.warn(
                `ModelAccessPolicy "${name}": role ${show(role.key)} gets ${managedCount} managed policies, over IAM's default quota of ${IAM_LIMITS.managedPerRoleDefault} per role; the deploy fails unless the account's quota is raised (at most ${IAM_LIMITS.managedPerRoleMax})`,
                this,
            );
        }

        const childOpts: pulumi.CustomResourceOptions = { parent: this };
        const inlineCharacters = laid.inline.length > 0 ? policySize(laid.inline) : 0;
        if (laid.inline.length > 0) {
            recordInlineCharacters(role, inlineCharacters);
            this.inlinePolicy = new iam.RolePolicy(name, { role: role.name, policy: renderPolicy(laid.inline) }, childOpts);
        }
        this.managedPolicies = [];
        this.attachments = [];
        laid.managed.forEach((doc, i) => {
            const policyName = `${name}-${i + 1}`;
            const policy = new iam.Policy(
                policyName,
                { policy: renderPolicy(doc), description: `Bedrock model access, part ${i + 1} of ${name} (pulumi-bedrock-genai)` },
                childOpts,
            );
            this.managedPolicies.push(policy);
            this.attachments.push(new iam.RolePolicyAttachment(policyName, { role: role.name, policyArn: policy.arn }, childOpts));
        });

        this.policies = [...(this.inlinePolicy ? [this.inlinePolicy] : []), ...this.managedPolicies.flatMap((p, i) => [p, this.attachments[i]])];
        this.layout = {
            statements: laid.inline.length + laid.managed.reduce((n, d) => n + d.length, 0),
            inlineCharacters,
            managedCharacters: laid.managed.map(policySize),
            inlineBudget,
        };
        this.policyNames = pulumi.all([...(this.inlinePolicy ? [this.inlinePolicy.name] : []), ...this.managedPolicies.map((p) => p.name)]);
        this.policyArns = pulumi.all(this.managedPolicies.map((p) => p.arn));
        this.policyCount = pulumi.output((this.inlinePolicy ? 1 : 0) + managedCount);
        this.statementCount = pulumi.output(this.layout.statements);
        this.maxCharacters = pulumi.output(inlineCharacters + this.layout.managedCharacters.reduce((a, b) => a + b, 0));
        this.registerOutputs({
            policyNames: this.policyNames,
            policyArns: this.policyArns,
            policyCount: this.policyCount,
            statementCount: this.statementCount,
            maxCharacters: this.maxCharacters,
        });
    }
}
