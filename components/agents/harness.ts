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
import { harnessArn as buildHarnessArn, managedBrowserArn, managedCodeInterpreterArn } from "../catalog/arns";
import { ACCOUNT_ID_LENGTH, callerContext, MAX_PARTITION_LENGTH, MAX_REGION_LENGTH, type CallerContext } from "../core/context";
import type { IInvokable } from "../iam/invokable";
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
} from "../iam/statements/agentcore";
import { harnessModelId, planEndpoint, planHarness, type AddHarnessEndpointArgs, type AgentHarnessArgs, type HarnessPlan } from "./harness-args";
import { resourceName } from "../core/resource-name";
import { roleArnOf } from "../iam/roles";

/** The longest harness ARN: for sizing policies before deploy (harness ids: 1-40 + `-` + 10 characters). */
export const HARNESS_ARN_MAX_LENGTH = buildHarnessArn(
    "p".repeat(MAX_PARTITION_LENGTH),
    "r".repeat(MAX_REGION_LENGTH),
    "0".repeat(ACCOUNT_ID_LENGTH),
    `${"h".repeat(40)}-${"x".repeat(10)}`,
).length;
/** A bound for ARNs given as Outputs (gateways, memories, code interpreters, browsers). */
const GIVEN_ARN_BOUND = 256;

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
    /** The grant on the harness's managed memory (made once the harness exists), when its memory is managed. */
    public readonly memoryPolicies?: RolePolicyGrant;
    private readonly name: string;
    private readonly ctx: CallerContext;
    private readonly symArn: string;
    /** Invoke grants made, by role and parent, so granting twice returns the same policies. */
    private readonly invokeGrants = new Map<string, RolePolicyGrant>();

    constructor(name: string, args: AgentHarnessArgs, opts?: pulumi.ComponentResourceOptions) {
        const where: Where = { component: "AgentHarness", name };
        const plan = planHarness(where, name, args);
        let existing: ResolvedRole | undefined;
        if (args.executionRole !== undefined) {
            try {
                existing = resolveRole(args.executionRole, "executionRole", where);
            } catch {
                fail(
                    where,
                    "executionRole",
                    args.executionRole,
                    "must be an aws.iam.Role, an IAM role name (a role without a path) or an IAM role ARN (a role under a path: its ARN or the aws.iam.Role)",
                );
            }
        }
        super("bedrock-genai:index:AgentHarness", name, {}, opts);
        this.name = name;
        this.model = args.model;
        const ctx = callerContext({ parent: this });
        this.ctx = ctx;

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

        // Grants: the model's invoke grant, and what the harness and its tools need.
        const invokeGrant = args.model.grantInvoke(roleRef, { parent: this });
        const runtimeGrant = grantStatements(roleRef, this.runtimeStatements(plan), {
            where,
            name: `${name}-runtime`,
            parent: this,
            argName: "executionRole",
            description: `What AgentCore harness ${name} needs to run (pulumi-bedrock-genai)`,
        });
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
                model: { bedrockModelConfig: { modelId: harnessModelId(args.model), ...plan.modelSettings } },
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

        // Managed memory exists once the harness does (its ARN is a read-only output): granted then.
        if (plan.access.managedMemory) {
            const memoryArn = harness.memory.apply((m) => {
                const arn = m?.managedMemoryConfiguration?.arn;
                if (!arn) throw new Error(`AgentHarness "${name}": the harness reported no managed memory ARN (memory.managedMemoryConfiguration.arn)`);
                return arn;
            });
            this.memoryPolicies = grantStatements(roleRef, memoryStatements([symbolic(memoryArn, `memory/${name}`, GIVEN_ARN_BOUND)]), {
                where,
                name: `${name}-memory`,
                parent: this,
                argName: "executionRole",
                description: `The managed memory of AgentCore harness ${name} (pulumi-bedrock-genai)`,
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

    /** The execution role's statements: running the harness, and its gateways, code interpreters, browsers and AgentCore memory. */
    private runtimeStatements(plan: HarnessPlan): Statement[] {
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
            ...codeInterpreterStatements(interpreters),
            ...browserStatements(browsers),
            ...memoryStatements(a.memoryArn === undefined ? [] : given([a.memoryArn], "memory")),
        ];
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
            name: `${this.name}-invoke`,
            parent,
            argName: "grantInvoke(role)",
            description: `Invoke AgentCore harness ${this.name} (pulumi-bedrock-genai)`,
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
        const rendered = planEndpoint({ component: "AgentHarness.addEndpoint", name: `${this.name}-${name}` }, name, args);
        return new agentcore.HarnessEndpoint(`${this.name}-${name}`, { harnessId: this.harnessId, ...rendered }, { parent: this, ...opts });
    }
}
