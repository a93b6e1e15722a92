import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as awsnative from "@pulumi/aws-native";
import {
    policiesForRole,
    resolveOutput,
    setBedrockMocks,
    settle,
    runProgram,
    trustPolicyForRole,
    type MockRecorder,
    type RecordedResource,
} from "../components/testing/testing";
import * as bedrock from "../sdk/nodejs";
import { harnessRuntimeStatements, harnessTrustPolicy } from "../components/iam/statements/agentcore";
import { planHarness } from "../components/agents/harness-args";
import type { Statement } from "../components/iam/policy";
import { decisions, evaluateTrust, type IamRequest, type Principal } from "./support/iam-eval";
import { conformanceErrors, formatFinding, freeEngine, getEngine } from "./support/conformance";
import { previewProgram } from "../components/preview";
import { readRoles } from "../components/rules/policies";
import { deployFailsExactly, throwsExactly } from "./support/errors";
import { captureLogs } from "./support/logs";

const ACCOUNT = "123456789012";
const OTHER_ACCOUNT = "210987654321";
const REGION = "us-east-1";
const M = bedrock.BedrockFoundationModel;
const G = bedrock.CrossRegionInferenceProfileRegion;
const SONNET = "anthropic.claude-3-5-sonnet-20241022-v2:0";
const CRIS_ARN = `arn:aws:bedrock:${REGION}:${ACCOUNT}:inference-profile/us.${SONNET}`;
const INSTRUCTION = "You are a helpful and friendly agent that answers questions about agriculture.";
const HARNESS = "aws-native:bedrockagentcore:Harness";
const ENDPOINT = "aws-native:bedrockagentcore:HarnessEndpoint";
const GATEWAY = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:gateway/weather-gw-abcdefghij`;
const MEMORY = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:memory/farm_memory-abcdefghij`;
const CUSTOM_CI = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:code-interpreter-custom/farm_ci-abcdefghij`;
const MANAGED_CI = `arn:aws:bedrock-agentcore:${REGION}:aws:code-interpreter/aws.codeinterpreter.v1`;
const MANAGED_BROWSER = `arn:aws:bedrock-agentcore:${REGION}:aws:browser/aws.browser.v1`;

const cris = () => bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
const mocks = (region = REGION) => setBedrockMocks({ region, accountId: ACCOUNT, config: { "aws-native:region": region } });

const FORECAST_SCHEMA = {
    type: "object",
    properties: { field: { type: "string", description: "The field's name" } },
    required: ["field"],
};

/** Every tool kind, as a user writes them. */
const allTools = () => [
    bedrock.HarnessTool.inlineFunction({ name: "get_forecast", description: "The weather forecast for a field", inputSchema: FORECAST_SCHEMA }),
    bedrock.HarnessTool.gateway({ name: "weather", gatewayArn: GATEWAY, outboundAuth: "AWS_IAM" }),
    bedrock.HarnessTool.codeInterpreter({ name: "python" }),
    bedrock.HarnessTool.browser({ name: "web" }),
    bedrock.HarnessTool.remoteMcp({ name: "soil", url: "https://mcp.example.com/soil", headers: { "x-tenant": "farm-1" } }),
];

function harnessOf(rec: MockRecorder, name = "farm"): RecordedResource {
    return rec.find(HARNESS, name);
}

/** `action resource condition` atoms of statements: what they allow, however they were merged. */
function atoms(statements: Statement[]): string[] {
    const out = new Set<string>();
    for (const s of statements) for (const a of s.Action) for (const r of s.Resource) out.add(`${a} ${r} ${JSON.stringify(s.Condition ?? {})}`);
    return [...out].sort();
}

async function roleStatements(rec: MockRecorder, h: bedrock.AgentHarness): Promise<{ statements: Statement[]; json: string[] }> {
    await settle();
    const roleName = ((await resolveOutput(h.executionRoleArn)) as string).split("/").pop() as string;
    const policies = policiesForRole(rec, roleName);
    return { statements: policies.flatMap((p) => p.statements), json: policies.map((p) => p.json) };
}

/** The harness's own statements: everything on the role but the model's (`bedrock:`) grants. */
const own = (statements: Statement[]) => atoms(statements).filter((a) => !a.startsWith("bedrock:"));

describe("AgentHarness", function () {
    this.timeout(60_000);

    describe("rendering", () => {
        it("the quickstart agent on a cross-region profile: role, grants, harness; outputs", async () => {
            const rec = mocks();
            const h = new bedrock.AgentHarness("farm", { model: cris(), instruction: INSTRUCTION });
            await settle();
            const r = harnessOf(rec);
            const roleArn = rec.find("aws:iam/role:Role", "farm-role").state.arn;
            expect(r.inputs).to.deep.equal({
                harnessName: "farm",
                executionRoleArn: roleArn,
                model: { bedrockModelConfig: { modelId: CRIS_ARN } },
                systemPrompt: [{ text: INSTRUCTION }],
            });
            expect(await resolveOutput(h.harnessArn)).to.equal(r.state.arn);
            expect(r.state.arn).to.match(new RegExp(`^arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:harness/farm-[a-z0-9]{10}$`));
            expect(await resolveOutput(h.harnessId)).to.equal(r.state.harnessId);
            expect(await resolveOutput(h.executionRoleArn)).to.equal(roleArn);
            expect(rec.byType("bedrock-genai:index:AgentHarness").map((c) => c.name)).to.deep.equal(["farm"]);
            expect(rec.parentOf(r)?.type).to.equal("bedrock-genai:index:AgentHarness");
        });

        it("the harness is registered after every policy of its role (dependsOn the grants)", async () => {
            const rec = mocks();
            new bedrock.AgentHarness("farm", { model: cris(), instruction: INSTRUCTION, tools: allTools() });
            await settle();
            const r = harnessOf(rec);
            const policies = rec.byType("aws:iam/rolePolicy:RolePolicy").concat(rec.byType("aws:iam/policy:Policy"));
            expect(policies.length).to.be.greaterThan(0);
            for (const p of policies) expect(r.dependencies ?? [], `depends on ${p.name}`).to.include(p.urn);
        });

        it("every tool kind: exact inputs", async () => {
            const rec = mocks();
            new bedrock.AgentHarness("farm", { model: cris(), instruction: INSTRUCTION, tools: allTools() });
            await settle();
            expect(harnessOf(rec).inputs.tools).to.deep.equal([
                {
                    type: "inline_function",
                    name: "get_forecast",
                    config: { inlineFunction: { description: "The weather forecast for a field", inputSchema: FORECAST_SCHEMA } },
                },
                { type: "agentcore_gateway", name: "weather", config: { agentCoreGateway: { gatewayArn: GATEWAY, outboundAuth: { awsIam: {} } } } },
                { type: "agentcore_code_interpreter", name: "python", config: { agentCoreCodeInterpreter: {} } },
                { type: "agentcore_browser", name: "web", config: { agentCoreBrowser: {} } },
                { type: "remote_mcp", name: "soil", config: { remoteMcp: { url: "https://mcp.example.com/soil", headers: { "x-tenant": "farm-1" } } } },
            ]);
        });

        it("custom code interpreter, gateway without a name or outbound auth, and OAuth outbound auth: exact inputs", async () => {
            const rec = mocks();
            new bedrock.AgentHarness("farm", {
                model: cris(),
                instruction: INSTRUCTION,
                tools: [
                    bedrock.HarnessTool.codeInterpreter({ codeInterpreterArn: CUSTOM_CI }),
                    bedrock.HarnessTool.gateway({ gatewayArn: GATEWAY }),
                    bedrock.HarnessTool.gateway({
                        name: "oauth_gw",
                        gatewayArn: GATEWAY,
                        outboundAuth: {
                            oauth: {
                                providerArn: `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:token-vault/default/oauth2credentialprovider/farm`,
                                scopes: ["read"],
                                grantType: "CLIENT_CREDENTIALS",
                            },
                        },
                    }),
                ],
            });
            await settle();
            expect(harnessOf(rec).inputs.tools).to.deep.equal([
                { type: "agentcore_code_interpreter", config: { agentCoreCodeInterpreter: { codeInterpreterArn: CUSTOM_CI } } },
                { type: "agentcore_gateway", config: { agentCoreGateway: { gatewayArn: GATEWAY } } },
                {
                    type: "agentcore_gateway",
                    name: "oauth_gw",
                    config: {
                        agentCoreGateway: {
                            gatewayArn: GATEWAY,
                            outboundAuth: {
                                oauth: {
                                    providerArn: `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:token-vault/default/oauth2credentialprovider/farm`,
                                    scopes: ["read"],
                                    grantType: "CLIENT_CREDENTIALS",
                                },
                            },
                        },
                    },
                },
            ]);
        });

        const memories: { title: string; memory: () => bedrock.HarnessMemorySpec; input: Record<string, unknown> }[] = [
            { title: "managed (defaults)", memory: () => bedrock.HarnessMemory.managed(), input: { managedMemoryConfiguration: {} } },
            {
                title: "managed (strategies, expiry)",
                memory: () => bedrock.HarnessMemory.managed({ strategies: ["SEMANTIC", "USER_PREFERENCE"], eventExpiryDays: 90 }),
                input: { managedMemoryConfiguration: { strategies: ["SEMANTIC", "USER_PREFERENCE"], eventExpiryDuration: 90 } },
            },
            {
                title: "an AgentCore memory",
                memory: () =>
                    bedrock.HarnessMemory.agentCore({
                        memoryArn: MEMORY,
                        actorId: "farmer",
                        messagesCount: 20,
                        retrievalConfig: { "/facts/{actorId}": { topK: 5, relevanceScore: 0.5 } },
                    }),
                input: {
                    agentCoreMemoryConfiguration: {
                        arn: MEMORY,
                        actorId: "farmer",
                        messagesCount: 20,
                        retrievalConfig: { "/facts/{actorId}": { topK: 5, relevanceScore: 0.5 } },
                    },
                },
            },
            { title: "none", memory: () => bedrock.HarnessMemory.NONE, input: { disabled: {} } },
        ];
        for (const m of memories) {
            it(`memory ${m.title}: exact input`, async () => {
                const rec = mocks();
                new bedrock.AgentHarness("farm", { model: cris(), instruction: INSTRUCTION, memory: m.memory() });
                await settle();
                expect(harnessOf(rec).inputs.memory).to.deep.equal(m.input);
            });
        }

        it("truncation, loop limits, environment variables, allowed tools and tags: exact inputs", async () => {
            const rec = mocks();
            new bedrock.AgentHarness("farm", {
                model: cris(),
                instruction: INSTRUCTION,
                harnessName: "farm_assistant",
                truncation: { strategy: "summarization", summaryRatio: 0.3, preserveRecentMessages: 4 },
                maxIterations: 12,
                maxTokens: 4096,
                timeoutSeconds: 300,
                environmentVariables: { STAGE: "prod" },
                allowedTools: ["get_forecast"],
                tools: [bedrock.HarnessTool.inlineFunction({ name: "get_forecast", description: "Forecast", inputSchema: FORECAST_SCHEMA })],
                tags: { team: "farm", app: "assistant" },
            });
            await settle();
            const i = harnessOf(rec).inputs;
            expect(i.harnessName).to.equal("farm_assistant");
            expect(i.truncation).to.deep.equal({ strategy: "summarization", config: { summarization: { summaryRatio: 0.3, preserveRecentMessages: 4 } } });
            expect([i.maxIterations, i.maxTokens, i.timeoutSeconds]).to.deep.equal([12, 4096, 300]);
            expect(i.environmentVariables).to.deep.equal({ STAGE: "prod" });
            expect(i.allowedTools).to.deep.equal(["get_forecast"]);
            expect(i.tags).to.deep.equal([
                { key: "app", value: "assistant" },
                { key: "team", value: "farm" },
            ]);
        });

        it("sliding-window and no truncation: exact inputs", async () => {
            const rec = mocks();
            new bedrock.AgentHarness("a", { model: cris(), instruction: INSTRUCTION, truncation: { strategy: "sliding_window", messagesCount: 30 } });
            new bedrock.AgentHarness("b", { model: cris(), instruction: INSTRUCTION, truncation: { strategy: "none" } });
            await settle();
            expect(harnessOf(rec, "a").inputs.truncation).to.deep.equal({ strategy: "sliding_window", config: { slidingWindow: { messagesCount: 30 } } });
            expect(harnessOf(rec, "b").inputs.truncation).to.deep.equal({ strategy: "none" });
        });

        it("the harness name is the component's name when AWS takes it, else derived with a hash of the whole name", async () => {
            const rec = mocks();
            new bedrock.AgentHarness("farm-assistant.v2", { model: cris(), instruction: INSTRUCTION });
            new bedrock.AgentHarness("2nd", { model: cris(), instruction: INSTRUCTION });
            new bedrock.AgentHarness("farm_assistant", { model: cris(), instruction: INSTRUCTION });
            await settle();
            // sha256("farm-assistant.v2") starts 8c902fe0, sha256("2nd") c21365c7.
            expect(harnessOf(rec, "farm-assistant.v2").inputs.harnessName).to.equal("farm_assistant_v2_8c902fe0");
            expect(harnessOf(rec, "2nd").inputs.harnessName).to.equal("h_2nd_c21365c7");
            expect(harnessOf(rec, "farm_assistant").inputs.harnessName).to.equal("farm_assistant");
        });

        it("derived names are unique: names that differ in replaced characters or beyond 40 characters stay apart", async () => {
            const rec = mocks();
            const long = "a".repeat(40);
            for (const n of ["support-bot", "support_bot", `${long}-one`, `${long}-two`])
                new bedrock.AgentHarness(n, { model: cris(), instruction: INSTRUCTION });
            await settle();
            const names = ["support-bot", "support_bot", `${long}-one`, `${long}-two`].map((n) => harnessOf(rec, n).inputs.harnessName as string);
            // sha256("support-bot") starts fd825d2d; "support_bot" is a valid name, kept as it is.
            expect(names.slice(0, 2)).to.deep.equal(["support_bot_fd825d2d", "support_bot"]);
            expect(new Set(names).size).to.equal(4);
            for (const n of names) expect(n).to.match(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/);
            expect(names[2]).to.match(new RegExp(`^${"a".repeat(31)}_[0-9a-f]{8}$`));
        });

        it("a harness name another harness of the program has in the same account and Region is refused; another Region is another namespace", async () => {
            const rec = mocks();
            new bedrock.AgentHarness("a", { model: cris(), instruction: INSTRUCTION, harnessName: "shared" });
            throwsExactly(
                () => new bedrock.AgentHarness("b", { model: cris(), instruction: INSTRUCTION, harnessName: "shared" }),
                'AgentHarness "b": harnessName "shared" is already the name of AgentHarness "a" in this program\'s account and Region: AWS refuses a second harness of one name; set harnessName',
            );
            new bedrock.AgentHarness("x", { model: cris(), instruction: INSTRUCTION });
            throwsExactly(
                () => new bedrock.AgentHarness("c", { model: cris(), instruction: INSTRUCTION, harnessName: "x" }),
                'AgentHarness "c": harnessName "x" is already the name of AgentHarness "x" in this program\'s account and Region: AWS refuses a second harness of one name; set harnessName',
            );
            const eu = new awsnative.Provider("eu", { region: "eu-west-1" });
            const euProfile = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.EU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 }, { provider: eu });
            new bedrock.AgentHarness("d", { model: euProfile, instruction: INSTRUCTION, harnessName: "shared" }, { provider: eu });
            throwsExactly(
                () => new bedrock.AgentHarness("e", { model: euProfile, instruction: INSTRUCTION, harnessName: "shared" }, { provider: eu }),
                'AgentHarness "e": harnessName "shared" is already the name of AgentHarness "d" in this program\'s account and Region: AWS refuses a second harness of one name; set harnessName',
            );
            await settle();
            expect(rec.byType(HARNESS).map((r) => `${r.name} ${r.inputs.harnessName}`)).to.deep.equal(["a shared", "x x", "d shared"]);
            // The refused ones registered nothing.
            expect(rec.resources.filter((r) => r.name === "b" || r.name === "c" || r.name.startsWith("b-") || r.name.startsWith("c-"))).to.deep.equal([]);
        });
    });

    describe("under an explicit provider (its Region known only at deploy)", () => {
        it("under a parent or with providers, a role of another partition is refused at deploy (as a role of another account), not before", async () => {
            await deployFailsExactly(() => {
                mocks();
                const app = new pulumi.ComponentResource("my:app:App", "app");
                const use1 = new awsnative.Provider("use1", { region: REGION });
                const role = `arn:aws-cn:iam::${ACCOUNT}:role/x`;
                new bedrock.AgentHarness("p", { model: cris(), instruction: INSTRUCTION, executionRole: role }, { parent: app });
                new bedrock.AgentHarness("r", { model: cris(), instruction: INSTRUCTION, executionRole: `${role}2`, harnessName: "r" }, { providers: [use1] });
            }, [
                `error serializing property "policy": AgentHarness "p": executionRole "arn:aws-cn:iam::${ACCOUNT}:role/x" is a role of account ${ACCOUNT} in partition aws-cn, but the caller is account ${ACCOUNT} in partition aws: an identity policy can only be attached to a role of the caller's own account; grant that role from a program deployed to its account`,
                `error serializing property "policy": AgentHarness "r": executionRole "arn:aws-cn:iam::${ACCOUNT}:role/x2" is a role of account ${ACCOUNT} in partition aws-cn, but the caller is account ${ACCOUNT} in partition aws: an identity policy can only be attached to a role of the caller's own account; grant that role from a program deployed to its account`,
            ]);
        });

        it("an execution role given by ARN is taken as is", async () => {
            const rec = mocks();
            const eu = new awsnative.Provider("eu", { region: "eu-west-1" });
            const euProfile = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.EU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 }, { provider: eu });
            const roleArn = `arn:aws:iam::${ACCOUNT}:role/harness-role`;
            new bedrock.AgentHarness("eu", { model: euProfile, instruction: INSTRUCTION, executionRole: roleArn }, { provider: eu });
            await settle();
            expect(harnessOf(rec, "eu").inputs.executionRoleArn).to.equal(roleArn);
        });

        it("a derived name another harness of that provider's account and Region has is refused, saying it was derived", async () => {
            mocks();
            const eu = new awsnative.Provider("eu", { region: "eu-west-1" });
            const euProfile = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.EU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 }, { provider: eu });
            new bedrock.AgentHarness("f", { model: euProfile, instruction: INSTRUCTION, harnessName: "g" }, { provider: eu });
            throwsExactly(
                () => new bedrock.AgentHarness("g", { model: euProfile, instruction: INSTRUCTION }, { provider: eu }),
                'AgentHarness "g": harnessName "g" is already the name of AgentHarness "f" in this program\'s account and Region (derived from the component\'s name): AWS refuses a second harness of one name; set harnessName',
            );
            await settle();
        });
    });

    describe("model", () => {
        it("a profile's temperature, topP and maxTokens are inherited unless the harness sets its own, property by property", async () => {
            const rec = mocks();
            const profile = bedrock.CrossRegionInferenceProfile.fromConfig({
                geoRegion: G.US,
                model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
                inferenceConfiguration: { temperature: 0.2, topP: 0.9, maxTokens: 1000 },
            });
            new bedrock.AgentHarness("inherits", { model: profile, instruction: INSTRUCTION });
            new bedrock.AgentHarness("overrides", { model: profile, instruction: INSTRUCTION, inferenceConfiguration: { temperature: 1.5 } });
            await settle();
            expect(harnessOf(rec, "inherits").inputs.model).to.deep.equal({
                bedrockModelConfig: { modelId: CRIS_ARN, temperature: 0.2, topP: 0.9, maxTokens: 1000 },
            });
            expect(harnessOf(rec, "overrides").inputs.model).to.deep.equal({
                bedrockModelConfig: { modelId: CRIS_ARN, temperature: 1.5, topP: 0.9, maxTokens: 1000 },
            });
        });

        it("settings a harness cannot apply (topK, stopSequences...) are reported, not rendered", () => {
            mocks();
            const profile = bedrock.CrossRegionInferenceProfile.fromConfig({
                geoRegion: G.US,
                model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
                inferenceConfiguration: { topK: 50, stopSequences: ["END"], temperature: 0.1 },
            });
            const plan = planHarness({ component: "AgentHarness", name: "x" }, "x", { model: profile, instruction: INSTRUCTION });
            expect(plan.modelSettings).to.deep.equal({ temperature: 0.1 });
            expect(plan.ignoredInherited).to.deep.equal(["stopSequences", "topK"]);
        });

        it("a foundation model is rendered as its model id; application profiles (created or imported) as their ARN", async () => {
            const rec = mocks();
            const app = new bedrock.ApplicationInferenceProfile("app", { inferenceProfileName: "farm", modelSource: cris() });
            const imported = bedrock.ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes({
                inferenceProfileArn: `arn:aws:bedrock:${REGION}:${ACCOUNT}:application-inference-profile/abcd1234wxyz`,
                inferenceProfileIdentifier: `arn:aws:bedrock:${REGION}:${ACCOUNT}:application-inference-profile/abcd1234wxyz`,
            });
            new bedrock.AgentHarness("fm", { model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0, instruction: INSTRUCTION });
            new bedrock.AgentHarness("created", { model: app, instruction: INSTRUCTION });
            new bedrock.AgentHarness("imported", { model: imported, instruction: INSTRUCTION });
            await settle();
            expect(harnessOf(rec, "fm").inputs.model).to.deep.equal({ bedrockModelConfig: { modelId: SONNET } });
            expect(harnessOf(rec, "created").inputs.model).to.deep.equal({
                bedrockModelConfig: { modelId: rec.find("aws-native:bedrock:ApplicationInferenceProfile", "app").state.inferenceProfileArn },
            });
            expect(harnessOf(rec, "imported").inputs.model).to.deep.equal({
                bedrockModelConfig: { modelId: `arn:aws:bedrock:${REGION}:${ACCOUNT}:application-inference-profile/abcd1234wxyz` },
            });
        });
    });

    describe("execution role and IAM", () => {
        const principal: Principal = { account: ACCOUNT, partition: "aws", roleName: "farm-role" };

        it("the trust policy is exactly: the AgentCore service, for this account's AgentCore resources in this Region (AWS's runtime execution-role sample)", async () => {
            const rec = mocks();
            new bedrock.AgentHarness("farm", { model: cris(), instruction: INSTRUCTION });
            await settle();
            expect(trustPolicyForRole(rec, "farm-role")).to.deep.equal([
                {
                    Effect: "Allow",
                    Action: ["sts:AssumeRole"],
                    Principal: { Service: ["bedrock-agentcore.amazonaws.com"] },
                    Condition: {
                        StringEquals: { "aws:SourceAccount": [ACCOUNT] },
                        // https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-permissions.html (the harness's own
                        // sample, harness-security.html, has no condition; the harness runs on AgentCore Runtime).
                        ArnLike: { "aws:SourceArn": [`arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:*`] },
                    },
                },
            ]);
        });

        it("IAM evaluation: the trust policy admits only the AgentCore service acting for this account", async () => {
            const trust = harnessTrustPolicy("aws", REGION, ACCOUNT);
            const roleArn = `arn:aws:iam::${ACCOUNT}:role/farm-role`;
            const harness = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:harness/farm-abcdefghij`;
            const ctx = (account: string, arn: string) => ({ "aws:SourceAccount": account, "aws:SourceArn": arn });
            const cases: [string, Record<string, string>, string][] = [
                ["bedrock-agentcore.amazonaws.com", ctx(ACCOUNT, harness), "Allowed"],
                ["bedrock-agentcore.amazonaws.com", ctx(ACCOUNT, `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:runtime/farm_rt-abcdefghij`), "Allowed"],
                ["bedrock-agentcore.amazonaws.com", ctx(OTHER_ACCOUNT, harness.replace(ACCOUNT, OTHER_ACCOUNT)), "ImplicitlyDenied"],
                ["bedrock-agentcore.amazonaws.com", ctx(OTHER_ACCOUNT, harness), "ImplicitlyDenied"],
                ["bedrock-agentcore.amazonaws.com", ctx(ACCOUNT, harness.replace(REGION, "us-west-2")), "ImplicitlyDenied"],
                // Any AgentCore resource of this account and Region may present itself (the runtime sample's form).
                ["bedrock-agentcore.amazonaws.com", ctx(ACCOUNT, `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:gateway/gw-abcdefghij`), "Allowed"],
                ["bedrock-agentcore.amazonaws.com", ctx(ACCOUNT, `arn:aws:bedrock:${REGION}:${ACCOUNT}:agent/AGENT12345`), "ImplicitlyDenied"],
                ["bedrock-agentcore.amazonaws.com", {}, "ImplicitlyDenied"],
                ["bedrock.amazonaws.com", ctx(ACCOUNT, harness), "ImplicitlyDenied"],
                ["lambda.amazonaws.com", ctx(ACCOUNT, harness), "ImplicitlyDenied"],
                [`arn:aws:iam::${ACCOUNT}:role/someone`, {}, "ImplicitlyDenied"],
                [`arn:aws:iam::${OTHER_ACCOUNT}:root`, {}, "ImplicitlyDenied"],
            ];
            const got = [];
            for (const [p, context] of cases) got.push(`${p} ${JSON.stringify(context)} ${await evaluateTrust(trust, { principal: p, roleArn, context })}`);
            expect(got).to.deep.equal(cases.map(([p, context, d]) => `${p} ${JSON.stringify(context)} ${d}`));
        });

        it("the role's own statements are exactly the runtime's, and the tools' and memory's", async () => {
            const rec = mocks();
            const h = new bedrock.AgentHarness("farm", {
                model: cris(),
                instruction: INSTRUCTION,
                tools: [...allTools(), bedrock.HarnessTool.codeInterpreter({ name: "custom", codeInterpreterArn: CUSTOM_CI })],
                memory: bedrock.HarnessMemory.agentCore({ memoryArn: MEMORY }),
            });
            const { statements } = await roleStatements(rec, h);
            const memory = ["CreateEvent", "ListEvents", "RetrieveMemoryRecords"].map((a) => `bedrock-agentcore:${a}`);
            const ci = ["GetCodeInterpreterSession", "InvokeCodeInterpreter", "StartCodeInterpreterSession", "StopCodeInterpreterSession"].map(
                (a) => `bedrock-agentcore:${a}`,
            );
            const browser = ["ConnectBrowserAutomationStream", "GetBrowserSession", "StartBrowserSession", "StopBrowserSession"].map(
                (a) => `bedrock-agentcore:${a}`,
            );
            const expected: Statement[] = [
                ...harnessRuntimeStatements("aws", REGION, ACCOUNT),
                { Effect: "Allow", Action: ["bedrock-agentcore:InvokeGateway"], Resource: [GATEWAY] },
                { Effect: "Allow", Action: ci, Resource: [CUSTOM_CI, MANAGED_CI] },
                { Effect: "Allow", Action: browser, Resource: [MANAGED_BROWSER] },
                { Effect: "Allow", Action: memory, Resource: [MEMORY] },
            ];
            expect(own(statements)).to.deep.equal(atoms(expected));
            // The runtime statements, spelled out (AgentCore Runtime's execution role, without ECR).
            expect(atoms(harnessRuntimeStatements("aws", REGION, ACCOUNT))).to.deep.equal(
                [
                    `bedrock-agentcore:GetWorkloadAccessToken arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:workload-identity-directory/default {}`,
                    `bedrock-agentcore:GetWorkloadAccessToken arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:workload-identity-directory/default/workload-identity/* {}`,
                    `bedrock-agentcore:GetWorkloadAccessTokenForJWT arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:workload-identity-directory/default {}`,
                    `bedrock-agentcore:GetWorkloadAccessTokenForJWT arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:workload-identity-directory/default/workload-identity/* {}`,
                    `cloudwatch:PutMetricData * {"StringEquals":{"cloudwatch:namespace":["bedrock-agentcore"]}}`,
                    `logs:CreateLogGroup arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/bedrock-agentcore/runtimes/* {}`,
                    `logs:CreateLogStream arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/bedrock-agentcore/runtimes/*:log-stream:* {}`,
                    "logs:DescribeLogGroups * {}",
                    `logs:DescribeLogStreams arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/bedrock-agentcore/runtimes/* {}`,
                    `logs:PutLogEvents arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/bedrock-agentcore/runtimes/*:log-stream:* {}`,
                    "xray:GetSamplingRules * {}",
                    "xray:GetSamplingTargets * {}",
                    "xray:PutTelemetryRecords * {}",
                    "xray:PutTraceSegments * {}",
                ].sort(),
            );
        });

        it("ARNs known only at deploy time (Outputs) are rendered and granted once known", async () => {
            const rec = mocks();
            const h = new bedrock.AgentHarness("farm", {
                model: cris(),
                instruction: INSTRUCTION,
                tools: [bedrock.HarnessTool.gateway({ name: "gw", gatewayArn: pulumi.output(GATEWAY) })],
                memory: bedrock.HarnessMemory.agentCore({ memoryArn: pulumi.output(MEMORY) }),
            });
            const { statements } = await roleStatements(rec, h);
            expect(harnessOf(rec).inputs.tools).to.deep.equal([
                { type: "agentcore_gateway", name: "gw", config: { agentCoreGateway: { gatewayArn: GATEWAY } } },
            ]);
            expect(harnessOf(rec).inputs.memory).to.deep.equal({ agentCoreMemoryConfiguration: { arn: MEMORY } });
            const granted = own(statements).filter((a) => a.includes(GATEWAY) || a.includes(MEMORY));
            expect(granted).to.deep.equal(
                [
                    `bedrock-agentcore:InvokeGateway ${GATEWAY} {}`,
                    ...["CreateEvent", "ListEvents", "RetrieveMemoryRecords"].map((a) => `bedrock-agentcore:${a} ${MEMORY} {}`),
                ].sort(),
            );
        });

        it("managed memory: the role gets the memory the harness reports, once the harness exists", async () => {
            const rec = mocks();
            const h = new bedrock.AgentHarness("farm", { model: cris(), instruction: INSTRUCTION, memory: bedrock.HarnessMemory.managed() });
            const { statements } = await roleStatements(rec, h);
            const memoryArn = harnessOf(rec).state.memory.managedMemoryConfiguration.arn as string;
            expect(memoryArn).to.match(/^arn:aws:bedrock-agentcore:us-east-1:123456789012:memory\/farm_mem-[a-z0-9]{10}$/);
            expect(own(statements).filter((a) => a.includes(":memory/"))).to.deep.equal(
                ["CreateEvent", "ListEvents", "RetrieveMemoryRecords"].map((a) => `bedrock-agentcore:${a} ${memoryArn} {}`),
            );
        });

        it("no tools, no memory: nothing but the runtime's statements", async () => {
            const rec = mocks();
            const h = new bedrock.AgentHarness("farm", { model: cris(), instruction: INSTRUCTION, memory: bedrock.HarnessMemory.NONE });
            const { statements } = await roleStatements(rec, h);
            expect(own(statements)).to.deep.equal(atoms(harnessRuntimeStatements("aws", REGION, ACCOUNT)));
        });

        it("IAM evaluation: the execution role invokes its model through its profile in every destination Region, and nothing else", async () => {
            const rec = mocks();
            const h = new bedrock.AgentHarness("farm", { model: cris(), instruction: INSTRUCTION });
            const { json } = await roleStatements(rec, h);
            const invoke = (resource: string, context?: Record<string, string>): IamRequest[] =>
                ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"].map((action) => ({ action, resource, context }));
            const fm = (r: string, id = SONNET) => `arn:aws:bedrock:${r}::foundation-model/${id}`;
            const viaProfile = { "bedrock:InferenceProfileArn": CRIS_ARN };
            const allowed = [...invoke(CRIS_ARN), ...G.US.destinationRegions.flatMap((r) => invoke(fm(r), viaProfile))];
            const otherProfile = `arn:aws:bedrock:${REGION}:${ACCOUNT}:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0`;
            const denied: IamRequest[] = [
                ...invoke(fm(REGION)), // the model directly, not through the profile
                ...invoke(fm("eu-west-1"), viaProfile), // outside the profile's geography
                ...invoke(fm(REGION, "anthropic.claude-3-haiku-20240307-v1:0"), viaProfile), // another model
                ...invoke(otherProfile),
                ...invoke(CRIS_ARN.replace(ACCOUNT, OTHER_ACCOUNT)),
                { action: "bedrock:CreateModelCustomizationJob", resource: "*" },
                { action: "bedrock-agentcore:InvokeHarness", resource: `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:harness/other-abcdefghij` },
                { action: "bedrock-agentcore:CreateEvent", resource: MEMORY },
                { action: "bedrock-agentcore:InvokeGateway", resource: GATEWAY },
                { action: "logs:PutLogEvents", resource: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/lambda/other:log-stream:x` },
                { action: "iam:PassRole", resource: `arn:aws:iam::${ACCOUNT}:role/admin` },
            ];
            const a = await decisions(json, allowed, principal);
            expect(a.filter((d) => !d.startsWith("Allowed "))).to.deep.equal([]);
            const d = await decisions(json, denied, principal);
            expect(d.filter((x) => x.startsWith("Allowed "))).to.deep.equal([]);
        });

        it("IAM evaluation: on an application profile over an EU cross-region profile, the role invokes through it in every EU destination Region only", async () => {
            const region = "eu-west-1";
            const rec = mocks(region);
            const model = M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0;
            const eu = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.EU, model });
            const app = new bedrock.ApplicationInferenceProfile("app", { inferenceProfileName: "farm", modelSource: eu });
            const h = new bedrock.AgentHarness("farm", { model: app, instruction: INSTRUCTION });
            const { json } = await roleStatements(rec, h);
            const appArn = (await resolveOutput(app.inferenceProfileArn)) as string;
            expect(harnessOf(rec).inputs.model).to.deep.equal({ bedrockModelConfig: { modelId: appArn } });
            const euArn = `arn:aws:bedrock:${region}:${ACCOUNT}:inference-profile/eu.${model.modelId}`;
            const invoke = (resource: string, context?: Record<string, string>): IamRequest[] =>
                ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"].map((action) => ({ action, resource, context }));
            const fm = (r: string, id = model.modelId) => `arn:aws:bedrock:${r}::foundation-model/${id}`;
            const allowed = [...invoke(appArn), ...G.EU.destinationRegions.flatMap((r) => invoke(fm(r), { "bedrock:InferenceProfileArn": appArn }))];
            const denied = [
                ...invoke(fm(region)),
                ...invoke(fm("us-east-1"), { "bedrock:InferenceProfileArn": appArn }),
                ...invoke(fm(region, M.ANTHROPIC_CLAUDE_HAIKU_V1_0.modelId), { "bedrock:InferenceProfileArn": appArn }),
                ...invoke(`arn:aws:bedrock:${region}:${OTHER_ACCOUNT}:application-inference-profile/abcdabcdabcd`),
                ...invoke(euArn.replace(ACCOUNT, OTHER_ACCOUNT)),
            ];
            const who: Principal = { account: ACCOUNT, partition: "aws", roleName: "farm-role" };
            const a = await decisions(json, allowed, who);
            expect(a.filter((x) => !x.startsWith("Allowed "))).to.deep.equal([]);
            const d = await decisions(json, denied, who);
            expect(d.filter((x) => x.startsWith("Allowed "))).to.deep.equal([]);
        });

        it("IAM evaluation: the role may use exactly its tools and memory", async () => {
            const rec = mocks();
            const h = new bedrock.AgentHarness("farm", {
                model: cris(),
                instruction: INSTRUCTION,
                tools: allTools(),
                memory: bedrock.HarnessMemory.agentCore({ memoryArn: MEMORY }),
            });
            const { json } = await roleStatements(rec, h);
            const allowed: IamRequest[] = [
                { action: "bedrock-agentcore:InvokeGateway", resource: GATEWAY },
                { action: "bedrock-agentcore:StartCodeInterpreterSession", resource: MANAGED_CI },
                { action: "bedrock-agentcore:InvokeCodeInterpreter", resource: MANAGED_CI },
                { action: "bedrock-agentcore:StartBrowserSession", resource: MANAGED_BROWSER },
                { action: "bedrock-agentcore:CreateEvent", resource: MEMORY },
                { action: "bedrock-agentcore:RetrieveMemoryRecords", resource: MEMORY },
                { action: "logs:PutLogEvents", resource: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/bedrock-agentcore/runtimes/farm-abc:log-stream:s` },
                { action: "xray:PutTraceSegments", resource: "*" },
            ];
            const denied: IamRequest[] = [
                { action: "bedrock-agentcore:InvokeGateway", resource: GATEWAY.replace("weather-gw", "other-gw") },
                { action: "bedrock-agentcore:StartCodeInterpreterSession", resource: CUSTOM_CI },
                { action: "bedrock-agentcore:CreateEvent", resource: MEMORY.replace("farm_memory", "other_memory") },
                { action: "bedrock-agentcore:DeleteMemoryRecord", resource: MEMORY },
                { action: "bedrock-agentcore:DeleteGateway", resource: GATEWAY },
                {
                    action: "bedrock-agentcore:GetWorkloadAccessTokenForUserId",
                    resource: `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:workload-identity-directory/default`,
                },
            ];
            const a = await decisions(json, allowed, principal);
            expect(a.filter((x) => !x.startsWith("Allowed "))).to.deep.equal([]);
            const d = await decisions(json, denied, principal);
            expect(d.filter((x) => x.startsWith("Allowed "))).to.deep.equal([]);
        });

        it("an existing role (name, ARN or aws.iam.Role) gets the grants; no role is created", async () => {
            const rec = mocks();
            const role = new aws.iam.Role("mine", { assumeRolePolicy: harnessTrustPolicy("aws", REGION, ACCOUNT) });
            const byRole = new bedrock.AgentHarness("a", { model: cris(), instruction: INSTRUCTION, executionRole: role });
            const byName = new bedrock.AgentHarness("b", { model: cris(), instruction: INSTRUCTION, executionRole: "harness-role" });
            const byArn = new bedrock.AgentHarness("c", {
                model: cris(),
                instruction: INSTRUCTION,
                executionRole: `arn:aws:iam::${ACCOUNT}:role/path/harness-role-2`,
            });
            await settle();
            expect(rec.byType("aws:iam/role:Role").map((r) => r.name)).to.deep.equal(["mine"]);
            expect(await resolveOutput(byRole.executionRoleArn)).to.equal(rec.find("aws:iam/role:Role", "mine").state.arn);
            expect(await resolveOutput(byName.executionRoleArn)).to.equal(`arn:aws:iam::${ACCOUNT}:role/harness-role`);
            expect(await resolveOutput(byArn.executionRoleArn)).to.equal(`arn:aws:iam::${ACCOUNT}:role/path/harness-role-2`);
            expect(harnessOf(rec, "b").inputs.executionRoleArn).to.equal(`arn:aws:iam::${ACCOUNT}:role/harness-role`);
            for (const name of [rec.find("aws:iam/role:Role", "mine").state.name, "harness-role", "harness-role-2"]) {
                expect(own(policiesForRole(rec, name).flatMap((p) => p.statements)), name).to.deep.equal(
                    atoms(harnessRuntimeStatements("aws", REGION, ACCOUNT)),
                );
            }
        });

        it("a role under a path keeps its path: given as its ARN, as its aws.iam.Role, and inside a root stack", async () => {
            const rec = mocks();
            const byArn = new bedrock.AgentHarness("a", {
                model: cris(),
                instruction: INSTRUCTION,
                executionRole: `arn:aws:iam::${ACCOUNT}:role/service/harness-path-role`,
            });
            const pathRole = new aws.iam.Role("path-role", { name: "harness-path-role-2", path: "/service/", assumeRolePolicy: "{}" });
            const byResource = new bedrock.AgentHarness("b", { model: cris(), instruction: INSTRUCTION, executionRole: pathRole });
            await settle();
            expect(harnessOf(rec, "a").inputs.executionRoleArn).to.equal(`arn:aws:iam::${ACCOUNT}:role/service/harness-path-role`);
            expect(await resolveOutput(byArn.executionRoleArn)).to.equal(`arn:aws:iam::${ACCOUNT}:role/service/harness-path-role`);
            expect(harnessOf(rec, "b").inputs.executionRoleArn).to.equal(`arn:aws:iam::${ACCOUNT}:role/service/harness-path-role-2`);
            expect(await resolveOutput(byResource.executionRoleArn)).to.equal(`arn:aws:iam::${ACCOUNT}:role/service/harness-path-role-2`);
            expect(rec.find("aws:iam/rolePolicy:RolePolicy", "harness-path-role-bedrock").inputs.role).to.equal("harness-path-role");

            const rec2 = mocks();
            await runProgram(() => {
                new aws.iam.Role("declared", { name: "harness-path-role", path: "/service/", assumeRolePolicy: "{}" });
                new bedrock.AgentHarness("c", {
                    model: cris(),
                    instruction: INSTRUCTION,
                    executionRole: `arn:aws:iam::${ACCOUNT}:role/service/harness-path-role`,
                });
            });
            expect(harnessOf(rec2, "c").inputs.executionRoleArn).to.equal(`arn:aws:iam::${ACCOUNT}:role/service/harness-path-role`);
            expect(rec2.byType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name)).to.deep.equal(["declared-bedrock"]);
        });

        it("refuses a model that does not generate text (an embeddings model), naming it and what it is for", () => {
            mocks();
            throwsExactly(
                () => new bedrock.AgentHarness("embed", { model: M.TITAN_EMBED_TEXT_V2_1024, instruction: INSTRUCTION }),
                'AgentHarness "embed": model "amazon.titan-embed-text-v2:0" is amazon.titan-embed-text-v2:0, an embeddings model: it turns text or images into vectors (for a knowledge base\'s embeddings), not a text-generation model: an AgentCore harness converses with its model, which must generate text (https://docs.aws.amazon.com/bedrock/latest/userguide/model-card-amazon-titan-text-embeddings-v2.html)',
            );
            const multimodal = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.COHERE_EMBED_V4 });
            throwsExactly(
                () => new bedrock.AgentHarness("embed2", { model: multimodal, instruction: INSTRUCTION }),
                'AgentHarness "embed2": model "<profile of cohere.embed-v4:0>" is cohere.embed-v4:0, an embeddings model: it turns text or images into vectors (for a knowledge base\'s embeddings), not a text-generation model: an AgentCore harness converses with its model, which must generate text (https://docs.aws.amazon.com/bedrock/latest/userguide/model-card-cohere-embed-v4.html)',
            );
        });

        it("grantInvoke: exactly InvokeHarness and InvokeAgentRuntime on the harness and its endpoints", async () => {
            const rec = mocks();
            const h = new bedrock.AgentHarness("farm", { model: cris(), instruction: INSTRUCTION });
            const caller = new aws.iam.Role("caller", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }) });
            h.grantInvoke(caller);
            await settle();
            const arn = harnessOf(rec).state.arn as string;
            const policies = policiesForRole(rec, rec.find("aws:iam/role:Role", "caller").state.name);
            expect(atoms(policies.flatMap((p) => p.statements))).to.deep.equal(
                atoms([
                    {
                        Effect: "Allow",
                        Action: ["bedrock-agentcore:InvokeAgentRuntime", "bedrock-agentcore:InvokeHarness"],
                        Resource: [arn, `${arn}/harness-endpoint/*`],
                    },
                ]),
            );
        });

        it("grantInvoke twice on one role attaches one policy; a bad role is refused with the argument", async () => {
            const rec = mocks();
            const h = new bedrock.AgentHarness("farm", { model: cris(), instruction: INSTRUCTION });
            const caller = new aws.iam.Role("caller", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }) });
            expect(h.grantInvoke(caller)).to.equal(h.grantInvoke(caller));
            throwsExactly(
                () => h.grantInvoke("not a role"),
                'AgentHarness "farm": grantInvoke(role) "not a role" is not an IAM role name (1-64 characters of letters, digits and +=,.@_-) or role ARN',
            );
            await settle();
            expect(policiesForRole(rec, rec.find("aws:iam/role:Role", "caller").state.name)).to.have.length(1);
        });

        it("IAM evaluation: a caller granted invoke can invoke the harness (and its endpoints) and nothing more", async () => {
            const rec = mocks();
            const h = new bedrock.AgentHarness("farm", { model: cris(), instruction: INSTRUCTION });
            const other = new bedrock.AgentHarness("other", { model: cris(), instruction: INSTRUCTION });
            h.addEndpoint("prod");
            const caller = new aws.iam.Role("caller", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }) });
            h.grantInvoke(caller);
            await settle();
            const arn = harnessOf(rec).state.arn as string;
            const otherArn = (await resolveOutput(other.harnessArn)) as string;
            const endpoint = rec.find(ENDPOINT, "farm-prod").state.arn as string;
            const json = policiesForRole(rec, rec.find("aws:iam/role:Role", "caller").state.name).map((p) => p.json);
            const who: Principal = { account: ACCOUNT, partition: "aws", roleName: "caller" };
            const allowed: IamRequest[] = [
                { action: "bedrock-agentcore:InvokeHarness", resource: arn },
                { action: "bedrock-agentcore:InvokeHarness", resource: endpoint },
                // AWS authorizes InvokeAgentRuntime on the harness ARN (its service data lists only runtime ARNs for it).
                { action: "bedrock-agentcore:InvokeAgentRuntime", resource: arn, unvalidated: true },
            ];
            const denied: IamRequest[] = [
                { action: "bedrock-agentcore:InvokeHarness", resource: otherArn },
                { action: "bedrock-agentcore:InvokeHarness", resource: `${otherArn}/harness-endpoint/prod` },
                { action: "bedrock-agentcore:InvokeHarness", resource: arn.replace(ACCOUNT, OTHER_ACCOUNT) },
                { action: "bedrock-agentcore:GetHarness", resource: arn },
                { action: "bedrock-agentcore:UpdateHarness", resource: arn },
                { action: "bedrock-agentcore:DeleteHarness", resource: arn },
                { action: "bedrock-agentcore:UpdateHarnessEndpoint", resource: endpoint },
                { action: "bedrock-agentcore:InvokeAgentRuntime", resource: `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:runtime/other-abcdefghij` },
                { action: "bedrock:InvokeModel", resource: CRIS_ARN },
            ];
            const a = await decisions(json, allowed, who);
            expect(a.filter((x) => !x.startsWith("Allowed "))).to.deep.equal([]);
            const d = await decisions(json, denied, who);
            expect(d.filter((x) => x.startsWith("Allowed "))).to.deep.equal([]);
        });
    });

    describe("allowed tools", () => {
        it("names of its tools, built-ins, @builtin, globs, and any name when a tool's name is the service's", async () => {
            const rec = mocks();
            const tools = allTools();
            const ok = ["*", "get_forecast", "shell", "file_operations", "@builtin", "@builtin/shell", "@weather", "@soil/read_x", "file_*", "@*-mcp/status"];
            new bedrock.AgentHarness("a", { model: cris(), instruction: INSTRUCTION, tools, allowedTools: ok });
            // A tool without a name gets one from the service: nothing is known to refuse.
            new bedrock.AgentHarness("b", { model: cris(), instruction: INSTRUCTION, tools: [bedrock.HarnessTool.browser()], allowedTools: ["browse"] });
            await settle();
            expect(harnessOf(rec, "a").inputs.allowedTools).to.deep.equal(ok);
            expect(harnessOf(rec, "b").inputs.allowedTools).to.deep.equal(["browse"]);
        });
    });

    describe("gateway tools with OAuth outbound authentication", () => {
        const OAUTH = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:token-vault/default/oauth2credentialprovider/weather`;
        const oauthGateway = (providerArn: pulumi.Input<string> = OAUTH) =>
            bedrock.HarnessTool.gateway({ name: "weather", gatewayArn: GATEWAY, outboundAuth: { oauth: { providerArn, scopes: ["read"] } } });
        // harness-security.html, "OAuth2 credential provider (OAuth-protected Gateway)".
        const expected = [
            ...[
                `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:token-vault/default`,
                `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:workload-identity-directory/default`,
                `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:workload-identity-directory/default/workload-identity/harness_farm-*`,
                OAUTH,
            ].map((r) => `bedrock-agentcore:GetResourceOauth2Token ${r} {}`),
            `secretsmanager:GetSecretValue arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:bedrock-agentcore-identity!default/oauth2/weather-* {}`,
        ].sort();
        const oauthAtoms = (statements: Statement[]) => own(statements).filter((a) => a.includes("Oauth2Token") || a.startsWith("secretsmanager:"));

        it("the execution role may fetch the provider's token and secret, as AWS documents it", async () => {
            const rec = mocks();
            const h = new bedrock.AgentHarness("farm", { model: cris(), instruction: INSTRUCTION, tools: [oauthGateway()] });
            const { statements } = await roleStatements(rec, h);
            expect(oauthAtoms(statements)).to.deep.equal(expected);
        });

        it("a provider ARN known only at deploy (an Output) is granted the same once known", async () => {
            const rec = mocks();
            const h = new bedrock.AgentHarness("farm", { model: cris(), instruction: INSTRUCTION, tools: [oauthGateway(pulumi.output(OAUTH))] });
            const { statements } = await roleStatements(rec, h);
            expect(oauthAtoms(statements)).to.deep.equal(expected);
        });

        it("AWS_IAM and NONE outbound authentication fetch no token", async () => {
            const rec = mocks();
            const h = new bedrock.AgentHarness("farm", {
                model: cris(),
                instruction: INSTRUCTION,
                tools: [
                    bedrock.HarnessTool.gateway({ name: "a", gatewayArn: GATEWAY, outboundAuth: "AWS_IAM" }),
                    bedrock.HarnessTool.gateway({ name: "b", gatewayArn: GATEWAY, outboundAuth: "NONE" }),
                ],
            });
            const { statements } = await roleStatements(rec, h);
            expect(oauthAtoms(statements)).to.deep.equal([]);
        });

        it("IAM evaluation: the token and secret of its provider only", async () => {
            const rec = mocks();
            const h = new bedrock.AgentHarness("farm", { model: cris(), instruction: INSTRUCTION, tools: [oauthGateway()] });
            const { json } = await roleStatements(rec, h);
            const secret = (name: string) => `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:bedrock-agentcore-identity!default/oauth2/${name}-Ab12Cd`;
            const workload = (name: string) => `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:workload-identity-directory/default/workload-identity/${name}`;
            const allowed: IamRequest[] = [
                { action: "bedrock-agentcore:GetResourceOauth2Token", resource: OAUTH },
                { action: "bedrock-agentcore:GetResourceOauth2Token", resource: `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:token-vault/default` },
                { action: "bedrock-agentcore:GetResourceOauth2Token", resource: workload("harness_farm-abc123") },
                { action: "secretsmanager:GetSecretValue", resource: secret("weather") },
            ];
            const denied: IamRequest[] = [
                { action: "bedrock-agentcore:GetResourceOauth2Token", resource: OAUTH.replace("/weather", "/github") },
                { action: "bedrock-agentcore:GetResourceOauth2Token", resource: workload("harness_other-abc123") },
                { action: "bedrock-agentcore:GetResourceApiKey", resource: `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:token-vault/default` },
                { action: "secretsmanager:GetSecretValue", resource: secret("github") },
                { action: "secretsmanager:GetSecretValue", resource: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:prod/db-Ab12Cd` },
                { action: "secretsmanager:PutSecretValue", resource: secret("weather") },
            ];
            const principal: Principal = { account: ACCOUNT, partition: "aws", roleName: "farm-role" };
            expect((await decisions(json, allowed, principal)).filter((d) => !d.startsWith("Allowed "))).to.deep.equal([]);
            expect((await decisions(json, denied, principal)).filter((d) => d.startsWith("Allowed "))).to.deep.equal([]);
        });
    });

    describe("an execution role of another account", () => {
        it("is refused at deploy as AgentHarness.executionRole's, not the profile's; nothing is attached and no harness created", async () => {
            const rec = mocks();
            const errors: string[] = [];
            const collect = (e: unknown) => errors.push(e instanceof Error ? e.message : String(e));
            process.on("unhandledRejection", collect);
            try {
                const app = new bedrock.ApplicationInferenceProfile("app", { inferenceProfileName: "farm", modelSource: cris() });
                new bedrock.AgentHarness("farm", { model: app, instruction: INSTRUCTION, executionRole: `arn:aws:iam::${OTHER_ACCOUNT}:role/partner-role` });
                await settle();
                await new Promise((r) => setTimeout(r, 50));
            } finally {
                process.off("unhandledRejection", collect);
            }
            const message = `AgentHarness "farm": executionRole "arn:aws:iam::${OTHER_ACCOUNT}:role/partner-role" is a role of account ${OTHER_ACCOUNT} in partition aws, but the caller is account ${ACCOUNT} in partition aws: an identity policy can only be attached to a role of the caller's own account; grant that role from a program deployed to its account`;
            expect(
                [...new Set(errors)].every((e) => e.endsWith(message)),
                [...new Set(errors)].join("\n"),
            ).to.equal(true);
            expect(errors.length).to.be.greaterThan(0);
            expect(rec.byType("aws:iam/rolePolicy:RolePolicy")).to.deep.equal([]);
            expect(rec.byType(HARNESS)).to.deep.equal([]);
        });
    });

    describe("the preview of a harness with managed memory", () => {
        it("pulumi preview (unknown outputs): every policy the harness attaches is registered with its document known, the memory's ARN a stand-in", async () => {
            const rec = setBedrockMocks({ preview: true, region: REGION, accountId: ACCOUNT, config: { "aws-native:region": REGION } });
            new bedrock.AgentHarness("farm", { model: cris(), instruction: INSTRUCTION, memory: bedrock.HarnessMemory.managed() });
            await settle();
            const policies = rec.byType("aws:iam/rolePolicy:RolePolicy");
            expect(policies.map((p) => p.name).sort()).to.deep.equal(["farm-role-bedrock", "farm-role-bedrock-farm-memory"]);
            for (const p of policies) expect(typeof p.inputs.policy, p.name).to.equal("string");
            const memory = JSON.parse(policies.find((p) => p.name === "farm-role-bedrock-farm-memory")!.inputs.policy as string);
            expect(memory.Statement).to.deep.equal([
                {
                    Effect: "Allow",
                    Action: ["bedrock-agentcore:CreateEvent", "bedrock-agentcore:ListEvents", "bedrock-agentcore:RetrieveMemoryRecords"],
                    Resource: `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:memory/farm-managed-memory-known-after-deploy`,
                },
            ]);
            // What --check and the policy pack read (`readRoles`): both policies, with their statements. A
            // created role's name is unknown in a preview; a role given by name is known.
            const named = setBedrockMocks({ preview: true, region: REGION, accountId: ACCOUNT, config: { "aws-native:region": REGION } });
            new bedrock.AgentHarness("farm", {
                model: cris(),
                instruction: INSTRUCTION,
                memory: bedrock.HarnessMemory.managed(),
                executionRole: "harness-role",
            });
            await settle();
            const views = readRoles(named.resources.map((r) => ({ type: r.type, name: r.name, urn: r.urn, inputs: r.inputs, outputs: r.state })));
            const role = views.find((v) => v.name === "harness-role");
            expect(role?.policies.map((p) => `${p.resourceName} ${p.statements.length > 0}`).sort()).to.deep.equal([
                "harness-role-bedrock true",
                "harness-role-bedrock-farm-memory true",
            ]);
            mocks();
        });

        it("the offline preview lists the memory policy with the harness's other policy, and --check finds nothing", async () => {
            const plan = await previewProgram("examples/agent-harness");
            const execution = plan.roles.find((r) => r.resourceName === "agent-role");
            expect(execution?.policies.map((p) => p.resourceName).sort()).to.deep.equal(["agent-role-bedrock", "agent-role-bedrock-agent-memory"]);
            const memory = execution!.policies.find((p) => p.resourceName === "agent-role-bedrock-agent-memory")!;
            const harness = plan.resources.find((r) => r.type === HARNESS)!;
            const reported = (harness.outputs.memory as { managedMemoryConfiguration: { arn: string } }).managedMemoryConfiguration.arn;
            expect(reported).to.match(new RegExp(`^arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:memory/`));
            expect(memory.statements.flatMap((st) => st.Resource)).to.deep.equal([reported]);
            expect(plan.findings).to.deep.equal([]);
            mocks(); // previewProgram replaced the mocks
        });
    });

    describe("execution role: custom tools, no memory, warnings and name clashes", () => {
        it("a custom browser: the role may run sessions on it, and only on it", async () => {
            const rec = mocks();
            const browser = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:browser-custom/farm_web-abcdefghij`;
            const h = new bedrock.AgentHarness("farm", {
                model: cris(),
                instruction: INSTRUCTION,
                tools: [bedrock.HarnessTool.browser({ name: "web", browserArn: browser })],
            });
            const { statements } = await roleStatements(rec, h);
            expect(own(statements).filter((a) => a.includes(":browser"))).to.deep.equal([
                `bedrock-agentcore:ConnectBrowserAutomationStream ${browser} {}`,
                `bedrock-agentcore:GetBrowserSession ${browser} {}`,
                `bedrock-agentcore:StartBrowserSession ${browser} {}`,
                `bedrock-agentcore:StopBrowserSession ${browser} {}`,
            ]);
        });

        it("no managed memory: no memory policy is registered", async () => {
            const rec = mocks();
            new bedrock.AgentHarness("farm", { model: cris(), instruction: INSTRUCTION });
            await settle();
            expect(rec.resources.map((r) => `${r.type} ${r.name}`)).to.deep.equal([
                "bedrock-genai:index:AgentHarness farm",
                "aws:iam/role:Role farm-role",
                "aws:iam/rolePolicy:RolePolicy farm-role-bedrock",
                `${HARNESS} farm`,
            ]);
        });

        it("inherited settings a harness cannot apply are warned about on the harness, once; none, no warning", async () => {
            mocks();
            const logs = captureLogs();
            try {
                const profile = bedrock.CrossRegionInferenceProfile.fromConfig({
                    geoRegion: G.US,
                    model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
                    inferenceConfiguration: { topK: 50, stopSequences: ["END"], temperature: 0.1 },
                });
                new bedrock.AgentHarness("plain", { model: cris(), instruction: INSTRUCTION });
                const h = new bedrock.AgentHarness("farm", { model: profile, instruction: INSTRUCTION });
                await settle();
                expect(logs.warnings).to.deep.equal([
                    [
                        "AgentHarness \"farm\": the model's inference settings stopSequences, topK are not applied: a harness's model configuration takes temperature, topP and maxTokens only",
                        h,
                    ],
                ]);
            } finally {
                logs.restore();
            }
        });

        it("a harness name derived from the component's name that another harness has is refused, saying so", () => {
            mocks();
            new bedrock.AgentHarness("y", { model: cris(), instruction: INSTRUCTION, harnessName: "x" });
            throwsExactly(
                () => new bedrock.AgentHarness("x", { model: cris(), instruction: INSTRUCTION }),
                'AgentHarness "x": harnessName "x" is already the name of AgentHarness "y" in this program\'s account and Region (derived from the component\'s name): AWS refuses a second harness of one name; set harnessName',
            );
        });

        it("an OAuth provider ARN known only at deploy that is no provider ARN fails the deploy, naming the argument and the rule", async () => {
            await deployFailsExactly(() => {
                mocks();
                new bedrock.AgentHarness("farm", {
                    model: cris(),
                    instruction: INSTRUCTION,
                    tools: [
                        bedrock.HarnessTool.gateway({
                            name: "weather",
                            gatewayArn: GATEWAY,
                            outboundAuth: { oauth: { providerArn: pulumi.output("arn:aws:iam::123456789012:role/x"), scopes: ["read"] } },
                        }),
                    ],
                });
            }, [
                'AgentHarness "farm": tools[0].outboundAuth.oauth.providerArn "arn:aws:iam::123456789012:role/x" must match ^arn:(aws[a-z-]*):bedrock-agentcore:([a-z0-9-]+):([0-9]{12}):token-vault\\/([^/:]+)\\/oauth2credentialprovider\\/([^/:]+)$ (an AgentCore Identity OAuth2 credential provider ARN, arn:<partition>:bedrock-agentcore:<region>:<account>:token-vault/<vault>/oauth2credentialprovider/<name>)',
                'error serializing property "tools": error serializing property "policy": AgentHarness "farm": tools[0].outboundAuth.oauth.providerArn "arn:aws:iam::123456789012:role/x" must match ^arn:(aws[a-z-]*):bedrock-agentcore:([a-z0-9-]+):([0-9]{12}):token-vault\\/([^/:]+)\\/oauth2credentialprovider\\/([^/:]+)$ (an AgentCore Identity OAuth2 credential provider ARN, arn:<partition>:bedrock-agentcore:<region>:<account>:token-vault/<vault>/oauth2credentialprovider/<name>)',
            ]);
        });
    });

    describe("addEndpoint", () => {
        it("renders a HarnessEndpoint of the harness: exact inputs", async () => {
            const rec = mocks();
            const h = new bedrock.AgentHarness("farm", { model: cris(), instruction: INSTRUCTION });
            const prod = h.addEndpoint("prod", { description: "Production", targetVersion: "3", tags: { stage: "prod" } });
            h.addEndpoint("canary-1");
            throwsExactly(
                () => h.addEndpoint("prod-2", { endpointName: "prod" }),
                'AgentHarness.addEndpoint "farm-prod-2": endpointName "prod" is already the name of endpoint "prod" of this harness: a harness\'s endpoint names are unique',
            );
            await settle();
            expect(rec.find(ENDPOINT, "farm-prod").inputs).to.deep.equal({
                harnessId: harnessOf(rec).state.harnessId,
                endpointName: "prod",
                description: "Production",
                targetVersion: "3",
                tags: [{ key: "stage", value: "prod" }],
            });
            // sha256("canary-1") starts 8cdb95b8.
            expect(rec.find(ENDPOINT, "farm-canary-1").inputs).to.deep.equal({ harnessId: harnessOf(rec).state.harnessId, endpointName: "canary_1_8cdb95b8" });
            expect(await resolveOutput(prod.arn)).to.equal(`${harnessOf(rec).state.arn}/harness-endpoint/prod`);
        });

        it("an endpoint is a child of its harness component, also with options of its own", async () => {
            const rec = mocks();
            const h = new bedrock.AgentHarness("farm", { model: cris(), instruction: INSTRUCTION });
            h.addEndpoint("prod", {}, { protect: true });
            await settle();
            const parent = rec.parentOf(rec.find(ENDPOINT, "farm-prod"));
            expect([parent?.type, parent?.name]).to.deep.equal(["bedrock-genai:index:AgentHarness", "farm"]);
        });
    });

    describe("bad input: refused before anything is registered, with the argument and the value", () => {
        const bad: { title: string; args: () => Record<string, unknown>; message: string }[] = [
            {
                title: "no model",
                args: () => ({ instruction: INSTRUCTION }),
                message:
                    'AgentHarness "h": model undefined must be a BedrockFoundationModel, a cross-region inference profile or an application inference profile',
            },
            {
                title: "a prompt router",
                args: () => ({
                    model: bedrock.PromptRouter.fromDefaultId(bedrock.DefaultPromptRouterIdentifier.ANTHROPIC_CLAUDE_V1, REGION),
                    instruction: INSTRUCTION,
                }),
                message: 'AgentHarness "h": model "<PromptRouter>" cannot be a prompt router: a harness\'s model is a foundation model or an inference profile',
            },
            { title: "empty instruction", args: () => ({ model: cris(), instruction: "" }), message: 'AgentHarness "h": instruction "" must not be empty' },
            {
                title: "bad harness name",
                args: () => ({ model: cris(), instruction: INSTRUCTION, harnessName: "farm-assistant" }),
                message:
                    'AgentHarness "h": harnessName "farm-assistant" must match ^[a-zA-Z][a-zA-Z0-9_]{0,39}$ (a letter, then at most 39 letters, digits or underscores)',
            },
            {
                title: "temperature out of range",
                args: () => ({ model: cris(), instruction: INSTRUCTION, inferenceConfiguration: { temperature: 2.5 } }),
                message: 'AgentHarness "h": inferenceConfiguration.temperature 2.5 must be between 0 and 2',
            },
            {
                title: "topP out of range",
                args: () => ({ model: cris(), instruction: INSTRUCTION, inferenceConfiguration: { topP: 1.5 } }),
                message: 'AgentHarness "h": inferenceConfiguration.topP 1.5 must be between 0 and 1',
            },
            {
                title: "model maxTokens not a positive integer",
                args: () => ({ model: cris(), instruction: INSTRUCTION, inferenceConfiguration: { maxTokens: 0 } }),
                message: 'AgentHarness "h": inferenceConfiguration.maxTokens 0 must be at least 1',
            },
            {
                title: "an inference setting a harness does not take",
                args: () => ({ model: cris(), instruction: INSTRUCTION, inferenceConfiguration: { topK: 5 } }),
                message: 'AgentHarness "h": inferenceConfiguration.topK 5 is not a setting of inferenceConfiguration (known: temperature, topP, maxTokens)',
            },
            {
                title: "inline function without a name",
                args: () => ({ model: cris(), instruction: INSTRUCTION, tools: [{ kind: "inline_function", description: "d", inputSchema: FORECAST_SCHEMA }] }),
                message: 'AgentHarness "h": tools[0].name undefined is required',
            },
            {
                title: "bad tool name",
                args: () => ({ model: cris(), instruction: INSTRUCTION, tools: [bedrock.HarnessTool.codeInterpreter({ name: "my tool" })] }),
                message: 'AgentHarness "h": tools[0].name "my tool" must match ^[a-zA-Z0-9_-]+$ (letters, digits, underscores and hyphens)',
            },
            {
                title: "tool name too long",
                args: () => ({ model: cris(), instruction: INSTRUCTION, tools: [bedrock.HarnessTool.browser({ name: "b".repeat(65) })] }),
                message: `AgentHarness "h": tools[0].name "${"b".repeat(65)}" must have at most 64 characters (has 65)`,
            },
            {
                title: "duplicate tool names",
                args: () => ({
                    model: cris(),
                    instruction: INSTRUCTION,
                    tools: [bedrock.HarnessTool.browser({ name: "t" }), bedrock.HarnessTool.codeInterpreter({ name: "t" })],
                }),
                message: 'AgentHarness "h": tools[1].name "t" is already the name of another tool of the harness',
            },
            {
                title: "inline function description too long",
                args: () => ({
                    model: cris(),
                    instruction: INSTRUCTION,
                    tools: [bedrock.HarnessTool.inlineFunction({ name: "f", description: "d".repeat(4097), inputSchema: FORECAST_SCHEMA })],
                }),
                message: `AgentHarness "h": tools[0].description "${"d".repeat(4097)}" must have at most 4096 characters (has 4097)`,
            },
            {
                title: "inline function input schema not an object schema",
                args: () => ({
                    model: cris(),
                    instruction: INSTRUCTION,
                    tools: [bedrock.HarnessTool.inlineFunction({ name: "f", description: "d", inputSchema: { type: "string" } })],
                }),
                message: 'AgentHarness "h": tools[0].inputSchema.type "string" must be "object": a tool\'s input is an object',
            },
            {
                title: "inline function without a schema",
                args: () => ({ model: cris(), instruction: INSTRUCTION, tools: [{ kind: "inline_function", name: "f", description: "d" }] }),
                message: 'AgentHarness "h": tools[0].inputSchema undefined must be a JSON schema object',
            },
            {
                title: "bad gateway ARN",
                args: () => ({
                    model: cris(),
                    instruction: INSTRUCTION,
                    tools: [bedrock.HarnessTool.gateway({ gatewayArn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/x" })],
                }),
                message:
                    'AgentHarness "h": tools[0].gatewayArn "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/x" must match ^arn:aws(|-cn|-us-gov):bedrock-agentcore:[a-z0-9-]{1,20}:[0-9]{12}:gateway\\/([0-9a-z][-]?){1,48}-[a-z0-9]{10}$ (an AgentCore gateway ARN)',
            },
            {
                title: "bad gateway outbound auth",
                args: () => ({
                    model: cris(),
                    instruction: INSTRUCTION,
                    tools: [bedrock.HarnessTool.gateway({ gatewayArn: GATEWAY, outboundAuth: "SIGV4" as never })],
                }),
                message: 'AgentHarness "h": tools[0].outboundAuth "SIGV4" must be "AWS_IAM", "NONE" or { oauth: { providerArn, scopes } }',
            },
            {
                title: "bad code interpreter ARN",
                args: () => ({ model: cris(), instruction: INSTRUCTION, tools: [bedrock.HarnessTool.codeInterpreter({ codeInterpreterArn: "ci-1" })] }),
                message:
                    'AgentHarness "h": tools[0].codeInterpreterArn "ci-1" must match ^arn:aws(-[^:]+)?:bedrock-agentcore:[a-z0-9-]+:(aws|[0-9]{12}):code-interpreter(-custom)?\\/(aws\\.codeinterpreter\\.v1|[a-zA-Z][a-zA-Z0-9_]{0,47}-[a-zA-Z0-9]{10})$ (an AgentCore code interpreter ARN)',
            },
            {
                title: "bad browser ARN",
                args: () => ({ model: cris(), instruction: INSTRUCTION, tools: [bedrock.HarnessTool.browser({ browserArn: "b-1" })] }),
                message:
                    'AgentHarness "h": tools[0].browserArn "b-1" must match ^arn:aws(-[^:]+)?:bedrock-agentcore:[a-z0-9-]+:(aws|[0-9]{12}):browser(-custom)?\\/(aws\\.browser\\.v1|[a-zA-Z][a-zA-Z0-9_]{0,47}-[a-zA-Z0-9]{10})$ (an AgentCore browser ARN)',
            },
            {
                title: "remote MCP URL not http(s)",
                args: () => ({ model: cris(), instruction: INSTRUCTION, tools: [bedrock.HarnessTool.remoteMcp({ url: "ftp://x" })] }),
                message: 'AgentHarness "h": tools[0].url "ftp://x" must be an http(s) URL',
            },
            {
                title: "remote MCP empty header value",
                args: () => ({ model: cris(), instruction: INSTRUCTION, tools: [bedrock.HarnessTool.remoteMcp({ url: "https://x", headers: { a: "" } })] }),
                message: 'AgentHarness "h": tools[0].headers.a "" must not be empty',
            },
            {
                title: "unknown tool kind",
                args: () => ({ model: cris(), instruction: INSTRUCTION, tools: [{ kind: "lambda" }] }),
                message:
                    'AgentHarness "h": tools[0].kind "lambda" must be inline_function, agentcore_gateway, agentcore_code_interpreter, agentcore_browser or remote_mcp',
            },
            {
                title: "bad allowed tool",
                args: () => ({ model: cris(), instruction: INSTRUCTION, allowedTools: ["a/b/c"] }),
                message: 'AgentHarness "h": allowedTools[0] "a/b/c" must match ^(\\*|@?[^/]+(\\/[^/]+)?)$ (*, a tool name or <tool>/<sub-tool>)',
            },
            {
                title: "bad memory ARN",
                args: () => ({ model: cris(), instruction: INSTRUCTION, memory: bedrock.HarnessMemory.agentCore({ memoryArn: "mem-1" }) }),
                message:
                    'AgentHarness "h": memory.memoryArn "mem-1" must match ^arn:aws:bedrock-agentcore:[a-z0-9-]+:[0-9]{12}:memory\\/[a-zA-Z][a-zA-Z0-9-_]{0,99}-[a-zA-Z0-9]{10}$ (an AgentCore memory ARN)',
            },
            {
                title: "unknown memory strategy",
                args: () => ({ model: cris(), instruction: INSTRUCTION, memory: bedrock.HarnessMemory.managed({ strategies: ["FACTS" as never] }) }),
                message: 'AgentHarness "h": memory.strategies[0] "FACTS" must be one of SEMANTIC, SUMMARIZATION, USER_PREFERENCE, EPISODIC',
            },
            {
                title: "duplicate memory strategy",
                args: () => ({ model: cris(), instruction: INSTRUCTION, memory: bedrock.HarnessMemory.managed({ strategies: ["SEMANTIC", "SEMANTIC"] }) }),
                message: 'AgentHarness "h": memory.strategies[1] "SEMANTIC" is given twice',
            },
            {
                title: "event expiry out of range",
                args: () => ({ model: cris(), instruction: INSTRUCTION, memory: bedrock.HarnessMemory.managed({ eventExpiryDays: 2 }) }),
                message: 'AgentHarness "h": memory.eventExpiryDays 2 must be between 3 and 365',
            },
            {
                title: "unknown memory kind",
                args: () => ({ model: cris(), instruction: INSTRUCTION, memory: { kind: "session" } }),
                message: 'AgentHarness "h": memory.kind "session" must be managed, agentcore or disabled',
            },
            {
                title: "unknown truncation strategy",
                args: () => ({ model: cris(), instruction: INSTRUCTION, truncation: { strategy: "drop_oldest" } }),
                message: 'AgentHarness "h": truncation.strategy "drop_oldest" must be sliding_window, summarization or none',
            },
            {
                title: "sliding window of 0 messages",
                args: () => ({ model: cris(), instruction: INSTRUCTION, truncation: { strategy: "sliding_window", messagesCount: 0 } }),
                message: 'AgentHarness "h": truncation.messagesCount 0 must be at least 1',
            },
            {
                title: "summary ratio out of range",
                args: () => ({ model: cris(), instruction: INSTRUCTION, truncation: { strategy: "summarization", summaryRatio: 2 } }),
                message: 'AgentHarness "h": truncation.summaryRatio 2 must be between 0 and 1',
            },
            {
                title: "maxIterations 0",
                args: () => ({ model: cris(), instruction: INSTRUCTION, maxIterations: 0 }),
                message: 'AgentHarness "h": maxIterations 0 must be at least 1',
            },
            {
                title: "maxTokens fractional",
                args: () => ({ model: cris(), instruction: INSTRUCTION, maxTokens: 10.5 }),
                message: 'AgentHarness "h": maxTokens 10.5 must be an integer',
            },
            {
                title: "timeoutSeconds negative",
                args: () => ({ model: cris(), instruction: INSTRUCTION, timeoutSeconds: -1 }),
                message: 'AgentHarness "h": timeoutSeconds -1 must be at least 1',
            },
            {
                title: "too many environment variables",
                args: () => ({
                    model: cris(),
                    instruction: INSTRUCTION,
                    environmentVariables: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`V${i}`, "x"])),
                }),
                message: 'AgentHarness "h": environmentVariables "51 variables" must hold at most 50 variables',
            },
            {
                title: "environment variable too long",
                args: () => ({ model: cris(), instruction: INSTRUCTION, environmentVariables: { BIG: "x".repeat(5001) } }),
                message: `AgentHarness "h": environmentVariables.BIG "${"x".repeat(5001)}" must have at most 5000 characters (has 5001)`,
            },
            {
                title: "too many tags",
                args: () => ({ model: cris(), instruction: INSTRUCTION, tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])) }),
                message: 'AgentHarness "h": tags "51 tags" must hold at most 50 tags',
            },
            {
                title: "allowedTools naming a tool the harness does not have",
                args: () => ({
                    model: cris(),
                    instruction: INSTRUCTION,
                    tools: [bedrock.HarnessTool.inlineFunction({ name: "get_forecast", description: "Forecast", inputSchema: FORECAST_SCHEMA })],
                    allowedTools: ["get_forecast", "get_weather"],
                }),
                message:
                    'AgentHarness "h": allowedTools[1] "get_weather" names no tool of the harness (its tools: get_forecast; built-in: file_operations, shell, @builtin)',
            },
            {
                title: "allowedTools naming a server the harness does not have",
                args: () => ({ model: cris(), instruction: INSTRUCTION, allowedTools: ["shell", "@git/git_status"] }),
                message:
                    'AgentHarness "h": allowedTools[1] "@git/git_status" names no tool of the harness (its tools: none; built-in: file_operations, shell, @builtin)',
            },
            {
                title: "an OAuth provider ARN that is not an OAuth2 credential provider",
                args: () => ({
                    model: cris(),
                    instruction: INSTRUCTION,
                    tools: [
                        bedrock.HarnessTool.gateway({
                            gatewayArn: GATEWAY,
                            outboundAuth: { oauth: { providerArn: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:x`, scopes: ["read"] } },
                        }),
                    ],
                }),
                message: `AgentHarness "h": tools[0].outboundAuth.oauth.providerArn "arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:x" must match ^arn:(aws[a-z-]*):bedrock-agentcore:([a-z0-9-]+):([0-9]{12}):token-vault\\/([^/:]+)\\/oauth2credentialprovider\\/([^/:]+)$ (an AgentCore Identity OAuth2 credential provider ARN, arn:<partition>:bedrock-agentcore:<region>:<account>:token-vault/<vault>/oauth2credentialprovider/<name>)`,
            },
            {
                title: "an execution role ARN of another partition than the harness's known Region",
                args: () => ({ model: cris(), instruction: INSTRUCTION, executionRole: `arn:aws-us-gov:iam::${ACCOUNT}:role/harness-role` }),
                message: `AgentHarness "h": executionRole "arn:aws-us-gov:iam::${ACCOUNT}:role/harness-role" is a role of partition aws-us-gov, but the harness is in us-east-1 (partition aws): a harness assumes a role of its own account and partition`,
            },
            {
                title: "bad execution role",
                args: () => ({ model: cris(), instruction: INSTRUCTION, executionRole: "not a role" }),
                message:
                    'AgentHarness "h": executionRole "not a role" must be an aws.iam.Role, an IAM role name (a role without a path) or an IAM role ARN (a role under a path: its ARN or the aws.iam.Role)',
            },
        ];
        for (const c of bad) {
            it(c.title, async () => {
                const rec = mocks();
                throwsExactly(() => new bedrock.AgentHarness("h", c.args() as unknown as bedrock.AgentHarnessArgs), c.message, bedrock.BedrockValidationError);
                let message = "";
                try {
                    new bedrock.AgentHarness("h", c.args() as unknown as bedrock.AgentHarnessArgs);
                } catch (e) {
                    message = (e as Error).message;
                }
                expect(message).to.equal(c.message);
                await settle();
                expect(rec.resources.map((r) => `${r.type} ${r.name}`)).to.deep.equal([]);
            });
        }

        it("addEndpoint: a bad endpoint name, description or target version names the argument", () => {
            mocks();
            const h = new bedrock.AgentHarness("farm", { model: cris(), instruction: INSTRUCTION });
            throwsExactly(
                () => h.addEndpoint("p", { endpointName: "prod-1" }),
                'AgentHarness.addEndpoint "farm-p": endpointName "prod-1" must match ^[a-zA-Z][a-zA-Z0-9_]{0,47}$ (a letter, then at most 47 letters, digits or underscores)',
            );
            throwsExactly(() => h.addEndpoint("p", { description: "" }), 'AgentHarness.addEndpoint "farm-p": description "" must not be empty');
            throwsExactly(
                () => h.addEndpoint("p", { targetVersion: "0" }),
                'AgentHarness.addEndpoint "farm-p": targetVersion "0" must match ^([1-9][0-9]{0,4})$ (a version number 1..99999)',
            );
        });
    });

    describe("offline preview of examples/agent-harness", () => {
        it("shows the harness, its endpoint and its IAM, with no finding", async () => {
            const plan = await previewProgram("examples/agent-harness");
            const types = plan.resources.map((r) => `${r.type} ${r.name}`);
            expect(types).to.include.members([
                "bedrock-genai:index:AgentHarness agent",
                "aws:iam/role:Role agent-role",
                `${HARNESS} agent`,
                `${ENDPOINT} agent-live`,
            ]);
            const execution = plan.roles.find((r) => r.resourceName === "agent-role");
            expect(execution, "the execution role is shown").to.not.equal(undefined);
            const actions = execution!.policies.flatMap((p) => p.statements.flatMap((st) => st.Action));
            expect(actions).to.include.members([
                "bedrock:InvokeModel",
                "bedrock-agentcore:StartCodeInterpreterSession",
                "bedrock-agentcore:CreateEvent",
                "xray:PutTraceSegments",
            ]);
            expect(plan.findings).to.deep.equal([]);
            mocks(); // previewProgram replaced the mocks
        });
    });

    describe("conformance with AWS's CloudFormation validator", () => {
        before(() => {
            getEngine();
        });
        after(() => freeEngine());

        const programs: { title: string; run: () => void }[] = [
            { title: "no tools, no memory setting", run: () => new bedrock.AgentHarness("farm", { model: cris(), instruction: INSTRUCTION }) },
            { title: "every tool kind", run: () => new bedrock.AgentHarness("farm", { model: cris(), instruction: INSTRUCTION, tools: allTools() }) },
            {
                title: "custom code interpreter, OAuth gateway",
                run: () =>
                    new bedrock.AgentHarness("farm", {
                        model: cris(),
                        instruction: INSTRUCTION,
                        tools: [
                            bedrock.HarnessTool.codeInterpreter({ codeInterpreterArn: CUSTOM_CI }),
                            bedrock.HarnessTool.gateway({
                                gatewayArn: GATEWAY,
                                outboundAuth: {
                                    oauth: {
                                        providerArn: `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:token-vault/default/oauth2credentialprovider/farm`,
                                        scopes: ["read"],
                                        customParameters: { audience: "farm" },
                                    },
                                },
                            }),
                            bedrock.HarnessTool.gateway({ name: "open", gatewayArn: GATEWAY, outboundAuth: "NONE" }),
                        ],
                    }),
            },
            {
                title: "managed memory",
                run: () =>
                    new bedrock.AgentHarness("farm", {
                        model: cris(),
                        instruction: INSTRUCTION,
                        memory: bedrock.HarnessMemory.managed({ strategies: ["SEMANTIC", "EPISODIC"], eventExpiryDays: 30 }),
                    }),
            },
            {
                title: "an AgentCore memory",
                run: () =>
                    new bedrock.AgentHarness("farm", {
                        model: cris(),
                        instruction: INSTRUCTION,
                        memory: bedrock.HarnessMemory.agentCore({
                            memoryArn: MEMORY,
                            actorId: "farmer",
                            messagesCount: 10,
                            retrievalConfig: { "/facts/{actorId}": { topK: 5, relevanceScore: 0.4, strategyId: "s1" } },
                        }),
                    }),
            },
            {
                title: "memory disabled",
                run: () => new bedrock.AgentHarness("farm", { model: cris(), instruction: INSTRUCTION, memory: bedrock.HarnessMemory.NONE }),
            },
            {
                title: "everything else, an endpoint and a caller grant",
                run: () => {
                    const h = new bedrock.AgentHarness("farm", {
                        model: bedrock.CrossRegionInferenceProfile.fromConfig({
                            geoRegion: G.US,
                            model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
                            inferenceConfiguration: { temperature: 0.3, topP: 0.8, maxTokens: 2048 },
                        }),
                        instruction: INSTRUCTION,
                        truncation: { strategy: "summarization", summaryRatio: 0.3, preserveRecentMessages: 4, summarizationSystemPrompt: "Summarize." },
                        maxIterations: 10,
                        maxTokens: 4096,
                        timeoutSeconds: 600,
                        environmentVariables: { STAGE: "prod", EMPTY: "" },
                        allowedTools: ["*"],
                        tags: { team: "farm" },
                    });
                    h.addEndpoint("prod", { description: "Production", tags: { stage: "prod" } });
                    h.grantInvoke(new aws.iam.Role("caller", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }) }));
                },
            },
        ];
        for (const p of programs) {
            it(`${p.title}: no ERROR or FATAL diagnostic`, async () => {
                const rec = mocks();
                p.run();
                await settle();
                expect(rec.byType(HARNESS).length).to.equal(1);
                expect(conformanceErrors(rec, REGION).map(formatFinding)).to.deep.equal([]);
            });
        }
    });
});
