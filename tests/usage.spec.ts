import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { setBedrockMocks, resolveOutput, settle, fakeId, statementsForRole, trustPolicyForRole, type MockRecorder } from "../components/testing/testing";
import * as bedrock from "../sdk/nodejs";
import { modelIdDimensionValue, periodProblem, isStatistic } from "../components/usage/metrics";
import { usageDashboardBody } from "../components/usage/dashboard-body";
import { tagKeyValueFilter, pickTag } from "../components/usage/budget-filters";
import { loggingBucketPolicy, loggingRoleStatements, loggingTrustPolicy } from "../components/usage/logging-policies";
import { decisions } from "./support/iam-eval";
import { conformanceErrors, formatFinding, freeEngine, getEngine, renderTemplate, validateTemplate, type CfnTemplate } from "./support/conformance";
import { outputError, throwsExactly } from "./support/errors";

const ACCOUNT = "123456789012";
const M = bedrock.BedrockFoundationModel;
const G = bedrock.CrossRegionInferenceProfileRegion;
const HAIKU_45 = "anthropic.claude-haiku-4-5-20251001-v1:0";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const DASHBOARD = "aws:cloudwatch/dashboard:Dashboard";
const BUDGET = "aws:budgets/budget:Budget";
const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:usage-alerts`;

function tenantProfile(tenant: string, tags: Record<string, string> = { tenant, tier: "chat" }) {
    return new bedrock.ApplicationInferenceProfile(`${tenant}-chat`, {
        inferenceProfileName: `${tenant}-chat`,
        modelSource: bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0 }),
        tags,
    });
}

/** The service-generated id the mocks give the application profile named `name`. */
const appId = (name: string) => fakeId(name, 12);

/** Everything registered, as `type name`. */
function registered(rec: MockRecorder): string[] {
    return rec.resources.map((r) => `${r.type} ${r.name}`);
}

describe("usage tracking (pure rules)", () => {
    it("the ModelId dimension value is the profile's or router's id, cut at the first / of its ARN", () => {
        expect(modelIdDimensionValue(`arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/abc123def456`)).to.equal("abc123def456");
        expect(modelIdDimensionValue(`arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${HAIKU_45}`)).to.equal(`us.${HAIKU_45}`);
        expect(modelIdDimensionValue(`arn:aws:bedrock:us-east-1:${ACCOUNT}:prompt-router/r0123456789a`)).to.equal("r0123456789a");
        expect(modelIdDimensionValue(`arn:aws:bedrock:us-east-1:${ACCOUNT}:default-prompt-router/anthropic.claude:1`)).to.equal("anthropic.claude:1");
        throwsExactly(
            () => modelIdDimensionValue(`arn:aws:bedrock:us-east-1::foundation-model/${HAIKU_45}`),
            '"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0" is not the ARN of a Bedrock inference profile or prompt router (resource type "foundation-model")',
        );
        throwsExactly(
            () => modelIdDimensionValue("us.anthropic.claude"),
            '"us.anthropic.claude" is not the ARN of a Bedrock inference profile or prompt router',
        );
    });

    it("periods are positive multiples of 60; 10, 20 and 30 (high-resolution only) are refused for Bedrock's one-minute metrics", () => {
        for (const ok of [60, 120, 300, 3600, 86400]) expect(periodProblem(ok), String(ok)).to.equal(undefined);
        for (const bad of [0, -60, 10, 20, 30, 90, 61, 1.5]) expect(periodProblem(bad), String(bad)).to.be.a("string");
    });

    it("statistics: the five plain ones and percentiles p0..p100", () => {
        for (const ok of ["Sum", "Average", "Minimum", "Maximum", "SampleCount", "p50", "p99", "p99.9", "p100"]) expect(isStatistic(ok), ok).to.equal(true);
        for (const bad of ["sum", "avg", "p101", "p", "tm99", ""]) expect(isStatistic(bad), bad).to.equal(false);
    });

    it("the TagKeyValue filter of a user-defined tag is user:<key>$<value>", () => {
        expect(tagKeyValueFilter("tenant", "acme")).to.equal("user:tenant$acme");
    });

    it("pickTag takes the named tag, or the only one, and refuses ambiguity naming tagKey", () => {
        const w = { component: "ProfileBudget", name: "b" };
        expect(pickTag(w, [{ key: "tenant", value: "acme" }], undefined)).to.deep.equal({ key: "tenant", value: "acme" });
        throwsExactly(
            () =>
                pickTag(
                    w,
                    [
                        { key: "tenant", value: "acme" },
                        { key: "tier", value: "chat" },
                    ],
                    undefined,
                ),
            'ProfileBudget "b": tagKey undefined is required: the profile has several tags (tenant, tier); name the cost allocation tag to budget on',
        );
        throwsExactly(
            () => pickTag(w, [{ key: "tier", value: "chat" }], "tenant"),
            'ProfileBudget "b": tagKey "tenant" is not a tag of the profile (its tags: tier)',
        );
    });

    it("the dashboard body is deterministic: same profiles, same bytes", () => {
        const profiles = [
            { label: "acme-chat", modelId: "aaa", region: "us-east-1" },
            { label: "globex-chat", modelId: "bbb", region: "us-east-1" },
        ];
        expect(usageDashboardBody(profiles, 300)).to.equal(
            usageDashboardBody(
                profiles.map((p) => ({ ...p })),
                300,
            ),
        );
    });

    it("logging policies are AWS's: bucket policy, trust policy and role statements", () => {
        expect(JSON.parse(loggingBucketPolicy("aws", "us-east-1", ACCOUNT, "logs-bucket", "bedrock"))).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "AmazonBedrockLogsWrite",
                    Effect: "Allow",
                    Principal: { Service: "bedrock.amazonaws.com" },
                    Action: ["s3:PutObject"],
                    Resource: [`arn:aws:s3:::logs-bucket/bedrock/AWSLogs/${ACCOUNT}/BedrockModelInvocationLogs/*`],
                    Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnLike: { "aws:SourceArn": `arn:aws:bedrock:us-east-1:${ACCOUNT}:*` } },
                },
            ],
        });
        expect(JSON.parse(loggingTrustPolicy("aws", "us-east-1", ACCOUNT)).Statement[0].Condition).to.deep.equal({
            StringEquals: { "aws:SourceAccount": ACCOUNT },
            ArnLike: { "aws:SourceArn": `arn:aws:bedrock:us-east-1:${ACCOUNT}:*` },
        });
        expect(loggingRoleStatements("aws", "us-east-1", ACCOUNT, "/bedrock/invocations", { bucketName: "big", keyPrefix: "large" })).to.deep.equal([
            {
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/bedrock/invocations:log-stream:aws/bedrock/modelinvocations`],
            },
            { Effect: "Allow", Action: ["s3:PutObject"], Resource: ["arn:aws:s3:::big/large/*"] },
        ]);
    });
});

describe("metric() on every profile and router", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
    });

    it("an application profile's metric is AWS/Bedrock, ModelId = the profile's id, Sum over 300 s by default", async () => {
        const acme = tenantProfile("acme");
        const m = acme.metric("InputTokenCount");
        expect({ ...m, dimensions: undefined }).to.deep.equal({
            namespace: "AWS/Bedrock",
            metricName: "InputTokenCount",
            dimensions: undefined,
            statistic: "Sum",
            period: 300,
        });
        expect(await resolveOutput(m.dimensions.ModelId)).to.equal(appId("acme-chat"));
        expect(await resolveOutput(acme.inferenceProfileId)).to.equal(appId("acme-chat"));
        const latency = acme.metric("InvocationLatency", { statistic: "p99", period: 60 });
        expect([latency.statistic, latency.period]).to.deep.equal(["p99", 60]);
        expect(acme.metric("InvocationLatency").statistic).to.equal("Average");
        await settle();
        expect(registered(rec), "metric() registers nothing").to.deep.equal([
            "bedrock-genai:index:ApplicationInferenceProfile acme-chat",
            "aws-native:bedrock:ApplicationInferenceProfile acme-chat",
        ]);
    });

    it("imported, cross-region (component and fromConfig) profiles and routers (custom and default) meter under their ids", async () => {
        const imported = bedrock.ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes({
            inferenceProfileArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/imp0rted0id1`,
            inferenceProfileIdentifier: "imp0rted0id1",
        });
        const ref = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0 });
        const cris = new bedrock.CrossRegionInferenceProfile("cris", { geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
        const sonnet = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
        const router = new bedrock.PromptRouter("router", {
            promptRouterName: "router",
            models: [ref, sonnet],
            fallbackModel: ref,
            responseQualityDifference: 10,
        });
        const defaultRouter = bedrock.PromptRouter.fromDefaultId(bedrock.DefaultPromptRouterIdentifier.ANTHROPIC_CLAUDE_V1, "us-east-1");
        const ids = await Promise.all([imported, ref, cris, router, defaultRouter].map((p) => resolveOutput(p.metric("Invocations").dimensions.ModelId)));
        expect(ids).to.deep.equal([
            "imp0rted0id1",
            `us.${HAIKU_45}`,
            `us.${M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0.modelId}`,
            fakeId("router", 12),
            "anthropic.claude:1",
        ]);
    });

    it("refuses an unknown metric, a bad statistic and a bad period, naming the argument", () => {
        const acme = tenantProfile("acme");
        throwsExactly(
            () => acme.metric("TokenCount" as bedrock.BedrockMetricName),
            'ApplicationInferenceProfile.metric: name "TokenCount" is not a Bedrock runtime metric (one of InputTokenCount, InvocationClientErrors, InvocationLatency, InvocationServerErrors, InvocationThrottles, Invocations, LegacyModelInvocations, OutputImageCount, OutputTokenCount)',
        );
        throwsExactly(
            () => acme.metric("Invocations", { statistic: "avg" }),
            'ApplicationInferenceProfile.metric: opts.statistic "avg" must be one of Average, Maximum, Minimum, SampleCount, Sum or a percentile p0..p100 (e.g. p99)',
        );
        throwsExactly(
            () => acme.metric("Invocations", { period: 90 }),
            "ApplicationInferenceProfile.metric: opts.period 90 must be a positive multiple of 60 seconds (CloudWatch accepts 10, 20 and 30 only for high-resolution metrics, and Bedrock publishes one-minute metrics)",
        );
    });
});

describe("addAlarm()", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
    });

    it("renders aws.cloudwatch.MetricAlarm under the profile with exact inputs", async () => {
        const acme = tenantProfile("acme");
        const alarm = acme.addAlarm("tokens", { metric: "InputTokenCount", threshold: 1_000_000, period: 3600, actions: [TOPIC] });
        expect(alarm).to.be.instanceOf(aws.cloudwatch.MetricAlarm);
        await settle();
        const r = rec.find(ALARM, "acme-chat-tokens");
        expect(r.inputs).to.deep.equal({
            namespace: "AWS/Bedrock",
            metricName: "InputTokenCount",
            dimensions: { ModelId: appId("acme-chat") },
            statistic: "Sum",
            period: 3600,
            evaluationPeriods: 1,
            threshold: 1_000_000,
            comparisonOperator: "GreaterThanThreshold",
            treatMissingData: "notBreaching",
            alarmActions: [TOPIC],
            alarmDescription: "Bedrock InputTokenCount (Sum over 3600 s) of acme-chat",
            // The metric's Region: the profile's (its ARN's).
            region: "us-east-1",
        });
        expect(rec.parentOf(r)?.type).to.equal("bedrock-genai:index:ApplicationInferenceProfile");
    });

    it("a metric() value spreads into aws.cloudwatch.MetricAlarm arguments as it is", async () => {
        const acme = tenantProfile("acme");
        new aws.cloudwatch.MetricAlarm("by-hand", {
            ...acme.metric("OutputTokenCount", { period: 600 }),
            threshold: 5,
            evaluationPeriods: 1,
            comparisonOperator: "GreaterThanThreshold",
        });
        await settle();
        expect(rec.find(ALARM, "by-hand").inputs).to.deep.equal({
            namespace: "AWS/Bedrock",
            metricName: "OutputTokenCount",
            dimensions: { ModelId: appId("acme-chat") },
            statistic: "Sum",
            period: 600,
            threshold: 5,
            evaluationPeriods: 1,
            comparisonOperator: "GreaterThanThreshold",
        });
    });

    it("takes a metric() value, percentiles as extendedStatistic, and M of N datapoints", async () => {
        const acme = tenantProfile("acme");
        acme.addAlarm("slow", {
            metric: acme.metric("InvocationLatency", { statistic: "p99", period: 60 }),
            threshold: 20_000,
            comparison: "GreaterThanOrEqualToThreshold",
            evaluationPeriods: 5,
            datapointsToAlarm: 3,
            alarmName: "acme-slow",
            tags: { tenant: "acme" },
        });
        await settle();
        const inputs = rec.find(ALARM, "acme-chat-slow").inputs;
        expect(inputs.extendedStatistic).to.equal("p99");
        expect(inputs.statistic).to.equal(undefined);
        expect([inputs.period, inputs.evaluationPeriods, inputs.datapointsToAlarm, inputs.name, inputs.comparisonOperator]).to.deep.equal([
            60,
            5,
            3,
            "acme-slow",
            "GreaterThanOrEqualToThreshold",
        ]);
        expect(inputs.tags).to.deep.equal({ tenant: "acme" });
    });

    it("on a cross-region profile component and a custom router the alarm is their child", async () => {
        const cris = new bedrock.CrossRegionInferenceProfile("cris", { geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0 });
        const sonnet = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
        const router = new bedrock.PromptRouter("router", {
            promptRouterName: "router",
            models: [cris, sonnet],
            fallbackModel: cris,
            responseQualityDifference: 10,
        });
        cris.addAlarm("errors", { metric: "InvocationServerErrors", threshold: 10, period: 300 });
        router.addAlarm("invocations", { metric: "Invocations", threshold: 1000, period: 3600 });
        await settle();
        const a = rec.find(ALARM, "cris-errors");
        const b = rec.find(ALARM, "router-invocations");
        expect([rec.parentOf(a)?.type, rec.parentOf(b)?.type]).to.deep.equal([
            "bedrock-genai:index:CrossRegionInferenceProfile",
            "bedrock-genai:index:PromptRouter",
        ]);
        expect([a.inputs.dimensions, b.inputs.dimensions]).to.deep.equal([{ ModelId: `us.${HAIKU_45}` }, { ModelId: fakeId("router", 12) }]);
    });

    it("on a fromConfig reference (not a component) the alarm has no parent unless opts.parent is given", async () => {
        const ref = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0 });
        ref.addAlarm("throttles", { metric: "InvocationThrottles", threshold: 0, period: 60 });
        await settle();
        const name = `profile-us-${HAIKU_45.replace(/[^A-Za-z0-9-]/g, "-")}-throttles`;
        const r = rec.find(ALARM, name);
        expect(rec.parentOf(r)).to.equal(undefined);
        expect(r.inputs.dimensions).to.deep.equal({ ModelId: `us.${HAIKU_45}` });
    });

    const bad: [string, bedrock.ProfileAlarmArgs, string][] = [
        [
            "an unknown metric",
            { metric: "Tokens" as bedrock.BedrockMetricName, threshold: 1, period: 60 },
            'ApplicationInferenceProfile.addAlarm "a": metric "Tokens" is not a Bedrock runtime metric (one of InputTokenCount, InvocationClientErrors, InvocationLatency, InvocationServerErrors, InvocationThrottles, Invocations, LegacyModelInvocations, OutputImageCount, OutputTokenCount)',
        ],
        [
            "a negative threshold",
            { metric: "InputTokenCount", threshold: -1, period: 60 },
            'ApplicationInferenceProfile.addAlarm "a": threshold -1 must be zero or more (Bedrock\'s runtime metrics are counts and durations)',
        ],
        [
            "a period that is not a multiple of 60",
            { metric: "InputTokenCount", threshold: 1, period: 90 },
            'ApplicationInferenceProfile.addAlarm "a": period 90 must be a positive multiple of 60 seconds (CloudWatch accepts 10, 20 and 30 only for high-resolution metrics, and Bedrock publishes one-minute metrics)',
        ],
        [
            "a high-resolution period",
            { metric: "InputTokenCount", threshold: 1, period: 10 },
            'ApplicationInferenceProfile.addAlarm "a": period 10 must be a positive multiple of 60 seconds (CloudWatch accepts 10, 20 and 30 only for high-resolution metrics, and Bedrock publishes one-minute metrics)',
        ],
        [
            "an evaluation range over a day with periods under an hour",
            { metric: "InputTokenCount", threshold: 1, period: 300, evaluationPeriods: 289 },
            'ApplicationInferenceProfile.addAlarm "a": evaluationPeriods 289 times period 300 is 86700 s, over CloudWatch\'s limit of 86400 s (one day for periods under an hour)',
        ],
        [
            "datapointsToAlarm over evaluationPeriods",
            { metric: "InputTokenCount", threshold: 1, period: 60, evaluationPeriods: 2, datapointsToAlarm: 3 },
            'ApplicationInferenceProfile.addAlarm "a": datapointsToAlarm 3 must be a whole number between 1 and evaluationPeriods (2)',
        ],
        [
            "an action that is not an ARN",
            { metric: "InputTokenCount", threshold: 1, period: 60, actions: ["ops@example.com"] },
            'ApplicationInferenceProfile.addAlarm "a": actions[0] "ops@example.com" must be an ARN (an SNS topic, an Auto Scaling policy, ...)',
        ],
        [
            "an unknown comparison",
            { metric: "InputTokenCount", threshold: 1, period: 60, comparison: ">" as bedrock.AlarmComparison },
            'ApplicationInferenceProfile.addAlarm "a": comparison ">" must be one of GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanOrEqualToThreshold, LessThanThreshold',
        ],
    ];
    for (const [what, args, message] of bad) {
        it(`refuses ${what}, naming the argument, and registers no alarm`, async () => {
            const acme = tenantProfile("acme");
            throwsExactly(() => acme.addAlarm("a", args), message, bedrock.BedrockValidationError);
            await settle();
            expect(rec.byType(ALARM)).to.deep.equal([]);
        });
    }

    it("refuses another profile's metric", () => {
        const acme = tenantProfile("acme");
        const globex = tenantProfile("globex");
        throwsExactly(
            () => acme.addAlarm("a", { metric: globex.metric("InputTokenCount"), threshold: 1 }),
            'ApplicationInferenceProfile.addAlarm "a": metric "InputTokenCount of <output>" is a metric of another profile or router: pass this profile\'s metric() or a metric name',
        );
    });
});

describe("UsageDashboard", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
    });

    it("renders one aws.cloudwatch.Dashboard whose widgets graph each profile's metrics", async () => {
        const acme = tenantProfile("acme");
        const ref = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0 });
        const dash = new bedrock.UsageDashboard("usage", { profiles: [acme, ref] });
        await settle();
        const r = rec.find(DASHBOARD, "usage");
        expect(rec.parentOf(r)?.type).to.equal("bedrock-genai:index:UsageDashboard");
        expect(r.inputs.dashboardName).to.equal("usage");
        expect(r.inputs.dashboardBody).to.equal(await resolveOutput(dash.dashboardBody));
        const body = JSON.parse(r.inputs.dashboardBody);
        const lines = (metricName: string) => [
            ["AWS/Bedrock", metricName, "ModelId", appId("acme-chat"), { label: "acme-chat", region: "us-east-1" }],
            ["AWS/Bedrock", metricName, "ModelId", `us.${HAIKU_45}`, { label: `profile-us-${HAIKU_45.replace(/[^A-Za-z0-9-]/g, "-")}`, region: "us-east-1" }],
        ];
        expect(body.widgets.map((w: { properties: { title: string } }) => w.properties.title)).to.deep.equal([
            "Input tokens",
            "Output tokens",
            "Invocations",
            "Invocation latency (ms, average)",
            "Client errors",
            "Server errors",
            "Throttles",
        ]);
        expect(body.widgets[0]).to.deep.equal({
            type: "metric",
            x: 0,
            y: 0,
            width: 12,
            height: 6,
            properties: {
                title: "Input tokens",
                view: "timeSeries",
                stacked: false,
                region: "us-east-1",
                period: 300,
                stat: "Sum",
                metrics: lines("InputTokenCount"),
            },
        });
        const expected = [
            "InputTokenCount",
            "OutputTokenCount",
            "Invocations",
            "InvocationLatency",
            "InvocationClientErrors",
            "InvocationServerErrors",
            "InvocationThrottles",
        ];
        body.widgets.forEach((w: { properties: { metrics: unknown[] } }, i: number) => expect(w.properties.metrics).to.deep.equal(lines(expected[i])));
        expect(body.widgets[3].properties.stat).to.equal("Average");
    });

    it("the body is the same on every run", async () => {
        const first = await resolveOutput(new bedrock.UsageDashboard("usage", { profiles: [tenantProfile("acme"), tenantProfile("globex")] }).dashboardBody);
        setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
        const second = await resolveOutput(new bedrock.UsageDashboard("usage", { profiles: [tenantProfile("acme"), tenantProfile("globex")] }).dashboardBody);
        expect(second).to.equal(first);
    });

    it("refuses an empty list, a repeated profile, a bad name and a bad period, registering nothing", async () => {
        const acme = tenantProfile("acme");
        throwsExactly(
            () => new bedrock.UsageDashboard("d", { profiles: [] }),
            'UsageDashboard "d": profiles [] must be a non-empty list of inference profiles or prompt routers',
        );
        throwsExactly(() => new bedrock.UsageDashboard("d", { profiles: [acme, acme] }), 'UsageDashboard "d": profiles[1] "acme-chat" is profiles[0] again');
        throwsExactly(
            () => new bedrock.UsageDashboard("d", { profiles: [acme], dashboardName: "my dashboard" }),
            'UsageDashboard "d": dashboardName "my dashboard" must match ^[A-Za-z0-9_-]+$ (letters, digits, hyphens and underscores)',
        );
        throwsExactly(
            () => new bedrock.UsageDashboard("d", { profiles: [acme], period: 45 }),
            'UsageDashboard "d": period 45 must be a positive multiple of 60 seconds (CloudWatch accepts 10, 20 and 30 only for high-resolution metrics, and Bedrock publishes one-minute metrics)',
        );
        throwsExactly(
            () => new bedrock.UsageDashboard("d", { profiles: [M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0 as never] }),
            'UsageDashboard "d": profiles[0] {"modelId":"anthropic.claude-haiku-4-5-20251001-v1:0","provider":"anthropic","supportsCrossRegion":true,"supportsAgen... must be an inference profile or a prompt router (something with metric())',
        );
        await settle();
        expect(registered(rec).filter((r) => !r.includes("acme-chat"))).to.deep.equal([]);
    });
});

describe("ProfileBudget", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
    });

    it("renders an AWS Budgets cost budget filtered on the profile's tag, with notifications", async () => {
        const acme = tenantProfile("acme");
        const budget = new bedrock.ProfileBudget("acme-budget", {
            profile: acme,
            tagKey: "tenant",
            limitUsd: 100,
            notifications: [
                { threshold: 80, emails: ["finops@example.com"] },
                { threshold: 100, type: "FORECASTED", snsTopicArns: [TOPIC] },
            ],
        });
        await settle();
        const r = rec.find(BUDGET, "acme-budget");
        expect(rec.parentOf(r)?.type).to.equal("bedrock-genai:index:ProfileBudget");
        expect(r.inputs).to.deep.equal({
            budgetType: "COST",
            limitAmount: "100",
            limitUnit: "USD",
            timeUnit: "MONTHLY",
            // FilterExpression (AWS's current field; CostFilters is deprecated): Tags { Key, Values }.
            filterExpression: { tags: { key: "tenant", values: ["acme"] } },
            notifications: [
                {
                    comparisonOperator: "GREATER_THAN",
                    notificationType: "ACTUAL",
                    threshold: 80,
                    thresholdType: "PERCENTAGE",
                    subscriberEmailAddresses: ["finops@example.com"],
                },
                {
                    comparisonOperator: "GREATER_THAN",
                    notificationType: "FORECASTED",
                    threshold: 100,
                    thresholdType: "PERCENTAGE",
                    subscriberSnsTopicArns: [TOPIC],
                },
            ],
        });
        expect(await resolveOutput(budget.tagFilter)).to.equal("user:tenant$acme");
        expect(rec.byType("aws:costexplorer/costAllocationTag:CostAllocationTag")).to.deep.equal([]);
    });

    it("takes the profile's only tag by default; activates a tag key once per program when asked", async () => {
        const solo = tenantProfile("solo", { "cost-center": "cc-42" });
        new bedrock.ProfileBudget("solo-budget", { profile: solo, limitUsd: 12.5 });
        const a = tenantProfile("acme");
        const b = tenantProfile("globex");
        new bedrock.ProfileBudget("acme-budget", { profile: a, tagKey: "tenant", limitUsd: 10, activateTag: true });
        new bedrock.ProfileBudget("globex-budget", { profile: b, tagKey: "tenant", limitUsd: 10, activateTag: true });
        await settle();
        expect(rec.find(BUDGET, "solo-budget").inputs.filterExpression).to.deep.equal({ tags: { key: "cost-center", values: ["cc-42"] } });
        expect(rec.find(BUDGET, "solo-budget").inputs.costFilters).to.equal(undefined);
        expect(rec.find(BUDGET, "solo-budget").inputs.limitAmount).to.equal("12.5");
        const tags = rec.byType("aws:costexplorer/costAllocationTag:CostAllocationTag");
        expect(tags.map((t) => [t.name, t.inputs])).to.deep.equal([["acme-budget-tag", { tagKey: "tenant", status: "Active" }]]);
    });

    it("an imported profile needs tagKey and tagValue", async () => {
        const imported = bedrock.ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes({
            inferenceProfileArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/imp0rted0id1`,
            inferenceProfileIdentifier: "imp0rted0id1",
        });
        throwsExactly(
            () => new bedrock.ProfileBudget("b", { profile: imported, limitUsd: 5 }),
            'ProfileBudget "b": tagValue undefined is required (with tagKey) for an imported profile: its tags are not known to this program',
        );
        new bedrock.ProfileBudget("b", { profile: imported, limitUsd: 5, tagKey: "team", tagValue: "search" });
        await settle();
        expect(rec.find(BUDGET, "b").inputs.filterExpression).to.deep.equal({ tags: { key: "team", values: ["search"] } });
    });

    it("on a created profile, a missing, ambiguous or absent tagKey is refused at construction, naming tagKey, and registers nothing", async () => {
        const acme = tenantProfile("acme");
        const bare = new bedrock.ApplicationInferenceProfile("bare", {
            inferenceProfileName: "bare",
            modelSource: bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0 }),
        });
        throwsExactly(
            () => new bedrock.ProfileBudget("b", { profile: acme, limitUsd: 5 }),
            'ProfileBudget "b": tagKey undefined is required: the profile has several tags (tenant, tier); name the cost allocation tag to budget on',
        );
        throwsExactly(
            () => new bedrock.ProfileBudget("c", { profile: acme, limitUsd: 5, tagKey: "team" }),
            'ProfileBudget "c": tagKey "team" is not a tag of the profile (its tags: tenant, tier)',
        );
        throwsExactly(
            () => new bedrock.ProfileBudget("d", { profile: bare, limitUsd: 5 }),
            'ProfileBudget "d": tagKey undefined is required: the profile has no tags; name the cost allocation tag to budget on',
        );
        await settle();
        expect(rec.byType("bedrock-genai:index:ProfileBudget")).to.deep.equal([]);
        expect(rec.byType(BUDGET)).to.deep.equal([]);
    });

    it("a tag value given as an Output on the created profile is the filter's value", async () => {
        const p = new bedrock.ApplicationInferenceProfile("later", {
            inferenceProfileName: "later",
            modelSource: bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0 }),
            tags: { tenant: pulumi.output("initech") },
        });
        const budget = new bedrock.ProfileBudget("b", { profile: p, limitUsd: 5 });
        expect(await resolveOutput(budget.tagFilter)).to.equal("user:tenant$initech");
    });

    const bad: [string, Record<string, unknown>, string][] = [
        ["no amount", {}, 'ProfileBudget "b": limitUsd undefined is required (the budget\'s amount in US dollars)'],
        ["a zero amount", { limitUsd: 0 }, 'ProfileBudget "b": limitUsd 0 must be more than zero'],
        ["fractions of a cent", { limitUsd: 1.005 }, 'ProfileBudget "b": limitUsd 1.005 must have at most two decimals (cents)'],
        [
            "a notification without subscribers",
            { limitUsd: 1, notifications: [{ threshold: 50 }] },
            'ProfileBudget "b": notifications[0] {"threshold":50} needs at least one subscriber (emails or snsTopicArns)',
        ],
        [
            "a bad email",
            { limitUsd: 1, notifications: [{ threshold: 50, emails: ["finops"] }] },
            'ProfileBudget "b": notifications[0].emails[0] "finops" is not an email address',
        ],
        ["a DAILY time unit", { limitUsd: 1, timeUnit: "DAILY" }, 'ProfileBudget "b": timeUnit "DAILY" must be one of ANNUALLY, MONTHLY, QUARTERLY'],
        [
            "an aws: tag key",
            { limitUsd: 1, tagKey: "aws:createdBy" },
            'ProfileBudget "b": tagKey "aws:createdBy" must not start with "aws:" (a user-defined tag of the profile)',
        ],
        [
            "activation without a key",
            { limitUsd: 1, activateTag: true },
            'ProfileBudget "b": tagKey undefined is required with activateTag (the key to activate)',
        ],
    ];
    for (const [what, args, message] of bad) {
        it(`refuses ${what}, naming the argument, and registers nothing`, async () => {
            const acme = tenantProfile("acme");
            throwsExactly(() => new bedrock.ProfileBudget("b", { profile: acme, ...args } as unknown as bedrock.ProfileBudgetArgs), message);
            await settle();
            expect(registered(rec).filter((r) => !r.includes("acme-chat"))).to.deep.equal([]);
        });
    }

    it("refuses a cross-region profile (it carries no tags)", () => {
        const ref = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0 });
        throwsExactly(
            () => new bedrock.ProfileBudget("b", { profile: ref as never, limitUsd: 1 }),
            'ProfileBudget "b": profile "profile-us-anthropic-claude-haiku-4-5-20251001-v1-0" must be an application inference profile: AWS attributes costs to the tags of application profiles (system-defined profiles and routers carry none)',
        );
    });
});

describe("InvocationLogging", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
    });

    it("CloudWatch Logs and S3: log group, role with AWS's trust and statements, bucket policy, configuration", async () => {
        new bedrock.InvocationLogging("logging", {
            cloudWatch: { logGroupName: "/bedrock/invocations", retentionInDays: 90, largeDataBucket: { bucketName: "big-payloads", keyPrefix: "large" } },
            s3: { bucketName: "invocation-logs", keyPrefix: "bedrock" },
            videoData: false,
        });
        await settle();
        expect(rec.find("aws:cloudwatch/logGroup:LogGroup", "logging-logs").inputs).to.deep.equal({ name: "/bedrock/invocations", retentionInDays: 90 });
        const role = rec.find("aws:iam/role:Role", "logging-role");
        expect(trustPolicyForRole(rec, role.state.name)).to.deep.equal([
            {
                Effect: "Allow",
                Principal: { Service: ["bedrock.amazonaws.com"] },
                Action: ["sts:AssumeRole"],
                Condition: { StringEquals: { "aws:SourceAccount": [ACCOUNT] }, ArnLike: { "aws:SourceArn": [`arn:aws:bedrock:us-east-1:${ACCOUNT}:*`] } },
            },
        ]);
        expect(statementsForRole(rec, role.state.name)).to.deep.include.members([
            {
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/bedrock/invocations:log-stream:aws/bedrock/modelinvocations`],
            },
            { Effect: "Allow", Action: ["s3:PutObject"], Resource: ["arn:aws:s3:::big-payloads/large/*"] },
        ]);
        const policy = rec.find("aws:s3/bucketPolicy:BucketPolicy", "logging-bucket-policy");
        expect(policy.inputs.bucket).to.equal("invocation-logs");
        expect(JSON.parse(policy.inputs.policy)).to.deep.equal(JSON.parse(loggingBucketPolicy("aws", "us-east-1", ACCOUNT, "invocation-logs", "bedrock")));
        const config = rec.find("aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration", "logging");
        expect(config.inputs).to.deep.equal({
            loggingConfig: {
                cloudwatchConfig: {
                    logGroupName: "/bedrock/invocations",
                    roleArn: role.state.arn,
                    largeDataDeliveryS3Config: { bucketName: "big-payloads", keyPrefix: "large" },
                },
                s3Config: { bucketName: "invocation-logs", keyPrefix: "bedrock" },
                textDataDeliveryEnabled: true,
                imageDataDeliveryEnabled: true,
                embeddingDataDeliveryEnabled: true,
                videoDataDeliveryEnabled: false,
            },
        });
        expect(config.dependencies ?? []).to.not.deep.equal([]);
    });

    it("the logging role's policies work in IAM: its stream and large-data prefix only", async () => {
        new bedrock.InvocationLogging("logging", {
            cloudWatch: { logGroupName: "/bedrock/invocations", largeDataBucket: { bucketName: "big-payloads", keyPrefix: "large" } },
        });
        await settle();
        const role = rec.find("aws:iam/role:Role", "logging-role");
        const policies = rec
            .byType("aws:iam/rolePolicy:RolePolicy")
            .filter((p) => p.inputs.role === role.state.name)
            .map((p) => p.inputs.policy as string);
        expect(policies.length).to.be.greaterThan(0);
        const group = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/bedrock/invocations`;
        const other = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/other`;
        expect(
            await decisions(
                policies,
                [
                    { action: "logs:PutLogEvents", resource: `${group}:log-stream:aws/bedrock/modelinvocations` },
                    { action: "logs:CreateLogStream", resource: `${group}:log-stream:aws/bedrock/modelinvocations` },
                    { action: "logs:PutLogEvents", resource: `${group}:log-stream:other` },
                    { action: "logs:PutLogEvents", resource: `${other}:log-stream:aws/bedrock/modelinvocations` },
                    { action: "s3:PutObject", resource: "arn:aws:s3:::big-payloads/large/2026/01/01/x.json" },
                    { action: "s3:PutObject", resource: "arn:aws:s3:::big-payloads/elsewhere/x.json" },
                    { action: "s3:GetObject", resource: "arn:aws:s3:::big-payloads/large/x.json" },
                ],
                { account: ACCOUNT, partition: "aws" },
            ),
        ).to.deep.equal([
            `Allowed logs:PutLogEvents ${group}:log-stream:aws/bedrock/modelinvocations`,
            `Allowed logs:CreateLogStream ${group}:log-stream:aws/bedrock/modelinvocations`,
            `ImplicitlyDenied logs:PutLogEvents ${group}:log-stream:other`,
            `ImplicitlyDenied logs:PutLogEvents ${other}:log-stream:aws/bedrock/modelinvocations`,
            "Allowed s3:PutObject arn:aws:s3:::big-payloads/large/2026/01/01/x.json",
            "ImplicitlyDenied s3:PutObject arn:aws:s3:::big-payloads/elsewhere/x.json",
            "ImplicitlyDenied s3:GetObject arn:aws:s3:::big-payloads/large/x.json",
        ]);
    });

    it("refuses no destination, a bad log group, a bad retention and a bad bucket, registering nothing", async () => {
        throwsExactly(() => new bedrock.InvocationLogging("l", {}), 'InvocationLogging "l": args {} needs a destination: cloudWatch, s3, or both');
        throwsExactly(
            () => new bedrock.InvocationLogging("l", { cloudWatch: { logGroupName: "bad name" } }),
            'InvocationLogging "l": cloudWatch.logGroupName "bad name" must match ^[.\\-_/#A-Za-z0-9]+$ (letters, digits and . - _ / #)',
        );
        throwsExactly(
            () => new bedrock.InvocationLogging("l", { cloudWatch: { logGroupName: "ok", retentionInDays: 2 } }),
            'InvocationLogging "l": cloudWatch.retentionInDays 2 must be one of 0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653',
        );
        throwsExactly(
            () => new bedrock.InvocationLogging("l", { s3: { bucketName: "Bad_Bucket" } }),
            'InvocationLogging "l": s3.bucketName "Bad_Bucket" must match ^[a-z0-9][a-z0-9.-]*[a-z0-9]$ (lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit)',
        );
        throwsExactly(
            () => new bedrock.InvocationLogging("l", { s3: { bucketName: "ok-bucket", keyPrefix: "/x/" } }),
            'InvocationLogging "l": s3.keyPrefix "/x/" must match ^[^/].*[^/]$|^[^/]$ (no leading or trailing /)',
        );
        await settle();
        expect(rec.resources).to.deep.equal([]);
    });
});

describe("usage resources pass AWS's CloudFormation validator", function () {
    this.timeout(60_000);
    before(() => getEngine());
    after(() => freeEngine());

    it("alarms, dashboards, budgets, the log group and the bucket policy render and validate", async () => {
        const rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
        const acme = tenantProfile("acme");
        acme.addAlarm("tokens", {
            metric: "InputTokenCount",
            threshold: 1_000_000,
            period: 3600,
            actions: [TOPIC],
            okActions: [TOPIC],
            tags: { tenant: "acme" },
        });
        acme.addAlarm("slow", { metric: "InvocationLatency", statistic: "p99", threshold: 20_000, period: 60, evaluationPeriods: 5, datapointsToAlarm: 3 });
        new bedrock.UsageDashboard("usage", { profiles: [acme] });
        new bedrock.ProfileBudget("acme-budget", {
            profile: acme,
            tagKey: "tenant",
            limitUsd: 100,
            notifications: [
                { threshold: 80, emails: ["finops@example.com"] },
                { threshold: 100, type: "FORECASTED", snsTopicArns: [TOPIC] },
            ],
        });
        new bedrock.InvocationLogging("logging", { cloudWatch: { logGroupName: "/bedrock/invocations" }, s3: { bucketName: "invocation-logs" } });
        await settle();
        const { template, notRendered } = renderTemplate(rec);
        expect(notRendered).to.deep.equal(["aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration"]);
        const byType = (t: string) => Object.values(template.Resources).filter((r) => r.Type === t);
        expect(byType("AWS::CloudWatch::Alarm").map((r) => r.Properties)).to.have.deep.members([
            {
                AlarmDescription: "Bedrock InputTokenCount (Sum over 3600 s) of acme-chat",
                AlarmActions: [TOPIC],
                OKActions: [TOPIC],
                ComparisonOperator: "GreaterThanThreshold",
                EvaluationPeriods: 1,
                MetricName: "InputTokenCount",
                Namespace: "AWS/Bedrock",
                Statistic: "Sum",
                Period: 3600,
                Threshold: 1_000_000,
                TreatMissingData: "notBreaching",
                Dimensions: [{ Name: "ModelId", Value: appId("acme-chat") }],
                Tags: [{ Key: "tenant", Value: "acme" }],
            },
            {
                AlarmDescription: "Bedrock InvocationLatency (p99 over 60 s) of acme-chat",
                ComparisonOperator: "GreaterThanThreshold",
                EvaluationPeriods: 5,
                DatapointsToAlarm: 3,
                MetricName: "InvocationLatency",
                Namespace: "AWS/Bedrock",
                ExtendedStatistic: "p99",
                Period: 60,
                Threshold: 20_000,
                TreatMissingData: "notBreaching",
                Dimensions: [{ Name: "ModelId", Value: appId("acme-chat") }],
            },
        ]);
        expect(byType("AWS::Budgets::Budget").map((r) => r.Properties)).to.deep.equal([
            {
                Budget: {
                    BudgetType: "COST",
                    TimeUnit: "MONTHLY",
                    BudgetLimit: { Amount: 100, Unit: "USD" },
                    FilterExpression: { Tags: { Key: "tenant", Values: ["acme"] } },
                },
                NotificationsWithSubscribers: [
                    {
                        Notification: { ComparisonOperator: "GREATER_THAN", NotificationType: "ACTUAL", Threshold: 80, ThresholdType: "PERCENTAGE" },
                        Subscribers: [{ SubscriptionType: "EMAIL", Address: "finops@example.com" }],
                    },
                    {
                        Notification: { ComparisonOperator: "GREATER_THAN", NotificationType: "FORECASTED", Threshold: 100, ThresholdType: "PERCENTAGE" },
                        Subscribers: [{ SubscriptionType: "SNS", Address: TOPIC }],
                    },
                ],
            },
        ]);
        expect(byType("AWS::CloudWatch::Dashboard")).to.have.length(1);
        expect(byType("AWS::Logs::LogGroup")).to.have.length(1);
        expect(byType("AWS::S3::BucketPolicy")).to.have.length(1);
        // Everything but the logging configuration, which has no CloudFormation type (asserted above).
        const rendered = rec.resources.filter((r) => r.type !== "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration");
        expect(conformanceErrors(rendered).map(formatFinding)).to.deep.equal([]);
    });

    it("the harness can fail: the validator refuses a broken alarm and a budget without its type", () => {
        const t: CfnTemplate = {
            AWSTemplateFormatVersion: "2010-09-09",
            Resources: {
                Alarm: { Type: "AWS::CloudWatch::Alarm", Properties: { ComparisonOperator: "GreaterThanThreshold", Threshold: "lots", EvaluationPeriods: 1 } },
                Budget: { Type: "AWS::Budgets::Budget", Properties: { Budget: { TimeUnit: "MONTHLY" } } },
            },
        };
        const errors = validateTemplate(t).filter((d) => d.severity === "ERROR" || d.severity === "FATAL");
        const ids = errors.map((d) => d.entity?.logicalId);
        expect(ids).to.include("Alarm");
        expect(ids).to.include("Budget");
    });
});

/** Something a dashboard or an alarm meters, without a profile behind it: an ARN, a name and metric(). */
function metered(label: string, arn = `arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/${label}`) {
    return { invokableArn: pulumi.output(arn), grantName: () => label, metric: () => undefined } as unknown as bedrock.IApplicationInferenceProfile;
}

describe("addAlarm() name, options and metric Region", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
    });

    const args = { metric: "Invocations" as const, threshold: 1 };
    const badNames: [unknown, string][] = [
        [42, "ApplicationInferenceProfile.addAlarm: name 42 must be a string"],
        ["", 'ApplicationInferenceProfile.addAlarm "": name "" must not be empty'],
        ["a".repeat(101), `ApplicationInferenceProfile.addAlarm "${"a".repeat(101)}": name "${"a".repeat(101)}" must have at most 100 characters (has 101)`],
        [
            "-tokens",
            'ApplicationInferenceProfile.addAlarm "-tokens": name "-tokens" must match ^[A-Za-z0-9][A-Za-z0-9_-]*$ (letters, digits, hyphens and underscores)',
        ],
        [
            "tokens!",
            'ApplicationInferenceProfile.addAlarm "tokens!": name "tokens!" must match ^[A-Za-z0-9][A-Za-z0-9_-]*$ (letters, digits, hyphens and underscores)',
        ],
        [
            "bad name",
            'ApplicationInferenceProfile.addAlarm "bad name": name "bad name" must match ^[A-Za-z0-9][A-Za-z0-9_-]*$ (letters, digits, hyphens and underscores)',
        ],
    ];
    for (const [name, message] of badNames) {
        it(`refuses the alarm name ${JSON.stringify(name)} and registers no alarm`, async () => {
            const acme = tenantProfile("acme");
            throwsExactly(() => acme.addAlarm(name as string, args), message, bedrock.BedrockValidationError);
            await settle();
            expect(rec.byType(ALARM)).to.deep.equal([]);
        });
    }

    it("takes names of letters, digits, hyphens and underscores up to 100 characters", async () => {
        const acme = tenantProfile("acme");
        acme.addAlarm("A1_b-2", args);
        acme.addAlarm("a".repeat(100), args);
        await settle();
        expect(rec.byType(ALARM).map((r) => r.name)).to.deep.equal(["acme-chat-A1_b-2", `acme-chat-${"a".repeat(100)}`]);
    });

    it("refuses options that are not an object", async () => {
        const acme = tenantProfile("acme");
        throwsExactly(
            () => acme.addAlarm("a", args, null as never),
            'ApplicationInferenceProfile.addAlarm "a": opts null must be an object { parent?, provider? }',
        );
        throwsExactly(
            () => acme.addAlarm("a", args, "acme" as never),
            'ApplicationInferenceProfile.addAlarm "a": opts "acme" must be an object { parent?, provider? }',
        );
        await settle();
        expect(rec.byType(ALARM)).to.deep.equal([]);
    });

    it("the metric Region of a profile is one Output, read from its ARN; an ARN without a Region fails at deploy", async () => {
        const { metricRegionOf } = await import("../components/usage/profile-usage");
        const p = metered("west", `arn:aws:bedrock:us-west-2:${ACCOUNT}:application-inference-profile/west`);
        expect(metricRegionOf(p)).to.equal(metricRegionOf(p));
        expect(await resolveOutput(metricRegionOf(p))).to.equal("us-west-2");
        const nowhere = metered("nowhere", `arn:aws:bedrock::${ACCOUNT}:application-inference-profile/nowhere`);
        expect(await outputError(metricRegionOf(nowhere))).to.equal(
            `"arn:aws:bedrock::${ACCOUNT}:application-inference-profile/nowhere" has no Region: its metrics cannot be placed`,
        );
    });
});

describe("UsageDashboard arguments", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
    });

    const fn = Object.assign(() => 0, { invokableArn: pulumi.output("arn"), grantName: () => "fn", metric: () => 0 });
    // An Output ARN that JSON leaves out, so that the message shows the other members.
    const withArn = (members: object) => Object.defineProperty(members, "invokableArn", { value: pulumi.output("arn"), enumerable: false });
    const notMetered: [string, unknown, string][] = [
        ["null", null, "null"],
        ["a function with a profile's members", fn, String(fn)],
        ["an object with only metric()", { metric: () => 0 }, "{}"],
        ["an ARN that is not an Output", { invokableArn: "arn:aws:bedrock", grantName: () => "x", metric: () => 0 }, '{"invokableArn":"arn:aws:bedrock"}'],
        ["a grantName that is not a function", withArn({ grantName: "x", metric: () => 0 }), '{"grantName":"x"}'],
        ["no metric()", withArn({ grantName: () => "x" }), "{}"],
    ];
    for (const [what, p, shown] of notMetered) {
        it(`refuses ${what} as a profile`, async () => {
            throwsExactly(
                () => new bedrock.UsageDashboard("d", { profiles: [p as never] }),
                `UsageDashboard "d": profiles[0] ${shown} must be an inference profile or a prompt router (something with metric())`,
                bedrock.BedrockValidationError,
            );
            await settle();
            expect(rec.resources).to.deep.equal([]);
        });
    }

    it("refuses two profiles of the same name: their lines would be indistinguishable", async () => {
        throwsExactly(
            () => new bedrock.UsageDashboard("d", { profiles: [metered("a"), metered("same"), metered("same")] }),
            'UsageDashboard "d": profiles[2] "same" has the same name as profiles[1]: the lines would be indistinguishable',
            bedrock.BedrockValidationError,
        );
        throwsExactly(
            () => new bedrock.UsageDashboard("d", { profiles: [metered("same"), metered("same")] }),
            'UsageDashboard "d": profiles[1] "same" has the same name as profiles[0]: the lines would be indistinguishable',
            bedrock.BedrockValidationError,
        );
        await settle();
        expect(rec.resources).to.deep.equal([]);
    });

    const guardrail = (i: number) => ({
        guardrailArn: pulumi.output(`arn:aws:bedrock:us-east-1:${ACCOUNT}:guardrail/g${String(i).padStart(11, "0")}`),
        guardrailVersion: pulumi.output("1"),
        alarmLabel: `g${i}`,
    });
    const many = (n: number) => Array.from({ length: n }, (_, i) => metered(`p${i}`));

    it("counts the guardrails' lines toward CloudWatch's 2,500 metrics per dashboard", async () => {
        throwsExactly(
            () => new bedrock.UsageDashboard("d", { profiles: many(357), guardrails: [guardrail(0)] as never }),
            `UsageDashboard "d": guardrails "1 guardrail" make 2,503 metrics with the profiles' 2,499, over CloudWatch's 2,500 metrics per dashboard (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html): split them over several UsageDashboards`,
            bedrock.BedrockValidationError,
        );
        throwsExactly(
            () => new bedrock.UsageDashboard("d", { profiles: many(356), guardrails: [guardrail(0), guardrail(1), guardrail(2)] as never }),
            `UsageDashboard "d": guardrails "3 guardrails" make 2,504 metrics with the profiles' 2,492, over CloudWatch's 2,500 metrics per dashboard (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html): split them over several UsageDashboards`,
            bedrock.BedrockValidationError,
        );
        await settle();
        expect(rec.resources).to.deep.equal([]);
        // Exactly 2,500: 356 profiles (2,492 metrics) and 2 guardrails (8).
        new bedrock.UsageDashboard("d", { profiles: many(356), guardrails: [guardrail(0), guardrail(1)] as never });
        await settle();
        expect(rec.byType(DASHBOARD).map((r) => r.name)).to.deep.equal(["d"]);
    });

    it("registers its body and name as the component's outputs", async () => {
        const dash = new bedrock.UsageDashboard("usage", { profiles: [metered("a")], dashboardName: "usage-board" });
        await settle();
        const component = rec.find("bedrock-genai:index:UsageDashboard", "usage");
        expect(component.outputs).to.deep.equal({ dashboardBody: await resolveOutput(dash.dashboardBody), dashboardName: "usage-board" });
    });
});

describe("ProfileBudget arguments, dependencies and outputs", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
    });

    const rule =
        "must be an application inference profile: AWS attributes costs to the tags of application profiles (system-defined profiles and routers carry none)";
    const notProfiles: [string, unknown, string][] = [
        ["no profile", undefined, "undefined"],
        ["a null profile", null, "null"],
        ["an object without grantName", { type: "SYSTEM_DEFINED" }, '{"type":"SYSTEM_DEFINED"}'],
        [
            "a function with an application profile's members",
            Object.assign(() => 0, { type: "APPLICATION", inferenceProfileArn: pulumi.output("arn"), grantName: () => "fn" }),
            '"fn"',
        ],
    ];
    for (const [what, profile, shown] of notProfiles) {
        it(`refuses ${what}, registering nothing`, async () => {
            throwsExactly(
                () => new bedrock.ProfileBudget("b", { profile, limitUsd: 5 } as never),
                `ProfileBudget "b": profile ${shown} ${rule}`,
                bedrock.BedrockValidationError,
            );
            await settle();
            expect(rec.resources).to.deep.equal([]);
        });
    }

    const bad: [string, Record<string, unknown>, string][] = [
        ["a budget name with a colon", { budgetName: "acme:chat" }, 'ProfileBudget "b": budgetName "acme:chat" must match ^[^:\\\\]+$ (no : or \\ characters)'],
        ["a budget name with /action/", { budgetName: "acme/action/x" }, 'ProfileBudget "b": budgetName "acme/action/x" must not contain "/action/"'],
        ["a tag value without its key", { tagValue: "acme" }, 'ProfileBudget "b": tagKey undefined is required with tagValue'],
        [
            "a tag value with a bad character",
            { tagKey: "tenant", tagValue: "a$b" },
            'ProfileBudget "b": tagValue "a$b" must match ^[a-zA-Z0-9\\s._:/=+@-]*$ (letters, digits, spaces and . _ : / = + @ -)',
        ],
        ["activateTag that is not a boolean", { tagKey: "tenant", activateTag: "yes" }, 'ProfileBudget "b": activateTag "yes" must be true or false'],
    ];
    for (const [what, args, message] of bad) {
        it(`refuses ${what}, registering nothing but the profile`, async () => {
            const acme = tenantProfile("acme");
            throwsExactly(() => new bedrock.ProfileBudget("b", { profile: acme, limitUsd: 5, ...args } as never), message, bedrock.BedrockValidationError);
            await settle();
            expect(registered(rec).filter((r) => !r.includes("acme-chat"))).to.deep.equal([]);
        });
    }

    it("a budget name, the tag's activation as a child and a dependency of the budget, and the tag filter as output", async () => {
        const acme = tenantProfile("acme");
        new bedrock.ProfileBudget("acme-budget", {
            profile: acme,
            tagKey: "tenant",
            tagValue: "acme",
            limitUsd: 5,
            budgetName: "acme-monthly",
            activateTag: true,
        });
        await settle();
        const tag = rec.find("aws:costexplorer/costAllocationTag:CostAllocationTag", "acme-budget-tag");
        expect(tag.inputs).to.deep.equal({ tagKey: "tenant", status: "Active" });
        expect(rec.parentOf(tag)?.type).to.equal("bedrock-genai:index:ProfileBudget");
        const budget = rec.find(BUDGET, "acme-budget");
        expect(budget.inputs.name).to.equal("acme-monthly");
        expect(budget.dependencies).to.deep.equal([tag.urn]);
        expect(rec.find("bedrock-genai:index:ProfileBudget", "acme-budget").outputs).to.deep.equal({ tagFilter: "user:tenant$acme" });
    });
});

describe("InvocationLogging arguments and destinations", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
    });

    const bad: [string, Record<string, unknown>, string][] = [
        ["a null cloudWatch", { cloudWatch: null }, "cloudWatch null must be an object { logGroupName, ... }"],
        ["a string cloudWatch", { cloudWatch: "/bedrock" }, 'cloudWatch "/bedrock" must be an object { logGroupName, ... }'],
        ["a null s3", { s3: null }, "s3 null must be an object { bucketName, ... }"],
        ["a string s3", { s3: "logs" }, 's3 "logs" must be an object { bucketName, ... }'],
        [
            "a bad large-data bucket",
            { cloudWatch: { logGroupName: "/b", largeDataBucket: { bucketName: "Big_Bucket" } } },
            'cloudWatch.largeDataBucket.bucketName "Big_Bucket" must match ^[a-z0-9][a-z0-9.-]*[a-z0-9]$ (lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit)',
        ],
        [
            "a bad large-data key prefix",
            { cloudWatch: { logGroupName: "/b", largeDataBucket: { bucketName: "big", keyPrefix: "large/" } } },
            'cloudWatch.largeDataBucket.keyPrefix "large/" must match ^[^/].*[^/]$|^[^/]$ (no leading or trailing /)',
        ],
        [
            "a manageBucketPolicy that is not a boolean",
            { s3: { bucketName: "logs", manageBucketPolicy: "no" } },
            's3.manageBucketPolicy "no" must be true or false',
        ],
        ["a textData that is not a boolean", { s3: { bucketName: "logs" }, textData: "yes" }, 'textData "yes" must be true or false'],
        ["an imageData that is not a boolean", { s3: { bucketName: "logs" }, imageData: 1 }, "imageData 1 must be true or false"],
        ["an embeddingData that is not a boolean", { s3: { bucketName: "logs" }, embeddingData: null }, "embeddingData null must be true or false"],
        ["a videoData that is not a boolean", { s3: { bucketName: "logs" }, videoData: "false" }, 'videoData "false" must be true or false'],
    ];
    for (const [what, args, rule] of bad) {
        it(`refuses ${what}, registering nothing`, async () => {
            throwsExactly(() => new bedrock.InvocationLogging("l", args as never), `InvocationLogging "l": ${rule}`, bedrock.BedrockValidationError);
            await settle();
            expect(rec.resources).to.deep.equal([]);
        });
    }

    it("S3 only: the bucket policy and the configuration, no log group or role", async () => {
        new bedrock.InvocationLogging("logging", { s3: { bucketName: "invocation-logs" } });
        await settle();
        expect(registered(rec).filter((r) => !r.startsWith("aws:index/") && !r.startsWith("pulumi:providers:"))).to.deep.equal([
            "bedrock-genai:index:InvocationLogging logging",
            "aws:s3/bucketPolicy:BucketPolicy logging-bucket-policy",
            "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration logging",
        ]);
        const config = rec.find("aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration", "logging");
        expect(config.inputs).to.deep.equal({
            loggingConfig: {
                s3Config: { bucketName: "invocation-logs" },
                textDataDeliveryEnabled: true,
                imageDataDeliveryEnabled: true,
                embeddingDataDeliveryEnabled: true,
                videoDataDeliveryEnabled: true,
            },
        });
        const policy = rec.find("aws:s3/bucketPolicy:BucketPolicy", "logging-bucket-policy");
        expect(JSON.parse(policy.inputs.policy).Statement[0].Resource).to.deep.equal([
            `arn:aws:s3:::invocation-logs/AWSLogs/${ACCOUNT}/BedrockModelInvocationLogs/*`,
        ]);
    });

    it("manageBucketPolicy: true attaches the policy; false leaves it to the caller", async () => {
        const managed = new bedrock.InvocationLogging("managed", { s3: { bucketName: "managed-logs", manageBucketPolicy: true } });
        const unmanaged = new bedrock.InvocationLogging("unmanaged", { s3: { bucketName: "other-logs", manageBucketPolicy: false } });
        await settle();
        expect(rec.byType("aws:s3/bucketPolicy:BucketPolicy").map((r) => [r.name, r.inputs.bucket])).to.deep.equal([["managed-bucket-policy", "managed-logs"]]);
        expect(managed.bucketPolicyResource).to.not.equal(undefined);
        expect(unmanaged.bucketPolicyResource).to.equal(undefined);
        expect(JSON.parse((await resolveOutput(unmanaged.bucketPolicy)) as string).Statement[0].Resource).to.deep.equal([
            `arn:aws:s3:::other-logs/AWSLogs/${ACCOUNT}/BedrockModelInvocationLogs/*`,
        ]);
        const config = rec.find("aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration", "unmanaged");
        expect(config.inputs.loggingConfig.s3Config).to.deep.equal({ bucketName: "other-logs" });
    });

    it("the CloudWatch role: its description, and a large-data bucket known only at deploy time", async () => {
        new bedrock.InvocationLogging("logging", {
            cloudWatch: { logGroupName: "/bedrock/invocations", largeDataBucket: { bucketName: pulumi.output("late-bucket"), keyPrefix: "large" } },
        });
        await settle();
        const role = rec.find("aws:iam/role:Role", "logging-role");
        expect(role.inputs.description).to.equal("Lets Amazon Bedrock deliver model invocation logs to CloudWatch Logs");
        expect(statementsForRole(rec, role.state.name)).to.deep.equal([
            {
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/bedrock/invocations:log-stream:aws/bedrock/modelinvocations`],
            },
            { Effect: "Allow", Action: ["s3:PutObject"], Resource: ["arn:aws:s3:::late-bucket/large/*"] },
        ]);
    });
});
