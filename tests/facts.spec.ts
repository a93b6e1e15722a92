/**
 * One test per fact this package takes from AWS's (or Anthropic's) pages; each names its source.
 */
import { expect } from "chai";
import { setBedrockMocks, settle, statementsForRole, policiesForRole, resolveOutput, type MockRecorder } from "../components/testing/testing";
import { decisions, defaultKeyPolicy } from "./support/iam-eval";
import * as bedrock from "../sdk/nodejs";
import { checkTopK, topKFormOf, toPromptInferenceShapes } from "../components/core/inference-configuration";
import { marketplaceSubscriptionStatements, isMarketplaceProductId } from "../components/iam/statements/marketplace";
import { agentKeyStatements, guardrailKeyStatements, promptKeyStatements } from "../components/iam/statements/kms";
import { promptRunStatements } from "../components/iam/statements/prompt";
import { regionProblem } from "../components/iam/region-check";
import { browserStatements, codeInterpreterStatements, gatewayStatements, memoryStatements } from "../components/iam/statements/agentcore";
import { throwsExactly } from "./support/errors";

const M = bedrock.BedrockFoundationModel;
const G = bedrock.CrossRegionInferenceProfileRegion;
const ACCOUNT = "123456789012";
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const INSTRUCTION = "You are a helpful and friendly agent that answers questions about agriculture.";

describe("facts: per-model geographies", () => {
    const REGIONAL = "https://docs.aws.amazon.com/bedrock/latest/userguide/models-region-compatibility.html";
    const ANTHROPIC = "https://platform.claude.com/docs/en/build-with-claude/claude-on-amazon-bedrock";
    // [model, listed, refused (a cited source says none), source the entry must cite]. Where AWS's pages and
    // Anthropic's table disagree, AWS's word wins.
    const table: [bedrock.BedrockFoundationModel, string[], string[], string][] = [
        // AWS's model card lists us., eu., au., jp., in. and global. (Anthropic's table said no jp).
        [
            M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0,
            ["us", "eu", "au", "jp", "in", "global"],
            ["apac", "ca", "us-gov"],
            "https://docs.aws.amazon.com/bedrock/latest/userguide/model-card-anthropic-claude-haiku-4-5.html",
        ],
        // Regional availability: no Geo inference from Tokyo or Osaka (Anthropic's table said jp); Geo from Auckland (au).
        [M.ANTHROPIC_CLAUDE_OPUS_4_6_V1, ["global", "us", "eu", "apac", "au"], ["jp", "in", "us-gov"], REGIONAL],
        [M.ANTHROPIC_CLAUDE_SONNET_4_6, ["global", "us", "eu", "jp", "au"], ["apac", "in", "us-gov"], REGIONAL],
        [M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0, ["us", "eu", "jp", "au", "global", "us-gov"], ["apac", "ca", "in"], REGIONAL],
        [M.ANTHROPIC_CLAUDE_SONNET_4_V1_0, ["global", "us", "eu", "apac"], ["jp", "ca", "us-gov"], ANTHROPIC],
        [M.ANTHROPIC_CLAUDE_3_7_SONNET_V1_0, ["us", "eu", "apac", "us-gov"], ["global", "jp", "au", "ca"], ANTHROPIC],
        [M.ANTHROPIC_CLAUDE_OPUS_4_5_V1_0, ["global", "us", "eu"], ["jp", "apac", "au", "ca", "in", "us-gov"], REGIONAL],
        [M.ANTHROPIC_CLAUDE_OPUS_4_1_V1_0, ["us"], ["global", "eu", "jp", "apac", "au"], REGIONAL],
        [M.ANTHROPIC_CLAUDE_OPUS_4_V1_0, ["us"], ["global", "eu", "jp", "apac", "au"], REGIONAL],
        [M.ANTHROPIC_CLAUDE_3_5_HAIKU_V1_0, ["us"], ["global", "eu", "jp", "apac"], ANTHROPIC],
        // Regional availability: Geo inference from US and Asia Pacific Regions only: no eu. profile.
        [M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0, ["us", "apac"], ["eu", "global", "jp", "ca", "us-gov"], REGIONAL],
        [M.ANTHROPIC_CLAUDE_HAIKU_V1_0, ["us", "us-gov", "eu", "apac"], ["global", "jp", "au", "ca", "in"], REGIONAL],
    ];
    for (const [m, yes, no, source] of table) {
        it(`${m.modelId}: profiles in ${yes.join(", ")}; none in ${no.join(", ")} (${source.split("/").pop()})`, () => {
            for (const g of yes) expect(m.profileStatus(g), g).to.equal("listed");
            for (const g of no) expect(m.profileStatus(g), g).to.equal("not-listed");
            expect(m.sources).to.include(source);
        });
    }

    it("a geography no cited source settles is undocumented: accepted, with a warning (Sonnet 4: au and in; Sonnet 4.6: ca)", () => {
        for (const g of ["au", "in"]) expect(M.ANTHROPIC_CLAUDE_SONNET_4_V1_0.profileStatus(g), g).to.equal("undocumented");
        expect(M.ANTHROPIC_CLAUDE_SONNET_4_6.profileStatus("ca")).to.equal("undocumented");
        expect(M.ANTHROPIC_CLAUDE_SONNET_4_V1_0.hasProfileIn("au")).to.equal(true);
        expect(M.ANTHROPIC_CLAUDE_SONNET_4_V1_0.hasProfileIn("jp")).to.equal(false);
    });

    it("Claude Sonnet 4.6 has no apac. profile: CrossRegionInferenceProfile refuses it, naming the geographies listed, the sources and the override", () => {
        throwsExactly(
            () => bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.APAC, model: M.ANTHROPIC_CLAUDE_SONNET_4_6 }),
            `CrossRegionInferenceProfile.fromConfig: model "anthropic.claude-sonnet-4-6" has no apac. cross-region profile: the catalog's sources list profiles in global, us, eu, jp, au (${ANTHROPIC}; ${REGIONAL}); if AWS serves one, declare it: BedrockFoundationModel.ANTHROPIC_CLAUDE_SONNET_4_6.withGeographies(["apac"])`,
        );
    });

    it("where sources disagree, every geography any source lists is accepted (Sonnet 5.5: the model card's global and the profile list's us)", () => {
        expect([...(M.ANTHROPIC_CLAUDE_SONNET_5_5.crossRegionGeographies ?? [])]).to.deep.equal(["global", "us"]);
    });

    it("the in. geography: GPT-5.6 Terra and Luna, Llama 4 Maverick and Claude Haiku 4.5 have in. profiles, callable from ap-south-1 and ap-south-2", () => {
        for (const m of [M.OPENAI_GPT_5_6_TERRA, M.OPENAI_GPT_5_6_LUNA, M.META_LLAMA_4_MAVERICK_17B_INSTRUCT_V1, M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0])
            expect(m.hasProfileIn("in"), m.modelId).to.equal(true);
        expect(G.fromPrefix("in")).to.equal(G.IN);
        expect(G.IN.acceptsSourceRegion("ap-south-2")).to.equal(true);
        expect(G.IN.acceptsSourceRegion("ap-southeast-1")).to.equal(false);
    });
});

describe("facts: topK as each model takes it", () => {
    it("Anthropic: top_k (model-parameters-anthropic-claude-messages-request-response.html)", () => {
        expect(topKFormOf("anthropic.claude-3-haiku-20240307-v1:0")).to.equal("top_k");
        expect(toPromptInferenceShapes({ topK: 40 }, true, [M.ANTHROPIC_CLAUDE_HAIKU_V1_0]).additionalModelRequestFields).to.deep.equal({ top_k: 40 });
    });

    it("Amazon Nova: inferenceConfig.topK inside additionalModelRequestFields (nova2-userguide/core-inference.html)", () => {
        expect(topKFormOf("amazon.nova-pro-v1:0")).to.equal("nova");
        expect(toPromptInferenceShapes({ topK: 20, temperature: 0.1 }, false, [M.AMAZON_NOVA_PRO_V1])).to.deep.equal({
            inferenceConfiguration: { text: { temperature: 0.1 } },
            additionalModelRequestFields: { inferenceConfig: { topK: 20 } },
        });
    });

    it("Mistral text-completion models take top_k; Mistral chat-completion models take none (model-parameters-mistral-*.html)", () => {
        expect(topKFormOf(M.MISTRAL_7B_INSTRUCT_V0.modelId)).to.equal("top_k");
        expect(topKFormOf(M.MISTRAL_LARGE_2402_V1.modelId)).to.equal("top_k");
        expect(topKFormOf(M.MISTRAL_LARGE_2407_V1.modelId)).to.equal("none");
        expect(topKFormOf(M.MISTRAL_PIXTRAL_LARGE_2502_V1.modelId)).to.equal("none");
    });

    it("Meta Llama, Titan Text, Jamba, DeepSeek, OpenAI and embeddings models take no top-k (model-parameters-meta/titan-text/jamba/deepseek/openai.html)", () => {
        for (const m of [
            M.META_LLAMA_3_1_8B_INSTRUCT_V1,
            M.AMAZON_TITAN_TEXT_EXPRESS_V1,
            M.AI21_JAMBA_1_5_LARGE_V1,
            M.DEEPSEEK_R1_V1,
            M.OPENAI_GPT_OSS_20B_V1,
            M.TITAN_EMBED_TEXT_V2_1024,
            M.COHERE_EMBED_V4,
            M.AMAZON_NOVA2_MULTIMODAL_V1_1024,
        ])
            expect(topKFormOf(m.modelId), m.modelId).to.equal("none");
        throwsExactly(
            () => checkTopK({ component: "X" }, "cfg", { topK: 3 }, [M.META_LLAMA_3_1_8B_INSTRUCT_V1]),
            "X: cfg.topK 3 is not a request field of meta.llama3-1-8b-instruct-v1:0: the model's request has no top-k parameter",
        );
        expect(() => checkTopK({ component: "X" }, "cfg", { topK: 3 }, [M.ANTHROPIC_CLAUDE_HAIKU_V1_0])).to.not.throw();
    });

    it("a Nova prompt variant renders inferenceConfig.topK; a Claude one top_k", async () => {
        const rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
        new bedrock.Prompt("prompt", {
            promptName: "p",
            variants: [
                bedrock.PromptVariant.text({ variantName: "nova", promptText: "hi", model: M.AMAZON_NOVA_LITE_V1, inferenceConfiguration: { topK: 10 } }),
                bedrock.PromptVariant.text({
                    variantName: "claude",
                    promptText: "hi",
                    model: M.ANTHROPIC_CLAUDE_HAIKU_V1_0,
                    inferenceConfiguration: { topK: 10 },
                }),
            ],
        });
        await settle();
        const variants = rec.find("aws-native:bedrock:Prompt", "prompt").inputs.variants as { name: string; additionalModelRequestFields?: unknown }[];
        expect(variants.map((v) => [v.name, v.additionalModelRequestFields])).to.deep.equal([
            ["nova", { inferenceConfig: { topK: 10 } }],
            ["claude", { top_k: 10 }],
        ]);
    });
});

describe("facts: Marketplace subscription permissions", () => {
    // Sources: https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html (automatic model access),
    // https://docs.aws.amazon.com/bedrock/latest/userguide/model-access-permissions.html (the three actions; ProductId on Subscribe only).
    it("Subscribe (any product), Unsubscribe and ViewSubscriptions on *", () => {
        expect(marketplaceSubscriptionStatements()).to.deep.equal([
            { Effect: "Allow", Action: ["aws-marketplace:Subscribe"], Resource: ["*"] },
            { Effect: "Allow", Action: ["aws-marketplace:Unsubscribe", "aws-marketplace:ViewSubscriptions"], Resource: ["*"] },
        ]);
    });

    it("Subscribe restricted by aws-marketplace:ProductId when product ids are given; the other two are not (the condition key applies to Subscribe only)", () => {
        expect(marketplaceSubscriptionStatements(["prod-ozonys2hmmpeu", "prod-4dlfvry4v5hbi", "prod-ozonys2hmmpeu"])).to.deep.equal([
            {
                Effect: "Allow",
                Action: ["aws-marketplace:Subscribe"],
                Resource: ["*"],
                Condition: { "ForAnyValue:StringEquals": { "aws-marketplace:ProductId": ["prod-4dlfvry4v5hbi", "prod-ozonys2hmmpeu"] } },
            },
            { Effect: "Allow", Action: ["aws-marketplace:Unsubscribe", "aws-marketplace:ViewSubscriptions"], Resource: ["*"] },
        ]);
        expect(isMarketplaceProductId("c468b48a-84df-43a4-8c46-8870630108a7")).to.equal(true);
        expect(isMarketplaceProductId("prodview-ajc3gw4mjy7my")).to.equal(true);
        expect(isMarketplaceProductId("claude")).to.equal(false);
        // Anchored at both ends: a product id inside a longer string is not one.
        expect(isMarketplaceProductId("xprod-ozonys2hmmpeu")).to.equal(false);
        expect(isMarketplaceProductId("prod-ozonys2hmmpeu/x")).to.equal(false);
        expect(isMarketplaceProductId(42)).to.equal(false);
    });

    it("grantMarketplaceSubscription attaches exactly these statements to the role", async () => {
        const rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
        bedrock.grantMarketplaceSubscription("first-caller", { productIds: ["prod-ozonys2hmmpeu"] });
        await settle();
        expect(statementsForRole(rec, "first-caller")).to.deep.equal([
            {
                Effect: "Allow",
                Action: ["aws-marketplace:Subscribe"],
                Resource: ["*"],
                Condition: { "ForAnyValue:StringEquals": { "aws-marketplace:ProductId": ["prod-ozonys2hmmpeu"] } },
            },
            { Effect: "Allow", Action: ["aws-marketplace:Unsubscribe", "aws-marketplace:ViewSubscriptions"], Resource: ["*"] },
        ]);
    });

    it('decided per model, from each model card, not per provider: GPT-5.6 Terra has a product id, gpt-oss has none ("Product ID N/A")', () => {
        expect(M.OPENAI_GPT_5_6_TERRA.marketplaceProductId).to.equal("prod-oxu3iqwrwktjm");
        expect(M.OPENAI_GPT_5_6_TERRA.sources).to.include("https://docs.aws.amazon.com/bedrock/latest/userguide/model-card-openai-gpt-56-terra.html");
        expect(M.OPENAI_GPT_OSS_120B_V1.marketplaceProductId).to.equal(null);
        expect(M.OPENAI_GPT_OSS_120B_V1.sources).to.include("https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-openai.html");
        expect(M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0.marketplaceProductId).to.equal("prod-xdkflymybwmvi");
        expect(M.AMAZON_NOVA_PRO_V1.marketplaceProductId).to.equal(null);
        // Not read from a model card: not documented.
        expect(M.OPENAI_GPT_5_6_SOL.marketplaceProductId).to.equal(undefined);
    });

    it("grantMarketplaceSubscription({ models }) restricts Subscribe to their product ids, and refuses a model without one, naming it", async () => {
        const rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
        bedrock.grantMarketplaceSubscription("first-caller", { models: [M.OPENAI_GPT_5_6_TERRA, M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0] });
        await settle();
        expect(statementsForRole(rec, "first-caller")).to.deep.equal([
            {
                Effect: "Allow",
                Action: ["aws-marketplace:Subscribe"],
                Resource: ["*"],
                Condition: { "ForAnyValue:StringEquals": { "aws-marketplace:ProductId": ["prod-oxu3iqwrwktjm", "prod-xdkflymybwmvi"] } },
            },
            { Effect: "Allow", Action: ["aws-marketplace:Unsubscribe", "aws-marketplace:ViewSubscriptions"], Resource: ["*"] },
        ]);
        throwsExactly(
            () => bedrock.grantMarketplaceSubscription("r", { models: [M.OPENAI_GPT_OSS_20B_V1] }),
            'grantMarketplaceSubscription: models[0] "openai.gpt-oss-20b-1:0" is not sold through AWS Marketplace (its model card gives no product id): its first call needs no subscription',
        );
        throwsExactly(
            () => bedrock.grantMarketplaceSubscription("r", { models: [M.OPENAI_GPT_5_6_SOL] }),
            'grantMarketplaceSubscription: models[0] "openai.gpt-5.6-sol" has no Marketplace product id in the catalog: give it in productIds (its model card lists it)',
        );
    });

    it("nothing Marketplace is granted unless asked", async () => {
        const rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
        M.ANTHROPIC_CLAUDE_HAIKU_V1_0.grantInvoke("app");
        await settle();
        expect(
            statementsForRole(rec, "app")
                .flatMap((s) => s.Action)
                .filter((a) => a.startsWith("aws-marketplace:")),
        ).to.deep.equal([]);
    });
});

describe("facts: KMS statements", () => {
    it("agent key: kms:Decrypt and kms:GenerateDataKey on the key (agents-permissions.html, encryption-agents.html)", () => {
        expect(agentKeyStatements(KEY)).to.deep.equal([{ Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: [KEY] }]);
    });

    it("guardrail key: kms:Decrypt on the key (guardrails-permissions-kms.html, users' permissions)", () => {
        expect(guardrailKeyStatements(KEY)).to.deep.equal([{ Effect: "Allow", Action: ["kms:Decrypt"], Resource: [KEY] }]);
    });

    it("prompt key: kms:GenerateDataKey and kms:Decrypt on the key with aws:ResourceAccount (prompt-management-prereq.html, KMSPermissions)", () => {
        expect(promptKeyStatements(KEY, ACCOUNT)).to.deep.equal([
            {
                Effect: "Allow",
                Action: ["kms:Decrypt", "kms:GenerateDataKey"],
                Resource: [KEY],
                Condition: { StringEquals: { "aws:ResourceAccount": [ACCOUNT] } },
            },
        ]);
    });
});

describe("facts: running a prompt", () => {
    // Source: https://docs.aws.amazon.com/bedrock/latest/userguide/inference-prereq.html (InvokeModel for invocation,
    // RenderPrompt for a prompt from Prompt management); Converse takes the prompt's ARN as modelId
    // (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html).
    it("invoke and RenderPrompt on the prompt ARN", () => {
        const arn = `arn:aws:bedrock:us-east-1:${ACCOUNT}:prompt/PROMPT1234`;
        expect(promptRunStatements([arn])).to.deep.equal([
            { Effect: "Allow", Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "bedrock:RenderPrompt"], Resource: [arn] },
        ]);
    });

    it("prompt.grantRun: the prompt, each variant's model as its own grant allows, and the prompt's key", async () => {
        const rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
        const prompt = new bedrock.Prompt("prompt", {
            promptName: "p",
            kmsKey: KEY,
            variants: [bedrock.PromptVariant.text({ variantName: "v", promptText: "hi", model: M.ANTHROPIC_CLAUDE_HAIKU_V1_0 })],
        });
        prompt.grantRun("runner");
        await settle();
        expect(await resolveOutput(prompt.promptArn)).to.equal("arn:aws:bedrock:us-east-1:123456789012:prompt/1HZGKOTL4V");
        expect(statementsForRole(rec, "runner")).to.deep.equal([
            {
                Effect: "Allow",
                Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "bedrock:RenderPrompt"],
                Resource: ["arn:aws:bedrock:us-east-1:123456789012:prompt/1HZGKOTL4V"],
            },
            {
                Effect: "Allow",
                Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                Resource: ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"],
            },
            {
                Effect: "Allow",
                Action: ["kms:Decrypt", "kms:GenerateDataKey"],
                Resource: ["arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"],
                Condition: { StringEquals: { "aws:ResourceAccount": ["123456789012"] } },
            },
        ]);
    });

    it("version.grantRun: the version ARN, and the variants' models", async () => {
        const rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
        const prompt = new bedrock.Prompt("prompt", {
            promptName: "p",
            variants: [bedrock.PromptVariant.text({ variantName: "v", promptText: "hi", model: M.AMAZON_NOVA_LITE_V1 })],
        });
        const version = prompt.createVersion();
        version.grantRun("runner");
        await settle();
        expect(await resolveOutput(version.versionArn)).to.equal("arn:aws:bedrock:us-east-1:123456789012:prompt/1HZGKOTL4V:1");
        expect(statementsForRole(rec, "runner")).to.deep.equal([
            {
                Effect: "Allow",
                Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "bedrock:RenderPrompt"],
                Resource: ["arn:aws:bedrock:us-east-1:123456789012:prompt/1HZGKOTL4V:1"],
            },
            {
                Effect: "Allow",
                Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                Resource: ["arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0"],
            },
        ]);
    });
});

describe("facts: agents", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
    });

    // Source: https://docs.aws.amazon.com/bedrock/latest/userguide/agents-supported.html ("Amazon Bedrock Agents supports
    // all models supported by Amazon Bedrock").
    for (const m of [
        M.OPENAI_GPT_OSS_120B_V1,
        M.QWEN_QWEN3_32B_V1,
        M.DEEPSEEK_V3_V1,
        M.AMAZON_NOVA_2_LITE_V1,
        M.META_LLAMA_3_1_405B_INSTRUCT_V1,
        M.MISTRAL_LARGE_3_675B_INSTRUCT,
    ]) {
        it(`accepts ${m.modelId} although the catalog does not list it for agents (supportsAgents ${m.supportsAgents})`, async () => {
            new bedrock.Agent("agent", { foundationModel: m, instruction: INSTRUCTION });
            await settle();
            expect(rec.find("aws-native:bedrock:Agent", "agent").inputs.foundationModel).to.equal(m.modelId);
        });
    }

    it("a customer key, a KMS-encrypted guardrail, knowledge bases and Marketplace: the service role gets exactly what AWS documents", async () => {
        const guardrailKey = `arn:aws:kms:us-east-1:${ACCOUNT}:key/abcdabcd-12ab-34cd-56ef-1234567890ab`;
        const agent = new bedrock.Agent("agent", {
            foundationModel: M.ANTHROPIC_CLAUDE_HAIKU_V1_0,
            instruction: INSTRUCTION,
            kmsKey: KEY,
            guardrail: { guardrailIdentifier: "abcdefgh1234", guardrailVersion: "1", kmsKey: { arn: guardrailKey } },
            knowledgeBases: [{ knowledgeBaseId: "KB12345678", description: "Crop data" }],
            marketplace: { productIds: ["prod-ozonys2hmmpeu"] },
        });
        await settle();
        const roleArn = (await resolveOutput(agent.roleArn)) as string;
        const policies = policiesForRole(rec, roleArn.split("/").pop() as string);
        // The whole document, nothing more: the model, the guardrail, the knowledge base, both keys, Marketplace.
        expect(policies.map((p) => [p.name, p.kind, JSON.parse(p.json)])).to.deep.equal([
            [
                "agent-role-bedrock",
                "inline",
                {
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Action: "aws-marketplace:Subscribe",
                            Resource: "*",
                            Condition: { "ForAnyValue:StringEquals": { "aws-marketplace:ProductId": "prod-ozonys2hmmpeu" } },
                        },
                        { Effect: "Allow", Action: ["aws-marketplace:Unsubscribe", "aws-marketplace:ViewSubscriptions"], Resource: "*" },
                        { Effect: "Allow", Action: "bedrock:ApplyGuardrail", Resource: "arn:aws:bedrock:us-east-1:123456789012:guardrail/abcdefgh1234" },
                        {
                            Effect: "Allow",
                            Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                            Resource: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
                        },
                        { Effect: "Allow", Action: "bedrock:Retrieve", Resource: "arn:aws:bedrock:us-east-1:123456789012:knowledge-base/KB12345678" },
                        {
                            Effect: "Allow",
                            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
                            Resource: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                        },
                        { Effect: "Allow", Action: "kms:Decrypt", Resource: "arn:aws:kms:us-east-1:123456789012:key/abcdabcd-12ab-34cd-56ef-1234567890ab" },
                    ],
                },
            ],
        ]);
        // What IAM makes of it: the keys for what AWS documents, and nothing next to it.
        const principal = { account: ACCOUNT, partition: "aws" };
        const keyPolicy = defaultKeyPolicy(ACCOUNT);
        const otherKey = "arn:aws:kms:us-east-1:123456789012:key/99999999-12ab-34cd-56ef-1234567890ab";
        expect(
            await decisions(
                policies.map((p) => p.json),
                [
                    { action: "kms:GenerateDataKey", resource: KEY, resourcePolicy: keyPolicy },
                    { action: "kms:Decrypt", resource: guardrailKey, resourcePolicy: keyPolicy },
                    { action: "kms:GenerateDataKey", resource: guardrailKey, resourcePolicy: keyPolicy },
                    { action: "kms:Decrypt", resource: otherKey, resourcePolicy: keyPolicy },
                    { action: "kms:Encrypt", resource: KEY, resourcePolicy: keyPolicy },
                    { action: "kms:CreateGrant", resource: KEY, resourcePolicy: keyPolicy },
                    { action: "bedrock:RetrieveAndGenerate", resource: "*" },
                ],
                principal,
            ),
        ).to.deep.equal([
            `Allowed kms:GenerateDataKey ${KEY}`,
            `Allowed kms:Decrypt ${guardrailKey}`,
            `ImplicitlyDenied kms:GenerateDataKey ${guardrailKey}`,
            `ImplicitlyDenied kms:Decrypt ${otherKey}`,
            `ImplicitlyDenied kms:Encrypt ${KEY}`,
            `ImplicitlyDenied kms:CreateGrant ${KEY}`,
            "ImplicitlyDenied bedrock:RetrieveAndGenerate *",
        ]);
        expect(rec.find("aws-native:bedrock:Agent", "agent").inputs.customerEncryptionKeyArn).to.equal(KEY);
    });
});

describe("facts: one Region per resource", () => {
    // Source: https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html (source Regions of a profile).
    it("a system profile from a Region outside its geography, a model or profile ARN in another Region", () => {
        const eu = `arn:aws:bedrock:eu-west-1:${ACCOUNT}:inference-profile/eu.anthropic.claude-3-haiku-20240307-v1:0`;
        expect(regionProblem({ kind: "foundation-model", partition: "aws", region: "eu-west-1", modelId: "m.x" }, "us-east-1")).to.equal(
            "is a foundation model in Region eu-west-1",
        );
        expect(
            regionProblem(
                { kind: "system-profile", arn: eu, partition: "aws", sourceRegion: "eu-west-1", modelId: "m.x", destinationRegions: [], global: false },
                "eu-west-1",
            ),
        ).to.equal(undefined);
        expect(
            regionProblem(
                {
                    kind: "application-profile",
                    arn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/abcdefghij12`,
                    arnPattern: `arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/*`,
                    partition: "aws",
                },
                "us-east-1",
            ),
        ).to.equal(undefined);
        expect(
            regionProblem(
                {
                    kind: "application-profile",
                    arn: "«application-inference-profile/x»",
                    arnPattern: "«application-inference-profile-pattern/x»",
                    partition: "aws",
                    source: {
                        kind: "system-profile",
                        arn: eu,
                        partition: "aws",
                        sourceRegion: "eu-west-1",
                        modelId: "m.x",
                        destinationRegions: [],
                        global: false,
                    },
                },
                "us-east-1",
            ),
        ).to.equal("is an application profile whose source is a system-defined profile in Region eu-west-1");
    });

    it("an agent in eu-west-1 on an eu. profile of its own Region is accepted", async () => {
        const rec = setBedrockMocks({ region: "eu-west-1", accountId: ACCOUNT, config: { "aws-native:region": "eu-west-1" } });
        const profile = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.EU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
        new bedrock.Agent("agent", { foundationModel: profile, instruction: INSTRUCTION });
        await settle();
        expect(rec.find("aws-native:bedrock:Agent", "agent").inputs.foundationModel).to.equal(
            `arn:aws:bedrock:eu-west-1:${ACCOUNT}:inference-profile/eu.anthropic.claude-sonnet-4-5-20250929-v1:0`,
        );
    });
});

describe("facts: AgentCore tool statements", () => {
    // IAM refuses a statement whose Resource is empty: a harness without a tool of a kind gets no statement for it.
    it("no gateway, code interpreter, browser or memory: no statement", () => {
        expect(gatewayStatements([])).to.deep.equal([]);
        expect(codeInterpreterStatements([])).to.deep.equal([]);
        expect(browserStatements([])).to.deep.equal([]);
        expect(memoryStatements([])).to.deep.equal([]);
    });
});
