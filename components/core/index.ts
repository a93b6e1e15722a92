/**
 * Core: what every layer above it uses and that is not about Bedrock itself. Argument validation and
 * its error (`validation.ts`), per-program state (`program-state.ts`), symbolic values in policy text
 * (`symbols.ts`), the caller's account, Region and partition (`context.ts`), the names and patterns of
 * resources (`rules.ts`, `resource-name.ts`), inference settings checked against their documented bounds
 * (`inference-configuration.ts`). Core is above `catalog/` and below `iam/`: what makes a
 * target invokable and the same-Region rules, which speak of IAM's access targets, are in `iam/`
 * (`invokable.ts`, `region-check.ts`). A new cross-cutting helper goes here; Bedrock facts go in `catalog/`.
 *
 * This index re-exports the members the package's entry points (`sdk/nodejs/`) publish. Modules
 * inside `components/` import each other's files directly, not through the indexes.
 */
export { BedrockValidationError, type Tags } from "./validation";
export { AWS_INVOKE_TOKENS, INVOKE_TOKENS } from "./context";
export {
    type InferenceConfiguration,
    validateInferenceConfiguration,
    mergeInferenceConfiguration,
    toPromptInferenceShapes,
    PROMPT_MAX_TOKENS_LIMIT,
    AGENT_MAX_TOKENS_LIMIT,
} from "./inference-configuration";
