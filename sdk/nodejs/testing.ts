/**
 * `pulumi-bedrock-genai/testing`: unit-test Pulumi programs that use this package with Pulumi mocks.
 */
export {
    setBedrockMocks,
    resolveOutput,
    settle,
    policiesForRole,
    statementsForRole,
    defaultOutputs,
    fakeId,
    MockRecorder,
    type BedrockMocksOptions,
    type RecordedResource,
    type AttachedPolicy,
} from "../../components/testing";
export type { Statement } from "../../components/policy";
