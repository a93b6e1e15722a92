/**
 * Bedrock agents: `Agent` (AWS Native `bedrock.Agent`) with its service role, the role's grants, action
 * groups and their Lambda permissions, aliases, guardrail, memory, knowledge bases, collaborators and
 * prompt override.
 *
 * Facts: the agent service role's permissions (https://docs.aws.amazon.com/bedrock/latest/userguide/agents-permissions.html)
 * and the `AWS::Bedrock::Agent` resource (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-bedrock-agent.html).
 */
import * as pulumi from "@pulumi/pulumi";
import * as bedrock from "@pulumi/aws-native/bedrock";
import * as iam from "@pulumi/aws/iam";
import * as lambda from "@pulumi/aws/lambda";
import type * as native from "@pulumi/aws-native";
import { invokeStatements, profileArns, GET_PROFILE } from "../iam/access";
import { agentArn as buildAgentArn, guardrailArn, knowledgeBaseArn, s3ObjectArn } from "../catalog/arns";
import { ACCOUNT_ID_LENGTH, callerContext, configuredRegion, MAX_PARTITION_LENGTH, MAX_REGION_LENGTH, type CallerContext } from "../core/context";
import { checkArnRegion, checkInvokableRegion, knownRegionOf } from "../iam/region-check";
import { agentKeyStatements, guardrailKeyStatements, KMS_KEY_ARN_PATTERN } from "../iam/statements/kms";
import { marketplaceSubscriptionStatements } from "../iam/statements/marketplace";
import { checkMarketplaceAccess, type MarketplaceAccess } from "../iam/marketplace";
import { BedrockFoundationModel } from "../catalog/foundation-model";
import { contentHash } from "../core/content-hash";
import { allGrants, grantStatements, resolveRole, type RoleRef, type RolePolicyGrant, type ResolvedRole } from "../iam/grants";
import { roleArnOf } from "../iam/roles";
import { mergeInferenceConfiguration, validateInferenceConfiguration, type InferenceConfiguration } from "../core/inference-configuration";
import { checkTextGeneration, foundationModelOf, isInvokable, type IInvokable } from "../iam/invokable";
import type { Statement } from "../iam/policy";
import { symbolic } from "../core/symbols";
import { checkArgs, checkNumber, checkString, fail, normalizeTags, type Tags, type Where } from "../core/validation";
import {
    AgentActionGroup,
    builtInActionGroup,
    lambdaArnOf,
    NAME_PATTERN,
    NAME_TEXT,
    renderActionGroup,
    type AgentActionGroupProps,
    type LambdaRef,
    type RenderedActionGroup,
} from "./agent-action-group";
import { AgentAlias, ALIAS_ARN_MAX_LENGTH, derivedName, isAgentAlias, TEST_ALIAS_ID, type AddAgentAliasArgs, type IAgentAlias } from "./agent-alias";
import { resourceName } from "../core/resource-name";
import { serviceTrustPolicy } from "../iam/statements/trust";
import { isGuardrail, type IGuardrail } from "../guardrails/guardrail";

/** The largest `maximumLength` (from `maxTokens`) an agent prompt override takes (CloudFormation `MaximumLength`). */
export const AGENT_MAXIMUM_LENGTH = 131_072;
/** Idle session TTL bounds, in seconds, and the default. */
export const IDLE_SESSION_TTL = { min: 60, max: 5400, default: 600 } as const;
/** The prefix of the service roles agents create (AWS's convention for agent service roles). */
export const AGENT_ROLE_NAME_PREFIX = "AmazonBedrockExecutionRoleForAgents_";

/** A guardrail the agent applies: its id or ARN and a version (`DRAFT` or a number). */
export interface AgentGuardrail {
    /** The guardrail's id or ARN. */
    guardrailIdentifier: pulumi.Input<string>;
    /** `DRAFT` (default) or a version number of 1-8 digits. */
    guardrailVersion?: pulumi.Input<string>;
    /**
     * The customer managed KMS key the guardrail is encrypted with, if any (an `aws.kms.Key` or its ARN):
     * the service role is granted `kms:Decrypt` on it
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-kms.html). The key policy
     * must allow the role too.
     */
    kmsKey?:
        | pulumi.Input<string>
        | {
              /** The key's ARN. */
              readonly arn: pulumi.Input<string>;
          };
}

/** Session-summary memory: the agent keeps summaries of past sessions per user. */
export interface AgentMemory {
    /** Days to keep summaries: 1..365 (default 30). */
    memoryDurationDays?: number;
    /** Recent sessions to summarize: at least 1 (default 20). */
    maxRecentSessions?: number;
}

/** Factories for `AgentMemory`. */
export const Memory = {
    /** Session summaries kept 30 days, the 20 most recent sessions. */
    SESSION_SUMMARY: {} as AgentMemory,
    /** Session summaries with your own bounds. */
    sessionSummary(props: AgentMemory): AgentMemory {
        return { ...props };
    },
} as const;

/** A knowledge base the agent queries. */
export interface AgentKnowledgeBase {
    /** The knowledge base id (10 letters or digits). */
    knowledgeBaseId: pulumi.Input<string>;
    /** What the knowledge base holds, for the agent (1-200 characters). */
    description: pulumi.Input<string>;
    /** Default true. */
    enabled?: boolean;
}

/** How an agent collaborates with others. */
export type AgentCollaboratorType = "DISABLED" | "SUPERVISOR" | "SUPERVISOR_ROUTER";
/** Values of `AgentCollaboratorType`. */
export const AgentCollaboratorType = {
    /** The agent works alone (no collaborators). */
    DISABLED: "DISABLED",
    /** A supervisor: it plans, delegates to its collaborators and combines their responses. */
    SUPERVISOR: "SUPERVISOR",
    /** A supervisor in routing mode: it sends each request to the one collaborator best suited to it. */
    SUPERVISOR_ROUTER: "SUPERVISOR_ROUTER",
} as const;

/** An agent a supervisor agent delegates to. */
export interface AgentCollaborator {
    /** The collaborator's alias (not its test alias), or the alias ARN. */
    agentAlias: IAgentAlias | pulumi.Input<string>;
    /** When to use this collaborator (1-4000 characters). */
    collaborationInstruction: pulumi.Input<string>;
    /** `([0-9a-zA-Z][_-]?){1,100}`, unique within the agent. */
    collaboratorName: string;
    /** Pass the conversation history to the collaborator (default false). */
    relayConversationHistory?: boolean;
}

/** Steps of an agent's sequence whose prompts can be overridden. */
export type AgentStepType =
    "PRE_PROCESSING" | "ORCHESTRATION" | "POST_PROCESSING" | "ROUTING_CLASSIFIER" | "MEMORY_SUMMARIZATION" | "KNOWLEDGE_BASE_RESPONSE_GENERATION";
/** Values of `AgentStepType`. */
export const AgentStepType = {
    /** Contextualizes and categorizes the user's input, and can reject it. */
    PRE_PROCESSING: "PRE_PROCESSING",
    /** Interprets the input, calls action groups and knowledge bases, and builds the answer. */
    ORCHESTRATION: "ORCHESTRATION",
    /** Formats the final response (the service disables this step by default). */
    POST_PROCESSING: "POST_PROCESSING",
    /** A routing supervisor's choice of the collaborator to send a request to. */
    ROUTING_CLASSIFIER: "ROUTING_CLASSIFIER",
    /** Summarizes a session into the agent's memory. */
    MEMORY_SUMMARIZATION: "MEMORY_SUMMARIZATION",
    /** Generates a response from what a knowledge base returned. */
    KNOWLEDGE_BASE_RESPONSE_GENERATION: "KNOWLEDGE_BASE_RESPONSE_GENERATION",
} as const;
const STEP_TYPES = Object.values(AgentStepType) as AgentStepType[];

/** The override of one step's prompt. */
export interface PromptStepConfiguration {
    /**
     * The step whose prompt this overrides (CloudFormation `PromptConfigurations[].PromptType`); at most one
     * configuration per step type.
     */
    stepType: AgentStepType;
    /** Whether the step runs (unset: the service's default for the step). */
    stepEnabled?: boolean;
    /** Your prompt template instead of the default one (1-100,000 characters). */
    customPromptTemplate?: string;
    /**
     * Inference settings for the step (`maxTokens` becomes `maximumLength`). Requires
     * `customPromptTemplate`: Bedrock applies inference settings only to an overridden prompt template.
     */
    inferenceConfig?: InferenceConfiguration;
    /** Parse the step's output with the configuration's `parser` Lambda. */
    useCustomParser?: boolean;
    /** A model for the step (e.g. the routing classifier's); the role is granted invoke on it. */
    foundationModel?: IInvokable;
    /** Extra model request fields, merged over those derived from `inferenceConfig`. Requires `customPromptTemplate`. */
    additionalModelRequestFields?: Record<string, unknown>;
}

/** Prompt overrides of an agent. */
export interface PromptOverrideConfiguration {
    /** At most one per step type. */
    steps: PromptStepConfiguration[];
    /** The Lambda parsing the output of steps with `useCustomParser` (a permission is created). */
    parser?: LambdaRef;
}

/** Arguments of `Agent`. */
export interface AgentArgs {
    /** The model: a foundation model, a cross-region profile or an application profile (created or imported). */
    foundationModel: IInvokable;
    /** What the agent does and how (at least 40 characters). */
    instruction: pulumi.Input<string>;
    /** `([0-9a-zA-Z][_-]?){1,100}`; default derived from the component's name. */
    agentName?: pulumi.Input<string>;
    /** 1-200 characters. */
    description?: pulumi.Input<string>;
    /** Seconds of inactivity after which a session ends: 60..5400 (default 600). */
    idleSessionTTL?: number;
    /**
     * Prepare the agent after each change (CloudFormation `AutoPrepare`; default true). An alias created
     * without `agentVersion` snapshots the prepared draft, so an unprepared agent would give its aliases
     * stale versions; set false only when you prepare the agent yourself.
     */
    shouldPrepareAgent?: boolean;
    /** Delete the agent even while it is in use (CloudFormation `SkipResourceInUseCheckOnDelete`; default false). */
    forceDelete?: boolean;
    /**
     * A KMS key (an `aws.kms.Key` or its ARN) encrypting the agent's resources. The service role is granted
     * `kms:Decrypt` and `kms:GenerateDataKey` on it
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/agents-permissions.html); the key policy must
     * allow Bedrock and the role (see README, "KMS keys").
     */
    kmsKey?:
        | pulumi.Input<string>
        | {
              /** The key's ARN (`arn:<partition>:kms:<region>:<account>:key/<id>`, at most 2048 characters). */
              readonly arn: pulumi.Input<string>;
          };
    /** Tags as a map or a list of `{ key, value }`. */
    tags?: Tags;
    /**
     * A role to use instead of creating one; the agent's grants are still attached to it. A role name is
     * taken as a role without a path (its ARN is built as `arn:<partition>:iam::<account>:role/<name>`):
     * pass a role under a path as its ARN or as an `aws.iam.Role`.
     */
    existingRole?: RoleRef;
    /** Action groups (names unique, including the built-in `UserInputAction` and `CodeInterpreterAction`). */
    actionGroups?: (AgentActionGroup | AgentActionGroupProps)[];
    /** Enable the built-in user-input action group (default false: present and disabled). */
    userInputEnabled?: boolean;
    /** Enable the built-in code-interpreter action group (default false: present and disabled). */
    codeInterpreterEnabled?: boolean;
    /**
     * A guardrail applied to the agent's input and output: a `Guardrail` (its `DRAFT`), a version from
     * `createVersion`, `Guardrail.fromGuardrailAttributes(...)`, or `{ guardrailIdentifier, guardrailVersion? }`.
     * The role gets what applying it needs: `bedrock:ApplyGuardrail` on it (and, for a `Guardrail` with a
     * cross-Region profile, on the profile in every Region it routes to) and `kms:Decrypt` on its key.
     */
    guardrail?: AgentGuardrail | IGuardrail;
    /** Session-summary memory (`Memory.SESSION_SUMMARY` or `Memory.sessionSummary({...})`). */
    memory?: AgentMemory;
    /**
     * Knowledge bases; the role is granted `bedrock:Retrieve` on them, what AWS documents for an agent's
     * service role (https://docs.aws.amazon.com/bedrock/latest/userguide/agents-permissions.html).
     */
    knowledgeBases?: AgentKnowledgeBase[];
    /**
     * Opt in to the AWS Marketplace permissions a third-party model's first call needs (true, or
     * `{ productIds }` to restrict `aws-marketplace:Subscribe`): see `grantMarketplaceSubscription`.
     * Default: none.
     */
    marketplace?: MarketplaceAccess;
    /** Collaboration mode (default: unset, i.e. `DISABLED`); `SUPERVISOR` or `SUPERVISOR_ROUTER` with collaborators. */
    agentCollaboration?: AgentCollaboratorType;
    /** Collaborators of a supervisor; the role is granted `bedrock:GetAgentAlias` and `bedrock:InvokeAgent` on their aliases. */
    agentCollaborators?: AgentCollaborator[];
    /**
     * Prompt overrides. A profile's inference configuration is inherited by the orchestration step when that
     * step has a `customPromptTemplate` (Bedrock applies inference settings only to an overridden prompt);
     * without one the profile's settings are not applied to the agent, and a warning says so.
     */
    promptOverrideConfiguration?: PromptOverrideConfiguration;
}

const KMS_KEY_ARN = KMS_KEY_ARN_PATTERN;
const GUARDRAIL_ID = /^(([a-z0-9]+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail\/[a-z0-9]+))$/;
const ALIAS_ARN = /^arn:(aws[a-zA-Z-]*)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:agent-alias\/[0-9a-zA-Z]{10}\/[0-9a-zA-Z]{10}$/;
const KB_ID = /^[0-9a-zA-Z]{10}$/;
/** Guardrail ids are service-generated; a generous bound for sizing policies. */
const GUARDRAIL_ID_BOUND = 64;

function isAnthropicKnown(model: IInvokable): boolean | undefined {
    const fm = foundationModelOf(model);
    return fm === undefined ? undefined : fm.provider === "anthropic";
}

/**
 * What CloudFormation's `FoundationModel` gets for an invokable: a model's id, else the invokable's ARN,
 * checked at deploy time to be in the agent's Region when `ctx` is given.
 */
function modelInput(model: IInvokable, where?: Where, argument?: string, ctx?: CallerContext): pulumi.Input<string> {
    if (model instanceof BedrockFoundationModel) return model.modelId;
    return where && argument && ctx ? checkArnRegion(where, argument, model.invokableArn, ctx.region) : model.invokableArn;
}

/** A KMS key argument (an `aws.kms.Key` or its ARN) as its ARN, checked. */
function keyArnOf(where: Where, argument: string, key: unknown): pulumi.Input<string> {
    if (key !== null && typeof key === "object" && !pulumi.Output.isInstance(key) && "arn" in key) return (key as { arn: pulumi.Input<string> }).arn;
    if (typeof key === "string" || pulumi.Output.isInstance(key))
        return checkString(where, argument, key as pulumi.Input<string>, { max: 2048, pattern: KMS_KEY_ARN, patternText: "a KMS key ARN" });
    return fail(where, argument, key, "must be an aws.kms.Key or a KMS key ARN");
}

/** The longest KMS key ARN, a bound for sizing policies before deploy. */
const KMS_ARN_BOUND = `arn:${"p".repeat(MAX_PARTITION_LENGTH)}:kms:${"r".repeat(MAX_REGION_LENGTH)}:${"0".repeat(ACCOUNT_ID_LENGTH)}:key/${"k".repeat(36)}`
    .length;

/** Validates an invokable usable by an agent (not a prompt router; supports agents when the catalog knows). */
function checkAgentModel(where: Where, argument: string, model: unknown): IInvokable {
    if (!isInvokable(model)) {
        fail(where, argument, model, "must be a BedrockFoundationModel, a cross-region inference profile or an application inference profile");
    }
    if (model.accessTarget().kind === "prompt-router") {
        fail(where, argument, "<PromptRouter>", "cannot be a prompt router: an agent's model is a foundation model or an inference profile");
    }
    // Every text-generation model is accepted: "Amazon Bedrock Agents supports all models supported by
    // Amazon Bedrock" (https://docs.aws.amazon.com/bedrock/latest/userguide/agents-supported.html), and an
    // agent orchestrates with its model's text. `supportsAgents` in the catalog is informational.
    checkTextGeneration(where, argument, model, "a Bedrock agent");
    return model;
}

/** Inference settings in the agent's `InferenceConfiguration` shape, and the additional request fields. */
function toAgentInference(
    cfg: InferenceConfiguration | undefined,
    anthropic: boolean | undefined,
): { inferenceConfiguration?: native.types.input.bedrock.AgentInferenceConfigurationArgs; additional?: Record<string, unknown> } {
    if (!cfg) return {};
    const inf: native.types.input.bedrock.AgentInferenceConfigurationArgs = {};
    if (cfg.temperature !== undefined) inf.temperature = cfg.temperature;
    if (cfg.topP !== undefined) inf.topP = cfg.topP;
    if (cfg.topK !== undefined) inf.topK = cfg.topK;
    if (cfg.maxTokens !== undefined) inf.maximumLength = cfg.maxTokens;
    if (cfg.stopSequences !== undefined) inf.stopSequences = [...cfg.stopSequences];
    const extra: Record<string, unknown> = {};
    if (cfg.anthropicVersion !== undefined && anthropic !== false) extra.anthropic_version = cfg.anthropicVersion;
    if (cfg.responseFormat !== undefined) extra.response_format = cfg.responseFormat;
    return {
        inferenceConfiguration: Object.keys(inf).length > 0 ? inf : undefined,
        additional: Object.keys(extra).length > 0 ? extra : undefined,
    };
}

/** Everything validated before the component registers. */
interface Plan {
    agentName: pulumi.Input<string>;
    instruction: pulumi.Input<string>;
    description?: pulumi.Input<string>;
    idleSessionTtlInSeconds: number;
    kmsKeyArn?: pulumi.Input<string>;
    tags?: Record<string, pulumi.Input<string>>;
    existingRole?: ResolvedRole;
    actionGroups: RenderedActionGroup[];
    builtIns: native.types.input.bedrock.AgentActionGroupArgs[];
    guardrail?: { identifier: pulumi.Input<string>; version: pulumi.Input<string>; kmsKeyArn?: pulumi.Input<string>; ref?: IGuardrail };
    /** Marketplace product ids (`[]`: any product), or undefined for no Marketplace statements. */
    marketplace?: string[];
    memory?: native.types.input.bedrock.AgentMemoryConfigurationArgs;
    knowledgeBases?: AgentKnowledgeBase[];
    collaborators?: AgentCollaborator[];
    steps?: { step: PromptStepConfiguration; cfg?: InferenceConfiguration }[];
    parserArn?: pulumi.Input<string>;
    parser?: LambdaRef;
    /** The model has inference settings but no orchestration prompt template applies them. */
    inheritedIgnored: boolean;
}

function plan(where: Where, name: string, args: AgentArgs, knownRegion: string | undefined): Plan {
    checkArgs(where, args);
    const model = checkAgentModel(where, "foundationModel", args.foundationModel);
    checkInvokableRegion(where, "foundationModel", model, knownRegion);
    const marketplace = checkMarketplaceAccess(where, "marketplace", args.marketplace);
    const instruction = checkString(where, "instruction", args.instruction, { min: 40 });
    const agentName =
        args.agentName === undefined
            ? derivedName(where, "agentName", name)
            : checkString(where, "agentName", args.agentName, { pattern: NAME_PATTERN, patternText: NAME_TEXT });
    const description = checkString(where, "description", args.description, { min: 1, max: 200, optional: true });
    checkNumber(where, "idleSessionTTL", args.idleSessionTTL, { min: IDLE_SESSION_TTL.min, max: IDLE_SESSION_TTL.max, integer: true, optional: true });
    for (const flag of ["shouldPrepareAgent", "forceDelete", "userInputEnabled", "codeInterpreterEnabled"] as const) {
        if (args[flag] !== undefined && typeof args[flag] !== "boolean") fail(where, flag, args[flag], "must be a boolean");
    }
    const kmsKeyArn = args.kmsKey === undefined ? undefined : keyArnOf(where, "kmsKey", args.kmsKey);
    const tagList = normalizeTags(where, args.tags);
    let existingRole: ResolvedRole | undefined;
    if (args.existingRole !== undefined) {
        try {
            existingRole = resolveRole(args.existingRole, "existingRole");
        } catch {
            fail(
                where,
                "existingRole",
                args.existingRole,
                "must be an aws.iam.Role, an IAM role name (a role without a path) or an IAM role ARN (a role under a path: its ARN or the aws.iam.Role)",
            );
        }
    }

    // Action groups: built-ins first, then the user's; names unique across all.
    const builtIns = [
        builtInActionGroup("user-input", args.userInputEnabled === true),
        builtInActionGroup("code-interpreter", args.codeInterpreterEnabled === true),
    ];
    const names = new Set(builtIns.map((g) => g.actionGroupName as string));
    if (args.actionGroups !== undefined && !Array.isArray(args.actionGroups)) fail(where, "actionGroups", args.actionGroups, "must be a list of action groups");
    const actionGroups = (args.actionGroups ?? []).map((g, i) => {
        const r = renderActionGroup(where, `actionGroups[${i}]`, g);
        const n = r.arg.actionGroupName as string;
        if (names.has(n)) fail(where, `actionGroups[${i}].name`, n, "is already the name of another action group of the agent");
        names.add(n);
        return r;
    });

    let guardrail: Plan["guardrail"];
    if (isGuardrail(args.guardrail)) {
        // The guardrail names itself by id (what the CDK constructs pass) and its version; its apply grant
        // covers its profile and key.
        guardrail = { identifier: args.guardrail.guardrailId, version: args.guardrail.guardrailVersion, ref: args.guardrail };
    } else if (args.guardrail !== undefined) {
        const g = args.guardrail;
        if (!g || typeof g !== "object")
            fail(
                where,
                "guardrail",
                g,
                "must be a Guardrail, a guardrail version, Guardrail.fromGuardrailAttributes(...) or { guardrailIdentifier, guardrailVersion? }",
            );
        const identifier = checkString(where, "guardrail.guardrailIdentifier", g.guardrailIdentifier, {
            max: 2048,
            pattern: GUARDRAIL_ID,
            patternText: "a guardrail id or ARN",
        });
        const version = checkString(where, "guardrail.guardrailVersion", g.guardrailVersion ?? "DRAFT", {
            pattern: /^(([0-9]{1,8})|(DRAFT))$/,
            patternText: "DRAFT or a version number",
        });
        const kmsKeyArn = g.kmsKey === undefined ? undefined : keyArnOf(where, "guardrail.kmsKey", g.kmsKey);
        guardrail = { identifier, version, kmsKeyArn };
    }

    let memory: Plan["memory"];
    if (args.memory !== undefined) {
        const m = args.memory;
        if (!m || typeof m !== "object")
            fail(where, "memory", m, "must be Memory.SESSION_SUMMARY or Memory.sessionSummary({ memoryDurationDays, maxRecentSessions })");
        checkNumber(where, "memory.memoryDurationDays", m.memoryDurationDays, { min: 1, max: 365, integer: true, optional: true });
        checkNumber(where, "memory.maxRecentSessions", m.maxRecentSessions, { min: 1, integer: true, optional: true });
        memory = {
            enabledMemoryTypes: ["SESSION_SUMMARY"],
            storageDays: m.memoryDurationDays ?? 30,
            sessionSummaryConfiguration: { maxRecentSessions: m.maxRecentSessions ?? 20 },
        };
    }

    if (args.knowledgeBases !== undefined && !Array.isArray(args.knowledgeBases))
        fail(where, "knowledgeBases", args.knowledgeBases, "must be a list of { knowledgeBaseId, description }");
    const kbIds = new Set<string>();
    (args.knowledgeBases ?? []).forEach((kb, i) => {
        checkString(where, `knowledgeBases[${i}].knowledgeBaseId`, kb?.knowledgeBaseId, { pattern: KB_ID, patternText: "10 letters or digits" });
        checkString(where, `knowledgeBases[${i}].description`, kb.description, { min: 1, max: 200 });
        if (typeof kb.knowledgeBaseId === "string") {
            if (kbIds.has(kb.knowledgeBaseId)) fail(where, `knowledgeBases[${i}].knowledgeBaseId`, kb.knowledgeBaseId, "is given twice");
            kbIds.add(kb.knowledgeBaseId);
        }
    });

    const collaborators = args.agentCollaborators;
    if (args.agentCollaboration !== undefined && !Object.values(AgentCollaboratorType).includes(args.agentCollaboration)) {
        fail(where, "agentCollaboration", args.agentCollaboration, `must be one of ${Object.values(AgentCollaboratorType).join(", ")}`);
    }
    if (collaborators !== undefined) {
        if (!Array.isArray(collaborators)) fail(where, "agentCollaborators", collaborators, "must be a list of collaborators");
        if (collaborators.length > 0 && args.agentCollaboration !== "SUPERVISOR" && args.agentCollaboration !== "SUPERVISOR_ROUTER") {
            fail(where, "agentCollaboration", args.agentCollaboration, "must be SUPERVISOR or SUPERVISOR_ROUTER when agentCollaborators are given");
        }
        const seen = new Set<string>();
        collaborators.forEach((c, i) => {
            const at = `agentCollaborators[${i}]`;
            checkString(where, `${at}.collaboratorName`, c?.collaboratorName, { pattern: NAME_PATTERN, patternText: NAME_TEXT });
            if (seen.has(c.collaboratorName)) fail(where, `${at}.collaboratorName`, c.collaboratorName, "is given twice");
            seen.add(c.collaboratorName);
            checkString(where, `${at}.collaborationInstruction`, c.collaborationInstruction, { min: 1, max: 4000 });
            const alias = c.agentAlias as unknown;
            if (isAgentAlias(alias)) {
                if (alias.isTestAlias) fail(where, `${at}.agentAlias`, TEST_ALIAS_ID, "cannot be a test alias: a collaborator must be a published alias");
            } else if (typeof alias === "string" || pulumi.Output.isInstance(alias)) {
                checkString(where, `${at}.agentAlias`, alias as pulumi.Input<string>, { pattern: ALIAS_ARN, patternText: "an agent alias ARN" });
                const refuseTest = (a: string) => {
                    if (a.endsWith(`/${TEST_ALIAS_ID}`)) fail(where, `${at}.agentAlias`, a, "cannot be a test alias: a collaborator must be a published alias");
                    return a;
                };
                if (typeof alias === "string") refuseTest(alias);
                else c.agentAlias = (alias as pulumi.Output<string>).apply(refuseTest);
            } else {
                fail(where, `${at}.agentAlias`, alias, "must be an AgentAlias or an agent alias ARN");
            }
        });
    }

    // Prompt override; the model's inference settings are inherited by the orchestration step.
    const inherited = validateInferenceConfiguration(where, "foundationModel.inferenceConfiguration", model.inferenceConfiguration, AGENT_MAXIMUM_LENGTH);
    const po = args.promptOverrideConfiguration;
    let steps: Plan["steps"];
    let parserArn: pulumi.Input<string> | undefined;
    if (po !== undefined) {
        if (!po || typeof po !== "object" || !Array.isArray(po.steps))
            fail(where, "promptOverrideConfiguration.steps", po?.steps, "must be a list of step configurations");
        const types = new Set<string>();
        steps = po.steps.map((s, i) => {
            const at = `promptOverrideConfiguration.steps[${i}]`;
            if (!s || !STEP_TYPES.includes(s.stepType)) fail(where, `${at}.stepType`, s?.stepType, `must be one of ${STEP_TYPES.join(", ")}`);
            if (types.has(s.stepType)) fail(where, `${at}.stepType`, s.stepType, "is configured twice");
            types.add(s.stepType);
            checkString(where, `${at}.customPromptTemplate`, s.customPromptTemplate, { min: 1, max: 100_000, optional: true });
            if (s.foundationModel !== undefined) {
                checkAgentModel(where, `${at}.foundationModel`, s.foundationModel);
                checkInvokableRegion(where, `${at}.foundationModel`, s.foundationModel, knownRegion);
            }
            const a = s.additionalModelRequestFields;
            if (a !== undefined && (a === null || typeof a !== "object" || Array.isArray(a)))
                fail(where, `${at}.additionalModelRequestFields`, a, "must be an object");
            let cfg = validateInferenceConfiguration(where, `${at}.inferenceConfig`, s.inferenceConfig, AGENT_MAXIMUM_LENGTH);
            // Bedrock applies inference settings only to an overridden prompt, and OVERRIDDEN means "use
            // basePromptTemplate": settings without a template are refused rather than sent as OVERRIDDEN
            // without one (or silently dropped as DEFAULT).
            if (s.customPromptTemplate === undefined) {
                if (s.inferenceConfig !== undefined) fail(where, `${at}.inferenceConfig`, s.inferenceConfig, needsTemplate("inference settings"));
                if (a !== undefined) fail(where, `${at}.additionalModelRequestFields`, a, needsTemplate("additional model request fields"));
            }
            // Stryker disable next-line ConditionalExpression: a step without a template renders no inference settings (renderStep), so merging into its cfg changes nothing
            if (s.stepType === "ORCHESTRATION" && s.customPromptTemplate !== undefined) cfg = mergeInferenceConfiguration(inherited, cfg);
            return { step: s, cfg };
        });
        const usesParser = po.steps.some((s) => s.useCustomParser === true);
        if (po.parser !== undefined) {
            if (!usesParser) fail(where, "promptOverrideConfiguration.parser", "<Lambda>", "is given but no step sets useCustomParser");
            parserArn = lambdaArnOf(where, "promptOverrideConfiguration.parser", po.parser);
        } else if (usesParser) {
            fail(where, "promptOverrideConfiguration.parser", undefined, "is required when a step sets useCustomParser");
        }
    }
    // The model's settings reach the agent only through an overridden orchestration prompt.
    const inheritedIgnored =
        inherited !== undefined && !(steps ?? []).some(({ step }) => step.stepType === "ORCHESTRATION" && step.customPromptTemplate !== undefined);

    return {
        agentName,
        instruction,
        description,
        idleSessionTtlInSeconds: args.idleSessionTTL ?? IDLE_SESSION_TTL.default,
        kmsKeyArn,
        tags: tagList === undefined ? undefined : Object.fromEntries(tagList.map((t) => [t.key, t.value])),
        existingRole,
        actionGroups,
        builtIns,
        guardrail,
        memory,
        knowledgeBases: args.knowledgeBases,
        marketplace,
        collaborators,
        steps,
        parserArn,
        parser: po?.parser,
        inheritedIgnored,
    };
}

/** The rule for inference settings given on a step without a prompt template. */
function needsTemplate(what: string): string {
    return `needs a customPromptTemplate: Bedrock applies ${what} only to an overridden prompt template (promptCreationMode OVERRIDDEN)`;
}

/** The trust policy of agents' roles on one provider: one Output per provider context, however many agents. */
const trustByContext = new WeakMap<CallerContext, pulumi.Output<string>>();
function agentTrust(ctx: CallerContext): pulumi.Output<string> {
    let trust = trustByContext.get(ctx);
    if (!trust) {
        trust = pulumi.all([ctx.partition, ctx.region, ctx.account]).apply(([part, reg, acct]) => agentTrustPolicy(part, reg, acct));
        trustByContext.set(ctx, trust);
    }
    return trust;
}

/** The service role's trust policy: `bedrock.amazonaws.com`, for agents of this account and Region only. */
export function agentTrustPolicy(partition: string, region: string, account: string): string {
    return serviceTrustPolicy("bedrock.amazonaws.com", account, [buildAgentArn(partition, region, account, "*")]);
}

/**
 * A Bedrock agent (AWS Native `bedrock.Agent`) with its service role and the role's grants. The agent
 * is registered only after every role policy it needs, so it is never created before them.
 */
export class Agent extends pulumi.ComponentResource {
    /** The agent's id. */
    public readonly agentId: pulumi.Output<string>;
    /** The agent's ARN. */
    public readonly agentArn: pulumi.Output<string>;
    /** The agent's version (`DRAFT`). */
    public readonly agentVersion: pulumi.Output<string>;
    /** The agent's name. */
    public readonly agentName: pulumi.Output<string>;
    /** The service role, when the agent created it or `existingRole` was an `aws.iam.Role`. */
    public readonly role?: iam.Role;
    /** The service role's ARN. */
    public readonly roleArn: pulumi.Output<string>;
    /** The AWS Native resource. */
    public readonly agent: bedrock.Agent;
    /** The model the agent runs on. */
    public readonly foundationModel: IInvokable;
    /** The role policies the agent depends on. */
    public readonly rolePolicies: RolePolicyGrant;
    /** Lambda permissions for action groups and the prompt-override parser. */
    public readonly lambdaPermissions: lambda.Permission[];
    /**
     * SHA-256 (first 16 hex digits) of what the agent's versions hold: its rendered inputs but tags,
     * `autoPrepare` and `skipResourceInUseCheckOnDelete`. Aliases without `agentVersion` carry it in their
     * description, so a change of the agent updates them and they move to a new version. Computed on
     * first read (an alias reads it): an agent without aliases pays nothing for it.
     */
    public get configurationHash(): pulumi.Output<string> {
        this.hash ??= configurationHash(this.agentArgs);
        return this.hash;
    }
    private hash?: pulumi.Output<string>;
    private readonly agentArgs: bedrock.AgentArgs;
    private readonly ctx: CallerContext;
    private readonly name: string;
    private testAliasRef?: IAgentAlias;

    constructor(name: string, args: AgentArgs, opts?: pulumi.ComponentResourceOptions) {
        const where = { component: "Agent", name };
        // The Region, when known before deploy (the default provider's configuration).
        const explicitProvider = opts?.provider !== undefined || opts?.providers !== undefined || opts?.parent !== undefined;
        const p = plan(where, name, args, explicitProvider ? undefined : configuredRegion());
        super("bedrock-genai:index:Agent", name, {}, opts);
        this.name = name;
        this.foundationModel = args.foundationModel;
        const ctx = callerContext({ parent: this });
        this.ctx = ctx;

        // The service role, or the existing one.
        let role: ResolvedRole;
        let roleRef: RoleRef;
        if (p.existingRole) {
            role = p.existingRole;
            roleRef = args.existingRole as RoleRef;
            this.role = role.resource;
            const given = args.existingRole as RoleRef;
            this.roleArn = roleArnOf(role, given, ctx);
        } else {
            const created = new iam.Role(
                `${name}-role`,
                {
                    namePrefix: AGENT_ROLE_NAME_PREFIX,
                    assumeRolePolicy: agentTrust(ctx),
                    description: `Service role of Bedrock agent ${name} (pulumi-bedrock-genai)`,
                },
                { parent: this },
            );
            this.role = created;
            this.roleArn = created.arn;
            roleRef = created;
            role = resolveRole(created);
        }

        // Grants: invoke on the model (and step models), plus what else the agent reads.
        const policies: RolePolicyGrant[] = [args.foundationModel.grantInvoke(roleRef, { parent: this })];
        for (const s of p.steps ?? []) {
            if (s.step.foundationModel) policies.push(s.step.foundationModel.grantInvoke(roleRef, { parent: this }));
        }
        const access = this.accessStatements(p, args);
        if (access.length > 0) {
            policies.push(grantStatements(roleRef, access, { parent: this, where: { component: "Agent", name }, argName: "existingRole" }));
        }
        // Every policy of the role's access set that carries these grants: the agent is created after them.
        this.rolePolicies = allGrants(policies);

        const anthropic = isAnthropicKnown(args.foundationModel);
        const agentArgs: bedrock.AgentArgs = {
            agentName: p.agentName,
            agentResourceRoleArn: this.roleArn,
            // Checked at deploy unless both Regions were known, and checked, at construction (`plan`).
            foundationModel: modelInput(
                args.foundationModel,
                where,
                "foundationModel",
                !explicitProvider && configuredRegion() !== undefined && knownRegionOf(args.foundationModel.accessTarget()) ? undefined : ctx,
            ),
            instruction: p.instruction,
            description: p.description,
            idleSessionTtlInSeconds: p.idleSessionTtlInSeconds,
            autoPrepare: args.shouldPrepareAgent ?? true,
            skipResourceInUseCheckOnDelete: args.forceDelete ?? false,
            customerEncryptionKeyArn: p.kmsKeyArn,
            actionGroups: [...p.builtIns, ...p.actionGroups.map((g) => g.arg)],
            guardrailConfiguration: p.guardrail ? { guardrailIdentifier: p.guardrail.identifier, guardrailVersion: p.guardrail.version } : undefined,
            memoryConfiguration: p.memory,
            knowledgeBases: p.knowledgeBases?.map((kb) => ({
                knowledgeBaseId: kb.knowledgeBaseId,
                description: kb.description,
                knowledgeBaseState: kb.enabled === false ? ("DISABLED" as const) : ("ENABLED" as const),
            })),
            agentCollaboration: args.agentCollaboration,
            agentCollaborators: p.collaborators?.map((c) => ({
                collaboratorName: c.collaboratorName,
                collaborationInstruction: c.collaborationInstruction,
                agentDescriptor: { aliasArn: isAgentAlias(c.agentAlias) ? c.agentAlias.aliasArn : c.agentAlias },
                relayConversationHistory:
                    c.relayConversationHistory === undefined ? undefined : c.relayConversationHistory ? ("TO_COLLABORATOR" as const) : ("DISABLED" as const),
            })),
            promptOverrideConfiguration:
                p.steps === undefined
                    ? undefined
                    : {
                          overrideLambda: p.parserArn,
                          promptConfigurations: p.steps.map(({ step, cfg }) =>
                              renderStep(step, cfg, step.foundationModel ? isAnthropicKnown(step.foundationModel) : anthropic),
                          ),
                      },
            tags: p.tags,
        };
        const agent = new bedrock.Agent(name, agentArgs, { parent: this, dependsOn: this.rolePolicies });
        this.agent = agent;
        this.agentArgs = agentArgs;
        if (p.inheritedIgnored) {
            pulumi.log.warn(
                `Agent "${name}": the inference settings of foundationModel are not applied to the agent: Bedrock applies inference settings only to an overridden prompt template; give promptOverrideConfiguration a step { stepType: "ORCHESTRATION", customPromptTemplate } to apply them`,
                this,
            );
        }
        this.agentId = agent.agentId;
        this.agentArn = agent.agentArn;
        this.agentVersion = agent.agentVersion;
        this.agentName = agent.agentName;

        // Lambda permissions: one per distinct function, scoped to this agent and account. Executors are
        // named `<agent>-lambda-<i>-permission`, i their index sorted by Pulumi name (aws.lambda.Function)
        // or ARN (strings; Output ARNs last, in order of appearance), so reordering or renaming action
        // groups renames nothing; the parser is `<agent>-parser-lambda-permission` unless it is an executor.
        const permission = (suffix: string, fn: pulumi.Input<string>) =>
            new lambda.Permission(
                `${name}-${suffix}`,
                { action: "lambda:InvokeFunction", function: fn, principal: "bedrock.amazonaws.com", sourceArn: agent.agentArn, sourceAccount: ctx.account },
                { parent: this },
            );
        const executors = new Map<unknown, { arn: pulumi.Input<string>; order: string }>();
        // Stryker disable next-line ArrayDeclaration: without action groups, a made-up element is a string, whose `executor` is undefined: skipped
        (args.actionGroups ?? []).forEach((g, i) => {
            const props = g instanceof AgentActionGroup ? g.props : g;
            const ex = props.executor as { lambda?: LambdaRef };
            if (!ex || !("lambda" in ex) || ex.lambda === undefined || executors.has(ex.lambda)) return;
            const ref = ex.lambda;
            const order = lambda.Function.isInstance(ref)
                ? `0:${resourceName(ref as unknown as pulumi.Resource)}`
                : typeof ref === "string"
                  ? `1:${ref}`
                  : `2:${String(executors.size).padStart(6, "0")}`;
            executors.set(ref, { arn: p.actionGroups[i].lambdaArn as pulumi.Input<string>, order });
        });
        this.lambdaPermissions = [...executors.values()]
            .sort((x, y) => (x.order < y.order ? -1 : x.order > y.order ? 1 : 0))
            .map((e, i) => permission(`lambda-${i}-permission`, e.arn));
        if (p.parser !== undefined && !executors.has(p.parser)) {
            this.lambdaPermissions.push(permission("parser-lambda-permission", p.parserArn as pulumi.Input<string>));
        }

        this.registerOutputs({
            agentId: this.agentId,
            agentArn: this.agentArn,
            agentVersion: this.agentVersion,
            agentName: this.agentName,
            roleArn: this.roleArn,
        });
    }

    /** Statements for what the agent reads: profiles and models, guardrail, knowledge bases, collaborators, S3 schemas. */
    private accessStatements(p: Plan, args: AgentArgs): Statement[] {
        const ctx = this.ctx;
        const sym = ctx.sym;
        const out: Statement[] = [];
        const models = [args.foundationModel, ...(p.steps ?? []).flatMap((s) => (s.step.foundationModel ? [s.step.foundationModel] : []))];
        for (const m of models) {
            const target = m.accessTarget();
            const profiles = profileArns(target);
            if (profiles.length === 0) continue;
            out.push({ Effect: "Allow", Action: [GET_PROFILE], Resource: profiles });
            // Only concrete Region-scoped model ARNs: the invoke statements' wildcard (an import whose model
            // is unknown) and Region-less (global) ARNs are usable only under their conditions.
            const fms = [
                ...new Set(
                    invokeStatements(target).flatMap((s) =>
                        s.Resource.filter((r) => r.includes(":foundation-model/") && !r.includes("*") && !r.includes(":bedrock:::foundation-model/")),
                    ),
                ),
            ];
            if (fms.length > 0) out.push({ Effect: "Allow", Action: ["bedrock:GetFoundationModel"], Resource: fms });
        }
        if (p.guardrail?.ref) {
            out.push(...p.guardrail.ref.guardrailAccess().apply);
        } else if (p.guardrail) {
            const id = p.guardrail.identifier;
            let arn: string;
            if (typeof id === "string") {
                arn = id.startsWith("arn:") ? id : guardrailArn(sym.partition, sym.region, sym.account, id);
            } else {
                const resolved = pulumi
                    .all([pulumi.output(id), ctx.partition, ctx.region, ctx.account])
                    .apply(([g, part, reg, acct]) => (g.startsWith("arn:") ? g : guardrailArn(part, reg, acct, g)));
                arn = symbolic(
                    resolved,
                    `guardrail/${this.name}`,
                    guardrailArn("p".repeat(MAX_PARTITION_LENGTH), "r".repeat(MAX_REGION_LENGTH), "0".repeat(ACCOUNT_ID_LENGTH), "g".repeat(GUARDRAIL_ID_BOUND))
                        .length,
                );
            }
            out.push({ Effect: "Allow", Action: ["bedrock:ApplyGuardrail"], Resource: [arn] });
        }
        const kbArns = (p.knowledgeBases ?? []).map((kb, i) =>
            knowledgeBaseArn(sym.partition, sym.region, sym.account, symbolic(kb.knowledgeBaseId, `knowledge-base/${this.name}/${i}`, 10)),
        );
        // `bedrock:Retrieve` only: what AWS's agent service role example grants on a knowledge base
        // (https://docs.aws.amazon.com/bedrock/latest/userguide/agents-permissions.html).
        if (kbArns.length > 0) out.push({ Effect: "Allow", Action: ["bedrock:Retrieve"], Resource: kbArns });
        if (p.kmsKeyArn !== undefined) out.push(...agentKeyStatements(this.keyArn(p.kmsKeyArn, `kms-key/${this.name}`)));
        if (p.guardrail?.kmsKeyArn !== undefined) out.push(...guardrailKeyStatements(this.keyArn(p.guardrail.kmsKeyArn, `guardrail-kms-key/${this.name}`)));
        if (p.marketplace !== undefined) out.push(...marketplaceSubscriptionStatements(p.marketplace));
        const aliasArns = (p.collaborators ?? []).map((c, i) =>
            isAgentAlias(c.agentAlias)
                ? c.agentAlias.symbolicArn()
                : symbolic(c.agentAlias, `agent-alias/${this.name}/collaborator-${i}`, ALIAS_ARN_MAX_LENGTH),
        );
        if (aliasArns.length > 0) out.push({ Effect: "Allow", Action: ["bedrock:GetAgentAlias", "bedrock:InvokeAgent"], Resource: aliasArns });
        const s3 = p.actionGroups.flatMap((g, i) => {
            if (!g.s3Schema) return [];
            // `symbolic` returns a string as it is, and a placeholder for an Output.
            const bucket = symbolic(g.s3Schema.bucketName, `s3-bucket/${this.name}/${i}`, 63);
            const key = symbolic(g.s3Schema.objectKey, `s3-key/${this.name}/${i}`, 1024);
            return [s3ObjectArn(sym.partition, bucket, key)];
        });
        if (s3.length > 0)
            out.push({ Effect: "Allow", Action: ["s3:GetObject"], Resource: s3, Condition: { StringEquals: { "aws:ResourceAccount": [sym.account] } } });
        return out;
    }

    /** A KMS key ARN for a policy: the string, or a placeholder for an Output. */
    private keyArn(arn: pulumi.Input<string>, label: string): string {
        return symbolic(arn, label, KMS_ARN_BOUND);
    }

    /** The agent's test alias (`TSTALIASID`, routing to `DRAFT`); creates nothing. */
    public get testAlias(): IAgentAlias {
        if (!this.testAliasRef) this.testAliasRef = AgentAlias.testAlias(this, { name: this.name, parent: this });
        return this.testAliasRef;
    }

    /** Creates an alias of this agent named `<agent>-<name>` (its alias name defaults to `name`). */
    public addAlias(name: string, args: AddAgentAliasArgs = {}, opts?: pulumi.ComponentResourceOptions): AgentAlias {
        return new AgentAlias(
            `${this.name}-${name}`,
            { ...args, agentAliasName: args.agentAliasName ?? derivedName({ component: "AgentAlias", name }, "agentAliasName", name), agent: this },
            { parent: this, ...opts },
        );
    }
}

/** The hash of an agent's versioned configuration (see `Agent.configurationHash`). */
function configurationHash(args: bedrock.AgentArgs): pulumi.Output<string> {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { tags, autoPrepare, skipResourceInUseCheckOnDelete, ...versioned } = args;
    return pulumi.output(versioned).apply((v) => contentHash(v));
}

/** One step of the prompt override in CloudFormation's shape. */
function renderStep(
    step: PromptStepConfiguration,
    cfg: InferenceConfiguration | undefined,
    anthropic: boolean | undefined,
): native.types.input.bedrock.AgentPromptConfigurationArgs {
    const { inferenceConfiguration, additional } = toAgentInference(cfg, anthropic);
    const extra = additional || step.additionalModelRequestFields ? { ...(additional ?? {}), ...(step.additionalModelRequestFields ?? {}) } : undefined;
    // OVERRIDDEN means "use basePromptTemplate"; settings come only with a template (checked in `plan`).
    const overridden = step.customPromptTemplate !== undefined;
    const out: native.types.input.bedrock.AgentPromptConfigurationArgs = {
        promptType: step.stepType,
        promptCreationMode: overridden ? "OVERRIDDEN" : "DEFAULT",
        parserMode: step.useCustomParser ? "OVERRIDDEN" : "DEFAULT",
    };
    if (step.stepEnabled !== undefined) out.promptState = step.stepEnabled ? "ENABLED" : "DISABLED";
    // Stryker disable next-line ConditionalExpression: without a template the assignment sets undefined, which Pulumi drops from the inputs
    if (step.customPromptTemplate !== undefined) out.basePromptTemplate = step.customPromptTemplate;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: plan refuses inference settings on a step without a template, so inferenceConfiguration is undefined when not overridden (undefined is dropped)
    if (overridden && inferenceConfiguration) out.inferenceConfiguration = inferenceConfiguration;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: plan refuses settings and request fields on a step without a template, so extra is undefined when not overridden (undefined is dropped)
    if (overridden && extra) out.additionalModelRequestFields = extra as native.types.input.bedrock.AgentAdditionalModelRequestFieldsArgs;
    if (step.foundationModel) out.foundationModel = modelInput(step.foundationModel);
    return out;
}
