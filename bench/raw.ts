/**
 * The benchmark program written by hand with raw resources, the Pulumi SDK's floor for what
 * bench/program.ts declares: `N` AWS Native `bedrock.ApplicationInferenceProfile`s copying the US
 * cross-region profiles of 8 Claude models, an `aws.iam.Role` for a Lambda function per 1,000 profiles (as
 * bench/scenario.ts), and for each role one merged policy document written by hand and cut into one
 * inline `aws.iam.RolePolicy` and as many
 * `aws.iam.Policy` + `aws.iam.RolePolicyAttachment` as its size needs (IAM: 10,240 characters inline per
 * role, 6,144 per managed policy); N/10 agents (service role, its inline policy, `bedrock.Agent`) and N/10
 * prompts on the default Anthropic router. No invokes (account and Region are written in), no
 * validation, no symbolic sizing: each document is a plain string built in one `pulumi.all` over the
 * profile ARNs it lists, and where each ARN goes is counted up front from the ARNs' known lengths.
 *
 * `BENCH_WRAP=1` wraps what the package wraps in a trivial ComponentResource (each application profile,
 * each agent with its role and policy, each prompt): the cost of components alone.
 *
 * Usage: node bench/results/raw.js N (through bench/run.js). Prints one JSON line of figures.
 */
import * as fs from "fs";
import * as path from "path";
import type * as P from "@pulumi/pulumi";
import { reportFigures, settleAll } from "./figures";
import { PROFILES_PER_ROLE, tenantsRoleName } from "./scenario";

const started = process.hrtime.bigint();
const n = Number(process.argv[2] ?? "100");
const ROOT = process.env.BENCH_ROOT ?? path.resolve(__dirname, "..");
const compiled = process.env.BENCH_PKG === "bin";
const wrap = process.env.BENCH_WRAP === "1";

const ACCOUNT = "123456789012";
const REGION = "us-east-1";
// The US geography as the catalog cites it (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html).
const US_REGIONS = ["ca-central-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"];
// The eight Claude models of bench/models.json, which the package and CDK programs run too.
const MODELS = JSON.parse(fs.readFileSync(path.join(ROOT, "bench", "models.json"), "utf8")) as string[];
const INVOKE = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];
const systemProfileArn = (model: string) => `arn:aws:bedrock:${REGION}:${ACCOUNT}:inference-profile/us.${model}`;
const modelArns = (model: string) => US_REGIONS.map((r) => `arn:aws:bedrock:${r}::foundation-model/${model}`);
/** A role's trust policy: `service` may assume the role (under `condition`). */
const trust = (service: string, condition?: object) =>
    JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole", ...(condition ? { Condition: condition } : {}) }],
    });
/** Application profile ids are 12 characters (what AWS returns): an ARN's length is known before deploy. */
const APP_ARN_LENGTH = `arn:aws:bedrock:${REGION}:${ACCOUNT}:application-inference-profile/`.length + 12;

function load(rel: string): string {
    return compiled ? path.join(ROOT, "bin", rel) : path.join(ROOT, rel);
}

async function main(): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const testing = require(load("components/testing/testing")) as typeof import("../components/testing/testing");
    const rec = testing.setBedrockMocks({ region: REGION, accountId: ACCOUNT, config: { "aws-native:region": REGION } });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pulumi = require("@pulumi/pulumi") as typeof import("@pulumi/pulumi");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const aws = require("@pulumi/aws/iam") as typeof import("@pulumi/aws/iam");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bedrock = require("@pulumi/aws-native/bedrock") as typeof import("@pulumi/aws-native/bedrock");
    const loaded = process.hrtime.bigint();

    /** A trivial component around what `make` creates (with `BENCH_WRAP=1`), or nothing. */
    class Wrapper extends pulumi.ComponentResource {
        constructor(type: string, name: string, make: (parent: P.Resource) => Record<string, P.Output<unknown>>) {
            super(`bench:raw:${type}`, name, {}, {});
            this.registerOutputs(make(this));
        }
    }
    const wrapped = (type: string, name: string, make: (parent?: P.Resource) => Record<string, P.Output<unknown>>): void => {
        if (wrap) new Wrapper(type, name, make);
        else make(undefined);
    };

    // One role per PROFILES_PER_ROLE profiles, as the package program has (bench/scenario.ts).
    const roles: InstanceType<typeof aws.Role>[] = [];
    const arns: P.Output<string>[][] = [];
    for (let k = 0; k * PROFILES_PER_ROLE < Math.max(n, 1); k++) {
        const role = new aws.Role(tenantsRoleName(k), {
            assumeRolePolicy: trust("lambda.amazonaws.com"),
        });
        roles.push(role);
        arns.push([]);
    }

    for (let i = 0; i < n; i++) {
        wrapped("ApplicationInferenceProfile", `tenant-${i}`, (parent) => {
            const p = new bedrock.ApplicationInferenceProfile(
                `tenant-${i}`,
                { inferenceProfileName: `tenant-${i}`, modelSource: { copyFrom: systemProfileArn(MODELS[i % MODELS.length]) } },
                { parent },
            );
            arns[Math.floor(i / PROFILES_PER_ROLE)].push(p.inferenceProfileArn);
            return {
                inferenceProfileArn: p.inferenceProfileArn,
                inferenceProfileId: p.inferenceProfileId,
                inferenceProfileIdentifier: p.inferenceProfileIdentifier,
            };
        });
    }

    // Each role's merged document: one statement for the profiles (usage and invoke), one per model used
    // (its models in the US Regions, through application profiles or its system profile), list.
    const profileStatement = (resources: string[]) => ({ Effect: "Allow", Action: ["bedrock:GetInferenceProfile", ...INVOKE], Resource: resources });
    const doc = (statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
    roles.forEach((parent, k) => {
        const roleName = parent.name;
        const roleArns = arns[k];
        const used = MODELS.slice(0, Math.min(roleArns.length, MODELS.length));
        const fixed = [
            ...used.map((m) => ({
                Effect: "Allow",
                Action: INVOKE,
                Resource: modelArns(m),
                Condition: {
                    ArnLike: { "bedrock:InferenceProfileArn": [`arn:aws:bedrock:${REGION}:${ACCOUNT}:application-inference-profile/*`, systemProfileArn(m)] },
                },
            })),
            { Effect: "Allow", Action: "bedrock:ListInferenceProfiles", Resource: "*" },
        ];
        const systemArns = used.map(systemProfileArn);
        // How many application profile ARNs fit each policy, counted from lengths known now.
        const perArn = APP_ARN_LENGTH + 3; // quotes and comma
        const inlineRoom = Math.max(0, Math.floor((10240 - doc([...fixed, profileStatement(systemArns)]).length) / perArn));
        const managedRoom = Math.floor((6144 - doc([profileStatement([])]).length) / perArn);
        const chunks: P.Output<string>[][] = [roleArns.slice(0, inlineRoom)];
        for (let j = inlineRoom; j < roleArns.length; j += managedRoom) chunks.push(roleArns.slice(j, j + managedRoom));
        const name = tenantsRoleName(k);
        new aws.RolePolicy(
            `${name}-bedrock`,
            { role: roleName, policy: pulumi.all(chunks[0]).apply((a) => doc([profileStatement([...a, ...systemArns]), ...fixed])) },
            { parent },
        );
        chunks.slice(1).forEach((chunk, i) => {
            const policy = new aws.Policy(`${name}-bedrock-${i + 1}`, { policy: pulumi.all(chunk).apply((a) => doc([profileStatement(a)])) }, { parent });
            new aws.RolePolicyAttachment(`${name}-bedrock-${i + 1}`, { role: roleName, policyArn: policy.arn }, { parent });
        });
    });

    for (let i = 0; i < Math.floor(n / 10); i++) {
        const model = MODELS[i % MODELS.length];
        wrapped("Agent", `agent-${i}`, (parent) => {
            const agentRole = new aws.Role(
                `agent-${i}-role`,
                {
                    namePrefix: "AmazonBedrockExecutionRoleForAgents_",
                    assumeRolePolicy: trust("bedrock.amazonaws.com", {
                        StringEquals: { "aws:SourceAccount": ACCOUNT },
                        ArnLike: { "aws:SourceArn": `arn:aws:bedrock:${REGION}:${ACCOUNT}:agent/*` },
                    }),
                },
                { parent },
            );
            const agentPolicy = new aws.RolePolicy(
                `agent-${i}-role-bedrock`,
                {
                    role: agentRole.name,
                    policy: doc([
                        { Effect: "Allow", Action: "bedrock:GetFoundationModel", Resource: modelArns(model) },
                        { Effect: "Allow", Action: ["bedrock:GetInferenceProfile", ...INVOKE], Resource: systemProfileArn(model) },
                        {
                            Effect: "Allow",
                            Action: INVOKE,
                            Resource: modelArns(model),
                            Condition: { ArnLike: { "bedrock:InferenceProfileArn": systemProfileArn(model) } },
                        },
                    ]),
                },
                { parent: agentRole },
            );
            const agent = new bedrock.Agent(
                `agent-${i}`,
                {
                    agentName: `agent-${i}`,
                    agentResourceRoleArn: agentRole.arn,
                    autoPrepare: true,
                    foundationModel: systemProfileArn(model),
                    idleSessionTtlInSeconds: 600,
                    instruction: "You are a helpful and friendly agent that answers questions about agriculture.",
                    skipResourceInUseCheckOnDelete: false,
                    actionGroups: [
                        { actionGroupName: "UserInputAction", actionGroupState: "DISABLED", parentActionGroupSignature: "AMAZON.UserInput" },
                        { actionGroupName: "CodeInterpreterAction", actionGroupState: "DISABLED", parentActionGroupSignature: "AMAZON.CodeInterpreter" },
                    ],
                },
                { parent, dependsOn: [agentPolicy] },
            );
            return { agentArn: agent.agentArn, agentId: agent.agentId };
        });
    }
    for (let i = 0; i < Math.floor(n / 10); i++) {
        wrapped("Prompt", `prompt-${i}`, (parent) => {
            const prompt = new bedrock.Prompt(
                `prompt-${i}`,
                {
                    name: `prompt-${i}`,
                    variants: [
                        {
                            name: "variant1",
                            modelId: `arn:aws:bedrock:${REGION}:${ACCOUNT}:default-prompt-router/anthropic.claude:1`,
                            templateType: "TEXT",
                            templateConfiguration: { text: { text: "What is the capital of France?" } },
                        },
                    ],
                },
                { parent },
            );
            return { arn: prompt.arn };
        });
    }

    await settleAll(testing, rec);
    const evaluated = process.hrtime.bigint();

    const policies: import("../components/testing/testing").AttachedPolicy[] = [];
    for (const role of roles) policies.push(...testing.policiesForRole(rec, (await testing.resolveOutput(role.name)) as string));
    reportFigures({ side: wrap ? "raw-wrapped" : "raw", n }, rec, policies, { started, loaded, evaluated });
}

main().then(
    () => process.exit(0),
    (e) => {
        process.stderr.write(`${(e as Error).stack ?? e}\n`);
        process.exit(1);
    },
);
