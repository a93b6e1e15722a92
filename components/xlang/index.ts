/**
 * Cross-language glue: components with arguments Pulumi's schema analyzer accepts, each wrapping the
 * TypeScript component of the same purpose, for Python, Go, .NET, Java and YAML programs through the
 * component provider in `provider/`. A component offered to other languages gets its wrapper here.
 *
 * This index re-exports the members `sdk/nodejs/provider.ts` publishes.
 */
export { CrossRegionProfile, type CrossRegionProfileArgs, ApplicationProfile, type ApplicationProfileArgs, ModelGrant, type ModelGrantArgs } from "./xlang";
