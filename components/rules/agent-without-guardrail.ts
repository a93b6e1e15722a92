import type { Rule } from "./rule";

/** The Bedrock agent resource types, with where each keeps its guardrail. */
const AGENTS: Record<string, (inputs: Record<string, unknown>) => unknown> = {
    // AWS::Bedrock::Agent GuardrailConfiguration { GuardrailIdentifier, GuardrailVersion }.
    "aws-native:bedrock:Agent": (i) => (i.guardrailConfiguration as { guardrailIdentifier?: unknown } | undefined)?.guardrailIdentifier,
    // aws.bedrock.AgentAgent guardrailConfigurations[] { guardrailIdentifier, guardrailVersion }.
    "aws:bedrock/agentAgent:AgentAgent": (i) => (i.guardrailConfigurations as { guardrailIdentifier?: unknown }[] | undefined)?.[0]?.guardrailIdentifier,
};

/** `agent-without-guardrail` (advisory): a Bedrock agent without a guardrail. */
export const rule: Rule = {
    id: "agent-without-guardrail",
    description: "A Bedrock agent should apply a guardrail to what users send it and what it answers.",
    why: "A guardrail filters harmful content, denied topics, sensitive information (PII) and prompt attacks in the agent's input and output; without one the agent relies on the model alone. https://docs.aws.amazon.com/bedrock/latest/userguide/agents-guardrail.html",
    enforcementLevel: "advisory",
    resource: (r) => {
        const guardrail = AGENTS[r.type];
        if (!guardrail) return [];
        const id = guardrail(r.inputs);
        if (typeof id === "string" && id !== "") return [];
        return [{ severity: "warning", message: `agent ${String(r.inputs.agentName ?? r.name)} has no guardrail` }];
    },
};
