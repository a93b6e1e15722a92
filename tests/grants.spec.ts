import { expect } from "chai";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as awsnative from "@pulumi/aws-native";
import { setBedrockMocks, resolveOutput, settle, policiesForRole, type MockRecorder } from "../components/testing/testing";
import * as bedrock from "../sdk/nodejs";
import { IAM_LIMITS } from "../components/iam/policy";
import { inlineCharactersUsed, resolveRole } from "../components/iam/grants";

const M = bedrock.BedrockFoundationModel;
const G = bedrock.CrossRegionInferenceProfileRegion;

describe("grants", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "eu-west-1", accountId: "210987654321" });
    });

    it("a foundation model's grantInvoke allows the model in the caller's Region only", async () => {
        const role = new aws.iam.Role("r", { assumeRolePolicy: "{}" });
        const made = M.AMAZON_NOVA_PRO_V1.grantInvoke(role);
        expect(made).to.have.length(1);
        await settle();
        const [policy] = policiesForRole(rec, (await resolveOutput(role.name)) as string);
        expect(policy.name).to.equal("model-amazon-nova-pro-v1-0-invoke-r");
        expect(JSON.parse(policy.json)).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                    Resource: "arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-pro-v1:0",
                },
            ],
        });
        expect(await resolveOutput(M.AMAZON_NOVA_PRO_V1.invokableArn)).to.equal("arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-pro-v1:0");
    });

    it("policies are parented to the granted component and named after it and the role", async () => {
        const p = new bedrock.ApplicationInferenceProfile("tenant-a", { inferenceProfileName: "tenant a", modelSource: M.AMAZON_NOVA_PRO_V1 });
        const [policy] = p.grantInvoke("app-role");
        await settle();
        const recorded = rec.find("aws:iam/rolePolicy:RolePolicy", "tenant-a-invoke-app-role");
        expect(recorded.inputs.role).to.equal("app-role");
        expect(await resolveOutput((policy as aws.iam.RolePolicy).role)).to.equal("app-role");
        expect(recorded.parent ?? "").to.match(/ApplicationInferenceProfile::tenant-a$/);
    });

    it("keeps the role's inline policies within IAM's limit and spills further grants into managed policies", async () => {
        const role = new aws.iam.Role("big", { assumeRolePolicy: "{}" });
        const profiles = Array.from(
            { length: 16 },
            (_, i) =>
                new bedrock.ApplicationInferenceProfile(`p${i}`, {
                    inferenceProfileName: `tenant ${i}`,
                    modelSource: bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.EU, model: M.AMAZON_NOVA_PRO_V1 }),
                }),
        );
        for (const p of profiles) p.grantInvoke(role);
        await settle();
        const name = (await resolveOutput(role.name)) as string;
        const policies = policiesForRole(rec, name);
        const inline = policies.filter((p) => p.kind === "inline");
        const managed = policies.filter((p) => p.kind === "managed");
        expect(inline.length + managed.length).to.equal(16);
        expect(managed.length).to.be.greaterThan(0);
        const inlineChars = inline.reduce((n, p) => n + p.json.length, 0);
        expect(inlineChars).to.be.at.most(IAM_LIMITS.inlinePerRole);
        expect(inlineCharactersUsed(resolveRole(role))).to.be.at.most(IAM_LIMITS.inlinePerRole);
        for (const m of managed) expect(m.json.length).to.be.at.most(IAM_LIMITS.managedPolicy);
        // Each managed policy is attached to the role.
        expect(rec.byType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").map((a) => a.inputs.role)).to.deep.equal(managed.map(() => name));
    });

    it("warns past IAM's default quota of 10 managed policies on a role and refuses past 20", async () => {
        const warnings: string[] = [];
        const original = pulumi.log.warn;
        (pulumi.log as { warn: typeof pulumi.log.warn }).warn = async (msg: string) => {
            warnings.push(msg);
        };
        try {
            const source = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.EU, model: M.AMAZON_NOVA_PRO_V1 });
            const profiles = Array.from(
                { length: 40 },
                (_, i) => new bedrock.ApplicationInferenceProfile(`q${i}`, { inferenceProfileName: `q ${i}`, modelSource: source }),
            );
            let refused = "";
            let granted = 0;
            for (const p of profiles) {
                try {
                    p.grantInvoke("busy-role");
                    granted++;
                } catch (e) {
                    refused = (e as Error).message;
                    break;
                }
            }
            await settle();
            const managed = rec.byType("aws:iam/policy:Policy").length;
            expect(managed).to.equal(20);
            expect(granted).to.equal(managed + rec.byType("aws:iam/rolePolicy:RolePolicy").length);
            expect(refused).to.equal(
                `ApplicationInferenceProfile "q${granted}": role "busy-role" would carry 21 managed policies from this package, over IAM's maximum of 20 per role: grant many targets through one ModelAccessPolicy, or spread them over several roles`,
            );
            expect(warnings).to.deep.equal([
                `ApplicationInferenceProfile "q${granted - 10}": role "busy-role" carries 11 managed policies from this package, over IAM's default quota of 10 per role; the deploy fails unless the account's quota is raised (at most 20)`,
            ]);
        } finally {
            (pulumi.log as { warn: typeof pulumi.log.warn }).warn = original;
        }
    });

    it("names the component a refused grant was made on", () => {
        const p = new bedrock.ApplicationInferenceProfile("tenant-b", { inferenceProfileName: "tenant b", modelSource: M.AMAZON_NOVA_PRO_V1 });
        expect(() => p.grantProfileUsage("bad role!")).to.throw(
            'ApplicationInferenceProfile "tenant-b": grantProfileUsage(role) "bad role!" is not an IAM role name (1-64 characters of letters, digits and +=,.@_-) or role ARN',
        );
        expect(() => p.grantInvoke(p.inferenceProfileArn as never)).to.throw(
            'ApplicationInferenceProfile "tenant-b": grantInvoke(role) "<output>" must be an aws.iam.Role, a role name or a role ARN (pass the aws.iam.Role itself rather than an Output)',
        );
    });

    it("refuses a role that is not one", () => {
        expect(() => M.AMAZON_NOVA_PRO_V1.grantInvoke(42 as never)).to.throw(
            'BedrockFoundationModel "amazon.nova-pro-v1:0": grantInvoke(role) 42 must be an aws.iam.Role, a role name or a role ARN',
        );
        expect(() => M.AMAZON_NOVA_PRO_V1.grantInvoke(undefined as never)).to.throw(
            'BedrockFoundationModel "amazon.nova-pro-v1:0": grantInvoke(role) undefined must be an aws.iam.Role, a role name or a role ARN',
        );
    });
});

describe("grants in programs with several roles and providers", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: "123456789012" });
    });

    class Team extends pulumi.ComponentResource {
        public readonly role: aws.iam.Role;
        constructor(name: string) {
            super("test:index:Team", name, {}, {});
            this.role = new aws.iam.Role("support-role", { assumeRolePolicy: "{}" }, { parent: this });
        }
    }

    it("two roles with the same Pulumi name under different parents each get their grant", async () => {
        const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
        const top = new aws.iam.Role("support-role", { assumeRolePolicy: "{}" });
        const team = new Team("support");
        const a = cris.grantInvoke(top);
        const b = cris.grantInvoke(team.role);
        expect(a).to.not.equal(b);
        await settle();
        const policies = rec.byType("aws:iam/rolePolicy:RolePolicy");
        expect(policies.map((p) => p.inputs.role).sort()).to.deep.equal(
            [(await resolveOutput(top.name)) as string, (await resolveOutput(team.role.name)) as string].sort(),
        );
    });

    it("two imports whose ARNs are Outputs are granted apart", async () => {
        const arnA = pulumi.output("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/aaaaaaaaaaaa");
        const arnB = pulumi.output("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/bbbbbbbbbbbb");
        const a = bedrock.ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes({
            inferenceProfileArn: arnA,
            inferenceProfileIdentifier: arnA,
        });
        const b = bedrock.ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes({
            inferenceProfileArn: arnB,
            inferenceProfileIdentifier: arnB,
            name: "tenant-b",
        });
        a.grantInvoke("app-role");
        b.grantInvoke("app-role");
        await settle();
        const byName = Object.fromEntries(rec.byType("aws:iam/rolePolicy:RolePolicy").map((p) => [p.name, p.inputs.policy as string]));
        expect(Object.keys(byName).sort()).to.deep.equal(["imported-profile-1-invoke-app-role", "tenant-b-invoke-app-role"]);
        expect(byName["imported-profile-1-invoke-app-role"]).to.include("aaaaaaaaaaaa").and.not.include("bbbbbbbbbbbb");
        expect(byName["tenant-b-invoke-app-role"]).to.include("bbbbbbbbbbbb").and.not.include("aaaaaaaaaaaa");
    });

    it("references through two providers are two profiles, each granted in its own Region", async () => {
        const east = new awsnative.Provider("east", { region: "us-east-1" });
        const west = new awsnative.Provider("west", { region: "us-west-2" });
        const e = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 }, { provider: east });
        const w = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 }, { provider: west });
        e.grantInvoke("app-role");
        w.grantInvoke("app-role");
        expect(await resolveOutput(w.inferenceProfileArn)).to.equal(
            "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0",
        );
        await settle();
        const names = rec.byType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name);
        expect(names).to.deep.equal([
            "profile-us-anthropic-claude-3-5-sonnet-20241022-v2-0-east-invoke-app-role",
            "profile-us-anthropic-claude-3-5-sonnet-20241022-v2-0-west-invoke-app-role",
        ]);
        expect(rec.find("aws:iam/rolePolicy:RolePolicy", names[1]).inputs.policy).to.include(":us-west-2:123456789012:inference-profile/");
    });

    it("a model granted for a component is placed in the Region of the component's provider", async () => {
        const west = new awsnative.Provider("west", { region: "us-west-2" });
        class Owner extends pulumi.ComponentResource {
            constructor(name: string) {
                super("test:index:Owner", name, {}, { providers: { "aws-native": west } });
            }
        }
        const owner = new Owner("owner");
        M.AMAZON_NOVA_PRO_V1.grantInvoke("app-role", { parent: owner });
        await settle();
        const [policy] = rec.byType("aws:iam/rolePolicy:RolePolicy");
        expect(JSON.parse(policy.inputs.policy).Statement[0].Resource).to.equal("arn:aws:bedrock:us-west-2::foundation-model/amazon.nova-pro-v1:0");
    });
});
