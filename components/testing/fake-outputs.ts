/**
 * The outputs the mocks return per resource type: for the types this package creates and for the
 * resources users pass to it (KMS keys, Lambda functions, guardrails, knowledge bases, S3 buckets,
 * roles, log groups), in both providers. ARNs and names are built from the mocks' account, Region and
 * partition, ids are deterministic (derived from the resource's name), so plans and tests are stable.
 */
import * as crypto from "crypto";
import type * as pulumi from "@pulumi/pulumi";
import { guardrailArn, knowledgeBaseArn } from "../catalog/arns";
import { CrossRegionInferenceProfileRegion } from "../catalog/geographies";

/** A short deterministic id derived from `seed`: `length` characters of [a-z0-9] (uppercase with `upper`). */
export function fakeId(seed: string, length: number, upper = false): string {
    const alphabet = upper ? "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" : "abcdefghijklmnopqrstuvwxyz0123456789";
    const bytes = crypto.createHash("sha256").update(seed).digest();
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[bytes[i] % alphabet.length];
    return out;
}

/** A deterministic UUID-shaped id (8-4-4-4-12 lowercase hex) derived from `seed`, as KMS key ids are. */
function fakeUuid(seed: string): string {
    const hex = crypto.createHash("sha256").update(seed).digest("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Where the mocks evaluate, and the versions created so far. */
export interface FakeContext {
    /** Account id. */
    account: string;
    /** Region. */
    region: string;
    /** Partition (`aws`, `aws-cn`, `aws-us-gov`). */
    partition: string;
    /**
     * Versions created so far per versioned resource's ARN (prompts and guardrails), so that versions are
     * numbered 1, 2, ... in the order they are created (without it every version is `1`).
     */
    promptVersions?: Map<string, number>;
}

/** What a fake returns: the physical id and the outputs (inputs plus what the provider computes). */
interface Fake {
    /** The resource's physical id. */
    id: string;
    /** The resource's outputs: its inputs plus the properties the provider would compute (ARNs, ids, timestamps). */
    state: Record<string, any>;
}

const NOW = "2026-01-01T00:00:00Z";

/** The DNS suffix of a partition's endpoints: `amazonaws.com.cn` in China (https://docs.amazonaws.cn/en_us/general/latest/gr/endpoints-Beijing.html). */
function dnsSuffix(partition: string): string {
    return partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
}

/** A name the provider would generate: the input when given, else `<pulumi name>-<suffix>` (Pulumi's auto-naming). */
function autoName(given: unknown, args: pulumi.runtime.MockResourceArgs, suffix: string = fakeId(args.name, 7)): string {
    return typeof given === "string" && given !== "" ? given : `${args.name}-${suffix}`;
}

/** `path/` for an IAM path input (`/a/b/` -> `a/b/`; `/` or none -> empty). */
function iamPath(path: unknown): string {
    return typeof path === "string" && path !== "/" && path !== "" ? path.replace(/^\/|\/$/g, "") + "/" : "";
}

/** The next version number of the resource with ARN `arn`. */
function nextVersion(ctx: FakeContext, arn: string): string {
    const version = (ctx.promptVersions?.get(arn) ?? 0) + 1;
    ctx.promptVersions?.set(arn, version);
    return String(version);
}

/**
 * The foundation-model ARNs behind a system-defined profile ARN, as `GetInferenceProfile` reports them:
 * the model in each destination Region of the profile's geography from its Region (for a `global.` profile: the model in
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
    const regions = geo.isGlobal ? [parts[3], ""] : [...(geo.destinationsFrom(parts[3]) ?? geo.destinationRegions)];
    return regions.map((r) => ({ modelArn: `arn:${partition}:bedrock:${r}::foundation-model/${modelId}` }));
}

type FakeOutputs = (args: pulumi.runtime.MockResourceArgs, inputs: Record<string, any>, ctx: FakeContext) => Fake;

/**
 * An S3 bucket's computed outputs (both providers name the ARN `arn`): `arn:<partition>:s3:::<bucket>`
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-arn-format.html) and its virtual-hosted-style
 * domain names (https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html).
 */
function bucketOutputs(bucket: string, ctx: FakeContext) {
    const suffix = dnsSuffix(ctx.partition);
    return {
        arn: `arn:${ctx.partition}:s3:::${bucket}`,
        domainName: `${bucket}.s3.${suffix}`,
        regionalDomainName: `${bucket}.s3.${ctx.region}.${suffix}`,
    };
}

/**
 * A KMS key: its id is a UUID, its ARN `arn:<partition>:kms:<region>:<account>:key/<id>`
 * (https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id); a multi-Region key's id is
 * `mrk-` and 32 hex digits (https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-overview.html).
 */
function kmsKey(args: pulumi.runtime.MockResourceArgs, multiRegion: unknown, ctx: FakeContext): { keyId: string; arn: string } {
    const keyId = multiRegion === true ? `mrk-${fakeUuid(args.name).replace(/-/g, "")}` : fakeUuid(args.name);
    return { keyId, arn: `arn:${ctx.partition}:kms:${ctx.region}:${ctx.account}:key/${keyId}` };
}

/** Outputs per resource type (the inputs are included in each). */
const FAKES: Record<string, FakeOutputs> = {
    // ---- usage and cost tracking ----
    "aws:cloudwatch/metricAlarm:MetricAlarm": (args, inputs, ctx) => {
        const name = inputs.name ?? `${args.name}-${fakeId(args.name, 7)}`;
        return { id: name, state: { ...inputs, name, arn: `arn:${ctx.partition}:cloudwatch:${ctx.region}:${ctx.account}:alarm:${name}` } };
    },
    "aws:cloudwatch/dashboard:Dashboard": (args, inputs, ctx) => ({
        id: inputs.dashboardName,
        state: { ...inputs, dashboardArn: `arn:${ctx.partition}:cloudwatch::${ctx.account}:dashboard/${inputs.dashboardName}` },
    }),
    "aws:budgets/budget:Budget": (args, inputs, ctx) => {
        const name = inputs.name ?? `${args.name}-${fakeId(args.name, 7)}`;
        return {
            id: `${ctx.account}:${name}`,
            state: { ...inputs, name, accountId: ctx.account, arn: `arn:${ctx.partition}:budgets::${ctx.account}:budget/${name}` },
        };
    },
    // ---- AgentCore harness ----
    "aws-native:bedrockagentcore:Harness": (args, inputs, ctx) => {
        // Ids are `<harnessName>-<10 characters>`; the primary identifier is the ARN.
        const harnessName: string = inputs.harnessName ?? args.name.replace(/[^a-zA-Z0-9_]/g, "_").slice(0, 40);
        const harnessId = `${harnessName}-${fakeId(args.name, 10)}`;
        const arn = `arn:${ctx.partition}:bedrock-agentcore:${ctx.region}:${ctx.account}:harness/${harnessId}`;
        const runtimeId = `${harnessName}_rt-${fakeId(`${args.name}/runtime`, 10)}`;
        const memory = inputs.memory?.managedMemoryConfiguration
            ? {
                  ...inputs.memory,
                  managedMemoryConfiguration: {
                      ...inputs.memory.managedMemoryConfiguration,
                      arn: `arn:${ctx.partition}:bedrock-agentcore:${ctx.region}:${ctx.account}:memory/${harnessName}_mem-${fakeId(`${args.name}/memory`, 10)}`,
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
                        agentRuntimeArn: `arn:${ctx.partition}:bedrock-agentcore:${ctx.region}:${ctx.account}:runtime/${runtimeId}`,
                        agentRuntimeId: runtimeId,
                        agentRuntimeName: `${harnessName}_rt`,
                    },
                },
                createdAt: NOW,
                updatedAt: NOW,
            },
        };
    },
    "aws-native:bedrockagentcore:HarnessEndpoint": (args, inputs, ctx) => {
        const harnessId: string = inputs.harnessId ?? `harness-${fakeId(args.name, 10)}`;
        const endpointName: string = inputs.endpointName ?? args.name.replace(/[^a-zA-Z0-9_]/g, "_").slice(0, 48);
        const arn = `arn:${ctx.partition}:bedrock-agentcore:${ctx.region}:${ctx.account}:harness/${harnessId}/harness-endpoint/${endpointName}`;
        return {
            id: arn,
            state: {
                ...inputs,
                endpointName,
                arn,
                harnessName: harnessId.replace(/-[a-zA-Z0-9]{10}$/, ""),
                status: "READY",
                liveVersion: inputs.targetVersion ?? "1",
                createdAt: NOW,
                updatedAt: NOW,
            },
        };
    },
    // ---- IAM ----
    "aws:iam/role:Role": (args, inputs, ctx) => {
        const name = autoName(inputs.name, args);
        return {
            id: name,
            state: {
                ...inputs,
                name,
                arn: `arn:${ctx.partition}:iam::${ctx.account}:role/${iamPath(inputs.path)}${name}`,
                uniqueId: `AROA${fakeId(args.name, 17, true)}`,
                // AWS reports the attached managed policies, none when the program gives none.
                managedPolicyArns: inputs.managedPolicyArns ?? [],
            },
        };
    },
    "aws-native:iam:Role": (args, inputs, ctx) => {
        const roleName = autoName(inputs.roleName, args, fakeId(args.name, 12, true));
        return {
            id: roleName,
            state: {
                ...inputs,
                roleName,
                arn: `arn:${ctx.partition}:iam::${ctx.account}:role/${iamPath(inputs.path)}${roleName}`,
                roleId: `AROA${fakeId(args.name, 17, true)}`,
            },
        };
    },
    "aws:iam/rolePolicy:RolePolicy": (args, inputs) => {
        const name = autoName(inputs.name, args);
        return { id: `${inputs.role}:${name}`, state: { ...inputs, name } };
    },
    "aws:iam/policy:Policy": (args, inputs, ctx) => {
        const name = autoName(inputs.name, args);
        const arn = `arn:${ctx.partition}:iam::${ctx.account}:policy/${iamPath(inputs.path)}${name}`;
        return { id: arn, state: { ...inputs, name, arn, policyId: `ANPA${fakeId(args.name, 17, true)}` } };
    },
    "aws-native:iam:ManagedPolicy": (args, inputs, ctx) => {
        const name = autoName(inputs.managedPolicyName, args, fakeId(args.name, 12, true));
        const arn = `arn:${ctx.partition}:iam::${ctx.account}:policy/${iamPath(inputs.path)}${name}`;
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
    },
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": (args, inputs) => ({ id: `${inputs.role}-${fakeId(args.name, 8)}`, state: { ...inputs } }),

    // ---- KMS ----
    "aws:kms/key:Key": (args, inputs, ctx) => {
        const { keyId, arn } = kmsKey(args, inputs.multiRegion, ctx);
        return {
            id: keyId,
            state: { keyUsage: "ENCRYPT_DECRYPT", customerMasterKeySpec: "SYMMETRIC_DEFAULT", isEnabled: true, multiRegion: false, ...inputs, keyId, arn },
        };
    },
    "aws-native:kms:Key": (args, inputs, ctx) => {
        const { keyId, arn } = kmsKey(args, inputs.multiRegion, ctx);
        return { id: keyId, state: { keyUsage: "ENCRYPT_DECRYPT", keySpec: "SYMMETRIC_DEFAULT", enabled: true, ...inputs, keyId, arn } };
    },

    // ---- Lambda ----
    "aws:lambda/function:Function": (args, inputs, ctx) => {
        const name = autoName(inputs.name, args);
        const arn = `arn:${ctx.partition}:lambda:${ctx.region}:${ctx.account}:function:${name}`;
        return {
            id: name,
            state: {
                ...inputs,
                name,
                arn,
                qualifiedArn: `${arn}:$LATEST`,
                version: "$LATEST",
                invokeArn: `arn:${ctx.partition}:apigateway:${ctx.region}:lambda:path/2015-03-31/functions/${arn}/invocations`,
            },
        };
    },
    "aws-native:lambda:Function": (args, inputs, ctx) => {
        const functionName = autoName(inputs.functionName, args, fakeId(args.name, 12, true));
        return {
            id: functionName,
            state: { ...inputs, functionName, arn: `arn:${ctx.partition}:lambda:${ctx.region}:${ctx.account}:function:${functionName}` },
        };
    },
    "aws:lambda/permission:Permission": (args, inputs) => ({ id: inputs.statementId ?? args.name, state: { ...inputs } }),

    // ---- S3 ----
    "aws:s3/bucket:Bucket": (args, inputs, ctx) => awsBucket(args, inputs, ctx),
    "aws:s3/bucketV2:BucketV2": (args, inputs, ctx) => awsBucket(args, inputs, ctx),
    "aws-native:s3:Bucket": (args, inputs, ctx) => {
        const bucketName = autoName(inputs.bucketName, args, fakeId(args.name, 12));
        const { arn, domainName, regionalDomainName } = bucketOutputs(bucketName, ctx);
        return {
            id: bucketName,
            state: {
                ...inputs,
                bucketName,
                arn,
                domainName,
                regionalDomainName,
                dualStackDomainName: `${bucketName}.s3.dualstack.${ctx.region}.${dnsSuffix(ctx.partition)}`,
            },
        };
    },

    // ---- CloudWatch Logs ----
    "aws:cloudwatch/logGroup:LogGroup": (args, inputs, ctx) => {
        const name = autoName(inputs.name, args);
        return { id: name, state: { retentionInDays: 0, ...inputs, name, arn: `arn:${ctx.partition}:logs:${ctx.region}:${ctx.account}:log-group:${name}` } };
    },
    "aws-native:logs:LogGroup": (args, inputs, ctx) => {
        const logGroupName = autoName(inputs.logGroupName, args, fakeId(args.name, 12, true));
        // CloudFormation's Arn attribute of a log group ends in `:*`
        // (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-logs-loggroup.html).
        return {
            id: logGroupName,
            state: { ...inputs, logGroupName, arn: `arn:${ctx.partition}:logs:${ctx.region}:${ctx.account}:log-group:${logGroupName}:*` },
        };
    },

    // ---- Bedrock: guardrails and knowledge bases ----
    "aws:bedrock/guardrail:Guardrail": (args, inputs, ctx) => {
        const guardrailId = fakeId(args.name, 12);
        const arn = guardrailArn(ctx.partition, ctx.region, ctx.account, guardrailId);
        // The aws provider's id is `<guardrailId>,<version>` (its import id, in node_modules/@pulumi/aws/bedrock/guardrail.d.ts).
        return {
            id: `${guardrailId},DRAFT`,
            state: { ...inputs, guardrailId, guardrailArn: arn, version: "DRAFT", status: "READY", createdAt: NOW, updatedAt: NOW },
        };
    },
    "aws-native:bedrock:Guardrail": (args, inputs, ctx) => {
        const guardrailId = fakeId(args.name, 12);
        const arn = guardrailArn(ctx.partition, ctx.region, ctx.account, guardrailId);
        return { id: arn, state: { ...inputs, guardrailId, guardrailArn: arn, version: "DRAFT", status: "READY", createdAt: NOW, updatedAt: NOW } };
    },
    "aws:bedrock/guardrailVersion:GuardrailVersion": (args, inputs, ctx) => {
        const arn = String(inputs.guardrailArn ?? "");
        const version = nextVersion(ctx, arn);
        return { id: `${arn},${version}`, state: { ...inputs, version } };
    },
    "aws-native:bedrock:GuardrailVersion": (args, inputs, ctx) => {
        const identifier = String(inputs.guardrailIdentifier ?? "");
        const arn = identifier.startsWith("arn:") ? identifier : guardrailArn(ctx.partition, ctx.region, ctx.account, identifier);
        const guardrailId = arn.split("/").pop() as string;
        const version = nextVersion(ctx, arn);
        // CloudFormation's Ref is `<guardrail-id>|<version>`
        // (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-bedrock-guardrailversion.html).
        return { id: `${guardrailId}|${version}`, state: { ...inputs, guardrailArn: arn, guardrailId, version } };
    },
    "aws:bedrock/agentKnowledgeBase:AgentKnowledgeBase": (args, inputs, ctx) => {
        const id = fakeId(args.name, 10, true);
        // The aws provider's id is the knowledge base id and its ARN output is `arn`
        // (node_modules/@pulumi/aws/bedrock/agentKnowledgeBase.d.ts); ids are 10 letters or digits.
        return {
            id,
            state: { ...inputs, arn: knowledgeBaseArn(ctx.partition, ctx.region, ctx.account, id), failureReasons: [], createdAt: NOW, updatedAt: NOW },
        };
    },
    "aws-native:bedrock:KnowledgeBase": (args, inputs, ctx) => {
        const knowledgeBaseId = fakeId(args.name, 10, true);
        return {
            id: knowledgeBaseId,
            state: {
                ...inputs,
                knowledgeBaseId,
                knowledgeBaseArn: knowledgeBaseArn(ctx.partition, ctx.region, ctx.account, knowledgeBaseId),
                status: "ACTIVE",
                failureReasons: [],
                createdAt: NOW,
                updatedAt: NOW,
            },
        };
    },

    // ---- Bedrock: what this package creates ----
    "aws-native:bedrock:ApplicationInferenceProfile": (args, inputs, ctx) => {
        const id = fakeId(args.name, 12);
        const arn = bedrockArn(ctx, `application-inference-profile/${id}`);
        const copyFrom: string = typeof inputs.modelSource?.copyFrom === "string" ? inputs.modelSource.copyFrom : "";
        const models = copyFrom.includes(":foundation-model/") ? [{ modelArn: copyFrom }] : systemProfileModels(copyFrom, ctx.partition);
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
                createdAt: NOW,
                updatedAt: NOW,
            },
        };
    },
    "aws-native:bedrock:IntelligentPromptRouter": (args, inputs, ctx) => {
        const arn = bedrockArn(ctx, `prompt-router/${fakeId(args.name, 12)}`);
        return { id: arn, state: { ...inputs, promptRouterArn: arn, status: "AVAILABLE", type: "custom", createdAt: NOW, updatedAt: NOW } };
    },
    "aws-native:bedrock:Prompt": (args, inputs, ctx) => {
        const id = fakeId(args.name, 10, true);
        const arn = bedrockArn(ctx, `prompt/${id}`);
        return { id: arn, state: { ...inputs, arn, awsId: id, version: "DRAFT", createdAt: NOW, updatedAt: NOW } };
    },
    "aws-native:bedrock:PromptVersion": (args, inputs, ctx) => {
        const promptArn: string = inputs.promptArn ?? bedrockArn(ctx, `prompt/${fakeId(args.name, 10, true)}`);
        const promptId = promptArn.split("/").pop() as string;
        const version = nextVersion(ctx, promptArn);
        return { id: `${promptArn}:${version}`, state: { ...inputs, arn: `${promptArn}:${version}`, promptId, version, createdAt: NOW, updatedAt: NOW } };
    },
    "aws-native:bedrock:Agent": (args, inputs, ctx) => {
        const agentId = fakeId(args.name, 10, true);
        return {
            id: agentId,
            state: {
                ...inputs,
                agentId,
                agentArn: bedrockArn(ctx, `agent/${agentId}`),
                agentVersion: "DRAFT",
                agentStatus: "PREPARED",
                createdAt: NOW,
                updatedAt: NOW,
                preparedAt: NOW,
            },
        };
    },
    "aws-native:bedrock:AgentAlias": (args, inputs, ctx) => {
        const aliasId = fakeId(args.name, 10, true);
        const arn = bedrockArn(ctx, `agent-alias/${inputs.agentId ?? "AGENTID000"}/${aliasId}`);
        return { id: arn, state: { ...inputs, agentAliasId: aliasId, agentAliasArn: arn, agentAliasStatus: "PREPARED", createdAt: NOW, updatedAt: NOW } };
    },
};

/** A Bedrock ARN in the mocks' partition, Region and account. */
function bedrockArn(ctx: FakeContext, resource: string): string {
    return `arn:${ctx.partition}:bedrock:${ctx.region}:${ctx.account}:${resource}`;
}

function awsBucket(args: pulumi.runtime.MockResourceArgs, inputs: Record<string, any>, ctx: FakeContext): Fake {
    const bucket = autoName(inputs.bucket, args);
    const { arn, domainName, regionalDomainName } = bucketOutputs(bucket, ctx);
    return {
        id: bucket,
        state: {
            ...inputs,
            bucket,
            arn,
            bucketDomainName: domainName,
            bucketRegionalDomainName: regionalDomainName,
            region: ctx.region,
            bucketRegion: ctx.region,
        },
    };
}

/** The resource types `defaultOutputs` gives computed outputs for (other types get their inputs only). */
export const FAKED_TYPES: readonly string[] = Object.keys(FAKES);

/**
 * The outputs the mocks return for a resource (inputs included): realistic ids, names and ARNs for the
 * types this package creates and the resources users pass to it (`FAKED_TYPES`); the inputs and the id
 * `<name>-id` for any other type. `ctx.promptVersions` numbers the versions of a prompt or guardrail 1, 2, ...
 * in the order they are created. An application profile reports `models`: the model it copies, or the
 * models of the system profile it copies in the destination Regions of that profile's geography.
 */
export function defaultOutputs(
    args: pulumi.runtime.MockResourceArgs,
    ctx: FakeContext,
): {
    /** The resource's physical id. */
    id: string;
    /** The resource's outputs: its inputs plus the properties the provider would compute (ARNs, ids, timestamps). */
    state: Record<string, any>;
} {
    const inputs = args.inputs ?? {};
    const fake = FAKES[args.type];
    return fake ? fake(args, inputs, ctx) : { id: `${args.name}-id`, state: { ...inputs } };
}
