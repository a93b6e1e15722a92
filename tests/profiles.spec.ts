import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as awsnative from "@pulumi/aws-native";
import { setBedrockMocks, resolveOutput, settle, policiesForRole, type MockRecorder } from "../components/testing/testing";
import * as bedrock from "../sdk/nodejs";
import { deployFailsExactly, outputError, throwsExactly } from "./support/errors";
import { captureLogs } from "./support/logs";
import { INVOKE, GET_INVOKE } from "./support/grants";
import { newRole } from "./support/programs";

const ACCOUNT = "123456789012";
const M = bedrock.BedrockFoundationModel;
const G = bedrock.CrossRegionInferenceProfileRegion;
const SONNET_35_V2 = "anthropic.claude-3-5-sonnet-20241022-v2:0";
const SONNET_45 = "anthropic.claude-sonnet-4-5-20250929-v1:0";
/** Every application profile of the account in us-east-1: the `ArnLike` value that reaches a profile's models. */
const APP_PATTERN = `arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/*`;

function fm(region: string, id: string, partition = "aws"): string {
    return `arn:${partition}:bedrock:${region}::foundation-model/${id}`;
}

async function roleStatements(rec: MockRecorder, role: aws.iam.Role) {
    await settle();
    const name = (await resolveOutput(role.name)) as string;
    return policiesForRole(rec, name);
}

describe("CrossRegionInferenceProfile", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
    });

    it("fromConfig is a reference with the id, ARN and Regions of the system profile", async () => {
        const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
        expect(cris.inferenceProfileId).to.equal(`us.${SONNET_35_V2}`);
        expect(cris.type).to.equal("SYSTEM_DEFINED");
        expect(await resolveOutput(cris.inferenceProfileArn)).to.equal(`arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET_35_V2}`);
        expect(await resolveOutput(cris.invokableArn)).to.equal(await resolveOutput(cris.inferenceProfileArn));
        expect(cris.destinationRegions).to.deep.equal(["ca-central-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"]);
        await settle();
        expect(rec.resources).to.deep.equal([]);
    });

    it("the component registers itself (and no cloud resource) with outputs", async () => {
        const cris = new bedrock.CrossRegionInferenceProfile("cris", { geoRegion: G.EU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
        expect(await resolveOutput(cris.inferenceProfileId)).to.equal(`eu.${SONNET_45}`);
        await settle();
        expect(rec.resources.map((r) => `${r.type} ${r.name}`)).to.deep.equal(["bedrock-genai:index:CrossRegionInferenceProfile cris"]);
    });

    it("takes the Region and account from the component's aws-native provider", async () => {
        // The provider deploys to another account (the role it assumes) and Region than the default provider's.
        const eu = new awsnative.Provider("eu", { region: "eu-west-1", assumeRole: { roleArn: "arn:aws:iam::210987654321:role/deployer" } });
        const cris = new bedrock.CrossRegionInferenceProfile("cris", { geoRegion: G.EU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 }, { provider: eu });
        expect(await resolveOutput(cris.inferenceProfileArn)).to.equal(`arn:aws:bedrock:eu-west-1:210987654321:inference-profile/eu.${SONNET_45}`);
        cris.grantInvoke("eu-role");
        await settle();
        const profileArn = `arn:aws:bedrock:eu-west-1:210987654321:inference-profile/eu.${SONNET_45}`;
        const euRegions = ["eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3"];
        expect(policiesForRole(rec, "eu-role").map((p) => [p.name, p.kind, JSON.parse(p.json)])).to.deep.equal([
            [
                "eu-role-bedrock",
                "inline",
                {
                    Version: "2012-10-17",
                    Statement: [
                        { Effect: "Allow", Action: GET_INVOKE, Resource: profileArn },
                        {
                            Effect: "Allow",
                            Action: INVOKE,
                            Resource: euRegions.map((r) => fm(r, SONNET_45)),
                            Condition: { ArnLike: { "bedrock:InferenceProfileArn": profileArn } },
                        },
                    ],
                },
            ],
        ]);
    });

    it("refuses an EU profile called from us-east-1 when the Region is only known at deploy time", async () => {
        const cris = new bedrock.CrossRegionInferenceProfile("cris", { geoRegion: G.EU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
        const message = await outputError(cris.inferenceProfileArn);
        expect(message).to.equal(
            'CrossRegionInferenceProfile "cris": geoRegion "eu" profiles cannot be called from Region us-east-1: the eu geography\'s source Regions are eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-2, eu-west-3',
        );
    });

    it("grantInvoke (US): the profile, and the model in every destination Region only through the profile", async () => {
        const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
        const role = newRole();
        const made = cris.grantInvoke(role);
        const policies = await roleStatements(rec, role);
        expect(policies.map((p) => [p.name, p.kind])).to.deep.equal([["fn-role-bedrock", "inline"]]);
        // The grant is the role's one inline policy (a child of the role).
        const rp = rec.find("aws:iam/rolePolicy:RolePolicy", "fn-role-bedrock");
        expect(((await resolveOutput(made)) as unknown[]).map((r) => (r as { __name: string }).__name)).to.deep.equal(["fn-role-bedrock"]);
        expect(rp.inputs.role).to.equal(await resolveOutput(role.name));
        expect(rp.parent).to.equal(await resolveOutput(role.urn));
        const profileArn = `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET_35_V2}`;
        expect(JSON.parse(policies[0].json)).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                { Effect: "Allow", Action: GET_INVOKE, Resource: profileArn },
                {
                    Effect: "Allow",
                    Action: INVOKE,
                    Resource: ["ca-central-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"].map((r) => fm(r, SONNET_35_V2)),
                    Condition: { ArnLike: { "bedrock:InferenceProfileArn": profileArn } },
                },
            ],
        });
    });

    it("grantInvoke (GLOBAL): source-Region model and the Region-less model with aws:RequestedRegion unspecified", async () => {
        const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.GLOBAL, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
        const role = newRole();
        cris.grantInvoke(role);
        const [policy] = await roleStatements(rec, role);
        const profileArn = `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/global.${SONNET_45}`;
        expect(JSON.parse(policy.json).Statement).to.deep.equal([
            { Effect: "Allow", Action: GET_INVOKE, Resource: profileArn },
            {
                Effect: "Allow",
                Action: INVOKE,
                Resource: `arn:aws:bedrock:::foundation-model/${SONNET_45}`,
                Condition: { ArnLike: { "bedrock:InferenceProfileArn": profileArn }, StringEquals: { "aws:RequestedRegion": "unspecified" } },
            },
            {
                Effect: "Allow",
                Action: INVOKE,
                Resource: fm("us-east-1", SONNET_45),
                Condition: { ArnLike: { "bedrock:InferenceProfileArn": profileArn } },
            },
        ]);
    });

    it("grantInvoke (JP) from ap-northeast-1", async () => {
        rec = setBedrockMocks({ region: "ap-northeast-1", accountId: ACCOUNT });
        const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.JP, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
        const role = newRole();
        cris.grantInvoke(role);
        const [policy] = await roleStatements(rec, role);
        const profileArn = `arn:aws:bedrock:ap-northeast-1:${ACCOUNT}:inference-profile/jp.${SONNET_45}`;
        expect(JSON.parse(policy.json).Statement).to.deep.equal([
            { Effect: "Allow", Action: GET_INVOKE, Resource: profileArn },
            {
                Effect: "Allow",
                Action: INVOKE,
                Resource: [fm("ap-northeast-1", SONNET_45), fm("ap-northeast-3", SONNET_45)],
                Condition: { ArnLike: { "bedrock:InferenceProfileArn": profileArn } },
            },
        ]);
    });

    it("grantInvoke (US_GOV) uses the aws-us-gov partition", async () => {
        rec = setBedrockMocks({ region: "us-gov-west-1", accountId: ACCOUNT });
        const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US_GOV, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
        const role = newRole();
        cris.grantInvoke(role);
        const [policy] = await roleStatements(rec, role);
        const profileArn = `arn:aws-us-gov:bedrock:us-gov-west-1:${ACCOUNT}:inference-profile/us-gov.${SONNET_45}`;
        expect(JSON.parse(policy.json).Statement).to.deep.equal([
            { Effect: "Allow", Action: GET_INVOKE, Resource: profileArn },
            {
                Effect: "Allow",
                Action: INVOKE,
                Resource: [fm("us-gov-east-1", SONNET_45, "aws-us-gov"), fm("us-gov-west-1", SONNET_45, "aws-us-gov")],
                Condition: { ArnLike: { "bedrock:InferenceProfileArn": profileArn } },
            },
        ]);
    });

    it("grantInvoke with narrowed destination Regions", async () => {
        const cris = bedrock.CrossRegionInferenceProfile.fromConfig({
            geoRegion: G.US,
            model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
            destinationRegions: ["us-west-2", "us-east-2"],
        });
        const role = newRole();
        cris.grantInvoke(role);
        const [policy] = await roleStatements(rec, role);
        const profileArn = `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET_35_V2}`;
        // The source Region is always allowed.
        expect(JSON.parse(policy.json).Statement).to.deep.equal([
            { Effect: "Allow", Action: GET_INVOKE, Resource: profileArn },
            {
                Effect: "Allow",
                Action: INVOKE,
                Resource: [fm("us-east-1", SONNET_35_V2), fm("us-east-2", SONNET_35_V2), fm("us-west-2", SONNET_35_V2)],
                Condition: { ArnLike: { "bedrock:InferenceProfileArn": profileArn } },
            },
        ]);
    });

    it("grantProfileUsage: GetInferenceProfile on the profile and ListInferenceProfiles on *", async () => {
        const cris = new bedrock.CrossRegionInferenceProfile("cris", { geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
        const role = newRole();
        cris.grantProfileUsage(role);
        const policies = await roleStatements(rec, role);
        expect(policies.map((p) => p.name)).to.deep.equal(["fn-role-bedrock"]);
        expect(JSON.parse(policies[0].json).Statement).to.deep.equal([
            { Effect: "Allow", Action: "bedrock:GetInferenceProfile", Resource: `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET_35_V2}` },
            { Effect: "Allow", Action: "bedrock:ListInferenceProfiles", Resource: "*" },
        ]);
        const rp = rec.find("aws:iam/rolePolicy:RolePolicy", "fn-role-bedrock");
        expect(rp.inputs.role).to.equal(await resolveOutput(role.name));
    });

    it("grants to a role given by name or ARN (root policies named after the role), and returns the same policies when granted twice", async () => {
        const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
        const a = cris.grantProfileUsage("my-role");
        const b = cris.grantProfileUsage("arn:aws:iam::123456789012:role/team/other-role");
        expect(cris.grantProfileUsage("my-role")).to.equal(a);
        await settle();
        const names = rec.byType("aws:iam/rolePolicy:RolePolicy").map((r) => [r.name, r.inputs.role, r.parent]);
        expect(names).to.deep.equal([
            ["my-role-bedrock", "my-role", undefined],
            ["other-role-bedrock", "other-role", undefined],
        ]);
        expect(((await resolveOutput(b)) as unknown[]).map((r) => (r as { __name: string }).__name)).to.deep.equal(["other-role-bedrock"]);
        throwsExactly(
            () => cris.grantInvoke("not a role!"),
            'CrossRegionInferenceProfile "us.anthropic.claude-3-5-sonnet-20241022-v2:0": grantInvoke(role) "not a role!" is not an IAM role name (1-64 characters of letters, digits and +=,.@_-) or role ARN',
        );
        throwsExactly(
            () => cris.grantInvoke("arn:aws:iam::123456789012:user/bob"),
            'CrossRegionInferenceProfile "us.anthropic.claude-3-5-sonnet-20241022-v2:0": grantInvoke(role) "arn:aws:iam::123456789012:user/bob" is not an IAM role ARN (arn:<partition>:iam::<account>:role/<name>)',
        );
    });

    describe("validation (before anything is registered)", () => {
        const cases: [string, () => unknown, string][] = [
            [
                "a model without cross-region support",
                () => new bedrock.CrossRegionInferenceProfile("c", { geoRegion: G.US, model: M.TITAN_EMBED_TEXT_V2_1024 }),
                'CrossRegionInferenceProfile "c": model "amazon.titan-embed-text-v2:0" does not support cross-region inference (supportsCrossRegion is false)',
            ],
            [
                "a geography the model has no profile in",
                () => new bedrock.CrossRegionInferenceProfile("c", { geoRegion: G.APAC, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 }),
                'CrossRegionInferenceProfile "c": model "anthropic.claude-sonnet-4-5-20250929-v1:0" has no apac. cross-region profile: the catalog\'s sources list profiles in us, eu, jp, au, global, us-gov (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html; https://docs.aws.amazon.com/bedrock/latest/userguide/models-region-compatibility.html; https://aws.amazon.com/blogs/machine-learning/ (AWS Machine Learning blog: Amazon Bedrock in Asia Pacific (New Zealand), cross-Region inference from Auckland)); if AWS serves one, declare it: BedrockFoundationModel.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0.withGeographies(["apac"])',
            ],
            [
                "a geography that is not one",
                () => new bedrock.CrossRegionInferenceProfile("c", { geoRegion: "us" as never, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 }),
                'CrossRegionInferenceProfile "c": geoRegion "us" must be one of CrossRegionInferenceProfileRegion.US, .EU, .APAC, .GLOBAL, .US_GOV, .JP, .AU, .CA, .IN',
            ],
            [
                "a model id string instead of a model",
                () => bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: SONNET_35_V2 as never }),
                'CrossRegionInferenceProfile.fromConfig: model "anthropic.claude-3-5-sonnet-20241022-v2:0" must be a BedrockFoundationModel (a catalog constant or new BedrockFoundationModel(modelId, props))',
            ],
            [
                "a malformed destination Region",
                () =>
                    new bedrock.CrossRegionInferenceProfile("c", {
                        geoRegion: G.US,
                        model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
                        destinationRegions: ["US-EAST-1"],
                    }),
                'CrossRegionInferenceProfile "c": destinationRegions[0] "US-EAST-1" is not a Region name (e.g. us-east-1)',
            ],
            [
                "missing arguments",
                () => new bedrock.CrossRegionInferenceProfile("c", undefined as never),
                'CrossRegionInferenceProfile "c": args undefined is required (an object with the component\'s arguments)',
            ],
        ];
        for (const [what, make, message] of cases) {
            it(`refuses ${what}`, async () => {
                throwsExactly(make, message);
                await settle();
                expect(rec.resources).to.deep.equal([]);
            });
        }

        it("refuses a source Region outside the geography when the stack config names it", async () => {
            rec = setBedrockMocks({ region: "eu-west-1", config: { "aws-native:region": "eu-west-1" } });
            throwsExactly(
                () => new bedrock.CrossRegionInferenceProfile("c", { geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 }),
                'CrossRegionInferenceProfile "c": geoRegion "us" profiles cannot be called from Region eu-west-1: the us geography\'s source Regions are ca-central-1, us-east-1, us-east-2, us-west-1, us-west-2',
            );
            await settle();
            expect(rec.resources).to.deep.equal([]);
        });
    });
});

describe("ApplicationInferenceProfile", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
    });

    it("renders bedrock.ApplicationInferenceProfile from a foundation model (one Region), tags as a list", async () => {
        const p = new bedrock.ApplicationInferenceProfile("myapplicationprofile", {
            inferenceProfileName: "claude 3 sonnet v1",
            modelSource: M.ANTHROPIC_CLAUDE_SONNET_V1_0,
            tags: [{ key: "test", value: "test" }],
        });
        const arn = await resolveOutput(p.inferenceProfileArn);
        await settle();
        const r = rec.find("aws-native:bedrock:ApplicationInferenceProfile", "myapplicationprofile");
        expect(r.inputs).to.deep.equal({
            inferenceProfileName: "claude 3 sonnet v1",
            modelSource: { copyFrom: fm("us-east-1", "anthropic.claude-3-sonnet-20240229-v1:0") },
            tags: [{ key: "test", value: "test" }],
        });
        expect(arn).to.equal("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/spyeuta1h8l6");
        expect(rec.resources.map((x) => x.type)).to.deep.equal([
            "bedrock-genai:index:ApplicationInferenceProfile",
            "aws-native:bedrock:ApplicationInferenceProfile",
        ]);
        expect(p.sourceModel).to.equal(M.ANTHROPIC_CLAUDE_SONNET_V1_0);
    });

    it("the component registers the profile's ARN, id and identifier as its outputs; the cross-region component its id, ARN, Regions and type", async () => {
        new bedrock.ApplicationInferenceProfile("app", { inferenceProfileName: "app", modelSource: M.ANTHROPIC_CLAUDE_SONNET_V1_0 });
        new bedrock.CrossRegionInferenceProfile("cris", { geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
        await settle();
        expect(rec.find("bedrock-genai:index:ApplicationInferenceProfile", "app").outputs).to.deep.equal({
            inferenceProfileArn: "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/rg0e499dzum7",
            inferenceProfileId: "rg0e499dzum7",
            inferenceProfileIdentifier: "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/rg0e499dzum7",
        });
        expect(rec.find("bedrock-genai:index:CrossRegionInferenceProfile", "cris").outputs).to.deep.equal({
            inferenceProfileId: `us.${SONNET_35_V2}`,
            inferenceProfileArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET_35_V2}`,
            destinationRegions: ["ca-central-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"],
            type: "SYSTEM_DEFINED",
        });
    });

    it("copies from a cross-region profile (many Regions), tags as a map sorted by key, description", async () => {
        const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
        new bedrock.ApplicationInferenceProfile("p2", {
            inferenceProfileName: "claude 35 sonnet v2",
            modelSource: cris,
            description: "Team A: chat",
            tags: { team: "a", costCenter: "42" },
        });
        await settle();
        expect(rec.find("aws-native:bedrock:ApplicationInferenceProfile", "p2").inputs).to.deep.equal({
            inferenceProfileName: "claude 35 sonnet v2",
            description: "Team A: chat",
            modelSource: { copyFrom: `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET_35_V2}` },
            tags: [
                { key: "costCenter", value: "42" },
                { key: "team", value: "a" },
            ],
        });
    });

    it("copies from an ARN string in its own Region", async () => {
        new bedrock.ApplicationInferenceProfile("p3", {
            inferenceProfileName: "from-arn",
            modelSource: `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET_35_V2}`,
        });
        await settle();
        expect(rec.find("aws-native:bedrock:ApplicationInferenceProfile", "p3").inputs.modelSource).to.deep.equal({
            copyFrom: `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET_35_V2}`,
        });
    });

    it("grantInvoke on a profile built on a cross-region profile: both profiles, models through either", async () => {
        const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
        const p = new bedrock.ApplicationInferenceProfile("app", { inferenceProfileName: "app", modelSource: cris });
        const role = newRole();
        p.grantInvoke(role);
        const appArn = (await resolveOutput(p.inferenceProfileArn)) as string;
        const sysArn = `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET_35_V2}`;
        const policies = await roleStatements(rec, role);
        expect(policies.map((x) => x.name)).to.deep.equal(["fn-role-bedrock"]);
        expect(JSON.parse(policies[0].json).Statement).to.deep.equal([
            { Effect: "Allow", Action: GET_INVOKE, Resource: [appArn, sysArn] },
            {
                Effect: "Allow",
                Action: INVOKE,
                Resource: ["ca-central-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"].map((r) => fm(r, SONNET_35_V2)),
                Condition: { ArnLike: { "bedrock:InferenceProfileArn": [APP_PATTERN, sysArn] } },
            },
        ]);
    });

    it("grantInvoke on a single-Region profile, and grantProfileUsage", async () => {
        const p = new bedrock.ApplicationInferenceProfile("app", { inferenceProfileName: "app", modelSource: M.ANTHROPIC_CLAUDE_SONNET_V1_0 });
        const role = newRole();
        p.grantInvoke(role);
        p.grantProfileUsage(role);
        const appArn = (await resolveOutput(p.inferenceProfileArn)) as string;
        const policies = await roleStatements(rec, role);
        // Invoke and usage merged: GetInferenceProfile on the profile is in both.
        expect(policies.map((x) => x.name)).to.deep.equal(["fn-role-bedrock"]);
        expect(JSON.parse(policies[0].json).Statement).to.deep.equal([
            { Effect: "Allow", Action: GET_INVOKE, Resource: appArn },
            {
                Effect: "Allow",
                Action: INVOKE,
                Resource: fm("us-east-1", "anthropic.claude-3-sonnet-20240229-v1:0"),
                Condition: { ArnLike: { "bedrock:InferenceProfileArn": APP_PATTERN } },
            },
            { Effect: "Allow", Action: "bedrock:ListInferenceProfiles", Resource: "*" },
        ]);
    });

    it("imports by attributes: usable as a model, both grants", async () => {
        const arn = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abcd1234wxyz";
        const imported = bedrock.ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes({
            inferenceProfileArn: arn,
            inferenceProfileIdentifier: arn,
        });
        expect(await resolveOutput(imported.invokableArn)).to.equal(arn);
        const role = newRole();
        imported.grantProfileUsage(role);
        imported.grantInvoke(role);
        const policies = await roleStatements(rec, role);
        expect(policies.map((x) => x.name)).to.deep.equal(["fn-role-bedrock"]);
        // The model behind an imported profile is unknown: any model, only through this profile.
        expect(JSON.parse(policies[0].json).Statement).to.deep.equal([
            { Effect: "Allow", Action: GET_INVOKE, Resource: arn },
            {
                Effect: "Allow",
                Action: INVOKE,
                Resource: "arn:aws:bedrock:*::foundation-model/*",
                Condition: { ArnLike: { "bedrock:InferenceProfileArn": arn } },
            },
            { Effect: "Allow", Action: "bedrock:ListInferenceProfiles", Resource: "*" },
        ]);
    });

    it("imports by attributes with a known model source: exact model statements", async () => {
        const arn = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abcd1234wxyz";
        const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.JP, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 }, {});
        rec = setBedrockMocks({ region: "ap-northeast-1", accountId: ACCOUNT });
        const cris2 = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.JP, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
        void cris;
        const imported = bedrock.ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes({
            inferenceProfileArn: arn,
            inferenceProfileIdentifier: arn,
            modelSource: cris2,
        });
        const role = newRole();
        imported.grantInvoke(role);
        const [policy] = await roleStatements(rec, role);
        const sysArn = `arn:aws:bedrock:ap-northeast-1:${ACCOUNT}:inference-profile/jp.${SONNET_45}`;
        expect(JSON.parse(policy.json).Statement).to.deep.equal([
            { Effect: "Allow", Action: GET_INVOKE, Resource: [sysArn, arn] },
            {
                Effect: "Allow",
                Action: INVOKE,
                Resource: [fm("ap-northeast-1", SONNET_45), fm("ap-northeast-3", SONNET_45)],
                // The imported profile's Region and account (from its ARN): any application profile there.
                Condition: { ArnLike: { "bedrock:InferenceProfileArn": [sysArn, APP_PATTERN] } },
            },
        ]);
    });

    it("imports an aws-native resource", async () => {
        const cfn = new awsnative.bedrock.ApplicationInferenceProfile("mytestaip3", {
            inferenceProfileName: "mytest",
            modelSource: { copyFrom: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-sonnet-20240229-v1:0" },
        });
        const imported = bedrock.ApplicationInferenceProfile.fromCfnApplicationInferenceProfile(cfn, M.ANTHROPIC_CLAUDE_SONNET_V1_0);
        const role = newRole();
        imported.grantInvoke(role);
        const arn = await resolveOutput(cfn.inferenceProfileArn);
        const [policy] = await roleStatements(rec, role);
        expect(policy.name).to.equal("fn-role-bedrock");
        expect(JSON.parse(policy.json).Statement).to.deep.equal([
            { Effect: "Allow", Action: GET_INVOKE, Resource: arn },
            {
                Effect: "Allow",
                Action: INVOKE,
                Resource: fm("us-east-1", "anthropic.claude-3-sonnet-20240229-v1:0"),
                Condition: { ArnLike: { "bedrock:InferenceProfileArn": APP_PATTERN } },
            },
        ]);
    });

    describe("validation (before anything is registered)", () => {
        const ok = { inferenceProfileName: "ok", modelSource: M.ANTHROPIC_CLAUDE_SONNET_V1_0 };
        const cases: [string, Partial<bedrock.ApplicationInferenceProfileArgs> | undefined, string][] = [
            ["an empty name", { inferenceProfileName: "" }, 'inferenceProfileName "" must not be empty'],
            [
                "a name with punctuation",
                { inferenceProfileName: "-bad name!!" },
                'inferenceProfileName "-bad name!!" must match ^([0-9a-zA-Z][ _-]?)+$ (letters and digits, each followed by at most one space, underscore or hyphen)',
            ],
            [
                "a name over 64 characters",
                { inferenceProfileName: "a".repeat(65) },
                `inferenceProfileName "${"a".repeat(65)}" must have at most 64 characters (has 65)`,
            ],
            ["a missing name", { inferenceProfileName: undefined }, "inferenceProfileName undefined is required"],
            [
                "a description with a slash",
                { description: "a/b" },
                'description "a/b" must match ^([0-9a-zA-Z:.][ _-]?)+$ (letters, digits, colons and periods, each followed by at most one space, underscore or hyphen)',
            ],
            [
                "a description over 200 characters",
                { description: "d".repeat(201) },
                `description "${"d".repeat(201)}" must have at most 200 characters (has 201)`,
            ],
            ["a tag key with a reserved prefix", { tags: { "aws:x": "1" } }, 'tags[0].key "aws:x" must not start with the reserved prefix "aws:"'],
            [
                "a tag value with a bad character",
                { tags: [{ key: "k", value: "a;b" }] },
                'tags[0].value "a;b" must match ^[a-zA-Z0-9\\s._:/=+@-]*$ (letters, digits, spaces and . _ : / = + @ -)',
            ],
            [
                "an application profile ARN as source",
                { modelSource: "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abcd1234wxyz" },
                'modelSource "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abcd1234wxyz" must be the ARN of a foundation model (arn:<partition>:bedrock:<region>::foundation-model/<id>) or of a system-defined profile (arn:<partition>:bedrock:<region>:<account>:inference-profile/<prefix>.<id>)',
            ],
            [
                "a us. profile ARN in an EU Region",
                { modelSource: `arn:aws:bedrock:eu-west-1:${ACCOUNT}:inference-profile/us.${SONNET_35_V2}` },
                `modelSource "arn:aws:bedrock:eu-west-1:${ACCOUNT}:inference-profile/us.${SONNET_35_V2}" is a us. profile in Region eu-west-1, which is outside the us geography`,
            ],
            [
                "a number as source",
                { modelSource: 42 as never },
                "modelSource 42 must be a BedrockFoundationModel, a CrossRegionInferenceProfile, or the ARN of a foundation model or system-defined profile",
            ],
        ];
        for (const [what, patch, rule] of cases) {
            it(`refuses ${what}`, async () => {
                throwsExactly(
                    () => new bedrock.ApplicationInferenceProfile("p", { ...ok, ...patch } as bedrock.ApplicationInferenceProfileArgs),
                    `ApplicationInferenceProfile "p": ${rule}`,
                );
                await settle();
                expect(rec.resources).to.deep.equal([]);
            });
        }

        it("refuses another application profile as source", async () => {
            const a = new bedrock.ApplicationInferenceProfile("a", ok);
            throwsExactly(
                () => new bedrock.ApplicationInferenceProfile("b", { inferenceProfileName: "b", modelSource: a as never }),
                'ApplicationInferenceProfile "b": modelSource "<ApplicationInferenceProfile>" cannot be an application profile: CloudFormation\'s ModelSource.CopyFrom takes a foundation model or a system-defined (cross-region) profile',
            );
        });

        it("checks a name known only at deploy time with the same message", async () => {
            const { checkString } = await import("../components/core/validation");
            const checked = checkString({ component: "ApplicationInferenceProfile", name: "p" }, "inferenceProfileName", Promise.resolve("bad!") as never, {
                min: 1,
                max: 64,
                pattern: /^([0-9a-zA-Z][ _-]?)+$/,
                patternText: "letters and digits, each followed by at most one space, underscore or hyphen",
            });
            expect(await outputError(checked)).to.equal(
                'ApplicationInferenceProfile "p": inferenceProfileName "bad!" must match ^([0-9a-zA-Z][ _-]?)+$ (letters and digits, each followed by at most one space, underscore or hyphen)',
            );
        });
    });
});

describe("preview: account and Region unknown", () => {
    it("profiles and grants complete without placeholders or undefined in inputs", async () => {
        const rec = setBedrockMocks({ preview: true, unknownContext: true });
        const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
        const p = new bedrock.ApplicationInferenceProfile("app", { inferenceProfileName: "app", modelSource: cris });
        const role = newRole();
        p.grantInvoke(role);
        cris.grantProfileUsage(role);
        expect(await resolveOutput(cris.inferenceProfileArn)).to.equal(undefined);
        await settle();
        const types = rec.resources.map((r) => r.type);
        expect(types).to.include("aws-native:bedrock:ApplicationInferenceProfile");
        // Both grants on the role share its one inline policy.
        expect(rec.byType("aws:iam/rolePolicy:RolePolicy").map((r) => r.name)).to.deep.equal(["fn-role-bedrock"]);
        const text = JSON.stringify(rec.resources.map((r) => r.inputs));
        expect(text).to.not.include("undefined");
        expect(text).to.not.include("«");
    });
});

/** Runs `fn` and returns the warnings it logged (each whole), after every Output settled. */
async function warningsOf(fn: () => unknown): Promise<string[]> {
    const capture = captureLogs();
    try {
        fn();
        await settle();
    } finally {
        capture.restore();
    }
    return capture.warn;
}

describe("ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes: names and sources", () => {
    const ARN = `arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/abcd1234wxyz`;
    const W = "ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes";
    const RULE =
        "must be the ARN of a foundation model (arn:<partition>:bedrock:<region>::foundation-model/<id>) or of a system-defined profile (arn:<partition>:bedrock:<region>:<account>:inference-profile/<prefix>.<id>)";
    const importWith = (attrs: Partial<bedrock.ApplicationInferenceProfileAttributes>) =>
        bedrock.ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes({ inferenceProfileArn: ARN, inferenceProfileIdentifier: ARN, ...attrs });
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
    });

    const refusals: [string, Partial<bedrock.ApplicationInferenceProfileAttributes>, string][] = [
        ["a name starting with a hyphen", { name: "-bad" }, 'name "-bad" must match ^[A-Za-z0-9][A-Za-z0-9-]*$ (letters, digits and hyphens)'],
        ["a name with an underscore", { name: "a_b" }, 'name "a_b" must match ^[A-Za-z0-9][A-Za-z0-9-]*$ (letters, digits and hyphens)'],
        ["an empty name", { name: "" }, 'name "" must not be empty'],
        ["a name over 100 characters", { name: "a".repeat(101) }, `name "${"a".repeat(101)}" must have at most 100 characters (has 101)`],
        [
            "a number as source",
            { modelSource: 42 as never },
            "modelSource 42 must be a BedrockFoundationModel, a CrossRegionInferenceProfile, or the ARN of a foundation model or system-defined profile",
        ],
        [
            "a foundation model ARN without a Region",
            { modelSource: `arn:aws:bedrock:::foundation-model/${SONNET_45}` },
            `modelSource "arn:aws:bedrock:::foundation-model/${SONNET_45}" ${RULE}`,
        ],
        [
            "a partition that only ends in aws",
            { modelSource: `arn:fooaws:bedrock:us-east-1::foundation-model/${SONNET_45}` },
            `modelSource "arn:fooaws:bedrock:us-east-1::foundation-model/${SONNET_45}" ${RULE}`,
        ],
        [
            "a partition that only starts with aws",
            { modelSource: `arn:aws-foo:bedrock:us-east-1::foundation-model/${SONNET_45}` },
            `modelSource "arn:aws-foo:bedrock:us-east-1::foundation-model/${SONNET_45}" ${RULE}`,
        ],
        [
            "an ISO partition with a commercial Region",
            { modelSource: `arn:aws-iso-b:bedrock:us-east-1::foundation-model/${SONNET_45}` },
            `modelSource "arn:aws-iso-b:bedrock:us-east-1::foundation-model/${SONNET_45}" is in Region us-east-1, which is in the aws partition, not aws-iso-b`,
        ],
        [
            "an ISO Region in the aws partition",
            { modelSource: `arn:aws:bedrock:us-iso-east-1::foundation-model/${SONNET_45}` },
            `modelSource "arn:aws:bedrock:us-iso-east-1::foundation-model/${SONNET_45}" is in Region us-iso-east-1, which is in the aws-iso partition, not aws`,
        ],
        [
            "an aws-iso Region in aws-iso-b",
            { modelSource: `arn:aws-iso-b:bedrock:us-iso-east-1::foundation-model/${SONNET_45}` },
            `modelSource "arn:aws-iso-b:bedrock:us-iso-east-1::foundation-model/${SONNET_45}" is in Region us-iso-east-1, which is in the aws-iso partition, not aws-iso-b`,
        ],
        [
            "an aws-iso-b Region in aws-iso",
            { modelSource: `arn:aws-iso:bedrock:us-isob-east-1::foundation-model/${SONNET_45}` },
            `modelSource "arn:aws-iso:bedrock:us-isob-east-1::foundation-model/${SONNET_45}" is in Region us-isob-east-1, which is in the aws-iso-b partition, not aws-iso`,
        ],
        [
            "an aws-iso-e Region in aws-iso",
            { modelSource: `arn:aws-iso:bedrock:eu-isoe-west-1::foundation-model/${SONNET_45}` },
            `modelSource "arn:aws-iso:bedrock:eu-isoe-west-1::foundation-model/${SONNET_45}" is in Region eu-isoe-west-1, which is in the aws-iso-e partition, not aws-iso`,
        ],
        [
            "an aws-iso-f Region in aws-iso-b",
            { modelSource: `arn:aws-iso-b:bedrock:us-isof-south-1::foundation-model/${SONNET_45}` },
            `modelSource "arn:aws-iso-b:bedrock:us-isof-south-1::foundation-model/${SONNET_45}" is in Region us-isof-south-1, which is in the aws-iso-f partition, not aws-iso-b`,
        ],
        [
            "a us-gov Region in the aws partition",
            { modelSource: `arn:aws:bedrock:us-gov-west-1::foundation-model/${SONNET_45}` },
            `modelSource "arn:aws:bedrock:us-gov-west-1::foundation-model/${SONNET_45}" is in Region us-gov-west-1, which is in the aws-us-gov partition, not aws`,
        ],
        [
            "a foundation model ARN with an account",
            { modelSource: `arn:aws:bedrock:us-east-1:${ACCOUNT}:foundation-model/${SONNET_45}` },
            `modelSource "arn:aws:bedrock:us-east-1:${ACCOUNT}:foundation-model/${SONNET_45}" ${RULE}`,
        ],
        [
            "a profile ARN with a 13-digit account",
            { modelSource: `arn:aws:bedrock:us-east-1:1234567890123:inference-profile/us.${SONNET_45}` },
            `modelSource "arn:aws:bedrock:us-east-1:1234567890123:inference-profile/us.${SONNET_45}" ${RULE}`,
        ],
        [
            "a profile ARN with a letter in the account",
            { modelSource: `arn:aws:bedrock:us-east-1:x23456789012:inference-profile/us.${SONNET_45}` },
            `modelSource "arn:aws:bedrock:us-east-1:x23456789012:inference-profile/us.${SONNET_45}" ${RULE}`,
        ],
    ];
    for (const [what, attrs, rule] of refusals) {
        it(`refuses ${what}`, async () => {
            throwsExactly(() => importWith(attrs), `${W}: ${rule}`);
            await settle();
            expect(rec.resources).to.deep.equal([]);
        });
    }

    it("accepts ISO ARNs in their own partitions (us-iso-* in aws-iso, us-isob-* in aws-iso-b), and ISO Regions of another family unchecked", async () => {
        for (const source of [
            `arn:aws-iso:bedrock:us-iso-east-1::foundation-model/${SONNET_45}`,
            `arn:aws-iso-b:bedrock:us-isob-east-1::foundation-model/${SONNET_45}`,
            `arn:aws-iso:bedrock:ap-isox-east-1::foundation-model/${SONNET_45}`,
        ]) {
            importWith({ modelSource: source });
        }
        await settle();
        expect(rec.resources).to.deep.equal([]);
    });

    it("names the IAM resources and alarms after the given name, the ARN's id, or (ARN an Output) a sequence", async () => {
        importWith({ name: "team-a1" }).addAlarm("calls", { metric: "Invocations", threshold: 1 });
        importWith({ inferenceProfileArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/ab.cd:ef` }).addAlarm("calls", {
            metric: "Invocations",
            threshold: 1,
        });
        importWith({ inferenceProfileArn: pulumi.output(ARN) }).addAlarm("calls", { metric: "Invocations", threshold: 1 });
        await settle();
        expect(rec.byType("aws:cloudwatch/metricAlarm:MetricAlarm").map((r) => r.name)).to.deep.equal([
            "team-a1-calls",
            "imported-ab-cd-ef-calls",
            "imported-profile-1-calls",
        ]);
    });

    it("an ARN given as an Output: grants on the ARN and its partition, read at deploy", async () => {
        rec = setBedrockMocks({ region: "us-gov-west-1", accountId: ACCOUNT });
        const arn = `arn:aws-us-gov:bedrock:us-gov-west-1:${ACCOUNT}:application-inference-profile/abcd1234wxyz`;
        const imported = importWith({ inferenceProfileArn: pulumi.output(arn), inferenceProfileIdentifier: arn });
        imported.grantInvoke("r");
        await settle();
        expect(JSON.parse(policiesForRole(rec, "r")[0].json).Statement).to.deep.equal([
            { Effect: "Allow", Action: GET_INVOKE, Resource: arn },
            {
                Effect: "Allow",
                Action: INVOKE,
                Resource: "arn:aws-us-gov:bedrock:*::foundation-model/*",
                Condition: { ArnLike: { "bedrock:InferenceProfileArn": arn } },
            },
        ]);
    });

    it("a profile ARN source: its model (sourceModel), and its model's routes from the source Region", async () => {
        rec = setBedrockMocks({ region: "ap-southeast-2", accountId: ACCOUNT });
        const arn = `arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:application-inference-profile/abcd1234wxyz`;
        const sysArn = `arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:inference-profile/au.${SONNET_45}`;
        const imported = importWith({ inferenceProfileArn: arn, inferenceProfileIdentifier: arn, modelSource: sysArn });
        expect((imported as unknown as { sourceModel?: unknown }).sourceModel).to.equal(M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0);
        imported.grantInvoke("r");
        await settle();
        // From ap-southeast-2, au. profiles route to ap-southeast-2 and ap-southeast-4 (not ap-southeast-6).
        expect(JSON.parse(policiesForRole(rec, "r")[0].json).Statement).to.deep.equal([
            { Effect: "Allow", Action: GET_INVOKE, Resource: [arn, sysArn] },
            {
                Effect: "Allow",
                Action: INVOKE,
                Resource: [fm("ap-southeast-2", SONNET_45), fm("ap-southeast-4", SONNET_45)],
                Condition: {
                    ArnLike: { "bedrock:InferenceProfileArn": [`arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:application-inference-profile/*`, sysArn] },
                },
            },
        ]);
    });

    it("an ARN in its Region, copying an au. profile whose Region is known only at deploy: each source's routes, through profiles of that source", async () => {
        rec = setBedrockMocks({ region: "ap-southeast-2", accountId: ACCOUNT });
        const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.AU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
        const arn = `arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:application-inference-profile/abcd1234wxyz`;
        importWith({ inferenceProfileArn: arn, inferenceProfileIdentifier: arn, modelSource: cris }).grantInvoke("r");
        await settle();
        const app = (r: string) => `arn:aws:bedrock:${r}:${ACCOUNT}:application-inference-profile/*`;
        const au = (r: string) => `arn:aws:bedrock:${r}:${ACCOUNT}:inference-profile/au.${SONNET_45}`;
        expect(JSON.parse(policiesForRole(rec, "r")[0].json).Statement).to.deep.equal([
            { Effect: "Allow", Action: GET_INVOKE, Resource: [arn, au("ap-southeast-2")] },
            {
                Effect: "Allow",
                Action: INVOKE,
                Resource: ["ap-southeast-2", "ap-southeast-4", "ap-southeast-6"].map((r) => fm(r, SONNET_45)),
                Condition: { ArnLike: { "bedrock:InferenceProfileArn": [app("ap-southeast-6"), au("ap-southeast-6")] } },
            },
            {
                Effect: "Allow",
                Action: INVOKE,
                Resource: ["ap-southeast-2", "ap-southeast-4"].map((r) => fm(r, SONNET_45)),
                Condition: {
                    ArnLike: { "bedrock:InferenceProfileArn": [app("ap-southeast-2"), au("ap-southeast-2"), app("ap-southeast-4"), au("ap-southeast-4")] },
                },
            },
        ]);
    });

    it("a profile ARN of a model the catalog does not list: accepted, that model through the profile", async () => {
        const sysArn = `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.acme.model-v1:0`;
        const imported = importWith({ modelSource: sysArn });
        expect((imported as unknown as { sourceModel?: unknown }).sourceModel).to.equal(undefined);
        imported.grantInvoke("r");
        await settle();
        expect(JSON.parse(policiesForRole(rec, "r")[0].json).Statement).to.deep.equal([
            { Effect: "Allow", Action: GET_INVOKE, Resource: [ARN, sysArn] },
            {
                Effect: "Allow",
                Action: INVOKE,
                Resource: ["ca-central-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"].map((r) => fm(r, "acme.model-v1:0")),
                Condition: { ArnLike: { "bedrock:InferenceProfileArn": [APP_PATTERN, sysArn] } },
            },
        ]);
    });

    it("a profile ARN from a Region the catalog does not know: accepted with one warning", async () => {
        const sysArn = `arn:aws:bedrock:xx-new-1:${ACCOUNT}:inference-profile/us.${SONNET_35_V2}`;
        expect(await warningsOf(() => importWith({ modelSource: sysArn }))).to.deep.equal([
            `${W}: Region xx-new-1 is not a source Region the catalog knows for us. profiles (its sources: ca-central-1, us-east-1, us-east-2, us-west-1, us-west-2); grants allow the model in ca-central-1, us-east-1, us-east-2, us-west-1, us-west-2 and xx-new-1; accepted as declared. If AWS serves it, declare it in the program to silence this warning: geoRegion: CrossRegionInferenceProfileRegion.US.withRoutes({ "xx-new-1": ["<destination Region>", ...] })`,
        ]);
    });

    it("a profile ARN from a source Region: no warning", async () => {
        expect(await warningsOf(() => importWith({ modelSource: `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET_35_V2}` }))).to.deep.equal(
            [],
        );
    });

    it("metric and addAlarm name the component in their refusals", () => {
        const imported = importWith({});
        throwsExactly(
            () => imported.metric("Nope" as never),
            'ApplicationInferenceProfile.metric: name "Nope" is not a Bedrock runtime metric (one of InputTokenCount, InvocationClientErrors, InvocationLatency, InvocationServerErrors, InvocationThrottles, Invocations, LegacyModelInvocations, OutputImageCount, OutputTokenCount)',
        );
        throwsExactly(
            () => imported.addAlarm("bad name!", { metric: "Invocations", threshold: 1 }),
            'ApplicationInferenceProfile.addAlarm "bad name!": name "bad name!" must match ^[A-Za-z0-9][A-Za-z0-9_-]*$ (letters, digits, hyphens and underscores)',
        );
    });
});

describe("ApplicationInferenceProfile: sources, providers and Regions", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
    });
    const RULE = "must be a BedrockFoundationModel, a CrossRegionInferenceProfile, or the ARN of a foundation model or system-defined profile";

    const refusals: [string, unknown, string][] = [
        ["null", null, `modelSource null ${RULE}`],
        ["an object with no accessTarget", {}, `modelSource {} ${RULE}`],
        ["a SYSTEM_DEFINED object with no accessTarget", { type: "SYSTEM_DEFINED" }, `modelSource {"type":"SYSTEM_DEFINED"} ${RULE}`],
        ["an object whose accessTarget is neither a router nor a profile", { accessTarget: () => ({ kind: "agent" }) }, `modelSource {} ${RULE}`],
    ];
    for (const [what, source, message] of refusals) {
        it(`refuses ${what} as source`, async () => {
            throwsExactly(
                () => new bedrock.ApplicationInferenceProfile("p", { inferenceProfileName: "p", modelSource: source as never }),
                `ApplicationInferenceProfile "p": ${message}`,
            );
            await settle();
            expect(rec.resources).to.deep.equal([]);
        });
    }

    it("refuses topK for a model whose request has none", () => {
        throwsExactly(
            () =>
                new bedrock.ApplicationInferenceProfile("p", {
                    inferenceProfileName: "p",
                    modelSource: M.TITAN_EMBED_TEXT_V2_1024,
                    inferenceConfiguration: { topK: 5 },
                }),
            'ApplicationInferenceProfile "p": inferenceConfiguration.topK 5 is not a request field of amazon.titan-embed-text-v2:0: the model\'s request has no top-k parameter',
        );
    });

    it("a foundation model source is in the Region of the profile's provider; so are its grants", async () => {
        const eu = new awsnative.Provider("eu", { region: "eu-west-1" });
        const p = new bedrock.ApplicationInferenceProfile(
            "app",
            { inferenceProfileName: "app", modelSource: M.ANTHROPIC_CLAUDE_SONNET_V1_0 },
            { provider: eu },
        );
        p.grantInvoke("r");
        await settle();
        const appArn = await resolveOutput(p.inferenceProfileArn);
        expect(rec.find("aws-native:bedrock:ApplicationInferenceProfile", "app").inputs).to.deep.equal({
            inferenceProfileName: "app",
            modelSource: { copyFrom: "arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-sonnet-20240229-v1:0" },
        });
        expect(JSON.parse(policiesForRole(rec, "r")[0].json).Statement).to.deep.equal([
            { Effect: "Allow", Action: GET_INVOKE, Resource: appArn },
            {
                Effect: "Allow",
                Action: INVOKE,
                Resource: fm("eu-west-1", "anthropic.claude-3-sonnet-20240229-v1:0"),
                Condition: { ArnLike: { "bedrock:InferenceProfileArn": `arn:aws:bedrock:eu-west-1:${ACCOUNT}:application-inference-profile/*` } },
            },
        ]);
    });

    it("a foundation model source with the Region in the stack's config", async () => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT, config: { "aws-native:region": "us-east-1" } });
        new bedrock.ApplicationInferenceProfile("app", { inferenceProfileName: "app", modelSource: M.ANTHROPIC_CLAUDE_SONNET_V1_0 });
        await settle();
        expect(rec.find("aws-native:bedrock:ApplicationInferenceProfile", "app").inputs.modelSource).to.deep.equal({
            copyFrom: fm("us-east-1", "anthropic.claude-3-sonnet-20240229-v1:0"),
        });
    });

    it("a source ARN in another Region, the Region known only at deploy: refused at deploy", async () => {
        const arn = `arn:aws:bedrock:eu-west-1:${ACCOUNT}:inference-profile/eu.${SONNET_45}`;
        await deployFailsExactly(() => {
            setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
            new bedrock.ApplicationInferenceProfile("app", { inferenceProfileName: "app", modelSource: arn });
        }, [
            `error serializing property "modelSource": ApplicationInferenceProfile "app": modelSource "${arn}" is in Region eu-west-1, but ApplicationInferenceProfile is in us-east-1: Bedrock uses a model, profile or router only in its own Region`,
        ]);
    });

    for (const how of ["providers", "parent"] as const) {
        it(`with explicit ${how}, the Region of the stack's config is not the profile's: no refusal before deploy`, async () => {
            rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT, config: { "aws-native:region": "eu-west-1" } });
            const us = new awsnative.Provider("us", { region: "us-east-1" });
            const opts =
                how === "providers"
                    ? { providers: { "aws-native": us } }
                    : { parent: new pulumi.ComponentResource("test:index:Owner", "owner", {}, { providers: { "aws-native": us } }) };
            const arn = `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET_35_V2}`;
            new bedrock.ApplicationInferenceProfile("app", { inferenceProfileName: "app", modelSource: arn }, opts);
            new bedrock.CrossRegionInferenceProfile("cris", { geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 }, opts);
            await settle();
            expect(rec.find("aws-native:bedrock:ApplicationInferenceProfile", "app").inputs.modelSource).to.deep.equal({ copyFrom: arn });
            expect(rec.byType("bedrock-genai:index:CrossRegionInferenceProfile").map((r) => r.name)).to.deep.equal(["cris"]);
        });
    }

    it("grants are made with the profile's aws provider (the component is the grant's owner)", async () => {
        const awsEu = new aws.Provider("awseu", { region: "eu-west-1" });
        new bedrock.ApplicationInferenceProfile(
            "app",
            { inferenceProfileName: "app", modelSource: M.ANTHROPIC_CLAUDE_SONNET_V1_0 },
            { providers: { aws: awsEu } },
        ).grantInvoke("r1");
        new bedrock.CrossRegionInferenceProfile(
            "cris",
            { geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 },
            { providers: { aws: awsEu } },
        ).grantInvoke("r2");
        await settle();
        expect(
            rec
                .byType("aws:iam/rolePolicy:RolePolicy")
                .map((r) => [r.name, r.provider])
                .sort(),
        ).to.deep.equal([
            ["r1-awseu-bedrock", "urn:pulumi:stack::project::pulumi:providers:aws::awseu::awseu-id"],
            ["r2-awseu-bedrock", "urn:pulumi:stack::project::pulumi:providers:aws::awseu::awseu-id"],
        ]);
    });

    it("fromCfnApplicationInferenceProfile: without a source, any model through the profile; alarms named after the resource", async () => {
        const cfn = new awsnative.bedrock.ApplicationInferenceProfile("mycfn", {
            inferenceProfileName: "mycfn",
            modelSource: { copyFrom: fm("us-east-1", SONNET_45) },
        });
        const imported = bedrock.ApplicationInferenceProfile.fromCfnApplicationInferenceProfile(cfn);
        imported.grantInvoke("r");
        imported.addAlarm("calls", { metric: "Invocations", threshold: 1 });
        await settle();
        const arn = await resolveOutput(cfn.inferenceProfileArn);
        expect(JSON.parse(policiesForRole(rec, "r")[0].json).Statement).to.deep.equal([
            { Effect: "Allow", Action: GET_INVOKE, Resource: arn },
            {
                Effect: "Allow",
                Action: INVOKE,
                Resource: "arn:aws:bedrock:*::foundation-model/*",
                Condition: { ArnLike: { "bedrock:InferenceProfileArn": arn } },
            },
        ]);
        expect(rec.byType("aws:cloudwatch/metricAlarm:MetricAlarm").map((r) => r.name)).to.deep.equal(["imported-mycfn-calls"]);
        throwsExactly(
            () => bedrock.ApplicationInferenceProfile.fromCfnApplicationInferenceProfile(cfn, 42 as never),
            `ApplicationInferenceProfile.fromCfnApplicationInferenceProfile: modelSource 42 ${RULE}`,
        );
    });

    it("an imported profile's ARN bounds: the source's partition and Region when known, else the longest", async () => {
        const { maxLength } = await import("../components/core/symbols");
        const arn = pulumi.output(`arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/abcd1234wxyz`);
        const withSource = bedrock.ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes({
            inferenceProfileArn: arn,
            inferenceProfileIdentifier: "x",
            modelSource: fm("us-east-1", SONNET_45),
            name: "with-source",
        });
        const without = bedrock.ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes({
            inferenceProfileArn: arn,
            inferenceProfileIdentifier: "x",
            name: "without",
        });
        // arn:aws:bedrock:us-east-1:<12 digits>:application-inference-profile/<12 characters> is 81 characters.
        const a = withSource.accessTarget();
        expect([maxLength(a.arn), maxLength(a.arnPattern)]).to.deep.equal([81, 70]);
        // The longest partition (aws-us-gov, 10) and the longest Region the catalog routes to (14): 7 + 5 = 12 more.
        const b = without.accessTarget();
        expect([maxLength(b.arn), maxLength(b.arnPattern)]).to.deep.equal([93, 82]);
    });
});

describe("CrossRegionInferenceProfile: catalog messages, placements, IAM view and names", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
    });

    it("a model of the program's own the sources say has no profile: named `model`, no geographies, no source", () => {
        const own = new M("acme.model-v1", { supportsCrossRegion: true, crossRegionGeographies: [] });
        throwsExactly(
            () => bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: own }),
            'CrossRegionInferenceProfile.fromConfig: model "acme.model-v1" has no us. cross-region profile: the catalog\'s sources list profiles in none (no source); if AWS serves one, declare it: model.withGeographies(["us"])',
        );
    });

    it("the general catalogs are left out of the sources a refusal cites, only when the page is theirs", () => {
        const sources = [
            "https://github.com/aws/aws-cdk/blob/main/packages/@aws-cdk/aws-bedrock-alpha/bedrock/models.ts",
            "https://docs.aws.amazon.com/bedrock/latest/userguide/model-cards.html",
            "https://docs.aws.amazon.com/bedrock/latest/userguide/model-access-product-ids.html",
            "https://github.com/aws/aws-cdk/blob/main/packages/@aws-cdk/aws-bedrock-alpha/bedrock/models.ts#L10",
            "https://docs.aws.amazon.com/bedrock/latest/userguide/model-cards.html#acme",
            "https://docs.aws.amazon.com/bedrock/latest/userguide/model-access-product-ids.html#acme",
        ];
        const own = new M("acme.model-v1", { supportsCrossRegion: true, crossRegionGeographies: ["eu"], crossRegionGeographiesCovered: ["us", "eu"], sources });
        throwsExactly(
            () => bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: own }),
            'CrossRegionInferenceProfile.fromConfig: model "acme.model-v1" has no us. cross-region profile: the catalog\'s sources list profiles in eu (https://github.com/aws/aws-cdk/blob/main/packages/@aws-cdk/aws-bedrock-alpha/bedrock/models.ts#L10; https://docs.aws.amazon.com/bedrock/latest/userguide/model-cards.html#acme; https://docs.aws.amazon.com/bedrock/latest/userguide/model-access-product-ids.html#acme); if AWS serves one, declare it: model.withGeographies(["us"])',
        );
    });

    it("the Region known only at deploy is checked once per provider and geography: one refusal, in the first profile's name", async () => {
        await deployFailsExactly(() => {
            setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
            new bedrock.CrossRegionInferenceProfile("a", { geoRegion: G.EU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
            new bedrock.CrossRegionInferenceProfile("b", { geoRegion: G.EU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
        }, [
            'error serializing property "outputs": error serializing property "outputs": CrossRegionInferenceProfile "a": geoRegion "eu" profiles cannot be called from Region us-east-1: the eu geography\'s source Regions are eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-2, eu-west-3',
        ]);
    });

    it("how IAM sees a profile: the source Region among the destinations only when they are its routes", () => {
        const US = ["ca-central-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"];
        const target = (geoRegion: bedrock.CrossRegionInferenceProfileRegion, destinationRegions?: string[]) =>
            bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0, destinationRegions }).accessTarget();
        const arn = (prefix: string, given = "") =>
            `arn:«checked-partition/region/${prefix}${given}»:bedrock:«checked-region/region/${prefix}${given}»:«account»:inference-profile/${prefix}.${SONNET_45}`;
        expect(target(G.US)).to.deep.equal({
            kind: "system-profile",
            arn: arn("us"),
            partition: "aws",
            sourceRegion: "«checked-region/region/us»",
            modelId: SONNET_45,
            destinationRegions: US,
            sourceInDestinations: true,
            global: false,
        });
        expect(target(G.US, ["us-west-2"])).to.deep.equal({
            kind: "system-profile",
            arn: arn("us", "#2"),
            partition: "aws",
            sourceRegion: "«checked-region/region/us#2»",
            modelId: SONNET_45,
            destinationRegions: ["us-west-2"],
            sourceInDestinations: false,
            global: false,
        });
        const global = target(G.GLOBAL);
        expect([global.sourceInDestinations, global.global, "routes" in global]).to.deep.equal([false, true, false]);
        const au = target(G.AU);
        expect([au.sourceInDestinations, au.routes?.map((g) => [g.sources, g.destinations])]).to.deep.equal([
            true,
            [
                [
                    ["ap-southeast-2", "ap-southeast-4"],
                    ["ap-southeast-2", "ap-southeast-4"],
                ],
                [["ap-southeast-6"], ["ap-southeast-2", "ap-southeast-4", "ap-southeast-6"]],
            ],
        ]);
    });

    it("with the Region in the stack's config: the source Region's routes, and the source among them", () => {
        setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT, config: { "aws-native:region": "us-east-1" } });
        const t = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 }).accessTarget();
        expect(t).to.deep.equal({
            kind: "system-profile",
            arn: `arn:aws:bedrock:us-east-1:«account»:inference-profile/us.${SONNET_45}`,
            partition: "aws",
            sourceRegion: "us-east-1",
            modelId: SONNET_45,
            destinationRegions: ["ca-central-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"],
            sourceInDestinations: true,
            global: false,
        });
    });

    it("a reference through another provider names its alarms (and grants' resources) after the provider", async () => {
        const eu = new awsnative.Provider("eu", { region: "eu-west-1" });
        bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.EU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 }, { provider: eu }).addAlarm("calls", {
            metric: "Invocations",
            threshold: 1,
        });
        bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 }).addAlarm("calls", {
            metric: "Invocations",
            threshold: 1,
        });
        await settle();
        expect(
            rec
                .byType("aws:cloudwatch/metricAlarm:MetricAlarm")
                .map((r) => r.name)
                .sort(),
        ).to.deep.equal(["profile-eu-anthropic-claude-sonnet-4-5-20250929-v1-0-eu-calls", "profile-us-anthropic-claude-sonnet-4-5-20250929-v1-0-calls"]);
    });

    it("metric and addAlarm name the component in their refusals (reference and component)", () => {
        const reference = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
        const component = new bedrock.CrossRegionInferenceProfile("cris", { geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
        for (const p of [reference, component]) {
            throwsExactly(
                () => p.metric("Nope" as never),
                'CrossRegionInferenceProfile.metric: name "Nope" is not a Bedrock runtime metric (one of InputTokenCount, InvocationClientErrors, InvocationLatency, InvocationServerErrors, InvocationThrottles, Invocations, LegacyModelInvocations, OutputImageCount, OutputTokenCount)',
            );
            throwsExactly(
                () => p.addAlarm("bad name!", { metric: "Invocations", threshold: 1 }),
                'CrossRegionInferenceProfile.addAlarm "bad name!": name "bad name!" must match ^[A-Za-z0-9][A-Za-z0-9_-]*$ (letters, digits, hyphens and underscores)',
            );
        }
    });
});
