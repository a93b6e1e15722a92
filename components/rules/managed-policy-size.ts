import { IAM_LIMITS } from "../iam/policy";
import type { Rule } from "./rule";

/** `managed-policy-size`: a customer managed policy passes IAM's 6,144 characters. */
export const rule: Rule = {
    id: "managed-policy-size",
    description: "A customer managed policy must fit IAM's 6,144-character quota.",
    why: "IAM rejects a managed policy document over the quota when the policy is created or updated. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html",
    enforcementLevel: "mandatory",
    policy: (policy) =>
        policy.kind === "managed" && (policy.size ?? 0) > IAM_LIMITS.managedPolicy
            ? [{ severity: "error", message: `managed policy has ${policy.size} characters, over IAM's ${IAM_LIMITS.managedPolicy}` }]
            : [],
};
