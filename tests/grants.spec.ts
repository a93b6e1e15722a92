// The role access set: every grant on a role merged into one layout, on the role's own provider.
import { expect } from "chai";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as awsnative from "@pulumi/aws-native";
import { setBedrockMocks, resolveOutput, settle, policiesForRole, runProgram, type MockRecorder } from "../components/testing/testing";
import * as bedrock from "../sdk/nodejs";
import { parseStatements } from "../components/iam/policy";
import { boundedName, MAX_POLICY_RESOURCE_NAME } from "../components/iam/access-set";
import { observeRoles, recordRole } from "../components/iam/roles";
import { INVOKE, GET_INVOKE, CLAUDE, capturingLogs, grantMocks } from "./support/grants";
import { deployFailsExactly } from "./support/errors";
import { throwsExactly } from "./support/errors";

const M = bedrock.BedrockFoundationModel;
const G = bedrock.CrossRegionInferenceProfileRegion;

describe("grants: one access set per role", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = grantMocks();
    });

    it("a foundation model's grantInvoke: one inline policy, a child of the role, named after it", async () => {
        const role = new aws.iam.Role("r", { assumeRolePolicy: "{}" });
        const made = M.AMAZON_NOVA_PRO_V1.grantInvoke(role);
        await settle();
        const [policy, ...rest] = policiesForRole(rec, (await resolveOutput(role.name)) as string);
        expect(rest).to.deep.equal([]);
        expect(policy.name).to.equal("r-bedrock");
        expect(JSON.parse(policy.json)).to.deep.equal({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: INVOKE, Resource: "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0" }],
        });
        const recorded = rec.find("aws:iam/rolePolicy:RolePolicy", "r-bedrock");
        expect(recorded.parent).to.match(/aws:iam\/role:Role::r$/);
        const resources = (await resolveOutput(made)) as pulumi.Resource[];
        expect(resources.map((r) => (r as unknown as { __name: string }).__name)).to.deep.equal(["r-bedrock"]);
    });

    it("grantInvoke on a profile allows GetInferenceProfile on it (AWS's inference prerequisites)", async () => {
        const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_HAIKU_V1_0 });
        cris.grantInvoke("app-role");
        await settle();
        const profile = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0";
        const [policy] = policiesForRole(rec, "app-role");
        expect(policy.statements).to.deep.equal([
            { Effect: "Allow", Action: GET_INVOKE, Resource: [profile] },
            {
                Effect: "Allow",
                Action: INVOKE,
                Resource: G.US.destinationRegions.map((r) => `arn:aws:bedrock:${r}::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0`).sort(),
                Condition: { ArnLike: { "bedrock:InferenceProfileArn": [profile] } },
            },
        ]);
    });

    it("a handful of grants on one role keep one inline policy, however many kinds", async () => {
        const role = new aws.iam.Role("few", { assumeRolePolicy: "{}" });
        const cris = new bedrock.CrossRegionInferenceProfile("cris", { geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
        const app = new bedrock.ApplicationInferenceProfile("app", { inferenceProfileName: "app", modelSource: cris });
        cris.grantInvoke(role);
        app.grantInvoke(role);
        app.grantProfileUsage(role);
        M.AMAZON_NOVA_PRO_V1.grantInvoke(role);
        await settle();
        const policies = policiesForRole(rec, (await resolveOutput(role.name)) as string);
        expect(policies.map((p) => `${p.kind} ${p.name}`)).to.deep.equal(["inline few-bedrock"]);
        expect(rec.byType("aws:iam/policy:Policy")).to.have.length(0);
    });

    describe("what a grant returns", () => {
        it("makes a resource wait for every policy that carries the grant (dependsOn)", async function () {
            // 60 profiles: about a second of CPU, which a loaded machine stretches past mocha's default 20 s.
            this.timeout(120_000);
            const role = new aws.iam.Role("dep", { assumeRolePolicy: "{}" });
            const profiles = Array.from(
                { length: 60 },
                (_, i) =>
                    new bedrock.ApplicationInferenceProfile(`p${i}`, {
                        inferenceProfileName: `p${i}`,
                        modelSource: bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: CLAUDE[i % 8] }),
                    }),
            );
            const grants = profiles.map((p) => p.grantInvoke(role));
            const waiter = new aws.sns.Topic("waiter", {}, { dependsOn: bedrock.allGrants(grants) });
            const single = new aws.sns.Topic("single", {}, { dependsOn: grants[0] });
            await settle();
            const iam = rec.resources.filter((r) => r.type.startsWith("aws:iam/") && r.type !== "aws:iam/role:Role");
            expect(iam.length, "the grants span several policies").to.be.greaterThan(1);
            const urns = iam.map((r) => r.urn).sort();
            expect([...(rec.find("aws:sns/topic:Topic", "waiter").dependencies ?? [])].sort()).to.deep.equal(urns);
            expect([...(rec.find("aws:sns/topic:Topic", "single").dependencies ?? [])].sort()).to.deep.equal(urns);
            expect(waiter).to.not.equal(undefined);
            expect(single).to.not.equal(undefined);
        });

        it("an agent is created after every policy of its service role", async () => {
            const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
            new bedrock.Agent("helper", { foundationModel: cris, instruction: "You are a helpful and friendly agent that answers questions about farming." });
            await settle();
            const policies = rec.byType("aws:iam/rolePolicy:RolePolicy");
            expect(policies.map((p) => p.name)).to.deep.equal(["helper-role-bedrock"]);
            expect(rec.find("aws-native:bedrock:Agent", "helper").dependencies).to.include(policies[0].urn);
        });
    });

    describe("the role's budget", () => {
        it("a role given as its resource and as its explicit name is one role: one budget, one set of policies", async () => {
            const role = new aws.iam.Role("named", { name: "shared-role", assumeRolePolicy: "{}" });
            // A deployment records explicit names through a stack transformation; under mocks there is no stack.
            recordRole(role, { name: "shared-role" });
            const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
            cris.grantInvoke(role);
            cris.grantInvoke("shared-role");
            M.AMAZON_NOVA_PRO_V1.grantInvoke("arn:aws:iam::123456789012:role/shared-role");
            await settle();
            const policies = rec.byType("aws:iam/rolePolicy:RolePolicy");
            expect(policies.map((p) => p.name)).to.deep.equal(["named-bedrock"]);
            expect(policies[0].parent).to.match(/aws:iam\/role:Role::named$/);
            expect(parseStatements(policies[0].inputs.policy as string).map((s) => s.Resource.length)).to.deep.equal([1, G.US.destinationRegions.length, 1]);
        });

        it("a role under a path, given as its ARN or as its resource: the policies attach to its name, and a grant by ARN meets the declared role", async () => {
            bedrock.BedrockFoundationModel.AMAZON_NOVA_PRO_V1.grantInvoke("arn:aws:iam::123456789012:role/service/grant-path-role");
            const pathRole = new aws.iam.Role("path-role", { name: "grant-path-role-2", path: "/service/", assumeRolePolicy: "{}" });
            bedrock.BedrockFoundationModel.AMAZON_NOVA_PRO_V1.grantInvoke(pathRole);
            bedrock.grantMarketplaceSubscription("arn:aws:iam::123456789012:role/service/grant-path-role");
            await settle();
            expect(
                rec
                    .byType("aws:iam/rolePolicy:RolePolicy")
                    .map((p) => [p.name, p.inputs.role])
                    .sort(),
            ).to.deep.equal([
                ["grant-path-role-bedrock", "grant-path-role"],
                ["path-role-bedrock", "grant-path-role-2"],
            ]);
            const rec2 = setBedrockMocks({ region: "us-east-1", accountId: "123456789012" });
            await runProgram(() => {
                new aws.iam.Role("declared", { name: "grant-path-role", path: "/service/", assumeRolePolicy: "{}" });
                bedrock.BedrockFoundationModel.AMAZON_NOVA_PRO_V1.grantInvoke("arn:aws:iam::123456789012:role/service/grant-path-role");
            });
            expect(rec2.byType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name)).to.deep.equal(["declared-bedrock"]);
        });

        it("the stack transformation records explicit names in a deployment (a program run in a Pulumi stack)", async () => {
            await pulumi.runtime.runInPulumiStack(async () => {
                // In a deployment the program's import of the package runs here, inside the stack, and observes.
                observeRoles();
                const role = new aws.iam.Role("in-stack", { name: "stack-role", assumeRolePolicy: "{}" });
                M.AMAZON_NOVA_PRO_V1.grantInvoke("stack-role");
                M.AMAZON_NOVA_LITE_V1.grantInvoke(role);
                return {};
            });
            await settle();
            expect(rec.byType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name)).to.deep.equal(["in-stack-bedrock"]);
        });

        it("refuses, at deploy, a role ARN of another account, naming both accounts; the policy is never registered", async () => {
            await deployFailsExactly(
                () => M.AMAZON_NOVA_PRO_V1.grantInvoke("arn:aws:iam::999999999999:role/partner-role"),
                [
                    'error serializing property "policy": BedrockFoundationModel "amazon.nova-pro-v1:0": role "arn:aws:iam::999999999999:role/partner-role" is a role of account 999999999999 in partition aws, but the caller is account 123456789012 in partition aws: an identity policy can only be attached to a role of the caller\'s own account; grant that role from a program deployed to its account',
                ],
            );
            expect(rec.byType("aws:iam/rolePolicy:RolePolicy")).to.deep.equal([]);
        });

        it("refuses, at deploy, a role ARN of the caller's account in another partition; the policy is never registered", async () => {
            await deployFailsExactly(
                () => M.AMAZON_NOVA_PRO_V1.grantInvoke("arn:aws-cn:iam::123456789012:role/partner-role"),
                [
                    'error serializing property "policy": BedrockFoundationModel "amazon.nova-pro-v1:0": role "arn:aws-cn:iam::123456789012:role/partner-role" is a role of account 123456789012 in partition aws-cn, but the caller is account 123456789012 in partition aws: an identity policy can only be attached to a role of the caller\'s own account; grant that role from a program deployed to its account',
                ],
            );
            expect(rec.byType("aws:iam/rolePolicy:RolePolicy")).to.deep.equal([]);
        });

        it("names stay within IAM's 128 characters, deterministically", () => {
            const long = "a-very-long-component-and-role-name-".repeat(5);
            const bounded = boundedName(`${long}-bedrock-12`);
            expect(bounded.length).to.equal(MAX_POLICY_RESOURCE_NAME);
            expect(bounded).to.equal(boundedName(`${long}-bedrock-12`));
            expect(bounded).to.not.equal(boundedName(`${long}-bedrock-13`));
            expect(bounded).to.equal(
                "a-very-long-component-and-role-name-a-very-long-component-and-role-name-a-very-long-component-and-role-name-a-v-06b8531c",
            );
            expect(boundedName("short-bedrock")).to.equal("short-bedrock");
        });

        it("a long role name gives a bounded policy name", async () => {
            const key = "r".repeat(64);
            M.AMAZON_NOVA_PRO_V1.grantInvoke(key);
            await settle();
            const [policy] = rec.byType("aws:iam/rolePolicy:RolePolicy");
            expect(policy.name).to.equal(`${key}-bedrock`);
            expect(policy.name.length + 8).to.be.at.most(128);
        });
    });

    describe("providers", () => {
        it("policies on a role use the role's aws provider (a GovCloud role gets GovCloud policies)", async () => {
            const gov = new aws.Provider("gov", { region: "us-gov-west-1" });
            const role = new aws.iam.Role("gov-role", { assumeRolePolicy: "{}" }, { provider: gov });
            const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
            cris.grantInvoke(role);
            await settle();
            const [policy] = rec.byType("aws:iam/rolePolicy:RolePolicy");
            expect(policy.provider).to.equal("urn:pulumi:stack::project::pulumi:providers:aws::gov::gov-id");
            expect(policy.parent).to.match(/aws:iam\/role:Role::gov-role$/);
        });

        it("a role given by name uses the granting component's aws provider, and is a different role per provider", async () => {
            const other = new aws.Provider("other-account", { region: "us-east-1" });
            class Team extends pulumi.ComponentResource {
                constructor(name: string) {
                    super("test:index:Team", name, {}, { providers: { aws: other } });
                }
            }
            const team = new Team("team");
            M.AMAZON_NOVA_PRO_V1.grantInvoke("worker", { parent: team });
            M.AMAZON_NOVA_PRO_V1.grantInvoke("worker");
            await settle();
            const policies = rec.byType("aws:iam/rolePolicy:RolePolicy").sort((a, b) => (a.name < b.name ? -1 : 1));
            expect(policies.map((p) => p.name)).to.deep.equal(["worker-bedrock", "worker-other-account-bedrock"]);
            expect(policies[0].provider ?? "").to.not.match(/other-account/);
            expect(policies[1].provider).to.equal("urn:pulumi:stack::project::pulumi:providers:aws::other-account::other-account-id");
        });

        it("a model granted for a component is placed in the Region of the component's aws-native provider", async () => {
            const west = new awsnative.Provider("west", { region: "us-west-2" });
            class Owner extends pulumi.ComponentResource {
                constructor(name: string) {
                    super("test:index:Owner", name, {}, { providers: { "aws-native": west } });
                }
            }
            M.AMAZON_NOVA_PRO_V1.grantInvoke("app-role", { parent: new Owner("owner") });
            await settle();
            const [policy] = rec.byType("aws:iam/rolePolicy:RolePolicy");
            expect(JSON.parse(policy.inputs.policy).Statement[0].Resource).to.equal("arn:aws:bedrock:us-west-2::foundation-model/amazon.nova-pro-v1:0");
        });
    });

    describe("batches", () => {
        it("grants made later (after an await) open a second batch with its own policies, said once", async () => {
            let logs = { warn: [] as string[], info: [] as string[] };
            logs = await capturingLogs(async () => {
                M.AMAZON_NOVA_PRO_V1.grantInvoke("late-role");
                await settle();
                // After an await: the first batch was laid out, so these open a second.
                M.AMAZON_NOVA_LITE_V1.grantInvoke("late-role");
                M.AMAZON_NOVA_MICRO_V1.grantInvoke("late-role");
                await settle();
            });
            const policies = rec.byType("aws:iam/rolePolicy:RolePolicy").sort((a, b) => (a.name < b.name ? -1 : 1));
            expect(policies.map((p) => p.name)).to.deep.equal(["late-role-bedrock", "late-role-bedrock-batch2"]);
            expect(parseStatements(policies[1].inputs.policy as string)[0].Resource).to.deep.equal([
                "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0",
                "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0",
            ]);
            expect(logs.info).to.deep.equal([
                `role "late-role": grants made after the program's body ran (inside an apply or after an await) open batch 2 of its Bedrock policies, laid out apart from the first; make grants at the top level of the program to share one layout`,
            ]);
        });

        it("granting the same thing twice adds nothing", async () => {
            const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
            cris.grantInvoke("twice");
            const once = policiesAfter(rec);
            cris.grantInvoke("twice");
            cris.grantInvoke("twice");
            await settle();
            expect(rec.byType("aws:iam/rolePolicy:RolePolicy")).to.have.length(1);
            expect(await once).to.equal(1);
        });
    });

    describe("refusals", () => {
        it("names the component a refused grant was made on", () => {
            const p = new bedrock.ApplicationInferenceProfile("tenant-b", { inferenceProfileName: "tenant b", modelSource: M.AMAZON_NOVA_PRO_V1 });
            throwsExactly(
                () => p.grantProfileUsage("bad role!"),
                'ApplicationInferenceProfile "tenant-b": grantProfileUsage(role) "bad role!" is not an IAM role name (1-64 characters of letters, digits and +=,.@_-) or role ARN',
            );
            throwsExactly(
                () => p.grantInvoke(p.inferenceProfileArn as never),
                'ApplicationInferenceProfile "tenant-b": grantInvoke(role) "<output>" must be an aws.iam.Role, a role name or a role ARN (pass the aws.iam.Role itself rather than an Output)',
            );
            throwsExactly(
                () => p.grantInvoke("arn:aws:iam::12345:role/x"),
                'ApplicationInferenceProfile "tenant-b": grantInvoke(role) "arn:aws:iam::12345:role/x" is not an IAM role ARN (arn:<partition>:iam::<account>:role/<name>)',
            );
        });

        it("refuses a role that is not one", () => {
            throwsExactly(
                () => M.AMAZON_NOVA_PRO_V1.grantInvoke(42 as never),
                'BedrockFoundationModel "amazon.nova-pro-v1:0": grantInvoke(role) 42 must be an aws.iam.Role, a role name or a role ARN',
            );
            throwsExactly(
                () => M.AMAZON_NOVA_PRO_V1.grantInvoke(undefined as never),
                'BedrockFoundationModel "amazon.nova-pro-v1:0": grantInvoke(role) undefined must be an aws.iam.Role, a role name or a role ARN',
            );
        });
    });
});

/** Resolves to the number of role policies once the current batch is laid out. */
async function policiesAfter(rec: MockRecorder): Promise<number> {
    await settle();
    return rec.byType("aws:iam/rolePolicy:RolePolicy").length;
}

describe("grants: partitions of a component's providers", () => {
    it("warns when a component's Bedrock resources and the role it grants are in different partitions", async () => {
        const rec = grantMocks();
        const logs = await capturingLogs(async () => {
            const gov = new aws.Provider("gov", { region: "us-gov-west-1" });
            const role = new aws.iam.Role("gov-role", { assumeRolePolicy: "{}" }, { provider: gov });
            const cris = new bedrock.CrossRegionInferenceProfile("cris", { geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
            cris.grantInvoke(role);
            cris.grantProfileUsage(role);
            const same = new aws.iam.Role("same", { assumeRolePolicy: "{}" });
            cris.grantInvoke(same);
            await settle();
        });
        expect(rec.byType("aws:iam/rolePolicy:RolePolicy")).to.have.length(2);
        expect(logs.warn).to.deep.equal([
            'CrossRegionInferenceProfile "cris": its Bedrock resources are in partition aws (its aws-native provider) but role "gov-role" is in partition aws-us-gov (its aws provider): the role\'s policies name resources it cannot reach; give the component and the role providers of one partition',
        ]);
    });
});

describe("grants: later batches", () => {
    it("a grant already laid out adds nothing later: the earlier batch carries it", async () => {
        const rec = grantMocks();
        const first = M.AMAZON_NOVA_PRO_V1.grantInvoke("again-role");
        await settle();
        const second = M.AMAZON_NOVA_PRO_V1.grantInvoke("again-role");
        await settle();
        expect(second).to.equal(first);
        expect(rec.byType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name)).to.deep.equal(["again-role-bedrock"]);
    });

    it("a role whose first grant comes late gets one batch, said nothing about", async () => {
        const rec = grantMocks();
        const logs = await capturingLogs(async () => {
            M.AMAZON_NOVA_PRO_V1.grantInvoke("early-role");
            await settle();
            M.AMAZON_NOVA_PRO_V1.grantInvoke("late-first-role");
            await settle();
        });
        expect(rec.byType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name)).to.deep.equal(["early-role-bedrock", "late-first-role-bedrock"]);
        expect(logs.info).to.deep.equal([]);
    });
});

describe("grants: detached statements", () => {
    it("statements that depend on a resource waiting for the role's policies get policies of their own: no cycle", async () => {
        const rec = grantMocks();
        const role = new aws.iam.Role("worker", { assumeRolePolicy: "{}" });
        const main = M.AMAZON_NOVA_PRO_V1.grantInvoke(role);
        const topic = new aws.iam.Role("needs-policies", { assumeRolePolicy: "{}" }, { dependsOn: main });
        const { grantStatements } = await import("../components/iam/grants");
        const { symbolic } = await import("../components/core/symbols");
        grantStatements(role, [{ Effect: "Allow", Action: ["iam:GetRole"], Resource: [symbolic(topic.arn, "role/needs-policies", 256)] }], {
            where: { component: "Test", name: "t" },
            detached: "topic",
        });
        await settle();
        await settle();
        const policies = rec.byType("aws:iam/rolePolicy:RolePolicy").map((p) => `${p.name} ${p.inputs.policy}`);
        expect(policies).to.deep.equal([
            'worker-bedrock {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["bedrock:InvokeModel","bedrock:InvokeModelWithResponseStream"],"Resource":"arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0"}]}',
            `worker-bedrock-topic {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"${rec.find("aws:iam/role:Role", "needs-policies").state.arn}"}]}`,
        ]);
        expect(rec.find("aws:iam/role:Role", "needs-policies").dependencies).to.deep.equal([rec.find("aws:iam/rolePolicy:RolePolicy", "worker-bedrock").urn]);
    });
});
