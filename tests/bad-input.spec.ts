import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as awsnative from "@pulumi/aws-native";
import { setBedrockMocks, settle, type MockRecorder } from "../components/testing/testing";
import * as bedrock from "../sdk/nodejs";
import { deployErrors, deployFailsExactly, isExactly, messageOf, thrown, throwsExactly } from "./support/errors";

const M = bedrock.BedrockFoundationModel;
const G = bedrock.CrossRegionInferenceProfileRegion;
const b = bedrock as unknown as Record<string, any>;

/** One invalid configuration: what the user writes, and the exact message they must get. */
interface Case {
    name: string;
    /** Stack config (e.g. the provider's Region). */
    config?: Record<string, string>;
    /** Valid things the case needs first (registered before the refused call; not counted). */
    setup?: () => any;
    /** The refused call. */
    run: (prepared: any) => unknown;
    expected: string;
}

const cris = () => bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
const app = (args: Record<string, unknown>) =>
    new bedrock.ApplicationInferenceProfile("app", { inferenceProfileName: "ok", modelSource: M.ANTHROPIC_CLAUDE_HAIKU_V1_0, ...args } as any);
const crisC = (args: Record<string, unknown>) =>
    new bedrock.CrossRegionInferenceProfile("cris", { geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0, ...args } as any);
const euProvider = () => new awsnative.Provider("eu-west-1", { region: "eu-west-1" });
const role = () => new aws.iam.Role("role", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }) });
const pattern = "must match ^([0-9a-zA-Z][ _-]?)+$ (letters and digits, each followed by at most one space, underscore or hyphen)";
const tagPattern = "must match ^[a-zA-Z0-9\\s._:/=+@-]*$ (letters, digits, spaces and . _ : / = + @ -)";

const CASES: Case[] = [
    // ---- CrossRegionInferenceProfile ----
    {
        name: "cris: args missing",
        run: () => new bedrock.CrossRegionInferenceProfile("cris", undefined as any),
        expected: 'CrossRegionInferenceProfile "cris": args undefined is required (an object with the component\'s arguments)',
    },
    {
        name: "cris: geoRegion undefined",
        run: () => crisC({ geoRegion: undefined }),
        expected:
            'CrossRegionInferenceProfile "cris": geoRegion undefined must be one of CrossRegionInferenceProfileRegion.US, .EU, .APAC, .GLOBAL, .US_GOV, .JP, .AU, .CA, .IN',
    },
    {
        name: "cris: geoRegion as a string",
        run: () => crisC({ geoRegion: "us" }),
        expected:
            'CrossRegionInferenceProfile "cris": geoRegion "us" must be one of CrossRegionInferenceProfileRegion.US, .EU, .APAC, .GLOBAL, .US_GOV, .JP, .AU, .CA, .IN',
    },
    {
        name: "cris: model undefined",
        run: () => crisC({ model: undefined }),
        expected:
            'CrossRegionInferenceProfile "cris": model undefined must be a BedrockFoundationModel (a catalog constant or new BedrockFoundationModel(modelId, props))',
    },
    {
        name: "cris: model id as a string",
        run: () => crisC({ model: "anthropic.claude-3-5-sonnet-20241022-v2:0" }),
        expected:
            'CrossRegionInferenceProfile "cris": model "anthropic.claude-3-5-sonnet-20241022-v2:0" must be a BedrockFoundationModel (a catalog constant or new BedrockFoundationModel(modelId, props))',
    },
    {
        name: "cris: model without cross-region support",
        run: () => crisC({ model: M.ANTHROPIC_CLAUDE_OPUS_V1_0 }),
        expected:
            'CrossRegionInferenceProfile "cris": model "anthropic.claude-3-opus-20240229-v1:0" does not support cross-region inference (supportsCrossRegion is false)',
    },
    {
        name: "cris: model with no profile in the geography",
        run: () => crisC({ geoRegion: G.AU, model: M.AMAZON_NOVA_PRO_V1 }),
        config: { "aws-native:region": "ap-southeast-2" },
        expected:
            'CrossRegionInferenceProfile "cris": model "amazon.nova-pro-v1:0" has no au. cross-region profile: the catalog\'s sources list profiles in us, eu, apac, jp, us-gov (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html); if AWS serves one, declare it: BedrockFoundationModel.AMAZON_NOVA_PRO_V1.withGeographies(["au"])',
    },
    {
        name: "cris: EU profile with the provider in us-east-1",
        config: { "aws-native:region": "us-east-1" },
        run: () => crisC({ geoRegion: G.EU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 }),
        expected:
            'CrossRegionInferenceProfile "cris": geoRegion "eu" profiles cannot be called from Region us-east-1: the eu geography\'s source Regions are eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-2, eu-west-3',
    },
    {
        name: "cris: US_GOV profile with the provider in us-east-1",
        config: { "aws-native:region": "us-east-1" },
        run: () => crisC({ geoRegion: G.US_GOV, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 }),
        expected:
            'CrossRegionInferenceProfile "cris": geoRegion "us-gov" profiles cannot be called from Region us-east-1: the us-gov geography\'s source Regions are us-gov-east-1, us-gov-west-1',
    },
    {
        name: "cris: GLOBAL profile with the provider in GovCloud",
        config: { "aws-native:region": "us-gov-west-1" },
        run: () => crisC({ geoRegion: G.GLOBAL, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 }),
        expected:
            'CrossRegionInferenceProfile "cris": geoRegion "global" profiles cannot be called from Region us-gov-west-1: the global geography\'s source Regions are the commercial Regions',
    },
    {
        name: "cris: destinationRegions empty",
        run: () => crisC({ destinationRegions: [] }),
        expected: 'CrossRegionInferenceProfile "cris": destinationRegions [] must be a non-empty list of Region names',
    },
    {
        name: "cris: destinationRegions upper case",
        run: () => crisC({ destinationRegions: ["US-EAST-1"] }),
        expected: 'CrossRegionInferenceProfile "cris": destinationRegions[0] "US-EAST-1" is not a Region name (e.g. us-east-1)',
    },
    {
        name: "cris: destinationRegions with whitespace",
        run: () => crisC({ destinationRegions: ["us-east-1 "] }),
        expected: 'CrossRegionInferenceProfile "cris": destinationRegions[0] "us-east-1 " is not a Region name (e.g. us-east-1)',
    },
    {
        name: "cris: destinationRegions as a string",
        run: () => crisC({ destinationRegions: "us-east-1" }),
        expected: 'CrossRegionInferenceProfile "cris": destinationRegions "us-east-1" must be a non-empty list of Region names',
    },
    {
        name: "cris: a destination Region in another partition",
        run: () => crisC({ destinationRegions: ["us-east-1", "us-gov-west-1"] }),
        expected:
            'CrossRegionInferenceProfile "cris": destinationRegions[1] "us-gov-west-1" is in the aws-us-gov partition, but us. profiles live in the aws partition',
    },
    {
        name: "cris.fromConfig: model undefined",
        run: () => bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US } as any),
        expected:
            "CrossRegionInferenceProfile.fromConfig: model undefined must be a BedrockFoundationModel (a catalog constant or new BedrockFoundationModel(modelId, props))",
    },

    // ---- ApplicationInferenceProfile ----
    {
        name: "app: args missing",
        run: () => new bedrock.ApplicationInferenceProfile("app", undefined as any),
        expected: 'ApplicationInferenceProfile "app": args undefined is required (an object with the component\'s arguments)',
    },
    {
        name: "app: name undefined",
        run: () => app({ inferenceProfileName: undefined }),
        expected: 'ApplicationInferenceProfile "app": inferenceProfileName undefined is required',
    },
    {
        name: "app: name empty",
        run: () => app({ inferenceProfileName: "" }),
        expected: 'ApplicationInferenceProfile "app": inferenceProfileName "" must not be empty',
    },
    {
        name: "app: name whitespace",
        run: () => app({ inferenceProfileName: "  " }),
        expected:
            'ApplicationInferenceProfile "app": inferenceProfileName "  " must match ^([0-9a-zA-Z][ _-]?)+$ (letters and digits, each followed by at most one space, underscore or hyphen)',
    },
    {
        name: "app: name 65 characters",
        run: () => app({ inferenceProfileName: "a".repeat(65) }),
        expected: 'ApplicationInferenceProfile "app": inferenceProfileName "' + "a".repeat(65) + '" must have at most 64 characters (has 65)',
    },
    {
        name: "app: name with punctuation",
        run: () => app({ inferenceProfileName: "-bad name!!" }),
        expected:
            'ApplicationInferenceProfile "app": inferenceProfileName "-bad name!!" must match ^([0-9a-zA-Z][ _-]?)+$ (letters and digits, each followed by at most one space, underscore or hyphen)',
    },
    {
        name: "app: name with two spaces in a row",
        run: () => app({ inferenceProfileName: "a  b" }),
        expected:
            'ApplicationInferenceProfile "app": inferenceProfileName "a  b" must match ^([0-9a-zA-Z][ _-]?)+$ (letters and digits, each followed by at most one space, underscore or hyphen)',
    },
    {
        name: "app: name with a tab",
        run: () => app({ inferenceProfileName: "a\tb" }),
        expected:
            'ApplicationInferenceProfile "app": inferenceProfileName "a\\tb" must match ^([0-9a-zA-Z][ _-]?)+$ (letters and digits, each followed by at most one space, underscore or hyphen)',
    },
    {
        name: "app: name with unicode",
        run: () => app({ inferenceProfileName: "modèle" }),
        expected:
            'ApplicationInferenceProfile "app": inferenceProfileName "modèle" must match ^([0-9a-zA-Z][ _-]?)+$ (letters and digits, each followed by at most one space, underscore or hyphen)',
    },
    {
        name: "app: name as a number",
        run: () => app({ inferenceProfileName: 42 }),
        expected: 'ApplicationInferenceProfile "app": inferenceProfileName 42 must be a string',
    },
    { name: "app: description empty", run: () => app({ description: "" }), expected: 'ApplicationInferenceProfile "app": description "" must not be empty' },
    {
        name: "app: description 201 characters",
        run: () => app({ description: "d".repeat(201) }),
        expected: 'ApplicationInferenceProfile "app": description "' + "d".repeat(201) + '" must have at most 200 characters (has 201)',
    },
    {
        name: "app: description with an emoji",
        run: () => app({ description: "fast 🚀" }),
        expected:
            'ApplicationInferenceProfile "app": description "fast 🚀" must match ^([0-9a-zA-Z:.][ _-]?)+$ (letters, digits, colons and periods, each followed by at most one space, underscore or hyphen)',
    },
    {
        name: "app: modelSource undefined",
        run: () => app({ modelSource: undefined }),
        expected:
            'ApplicationInferenceProfile "app": modelSource undefined must be a BedrockFoundationModel, a CrossRegionInferenceProfile, or the ARN of a foundation model or system-defined profile',
    },
    {
        name: "app: modelSource as a model id",
        run: () => app({ modelSource: "anthropic.claude-3-haiku-20240307-v1:0" }),
        expected:
            'ApplicationInferenceProfile "app": modelSource "anthropic.claude-3-haiku-20240307-v1:0" must be the ARN of a foundation model (arn:<partition>:bedrock:<region>::foundation-model/<id>) or of a system-defined profile (arn:<partition>:bedrock:<region>:<account>:inference-profile/<prefix>.<id>)',
    },
    {
        name: "app: modelSource as an S3 ARN",
        run: () => app({ modelSource: "arn:aws:s3:::bucket" }),
        expected:
            'ApplicationInferenceProfile "app": modelSource "arn:aws:s3:::bucket" must be the ARN of a foundation model (arn:<partition>:bedrock:<region>::foundation-model/<id>) or of a system-defined profile (arn:<partition>:bedrock:<region>:<account>:inference-profile/<prefix>.<id>)',
    },
    {
        name: "app: modelSource with an unknown profile prefix",
        run: () => app({ modelSource: "arn:aws:bedrock:us-east-1:123456789012:inference-profile/xx.anthropic.claude-3-haiku-20240307-v1:0" }),
        expected:
            'ApplicationInferenceProfile "app": modelSource "arn:aws:bedrock:us-east-1:123456789012:inference-profile/xx.anthropic.claude-3-haiku-20240307-v1:0" names a profile with an unknown geography prefix (known: us, eu, apac, global, us-gov, jp, au, ca, in)',
    },
    {
        name: "app: modelSource us. profile in eu-west-1",
        run: () => app({ modelSource: "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0" }),
        expected:
            'ApplicationInferenceProfile "app": modelSource "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0" is a us. profile in Region eu-west-1, which is outside the us geography',
    },
    {
        name: "app: modelSource an application profile",
        setup: () => new bedrock.ApplicationInferenceProfile("first", { inferenceProfileName: "first", modelSource: M.ANTHROPIC_CLAUDE_HAIKU_V1_0 }),
        run: (first) => app({ modelSource: first }),
        expected:
            'ApplicationInferenceProfile "app": modelSource "<ApplicationInferenceProfile>" cannot be an application profile: CloudFormation\'s ModelSource.CopyFrom takes a foundation model or a system-defined (cross-region) profile',
    },
    {
        name: "app: modelSource a prompt router",
        run: () => app({ modelSource: b.PromptRouter.fromDefaultId(b.DefaultPromptRouterIdentifier.ANTHROPIC_CLAUDE_V1, "us-east-1") }),
        expected:
            'ApplicationInferenceProfile "app": modelSource "<PromptRouter>" cannot be a prompt router: CloudFormation\'s ModelSource.CopyFrom takes a foundation model or a system-defined (cross-region) profile',
    },
    {
        name: "app: name null",
        run: () => app({ inferenceProfileName: null }),
        expected: 'ApplicationInferenceProfile "app": inferenceProfileName null is required',
    },
    {
        name: "app: modelSource foundation-model ARN without a model id",
        run: () => app({ modelSource: "arn:aws:bedrock:us-east-1::foundation-model/" }),
        expected:
            'ApplicationInferenceProfile "app": modelSource "arn:aws:bedrock:us-east-1::foundation-model/" must be the ARN of a foundation model (arn:<partition>:bedrock:<region>::foundation-model/<id>) or of a system-defined profile (arn:<partition>:bedrock:<region>:<account>:inference-profile/<prefix>.<id>)',
    },
    {
        name: "app: modelSource ARN whose partition does not match its Region",
        run: () => app({ modelSource: "arn:aws:bedrock:us-gov-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0" }),
        expected:
            'ApplicationInferenceProfile "app": modelSource "arn:aws:bedrock:us-gov-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0" is in Region us-gov-west-1, which is in the aws-us-gov partition, not aws',
    },
    {
        name: "app: modelSource profile ARN of a model with no profile in that geography",
        run: () => app({ modelSource: "arn:aws:bedrock:ap-southeast-2:123456789012:inference-profile/au.amazon.nova-pro-v1:0" }),
        expected:
            'ApplicationInferenceProfile "app": modelSource "arn:aws:bedrock:ap-southeast-2:123456789012:inference-profile/au.amazon.nova-pro-v1:0" names amazon.nova-pro-v1:0, which has no au. cross-region profile: the catalog\'s sources list profiles in us, eu, apac, jp, us-gov (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html); if AWS serves one, declare it: BedrockFoundationModel.AMAZON_NOVA_PRO_V1.withGeographies(["au"])',
    },
    {
        name: "app: modelSource profile ARN of a model without cross-region support",
        run: () => app({ modelSource: "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-opus-20240229-v1:0" }),
        expected:
            'ApplicationInferenceProfile "app": modelSource "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-opus-20240229-v1:0" names anthropic.claude-3-opus-20240229-v1:0, which does not support cross-region inference (supportsCrossRegion is false)',
    },
    {
        name: "app: tag key with the reserved aws: prefix",
        run: () => app({ tags: { "aws:owner": "me" } }),
        expected: 'ApplicationInferenceProfile "app": tags[0].key "aws:owner" must not start with the reserved prefix "aws:"',
    },
    {
        name: "app: tag key empty",
        run: () => app({ tags: [{ key: "", value: "x" }] }),
        expected: 'ApplicationInferenceProfile "app": tags[0].key "" must not be empty',
    },
    {
        name: "app: tag key with !",
        run: () => app({ tags: { "team!": "ml" } }),
        expected: 'ApplicationInferenceProfile "app": tags[0].key "team!" must match ^[a-zA-Z0-9\\s._:/=+@-]*$ (letters, digits, spaces and . _ : / = + @ -)',
    },
    {
        name: "app: tag value 257 characters",
        run: () => app({ tags: { team: "v".repeat(257) } }),
        expected: 'ApplicationInferenceProfile "app": tags[0].value "' + "v".repeat(257) + '" must have at most 256 characters (has 257)',
    },
    {
        name: "app: tag value as a number",
        run: () => app({ tags: { team: 42 } }),
        expected: 'ApplicationInferenceProfile "app": tags[0].value 42 must be a string',
    },
    {
        name: "app: tag value undefined",
        run: () => app({ tags: [{ key: "team", value: undefined }] }),
        expected: 'ApplicationInferenceProfile "app": tags[0].value undefined is required',
    },
    {
        name: "app: 201 tags",
        run: () => app({ tags: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`k${i}`, "v"])) }),
        expected: 'ApplicationInferenceProfile "app": tags "201 tags" must hold at most 200 tags',
    },
    {
        name: "app: the same tag key twice",
        run: () =>
            app({
                tags: [
                    { key: "team", value: "a" },
                    { key: "team", value: "b" },
                ],
            }),
        expected: 'ApplicationInferenceProfile "app": tags[1].key "team" is given twice',
    },
    {
        name: "app: tags as a string",
        run: () => app({ tags: "team=ml" }),
        expected: 'ApplicationInferenceProfile "app": tags "team=ml" must be a map of tag keys to values or a list of { key, value }',
    },
    {
        name: "app: a tag that is null",
        run: () => app({ tags: [null] }),
        expected: 'ApplicationInferenceProfile "app": tags[0] null must be an object { key, value }',
    },
    {
        name: "import: not an application profile ARN",
        run: () =>
            bedrock.ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes({
                inferenceProfileArn: "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.x",
                inferenceProfileIdentifier: "x",
            }),
        expected:
            'ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes: inferenceProfileArn "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.x" must match ^arn:aws(|-us-gov|-cn|-iso|-iso-b):bedrock:[0-9a-z-]{1,20}:[0-9]{12}:application-inference-profile\\/[a-zA-Z0-9-:.]+$ (an application inference profile ARN)',
    },
    {
        name: "import: identifier empty",
        run: () =>
            bedrock.ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes({
                inferenceProfileArn: "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abcd1234wxyz",
                inferenceProfileIdentifier: "",
            }),
        expected: 'ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes: inferenceProfileIdentifier "" must not be empty',
    },
    {
        name: "import: not an aws-native resource",
        run: () => bedrock.ApplicationInferenceProfile.fromCfnApplicationInferenceProfile({ inferenceProfileArn: "x" } as any),
        expected:
            'ApplicationInferenceProfile.fromCfnApplicationInferenceProfile: resource {"inferenceProfileArn":"x"} must be an aws-native bedrock.ApplicationInferenceProfile',
    },

    // ---- grants ----
    {
        name: "grant: role undefined",
        run: () => cris().grantInvoke(undefined as any),
        expected:
            'CrossRegionInferenceProfile "us.anthropic.claude-3-5-sonnet-20241022-v2:0": grantInvoke(role) undefined must be an aws.iam.Role, a role name or a role ARN',
    },
    {
        name: "grant: role name with a space",
        run: () => cris().grantInvoke("my role"),
        expected:
            'CrossRegionInferenceProfile "us.anthropic.claude-3-5-sonnet-20241022-v2:0": grantInvoke(role) "my role" is not an IAM role name (1-64 characters of letters, digits and +=,.@_-) or role ARN',
    },
    {
        name: "grant: malformed role ARN",
        run: () => cris().grantProfileUsage("arn:aws:iam::123:role/x"),
        expected:
            'CrossRegionInferenceProfile "us.anthropic.claude-3-5-sonnet-20241022-v2:0": grantProfileUsage(role) "arn:aws:iam::123:role/x" is not an IAM role ARN (arn:<partition>:iam::<account>:role/<name>)',
    },
    {
        name: "grant: role as a number",
        run: () => M.ANTHROPIC_CLAUDE_HAIKU_V1_0.grantInvoke(7 as any),
        expected: 'BedrockFoundationModel "anthropic.claude-3-haiku-20240307-v1:0": grantInvoke(role) 7 must be an aws.iam.Role, a role name or a role ARN',
    },

    // ---- PromptRouter ----
    {
        name: "router: unknown default router id",
        run: () => b.PromptRouter.fromDefaultId("anthropic.claude:1", "us-east-1"),
        expected:
            'PromptRouter.fromDefaultId: defaultRouter "anthropic.claude:1" must be one of DefaultPromptRouterIdentifier.ANTHROPIC_CLAUDE_V1, .META_LLAMA_3_1, .AMAZON_NOVA_V1',
    },
    {
        name: "router: Region not a Region name",
        run: () => b.PromptRouter.fromDefaultId(b.DefaultPromptRouterIdentifier.ANTHROPIC_CLAUDE_V1, "mars-1"),
        expected: 'PromptRouter.fromDefaultId: region "mars-1" is not a Region name (e.g. us-east-1)',
    },
    {
        name: "router: Region where the default router does not exist",
        run: () => b.PromptRouter.fromDefaultId(b.DefaultPromptRouterIdentifier.ANTHROPIC_CLAUDE_V1, "sa-east-1"),
        expected:
            'PromptRouter.fromDefaultId: region "sa-east-1" has no ANTHROPIC_CLAUDE_V1 default router (anthropic.claude:1): it exists in us-east-1, us-east-2, us-west-2, ap-northeast-1, ap-northeast-2, ap-south-1, ap-southeast-2, eu-central-1, eu-west-1, eu-west-3, us-gov-east-1 (https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-routing.html)',
    },
    {
        name: "router: Llama default router outside the US",
        run: () => b.PromptRouter.fromDefaultId(b.DefaultPromptRouterIdentifier.META_LLAMA_3_1, "eu-central-1"),
        expected:
            'PromptRouter.fromDefaultId: region "eu-central-1" has no META_LLAMA_3_1 default router (meta.llama:1): it exists in us-east-1, us-east-2, us-west-2 (https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-routing.html)',
    },
    {
        name: "router: one model",
        run: () => new b.PromptRouter("router", { promptRouterName: "r", models: [cris()], fallbackModel: cris(), responseQualityDifference: 25 }),
        expected: 'PromptRouter "router": models "1 models" must be a list of exactly two models of one family',
    },
    {
        name: "router: responseQualityDifference 101",
        run: () => {
            const h = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_HAIKU_V1_0 });
            return new b.PromptRouter("router", { promptRouterName: "r", models: [h, cris()], fallbackModel: h, responseQualityDifference: 101 });
        },
        expected: 'PromptRouter "router": responseQualityDifference 101 must be between 0 and 100',
    },
    {
        name: "router: responseQualityDifference as a string",
        run: () => {
            const h = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_HAIKU_V1_0 });
            return new b.PromptRouter("router", { promptRouterName: "r", models: [h, cris()], fallbackModel: h, responseQualityDifference: "25" });
        },
        expected: 'PromptRouter "router": responseQualityDifference "25" must be a number',
    },
    {
        name: "router: models of two families",
        run: () => {
            const n = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.AMAZON_NOVA_PRO_V1 });
            return new b.PromptRouter("router", { promptRouterName: "r", models: [n, cris()], fallbackModel: n, responseQualityDifference: 25 });
        },
        expected:
            'PromptRouter "router": models ["amazon.nova-pro-v1:0","anthropic.claude-3-5-sonnet-20241022-v2:0"] must be of one family (found amazon.nova and anthropic.claude)',
    },
    {
        name: "router: fallback not one of the models",
        run: () => {
            const h = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_HAIKU_V1_0 });
            const o = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_7_SONNET_V1_0 });
            return new b.PromptRouter("router", { promptRouterName: "r", models: [h, cris()], fallbackModel: o, responseQualityDifference: 25 });
        },
        expected: 'PromptRouter "router": fallbackModel "anthropic.claude-3-7-sonnet-20250219-v1:0" must be one of models',
    },

    // ---- Prompt ----
    {
        name: "prompt: name with a space",
        run: () => new b.Prompt("prompt", { promptName: "my prompt", variants: [textVariant()] }),
        expected:
            'Prompt "prompt": promptName "my prompt" must match ^([0-9a-zA-Z][_-]?){1,100}$ (letters and digits, each followed by at most one underscore or hyphen, at most 100 of them)',
    },
    {
        name: "prompt: four variants",
        run: () => new b.Prompt("prompt", { promptName: "p", variants: ["a", "b", "c", "d"].map((n) => textVariant({ variantName: n })) }),
        expected: 'Prompt "prompt": variants "4 variants" must hold at most 3 variants (CloudFormation\'s limit)',
    },
    {
        name: "prompt: default variant not among the variants",
        run: () => new b.Prompt("prompt", { promptName: "p", variants: [textVariant()], defaultVariant: "other" }),
        expected: 'Prompt "prompt": defaultVariant "other" must be one of the variants ("v1")',
    },
    {
        name: "variant: name with a dot",
        run: () => textVariant({ variantName: "v.1" }),
        expected:
            'PromptVariant.text: variantName "v.1" must match ^([0-9a-zA-Z][_-]?){1,100}$ (letters and digits, each followed by at most one underscore or hyphen, at most 100 of them)',
    },
    { name: "variant: empty prompt text", run: () => textVariant({ promptText: "" }), expected: 'PromptVariant.text "v1": promptText "" must not be empty' },
    {
        name: "variant: temperature 1.5",
        run: () => textVariant({ inferenceConfiguration: { temperature: 1.5 } }),
        expected: 'PromptVariant.text "v1": inferenceConfiguration.temperature 1.5 must be between 0 and 1',
    },
    {
        name: "variant: topK 501",
        run: () => textVariant({ inferenceConfiguration: { topK: 501 } }),
        expected: 'PromptVariant.text "v1": inferenceConfiguration.topK 501 must be between 0 and 500',
    },
    {
        name: "variant: maxTokens 1.5",
        run: () => textVariant({ inferenceConfiguration: { maxTokens: 1.5 } }),
        expected: 'PromptVariant.text "v1": inferenceConfiguration.maxTokens 1.5 must be an integer',
    },
    {
        name: "variant: five stop sequences",
        run: () => textVariant({ inferenceConfiguration: { stopSequences: ["a", "b", "c", "d", "e"] } }),
        expected: 'PromptVariant.text "v1": inferenceConfiguration.stopSequences ["a","b","c","d","e"] must hold at most 4 sequences (has 5)',
    },
    {
        name: "variant: temperature as a string",
        run: () => textVariant({ inferenceConfiguration: { temperature: "0.5" } }),
        expected: 'PromptVariant.text "v1": inferenceConfiguration.temperature "0.5" must be a number',
    },
    {
        name: "variant: unknown inference setting",
        run: () => textVariant({ inferenceConfiguration: { temprature: 0.5 } }),
        expected:
            'PromptVariant.text "v1": inferenceConfiguration.temprature 0.5 is not an inference setting (known: temperature, topP, maxTokens, stopSequences, topK, anthropicVersion, responseFormat)',
    },
    {
        name: "variant: anthropicVersion on a non-Anthropic model",
        run: () => textVariant({ model: M.AMAZON_NOVA_PRO_V1, inferenceConfiguration: { anthropicVersion: "bedrock-2023-05-31" } }),
        expected:
            'PromptVariant.text "v1": inferenceConfiguration.anthropicVersion "bedrock-2023-05-31" applies to Anthropic models only, but the model is not one (amazon.nova-pro-v1:0)',
    },

    // ---- Agent ----
    {
        name: "agent: instruction under 40 characters",
        run: () => agent({ instruction: "Be helpful." }),
        expected: 'Agent "agent": instruction "Be helpful." must have at least 40 characters (has 11)',
    },
    { name: "agent: idleSessionTTL 59", run: () => agent({ idleSessionTTL: 59 }), expected: 'Agent "agent": idleSessionTTL 59 must be between 60 and 5400' },
    {
        name: "agent: idleSessionTTL 5401",
        run: () => agent({ idleSessionTTL: 5401 }),
        expected: 'Agent "agent": idleSessionTTL 5401 must be between 60 and 5400',
    },
    {
        name: "agent: idleSessionTTL not an integer",
        run: () => agent({ idleSessionTTL: 600.5 }),
        expected: 'Agent "agent": idleSessionTTL 600.5 must be an integer',
    },
    {
        name: "agent: an EU profile (from an eu-west-1 provider) for an agent in us-east-1",
        setup: () => new bedrock.CrossRegionInferenceProfile("eu", { geoRegion: G.EU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 }, { provider: euProvider() }),
        run: (eu) => agent({ foundationModel: eu }),
        expected:
            'Agent "agent": foundationModel "eu.anthropic.claude-sonnet-4-5-20250929-v1:0" is a system-defined eu. profile, callable only from eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-2, eu-west-3, but Agent is in us-east-1: Bedrock uses a model, profile or router only in its own Region',
    },
    {
        name: "agent: an application profile ARN in eu-west-1 for an agent in us-east-1",
        run: () =>
            agent({
                foundationModel: bedrock.ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes({
                    inferenceProfileArn: "arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/abcdefghij12",
                    inferenceProfileIdentifier: "abcdefghij12",
                }),
            }),
        expected:
            'Agent "agent": foundationModel "arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/abcdefghij12" is an application profile in Region eu-west-1, but Agent is in us-east-1: Bedrock uses a model, profile or router only in its own Region',
    },
    {
        name: "agent: marketplace product id malformed",
        run: () => agent({ marketplace: { productIds: ["not-a-product"] } }),
        expected: 'Agent "agent": marketplace.productIds[0] "not-a-product" is not a Marketplace product id (prod-..., prodview-... or a UUID)',
    },
    {
        name: "agent: marketplace without product ids",
        run: () => agent({ marketplace: { productIds: [] } }),
        expected: 'Agent "agent": marketplace.productIds [] must be a non-empty list of Marketplace product ids',
    },
    {
        name: "agent: guardrail KMS key not a key ARN",
        run: () => agent({ guardrail: { guardrailIdentifier: "abcdefgh1234", kmsKey: "alias/mine" } }),
        expected:
            'Agent "agent": guardrail.kmsKey "alias/mine" must match ^arn:aws(-[^:]+)?:kms:[a-zA-Z0-9-]*:[0-9]{12}:key\\/[a-zA-Z0-9-]{36}$ (a KMS key ARN)',
    },
    {
        name: "app: copies an eu-west-1 model ARN in us-east-1",
        run: () => app({ modelSource: "arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0" }),
        expected:
            'ApplicationInferenceProfile "app": modelSource "arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0" is a foundation model in Region eu-west-1, but ApplicationInferenceProfile is in us-east-1: Bedrock uses a model, profile or router only in its own Region',
    },
    {
        name: "app: copies an eu-west-1 eu. profile ARN in us-east-1",
        run: () => app({ modelSource: "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.anthropic.claude-3-haiku-20240307-v1:0" }),
        expected:
            'ApplicationInferenceProfile "app": modelSource "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.anthropic.claude-3-haiku-20240307-v1:0" is a system-defined profile in Region eu-west-1, but ApplicationInferenceProfile is in us-east-1: Bedrock uses a model, profile or router only in its own Region',
    },
    {
        name: "app: copies an EU profile (from an eu-west-1 provider) in us-east-1",
        setup: () => new bedrock.CrossRegionInferenceProfile("eu", { geoRegion: G.EU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 }, { provider: euProvider() }),
        run: (eu) => app({ modelSource: eu }),
        expected:
            'ApplicationInferenceProfile "app": modelSource "eu.anthropic.claude-sonnet-4-5-20250929-v1:0" is a system-defined eu. profile, callable only from eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-2, eu-west-3, but ApplicationInferenceProfile is in us-east-1: Bedrock uses a model, profile or router only in its own Region',
    },
    {
        name: "cris: topK for a Llama model (no top-k parameter)",
        run: () => crisC({ model: M.META_LLAMA_3_3_70B_INSTRUCT_V1, inferenceConfiguration: { topK: 40 } }),
        expected:
            'CrossRegionInferenceProfile "cris": inferenceConfiguration.topK 40 is not a request field of meta.llama3-3-70b-instruct-v1:0: the model\'s request has no top-k parameter',
    },
    {
        name: "prompt variant: topK for an OpenAI model",
        run: () => bedrock.PromptVariant.text({ variantName: "v", promptText: "hi", model: M.OPENAI_GPT_OSS_120B_V1, inferenceConfiguration: { topK: 5 } }),
        expected:
            'PromptVariant.text "v": inferenceConfiguration.topK 5 is not a request field of openai.gpt-oss-120b-1:0: the model\'s request has no top-k parameter',
    },
    {
        name: "grantMarketplaceSubscription: product id malformed",
        run: () => b.grantMarketplaceSubscription("some-role", { productIds: ["prod-OK", 7] }),
        expected: 'grantMarketplaceSubscription: productIds[0] "prod-OK" is not a Marketplace product id (prod-..., prodview-... or a UUID)',
    },
    {
        name: "agent: a prompt router as the model",
        run: () => agent({ foundationModel: b.PromptRouter.fromDefaultId(b.DefaultPromptRouterIdentifier.ANTHROPIC_CLAUDE_V1, "us-east-1") }),
        expected: 'Agent "agent": foundationModel "<PromptRouter>" cannot be a prompt router: an agent\'s model is a foundation model or an inference profile',
    },
    {
        name: "agent: agentName with a space",
        run: () => agent({ agentName: "my agent" }),
        expected:
            'Agent "agent": agentName "my agent" must match ^([0-9a-zA-Z][_-]?){1,100}$ (letters and digits, each followed by at most one underscore or hyphen, at most 100 of them)',
    },
    {
        name: "agent: foundationModel undefined",
        run: () => agent({ foundationModel: undefined }),
        expected:
            'Agent "agent": foundationModel undefined must be a BedrockFoundationModel, a cross-region inference profile or an application inference profile',
    },
];

function textVariant(args: Record<string, unknown> = {}): any {
    return b.PromptVariant.text({ variantName: "v1", promptText: "What is the capital of France?", model: M.ANTHROPIC_CLAUDE_HAIKU_V1_0, ...args });
}

function agent(args: Record<string, unknown>): any {
    return new b.Agent("agent", {
        foundationModel: cris(),
        instruction: "You are a helpful and friendly agent that answers questions about agriculture.",
        ...args,
    });
}

describe("bad input: every invalid configuration is refused at construction, naming argument, value and rule", () => {
    let rec: MockRecorder;

    it(`the corpus holds at least 40 cases (${CASES.length})`, () => {
        expect(CASES.length).to.be.at.least(40);
        expect(new Set(CASES.map((c) => c.name)).size).to.equal(CASES.length);
    });

    for (const c of CASES) {
        it(c.name, async () => {
            rec = setBedrockMocks({ region: c.config?.["aws-native:region"] ?? "us-east-1", config: c.config ?? { "aws-native:region": "us-east-1" } });
            const prepared = c.setup?.();
            await settle();
            const before = rec.resources.map((r) => `${r.type} ${r.name}`);
            const error = thrown(() => c.run(prepared));
            if (process.env.BAD_INPUT_PROBE) console.log(`PROBE ${JSON.stringify(c.name)} => ${JSON.stringify(messageOf(error))}`);
            isExactly(error, c.expected);
            await settle();
            expect(
                rec.resources.map((r) => `${r.type} ${r.name}`),
                "a refused call registers nothing",
            ).to.deep.equal(before);
        });
    }
});

describe("bad input known only at deploy time: the error from apply names the component and the argument", () => {
    const euFromUsEast1 =
        'CrossRegionInferenceProfile "cris": geoRegion "eu" profiles cannot be called from Region us-east-1: the eu geography\'s source Regions are eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-2, eu-west-3';

    it("a cross-region profile whose Region (known only from the provider) is outside the geography: the ARN output and the grant's policy fail", async () => {
        // No `aws-native:region` config: the Region is known only from the getRegion invoke.
        const rec = setBedrockMocks({ region: "us-east-1" });
        let arnError = "";
        const errors = await deployErrors(() => {
            const c = new bedrock.CrossRegionInferenceProfile("cris", { geoRegion: G.EU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
            c.grantInvoke(role());
            (c.inferenceProfileArn as unknown as { promise(): Promise<string> }).promise().catch((e: Error) => (arnError = e.message));
        });
        expect(arnError).to.equal(euFromUsEast1);
        // The Region check (one checked Output per provider and geography) fails where the profile's ARN is used:
        // the profile's outputs and the policy's document, which holds the ARN.
        expect(errors).to.deep.equal([
            `error serializing property "outputs": ${euFromUsEast1}`,
            `error serializing property "policy": error serializing property "outputs": ${euFromUsEast1}`,
        ]);
        // The policy that would have granted through the wrong Region is never registered.
        expect(rec.byType("aws:iam/rolePolicy:RolePolicy")).to.deep.equal([]);
    });

    it("an application profile with an explicit us-east-1 provider copying an eu-west-1 model ARN: refused at deploy, nothing registered", async () => {
        const rec = setBedrockMocks({ region: "us-east-1" });
        const errors = await deployErrors(() => {
            const us = new awsnative.Provider("us", { region: "us-east-1" });
            new bedrock.ApplicationInferenceProfile(
                "app",
                { inferenceProfileName: "ok", modelSource: "arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0" },
                { provider: us },
            );
        });
        expect(errors).to.deep.equal([
            'error serializing property "modelSource": ApplicationInferenceProfile "app": modelSource "arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0" is in Region eu-west-1, but ApplicationInferenceProfile is in us-east-1: Bedrock uses a model, profile or router only in its own Region',
        ]);
        expect(rec.byType("aws-native:bedrock:ApplicationInferenceProfile")).to.deep.equal([]);
    });

    it("an agent with an explicit us-east-1 provider on an EU profile (eu-west-1 provider): refused at deploy, no agent registered", async () => {
        const rec = setBedrockMocks({ region: "us-east-1" });
        const errors = await deployErrors(() => {
            const us = new awsnative.Provider("us", { region: "us-east-1" });
            const eu = new awsnative.Provider("eu", { region: "eu-west-1" });
            const profile = new bedrock.CrossRegionInferenceProfile("eu", { geoRegion: G.EU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 }, { provider: eu });
            new bedrock.Agent("agent", { foundationModel: profile, instruction: "x".repeat(40) }, { provider: us });
        });
        const message =
            'Agent "agent": foundationModel "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.anthropic.claude-sonnet-4-5-20250929-v1:0" is in Region eu-west-1, but Agent is in us-east-1: Bedrock uses a model, profile or router only in its own Region';
        // The check's Output fails (its own rejection) and the agent's input that reads it fails with it.
        expect(errors).to.deep.equal([message, `error serializing property "foundationModel": ${message}`]);
        expect(rec.byType("aws-native:bedrock:Agent")).to.deep.equal([]);
    });

    it("an application profile name given as an Output is checked with the construction-time message", async () => {
        const rec = setBedrockMocks({ region: "us-east-1", config: { "aws-native:region": "us-east-1" } });
        const errors = await deployErrors(() => {
            new bedrock.ApplicationInferenceProfile("app", { inferenceProfileName: pulumi.output("bad name!"), modelSource: M.ANTHROPIC_CLAUDE_HAIKU_V1_0 });
        });
        expect(errors).to.deep.equal([
            `error serializing property "inferenceProfileName": ApplicationInferenceProfile "app": inferenceProfileName "bad name!" ${pattern}`,
        ]);
        expect(rec.byType("aws-native:bedrock:ApplicationInferenceProfile")).to.deep.equal([]);
    });

    it("a tag value given as an Output is checked with the construction-time message", async () => {
        setBedrockMocks({ region: "us-east-1", config: { "aws-native:region": "us-east-1" } });
        await deployFailsExactly(
            () => app({ tags: { team: pulumi.output("ml!") } }),
            [`error serializing property "tags": ApplicationInferenceProfile "app": tags[0].value "ml!" ${tagPattern}`],
        );
    });
});

describe("refusals are Pulumi input property errors", () => {
    it("a refused argument is a pulumi.InputPropertyError naming the property and the reason (a component provider reports it so)", () => {
        setBedrockMocks({ region: "us-east-1", config: { "aws-native:region": "us-east-1" } });
        const error = throwsExactly(
            () => new bedrock.ApplicationInferenceProfile("bad", { inferenceProfileName: "-bad name!!", modelSource: M.ANTHROPIC_CLAUDE_HAIKU_V1_0 }),
            `ApplicationInferenceProfile "bad": inferenceProfileName "-bad name!!" ${pattern}`,
            bedrock.BedrockValidationError,
        );
        expect(pulumi.InputPropertyError.isInstance(error)).to.equal(true);
        const e = error as pulumi.InputPropertyError;
        expect(e.propertyPath).to.equal("inferenceProfileName");
        expect(e.reason).to.equal(e.message);
    });
});
