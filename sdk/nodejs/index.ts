/**
 * pulumi-bedrock-genai: Pulumi components for Amazon Bedrock generative AI.
 *
 * Cross-region and application inference profiles, prompt routers, prompts and agents, with grant
 * helpers that attach least-privilege IAM role policies.
 */
export { BedrockFoundationModel, type BedrockFoundationModelProps } from "../../components/foundation-model";
export { CrossRegionInferenceProfileRegion, type Partition } from "../../components/geographies";
export {
    CrossRegionInferenceProfile,
    type CrossRegionInferenceProfileProps,
    type ICrossRegionInferenceProfile,
} from "../../components/cross-region-profile";
export {
    ApplicationInferenceProfile,
    type ApplicationInferenceProfileArgs,
    type ApplicationInferenceProfileAttributes,
    type ApplicationInferenceProfileSource,
    type IApplicationInferenceProfile,
} from "../../components/application-profile";
export { type RoleRef, type GrantOptions, type RolePolicyGrant } from "../../components/grants";
export { BedrockValidationError, type Tags } from "../../components/validation";
export { INVOKE_TOKENS } from "../../components/context";
export { IAM_LIMITS } from "../../components/policy";
