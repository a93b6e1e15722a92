import { expect } from "chai";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as awsnative from "@pulumi/aws-native";
import * as bedrockNative from "@pulumi/aws-native/bedrock";
import {
    setBedrockMocks,
    settle,
    resolveOutput,
    resolveOutputs,
    policiesForRole,
    statementsForRole,
    trustPolicyForRole,
    parseTrustPolicy,
    fakeId,
    runProgram,
    type MockRecorder,
    type RecordedResource,
} from "../sdk/nodejs/testing";
import * as bedrock from "../sdk/nodejs";
import { throwsExactly } from "./support/errors";

const haikuArn = (region: string) => `arn:aws:bedrock:${region}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0`;

describe("testing helper", () => {
    describe("recorder: URNs, parents and finders", () => {
        let rec: MockRecorder;
        let role: aws.iam.Role;
        let profile: bedrock.ApplicationInferenceProfile;
        const seen: RecordedResource[] = [];

        before(async () => {
            seen.length = 0;
            rec = setBedrockMocks({ region: "eu-west-1", accountId: "111122223333", onResource: (r) => seen.push(r) });
            role = new aws.iam.Role("worker", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }) });
            profile = new bedrock.ApplicationInferenceProfile("chat", {
                inferenceProfileName: "chat",
                modelSource: bedrock.BedrockFoundationModel.ANTHROPIC_CLAUDE_HAIKU_V1_0,
            });
            profile.grantInvoke(role);
            await settle();
        });

        it("records URN and parent URN of each resource", () => {
            const component = rec.find("bedrock-genai:index:ApplicationInferenceProfile", "chat");
            const cfn = rec.find("aws-native:bedrock:ApplicationInferenceProfile", "chat");
            expect(component.urn).to.equal("urn:pulumi:stack::project::bedrock-genai:index:ApplicationInferenceProfile::chat");
            expect(component.parent).to.equal(undefined);
            expect(cfn.urn).to.equal(
                "urn:pulumi:stack::project::bedrock-genai:index:ApplicationInferenceProfile$aws-native:bedrock:ApplicationInferenceProfile::chat",
            );
            expect(cfn.parent).to.equal(component.urn);
        });

        it("finds children, descendants, parents and roots", () => {
            const component = rec.find("bedrock-genai:index:ApplicationInferenceProfile", "chat");
            expect(rec.childrenOf(component).map((r) => `${r.type}::${r.name}`)).to.deep.equal(["aws-native:bedrock:ApplicationInferenceProfile::chat"]);
            expect(rec.descendantsOf(component.urn as string)).to.have.length(1);
            // The role's policies are children of the role.
            const workerRole = rec.find("aws:iam/role:Role", "worker");
            expect(rec.childrenOf(workerRole).map((r) => `${r.type}::${r.name}`)).to.deep.equal(["aws:iam/rolePolicy:RolePolicy::worker-bedrock"]);
            expect(rec.parentOf(rec.find("aws:iam/rolePolicy:RolePolicy", "worker-bedrock"))).to.equal(workerRole);
            expect(rec.roots.map((r) => r.name)).to.deep.equal(["chat", "worker"]);
            expect(rec.components.map((r) => r.type)).to.deep.equal(["bedrock-genai:index:ApplicationInferenceProfile"]);
            expect(rec.byName("chat").map((r) => r.type)).to.deep.equal([
                "bedrock-genai:index:ApplicationInferenceProfile",
                "aws-native:bedrock:ApplicationInferenceProfile",
            ]);
            expect(rec.tryFind("aws:iam/role:Role", "nobody")).to.equal(undefined);
            throwsExactly(() => rec.find("aws:iam/role:Role", "nobody"), "expected one aws:iam/role:Role named nobody, found 0 (registered: worker)");
        });

        it("records a component's registered outputs and reports each resource to onResource", () => {
            const id = fakeId("chat", 12);
            const arn = `arn:aws:bedrock:eu-west-1:111122223333:application-inference-profile/${id}`;
            expect(rec.find("bedrock-genai:index:ApplicationInferenceProfile", "chat").outputs).to.include({
                inferenceProfileArn: arn,
                inferenceProfileId: id,
            });
            expect(seen).to.deep.equal(rec.resources);
        });

        it("reads a role's policies by IAM name, Pulumi name or ARN", async () => {
            const iamName = (await resolveOutput(role.name)) as string;
            const arn = (await resolveOutput(role.arn)) as string;
            expect(iamName).to.equal(`worker-${fakeId("worker", 7)}`);
            const byPulumi = policiesForRole(rec, "worker");
            expect(byPulumi.map((p) => [p.name, p.kind])).to.deep.equal([["worker-bedrock", "inline"]]);
            expect(policiesForRole(rec, iamName)).to.deep.equal(byPulumi);
            expect(policiesForRole(rec, arn)).to.deep.equal(byPulumi);
            expect(statementsForRole(rec, "worker")).to.deep.equal(byPulumi[0].statements);
            expect(byPulumi[0].statements.map((s) => s.Resource)).to.deep.equal([[await resolveOutput(profile.inferenceProfileArn)], [haikuArn("eu-west-1")]]);
        });

        it("parses a role's trust policy", () => {
            expect(trustPolicyForRole(rec, "worker")).to.deep.equal([
                { Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { Service: ["lambda.amazonaws.com"] } },
            ]);
            throwsExactly(() => trustPolicyForRole(rec, "nobody"), "no aws.iam.Role named nobody (registered: worker)");
            expect(
                parseTrustPolicy({
                    Statement: { Effect: "Allow", Principal: "*", Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": "1" } } },
                }),
            ).to.deep.equal([
                { Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { AWS: ["*"] }, Condition: { StringEquals: { "aws:SourceAccount": ["1"] } } },
            ]);
        });

        it("resolves every Output of a resource", async () => {
            const values = await resolveOutputs(profile);
            expect(values.inferenceProfileId).to.equal(fakeId("chat", 12));
            expect(values.urn).to.equal("urn:pulumi:stack::project::bedrock-genai:index:ApplicationInferenceProfile::chat");
        });
    });

    describe("overridable outputs", () => {
        it("merges per-type outputs (object or function, id included) under newResource", async () => {
            const rec = setBedrockMocks({
                outputs: {
                    "aws:iam/role:Role": (args, defaults) => ({ id: `custom-${args.name}`, arn: `${defaults.arn}-x`, tag: "fn" }),
                    "aws-native:bedrock:Agent": { agentStatus: "NOT_PREPARED", agentVersion: "1" },
                },
                newResource: (args) => (args.type === "aws-native:bedrock:Agent" ? { agentVersion: "2" } : undefined),
            });
            const role = new aws.iam.Role("r", { name: "r", assumeRolePolicy: "{}" });
            new bedrockNative.Agent("a", { agentName: "a" });
            await settle();
            const r = rec.find("aws:iam/role:Role", "r");
            expect(r.id).to.equal("custom-r");
            expect(r.state).to.include({ name: "r", arn: "arn:aws:iam::123456789012:role/r-x", tag: "fn" });
            expect(await resolveOutput(role.id)).to.equal("custom-r");
            const a = rec.find("aws-native:bedrock:Agent", "a");
            expect(a.state).to.include({ agentStatus: "NOT_PREPARED", agentVersion: "2", agentName: "a" });
            expect(a.id).to.equal(fakeId("a", 10, true));
        });

        it("applies outputs and newResource in a preview too: explicit values are known, the rest stays unknown", async () => {
            const rec = setBedrockMocks({
                preview: true,
                outputs: {
                    "aws:iam/role:Role": (args, defaults) =>
                        args.name === "r" ? { id: `custom-${args.name}`, arn: `arn:aws:iam::123456789012:role/${defaults.name}` } : undefined,
                },
                newResource: (args) =>
                    args.type === "aws-native:bedrock:Agent" ? { agentArn: "arn:aws:bedrock:us-east-1:123456789012:agent/AGENT00001" } : undefined,
            });
            const role = new aws.iam.Role("r", { name: "r", assumeRolePolicy: "{}" });
            const agent = new bedrockNative.Agent("a", { agentName: "a" });
            const plain = new aws.iam.Role("plain", { name: "plain", assumeRolePolicy: "{}" });
            await settle();
            const r = rec.find("aws:iam/role:Role", "r");
            expect(r.id).to.equal("custom-r");
            expect(r.state).to.deep.equal({ name: "r", assumeRolePolicy: "{}", arn: "arn:aws:iam::123456789012:role/r" });
            expect(await resolveOutput(role.arn)).to.equal("arn:aws:iam::123456789012:role/r");
            expect(await resolveOutput(role.id)).to.equal("custom-r");
            expect(await resolveOutput(role.uniqueId)).to.equal(undefined);
            expect(await resolveOutput(agent.agentArn)).to.equal("arn:aws:bedrock:us-east-1:123456789012:agent/AGENT00001");
            expect(await resolveOutput(agent.agentId)).to.equal(undefined);
            expect(rec.find("aws-native:bedrock:Agent", "a").id).to.equal("");
            expect(await resolveOutput(plain.arn)).to.equal(undefined);
            expect(await resolveOutput(plain.id)).to.equal(undefined);
        });
    });

    describe("realistic outputs", () => {
        it("numbers a prompt's versions 1, 2, ... in creation order, per prompt", async () => {
            const rec = setBedrockMocks({ region: "us-east-1" });
            const a = "arn:aws:bedrock:us-east-1:123456789012:prompt/AAAAAAAAAA";
            const b = "arn:aws:bedrock:us-east-1:123456789012:prompt/BBBBBBBBBB";
            const v1 = new bedrockNative.PromptVersion("a-1", { promptArn: a });
            await settle();
            const v2 = new bedrockNative.PromptVersion("a-2", { promptArn: a });
            await settle();
            const w1 = new bedrockNative.PromptVersion("b-1", { promptArn: b });
            await settle();
            const v3 = new bedrockNative.PromptVersion("a-3", { promptArn: a });
            await settle();
            expect(await Promise.all([v1, v2, w1, v3].map((v) => resolveOutput(v.arn)))).to.deep.equal([`${a}:1`, `${a}:2`, `${b}:1`, `${a}:3`]);
            expect(rec.byType("aws-native:bedrock:PromptVersion").map((r) => [r.id, r.state.version, r.state.promptId])).to.deep.equal([
                [`${a}:1`, "1", "AAAAAAAAAA"],
                [`${a}:2`, "2", "AAAAAAAAAA"],
                [`${b}:1`, "1", "BBBBBBBBBB"],
                [`${a}:3`, "3", "AAAAAAAAAA"],
            ]);
            // A fresh set of mocks starts again at 1.
            setBedrockMocks({ region: "us-east-1" });
            expect(await resolveOutput(new bedrockNative.PromptVersion("again", { promptArn: a }).arn)).to.equal(`${a}:1`);
        });

        it("reports an application profile's models: the model it copies, or its system profile's models in each destination Region", async () => {
            setBedrockMocks({ region: "eu-west-1" });
            const model = "anthropic.claude-3-haiku-20240307-v1:0";
            const models = (copyFrom: string, name: string) =>
                resolveOutput(new bedrockNative.ApplicationInferenceProfile(name, { inferenceProfileName: name, modelSource: { copyFrom } }).models);
            expect(await models(`arn:aws:bedrock:eu-west-1::foundation-model/${model}`, "one")).to.deep.equal([
                { modelArn: `arn:aws:bedrock:eu-west-1::foundation-model/${model}` },
            ]);
            expect(await models(`arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.${model}`, "eu")).to.deep.equal(
                bedrock.CrossRegionInferenceProfileRegion.EU.destinationRegions.map((r) => ({ modelArn: `arn:aws:bedrock:${r}::foundation-model/${model}` })),
            );
            expect(bedrock.CrossRegionInferenceProfileRegion.EU.destinationRegions).to.include.members(["eu-west-1", "eu-central-1", "eu-west-3"]);
            expect(await models(`arn:aws:bedrock:eu-west-1:123456789012:inference-profile/global.${model}`, "global")).to.deep.equal([
                { modelArn: `arn:aws:bedrock:eu-west-1::foundation-model/${model}` },
                { modelArn: `arn:aws:bedrock:::foundation-model/${model}` },
            ]);
            expect(await models(`arn:aws:bedrock:eu-west-1:123456789012:inference-profile/xx.${model}`, "unknown")).to.deep.equal([]);
        });
    });

    describe("runProgram: a program run inside a root stack, as a deployment runs it", () => {
        /** A program that grants one role given as its resource and by its explicit name. */
        function program() {
            const role = new aws.iam.Role("named", { name: "shared-role", assumeRolePolicy: "{}" });
            const cris = bedrock.CrossRegionInferenceProfile.fromConfig({
                geoRegion: bedrock.CrossRegionInferenceProfileRegion.US,
                model: bedrock.BedrockFoundationModel.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0,
            });
            cris.grantInvoke(role);
            bedrock.BedrockFoundationModel.AMAZON_NOVA_PRO_V1.grantInvoke("shared-role");
            return { roleName: role.name, profileId: cris.inferenceProfileId };
        }

        it("inside the root stack, a role given as its resource and by its explicit name is one role: one set of policies", async () => {
            const rec = setBedrockMocks({ region: "us-east-1", accountId: "111122223333" });
            const exported = await runProgram(program);
            expect(rec.byType("pulumi:pulumi:Stack").map((r) => r.name)).to.deep.equal(["project-stack"]);
            expect(rec.byType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name)).to.deep.equal(["named-bedrock"]);
            expect(policiesForRole(rec, "shared-role").map((p) => p.name)).to.deep.equal(["named-bedrock"]);
            // The program's result is returned, and registered as the stack's outputs.
            expect(await resolveOutput(exported.roleName)).to.equal("shared-role");
            expect(rec.byType("pulumi:pulumi:Stack")[0].outputs).to.deep.equal({ roleName: "shared-role", profileId: exported.profileId });
        });

        it("under plain mocks (no root stack) the same program gets two policy sets for that role: what plain mocks cannot see", async () => {
            const rec = setBedrockMocks({ region: "us-east-1", accountId: "111122223333" });
            program();
            await settle();
            expect(rec.byType("pulumi:pulumi:Stack")).to.deep.equal([]);
            expect(
                rec
                    .byType("aws:iam/rolePolicy:RolePolicy")
                    .map((p) => p.name)
                    .sort(),
            ).to.deep.equal(["named-bedrock", "shared-role-bedrock"]);
        });

        it("runs a module loader too, returning the module's exports", async () => {
            setBedrockMocks({ region: "us-east-1", accountId: "111122223333" });
            const mod = await runProgram(async () => ({ answer: 42, helper: () => 1 }));
            expect(mod.answer).to.equal(42);
        });
    });

    describe("invokes: each provider answers with its own account and Region, the default providers with the stack's config", () => {
        it("config and providers disagree: the default aws-native provider answers aws-native:region, the default aws provider aws:region, each explicit provider its own Region and account", async () => {
            setBedrockMocks({
                region: "ap-southeast-2",
                accountId: "111122223333",
                config: { "aws-native:region": "us-east-1", "aws:region": "us-west-2" },
                providers: { named: { accountId: "000011112222" } },
            });
            const eu = new awsnative.Provider("eu", { region: "eu-west-1", assumeRole: { roleArn: "arn:aws:iam::444455556666:role/deployer" } });
            const gov = new awsnative.Provider("gov", { region: "us-gov-west-1", allowedAccountIds: ["777788889999"] });
            const named = new awsnative.Provider("named", { region: "eu-central-1" });
            const plain = new awsnative.Provider("plain", { region: "ca-central-1" });
            const west = new aws.Provider("west", {
                region: "us-west-1",
                assumeRoles: [{ roleArn: "arn:aws:iam::121212121212:role/hop" }, { roleArn: "arn:aws:iam::343434343434:role/target" }],
            });
            /** The account, Region and partition that three invokes answer through `provider` (the default provider without one). */
            const answers = (tokens: [string, string][]) => async (provider?: pulumi.ProviderResource) => {
                const opts = provider ? { provider } : {};
                const out: unknown[] = [];
                for (const [token, field] of tokens) {
                    const r = (await resolveOutput(pulumi.runtime.invokeOutput<Record<string, unknown>>(token, {}, opts))) as Record<string, unknown>;
                    out.push(r[field]);
                }
                return out;
            };
            const native = answers([
                ["aws-native:index:getAccountId", "accountId"],
                ["aws-native:index:getRegion", "region"],
                ["aws-native:index:getPartition", "partition"],
            ]);
            const classic = answers([
                ["aws:index/getCallerIdentity:getCallerIdentity", "accountId"],
                ["aws:index/getRegion:getRegion", "region"],
                ["aws:index/getPartition:getPartition", "partition"],
            ]);
            expect(await native()).to.deep.equal(["111122223333", "us-east-1", "aws"]);
            expect(await classic()).to.deep.equal(["111122223333", "us-west-2", "aws"]);
            expect(await native(eu)).to.deep.equal(["444455556666", "eu-west-1", "aws"]);
            expect(await native(gov)).to.deep.equal(["777788889999", "us-gov-west-1", "aws-us-gov"]);
            expect(await native(named)).to.deep.equal(["000011112222", "eu-central-1", "aws"]);
            expect(await native(plain)).to.deep.equal(["111122223333", "ca-central-1", "aws"]);
            expect(await classic(west)).to.deep.equal(["343434343434", "us-west-1", "aws"]);
        });

        it("without Region config, the default providers answer the region option; resources on a provider get its account and Region", async () => {
            const rec = setBedrockMocks({ region: "eu-west-3", accountId: "111122223333" });
            const other = new awsnative.Provider("other", { region: "ap-northeast-1", roleArn: "arn:aws:iam::555566667777:role/deployer" });
            const here = new bedrockNative.ApplicationInferenceProfile("here", {
                inferenceProfileName: "here",
                modelSource: { copyFrom: haikuArn("eu-west-3") },
            });
            const there = new bedrockNative.ApplicationInferenceProfile(
                "there",
                { inferenceProfileName: "there", modelSource: { copyFrom: haikuArn("ap-northeast-1") } },
                { provider: other },
            );
            const [a, b] = [await resolveOutput(here.inferenceProfileArn), await resolveOutput(there.inferenceProfileArn)];
            await settle();
            expect(a).to.equal(`arn:aws:bedrock:eu-west-3:111122223333:application-inference-profile/aubihr3jui3d`);
            expect(b).to.equal(`arn:aws:bedrock:ap-northeast-1:555566667777:application-inference-profile/k6z14go3x9ip`);
            expect(rec.find("aws-native:bedrock:ApplicationInferenceProfile", "there").provider).to.match(/::other::/);
        });
    });
});
