import { expect } from "chai";
import { setBedrockMocks, settle, type MockRecorder } from "../components/testing/testing";
import * as bedrock from "../sdk/nodejs";
import {
    AGENT_MAX_TOKENS_LIMIT,
    anthropicModels,
    checkAnthropicOnly,
    checkTopK,
    mergeInferenceConfiguration,
    PROMPT_MAX_TOKENS_LIMIT,
    topKFormOf,
    toPromptInferenceShapes,
    validateInferenceConfiguration,
} from "../components/core/inference-configuration";
import { throwsExactly } from "./support/errors";

const M = bedrock.BedrockFoundationModel;
const G = bedrock.CrossRegionInferenceProfileRegion;
const where = { component: "Thing", name: "t" };

describe("inference configuration", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1" });
    });

    describe("validateInferenceConfiguration", () => {
        it("returns a copy with only the set properties", () => {
            const stop = ["END"];
            const out = validateInferenceConfiguration(where, "cfg", {
                temperature: 0,
                topP: 1,
                maxTokens: 512000,
                stopSequences: stop,
                topK: 500,
                anthropicVersion: "bedrock-2023-05-31",
                responseFormat: { type: "json" },
            });
            expect(out).to.deep.equal({
                temperature: 0,
                topP: 1,
                maxTokens: 512000,
                stopSequences: ["END"],
                topK: 500,
                anthropicVersion: "bedrock-2023-05-31",
                responseFormat: { type: "json" },
            });
            expect(out!.stopSequences).not.to.equal(stop);
            expect(validateInferenceConfiguration(where, "cfg", {})).to.equal(undefined);
            expect(validateInferenceConfiguration(where, "cfg", undefined)).to.equal(undefined);
        });

        it("bounds maxTokens by CloudFormation's prompt shape (512000) unless told another bound", () => {
            expect(PROMPT_MAX_TOKENS_LIMIT).to.equal(512000);
            expect(AGENT_MAX_TOKENS_LIMIT).to.equal(131072);
            throwsExactly(
                () => validateInferenceConfiguration(where, "cfg", { maxTokens: 131073 }, AGENT_MAX_TOKENS_LIMIT),
                'Thing "t": cfg.maxTokens 131073 must be between 1 and 131072',
            );
        });

        const cases: [string, unknown, string][] = [
            ["temperature above 1", { temperature: 1.5 }, "cfg.temperature 1.5 must be between 0 and 1"],
            ["negative temperature", { temperature: -0.1 }, "cfg.temperature -0.1 must be between 0 and 1"],
            ["temperature not a number", { temperature: "hot" }, 'cfg.temperature "hot" must be a number'],
            ["topP above 1", { topP: 1.01 }, "cfg.topP 1.01 must be between 0 and 1"],
            ["topK above 500", { topK: 501 }, "cfg.topK 501 must be between 0 and 500"],
            ["fractional topK", { topK: 2.5 }, "cfg.topK 2.5 must be an integer"],
            ["zero maxTokens", { maxTokens: 0 }, "cfg.maxTokens 0 must be between 1 and 512000"],
            ["maxTokens past CloudFormation's bound", { maxTokens: 512001 }, "cfg.maxTokens 512001 must be between 1 and 512000"],
            ["fractional maxTokens", { maxTokens: 10.5 }, "cfg.maxTokens 10.5 must be an integer"],
            [
                "five stop sequences",
                { stopSequences: ["a", "b", "c", "d", "e"] },
                'cfg.stopSequences ["a","b","c","d","e"] must hold at most 4 sequences (has 5)',
            ],
            ["stop sequences not a list", { stopSequences: "END" }, 'cfg.stopSequences "END" must be a list of strings'],
            ["an empty stop sequence", { stopSequences: ["a", ""] }, 'cfg.stopSequences[1] "" must be a non-empty string'],
            ["an empty anthropicVersion", { anthropicVersion: " " }, 'cfg.anthropicVersion " " must be a non-empty string such as "bedrock-2023-05-31"'],
            ["responseFormat not an object", { responseFormat: "json" }, 'cfg.responseFormat "json" must be an object'],
            [
                "an unknown setting",
                { top_k: 3 },
                "cfg.top_k 3 is not an inference setting (known: temperature, topP, maxTokens, stopSequences, topK, anthropicVersion, responseFormat)",
            ],
            ["a list", [], "cfg [] must be an object"],
        ];
        for (const [what, cfg, message] of cases) {
            it(`refuses ${what}, naming the property and the value`, () => {
                throwsExactly(() => validateInferenceConfiguration(where, "cfg", cfg as never), `Thing "t": ${message}`, bedrock.BedrockValidationError);
            });
        }
    });

    describe("mergeInferenceConfiguration", () => {
        it("takes the override's settings over the base's, property by property", () => {
            expect(mergeInferenceConfiguration({ temperature: 0.1, maxTokens: 100, stopSequences: ["A"] }, { temperature: 0.9, topK: 5 })).to.deep.equal({
                temperature: 0.9,
                maxTokens: 100,
                stopSequences: ["A"],
                topK: 5,
            });
            expect(mergeInferenceConfiguration(undefined, { topP: 0.5 })).to.deep.equal({ topP: 0.5 });
            expect(mergeInferenceConfiguration({ topP: 0.5 }, undefined)).to.deep.equal({ topP: 0.5 });
            expect(mergeInferenceConfiguration(undefined, undefined)).to.equal(undefined);
        });
    });

    describe("toPromptInferenceShapes", () => {
        it("maps text settings onto inferenceConfiguration.text and the rest onto additionalModelRequestFields", () => {
            expect(
                toPromptInferenceShapes(
                    {
                        temperature: 0.3,
                        topP: 0.8,
                        maxTokens: 1000,
                        stopSequences: ["\n\nHuman:"],
                        topK: 40,
                        anthropicVersion: "bedrock-2023-05-31",
                        responseFormat: { type: "json_object" },
                    },
                    true,
                ),
            ).to.deep.equal({
                inferenceConfiguration: { text: { temperature: 0.3, topP: 0.8, maxTokens: 1000, stopSequences: ["\n\nHuman:"] } },
                additionalModelRequestFields: { top_k: 40, anthropic_version: "bedrock-2023-05-31", response_format: { type: "json_object" } },
            });
        });

        it("leaves out empty shapes, and anthropic_version for models known not to be Anthropic", () => {
            expect(toPromptInferenceShapes(undefined, true)).to.deep.equal({});
            expect(toPromptInferenceShapes({ topK: 3 }, undefined)).to.deep.equal({ additionalModelRequestFields: { top_k: 3 } });
            expect(toPromptInferenceShapes({ temperature: 1 }, false)).to.deep.equal({ inferenceConfiguration: { text: { temperature: 1 } } });
            expect(toPromptInferenceShapes({ anthropicVersion: "v" }, false)).to.deep.equal({});
            expect(toPromptInferenceShapes({ anthropicVersion: "v" }, undefined)).to.deep.equal({ additionalModelRequestFields: { anthropic_version: "v" } });
        });

        it("tells Anthropic models apart", () => {
            expect(anthropicModels([M.ANTHROPIC_CLAUDE_HAIKU_V1_0, M.ANTHROPIC_CLAUDE_3_5_SONNET_V1_0])).to.equal(true);
            expect(anthropicModels([M.ANTHROPIC_CLAUDE_HAIKU_V1_0, M.AMAZON_NOVA_PRO_V1])).to.equal(false);
            expect(anthropicModels(undefined)).to.equal(undefined);
            expect(anthropicModels([])).to.equal(undefined);
        });
    });

    describe("setting shapes (stop sequences, anthropicVersion, responseFormat)", () => {
        it("takes 4 stop sequences", () => {
            expect(validateInferenceConfiguration(where, "cfg", { stopSequences: ["a", "b", "c", "d"] })).to.deep.equal({
                stopSequences: ["a", "b", "c", "d"],
            });
        });
        it("refuses an empty stop sequence", () => {
            throwsExactly(
                () => validateInferenceConfiguration(where, "cfg", { stopSequences: ["a", ""] }),
                'Thing "t": cfg.stopSequences[1] "" must be a non-empty string',
            );
        });
        it("refuses a blank anthropicVersion", () => {
            throwsExactly(
                () => validateInferenceConfiguration(where, "cfg", { anthropicVersion: "  " }),
                'Thing "t": cfg.anthropicVersion "  " must be a non-empty string such as "bedrock-2023-05-31"',
            );
        });
        it("refuses a responseFormat that is null or a list", () => {
            throwsExactly(
                () => validateInferenceConfiguration(where, "cfg", { responseFormat: null as never }),
                'Thing "t": cfg.responseFormat null must be an object',
            );
            throwsExactly(
                () => validateInferenceConfiguration(where, "cfg", { responseFormat: [] as never }),
                'Thing "t": cfg.responseFormat [] must be an object',
            );
        });
    });

    describe("anthropicVersion and topK against the models", () => {
        it("names only the models that are not Anthropic ones", () => {
            throwsExactly(
                () =>
                    checkAnthropicOnly(where, "cfg", { anthropicVersion: "bedrock-2023-05-31" }, [
                        { provider: "anthropic", modelId: "anthropic.a" },
                        { provider: "amazon", modelId: "amazon.b" },
                    ]),
                'Thing "t": cfg.anthropicVersion "bedrock-2023-05-31" applies to Anthropic models only, but the model is not one (amazon.b)',
            );
        });
        it("calls a model id no pattern matches unknown", () => {
            expect(topKFormOf("acme.model-v1")).to.equal("unknown");
        });
        it("accepts topK when no model is known", () => {
            expect(checkTopK(where, "cfg", { topK: 5 }, undefined)).to.equal(undefined);
            expect(checkTopK(where, "cfg", { topK: 5 }, [])).to.equal(undefined);
        });
        it("names the models without a top-k parameter", () => {
            throwsExactly(
                () => checkTopK(where, "cfg", { topK: 5 }, [{ modelId: "anthropic.a" }, { modelId: "meta.b" }]),
                'Thing "t": cfg.topK 5 is not a request field of meta.b: the model\'s request has no top-k parameter',
            );
        });
        it("refuses topK taken in different forms, ignoring models of unknown form", () => {
            throwsExactly(
                () => checkTopK(where, "cfg", { topK: 5 }, [{ modelId: "anthropic.a" }, { modelId: "amazon.nova-pro-v1:0" }]),
                'Thing "t": cfg.topK 5 is taken in different forms by anthropic.a, amazon.nova-pro-v1:0',
            );
            expect(checkTopK(where, "cfg", { topK: 5 }, [{ modelId: "anthropic.a" }, { modelId: "acme.b" }])).to.equal(undefined);
            expect(checkTopK(where, "cfg", { topK: 5 }, [{ modelId: "amazon.nova-pro-v1:0" }, { modelId: "acme.b" }])).to.equal(undefined);
            expect(checkTopK(where, "cfg", { topK: 5 }, [{ modelId: "anthropic.a" }, { modelId: "anthropic.b" }])).to.equal(undefined);
        });
        it("renders topK as Nova's inferenceConfig.topK only when every model is a Nova one", () => {
            expect(toPromptInferenceShapes({ topK: 5 }, undefined, [])).to.deep.equal({ additionalModelRequestFields: { top_k: 5 } });
            expect(toPromptInferenceShapes({ topK: 5 }, undefined, [{ modelId: "amazon.nova-pro-v1:0" }, { modelId: "acme.b" }])).to.deep.equal({
                additionalModelRequestFields: { top_k: 5 },
            });
            expect(toPromptInferenceShapes({ topK: 5 }, undefined, [{ modelId: "amazon.nova-pro-v1:0" }])).to.deep.equal({
                additionalModelRequestFields: { inferenceConfig: { topK: 5 } },
            });
        });
    });

    describe("on profiles", () => {
        it("a cross-region profile (reference and component) keeps its validated settings", () => {
            const ref = bedrock.CrossRegionInferenceProfile.fromConfig({
                geoRegion: G.US,
                model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
                inferenceConfiguration: { temperature: 0.2, anthropicVersion: "bedrock-2023-05-31" },
            });
            expect(ref.inferenceConfiguration).to.deep.equal({ temperature: 0.2, anthropicVersion: "bedrock-2023-05-31" });
            const component = new bedrock.CrossRegionInferenceProfile("cris", {
                geoRegion: G.US,
                model: M.AMAZON_NOVA_PRO_V1,
                inferenceConfiguration: { topK: 10 },
            });
            expect(component.inferenceConfiguration).to.deep.equal({ topK: 10 });
            expect(bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.AMAZON_NOVA_PRO_V1 }).inferenceConfiguration).to.equal(undefined);
        });

        it("a cross-region profile refuses bad settings and Anthropic-only settings on other models", () => {
            throwsExactly(
                () =>
                    bedrock.CrossRegionInferenceProfile.fromConfig({
                        geoRegion: G.US,
                        model: M.AMAZON_NOVA_PRO_V1,
                        inferenceConfiguration: { temperature: 2 },
                    }),
                "CrossRegionInferenceProfile.fromConfig: inferenceConfiguration.temperature 2 must be between 0 and 1",
            );
            throwsExactly(
                () =>
                    new bedrock.CrossRegionInferenceProfile("cris", {
                        geoRegion: G.US,
                        model: M.AMAZON_NOVA_PRO_V1,
                        inferenceConfiguration: { anthropicVersion: "bedrock-2023-05-31" },
                    }),
                'CrossRegionInferenceProfile "cris": inferenceConfiguration.anthropicVersion "bedrock-2023-05-31" applies to Anthropic models only, but the model is not one (amazon.nova-pro-v1:0)',
            );
        });

        it("an application profile on a cross-region profile inherits its settings per property unless it sets them", () => {
            const cris = bedrock.CrossRegionInferenceProfile.fromConfig({
                geoRegion: G.US,
                model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
                inferenceConfiguration: { temperature: 0.2, maxTokens: 500, anthropicVersion: "bedrock-2023-05-31" },
            });
            const app = new bedrock.ApplicationInferenceProfile("app", {
                inferenceProfileName: "app",
                modelSource: cris,
                inferenceConfiguration: { temperature: 0.7, topP: 0.9 },
            });
            expect(app.inferenceConfiguration).to.deep.equal({ temperature: 0.7, maxTokens: 500, anthropicVersion: "bedrock-2023-05-31", topP: 0.9 });
            const plain = new bedrock.ApplicationInferenceProfile("plain", { inferenceProfileName: "plain", modelSource: cris });
            expect(plain.inferenceConfiguration).to.deep.equal({ temperature: 0.2, maxTokens: 500, anthropicVersion: "bedrock-2023-05-31" });
            const onModel = new bedrock.ApplicationInferenceProfile("onmodel", { inferenceProfileName: "m", modelSource: M.AMAZON_NOVA_PRO_V1 });
            expect(onModel.inferenceConfiguration).to.equal(undefined);
        });

        it("an application profile validates its settings before registering anything", async () => {
            throwsExactly(
                () =>
                    new bedrock.ApplicationInferenceProfile("app", {
                        inferenceProfileName: "app",
                        modelSource: M.AMAZON_NOVA_PRO_V1,
                        inferenceConfiguration: { stopSequences: ["1", "2", "3", "4", "5"] },
                    }),
                'ApplicationInferenceProfile "app": inferenceConfiguration.stopSequences ["1","2","3","4","5"] must hold at most 4 sequences (has 5)',
            );
            throwsExactly(
                () =>
                    new bedrock.ApplicationInferenceProfile("app", {
                        inferenceProfileName: "app",
                        modelSource: M.AMAZON_NOVA_PRO_V1,
                        inferenceConfiguration: { anthropicVersion: "x" },
                    }),
                'ApplicationInferenceProfile "app": inferenceConfiguration.anthropicVersion "x" applies to Anthropic models only, but the model is not one (amazon.nova-pro-v1:0)',
            );
            await settle();
            expect(rec.resources.filter((r) => r.name === "app")).to.deep.equal([]);
        });
    });
});
