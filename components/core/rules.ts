/**
 * String rules that several components share, each from the CloudFormation schema of the resources
 * that use it (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_Bedrock.html):
 * one definition, so the components that share a rule cannot drift apart.
 */
import type { StringRule } from "./validation";

/**
 * `Name` of `AWS::Bedrock::ApplicationInferenceProfile` (`InferenceProfileName`) and
 * `AWS::Bedrock::IntelligentPromptRouter` (`PromptRouterName`): 1-64 characters.
 */
export const PROFILE_NAME_RULE: StringRule = {
    min: 1,
    max: 64,
    pattern: /^([0-9a-zA-Z][ _-]?)+$/,
    patternText: "letters and digits, each followed by at most one space, underscore or hyphen",
};

/** `Description` of application profiles and prompt routers: 1-200 characters. */
export const PROFILE_DESCRIPTION_RULE: StringRule = {
    min: 1,
    max: 200,
    pattern: /^([0-9a-zA-Z:.][ _-]?)+$/,
    patternText: "letters, digits, colons and periods, each followed by at most one space, underscore or hyphen",
    optional: true,
};

/** Names of prompts, prompt variants and variables, and agent action groups and functions: `([0-9a-zA-Z][_-]?){1,100}`. */
export const RESOURCE_NAME_PATTERN = /^([0-9a-zA-Z][_-]?){1,100}$/;

/** An AWS Region name (`us-east-1`, `us-gov-west-1`, `us-iso-east-1`). */
export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$/;
