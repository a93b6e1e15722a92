// ModelAccessPolicy, fast: its argument refusals (each naming the argument), the parent and providers its
// targets and role are read through, and its outputs (policies, names, count, layout, registered outputs)
// for an inline policy alone, inline plus managed, and managed alone. The 100-profile layouts are in
// tests/integration/model-access-policy.spec.ts.
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as awsnative from "@pulumi/aws-native";
import { resolveOutput, settle, policiesForRole, type MockRecorder } from "../components/testing/testing";
import * as bedrock from "../sdk/nodejs";
import { ModelAccessPolicy, type ModelAccessTarget } from "../components/iam/model-access-policy";
import type { AccessContext } from "../components/iam/grants";
import { throwsExactly } from "./support/errors";
import { capturingLogs, grantMocks } from "./support/grants";

const M = bedrock.BedrockFoundationModel;
const G = bedrock.CrossRegionInferenceProfileRegion;
const TYPE = "bedrock-genai:index:ModelAccessPolicy";
const TARGET_RULE = "must be a model, a cross-region or application profile, or a prompt router";

/** `n` foundation models whose invoke statements cannot merge into fewer characters: one long model id each. */
const models = (n: number, tag: string): ModelAccessTarget[] =>
    Array.from({ length: n }, (_, i) => ({
        accessTarget: () => ({
            kind: "foundation-model" as const,
            partition: "aws",
            region: "us-east-1",
            modelId: `vendor.${tag}-${String(i).padStart(60, "0")}`,
        }),
    }));

const sonnetUs = () => bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });

async function urns(resources: pulumi.Output<pulumi.Resource[]>): Promise<string[]> {
    const list = (await resolveOutput(resources)) as pulumi.Resource[];
    return (await Promise.all(list.map((r) => resolveOutput(r.urn)))) as string[];
}

describe("ModelAccessPolicy (unit)", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = grantMocks();
    });

    describe("refuses, naming the argument, and registers nothing", () => {
        const cases: { name: string; args: () => unknown; message: string }[] = [
            {
                name: "args that are undefined",
                args: () => undefined,
                message: 'ModelAccessPolicy "p": args undefined must be an object with role, invoke and usage',
            },
            {
                name: "args that are null",
                args: () => null,
                message: 'ModelAccessPolicy "p": args null must be an object with role, invoke and usage',
            },
            {
                name: "an invoke entry that is undefined",
                args: () => ({ role: "r", invoke: [M.AMAZON_NOVA_PRO_V1, undefined] }),
                message: `ModelAccessPolicy "p": invoke[1] undefined ${TARGET_RULE}`,
            },
            {
                name: "an invoke entry that is null",
                args: () => ({ role: "r", invoke: [null] }),
                message: `ModelAccessPolicy "p": invoke[0] null ${TARGET_RULE}`,
            },
            {
                name: "an invoke entry that is an object without accessTarget",
                args: () => ({ role: "r", invoke: [{ modelId: "amazon.nova-pro-v1:0" }] }),
                message: `ModelAccessPolicy "p": invoke[0] {"modelId":"amazon.nova-pro-v1:0"} ${TARGET_RULE}`,
            },
            {
                name: "an invoke entry that is an Output, shown as <output>",
                args: () => ({ role: "r", invoke: [pulumi.output("amazon.nova-pro-v1:0")] }),
                message: `ModelAccessPolicy "p": invoke[0] "<output>" ${TARGET_RULE}`,
            },
            {
                name: "a usage entry that is a model id",
                args: () => ({ role: "r", usage: [sonnetUs(), "anthropic.claude-x"] }),
                message: `ModelAccessPolicy "p": usage[1] "anthropic.claude-x" ${TARGET_RULE}`,
            },
            {
                name: "usage that is not a list",
                args: () => ({ role: "r", invoke: [M.AMAZON_NOVA_PRO_V1], usage: 42 }),
                message: 'ModelAccessPolicy "p": usage 42 must be a list of invokables (models, profiles or routers)',
            },
            {
                name: "invoke absent and usage empty, showing invoke as []",
                args: () => ({ role: "r", usage: [] }),
                message: 'ModelAccessPolicy "p": invoke [] and usage are both empty: give at least one target to grant',
            },
            {
                name: "invoke and usage both absent",
                args: () => ({ role: "r" }),
                message: 'ModelAccessPolicy "p": invoke [] and usage are both empty: give at least one target to grant',
            },
            {
                name: "a prompt router in usage whose models are foundation models (no profile to read)",
                args: () => ({
                    role: "r",
                    usage: [
                        sonnetUs(),
                        new bedrock.PromptRouter("router", {
                            promptRouterName: "router",
                            models: [M.AMAZON_NOVA_LITE_V1, M.AMAZON_NOVA_PRO_V1],
                            fallbackModel: M.AMAZON_NOVA_LITE_V1,
                            responseQualityDifference: 10,
                        }),
                    ],
                }),
                message:
                    'ModelAccessPolicy "p": usage[1] "<PromptRouter>" is a prompt router whose models have no inference profile to read: grant usage on profiles',
            },
        ];
        for (const c of cases) {
            it(`refuses ${c.name}`, async () => {
                throwsExactly(() => new ModelAccessPolicy("p", c.args() as never), c.message, bedrock.BedrockValidationError);
                await settle();
                expect(rec.resources.filter((r) => r.type === TYPE || r.type.startsWith("aws:iam/"))).to.deep.equal([]);
            });
        }
    });

    describe("parent and providers", () => {
        it("places a model in the Region of its parent's aws-native provider, and a role name on its parent's aws provider", async () => {
            const euNative = new awsnative.Provider("eu-native", { region: "eu-west-1" });
            const euAws = new aws.Provider("eu-aws", { region: "eu-west-1" });
            class Team extends pulumi.ComponentResource {
                constructor(name: string) {
                    super("test:index:Team", name, {}, { providers: { "aws-native": euNative, aws: euAws } });
                }
            }
            const team = new Team("team");
            new ModelAccessPolicy("eu-access", { role: "eu-role", invoke: [M.AMAZON_NOVA_PRO_V1] }, { parent: team });
            await settle();
            const [policy, ...rest] = policiesForRole(rec, "eu-role");
            expect(rest).to.deep.equal([]);
            expect(policy.json).to.equal(
                '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["bedrock:InvokeModel","bedrock:InvokeModelWithResponseStream"],"Resource":"arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-pro-v1:0"}]}',
            );
            expect(rec.find("aws:iam/rolePolicy:RolePolicy", "eu-role-eu-aws-bedrock").provider).to.equal(
                "urn:pulumi:stack::project::pulumi:providers:aws::eu-aws::eu-aws-id",
            );
            expect(rec.find(TYPE, "eu-access").parent).to.equal("urn:pulumi:stack::project::test:index:Team::team");
        });

        it("hands its parent to the accessTarget of every invoke and usage target", async () => {
            const owner = new (class extends pulumi.ComponentResource {
                constructor() {
                    super("test:index:Owner", "owner", {}, {});
                }
            })();
            const seen: { list: string; context?: AccessContext }[] = [];
            const recording = (list: string): ModelAccessTarget => ({
                accessTarget: (context?: AccessContext) => {
                    seen.push({ list, context });
                    return sonnetUs().accessTarget();
                },
            });
            new ModelAccessPolicy("p", { role: "r", invoke: [recording("invoke")], usage: [recording("usage")] }, { parent: owner });
            await settle();
            expect(seen.map((s) => s.list)).to.deep.equal(["invoke", "usage"]);
            for (const s of seen) expect(s.context?.parent, s.list).to.equal(owner);
        });
    });

    describe("outputs", () => {
        it("one inline policy: policies, names, count, ARNs, layout and the registered outputs", async () => {
            const access = new ModelAccessPolicy("small", { role: "app-role", invoke: [M.AMAZON_NOVA_PRO_V1] });
            await settle();
            expect(await urns(access.policies)).to.deep.equal(["urn:pulumi:stack::project::aws:iam/rolePolicy:RolePolicy::app-role-bedrock"]);
            expect(await resolveOutput(access.policyNames)).to.deep.equal(["app-role-bedrock"]);
            expect(await resolveOutput(access.policyArns)).to.deep.equal([]);
            expect(await resolveOutput(access.policyCount)).to.equal(1);
            expect(await resolveOutput(access.statementCount)).to.equal(1);
            expect(await resolveOutput(access.maxCharacters)).to.equal(208);
            expect(await resolveOutput(access.layout)).to.deep.equal({
                role: "app-role",
                batch: 1,
                statements: 1,
                inlineCharacters: 208,
                managedCharacters: [],
                inlineBudget: 10240,
                managedPoliciesOnRole: 0,
            });
            expect(rec.find(TYPE, "small").outputs).to.deep.equal({
                policyNames: ["app-role-bedrock"],
                policyArns: [],
                policyCount: 1,
                statementCount: 1,
                maxCharacters: 208,
            });
        });

        it("inline plus one managed policy: the policy, then the managed policy and its attachment", async () => {
            const access = new ModelAccessPolicy("wide", { role: "app-role", invoke: models(120, "a") });
            await settle();
            expect(await urns(access.policies)).to.deep.equal([
                "urn:pulumi:stack::project::aws:iam/rolePolicy:RolePolicy::app-role-bedrock",
                "urn:pulumi:stack::project::aws:iam/policy:Policy::app-role-bedrock-1",
                "urn:pulumi:stack::project::aws:iam/rolePolicyAttachment:RolePolicyAttachment::app-role-bedrock-1",
            ]);
            expect(await resolveOutput(access.policyNames)).to.deep.equal(["app-role-bedrock", "app-role-bedrock-1"]);
            expect(await resolveOutput(access.policyCount)).to.equal(2);
            expect(await resolveOutput(access.layout)).to.deep.equal({
                role: "app-role",
                batch: 1,
                statements: 2,
                inlineCharacters: 10235,
                managedCharacters: [3971],
                inlineBudget: 10240,
                managedPoliciesOnRole: 1,
            });
            expect(rec.find(TYPE, "wide").outputs).to.deep.equal({
                policyNames: ["app-role-bedrock", "app-role-bedrock-1"],
                policyArns: ["arn:aws:iam::123456789012:policy/app-role-bedrock-1-rxj5esf"],
                policyCount: 2,
                statementCount: 2,
                maxCharacters: 14206,
            });
        });

        it("managed policies alone when an earlier batch left no inline room: no inline policy in policies, names or count", async () => {
            let later: ModelAccessPolicy | undefined;
            const logs = await capturingLogs(async () => {
                new ModelAccessPolicy("first", { role: "app-role", invoke: models(120, "a") });
                await settle();
                later = new ModelAccessPolicy("later", { role: "app-role", invoke: models(3, "b") });
                await settle();
            });
            expect(logs.info).to.deep.equal([
                'role "app-role": grants made after the program\'s body ran (inside an apply or after an await) open batch 2 of its Bedrock policies, laid out apart from the first; make grants at the top level of the program to share one layout',
            ]);
            const access = later as ModelAccessPolicy;
            expect(await urns(access.policies)).to.deep.equal([
                "urn:pulumi:stack::project::aws:iam/policy:Policy::app-role-bedrock-batch2-1",
                "urn:pulumi:stack::project::aws:iam/rolePolicyAttachment:RolePolicyAttachment::app-role-bedrock-batch2-1",
            ]);
            expect(await resolveOutput(access.policyNames)).to.deep.equal(["app-role-bedrock-batch2-1"]);
            expect(await resolveOutput(access.policyCount)).to.equal(1);
            expect(await resolveOutput(access.layout)).to.deep.equal({
                role: "app-role",
                batch: 2,
                statements: 1,
                inlineCharacters: 0,
                managedCharacters: [491],
                inlineBudget: 5,
                managedPoliciesOnRole: 2,
            });
        });
    });
});
