import { hasConditionKey } from "./bedrock-iam";
import type { Rule } from "./rule";

/** Service principals that assume roles on behalf of agents: Bedrock Agents and Bedrock AgentCore (runtimes, harnesses, gateways). */
const AGENT_SERVICES = ["bedrock.amazonaws.com", "bedrock-agentcore.amazonaws.com"];

/**
 * `agent-trust-without-source-condition`: a role that `bedrock.amazonaws.com` or
 * `bedrock-agentcore.amazonaws.com` may assume without an `aws:SourceAccount` or `aws:SourceArn` condition.
 */
export const rule: Rule = {
    id: "agent-trust-without-source-condition",
    description: "A role Bedrock or Bedrock AgentCore may assume must limit the trust to your account or resource with aws:SourceAccount or aws:SourceArn.",
    why: "Without them another account's agent could make the service assume the role (the confused deputy problem). https://docs.aws.amazon.com/bedrock/latest/userguide/agents-permissions.html https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html",
    enforcementLevel: "mandatory",
    trust: (t) => {
        if (t.Effect !== "Allow") return [];
        const services = (t.Principal.Service ?? []).filter((svc) => AGENT_SERVICES.includes(svc.toLowerCase()));
        if (services.length === 0) return [];
        if (hasConditionKey(t.Condition, "aws:SourceAccount") || hasConditionKey(t.Condition, "aws:SourceArn")) return [];
        return [
            {
                severity: "error",
                message: `trusts ${services.join(", ")} without an aws:SourceAccount or aws:SourceArn condition (confused deputy)`,
                statement: t,
            },
        ];
    },
};
