import { isExclusion } from "./bedrock-iam";
import type { Rule } from "./rule";

/** Whether an action pattern allows every action of a service that runs models or agents (`*`, `bedrock:*`, `bedrock-agentcore:*`). */
function everyAction(action: string): boolean {
    const [service, name] = action.includes(":") ? action.split(":", 2) : [action, ""];
    if (service === "*") return true;
    return /^bedrock(-agentcore)?$/i.test(service) && /^\*+$/.test(name);
}

/** `wildcard-action`: `Allow` of `*`, `bedrock:*` or `bedrock-agentcore:*`: every action, invoke included. */
export const rule: Rule = {
    id: "wildcard-action",
    description: "An Allow statement must name its Bedrock actions, not bedrock:*, bedrock-agentcore:* or *.",
    why: "A service-wide action wildcard grants invoke together with every administrative action (creating, deleting and changing agents, profiles, guardrails and model access), and every action AWS adds later. https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    enforcementLevel: "mandatory",
    statement: (s) => {
        if (isExclusion(s)) return [];
        const wild = s.Action.filter(everyAction);
        if (wild.length === 0) return [];
        return [
            { severity: "error", message: `Allow ${wild.join(", ")}: every action of the service (name the actions, e.g. bedrock:InvokeModel)`, statement: s },
        ];
    },
};
