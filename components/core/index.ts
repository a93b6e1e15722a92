/**
 * Core: what every layer above it uses and that is not about Bedrock itself. Argument validation and
 * its error (`validation.ts`), per-program state (`program-state.ts`), symbolic values in policy text
 * (`symbols.ts`), the caller's account, Region and partition (`context.ts`), and what makes a target
 * invokable (`invokable.ts`). A new cross-cutting helper goes here; Bedrock facts go in `catalog/`.
 *
 * This index re-exports the members the package's entry points (`sdk/nodejs/`) publish. Modules
 * inside `components/` import each other's files directly, not through the indexes.
 */
export { BedrockValidationError, type Tags } from "./validation";
export { AWS_INVOKE_TOKENS, INVOKE_TOKENS } from "./context";
export { type IInvokable } from "./invokable";
