import { expect } from "chai";
import * as awsnative from "@pulumi/aws-native";
import { setBedrockMocks, resolveOutput, settle, policiesForRole, type MockRecorder } from "../components/testing/testing";
import * as bedrock from "../sdk/nodejs";
import type { Statement } from "../components/iam/policy";
import { maxLength, symbolic, symbolLabels } from "../components/core/symbols";
import { throwsExactly } from "./support/errors";
import { INVOKE } from "./support/grants";
import { captureLogs } from "./support/logs";

const M = bedrock.BedrockFoundationModel;
const G = bedrock.CrossRegionInferenceProfileRegion;
const D = bedrock.DefaultPromptRouterIdentifier;
const GET_PROFILE = "bedrock:GetInferenceProfile";
const ACCOUNT = "123456789012";
const US = ["ca-central-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"];
const EU = ["eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3"];

/** The statement allowing `modelId` in `regions` only through the profile `profileArn`. */
function viaProfile(modelId: string, regions: string[], profileArn: string): Statement {
    return {
        Effect: "Allow",
        Action: INVOKE,
        Resource: regions.map((r) => `arn:aws:bedrock:${r}::foundation-model/${modelId}`),
        Condition: { ArnLike: { "bedrock:InferenceProfileArn": [profileArn] } },
    };
}

/**
 * A policy's meaning as sorted `action resource condition` triples: exact, and independent of how
 * statements that share actions or resources are merged.
 */
function grantsOf(statements: Statement[]): string[] {
    const out = new Set<string>();
    for (const s of statements) {
        expect(s.Effect).to.equal("Allow");
        for (const a of s.Action) for (const r of s.Resource) out.add(`${a} ${r}${s.Condition ? ` ${JSON.stringify(s.Condition)}` : ""}`);
    }
    return [...out].sort();
}

describe("PromptRouter", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
    });

    describe("DefaultPromptRouterIdentifier", () => {
        it("knows each default router's id and routing models", () => {
            expect(D.values().map((d) => [d.name, d.promptRouterId, d.routingModels.map((m) => m.modelId)])).to.deep.equal([
                ["ANTHROPIC_CLAUDE_V1", "anthropic.claude:1", ["anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-3-5-sonnet-20240620-v1:0"]],
                ["META_LLAMA_3_1", "meta.llama:1", ["meta.llama3-1-8b-instruct-v1:0", "meta.llama3-1-70b-instruct-v1:0"]],
                ["AMAZON_NOVA_V1", "amazon.nova:1", ["amazon.nova-lite-v1:0", "amazon.nova-pro-v1:0"]],
            ]);
            expect(String(D.META_LLAMA_3_1)).to.equal("meta.llama:1");
        });
    });

    describe("fromDefaultId", () => {
        it("in us-east-1: the router ARN in the caller's account, routed through the us. profiles", async () => {
            const router = bedrock.PromptRouter.fromDefaultId(D.ANTHROPIC_CLAUDE_V1, "us-east-1");
            expect(await resolveOutput(router.promptRouterArn)).to.equal(`arn:aws:bedrock:us-east-1:${ACCOUNT}:default-prompt-router/anthropic.claude:1`);
            expect(await resolveOutput(router.invokableArn)).to.equal(`arn:aws:bedrock:us-east-1:${ACCOUNT}:default-prompt-router/anthropic.claude:1`);
            expect(router.promptRouterId).to.equal("anthropic.claude:1");
            expect(router.region).to.equal("us-east-1");
            expect(router.routingModels).to.deep.equal([M.ANTHROPIC_CLAUDE_HAIKU_V1_0, M.ANTHROPIC_CLAUDE_3_5_SONNET_V1_0]);
            expect(router.accessTarget().kind).to.equal("prompt-router");
            expect(bedrock.isPromptRouter(router)).to.equal(true);
            expect(bedrock.isPromptRouter(M.AMAZON_NOVA_PRO_V1)).to.equal(false);

            router.grantInvoke("app-role");
            await settle();
            const policies = policiesForRole(rec, "app-role");
            expect(policies.map((p) => [p.name, p.kind])).to.deep.equal([["app-role-bedrock", "inline"]]);
            const routerArn = `arn:aws:bedrock:us-east-1:${ACCOUNT}:default-prompt-router/anthropic.claude:1`;
            const haiku = `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0`;
            const sonnet = `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.anthropic.claude-3-5-sonnet-20240620-v1:0`;
            expect(grantsOf(policies[0].statements)).to.deep.equal(
                grantsOf([
                    { Effect: "Allow", Action: ["bedrock:GetPromptRouter"], Resource: [routerArn] },
                    viaProfile("anthropic.claude-3-5-sonnet-20240620-v1:0", US, sonnet),
                    viaProfile("anthropic.claude-3-haiku-20240307-v1:0", US, haiku),
                    { Effect: "Allow", Action: INVOKE, Resource: [routerArn, sonnet, haiku] },
                    { Effect: "Allow", Action: [GET_PROFILE], Resource: [sonnet, haiku] },
                ]),
            );
            expect(JSON.parse(policies[0].json).Version).to.equal("2012-10-17");
        });

        it("in eu-west-1: routed through the eu. profiles (the Anthropic router exists there: prompt-routing.html)", async () => {
            const router = bedrock.PromptRouter.fromDefaultId(D.ANTHROPIC_CLAUDE_V1, "eu-west-1");
            expect(await resolveOutput(router.promptRouterArn)).to.equal(`arn:aws:bedrock:eu-west-1:${ACCOUNT}:default-prompt-router/anthropic.claude:1`);
            router.grantInvoke("app-role");
            await settle();
            const [policy] = policiesForRole(rec, "app-role");
            expect(policy.name).to.equal("app-role-bedrock");
            const routerArn = `arn:aws:bedrock:eu-west-1:${ACCOUNT}:default-prompt-router/anthropic.claude:1`;
            const haiku = `arn:aws:bedrock:eu-west-1:${ACCOUNT}:inference-profile/eu.anthropic.claude-3-haiku-20240307-v1:0`;
            const sonnet = `arn:aws:bedrock:eu-west-1:${ACCOUNT}:inference-profile/eu.anthropic.claude-3-5-sonnet-20240620-v1:0`;
            expect(grantsOf(policy.statements)).to.deep.equal(
                grantsOf([
                    { Effect: "Allow", Action: ["bedrock:GetPromptRouter"], Resource: [routerArn] },
                    viaProfile("anthropic.claude-3-5-sonnet-20240620-v1:0", EU, sonnet),
                    viaProfile("anthropic.claude-3-haiku-20240307-v1:0", EU, haiku),
                    { Effect: "Allow", Action: INVOKE, Resource: [routerArn, sonnet, haiku] },
                    { Effect: "Allow", Action: [GET_PROFILE], Resource: [sonnet, haiku] },
                ]),
            );
        });

        // Source: https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-routing.html (supported Regions and models).
        it("accepts each default router only in the Regions AWS's prompt-routing page lists, and refuses the rest listing them", async () => {
            expect([...D.ANTHROPIC_CLAUDE_V1.regions]).to.deep.equal([
                "us-east-1",
                "us-east-2",
                "us-west-2",
                "ap-northeast-1",
                "ap-northeast-2",
                "ap-south-1",
                "ap-southeast-2",
                "eu-central-1",
                "eu-west-1",
                "eu-west-3",
                "us-gov-east-1",
            ]);
            expect([...D.META_LLAMA_3_1.regions]).to.deep.equal(["us-east-1", "us-east-2", "us-west-2"]);
            for (const d of D.values()) for (const r of d.regions) expect(() => bedrock.PromptRouter.fromDefaultId(d, r), `${d.name} ${r}`).to.not.throw();
            throwsExactly(
                () => bedrock.PromptRouter.fromDefaultId(D.META_LLAMA_3_1, "eu-west-1"),
                'PromptRouter.fromDefaultId: region "eu-west-1" has no META_LLAMA_3_1 default router (meta.llama:1): it exists in us-east-1, us-east-2, us-west-2 (https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-routing.html)',
                bedrock.BedrockValidationError,
            );
            throwsExactly(
                () => bedrock.PromptRouter.fromDefaultId(D.ANTHROPIC_CLAUDE_V1, "us-west-1"),
                'PromptRouter.fromDefaultId: region "us-west-1" has no ANTHROPIC_CLAUDE_V1 default router (anthropic.claude:1): it exists in us-east-1, us-east-2, us-west-2, ap-northeast-1, ap-northeast-2, ap-south-1, ap-southeast-2, eu-central-1, eu-west-1, eu-west-3, us-gov-east-1 (https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-routing.html)',
            );
            const gov = bedrock.PromptRouter.fromDefaultId(D.ANTHROPIC_CLAUDE_V1, "us-gov-east-1");
            expect(await resolveOutput(gov.promptRouterArn)).to.equal(
                `arn:aws-us-gov:bedrock:us-gov-east-1:${ACCOUNT}:default-prompt-router/anthropic.claude:1`,
            );
            await settle();
            expect(rec.resources).to.deep.equal([]);
        });

        it("refuses Canada, Israel and the UAE (no default router there; the doc comment says the same)", () => {
            for (const region of ["ca-central-1", "il-central-1", "me-central-1"]) {
                throwsExactly(
                    () => bedrock.PromptRouter.fromDefaultId(D.AMAZON_NOVA_V1, region),
                    `PromptRouter.fromDefaultId: region "${region}" has no AMAZON_NOVA_V1 default router (amazon.nova:1): it exists in us-east-1, us-east-2, us-west-2, ap-northeast-1, ap-northeast-2, ap-south-1, ap-southeast-2, eu-central-1, eu-west-1, eu-west-3 (https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-routing.html (Nova Lite and Nova Pro rows; no page names the default router))`,
                );
            }
        });

        it("refuses a Region in no geography, naming it", () => {
            throwsExactly(
                () => bedrock.PromptRouter.fromDefaultId(D.ANTHROPIC_CLAUDE_V1, "sa-east-1"),
                'PromptRouter.fromDefaultId: region "sa-east-1" has no ANTHROPIC_CLAUDE_V1 default router (anthropic.claude:1): it exists in us-east-1, us-east-2, us-west-2, ap-northeast-1, ap-northeast-2, ap-south-1, ap-southeast-2, eu-central-1, eu-west-1, eu-west-3, us-gov-east-1 (https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-routing.html)',
                bedrock.BedrockValidationError,
            );
        });

        it("refuses a malformed Region and an unknown router id", () => {
            throwsExactly(
                () => bedrock.PromptRouter.fromDefaultId(D.ANTHROPIC_CLAUDE_V1, "virginia"),
                'PromptRouter.fromDefaultId: region "virginia" is not a Region name (e.g. us-east-1)',
            );
            throwsExactly(
                () => bedrock.PromptRouter.fromDefaultId("anthropic.claude:1" as never, "us-east-1"),
                'PromptRouter.fromDefaultId: defaultRouter "anthropic.claude:1" must be one of DefaultPromptRouterIdentifier.ANTHROPIC_CLAUDE_V1, .META_LLAMA_3_1, .AMAZON_NOVA_V1',
            );
        });

        it("carries inference settings, and refuses Anthropic-only ones on a Llama router", () => {
            const r = bedrock.PromptRouter.fromDefaultId(D.ANTHROPIC_CLAUDE_V1, "us-east-1", {
                inferenceConfiguration: { temperature: 0.2, anthropicVersion: "bedrock-2023-05-31" },
            });
            expect(r.inferenceConfiguration).to.deep.equal({ temperature: 0.2, anthropicVersion: "bedrock-2023-05-31" });
            throwsExactly(
                () => bedrock.PromptRouter.fromDefaultId(D.META_LLAMA_3_1, "us-east-1", { inferenceConfiguration: { anthropicVersion: "bedrock-2023-05-31" } }),
                'PromptRouter.fromDefaultId: inferenceConfiguration.anthropicVersion "bedrock-2023-05-31" applies to Anthropic models only, but the model is not one (meta.llama3-1-8b-instruct-v1:0, meta.llama3-1-70b-instruct-v1:0)',
            );
            throwsExactly(
                () => bedrock.PromptRouter.fromDefaultId(D.AMAZON_NOVA_V1, "us-east-1", { inferenceConfiguration: { topP: 2 } }),
                "PromptRouter.fromDefaultId: inferenceConfiguration.topP 2 must be between 0 and 1",
            );
        });
    });

    describe("fromDefaultId: Region checks, the Region warning, names and metrics", () => {
        /** A default router identifier the catalog does not have, made through the private constructor, to reach the geography checks. */
        const identifier = (models: bedrock.BedrockFoundationModel[], regions: string[]) =>
            new (D as unknown as new (...args: unknown[]) => bedrock.DefaultPromptRouterIdentifier)(
                "ACME_V1",
                "acme.router:1",
                models,
                regions,
                "https://example.com/routers",
            );

        it("refuses a Region given as a list, even one whose text is a Region name", () => {
            throwsExactly(
                () => bedrock.PromptRouter.fromDefaultId(D.ANTHROPIC_CLAUDE_V1, ["us-east-1"] as never),
                'PromptRouter.fromDefaultId: region ["us-east-1"] is not a Region name (e.g. us-east-1)',
                bedrock.BedrockValidationError,
            );
        });

        it("refuses a listed Region in no geography, and a geography where a routed model has no profile", () => {
            const id = identifier([M.AMAZON_NOVA_LITE_V1, M.AMAZON_NOVA_PRO_V1], ["sa-east-1", "us-gov-east-1"]);
            throwsExactly(
                () => bedrock.PromptRouter.fromDefaultId(id, "sa-east-1"),
                'PromptRouter.fromDefaultId: region "sa-east-1" is in no geography whose profiles a default router routes through (us-*, eu-*, ap-*, us-gov-* Regions)',
                bedrock.BedrockValidationError,
            );
            throwsExactly(
                () => bedrock.PromptRouter.fromDefaultId(id, "us-gov-east-1"),
                'PromptRouter.fromDefaultId: region "us-gov-east-1" maps to the us-gov geography, where amazon.nova-lite-v1:0 has no cross-region profile',
                bedrock.BedrockValidationError,
            );
        });

        it("refuses topK on the Llama router (Llama's request has no top-k)", () => {
            throwsExactly(
                () => bedrock.PromptRouter.fromDefaultId(D.META_LLAMA_3_1, "us-east-1", { inferenceConfiguration: { topK: 5 } }),
                "PromptRouter.fromDefaultId: inferenceConfiguration.topK 5 is not a request field of meta.llama3-1-8b-instruct-v1:0, meta.llama3-1-70b-instruct-v1:0: the model's request has no top-k parameter",
                bedrock.BedrockValidationError,
            );
        });

        it("warns when the router's Region differs from the default provider's, and only then", async () => {
            setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT, config: { "aws-native:region": "us-east-1" } });
            const logs = captureLogs();
            try {
                bedrock.PromptRouter.fromDefaultId(D.ANTHROPIC_CLAUDE_V1, "us-east-1");
                const west = bedrock.PromptRouter.fromDefaultId(D.ANTHROPIC_CLAUDE_V1, "us-west-2");
                // An explicit provider's Region is not known before deploy: no warning.
                const eu = new awsnative.Provider("eu", { region: "eu-west-1" });
                const viaProvider = bedrock.PromptRouter.fromDefaultId(D.ANTHROPIC_CLAUDE_V1, "us-west-2", { provider: eu });
                expect(await resolveOutput(west.promptRouterArn)).to.equal(`arn:aws:bedrock:us-west-2:${ACCOUNT}:default-prompt-router/anthropic.claude:1`);
                expect(await resolveOutput(viaProvider.promptRouterArn)).to.equal(
                    `arn:aws:bedrock:us-west-2:${ACCOUNT}:default-prompt-router/anthropic.claude:1`,
                );
            } finally {
                logs.restore();
            }
            expect(logs.warn).to.deep.equal([
                'PromptRouter.fromDefaultId: region "us-west-2" differs from the provider\'s Region us-east-1: prompts and agents in us-east-1 cannot use a router in us-west-2',
            ]);
        });

        it("grantName: the router id and Region with every other character a hyphen", () => {
            expect(bedrock.PromptRouter.fromDefaultId(D.ANTHROPIC_CLAUDE_V1, "us-west-2").grantName()).to.equal("router-anthropic-claude-1-us-west-2");
        });

        it("metric and addAlarm name the PromptRouter in their refusals (default and custom routers)", () => {
            const custom = new bedrock.PromptRouter("router", {
                promptRouterName: "r",
                models: [M.META_LLAMA_3_1_8B_INSTRUCT_V1, M.META_LLAMA_3_1_70B_INSTRUCT_V1],
                fallbackModel: M.META_LLAMA_3_1_8B_INSTRUCT_V1,
                responseQualityDifference: 10,
            });
            for (const router of [bedrock.PromptRouter.fromDefaultId(D.ANTHROPIC_CLAUDE_V1, "us-east-1"), custom]) {
                throwsExactly(
                    () => router.metric("Nope" as never),
                    'PromptRouter.metric: name "Nope" is not a Bedrock runtime metric (one of InputTokenCount, InvocationClientErrors, InvocationLatency, InvocationServerErrors, InvocationThrottles, Invocations, LegacyModelInvocations, OutputImageCount, OutputTokenCount)',
                );
                throwsExactly(
                    () => router.addAlarm("a", {} as never),
                    'PromptRouter.addAlarm "a": metric undefined is required (a Bedrock runtime metric name or a metric from metric())',
                );
            }
        });
    });

    describe("custom router", () => {
        const llama8 = M.META_LLAMA_3_1_8B_INSTRUCT_V1;
        const llama70 = M.META_LLAMA_3_1_70B_INSTRUCT_V1;

        it("renders aws-native IntelligentPromptRouter with model ARNs and the routing criteria", async () => {
            const profile70 = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: llama70 });
            const router = new bedrock.PromptRouter("router", {
                promptRouterName: "llama router",
                models: [llama8, profile70],
                fallbackModel: llama8,
                responseQualityDifference: 25,
                description: "Routes between Llama 3.1 8B and 70B",
                tags: { team: "ml" },
            });
            await settle();
            const component = rec.find("bedrock-genai:index:PromptRouter", "router");
            expect(component.custom).to.equal(false);
            const r = rec.find("aws-native:bedrock:IntelligentPromptRouter", "router");
            expect(r.inputs).to.deep.equal({
                promptRouterName: "llama router",
                description: "Routes between Llama 3.1 8B and 70B",
                models: [
                    { modelArn: "arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-1-8b-instruct-v1:0" },
                    { modelArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.meta.llama3-1-70b-instruct-v1:0` },
                ],
                fallbackModel: { modelArn: "arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-1-8b-instruct-v1:0" },
                routingCriteria: { responseQualityDifference: 25 },
                tags: [{ key: "team", value: "ml" }],
            });
            const arn = (await resolveOutput(router.promptRouterArn)) as string;
            expect(arn).to.equal("arn:aws:bedrock:us-east-1:123456789012:prompt-router/ivoeeqdykj2j");
            expect(await resolveOutput(router.invokableArn)).to.equal(arn);
            expect(router.routingModels).to.deep.equal([llama8, llama70]);
        });

        it("the fallback may be the second model, given as another reference to the same profile", async () => {
            const a = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: llama70 });
            const b = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: llama70 });
            new bedrock.PromptRouter("router", { promptRouterName: "r", models: [llama8, a], fallbackModel: b, responseQualityDifference: 0 });
            await settle();
            const r = rec.find("aws-native:bedrock:IntelligentPromptRouter", "router");
            expect(r.inputs.fallbackModel).to.deep.equal({
                modelArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.meta.llama3-1-70b-instruct-v1:0`,
            });
        });

        it("grantInvoke: invoke and GetPromptRouter on the router, and each model as its own grant allows", async () => {
            const profile70 = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: llama70 });
            const router = new bedrock.PromptRouter("router", {
                promptRouterName: "r",
                models: [llama8, profile70],
                fallbackModel: llama8,
                responseQualityDifference: 50,
            });
            router.grantInvoke("app-role");
            await settle();
            const arn = (await resolveOutput(router.promptRouterArn)) as string;
            const p70 = `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.meta.llama3-1-70b-instruct-v1:0`;
            const policies = policiesForRole(rec, "app-role");
            expect(policies.map((p) => p.name)).to.deep.equal(["app-role-bedrock"]);
            expect(grantsOf(policies[0].statements)).to.deep.equal(
                grantsOf([
                    { Effect: "Allow", Action: ["bedrock:GetPromptRouter"], Resource: [arn] },
                    viaProfile("meta.llama3-1-70b-instruct-v1:0", US, p70),
                    { Effect: "Allow", Action: INVOKE, Resource: ["arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-1-8b-instruct-v1:0", p70, arn] },
                    { Effect: "Allow", Action: [GET_PROFILE], Resource: [p70] },
                ]),
            );
            // The policies of a role given by name belong to no component: they are at the root.
            const policy = rec.find("aws:iam/rolePolicy:RolePolicy", "app-role-bedrock");
            expect(policy.parent).to.equal(undefined);
        });

        it("is refused as an application profile's source", () => {
            const router = bedrock.PromptRouter.fromDefaultId(D.ANTHROPIC_CLAUDE_V1, "us-east-1");
            throwsExactly(
                () => new bedrock.ApplicationInferenceProfile("p", { inferenceProfileName: "p", modelSource: router as never }),
                'ApplicationInferenceProfile "p": modelSource "<PromptRouter>" cannot be a prompt router: CloudFormation\'s ModelSource.CopyFrom takes a foundation model or a system-defined (cross-region) profile',
            );
        });

        const base = () => ({
            promptRouterName: "r",
            models: [llama8, llama70] as bedrock.IInvokable[],
            fallbackModel: llama8 as bedrock.IInvokable,
            responseQualityDifference: 10,
        });
        const cases: [string, () => Partial<bedrock.PromptRouterArgs>, string][] = [
            ["one model", () => ({ models: [llama8] }), 'models "1 models" must be a list of exactly two models of one family'],
            [
                "three models",
                () => ({ models: [llama8, llama70, M.META_LLAMA_3_2_1B_INSTRUCT_V1] }),
                'models "3 models" must be a list of exactly two models of one family',
            ],
            [
                "models of two families",
                () => ({ models: [llama8, M.AMAZON_NOVA_LITE_V1] }),
                'models ["meta.llama3-1-8b-instruct-v1:0","amazon.nova-lite-v1:0"] must be of one family (found meta.llama and amazon.nova)',
            ],
            [
                "the same model twice",
                () => ({ models: [llama8, llama8] }),
                'models[1] "meta.llama3-1-8b-instruct-v1:0" is the same as models[0]: a router needs two different models',
            ],
            [
                "a model that is not invokable",
                () => ({ models: [llama8, "meta.llama3" as never] }),
                'models[1] "meta.llama3" must be a foundation model, a cross-region profile or an application profile',
            ],
            [
                "a router among the models",
                () => ({ models: [llama8, bedrock.PromptRouter.fromDefaultId(D.META_LLAMA_3_1, "us-east-1")] }),
                'models[1] "<PromptRouter>" cannot be a prompt router: a router routes between models and profiles',
            ],
            [
                "a fallback outside the models",
                () => ({ fallbackModel: M.META_LLAMA_3_2_1B_INSTRUCT_V1 }),
                'fallbackModel "meta.llama3-2-1b-instruct-v1:0" must be one of models',
            ],
            ["a quality difference above 100", () => ({ responseQualityDifference: 101 }), "responseQualityDifference 101 must be between 0 and 100"],
            ["a negative quality difference", () => ({ responseQualityDifference: -1 }), "responseQualityDifference -1 must be between 0 and 100"],
            [
                "a bad name",
                () => ({ promptRouterName: "my  router!" }),
                'promptRouterName "my  router!" must match ^([0-9a-zA-Z][ _-]?)+$ (letters and digits, each followed by at most one space, underscore or hyphen)',
            ],
            ["a long name", () => ({ promptRouterName: "a".repeat(65) }), `promptRouterName "${"a".repeat(65)}" must have at most 64 characters (has 65)`],
            [
                "a bad description",
                () => ({ description: "routes, fast" }),
                'description "routes, fast" must match ^([0-9a-zA-Z:.][ _-]?)+$ (letters, digits, colons and periods, each followed by at most one space, underscore or hyphen)',
            ],
            ["an empty description", () => ({ description: "" }), 'description "" must not be empty'],
            ["a reserved tag", () => ({ tags: { "aws:x": "y" } }), 'tags[0].key "aws:x" must not start with the reserved prefix "aws:"'],
            ["bad inference settings", () => ({ inferenceConfiguration: { maxTokens: 0 } }), "inferenceConfiguration.maxTokens 0 must be between 1 and 512000"],
            [
                "Anthropic-only settings on Llama",
                () => ({ inferenceConfiguration: { anthropicVersion: "bedrock-2023-05-31" } }),
                'inferenceConfiguration.anthropicVersion "bedrock-2023-05-31" applies to Anthropic models only, but the model is not one (meta.llama3-1-8b-instruct-v1:0, meta.llama3-1-70b-instruct-v1:0)',
            ],
        ];
        for (const [what, change, message] of cases) {
            it(`refuses ${what} before registering anything`, async () => {
                throwsExactly(
                    () => new bedrock.PromptRouter("router", { ...base(), ...change() } as bedrock.PromptRouterArgs),
                    `PromptRouter "router": ${message}`,
                    bedrock.BedrockValidationError,
                );
                await settle();
                expect(rec.resources.filter((r) => r.name === "router")).to.deep.equal([]);
            });
        }

        it("keeps its inference settings for the variants that use it", () => {
            const router = new bedrock.PromptRouter("router", { ...base(), inferenceConfiguration: { maxTokens: 800, stopSequences: ["END"] } });
            expect(router.inferenceConfiguration).to.deep.equal({ maxTokens: 800, stopSequences: ["END"] });
            expect(bedrock.modelFamily(M.ANTHROPIC_CLAUDE_HAIKU_V1_0)).to.equal("anthropic.claude");
            expect(bedrock.modelFamily(M.MISTRAL_MIXTRAL_8X7B_INSTRUCT_V0)).to.equal("mistral.mixtral");
        });
    });

    describe("custom router: models known only at deploy, providers and parents", () => {
        const llama8 = M.META_LLAMA_3_1_8B_INSTRUCT_V1;
        const llama70 = M.META_LLAMA_3_1_70B_INSTRUCT_V1;
        const imported = (id: string) =>
            bedrock.ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes({
                inferenceProfileArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/${id}`,
                inferenceProfileIdentifier: id,
            });

        it("with one model not known before deploy: routingModels holds the known one, and Anthropic-only or topK settings are not checked", () => {
            const app = imported("abcd1234wxyz");
            const router = new bedrock.PromptRouter("router", {
                promptRouterName: "r",
                models: [llama8, app],
                fallbackModel: app,
                responseQualityDifference: 10,
                inferenceConfiguration: { anthropicVersion: "bedrock-2023-05-31", topK: 3 },
            });
            expect(router.routingModels).to.deep.equal([llama8]);
            expect(router.inferenceConfiguration).to.deep.equal({ anthropicVersion: "bedrock-2023-05-31", topK: 3 });
        });

        const refusals: [string, () => bedrock.PromptRouterArgs, string][] = [
            [
                "topK on two Llama models",
                () => ({
                    promptRouterName: "r",
                    models: [llama8, llama70],
                    fallbackModel: llama8,
                    responseQualityDifference: 1,
                    inferenceConfiguration: { topK: 3 },
                }),
                "inferenceConfiguration.topK 3 is not a request field of meta.llama3-1-8b-instruct-v1:0, meta.llama3-1-70b-instruct-v1:0: the model's request has no top-k parameter",
            ],
            [
                "the same imported profile object twice",
                () => {
                    const app = imported("abcd1234wxyz");
                    return { promptRouterName: "r", models: [app, app], fallbackModel: app, responseQualityDifference: 1 };
                },
                'models[1] "<model>" is the same as models[0]: a router needs two different models',
            ],
            [
                "a fallback that is not invokable",
                () => ({
                    promptRouterName: "r",
                    models: [imported("abcd1234wxyz"), imported("abcd1234wxyq")],
                    fallbackModel: "x" as never,
                    responseQualityDifference: 1,
                }),
                'fallbackModel "x" must be one of models',
            ],
            [
                "an imported fallback outside the models",
                () => ({
                    promptRouterName: "r",
                    models: [llama8, imported("abcd1234wxyz")],
                    fallbackModel: imported("abcd1234wxyq"),
                    responseQualityDifference: 1,
                }),
                'fallbackModel "<model>" must be one of models',
            ],
            [
                "the us. profile of one model twice, through two providers",
                () => {
                    const west = new awsnative.Provider("west", { region: "us-west-2" });
                    return {
                        promptRouterName: "r",
                        models: [
                            bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: llama70 }),
                            bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: llama70 }, { provider: west }),
                        ],
                        fallbackModel: llama8,
                        responseQualityDifference: 1,
                    };
                },
                'models[1] "meta.llama3-1-70b-instruct-v1:0" is the same as models[0]: a router needs two different models',
            ],
        ];
        for (const [what, args, message] of refusals) {
            it(`refuses ${what}`, () => {
                throwsExactly(() => new bedrock.PromptRouter("router", args()), `PromptRouter "router": ${message}`, bedrock.BedrockValidationError);
            });
        }

        it("the family of a model whose name starts with a digit is its whole id", () => {
            expect(bedrock.modelFamily(new M("acme.3x-model"))).to.equal("acme.3x-model");
        });

        it("under an explicit provider: model ARNs in the provider's Region; the resource is the component's child; the component registers its ARN", async () => {
            const eu = new awsnative.Provider("eu", { region: "eu-west-1" });
            new bedrock.PromptRouter(
                "router",
                { promptRouterName: "r", models: [llama8, llama70], fallbackModel: llama70, responseQualityDifference: 1 },
                { providers: [eu] },
            );
            await settle();
            const component = rec.find("bedrock-genai:index:PromptRouter", "router");
            expect(component.outputs).to.deep.equal({ promptRouterArn: "arn:aws:bedrock:eu-west-1:123456789012:prompt-router/ivoeeqdykj2j" });
            const resource = rec.find("aws-native:bedrock:IntelligentPromptRouter", "router");
            expect(resource.parent).to.equal("urn:pulumi:stack::project::bedrock-genai:index:PromptRouter::router");
            expect(resource.inputs).to.deep.equal({
                promptRouterName: "r",
                models: [
                    { modelArn: "arn:aws:bedrock:eu-west-1::foundation-model/meta.llama3-1-8b-instruct-v1:0" },
                    { modelArn: "arn:aws:bedrock:eu-west-1::foundation-model/meta.llama3-1-70b-instruct-v1:0" },
                ],
                fallbackModel: { modelArn: "arn:aws:bedrock:eu-west-1::foundation-model/meta.llama3-1-70b-instruct-v1:0" },
                routingCriteria: { responseQualityDifference: 1 },
            });
        });

        it("sizes policies before deploy with the longest ARN a custom router can have", () => {
            const router = new bedrock.PromptRouter("router", {
                promptRouterName: "r",
                models: [llama8, llama70],
                fallbackModel: llama8,
                responseQualityDifference: 1,
            });
            router.accessTarget();
            // The placeholder accessTarget made (the same Output always gets the same one): its label and its bound.
            const token = symbolic(router.promptRouterArn, "probe", 0);
            // arn:aws-us-gov:bedrock:<14-character Region>:<12 digits>:prompt-router/<32 characters> is 97 characters.
            expect([symbolLabels(token), maxLength(token)]).to.deep.equal([["prompt-router/router"], 97]);
        });
    });
});
