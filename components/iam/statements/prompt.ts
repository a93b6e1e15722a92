/**
 * Statements for running a prompt from Prompt management.
 *
 * Facts: Converse and ConverseStream (and InvokeModel, for prompts whose model is an Anthropic Claude or
 * Meta Llama model) take the ARN of a prompt as `modelId`
 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html; "InvokeModel and
 * InvokeModelWithResponseStream only work on prompts from Prompt management whose configuration specifies
 * an Anthropic Claude or Meta Llama model", https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-management-supported.html).
 * The calls are authorized as `bedrock:InvokeModel` / `bedrock:InvokeModelWithResponseStream`, and
 * `bedrock:RenderPrompt` is needed to use a prompt from Prompt management
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-prereq.html). The prompt then runs on
 * its variant's model, which the role must be allowed to invoke as well (the model's own invoke grant).
 */
import type { Statement } from "../policy";

/** `bedrock:InvokeModel`, `bedrock:InvokeModelWithResponseStream` and `bedrock:RenderPrompt` on `arns` (prompt or prompt-version ARNs). */
export function promptRunStatements(arns: readonly string[]): Statement[] {
    return [{ Effect: "Allow", Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "bedrock:RenderPrompt"], Resource: [...arns] }];
}
