/**
 * The arguments of `AgentHarness`, their validation and their rendering as the aws-native inputs of
 * `AWS::BedrockAgentCore::Harness` and `::HarnessEndpoint`. Pure: no resource is registered here.
 *
 * Rules come from the CloudFormation resource schemas
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-bedrockagentcore-harness.html,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-bedrockagentcore-harnessendpoint.html).
 * Tools: https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/harness-tools.html (five tool kinds; a tool
 * without a name gets one inferred by the service; `allowedTools` patterns). Memory (managed by default, an
 * AgentCore memory, or disabled): https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/harness-memory.html.
 */
import * as crypto from "crypto";
import * as pulumi from "@pulumi/pulumi";
import type * as native from "@pulumi/aws-native";
import type { InferenceConfiguration } from "../core/inference-configuration";
import { checkTextGeneration, isInvokable, type IInvokable } from "../iam/invokable";
import type { RoleRef } from "../iam/grants";
import { checkNumber, checkString, fail, normalizeTags, type Tags, type Where } from "../core/validation";
import { checkInvokableRegion } from "../iam/region-check";
import { OAUTH2_CREDENTIAL_PROVIDER_ARN } from "../iam/statements/agentcore";

type Input = native.types.input.bedrockagentcore.HarnessToolArgs;

/** `HarnessName`: a letter, then up to 39 letters, digits or underscores. */
export const HARNESS_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;
const HARNESS_NAME_TEXT = "a letter, then at most 39 letters, digits or underscores";
/** `EndpointName`: a letter, then up to 47 letters, digits or underscores. */
export const ENDPOINT_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,47}$/;
const ENDPOINT_NAME_TEXT = "a letter, then at most 47 letters, digits or underscores";
/** A tool's `Name`: 1-64 letters, digits, underscores or hyphens. */
export const TOOL_NAME = /^[a-zA-Z0-9_-]+$/;
const TOOL_NAME_TEXT = "letters, digits, underscores and hyphens";
/** `GatewayArn`. */
export const GATEWAY_ARN = /^arn:aws(|-cn|-us-gov):bedrock-agentcore:[a-z0-9-]{1,20}:[0-9]{12}:gateway\/([0-9a-z][-]?){1,48}-[a-z0-9]{10}$/;
/** `BrowserArn`: the AWS-managed browser or a custom one. */
export const BROWSER_ARN =
    /^arn:aws(-[^:]+)?:bedrock-agentcore:[a-z0-9-]+:(aws|[0-9]{12}):browser(-custom)?\/(aws\.browser\.v1|[a-zA-Z][a-zA-Z0-9_]{0,47}-[a-zA-Z0-9]{10})$/;
/** `CodeInterpreterArn`: the AWS-managed code interpreter or a custom one. */
export const CODE_INTERPRETER_ARN =
    /^arn:aws(-[^:]+)?:bedrock-agentcore:[a-z0-9-]+:(aws|[0-9]{12}):code-interpreter(-custom)?\/(aws\.codeinterpreter\.v1|[a-zA-Z][a-zA-Z0-9_]{0,47}-[a-zA-Z0-9]{10})$/;
/** An AgentCore memory's ARN. */
export const MEMORY_ARN = /^arn:aws:bedrock-agentcore:[a-z0-9-]+:[0-9]{12}:memory\/[a-zA-Z][a-zA-Z0-9-_]{0,99}-[a-zA-Z0-9]{10}$/;

const RETURN_URL = /^\w+:(\/?\/?)[^\s]+$/;
/** An `AllowedTools` entry: `*`, a tool name, or `<tool>/<sub-tool>` (with an optional leading `@`). */
const ALLOWED_TOOL = /^(\*|@?[^/]+(\/[^/]+)?)$/;
/**
 * The harness's built-in tools, "available in every session unless you restrict them with allowedTools"
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/harness-tools.html), and the server name
 * `@builtin` its patterns use for them.
 */
export const BUILT_IN_TOOLS: readonly string[] = ["file_operations", "shell"];

/** Managed memory strategies. */
export type HarnessMemoryStrategy = "SEMANTIC" | "SUMMARIZATION" | "USER_PREFERENCE" | "EPISODIC";
const STRATEGIES: HarnessMemoryStrategy[] = ["SEMANTIC", "SUMMARIZATION", "USER_PREFERENCE", "EPISODIC"];

/** How a gateway tool authenticates to its gateway. */
export type HarnessGatewayOutboundAuth =
    | "AWS_IAM"
    | "NONE"
    | {
          /** OAuth through an AgentCore Identity credential provider. */
          oauth: {
              /** The credential provider's ARN. */
              providerArn: pulumi.Input<string>;
              /** Scopes to request (at most 100, each 1-64 characters). */
              scopes: string[];
              /** `CLIENT_CREDENTIALS` or `AUTHORIZATION_CODE`. */
              grantType?: "CLIENT_CREDENTIALS" | "AUTHORIZATION_CODE";
              /** Extra parameters for the provider (1-10, values 1-2048 characters). */
              customParameters?: Record<string, string>;
              /** Where the user returns after authorizing (AUTHORIZATION_CODE). */
              defaultReturnUrl?: string;
          };
      };

/** A tool of a harness (build with the `HarnessTool` factories). */
export type HarnessToolSpec =
    | {
          /** An inline function: the harness returns the call to its caller, which runs it. */
          kind: "inline_function";
          /** The tool's name (1-64 letters, digits, `_` and `-`), unique within the harness. */
          name: string;
          /** What the function does, for the model (1-4096 characters). */
          description: string;
          /** The JSON schema of the function's input (an object schema). */
          inputSchema: Record<string, unknown>;
      }
    | {
          /** An AgentCore gateway: its tools become the harness's (the execution role may invoke it). */
          kind: "agentcore_gateway";
          /** The tool's name (default: none). */
          name?: string;
          /** The gateway's ARN. */
          gatewayArn: pulumi.Input<string>;
          /** How the harness authenticates to the gateway (default: the service's, AWS IAM). */
          outboundAuth?: HarnessGatewayOutboundAuth;
      }
    | {
          /** An AgentCore code interpreter (default: the AWS-managed one). */
          kind: "agentcore_code_interpreter";
          /** The tool's name (default: none). */
          name?: string;
          /** A custom code interpreter's ARN (default: `aws.codeinterpreter.v1`). */
          codeInterpreterArn?: pulumi.Input<string>;
      }
    | {
          /** An AgentCore browser (default: the AWS-managed one). */
          kind: "agentcore_browser";
          /** The tool's name (default: none). */
          name?: string;
          /** A custom browser's ARN (default: `aws.browser.v1`). */
          browserArn?: pulumi.Input<string>;
      }
    | {
          /** A remote MCP server reached over HTTPS. */
          kind: "remote_mcp";
          /** The tool's name (default: none). */
          name?: string;
          /** The server's URL (1-16383 characters). */
          url: pulumi.Input<string>;
          /** Headers sent to the server (values 1-16383 characters). */
          headers?: Record<string, pulumi.Input<string>>;
      };

/** Factories for the tools of a harness: exactly the tool kinds of `AWS::BedrockAgentCore::Harness`. */
export const HarnessTool = {
    /** An inline function with a JSON schema; the harness hands its calls back to the caller. */
    inlineFunction(props: { name: string; description: string; inputSchema: Record<string, unknown> }): HarnessToolSpec {
        return { kind: "inline_function", ...props };
    },
    /** An AgentCore gateway (`arn:...:gateway/<id>`); the execution role is granted `bedrock-agentcore:InvokeGateway` on it. */
    gateway(props: { gatewayArn: pulumi.Input<string>; name?: string; outboundAuth?: HarnessGatewayOutboundAuth }): HarnessToolSpec {
        return { kind: "agentcore_gateway", ...props };
    },
    /** An AgentCore code interpreter (the AWS-managed one by default); the role may run sessions on it. */
    codeInterpreter(props: { name?: string; codeInterpreterArn?: pulumi.Input<string> } = {}): HarnessToolSpec {
        return { kind: "agentcore_code_interpreter", ...props };
    },
    /** An AgentCore browser (the AWS-managed one by default); the role may run sessions on it. */
    browser(props: { name?: string; browserArn?: pulumi.Input<string> } = {}): HarnessToolSpec {
        return { kind: "agentcore_browser", ...props };
    },
    /** A remote MCP server. */
    remoteMcp(props: { url: pulumi.Input<string>; name?: string; headers?: Record<string, pulumi.Input<string>> }): HarnessToolSpec {
        return { kind: "remote_mcp", ...props };
    },
} as const;

/** Long-term retrieval from one memory namespace (`AgentCoreMemoryConfiguration.RetrievalConfig`). */
export interface HarnessMemoryRetrieval {
    /** Most records retrieved: a positive integer. */
    topK?: number;
    /** The least relevance score of a retrieved record: 0..1. */
    relevanceScore?: number;
    /** The memory strategy whose records are retrieved. */
    strategyId?: string;
}

/** The memory of a harness (build with the `HarnessMemory` factories). */
export type HarnessMemorySpec =
    | {
          /** Memory the harness creates and manages in your account. */
          kind: "managed";
          /** Strategies to enable (1-4, unique; the service's default: SEMANTIC and SUMMARIZATION). */
          strategies?: HarnessMemoryStrategy[];
          /** Days events are kept: 3..365 (the service's default: 30). */
          eventExpiryDays?: number;
          /** A customer-managed KMS key ARN (not updatable after creation). */
          encryptionKeyArn?: pulumi.Input<string>;
      }
    | {
          /** An AgentCore memory you manage. */
          kind: "agentcore";
          /** The memory's ARN. */
          memoryArn: pulumi.Input<string>;
          /** The actor the events are recorded for. */
          actorId?: string;
          /** Recent messages to load: a positive integer. */
          messagesCount?: number;
          /** Retrieval per namespace: `{ topK, relevanceScore, strategyId }`. */
          retrievalConfig?: Record<string, HarnessMemoryRetrieval>;
      }
    | {
          /** No memory (the harness's explicit opt-out). */
          kind: "disabled";
      };

/** Factories for the memory of a harness: managed, an AgentCore memory, or none. */
export const HarnessMemory = {
    /** No memory. */
    NONE: { kind: "disabled" } as HarnessMemorySpec,
    /** Memory the harness creates and manages; the execution role may use it. */
    managed(props: { strategies?: HarnessMemoryStrategy[]; eventExpiryDays?: number; encryptionKeyArn?: pulumi.Input<string> } = {}): HarnessMemorySpec {
        return { kind: "managed", ...props };
    },
    /** An AgentCore memory (`arn:aws:bedrock-agentcore:<region>:<account>:memory/<id>`); the execution role may use it. */
    agentCore(props: {
        memoryArn: pulumi.Input<string>;
        actorId?: string;
        messagesCount?: number;
        retrievalConfig?: Record<string, HarnessMemoryRetrieval>;
    }): HarnessMemorySpec {
        return { kind: "agentcore", ...props };
    },
} as const;

/** How a harness truncates the conversation it sends to the model. */
export type HarnessTruncation =
    | {
          /** Keep the most recent messages. */
          strategy: "sliding_window";
          /** Messages kept: a positive integer. */
          messagesCount?: number;
      }
    | {
          /** Summarize older messages. */
          strategy: "summarization";
          /** The share of the conversation summarized: 0..1. */
          summaryRatio?: number;
          /** Recent messages kept as they are: an integer, at least 0. */
          preserveRecentMessages?: number;
          /** The system prompt of the summarization. */
          summarizationSystemPrompt?: string;
      }
    | {
          /** No truncation. */
          strategy: "none";
      };

/** The model settings a harness applies (`BedrockModelConfig`): each inherited from the model's profile unless set here. */
export interface HarnessInferenceConfiguration {
    /** Randomness: 0..2. */
    temperature?: number;
    /** Nucleus sampling cut-off: 0..1. */
    topP?: number;
    /** Most tokens the model generates per call: a positive integer. */
    maxTokens?: number;
}

/** Arguments of `AgentHarness`. */
export interface AgentHarnessArgs {
    /** The model: a foundation model, a cross-region profile or an application profile (created or imported). */
    model: IInvokable;
    /** The system prompt: what the agent does and how. */
    instruction: pulumi.Input<string>;
    /**
     * The harness's name (a letter, then at most 39 letters, digits or `_`; it cannot change without replacing
     * the harness). Default: the component's name when it is one; otherwise the name with other characters
     * replaced by `_` (prefixed `h_` when it does not start with a letter), cut to leave room for `_` and 8 hex
     * digits of a hash of the whole name, so `support-bot` and `support_bot` stay two harnesses. Two harnesses
     * of one program in one account and Region cannot have the same name. Set it when several stacks deploy
     * the same program to one account and Region.
     */
    harnessName?: string;
    /**
     * Model settings (`Model.BedrockModelConfig`). Each of `temperature`, `topP` and `maxTokens` not set here
     * is inherited from the model's `inferenceConfiguration` (a profile's reusable settings):
     * `inferenceConfiguration.maxTokens` is the one that overrides the profile's `maxTokens` (per model call).
     */
    inferenceConfiguration?: HarnessInferenceConfiguration;
    /** Tools (`HarnessTool.*`); names unique. */
    tools?: HarnessToolSpec[];
    /**
     * The tools the agent may use (`*`, a tool name, `@<server>`, `<tool>/<sub-tool>`, globs); the service's
     * default: all. A name without a glob must name a tool of `tools` or a built-in (`shell`,
     * `file_operations`, `@builtin`), unless a tool has no name (the service infers it).
     */
    allowedTools?: string[];
    /** Memory (`HarnessMemory.managed()`, `HarnessMemory.agentCore({...})`, `HarnessMemory.NONE`); the service's default when unset. */
    memory?: HarnessMemorySpec;
    /** How the conversation is truncated. */
    truncation?: HarnessTruncation;
    /** Most iterations of the agent loop per invocation: a positive integer. */
    maxIterations?: number;
    /**
     * The harness's own limit (`MaxTokens`): most tokens the agent generates per iteration, a positive
     * integer. It is not the model's `maxTokens` and does not override a profile's: that is
     * `inferenceConfiguration.maxTokens`.
     */
    maxTokens?: number;
    /** Most seconds an invocation's agent loop runs: a positive integer. */
    timeoutSeconds?: number;
    /** Environment variables of the harness's runtime (at most 50; values at most 5000 characters). */
    environmentVariables?: Record<string, pulumi.Input<string>>;
    /**
     * A role to run as instead of creating one (an `aws.iam.Role`, a role name or a role ARN); it gets the
     * harness's grants. It must trust `bedrock-agentcore.amazonaws.com`.
     */
    executionRole?: RoleRef;
    /** Tags (map or list of `{ key, value }`; at most 50). */
    tags?: Tags;
}

/** Arguments of `AgentHarness.addEndpoint`. */
export interface AddHarnessEndpointArgs {
    /** The endpoint's name (a letter, then at most 47 letters, digits or `_`); default derived from the name given. */
    endpointName?: string;
    /** 1-256 characters. */
    description?: pulumi.Input<string>;
    /** The harness version the endpoint serves (`1`..`99999`); default: the service's (the latest). */
    targetVersion?: pulumi.Input<string>;
    /** Tags (map or list of `{ key, value }`; at most 50). */
    tags?: Tags;
}

/** What the execution role must be granted for the tools and memory. */
export interface HarnessAccessNeeds {
    /** Gateway ARNs (plain or Outputs). */
    gateways: pulumi.Input<string>[];
    /** The OAuth2 credential providers of gateways with OAuth outbound authentication (plain or Outputs). */
    oauthProviders: pulumi.Input<string>[];
    /** Custom code interpreter ARNs; `managedCodeInterpreter` for the AWS-managed one. */
    codeInterpreters: pulumi.Input<string>[];
    managedCodeInterpreter: boolean;
    /** Custom browser ARNs; `managedBrowser` for the AWS-managed one. */
    browsers: pulumi.Input<string>[];
    managedBrowser: boolean;
    /** The AgentCore memory's ARN, when the memory is one. */
    memoryArn?: pulumi.Input<string>;
    /** Whether the harness manages its memory (its ARN is known once the harness exists). */
    managedMemory: boolean;
}

/** Everything validated and rendered before the component registers. */
export interface HarnessPlan {
    harnessName: string;
    systemPrompt: native.types.input.bedrockagentcore.HarnessSystemContentBlockArgs[];
    /** The model configuration, but `modelId` (an Output of the invokable, set by the component). */
    modelSettings: HarnessInferenceConfiguration;
    /** Inherited settings the harness cannot apply (a profile's `topK`, `stopSequences`...). */
    ignoredInherited: string[];
    tools?: Input[];
    allowedTools?: string[];
    memory?: native.types.input.bedrockagentcore.HarnessMemoryConfigurationArgs;
    truncation?: native.types.input.bedrockagentcore.HarnessTruncationConfigurationArgs;
    maxIterations?: number;
    maxTokens?: number;
    timeoutSeconds?: number;
    environmentVariables?: Record<string, pulumi.Input<string>>;
    tags?: { key: string; value: pulumi.Input<string> }[];
    access: HarnessAccessNeeds;
}

/**
 * A harness (or endpoint) name derived from a Pulumi name: the name itself when AWS takes it; otherwise
 * invalid characters become `_` and a leading non-letter gets `h_`, cut to leave room for `_` and the
 * first 8 hex digits of the SHA-256 of the whole name, so names that differ only in the characters
 * replaced or beyond the cut stay distinct (as policy names are kept distinct).
 */
export function derivedHarnessName(where: Where, argument: string, name: string, max = 40): string {
    const pattern = max === 40 ? HARNESS_NAME : ENDPOINT_NAME;
    if (typeof name === "string" && pattern.test(name)) return name;
    let base = String(name).replace(/[^a-zA-Z0-9_]/g, "_");
    if (!/^[a-zA-Z]/.test(base)) base = `h_${base}`;
    const hash = crypto.createHash("sha256").update(String(name)).digest("hex").slice(0, 8);
    const out = `${base.slice(0, max - hash.length - 1)}_${hash}`;
    // Stryker disable next-line ConditionalExpression,StringLiteral: out is a letter, then letters, digits and _, at most max characters: it always matches
    if (!pattern.test(out)) fail(where, argument, out, `cannot be derived from the name ${JSON.stringify(name)}; set it`);
    return out;
}

/** Checks `model` is an invokable a harness can run on (not a prompt router). */
export function checkHarnessModel(where: Where, model: unknown): IInvokable {
    if (!isInvokable(model)) {
        fail(where, "model", model, "must be a BedrockFoundationModel, a cross-region inference profile or an application inference profile");
    }
    if (model.accessTarget().kind === "prompt-router") {
        fail(where, "model", "<PromptRouter>", "cannot be a prompt router: a harness's model is a foundation model or an inference profile");
    }
    checkTextGeneration(where, "model", model, "an AgentCore harness");
    return model;
}

function checkObject(where: Where, argument: string, v: unknown, rule: string): void {
    if (v === null || typeof v !== "object" || Array.isArray(v) || pulumi.Output.isInstance(v)) fail(where, argument, v, rule);
}

function checkKeys(where: Where, argument: string, v: object, known: string[]): void {
    for (const k of Object.keys(v)) {
        if (!known.includes(k))
            fail(where, `${argument}.${k}`, (v as Record<string, unknown>)[k], `is not a setting of ${argument} (known: ${known.join(", ")})`);
    }
}

const positiveInt = { min: 1, integer: true, optional: true };

/** The harness's model settings: its own over the model's inherited ones, property by property. */
function modelSettings(
    where: Where,
    model: IInvokable,
    own: HarnessInferenceConfiguration | undefined,
): { settings: HarnessInferenceConfiguration; ignored: string[] } {
    if (own !== undefined) {
        checkObject(where, "inferenceConfiguration", own, "must be an object { temperature?, topP?, maxTokens? }");
        checkKeys(where, "inferenceConfiguration", own, ["temperature", "topP", "maxTokens"]);
        checkNumber(where, "inferenceConfiguration.temperature", own.temperature, { min: 0, max: 2, optional: true });
        checkNumber(where, "inferenceConfiguration.topP", own.topP, { min: 0, max: 1, optional: true });
        checkNumber(where, "inferenceConfiguration.maxTokens", own.maxTokens, positiveInt);
    }
    const inherited: InferenceConfiguration = model.inferenceConfiguration ?? {};
    const settings: HarnessInferenceConfiguration = {};
    for (const k of ["temperature", "topP", "maxTokens"] as const) {
        const v = own?.[k] ?? inherited[k];
        if (v !== undefined) settings[k] = v;
    }
    const ignored = (["stopSequences", "topK", "anthropicVersion", "responseFormat"] as const).filter((k) => inherited[k] !== undefined);
    return { settings, ignored };
}

function renderTool(where: Where, at: string, t: HarnessToolSpec, access: HarnessAccessNeeds): Input {
    checkObject(where, at, t, "must be a tool built with HarnessTool.inlineFunction, .gateway, .codeInterpreter, .browser or .remoteMcp");
    const name = (t as { name?: unknown }).name;
    if (t.kind === "inline_function" || name !== undefined) {
        checkString(where, `${at}.name`, name as string, { min: 1, max: 64, pattern: TOOL_NAME, patternText: TOOL_NAME_TEXT });
    }
    const base = (config: native.types.input.bedrockagentcore.HarnessToolConfigurationArgs): Input =>
        name === undefined ? { type: t.kind, config } : { type: t.kind, name: name as string, config };
    switch (t.kind) {
        case "inline_function": {
            checkString(where, `${at}.description`, t.description, { min: 1, max: 4096 });
            checkObject(where, `${at}.inputSchema`, t.inputSchema, "must be a JSON schema object");
            if (t.inputSchema.type !== undefined && t.inputSchema.type !== "object") {
                fail(where, `${at}.inputSchema.type`, t.inputSchema.type, 'must be "object": a tool\'s input is an object');
            }
            let json: string;
            try {
                json = JSON.stringify(t.inputSchema);
            } catch {
                return fail(where, `${at}.inputSchema`, "<object>", "must be serializable as JSON");
            }
            return base({ inlineFunction: { description: t.description, inputSchema: JSON.parse(json) } });
        }
        case "agentcore_gateway": {
            const arn = checkString(where, `${at}.gatewayArn`, t.gatewayArn, { pattern: GATEWAY_ARN, patternText: "an AgentCore gateway ARN" });
            access.gateways.push(arn);
            const cfg: native.types.input.bedrockagentcore.HarnessAgentCoreGatewayConfigArgs = { gatewayArn: arn };
            if (t.outboundAuth !== undefined) cfg.outboundAuth = renderOutboundAuth(where, `${at}.outboundAuth`, t.outboundAuth, access);
            return base({ agentCoreGateway: cfg });
        }
        case "agentcore_code_interpreter": {
            if (t.codeInterpreterArn === undefined) {
                access.managedCodeInterpreter = true;
                return base({ agentCoreCodeInterpreter: {} });
            }
            const arn = checkString(where, `${at}.codeInterpreterArn`, t.codeInterpreterArn, {
                pattern: CODE_INTERPRETER_ARN,
                patternText: "an AgentCore code interpreter ARN",
            });
            access.codeInterpreters.push(arn);
            return base({ agentCoreCodeInterpreter: { codeInterpreterArn: arn } });
        }
        case "agentcore_browser": {
            if (t.browserArn === undefined) {
                access.managedBrowser = true;
                return base({ agentCoreBrowser: {} });
            }
            const arn = checkString(where, `${at}.browserArn`, t.browserArn, { pattern: BROWSER_ARN, patternText: "an AgentCore browser ARN" });
            access.browsers.push(arn);
            return base({ agentCoreBrowser: { browserArn: arn } });
        }
        case "remote_mcp": {
            const url = checkString(where, `${at}.url`, t.url, { min: 1, max: 16383 });
            if (typeof url === "string" && !/^https?:\/\//.test(url)) fail(where, `${at}.url`, url, "must be an http(s) URL");
            const cfg: native.types.input.bedrockagentcore.HarnessRemoteMcpConfigArgs = { url };
            if (t.headers !== undefined) {
                checkObject(where, `${at}.headers`, t.headers, "must be a map of header names to values");
                cfg.headers = Object.fromEntries(
                    Object.entries(t.headers).map(([k, v]) => [k, checkString(where, `${at}.headers.${k}`, v, { min: 1, max: 16383 })]),
                );
            }
            return base({ remoteMcp: cfg });
        }
        default:
            return fail(
                where,
                `${at}.kind`,
                (t as { kind?: unknown }).kind,
                "must be inline_function, agentcore_gateway, agentcore_code_interpreter, agentcore_browser or remote_mcp",
            );
    }
}

function renderOutboundAuth(
    where: Where,
    at: string,
    a: HarnessGatewayOutboundAuth,
    access: HarnessAccessNeeds,
): native.types.input.bedrockagentcore.HarnessGatewayOutboundAuthArgs {
    if (a === "AWS_IAM") return { awsIam: {} };
    if (a === "NONE") return { none: {} };
    checkObject(where, at, a, 'must be "AWS_IAM", "NONE" or { oauth: { providerArn, scopes } }');
    const o = a.oauth;
    checkObject(where, `${at}.oauth`, o, "must be { providerArn, scopes, grantType?, customParameters?, defaultReturnUrl? }");
    const providerArn = checkString(where, `${at}.oauth.providerArn`, o.providerArn, {
        pattern: OAUTH2_CREDENTIAL_PROVIDER_ARN,
        patternText:
            "an AgentCore Identity OAuth2 credential provider ARN, arn:<partition>:bedrock-agentcore:<region>:<account>:token-vault/<vault>/oauth2credentialprovider/<name>",
    });
    // The execution role fetches the token from the provider (its token vault and secret).
    access.oauthProviders.push(providerArn);
    if (!Array.isArray(o.scopes)) fail(where, `${at}.oauth.scopes`, o.scopes, "must be a list of scopes");
    if (o.scopes.length > 100) fail(where, `${at}.oauth.scopes`, `${o.scopes.length} scopes`, "must hold at most 100 scopes");
    o.scopes.forEach((s, i) => checkString(where, `${at}.oauth.scopes[${i}]`, s, { min: 1, max: 64 }));
    const out: native.types.input.bedrockagentcore.HarnessOAuthCredentialProviderArgs = { providerArn, scopes: [...o.scopes] };
    if (o.grantType !== undefined) {
        if (o.grantType !== "CLIENT_CREDENTIALS" && o.grantType !== "AUTHORIZATION_CODE")
            fail(where, `${at}.oauth.grantType`, o.grantType, "must be CLIENT_CREDENTIALS or AUTHORIZATION_CODE");
        out.grantType = o.grantType;
    }
    if (o.customParameters !== undefined) {
        checkObject(where, `${at}.oauth.customParameters`, o.customParameters, "must be a map of parameter names to values");
        const n = Object.keys(o.customParameters).length;
        if (n < 1 || n > 10) fail(where, `${at}.oauth.customParameters`, o.customParameters, `must hold 1 to 10 parameters (has ${n})`);
        for (const [k, v] of Object.entries(o.customParameters)) checkString(where, `${at}.oauth.customParameters.${k}`, v, { min: 1, max: 2048 });
        out.customParameters = { ...o.customParameters };
    }
    if (o.defaultReturnUrl !== undefined) {
        checkString(where, `${at}.oauth.defaultReturnUrl`, o.defaultReturnUrl, { min: 1, max: 2048, pattern: RETURN_URL, patternText: "a URL" });
        out.defaultReturnUrl = o.defaultReturnUrl;
    }
    return { oauth: out };
}

function renderMemory(where: Where, m: HarnessMemorySpec, access: HarnessAccessNeeds): native.types.input.bedrockagentcore.HarnessMemoryConfigurationArgs {
    checkObject(where, "memory", m, "must be HarnessMemory.managed(...), HarnessMemory.agentCore({ memoryArn }) or HarnessMemory.NONE");
    switch (m.kind) {
        case "disabled":
            return { disabled: {} };
        case "managed": {
            const out: native.types.input.bedrockagentcore.HarnessManagedMemoryConfigurationArgs = {};
            if (m.strategies !== undefined) {
                if (!Array.isArray(m.strategies) || m.strategies.length < 1 || m.strategies.length > 4)
                    fail(where, "memory.strategies", m.strategies, `must be a list of 1 to 4 of ${STRATEGIES.join(", ")}`);
                m.strategies.forEach((s, i) => {
                    if (!STRATEGIES.includes(s)) fail(where, `memory.strategies[${i}]`, s, `must be one of ${STRATEGIES.join(", ")}`);
                    if (m.strategies!.indexOf(s) !== i) fail(where, `memory.strategies[${i}]`, s, "is given twice");
                });
                out.strategies = [...m.strategies];
            }
            checkNumber(where, "memory.eventExpiryDays", m.eventExpiryDays, { min: 3, max: 365, integer: true, optional: true });
            if (m.eventExpiryDays !== undefined) out.eventExpiryDuration = m.eventExpiryDays;
            if (m.encryptionKeyArn !== undefined) {
                out.encryptionKeyArn = checkString(where, "memory.encryptionKeyArn", m.encryptionKeyArn, {
                    pattern: /^arn:aws(-[^:]+)?:kms:[a-z0-9-]+:[0-9]{12}:key\/.+$/,
                    patternText: "a KMS key ARN",
                });
            }
            access.managedMemory = true;
            return { managedMemoryConfiguration: out };
        }
        case "agentcore": {
            const arn = checkString(where, "memory.memoryArn", m.memoryArn, { pattern: MEMORY_ARN, patternText: "an AgentCore memory ARN" });
            access.memoryArn = arn;
            const out: native.types.input.bedrockagentcore.HarnessAgentCoreMemoryConfigurationArgs = { arn };
            if (m.actorId !== undefined) out.actorId = checkString(where, "memory.actorId", m.actorId, { min: 1 });
            checkNumber(where, "memory.messagesCount", m.messagesCount, positiveInt);
            if (m.messagesCount !== undefined) out.messagesCount = m.messagesCount;
            if (m.retrievalConfig !== undefined) {
                checkObject(where, "memory.retrievalConfig", m.retrievalConfig, "must be a map of namespaces to { topK?, relevanceScore?, strategyId? }");
                const rc: Record<string, native.types.input.bedrockagentcore.HarnessAgentCoreMemoryRetrievalConfigArgs> = {};
                for (const [ns, c] of Object.entries(m.retrievalConfig)) {
                    const at = `memory.retrievalConfig.${ns}`;
                    checkObject(where, at, c, "must be { topK?, relevanceScore?, strategyId? }");
                    checkKeys(where, at, c, ["topK", "relevanceScore", "strategyId"]);
                    checkNumber(where, `${at}.topK`, c.topK, positiveInt);
                    checkNumber(where, `${at}.relevanceScore`, c.relevanceScore, { min: 0, max: 1, optional: true });
                    if (c.strategyId !== undefined) checkString(where, `${at}.strategyId`, c.strategyId, { min: 1 });
                    rc[ns] = { ...c };
                }
                out.retrievalConfig = rc;
            }
            return { agentCoreMemoryConfiguration: out };
        }
        default:
            return fail(where, "memory.kind", (m as { kind?: unknown }).kind, "must be managed, agentcore or disabled");
    }
}

function renderTruncation(where: Where, t: HarnessTruncation): native.types.input.bedrockagentcore.HarnessTruncationConfigurationArgs {
    checkObject(where, "truncation", t, 'must be { strategy: "sliding_window" | "summarization" | "none", ... }');
    switch (t.strategy) {
        case "none":
            checkKeys(where, "truncation", t, ["strategy"]);
            return { strategy: "none" };
        case "sliding_window": {
            checkKeys(where, "truncation", t, ["strategy", "messagesCount"]);
            checkNumber(where, "truncation.messagesCount", t.messagesCount, positiveInt);
            return t.messagesCount === undefined
                ? { strategy: "sliding_window" }
                : { strategy: "sliding_window", config: { slidingWindow: { messagesCount: t.messagesCount } } };
        }
        case "summarization": {
            checkKeys(where, "truncation", t, ["strategy", "summaryRatio", "preserveRecentMessages", "summarizationSystemPrompt"]);
            checkNumber(where, "truncation.summaryRatio", t.summaryRatio, { min: 0, max: 1, optional: true });
            checkNumber(where, "truncation.preserveRecentMessages", t.preserveRecentMessages, { min: 0, integer: true, optional: true });
            if (t.summarizationSystemPrompt !== undefined) checkString(where, "truncation.summarizationSystemPrompt", t.summarizationSystemPrompt, { min: 1 });
            const s: native.types.input.bedrockagentcore.HarnessSummarizationConfigurationArgs = {};
            if (t.summaryRatio !== undefined) s.summaryRatio = t.summaryRatio;
            if (t.preserveRecentMessages !== undefined) s.preserveRecentMessages = t.preserveRecentMessages;
            if (t.summarizationSystemPrompt !== undefined) s.summarizationSystemPrompt = t.summarizationSystemPrompt;
            return Object.keys(s).length === 0 ? { strategy: "summarization" } : { strategy: "summarization", config: { summarization: s } };
        }
        default:
            return fail(where, "truncation.strategy", (t as { strategy?: unknown }).strategy, "must be sliding_window, summarization or none");
    }
}

/**
 * Validates `args` and renders everything but the model id and the role: throws before anything is
 * registered. `knownRegion`: the harness's Region when known before deploy (the default provider's
 * configured Region), against which the model's Region is checked.
 */
export function planHarness(where: Where, name: string, args: AgentHarnessArgs, knownRegion?: string): HarnessPlan {
    if (args === undefined || args === null || typeof args !== "object") fail(where, "args", args, "is required (an object with the component's arguments)");
    // AWS documents no guardrail for the managed harness (`AWS::BedrockAgentCore::Harness` has no such
    // property): refuse one given anyway (from JavaScript) rather than ignore it.
    if ((args as { guardrail?: unknown }).guardrail !== undefined) {
        fail(
            where,
            "guardrail",
            "<guardrail>",
            "is not supported: AWS documents no guardrail for the AgentCore harness; apply it in your application (grantApply and the ApplyGuardrail API) or at an AgentCore gateway (AgentCore Policy)",
        );
    }
    const model = checkHarnessModel(where, args.model);
    // Bedrock calls a model, profile or router only in its own Region: the harness's.
    checkInvokableRegion(where, "model", model, knownRegion);
    const instruction = checkString(where, "instruction", args.instruction, { min: 1 });
    const harnessName =
        args.harnessName === undefined
            ? // Stryker disable next-line StringLiteral: the argument is named only when a derived name fails its pattern, which it never does
              derivedHarnessName(where, "harnessName", name)
            : (checkString(where, "harnessName", args.harnessName, { pattern: HARNESS_NAME, patternText: HARNESS_NAME_TEXT }) as string);
    const { settings, ignored } = modelSettings(where, model, args.inferenceConfiguration);

    const access: HarnessAccessNeeds = {
        gateways: [],
        oauthProviders: [],
        codeInterpreters: [],
        managedCodeInterpreter: false,
        browsers: [],
        managedBrowser: false,
        managedMemory: false,
    };
    let tools: Input[] | undefined;
    if (args.tools !== undefined) {
        if (!Array.isArray(args.tools)) fail(where, "tools", args.tools, "must be a list of tools (HarnessTool.*)");
        const names = new Set<string>();
        tools = args.tools.map((t, i) => {
            const r = renderTool(where, `tools[${i}]`, t, access);
            if (typeof r.name === "string") {
                if (names.has(r.name)) fail(where, `tools[${i}].name`, r.name, "is already the name of another tool of the harness");
                names.add(r.name);
            }
            return r;
        });
    }
    let allowedTools: string[] | undefined;
    if (args.allowedTools !== undefined) {
        if (!Array.isArray(args.allowedTools)) fail(where, "allowedTools", args.allowedTools, "must be a list of tool names");
        args.allowedTools.forEach((a, i) =>
            checkString(where, `allowedTools[${i}]`, a, { min: 1, max: 64, pattern: ALLOWED_TOOL, patternText: "*, a tool name or <tool>/<sub-tool>" }),
        );
        checkAllowedToolsNameTools(where, args.allowedTools, tools ?? []);
        allowedTools = [...args.allowedTools];
    }
    const memory = args.memory === undefined ? undefined : renderMemory(where, args.memory, access);
    const truncation = args.truncation === undefined ? undefined : renderTruncation(where, args.truncation);
    checkNumber(where, "maxIterations", args.maxIterations, positiveInt);
    checkNumber(where, "maxTokens", args.maxTokens, positiveInt);
    checkNumber(where, "timeoutSeconds", args.timeoutSeconds, positiveInt);

    let environmentVariables: Record<string, pulumi.Input<string>> | undefined;
    if (args.environmentVariables !== undefined) {
        checkObject(where, "environmentVariables", args.environmentVariables, "must be a map of variable names to values");
        const entries = Object.entries(args.environmentVariables);
        if (entries.length > 50) fail(where, "environmentVariables", `${entries.length} variables`, "must hold at most 50 variables");
        environmentVariables = {};
        for (const [k, v] of entries) {
            if (k === "") fail(where, "environmentVariables", k, "must not have an empty variable name");
            environmentVariables[k] = checkString(where, `environmentVariables.${k}`, v, { min: 0, max: 5000 });
        }
    }
    const tags = normalizeTags(where, args.tags);
    if (tags !== undefined && tags.length > 50) fail(where, "tags", `${tags.length} tags`, "must hold at most 50 tags");

    return {
        harnessName,
        systemPrompt: [{ text: instruction }],
        modelSettings: settings,
        ignoredInherited: ignored,
        tools,
        allowedTools,
        memory,
        truncation,
        maxIterations: args.maxIterations,
        maxTokens: args.maxTokens,
        timeoutSeconds: args.timeoutSeconds,
        environmentVariables,
        tags,
        access,
    };
}

/**
 * Refuses an `allowedTools` entry that names a tool the harness does not have. The patterns
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/harness-tools.html): `*`; a name (a built-in
 * by name, or a tool); `@builtin`, `@builtin/<name>`; `@<server>`, `@<server>/<tool>`; globs (`file_*`,
 * `@<server>/read_*`, `@*-mcp/status`). A glob may match tools known only to the service, and a tool without a
 * name gets one the service infers: those entries are left to the service.
 */
function checkAllowedToolsNameTools(where: Where, allowed: string[], tools: Input[]): void {
    if (tools.some((t) => t.name === undefined)) return;
    const names = tools.map((t) => t.name as string);
    const known = new Set([...names, ...BUILT_IN_TOOLS]);
    allowed.forEach((entry, i) => {
        if (typeof entry !== "string" || /[*?[\]]/.test(entry)) return;
        const first = (entry.startsWith("@") ? entry.slice(1) : entry).split("/")[0];
        if (entry.startsWith("@") && first === "builtin") return;
        if (known.has(first)) return;
        fail(
            where,
            `allowedTools[${i}]`,
            entry,
            `names no tool of the harness (its tools: ${names.length > 0 ? [...names].sort().join(", ") : "none"}; built-in: ${BUILT_IN_TOOLS.join(", ")}, @builtin)`,
        );
    });
}

/** Validates `addEndpoint`'s arguments and renders the endpoint's inputs but `harnessId`. */
export function planEndpoint(
    where: Where,
    name: string,
    args: AddHarnessEndpointArgs,
): Omit<native.bedrockagentcore.HarnessEndpointArgs, "harnessId"> & { endpointName: string } {
    if (args === null || typeof args !== "object") fail(where, "args", args, "must be an object { endpointName?, description?, targetVersion?, tags? }");
    const endpointName =
        args.endpointName === undefined
            ? // Stryker disable next-line StringLiteral: the argument is named only when a derived name fails its pattern, which it never does
              derivedHarnessName(where, "endpointName", name, 48)
            : (checkString(where, "endpointName", args.endpointName, { pattern: ENDPOINT_NAME, patternText: ENDPOINT_NAME_TEXT }) as string);
    const description = checkString(where, "description", args.description, { min: 1, max: 256, optional: true });
    const targetVersion = checkString(where, "targetVersion", args.targetVersion, {
        pattern: /^([1-9][0-9]{0,4})$/,
        patternText: "a version number 1..99999",
        optional: true,
    });
    const tags = normalizeTags(where, args.tags);
    if (tags !== undefined && tags.length > 50) fail(where, "tags", `${tags.length} tags`, "must hold at most 50 tags");
    const out: Omit<native.bedrockagentcore.HarnessEndpointArgs, "harnessId"> & { endpointName: string } = { endpointName };
    if (description !== undefined) out.description = description;
    if (targetVersion !== undefined) out.targetVersion = targetVersion;
    if (tags !== undefined) out.tags = tags;
    return out;
}
