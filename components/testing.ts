/**
 * Testing helpers for programs that use this package: Pulumi mocks that answer every invoke the
 * package makes and return realistic outputs for every resource type it creates, a recorder of
 * registered resources, and helpers to resolve outputs and read the IAM policies attached to a role.
 */
import * as crypto from "crypto";
import * as pulumi from "@pulumi/pulumi";
import { INVOKE_TOKENS } from "./context";
import { parseStatements, type Statement } from "./policy";

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
}

/** Options for `setBedrockMocks`. */
export interface BedrockMocksOptions {
    /** Account id the invokes answer with (default `123456789012`). */
    accountId?: string;
    /** Region the invokes answer with (default `us-east-1`). */
    region?: string;
    /** Partition (default: derived from the Region). */
    partition?: string;
    /** Evaluate as a preview (`pulumi preview`): computed outputs are unknown. */
    preview?: boolean;
    /** Make the account, Region and partition unknown (a provider configured from outputs, in preview). */
    unknownContext?: boolean;
    /** Pulumi project and stack names (default `project`, `stack`). */
    project?: string;
    stack?: string;
    /** Stack configuration, e.g. `{ "aws-native:region": "eu-west-1" }`. */
    config?: Record<string, string>;
    /** Outputs to return for a resource, merged over the defaults (return undefined to keep them). */
    newResource?: (args: pulumi.runtime.MockResourceArgs) => Record<string, any> | undefined;
    /** Answers for invokes this package does not make (return undefined to fall back to `{}`). */
    call?: (args: pulumi.runtime.MockCallArgs) => Record<string, any> | undefined;
}

/** What `setBedrockMocks` records. */
export class MockRecorder {
    /** Every registered resource, components included, in registration order. */
    public readonly resources: RecordedResource[] = [];
    /** Every invoke the program made. */
    public readonly invokes: pulumi.runtime.MockCallArgs[] = [];

    /** Custom resources of `type`, optionally with Pulumi name `name`. */
    public byType(type: string): RecordedResource[] {
        return this.resources.filter((r) => r.type === type);
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

function partitionOf(region: string): string {
    return region.startsWith("us-gov-") ? "aws-us-gov" : region.startsWith("cn-") ? "aws-cn" : "aws";
}

/** The outputs the mocks return for a resource of a type this package creates (inputs included). */
export function defaultOutputs(
    args: pulumi.runtime.MockResourceArgs,
    ctx: { account: string; region: string; partition: string },
): { id: string; state: Record<string, any> } {
    const { account, region, partition } = ctx;
    const inputs = args.inputs ?? {};
    const bedrockArn = (resource: string) => `arn:${partition}:bedrock:${region}:${account}:${resource}`;
    const now = "2026-01-01T00:00:00Z";
    switch (args.type) {
        case "aws:iam/role:Role": {
            const name = inputs.name ?? `${args.name}-${fakeId(args.name, 7)}`;
            return { id: name, state: { ...inputs, name, arn: `arn:${partition}:iam::${account}:role/${inputs.path && inputs.path !== "/" ? inputs.path.replace(/^\/|\/$/g, "") + "/" : ""}${name}`, uniqueId: `AROA${fakeId(args.name, 17, true)}` } };
        }
        case "aws:iam/rolePolicy:RolePolicy": {
            const name = inputs.name ?? `${args.name}-${fakeId(args.name, 7)}`;
            return { id: `${inputs.role}:${name}`, state: { ...inputs, name } };
        }
        case "aws:iam/policy:Policy": {
            const name = inputs.name ?? `${args.name}-${fakeId(args.name, 7)}`;
            return { id: `arn:${partition}:iam::${account}:policy/${name}`, state: { ...inputs, name, arn: `arn:${partition}:iam::${account}:policy/${name}`, policyId: `ANPA${fakeId(args.name, 17, true)}` } };
        }
        case "aws:iam/rolePolicyAttachment:RolePolicyAttachment":
            return { id: `${inputs.role}-${fakeId(args.name, 8)}`, state: { ...inputs } };
        case "aws:lambda/permission:Permission":
            return { id: inputs.statementId ?? args.name, state: { ...inputs } };
        case "aws-native:bedrock:ApplicationInferenceProfile": {
            const id = fakeId(args.name, 12);
            const arn = bedrockArn(`application-inference-profile/${id}`);
            const copyFrom: string = inputs.modelSource?.copyFrom ?? "";
            const models = copyFrom.includes(":foundation-model/") ? [{ modelArn: copyFrom }] : [];
            return {
                id: arn,
                state: { ...inputs, inferenceProfileArn: arn, inferenceProfileId: id, inferenceProfileIdentifier: arn, status: "ACTIVE", type: "APPLICATION", models, createdAt: now, updatedAt: now },
            };
        }
        case "aws-native:bedrock:IntelligentPromptRouter": {
            const id = fakeId(args.name, 12);
            const arn = bedrockArn(`prompt-router/${id}`);
            return { id: arn, state: { ...inputs, promptRouterArn: arn, status: "AVAILABLE", type: "custom", createdAt: now, updatedAt: now } };
        }
        case "aws-native:bedrock:Prompt": {
            const id = fakeId(args.name, 10, true);
            return { id: bedrockArn(`prompt/${id}`), state: { ...inputs, arn: bedrockArn(`prompt/${id}`), awsId: id, version: "DRAFT", createdAt: now, updatedAt: now } };
        }
        case "aws-native:bedrock:PromptVersion": {
            const promptArn: string = inputs.promptArn ?? bedrockArn(`prompt/${fakeId(args.name, 10, true)}`);
            const promptId = promptArn.split("/").pop() as string;
            return { id: `${promptArn}:1`, state: { ...inputs, arn: `${promptArn}:1`, promptId, version: "1", createdAt: now, updatedAt: now } };
        }
        case "aws-native:bedrock:Agent": {
            const agentId = fakeId(args.name, 10, true);
            return {
                id: agentId,
                state: { ...inputs, agentId, agentArn: bedrockArn(`agent/${agentId}`), agentVersion: "DRAFT", agentStatus: "PREPARED", createdAt: now, updatedAt: now, preparedAt: now },
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
    const ctx = { account: options.accountId ?? "123456789012", region, partition: options.partition ?? partitionOf(region) };
    const recorder = new MockRecorder();
    if (options.config) {
        const config: Record<string, string> = {};
        for (const [k, v] of Object.entries(options.config)) config[k.includes(":") ? k : `${options.project ?? "project"}:${k}`] = v;
        process.env.PULUMI_CONFIG = JSON.stringify(config);
    } else {
        delete process.env.PULUMI_CONFIG;
    }
    const unknown = options.unknownContext === true;
    const answer = (token: string): Record<string, any> | undefined => {
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
    pulumi.runtime.setMocks(
        {
            newResource(args) {
                const base = args.custom === false ? { id: "", state: { ...(args.inputs ?? {}) } } : defaultOutputs(args, ctx);
                const extra = options.newResource?.(args);
                const state = options.preview ? { ...(args.inputs ?? {}) } : { ...base.state, ...(extra ?? {}) };
                const id = options.preview ? "" : (extra?.id as string | undefined) ?? base.id;
                recorder.resources.push({ type: args.type, name: args.name, inputs: args.inputs ?? {}, state, id: args.custom === false ? undefined : id, custom: args.custom !== false, provider: args.provider });
                return { id: options.preview && args.custom !== false ? (undefined as unknown as string) : id, state };
            },
            call(args) {
                recorder.invokes.push(args);
                return answer(args.token) ?? options.call?.(args) ?? {};
            },
        },
        options.project ?? "project",
        options.stack ?? "stack",
        options.preview ?? false,
    );
    return recorder;
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
    /** Pulumi name of the resource that carries the document. */
    name: string;
    /** `inline` (an `aws.iam.RolePolicy`) or `managed` (an `aws.iam.Policy` attached to the role). */
    kind: "inline" | "managed";
    /** The document as deployed (compact JSON). */
    json: string;
    /** The statements, canonical. */
    statements: Statement[];
}

/**
 * The policies attached to the role named `roleName` (its IAM name, as the mocks returned it): inline
 * role policies, and managed policies attached with `aws.iam.RolePolicyAttachment`.
 */
export function policiesForRole(recorder: MockRecorder, roleName: string): AttachedPolicy[] {
    const out: AttachedPolicy[] = [];
    for (const r of recorder.byType("aws:iam/rolePolicy:RolePolicy")) {
        if (r.inputs.role === roleName && typeof r.inputs.policy === "string") {
            out.push({ name: r.name, kind: "inline", json: r.inputs.policy, statements: parseStatements(r.inputs.policy) });
        }
    }
    const policies = recorder.byType("aws:iam/policy:Policy");
    for (const a of recorder.byType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")) {
        if (a.inputs.role !== roleName) continue;
        const p = policies.find((x) => x.state.arn === a.inputs.policyArn);
        if (p && typeof p.inputs.policy === "string") {
            out.push({ name: p.name, kind: "managed", json: p.inputs.policy, statements: parseStatements(p.inputs.policy) });
        }
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every statement attached to the role named `roleName`, across its policies. */
export function statementsForRole(recorder: MockRecorder, roleName: string): Statement[] {
    return policiesForRole(recorder, roleName).flatMap((p) => p.statements);
}
