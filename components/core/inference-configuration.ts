/**
 * Reusable inference configuration: settings that profiles and routers carry and that prompt
 * variants and agents using them inherit, property by property, unless they set their own.
 */
import { checkNumber, fail, type Where } from "./validation";

/** Inference settings (see API.md, "Reusable inference configuration"). */
export interface InferenceConfiguration {
    /** Randomness of the output, 0..1. */
    temperature?: number;
    /** Nucleus sampling cut-off, 0..1. */
    topP?: number;
    /** Most tokens to generate: a positive integer. */
    maxTokens?: number;
    /** Sequences that stop generation: at most 4. */
    stopSequences?: string[];
    /** Tokens considered at each step: an integer 0..500. */
    topK?: number;
    /** The Anthropic API version (Claude models only), e.g. `bedrock-2023-05-31`. */
    anthropicVersion?: string;
    /** Structured output configuration, passed to the model as `response_format`. */
    responseFormat?: Record<string, unknown>;
}

/**
 * The largest `maxTokens` CloudFormation accepts for a prompt variant
 * (`AWS::Bedrock::Prompt` `PromptModelInferenceConfiguration.MaxTokens`: 0..512000; 0 is refused here
 * because it would generate nothing).
 */
export const PROMPT_MAX_TOKENS_LIMIT = 512_000;

/**
 * The largest `maxTokens` CloudFormation accepts for an agent prompt override
 * (`AWS::Bedrock::Agent` `InferenceConfiguration.MaximumLength`: 0..131072).
 */
export const AGENT_MAX_TOKENS_LIMIT = 131_072;

/**
 * The default bound for `validateInferenceConfiguration`: the largest any CloudFormation shape
 * accepts (the prompt's). Settings on profiles and routers are checked against it; the prompt or agent
 * that inherits them checks the merged settings against its own shape's bound.
 */
export const MAX_TOKENS_LIMIT = PROMPT_MAX_TOKENS_LIMIT;

const KEYS: (keyof InferenceConfiguration)[] = ["temperature", "topP", "maxTokens", "stopSequences", "topK", "anthropicVersion", "responseFormat"];

/**
 * Validates `cfg` (named `argument` in messages) and returns a copy holding only the set properties.
 * `maxTokensLimit` is the bound of the CloudFormation shape it will be rendered into.
 */
export function validateInferenceConfiguration(
    where: Where,
    argument: string,
    cfg: InferenceConfiguration | undefined,
    maxTokensLimit: number = MAX_TOKENS_LIMIT,
): InferenceConfiguration | undefined {
    if (cfg === undefined) return undefined;
    if (cfg === null || typeof cfg !== "object" || Array.isArray(cfg)) fail(where, argument, cfg, "must be an object");
    for (const k of Object.keys(cfg)) {
        if (!KEYS.includes(k as keyof InferenceConfiguration))
            fail(where, `${argument}.${k}`, (cfg as Record<string, unknown>)[k], `is not an inference setting (known: ${KEYS.join(", ")})`);
    }
    checkNumber(where, `${argument}.temperature`, cfg.temperature, { min: 0, max: 1, optional: true });
    checkNumber(where, `${argument}.topP`, cfg.topP, { min: 0, max: 1, optional: true });
    checkNumber(where, `${argument}.maxTokens`, cfg.maxTokens, { min: 1, max: maxTokensLimit, integer: true, optional: true });
    checkNumber(where, `${argument}.topK`, cfg.topK, { min: 0, max: 500, integer: true, optional: true });
    if (cfg.stopSequences !== undefined) {
        if (!Array.isArray(cfg.stopSequences)) fail(where, `${argument}.stopSequences`, cfg.stopSequences, "must be a list of strings");
        if (cfg.stopSequences.length > 4)
            fail(where, `${argument}.stopSequences`, cfg.stopSequences, `must hold at most 4 sequences (has ${cfg.stopSequences.length})`);
        cfg.stopSequences.forEach((s, i) => {
            if (typeof s !== "string" || s.length === 0) fail(where, `${argument}.stopSequences[${i}]`, s, "must be a non-empty string");
        });
    }
    if (cfg.anthropicVersion !== undefined && (typeof cfg.anthropicVersion !== "string" || cfg.anthropicVersion.trim() === "")) {
        fail(where, `${argument}.anthropicVersion`, cfg.anthropicVersion, 'must be a non-empty string such as "bedrock-2023-05-31"');
    }
    if (cfg.responseFormat !== undefined && (cfg.responseFormat === null || typeof cfg.responseFormat !== "object" || Array.isArray(cfg.responseFormat))) {
        fail(where, `${argument}.responseFormat`, cfg.responseFormat, "must be an object");
    }
    const out: InferenceConfiguration = {};
    for (const k of KEYS) if (cfg[k] !== undefined) (out as Record<string, unknown>)[k] = Array.isArray(cfg[k]) ? [...(cfg[k] as string[])] : cfg[k];
    return Object.keys(out).length > 0 ? out : undefined;
}

/** `override`'s settings over `base`'s, property by property (undefined when neither sets any). */
export function mergeInferenceConfiguration(
    base: InferenceConfiguration | undefined,
    override: InferenceConfiguration | undefined,
): InferenceConfiguration | undefined {
    if (!base) return override;
    if (!override) return base;
    const out: InferenceConfiguration = { ...base };
    for (const k of KEYS) if (override[k] !== undefined) (out as Record<string, unknown>)[k] = override[k];
    return out;
}

/** Whether a model provider id (`anthropic`, `amazon`, ...) takes the Anthropic-only fields. */
function isAnthropicProvider(provider: string): boolean {
    return provider === "anthropic";
}

/**
 * Whether the models behind an invokable are Anthropic models: true when every one is, false when
 * at least one known model is not, undefined when none is known (an imported profile).
 */
export function anthropicModels(models: readonly { provider: string }[] | undefined): boolean | undefined {
    if (!models || models.length === 0) return undefined;
    return models.every((m) => isAnthropicProvider(m.provider));
}

/**
 * Refuses `anthropicVersion` in `cfg` when the models it applies to are known and not all Anthropic
 * (`models` are the catalog models behind the profile, router or variant's model).
 */
export function checkAnthropicOnly(
    where: Where,
    argument: string,
    cfg: InferenceConfiguration | undefined,
    models: readonly { provider: string; modelId: string }[] | undefined,
): void {
    if (cfg?.anthropicVersion === undefined) return;
    if (anthropicModels(models) === false) {
        const others = (models ?? []).filter((m) => !isAnthropicProvider(m.provider)).map((m) => m.modelId);
        fail(where, `${argument}.anthropicVersion`, cfg.anthropicVersion, `applies to Anthropic models only, but the model is not one (${others.join(", ")})`);
    }
}

/**
 * How a model takes `topK` in `additionalModelRequestFields`: `top_k` at the top level, Nova's
 * `inferenceConfig.topK`, not at all (`none`), or not documented for the model (`unknown`: rendered as
 * `top_k`, the most common form).
 */
export type TopKForm = "top_k" | "nova" | "none" | "unknown";

/**
 * The request shapes, per model id pattern, with the page each comes from. First match wins.
 * - Anthropic Claude (Messages API): `top_k` (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-anthropic-claude-messages-request-response.html).
 * - Amazon Nova: `inferenceConfig.topK` inside `additionalModelRequestFields`
 *   (https://docs.aws.amazon.com/nova/latest/nova2-userguide/core-inference.html: "model request parameters unique
 *   to Amazon Nova models, such as reasoningConfig and TopK, are placed within an additional inferenceConfig
 *   object within the additionalModelRequestFields").
 * - Amazon Titan Text: `textGenerationConfig` has temperature, topP, maxTokenCount and stopSequences only
 *   (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-titan-text.html).
 * - Mistral text completion models (Mistral 7B, Mixtral 8x7B, Mistral Large and Small 24.02): `top_k`
 *   (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-mistral-text-completion.html).
 * - Mistral chat completion models (Mistral Large 24.07, Pixtral Large, Mistral Large 3): max_tokens, top_p and
 *   temperature only (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-mistral-chat-completion.html).
 * - Meta Llama: prompt, temperature, top_p and max_gen_len only
 *   (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-meta.html).
 * - AI21 Jamba: no top-k parameter (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-jamba.html).
 * - DeepSeek: max_tokens, stop, temperature and top_p only (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-deepseek.html).
 * - OpenAI (gpt-oss, GPT-5.6): the OpenAI Chat Completions request, which has no top-k parameter
 *   (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-openai.html).
 * - Embeddings models (Titan Embeddings, Nova Multimodal Embeddings, Cohere Embed) generate no tokens.
 */
const TOP_K_FORMS: readonly { pattern: RegExp; form: TopKForm }[] = [
    { pattern: /^anthropic\./, form: "top_k" },
    { pattern: /^amazon\.nova-2-multimodal-embeddings/, form: "none" },
    { pattern: /^amazon\.nova-/, form: "nova" },
    { pattern: /^amazon\.titan-/, form: "none" },
    { pattern: /^mistral\.(mistral-7b-instruct|mixtral-8x7b-instruct|mistral-large-2402|mistral-small-2402)/, form: "top_k" },
    { pattern: /^mistral\./, form: "none" },
    { pattern: /^meta\./, form: "none" },
    { pattern: /^ai21\./, form: "none" },
    { pattern: /^deepseek\./, form: "none" },
    { pattern: /^openai\./, form: "none" },
    { pattern: /^cohere\.embed/, form: "none" },
];

/** How the model with `modelId` takes `topK` (see `TOP_K_FORMS` for the sources). */
export function topKFormOf(modelId: string): TopKForm {
    return TOP_K_FORMS.find((f) => f.pattern.test(modelId))?.form ?? "unknown";
}

/**
 * Refuses `topK` in `cfg` when a known model behind the profile, router or variant does not take it
 * (naming the model), or when the models take it in different forms.
 */
export function checkTopK(where: Where, argument: string, cfg: InferenceConfiguration | undefined, models: readonly { modelId: string }[] | undefined): void {
    if (cfg?.topK === undefined || !models || models.length === 0) return;
    const refusing = models.filter((m) => topKFormOf(m.modelId) === "none").map((m) => m.modelId);
    if (refusing.length > 0) {
        fail(where, `${argument}.topK`, cfg.topK, `is not a request field of ${refusing.join(", ")}: the model's request has no top-k parameter`);
    }
    const forms = new Set(models.map((m) => topKFormOf(m.modelId)).filter((f) => f !== "unknown"));
    if (forms.size > 1) fail(where, `${argument}.topK`, cfg.topK, `is taken in different forms by ${models.map((m) => m.modelId).join(", ")}`);
}

/** `topK` as the models take it in `additionalModelRequestFields` (Nova's `inferenceConfig.topK`, else `top_k`). */
function topKFields(topK: number, models: readonly { modelId: string }[] | undefined): Record<string, unknown> {
    const nova = models !== undefined && models.length > 0 && models.every((m) => topKFormOf(m.modelId) === "nova");
    return nova ? { inferenceConfig: { topK } } : { top_k: topK };
}

/** `inferenceConfiguration.text` of an `AWS::Bedrock::Prompt` variant (aws-native input names). */
export interface PromptTextInferenceShape {
    temperature?: number;
    topP?: number;
    maxTokens?: number;
    stopSequences?: string[];
}

/** The CloudFormation shapes of a prompt variant's inference settings (aws-native input names). */
export interface PromptInferenceShapes {
    /** `InferenceConfiguration`: `{ text: { temperature, topP, maxTokens, stopSequences } }`, undefined when none is set. */
    inferenceConfiguration?: { text: PromptTextInferenceShape };
    /**
     * `AdditionalModelRequestFields`: top-k in the form the model takes (`top_k`, or Nova's
     * `inferenceConfig.topK`), `anthropic_version` (Anthropic models only) and `response_format`, under
     * the names the model APIs use; undefined when none is set.
     */
    additionalModelRequestFields?: Record<string, unknown>;
}

/**
 * Maps inference settings onto a prompt variant: `temperature`, `topP`, `maxTokens` and
 * `stopSequences` go to `inferenceConfiguration.text`; `topK` to `additionalModelRequestFields` in the
 * form `models` take it (`inferenceConfig.topK` when every model is an Amazon Nova model, else `top_k`;
 * refuse models that take none with `checkTopK` first),
 * `anthropicVersion` to `anthropic_version` (dropped when `anthropic` is false: the model is known not
 * to be an Anthropic one), `responseFormat` to `response_format`. Unset settings are left out, and
 * each shape is left out when it would be empty.
 */
export function toPromptInferenceShapes(
    cfg: InferenceConfiguration | undefined,
    anthropic: boolean | undefined,
    models?: readonly { modelId: string }[],
): PromptInferenceShapes {
    const out: PromptInferenceShapes = {};
    if (!cfg) return out;
    const text: PromptTextInferenceShape = {};
    if (cfg.temperature !== undefined) text.temperature = cfg.temperature;
    if (cfg.topP !== undefined) text.topP = cfg.topP;
    if (cfg.maxTokens !== undefined) text.maxTokens = cfg.maxTokens;
    if (cfg.stopSequences !== undefined) text.stopSequences = [...cfg.stopSequences];
    if (Object.keys(text).length > 0) out.inferenceConfiguration = { text };
    const extra: Record<string, unknown> = {};
    if (cfg.topK !== undefined) Object.assign(extra, topKFields(cfg.topK, models));
    if (cfg.anthropicVersion !== undefined && anthropic !== false) extra.anthropic_version = cfg.anthropicVersion;
    if (cfg.responseFormat !== undefined) extra.response_format = cfg.responseFormat;
    if (Object.keys(extra).length > 0) out.additionalModelRequestFields = extra;
    return out;
}
