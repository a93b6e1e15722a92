/**
 * IAM for Amazon Bedrock Guardrails, as pure functions over (possibly symbolic) strings: what applying
 * a guardrail needs, and how an invoke grant is narrowed to requests that name a guardrail.
 *
 * Facts:
 * - Inference with a guardrail needs `bedrock:ApplyGuardrail` on the guardrail besides the invoke
 *   actions on the model (https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions.html).
 * - A guardrail with a cross-Region guardrail profile also needs `bedrock:ApplyGuardrail` on the profile
 *   ARN in the source Region and in every destination Region
 *   (https://docs.aws.amazon.com/bedrock/latest/userguide/guardrail-profiles-permissions.html); the
 *   Service Authorization Reference lists `guardrail` and `guardrail-profile` as the resource types of
 *   `ApplyGuardrail` (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html).
 * - A customer managed key needs `kms:Decrypt` for the guardrail's users (`guardrailKeyStatements` in `kms.ts`).
 * - `bedrock:GuardrailIdentifier` (type ARN) is a condition key of `bedrock:InvokeModel` and
 *   `bedrock:InvokeModelWithResponseStream` (so of Converse and ConverseStream too): "the GuardrailArn or
 *   the GuardrailArn:NumericVersion" the request names (Service Authorization Reference). AWS's pattern to
 *   enforce a guardrail is an `Allow` with `StringEquals` and a `Deny` with `StringNotEquals` on the key,
 *   with `ApplyGuardrail` on the bare guardrail ARN; the value is the guardrail ARN for its `DRAFT` and
 *   `<arn>:<n>` for version n (https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-id.html).
 *   `StringNotEquals` is true when the key is absent, so the `Deny` refuses requests that name no guardrail.
 */
import { INVOKE_ACTIONS } from "../access";
import type { Statement } from "../policy";

/** What a grant needs of a guardrail: the statements that apply it, and the `bedrock:GuardrailIdentifier` values that name it. */
export interface GuardrailAccess {
    /** `bedrock:ApplyGuardrail` on the guardrail and its profile ARNs; `kms:Decrypt` on its key. */
    apply: Statement[];
    /** The values of `bedrock:GuardrailIdentifier` of a request naming this guardrail version. */
    identifiers: string[];
}

/** The action that applies a guardrail (to a model's input and output, or standalone). */
export const APPLY_GUARDRAIL = "bedrock:ApplyGuardrail";
/** The condition key carrying the guardrail an inference request names. */
export const GUARDRAIL_IDENTIFIER_KEY = "bedrock:GuardrailIdentifier";

/**
 * `bedrock:ApplyGuardrail` on the guardrail (its bare ARN, whatever version is applied) and on each of
 * `profileArns` (its guardrail profile in the source and every destination Region).
 */
export function guardrailApplyStatements(guardrailArn: string, profileArns: readonly string[] = []): Statement[] {
    return [{ Effect: "Allow", Action: [APPLY_GUARDRAIL], Resource: [guardrailArn, ...profileArns] }];
}

/** The `bedrock:GuardrailIdentifier` value of a request naming `version` of the guardrail `guardrailArn`: the ARN for `DRAFT`, else `<arn>:<version>`. */
export function guardrailIdentifierValue(guardrailArn: string, version: string): string {
    return version === "DRAFT" ? guardrailArn : `${guardrailArn}:${version}`;
}

/**
 * `statements` (an invoke grant) narrowed to requests that name one of `identifiers`
 * (`bedrock:GuardrailIdentifier` values). Each unconditioned `Allow` of an invoke action is what a
 * request enters through (the model called directly, a profile, a router): its invoke actions get
 * `StringEquals` on the key, and a `Deny` of the same actions on the same resources with
 * `StringNotEquals` refuses every other request, whatever else the role is allowed. Its other actions
 * (`bedrock:GetInferenceProfile`) stay unconditioned. Statements already conditioned (a model reached
 * only through a profile, `bedrock:InferenceProfileArn`) are kept as they are: such a request is also
 * authorized against the profile, which now requires the guardrail, so the grant holds whether or not
 * Bedrock sets the key when it authorizes the model behind a profile.
 */
export function enforceGuardrailStatements(statements: readonly Statement[], identifiers: readonly string[]): Statement[] {
    const out: Statement[] = [];
    for (const s of statements) {
        const invoke = s.Action.filter((a) => INVOKE_ACTIONS.includes(a));
        if (s.Effect !== "Allow" || s.Condition !== undefined || invoke.length === 0) {
            out.push(s);
            continue;
        }
        const rest = s.Action.filter((a) => !invoke.includes(a));
        if (rest.length > 0) out.push({ Effect: "Allow", Action: rest, Resource: [...s.Resource] });
        out.push({ Effect: "Allow", Action: invoke, Resource: [...s.Resource], Condition: { StringEquals: { [GUARDRAIL_IDENTIFIER_KEY]: [...identifiers] } } });
        out.push({
            Effect: "Deny",
            Action: invoke,
            Resource: [...s.Resource],
            Condition: { StringNotEquals: { [GUARDRAIL_IDENTIFIER_KEY]: [...identifiers] } },
        });
    }
    return out;
}
