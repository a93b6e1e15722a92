import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as awsnative from "@pulumi/aws-native";
import { setBedrockMocks, resolveOutput, settle, policiesForRole, type MockRecorder } from "../components/testing/testing";
import * as bedrock from "../sdk/nodejs";
import { contentHash } from "../components/core/content-hash";
import { maxLength, symbolic, symbolLabels } from "../components/core/symbols";
import { decisions } from "./support/iam-eval";
import { throwsExactly } from "./support/errors";

const M = bedrock.BedrockFoundationModel;
const G = bedrock.CrossRegionInferenceProfileRegion;
const D = bedrock.DefaultPromptRouterIdentifier;
const ACCOUNT = "123456789012";
const ALIAS = `arn:aws:bedrock:us-east-1:${ACCOUNT}:agent-alias/ABCDEFGHIJ/KLMNOPQRST`;

function promptInputs(rec: MockRecorder, name = "prompt"): Record<string, any> {
    return rec.find("aws-native:bedrock:Prompt", name).inputs;
}

describe("Prompt", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
    });

    describe("variants", () => {
        it("the seed's example: a text variant on a default router", async () => {
            const variant = bedrock.PromptVariant.text({
                variantName: "variant1",
                promptText: "What is the capital of France?",
                model: bedrock.PromptRouter.fromDefaultId(D.ANTHROPIC_CLAUDE_V1, "us-east-1"),
            });
            const prompt = new bedrock.Prompt("prompt", { promptName: "prompt-router-test", variants: [variant] });
            await settle();
            expect(rec.find("bedrock-genai:index:Prompt", "prompt").custom).to.equal(false);
            expect(promptInputs(rec)).to.deep.equal({
                name: "prompt-router-test",
                variants: [
                    {
                        name: "variant1",
                        templateType: "TEXT",
                        modelId: `arn:aws:bedrock:us-east-1:${ACCOUNT}:default-prompt-router/anthropic.claude:1`,
                        templateConfiguration: { text: { text: "What is the capital of France?" } },
                    },
                ],
            });
            expect(await resolveOutput(prompt.promptArn)).to.equal("arn:aws:bedrock:us-east-1:123456789012:prompt/1HZGKOTL4V");
            expect(await resolveOutput(prompt.promptId)).to.equal("1HZGKOTL4V");
        });

        it("a text variant on each kind of model renders the model's ARN as modelId", async () => {
            const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.AMAZON_NOVA_PRO_V1 });
            const app = new bedrock.ApplicationInferenceProfile("app", { inferenceProfileName: "app", modelSource: M.AMAZON_NOVA_LITE_V1 });
            const imported = bedrock.ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes({
                inferenceProfileArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/abcd1234wxyz`,
                inferenceProfileIdentifier: "abcd1234wxyz",
            });
            const router = new bedrock.PromptRouter("router", {
                promptRouterName: "nova",
                models: [M.AMAZON_NOVA_LITE_V1, M.AMAZON_NOVA_PRO_V1],
                fallbackModel: M.AMAZON_NOVA_LITE_V1,
                responseQualityDifference: 10,
            });
            const models: [string, bedrock.IInvokable][] = [
                ["model", M.AMAZON_NOVA_MICRO_V1],
                ["cris", cris],
                ["app", app],
                ["imported", imported],
                ["router", router],
            ];
            for (const [n, model] of models) {
                new bedrock.Prompt(`p-${n}`, { promptName: n, variants: [bedrock.PromptVariant.text({ variantName: "v", model, promptText: "Hi" })] });
            }
            await settle();
            const appArn = await resolveOutput(app.inferenceProfileArn);
            const routerArn = await resolveOutput(router.promptRouterArn);
            const expected: Record<string, string> = {
                model: "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0",
                cris: `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.amazon.nova-pro-v1:0`,
                app: appArn as string,
                imported: `arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/abcd1234wxyz`,
                router: routerArn as string,
            };
            for (const [n] of models) {
                expect(promptInputs(rec, `p-${n}`).variants).to.deep.equal([
                    { name: "v", templateType: "TEXT", modelId: expected[n], templateConfiguration: { text: { text: "Hi" } } },
                ]);
            }
            expect(appArn).to.equal("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/rg0e499dzum7");
            expect(routerArn).to.equal("arn:aws:bedrock:us-east-1:123456789012:prompt-router/ivoeeqdykj2j");
        });

        it("a text variant with variables and its own inference settings", async () => {
            const v = bedrock.PromptVariant.text({
                variantName: "summary",
                model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
                promptText: "Summarize {{document}} for {{audience}}",
                promptVariables: ["document", "audience"],
                inferenceConfiguration: {
                    temperature: 0.1,
                    topP: 0.9,
                    maxTokens: 2000,
                    stopSequences: ["</summary>"],
                    topK: 50,
                    anthropicVersion: "bedrock-2023-05-31",
                    responseFormat: { type: "text" },
                },
            });
            new bedrock.Prompt("prompt", { promptName: "summary", variants: [v], defaultVariant: v, description: "Summaries", tags: { team: "ml" } });
            await settle();
            expect(promptInputs(rec)).to.deep.equal({
                name: "summary",
                description: "Summaries",
                defaultVariant: "summary",
                tags: { team: "ml" },
                variants: [
                    {
                        name: "summary",
                        templateType: "TEXT",
                        modelId: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0",
                        templateConfiguration: {
                            text: { text: "Summarize {{document}} for {{audience}}", inputVariables: [{ name: "document" }, { name: "audience" }] },
                        },
                        inferenceConfiguration: { text: { temperature: 0.1, topP: 0.9, maxTokens: 2000, stopSequences: ["</summary>"] } },
                        additionalModelRequestFields: { top_k: 50, anthropic_version: "bedrock-2023-05-31", response_format: { type: "text" } },
                    },
                ],
            });
        });

        it("a chat variant: messages, system prompt, tools and variables", async () => {
            const v = bedrock.PromptVariant.chat({
                variantName: "chat",
                model: M.AMAZON_NOVA_PRO_V1,
                system: "You are a travel agent.",
                messages: [
                    { role: "user", text: "I want to visit {{city}}." },
                    { role: "assistant", text: "When?" },
                    { role: "user", text: "In {{month}}." },
                ],
                promptVariables: ["city", "month"],
                toolConfiguration: {
                    tools: [
                        {
                            name: "get_weather",
                            description: "Weather in a city",
                            inputSchema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
                        },
                        { name: "book", inputSchema: { type: "object" } },
                    ],
                    toolChoice: { tool: "get_weather" },
                },
                inferenceConfiguration: { maxTokens: 300 },
            });
            new bedrock.Prompt("prompt", { promptName: "travel", variants: [v] });
            await settle();
            expect(promptInputs(rec).variants).to.deep.equal([
                {
                    name: "chat",
                    templateType: "CHAT",
                    modelId: "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0",
                    templateConfiguration: {
                        chat: {
                            messages: [
                                { role: "user", content: [{ text: "I want to visit {{city}}." }] },
                                { role: "assistant", content: [{ text: "When?" }] },
                                { role: "user", content: [{ text: "In {{month}}." }] },
                            ],
                            system: [{ text: "You are a travel agent." }],
                            toolConfiguration: {
                                tools: [
                                    {
                                        toolSpec: {
                                            name: "get_weather",
                                            description: "Weather in a city",
                                            inputSchema: { json: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } },
                                        },
                                    },
                                    { toolSpec: { name: "book", inputSchema: { json: { type: "object" } } } },
                                ],
                                toolChoice: { tool: { name: "get_weather" } },
                            },
                            inputVariables: [{ name: "city" }, { name: "month" }],
                        },
                    },
                    inferenceConfiguration: { text: { maxTokens: 300 } },
                },
            ]);
        });

        it("tool choices auto and any", async () => {
            const tools = [{ name: "t", inputSchema: {} }];
            const auto = bedrock.PromptVariant.chat({
                variantName: "a",
                model: M.AMAZON_NOVA_PRO_V1,
                messages: [{ role: "user", text: "x" }],
                toolConfiguration: { tools, toolChoice: "auto" },
            });
            const any = bedrock.PromptVariant.chat({
                variantName: "b",
                model: M.AMAZON_NOVA_PRO_V1,
                messages: [{ role: "user", text: "x" }],
                toolConfiguration: { tools, toolChoice: "any" },
            });
            new bedrock.Prompt("prompt", { promptName: "tools", variants: [auto, any] });
            await settle();
            expect(promptInputs(rec).variants.map((v: any) => v.templateConfiguration.chat.toolConfiguration.toolChoice)).to.deep.equal([
                { auto: {} },
                { any: {} },
            ]);
        });

        it("an agent variant: no model, the alias as genAiResource", async () => {
            const v = bedrock.PromptVariant.agent({
                variantName: "agent",
                agentAlias: ALIAS,
                promptText: "Book a trip to {{city}}",
                promptVariables: ["city"],
            });
            const viaObject = bedrock.PromptVariant.agent({ variantName: "agent2", agentAlias: { agentAliasArn: ALIAS }, promptText: "Hi" });
            expect(v.model).to.equal(undefined);
            expect(v.inferenceConfiguration).to.equal(undefined);
            new bedrock.Prompt("prompt", { promptName: "agentic", variants: [v, viaObject] });
            await settle();
            expect(promptInputs(rec).variants).to.deep.equal([
                {
                    name: "agent",
                    templateType: "TEXT",
                    templateConfiguration: { text: { text: "Book a trip to {{city}}", inputVariables: [{ name: "city" }] } },
                    genAiResource: { agent: { agentIdentifier: ALIAS } },
                },
                { name: "agent2", templateType: "TEXT", templateConfiguration: { text: { text: "Hi" } }, genAiResource: { agent: { agentIdentifier: ALIAS } } },
            ]);
        });
    });

    describe("render: a variant renders only the properties that are set", () => {
        it("a text variant without variables or settings: no inputVariables, inferenceConfiguration or additionalModelRequestFields keys", async () => {
            const { modelId, ...rest } = bedrock.PromptVariant.text({ variantName: "v", model: M.AMAZON_NOVA_PRO_V1, promptText: "Hi" }).render();
            expect(rest).to.deep.equal({ name: "v", templateType: "TEXT", templateConfiguration: { text: { text: "Hi" } } });
            expect(await resolveOutput(modelId)).to.equal("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0");
        });

        it("a chat variant with a tool without description and no tool choice: no description, toolChoice, system or inputVariables keys", () => {
            const { modelId, ...rest } = bedrock.PromptVariant.chat({
                variantName: "c",
                model: M.AMAZON_NOVA_PRO_V1,
                messages: [{ role: "user", text: "a" }],
                toolConfiguration: { tools: [{ name: "t", inputSchema: { type: "object" } }] },
            }).render();
            expect(modelId).to.not.equal(undefined);
            expect(rest).to.deep.equal({
                name: "c",
                templateType: "CHAT",
                templateConfiguration: {
                    chat: {
                        messages: [{ role: "user", content: [{ text: "a" }] }],
                        toolConfiguration: { tools: [{ toolSpec: { name: "t", inputSchema: { json: { type: "object" } } } }] },
                    },
                },
            });
        });

        it("a chat variant with exactly 20 variables (the limit)", () => {
            const names = Array.from({ length: 20 }, (_, i) => `v${i}`);
            const { modelId, ...rest } = bedrock.PromptVariant.chat({
                variantName: "c",
                model: M.AMAZON_NOVA_PRO_V1,
                messages: [{ role: "user", text: "a" }],
                promptVariables: names,
            }).render();
            expect(modelId).to.not.equal(undefined);
            expect(rest).to.deep.equal({
                name: "c",
                templateType: "CHAT",
                templateConfiguration: { chat: { messages: [{ role: "user", content: [{ text: "a" }] }], inputVariables: names.map((name) => ({ name })) } },
            });
        });

        it("an agent variant given { aliasArn } (this package's AgentAlias) and no variables", () => {
            expect(bedrock.PromptVariant.agent({ variantName: "a", agentAlias: { aliasArn: ALIAS }, promptText: "x" }).render()).to.deep.equal({
                name: "a",
                templateType: "TEXT",
                templateConfiguration: { text: { text: "x" } },
                genAiResource: { agent: { agentIdentifier: ALIAS } },
            });
        });
    });

    describe("inheriting inference settings", () => {
        it("a variant inherits its profile's settings per property, under its own", async () => {
            const cris = bedrock.CrossRegionInferenceProfile.fromConfig({
                geoRegion: G.US,
                model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
                inferenceConfiguration: { temperature: 0.2, maxTokens: 1000, topK: 20, anthropicVersion: "bedrock-2023-05-31" },
            });
            const inherits = bedrock.PromptVariant.text({ variantName: "inherits", model: cris, promptText: "a" });
            const overrides = bedrock.PromptVariant.text({
                variantName: "overrides",
                model: cris,
                promptText: "b",
                inferenceConfiguration: { temperature: 0.9, stopSequences: ["X"] },
            });
            expect(inherits.inferenceConfiguration).to.deep.equal({ temperature: 0.2, maxTokens: 1000, topK: 20, anthropicVersion: "bedrock-2023-05-31" });
            expect(overrides.inferenceConfiguration).to.deep.equal({
                temperature: 0.9,
                maxTokens: 1000,
                topK: 20,
                anthropicVersion: "bedrock-2023-05-31",
                stopSequences: ["X"],
            });
            new bedrock.Prompt("prompt", { promptName: "p", variants: [inherits, overrides] });
            await settle();
            const [a, b] = promptInputs(rec).variants;
            expect([a.inferenceConfiguration, a.additionalModelRequestFields]).to.deep.equal([
                { text: { temperature: 0.2, maxTokens: 1000 } },
                { top_k: 20, anthropic_version: "bedrock-2023-05-31" },
            ]);
            expect([b.inferenceConfiguration, b.additionalModelRequestFields]).to.deep.equal([
                { text: { temperature: 0.9, maxTokens: 1000, stopSequences: ["X"] } },
                { top_k: 20, anthropic_version: "bedrock-2023-05-31" },
            ]);
        });

        it("through an application profile built on a cross-region profile, and through a router", async () => {
            const cris = bedrock.CrossRegionInferenceProfile.fromConfig({
                geoRegion: G.US,
                model: M.AMAZON_NOVA_PRO_V1,
                inferenceConfiguration: { topP: 0.5, maxTokens: 100 },
            });
            const app = new bedrock.ApplicationInferenceProfile("app", {
                inferenceProfileName: "app",
                modelSource: cris,
                inferenceConfiguration: { maxTokens: 200 },
            });
            const router = bedrock.PromptRouter.fromDefaultId(D.ANTHROPIC_CLAUDE_V1, "us-east-1", {
                inferenceConfiguration: { anthropicVersion: "bedrock-2023-05-31", temperature: 0 },
            });
            new bedrock.Prompt("prompt", {
                promptName: "p",
                variants: [
                    bedrock.PromptVariant.text({ variantName: "app", model: app, promptText: "a" }),
                    bedrock.PromptVariant.chat({ variantName: "router", model: router, messages: [{ role: "user", text: "b" }] }),
                ],
            });
            await settle();
            const [a, r] = promptInputs(rec).variants;
            expect(a.inferenceConfiguration).to.deep.equal({ text: { topP: 0.5, maxTokens: 200 } });
            expect(a.additionalModelRequestFields).to.equal(undefined);
            expect(r.inferenceConfiguration).to.deep.equal({ text: { temperature: 0 } });
            expect(r.additionalModelRequestFields).to.deep.equal({ anthropic_version: "bedrock-2023-05-31" });
        });

        it("refuses Anthropic-only settings on a variant whose model is known not to be Anthropic", () => {
            throwsExactly(
                () =>
                    bedrock.PromptVariant.text({
                        variantName: "v",
                        model: M.AMAZON_NOVA_PRO_V1,
                        promptText: "a",
                        inferenceConfiguration: { anthropicVersion: "bedrock-2023-05-31" },
                    }),
                'PromptVariant.text "v": inferenceConfiguration.anthropicVersion "bedrock-2023-05-31" applies to Anthropic models only, but the model is not one (amazon.nova-pro-v1:0)',
            );
        });

        it("refuses bad inference settings naming the variant", () => {
            throwsExactly(
                () =>
                    bedrock.PromptVariant.chat({
                        variantName: "v",
                        model: M.AMAZON_NOVA_PRO_V1,
                        messages: [{ role: "user", text: "a" }],
                        inferenceConfiguration: { topK: 501 },
                    }),
                'PromptVariant.chat "v": inferenceConfiguration.topK 501 must be between 0 and 500',
            );
        });
    });

    describe("validation", () => {
        const model = M.AMAZON_NOVA_PRO_V1;
        const text = (variantName: string) => bedrock.PromptVariant.text({ variantName, model, promptText: "x" });
        const tool = (name: string) => ({ name, inputSchema: {} });
        const chatWithTools = (toolConfiguration: unknown) =>
            bedrock.PromptVariant.chat({ variantName: "c", model, messages: [{ role: "user", text: "a" }], toolConfiguration: toolConfiguration as never });
        const variantCases: [string, () => unknown, string][] = [
            [
                "a bad variant name",
                () => bedrock.PromptVariant.text({ variantName: "my variant", model, promptText: "x" }),
                'PromptVariant.text: variantName "my variant" must match ^([0-9a-zA-Z][_-]?){1,100}$ (letters and digits, each followed by at most one underscore or hyphen, at most 100 of them)',
            ],
            [
                "a missing model",
                () => bedrock.PromptVariant.text({ variantName: "v", model: undefined as never, promptText: "x" }),
                'PromptVariant.text "v": model undefined must be an invokable: a BedrockFoundationModel, a cross-region or application inference profile, or a prompt router',
            ],
            [
                "empty text",
                () => bedrock.PromptVariant.text({ variantName: "v", model, promptText: "" }),
                'PromptVariant.text "v": promptText "" must not be empty',
            ],
            [
                "text over 200000 characters",
                () => bedrock.PromptVariant.text({ variantName: "v", model, promptText: "a".repeat(200001) }),
                `PromptVariant.text "v": promptText "${"a".repeat(200001)}" must have at most 200000 characters (has 200001)`,
            ],
            [
                "21 variables",
                () => bedrock.PromptVariant.text({ variantName: "v", model, promptText: "x", promptVariables: Array.from({ length: 21 }, (_, i) => `v${i}`) }),
                'PromptVariant.text "v": promptVariables "21 variables" must hold at most 20 variables',
            ],
            [
                "a bad variable name",
                () => bedrock.PromptVariant.text({ variantName: "v", model, promptText: "x", promptVariables: ["a b"] }),
                'PromptVariant.text "v": promptVariables[0] "a b" must match ^([0-9a-zA-Z][_-]?){1,100}$ (letters and digits, each followed by at most one underscore or hyphen, at most 100 of them)',
            ],
            [
                "a variable given twice",
                () => bedrock.PromptVariant.text({ variantName: "v", model, promptText: "x", promptVariables: ["a", "a"] }),
                'PromptVariant.text "v": promptVariables[1] "a" is given twice',
            ],
            [
                "no messages",
                () => bedrock.PromptVariant.chat({ variantName: "c", model, messages: [] }),
                'PromptVariant.chat "c": messages [] must be a non-empty list of messages, starting with a user message',
            ],
            [
                "a first message from the assistant",
                () => bedrock.PromptVariant.chat({ variantName: "c", model, messages: [{ role: "assistant", text: "a" }] }),
                'PromptVariant.chat "c": messages[0].role "assistant" must be "user": messages start with a user message and alternate between user and assistant',
            ],
            [
                "two user messages in a row",
                () =>
                    bedrock.PromptVariant.chat({
                        variantName: "c",
                        model,
                        messages: [
                            { role: "user", text: "a" },
                            { role: "user", text: "b" },
                        ],
                    }),
                'PromptVariant.chat "c": messages[1].role "user" must be "assistant": messages start with a user message and alternate between user and assistant',
            ],
            [
                "an empty message",
                () => bedrock.PromptVariant.chat({ variantName: "c", model, messages: [{ role: "user", text: "" }] }),
                'PromptVariant.chat "c": messages[0].text "" must not be empty',
            ],
            [
                "no tools",
                () => bedrock.PromptVariant.chat({ variantName: "c", model, messages: [{ role: "user", text: "a" }], toolConfiguration: { tools: [] } }),
                'PromptVariant.chat "c": toolConfiguration.tools [] must be a non-empty list of tools',
            ],
            [
                "a bad tool name",
                () =>
                    bedrock.PromptVariant.chat({
                        variantName: "c",
                        model,
                        messages: [{ role: "user", text: "a" }],
                        toolConfiguration: { tools: [{ name: "1tool", inputSchema: {} }] },
                    }),
                'PromptVariant.chat "c": toolConfiguration.tools[0].name "1tool" must match ^[a-zA-Z][a-zA-Z0-9_]*$ (a letter, then letters, digits and underscores)',
            ],
            [
                "a tool choice naming no tool",
                () =>
                    bedrock.PromptVariant.chat({
                        variantName: "c",
                        model,
                        messages: [{ role: "user", text: "a" }],
                        toolConfiguration: { tools: [{ name: "t", inputSchema: {} }], toolChoice: { tool: "u" } },
                    }),
                'PromptVariant.chat "c": toolConfiguration.toolChoice.tool "u" must name one of the tools (t)',
            ],
            [
                "an agent alias that is not an alias ARN",
                () => bedrock.PromptVariant.agent({ variantName: "a", agentAlias: `arn:aws:bedrock:us-east-1:${ACCOUNT}:agent/ABCDEFGHIJ`, promptText: "x" }),
                `PromptVariant.agent "a": agentAlias "arn:aws:bedrock:us-east-1:${ACCOUNT}:agent/ABCDEFGHIJ" must match ^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:agent-alias\\/[0-9a-zA-Z]{10}\\/[0-9a-zA-Z]{10}$ (an agent alias ARN)`,
            ],
            [
                "variables that are not a list",
                () => bedrock.PromptVariant.text({ variantName: "v", model, promptText: "x", promptVariables: "a" as never }),
                'PromptVariant.text "v": promptVariables "a" must be a list of variable names',
            ],
            [
                "a message that is null",
                () => bedrock.PromptVariant.chat({ variantName: "c", model, messages: [null as never] }),
                'PromptVariant.chat "c": messages[0] null must be a message { role, text }',
            ],
            [
                "a message that is a string",
                () => bedrock.PromptVariant.chat({ variantName: "c", model, messages: ["hi" as never] }),
                'PromptVariant.chat "c": messages[0] "hi" must be a message { role, text }',
            ],
            [
                "an empty system prompt",
                () => bedrock.PromptVariant.chat({ variantName: "c", model, messages: [{ role: "user", text: "a" }], system: "" }),
                'PromptVariant.chat "c": system "" must not be empty',
            ],
            [
                "a tool configuration that is null",
                () => chatWithTools(null),
                'PromptVariant.chat "c": toolConfiguration null must be an object { tools, toolChoice? }',
            ],
            [
                "a tool configuration that is a string",
                () => chatWithTools("tools"),
                'PromptVariant.chat "c": toolConfiguration "tools" must be an object { tools, toolChoice? }',
            ],
            ["a tool that is null", () => chatWithTools({ tools: [null] }), 'PromptVariant.chat "c": toolConfiguration.tools[0].name undefined is required'],
            [
                "a tool name given twice",
                () => chatWithTools({ tools: [tool("t"), tool("t")] }),
                'PromptVariant.chat "c": toolConfiguration.tools[1].name "t" is given twice',
            ],
            [
                "an empty tool description",
                () => chatWithTools({ tools: [{ name: "t", description: "", inputSchema: {} }] }),
                'PromptVariant.chat "c": toolConfiguration.tools[0].description "" must not be empty',
            ],
            [
                "a null input schema",
                () => chatWithTools({ tools: [{ name: "t", inputSchema: null }] }),
                'PromptVariant.chat "c": toolConfiguration.tools[0].inputSchema null must be a JSON schema object',
            ],
            [
                "an input schema given as a string",
                () => chatWithTools({ tools: [{ name: "t", inputSchema: "{}" }] }),
                'PromptVariant.chat "c": toolConfiguration.tools[0].inputSchema "{}" must be a JSON schema object',
            ],
            [
                "an input schema that is a list",
                () => chatWithTools({ tools: [{ name: "t", inputSchema: [] }] }),
                'PromptVariant.chat "c": toolConfiguration.tools[0].inputSchema [] must be a JSON schema object',
            ],
            [
                "a tool choice that is neither auto, any nor an object",
                () => chatWithTools({ tools: [tool("t")], toolChoice: "none" }),
                'PromptVariant.chat "c": toolConfiguration.toolChoice "none" must be "auto", "any" or { tool: <tool name> }',
            ],
            [
                "a null tool choice",
                () => chatWithTools({ tools: [tool("t")], toolChoice: null }),
                'PromptVariant.chat "c": toolConfiguration.toolChoice null must be "auto", "any" or { tool: <tool name> }',
            ],
            [
                "a tool choice whose tool is not a string",
                () => chatWithTools({ tools: [tool("t")], toolChoice: { tool: 1 } }),
                'PromptVariant.chat "c": toolConfiguration.toolChoice {"tool":1} must be "auto", "any" or { tool: <tool name> }',
            ],
            [
                "a tool choice that is a function carrying a tool name",
                () => chatWithTools({ tools: [tool("t")], toolChoice: Object.assign((() => undefined).bind(null), { tool: "t" }) }),
                'PromptVariant.chat "c": toolConfiguration.toolChoice function () { [native code] } must be "auto", "any" or { tool: <tool name> }',
            ],
            [
                "a tool choice naming none of two tools, listing both",
                () => chatWithTools({ tools: [tool("t"), tool("u")], toolChoice: { tool: "v" } }),
                'PromptVariant.chat "c": toolConfiguration.toolChoice.tool "v" must name one of the tools (t, u)',
            ],
            [
                "an agent alias that is neither an ARN nor an alias object",
                () => bedrock.PromptVariant.agent({ variantName: "a", agentAlias: { id: 1 } as never, promptText: "x" }),
                'PromptVariant.agent "a": agentAlias {"id":1} must be an agent alias ARN or an object with agentAliasArn (an aws-native bedrock.AgentAlias) or aliasArn',
            ],
            [
                "a null agent alias",
                () => bedrock.PromptVariant.agent({ variantName: "a", agentAlias: null as never, promptText: "x" }),
                'PromptVariant.agent "a": agentAlias null must be an agent alias ARN or an object with agentAliasArn (an aws-native bedrock.AgentAlias) or aliasArn',
            ],
            [
                "an empty agent prompt text",
                () => bedrock.PromptVariant.agent({ variantName: "a", agentAlias: ALIAS, promptText: "" }),
                'PromptVariant.agent "a": promptText "" must not be empty',
            ],
            [
                "Anthropic-only settings on a default Llama router (its routing models are known)",
                () =>
                    bedrock.PromptVariant.text({
                        variantName: "v",
                        model: bedrock.PromptRouter.fromDefaultId(D.META_LLAMA_3_1, "us-east-1"),
                        promptText: "x",
                        inferenceConfiguration: { anthropicVersion: "bedrock-2023-05-31" },
                    }),
                'PromptVariant.text "v": inferenceConfiguration.anthropicVersion "bedrock-2023-05-31" applies to Anthropic models only, but the model is not one (meta.llama3-1-8b-instruct-v1:0, meta.llama3-1-70b-instruct-v1:0)',
            ],
            [
                "Anthropic-only settings on an invokable of the user's with an empty routingModels list and a Nova model (the model counts)",
                () => {
                    const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.AMAZON_NOVA_PRO_V1 });
                    const custom = Object.assign(Object.create(cris) as bedrock.IInvokable, { routingModels: [] });
                    return bedrock.PromptVariant.text({
                        variantName: "v",
                        model: custom,
                        promptText: "x",
                        inferenceConfiguration: { anthropicVersion: "bedrock-2023-05-31" },
                    });
                },
                'PromptVariant.text "v": inferenceConfiguration.anthropicVersion "bedrock-2023-05-31" applies to Anthropic models only, but the model is not one (amazon.nova-pro-v1:0)',
            ],
            [
                "inherited settings outside the prompt's limits (an invokable of the user's carrying maxTokens 600000)",
                () => {
                    const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
                    const custom = Object.assign(Object.create(cris) as bedrock.IInvokable, { inferenceConfiguration: { maxTokens: 600_000 } });
                    return bedrock.PromptVariant.text({ variantName: "v", model: custom, promptText: "x" });
                },
                'PromptVariant.text "v": inferenceConfiguration.maxTokens 600000 must be between 1 and 512000',
            ],
        ];
        for (const [what, make, message] of variantCases) {
            it(`a variant refuses ${what}`, () => {
                throwsExactly(make, message, bedrock.BedrockValidationError);
            });
        }

        const promptCases: [string, () => Partial<bedrock.PromptArgs>, string][] = [
            [
                "a bad name",
                () => ({ promptName: "my prompt" }),
                'promptName "my prompt" must match ^([0-9a-zA-Z][_-]?){1,100}$ (letters and digits, each followed by at most one underscore or hyphen, at most 100 of them)',
            ],
            [
                "four variants",
                () => ({ variants: [text("a"), text("b"), text("c"), text("d")] }),
                `variants "4 variants" must hold at most 3 variants (CloudFormation's limit)`,
            ],
            [
                "variant names given twice",
                () => ({ variants: [text("a"), text("a")] }),
                'variants[1].variantName "a" is given twice: variant names must be unique within a prompt',
            ],
            [
                "a variant that is not one",
                () => ({ variants: [{ variantName: "x" } as never] }),
                'variants[0] {"variantName":"x"} must be a PromptVariant (PromptVariant.text, .chat or .agent)',
            ],
            [
                "a default variant outside the variants",
                () => ({ variants: [text("a"), text("b")], defaultVariant: "c" }),
                'defaultVariant "c" must be one of the variants ("a", "b")',
            ],
            [
                "variants that are not a list",
                () => ({ variants: "v" as never }),
                'variants "v" must be a list of PromptVariant (PromptVariant.text, .chat or .agent)',
            ],
            [
                "a default variant when there are no variants",
                () => ({ variants: [], defaultVariant: "a" }),
                'defaultVariant "a" must be one of the variants (none given)',
            ],
            ["an empty description", () => ({ description: "" }), 'description "" must not be empty'],
            ["a long description", () => ({ description: "d".repeat(201) }), `description "${"d".repeat(201)}" must have at most 200 characters (has 201)`],
            [
                "a KMS key that is not a key ARN",
                () => ({ kmsKey: "alias/mine" }),
                'kmsKey "alias/mine" must match ^arn:aws(|-cn|-us-gov):kms:[a-zA-Z0-9-]*:[0-9]{12}:key\\/[a-zA-Z0-9-]{36}$ (a KMS key ARN)',
            ],
        ];
        for (const [what, change, message] of promptCases) {
            it(`a prompt refuses ${what} before registering anything`, async () => {
                throwsExactly(
                    () => new bedrock.Prompt("prompt", { promptName: "p", variants: [text("a")], ...change() } as bedrock.PromptArgs),
                    `Prompt "prompt": ${message}`,
                    bedrock.BedrockValidationError,
                );
                await settle();
                expect(rec.resources.filter((r) => r.name === "prompt")).to.deep.equal([]);
            });
        }

        it("accepts a KMS key given as an object with an arn", async () => {
            const key = `arn:aws:kms:us-east-1:${ACCOUNT}:key/12345678-1234-1234-1234-123456789012`;
            new bedrock.Prompt("prompt", { promptName: "p", variants: [], kmsKey: { arn: key } });
            await settle();
            expect(promptInputs(rec)).to.deep.equal({ name: "p", customerEncryptionKeyArn: key, variants: [] });
        });
    });

    describe("versions", () => {
        const variant = (text: string) => bedrock.PromptVariant.text({ variantName: "v", model: M.AMAZON_NOVA_PRO_V1, promptText: text });

        it("createVersion renders PromptVersion tagged with the hash of the prompt's content", async () => {
            const prompt = new bedrock.Prompt("prompt", { promptName: "p", variants: [variant("Hello")] });
            const version = prompt.createVersion("first cut", { tags: { team: "ml" } });
            await settle();
            const arn = await resolveOutput(prompt.promptArn);
            // The hash of the prompt as rendered: name "p", variant "v" (TEXT "Hello" on Nova Pro in us-east-1).
            const expectedHash = "e2fffffe3f057f4e";
            expect(
                contentHash({
                    name: "p",
                    variants: [
                        {
                            name: "v",
                            templateType: "TEXT",
                            templateConfiguration: { text: { text: "Hello" } },
                            modelId: "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0",
                        },
                    ],
                }),
            ).to.equal(expectedHash);
            const recorded = rec.find("aws-native:bedrock:PromptVersion", "prompt-version");
            expect(recorded.inputs).to.deep.equal({ promptArn: arn, description: "first cut", tags: { team: "ml", [bedrock.CONTENT_HASH_TAG]: expectedHash } });
            expect(await resolveOutput(version.contentHash)).to.equal(expectedHash);
            expect(await resolveOutput(version.versionArn)).to.equal(`${arn}:1`);
            const second = prompt.createVersion();
            await settle();
            expect(rec.find("aws-native:bedrock:PromptVersion", "prompt-version-2").inputs).to.deep.equal({
                promptArn: arn,
                tags: { [bedrock.CONTENT_HASH_TAG]: expectedHash },
            });
            expect(second).to.be.instanceOf(bedrock.PromptVersion);
        });

        it("a change in any variant's content changes the hash (so the version is replaced); the same content keeps it", async () => {
            const hashOf = async (name: string, args: bedrock.PromptArgs) => resolveOutput(new bedrock.Prompt(name, args).createVersion().contentHash);
            const base = await hashOf("a", { promptName: "p", variants: [variant("Hello")] });
            expect(await hashOf("b", { promptName: "p", variants: [variant("Hello")] })).to.equal(base);
            const changed = [
                await hashOf("c", { promptName: "p", variants: [variant("Hello!")] }),
                await hashOf("d", {
                    promptName: "p",
                    variants: [bedrock.PromptVariant.text({ variantName: "v", model: M.AMAZON_NOVA_LITE_V1, promptText: "Hello" })],
                }),
                await hashOf("e", {
                    promptName: "p",
                    variants: [
                        bedrock.PromptVariant.text({
                            variantName: "v",
                            model: M.AMAZON_NOVA_PRO_V1,
                            promptText: "Hello",
                            inferenceConfiguration: { temperature: 0.5 },
                        }),
                    ],
                }),
                await hashOf("f", {
                    promptName: "p",
                    variants: [variant("Hello"), bedrock.PromptVariant.text({ variantName: "w", model: M.AMAZON_NOVA_PRO_V1, promptText: "Hello" })],
                }),
            ];
            expect(new Set([base, ...changed]).size).to.equal(5);
        });

        it("refuses the reserved tag and keeps old versions when asked", async () => {
            const prompt = new bedrock.Prompt("prompt", { promptName: "p", variants: [variant("Hello")] });
            throwsExactly(
                () => prompt.createVersion(undefined, { tags: { [bedrock.CONTENT_HASH_TAG]: "x" } }),
                'Prompt.createVersion "prompt": tags "bedrock-genai:content-hash" is reserved for the content hash',
            );
            prompt.createVersion("kept", { name: "kept", retainOnDelete: true });
            await settle();
            expect(rec.find("aws-native:bedrock:PromptVersion", "kept").inputs.description).to.equal("kept");
        });
    });

    describe("versions: description, tags and where the resources sit", () => {
        const variant = () => bedrock.PromptVariant.text({ variantName: "v", model: M.AMAZON_NOVA_PRO_V1, promptText: "x" });

        it("createVersion refuses an empty description, and the reserved tag among other tags", () => {
            const prompt = new bedrock.Prompt("prompt", { promptName: "p", variants: [variant()] });
            throwsExactly(() => prompt.createVersion(""), 'Prompt.createVersion "prompt": description "" must not be empty', bedrock.BedrockValidationError);
            throwsExactly(
                () => prompt.createVersion(undefined, { tags: { team: "ml", [bedrock.CONTENT_HASH_TAG]: "x" } }),
                'Prompt.createVersion "prompt": tags "bedrock-genai:content-hash" is reserved for the content hash',
                bedrock.BedrockValidationError,
            );
        });

        it("the Prompt and PromptVersion resources are children of the component, which registers the prompt's ARN and id", async () => {
            const prompt = new bedrock.Prompt("prompt", { promptName: "p", variants: [variant()] });
            prompt.createVersion();
            await settle();
            const component = rec.find("bedrock-genai:index:Prompt", "prompt");
            expect(component.urn).to.equal("urn:pulumi:stack::project::bedrock-genai:index:Prompt::prompt");
            expect(component.outputs).to.deep.equal({
                promptArn: "arn:aws:bedrock:us-east-1:123456789012:prompt/1HZGKOTL4V",
                promptId: "1HZGKOTL4V",
            });
            expect(rec.find("aws-native:bedrock:Prompt", "prompt").parent).to.equal(component.urn);
            const version = rec.find("aws-native:bedrock:PromptVersion", "prompt-version");
            expect(version.parent).to.equal(component.urn);
            expect(version.dependencies).to.deep.equal(["urn:pulumi:stack::project::bedrock-genai:index:Prompt$aws-native:bedrock:Prompt::prompt"]);
        });
    });

    describe("grants", () => {
        it("grantGet: GetPrompt and RenderPrompt on the prompt's ARN; a version's on the version's ARN", async () => {
            const prompt = new bedrock.Prompt("prompt", {
                promptName: "p",
                variants: [bedrock.PromptVariant.text({ variantName: "v", model: M.AMAZON_NOVA_PRO_V1, promptText: "x" })],
            });
            const version = prompt.createVersion();
            const first = prompt.grantGet("reader");
            expect(prompt.grantGet("reader")).to.equal(first);
            version.grantGet("reader");
            await settle();
            const arn = await resolveOutput(prompt.promptArn);
            const policies = policiesForRole(rec, "reader");
            // Both grants share the role's one inline policy, at the root (the role is given by name).
            expect(policies.map((p) => [p.name, p.kind, JSON.parse(p.json)])).to.deep.equal([
                [
                    "reader-bedrock",
                    "inline",
                    {
                        Version: "2012-10-17",
                        Statement: [{ Effect: "Allow", Action: ["bedrock:GetPrompt", "bedrock:RenderPrompt"], Resource: [arn, `${arn}:1`] }],
                    },
                ],
            ]);
            expect(rec.find("aws:iam/rolePolicy:RolePolicy", "reader-bedrock").parent).to.equal(undefined);
        });

        it("grantGet on a prompt with a kmsKey: GetPrompt and RenderPrompt on the prompt, on a version, and the key's statements", async () => {
            const key = "arn:aws:kms:us-east-1:210987654321:key/12345678-1234-1234-1234-123456789012";
            const prompt = new bedrock.Prompt("prompt", {
                promptName: "p",
                kmsKey: key,
                variants: [bedrock.PromptVariant.text({ variantName: "v", model: M.AMAZON_NOVA_PRO_V1, promptText: "x" })],
            });
            prompt.grantGet("reader");
            prompt.createVersion().grantGet("version-reader");
            await settle();
            const arn = "arn:aws:bedrock:us-east-1:123456789012:prompt/1HZGKOTL4V";
            const keyStatement = {
                Effect: "Allow",
                Action: ["kms:Decrypt", "kms:GenerateDataKey"],
                Resource: key,
                Condition: { StringEquals: { "aws:ResourceAccount": "210987654321" } },
            };
            const documents = (role: string) => policiesForRole(rec, role).map((p) => [p.name, p.kind, JSON.parse(p.json)]);
            expect(documents("reader")).to.deep.equal([
                [
                    "reader-bedrock",
                    "inline",
                    {
                        Version: "2012-10-17",
                        Statement: [{ Effect: "Allow", Action: ["bedrock:GetPrompt", "bedrock:RenderPrompt"], Resource: arn }, keyStatement],
                    },
                ],
            ]);
            expect(documents("version-reader")).to.deep.equal([
                [
                    "version-reader-bedrock",
                    "inline",
                    {
                        Version: "2012-10-17",
                        Statement: [{ Effect: "Allow", Action: ["bedrock:GetPrompt", "bedrock:RenderPrompt"], Resource: `${arn}:1` }, keyStatement],
                    },
                ],
            ]);
            // The grant neither changes the prompt nor reads another prompt or key.
            const json = policiesForRole(rec, "reader").map((p) => p.json);
            const principal = { account: ACCOUNT, partition: "aws" };
            // The key's account lets the caller's account use it (a cross-account key policy).
            const keyPolicy = {
                Version: "2012-10-17",
                Statement: [
                    { Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: "*" },
                ],
            };
            expect(
                await decisions(
                    json,
                    [
                        { action: "kms:Decrypt", resource: key, resourcePolicy: keyPolicy, context: { "aws:ResourceAccount": "210987654321" } },
                        {
                            action: "kms:Decrypt",
                            resource: "arn:aws:kms:us-east-1:210987654321:key/99999999-1234-1234-1234-123456789012",
                            resourcePolicy: keyPolicy,
                        },
                        { action: "bedrock:DeletePrompt", resource: arn },
                        { action: "bedrock:GetPrompt", resource: "arn:aws:bedrock:us-east-1:123456789012:prompt/OTHERPRMPT" },
                    ],
                    principal,
                ),
            ).to.deep.equal([
                `Allowed kms:Decrypt ${key} {"aws:ResourceAccount":"210987654321"}`,
                "ImplicitlyDenied kms:Decrypt arn:aws:kms:us-east-1:210987654321:key/99999999-1234-1234-1234-123456789012",
                `ImplicitlyDenied bedrock:DeletePrompt ${arn}`,
                "ImplicitlyDenied bedrock:GetPrompt arn:aws:bedrock:us-east-1:123456789012:prompt/OTHERPRMPT",
            ]);
        });

        it("refuses a role that is not one, naming the prompt or version and the grant", () => {
            const prompt = new bedrock.Prompt("prompt", {
                promptName: "p",
                variants: [bedrock.PromptVariant.text({ variantName: "v", model: M.AMAZON_NOVA_PRO_V1, promptText: "x" })],
            });
            const version = prompt.createVersion();
            const cases: [() => unknown, string][] = [
                [() => prompt.grantGet(3 as never), 'Prompt "prompt": grantGet(role) 3 must be an aws.iam.Role, a role name or a role ARN'],
                [() => prompt.grantRun(3 as never), 'Prompt "prompt": grantRun(role) 3 must be an aws.iam.Role, a role name or a role ARN'],
                [() => version.grantGet(3 as never), 'PromptVersion "prompt-version": grantGet(role) 3 must be an aws.iam.Role, a role name or a role ARN'],
                [() => version.grantRun(3 as never), 'PromptVersion "prompt-version": grantRun(role) 3 must be an aws.iam.Role, a role name or a role ARN'],
            ];
            for (const [grant, message] of cases) throwsExactly(grant, message, bedrock.BedrockValidationError);
        });

        it("under explicit providers (eu-west-1, account 210987654321): model ARNs, grants and the key's account follow the prompt's providers", async () => {
            rec = setBedrockMocks({
                region: "us-east-1",
                accountId: ACCOUNT,
                config: { "aws-native:region": "us-east-1", "aws:region": "us-east-1" },
                providers: { eu: { accountId: "210987654321" }, "eu-aws": { accountId: "210987654321" } },
            });
            const eu = new awsnative.Provider("eu", { region: "eu-west-1" });
            const euAws = new aws.Provider("eu-aws", { region: "eu-west-1" });
            const key = "arn:aws:kms:eu-west-1:210987654321:key/12345678-1234-1234-1234-123456789012";
            const prompt = new bedrock.Prompt(
                "prompt",
                {
                    promptName: "p",
                    variants: [bedrock.PromptVariant.text({ variantName: "v", model: M.AMAZON_NOVA_PRO_V1, promptText: "x" })],
                    // An Output: the key's account is the prompt's provider's, not read from the ARN.
                    kmsKey: pulumi.output(key),
                },
                { providers: [eu, euAws] },
            );
            const version = prompt.createVersion();
            prompt.grantRun("runner");
            prompt.grantGet("getter");
            version.grantRun("version-runner");
            version.grantGet("version-getter");
            await settle();
            expect(rec.find("aws-native:bedrock:Prompt", "prompt").inputs.variants).to.deep.equal([
                {
                    name: "v",
                    templateType: "TEXT",
                    modelId: "arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-pro-v1:0",
                    templateConfiguration: { text: { text: "x" } },
                },
            ]);
            const promptArn = "arn:aws:bedrock:eu-west-1:210987654321:prompt/1HZGKOTL4V";
            const keyStatement = {
                Effect: "Allow",
                Action: ["kms:Decrypt", "kms:GenerateDataKey"],
                Resource: key,
                Condition: { StringEquals: { "aws:ResourceAccount": "210987654321" } },
            };
            const run = (arn: string) => [
                { Effect: "Allow", Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "bedrock:RenderPrompt"], Resource: arn },
                {
                    Effect: "Allow",
                    Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                    Resource: "arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-pro-v1:0",
                },
                keyStatement,
            ];
            const get = (arn: string) => [{ Effect: "Allow", Action: ["bedrock:GetPrompt", "bedrock:RenderPrompt"], Resource: arn }, keyStatement];
            const expected: [string, unknown[]][] = [
                ["runner", run(promptArn)],
                ["getter", get(promptArn)],
                ["version-runner", run(`${promptArn}:1`)],
                ["version-getter", get(`${promptArn}:1`)],
            ];
            for (const [role, statements] of expected) {
                expect(policiesForRole(rec, role).map((p) => [p.name, p.kind, JSON.parse(p.json)])).to.deep.equal([
                    [`${role}-eu-aws-bedrock`, "inline", { Version: "2012-10-17", Statement: statements }],
                ]);
                // The role is given by name: its policy is at the root, with the prompt's aws provider.
                const policy = rec.find("aws:iam/rolePolicy:RolePolicy", `${role}-eu-aws-bedrock`);
                expect([policy.parent, policy.provider]).to.deep.equal([undefined, "urn:pulumi:stack::project::pulumi:providers:aws::eu-aws::eu-aws-id"]);
            }
        });

        it("sizes policies before deploy with the longest ARNs a prompt, a version and a key can have", () => {
            const key = pulumi.output("arn:aws:kms:us-east-1:210987654321:key/12345678-1234-1234-1234-123456789012");
            const prompt = new bedrock.Prompt("prompt", {
                promptName: "p",
                kmsKey: key,
                variants: [bedrock.PromptVariant.text({ variantName: "v", model: M.AMAZON_NOVA_PRO_V1, promptText: "x" })],
            });
            const got = prompt.createVersion();
            const run = prompt.createVersion();
            prompt.grantRun("runner");
            got.grantGet("reader");
            run.grantRun("runner");
            // The placeholder each grant made (the same Output always gets the same one): its label and its bound.
            const probe = (o: pulumi.Output<string>) => {
                const token = symbolic(o, "probe", 0);
                return [symbolLabels(token), maxLength(token)];
            };
            // arn:aws-us-gov:bedrock:<14-character Region>:<12 digits>:prompt/<10 characters> is 68 characters.
            expect(probe(prompt.promptArn)).to.deep.equal([["prompt/prompt"], 68]);
            // A version's ARN adds :<version>, up to 5 digits.
            expect(probe(got.versionArn)).to.deep.equal([["prompt-version/prompt-version"], 74]);
            expect(probe(run.versionArn)).to.deep.equal([["prompt-version/prompt-version-2"], 74]);
            // arn:aws-us-gov:kms:<14>:<12 digits>:key/<36 characters> is 87 characters.
            // (The key's placeholder is of the checked key's Output, so it is found by its label.)
            expect(maxLength("\u00abkms-key/prompt\u00bb")).to.equal(87);
        });
    });
});
