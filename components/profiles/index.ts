/**
 * Inference profiles: cross-region (system-defined) profiles, a reference or a component
 * (`cross-region-profile.ts`), and application inference profiles (`application-profile.ts`). A new
 * kind of profile goes here, one component a file.
 *
 * This index re-exports the members the package's entry points (`sdk/nodejs/`) publish.
 */
export { CrossRegionInferenceProfile, type CrossRegionInferenceProfileProps, type ICrossRegionInferenceProfile } from "./cross-region-profile";
export {
    ApplicationInferenceProfile,
    type ApplicationInferenceProfileArgs,
    type ApplicationInferenceProfileAttributes,
    type ApplicationInferenceProfileSource,
    type IApplicationInferenceProfile,
} from "./application-profile";
