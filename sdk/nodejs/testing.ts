/**
 * `pulumi-bedrock-genai/testing`: unit-test Pulumi programs that use this package with Pulumi mocks.
 */
export {
    setBedrockMocks,
    resolveOutput,
    settle,
    policiesForRole,
    statementsForRole,
    trustPolicyForRole,
    parseTrustPolicy,
    parsePolicy,
    resolveOutputs,
    defaultOutputs,
    fakeId,
    MockRecorder,
    type BedrockMocksOptions,
    type RecordedResource,
    type AttachedPolicy,
    type TrustStatement,
} from "../../components/testing";
export type { Statement } from "../../components/policy";
