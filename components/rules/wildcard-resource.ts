import { parseArnPattern } from "../catalog/arns";
import { hasWildcard, isExclusion, isInvoke, isListAction } from "./bedrock-iam";
import type { Rule, RuleFinding } from "./rule";

/**
 * An ARN pattern on an invoke action that matches more than one kind of resource: fewer than six fields
 * with a wildcard (`arn:aws:bedrock:*`, `arn:*`), a wildcarded service, or a wildcarded resource type
 * (`arn:aws:bedrock:us-east-1:123456789012:*`). `*` itself is reported on its own.
 */
function isBroadArn(arn: string): boolean {
    if (arn === "*" || !hasWildcard(arn)) return false;
    const p = parseArnPattern(arn);
    if (!p) return true;
    return hasWildcard(p.service) || hasWildcard(p.resource.split("/")[0]);
}

/**
 * `wildcard-resource`: `Resource: "*"` on actions other than List* actions, and invoke actions on ARN
 * patterns that match every resource type (`arn:aws:bedrock:*`, `arn:aws:bedrock:<region>:<account>:*`).
 */
export const rule: Rule = {
    id: "wildcard-resource",
    description: 'Only List* actions may use Resource "*"; invoke must name its models, profiles, routers or agents.',
    why: 'Bedrock supports resource-level permissions for invoke: "*" (or an ARN wildcard over every resource type) lets the role run every model, profile and agent in every Region. https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html',
    enforcementLevel: "mandatory",
    statement: (s) => {
        if (isExclusion(s)) return [];
        const findings: RuleFinding[] = [];
        if (s.Resource.includes("*")) {
            const broad = s.Action.filter((a) => !isListAction(a));
            if (broad.length > 0)
                findings.push({ severity: "error", message: `Resource "*" on ${broad.join(", ")} (only List* actions need "*")`, statement: s });
        }
        if (s.Action.some(isInvoke)) {
            const broadArns = s.Resource.filter(isBroadArn);
            if (broadArns.length > 0) {
                findings.push({
                    severity: "error",
                    message: `invoke on ${broadArns.join(", ")}: a wildcard over every resource type (name the models, profiles or agents)`,
                    statement: s,
                });
            }
        }
        return findings;
    },
};
