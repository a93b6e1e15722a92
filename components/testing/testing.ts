/**
 * Testing helpers for programs that use this package: Pulumi mocks that answer every invoke the
 * package makes and return realistic outputs for every resource type it creates and the resources
 * users pass to it (./mocks.ts, ./fake-outputs.ts), a recorder of registered resources
 * (./recorder.ts), helpers to resolve outputs (./resolve.ts) and to read the IAM policies attached to a
 * role (./role-policies.ts).
 */
export { setBedrockMocks, type BedrockMocksOptions } from "./mocks";
export { MockRecorder, type RecordedResource } from "./recorder";
export { defaultOutputs, fakeId, FAKED_TYPES, type FakeContext } from "./fake-outputs";
export { type MissingOutput } from "./output-reads";
export { resolveOutput, resolveOutputs, settle } from "./resolve";
export { runProgram } from "./run-program";
export {
    policiesForRole,
    statementsForRole,
    trustPolicyForRole,
    parseTrustPolicy,
    parsePolicy,
    type AttachedPolicy,
    type TrustStatement,
} from "./role-policies";
