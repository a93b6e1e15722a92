/**
 * Guardrails: `Guardrail` (`AWS::Bedrock::Guardrail`), its versions, references to existing guardrails,
 * the filters' arguments and ready-made denied topics (`guardrail-args.ts`), the grants that apply a
 * guardrail (with its cross-Region guardrail profile, `catalog/guardrail-profiles.ts`), and its
 * `AWS/Bedrock/Guardrails` metrics and alarms (`metrics.ts`). Agents take a guardrail; invoke grants
 * take one with `{ guardrail, enforce }`.
 *
 * This index re-exports the members the package's entry point (`sdk/nodejs/index.ts`) publishes.
 */
export {
    Guardrail,
    GuardrailVersion,
    isGuardrail,
    DEFAULT_BLOCKED_INPUT_MESSAGE,
    DEFAULT_BLOCKED_OUTPUT_MESSAGE,
    type IGuardrail,
    type GuardrailArgs,
    type GuardrailAttributes,
    type GuardrailVersionOptions,
} from "./guardrail";
export {
    Topic,
    PII_ENTITY_TYPES,
    type ContentFilter,
    type ContentFilterType,
    type ContextualGroundingFilter,
    type ContextualGroundingType,
    type DeniedTopic,
    type FilterDirections,
    type FilterStrength,
    type GuardrailAction,
    type GuardrailPolicies,
    type GuardrailTier,
    type ManagedWordListFilter,
    type ManagedWordListType,
    type Modality,
    type PiiEntityType,
    type PiiFilter,
    type RegexFilter,
    type SensitiveInformationAction,
    type WordFilter,
} from "./guardrail-args";
export {
    GUARDRAILS_NAMESPACE,
    GUARDRAIL_METRICS,
    GUARDRAIL_METRIC_NAMES,
    type GuardrailMetricInfo,
    type GuardrailMetric,
    type GuardrailMetricName,
    type GuardrailMetricOptions,
    type GuardrailAlarmArgs,
} from "../usage/guardrail-metrics";
export { type DashboardGuardrail } from "../usage/guardrail-dashboard";
