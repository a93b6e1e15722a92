/**
 * What IAM needs to reach each kind of invokable, as plain data and pure functions.
 *
 * Facts: `bedrock-iam.md` (AWS Bedrock user guide: inference-profiles-prereq, inference-prereq,
 * geographic and global cross-region inference, prompt routing). Strings may be symbolic.
 */
import { foundationModelArn, globalFoundationModelArn } from "../catalog/arns";
import type { Statement } from "./policy";

/** `bedrock:InvokeModel` covers InvokeModel and Converse; the stream action covers the streaming calls. */
export const INVOKE_ACTIONS = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];
export const GET_PROFILE = "bedrock:GetInferenceProfile";
export const LIST_PROFILES = "bedrock:ListInferenceProfiles";
export const GET_ROUTER = "bedrock:GetPromptRouter";
export const PROFILE_ARN_KEY = "bedrock:InferenceProfileArn";

/** A foundation model in one Region. */
export interface FoundationModelTarget {
    kind: "foundation-model";
    partition: string;
    region: string;
    modelId: string;
}

/** A system-defined (cross-region) inference profile. */
export interface SystemProfileTarget {
    kind: "system-profile";
    /** The profile's ARN (source Region, caller's account). */
    arn: string;
    partition: string;
    /** The Region the profile is called from. */
    sourceRegion: string;
    modelId: string;
    /** Regions the profile routes to (the source Region is always added). */
    destinationRegions: readonly string[];
    /**
     * True when `destinationRegions` is known to hold the source Region (the geography's default
     * list, the source having been checked against it): the source needs no entry of its own.
     */
    sourceInDestinations?: boolean;
    /** A `global.` profile: IAM also sees the Region-less foundation-model ARN. */
    global: boolean;
}

/** An application inference profile. */
export interface ApplicationProfileTarget {
    kind: "application-profile";
    arn: string;
    /** What the profile copies from; undefined for an import whose source is not known. */
    source?: FoundationModelTarget | SystemProfileTarget;
    /** Partition, for the wildcard model statement of an import whose source is not known. */
    partition: string;
}

/** A prompt router (default or custom) and the profiles or models it routes to. */
export interface PromptRouterTarget {
    kind: "prompt-router";
    arn: string;
    routed: (FoundationModelTarget | SystemProfileTarget | ApplicationProfileTarget)[];
}

/** Anything a role can be granted invoke on. */
export type AccessTarget = FoundationModelTarget | SystemProfileTarget | ApplicationProfileTarget | PromptRouterTarget;

function allow(actions: string[], resources: string[], condition?: Statement["Condition"]): Statement {
    return condition
        ? { Effect: "Allow", Action: actions, Resource: resources, Condition: condition }
        : { Effect: "Allow", Action: actions, Resource: resources };
}

/** The foundation-model statements of a system profile, reachable only through `profileArns`. */
function systemProfileModelStatements(t: SystemProfileTarget, profileArns: string[]): Statement[] {
    const regions = t.sourceInDestinations ? [...t.destinationRegions] : [...new Set([t.sourceRegion, ...t.destinationRegions])];
    const viaProfile = { StringEquals: { [PROFILE_ARN_KEY]: profileArns } };
    if (t.global) {
        return [
            allow(INVOKE_ACTIONS, [foundationModelArn(t.partition, t.sourceRegion, t.modelId)], viaProfile),
            allow(INVOKE_ACTIONS, [globalFoundationModelArn(t.partition, t.modelId)], {
                StringEquals: { "aws:RequestedRegion": ["unspecified"], [PROFILE_ARN_KEY]: profileArns },
            }),
        ];
    }
    return [
        allow(
            INVOKE_ACTIONS,
            regions.map((r) => foundationModelArn(t.partition, r, t.modelId)),
            viaProfile,
        ),
    ];
}

/**
 * Statements that let a role run inference through `t`, and nothing more:
 * - foundation model: invoke on the model in its Region;
 * - system profile: invoke on the profile, and on the model in the source and every destination
 *   Region with `bedrock:InferenceProfileArn` = the profile (global: the source-Region model and the
 *   Region-less model with `aws:RequestedRegion` = `unspecified`);
 * - application profile: invoke on the profile (and the system profile it wraps), and on the models
 *   with both profile ARNs in the condition;
 * - prompt router: invoke on the router and on everything it routes to.
 */
export function invokeStatements(t: AccessTarget): Statement[] {
    switch (t.kind) {
        case "foundation-model":
            return [allow(INVOKE_ACTIONS, [foundationModelArn(t.partition, t.region, t.modelId)])];
        case "system-profile":
            return [allow(INVOKE_ACTIONS, [t.arn]), ...systemProfileModelStatements(t, [t.arn])];
        case "application-profile": {
            const src = t.source;
            if (src === undefined) {
                // The model behind an imported profile is unknown: any model, only through this profile.
                return [
                    allow(INVOKE_ACTIONS, [t.arn]),
                    allow(INVOKE_ACTIONS, [`arn:${t.partition}:bedrock:*::foundation-model/*`], {
                        StringEquals: { [PROFILE_ARN_KEY]: [t.arn] },
                    }),
                ];
            }
            if (src.kind === "foundation-model") {
                return [
                    allow(INVOKE_ACTIONS, [t.arn]),
                    allow(INVOKE_ACTIONS, [foundationModelArn(src.partition, src.region, src.modelId)], {
                        StringEquals: { [PROFILE_ARN_KEY]: [t.arn] },
                    }),
                ];
            }
            return [allow(INVOKE_ACTIONS, [t.arn, src.arn]), ...systemProfileModelStatements(src, [t.arn, src.arn])];
        }
        case "prompt-router":
            return [allow(INVOKE_ACTIONS, [t.arn]), allow([GET_ROUTER], [t.arn]), ...t.routed.flatMap(invokeStatements)];
    }
}

/** The profile ARNs behind `t` (an application profile and the system profile it wraps). */
export function profileArns(t: AccessTarget): string[] {
    switch (t.kind) {
        case "foundation-model":
            return [];
        case "system-profile":
            return [t.arn];
        case "application-profile":
            return t.source?.kind === "system-profile" ? [t.arn, t.source.arn] : [t.arn];
        case "prompt-router":
            return t.routed.flatMap(profileArns);
    }
}

/**
 * Statements that let a role read the profile(s) behind `t`: `bedrock:GetInferenceProfile` on them
 * and `bedrock:ListInferenceProfiles`, which has no resource-level permissions (`*`).
 */
export function usageStatements(t: AccessTarget): Statement[] {
    const arns = profileArns(t);
    if (arns.length === 0) return [];
    return [allow([GET_PROFILE], arns), allow([LIST_PROFILES], ["*"])];
}
