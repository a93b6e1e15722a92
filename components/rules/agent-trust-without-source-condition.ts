import { hasConditionKey } from "./bedrock-iam";
import type { Rule } from "./rule";

/** `agent-trust-without-source-condition`: a role that `bedrock.amazonaws.com` may assume without `aws:SourceAccount` or `aws:SourceArn`. */
export const rule: Rule = {
    id: "agent-trust-without-source-condition",
    description: "A role Bedrock may assume must limit the trust to your account or resource with aws:SourceAccount or aws:SourceArn.",
    why: "Without them any account's agent could make Bedrock assume the role (the confused deputy problem). https://docs.aws.amazon.com/bedrock/latest/userguide/agents-permissions.html",
    enforcementLevel: "mandatory",
    trust: (t) => {
        if (t.Effect !== "Allow" || !(t.Principal.Service ?? []).some((svc) => svc.toLowerCase() === "bedrock.amazonaws.com")) return [];
        if (hasConditionKey(t.Condition, "aws:SourceAccount") || hasConditionKey(t.Condition, "aws:SourceArn")) return [];
        return [
            {
                severity: "error",
                message: "trusts bedrock.amazonaws.com without an aws:SourceAccount or aws:SourceArn condition (confused deputy)",
                statement: t,
            },
        ];
    },
};
