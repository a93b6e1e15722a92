/**
 * Testing helpers for programs that use this package: Pulumi mocks that answer every invoke the
 * package makes and return realistic outputs for every resource type it creates, a recorder of
 * registered resources, and helpers to resolve outputs and read the IAM policies attached to a role.
 */
import * as crypto from "crypto";
import * as pulumi from "@pulumi/pulumi";
import { INVOKE_TOKENS } from "../core/context";
import { roleNameFromArn } from "../catalog/arns";
import { parseStatements, type Statement } from "../iam/policy";
import { CrossRegionInferenceProfileRegion, partitionOfRegion } from "../catalog/geographies";
import { IAM_POLICY_TYPES, parseTrustPolicy, readRoles, type TrustStatement } from "../rules/policies";

/** The value Pulumi uses on the wire for an unknown (computed) value. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A resource the mocks saw registered. */
export interface RecordedResource {
    /** Type token, e.g. `aws-native:bedrock:ApplicationInferenceProfile`. */
    type: string;
    /** Pulumi name. */
    name: string;
    /** Inputs as the engine received them (Outputs resolved). */
    inputs: Record<string, any>;
    /** Outputs the mocks returned (inputs plus computed values). */
    state: Record<string, any>;
    /** The id, for custom resources. */
    id?: string;
    /** False for component resources. */
    custom: boolean;
    /** The provider reference, when one was given. */
    provider?: string;
    /** The URN the mock engine gave the resource. */
    urn?: string;
    /** The URN of the resource's parent (undefined for a top-level resource). */
    parent?: string;
    /** URNs of the resources it depends on explicitly or through its inputs. */
    dependencies?: string[];
    /** For a component, the outputs it registered with `registerOutputs` (resolved). */
    outputs?: Record<string, any>;
    /** True for a resource read with `.get()` rather than created. */
    read?: boolean;
}

/** Options for `setBedrockMocks`. */
export interface BedrockMocksOptions {
    /** Account id the invokes answer with (default `123456789012`). */
    accountId?: string;
    /** Region the invokes answer with (default `us-east-1`). */
    region?: string;
    /** Partition (default: derived from the Region). */
    partition?: string;
    /**
     * Evaluate as a preview (`pulumi preview`): computed outputs are unknown, except those `outputs` and
     * `newResource` give explicitly (known values, as the test states them).
     */
    preview?: boolean;
    /** Make the account, Region and partition unknown (a provider configured from outputs, in preview). */
    unknownContext?: boolean;
    /** Pulumi project name (default `project`). */
    project?: string;
    /** Pulumi stack name (default `stack`). */
    stack?: string;
    /** Stack configuration, e.g. `{ "aws-native:region": "eu-west-1" }`. */
    config?: Record<string, string>;
    /** Outputs to return for a resource, merged over the defaults (return undefined to keep them). */
    newResource?: (args: pulumi.runtime.MockResourceArgs) => Record<string, any> | undefined;
    /**
     * Outputs per resource type, merged over the defaults: an object, or a function of the resource's
     * mock arguments and the default outputs. An `id` key sets the id. Applied before `newResource`.
     */
    outputs?: Record<string, Record<string, any> | ((args: pulumi.runtime.MockResourceArgs, defaults: Record<string, any>) => Record<string, any> | undefined)>;
    /** Called for every resource recorded (progress reporting). */
    onResource?: (resource: RecordedResource) => void;
    /** Answers for invokes this package does not make (return undefined to fall back to `{}`). */
    call?: (args: pulumi.runtime.MockCallArgs) => Record<string, any> | undefined;
}

/** What `setBedrockMocks` records. */
export class MockRecorder {
    /** Every registered resource, components included, in registration order. */
    public readonly resources: RecordedResource[] = [];
    /** Every invoke the program made. */
    public readonly invokes: pulumi.runtime.MockCallArgs[] = [];

    /** Resources of `type` (components included), in registration order. */
    public byType(type: string): RecordedResource[] {
        return this.resources.filter((r) => r.type === type);
    }

    /** Resources with Pulumi name `name`, any type. */
    public byName(name: string): RecordedResource[] {
        return this.resources.filter((r) => r.name === name);
    }

    /** The resource with `urn`, if recorded. */
    public byUrn(urn: string): RecordedResource | undefined {
        return this.resources.find((r) => r.urn === urn);
    }

    /** The one resource of `type` named `name`, or undefined when there is none (throws when there are several). */
    public tryFind(type: string, name: string): RecordedResource | undefined {
        const found = this.resources.filter((r) => r.type === type && r.name === name);
        if (found.length > 1) throw new Error(`expected at most one ${type} named ${name}, found ${found.length}`);
        return found[0];
    }

    /** Direct children of `parent` (a recorded resource or its URN), in registration order. */
    public childrenOf(parent: RecordedResource | string): RecordedResource[] {
        const urn = typeof parent === "string" ? parent : parent.urn;
        return urn === undefined ? [] : this.resources.filter((r) => r.parent === urn);
    }

    /** Every resource under `parent`, children first level by level (registration order within a level). */
    public descendantsOf(parent: RecordedResource | string): RecordedResource[] {
        const out: RecordedResource[] = [];
        let level = this.childrenOf(parent);
        while (level.length > 0) {
            out.push(...level);
            level = level.flatMap((r) => this.childrenOf(r));
        }
        return out;
    }

    /** The parent of `resource`, if it has one and it was recorded. */
    public parentOf(resource: RecordedResource): RecordedResource | undefined {
        return resource.parent === undefined ? undefined : this.byUrn(resource.parent);
    }

    /** Resources with no recorded parent, in registration order. */
    public get roots(): RecordedResource[] {
        return this.resources.filter((r) => r.parent === undefined || this.byUrn(r.parent) === undefined);
    }

    /** The one resource of `type` named `name`; throws when there is none or more than one. */
    public find(type: string, name: string): RecordedResource {
        const found = this.resources.filter((r) => r.type === type && r.name === name);
        if (found.length !== 1) {
            const names = this.byType(type).map((r) => r.name);
            throw new Error(`expected one ${type} named ${name}, found ${found.length} (registered: ${names.join(", ") || "none"})`);
        }
        return found[0];
    }

    /** Component resources. */
    public get components(): RecordedResource[] {
        return this.resources.filter((r) => !r.custom);
    }

    /** Resources whose type is a custom resource (not a component). */
    public get customResources(): RecordedResource[] {
        return this.resources.filter((r) => r.custom);
    }

    /** Forgets everything recorded so far. */
    public clear(): void {
        this.resources.length = 0;
        this.invokes.length = 0;
    }
}

/** A short deterministic id derived from `seed`: `length` characters of [a-z0-9] (uppercase with `upper`). */
export function fakeId(seed: string, length: number, upper = false): string {
    const alphabet = upper ? "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" : "abcdefghijklmnopqrstuvwxyz0123456789";
    const bytes = crypto.createHash("sha256").update(seed).digest();
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[bytes[i] % alphabet.length];
    return out;
}

/**
 * The foundation-model ARNs behind a system-defined profile ARN, as `GetInferenceProfile` reports them:
 * the model in each destination Region of the profile's geography (for a `global.` profile: the model in
 * the profile's Region and the Region-less global model ARN); empty when the ARN names no known geography.
 */
function systemProfileModels(profileArn: string, partition: string): { modelArn: string }[] {
    const parts = profileArn.split(":");
    const resource = parts.slice(5).join(":");
    if (parts.length < 6 || !resource.startsWith("inference-profile/")) return [];
    const profileId = resource.slice("inference-profile/".length);
    const dot = profileId.indexOf(".");
    const geo = dot > 0 ? CrossRegionInferenceProfileRegion.fromPrefix(profileId.slice(0, dot)) : undefined;
    if (!geo) return [];
    const modelId = profileId.slice(dot + 1);
    const regions = geo.isGlobal ? [parts[3], ""] : [...geo.destinationRegions];
    return regions.map((r) => ({ modelArn: `arn:${partition}:bedrock:${r}::foundation-model/${modelId}` }));
}

/**
 * The outputs the mocks return for a resource of a type this package creates (inputs included).
 * `ctx.promptVersions` counts the versions created per prompt ARN, so that a prompt's versions are
 * numbered 1, 2, ... in the order they are created (without it every version is `1`).
 * An application profile reports `models`: the model it copies, or the models of the system profile it
 * copies in the destination Regions of that profile's geography.
 */
export function defaultOutputs(
    args: pulumi.runtime.MockResourceArgs,
    ctx: { account: string; region: string; partition: string; promptVersions?: Map<string, number> },
): {
    /** The resource's physical id. */
    id: string;
    /** The resource's outputs: its inputs plus the properties the provider would compute (ARNs, ids, timestamps). */
    state: Record<string, any>;
} {
    const { account, region, partition } = ctx;
    const inputs = args.inputs ?? {};
    const bedrockArn = (resource: string) => `arn:${partition}:bedrock:${region}:${account}:${resource}`;
    const now = "2026-01-01T00:00:00Z";
    switch (args.type) {
        case "aws:iam/role:Role": {
            const name = inputs.name ?? `${args.name}-${fakeId(args.name, 7)}`;
            return {
                id: name,
                state: {
                    ...inputs,
                    name,
                    arn: `arn:${partition}:iam::${account}:role/${inputs.path && inputs.path !== "/" ? inputs.path.replace(/^\/|\/$/g, "") + "/" : ""}${name}`,
                    uniqueId: `AROA${fakeId(args.name, 17, true)}`,
                },
            };
        }
        case "aws:iam/rolePolicy:RolePolicy": {
            const name = inputs.name ?? `${args.name}-${fakeId(args.name, 7)}`;
            return { id: `${inputs.role}:${name}`, state: { ...inputs, name } };
        }
        case "aws:iam/policy:Policy": {
            const name = inputs.name ?? `${args.name}-${fakeId(args.name, 7)}`;
            return {
                id: `arn:${partition}:iam::${account}:policy/${name}`,
                state: { ...inputs, name, arn: `arn:${partition}:iam::${account}:policy/${name}`, policyId: `ANPA${fakeId(args.name, 17, true)}` },
            };
        }
        case "aws-native:iam:ManagedPolicy": {
            const name = inputs.managedPolicyName ?? `${args.name}-${fakeId(args.name, 12, true)}`;
            const policyPath = inputs.path && inputs.path !== "/" ? inputs.path.replace(/^\/|\/$/g, "") + "/" : "";
            const arn = `arn:${partition}:iam::${account}:policy/${policyPath}${name}`;
            return {
                id: arn,
                state: {
                    ...inputs,
                    policyArn: arn,
                    attachmentCount: (inputs.roles ?? []).length,
                    isAttachable: true,
                    policyId: `ANPA${fakeId(args.name, 17, true)}`,
                },
            };
        }
        case "aws:iam/rolePolicyAttachment:RolePolicyAttachment":
            return { id: `${inputs.role}-${fakeId(args.name, 8)}`, state: { ...inputs } };
        case "aws:lambda/function:Function": {
            const name = inputs.name ?? `${args.name}-${fakeId(args.name, 7)}`;
            const arn = `arn:${partition}:lambda:${region}:${account}:function:${name}`;
            return {
                id: name,
                state: {
                    ...inputs,
                    name,
                    arn,
                    qualifiedArn: `${arn}:$LATEST`,
                    version: "$LATEST",
                    invokeArn: `arn:${partition}:apigateway:${region}:lambda:path/2015-03-31/functions/${arn}/invocations`,
                },
            };
        }
        case "aws:lambda/permission:Permission":
            return { id: inputs.statementId ?? args.name, state: { ...inputs } };
        case "aws:cloudwatch/metricAlarm:MetricAlarm": {
            const name = inputs.name ?? `${args.name}-${fakeId(args.name, 7)}`;
            return { id: name, state: { ...inputs, name, arn: `arn:${partition}:cloudwatch:${region}:${account}:alarm:${name}` } };
        }
        case "aws:cloudwatch/dashboard:Dashboard":
            return {
                id: inputs.dashboardName,
                state: { ...inputs, dashboardArn: `arn:${partition}:cloudwatch::${account}:dashboard/${inputs.dashboardName}` },
            };
        case "aws:budgets/budget:Budget": {
            const name = inputs.name ?? `${args.name}-${fakeId(args.name, 7)}`;
            return { id: `${account}:${name}`, state: { ...inputs, name, accountId: account, arn: `arn:${partition}:budgets::${account}:budget/${name}` } };
        }
        case "aws:cloudwatch/logGroup:LogGroup": {
            const name = inputs.name ?? `${args.name}-${fakeId(args.name, 7)}`;
            return { id: name, state: { ...inputs, name, arn: `arn:${partition}:logs:${region}:${account}:log-group:${name}` } };
        }
        case "aws-native:bedrock:ApplicationInferenceProfile": {
            const id = fakeId(args.name, 12);
            const arn = bedrockArn(`application-inference-profile/${id}`);
            const copyFrom: string = typeof inputs.modelSource?.copyFrom === "string" ? inputs.modelSource.copyFrom : "";
            const models = copyFrom.includes(":foundation-model/") ? [{ modelArn: copyFrom }] : systemProfileModels(copyFrom, partition);
            return {
                id: arn,
                state: {
                    ...inputs,
                    inferenceProfileArn: arn,
                    inferenceProfileId: id,
                    inferenceProfileIdentifier: arn,
                    status: "ACTIVE",
                    type: "APPLICATION",
                    models,
                    createdAt: now,
                    updatedAt: now,
                },
            };
        }
        case "aws-native:bedrockagentcore:Harness": {
            // Ids are `<harnessName>-<10 characters>`; the primary identifier is the ARN.
            const harnessName: string = inputs.harnessName ?? args.name.replace(/[^a-zA-Z0-9_]/g, "_").slice(0, 40);
            const harnessId = `${harnessName}-${fakeId(args.name, 10)}`;
            const arn = `arn:${partition}:bedrock-agentcore:${region}:${account}:harness/${harnessId}`;
            const runtimeId = `${harnessName}_rt-${fakeId(`${args.name}/runtime`, 10)}`;
            const memory = inputs.memory?.managedMemoryConfiguration
                ? {
                      ...inputs.memory,
                      managedMemoryConfiguration: {
                          ...inputs.memory.managedMemoryConfiguration,
                          arn: `arn:${partition}:bedrock-agentcore:${region}:${account}:memory/${harnessName}_mem-${fakeId(`${args.name}/memory`, 10)}`,
                      },
                  }
                : inputs.memory;
            return {
                id: arn,
                state: {
                    ...inputs,
                    harnessName,
                    memory,
                    arn,
                    harnessId,
                    status: "READY",
                    version: "1",
                    environment: {
                        agentCoreRuntimeEnvironment: {
                            agentRuntimeArn: `arn:${partition}:bedrock-agentcore:${region}:${account}:runtime/${runtimeId}`,
                            agentRuntimeId: runtimeId,
                            agentRuntimeName: `${harnessName}_rt`,
                        },
                    },
                    createdAt: now,
                    updatedAt: now,
                },
            };
        }
        case "aws-native:bedrockagentcore:HarnessEndpoint": {
            const harnessId: string = inputs.harnessId ?? `harness-${fakeId(args.name, 10)}`;
            const endpointName: string = inputs.endpointName ?? args.name.replace(/[^a-zA-Z0-9_]/g, "_").slice(0, 48);
            const arn = `arn:${partition}:bedrock-agentcore:${region}:${account}:harness/${harnessId}/harness-endpoint/${endpointName}`;
            return {
                id: arn,
                state: {
                    ...inputs,
                    endpointName,
                    arn,
                    harnessName: harnessId.replace(/-[a-zA-Z0-9]{10}$/, ""),
                    status: "READY",
                    liveVersion: inputs.targetVersion ?? "1",
                    createdAt: now,
                    updatedAt: now,
                },
            };
        }
        case "aws-native:bedrock:IntelligentPromptRouter": {
            const id = fakeId(args.name, 12);
            const arn = bedrockArn(`prompt-router/${id}`);
            return { id: arn, state: { ...inputs, promptRouterArn: arn, status: "AVAILABLE", type: "custom", createdAt: now, updatedAt: now } };
        }
        case "aws-native:bedrock:Prompt": {
            const id = fakeId(args.name, 10, true);
            return {
                id: bedrockArn(`prompt/${id}`),
                state: { ...inputs, arn: bedrockArn(`prompt/${id}`), awsId: id, version: "DRAFT", createdAt: now, updatedAt: now },
            };
        }
        case "aws-native:bedrock:PromptVersion": {
            const promptArn: string = inputs.promptArn ?? bedrockArn(`prompt/${fakeId(args.name, 10, true)}`);
            const promptId = promptArn.split("/").pop() as string;
            const version = String((ctx.promptVersions?.get(promptArn) ?? 0) + 1);
            ctx.promptVersions?.set(promptArn, Number(version));
            return {
                id: `${promptArn}:${version}`,
                state: { ...inputs, arn: `${promptArn}:${version}`, promptId, version, createdAt: now, updatedAt: now },
            };
        }
        case "aws-native:bedrock:Agent": {
            const agentId = fakeId(args.name, 10, true);
            return {
                id: agentId,
                state: {
                    ...inputs,
                    agentId,
                    agentArn: bedrockArn(`agent/${agentId}`),
                    agentVersion: "DRAFT",
                    agentStatus: "PREPARED",
                    createdAt: now,
                    updatedAt: now,
                    preparedAt: now,
                },
            };
        }
        case "aws-native:bedrock:AgentAlias": {
            const aliasId = fakeId(args.name, 10, true);
            const agentId = inputs.agentId ?? "AGENTID000";
            const arn = bedrockArn(`agent-alias/${agentId}/${aliasId}`);
            return { id: arn, state: { ...inputs, agentAliasId: aliasId, agentAliasArn: arn, agentAliasStatus: "PREPARED", createdAt: now, updatedAt: now } };
        }
        case "aws-native:bedrock:Guardrail": {
            const id = fakeId(args.name, 12);
            return { id: bedrockArn(`guardrail/${id}`), state: { ...inputs, guardrailId: id, guardrailArn: bedrockArn(`guardrail/${id}`), version: "DRAFT" } };
        }
        default:
            return { id: `${args.name}-id`, state: { ...inputs } };
    }
}

/**
 * Installs Pulumi mocks for a program that uses this package and returns the recorder. Call it before
 * importing the program under test. Invokes answered: `aws-native:index:getAccountId`, `getRegion`,
 * `getPartition`, and `aws:index/getCallerIdentity`, `getRegion`, `getPartition`.
 */
export function setBedrockMocks(options: BedrockMocksOptions = {}): MockRecorder {
    const region = options.region ?? "us-east-1";
    const ctx = { account: options.accountId ?? "123456789012", region, partition: options.partition ?? partitionOfRegion(region) };
    const recorder = new MockRecorder();
    const outputsCtx = { ...ctx, promptVersions: new Map<string, number>() };
    // Replace the whole configuration map, so one test's config never leaks into the next.
    const config: Record<string, string> = {};
    for (const [k, v] of Object.entries(options.config ?? {})) config[k.includes(":") ? k : `${options.project ?? "project"}:${k}`] = v;
    pulumi.runtime.setAllConfig(config);
    const unknown = options.unknownContext === true;
    // An explicit provider answers with its own `region` input (a provider resource the program
    // registered), so programs with providers in several Regions are evaluated as they deploy.
    const contextOf = (provider: string | undefined): typeof ctx => {
        if (!provider) return ctx;
        const urn = provider.slice(0, provider.lastIndexOf("::"));
        const registered = recorder.resources.find((r) => r.urn === urn && r.type.startsWith("pulumi:providers:"));
        const r = registered?.inputs?.region;
        return typeof r === "string" && r !== "" ? { ...ctx, region: r, partition: partitionOfRegion(r) } : ctx;
    };
    const answer = (token: string, provider?: string): Record<string, any> | undefined => {
        const ctx = contextOf(provider);
        switch (token) {
            case INVOKE_TOKENS.accountId:
                return { accountId: unknown ? UNKNOWN : ctx.account };
            case INVOKE_TOKENS.region:
                return { region: unknown ? UNKNOWN : ctx.region };
            case INVOKE_TOKENS.partition:
                return { partition: unknown ? UNKNOWN : ctx.partition, dnsSuffix: "amazonaws.com" };
            case "aws:index/getCallerIdentity:getCallerIdentity":
                return { accountId: ctx.account, arn: `arn:${ctx.partition}:iam::${ctx.account}:user/test`, userId: "AIDATEST", id: ctx.account };
            case "aws:index/getRegion:getRegion":
                return { name: ctx.region, region: ctx.region, id: ctx.region, endpoint: `ec2.${ctx.region}.amazonaws.com`, description: ctx.region };
            case "aws:index/getPartition:getPartition":
                return { partition: ctx.partition, id: ctx.partition, dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
        }
        return undefined;
    };
    // Where the engine is registering (parent, URN), read by `newResource`, which the mock monitor
    // calls synchronously from registerResource/readResource.
    let pending: { urn?: string; parent?: string; dependencies?: string[]; read?: boolean } | undefined;
    const typeOverride = (args: pulumi.runtime.MockResourceArgs, defaults: Record<string, any>): Record<string, any> | undefined => {
        const o = options.outputs?.[args.type];
        return typeof o === "function" ? o(args, defaults) : o;
    };
    pulumi.runtime.setMocks(
        {
            newResource(args) {
                // A resource on an explicit provider is in that provider's Region and partition.
                const base =
                    args.custom === false || options.preview
                        ? { id: "", state: { ...(args.inputs ?? {}) } }
                        : defaultOutputs(args, args.provider ? { ...outputsCtx, ...contextOf(args.provider) } : outputsCtx);
                const byType = args.custom === false ? undefined : typeOverride(args, { ...base.state, id: base.id });
                const extra = { ...(byType ?? {}), ...(options.newResource?.(args) ?? {}) };
                const { id: extraId, ...extraState } = extra as Record<string, any>;
                // In a preview, computed outputs are unknown, but outputs the test gives explicitly are known values.
                const state = { ...base.state, ...extraState };
                const explicitId = extraId as string | undefined;
                const id = explicitId ?? base.id;
                const meta = pending ?? {};
                pending = undefined;
                const record: RecordedResource = {
                    type: args.type,
                    name: args.name,
                    inputs: args.inputs ?? {},
                    state,
                    id: args.custom === false ? undefined : id,
                    custom: args.custom !== false,
                    provider: args.provider,
                };
                if (meta.urn !== undefined) record.urn = meta.urn;
                if (meta.parent) record.parent = meta.parent;
                if (meta.dependencies && meta.dependencies.length > 0) record.dependencies = meta.dependencies;
                if (meta.read) record.read = true;
                recorder.resources.push(record);
                options.onResource?.(record);
                return { id: options.preview && args.custom !== false && explicitId === undefined ? (undefined as unknown as string) : id, state };
            },
            call(args) {
                recorder.invokes.push(args);
                return answer(args.token, args.provider) ?? options.call?.(args) ?? {};
            },
        },
        options.project ?? "project",
        options.stack ?? "stack",
        options.preview ?? false,
    );
    instrumentMonitor(recorder, (p) => (pending = p));
    return recorder;
}

interface MonitorRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getDependenciesList?(): string[];
    getUrn(): string;
    getOutputs(): { toJavaScript(): Record<string, any> } | undefined;
}

/** Wraps the mock monitor so that every recorded resource gets its URN, parent and dependencies. */
function instrumentMonitor(recorder: MockRecorder, setPending: (p: { urn?: string; parent?: string; dependencies?: string[]; read?: boolean }) => void): void {
    const monitor = pulumi.runtime.getMonitor() as unknown as Record<string, any> | undefined;
    if (!monitor || typeof monitor.newUrn !== "function") return;
    const urnOf = (req: MonitorRequest): string => monitor.newUrn(req.getParent(), req.getType(), req.getName());
    for (const method of ["registerResource", "readResource"]) {
        const original = monitor[method].bind(monitor);
        monitor[method] = (req: MonitorRequest, callback: unknown) => {
            setPending({
                urn: urnOf(req),
                parent: req.getParent() || undefined,
                dependencies: method === "registerResource" ? req.getDependenciesList?.() : undefined,
                read: method === "readResource",
            });
            return original(req, callback);
        };
    }
    const originalOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req: MonitorRequest, callback: unknown) => {
        const r = recorder.resources.find((x) => x.urn === req.getUrn());
        if (r) {
            const struct = req.getOutputs();
            r.outputs = struct ? pulumi.runtime.deserializeProperties(struct as never) : {};
        }
        return originalOutputs(req, callback);
    };
}

/** The value of an Output (undefined when it is unknown, as in a preview). */
export function resolveOutput<T>(output: pulumi.Input<T>): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
        const o = pulumi.output(output) as pulumi.Output<T>;
        // An unknown Output never runs apply during preview: look at isKnown first.
        (o as unknown as { isKnown: Promise<boolean> }).isKnown.then((known) => {
            if (!known) resolve(undefined);
            else o.apply((v) => resolve(v as T));
        }, reject);
    });
}

/** Waits until every resource registered so far, including those registered inside `apply`, is recorded. */
export async function settle(): Promise<void> {
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 10));
}

/** A policy attached to a role, parsed. */
export interface AttachedPolicy {
    /** Pulumi name of the resource that carries the document (the policy's name for one inside the role's own inputs). */
    name: string;
    /** `inline` (a role policy resource or the role's own) or `managed` (a customer managed policy the program attaches). */
    kind: "inline" | "managed";
    /** The document as deployed (compact JSON). */
    json: string;
    /** The statements, canonical. */
    statements: Statement[];
}

/** A role given to the policy helpers: its IAM name, its Pulumi resource name, or its ARN. */
function roleNames(recorder: MockRecorder, role: string): Set<string> {
    const names = new Set<string>([role]);
    if (role.startsWith("arn:")) {
        const name = roleNameFromArn(role);
        if (name) names.add(name);
    }
    for (const r of recorder.byType(ROLE_TYPE)) {
        if (r.name === role && typeof r.state.name === "string") names.add(r.state.name);
    }
    return names;
}

const ROLE_TYPE = "aws:iam/role:Role";

/**
 * The policies attached to a role, read by the shared reader (components/rules/policies.ts): inline
 * policies (`aws.iam.RolePolicy`, the role's own, aws-native `RolePolicy`) and customer managed policies
 * the program creates and attaches; AWS managed policies (no document offline) are left out. `role` is
 * the role's IAM name (as the mocks returned it), its Pulumi resource name, or its ARN. Sorted by name.
 */
export function policiesForRole(recorder: MockRecorder, role: string): AttachedPolicy[] {
    const names = roleNames(recorder, role);
    const iam = new Set<string>(IAM_POLICY_TYPES);
    const resources = recorder.resources.filter((r) => iam.has(r.type)).map((r) => ({ type: r.type, name: r.name, inputs: r.inputs, outputs: r.state }));
    const out: AttachedPolicy[] = [];
    for (const view of readRoles(resources).filter((r) => names.has(r.name))) {
        for (const p of view.policies) {
            if (p.kind === "aws-managed" || p.document === undefined) continue;
            const json = typeof p.document === "string" ? p.document : JSON.stringify(p.document);
            out.push({ name: p.resourceName ?? p.name, kind: p.kind, json, statements: p.statements });
        }
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every statement attached to a role (IAM name, Pulumi name or ARN), across its policies. */
export function statementsForRole(recorder: MockRecorder, role: string): Statement[] {
    return policiesForRole(recorder, role).flatMap((p) => p.statements);
}

/** The trust policy (`assumeRolePolicy`) of a role the program created (IAM name, Pulumi name or ARN), parsed. */
export function trustPolicyForRole(recorder: MockRecorder, role: string): TrustStatement[] {
    const names = roleNames(recorder, role);
    const r = recorder.byType(ROLE_TYPE).find((x) => names.has(x.state.name) || x.name === role);
    if (!r)
        throw new Error(
            `no aws.iam.Role named ${role} (registered: ${
                recorder
                    .byType(ROLE_TYPE)
                    .map((x) => x.name)
                    .join(", ") || "none"
            })`,
        );
    return parseTrustPolicy(r.inputs.assumeRolePolicy);
}

export { parseTrustPolicy, type TrustStatement };

/** Parses a policy document (JSON text or an object) into canonical statements. */
export function parsePolicy(doc: unknown): Statement[] {
    return parseStatements(doc as string);
}

/**
 * Resolves every Output-valued property of `resource` (a component or custom resource object, or
 * any object of Outputs) to a plain object; unknown values are left undefined.
 */
export async function resolveOutputs<T extends object>(resource: T): Promise<{ [K in keyof T]: T[K] extends pulumi.Output<infer U> ? U | undefined : T[K] }> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(resource)) {
        if (k.startsWith("__")) continue;
        out[k] = pulumi.Output.isInstance(v) ? await resolveOutput(v) : v;
    }
    return out as never;
}
