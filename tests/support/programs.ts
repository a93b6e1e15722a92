/**
 * Test programs shared by the reliability specs (conformance, determinism, preview): each one uses a
 * component the way a user would, with its grants.
 */
import * as aws from "@pulumi/aws";
import * as bedrock from "../../sdk/nodejs";

/** A program: what it needs from the mocks, and the code. */
export interface Program {
    name: string;
    /** The provider's Region (also set as `aws-native:region` config unless `noRegionConfig`). */
    region: string;
    noRegionConfig?: boolean;
    run(): void;
}

const M = bedrock.BedrockFoundationModel;
const G = bedrock.CrossRegionInferenceProfileRegion;

/** A Lambda-style role, as users write it. */
export function newRole(name = "fn-role"): aws.iam.Role {
    return new aws.iam.Role(name, { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }) });
}

/** Source Region and a model with a profile, per geography. */
export const GEOGRAPHIES: { geo: bedrock.CrossRegionInferenceProfileRegion; region: string; model: bedrock.BedrockFoundationModel }[] = [
    { geo: G.US, region: "us-east-1", model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 },
    { geo: G.EU, region: "eu-west-1", model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 },
    { geo: G.APAC, region: "ap-southeast-1", model: M.ANTHROPIC_CLAUDE_SONNET_4_V1_0 },
    { geo: G.GLOBAL, region: "us-west-2", model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 },
    { geo: G.US_GOV, region: "us-gov-west-1", model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 },
    { geo: G.JP, region: "ap-northeast-1", model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 },
    { geo: G.AU, region: "ap-southeast-2", model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 },
    // Auckland: an au. source whose requests may also run in Auckland.
    { geo: G.AU, region: "ap-southeast-6", model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 },
    // No catalog model lists a ca. profile; Claude Opus 4.8 leaves ca open (accepted with a warning).
    { geo: G.CA, region: "ca-central-1", model: M.ANTHROPIC_CLAUDE_OPUS_4_8 },
    { geo: G.IN, region: "ap-south-1", model: M.META_LLAMA_4_MAVERICK_17B_INSTRUCT_V1 },
];

/** Regions where AWS's validator reports that `AWS::Bedrock::ApplicationInferenceProfile` does not exist (F3006). */
export const APP_PROFILE_UNAVAILABLE = ["us-gov-west-1", "us-gov-east-1", "ap-southeast-6"];

function sdk(): Record<string, any> {
    return bedrock as unknown as Record<string, any>;
}

/** The core programs: profiles of every kind in every geography, with both grants. */
export function corePrograms(): Program[] {
    const programs: Program[] = GEOGRAPHIES.map(({ geo, region, model }) => ({
        name: `cross-region and application profiles in ${geo.name}${region === "ap-southeast-6" ? " from Auckland" : ""}`,
        region,
        run() {
            const role = newRole();
            const component = new bedrock.CrossRegionInferenceProfile(`cris-${geo.prefix}`, { geoRegion: geo, model });
            const reference = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: geo, model });
            component.grantInvoke(role);
            component.grantProfileUsage(role);
            reference.grantProfileUsage("another-role");
            // AWS's validator lists no AWS::Bedrock::ApplicationInferenceProfile in the GovCloud Regions or Auckland.
            if (!APP_PROFILE_UNAVAILABLE.includes(region)) {
                const app = new bedrock.ApplicationInferenceProfile(`app-${geo.prefix}`, {
                    inferenceProfileName: `app ${geo.prefix} profile`,
                    modelSource: component,
                    description: `Tracks ${geo.name} usage: team.ml`,
                    tags: { team: "ml", "cost-center": "42", "aws-region": region },
                });
                app.grantInvoke(role);
                app.grantProfileUsage(role);
            }
        },
    }));
    programs.push({
        name: "application profiles from models, ARNs and imports",
        region: "us-east-1",
        run() {
            const role = newRole();
            const fromModel = new bedrock.ApplicationInferenceProfile("from-model", {
                inferenceProfileName: "a".repeat(64),
                modelSource: M.ANTHROPIC_CLAUDE_HAIKU_V1_0,
                description: "d".repeat(200),
                tags: [
                    { key: "k".repeat(128), value: "v".repeat(256) },
                    { key: "Name", value: "" },
                ],
            });
            const fromModelArn = new bedrock.ApplicationInferenceProfile("from-model-arn", {
                inferenceProfileName: "from_model-arn 1",
                modelSource: "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0",
            });
            const fromProfileArn = new bedrock.ApplicationInferenceProfile("from-profile-arn", {
                inferenceProfileName: "from profile arn",
                modelSource: "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20240620-v1:0",
            });
            const imported = bedrock.ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes({
                inferenceProfileArn: "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abcd1234wxyz",
                inferenceProfileIdentifier: "abcd1234wxyz",
            });
            for (const p of [fromModel, fromModelArn, fromProfileArn, imported]) {
                p.grantInvoke(role);
                p.grantProfileUsage(role);
            }
            M.AMAZON_NOVA_LITE_V1.grantInvoke(role);
            // A role given by ARN and by name.
            fromModel.grantInvoke("arn:aws:iam::123456789012:role/service-role/other-role");
            fromModel.grantProfileUsage("named-role");
        },
    });
    programs.push({
        name: "grants past the inline limit become managed policies",
        region: "us-east-1",
        run() {
            const role = newRole("busy-role");
            for (const { geo, model } of GEOGRAPHIES.filter((g) => g.geo.partition === "aws" && g.geo.acceptsSourceRegion("us-east-1"))) {
                // Enough models that the role's merged document passes IAM's inline limit (statements on the same
                // model share resource lists, so each model adds about one statement per geography).
                for (const m of [
                    model,
                    M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
                    M.ANTHROPIC_CLAUDE_3_5_HAIKU_V1_0,
                    M.AMAZON_NOVA_PRO_V1,
                    M.AMAZON_NOVA_LITE_V1,
                    M.AMAZON_NOVA_MICRO_V1,
                    M.ANTHROPIC_CLAUDE_3_7_SONNET_V1_0,
                    M.ANTHROPIC_CLAUDE_SONNET_4_V1_0,
                    M.ANTHROPIC_CLAUDE_OPUS_4_V1_0,
                    M.ANTHROPIC_CLAUDE_OPUS_4_1_V1_0,
                    M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0,
                    M.ANTHROPIC_CLAUDE_OPUS_4_5_V1_0,
                ]) {
                    if (!m.hasProfileIn(geo.prefix)) continue;
                    const p = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: geo, model: m });
                    p.grantInvoke(role);
                    p.grantProfileUsage(role);
                }
            }
            const app = new bedrock.ApplicationInferenceProfile("busy-app", {
                inferenceProfileName: "busy",
                modelSource: bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.GLOBAL, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 }),
            });
            app.grantInvoke(role);
        },
    });
    return programs;
}

/** Programs for routers, prompts and agents. */
export function extendedPrograms(): Program[] {
    const out: Program[] = [];
    const b = sdk();
    const inference = { temperature: 0.2, topP: 0.9, maxTokens: 512, stopSequences: ["\n\nHuman:"], topK: 250 };
    {
        out.push({
            name: "default and custom prompt routers with grants",
            region: "us-east-1",
            run() {
                const role = newRole();
                const router = b.PromptRouter.fromDefaultId(b.DefaultPromptRouterIdentifier.ANTHROPIC_CLAUDE_V1, "us-east-1");
                router.grantInvoke(role);
                const haiku = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_HAIKU_V1_0 });
                const sonnet = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
                const custom = new b.PromptRouter("custom-router", {
                    promptRouterName: "claude-router",
                    models: [haiku, sonnet],
                    fallbackModel: haiku,
                    responseQualityDifference: 25,
                    description: "Routes between Claude models",
                    tags: { team: "ml" },
                    inferenceConfiguration: { temperature: 0.5, maxTokens: 256 },
                });
                custom.grantInvoke(role);
            },
        });
    }
    {
        out.push({
            name: "prompt with text and chat variants on a model, a profile and a router, and a version",
            region: "us-east-1",
            run() {
                const role = newRole();
                const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
                const variants = [
                    b.PromptVariant.text({
                        variantName: "on-model",
                        promptText: "Summarize {{topic}}.",
                        model: M.ANTHROPIC_CLAUDE_HAIKU_V1_0,
                        promptVariables: ["topic"],
                        inferenceConfiguration: inference,
                    }),
                    b.PromptVariant.chat({
                        variantName: "chat_on_profile",
                        model: cris,
                        system: "You answer in one sentence.",
                        messages: [
                            { role: "user", text: "What is the capital of {{country}}?" },
                            { role: "assistant", text: "Paris." },
                        ],
                        promptVariables: ["country"],
                        toolConfiguration: {
                            tools: [
                                {
                                    name: "get_weather",
                                    description: "Weather for a city",
                                    inputSchema: { type: "object", properties: { cityName: { type: "string" } }, required: ["cityName"] },
                                },
                            ],
                            toolChoice: "auto",
                        },
                        inferenceConfiguration: { temperature: 0.7, anthropicVersion: "bedrock-2023-05-31" },
                    }),
                ];
                {
                    variants.push(
                        b.PromptVariant.text({
                            variantName: "variant1",
                            promptText: "What is the capital of France?",
                            model: b.PromptRouter.fromDefaultId(b.DefaultPromptRouterIdentifier.ANTHROPIC_CLAUDE_V1, "us-east-1"),
                        }),
                    );
                }
                const prompt = new b.Prompt("prompt", {
                    promptName: "prompt-router-test",
                    variants,
                    defaultVariant: variants[0],
                    description: "A prompt with three variants",
                    tags: { team: "ml" },
                });
                prompt.createVersion("first version");
                prompt.grantGet(role);
            },
        });
    }
    {
        out.push({
            name: "agent on a cross-region profile, with an action group, prompt override and alias",
            region: "us-east-1",
            run() {
                const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
                const agent = new b.Agent("agent", {
                    foundationModel: cris,
                    instruction: "You are a helpful and friendly agent that answers questions about agriculture.",
                    description: "Agriculture assistant",
                    idleSessionTTL: 900,
                    userInputEnabled: true,
                    codeInterpreterEnabled: true,
                    tags: { team: "ml" },
                    actionGroups: [
                        {
                            name: "weather",
                            description: "Weather lookups",
                            executor: b.ActionGroupExecutor.RETURN_CONTROL,
                            functionSchema: {
                                functions: [
                                    {
                                        name: "get_weather",
                                        description: "Weather for a city",
                                        parameters: { cityName: { type: "string", required: true, description: "The city" } },
                                    },
                                ],
                            },
                        },
                    ],
                    promptOverrideConfiguration: {
                        steps: [
                            {
                                stepType: "ORCHESTRATION",
                                stepEnabled: true,
                                customPromptTemplate: "You are an agriculture assistant. Answer: $question$",
                                inferenceConfig: { temperature: 0, maxTokens: 2048, topK: 250 },
                            },
                        ],
                    },
                });
                agent.addAlias("live", {});
            },
        });
    }
    {
        out.push({
            name: "agent harness on a cross-region profile, with every tool kind, AgentCore memory, an endpoint and a caller grant",
            region: "us-east-1",
            run() {
                const cris = bedrock.CrossRegionInferenceProfile.fromConfig({
                    geoRegion: G.US,
                    model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
                    inferenceConfiguration: { temperature: 0.3, maxTokens: 2048 },
                });
                const harness = new b.AgentHarness("harness", {
                    model: cris,
                    instruction: "You are a helpful and friendly agent that answers questions about agriculture.",
                    tools: [
                        b.HarnessTool.inlineFunction({
                            name: "get_weather",
                            description: "Weather for a city",
                            inputSchema: { type: "object", properties: { cityName: { type: "string" } }, required: ["cityName"] },
                        }),
                        b.HarnessTool.gateway({ name: "gw", gatewayArn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/weather-gw-abcdefghij" }),
                        b.HarnessTool.codeInterpreter({ name: "python" }),
                        b.HarnessTool.browser({ name: "web" }),
                        b.HarnessTool.remoteMcp({ name: "soil", url: "https://mcp.example.com/soil" }),
                    ],
                    memory: b.HarnessMemory.agentCore({ memoryArn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/farm_memory-abcdefghij" }),
                    truncation: { strategy: "sliding_window", messagesCount: 40 },
                    maxIterations: 10,
                    tags: { team: "ml" },
                });
                harness.addEndpoint("live");
                harness.grantInvoke(newRole());
            },
        });
    }
    {
        out.push({
            name: "standard-tier guardrail on the US guardrail profile: every policy, a version, apply, invoke and enforced grants, an agent, an alarm and a dashboard",
            region: "us-east-1",
            run() {
                const guardrail = new b.Guardrail("guardrail", {
                    guardrailName: "support_guardrail-1",
                    description: "d".repeat(200),
                    blockedInputMessaging: "i".repeat(500),
                    blockedOutputsMessaging: "Sorry.",
                    contentFilters: [
                        { type: "HATE", inputStrength: "HIGH", outputStrength: "HIGH", inputModalities: ["TEXT", "IMAGE"], outputModalities: ["TEXT"] },
                        { type: "PROMPT_ATTACK", inputStrength: "HIGH", outputStrength: "NONE", inputAction: "BLOCK", outputEnabled: false },
                    ],
                    deniedTopics: [
                        b.Topic.FINANCIAL_ADVICE,
                        b.Topic.LEGAL_ADVICE,
                        { name: "Long topic", definition: "x".repeat(1000), examples: ["e".repeat(100)], inputAction: "NONE" },
                    ],
                    wordFilters: ["codename", { text: "w".repeat(100), outputAction: "NONE" }],
                    managedWordListFilters: [{ type: "PROFANITY", inputEnabled: true }],
                    piiFilters: [
                        { type: "EMAIL", action: "ANONYMIZE" },
                        { type: "US_SOCIAL_SECURITY_NUMBER", action: "BLOCK", outputAction: "ANONYMIZE" },
                    ],
                    regexFilters: [{ name: "order", description: "Order numbers", pattern: "ORD-[0-9]{8}", action: "ANONYMIZE" }],
                    contextualGroundingFilters: [
                        { type: "GROUNDING", threshold: 0.99 },
                        { type: "RELEVANCE", threshold: 0, action: "NONE", enabled: true },
                    ],
                    tier: "STANDARD",
                    crossRegion: b.GuardrailProfileRegion.US,
                    kmsKey: "arn:aws:kms:us-east-1:123456789012:key/abcdabcd-12ab-34cd-56ef-1234567890ab",
                    tags: { team: "ml" },
                });
                const version = guardrail.createVersion("c".repeat(173));
                const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
                const role = newRole();
                guardrail.grantApply(role);
                cris.grantInvoke(role, { guardrail: version, enforce: true });
                M.AMAZON_NOVA_LITE_V1.grantInvoke(newRole("model-role"), { guardrail });
                new b.Agent("guarded-agent", {
                    foundationModel: cris,
                    instruction: "You are a helpful and friendly agent that answers questions about agriculture.",
                    guardrail: version,
                });
                version.addAlarm("intervened", { metric: "InvocationsIntervened", threshold: 10 });
                guardrail.addAlarm("latency", { metric: guardrail.metric("InvocationLatency", { statistic: "p99" }), threshold: 500 });
                new b.UsageDashboard("usage", { profiles: [cris], guardrails: [guardrail, version] });
            },
        });
    }
    for (const { geo, region } of [
        { geo: "US", region: "us-west-1" },
        { geo: "EU", region: "il-central-1" },
        { geo: "UK", region: "eu-west-2" },
        { geo: "AU", region: "ap-southeast-2" },
        { geo: "CA", region: "ca-central-1" },
        { geo: "APAC", region: "ap-southeast-4" },
        { geo: "US_GOV", region: "us-gov-west-1" },
    ]) {
        out.push({
            name: `guardrail on the ${geo} guardrail profile from ${region}, with its apply grant`,
            region,
            run() {
                const guardrail = new b.Guardrail(`guardrail-${geo.toLowerCase()}`, {
                    contentFilters: [{ type: "INSULTS", inputStrength: "MEDIUM", outputStrength: "MEDIUM" }],
                    tier: "STANDARD",
                    crossRegion: b.GuardrailProfileRegion[geo],
                });
                guardrail.grantApply(newRole());
            },
        });
    }
    out.push({
        name: "guardrail on the US guardrail profile with the Region known only at deploy (every Region of the profile granted)",
        region: "us-east-2",
        noRegionConfig: true,
        run() {
            const guardrail = new b.Guardrail("guardrail-unplaced", {
                piiFilters: [{ type: "NAME", action: "ANONYMIZE" }],
                crossRegion: b.GuardrailProfileRegion.US,
            });
            guardrail.grantApply(newRole());
            b.Guardrail.fromGuardrailAttributes({
                guardrailArn: "arn:aws:bedrock:us-west-1:123456789012:guardrail/abcdefgh1234",
                guardrailVersion: "3",
                crossRegion: b.GuardrailProfileRegion.US,
            }).grantApply(newRole("importer-role"));
        },
    });
    return out;
}

/** Every program: core and extended. */
export function allPrograms(): Program[] {
    return [...corePrograms(), ...extendedPrograms()];
}

/** Stack config for a program. */
export function configFor(p: Program): Record<string, string> {
    return p.noRegionConfig ? {} : { "aws-native:region": p.region, "aws:region": p.region };
}
