/**
 * `ModelAccessPolicy`: the explicit, named form of a role's access set. It grants one role invoke and
 * usage on many models, profiles and routers at once; its statements join every other grant on the role
 * (`grantInvoke`, `grantProfileUsage`, agents' and prompts' grants) in the role's one merged layout, so a
 * loop of grant calls and one `ModelAccessPolicy` over the same targets attach the same documents. Its
 * outputs describe the policies of the role's batch that carry its statements.
 */
import * as pulumi from "@pulumi/pulumi";
import * as iam from "@pulumi/aws/iam";
import { invokeStatements, usageStatements, type AccessTarget } from "./access";
import { addToRoleAccessDetailed, type AccessLayout } from "./access-set";
import type { AccessContext } from "./grants";
import type { Statement } from "./policy";
import { resolveRole, type ResolvedRole, type RoleRef } from "./roles";
import { fail, type Where } from "../core/validation";
import { resourceName } from "../core/resource-name";

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

/** The figures of the layout that carries a `ModelAccessPolicy` (the role's batch). */
export type ModelAccessPolicyLayout = AccessLayout;

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
 * Grants one role invoke and usage on many models, profiles and routers. The statements join the role's
 * access set: merged with every other grant on the role and laid out into one inline role policy and,
 * when that is full, managed policies (`aws.iam.Policy` + `aws.iam.RolePolicyAttachment`) of at most
 * 6,144 characters each, on the role's own provider. Warns past IAM's default quota of 10 managed
 * policies per role and refuses past its maximum of 20.
 *
 * Grant methods in a loop give the same documents; this is the named form, with outputs that describe
 * the layout.
 */
export class ModelAccessPolicy extends pulumi.ComponentResource {
    /** Every IAM resource of the role's batch that carries these grants: depend on it before using the role. */
    public readonly policies: pulumi.Output<pulumi.Resource[]>;
    /** Pulumi names of the inline policy (first, when there is one) and the managed policies. */
    public readonly policyNames: pulumi.Output<string[]>;
    /** ARNs of the managed policies. */
    public readonly policyArns: pulumi.Output<string[]>;
    /** Policies attached (inline and managed). */
    public readonly policyCount: pulumi.Output<number>;
    /** Statements across all policies. */
    public readonly statementCount: pulumi.Output<number>;
    /** Largest deployed size, in characters, of all the policies together. */
    public readonly maxCharacters: pulumi.Output<number>;
    /** The layout's figures (known before deploy, under `pulumi preview` too). */
    public readonly layout: pulumi.Output<ModelAccessPolicyLayout>;

    constructor(name: string, args: ModelAccessPolicyArgs, opts?: pulumi.ComponentResourceOptions) {
        const where: Where = { component: "ModelAccessPolicy", name };
        if (typeof args !== "object" || args === null) fail(where, "args", args, "must be an object with role, invoke and usage");
        let role: ResolvedRole;
        try {
            // Stryker disable next-line StringLiteral: resolveRole names the argument only in the errors it throws, which the catch below replaces with its own, naming "role"
            role = resolveRole(args.role, "role", where, opts?.parent);
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
            const target = t.accessTarget({ parent: opts?.parent });
            const s = usageStatements(target);
            if (s.length === 0) {
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

        super(TYPE, name, {}, opts);

        const laid = addToRoleAccessDetailed(role, statements, where, opts?.parent);
        const out = pulumi.output(laid.then((d) => ({ inline: d.inline, managed: d.managed, attachments: d.attachments, layout: d.layout })));
        this.policies = pulumi.output(laid.then((d) => [...(d.inline ? [d.inline] : []), ...d.managed.flatMap((m, i) => [m, d.attachments[i]])]));
        this.layout = out.apply((d) => d.layout);
        this.policyNames = pulumi.output(laid.then((d) => [...(d.inline ? [d.inline] : []), ...d.managed].map((r) => resourceName(r) as string)));
        this.policyArns = pulumi.output(laid.then((d) => pulumi.all(d.managed.map((p: iam.Policy) => p.arn)))).apply((a) => a);
        this.policyCount = this.layout.apply((l) => (l.inlineCharacters > 0 ? 1 : 0) + l.managedCharacters.length);
        this.statementCount = this.layout.apply((l) => l.statements);
        this.maxCharacters = this.layout.apply((l) => l.inlineCharacters + l.managedCharacters.reduce((a, b) => a + b, 0));
        this.registerOutputs({
            policyNames: this.policyNames,
            policyArns: this.policyArns,
            policyCount: this.policyCount,
            statementCount: this.statementCount,
            maxCharacters: this.maxCharacters,
        });
    }
}
