/**
 * Prompt management: `PromptVariant` (text, chat and agent variants), `Prompt` (AWS Native's
 * `bedrock.Prompt`) and its versions (`bedrock.PromptVersion`).
 *
 * Facts: the `AWS::Bedrock::Prompt` and `AWS::Bedrock::PromptVersion` resources
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-bedrock-prompt.html,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-bedrock-promptversion.html);
 * the prompt-management permissions (`bedrock:GetPrompt`, `bedrock:RenderPrompt` on a prompt or
 * prompt-version ARN, https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-management-prereq.html).
 */
import * as pulumi from "@pulumi/pulumi";
import * as bedrock from "@pulumi/aws-native/bedrock";
import type * as inputs from "@pulumi/aws-native/types/input";
import { foundationModelArn, promptArn as buildPromptArn } from "../catalog/arns";
import { ACCOUNT_ID_LENGTH, callerContext, MAX_PARTITION_LENGTH, MAX_REGION_LENGTH } from "../core/context";
import { BedrockFoundationModel } from "../catalog/foundation-model";
import { allGrants, grantStatements, type GrantOptions, type RoleRef, type RolePolicyGrant } from "../iam/grants";
import { promptRunStatements } from "../iam/statements/prompt";
import { promptKeyStatements } from "../iam/statements/kms";
import {
    anthropicModels,
    checkAnthropicOnly,
    checkTopK,
    mergeInferenceConfiguration,
    PROMPT_MAX_TOKENS_LIMIT,
    toPromptInferenceShapes,
    validateInferenceConfiguration,
    type InferenceConfiguration,
} from "../core/inference-configuration";
import { foundationModelOf, isInvokable, type IInvokable } from "../iam/invokable";
import type { Statement } from "../iam/policy";
import { symbolic } from "../core/symbols";
import { checkArgs, checkString, fail, normalizeTags, type StringRule, type Tags, type Where } from "../core/validation";
import { contentHash } from "../core/content-hash";
import { RESOURCE_NAME_PATTERN } from "../core/rules";

type PromptVariantInput = inputs.bedrock.PromptVariantArgs;

/** A chat message: the role speaking and its text. Chat messages start with `user` and alternate. */
export interface ChatMessage {
    /** Who speaks: `user` or `assistant`. The first message is `user`'s, then the roles alternate. */
    role: "user" | "assistant";
    /** The message's text, at least 1 character (CloudFormation `Message.Content[].Text`). */
    text: pulumi.Input<string>;
}

/** A tool a chat prompt's model may call (CloudFormation `ToolSpecification`). */
export interface PromptToolSpecification {
    /** 1-64 characters, `^[a-zA-Z][a-zA-Z0-9_]*$`. */
    name: string;
    /** What the tool does, for the model: at least 1 character (CloudFormation `Description`). Default: unset. */
    description?: string;
    /** The JSON schema of the tool's input. */
    inputSchema: Record<string, unknown>;
}

/** Tools of a chat prompt (CloudFormation `ToolConfiguration`). */
export interface PromptToolConfiguration {
    /** At least one tool. */
    tools: PromptToolSpecification[];
    /** `auto` (the model decides), `any` (some tool), or `{ tool: name }` (that tool). Default: unset. */
    toolChoice?:
        | "auto"
        | "any"
        | {
              /** The name of one of `tools`: the model must call it. */
              tool: string;
          };
}

/** Arguments of `PromptVariant.text`. */
export interface TextPromptVariantProps {
    /** 1-100 of `^([0-9a-zA-Z][_-]?)`: letters and digits, each followed by at most one `_` or `-`. */
    variantName: string;
    /** Any invokable: foundation model, cross-region or application profile (created or imported), prompt router. */
    model: IInvokable;
    /** The template, 1-200000 characters; `{{name}}` marks a variable. */
    promptText: pulumi.Input<string>;
    /** Names of the template's variables (at most 20). */
    promptVariables?: string[];
    /** Settings over those the model carries, property by property. */
    inferenceConfiguration?: InferenceConfiguration;
}

/** Arguments of `PromptVariant.chat`. */
export interface ChatPromptVariantProps {
    /**
     * The variant's name, unique within its prompt: 1-100 of `^([0-9a-zA-Z][_-]?)` (letters and digits,
     * each followed by at most one `_` or `-`; CloudFormation `Variants[].Name`).
     */
    variantName: string;
    /**
     * Any invokable: foundation model, cross-region or application profile (created or imported), prompt
     * router (CloudFormation `Variants[].ModelId`, its ARN).
     */
    model: IInvokable;
    /** The conversation: at least one message, starting with `user`, roles alternating. */
    messages: ChatMessage[];
    /** A system prompt. */
    system?: pulumi.Input<string>;
    /** Tools the model may call (CloudFormation `TemplateConfiguration.Chat.ToolConfiguration`). Default: none. */
    toolConfiguration?: PromptToolConfiguration;
    /**
     * Names of the template's variables, `{{name}}` in the messages (at most 20, unique, each 1-100 of
     * `^([0-9a-zA-Z][_-]?)`; CloudFormation `InputVariables`).
     */
    promptVariables?: string[];
    /** Settings over those the model carries, property by property (CloudFormation `Variants[].InferenceConfiguration`). */
    inferenceConfiguration?: InferenceConfiguration;
}

/** An agent alias: its ARN, or anything with an `agentAliasArn` or `aliasArn` (AWS Native's `bedrock.AgentAlias`). */
export type AgentAliasRef =
    | pulumi.Input<string>
    | {
          /** The alias ARN, as AWS Native's `bedrock.AgentAlias` exposes it. */
          agentAliasArn: pulumi.Input<string>;
      }
    | {
          /** The alias ARN, as this package's `AgentAlias` exposes it. */
          aliasArn: pulumi.Input<string>;
      };

/** Arguments of `PromptVariant.agent`. */
export interface AgentPromptVariantProps {
    /**
     * The variant's name, unique within its prompt: 1-100 of `^([0-9a-zA-Z][_-]?)` (letters and digits,
     * each followed by at most one `_` or `-`; CloudFormation `Variants[].Name`).
     */
    variantName: string;
    /** The agent alias the prompt sends to (`arn:<p>:bedrock:<region>:<account>:agent-alias/<agentId>/<aliasId>`). */
    agentAlias: AgentAliasRef;
    /** The text sent to the agent, 1-200000 characters; `{{name}}` marks a variable. */
    promptText: pulumi.Input<string>;
    /**
     * Names of the template's variables (at most 20, unique, each 1-100 of `^([0-9a-zA-Z][_-]?)`;
     * CloudFormation `InputVariables`).
     */
    promptVariables?: string[];
}

const NAME_PATTERN = RESOURCE_NAME_PATTERN;
const NAME_TEXT = "letters and digits, each followed by at most one underscore or hyphen, at most 100 of them";
const VARIANT_NAME_RULE: StringRule = { min: 1, pattern: NAME_PATTERN, patternText: NAME_TEXT };
const TEXT_RULE: StringRule = { min: 1, max: 200_000 };
const MESSAGE_RULE: StringRule = { min: 1 };
const TOOL_NAME_RULE: StringRule = { min: 1, max: 64, pattern: /^[a-zA-Z][a-zA-Z0-9_]*$/, patternText: "a letter, then letters, digits and underscores" };
const AGENT_ALIAS_RULE: StringRule = {
    min: 1,
    max: 2048,
    pattern: /^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:agent-alias\/[0-9a-zA-Z]{10}\/[0-9a-zA-Z]{10}$/,
    patternText: "an agent alias ARN",
};
const MAX_VARIABLES = 20;

/** The catalog models behind an invokable (a router's routing models), or undefined when not known. */
function modelsBehind(model: IInvokable): readonly BedrockFoundationModel[] | undefined {
    const routing = (model as { routingModels?: unknown }).routingModels;
    if (Array.isArray(routing) && routing.length > 0) return routing as BedrockFoundationModel[];
    const m = foundationModelOf(model);
    return m ? [m] : undefined;
}

function checkVariables(where: Where, vars: unknown): { name: string }[] | undefined {
    if (vars === undefined) return undefined;
    if (!Array.isArray(vars)) fail(where, "promptVariables", vars, "must be a list of variable names");
    if (vars.length > MAX_VARIABLES) fail(where, "promptVariables", `${vars.length} variables`, `must hold at most ${MAX_VARIABLES} variables`);
    const seen = new Set<string>();
    vars.forEach((v, i) => {
        checkString(where, `promptVariables[${i}]`, v, VARIANT_NAME_RULE);
        if (seen.has(v)) fail(where, `promptVariables[${i}]`, v, "is given twice");
        seen.add(v);
    });
    return vars.map((name: string) => ({ name }));
}

function checkModel(where: Where, model: unknown): IInvokable {
    if (!isInvokable(model)) {
        fail(where, "model", model, "must be an invokable: a BedrockFoundationModel, a cross-region or application inference profile, or a prompt router");
    }
    return model;
}

function toolConfigurationShape(where: Where, cfg: PromptToolConfiguration): inputs.bedrock.PromptToolConfigurationArgs {
    if (cfg === null || typeof cfg !== "object") fail(where, "toolConfiguration", cfg, "must be an object { tools, toolChoice? }");
    if (!Array.isArray(cfg.tools) || cfg.tools.length === 0) fail(where, "toolConfiguration.tools", cfg.tools, "must be a non-empty list of tools");
    const names = new Set<string>();
    const tools = cfg.tools.map((t, i) => {
        checkString(where, `toolConfiguration.tools[${i}].name`, t?.name, TOOL_NAME_RULE);
        if (names.has(t.name)) fail(where, `toolConfiguration.tools[${i}].name`, t.name, "is given twice");
        names.add(t.name);
        checkString(where, `toolConfiguration.tools[${i}].description`, t.description, { min: 1, optional: true });
        if (t.inputSchema === null || typeof t.inputSchema !== "object" || Array.isArray(t.inputSchema)) {
            fail(where, `toolConfiguration.tools[${i}].inputSchema`, t.inputSchema, "must be a JSON schema object");
        }
        const spec: inputs.bedrock.PromptToolSpecificationArgs = { name: t.name, inputSchema: { json: t.inputSchema } };
        if (t.description !== undefined) spec.description = t.description;
        return { toolSpec: spec };
    });
    const out: inputs.bedrock.PromptToolConfigurationArgs = { tools };
    const choice = cfg.toolChoice;
    if (choice === "auto") out.toolChoice = { auto: {} };
    else if (choice === "any") out.toolChoice = { any: {} };
    else if (choice !== undefined) {
        if (typeof choice !== "object" || choice === null || typeof choice.tool !== "string") {
            fail(where, "toolConfiguration.toolChoice", choice, 'must be "auto", "any" or { tool: <tool name> }');
        }
        if (!names.has(choice.tool)) fail(where, "toolConfiguration.toolChoice.tool", choice.tool, `must name one of the tools (${[...names].join(", ")})`);
        out.toolChoice = { tool: { name: choice.tool } };
    }
    return out;
}

/**
 * One variant of a prompt: a template with the model (or agent) it is meant for and the inference
 * settings to use. Create with `PromptVariant.text`, `PromptVariant.chat` or `PromptVariant.agent`.
 *
 * A variant's model may be any invokable. The variant inherits the model's `inferenceConfiguration`
 * (from a profile or router) property by property, under its own settings.
 */
export class PromptVariant {
    /** A text-completion variant (`TEXT` template). */
    public static text(props: TextPromptVariantProps): PromptVariant {
        const where = PromptVariant.where("PromptVariant.text", props);
        const model = checkModel(where, props.model);
        const promptText = checkString(where, "promptText", props.promptText, TEXT_RULE);
        const inputVariables = checkVariables(where, props.promptVariables);
        const text: inputs.bedrock.PromptTextPromptTemplateConfigurationArgs = { text: promptText };
        if (inputVariables) text.inputVariables = inputVariables;
        return new PromptVariant(where, "TEXT", props.variantName, model, { text }, props.inferenceConfiguration, undefined);
    }

    /** A chat variant (`CHAT` template): messages, an optional system prompt and tools. */
    public static chat(props: ChatPromptVariantProps): PromptVariant {
        const where = PromptVariant.where("PromptVariant.chat", props);
        const model = checkModel(where, props.model);
        if (!Array.isArray(props.messages) || props.messages.length === 0) {
            fail(where, "messages", props.messages, "must be a non-empty list of messages, starting with a user message");
        }
        const messages = props.messages.map((m, i) => {
            const expected = i % 2 === 0 ? "user" : "assistant";
            if (m === null || typeof m !== "object") fail(where, `messages[${i}]`, m, "must be a message { role, text }");
            if (m.role !== expected) {
                fail(
                    where,
                    `messages[${i}].role`,
                    m.role,
                    `must be "${expected}": messages start with a user message and alternate between user and assistant`,
                );
            }
            const text = checkString(where, `messages[${i}].text`, m.text, MESSAGE_RULE);
            return { role: m.role, content: [{ text }] } as inputs.bedrock.PromptMessageArgs;
        });
        const chat: inputs.bedrock.PromptChatPromptTemplateConfigurationArgs = { messages };
        if (props.system !== undefined) chat.system = [{ text: checkString(where, "system", props.system, MESSAGE_RULE) }];
        if (props.toolConfiguration !== undefined) chat.toolConfiguration = toolConfigurationShape(where, props.toolConfiguration);
        const inputVariables = checkVariables(where, props.promptVariables);
        if (inputVariables) chat.inputVariables = inputVariables;
        return new PromptVariant(where, "CHAT", props.variantName, model, { chat }, props.inferenceConfiguration, undefined);
    }

    /** A variant sent to an agent alias (`TEXT` template, no model and no inference settings). */
    public static agent(props: AgentPromptVariantProps): PromptVariant {
        const where = PromptVariant.where("PromptVariant.agent", props);
        const ref = props.agentAlias as unknown;
        let aliasArn: pulumi.Input<string>;
        if (typeof ref === "string" || pulumi.Output.isInstance(ref)) aliasArn = ref as pulumi.Input<string>;
        else if (ref && typeof ref === "object" && "agentAliasArn" in ref) aliasArn = (ref as { agentAliasArn: pulumi.Input<string> }).agentAliasArn;
        else if (ref && typeof ref === "object" && "aliasArn" in ref) aliasArn = (ref as { aliasArn: pulumi.Input<string> }).aliasArn;
        else return fail(where, "agentAlias", ref, "must be an agent alias ARN or an object with agentAliasArn (an aws-native bedrock.AgentAlias) or aliasArn");
        const agentIdentifier = checkString(where, "agentAlias", aliasArn, AGENT_ALIAS_RULE);
        const promptText = checkString(where, "promptText", props.promptText, TEXT_RULE);
        const inputVariables = checkVariables(where, props.promptVariables);
        const text: inputs.bedrock.PromptTextPromptTemplateConfigurationArgs = { text: promptText };
        if (inputVariables) text.inputVariables = inputVariables;
        return new PromptVariant(where, "TEXT", props.variantName, undefined, { text }, undefined, agentIdentifier);
    }

    private static where(component: string, props: { variantName?: unknown } | undefined): Where {
        checkArgs({ component }, props);
        checkString({ component }, "variantName", props!.variantName as string, VARIANT_NAME_RULE);
        return { component, name: props!.variantName as string };
    }

    /** The variant's name, unique within its prompt. */
    public readonly variantName: string;
    /** `TEXT` or `CHAT`. */
    public readonly templateType: "TEXT" | "CHAT";
    /** The model, or undefined for an agent variant. */
    public readonly model?: IInvokable;
    /**
     * The settings the variant renders: the model's settings with the variant's own over them, property
     * by property (undefined when neither sets any).
     */
    public readonly inferenceConfiguration?: InferenceConfiguration;
    private readonly template: inputs.bedrock.PromptTemplateConfiguration0PropertiesArgs | inputs.bedrock.PromptTemplateConfiguration1PropertiesArgs;
    private readonly agentIdentifier?: pulumi.Input<string>;
    private readonly anthropic?: boolean;
    private readonly models?: readonly BedrockFoundationModel[];

    private constructor(
        where: Where,
        templateType: "TEXT" | "CHAT",
        variantName: string,
        model: IInvokable | undefined,
        template: inputs.bedrock.PromptTemplateConfiguration0PropertiesArgs | inputs.bedrock.PromptTemplateConfiguration1PropertiesArgs,
        own: InferenceConfiguration | undefined,
        agentIdentifier: pulumi.Input<string> | undefined,
    ) {
        this.variantName = variantName;
        this.templateType = templateType;
        this.model = model;
        this.template = template;
        this.agentIdentifier = agentIdentifier;
        if (model) {
            const validated = validateInferenceConfiguration(where, "inferenceConfiguration", own, PROMPT_MAX_TOKENS_LIMIT);
            const models = modelsBehind(model);
            checkAnthropicOnly(where, "inferenceConfiguration", validated, models);
            const merged = mergeInferenceConfiguration(model.inferenceConfiguration, validated);
            // The merged settings must fit the prompt's shape (a profile's maxTokens may not).
            this.inferenceConfiguration = validateInferenceConfiguration(where, "inferenceConfiguration", merged, PROMPT_MAX_TOKENS_LIMIT);
            checkTopK(where, "inferenceConfiguration", this.inferenceConfiguration, models);
            this.anthropic = anthropicModels(models);
            this.models = models;
        }
    }

    /**
     * The variant as AWS Native's `PromptVariantArgs`. `parent` gives the provider whose Region a
     * foundation model's ARN is in.
     */
    public render(parent?: pulumi.Resource): PromptVariantInput {
        const out: PromptVariantInput = { name: this.variantName, templateType: this.templateType, templateConfiguration: this.template };
        if (this.model) out.modelId = modelIdOf(this.model, parent);
        const shapes = toPromptInferenceShapes(this.inferenceConfiguration, this.anthropic, this.models);
        if (shapes.inferenceConfiguration) out.inferenceConfiguration = shapes.inferenceConfiguration;
        if (shapes.additionalModelRequestFields) out.additionalModelRequestFields = shapes.additionalModelRequestFields;
        if (this.agentIdentifier !== undefined) out.genAiResource = { agent: { agentIdentifier: this.agentIdentifier } };
        return out;
    }
}

/** A variant's `ModelId`: the invokable's ARN (a foundation model's in the Region of `parent`'s provider). */
function modelIdOf(model: IInvokable, parent?: pulumi.Resource): pulumi.Output<string> {
    if (model instanceof BedrockFoundationModel) {
        const ctx = callerContext({ parent });
        return pulumi.all([ctx.partition, ctx.region]).apply(([p, r]) => foundationModelArn(p, r, model.modelId));
    }
    return model.invokableArn;
}

/** A KMS key: its ARN, or anything with an `arn` (an `aws.kms.Key`). */
export type KmsKeyRef =
    | pulumi.Input<string>
    | {
          /** The key's ARN (`arn:<partition>:kms:<region>:<account>:key/<id>`). */
          arn: pulumi.Input<string>;
      };

/** Arguments of `Prompt`. */
export interface PromptArgs {
    /** 1-100 of `^([0-9a-zA-Z][_-]?)` (CloudFormation `Name`). */
    promptName: pulumi.Input<string>;
    /** At most 3 variants (CloudFormation's limit), with unique names. */
    variants: PromptVariant[];
    /** The variant used by default: one of `variants` (its name or the variant). Default: unset. */
    defaultVariant?: string | PromptVariant;
    /** 1-200 characters. */
    description?: pulumi.Input<string>;
    /** Customer managed KMS key that encrypts the prompt (CloudFormation `CustomerEncryptionKeyArn`). */
    kmsKey?: KmsKeyRef;
    /** Tags as a map or a list of `{ key, value }`. */
    tags?: Tags;
}

const PROMPT_NAME_RULE: StringRule = { min: 1, pattern: NAME_PATTERN, patternText: NAME_TEXT };
const DESCRIPTION_RULE: StringRule = { min: 1, max: 200, optional: true };
const KMS_RULE: StringRule = {
    min: 1,
    max: 2048,
    pattern: /^arn:aws(|-cn|-us-gov):kms:[a-zA-Z0-9-]*:[0-9]{12}:key\/[a-zA-Z0-9-]{36}$/,
    patternText: "a KMS key ARN",
};
/** Prompt ids are 10 characters. */
const PROMPT_ID_LENGTH = 10;
const PROMPT_ARN_BOUND = buildPromptArn(
    "p".repeat(MAX_PARTITION_LENGTH),
    "r".repeat(MAX_REGION_LENGTH),
    "0".repeat(ACCOUNT_ID_LENGTH),
    "i".repeat(PROMPT_ID_LENGTH),
).length;
/** Tag holding the hash of a version's content; CloudFormation replaces a version when its tags change. */
export const CONTENT_HASH_TAG = "bedrock-genai:content-hash";

/** `bedrock:GetPrompt` and `bedrock:RenderPrompt` on `arns` (prompt or prompt-version ARNs, may be symbolic). */
export function promptGetStatements(arns: string[]): Statement[] {
    return [{ Effect: "Allow", Action: ["bedrock:GetPrompt", "bedrock:RenderPrompt"], Resource: [...arns] }];
}

/** Options of `Prompt.createVersion`. */
export interface PromptVersionOptions {
    /** Pulumi name of the version (default `<prompt>-version`, then `<prompt>-version-2`, ...). */
    name?: string;
    /** Tags of the version (map or list). */
    tags?: Tags;
    /** Keep the version in AWS when Pulumi replaces or deletes it (keeps every cut version). */
    retainOnDelete?: boolean;
}

/** A prompt version (`bedrock.PromptVersion`): an immutable snapshot of the prompt's draft. */
export class PromptVersion {
    /** The version's ARN (`...:prompt/<id>:<version>`). */
    public readonly versionArn: pulumi.Output<string>;
    /** The version number. */
    public readonly version: pulumi.Output<string>;
    /** The hash of the content the version snapshots (also its `bedrock-genai:content-hash` tag). */
    public readonly contentHash: pulumi.Output<string>;

    constructor(
        private readonly name: string,
        /** The AWS Native resource. */
        public readonly resource: bedrock.PromptVersion,
        contentHash: pulumi.Output<string>,
        private readonly parent: pulumi.Resource,
        private readonly run: PromptRunSource = { variants: [] },
    ) {
        this.versionArn = resource.arn;
        this.version = resource.version;
        this.contentHash = contentHash;
    }

    /** `bedrock:GetPrompt` and `bedrock:RenderPrompt` on this version's ARN. */
    public grantGet(role: RoleRef, opts: GrantOptions = {}): RolePolicyGrant {
        const arn = symbolic(this.versionArn, `prompt-version/${this.name}`, PROMPT_ARN_BOUND + 6);
        return grantStatements(role, [...promptGetStatements([arn]), ...(this.run.keyStatements?.() ?? [])], {
            ...opts,
            parent: opts.parent ?? this.parent,
            where: { component: "PromptVersion", name: this.name },
            argName: "grantGet(role)",
        });
    }

    /**
     * Lets `role` run this version through Converse, ConverseStream, InvokeModel or
     * InvokeModelWithResponseStream with the version's ARN as model id: `bedrock:InvokeModel`,
     * `bedrock:InvokeModelWithResponseStream` and `bedrock:RenderPrompt` on the version, each variant's
     * model's invoke grant, and the KMS statements when the prompt has a `kmsKey` (see `Prompt.grantRun`).
     */
    public grantRun(role: RoleRef, opts: GrantOptions = {}): RolePolicyGrant {
        const arn = symbolic(this.versionArn, `prompt-version/${this.name}`, PROMPT_ARN_BOUND + 6);
        return runGrant({ component: "PromptVersion", name: this.name }, arn, this.run, role, opts.parent ?? this.parent);
    }
}

/** What running a prompt needs besides the prompt itself: its variants' models and its key's statements. */
interface PromptRunSource {
    variants: readonly PromptVariant[];
    keyStatements?: () => Statement[];
}

/** Grants `role` the run statements on `arn`, the key statements, and invoke on each variant's model. */
function runGrant(where: Where, arn: string, run: PromptRunSource, role: RoleRef, parent: pulumi.Resource): RolePolicyGrant {
    const own = grantStatements(role, [...promptRunStatements([arn]), ...(run.keyStatements?.() ?? [])], {
        where,
        parent,
        argName: "grantRun(role)",
    });
    const models = run.variants.flatMap((v) => (v.model ? [v.model] : []));
    return allGrants([own, ...[...new Set(models)].map((m) => m.grantInvoke(role, { parent }))]);
}

/**
 * A Bedrock prompt (`AWS::Bedrock::Prompt`): up to three variants of a template, each with the model
 * (or agent) it is meant for and its inference settings. Changing anything updates the prompt's draft
 * in place; `createVersion` snapshots it.
 */
export class Prompt extends pulumi.ComponentResource {
    /** The prompt's ARN (CloudFormation `Arn`). */
    public readonly promptArn: pulumi.Output<string>;
    /** The prompt's id (CloudFormation `Id`). */
    public readonly promptId: pulumi.Output<string>;
    /** The AWS Native resource. */
    public readonly prompt: bedrock.Prompt;
    /** The variants, as given. */
    public readonly variants: readonly PromptVariant[];
    /** The default variant's name, if set. */
    public readonly defaultVariant?: string;
    /**
     * The hash of what a version snapshots (name, description, default variant, variants as rendered,
     * KMS key), known once the model ARNs are. Computed on first read (`createVersion` reads it): a
     * prompt without versions pays nothing for it.
     */
    public get contentHash(): pulumi.Output<string> {
        this.hash ??= pulumi.output(this.content).apply(contentHash);
        return this.hash;
    }
    private hash?: pulumi.Output<string>;
    private readonly content: Record<string, unknown>;
    private readonly promptName: string;
    private readonly kmsKeyArn?: pulumi.Input<string>;
    private versions = 0;

    constructor(name: string, args: PromptArgs, opts?: pulumi.ComponentResourceOptions) {
        const where: Where = { component: "Prompt", name };
        checkArgs(where, args);
        const promptName = checkString(where, "promptName", args.promptName, PROMPT_NAME_RULE);
        const description = checkString(where, "description", args.description, DESCRIPTION_RULE);
        if (!Array.isArray(args.variants)) fail(where, "variants", args.variants, "must be a list of PromptVariant (PromptVariant.text, .chat or .agent)");
        if (args.variants.length > 3) fail(where, "variants", `${args.variants.length} variants`, "must hold at most 3 variants (CloudFormation's limit)");
        const names = new Set<string>();
        args.variants.forEach((v, i) => {
            if (!(v instanceof PromptVariant)) fail(where, `variants[${i}]`, v, "must be a PromptVariant (PromptVariant.text, .chat or .agent)");
            if (names.has(v.variantName))
                fail(where, `variants[${i}].variantName`, v.variantName, "is given twice: variant names must be unique within a prompt");
            names.add(v.variantName);
        });
        let defaultVariant: string | undefined;
        if (args.defaultVariant !== undefined) {
            defaultVariant = args.defaultVariant instanceof PromptVariant ? args.defaultVariant.variantName : args.defaultVariant;
            // The names are strings: a default variant of any other type is not among them either.
            if (!names.has(defaultVariant)) {
                fail(
                    where,
                    "defaultVariant",
                    defaultVariant,
                    `must be one of the variants (${[...names].map((n) => JSON.stringify(n)).join(", ") || "none given"})`,
                );
            }
        }
        let kms: pulumi.Input<string> | undefined;
        if (args.kmsKey !== undefined) {
            const k = args.kmsKey as unknown;
            kms =
                typeof k === "object" && k !== null && !pulumi.Output.isInstance(k) && "arn" in k
                    ? (k as { arn: pulumi.Input<string> }).arn
                    : (k as pulumi.Input<string>);
            kms = checkString(where, "kmsKey", kms, KMS_RULE);
        }
        const tagList = normalizeTags(where, args.tags);
        super("bedrock-genai:index:Prompt", name, {}, opts);
        this.variants = Object.freeze([...args.variants]);
        this.defaultVariant = defaultVariant;
        this.promptName = name;
        this.kmsKeyArn = kms;

        const variants = this.variants.map((v) => v.render(this));
        const tags = tagList ? Object.fromEntries(tagList.map((t) => [t.key, t.value])) : undefined;
        this.prompt = new bedrock.Prompt(
            name,
            { name: promptName, description, defaultVariant, customerEncryptionKeyArn: kms, variants, tags },
            { parent: this },
        );
        this.promptArn = this.prompt.arn;
        this.promptId = this.prompt.awsId;
        this.content = { name: promptName, description, defaultVariant, kms, variants };
        this.registerOutputs({ promptArn: this.promptArn, promptId: this.promptId });
    }

    /**
     * Cuts a version of the prompt (`AWS::Bedrock::PromptVersion`). The version carries the tag
     * `bedrock-genai:content-hash` = the hash of the prompt's content as rendered (name, description,
     * default variant, KMS key and every variant: template, model ARN, inference settings). A version's
     * tags are create-only, so when any variant's content changes the hash changes and the version is
     * replaced: Pulumi updates the prompt's draft first (the version depends on it), then creates a new
     * version from it, then deletes the old one, unless `retainOnDelete` keeps it. An unchanged prompt
     * keeps its version. (The CDK constructs derive the version from the prompt's id only and miss
     * variant changes.)
     */
    public createVersion(description?: string, opts: PromptVersionOptions = {}): PromptVersion {
        const where: Where = { component: "Prompt.createVersion", name: this.promptName };
        const desc = checkString(where, "description", description, DESCRIPTION_RULE);
        const userTags = normalizeTags(where, opts.tags);
        if (userTags?.some((t) => t.key === CONTENT_HASH_TAG)) fail(where, "tags", CONTENT_HASH_TAG, "is reserved for the content hash");
        this.versions += 1;
        const name = opts.name ?? (this.versions === 1 ? `${this.promptName}-version` : `${this.promptName}-version-${this.versions}`);
        const tags: Record<string, pulumi.Input<string>> = Object.fromEntries((userTags ?? []).map((t) => [t.key, t.value]));
        tags[CONTENT_HASH_TAG] = this.contentHash;
        const resource = new bedrock.PromptVersion(
            name,
            { promptArn: this.promptArn, description: desc, tags },
            // Stryker disable next-line ArrayDeclaration: the promptArn input is this.prompt's output, so the version depends on the prompt with or without dependsOn
            { parent: this, dependsOn: [this.prompt], retainOnDelete: opts.retainOnDelete },
        );
        return new PromptVersion(name, resource, this.contentHash, this, this.runSource());
    }

    /**
     * `bedrock:GetPrompt` and `bedrock:RenderPrompt` on the prompt's ARN (its draft). Grant a version's
     * ARN with `version.grantGet`.
     */
    public grantGet(role: RoleRef, opts: GrantOptions = {}): RolePolicyGrant {
        const arn = symbolic(this.promptArn, `prompt/${this.promptName}`, PROMPT_ARN_BOUND);
        return grantStatements(role, [...promptGetStatements([arn]), ...(this.runSource().keyStatements?.() ?? [])], {
            ...opts,
            parent: opts.parent ?? this,
            where: { component: "Prompt", name: this.promptName },
            argName: "grantGet(role)",
        });
    }

    /**
     * Lets `role` run the prompt (its draft) through Converse, ConverseStream, InvokeModel or
     * InvokeModelWithResponseStream with the prompt's ARN as model id: `bedrock:InvokeModel`,
     * `bedrock:InvokeModelWithResponseStream` and `bedrock:RenderPrompt` on the prompt
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-prereq.html), and each variant's
     * model's invoke grant (the prompt runs on it). With a `kmsKey`, also `kms:Decrypt` and
     * `kms:GenerateDataKey` on the key (https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-management-prereq.html).
     * Run a version with `version.grantRun`.
     */
    public grantRun(role: RoleRef, opts: GrantOptions = {}): RolePolicyGrant {
        const arn = symbolic(this.promptArn, `prompt/${this.promptName}`, PROMPT_ARN_BOUND);
        return runGrant({ component: "Prompt", name: this.promptName }, arn, this.runSource(), role, opts.parent ?? this);
    }

    /** The variants and the key statements, for run and get grants. */
    private runSource(): PromptRunSource {
        const key = this.kmsKeyArn;
        if (key === undefined) return { variants: this.variants };
        return {
            variants: this.variants,
            keyStatements: () => {
                const arn = symbolic(key, `kms-key/${this.promptName}`, KMS_ARN_BOUND);
                const parts = typeof key === "string" ? key.split(":") : undefined;
                // Stryker disable next-line StringLiteral: a key given as a string matched KMS_RULE (arn:<partition>:kms:<region>:<12 digits>:key/<id>), so it has an account part and the fallback is never used
                const account = parts ? (parts[4] ?? "") : callerContext({ parent: this }).sym.account;
                return promptKeyStatements(arn, account);
            },
        };
    }
}

/** The longest KMS key ARN, a bound for sizing policies before deploy. */
const KMS_ARN_BOUND = `arn:${"p".repeat(MAX_PARTITION_LENGTH)}:kms:${"r".repeat(MAX_REGION_LENGTH)}:${"0".repeat(ACCOUNT_ID_LENGTH)}:key/${"k".repeat(36)}`
    .length;
