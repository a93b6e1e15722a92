// Quickstart: the seed's cross-region and application inference profiles, with grants.
// Deploy with `pulumi up` (set `aws-native:region` and `aws:region`); preview offline with `npm start`
// from the repository root.
import * as aws from "@pulumi/aws";
import * as awsnative from "@pulumi/aws-native";
import * as bedrock from "pulumi-bedrock-genai";

// Cross-region (system-defined) profile: a reference, creates no cloud resource.
const cris = bedrock.CrossRegionInferenceProfile.fromConfig({
    geoRegion: bedrock.CrossRegionInferenceProfileRegion.US,
    model: bedrock.BedrockFoundationModel.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
});

// Application inference profiles: one Region (from a foundation model) or many (from a cross-region profile).
const appInfProfile1 = new bedrock.ApplicationInferenceProfile("myapplicationprofile", {
    inferenceProfileName: "claude 3 sonnet v1",
    modelSource: bedrock.BedrockFoundationModel.ANTHROPIC_CLAUDE_SONNET_V1_0,
    tags: [{ key: "test", value: "test" }],
});
const appInfProfile2 = new bedrock.ApplicationInferenceProfile("myapplicationprofile2", {
    inferenceProfileName: "claude 35 sonnet v2",
    modelSource: cris,
});

// Grants attach IAM role policies to a role.
const fnRole = new aws.iam.Role("fn-role", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }),
});
appInfProfile1.grantProfileUsage(fnRole);
cris.grantProfileUsage(fnRole);
appInfProfile2.grantInvoke(fnRole);

// Importing existing application profiles.
const cfnapp = new awsnative.bedrock.ApplicationInferenceProfile("mytestaip3", {
    inferenceProfileName: "mytest",
    modelSource: { copyFrom: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-sonnet-20240229-v1:0" },
});
const appInfProfile3 = bedrock.ApplicationInferenceProfile.fromCfnApplicationInferenceProfile(cfnapp);
const appInfProfile4 = bedrock.ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes({
    inferenceProfileArn: "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abcd1234wxyz",
    inferenceProfileIdentifier: "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abcd1234wxyz",
});
appInfProfile4.grantProfileUsage(fnRole);
appInfProfile3.grantInvoke(fnRole);

export const crossRegionProfileArn = cris.inferenceProfileArn;
export const applicationProfileArns = [appInfProfile1.inferenceProfileArn, appInfProfile2.inferenceProfileArn];
export const roleName = fnRole.name;
