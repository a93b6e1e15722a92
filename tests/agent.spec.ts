import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { setBedrockMocks, resolveOutput, settle, policiesForRole, runProgram, type MockRecorder } from "../components/testing/testing";
import * as bedrock from "../sdk/nodejs";
import { contentHash } from "../components/core/content-hash";
import { decisions } from "./support/iam-eval";
import { captureLogs, type LogCapture } from "./support/logs";
import { INVOKE } from "./support/grants";
import { throwsExactly } from "./support/errors";

const ACCOUNT = "123456789012";
const REGION = "us-east-1";
const GET_PROFILE = "bedrock:GetInferenceProfile";
const M = bedrock.BedrockFoundationModel;
const G = bedrock.CrossRegionInferenceProfileRegion;
const SONNET_35_V2 = "anthropic.claude-3-5-sonnet-20241022-v2:0";
const INSTRUCTION = "You are a helpful and friendly agent that answers questions about agriculture.";
const CRIS_ARN = `arn:aws:bedrock:${REGION}:${ACCOUNT}:inference-profile/us.${SONNET_35_V2}`;

const fm = (region: string, id: string) => `arn:aws:bedrock:${region}::foundation-model/${id}`;
const usModelArns = (id: string) => [...new Set([REGION, ...G.US.destinationRegions])].sort().map((r) => fm(r, id));

/** Installs the mocks (Lambda functions get ARNs) and records each registration's dependencies. */
function mocks(): { rec: MockRecorder; deps: Map<string, string[]>; urns: Map<string, string> } {
    const rec = setBedrockMocks({
        region: REGION,
        accountId: ACCOUNT,
        newResource: (a) => (a.type === "aws:lambda/function:Function" ? { arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${a.name}` } : undefined),
    });
    const deps = new Map<string, string[]>();
    const urns = new Map<string, string>();
    const monitor = pulumi.runtime.getMonitor() as any;
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: any, cb: any) => {
        const key = `${req.getType()}::${req.getName()}`;
        deps.set(key, req.getDependenciesList());
        return register(req, (err: unknown, res: any) => {
            if (res) urns.set(key, res.getUrn());
            cb(err, res);
        });
    };
    return { rec, deps, urns };
}

const cris = () => bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });

async function agentPolicies(rec: MockRecorder, agent: bedrock.Agent) {
    await settle();
    const roleArn = (await resolveOutput(agent.roleArn)) as string;
    return policiesForRole(rec, roleArn.split("/").pop() as string).map((p) => ({ name: p.name, doc: JSON.parse(p.json) }));
}

type Doc = { name: string; doc: { Version: string; Statement: unknown[] } };
const byJson = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0);
/** Compares policies by name and statement set (statement order is the policy module's concern). */
function expectPolicies(actual: Doc[], expected: Doc[]) {
    const norm = (ps: Doc[]) => ps.map((p) => ({ name: p.name, doc: { ...p.doc, Statement: [...p.doc.Statement].sort(byJson) } }));
    expect(norm(actual)).to.deep.equal(norm(expected));
}

function fn(name: string) {
    return new aws.lambda.Function(name, {
        role: "arn:aws:iam::123456789012:role/fn",
        runtime: "python3.12",
        handler: "index.handler",
        code: new pulumi.asset.AssetArchive({}),
    });
}

describe("Agent", () => {
    let rec: MockRecorder;
    let deps: Map<string, string[]>;
    let urns: Map<string, string>;
    beforeEach(() => {
        ({ rec, deps, urns } = mocks());
    });

    it("on a US cross-region profile: the exact agent inputs, trust policy and role policies", async () => {
        const agent = new bedrock.Agent("agri agent", { foundationModel: cris(), instruction: INSTRUCTION });
        const policies = await agentPolicies(rec, agent);
        const a = rec.find("aws-native:bedrock:Agent", "agri agent");
        const role = rec.find("aws:iam/role:Role", "agri agent-role");
        expect(a.inputs).to.deep.equal({
            agentName: "agri-agent",
            agentResourceRoleArn: role.state.arn,
            foundationModel: CRIS_ARN,
            instruction: INSTRUCTION,
            idleSessionTtlInSeconds: 600,
            autoPrepare: true,
            skipResourceInUseCheckOnDelete: false,
            actionGroups: [
                { actionGroupName: "UserInputAction", parentActionGroupSignature: "AMAZON.UserInput", actionGroupState: "DISABLED" },
                { actionGroupName: "CodeInterpreterAction", parentActionGroupSignature: "AMAZON.CodeInterpreter", actionGroupState: "DISABLED" },
            ],
        });
        expect(role.inputs.namePrefix).to.equal("AmazonBedrockExecutionRoleForAgents_");
        expect(JSON.parse(role.inputs.assumeRolePolicy)).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Service: "bedrock.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: {
                        StringEquals: { "aws:SourceAccount": ACCOUNT },
                        ArnLike: { "aws:SourceArn": `arn:aws:bedrock:${REGION}:${ACCOUNT}:agent/*` },
                    },
                },
            ],
        });
        // The agent's own reads and its invoke grant, merged into the role's one inline policy.
        expectPolicies(policies, [
            {
                name: "agri agent-role-bedrock",
                doc: {
                    Version: "2012-10-17",
                    Statement: [
                        { Effect: "Allow", Action: "bedrock:GetFoundationModel", Resource: usModelArns(SONNET_35_V2) },
                        { Effect: "Allow", Action: [GET_PROFILE, ...INVOKE], Resource: CRIS_ARN },
                        {
                            Effect: "Allow",
                            Action: INVOKE,
                            Resource: usModelArns(SONNET_35_V2),
                            Condition: { ArnLike: { "bedrock:InferenceProfileArn": CRIS_ARN } },
                        },
                    ],
                },
            },
        ]);
        expect(await resolveOutput(agent.agentArn)).to.equal(`arn:aws:bedrock:${REGION}:${ACCOUNT}:agent/${a.state.agentId}`);
        expect(await resolveOutput(agent.agentVersion)).to.equal("DRAFT");
        expect(agent.role).to.not.equal(undefined);
    });

    it("registers the agent only after its role policies (dependsOn)", async () => {
        const agent = new bedrock.Agent("dep", { foundationModel: cris(), instruction: INSTRUCTION, guardrail: { guardrailIdentifier: "abcdefgh1234" } });
        await settle();
        // The model grant and the agent's own reads (the guardrail) share the role's one inline policy.
        const rolePolicies = (await resolveOutput(agent.rolePolicies)) as pulumi.Resource[];
        expect(rolePolicies.map((p) => [p instanceof aws.iam.RolePolicy, (p as unknown as { __name: string }).__name])).to.deep.equal([
            [true, "dep-role-bedrock"],
        ]);
        const policyKeys = rolePolicies.map((p) => `aws:iam/rolePolicy:RolePolicy::${(p as unknown as { __name: string }).__name}`);
        const agentDeps = deps.get("aws-native:bedrock:Agent::dep") as string[];
        for (const k of policyKeys) {
            expect(urns.get(k), k).to.be.a("string");
            expect(agentDeps).to.include(urns.get(k));
        }
        const order = rec.resources.map((r) => `${r.type}::${r.name}`);
        for (const k of policyKeys) expect(order.indexOf(k)).to.be.lessThan(order.indexOf("aws-native:bedrock:Agent::dep"));
    });

    it("on a foundation model: the model id as foundationModel and invoke on the model only", async () => {
        const agent = new bedrock.Agent("fm", { foundationModel: M.AMAZON_NOVA_PRO_V1, instruction: INSTRUCTION });
        const policies = await agentPolicies(rec, agent);
        expect(rec.find("aws-native:bedrock:Agent", "fm").inputs.foundationModel).to.equal("amazon.nova-pro-v1:0");
        expectPolicies(policies, [
            {
                name: "fm-role-bedrock",
                doc: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: INVOKE, Resource: fm(REGION, "amazon.nova-pro-v1:0") }] },
            },
        ]);
    });

    it("on an application profile over a US cross-region profile", async () => {
        const app = new bedrock.ApplicationInferenceProfile("app", { inferenceProfileName: "app", modelSource: cris() });
        const agent = new bedrock.Agent("onapp", { foundationModel: app, instruction: INSTRUCTION });
        const policies = await agentPolicies(rec, agent);
        const appArn = rec.find("aws-native:bedrock:ApplicationInferenceProfile", "app").state.inferenceProfileArn as string;
        expect(rec.find("aws-native:bedrock:Agent", "onapp").inputs.foundationModel).to.equal(appArn);
        expectPolicies(policies, [
            {
                name: "onapp-role-bedrock",
                doc: {
                    Version: "2012-10-17",
                    Statement: [
                        { Effect: "Allow", Action: "bedrock:GetFoundationModel", Resource: usModelArns(SONNET_35_V2) },
                        { Effect: "Allow", Action: [GET_PROFILE, ...INVOKE], Resource: [appArn, CRIS_ARN] },
                        {
                            Effect: "Allow",
                            Action: INVOKE,
                            Resource: usModelArns(SONNET_35_V2),
                            Condition: {
                                ArnLike: { "bedrock:InferenceProfileArn": [`arn:aws:bedrock:${REGION}:${ACCOUNT}:application-inference-profile/*`, CRIS_ARN] },
                            },
                        },
                    ],
                },
            },
        ]);
    });

    it("on an imported application profile whose source is unknown", async () => {
        const arn = `arn:aws:bedrock:${REGION}:${ACCOUNT}:application-inference-profile/abcd1234wxyz`;
        const imported = bedrock.ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes({
            inferenceProfileArn: arn,
            inferenceProfileIdentifier: arn,
        });
        const agent = new bedrock.Agent("onimport", { foundationModel: imported, instruction: INSTRUCTION });
        const policies = await agentPolicies(rec, agent);
        expect(rec.find("aws-native:bedrock:Agent", "onimport").inputs.foundationModel).to.equal(arn);
        expectPolicies(policies, [
            {
                name: "onimport-role-bedrock",
                doc: {
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Action: INVOKE,
                            Resource: "arn:aws:bedrock:*::foundation-model/*",
                            Condition: { ArnLike: { "bedrock:InferenceProfileArn": arn } },
                        },
                        { Effect: "Allow", Action: [GET_PROFILE, ...INVOKE], Resource: arn },
                    ],
                },
            },
        ]);
    });

    it("on a global cross-region profile: GetFoundationModel on the source-Region model only (not the Region-less ARN)", async () => {
        const id = "anthropic.claude-sonnet-4-5-20250929-v1:0";
        const global = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.GLOBAL, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
        const profileArn = `arn:aws:bedrock:${REGION}:${ACCOUNT}:inference-profile/global.${id}`;
        const agent = new bedrock.Agent("onglobal", { foundationModel: global, instruction: INSTRUCTION });
        const policies = await agentPolicies(rec, agent);
        expect(rec.find("aws-native:bedrock:Agent", "onglobal").inputs.foundationModel).to.equal(profileArn);
        // GetFoundationModel on the source-Region model only; invoke also reaches the Region-less ARN.
        expectPolicies(policies, [
            {
                name: "onglobal-role-bedrock",
                doc: {
                    Version: "2012-10-17",
                    Statement: [
                        { Effect: "Allow", Action: "bedrock:GetFoundationModel", Resource: fm(REGION, id) },
                        { Effect: "Allow", Action: [GET_PROFILE, ...INVOKE], Resource: profileArn },
                        {
                            Effect: "Allow",
                            Action: INVOKE,
                            Resource: `arn:aws:bedrock:::foundation-model/${id}`,
                            Condition: {
                                ArnLike: { "bedrock:InferenceProfileArn": profileArn },
                                StringEquals: { "aws:RequestedRegion": "unspecified" },
                            },
                        },
                        { Effect: "Allow", Action: INVOKE, Resource: fm(REGION, id), Condition: { ArnLike: { "bedrock:InferenceProfileArn": profileArn } } },
                    ],
                },
            },
        ]);
    });

    it("with an existing role: creates no role and still attaches the grants", async () => {
        const agent = new bedrock.Agent("ex", { foundationModel: M.AMAZON_NOVA_PRO_V1, instruction: INSTRUCTION, existingRole: "my-agent-role" });
        await settle();
        expect(rec.byType("aws:iam/role:Role")).to.deep.equal([]);
        expect(agent.role).to.equal(undefined);
        expect(await resolveOutput(agent.roleArn)).to.equal(`arn:aws:iam::${ACCOUNT}:role/my-agent-role`);
        expect(rec.find("aws-native:bedrock:Agent", "ex").inputs.agentResourceRoleArn).to.equal(`arn:aws:iam::${ACCOUNT}:role/my-agent-role`);
        expect(policiesForRole(rec, "my-agent-role").map((p) => p.name)).to.deep.equal(["my-agent-role-bedrock"]);

        const given = new aws.iam.Role("given", { assumeRolePolicy: "{}" });
        const withRole = new bedrock.Agent("ex2", { foundationModel: cris(), instruction: INSTRUCTION, existingRole: given });
        const policies = await agentPolicies(rec, withRole);
        expect(withRole.role).to.equal(given);
        expect(policies.map((p) => p.name)).to.deep.equal(["given-bedrock"]);
        const arnRole = new bedrock.Agent("ex3", {
            foundationModel: M.AMAZON_NOVA_PRO_V1,
            instruction: INSTRUCTION,
            existingRole: "arn:aws:iam::123456789012:role/svc/other",
        });
        expect(await resolveOutput(arnRole.roleArn)).to.equal("arn:aws:iam::123456789012:role/svc/other");
        await settle();
        expect(policiesForRole(rec, "other").map((p) => p.name)).to.deep.equal(["other-bedrock"]);
    });

    it("a role under a path keeps its path: given as its ARN or as its aws.iam.Role, the agent names the role that exists", async () => {
        const byArn = new bedrock.Agent("by-arn", {
            foundationModel: M.AMAZON_NOVA_PRO_V1,
            instruction: INSTRUCTION,
            existingRole: "arn:aws:iam::123456789012:role/service/agent-path-role",
        });
        const pathRole = new aws.iam.Role("path-role", { name: "agent-path-role-2", path: "/service/", assumeRolePolicy: "{}" });
        const byResource = new bedrock.Agent("by-resource", { foundationModel: M.AMAZON_NOVA_PRO_V1, instruction: INSTRUCTION, existingRole: pathRole });
        await settle();
        expect(rec.find("aws-native:bedrock:Agent", "by-arn").inputs.agentResourceRoleArn).to.equal("arn:aws:iam::123456789012:role/service/agent-path-role");
        expect(await resolveOutput(byArn.roleArn)).to.equal("arn:aws:iam::123456789012:role/service/agent-path-role");
        expect(rec.find("aws-native:bedrock:Agent", "by-resource").inputs.agentResourceRoleArn).to.equal(
            "arn:aws:iam::123456789012:role/service/agent-path-role-2",
        );
        expect(await resolveOutput(byResource.roleArn)).to.equal("arn:aws:iam::123456789012:role/service/agent-path-role-2");
        // The policies attach to the role by its name (IAM's PutRolePolicy takes the name, not the path).
        expect(policiesForRole(rec, "agent-path-role").map((p) => p.name)).to.deep.equal(["agent-path-role-bedrock"]);
        expect(rec.find("aws:iam/rolePolicy:RolePolicy", "agent-path-role-bedrock").inputs.role).to.equal("agent-path-role");
        expect(policiesForRole(rec, "agent-path-role-2").map((p) => p.name)).to.deep.equal(["path-role-bedrock"]);
    });

    it("a role under a path, inside a root stack (as deployed): given by ARN while the program also declares it, the agent names the declared role's ARN", async () => {
        await runProgram(() => {
            const role = new aws.iam.Role("declared", { name: "agent-path-role", path: "/service/", assumeRolePolicy: "{}" });
            new bedrock.Agent("in-stack", {
                foundationModel: M.AMAZON_NOVA_PRO_V1,
                instruction: INSTRUCTION,
                existingRole: "arn:aws:iam::123456789012:role/service/agent-path-role",
            });
            return { role };
        });
        expect(rec.find("aws-native:bedrock:Agent", "in-stack").inputs.agentResourceRoleArn).to.equal("arn:aws:iam::123456789012:role/service/agent-path-role");
        // One role: its policies are the declared resource's children.
        expect(rec.byType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name)).to.deep.equal(["declared-bedrock"]);
    });

    it("refuses a model that does not generate text (an embeddings model), directly or through an application profile, naming it and what it is for", () => {
        throwsExactly(
            () => new bedrock.Agent("embed", { foundationModel: M.TITAN_EMBED_TEXT_V2_1024, instruction: INSTRUCTION }),
            'Agent "embed": foundationModel "amazon.titan-embed-text-v2:0" is amazon.titan-embed-text-v2:0, an embeddings model: it turns text or images into vectors (for a knowledge base\'s embeddings), not a text-generation model: a Bedrock agent converses with its model, which must generate text (https://docs.aws.amazon.com/bedrock/latest/userguide/model-card-amazon-titan-text-embeddings-v2.html)',
        );
        const app = new bedrock.ApplicationInferenceProfile("embeddings", { inferenceProfileName: "embeddings", modelSource: M.COHERE_EMBED_V4 });
        throwsExactly(
            () => new bedrock.Agent("embed2", { foundationModel: app, instruction: INSTRUCTION }),
            'Agent "embed2": foundationModel "<profile of cohere.embed-v4:0>" is cohere.embed-v4:0, an embeddings model: it turns text or images into vectors (for a knowledge base\'s embeddings), not a text-generation model: a Bedrock agent converses with its model, which must generate text (https://docs.aws.amazon.com/bedrock/latest/userguide/model-card-cohere-embed-v4.html)',
        );
        // A model the catalog does not know is accepted (its output is not known).
        expect(() => new bedrock.Agent("unknown", { foundationModel: new M("acme.new-model-v1"), instruction: INSTRUCTION })).to.not.throw();
    });

    it("action groups: a Lambda executor with its permission, schemas, built-ins enabled on request", async () => {
        const handler = fn("handler");
        const agent = new bedrock.Agent("ag", {
            foundationModel: cris(),
            instruction: INSTRUCTION,
            userInputEnabled: true,
            actionGroups: [
                new bedrock.AgentActionGroup({
                    name: "weather",
                    description: "Weather lookups",
                    executor: bedrock.ActionGroupExecutor.fromLambda(handler),
                    functionSchema: {
                        functions: [
                            {
                                name: "get_weather",
                                description: "Weather for a field",
                                parameters: { field: { type: "string", required: true } },
                                requireConfirmation: false,
                            },
                        ],
                    },
                }),
                {
                    name: "api",
                    executor: bedrock.ActionGroupExecutor.fromLambda(handler),
                    apiSchema: bedrock.ApiSchema.fromS3File("my-schemas", "api/openapi.json"),
                    enabled: false,
                },
                { name: "ask", executor: bedrock.ActionGroupExecutor.RETURN_CONTROL, apiSchema: bedrock.ApiSchema.fromInline("openapi: 3.0.0") },
            ],
        });
        const policies = await agentPolicies(rec, agent);
        const fnArn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:handler`;
        const a = rec.find("aws-native:bedrock:Agent", "ag");
        expect(a.inputs.actionGroups).to.deep.equal([
            { actionGroupName: "UserInputAction", parentActionGroupSignature: "AMAZON.UserInput", actionGroupState: "ENABLED" },
            { actionGroupName: "CodeInterpreterAction", parentActionGroupSignature: "AMAZON.CodeInterpreter", actionGroupState: "DISABLED" },
            {
                actionGroupName: "weather",
                description: "Weather lookups",
                actionGroupExecutor: { lambda: fnArn },
                functionSchema: {
                    functions: [
                        {
                            name: "get_weather",
                            description: "Weather for a field",
                            parameters: { field: { type: "string", required: true } },
                            requireConfirmation: "DISABLED",
                        },
                    ],
                },
                actionGroupState: "ENABLED",
            },
            {
                actionGroupName: "api",
                actionGroupExecutor: { lambda: fnArn },
                apiSchema: { s3: { s3BucketName: "my-schemas", s3ObjectKey: "api/openapi.json" } },
                actionGroupState: "DISABLED",
            },
            {
                actionGroupName: "ask",
                actionGroupExecutor: { customControl: "RETURN_CONTROL" },
                apiSchema: { payload: "openapi: 3.0.0" },
                actionGroupState: "ENABLED",
            },
        ]);
        const perms = rec.byType("aws:lambda/permission:Permission");
        expect(perms.map((p) => p.name)).to.deep.equal(["ag-lambda-0-permission"]);
        expect(perms[0].inputs).to.deep.equal({
            action: "lambda:InvokeFunction",
            function: fnArn,
            principal: "bedrock.amazonaws.com",
            sourceArn: a.state.agentArn,
            sourceAccount: ACCOUNT,
        });
        // The schema read joins the model grant and the agent's reads in the role's one document.
        expectPolicies(policies, [
            {
                name: "ag-role-bedrock",
                doc: {
                    Version: "2012-10-17",
                    Statement: [
                        { Effect: "Allow", Action: "bedrock:GetFoundationModel", Resource: usModelArns(SONNET_35_V2) },
                        { Effect: "Allow", Action: [GET_PROFILE, ...INVOKE], Resource: CRIS_ARN },
                        {
                            Effect: "Allow",
                            Action: INVOKE,
                            Resource: usModelArns(SONNET_35_V2),
                            Condition: { ArnLike: { "bedrock:InferenceProfileArn": CRIS_ARN } },
                        },
                        {
                            Effect: "Allow",
                            Action: "s3:GetObject",
                            Resource: "arn:aws:s3:::my-schemas/api/openapi.json",
                            Condition: { StringEquals: { "aws:ResourceAccount": ACCOUNT } },
                        },
                    ],
                },
            },
        ]);
    });

    it("guardrail, memory, knowledge bases and collaborators render and are granted", async () => {
        const sub = new bedrock.Agent("sub", { foundationModel: M.AMAZON_NOVA_PRO_V1, instruction: INSTRUCTION });
        const subAlias = sub.addAlias("live", { agentVersion: "1" });
        const external = `arn:aws:bedrock:${REGION}:${ACCOUNT}:agent-alias/ABCDEFGHIJ/KLMNOPQRST`;
        const agent = new bedrock.Agent("sup", {
            foundationModel: M.AMAZON_NOVA_PRO_V1,
            instruction: INSTRUCTION,
            guardrail: { guardrailIdentifier: "abcdefgh1234", guardrailVersion: "3" },
            memory: bedrock.Memory.sessionSummary({ memoryDurationDays: 7, maxRecentSessions: 5 }),
            knowledgeBases: [{ knowledgeBaseId: "KB12345678", description: "Crop data" }],
            agentCollaboration: "SUPERVISOR",
            agentCollaborators: [
                { agentAlias: subAlias, collaboratorName: "sub", collaborationInstruction: "Ask sub about soil.", relayConversationHistory: true },
                { agentAlias: external, collaboratorName: "ext", collaborationInstruction: "Ask ext about weather." },
            ],
        });
        const policies = await agentPolicies(rec, agent);
        const aliasArn = rec.find("aws-native:bedrock:AgentAlias", "sub-live").state.agentAliasArn as string;
        const a = rec.find("aws-native:bedrock:Agent", "sup").inputs;
        expect(a.guardrailConfiguration).to.deep.equal({ guardrailIdentifier: "abcdefgh1234", guardrailVersion: "3" });
        expect(a.memoryConfiguration).to.deep.equal({
            enabledMemoryTypes: ["SESSION_SUMMARY"],
            storageDays: 7,
            sessionSummaryConfiguration: { maxRecentSessions: 5 },
        });
        expect(a.knowledgeBases).to.deep.equal([{ knowledgeBaseId: "KB12345678", description: "Crop data", knowledgeBaseState: "ENABLED" }]);
        expect(a.agentCollaboration).to.equal("SUPERVISOR");
        expect(a.agentCollaborators).to.deep.equal([
            {
                collaboratorName: "sub",
                collaborationInstruction: "Ask sub about soil.",
                agentDescriptor: { aliasArn },
                relayConversationHistory: "TO_COLLABORATOR",
            },
            { collaboratorName: "ext", collaborationInstruction: "Ask ext about weather.", agentDescriptor: { aliasArn: external } },
        ]);
        // The agent's reads and its model grant: the role's one document, statements sorted.
        expect(policies).to.deep.equal([
            {
                name: "sup-role-bedrock",
                doc: {
                    Version: "2012-10-17",
                    Statement: [
                        { Effect: "Allow", Action: "bedrock:ApplyGuardrail", Resource: `arn:aws:bedrock:${REGION}:${ACCOUNT}:guardrail/abcdefgh1234` },
                        { Effect: "Allow", Action: ["bedrock:GetAgentAlias", "bedrock:InvokeAgent"], Resource: [aliasArn, external].sort() },
                        { Effect: "Allow", Action: INVOKE, Resource: fm(REGION, "amazon.nova-pro-v1:0") },
                        // `bedrock:Retrieve` only, as AWS's agent service role has it (agents-permissions.html): no RetrieveAndGenerate.
                        { Effect: "Allow", Action: "bedrock:Retrieve", Resource: `arn:aws:bedrock:${REGION}:${ACCOUNT}:knowledge-base/KB12345678` },
                    ],
                },
            },
        ]);
    });

    it("prompt override: inference settings mapped, the profile's settings inherited by orchestration, a parser with its permission", async () => {
        const base = cris();
        const profile = Object.assign(Object.create(base), { inferenceConfiguration: { temperature: 0.2, maxTokens: 2048, topK: 50 } }) as bedrock.IInvokable;
        const parser = fn("parser");
        new bedrock.Agent("po", {
            foundationModel: profile,
            instruction: INSTRUCTION,
            promptOverrideConfiguration: {
                parser,
                steps: [
                    { stepType: "PRE_PROCESSING", stepEnabled: false },
                    {
                        stepType: "ORCHESTRATION",
                        customPromptTemplate: "Orchestrate: $question$",
                        inferenceConfig: { temperature: 0.7, topP: 0.9, stopSequences: ["</answer>"], anthropicVersion: "bedrock-2023-05-31" },
                        useCustomParser: true,
                    },
                    { stepType: "POST_PROCESSING", customPromptTemplate: "Summarize: $question$", additionalModelRequestFields: { x: 1 } },
                ],
            },
        });
        await settle();
        const a = rec.find("aws-native:bedrock:Agent", "po").inputs;
        expect(a.promptOverrideConfiguration).to.deep.equal({
            overrideLambda: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:parser`,
            promptConfigurations: [
                { promptType: "PRE_PROCESSING", promptCreationMode: "DEFAULT", parserMode: "DEFAULT", promptState: "DISABLED" },
                {
                    promptType: "ORCHESTRATION",
                    promptCreationMode: "OVERRIDDEN",
                    parserMode: "OVERRIDDEN",
                    basePromptTemplate: "Orchestrate: $question$",
                    inferenceConfiguration: { temperature: 0.7, topP: 0.9, topK: 50, maximumLength: 2048, stopSequences: ["</answer>"] },
                    additionalModelRequestFields: { anthropic_version: "bedrock-2023-05-31" },
                },
                {
                    promptType: "POST_PROCESSING",
                    promptCreationMode: "OVERRIDDEN",
                    parserMode: "DEFAULT",
                    basePromptTemplate: "Summarize: $question$",
                    additionalModelRequestFields: { x: 1 },
                },
            ],
        });
        expect(rec.byType("aws:lambda/permission:Permission").map((p) => [p.name, p.inputs.function])).to.deep.equal([
            ["po-parser-lambda-permission", `arn:aws:lambda:${REGION}:${ACCOUNT}:function:parser`],
        ]);
    });

    it("a prompt step's foundationModel: rendered in its step, and the service role may invoke it (and only it) besides the agent's model", async () => {
        const agent = new bedrock.Agent("steps", {
            foundationModel: M.ANTHROPIC_CLAUDE_HAIKU_V1_0,
            instruction: INSTRUCTION,
            promptOverrideConfiguration: {
                steps: [
                    { stepType: "PRE_PROCESSING", customPromptTemplate: "Classify: $question$", foundationModel: M.AMAZON_NOVA_LITE_V1 },
                    { stepType: "POST_PROCESSING", customPromptTemplate: "Summarize: $question$", foundationModel: cris() },
                ],
            },
        });
        await settle();
        const sonnetProfile = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0";
        expect(rec.find("aws-native:bedrock:Agent", "steps").inputs.promptOverrideConfiguration).to.deep.equal({
            promptConfigurations: [
                {
                    promptType: "PRE_PROCESSING",
                    promptCreationMode: "OVERRIDDEN",
                    parserMode: "DEFAULT",
                    basePromptTemplate: "Classify: $question$",
                    foundationModel: "amazon.nova-lite-v1:0",
                },
                {
                    promptType: "POST_PROCESSING",
                    promptCreationMode: "OVERRIDDEN",
                    parserMode: "DEFAULT",
                    basePromptTemplate: "Summarize: $question$",
                    foundationModel: sonnetProfile,
                },
            ],
        });
        const role = ((await resolveOutput(agent.roleArn)) as string).split("/").pop() as string;
        const sonnetModels = [
            "arn:aws:bedrock:ca-central-1::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0",
            "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0",
            "arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0",
            "arn:aws:bedrock:us-west-1::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0",
            "arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0",
        ];
        expect(policiesForRole(rec, role).map((p) => [p.name, p.kind, JSON.parse(p.json)])).to.deep.equal([
            [
                "steps-role-bedrock",
                "inline",
                {
                    Version: "2012-10-17",
                    Statement: [
                        { Effect: "Allow", Action: "bedrock:GetFoundationModel", Resource: sonnetModels },
                        {
                            Effect: "Allow",
                            Action: ["bedrock:GetInferenceProfile", "bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                            Resource: sonnetProfile,
                        },
                        {
                            Effect: "Allow",
                            Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                            Resource: sonnetModels,
                            Condition: { ArnLike: { "bedrock:InferenceProfileArn": sonnetProfile } },
                        },
                        {
                            Effect: "Allow",
                            Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                            Resource: [
                                "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0",
                                "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
                            ],
                        },
                    ],
                },
            ],
        ]);
        // A model no step names is denied, and so is the step profile's model called directly.
        expect(
            await decisions(
                policiesForRole(rec, role).map((p) => p.json),
                [
                    { action: "bedrock:InvokeModel", resource: "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0" },
                    { action: "bedrock:InvokeModel", resource: "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0" },
                    { action: "bedrock:InvokeModel", resource: "arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0" },
                ],
                { account: ACCOUNT, partition: "aws" },
            ),
        ).to.deep.equal([
            "Allowed bedrock:InvokeModel arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0",
            "ImplicitlyDenied bedrock:InvokeModel arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0",
            "ImplicitlyDenied bedrock:InvokeModel arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0",
        ]);
    });

    describe("the model's inference settings", () => {
        const profile = () =>
            Object.assign(Object.create(cris()), { inferenceConfiguration: { temperature: 0.2, maxTokens: 2048, topK: 50 } }) as bedrock.IInvokable;
        let warnings: [string, unknown][];
        let logs: LogCapture;
        beforeEach(() => {
            logs = captureLogs();
            warnings = logs.warnings;
        });
        afterEach(() => logs.restore());

        it("are inherited by an orchestration step with a prompt template, and nothing is warned", async () => {
            new bedrock.Agent("inherit", {
                foundationModel: profile(),
                instruction: INSTRUCTION,
                promptOverrideConfiguration: { steps: [{ stepType: "ORCHESTRATION", customPromptTemplate: "Orchestrate: $question$" }] },
            });
            await settle();
            expect(rec.find("aws-native:bedrock:Agent", "inherit").inputs.promptOverrideConfiguration).to.deep.equal({
                promptConfigurations: [
                    {
                        promptType: "ORCHESTRATION",
                        promptCreationMode: "OVERRIDDEN",
                        parserMode: "DEFAULT",
                        basePromptTemplate: "Orchestrate: $question$",
                        inferenceConfiguration: { temperature: 0.2, topK: 50, maximumLength: 2048 },
                    },
                ],
            });
            expect(warnings).to.deep.equal([]);
        });

        it("without an orchestration prompt template: nothing rendered, a warning on the agent", async () => {
            const agent = new bedrock.Agent("noinherit", { foundationModel: profile(), instruction: INSTRUCTION });
            await settle();
            expect(rec.find("aws-native:bedrock:Agent", "noinherit").inputs).to.not.have.property("promptOverrideConfiguration");
            const message =
                'Agent "noinherit": the inference settings of foundationModel are not applied to the agent: Bedrock applies inference settings only to an overridden prompt template; give promptOverrideConfiguration a step { stepType: "ORCHESTRATION", customPromptTemplate } to apply them';
            expect(warnings).to.deep.equal([[message, agent]]);

            // Other steps overridden, orchestration left to the service: only those steps, still the warning.
            const other = new bedrock.Agent("other", {
                foundationModel: profile(),
                instruction: INSTRUCTION,
                promptOverrideConfiguration: {
                    steps: [
                        { stepType: "ORCHESTRATION", stepEnabled: true },
                        { stepType: "PRE_PROCESSING", customPromptTemplate: "Check: $question$", inferenceConfig: { temperature: 0 } },
                    ],
                },
            });
            await settle();
            expect(rec.find("aws-native:bedrock:Agent", "other").inputs.promptOverrideConfiguration).to.deep.equal({
                promptConfigurations: [
                    { promptType: "ORCHESTRATION", promptCreationMode: "DEFAULT", parserMode: "DEFAULT", promptState: "ENABLED" },
                    {
                        promptType: "PRE_PROCESSING",
                        promptCreationMode: "OVERRIDDEN",
                        parserMode: "DEFAULT",
                        basePromptTemplate: "Check: $question$",
                        inferenceConfiguration: { temperature: 0 },
                    },
                ],
            });
            expect(warnings.map(([m, r]) => [m.replace('"other"', '"noinherit"'), r])).to.deep.equal([
                [message, agent],
                [message, other],
            ]);
        });
    });

    it("Lambda permissions: one per distinct function, named by its sorted index; the parser once, even when it is an executor", async () => {
        const zeta = fn("zeta");
        const alpha = fn("alpha");
        const byArn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:by-arn`;
        const group = (name: string, lambdaRef: aws.lambda.Function | string) => ({
            name,
            executor: bedrock.ActionGroupExecutor.fromLambda(lambdaRef),
            apiSchema: bedrock.ApiSchema.fromInline("openapi: 3.0.0"),
        });
        const agent = new bedrock.Agent("perm", {
            foundationModel: M.AMAZON_NOVA_PRO_V1,
            instruction: INSTRUCTION,
            actionGroups: [group("g1", byArn), group("g2", zeta), group("g3", alpha), group("g4", zeta)],
            promptOverrideConfiguration: { parser: zeta, steps: [{ stepType: "ORCHESTRATION", useCustomParser: true }] },
        });
        await settle();
        const agentArn = rec.find("aws-native:bedrock:Agent", "perm").state.agentArn;
        const fnArn = (n: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${n}`;
        const byName = (x: { name: string }, y: { name: string }) => (x.name < y.name ? -1 : 1);
        const perms = rec.byType("aws:lambda/permission:Permission").sort(byName);
        expect(perms.map((p) => [p.name, p.inputs.function])).to.deep.equal([
            ["perm-lambda-0-permission", fnArn("alpha")],
            ["perm-lambda-1-permission", fnArn("zeta")],
            ["perm-lambda-2-permission", byArn],
        ]);
        for (const p of perms) expect(p.inputs.sourceArn).to.equal(agentArn);
        expect(agent.lambdaPermissions).to.have.length(3);

        // A parser that is no executor gets its own fixed name; names cannot collide across agents
        // ("a-b" with group "c" and "a" with group "b-c" once both made "a-b-c-permission").
        const parser = fn("parser");
        new bedrock.Agent("a-b", { foundationModel: M.AMAZON_NOVA_PRO_V1, instruction: INSTRUCTION, actionGroups: [group("c", alpha)] });
        new bedrock.Agent("a", {
            foundationModel: M.AMAZON_NOVA_PRO_V1,
            instruction: INSTRUCTION,
            actionGroups: [group("b-c", alpha)],
            promptOverrideConfiguration: { parser, steps: [{ stepType: "ORCHESTRATION", useCustomParser: true }] },
        });
        await settle();
        expect(
            rec
                .byType("aws:lambda/permission:Permission")
                .filter((p) => !p.name.startsWith("perm-"))
                .sort(byName)
                .map((p) => [p.name, p.inputs.function]),
        ).to.deep.equal([
            ["a-b-lambda-0-permission", fnArn("alpha")],
            ["a-lambda-0-permission", fnArn("alpha")],
            ["a-parser-lambda-permission", fnArn("parser")],
        ]);
    });

    it("aliases: exact inputs, invoke and get grants, the test alias", async () => {
        const agent = new bedrock.Agent("al", { foundationModel: M.AMAZON_NOVA_PRO_V1, instruction: INSTRUCTION, shouldPrepareAgent: true });
        const prod = agent.addAlias("prod", { agentVersion: "2", description: "Production", tags: { team: "agri" } });
        const other = new bedrock.AgentAlias("other", { agent });
        const invoke = prod.grantInvoke("app-role");
        prod.grantGet("app-role");
        agent.testAlias.grantInvoke("app-role");
        // The same grant again in the same batch: the same value, nothing added.
        expect(prod.grantInvoke("app-role")).to.equal(invoke);
        await settle();
        const agentState = rec.find("aws-native:bedrock:Agent", "al").state;
        expect(rec.find("aws-native:bedrock:AgentAlias", "al-prod").inputs).to.deep.equal({
            agentId: agentState.agentId,
            agentAliasName: "prod",
            description: "Production",
            routingConfiguration: [{ agentVersion: "2" }],
            tags: { team: "agri" },
        });
        const hash = (await resolveOutput(agent.configurationHash)) as string;
        expect(hash).to.equal("c63dd656f69274d5");
        expect(rec.find("aws-native:bedrock:AgentAlias", "other").inputs).to.deep.equal({
            agentId: agentState.agentId,
            agentAliasName: "other",
            description: `[agent config ${hash}]`,
        });
        const prodArn = rec.find("aws-native:bedrock:AgentAlias", "al-prod").state.agentAliasArn;
        const testArn = `arn:aws:bedrock:${REGION}:${ACCOUNT}:agent-alias/${agentState.agentId}/TSTALIASID`;
        expect(await resolveOutput(agent.testAlias.aliasArn)).to.equal(testArn);
        expect(await resolveOutput(other.aliasArn)).to.be.a("string");
        const docs = policiesForRole(rec, "app-role").map((p) => [p.name, JSON.parse(p.json).Statement]);
        // Every grant on the role, merged into its one inline policy.
        expect(docs).to.deep.equal([
            [
                "app-role-bedrock",
                [
                    { Effect: "Allow", Action: ["bedrock:GetAgentAlias", "bedrock:InvokeAgent"], Resource: prodArn },
                    { Effect: "Allow", Action: "bedrock:InvokeAgent", Resource: testArn },
                ],
            ],
        ]);
    });

    it("the test alias is one object per agent: granting through both ways registers one policy", async () => {
        const agent = new bedrock.Agent("once", { foundationModel: M.AMAZON_NOVA_PRO_V1, instruction: INSTRUCTION });
        const viaStatic = bedrock.AgentAlias.testAlias(agent);
        const first = viaStatic.grantInvoke("app");
        expect(agent.testAlias).to.equal(viaStatic);
        expect(agent.testAlias.grantInvoke("app")).to.equal(first);
        expect(bedrock.AgentAlias.testAlias(agent)).to.equal(viaStatic);
        await settle();
        const testArn = `arn:aws:bedrock:${REGION}:${ACCOUNT}:agent-alias/${rec.find("aws-native:bedrock:Agent", "once").state.agentId}/TSTALIASID`;
        expect(policiesForRole(rec, "app").map((p) => [p.name, JSON.parse(p.json).Statement])).to.deep.equal([
            ["app-bedrock", [{ Effect: "Allow", Action: "bedrock:InvokeAgent", Resource: testArn }]],
        ]);
    });

    it("an alias without agentVersion carries the agent's configuration hash: it changes with the agent's versioned inputs only", async () => {
        const hashOf = async (name: string, args: Partial<bedrock.AgentArgs>) => {
            const agent = new bedrock.Agent(name, { foundationModel: M.AMAZON_NOVA_PRO_V1, instruction: INSTRUCTION, ...args });
            const alias = agent.addAlias("live", { description: "Live traffic" });
            await settle();
            const hash = (await resolveOutput(agent.configurationHash)) as string;
            expect(rec.find("aws-native:bedrock:AgentAlias", `${name}-live`).inputs.description).to.equal(`Live traffic [agent config ${hash}]`);
            expect(alias.isTestAlias).to.equal(false);
            // The hash is that of the inputs rendered for bedrock.Agent, less tags, autoPrepare and skipResourceInUseCheckOnDelete.
            const { tags, autoPrepare, skipResourceInUseCheckOnDelete, ...versioned } = rec.find("aws-native:bedrock:Agent", name).inputs;
            void [tags, autoPrepare, skipResourceInUseCheckOnDelete];
            expect(hash).to.equal(contentHash(versioned));
            return hash;
        };
        // The same configuration under another Pulumi name and role name hashes differently only through its inputs.
        const base = await hashOf("h1", { agentName: "same", existingRole: "r" });
        expect(await hashOf("h2", { agentName: "same", existingRole: "r", tags: { team: "x" }, shouldPrepareAgent: false, forceDelete: true })).to.equal(base);
        expect(await hashOf("h3", { agentName: "same", existingRole: "r", instruction: `${INSTRUCTION} Be brief.` })).to.not.equal(base);
        expect(await hashOf("h4", { agentName: "same", existingRole: "r", idleSessionTTL: 900 })).to.not.equal(base);
        expect(await hashOf("h5", { agentName: "same", existingRole: "r", memory: bedrock.Memory.SESSION_SUMMARY })).to.not.equal(base);

        // An alias pinned to a version carries the description as given.
        const pinned = new bedrock.Agent("h6", { foundationModel: M.AMAZON_NOVA_PRO_V1, instruction: INSTRUCTION });
        pinned.addAlias("v3", { agentVersion: "3", description: "Version 3" });
        await settle();
        expect(rec.find("aws-native:bedrock:AgentAlias", "h6-v3").inputs.description).to.equal("Version 3");
    });
});

describe("Agent validation", () => {
    beforeEach(() => {
        mocks();
    });
    const ok = () => ({ foundationModel: M.AMAZON_NOVA_PRO_V1 as bedrock.IInvokable, instruction: INSTRUCTION });
    const cases: [string, () => unknown, string][] = [
        [
            "short instruction",
            () => new bedrock.Agent("v", { ...ok(), instruction: "too short" }),
            'Agent "v": instruction "too short" must have at least 40 characters (has 9)',
        ],
        [
            "agent name",
            () => new bedrock.Agent("v", { ...ok(), agentName: "bad name" }),
            'Agent "v": agentName "bad name" must match ^([0-9a-zA-Z][_-]?){1,100}$ (letters and digits, each followed by at most one underscore or hyphen, at most 100 of them)',
        ],
        [
            "underivable name",
            () => new bedrock.Agent("--", ok()),
            'Agent "--": agentName undefined cannot be derived from the name "--"; set it (letters and digits, each followed by at most one underscore or hyphen, at most 100 of them)',
        ],
        ["idle TTL", () => new bedrock.Agent("v", { ...ok(), idleSessionTTL: 30 }), 'Agent "v": idleSessionTTL 30 must be between 60 and 5400'],
        [
            "not a model",
            () => new bedrock.Agent("v", { ...ok(), foundationModel: "anthropic.claude" as unknown as bedrock.IInvokable }),
            'Agent "v": foundationModel "anthropic.claude" must be a BedrockFoundationModel, a cross-region inference profile or an application inference profile',
        ],
        [
            "prompt router",
            () =>
                new bedrock.Agent("v", {
                    ...ok(),
                    foundationModel: {
                        invokableArn: pulumi.output("x"),
                        grantInvoke: () => pulumi.output([]),
                        grantName: () => "r",
                        accessTarget: () => ({ kind: "prompt-router", arn: "x", routed: [] }),
                    },
                }),
            'Agent "v": foundationModel "<PromptRouter>" cannot be a prompt router: an agent\'s model is a foundation model or an inference profile',
        ],
        [
            "existing role",
            () => new bedrock.Agent("v", { ...ok(), existingRole: "not a role!" }),
            'Agent "v": existingRole "not a role!" must be an aws.iam.Role, an IAM role name (a role without a path) or an IAM role ARN (a role under a path: its ARN or the aws.iam.Role)',
        ],
        [
            "kms key",
            () => new bedrock.Agent("v", { ...ok(), kmsKey: "key" }),
            'Agent "v": kmsKey "key" must match ^arn:aws(-[^:]+)?:kms:[a-zA-Z0-9-]*:[0-9]{12}:key\\/[a-zA-Z0-9-]{36}$ (a KMS key ARN)',
        ],
        [
            "duplicate action group",
            () =>
                new bedrock.Agent("v", {
                    ...ok(),
                    actionGroups: [
                        { name: "UserInputAction", executor: bedrock.ActionGroupExecutor.RETURN_CONTROL, apiSchema: bedrock.ApiSchema.fromInline("x") },
                    ],
                }),
            'Agent "v": actionGroups[0].name "UserInputAction" is already the name of another action group of the agent',
        ],
        [
            "group without schema",
            () => new bedrock.Agent("v", { ...ok(), actionGroups: [{ name: "g", executor: bedrock.ActionGroupExecutor.RETURN_CONTROL }] }),
            'Agent "v": actionGroups[0] "g" needs an apiSchema or a functionSchema',
        ],
        [
            "group with both schemas",
            () =>
                new bedrock.Agent("v", {
                    ...ok(),
                    actionGroups: [
                        {
                            name: "g",
                            executor: bedrock.ActionGroupExecutor.RETURN_CONTROL,
                            apiSchema: bedrock.ApiSchema.fromInline("x"),
                            functionSchema: { functions: [{ name: "f" }] },
                        },
                    ],
                }),
            'Agent "v": actionGroups[0] "g" has both apiSchema and functionSchema; give one',
        ],
        [
            "group without executor",
            () =>
                new bedrock.Agent("v", {
                    ...ok(),
                    actionGroups: [{ name: "g", apiSchema: bedrock.ApiSchema.fromInline("x") } as bedrock.AgentActionGroupProps],
                }),
            'Agent "v": actionGroups[0].executor undefined is required: ActionGroupExecutor.fromLambda(fn) or ActionGroupExecutor.RETURN_CONTROL',
        ],
        [
            "lambda ARN",
            () =>
                new bedrock.Agent("v", {
                    ...ok(),
                    actionGroups: [
                        { name: "g", executor: bedrock.ActionGroupExecutor.fromLambda("arn:aws:s3:::x"), apiSchema: bedrock.ApiSchema.fromInline("x") },
                    ],
                }),
            'Agent "v": actionGroups[0].executor.lambda "arn:aws:s3:::x" must match ^arn:(aws[a-zA-Z-]*)?:lambda:[a-z0-9-]{1,20}:\\d{12}:function:[a-zA-Z0-9-_.]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?$ (a Lambda function ARN)',
        ],
        [
            "guardrail version",
            () => new bedrock.Agent("v", { ...ok(), guardrail: { guardrailIdentifier: "abc", guardrailVersion: "latest" } }),
            'Agent "v": guardrail.guardrailVersion "latest" must match ^(([0-9]{1,8})|(DRAFT))$ (DRAFT or a version number)',
        ],
        [
            "memory days",
            () => new bedrock.Agent("v", { ...ok(), memory: bedrock.Memory.sessionSummary({ memoryDurationDays: 366 }) }),
            'Agent "v": memory.memoryDurationDays 366 must be between 1 and 365',
        ],
        [
            "memory sessions",
            () => new bedrock.Agent("v", { ...ok(), memory: bedrock.Memory.sessionSummary({ maxRecentSessions: 0 }) }),
            'Agent "v": memory.maxRecentSessions 0 must be at least 1',
        ],
        [
            "knowledge base id",
            () => new bedrock.Agent("v", { ...ok(), knowledgeBases: [{ knowledgeBaseId: "short", description: "d" }] }),
            'Agent "v": knowledgeBases[0].knowledgeBaseId "short" must match ^[0-9a-zA-Z]{10}$ (10 letters or digits)',
        ],
        [
            "knowledge base description",
            () => new bedrock.Agent("v", { ...ok(), knowledgeBases: [{ knowledgeBaseId: "KB12345678", description: "" }] }),
            'Agent "v": knowledgeBases[0].description "" must not be empty',
        ],
        [
            "collaborators without supervisor mode",
            () =>
                new bedrock.Agent("v", {
                    ...ok(),
                    agentCollaborators: [
                        {
                            agentAlias: "arn:aws:bedrock:us-east-1:123456789012:agent-alias/ABCDEFGHIJ/KLMNOPQRST",
                            collaboratorName: "c",
                            collaborationInstruction: "i",
                        },
                    ],
                }),
            'Agent "v": agentCollaboration undefined must be SUPERVISOR or SUPERVISOR_ROUTER when agentCollaborators are given',
        ],
        [
            "test alias collaborator (ARN)",
            () =>
                new bedrock.Agent("v", {
                    ...ok(),
                    agentCollaboration: "SUPERVISOR",
                    agentCollaborators: [
                        {
                            agentAlias: "arn:aws:bedrock:us-east-1:123456789012:agent-alias/ABCDEFGHIJ/TSTALIASID",
                            collaboratorName: "c",
                            collaborationInstruction: "i",
                        },
                    ],
                }),
            'Agent "v": agentCollaborators[0].agentAlias "arn:aws:bedrock:us-east-1:123456789012:agent-alias/ABCDEFGHIJ/TSTALIASID" cannot be a test alias: a collaborator must be a published alias',
        ],
        [
            "test alias collaborator (reference)",
            () => {
                const sub = new bedrock.Agent("sub", ok());
                return new bedrock.Agent("v", {
                    ...ok(),
                    agentCollaboration: "SUPERVISOR",
                    agentCollaborators: [{ agentAlias: sub.testAlias, collaboratorName: "c", collaborationInstruction: "i" }],
                });
            },
            'Agent "v": agentCollaborators[0].agentAlias "TSTALIASID" cannot be a test alias: a collaborator must be a published alias',
        ],
        [
            "step twice",
            () => new bedrock.Agent("v", { ...ok(), promptOverrideConfiguration: { steps: [{ stepType: "ORCHESTRATION" }, { stepType: "ORCHESTRATION" }] } }),
            'Agent "v": promptOverrideConfiguration.steps[1].stepType "ORCHESTRATION" is configured twice',
        ],
        [
            "parser missing",
            () => new bedrock.Agent("v", { ...ok(), promptOverrideConfiguration: { steps: [{ stepType: "ORCHESTRATION", useCustomParser: true }] } }),
            'Agent "v": promptOverrideConfiguration.parser undefined is required when a step sets useCustomParser',
        ],
        [
            "parser unused",
            () =>
                new bedrock.Agent("v", {
                    ...ok(),
                    promptOverrideConfiguration: { parser: "arn:aws:lambda:us-east-1:123456789012:function:p", steps: [{ stepType: "ORCHESTRATION" }] },
                }),
            'Agent "v": promptOverrideConfiguration.parser "<Lambda>" is given but no step sets useCustomParser',
        ],
        [
            "step temperature",
            () =>
                new bedrock.Agent("v", {
                    ...ok(),
                    promptOverrideConfiguration: { steps: [{ stepType: "ORCHESTRATION", inferenceConfig: { temperature: 2 } }] },
                }),
            'Agent "v": promptOverrideConfiguration.steps[0].inferenceConfig.temperature 2 must be between 0 and 1',
        ],
        [
            "step max tokens",
            () =>
                new bedrock.Agent("v", {
                    ...ok(),
                    promptOverrideConfiguration: { steps: [{ stepType: "ORCHESTRATION", inferenceConfig: { maxTokens: 200000 } }] },
                }),
            'Agent "v": promptOverrideConfiguration.steps[0].inferenceConfig.maxTokens 200000 must be between 1 and 131072',
        ],
        [
            "alias version",
            () => new bedrock.AgentAlias("a", { agent: new bedrock.Agent("x", ok()), agentVersion: "v1" }),
            'AgentAlias "a": agentVersion "v1" must match ^[0-9]{0,4}[1-9][0-9]{0,4}$ (a version number: 1-5 digits, not all zeros)',
        ],
        [
            "alias version DRAFT",
            () => new bedrock.AgentAlias("a", { agent: new bedrock.Agent("x", ok()), agentVersion: "DRAFT" }),
            'AgentAlias "a": agentVersion "DRAFT" cannot be DRAFT: only the test alias (TSTALIASID, agent.testAlias) routes to the working draft; give a version number, or leave agentVersion unset to follow the agent',
        ],
        [
            "alias version over 5 characters",
            () => new bedrock.AgentAlias("a", { agent: new bedrock.Agent("x", ok()), agentVersion: "000001" }),
            'AgentAlias "a": agentVersion "000001" must have at most 5 characters (has 6)',
        ],
        [
            "alias version zero",
            () => new bedrock.Agent("x", ok()).addAlias("live", { agentVersion: "0" }),
            'AgentAlias "x-live": agentVersion "0" must match ^[0-9]{0,4}[1-9][0-9]{0,4}$ (a version number: 1-5 digits, not all zeros)',
        ],
        [
            "alias version empty",
            () => new bedrock.AgentAlias("a", { agent: new bedrock.Agent("x", ok()), agentVersion: "" }),
            'AgentAlias "a": agentVersion "" must not be empty',
        ],
        [
            "following alias description too long for the hash",
            () => new bedrock.Agent("x", ok()).addAlias("live", { description: "d".repeat(169) }),
            `AgentAlias "x-live": description "${"d".repeat(169)}" must have at most 168 characters when agentVersion is unset (has 169): " [agent config <hash>]" is appended so that the alias moves to a new version when the agent changes`,
        ],
        [
            "step inference settings without a template",
            () =>
                new bedrock.Agent("a", {
                    ...ok(),
                    promptOverrideConfiguration: { steps: [{ stepType: "ORCHESTRATION", inferenceConfig: { temperature: 0.5 } }] },
                }),
            'Agent "a": promptOverrideConfiguration.steps[0].inferenceConfig {"temperature":0.5} needs a customPromptTemplate: Bedrock applies inference settings only to an overridden prompt template (promptCreationMode OVERRIDDEN)',
        ],
        [
            "step model request fields without a template",
            () =>
                new bedrock.Agent("a", {
                    ...ok(),
                    promptOverrideConfiguration: {
                        steps: [{ stepType: "PRE_PROCESSING" }, { stepType: "POST_PROCESSING", additionalModelRequestFields: { top_k: 5 } }],
                    },
                }),
            'Agent "a": promptOverrideConfiguration.steps[1].additionalModelRequestFields {"top_k":5} needs a customPromptTemplate: Bedrock applies additional model request fields only to an overridden prompt template (promptCreationMode OVERRIDDEN)',
        ],
        [
            "alias agent",
            () => new bedrock.AgentAlias("a", { agent: {} as bedrock.IAgent }),
            'AgentAlias "a": agent {} must be an Agent (or an object with agentId and agentArn outputs)',
        ],
    ];
    for (const [title, make, message] of cases) {
        it(`refuses: ${title}`, () => {
            let thrown: unknown;
            try {
                make();
            } catch (e) {
                thrown = e;
            }
            expect(thrown).to.be.instanceOf(bedrock.BedrockValidationError);
            expect((thrown as Error).message).to.equal(message);
        });
    }
});

describe("Agent validation: argument types, shapes and duplicates", () => {
    beforeEach(() => {
        mocks();
    });
    const ok = () => ({ foundationModel: M.AMAZON_NOVA_PRO_V1 as bedrock.IInvokable, instruction: INSTRUCTION });
    const ALIAS = "arn:aws:bedrock:us-east-1:123456789012:agent-alias/ABCDEFGHIJ/KLMNOPQRST";
    const STEPS_TEXT = "PRE_PROCESSING, ORCHESTRATION, POST_PROCESSING, ROUTING_CLASSIFIER, MEMORY_SUMMARIZATION, KNOWLEDGE_BASE_RESPONSE_GENERATION";
    const GUARDRAIL_TEXT = "must be a Guardrail, a guardrail version, Guardrail.fromGuardrailAttributes(...) or { guardrailIdentifier, guardrailVersion? }";
    const MEMORY_TEXT = "must be Memory.SESSION_SUMMARY or Memory.sessionSummary({ memoryDurationDays, maxRecentSessions })";
    const sup = (c: unknown) => ({ ...ok(), agentCollaboration: "SUPERVISOR" as const, agentCollaborators: [c as bedrock.AgentCollaborator] });
    const step = (s: Record<string, unknown>) => ({ ...ok(), promptOverrideConfiguration: { steps: [s] } as unknown as bedrock.PromptOverrideConfiguration });
    const cases: [string, () => unknown, string][] = [
        [
            "kmsKey of another type",
            () => new bedrock.Agent("v", { ...ok(), kmsKey: 42 as any }),
            'Agent "v": kmsKey 42 must be an aws.kms.Key or a KMS key ARN',
        ],
        [
            "shouldPrepareAgent not a boolean",
            () => new bedrock.Agent("v", { ...ok(), shouldPrepareAgent: "yes" as any }),
            'Agent "v": shouldPrepareAgent "yes" must be a boolean',
        ],
        ["forceDelete not a boolean", () => new bedrock.Agent("v", { ...ok(), forceDelete: 0 as any }), 'Agent "v": forceDelete 0 must be a boolean'],
        [
            "userInputEnabled not a boolean",
            () => new bedrock.Agent("v", { ...ok(), userInputEnabled: "true" as any }),
            'Agent "v": userInputEnabled "true" must be a boolean',
        ],
        [
            "codeInterpreterEnabled not a boolean",
            () => new bedrock.Agent("v", { ...ok(), codeInterpreterEnabled: 1 as any }),
            'Agent "v": codeInterpreterEnabled 1 must be a boolean',
        ],
        ["description empty", () => new bedrock.Agent("v", { ...ok(), description: "" }), 'Agent "v": description "" must not be empty'],
        [
            "actionGroups not a list",
            () => new bedrock.Agent("v", { ...ok(), actionGroups: "x" as any }),
            'Agent "v": actionGroups "x" must be a list of action groups',
        ],
        ["guardrail null", () => new bedrock.Agent("v", { ...ok(), guardrail: null as any }), `Agent "v": guardrail null ${GUARDRAIL_TEXT}`],
        ["guardrail a string", () => new bedrock.Agent("v", { ...ok(), guardrail: "abc" as any }), `Agent "v": guardrail "abc" ${GUARDRAIL_TEXT}`],
        [
            "guardrail identifier",
            () => new bedrock.Agent("v", { ...ok(), guardrail: { guardrailIdentifier: "Bad_Id" } }),
            'Agent "v": guardrail.guardrailIdentifier "Bad_Id" must match ^(([a-z0-9]+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail\\/[a-z0-9]+))$ (a guardrail id or ARN)',
        ],
        [
            "guardrail identifier over 2048 characters",
            () => new bedrock.Agent("v", { ...ok(), guardrail: { guardrailIdentifier: "a".repeat(2049) } }),
            `Agent "v": guardrail.guardrailIdentifier "${"a".repeat(2049)}" must have at most 2048 characters (has 2049)`,
        ],
        [
            "guardrail kmsKey",
            () => new bedrock.Agent("v", { ...ok(), guardrail: { guardrailIdentifier: "abc", kmsKey: "k" } as any }),
            'Agent "v": guardrail.kmsKey "k" must match ^arn:aws(-[^:]+)?:kms:[a-zA-Z0-9-]*:[0-9]{12}:key\\/[a-zA-Z0-9-]{36}$ (a KMS key ARN)',
        ],
        ["memory null", () => new bedrock.Agent("v", { ...ok(), memory: null as any }), `Agent "v": memory null ${MEMORY_TEXT}`],
        ["memory a string", () => new bedrock.Agent("v", { ...ok(), memory: "SESSION_SUMMARY" as any }), `Agent "v": memory "SESSION_SUMMARY" ${MEMORY_TEXT}`],
        [
            "memory days not an integer",
            () => new bedrock.Agent("v", { ...ok(), memory: bedrock.Memory.sessionSummary({ memoryDurationDays: 1.5 }) }),
            'Agent "v": memory.memoryDurationDays 1.5 must be an integer',
        ],
        [
            "memory sessions not an integer",
            () => new bedrock.Agent("v", { ...ok(), memory: bedrock.Memory.sessionSummary({ maxRecentSessions: 2.5 }) }),
            'Agent "v": memory.maxRecentSessions 2.5 must be an integer',
        ],
        [
            "knowledgeBases not a list",
            () => new bedrock.Agent("v", { ...ok(), knowledgeBases: "x" as any }),
            'Agent "v": knowledgeBases "x" must be a list of { knowledgeBaseId, description }',
        ],
        [
            "knowledge base null",
            () => new bedrock.Agent("v", { ...ok(), knowledgeBases: [null as any] }),
            'Agent "v": knowledgeBases[0].knowledgeBaseId undefined is required',
        ],
        [
            "knowledge base given twice",
            () =>
                new bedrock.Agent("v", {
                    ...ok(),
                    knowledgeBases: [
                        { knowledgeBaseId: "KB12345678", description: "d" },
                        { knowledgeBaseId: "KB12345678", description: "e" },
                    ],
                }),
            'Agent "v": knowledgeBases[1].knowledgeBaseId "KB12345678" is given twice',
        ],
        [
            "agentCollaboration unknown",
            () => new bedrock.Agent("v", { ...ok(), agentCollaboration: "BOSS" as any }),
            'Agent "v": agentCollaboration "BOSS" must be one of DISABLED, SUPERVISOR, SUPERVISOR_ROUTER',
        ],
        [
            "agentCollaborators not a list",
            () => new bedrock.Agent("v", { ...ok(), agentCollaboration: "SUPERVISOR", agentCollaborators: "x" as any }),
            'Agent "v": agentCollaborators "x" must be a list of collaborators',
        ],
        [
            "collaborator name given twice",
            () =>
                new bedrock.Agent("v", {
                    ...ok(),
                    agentCollaboration: "SUPERVISOR",
                    agentCollaborators: [
                        { agentAlias: ALIAS, collaboratorName: "c", collaborationInstruction: "i" },
                        { agentAlias: ALIAS, collaboratorName: "c", collaborationInstruction: "j" },
                    ],
                }),
            'Agent "v": agentCollaborators[1].collaboratorName "c" is given twice',
        ],
        [
            "collaborator alias of another type",
            () =>
                new bedrock.Agent("v", {
                    ...ok(),
                    agentCollaboration: "SUPERVISOR",
                    agentCollaborators: [{ agentAlias: 42 as any, collaboratorName: "c", collaborationInstruction: "i" }],
                }),
            'Agent "v": agentCollaborators[0].agentAlias 42 must be an AgentAlias or an agent alias ARN',
        ],
        [
            "promptOverrideConfiguration null",
            () => new bedrock.Agent("v", { ...ok(), promptOverrideConfiguration: null as any }),
            'Agent "v": promptOverrideConfiguration.steps undefined must be a list of step configurations',
        ],
        [
            "steps not a list",
            () => new bedrock.Agent("v", { ...ok(), promptOverrideConfiguration: { steps: "x" } as any }),
            'Agent "v": promptOverrideConfiguration.steps "x" must be a list of step configurations',
        ],
        [
            "step null",
            () => new bedrock.Agent("v", { ...ok(), promptOverrideConfiguration: { steps: [null as any] } }),
            `Agent "v": promptOverrideConfiguration.steps[0].stepType undefined must be one of ${STEPS_TEXT}`,
        ],
        [
            "step type unknown",
            () => new bedrock.Agent("v", step({ stepType: "BAD" })),
            `Agent "v": promptOverrideConfiguration.steps[0].stepType "BAD" must be one of ${STEPS_TEXT}`,
        ],
        [
            "step model request fields null",
            () => new bedrock.Agent("v", step({ stepType: "ORCHESTRATION", customPromptTemplate: "t", additionalModelRequestFields: null })),
            'Agent "v": promptOverrideConfiguration.steps[0].additionalModelRequestFields null must be an object',
        ],
        [
            "step model request fields a string",
            () => new bedrock.Agent("v", step({ stepType: "ORCHESTRATION", customPromptTemplate: "t", additionalModelRequestFields: "x" })),
            'Agent "v": promptOverrideConfiguration.steps[0].additionalModelRequestFields "x" must be an object',
        ],
        [
            "step model request fields a list",
            () => new bedrock.Agent("v", step({ stepType: "ORCHESTRATION", customPromptTemplate: "t", additionalModelRequestFields: [] })),
            'Agent "v": promptOverrideConfiguration.steps[0].additionalModelRequestFields [] must be an object',
        ],
        ["collaborator null", () => new bedrock.Agent("v", sup(null)), 'Agent "v": agentCollaborators[0].collaboratorName undefined is required'],
        [
            "collaborator name",
            () => new bedrock.Agent("v", sup({ agentAlias: ALIAS, collaboratorName: "bad name", collaborationInstruction: "i" })),
            'Agent "v": agentCollaborators[0].collaboratorName "bad name" must match ^([0-9a-zA-Z][_-]?){1,100}$ (letters and digits, each followed by at most one underscore or hyphen, at most 100 of them)',
        ],
        [
            "collaboration instruction empty",
            () => new bedrock.Agent("v", sup({ agentAlias: ALIAS, collaboratorName: "c", collaborationInstruction: "" })),
            'Agent "v": agentCollaborators[0].collaborationInstruction "" must not be empty',
        ],
        [
            "collaboration instruction over 4000 characters",
            () => new bedrock.Agent("v", sup({ agentAlias: ALIAS, collaboratorName: "c", collaborationInstruction: "x".repeat(4001) })),
            `Agent "v": agentCollaborators[0].collaborationInstruction "${"x".repeat(4001)}" must have at most 4000 characters (has 4001)`,
        ],
        [
            "collaborator alias not an alias ARN",
            () => new bedrock.Agent("v", sup({ agentAlias: "not-an-arn", collaboratorName: "c", collaborationInstruction: "i" })),
            'Agent "v": agentCollaborators[0].agentAlias "not-an-arn" must match ^arn:(aws[a-zA-Z-]*)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:agent-alias\\/[0-9a-zA-Z]{10}\\/[0-9a-zA-Z]{10}$ (an agent alias ARN)',
        ],
        [
            "collaborator alias an object",
            () => new bedrock.Agent("v", sup({ agentAlias: {}, collaboratorName: "c", collaborationInstruction: "i" })),
            'Agent "v": agentCollaborators[0].agentAlias {} must be an AgentAlias or an agent alias ARN',
        ],
        [
            "model inference settings",
            () =>
                new bedrock.Agent("v", {
                    ...ok(),
                    foundationModel: Object.assign(Object.create(M.AMAZON_NOVA_PRO_V1), { inferenceConfiguration: { temperature: 2 } }),
                }),
            'Agent "v": foundationModel.inferenceConfiguration.temperature 2 must be between 0 and 1',
        ],
        [
            "promptOverrideConfiguration a string",
            () => new bedrock.Agent("v", { ...ok(), promptOverrideConfiguration: "x" as any }),
            'Agent "v": promptOverrideConfiguration.steps undefined must be a list of step configurations',
        ],
        [
            "promptOverrideConfiguration without steps",
            () => new bedrock.Agent("v", { ...ok(), promptOverrideConfiguration: {} as any }),
            'Agent "v": promptOverrideConfiguration.steps undefined must be a list of step configurations',
        ],
        [
            "step prompt template empty",
            () => new bedrock.Agent("v", step({ stepType: "ORCHESTRATION", customPromptTemplate: "" })),
            'Agent "v": promptOverrideConfiguration.steps[0].customPromptTemplate "" must not be empty',
        ],
        [
            "step model not an invokable",
            () => new bedrock.Agent("v", step({ stepType: "ORCHESTRATION", foundationModel: "x" })),
            'Agent "v": promptOverrideConfiguration.steps[0].foundationModel "x" must be a BedrockFoundationModel, a cross-region inference profile or an application inference profile',
        ],
        [
            "step model an embeddings model",
            () => new bedrock.Agent("v", step({ stepType: "ORCHESTRATION", foundationModel: M.TITAN_EMBED_TEXT_V2_1024 })),
            'Agent "v": promptOverrideConfiguration.steps[0].foundationModel "amazon.titan-embed-text-v2:0" is amazon.titan-embed-text-v2:0, an embeddings model: it turns text or images into vectors (for a knowledge base\'s embeddings), not a text-generation model: a Bedrock agent converses with its model, which must generate text (https://docs.aws.amazon.com/bedrock/latest/userguide/model-card-amazon-titan-text-embeddings-v2.html)',
        ],
        [
            "parser ARN",
            () =>
                new bedrock.Agent("v", {
                    ...ok(),
                    promptOverrideConfiguration: { parser: "arn:aws:s3:::x", steps: [{ stepType: "ORCHESTRATION", useCustomParser: true }] },
                }),
            'Agent "v": promptOverrideConfiguration.parser "arn:aws:s3:::x" must match ^arn:(aws[a-zA-Z-]*)?:lambda:[a-z0-9-]{1,20}:\\d{12}:function:[a-zA-Z0-9-_.]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?$ (a Lambda function ARN)',
        ],
    ];
    for (const [title, make, message] of cases) {
        it(`refuses: ${title}`, () => {
            throwsExactly(make, message, bedrock.BedrockValidationError);
        });
    }

    it("accepts an empty collaborator list without a collaboration mode, and SUPERVISOR_ROUTER with collaborators", async () => {
        new bedrock.Agent("none", { ...ok(), agentCollaborators: [] });
        new bedrock.Agent("router", {
            ...ok(),
            agentCollaboration: "SUPERVISOR_ROUTER",
            agentCollaborators: [{ agentAlias: ALIAS, collaboratorName: "c", collaborationInstruction: "i" }],
        });
        await settle();
    });
});

describe("Agent: inputs known only at deploy (Outputs) in the role's statements and the agent's inputs", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        ({ rec } = mocks());
    });
    const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/11111111-2222-3333-4444-555555555555`;
    const ALIAS = `arn:aws:bedrock:${REGION}:${ACCOUNT}:agent-alias/ABCDEFGHIJ/KLMNOPQRST`;
    const NOVA_INVOKE = { Effect: "Allow", Action: INVOKE, Resource: fm(REGION, "amazon.nova-pro-v1:0") };

    it("an Output guardrail id, knowledge base id, collaborator alias, S3 schema and keys: each granted by its value", async () => {
        const agent = new bedrock.Agent("o", {
            foundationModel: M.AMAZON_NOVA_PRO_V1,
            instruction: INSTRUCTION,
            kmsKey: pulumi.output(KEY),
            guardrail: { guardrailIdentifier: pulumi.output("abcdefgh1234"), guardrailVersion: "2", kmsKey: new aws.kms.Key("gk") },
            knowledgeBases: [
                { knowledgeBaseId: pulumi.output("KB12345678"), description: "d", enabled: false },
                { knowledgeBaseId: "KB00000000", description: "e" },
            ],
            agentCollaboration: "SUPERVISOR",
            agentCollaborators: [{ agentAlias: pulumi.output(ALIAS), collaboratorName: "c", collaborationInstruction: "i", relayConversationHistory: false }],
            actionGroups: [
                {
                    name: "g",
                    executor: bedrock.ActionGroupExecutor.RETURN_CONTROL,
                    apiSchema: bedrock.ApiSchema.fromS3File(pulumi.output("bkt"), pulumi.output("k/o.json")),
                },
            ],
        });
        const policies = await agentPolicies(rec, agent);
        expect(policies).to.deep.equal([
            {
                name: "o-role-bedrock",
                doc: {
                    Version: "2012-10-17",
                    Statement: [
                        { Effect: "Allow", Action: "bedrock:ApplyGuardrail", Resource: `arn:aws:bedrock:${REGION}:${ACCOUNT}:guardrail/abcdefgh1234` },
                        { Effect: "Allow", Action: ["bedrock:GetAgentAlias", "bedrock:InvokeAgent"], Resource: ALIAS },
                        NOVA_INVOKE,
                        {
                            Effect: "Allow",
                            Action: "bedrock:Retrieve",
                            Resource: [
                                `arn:aws:bedrock:${REGION}:${ACCOUNT}:knowledge-base/KB00000000`,
                                `arn:aws:bedrock:${REGION}:${ACCOUNT}:knowledge-base/KB12345678`,
                            ],
                        },
                        { Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: KEY },
                        // The guardrail's key (the mock's ARN of aws.kms.Key "gk"): decrypt only.
                        { Effect: "Allow", Action: "kms:Decrypt", Resource: `arn:aws:kms:${REGION}:${ACCOUNT}:key/a39b3249-2df3-5396-c54b-a9401f570acc` },
                        {
                            Effect: "Allow",
                            Action: "s3:GetObject",
                            Resource: "arn:aws:s3:::bkt/k/o.json",
                            Condition: { StringEquals: { "aws:ResourceAccount": ACCOUNT } },
                        },
                    ],
                },
            },
        ]);
        const a = rec.find("aws-native:bedrock:Agent", "o").inputs;
        expect(a.customerEncryptionKeyArn).to.equal(KEY);
        expect(a.guardrailConfiguration).to.deep.equal({ guardrailIdentifier: "abcdefgh1234", guardrailVersion: "2" });
        expect(a.knowledgeBases).to.deep.equal([
            { knowledgeBaseId: "KB12345678", description: "d", knowledgeBaseState: "DISABLED" },
            { knowledgeBaseId: "KB00000000", description: "e", knowledgeBaseState: "ENABLED" },
        ]);
        expect(a.agentCollaborators).to.deep.equal([
            { collaboratorName: "c", collaborationInstruction: "i", agentDescriptor: { aliasArn: ALIAS }, relayConversationHistory: "DISABLED" },
        ]);
        expect(a.actionGroups).to.deep.equal([
            { actionGroupName: "UserInputAction", actionGroupState: "DISABLED", parentActionGroupSignature: "AMAZON.UserInput" },
            { actionGroupName: "CodeInterpreterAction", actionGroupState: "DISABLED", parentActionGroupSignature: "AMAZON.CodeInterpreter" },
            {
                actionGroupName: "g",
                actionGroupState: "ENABLED",
                actionGroupExecutor: { customControl: "RETURN_CONTROL" },
                apiSchema: { s3: { s3BucketName: "bkt", s3ObjectKey: "k/o.json" } },
            },
        ]);
    });

    for (const [title, identifier] of [
        ["a guardrail ARN (string)", "arn:aws:bedrock:us-west-2:210987654321:guardrail/xyz789"],
        ["a guardrail ARN (Output)", pulumi.output("arn:aws:bedrock:us-west-2:210987654321:guardrail/xyz789")],
    ] as const) {
        it(`${title}: applied as given, not rebuilt in the agent's account and Region`, async () => {
            const agent = new bedrock.Agent("g", {
                foundationModel: M.AMAZON_NOVA_PRO_V1,
                instruction: INSTRUCTION,
                guardrail: { guardrailIdentifier: identifier },
            });
            expect(await agentPolicies(rec, agent)).to.deep.equal([
                {
                    name: "g-role-bedrock",
                    doc: {
                        Version: "2012-10-17",
                        Statement: [
                            { Effect: "Allow", Action: "bedrock:ApplyGuardrail", Resource: "arn:aws:bedrock:us-west-2:210987654321:guardrail/xyz789" },
                            NOVA_INVOKE,
                        ],
                    },
                },
            ]);
            expect(rec.find("aws-native:bedrock:Agent", "g").inputs.guardrailConfiguration).to.deep.equal({
                guardrailIdentifier: "arn:aws:bedrock:us-west-2:210987654321:guardrail/xyz789",
                guardrailVersion: "DRAFT",
            });
        });
    }

    it("code interpreter and user input enabled: both built-in groups ENABLED", async () => {
        new bedrock.Agent("ci", { foundationModel: M.AMAZON_NOVA_PRO_V1, instruction: INSTRUCTION, codeInterpreterEnabled: true, userInputEnabled: true });
        await settle();
        expect(rec.find("aws-native:bedrock:Agent", "ci").inputs.actionGroups).to.deep.equal([
            { actionGroupName: "UserInputAction", actionGroupState: "ENABLED", parentActionGroupSignature: "AMAZON.UserInput" },
            { actionGroupName: "CodeInterpreterAction", actionGroupState: "ENABLED", parentActionGroupSignature: "AMAZON.CodeInterpreter" },
        ]);
    });
});

describe("Agent: prompt steps' inference settings by model provider", () => {
    let rec: MockRecorder;
    let logs: LogCapture;
    beforeEach(() => {
        ({ rec } = mocks());
        logs = captureLogs();
    });
    afterEach(() => logs.restore());

    it("anthropicVersion only for an Anthropic model (the step's own, else the agent's); responseFormat kept; no empty inference configuration", async () => {
        new bedrock.Agent("n", {
            foundationModel: M.AMAZON_NOVA_PRO_V1,
            instruction: INSTRUCTION,
            promptOverrideConfiguration: {
                steps: [
                    { stepType: "ORCHESTRATION", customPromptTemplate: "O", inferenceConfig: { anthropicVersion: "bedrock-2023-05-31" } },
                    { stepType: "POST_PROCESSING", customPromptTemplate: "P", inferenceConfig: { responseFormat: { type: "json" } } },
                    {
                        stepType: "PRE_PROCESSING",
                        customPromptTemplate: "Q",
                        inferenceConfig: { topK: 5, anthropicVersion: "bedrock-2023-05-31" },
                        foundationModel: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
                    },
                ],
            },
        });
        await settle();
        expect(rec.find("aws-native:bedrock:Agent", "n").inputs.promptOverrideConfiguration).to.deep.equal({
            promptConfigurations: [
                { promptType: "ORCHESTRATION", promptCreationMode: "OVERRIDDEN", parserMode: "DEFAULT", basePromptTemplate: "O" },
                {
                    promptType: "POST_PROCESSING",
                    promptCreationMode: "OVERRIDDEN",
                    parserMode: "DEFAULT",
                    basePromptTemplate: "P",
                    additionalModelRequestFields: { response_format: { type: "json" } },
                },
                {
                    promptType: "PRE_PROCESSING",
                    promptCreationMode: "OVERRIDDEN",
                    parserMode: "DEFAULT",
                    basePromptTemplate: "Q",
                    foundationModel: SONNET_35_V2,
                    inferenceConfiguration: { topK: 5 },
                    additionalModelRequestFields: { anthropic_version: "bedrock-2023-05-31" },
                },
            ],
        });
        // The model has no inference settings of its own: nothing to warn about.
        expect(logs.warnings).to.deep.equal([]);
    });

    it("a model without inference settings and no prompt override: no warning", async () => {
        new bedrock.Agent("plain", { foundationModel: M.AMAZON_NOVA_PRO_V1, instruction: INSTRUCTION });
        await settle();
        expect(logs.warnings).to.deep.equal([]);
    });
});

describe("Agent: its resources' parents and its aliases' names", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        ({ rec } = mocks());
    });
    const AGENT_URN = "urn:pulumi:stack::project::bedrock-genai:index:Agent::v";

    it("the role, the agent, Lambda permissions and aliases are the component's children", async () => {
        const agent = new bedrock.Agent("v", {
            foundationModel: M.AMAZON_NOVA_PRO_V1,
            instruction: INSTRUCTION,
            actionGroups: [
                {
                    name: "g",
                    executor: bedrock.ActionGroupExecutor.fromLambda(fn("handler")),
                    functionSchema: { functions: [{ name: "f" }] },
                },
            ],
        });
        agent.addAlias("live", { agentVersion: "1" });
        await settle();
        const parentOf = (type: string, name: string) => {
            const r = rec.find(type, name) as unknown as { urn: string; parent: string };
            return [r.urn, r.parent];
        };
        expect(parentOf("aws:iam/role:Role", "v-role")).to.deep.equal([
            "urn:pulumi:stack::project::bedrock-genai:index:Agent$aws:iam/role:Role::v-role",
            AGENT_URN,
        ]);
        expect(parentOf("aws-native:bedrock:Agent", "v")).to.deep.equal([
            "urn:pulumi:stack::project::bedrock-genai:index:Agent$aws-native:bedrock:Agent::v",
            AGENT_URN,
        ]);
        expect(parentOf("aws:lambda/permission:Permission", "v-lambda-0-permission")).to.deep.equal([
            "urn:pulumi:stack::project::bedrock-genai:index:Agent$aws:lambda/permission:Permission::v-lambda-0-permission",
            AGENT_URN,
        ]);
        expect(parentOf("bedrock-genai:index:AgentAlias", "v-live")).to.deep.equal([
            "urn:pulumi:stack::project::bedrock-genai:index:Agent$bedrock-genai:index:AgentAlias::v-live",
            AGENT_URN,
        ]);
        // The alias name defaults to the name given to addAlias.
        expect(rec.find("aws-native:bedrock:AgentAlias", "v-live").inputs.agentAliasName).to.equal("live");
    });

    it("addAlias: a name that no alias name can be derived from is refused, naming the alias", () => {
        const agent = new bedrock.Agent("v", { foundationModel: M.AMAZON_NOVA_PRO_V1, instruction: INSTRUCTION });
        throwsExactly(
            () => agent.addAlias("--"),
            'AgentAlias "--": agentAliasName undefined cannot be derived from the name "--"; set it (letters and digits, each followed by at most one underscore or hyphen, at most 100 of them)',
            bedrock.BedrockValidationError,
        );
    });
});

describe("Agent: Lambda permissions' order by executor kind", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        ({ rec } = mocks());
    });

    it("functions by Pulumi name, then ARN strings by ARN, then Output ARNs in order of appearance (past ten of them too)", async () => {
        const arn = (n: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${n}`;
        const group = (name: string, lambdaRef: pulumi.Input<string> | aws.lambda.Function) => ({
            name,
            executor: bedrock.ActionGroupExecutor.fromLambda(lambdaRef),
            apiSchema: bedrock.ApiSchema.fromInline("openapi: 3.0.0"),
        });
        const outs = Array.from({ length: 11 }, (_, i) => group(`o${i}`, pulumi.output(arn(`out-${i}`))));
        new bedrock.Agent("ord", {
            foundationModel: M.AMAZON_NOVA_PRO_V1,
            instruction: INSTRUCTION,
            actionGroups: [
                outs[0],
                group("sb", arn("b")),
                { name: "rc", executor: bedrock.ActionGroupExecutor.RETURN_CONTROL, apiSchema: bedrock.ApiSchema.fromInline("openapi: 3.0.0") },
                group("sa", arn("a")),
                ...outs.slice(1),
                group("fz", fn("zeta")),
            ],
        });
        await settle();
        const perms = rec.byType("aws:lambda/permission:Permission").map((p) => [p.name, p.inputs.function]);
        const expected = [
            ["ord-lambda-0-permission", arn("zeta")],
            ["ord-lambda-1-permission", arn("a")],
            ["ord-lambda-2-permission", arn("b")],
            ...Array.from({ length: 11 }, (_, i) => [`ord-lambda-${i + 3}-permission`, arn(`out-${i}`)]),
        ];
        const byName = (x: unknown[], y: unknown[]) => (String(x[0]) < String(y[0]) ? -1 : 1);
        expect(perms.sort(byName)).to.deep.equal(expected.sort(byName));
    });
});

describe("Agent: tags and flags in the agent's inputs", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        ({ rec } = mocks());
    });

    it("tags as a map; shouldPrepareAgent and forceDelete as given", async () => {
        new bedrock.Agent("t", {
            foundationModel: M.AMAZON_NOVA_PRO_V1,
            instruction: INSTRUCTION,
            tags: { team: "agri", env: "dev" },
            shouldPrepareAgent: false,
            forceDelete: true,
        });
        await settle();
        const a = rec.find("aws-native:bedrock:Agent", "t").inputs;
        expect(a.tags).to.deep.equal({ team: "agri", env: "dev" });
        expect(a.autoPrepare).to.equal(false);
        expect(a.skipResourceInUseCheckOnDelete).to.equal(true);
    });

    it("the test alias is the same object on every read", () => {
        const agent = new bedrock.Agent("ta", { foundationModel: M.AMAZON_NOVA_PRO_V1, instruction: INSTRUCTION });
        expect(agent.testAlias).to.equal(agent.testAlias);
    });
});
