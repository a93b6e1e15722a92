/**
 * What IAM needs to reach each kind of invokable, as plain data and pure functions.
 *
 * Facts: AWS's Bedrock user guide (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html,
 * https://docs.aws.amazon.com/bedrock/latest/userguide/inference-prereq.html,
 * https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html,
 * https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html,
 * https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-routing.html) and the Service Authorization
 * Reference (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html).
 * Strings may be symbolic.
 */
import { foundationModelArn, globalFoundationModelArn } from "../catalog/arns";
import type { SourceRoutes } from "../catalog/routes";
import type { Statement } from "./policy";

/** `bedrock:InvokeModel` covers InvokeModel and Converse; the stream action covers the streaming calls. */
export const INVOKE_ACTIONS = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];
export const GET_PROFILE = "bedrock:GetInferenceProfile";
export const LIST_PROFILES = "bedrock:ListInferenceProfiles";
export const GET_ROUTER = "bedrock:GetPromptRouter";
export const PROFILE_ARN_KEY = "bedrock:InferenceProfileArn";
/**
 * Every `bedrock:InferenceProfileArn` condition uses `ArnLike`, the operator IAM documents for ARN-valued
 * keys (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN):
 * exact for a full ARN, and it lets one value list hold both exact profile ARNs and the
 * `application-inference-profile/*` pattern, so each model ARN is listed once.
 */

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
    /**
     * Where requests run from each source Region, when the source Region is known only at deploy and the
     * geography's destinations depend on it (`au.`): the model statements then allow, for each group of
     * sources, the model in exactly that group's destinations, through the profile in those sources only.
     * `destinationRegions` is their union.
     */
    routes?: readonly SourceRoutes[];
    /** A `global.` profile: IAM also sees the Region-less foundation-model ARN. */
    global: boolean;
}

/** An application inference profile. */
export interface ApplicationProfileTarget {
    kind: "application-profile";
    arn: string;
    /**
     * `arn:<partition>:bedrock:<region>:<account>:application-inference-profile/*` for the profile's
     * Region and account: the `ArnLike` value of the model statements' `bedrock:InferenceProfileArn`
     * condition. Exact because the profile itself is a resource of the invoke statement (see
     * `invokeStatements`).
     */
    arnPattern: string;
    /** What the profile copies from; undefined for an import whose source is not known. */
    source?: FoundationModelTarget | SystemProfileTarget;
    /** Partition, for the wildcard model statement of an import whose source is not known. */
    partition: string;
    /** The profile's Region as written in `arnPattern` (possibly symbolic): the source Region of the system profile it copies. */
    region?: string;
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

/** `text` with every `token` (a source Region, possibly symbolic) replaced by `region`. */
function atRegion(text: string, tokens: readonly string[], region: string): string {
    return tokens.reduce((out, token) => (token === "" ? out : out.split(token).join(region)), text);
}

/**
 * The foundation-model statements of a system profile, reachable only through `profileArns` (written
 * with the source Region `t.sourceRegion`, or `regionTokens` for an application profile's own Region).
 */
function systemProfileModelStatements(t: SystemProfileTarget, profileArns: string[], regionTokens: readonly string[] = [t.sourceRegion]): Statement[] {
    if (t.global) {
        const viaProfile = { ArnLike: { [PROFILE_ARN_KEY]: profileArns } };
        return [
            allow(INVOKE_ACTIONS, [foundationModelArn(t.partition, t.sourceRegion, t.modelId)], viaProfile),
            allow(INVOKE_ACTIONS, [globalFoundationModelArn(t.partition, t.modelId)], {
                ArnLike: { [PROFILE_ARN_KEY]: profileArns },
                StringEquals: { "aws:RequestedRegion": ["unspecified"] },
            }),
        ];
    }
    if (t.routes !== undefined) {
        // Per group of source Regions: the model in exactly their destinations (and themselves), only through
        // the profile called from one of them. The role can call the profile in its own Region only, so it
        // reaches exactly that Region's destinations.
        return t.routes.map((g) =>
            allow(
                INVOKE_ACTIONS,
                [...new Set([...g.sources, ...g.destinations])].sort().map((r) => foundationModelArn(t.partition, r, t.modelId)),
                { ArnLike: { [PROFILE_ARN_KEY]: g.sources.flatMap((source) => profileArns.map((arn) => atRegion(arn, regionTokens, source))) } },
            ),
        );
    }
    const regions = t.sourceInDestinations ? [...t.destinationRegions] : [...new Set([t.sourceRegion, ...t.destinationRegions])];
    return [
        allow(
            INVOKE_ACTIONS,
            regions.map((r) => foundationModelArn(t.partition, r, t.modelId)),
            { ArnLike: { [PROFILE_ARN_KEY]: profileArns } },
        ),
    ];
}

/**
 * Statements that let a role run inference through `t`, and nothing more. Running inference through
 * a profile needs `bedrock:GetInferenceProfile` on it besides the invoke actions
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-prereq.html).
 * - foundation model: invoke on the model in its Region;
 * - system profile: invoke and get on the profile, and invoke on the model in the source and every
 *   destination Region of that source with `bedrock:InferenceProfileArn` = the profile (global: the
 *   source-Region model and the Region-less model with `aws:RequestedRegion` = `unspecified`; a source
 *   known only at deploy whose routes differ by source: per group of sources, the model in that group's
 *   destinations through the profile in those sources)
 *   (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html,
 *   https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html);
 * - application profile: invoke and get on the profile, and invoke on its models with
 *   `ArnLike bedrock:InferenceProfileArn` = `...:application-inference-profile/*` of the profile's
 *   Region and account. Exact: every request through an application profile is also authorized
 *   against the profile itself, which only the granted profiles allow, so the role reaches the models
 *   only through profiles it was granted. One pattern serves every profile of a Region and account, so
 *   each profile's ARN appears once in a merged policy. On a system profile, that profile's own grant
 *   too. An import whose source is unknown: any model, only through this profile (`StringEquals`);
 * - prompt router: invoke and get on the router, and on everything it routes to.
 */
export function invokeStatements(t: AccessTarget): Statement[] {
    switch (t.kind) {
        case "foundation-model":
            return [allow(INVOKE_ACTIONS, [foundationModelArn(t.partition, t.region, t.modelId)])];
        case "system-profile":
            return [allow([...INVOKE_ACTIONS, GET_PROFILE], [t.arn]), ...systemProfileModelStatements(t, [t.arn])];
        case "application-profile": {
            const src = t.source;
            const profile = allow([...INVOKE_ACTIONS, GET_PROFILE], [t.arn]);
            if (src === undefined) {
                // The model behind an imported profile is unknown: any model, only through this profile.
                return [
                    profile,
                    allow(INVOKE_ACTIONS, [`arn:${t.partition}:bedrock:*::foundation-model/*`], {
                        ArnLike: { [PROFILE_ARN_KEY]: [t.arn] },
                    }),
                ];
            }
            if (src.kind === "foundation-model") {
                return [
                    profile,
                    allow(INVOKE_ACTIONS, [foundationModelArn(src.partition, src.region, src.modelId)], { ArnLike: { [PROFILE_ARN_KEY]: [t.arnPattern] } }),
                ];
            }
            // Whether Bedrock also authorizes the system profile an application profile copies is not settled by
            // AWS's pages; AWS's CDK constructs grant it, and practitioners report it is checked
            // (https://www.alexis-segura.com/notes/a-note-on-claude-code-amazon-bedrock-and-cost-tracking).
            // Granted, and the models are reached through either profile, so the grant works either way
            // (README: "Application profiles on a cross-region profile").
            return [
                profile,
                allow([...INVOKE_ACTIONS, GET_PROFILE], [src.arn]),
                ...systemProfileModelStatements(src, [t.arnPattern, src.arn], [src.sourceRegion, t.region ?? src.sourceRegion]),
            ];
        }
        case "prompt-router":
            return [allow(INVOKE_ACTIONS, [t.arn]), allow([GET_ROUTER], [t.arn]), ...t.routed.flatMap(invokeStatements)];
    }
}

/** The profile ARNs behind `t` (an application profile and the system profile it copies). */
export function profileArns(t: AccessTarget): string[] {
    switch (t.kind) {
        case "foundation-model":
            return [];
        // Stryker disable next-line ConditionalExpression: falling through to "application-profile" gives [t.arn] too (a system profile has no source)
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
