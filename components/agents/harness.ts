/**
 * `AgentHarness`: an agent on the Amazon Bedrock AgentCore managed harness (`AWS::BedrockAgentCore::Harness`),
 * a config-based agent where AgentCore runs the loop, memory, identity and observability. For accounts that
 * cannot create Bedrock Agents (closed to new customers since 2026-07-30).
 *
 * Guide: https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/harness.html
 * IAM: see `components/iam/statements/agentcore.ts`.
 */
import * as pulumi from "@pulumi/pulumi";
import * as agentcore from "@pulumi/aws-native/bedrockagentcore";
import * as iam from "@pulumi/aws/iam";
import { agentCoreArn, harnessArn as buildHarnessArn, managedBrowserArn, managedCodeInterpreterArn, parseArn } from "../catalog/arns";
import { partitionOfRegion } from "../catalog/geographies";
import { ACCOUNT_ID_LENGTH, callerContext, configuredRegion, MAX_PARTITION_LENGTH, MAX_REGION_LENGTH, type CallerContext } from "../core/context";
import { knownInPreview } from "../core/dry-run";
import type { IInvokable } from "../iam/invokable";
import { perProgram } from "../core/program-state";
import { checkArnRegion } from "../iam/region-check";
import { symbolic } from "../core/symbols";
import { fail, type Where } from "../core/validation";
import { allGrants, grantStatements, resolveRole, type GrantOptions, type RoleRef, type RolePolicyGrant, type ResolvedRole } from "../iam/grants";
import type { Statement } from "../iam/policy";
import {
    browserStatements,
    codeInterpreterStatements,
    gatewayStatements,
    harnessInvokeStatements,
    harnessRuntimeStatements,
    harnessTrustPolicy,
    memoryStatements,
    oauth2ProviderResources,
    oauthGatewayStatements,
    type OAuth2ProviderResources,
} from "../iam/statements/agentcore";
import { planEndpoint, planHarness, type AddHarnessEndpointArgs, type AgentHarnessArgs, type HarnessPlan } from "./harness-args";
import { BedrockFoundationModel } from "../catalog/foundation-model";
import { resourceName } from "../core/resource-name";
import { roleArnOf } from "../iam/roles";

/** The longest harness ARN: for sizing policies before deploy (harness ids: 1-40 + `-` + 10 characters). */
export const HARNESS_ARN_MAX_LENGTH = buildHarnessArn(
    "p".repeat(MAX_PARTITION_LENGTH),
    "r".repeat(MAX_REGION_LENGTH),
    "0".repeat(ACCOUNT_ID_LENGTH),
    `${"h".repeat(40)}-${"x".repeat(10)}`,
).length;
/** A bound for ARNs given as Outputs (gateways, memories, code interpreters, browsers, credential providers). */
const GIVEN_ARN_BOUND = 256;
/**
 * The longest AgentCore memory ARN (memory ids: a letter, then up to 99 letters, digits, `-` or `_`, then `-`
 * and 10 characters; `MEMORY_ARN`): the size a managed memory's ARN is laid out at before the harness
 * reports it.
 */
export const MEMORY_ARN_MAX_LENGTH = agentCoreArn(
    "p".repeat(MAX_PARTITION_LENGTH),
    "r".repeat(MAX_REGION_LENGTH),
    "0".repeat(ACCOUNT_ID_LENGTH),
    `memory/${"m".repeat(100)}-${"x".repeat(10)}`,
).length;

/** Harness names taken in this program, per AWS Native provider context (account and Region): name -> component. */
const harnessNames = perProgram(() => new Map<CallerContext, Map<string, string>>());

/**
 * An agent on the AgentCore managed harness: its execution role (or yours), the role's grants (the model's
 * invoke grant, and what the harness, its tools and its memory need), and the harness, registered after the
 * role's policies so it never starts without them.
 */
export class AgentHarness extends pulumi.ComponentResource {
    /** The harness's ARN. */
    public readonly harnessArn: pulumi.Output<string>;
    /** The harness's id. */
    public readonly harnessId: pulumi.Output<string>;
    /** The harness's name. */
    public readonly harnessName: pulumi.Output<string>;
    /** The execution role's ARN. */
    public readonly executionRoleArn: pulumi.Output<string>;
    /** The execution role, when the harness created it or `executionRole` was an `aws.iam.Role`. */
    public readonly executionRole?: iam.Role;
    /** The model the harness runs on. */
    public readonly model: IInvokable;
    /** The AWS Native resource. */
    public readonly harness: agentcore.Harness;
    /** The grants the harness depends on (the model's invoke grant and the runtime's). */
    public readonly rolePolicies: RolePolicyGrant;
    /**
     * The grant on the harness's managed memory, when its memory is managed: policies of their own, whose
     * document names the ARN the harness reports once it exists (in a preview, a stand-in ARN).
     */
    public readonly memoryPolicies?: RolePolicyGrant;
    private readonly name: string;
    private readonly ctx: CallerContext;
    private readonly symArn: string;
    /** Invoke grants made, by role and parent, so granting twice returns the same policies. */
    private readonly invokeGrants = new Map<string, RolePolicyGrant>();
    /** Endpoint names given out: endpoint name -> the name `addEndpoint` was called with. */
    private readonly endpointNames = new Map<string, string>();

    constructor(name: string, args: AgentHarnessArgs, opts?: pulumi.ComponentResourceOptions) {
        const where: Where = { component: "AgentHarness", name };
        // The Region, when known before deploy (the default provider's configuration): the model must be in it.
        const explicitProvider = opts?.provider !== undefined || opts?.providers !== undefined || opts?.parent !== undefined;
        const knownRegion = explicitProvider ? undefined : configuredRegion();
        const plan = planHarness(where, name, args, knownRegion);
        let existing: ResolvedRole | undefined;
        if (args.executionRole !== undefined) {
            try {
                // Stryker disable next-line StringLiteral: resolveRole names the argument only in its refusal, which the catch below replaces
                existing = resolveRole(args.executionRole, "executionRole", where);
            } catch {
                fail(
                    where,
                    "executionRole",
                    args.executionRole,
                    "must be an aws.iam.Role, an IAM role name (a role without a path) or an IAM role ARN (a role under a path: its ARN or the aws.iam.Role)",
                );
            }
            // A role ARN of another partition than the harness's known Region is refused now; another
            // account is known at deploy (refused then, as this argument's).
            const arnPartition = existing.arn ? parseArn(existing.arn)?.partition : undefined;
            if (arnPartition !== undefined && knownRegion !== undefined && arnPartition !== partitionOfRegion(knownRegion)) {
                fail(
                    where,
                    "executionRole",
                    existing.arn,
                    `is a role of partition ${arnPartition}, but the harness is in ${knownRegion} (partition ${partitionOfRegion(knownRegion)}): a harness assumes a role of its own account and partition`,
                );
            }
        }
        // A name another harness of the program has in the same account and Region: refused before anything
        // is registered when the provider is the default one (its context is known now), else just after.
        const defaultCtx = explicitProvider ? undefined : callerContext();
        if (defaultCtx) claimHarnessName(where, defaultCtx, plan.harnessName, args.harnessName !== undefined);
        super("bedrock-genai:index:AgentHarness", name, {}, opts);
        this.name = name;
        this.model = args.model;
        const ctx = callerContext({ parent: this });
        this.ctx = ctx;
        if (!defaultCtx) claimHarnessName(where, ctx, plan.harnessName, args.harnessName !== undefined);

        // The execution role, or the one given.
        let roleRef: RoleRef;
        if (existing) {
            roleRef = args.executionRole as RoleRef;
            this.executionRole = existing.resource;
            const given = args.executionRole as RoleRef;
            this.executionRoleArn = roleArnOf(existing, given, ctx);
        } else {
            const role = new iam.Role(
                `${name}-role`,
                {
                    assumeRolePolicy: pulumi.all([ctx.partition, ctx.region, ctx.account]).apply(([p, r, a]) => harnessTrustPolicy(p, r, a)),
                    description: `Execution role of AgentCore harness ${name} (pulumi-bedrock-genai)`,
                },
                { parent: this },
            );
            this.executionRole = role;
            this.executionRoleArn = role.arn;
            roleRef = role;
        }

        // Grants: what the harness and its tools need (first: a refusal of the role is `executionRole`'s), and
        // the model's invoke grant.
        const runtimeGrant = grantStatements(roleRef, this.runtimeStatements(where, plan), {
            where,
            parent: this,
            argName: "executionRole",
        });
        const invokeGrant = args.model.grantInvoke(roleRef, { parent: this });
        this.rolePolicies = allGrants([invokeGrant, runtimeGrant]);

        if (plan.ignoredInherited.length > 0) {
            pulumi.log.warn(
                `AgentHarness "${name}": the model's inference settings ${plan.ignoredInherited.join(", ")} are not applied: a harness's model configuration takes temperature, topP and maxTokens only`,
                this,
            );
        }

        const harness = new agentcore.Harness(
            name,
            {
                harnessName: plan.harnessName,
                executionRoleArn: this.executionRoleArn,
                model: { bedrockModelConfig: { modelId: harnessModelInput(where, args.model, ctx), ...plan.modelSettings } },
                systemPrompt: plan.systemPrompt,
                tools: plan.tools,
                allowedTools: plan.allowedTools,
                memory: plan.memory,
                truncation: plan.truncation,
                maxIterations: plan.maxIterations,
                maxTokens: plan.maxTokens,
                timeoutSeconds: plan.timeoutSeconds,
                environmentVariables: plan.environmentVariables,
                tags: plan.tags,
            },
            { parent: this, dependsOn: this.rolePolicies },
        );
        this.harness = harness;
        this.harnessArn = harness.arn;
        this.harnessId = harness.harnessId;
        this.harnessName = harness.harnessName;
        this.symArn = symbolic(harness.arn, `harness/${name}`, HARNESS_ARN_MAX_LENGTH);

        // Managed memory exists once the harness does (its ARN is a read-only output): granted in policies of
        // their own, laid out with the ARN at its longest. A preview (before the harness exists) shows them
        // with a stand-in ARN in the harness's account and Region.
        if (plan.access.managedMemory) {
            const reported = harness.memory.apply((m) => {
                const arn = m?.managedMemoryConfiguration?.arn;
                if (arn) return arn;
                if (pulumi.runtime.isDryRun()) return undefined;
                throw new Error(`AgentHarness "${name}": the harness reported no managed memory ARN (memory.managedMemoryConfiguration.arn)`);
            });
            const standIn = pulumi
                .all([ctx.partition, ctx.region, ctx.account])
                .apply(([p, r, a]) => agentCoreArn(p, r, a, `memory/${plan.harnessName}-managed-memory-known-after-deploy`));
            const memoryArn = pulumi.all([knownInPreview<string | undefined>(reported, standIn), standIn]).apply(([arn, s]) => arn ?? s);
            this.memoryPolicies = grantStatements(roleRef, memoryStatements([symbolic(memoryArn, `memory/${name}`, MEMORY_ARN_MAX_LENGTH)]), {
                where,
                parent: this,
                argName: "executionRole",
                // Its ARN comes from the harness, which waits for the role's policies: policies of its own.
                detached: `${name}-memory`,
            });
        }

        this.registerOutputs({
            harnessArn: this.harnessArn,
            harnessId: this.harnessId,
            harnessName: this.harnessName,
            executionRoleArn: this.executionRoleArn,
        });
    }

    /**
     * The execution role's statements: running the harness, and its gateways (with the OAuth tokens of
     * their outbound authentication), code interpreters, browsers and AgentCore memory.
     */
    private runtimeStatements(where: Where, plan: HarnessPlan): Statement[] {
        const { partition, region, account } = this.ctx.sym;
        const given = (arns: pulumi.Input<string>[], kind: string) =>
            arns.map((a, i) => (typeof a === "string" ? a : symbolic(a, `${kind}/${this.name}/${i}`, GIVEN_ARN_BOUND)));
        const a = plan.access;
        const interpreters = [...given(a.codeInterpreters, "code-interpreter")];
        if (a.managedCodeInterpreter) interpreters.push(managedCodeInterpreterArn(partition, region));
        const browsers = [...given(a.browsers, "browser")];
        if (a.managedBrowser) browsers.push(managedBrowserArn(partition, region));
        return [
            ...harnessRuntimeStatements(partition, region, account),
            ...gatewayStatements(given(a.gateways, "gateway")),
            ...oauthGatewayStatements(partition, region, account, plan.harnessName, this.oauthProviders(where, a.oauthProviders)),
            ...codeInterpreterStatements(interpreters),
            ...browserStatements(browsers),
            ...memoryStatements(a.memoryArn === undefined ? [] : given([a.memoryArn], "memory")),
        ];
    }

    /** The token vaults and secrets of the OAuth2 credential providers, as symbolic ARNs for those given as Outputs. */
    private oauthProviders(where: Where, arns: pulumi.Input<string>[]): OAuth2ProviderResources[] {
        return arns.map((arn, i) => {
            if (typeof arn === "string") {
                const known = oauth2ProviderResources(arn);
                // Stryker disable next-line ConditionalExpression,StringLiteral: planHarness refused any string ARN this regex (the same one) does not match
                if (!known) fail(where, "tools.outboundAuth.oauth.providerArn", arn, "is not an AgentCore Identity OAuth2 credential provider ARN");
                return known;
            }
            const parts = pulumi.output(arn).apply((a) => {
                const r = oauth2ProviderResources(a);
                // Stryker disable next-line ConditionalExpression,StringLiteral: planHarness checks this Output with the same regex, and that refusal fails the deploy first
                if (!r) fail(where, "tools.outboundAuth.oauth.providerArn", a, "is not an AgentCore Identity OAuth2 credential provider ARN");
                return r;
            });
            const label = `oauth2-provider/${this.name}/${i}`;
            return {
                provider: symbolic(
                    parts.apply((p) => p.provider),
                    label,
                    GIVEN_ARN_BOUND,
                ),
                vault: symbolic(
                    parts.apply((p) => p.vault),
                    `${label}/vault`,
                    GIVEN_ARN_BOUND,
                ),
                secret: symbolic(
                    parts.apply((p) => p.secret),
                    `${label}/secret`,
                    GIVEN_ARN_BOUND,
                ),
            };
        });
    }

    /**
     * Lets `role` invoke this harness, directly or through its endpoints, and nothing more:
     * `bedrock-agentcore:InvokeHarness` and `bedrock-agentcore:InvokeAgentRuntime` (a harness runs on an
     * AgentCore Runtime; AWS authorizes both on the harness ARN).
     */
    public grantInvoke(role: RoleRef, opts: GrantOptions = {}): RolePolicyGrant {
        const where = { component: "AgentHarness", name: this.name };
        const parent = opts.parent ?? this;
        const key = `${resolveRole(role, "grantInvoke(role)", where).id}|${parent === this ? "" : resourceName(parent)}`;
        const previous = this.invokeGrants.get(key);
        if (previous) return previous;
        const made = grantStatements(role, harnessInvokeStatements(this.symArn), {
            ...opts,
            where,
            parent,
            argName: "grantInvoke(role)",
        });
        this.invokeGrants.set(key, made);
        return made;
    }

    /**
     * Creates an endpoint of this harness (`AWS::BedrockAgentCore::HarnessEndpoint`) named `<harness>-<name>`:
     * a stable name callers invoke while the version behind it changes. Its endpoint name defaults to `name`
     * with characters other than letters, digits and `_` replaced by `_`.
     */
    public addEndpoint(name: string, args: AddHarnessEndpointArgs = {}, opts?: pulumi.CustomResourceOptions): agentcore.HarnessEndpoint {
        const where = { component: "AgentHarness.addEndpoint", name: `${this.name}-${name}` };
        const rendered = planEndpoint(where, name, args);
        const taken = this.endpointNames.get(rendered.endpointName);
        if (taken !== undefined) {
            fail(
                where,
                "endpointName",
                rendered.endpointName,
                `is already the name of endpoint ${JSON.stringify(taken)} of this harness: a harness's endpoint names are unique`,
            );
        }
        this.endpointNames.set(rendered.endpointName, name);
        return new agentcore.HarnessEndpoint(`${this.name}-${name}`, { harnessId: this.harnessId, ...rendered }, { parent: this, ...opts });
    }
}

/**
 * The harness's `ModelId`: a foundation model's id (its ARN is in the harness's own Region), else the
 * profile's ARN, checked at deploy to be in the harness's Region (Bedrock calls a profile only in its own
 * Region; `checkArnRegion`, the rule `Agent` applies).
 */
function harnessModelInput(where: Where, model: IInvokable, ctx: CallerContext): pulumi.Input<string> {
    if (model instanceof BedrockFoundationModel) return model.modelId;
    return checkArnRegion(where, "model", model.invokableArn, ctx.region);
}

/**
 * Takes `harnessName` for the component `where` names in its provider's account and Region, refusing a name
 * another harness of the program has there: AWS refuses a second harness of the same name.
 */
function claimHarnessName(where: Where, ctx: CallerContext, harnessName: string, explicit: boolean): void {
    let names = harnessNames().get(ctx);
    if (!names) {
        names = new Map();
        harnessNames().set(ctx, names);
    }
    const other = names.get(harnessName);
    if (other !== undefined) {
        fail(
            where,
            "harnessName",
            harnessName,
            `is already the name of AgentHarness ${JSON.stringify(other)} in this program's account and Region${explicit ? "" : " (derived from the component's name)"}: AWS refuses a second harness of one name; set harnessName`,
        );
    }
    names.set(harnessName, where.name ?? "");
}
