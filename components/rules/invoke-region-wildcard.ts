import { parseArnPattern } from "../catalog/arns";
import { boundsToProfiles, hasWildcard, isExclusion, isInvoke } from "./bedrock-iam";
import type { Rule } from "./rule";

/**
 * `invoke-region-wildcard`: an invoke action on an ARN whose Region is a wildcard: a warning when a
 * `bedrock:InferenceProfileArn` condition bounds it to named profiles, an error otherwise.
 */
export const rule: Rule = {
    id: "invoke-region-wildcard",
    description: "Invoke must name the Regions of the models and profiles it allows, not a Region wildcard.",
    why: "A Region wildcard lets the role call the model in every Region, outside the geography a cross-region profile keeps data in; bound by a bedrock:InferenceProfileArn condition it is only reachable through the profile. https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html",
    enforcementLevel: "mandatory",
    statement: (s) => {
        if (isExclusion(s) || !s.Action.some(isInvoke)) return [];
        const wild = s.Resource.filter((arn) => hasWildcard(parseArnPattern(arn)?.region ?? ""));
        if (wild.length === 0) return [];
        return boundsToProfiles(s.Condition)
            ? [
                  {
                      severity: "warning",
                      message: `invoke on ${wild.join(", ")} with a Region wildcard, bounded by a bedrock:InferenceProfileArn condition (name the model's Regions to make it exact)`,
                      statement: s,
                  },
              ]
            : [{ severity: "error", message: `invoke on ${wild.join(", ")} with a Region wildcard: any Region can be called`, statement: s }];
    },
};
