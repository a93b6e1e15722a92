// The cross-language components behave like the TypeScript components they wrap: same resources,
// same IAM statements, errors naming the cross-language argument.
import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { setBedrockMocks, resolveOutput, settle, policiesForRole, type MockRecorder } from "../../components/testing/testing";
import * as bedrock from "../../sdk/nodejs";
import * as xl from "../../sdk/nodejs/provider";
import { throwsExactly } from "../support/errors";

const ACCOUNT = "123456789012";
const SONNET_35_V2 = "anthropic.claude-3-5-sonnet-20241022-v2:0";

/** The statements a TypeScript program attaches to `role`, in a fresh mock run. */
async function typescriptStatements(program: () => void, role: string) {
    const rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
    program();
    await settle();
    return policiesForRole(rec, role).map((p) => p.statements);
}

describe("cross-language components", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
    });

    it("CrossRegionProfile: the profile's id and ARN, and the TypeScript grants for each role", async () => {
        const p = new xl.CrossRegionProfile("cris", { geography: "us", modelId: SONNET_35_V2, invokeRoleNames: ["app-role"], usageRoleNames: ["ops-role"] });
        expect(await resolveOutput(p.inferenceProfileId)).to.equal(`us.${SONNET_35_V2}`);
        expect(await resolveOutput(p.inferenceProfileArn)).to.equal(`arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET_35_V2}`);
        // Inline policy names as deployed (the mocks add a random suffix, as auto-naming does).
        const granted = (await resolveOutput(p.grantedPolicies)) as string[];
        expect(granted.map((n) => n.replace(/-[a-z0-9]{7}$/, ""))).to.deep.equal(["app-role-bedrock", "ops-role-bedrock"]);
        await settle();
        const invoke = policiesForRole(rec, "app-role");
        const usage = policiesForRole(rec, "ops-role");
        expect(invoke.map((x) => x.name)).to.deep.equal(["app-role-bedrock"]);
        expect(usage.map((x) => x.name)).to.deep.equal(["ops-role-bedrock"]);
        const cris = () =>
            new bedrock.CrossRegionInferenceProfile("cris", {
                geoRegion: bedrock.CrossRegionInferenceProfileRegion.US,
                model: bedrock.BedrockFoundationModel.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
            });
        expect(invoke.map((x) => x.statements)).to.deep.equal(await typescriptStatements(() => cris().grantInvoke("app-role"), "app-role"));
        expect(usage.map((x) => x.statements)).to.deep.equal(await typescriptStatements(() => cris().grantProfileUsage("ops-role"), "ops-role"));
    });

    it("ApplicationProfile: copies the geography's cross-region profile, with tags from a map", async () => {
        const p = new xl.ApplicationProfile("tenant-a", { inferenceProfileName: "tenant a", modelId: SONNET_35_V2, geography: "us", tags: { tenant: "a" } });
        await settle();
        const cfn = rec.find("aws-native:bedrock:ApplicationInferenceProfile", "tenant-a");
        expect(cfn.inputs).to.deep.equal({
            inferenceProfileName: "tenant a",
            modelSource: { copyFrom: `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET_35_V2}` },
            tags: [{ key: "tenant", value: "a" }],
        });
        expect(await resolveOutput(p.inferenceProfileArn)).to.equal(cfn.state.inferenceProfileArn);
        expect(await resolveOutput(p.grantedPolicies)).to.deep.equal([]);
    });

    it("ModelGrant: a role known only at deploy time gets the TypeScript grant's statements", async () => {
        const role = new aws.iam.Role("fn-role", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }) });
        const g = new xl.ModelGrant("g", { roleName: role.name, modelId: SONNET_35_V2, geography: "us", profileUsage: true });
        await settle();
        const attached = policiesForRole(rec, "fn-role");
        // Invoke and usage on the one role: one access set, its one inline policy named after the component.
        expect(attached.map((x) => [x.name, x.kind])).to.deep.equal([["g-bedrock", "inline"]]);
        const granted = (await resolveOutput(g.grantedPolicies)) as string[];
        expect(granted.map((n) => n.replace(/-[a-z0-9]{7}$/, ""))).to.deep.equal(["g-bedrock"]);
        const ts = await typescriptStatements(() => {
            const eu = bedrock.CrossRegionInferenceProfile.fromConfig({
                geoRegion: bedrock.CrossRegionInferenceProfileRegion.US,
                model: bedrock.BedrockFoundationModel.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
            });
            eu.grantInvoke("r");
            eu.grantProfileUsage("r");
        }, "r");
        expect(ts).to.have.length(1);
        expect(attached.map((x) => x.statements)).to.deep.equal(ts);
    });

    it("roles known only at deploy time: each role its own access set, across components of the same name", async () => {
        const newRole = (n: string) => new aws.iam.Role(n, { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }) });
        const first = newRole("first");
        const second = newRole("second");
        new xl.ModelGrant("g", { roleName: first.name, modelId: SONNET_35_V2, geography: "us" });
        // Both once keyed `g-invoke-0`: the second role's grant went into the first role's set.
        new xl.CrossRegionProfile("g", { geography: "us", modelId: SONNET_35_V2, invokeRoleNames: [second.name] });
        await settle();
        const profileArn = `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET_35_V2}`;
        const models = ["ca-central-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"].map(
            (r) => `arn:aws:bedrock:${r}::foundation-model/${SONNET_35_V2}`,
        );
        const invoke = [
            {
                Effect: "Allow",
                Action: ["bedrock:GetInferenceProfile", "bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                Resource: [profileArn],
            },
            {
                Effect: "Allow",
                Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                Resource: models,
                Condition: { ArnLike: { "bedrock:InferenceProfileArn": [profileArn] } },
            },
        ];
        expect(policiesForRole(rec, "first").map((p) => [p.name, p.statements])).to.deep.equal([["g-bedrock", invoke]]);
        expect(policiesForRole(rec, "second").map((p) => [p.name, p.statements])).to.deep.equal([["g-invoke-0-bedrock", invoke]]);
    });

    it("refuses arguments with messages naming the cross-language argument", () => {
        throwsExactly(
            () => new xl.CrossRegionProfile("c", { geography: "mars", modelId: SONNET_35_V2 }),
            'CrossRegionProfile "c": geography "mars" must be one of "us", "eu", "apac", "global", "us-gov", "jp", "au", "ca", "in"',
        );
        throwsExactly(
            () =>
                new xl.ApplicationProfile("a", {
                    inferenceProfileName: "a",
                    modelId: SONNET_35_V2,
                    copyFrom: "arn:aws:bedrock:us-east-1::foundation-model/x.y",
                }),
            'ApplicationProfile "a": modelId "anthropic.claude-3-5-sonnet-20241022-v2:0" must be set, or copyFrom instead: set exactly one of modelId and copyFrom',
        );
        throwsExactly(
            () => new xl.ModelGrant("g", { roleName: "not a role!", modelId: SONNET_35_V2 }),
            'ModelGrant "g": roleName "not a role!" is not an IAM role name (1-64 characters of letters, digits and +=,.@_-) or role ARN (arn:<partition>:iam::<account>:role/<name>)',
        );
        throwsExactly(
            () => new xl.ModelGrant("g", { roleName: "r", modelId: SONNET_35_V2, profileUsage: true }),
            'ModelGrant "g": profileUsage true needs a profile: a foundation model without geography is not an inference profile',
        );
        expect(rec.resources).to.deep.equal([]);
    });
});
