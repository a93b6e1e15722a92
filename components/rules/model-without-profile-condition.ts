import { boundsToProfiles, foundationModelId, hasWildcard, isExclusion, isInvoke, modelsThroughProfiles } from "./bedrock-iam";
import type { Rule, RuleFinding } from "./rule";

/**
 * `model-without-profile-condition`: a foundation-model invoke statement, not bounded by a
 * `bedrock:InferenceProfileArn` condition (concrete values, an operator that fails when the key is
 * absent), that is wildcarded, or whose model is also granted through an inference profile by any policy
 * of the same role (the profile grant then also opens the model directly). A plain foundation-model
 * grant, alone, is legitimate and not flagged. Judged per role, whatever the split into policies.
 */
export const rule: Rule = {
    id: "model-without-profile-condition",
    description:
        "Foundation-model invoke grants that are wildcarded, or that sit beside a profile grant for the same model, must carry a bedrock:InferenceProfileArn condition.",
    why: "Invoking through an inference profile needs the model in every destination Region; without the condition the role can also call those models directly, in any of those Regions. https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html",
    enforcementLevel: "mandatory",
    statement: (s, _policy, role, ctx) => {
        if (isExclusion(s) || !s.Action.some(isInvoke) || boundsToProfiles(s.Condition)) return [];
        const models = s.Resource.filter((arn) => foundationModelId(arn) !== undefined);
        if (models.length === 0) return [];
        const wild = models.filter(hasWildcard);
        const throughProfiles = modelsThroughProfiles(role, ctx.resources);
        const shadowed = models.filter((arn) => !wild.includes(arn) && throughProfiles.has(foundationModelId(arn) as string));
        const findings: RuleFinding[] = [];
        if (wild.length > 0) {
            findings.push({
                severity: "error",
                message: `invoke on wildcarded foundation models ${wild.join(", ")} without a bedrock:InferenceProfileArn condition`,
                statement: s,
            });
        }
        if (shadowed.length > 0) {
            findings.push({
                severity: "error",
                message: `invoke on ${shadowed.join(", ")} without a bedrock:InferenceProfileArn condition, on a role that is granted an inference profile for that model: the model is open directly, not only through the profile`,
                statement: s,
            });
        }
        return findings;
    },
};
