// Every Region in an ARN, a trust condition or an alarm comes from the provider the resource is created
// with: an AgentHarness refuses a model of another Region (at construction when both Regions are known,
// at deploy otherwise), InvocationLogging takes its Region from its aws provider, alarms and dashboard
// graphs go to the metric's Region, dashboards stay within CloudWatch's quotas; and a whole program in
// eu-west-1 through explicit providers (default providers in us-east-1) passes the IAM simulator for
// eu-west-1 calls and for nothing in us-east-1.
import { expect } from "chai";
import * as aws from "@pulumi/aws";
import * as awsnative from "@pulumi/aws-native";
import { policiesForRole, resolveOutput, setBedrockMocks, settle, trustPolicyForRole, type MockRecorder } from "../components/testing/testing";
import * as bedrock from "../sdk/nodejs";
import { usageDashboardBody } from "../components/usage/dashboard-body";
import { decisions, evaluateTrust, type IamRequest, type Principal } from "./support/iam-eval";
import { throwsExactly } from "./support/errors";

const ACCOUNT = "123456789012";
const EU = "eu-west-1";
const US = "us-east-1";
const M = bedrock.BedrockFoundationModel;
const G = bedrock.CrossRegionInferenceProfileRegion;
const SONNET = M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0;
const INSTRUCTION = "You are a helpful and friendly agent that answers questions about agriculture.";
const HARNESS = "aws-native:bedrockagentcore:Harness";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const DASHBOARD = "aws:cloudwatch/dashboard:Dashboard";

/** Mocks whose default providers (both packages) are configured in us-east-1. */
const usDefaults = () => setBedrockMocks({ region: US, accountId: ACCOUNT, config: { "aws-native:region": US, "aws:region": US } });

/** The errors a program's Outputs and registrations fail with (each once), after it settles. */
async function deployErrors(program: () => void): Promise<string[]> {
    const seen: string[] = [];
    const collect = (e: unknown) => seen.push(e instanceof Error ? e.message : String(e));
    process.on("unhandledRejection", collect);
    try {
        program();
        await settle();
        await new Promise((r) => setTimeout(r, 50));
    } finally {
        process.off("unhandledRejection", collect);
    }
    return [...new Set(seen)].sort();
}

const inRegion = (model: string, region: string, through: string) =>
    `AgentHarness "agent": model "${model}" ${through}, but AgentHarness is in ${region}: Bedrock uses a model, profile or router only in its own Region`;

describe("AgentHarness: its model is in its own Region", function () {
    this.timeout(30_000);

    it("refused at construction when both Regions are known: a us. profile or a us-east-1 application profile for a harness in eu-west-1", async () => {
        const rec = setBedrockMocks({ region: EU, accountId: ACCOUNT, config: { "aws-native:region": EU } });
        const us = new awsnative.Provider("us", { region: US });
        const usProfile = new bedrock.CrossRegionInferenceProfile("us-cris", { geoRegion: G.US, model: SONNET }, { provider: us });
        const usApp = bedrock.ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes({
            inferenceProfileArn: `arn:aws:bedrock:${US}:${ACCOUNT}:application-inference-profile/abcdefghij12`,
            inferenceProfileIdentifier: "abcdefghij12",
        });
        throwsExactly(
            () => new bedrock.AgentHarness("agent", { model: usProfile, instruction: INSTRUCTION }),
            inRegion(`us.${SONNET.modelId}`, EU, `is a system-defined us. profile, callable only from ${G.US.sourceRegions.join(", ")}`),
        );
        throwsExactly(
            () => new bedrock.AgentHarness("agent", { model: usApp, instruction: INSTRUCTION }),
            inRegion(`arn:aws:bedrock:${US}:${ACCOUNT}:application-inference-profile/abcdefghij12`, EU, `is an application profile in Region ${US}`),
        );
        await settle();
        expect(rec.byType(HARNESS)).to.deep.equal([]);
        expect(rec.byType("bedrock-genai:index:AgentHarness")).to.deep.equal([]);
    });

    it("refused at deploy through an explicit eu-west-1 provider: a us. profile and an application profile of the us-east-1 default provider; no harness registered", async () => {
        for (const which of ["us.", "application"] as const) {
            const rec = usDefaults();
            const errors = await deployErrors(() => {
                const eu = new awsnative.Provider("eu", { region: EU });
                const usProfile = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: SONNET });
                const model =
                    which === "us." ? usProfile : new bedrock.ApplicationInferenceProfile("tenant", { inferenceProfileName: "tenant", modelSource: usProfile });
                new bedrock.AgentHarness("agent", { model, instruction: INSTRUCTION }, { provider: eu });
            });
            const arn =
                which === "us."
                    ? `arn:aws:bedrock:${US}:${ACCOUNT}:inference-profile/us.${SONNET.modelId}`
                    : ((rec.find("aws-native:bedrock:ApplicationInferenceProfile", "tenant").state.inferenceProfileArn as string) ?? "");
            const message = `AgentHarness "agent": model "${arn}" is in Region ${US}, but AgentHarness is in ${EU}: Bedrock uses a model, profile or router only in its own Region`;
            expect(errors, which).to.deep.equal([message, `error serializing property "model": ${message}`].sort());
            expect(rec.byType(HARNESS), which).to.deep.equal([]);
        }
    });

    it("accepted in its own Region: an eu. profile through the eu-west-1 provider", async () => {
        const rec = usDefaults();
        const eu = new awsnative.Provider("eu", { region: EU });
        const profile = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.EU, model: SONNET }, { provider: eu });
        new bedrock.AgentHarness("agent", { model: profile, instruction: INSTRUCTION }, { provider: eu });
        await settle();
        expect((rec.find(HARNESS, "agent").inputs.model as { bedrockModelConfig: { modelId: string } }).bedrockModelConfig.modelId).to.equal(
            `arn:aws:bedrock:${EU}:${ACCOUNT}:inference-profile/eu.${SONNET.modelId}`,
        );
    });
});

describe("InvocationLogging: the Region of its aws provider", () => {
    it("with { provider: <aws provider in eu-west-1> } and every default provider in us-east-1: trust, log stream and bucket policy in eu-west-1", async () => {
        const rec = usDefaults();
        const awsEu = new aws.Provider("aws-eu", { region: EU });
        const logging = new bedrock.InvocationLogging(
            "logging",
            { cloudWatch: { logGroupName: "/bedrock/invocations" }, s3: { bucketName: "logs-bucket", keyPrefix: "bedrock" } },
            { provider: awsEu },
        );
        await settle();
        const trust = trustPolicyForRole(rec, "logging-role");
        expect(trust.map((t) => t.Condition)).to.deep.equal([
            { StringEquals: { "aws:SourceAccount": [ACCOUNT] }, ArnLike: { "aws:SourceArn": [`arn:aws:bedrock:${EU}:${ACCOUNT}:*`] } },
        ]);
        const statements = policiesForRole(rec, "logging-role").flatMap((p) => p.statements);
        expect(statements.flatMap((s) => s.Resource)).to.deep.equal([
            `arn:aws:logs:${EU}:${ACCOUNT}:log-group:/bedrock/invocations:log-stream:aws/bedrock/modelinvocations`,
        ]);
        const bucket = JSON.parse((await resolveOutput(logging.bucketPolicy!)) as string);
        expect(bucket.Statement[0].Condition.ArnLike).to.deep.equal({ "aws:SourceArn": `arn:aws:bedrock:${EU}:${ACCOUNT}:*` });
        // Every resource of the component is created with the eu-west-1 provider.
        const euUrn = rec.resources.find((r) => r.type === "pulumi:providers:aws" && r.name === "aws-eu")?.urn as string;
        const custom = rec.resources.filter((r) => r.custom && r.type.startsWith("aws:") && r.type !== "pulumi:providers:aws");
        expect(custom.map((r) => r.type).sort()).to.include.members([
            "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration",
            "aws:cloudwatch/logGroup:LogGroup",
            "aws:iam/role:Role",
            "aws:s3/bucketPolicy:BucketPolicy",
        ]);
        for (const r of custom) expect(r.provider?.startsWith(`${euUrn}::`), `${r.type} ${r.name}`).to.equal(true);
    });
});

describe("alarms and dashboard graphs: in the metric's Region", () => {
    it("an alarm on an eu-west-1 profile or default router is created in eu-west-1, whatever the aws provider's Region", async () => {
        const rec = usDefaults();
        const eu = new awsnative.Provider("eu", { region: EU });
        const awsUs = new aws.Provider("aws-us", { region: US });
        const app = new bedrock.ApplicationInferenceProfile(
            "tenant",
            {
                inferenceProfileName: "tenant",
                modelSource: bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.EU, model: SONNET }, { provider: eu }),
            },
            { provider: eu },
        );
        // The default router of eu-west-1, referenced through the us-east-1 default provider (its account).
        const router = bedrock.PromptRouter.fromDefaultId(bedrock.DefaultPromptRouterIdentifier.ANTHROPIC_CLAUDE_V1, EU);
        const us = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: SONNET });
        app.addAlarm("tokens", { metric: "InputTokenCount", threshold: 1000 });
        router.addAlarm("throttles", { metric: "InvocationThrottles", threshold: 0 }, { provider: awsUs });
        us.addAlarm("tokens", { metric: "InputTokenCount", threshold: 1000 });
        await settle();
        const regionOf = (name: string) => rec.find(ALARM, name).inputs.region;
        expect(regionOf("tenant-tokens")).to.equal(EU);
        expect(regionOf(`${router.grantName()}-throttles`)).to.equal(EU);
        expect(regionOf(`${us.grantName()}-tokens`)).to.equal(US);
    });

    it("a dashboard over profiles of two Regions has one set of graphs per Region, each graph's region that of its lines", async () => {
        const rec = usDefaults();
        const eu = new awsnative.Provider("eu", { region: EU });
        const euProfile = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.EU, model: SONNET }, { provider: eu });
        const usProfile = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: SONNET });
        new bedrock.UsageDashboard("usage", { profiles: [usProfile, euProfile] });
        await settle();
        const body = JSON.parse(rec.find(DASHBOARD, "usage").inputs.dashboardBody as string) as {
            widgets: { y: number; properties: { title: string; region: string; metrics: [string, string, string, string, { region: string }][] } }[];
        };
        expect(body.widgets).to.have.length(14);
        for (const w of body.widgets) {
            expect(w.properties.metrics).to.have.length(1);
            expect(w.properties.metrics[0][4].region, w.properties.title).to.equal(w.properties.region);
            expect(w.properties.metrics[0][3]).to.equal(w.properties.region === EU ? `eu.${SONNET.modelId}` : `us.${SONNET.modelId}`);
        }
        expect(body.widgets.map((w) => w.properties.title).slice(0, 2)).to.deep.equal([`Input tokens, ${EU}`, `Output tokens, ${EU}`]);
        expect(body.widgets.map((w) => w.properties.region)).to.deep.equal([...Array(7).fill(EU), ...Array(7).fill(US)]);
        // The second Region's graphs start below the first's four rows.
        expect(body.widgets[7].y).to.equal(24);
    });
});

describe("UsageDashboard: CloudWatch's dashboard quotas", () => {
    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html, "Dashboards":
    // up to 500 widgets per dashboard, 500 metrics per widget, 2,500 metrics per dashboard across all widgets.
    const imported = (i: number) =>
        bedrock.ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes({
            inferenceProfileArn: `arn:aws:bedrock:${US}:${ACCOUNT}:application-inference-profile/${String(i).padStart(12, "0")}`,
            inferenceProfileIdentifier: String(i).padStart(12, "0"),
        });

    it("400 profiles (2,800 metrics) are refused with the figures, before anything is registered", async () => {
        const rec = usDefaults();
        const profiles = Array.from({ length: 400 }, (_, i) => imported(i));
        throwsExactly(
            () => new bedrock.UsageDashboard("usage", { profiles }),
            `UsageDashboard "usage": profiles "400 profiles" make 2,800 metrics (7 graphs of 400 lines), over CloudWatch's 2,500 metrics per dashboard (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html): graph at most 357 profiles per UsageDashboard, and split the rest over several`,
        );
        await settle();
        expect(rec.byType(DASHBOARD)).to.deep.equal([]);
    });

    it("357 profiles (2,499 metrics) make one dashboard within every quota", async () => {
        const rec = usDefaults();
        new bedrock.UsageDashboard("usage", { profiles: Array.from({ length: 357 }, (_, i) => imported(i)) });
        await settle();
        const body = JSON.parse(rec.find(DASHBOARD, "usage").inputs.dashboardBody as string) as { widgets: { properties: { metrics: unknown[] } }[] };
        const metrics = body.widgets.map((w) => w.properties.metrics.length);
        expect(body.widgets.length).to.be.at.most(500);
        expect(Math.max(...metrics)).to.equal(357);
        expect(metrics.reduce((a, b) => a + b, 0)).to.equal(2499);
    });

    it("guardrails count toward the dashboard's metrics: 357 profiles and one guardrail (2,503 metrics) are refused with the figures", async () => {
        const rec = usDefaults();
        const guardrail = bedrock.Guardrail.fromGuardrailAttributes({ guardrailArn: `arn:aws:bedrock:${US}:${ACCOUNT}:guardrail/abcdefghijkl` });
        const profiles = Array.from({ length: 357 }, (_, i) => imported(i));
        throwsExactly(
            () => new bedrock.UsageDashboard("usage", { profiles, guardrails: [guardrail] }),
            `UsageDashboard "usage": guardrails "1 guardrail" make 2,503 metrics with the profiles' 2,499, over CloudWatch's 2,500 metrics per dashboard (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html): split them over several UsageDashboards`,
        );
        await settle();
        expect(rec.byType(DASHBOARD)).to.deep.equal([]);
    });

    it("the body refuses profiles over the quotas however they are passed", () => {
        const profiles = Array.from({ length: 358 }, (_, i) => ({ label: `p${i}`, modelId: `id${i}`, region: US }));
        throwsExactly(
            () => usageDashboardBody(profiles, 300),
            "358 profiles in 1 Region make 2,506 metrics (7 graphs of 358 lines), over CloudWatch's 2,500 metrics per dashboard (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html): graph at most 357 profiles per UsageDashboard, and split the rest over several",
        );
    });
});

describe("a harness, logging and alarms in eu-west-1 through explicit providers (default providers in us-east-1)", function () {
    this.timeout(60_000);
    const OAUTH = `arn:aws:bedrock-agentcore:${EU}:${ACCOUNT}:token-vault/default/oauth2credentialprovider/weather`;
    const GATEWAY = `arn:aws:bedrock-agentcore:${EU}:${ACCOUNT}:gateway/weather-gw-abcdefghij`;
    let rec: MockRecorder;
    let harness: bedrock.AgentHarness;
    let app: bedrock.ApplicationInferenceProfile;

    before(async () => {
        rec = usDefaults();
        const native = new awsnative.Provider("eu-native", { region: EU });
        const awsEu = new aws.Provider("eu-aws", { region: EU });
        const euProfile = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.EU, model: SONNET }, { provider: native });
        app = new bedrock.ApplicationInferenceProfile(
            "tenant",
            { inferenceProfileName: "tenant", modelSource: euProfile, tags: { tenant: "acme" } },
            { providers: [native, awsEu] },
        );
        harness = new bedrock.AgentHarness(
            "agent",
            {
                model: app,
                instruction: INSTRUCTION,
                tools: [
                    bedrock.HarnessTool.gateway({ name: "weather", gatewayArn: GATEWAY, outboundAuth: { oauth: { providerArn: OAUTH, scopes: ["read"] } } }),
                    bedrock.HarnessTool.codeInterpreter({ name: "python" }),
                ],
                memory: bedrock.HarnessMemory.managed(),
            },
            { providers: [native, awsEu] },
        );
        app.addAlarm("tokens", { metric: "InputTokenCount", threshold: 1_000_000 }, { provider: awsEu });
        new bedrock.InvocationLogging("logging", { cloudWatch: { logGroupName: "/bedrock/invocations" } }, { provider: awsEu });
        await settle();
    });

    const who: Principal = { account: ACCOUNT, partition: "aws", roleName: "agent-role" };
    const appArn = () => rec.find("aws-native:bedrock:ApplicationInferenceProfile", "tenant").state.inferenceProfileArn as string;
    const memoryArn = () => (rec.find(HARNESS, "agent").state.memory as { managedMemoryConfiguration: { arn: string } }).managedMemoryConfiguration.arn;
    const harnessRole = async () => ((await resolveOutput(harness.executionRoleArn)) as string).split("/").pop() as string;

    it("every Region in the harness's inputs, trust, alarms and logging is eu-west-1", async () => {
        expect(appArn()).to.match(new RegExp(`^arn:aws:bedrock:${EU}:${ACCOUNT}:application-inference-profile/`));
        expect(memoryArn()).to.match(new RegExp(`^arn:aws:bedrock-agentcore:${EU}:${ACCOUNT}:memory/`));
        expect((rec.find(HARNESS, "agent").inputs.model as { bedrockModelConfig: { modelId: string } }).bedrockModelConfig.modelId).to.equal(appArn());
        const harnessSources = trustPolicyForRole(rec, await harnessRole()).flatMap((t) =>
            Object.values(t.Condition ?? {}).flatMap((c) => c["aws:SourceArn"] ?? []),
        );
        expect(harnessSources).to.not.deep.equal([]);
        for (const arn of harnessSources) expect(arn.split(":")[3], arn).to.equal(EU);
        for (const t of trustPolicyForRole(rec, "logging-role")) {
            expect(t.Condition?.ArnLike?.["aws:SourceArn"]).to.deep.equal([`arn:aws:bedrock:${EU}:${ACCOUNT}:*`]);
        }
        expect(rec.find(ALARM, "tenant-tokens").inputs.region).to.equal(EU);
        // No policy of the program names us-east-1.
        const roles = [await harnessRole(), "logging-role"];
        const json = roles.flatMap((r) => policiesForRole(rec, r).map((p) => p.json));
        expect(json.filter((j) => j.includes(US))).to.deep.equal([]);
    });

    it("IAM: the harness role makes its eu-west-1 calls, and none of them in us-east-1", async () => {
        const json = policiesForRole(rec, await harnessRole()).map((p) => p.json);
        const fm = (r: string) => `arn:aws:bedrock:${r}::foundation-model/${SONNET.modelId}`;
        const viaApp = { "bedrock:InferenceProfileArn": appArn() };
        const directory = (r: string) => `arn:aws:bedrock-agentcore:${r}:${ACCOUNT}:workload-identity-directory/default`;
        const calls = (r: string): IamRequest[] => [
            { action: "bedrock:InvokeModel", resource: appArn().replace(EU, r) },
            { action: "bedrock:InvokeModel", resource: fm(r), context: { "bedrock:InferenceProfileArn": appArn().replace(EU, r) } },
            { action: "logs:PutLogEvents", resource: `arn:aws:logs:${r}:${ACCOUNT}:log-group:/aws/bedrock-agentcore/runtimes/agent-abc:log-stream:s` },
            { action: "bedrock-agentcore:InvokeGateway", resource: GATEWAY.replace(EU, r) },
            { action: "bedrock-agentcore:GetResourceOauth2Token", resource: OAUTH.replace(EU, r) },
            { action: "bedrock-agentcore:GetResourceOauth2Token", resource: `arn:aws:bedrock-agentcore:${r}:${ACCOUNT}:token-vault/default` },
            { action: "bedrock-agentcore:GetResourceOauth2Token", resource: `${directory(r)}/workload-identity/harness_agent-abc123` },
            {
                action: "secretsmanager:GetSecretValue",
                resource: `arn:aws:secretsmanager:${r}:${ACCOUNT}:secret:bedrock-agentcore-identity!default/oauth2/weather-AbCdEf`,
            },
            { action: "bedrock-agentcore:StartCodeInterpreterSession", resource: `arn:aws:bedrock-agentcore:${r}:aws:code-interpreter/aws.codeinterpreter.v1` },
            { action: "bedrock-agentcore:CreateEvent", resource: memoryArn().replace(EU, r) },
            { action: "bedrock-agentcore:GetWorkloadAccessToken", resource: directory(r) },
        ];
        const allowed = [...calls(EU), ...G.EU.destinationRegions.map((r) => ({ action: "bedrock:InvokeModel", resource: fm(r), context: viaApp }))];
        expect((await decisions(json, allowed, who)).filter((d) => !d.startsWith("Allowed "))).to.deep.equal([]);
        expect((await decisions(json, calls(US), who)).filter((d) => d.startsWith("Allowed "))).to.deep.equal([]);
    });

    it("IAM: AgentCore may assume the harness role for eu-west-1 harnesses only; Bedrock the logging role for eu-west-1 only", async () => {
        const trust = (role: string) => rec.byType("aws:iam/role:Role").find((r) => r.name === role)?.inputs.assumeRolePolicy as string;
        const harnessTrust = trust("agent-role");
        const loggingTrust = trust("logging-role");
        const assume = (principal: string, roleName: string, sourceArn: string) => ({
            principal,
            roleArn: `arn:aws:iam::${ACCOUNT}:role/${roleName}`,
            context: { "aws:SourceAccount": ACCOUNT, "aws:SourceArn": sourceArn },
        });
        const harnessArn = (r: string) => `arn:aws:bedrock-agentcore:${r}:${ACCOUNT}:harness/agent-abcdefghij`;
        expect(await evaluateTrust(harnessTrust, assume("bedrock-agentcore.amazonaws.com", "agent-role", harnessArn(EU)))).to.equal("Allowed");
        expect(await evaluateTrust(harnessTrust, assume("bedrock-agentcore.amazonaws.com", "agent-role", harnessArn(US)))).to.equal("ImplicitlyDenied");
        const bedrockArn = (r: string) => `arn:aws:bedrock:${r}:${ACCOUNT}:inference-profile/eu.x`;
        expect(await evaluateTrust(loggingTrust, assume("bedrock.amazonaws.com", "logging-role", bedrockArn(EU)))).to.equal("Allowed");
        expect(await evaluateTrust(loggingTrust, assume("bedrock.amazonaws.com", "logging-role", bedrockArn(US)))).to.equal("ImplicitlyDenied");
    });

    it("IAM: the logging role writes the eu-west-1 log stream only", async () => {
        const json = policiesForRole(rec, "logging-role").map((p) => p.json);
        const stream = (r: string) => `arn:aws:logs:${r}:${ACCOUNT}:log-group:/bedrock/invocations:log-stream:aws/bedrock/modelinvocations`;
        const d = await decisions(
            json,
            [EU, US].map((r) => ({ action: "logs:PutLogEvents", resource: stream(r) })),
            { account: ACCOUNT, partition: "aws", roleName: "logging-role" },
        );
        expect(d).to.deep.equal([`Allowed logs:PutLogEvents ${stream(EU)}`, `ImplicitlyDenied logs:PutLogEvents ${stream(US)}`]);
    });
});
