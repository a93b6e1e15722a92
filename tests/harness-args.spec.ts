import { expect } from "chai";
import * as bedrock from "../sdk/nodejs";
import { planEndpoint, planHarness, type AgentHarnessArgs } from "../components/agents/harness-args";
import { setBedrockMocks } from "../components/testing/testing";
import { throwsExactly } from "./support/errors";

const ACCOUNT = "123456789012";
const REGION = "us-east-1";
const W = { component: "AgentHarness", name: "h" };
const GATEWAY = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:gateway/weather-gw-abcdefghij`;
const MEMORY = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:memory/farm_memory-abcdefghij`;
const OAUTH = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:token-vault/default/oauth2credentialprovider/weather`;

const cris = () =>
    bedrock.CrossRegionInferenceProfile.fromConfig({
        geoRegion: bedrock.CrossRegionInferenceProfileRegion.US,
        model: bedrock.BedrockFoundationModel.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
    });
const base = () => ({ model: cris(), instruction: "Answer." });
const plan = (args: unknown, name = "h") => planHarness(W, name, args as AgentHarnessArgs);
const withArgs = (extra: object) => plan({ ...base(), ...extra });
const gatewayWith = (oauth: unknown) =>
    withArgs({ tools: [bedrock.HarnessTool.gateway({ name: "weather", gatewayArn: GATEWAY, outboundAuth: { oauth } as never })] });
const oauthWith = (extra: object) => gatewayWith({ providerArn: OAUTH, scopes: ["read"], ...extra });
const fn = (name: string) => bedrock.HarnessTool.inlineFunction({ name, description: "d", inputSchema: {} });
const params = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, "v"]));
const managed = (extra: object) => withArgs({ memory: { kind: "managed", ...extra } });
const agentCore = (extra: object) => withArgs({ memory: { kind: "agentcore", memoryArn: MEMORY, ...extra } });

describe("planHarness: refusals name the argument, the value and the rule", () => {
    before(() => setBedrockMocks({ region: REGION, accountId: ACCOUNT, config: { "aws-native:region": REGION } }));

    const cases: { title: string; run: () => unknown; message: string }[] = [
        {
            title: "args undefined",
            run: () => plan(undefined),
            message: `AgentHarness "h": args undefined is required (an object with the component's arguments)`,
        },
        { title: "args null", run: () => plan(null), message: `AgentHarness "h": args null is required (an object with the component's arguments)` },
        { title: "args a string", run: () => plan("x"), message: `AgentHarness "h": args "x" is required (an object with the component's arguments)` },
        {
            title: "inferenceConfiguration not an object",
            run: () => withArgs({ inferenceConfiguration: "x" }),
            message: 'AgentHarness "h": inferenceConfiguration "x" must be an object { temperature?, topP?, maxTokens? }',
        },
        { title: "tools not a list", run: () => withArgs({ tools: "x" }), message: 'AgentHarness "h": tools "x" must be a list of tools (HarnessTool.*)' },
        {
            title: "a tool not an object",
            run: () => withArgs({ tools: ["x"] }),
            message: 'AgentHarness "h": tools[0] "x" must be a tool built with HarnessTool.inlineFunction, .gateway, .codeInterpreter, .browser or .remoteMcp',
        },
        {
            title: "an inline function whose schema is not JSON",
            run: () => {
                const s: Record<string, unknown> = { type: "object" };
                s.self = s;
                return withArgs({ tools: [bedrock.HarnessTool.inlineFunction({ name: "f", description: "d", inputSchema: s })] });
            },
            message: 'AgentHarness "h": tools[0].inputSchema "<object>" must be serializable as JSON',
        },
        {
            title: "remote MCP empty URL",
            run: () => withArgs({ tools: [bedrock.HarnessTool.remoteMcp({ url: "" })] }),
            message: 'AgentHarness "h": tools[0].url "" must not be empty',
        },
        {
            title: "remote MCP URL too long",
            run: () => withArgs({ tools: [bedrock.HarnessTool.remoteMcp({ url: `https://${"x".repeat(16376)}` })] }),
            message: `AgentHarness "h": tools[0].url "https://${"x".repeat(16376)}" must have at most 16383 characters (has 16384)`,
        },
        {
            title: "remote MCP ftp URL",
            run: () => withArgs({ tools: [bedrock.HarnessTool.remoteMcp({ url: "ftp://x" })] }),
            message: 'AgentHarness "h": tools[0].url "ftp://x" must be an http(s) URL',
        },
        {
            title: "remote MCP URL not at the start",
            run: () => withArgs({ tools: [bedrock.HarnessTool.remoteMcp({ url: "see https://x" })] }),
            message: 'AgentHarness "h": tools[0].url "see https://x" must be an http(s) URL',
        },
        {
            title: "remote MCP headers not a map",
            run: () => withArgs({ tools: [bedrock.HarnessTool.remoteMcp({ url: "https://x", headers: "x" as never })] }),
            message: 'AgentHarness "h": tools[0].headers "x" must be a map of header names to values',
        },
        {
            title: "oauth not an object",
            run: () => gatewayWith("x"),
            message: 'AgentHarness "h": tools[0].outboundAuth.oauth "x" must be { providerArn, scopes, grantType?, customParameters?, defaultReturnUrl? }',
        },
        {
            title: "oauth scopes not a list",
            run: () => gatewayWith({ providerArn: OAUTH, scopes: "read" }),
            message: 'AgentHarness "h": tools[0].outboundAuth.oauth.scopes "read" must be a list of scopes',
        },
        {
            title: "101 oauth scopes",
            run: () => gatewayWith({ providerArn: OAUTH, scopes: Array(101).fill("s") }),
            message: 'AgentHarness "h": tools[0].outboundAuth.oauth.scopes "101 scopes" must hold at most 100 scopes',
        },
        {
            title: "an empty oauth scope",
            run: () => gatewayWith({ providerArn: OAUTH, scopes: ["read", ""] }),
            message: 'AgentHarness "h": tools[0].outboundAuth.oauth.scopes[1] "" must not be empty',
        },
        {
            title: "an oauth scope of 65 characters",
            run: () => gatewayWith({ providerArn: OAUTH, scopes: ["s".repeat(65)] }),
            message: `AgentHarness "h": tools[0].outboundAuth.oauth.scopes[0] "${"s".repeat(65)}" must have at most 64 characters (has 65)`,
        },
        {
            title: "unknown grant type",
            run: () => oauthWith({ grantType: "IMPLICIT" }),
            message: 'AgentHarness "h": tools[0].outboundAuth.oauth.grantType "IMPLICIT" must be CLIENT_CREDENTIALS or AUTHORIZATION_CODE',
        },
        {
            title: "custom parameters not a map",
            run: () => oauthWith({ customParameters: "x" }),
            message: 'AgentHarness "h": tools[0].outboundAuth.oauth.customParameters "x" must be a map of parameter names to values',
        },
        {
            title: "no custom parameters",
            run: () => oauthWith({ customParameters: {} }),
            message: 'AgentHarness "h": tools[0].outboundAuth.oauth.customParameters {} must hold 1 to 10 parameters (has 0)',
        },
        {
            title: "11 custom parameters",
            run: () => oauthWith({ customParameters: params(11) }),
            message:
                'AgentHarness "h": tools[0].outboundAuth.oauth.customParameters {"p0":"v","p1":"v","p2":"v","p3":"v","p4":"v","p5":"v","p6":"v","p7":"v","p8":"v","p9":"v","p10":"v"} must hold 1 to 10 parameters (has 11)',
        },
        {
            title: "an empty custom parameter",
            run: () => oauthWith({ customParameters: { a: "" } }),
            message: 'AgentHarness "h": tools[0].outboundAuth.oauth.customParameters.a "" must not be empty',
        },
        {
            title: "a custom parameter of 2049 characters",
            run: () => oauthWith({ customParameters: { a: "x".repeat(2049) } }),
            message: `AgentHarness "h": tools[0].outboundAuth.oauth.customParameters.a "${"x".repeat(2049)}" must have at most 2048 characters (has 2049)`,
        },
        {
            title: "an empty return URL",
            run: () => oauthWith({ defaultReturnUrl: "" }),
            message: 'AgentHarness "h": tools[0].outboundAuth.oauth.defaultReturnUrl "" must not be empty',
        },
        {
            title: "a return URL that is no URL",
            run: () => oauthWith({ defaultReturnUrl: "not a url" }),
            message: 'AgentHarness "h": tools[0].outboundAuth.oauth.defaultReturnUrl "not a url" must match ^\\w+:(\\/?\\/?)[^\\s]+$ (a URL)',
        },
        {
            title: "allowedTools not a list",
            run: () => withArgs({ allowedTools: "x" }),
            message: 'AgentHarness "h": allowedTools "x" must be a list of tool names',
        },
        {
            title: "memory not an object",
            run: () => withArgs({ memory: "x" }),
            message: 'AgentHarness "h": memory "x" must be HarnessMemory.managed(...), HarnessMemory.agentCore({ memoryArn }) or HarnessMemory.NONE',
        },
        {
            title: "memory strategies not a list",
            run: () => managed({ strategies: "SEMANTIC" }),
            message: 'AgentHarness "h": memory.strategies "SEMANTIC" must be a list of 1 to 4 of SEMANTIC, SUMMARIZATION, USER_PREFERENCE, EPISODIC',
        },
        {
            title: "no memory strategies",
            run: () => managed({ strategies: [] }),
            message: 'AgentHarness "h": memory.strategies [] must be a list of 1 to 4 of SEMANTIC, SUMMARIZATION, USER_PREFERENCE, EPISODIC',
        },
        {
            title: "5 memory strategies",
            run: () => managed({ strategies: ["SEMANTIC", "SUMMARIZATION", "USER_PREFERENCE", "EPISODIC", "SEMANTIC"] }),
            message:
                'AgentHarness "h": memory.strategies ["SEMANTIC","SUMMARIZATION","USER_PREFERENCE","EPISODIC","SEMANTIC"] must be a list of 1 to 4 of SEMANTIC, SUMMARIZATION, USER_PREFERENCE, EPISODIC',
        },
        {
            title: "a fractional event expiry",
            run: () => managed({ eventExpiryDays: 30.5 }),
            message: 'AgentHarness "h": memory.eventExpiryDays 30.5 must be an integer',
        },
        ...[
            "key-1",
            "xarn:aws:kms:us-east-1:123456789012:key/abc",
            "arn:aws:kms:us-east-1:123456789012:key/abc\nx",
            "arn:aws:kms:us-east-1:123456789012:key/",
        ].map((arn) => ({
            title: `KMS key ARN ${JSON.stringify(arn)}`,
            run: () => managed({ encryptionKeyArn: arn }),
            message: `AgentHarness "h": memory.encryptionKeyArn ${JSON.stringify(arn)} must match ^arn:aws(-[^:]+)?:kms:[a-z0-9-]+:[0-9]{12}:key\\/.+$ (a KMS key ARN)`,
        })),
        { title: "an empty actor", run: () => agentCore({ actorId: "" }), message: 'AgentHarness "h": memory.actorId "" must not be empty' },
        { title: "no messages", run: () => agentCore({ messagesCount: 0 }), message: 'AgentHarness "h": memory.messagesCount 0 must be at least 1' },
        {
            title: "retrieval config not a map",
            run: () => agentCore({ retrievalConfig: "x" }),
            message: 'AgentHarness "h": memory.retrievalConfig "x" must be a map of namespaces to { topK?, relevanceScore?, strategyId? }',
        },
        {
            title: "a namespace's retrieval not an object",
            run: () => agentCore({ retrievalConfig: { "/f": 3 } }),
            message: 'AgentHarness "h": memory.retrievalConfig./f 3 must be { topK?, relevanceScore?, strategyId? }',
        },
        {
            title: "topK 0",
            run: () => agentCore({ retrievalConfig: { "/f": { topK: 0 } } }),
            message: 'AgentHarness "h": memory.retrievalConfig./f.topK 0 must be at least 1',
        },
        {
            title: "relevance score 1.5",
            run: () => agentCore({ retrievalConfig: { "/f": { relevanceScore: 1.5 } } }),
            message: 'AgentHarness "h": memory.retrievalConfig./f.relevanceScore 1.5 must be between 0 and 1',
        },
        {
            title: "relevance score -0.1",
            run: () => agentCore({ retrievalConfig: { "/f": { relevanceScore: -0.1 } } }),
            message: 'AgentHarness "h": memory.retrievalConfig./f.relevanceScore -0.1 must be between 0 and 1',
        },
        {
            title: "an empty strategy id",
            run: () => agentCore({ retrievalConfig: { "/f": { strategyId: "" } } }),
            message: 'AgentHarness "h": memory.retrievalConfig./f.strategyId "" must not be empty',
        },
        {
            title: "truncation not an object",
            run: () => withArgs({ truncation: "none" }),
            message: 'AgentHarness "h": truncation "none" must be { strategy: "sliding_window" | "summarization" | "none", ... }',
        },
        {
            title: "a setting of no truncation",
            run: () => withArgs({ truncation: { strategy: "none", messagesCount: 3 } }),
            message: 'AgentHarness "h": truncation.messagesCount 3 is not a setting of truncation (known: strategy)',
        },
        {
            title: "a summarization setting on a sliding window",
            run: () => withArgs({ truncation: { strategy: "sliding_window", summaryRatio: 0.5 } }),
            message: 'AgentHarness "h": truncation.summaryRatio 0.5 is not a setting of truncation (known: strategy, messagesCount)',
        },
        {
            title: "a sliding-window setting on summarization",
            run: () => withArgs({ truncation: { strategy: "summarization", messagesCount: 3 } }),
            message:
                'AgentHarness "h": truncation.messagesCount 3 is not a setting of truncation (known: strategy, summaryRatio, preserveRecentMessages, summarizationSystemPrompt)',
        },
        {
            title: "negative recent messages",
            run: () => withArgs({ truncation: { strategy: "summarization", preserveRecentMessages: -1 } }),
            message: 'AgentHarness "h": truncation.preserveRecentMessages -1 must be at least 0',
        },
        {
            title: "fractional recent messages",
            run: () => withArgs({ truncation: { strategy: "summarization", preserveRecentMessages: 1.5 } }),
            message: 'AgentHarness "h": truncation.preserveRecentMessages 1.5 must be an integer',
        },
        {
            title: "an empty summarization prompt",
            run: () => withArgs({ truncation: { strategy: "summarization", summarizationSystemPrompt: "" } }),
            message: 'AgentHarness "h": truncation.summarizationSystemPrompt "" must not be empty',
        },
        {
            title: "an empty environment variable name",
            run: () => withArgs({ environmentVariables: { "": "v" } }),
            message: 'AgentHarness "h": environmentVariables "" must not have an empty variable name',
        },
        {
            title: "environment variables not a map",
            run: () => withArgs({ environmentVariables: "x" }),
            message: 'AgentHarness "h": environmentVariables "x" must be a map of variable names to values',
        },
        {
            title: "51 environment variables",
            run: () => withArgs({ environmentVariables: params(51) }),
            message: 'AgentHarness "h": environmentVariables "51 variables" must hold at most 50 variables',
        },
        { title: "51 harness tags", run: () => withArgs({ tags: params(51) }), message: 'AgentHarness "h": tags "51 tags" must hold at most 50 tags' },
        {
            title: "an allowed tool the harness does not have (its tools sorted)",
            run: () => withArgs({ tools: [fn("b"), fn("a")], allowedTools: ["zzz"] }),
            message: 'AgentHarness "h": allowedTools[0] "zzz" names no tool of the harness (its tools: a, b; built-in: file_operations, shell, @builtin)',
        },
        {
            title: "an allowed tool of a harness without tools",
            run: () => withArgs({ allowedTools: ["zzz"] }),
            message: 'AgentHarness "h": allowedTools[0] "zzz" names no tool of the harness (its tools: none; built-in: file_operations, shell, @builtin)',
        },
        {
            title: "endpoint args a string",
            run: () => planEndpoint(W, "e", "x" as never),
            message: 'AgentHarness "h": args "x" must be an object { endpointName?, description?, targetVersion?, tags? }',
        },
        {
            title: "endpoint args null",
            run: () => planEndpoint(W, "e", null as never),
            message: 'AgentHarness "h": args null must be an object { endpointName?, description?, targetVersion?, tags? }',
        },
        {
            title: "51 endpoint tags",
            run: () => planEndpoint(W, "e", { tags: params(51) }),
            message: 'AgentHarness "h": tags "51 tags" must hold at most 50 tags',
        },
    ];
    for (const c of cases) it(c.title, () => throwsExactly(c.run, c.message));
});

describe("planHarness: what it accepts at the limits, and exactly what it renders", () => {
    before(() => setBedrockMocks({ region: REGION, accountId: ACCOUNT, config: { "aws-native:region": REGION } }));

    const SCOPES_100 = Array.from({ length: 100 }, (_, i) => `s${i}`);
    const PARAMS_10 = { p0: "v", p1: "v", p2: "v", p3: "v", p4: "v", p5: "v", p6: "v", p7: "v", p8: "v", p9: "v" };

    it("an OAuth gateway at the limits: 100 scopes of 64 characters, 10 parameters of 2048, a return URL", () => {
        const scopes = [...SCOPES_100.slice(0, 99), "s".repeat(64)];
        const p = oauthWith({
            scopes,
            grantType: "AUTHORIZATION_CODE",
            customParameters: { ...PARAMS_10, p9: "x".repeat(2048) },
            defaultReturnUrl: "https://app.example.com/back",
        });
        expect(p.tools).to.deep.equal([
            {
                type: "agentcore_gateway",
                name: "weather",
                config: {
                    agentCoreGateway: {
                        gatewayArn: GATEWAY,
                        outboundAuth: {
                            oauth: {
                                providerArn: OAUTH,
                                scopes,
                                grantType: "AUTHORIZATION_CODE",
                                customParameters: { ...PARAMS_10, p9: "x".repeat(2048) },
                                defaultReturnUrl: "https://app.example.com/back",
                            },
                        },
                    },
                },
            },
        ]);
        expect(p.access.oauthProviders).to.deep.equal([OAUTH]);
        expect(p.access.gateways).to.deep.equal([GATEWAY]);
    });

    it("an OAuth gateway with client credentials and one parameter", () => {
        const p = oauthWith({ grantType: "CLIENT_CREDENTIALS", customParameters: { audience: "farm" } });
        expect(p.tools![0].config).to.deep.equal({
            agentCoreGateway: {
                gatewayArn: GATEWAY,
                outboundAuth: { oauth: { providerArn: OAUTH, scopes: ["read"], grantType: "CLIENT_CREDENTIALS", customParameters: { audience: "farm" } } },
            },
        });
    });

    it("tools without a name, an http MCP server and a schema without a type", () => {
        const p = withArgs({
            tools: [
                bedrock.HarnessTool.remoteMcp({ url: "http://mcp.example.com" }),
                bedrock.HarnessTool.inlineFunction({ name: "f", description: "d", inputSchema: { properties: {} } }),
            ],
        });
        expect(p.tools).to.deep.equal([
            { type: "remote_mcp", config: { remoteMcp: { url: "http://mcp.example.com" } } },
            { type: "inline_function", name: "f", config: { inlineFunction: { description: "d", inputSchema: { properties: {} } } } },
        ]);
    });

    it("a custom browser and a custom code interpreter: their ARNs are rendered and granted", () => {
        const browser = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:browser-custom/farm_web-abcdefghij`;
        const ci = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:code-interpreter-custom/farm_ci-abcdefghij`;
        const p = withArgs({ tools: [bedrock.HarnessTool.browser({ browserArn: browser }), bedrock.HarnessTool.codeInterpreter({ codeInterpreterArn: ci })] });
        expect(p.tools).to.deep.equal([
            { type: "agentcore_browser", config: { agentCoreBrowser: { browserArn: browser } } },
            { type: "agentcore_code_interpreter", config: { agentCoreCodeInterpreter: { codeInterpreterArn: ci } } },
        ]);
        expect([p.access.browsers, p.access.managedBrowser, p.access.codeInterpreters, p.access.managedCodeInterpreter]).to.deep.equal([
            [browser],
            false,
            [ci],
            false,
        ]);
    });

    it("50 environment variables, 50 tags and 50 endpoint tags are accepted", () => {
        const p = withArgs({ environmentVariables: params(50), tags: params(50) });
        expect(Object.keys(p.environmentVariables!)).to.have.length(50);
        expect(p.tags).to.have.length(50);
        expect(planEndpoint(W, "e", { tags: params(50) }).tags).to.have.length(50);
    });

    it("allowed tools: globs, @builtin, built-ins and the harness's tools (with a sub-tool) are accepted", () => {
        const allowed = ["file_*", "@builtin", "@builtin/shell", "b", "b/x", "shell"];
        expect(withArgs({ tools: [fn("b")], allowedTools: allowed }).allowedTools).to.deep.equal(allowed);
    });

    it("no memory: no managed memory to grant", () => {
        const p = withArgs({});
        expect(p.memory).to.equal(undefined);
        expect(p.access.managedMemory).to.equal(false);
    });

    it("managed memory with no settings renders an empty configuration", () => {
        const p = managed({});
        expect(p.memory).to.deep.equal({ managedMemoryConfiguration: {} });
        expect(p.access.managedMemory).to.equal(true);
    });

    it("managed memory with 4 strategies, 3 days and a KMS key", () => {
        const key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        const p = managed({ strategies: ["SEMANTIC", "SUMMARIZATION", "USER_PREFERENCE", "EPISODIC"], eventExpiryDays: 3, encryptionKeyArn: key });
        expect(p.memory).to.deep.equal({
            managedMemoryConfiguration: {
                strategies: ["SEMANTIC", "SUMMARIZATION", "USER_PREFERENCE", "EPISODIC"],
                eventExpiryDuration: 3,
                encryptionKeyArn: key,
            },
        });
    });

    for (const key of ["arn:aws-cn:kms:cn-north-1:123456789012:key/abcd", "arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/mrk-1"]) {
        it(`a KMS key in another partition: ${key}`, () => {
            expect(managed({ encryptionKeyArn: key }).memory).to.deep.equal({ managedMemoryConfiguration: { encryptionKeyArn: key } });
        });
    }

    it("an AgentCore memory with only its ARN", () => {
        const p = agentCore({});
        expect(p.memory).to.deep.equal({ agentCoreMemoryConfiguration: { arn: MEMORY } });
        expect(p.access.memoryArn).to.equal(MEMORY);
        expect(p.access.managedMemory).to.equal(false);
    });

    it("an AgentCore memory with an actor, a message count and retrieval without optional settings", () => {
        const p = agentCore({ actorId: "farmer", messagesCount: 1, retrievalConfig: { "/a": {}, "/b": { strategyId: "s1", relevanceScore: 0, topK: 1 } } });
        expect(p.memory).to.deep.equal({
            agentCoreMemoryConfiguration: {
                arn: MEMORY,
                actorId: "farmer",
                messagesCount: 1,
                retrievalConfig: { "/a": {}, "/b": { strategyId: "s1", relevanceScore: 0, topK: 1 } },
            },
        });
    });

    it("truncation without settings renders only the strategy", () => {
        expect(withArgs({ truncation: { strategy: "sliding_window" } }).truncation).to.deep.equal({ strategy: "sliding_window" });
        expect(withArgs({ truncation: { strategy: "summarization" } }).truncation).to.deep.equal({ strategy: "summarization" });
    });

    it("summarization with only a prompt, and with only a ratio", () => {
        expect(withArgs({ truncation: { strategy: "summarization", summarizationSystemPrompt: "Summarize." } }).truncation).to.deep.equal({
            strategy: "summarization",
            config: { summarization: { summarizationSystemPrompt: "Summarize." } },
        });
        expect(withArgs({ truncation: { strategy: "summarization", summaryRatio: 0, preserveRecentMessages: 0 } }).truncation).to.deep.equal({
            strategy: "summarization",
            config: { summarization: { summaryRatio: 0, preserveRecentMessages: 0 } },
        });
    });

    it("a harness name derived from a Pulumi name the service refuses", () => {
        expect(plan(base(), "1-bad name").harnessName).to.equal("h_1_bad_name_651dab92");
        expect(plan(base(), "a".repeat(45)).harnessName).to.equal("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_52789e34");
        expect(plan(base(), "farm_agent").harnessName).to.equal("farm_agent");
    });

    it("an endpoint name: the Pulumi name when valid (up to 48 characters), else derived", () => {
        expect(planEndpoint(W, "a".repeat(45), {}).endpointName).to.equal("a".repeat(45));
        expect(planEndpoint(W, "my-endpoint", {})).to.deep.equal({ endpointName: "my_endpoint_43c1644a" });
        expect(planEndpoint(W, "live", {})).to.deep.equal({ endpointName: "live" });
    });
});
