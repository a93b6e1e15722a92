/**
 * Prompts and prompt routers: Prompt Management prompts, their variants and versions (`prompt.ts`),
 * and intelligent prompt routers, default or custom (`prompt-router.ts`). A new prompt-related
 * component goes here, one component a file.
 *
 * This index re-exports the members the package's entry points (`sdk/nodejs/`) publish.
 */
export {
    PromptRouter,
    DefaultPromptRouterIdentifier,
    modelFamily,
    isPromptRouter,
    type IPromptRouter,
    type PromptRouterArgs,
    type DefaultPromptRouterOptions,
} from "./prompt-router";
export {
    Prompt,
    PromptVariant,
    PromptVersion,
    CONTENT_HASH_TAG,
    type PromptArgs,
    type PromptVersionOptions,
    type TextPromptVariantProps,
    type ChatPromptVariantProps,
    type AgentPromptVariantProps,
    type AgentAliasRef,
    type ChatMessage,
    type PromptToolConfiguration,
    type PromptToolSpecification,
    type KmsKeyRef,
} from "./prompt";
