import { IAM_LIMITS } from "../iam/policy";
import type { Rule } from "./rule";

/** `inline-policy-size`: a role's inline policies together pass IAM's 10,240 characters. */
export const rule: Rule = {
    id: "inline-policy-size",
    description: "A role's inline policies together must fit IAM's 10,240-character quota per role.",
    why: "IAM rejects the policy that crosses the quota at deploy time (LimitExceeded), after the other resources were created. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html",
    enforcementLevel: "mandatory",
    role: (role) =>
        role.inlineSize > IAM_LIMITS.inlinePerRole
            ? [{ severity: "error", message: `inline policies total ${role.inlineSize} characters, over IAM's ${IAM_LIMITS.inlinePerRole} per role` }]
            : [],
};
