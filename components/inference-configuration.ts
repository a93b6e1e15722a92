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

/** The largest `maxTokens` CloudFormation accepts (`PromptModelInferenceConfiguration.MaxTokens`). */
export const MAX_TOKENS_LIMIT = 4096;

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
        if (!KEYS.includes(k as keyof InferenceConfiguration)) fail(where, `${argument}.${k}`, (cfg as Record<string, unknown>)[k], `is not an inference setting (known: ${KEYS.join(", ")})`);
    }
    checkNumber(where, `${argument}.temperature`, cfg.temperature, { min: 0, max: 1, optional: true });
    checkNumber(where, `${argument}.topP`, cfg.topP, { min: 0, max: 1, optional: true });
    checkNumber(where, `${argument}.maxTokens`, cfg.maxTokens, { min: 1, max: maxTokensLimit, integer: true, optional: true });
    checkNumber(where, `${argument}.topK`, cfg.topK, { min: 0, max: 500, integer: true, optional: true });
    if (cfg.stopSequences !== undefined) {
        if (!Array.isArray(cfg.stopSequences)) fail(where, `${argument}.stopSequences`, cfg.stopSequences, "must be a list of strings");
        if (cfg.stopSequences.length > 4) fail(where, `${argument}.stopSequences`, cfg.stopSequences, `must hold at most 4 sequences (has ${cfg.stopSequences.length})`);
        cfg.stopSequences.forEach((s, i) => {
            if (typeof s !== "string" || s.length === 0) fail(where, `${argument}.stopSequences[${i}]`, s, "must be a non-empty string");
        });
    }
    if (cfg.anthropicVersion !== undefined && (typeof cfg.anthropicVersion !== "string" || cfg.anthropicVersion.trim() === "")) {
        fail(where, `${argument}.anthropicVersion`, cfg.anthropicVersion, "must be a non-empty string such as \"bedrock-2023-05-31\"");
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
