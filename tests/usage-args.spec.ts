/**
 * The pure rules of usage tracking, without Pulumi: alarm arguments (`profileAlarmInputs`), budget
 * arguments (limit, time unit, notifications, tags), the dashboard body and its quotas, metric ARNs
 * and the logging bucket policy. Expected values are literals.
 */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { profileAlarmInputs, type ProfileAlarmArgs } from "../components/usage/alarm-args";
import { budgetLimitAmount, budgetNotifications, budgetTimeUnit, checkTagKey, pickTag } from "../components/usage/budget-filters";
import { dashboardLimitProblem, usageDashboardBody, type DashboardProfile } from "../components/usage/dashboard-body";
import { bedrockMetric, isStatistic, modelIdDimensionValue, periodProblem, regionOfArn } from "../components/usage/metrics";
import { loggingBucketPolicy } from "../components/usage/logging-policies";
import { BedrockValidationError } from "../components/core/validation";
import { throwsExactly } from "./support/errors";

const ACCOUNT = "123456789012";
const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:usage-alerts`;
const W = { component: "P.addAlarm", name: "a" };
const QUOTAS = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html";

const alarm = (args: unknown) => profileAlarmInputs(W, args as ProfileAlarmArgs, "dim", "acme");
const refused = (args: unknown, message: string) => throwsExactly(() => alarm(args), message, BedrockValidationError);

describe("alarm inputs (profileAlarmInputs)", () => {
    it("defaults: Sum over 300 s, one period, GreaterThanThreshold, notBreaching, and no optional input", () => {
        expect(alarm({ metric: "Invocations", threshold: 0 })).to.deep.equal({
            namespace: "AWS/Bedrock",
            metricName: "Invocations",
            dimensions: { ModelId: "dim" },
            statistic: "Sum",
            period: 300,
            evaluationPeriods: 1,
            threshold: 0,
            comparisonOperator: "GreaterThanThreshold",
            treatMissingData: "notBreaching",
            alarmDescription: "Bedrock Invocations (Sum over 300 s) of acme",
        });
    });

    it("every optional input is passed as given", () => {
        const out = pulumi.output(`arn:aws:sns:us-east-1:${ACCOUNT}:from-output`);
        const inputs = alarm({
            metric: "InvocationLatency",
            statistic: "p90",
            threshold: 2.5,
            period: 60,
            comparison: "LessThanThreshold",
            evaluationPeriods: 4,
            datapointsToAlarm: 4,
            actions: [TOPIC, out],
            okActions: [TOPIC],
            insufficientDataActions: [`arn:aws:sns:us-east-1:${ACCOUNT}:no-data`],
            treatMissingData: "breaching",
            alarmName: "acme-latency",
            description: "",
            tags: { tenant: "acme" },
        });
        expect(inputs).to.deep.equal({
            namespace: "AWS/Bedrock",
            metricName: "InvocationLatency",
            dimensions: { ModelId: "dim" },
            extendedStatistic: "p90",
            period: 60,
            evaluationPeriods: 4,
            datapointsToAlarm: 4,
            threshold: 2.5,
            comparisonOperator: "LessThanThreshold",
            treatMissingData: "breaching",
            alarmActions: [TOPIC, out],
            okActions: [TOPIC],
            insufficientDataActions: [`arn:aws:sns:us-east-1:${ACCOUNT}:no-data`],
            alarmDescription: "",
            name: "acme-latency",
            tags: { tenant: "acme" },
        });
    });

    it("empty action lists are left out", () => {
        const inputs = alarm({ metric: "Invocations", threshold: 1, actions: [], okActions: [], insufficientDataActions: [] });
        expect(Object.keys(inputs).sort()).to.deep.equal([
            "alarmDescription",
            "comparisonOperator",
            "dimensions",
            "evaluationPeriods",
            "metricName",
            "namespace",
            "period",
            "statistic",
            "threshold",
            "treatMissingData",
        ]);
    });

    it("a metric object of this profile: its statistic and period, unless the arguments override them", () => {
        const m = bedrockMetric({ component: "P.metric" }, "OutputTokenCount", "dim", { statistic: "Maximum", period: 120 });
        const a = alarm({ metric: m, threshold: 1 });
        expect([a.metricName, a.statistic, a.period]).to.deep.equal(["OutputTokenCount", "Maximum", 120]);
        const b = alarm({ metric: m, threshold: 1, statistic: "Sum", period: 600 });
        expect([b.metricName, b.statistic, b.period]).to.deep.equal(["OutputTokenCount", "Sum", 600]);
    });

    it("the evaluation range: up to one day under an hour's period, up to seven days from an hour", () => {
        expect(alarm({ metric: "Invocations", threshold: 1, period: 300, evaluationPeriods: 288 }).evaluationPeriods).to.equal(288);
        expect(alarm({ metric: "Invocations", threshold: 1, period: 3600, evaluationPeriods: 168 }).evaluationPeriods).to.equal(168);
        expect(alarm({ metric: "Invocations", threshold: 1, period: 3600, evaluationPeriods: 25 }).evaluationPeriods).to.equal(25);
        refused(
            { metric: "Invocations", threshold: 1, period: 3600, evaluationPeriods: 169 },
            'P.addAlarm "a": evaluationPeriods 169 times period 3600 is 608400 s, over CloudWatch\'s limit of 604800 s (seven days)',
        );
        refused(
            { metric: "Invocations", threshold: 1, period: 3540, evaluationPeriods: 25 },
            'P.addAlarm "a": evaluationPeriods 25 times period 3540 is 88500 s, over CloudWatch\'s limit of 86400 s (one day for periods under an hour)',
        );
    });

    it("datapointsToAlarm from 1 to evaluationPeriods", () => {
        expect(alarm({ metric: "Invocations", threshold: 1, evaluationPeriods: 3, datapointsToAlarm: 1 }).datapointsToAlarm).to.equal(1);
        expect(alarm({ metric: "Invocations", threshold: 1, evaluationPeriods: 3, datapointsToAlarm: 3 }).datapointsToAlarm).to.equal(3);
        for (const d of [0, 1.5, "2", 4, Number.NaN]) {
            refused(
                { metric: "Invocations", threshold: 1, evaluationPeriods: 3, datapointsToAlarm: d },
                `P.addAlarm "a": datapointsToAlarm ${typeof d === "string" ? `"${d}"` : String(d)} must be a whole number between 1 and evaluationPeriods (3)`,
            );
        }
    });

    it("actions: a list of at most 5 ARNs (strings or Outputs)", () => {
        const five = [1, 2, 3, 4, 5].map((i) => `${TOPIC}-${i}`);
        expect(alarm({ metric: "Invocations", threshold: 1, actions: five }).alarmActions).to.deep.equal(five);
    });

    const bad: [string, unknown, string][] = [
        ["no arguments", undefined, 'P.addAlarm "a": args undefined is required ({ metric, threshold, ... })'],
        ["null arguments", null, 'P.addAlarm "a": args null is required ({ metric, threshold, ... })'],
        ["arguments that are a string", "Invocations", 'P.addAlarm "a": args "Invocations" is required ({ metric, threshold, ... })'],
        ["no metric", { threshold: 1 }, 'P.addAlarm "a": metric undefined is required (a Bedrock runtime metric name or a metric from metric())'],
        ["a null metric", { metric: null, threshold: 1 }, 'P.addAlarm "a": metric null is required (a Bedrock runtime metric name or a metric from metric())'],
        ["a numeric metric", { metric: 42, threshold: 1 }, 'P.addAlarm "a": metric 42 must be a Bedrock runtime metric name or a metric from metric()'],
        [
            "an object that is not a metric",
            { metric: { metricName: "Invocations" }, threshold: 1 },
            'P.addAlarm "a": metric {"metricName":"Invocations"} must be a Bedrock runtime metric name or a metric from metric()',
        ],
        [
            "a metric without dimensions",
            { metric: { namespace: "AWS/Bedrock", metricName: "Invocations", statistic: "Sum", period: 300 }, threshold: 1 },
            'P.addAlarm "a": metric "Invocations of undefined" is a metric of another profile or router: pass this profile\'s metric() or a metric name',
        ],
        [
            "a bad statistic",
            { metric: "Invocations", threshold: 1, statistic: "avg" },
            'P.addAlarm "a": statistic "avg" must be one of Average, Maximum, Minimum, SampleCount, Sum or a percentile p0..p100 (e.g. p99)',
        ],
        ["a string threshold", { metric: "Invocations", threshold: "5" }, 'P.addAlarm "a": threshold "5" must be a finite number'],
        ["a NaN threshold", { metric: "Invocations", threshold: Number.NaN }, 'P.addAlarm "a": threshold NaN must be a finite number'],
        ["an infinite threshold", { metric: "Invocations", threshold: Infinity }, 'P.addAlarm "a": threshold Infinity must be a finite number'],
        [
            "zero evaluation periods",
            { metric: "Invocations", threshold: 1, evaluationPeriods: 0 },
            'P.addAlarm "a": evaluationPeriods 0 must be a whole number, 1 or more',
        ],
        [
            "fractional evaluation periods",
            { metric: "Invocations", threshold: 1, evaluationPeriods: 1.5 },
            'P.addAlarm "a": evaluationPeriods 1.5 must be a whole number, 1 or more',
        ],
        [
            "string evaluation periods",
            { metric: "Invocations", threshold: 1, evaluationPeriods: "2" },
            'P.addAlarm "a": evaluationPeriods "2" must be a whole number, 1 or more',
        ],
        [
            "an unknown treatMissingData",
            { metric: "Invocations", threshold: 1, treatMissingData: "zero" },
            'P.addAlarm "a": treatMissingData "zero" must be one of breaching, ignore, missing, notBreaching',
        ],
        ["actions that are not a list", { metric: "Invocations", threshold: 1, actions: TOPIC }, `P.addAlarm "a": actions "${TOPIC}" must be a list of ARNs`],
        [
            "six actions",
            { metric: "Invocations", threshold: 1, actions: [1, 2, 3, 4, 5, 6].map((i) => `${TOPIC}-${i}`) },
            'P.addAlarm "a": actions "6 actions" must hold at most 5 ARNs (CloudWatch\'s limit per alarm state)',
        ],
        [
            "an action with arn: not at the start",
            { metric: "Invocations", threshold: 1, actions: [`x-${TOPIC}`] },
            `P.addAlarm "a": actions[0] "x-${TOPIC}" must be an ARN (an SNS topic, an Auto Scaling policy, ...)`,
        ],
        [
            "a numeric action",
            { metric: "Invocations", threshold: 1, actions: [TOPIC, 7] },
            'P.addAlarm "a": actions[1] 7 must be an ARN (a string or an Output)',
        ],
        [
            "a bad OK action",
            { metric: "Invocations", threshold: 1, okActions: ["ops"] },
            'P.addAlarm "a": okActions[0] "ops" must be an ARN (an SNS topic, an Auto Scaling policy, ...)',
        ],
        [
            "a bad insufficient-data action",
            { metric: "Invocations", threshold: 1, insufficientDataActions: ["ops"] },
            'P.addAlarm "a": insufficientDataActions[0] "ops" must be an ARN (an SNS topic, an Auto Scaling policy, ...)',
        ],
        ["an empty alarm name", { metric: "Invocations", threshold: 1, alarmName: "" }, 'P.addAlarm "a": alarmName "" must not be empty'],
        [
            "a description over 1024 characters",
            { metric: "Invocations", threshold: 1, description: "d".repeat(1025) },
            `P.addAlarm "a": description "${"d".repeat(1025)}" must have at most 1024 characters (has 1025)`,
        ],
        ["null tags", { metric: "Invocations", threshold: 1, tags: null }, 'P.addAlarm "a": tags null must be a map of tag keys to values'],
        ["string tags", { metric: "Invocations", threshold: 1, tags: "tenant" }, 'P.addAlarm "a": tags "tenant" must be a map of tag keys to values'],
        [
            "a list of tags",
            { metric: "Invocations", threshold: 1, tags: [{ key: "a" }] },
            'P.addAlarm "a": tags [{"key":"a"}] must be a map of tag keys to values',
        ],
    ];
    for (const [what, args, message] of bad) {
        it(`refuses ${what}, naming the argument`, () => refused(args, message));
    }
});

const B = { component: "ProfileBudget", name: "b" };
const budgetRefused = (fn: () => unknown, message: string) => throwsExactly(fn, message, BedrockValidationError);

describe("budget arguments (limit, time unit, notifications, tags)", () => {
    it("the limit is a positive amount of dollars and cents, as Budgets' string amount", () => {
        expect(budgetLimitAmount(B, 12.34)).to.equal("12.34");
        expect(budgetLimitAmount(B, 100)).to.equal("100");
        budgetRefused(() => budgetLimitAmount(B, null), 'ProfileBudget "b": limitUsd null is required (the budget\'s amount in US dollars)');
        budgetRefused(() => budgetLimitAmount(B, "5"), 'ProfileBudget "b": limitUsd "5" must be a finite number of US dollars');
        budgetRefused(() => budgetLimitAmount(B, Number.NaN), 'ProfileBudget "b": limitUsd NaN must be a finite number of US dollars');
        budgetRefused(() => budgetLimitAmount(B, Infinity), 'ProfileBudget "b": limitUsd Infinity must be a finite number of US dollars');
        budgetRefused(() => budgetLimitAmount(B, -1), 'ProfileBudget "b": limitUsd -1 must be more than zero');
    });

    it("the time unit: MONTHLY by default, or QUARTERLY or ANNUALLY", () => {
        expect(budgetTimeUnit(B, undefined)).to.equal("MONTHLY");
        expect(budgetTimeUnit(B, "QUARTERLY")).to.equal("QUARTERLY");
        expect(budgetTimeUnit(B, "ANNUALLY")).to.equal("ANNUALLY");
    });

    it("notifications: defaults, both kinds of subscriber, and an SNS topic ARN from an Output", () => {
        const out = pulumi.output(TOPIC);
        expect(budgetNotifications(B, undefined)).to.equal(undefined);
        expect(
            budgetNotifications(B, [
                { threshold: 80, emails: ["finops@example.com"], snsTopicArns: [TOPIC] },
                { threshold: 500, thresholdType: "ABSOLUTE_VALUE", type: "FORECASTED", comparison: "LESS_THAN", snsTopicArns: [out] },
            ]),
        ).to.deep.equal([
            {
                comparisonOperator: "GREATER_THAN",
                notificationType: "ACTUAL",
                threshold: 80,
                thresholdType: "PERCENTAGE",
                subscriberEmailAddresses: ["finops@example.com"],
                subscriberSnsTopicArns: [TOPIC],
            },
            { comparisonOperator: "LESS_THAN", notificationType: "FORECASTED", threshold: 500, thresholdType: "ABSOLUTE_VALUE", subscriberSnsTopicArns: [out] },
        ]);
    });

    it("up to 10 notifications, and up to 11 subscribers each", () => {
        const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((t) => ({ threshold: t * 10, emails: ["finops@example.com"] }));
        expect(budgetNotifications(B, ten)).to.have.length(10);
        const emails = [1, 2, 3, 4, 5, 6].map((i) => `finops${i}@example.com`);
        const topics = [1, 2, 3, 4, 5].map((i) => `${TOPIC}-${i}`);
        expect(budgetNotifications(B, [{ threshold: 80, emails, snsTopicArns: topics }])).to.deep.equal([
            {
                comparisonOperator: "GREATER_THAN",
                notificationType: "ACTUAL",
                threshold: 80,
                thresholdType: "PERCENTAGE",
                subscriberEmailAddresses: emails,
                subscriberSnsTopicArns: topics,
            },
        ]);
    });

    const email = ["finops@example.com"];
    const bad: [string, unknown, string][] = [
        [
            "notifications that are not a list",
            { threshold: 80 },
            'ProfileBudget "b": notifications {"threshold":80} must be a list of { threshold, emails?, snsTopicArns?, ... }',
        ],
        [
            "11 notifications",
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((t) => ({ threshold: t, emails: email })),
            'ProfileBudget "b": notifications "11 notifications" must hold at most 10',
        ],
        ["a null notification", [null], 'ProfileBudget "b": notifications[0] null must be an object { threshold, emails?, snsTopicArns?, ... }'],
        ["a numeric notification", [80], 'ProfileBudget "b": notifications[0] 80 must be an object { threshold, emails?, snsTopicArns?, ... }'],
        ["a string threshold", [{ threshold: "80", emails: email }], 'ProfileBudget "b": notifications[0].threshold "80" must be a number more than zero'],
        ["a NaN threshold", [{ threshold: Number.NaN, emails: email }], 'ProfileBudget "b": notifications[0].threshold NaN must be a number more than zero'],
        [
            "an infinite threshold",
            [{ threshold: Infinity, emails: email }],
            'ProfileBudget "b": notifications[0].threshold Infinity must be a number more than zero',
        ],
        ["a zero threshold", [{ threshold: 0, emails: email }], 'ProfileBudget "b": notifications[0].threshold 0 must be a number more than zero'],
        [
            "an unknown threshold type",
            [{ threshold: 80, thresholdType: "PERCENT", emails: email }],
            'ProfileBudget "b": notifications[0].thresholdType "PERCENT" must be one of ABSOLUTE_VALUE, PERCENTAGE',
        ],
        [
            "an unknown type",
            [{ threshold: 80, type: "BOTH", emails: email }],
            'ProfileBudget "b": notifications[0].type "BOTH" must be one of ACTUAL, FORECASTED',
        ],
        [
            "an unknown comparison",
            [{ threshold: 80, comparison: "GT", emails: email }],
            'ProfileBudget "b": notifications[0].comparison "GT" must be one of EQUAL_TO, GREATER_THAN, LESS_THAN',
        ],
        [
            "a repeated notification",
            [
                { threshold: 80, emails: email },
                { threshold: 80, type: "ACTUAL", emails: ["other@example.com"] },
            ],
            'ProfileBudget "b": notifications[1] "ACTUAL/GREATER_THAN/PERCENTAGE/80" repeats an earlier notification (AWS Budgets refuses duplicates)',
        ],
        [
            "emails that are not a list",
            [{ threshold: 80, emails: "finops@example.com" }],
            'ProfileBudget "b": notifications[0].emails "finops@example.com" must be a list of email addresses',
        ],
        [
            "topics that are not a list",
            [{ threshold: 80, snsTopicArns: TOPIC }],
            `ProfileBudget "b": notifications[0].snsTopicArns "${TOPIC}" must be a list of SNS topic ARNs`,
        ],
        [
            "an email in a list",
            [{ threshold: 80, emails: [["finops@example.com"]] }],
            'ProfileBudget "b": notifications[0].emails[0] ["finops@example.com"] is not an email address',
        ],
        [
            "a topic that is not an ARN",
            [{ threshold: 80, snsTopicArns: ["alerts"] }],
            'ProfileBudget "b": notifications[0].snsTopicArns[0] "alerts" is not an SNS topic ARN',
        ],
        [
            "a topic ARN after other text",
            [{ threshold: 80, snsTopicArns: [`x-${TOPIC}`] }],
            `ProfileBudget "b": notifications[0].snsTopicArns[0] "x-${TOPIC}" is not an SNS topic ARN`,
        ],
        [
            "a topic ARN with a second line",
            [{ threshold: 80, snsTopicArns: [`${TOPIC}\nx`] }],
            `ProfileBudget "b": notifications[0].snsTopicArns[0] ${JSON.stringify(`${TOPIC}\nx`)} is not an SNS topic ARN`,
        ],
        [
            "12 subscribers",
            [{ threshold: 80, emails: [1, 2, 3, 4, 5, 6].map((i) => `f${i}@example.com`), snsTopicArns: [1, 2, 3, 4, 5, 6].map((i) => `${TOPIC}-${i}`) }],
            'ProfileBudget "b": notifications[0] "12 subscribers" must have at most 11 subscribers',
        ],
    ];
    for (const [what, notifications, message] of bad) {
        it(`refuses ${what}, naming the argument`, () => budgetRefused(() => budgetNotifications(B, notifications), message));
    }

    it("pickTag names the profile's tags, or none", () => {
        budgetRefused(
            () => pickTag(B, [], undefined),
            'ProfileBudget "b": tagKey undefined is required: the profile has no tags; name the cost allocation tag to budget on',
        );
        budgetRefused(() => pickTag(B, undefined, "tenant"), 'ProfileBudget "b": tagKey "tenant" is not a tag of the profile (its tags: none)');
        expect(checkTagKey(B, "tagKey", "tenant")).to.equal("tenant");
    });
});

describe("the usage dashboard body and CloudWatch's dashboard quotas", () => {
    const graphs = (n: number) =>
        Array.from({ length: n }, (_, i) => ({ title: `G${i}`, metricName: "Invocations" as const, statistic: i === 0 ? "Sum" : "Average" }));

    it("at most 2,500 metrics per dashboard", () => {
        expect(dashboardLimitProblem(357, 1)).to.equal(undefined);
        expect(dashboardLimitProblem(500, 1, 500, graphs(5))).to.equal(undefined);
        expect(dashboardLimitProblem(358, 1)).to.equal(
            `make 2,506 metrics (7 graphs of 358 lines), over CloudWatch's 2,500 metrics per dashboard (${QUOTAS}): graph at most 357 profiles per UsageDashboard, and split the rest over several`,
        );
    });

    it("at most 500 lines per graph", () => {
        expect(dashboardLimitProblem(500, 1, 500, graphs(1))).to.equal(undefined);
        expect(dashboardLimitProblem(501, 1, 501, graphs(1))).to.equal(
            `put 501 lines on one graph, over CloudWatch's 500 metrics per widget (${QUOTAS}): split them over several UsageDashboards`,
        );
    });

    it("at most 500 widgets per dashboard", () => {
        expect(dashboardLimitProblem(71, 71)).to.equal(undefined);
        expect(dashboardLimitProblem(100, 100, 1, graphs(5))).to.equal(undefined);
        expect(dashboardLimitProblem(72, 72, 1)).to.equal(
            `need 504 widgets (7 graphs in each of 72 Regions), over CloudWatch's 500 widgets per dashboard (${QUOTAS}): split the Regions over several UsageDashboards`,
        );
    });

    it("the body refuses too many lines on one Region's graph, and too many Regions", () => {
        const inOne: DashboardProfile[] = Array.from({ length: 501 }, (_, i) => ({ label: `p${i}`, modelId: `m${i}`, region: "us-east-1" }));
        throwsExactly(
            () => usageDashboardBody(inOne, 300, graphs(1)),
            `501 profiles in 1 Region put 501 lines on one graph, over CloudWatch's 500 metrics per widget (${QUOTAS}): split them over several UsageDashboards`,
        );
        const spread: DashboardProfile[] = Array.from({ length: 72 }, (_, i) => ({
            label: `p${i}`,
            modelId: `m${i}`,
            region: `r-${String(i).padStart(2, "0")}`,
        }));
        throwsExactly(
            () => usageDashboardBody(spread, 300),
            `72 profiles in 72 Regions need 504 widgets (7 graphs in each of 72 Regions), over CloudWatch's 500 widgets per dashboard (${QUOTAS}): split the Regions over several UsageDashboards`,
        );
    });

    it("lays out two graphs per row, one block of rows per Region (Regions sorted)", () => {
        const body = usageDashboardBody(
            [
                { label: "west", modelId: "w1", region: "us-west-2" },
                { label: "east", modelId: "e1", region: "us-east-1" },
            ],
            60,
            graphs(3),
        );
        const line = (modelId: string, label: string, region: string) => ["AWS/Bedrock", "Invocations", "ModelId", modelId, { label, region }];
        const widget = (x: number, y: number, title: string, region: string, stat: string, lines: unknown[]) => ({
            type: "metric",
            x,
            y,
            width: 12,
            height: 6,
            properties: { title, view: "timeSeries", stacked: false, region, period: 60, stat, metrics: lines },
        });
        const east = [line("e1", "east", "us-east-1")];
        const west = [line("w1", "west", "us-west-2")];
        expect(JSON.parse(body)).to.deep.equal({
            widgets: [
                widget(0, 0, "G0, us-east-1", "us-east-1", "Sum", east),
                widget(12, 0, "G1, us-east-1", "us-east-1", "Average", east),
                widget(0, 6, "G2, us-east-1", "us-east-1", "Average", east),
                widget(0, 12, "G0, us-west-2", "us-west-2", "Sum", west),
                widget(12, 12, "G1, us-west-2", "us-west-2", "Average", west),
                widget(0, 18, "G2, us-west-2", "us-west-2", "Average", west),
            ],
        });
    });
});

describe("metric names, statistics, periods and ARNs", () => {
    const M = { component: "P.metric" };
    it("statistics are strings only", () => {
        expect(isStatistic(42)).to.equal(false);
        expect(isStatistic(["p99"])).to.equal(false);
    });

    it("periods: whole numbers of seconds", () => {
        expect(periodProblem("60")).to.equal("must be a whole number of seconds");
        expect(periodProblem(1.5)).to.equal("must be a whole number of seconds");
    });

    it("bedrockMetric refuses a name that is not a string and options that are not an object", () => {
        throwsExactly(
            () => bedrockMetric(M, ["Invocations"], "dim", undefined),
            'P.metric: name ["Invocations"] is not a Bedrock runtime metric (one of InputTokenCount, InvocationClientErrors, InvocationLatency, InvocationServerErrors, InvocationThrottles, Invocations, LegacyModelInvocations, OutputImageCount, OutputTokenCount)',
            BedrockValidationError,
        );
        throwsExactly(
            () => bedrockMetric(M, "Invocations", "dim", null as never),
            "P.metric: opts null must be an object { statistic?, period? }",
            BedrockValidationError,
        );
        throwsExactly(
            () => bedrockMetric(M, "Invocations", "dim", "Sum" as never),
            'P.metric: opts "Sum" must be an object { statistic?, period? }',
            BedrockValidationError,
        );
    });

    const notMetered: [string, string][] = [
        [`arn:aws:bedrock:us-east-1:${ACCOUNT}/application-inference-profile/abc`, "too few parts"],
        [`xrn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/abc`, "not arn:"],
        [`arn:aws:sagemaker:us-east-1:${ACCOUNT}:application-inference-profile/abc`, "another service"],
        [`arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile`, "no resource id"],
    ];
    for (const [arn, what] of notMetered) {
        it(`modelIdDimensionValue refuses an ARN with ${what}`, () => {
            throwsExactly(() => modelIdDimensionValue(arn), `${JSON.stringify(arn)} is not the ARN of a Bedrock inference profile or prompt router`);
        });
    }

    it("modelIdDimensionValue refuses an empty id", () => {
        const arn = `arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/`;
        throwsExactly(
            () => modelIdDimensionValue(arn),
            `${JSON.stringify(arn)} is not the ARN of a Bedrock inference profile or prompt router (resource type "application-inference-profile")`,
        );
    });

    it("regionOfArn: the fourth part, or empty", () => {
        expect(regionOfArn(`arn:aws:bedrock:eu-west-1:${ACCOUNT}:prompt-router/r`)).to.equal("eu-west-1");
        expect(regionOfArn("arn:aws")).to.equal("");
    });
});

describe("the invocation logging bucket policy without a key prefix", () => {
    it("covers the bucket's AWSLogs/<account>/BedrockModelInvocationLogs/ keys", () => {
        expect(JSON.parse(loggingBucketPolicy("aws", "us-east-1", ACCOUNT, "logs-bucket")).Statement[0].Resource).to.deep.equal([
            `arn:aws:s3:::logs-bucket/AWSLogs/${ACCOUNT}/BedrockModelInvocationLogs/*`,
        ]);
    });
});
