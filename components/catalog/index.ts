/**
 * Catalog: facts about Amazon Bedrock as plain data and pure functions, with no Pulumi resources. The
 * foundation models and their capabilities (`foundation-model.ts`), the cross-region geographies and
 * their Regions (`geographies.ts`), routes that depend on the source Region (`routes.ts`, shared by every
 * kind of cross-Region profile), the cross-Region guardrail profiles (`guardrail-profiles.ts`) and every
 * ARN format (`arns.ts`). A new model, Region, ARN or documented limit goes here, with the AWS page it
 * comes from. The validation of inference settings against their bounds uses core's validation, so it is
 * in `core/inference-configuration.ts`.
 *
 * This index re-exports the members the package's entry points (`sdk/nodejs/`) publish.
 */
export { BedrockFoundationModel, type BedrockFoundationModelProps, type OutputModality, type ProfileStatus } from "./foundation-model";
export { CrossRegionInferenceProfileRegion, type Partition, type SourceRegionStatus } from "./geographies";
export { type SourceRoutes, type RoutesBySource } from "./routes";
export { GuardrailProfileRegion } from "./guardrail-profiles";
