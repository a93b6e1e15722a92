/**
 * Guardrail spec setup shared by tests/guardrail.spec.ts and tests/guardrail-metrics.spec.ts: the mocks in one
 * Region for both providers, and the standard-tier guardrail on the US guardrail profile.
 */
import { setBedrockMocks, type MockRecorder } from "../../components/testing/testing";
import { ACCOUNT } from "./grants";
import * as bedrock from "../../sdk/nodejs";

export { ACCOUNT };

/** Mocks answering account 123456789012 and `region`, which is also the stack's aws-native and aws Region. */
export function mocks(region = "us-east-1"): MockRecorder {
    return setBedrockMocks({ region, accountId: ACCOUNT, config: { "aws-native:region": region, "aws:region": region } });
}

/** The standard-tier guardrail of the issue: on the US profile, from the stack's Region. */
export function usGuardrail(name = "support-guardrail", extra: Partial<bedrock.GuardrailArgs> = {}): bedrock.Guardrail {
    return new bedrock.Guardrail(name, {
        contentFilters: [{ type: "HATE", inputStrength: "HIGH", outputStrength: "HIGH" }],
        tier: "STANDARD",
        crossRegion: bedrock.GuardrailProfileRegion.US,
        ...extra,
    });
}
