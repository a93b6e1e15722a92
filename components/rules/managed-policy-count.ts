import { IAM_LIMITS } from "../iam/policy";
import type { Rule } from "./rule";

/**
 * `managed-policy-count`: a role has more than 10 managed policies (IAM's default quota: a warning) or
 * more than 20 (the most the quota can be raised to: an error).
 */
export const rule: Rule = {
    id: "managed-policy-count",
    description: "A role must not have more managed policies attached than IAM allows (10 by default, 20 at most).",
    why: "Attaching a policy past the quota fails at deploy time; past 10 the account needs a quota increase first. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html",
    enforcementLevel: "mandatory",
    role: (role) => {
        const n = role.policies.filter((p) => p.kind !== "inline").length;
        if (n > IAM_LIMITS.managedPerRoleMax) {
            return [
                {
                    severity: "error",
                    message: `${n} managed policies attached, over IAM's ${IAM_LIMITS.managedPerRoleMax} per role (the most the quota can be raised to)`,
                },
            ];
        }
        if (n > IAM_LIMITS.managedPerRoleDefault) {
            return [
                {
                    severity: "warning",
                    message: `${n} managed policies attached, over IAM's default quota of ${IAM_LIMITS.managedPerRoleDefault} per role (request a quota increase, up to ${IAM_LIMITS.managedPerRoleMax})`,
                },
            ];
        }
        return [];
    },
};
