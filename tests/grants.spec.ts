import { expect } from "chai";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { setBedrockMocks, resolveOutput, settle, policiesForRole, type MockRecorder } from "../components/testing";
import * as bedrock from "../sdk/nodejs";
import { IAM_LIMITS } from "../components/policy";
import { inlineCharactersUsed, resolveRole } from "../components/grants";

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
