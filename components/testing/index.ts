/**
 * The testing helper (a tool, not a component) for programs that use this package: Pulumi mocks that
 * answer the package's invokes and give realistic outputs, the recorder of registered resources, and
 * readers of outputs and of the IAM policies attached to a role. Published as
 * `pulumi-bedrock-genai/testing`; the package's own specs use it too.
 *
 * This index re-exports the members `sdk/nodejs/testing.ts` publishes.
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
    runProgram,
    defaultOutputs,
    fakeId,
    MockRecorder,
    type BedrockMocksOptions,
    type RecordedResource,
    type AttachedPolicy,
    type TrustStatement,
    type MissingOutput,
} from "./testing";
