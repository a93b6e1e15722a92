/** What the grant specs share: the eight Claude models of the CDK user's loop, the invoke actions, and a log capture. */
import * as pulumi from "@pulumi/pulumi";
import * as bedrock from "../../sdk/nodejs";

const M = bedrock.BedrockFoundationModel;

/** `bedrock:InvokeModel` and the streaming action. */
export const INVOKE = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];
/** What `grantInvoke` allows on a profile. */
export const GET_INVOKE = ["bedrock:GetInferenceProfile", ...INVOKE];
/** Eight Claude models with a `us.` profile (the CDK constructs list them too). */
export const CLAUDE = [
    M.ANTHROPIC_CLAUDE_SONNET_4_V1_0,
    M.ANTHROPIC_CLAUDE_OPUS_4_V1_0,
    M.ANTHROPIC_CLAUDE_3_7_SONNET_V1_0,
    M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
    M.ANTHROPIC_CLAUDE_3_5_SONNET_V1_0,
    M.ANTHROPIC_CLAUDE_3_5_HAIKU_V1_0,
    M.ANTHROPIC_CLAUDE_SONNET_V1_0,
    M.ANTHROPIC_CLAUDE_HAIKU_V1_0,
];

/** Captures `pulumi.log.warn` and `info` messages while `fn` runs. */
export async function capturingLogs(fn: () => Promise<void>): Promise<{ warn: string[]; info: string[] }> {
    const logs = { warn: [] as string[], info: [] as string[] };
    const original = { warn: pulumi.log.warn, info: pulumi.log.info };
    (pulumi.log as { warn: unknown }).warn = async (m: string) => void logs.warn.push(m);
    (pulumi.log as { info: unknown }).info = async (m: string) => void logs.info.push(m);
    try {
        await fn();
    } finally {
        (pulumi.log as { warn: unknown }).warn = original.warn;
        (pulumi.log as { info: unknown }).info = original.info;
    }
    return logs;
}
