/** What the grant specs share: their mocks, the eight Claude models of the CDK user's loop, the invoke actions, and a log capture (./logs.ts). */
import * as bedrock from "../../sdk/nodejs";
import { setBedrockMocks, type MockRecorder } from "../../components/testing/testing";

const M = bedrock.BedrockFoundationModel;

/** The account the grant specs' mocks answer with. */
export const ACCOUNT = "123456789012";

/** Mocks answering account 123456789012 and `region`, which is also the stack's aws-native Region (no aws Region is configured). */
export function grantMocks(region = "us-east-1"): MockRecorder {
    return setBedrockMocks({ region, accountId: ACCOUNT, config: { "aws-native:region": region } });
}

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

export { capturingLogs } from "./logs";
