/**
 * Agents: Bedrock agents with their execution role and argument validation (`agent.ts`), aliases
 * (`agent-alias.ts`) and action groups (`agent-action-group.ts`). A new agent-related component goes
 * here, one component a file.
 *
 * This index re-exports the members the package's entry points (`sdk/nodejs/`) publish.
 */
export {
    Agent,
    AgentCollaboratorType,
    AgentStepType,
    Memory,
    AGENT_ROLE_NAME_PREFIX,
    type AgentArgs,
    type AgentCollaborator,
    type AgentGuardrail,
    type AgentKnowledgeBase,
    type AgentMemory,
    type PromptOverrideConfiguration,
    type PromptStepConfiguration,
} from "./agent";
export { AgentAlias, TEST_ALIAS_ID, type AgentAliasArgs, type AddAgentAliasArgs, type IAgent, type IAgentAlias } from "./agent-alias";
export {
    AgentActionGroup,
    ActionGroupExecutor,
    ApiSchema,
    type AgentActionGroupProps,
    type AgentFunction,
    type FunctionParameter,
    type FunctionSchema,
    type LambdaRef,
    type ParameterType,
} from "./agent-action-group";
export { AgentHarness, HARNESS_ARN_MAX_LENGTH } from "./harness";
export {
    HarnessTool,
    HarnessMemory,
    type AgentHarnessArgs,
    type AddHarnessEndpointArgs,
    type HarnessToolSpec,
    type HarnessMemorySpec,
    type HarnessMemoryRetrieval,
    type HarnessMemoryStrategy,
    type HarnessTruncation,
    type HarnessInferenceConfiguration,
    type HarnessGatewayOutboundAuth,
} from "./harness-args";
