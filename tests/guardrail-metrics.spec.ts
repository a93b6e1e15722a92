// Guardrail CloudWatch metrics, alarms and dashboard guardrails: the exact metric and alarm inputs, and
// every refusal of components/usage/guardrail-metrics.ts and guardrail-dashboard.ts, named whole.
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { resolveOutput, settle } from "../components/testing/testing";
import { guardrailAlarmInputs, guardrailMetric, type GuardrailAlarmArgs } from "../components/usage/guardrail-metrics";
import { checkDashboardGuardrails } from "../components/usage/guardrail-dashboard";
import * as bedrock from "../sdk/nodejs";
import { ACCOUNT, mocks, usGuardrail } from "./support/guardrails";
import { throwsExactly } from "./support/errors";

const ARN = `arn:aws:bedrock:us-east-1:${ACCOUNT}:guardrail/abcdefgh1234`;
const OTHER_ARN = `arn:aws:bedrock:us-east-1:${ACCOUNT}:guardrail/zyxwvu987654`;
const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:ops`;
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const METRIC_NAMES =
    "InvocationClientErrors, InvocationLatency, InvocationServerErrors, InvocationThrottles, Invocations, InvocationsIntervened, TextUnitCount";
const STATISTIC_RULE = "must be one of Average, Maximum, Minimum, SampleCount, Sum or a percentile p0..p100 (e.g. p99)";
const PERIOD_RULE =
    "must be a positive multiple of 60 seconds (CloudWatch accepts 10, 20 and 30 only for high-resolution metrics, and Bedrock publishes one-minute metrics)";
const METRIC_REQUIRED = "is required: a guardrail metric name or a metric from the guardrail's metric()";
const ANOTHER = "is a metric of another guardrail or version: pass this guardrail's metric() or a metric name";
const THRESHOLD_RULE = "must be a finite number, zero or more (guardrail metrics are counts and durations)";
const NOT_ARN = "must be an ARN (an SNS topic, an Auto Scaling policy, ...)";

const METRIC_WHERE = { component: "Guardrail.metric" };
const ALARM_WHERE = { component: "Guardrail.addAlarm", name: "a" };
const inputsOf = (args: unknown, version = "DRAFT") => guardrailAlarmInputs(ALARM_WHERE, args as GuardrailAlarmArgs, ARN, version, "support");

describe("guardrail metrics: metric() values and refusals", () => {
    it("a metric name gives its default statistic (Average for latency, Sum otherwise) over 300 s, on the guardrail's ARN and version", () => {
        expect(guardrailMetric(METRIC_WHERE, "InvocationLatency", ARN, "3", undefined)).to.deep.equal({
            namespace: "AWS/Bedrock/Guardrails",
            metricName: "InvocationLatency",
            dimensions: { GuardrailArn: ARN, GuardrailVersion: "3" },
            statistic: "Average",
            period: 300,
        });
        expect(guardrailMetric(METRIC_WHERE, "TextUnitCount", ARN, "DRAFT", { statistic: "p99.9", period: 3600 })).to.deep.equal({
            namespace: "AWS/Bedrock/Guardrails",
            metricName: "TextUnitCount",
            dimensions: { GuardrailArn: ARN, GuardrailVersion: "DRAFT" },
            statistic: "p99.9",
            period: 3600,
        });
    });

    const refusals: [string, () => unknown, string][] = [
        [
            "a runtime metric of profiles",
            () => guardrailMetric(METRIC_WHERE, "InputTokenCount", ARN, "DRAFT", undefined),
            `name "InputTokenCount" is not a guardrail metric (one of ${METRIC_NAMES})`,
        ],
        ["a number as the name", () => guardrailMetric(METRIC_WHERE, 5, ARN, "DRAFT", undefined), `name 5 is not a guardrail metric (one of ${METRIC_NAMES})`],
        [
            "an inherited property as the name",
            () => guardrailMetric(METRIC_WHERE, "toString", ARN, "DRAFT", undefined),
            `name "toString" is not a guardrail metric (one of ${METRIC_NAMES})`,
        ],
        [
            "options as a string",
            () => guardrailMetric(METRIC_WHERE, "Invocations", ARN, "DRAFT", "p99" as never),
            'opts "p99" must be an object { statistic?, period? }',
        ],
        [
            "options null",
            () => guardrailMetric(METRIC_WHERE, "Invocations", ARN, "DRAFT", null as never),
            "opts null must be an object { statistic?, period? }",
        ],
        [
            "an unknown statistic",
            () => guardrailMetric(METRIC_WHERE, "Invocations", ARN, "DRAFT", { statistic: "avg" }),
            `opts.statistic "avg" ${STATISTIC_RULE}`,
        ],
        ["a period of 90 s", () => guardrailMetric(METRIC_WHERE, "Invocations", ARN, "DRAFT", { period: 90 }), `opts.period 90 ${PERIOD_RULE}`],
    ];
    for (const [what, fn, message] of refusals) {
        it(`refuses ${what}`, () => {
            throwsExactly(fn, `Guardrail.metric: ${message}`, bedrock.BedrockValidationError);
        });
    }
});

describe("guardrail alarm inputs (pure)", () => {
    it("a metric name: Sum over 300 s, one period, GreaterThanThreshold, notBreaching, and a description naming the metric and the guardrail", () => {
        expect(inputsOf({ metric: "Invocations", threshold: 10 })).to.deep.equal({
            namespace: "AWS/Bedrock/Guardrails",
            metricName: "Invocations",
            dimensions: { GuardrailArn: ARN, GuardrailVersion: "DRAFT" },
            period: 300,
            evaluationPeriods: 1,
            threshold: 10,
            comparisonOperator: "GreaterThanThreshold",
            treatMissingData: "notBreaching",
            alarmDescription: "Bedrock guardrail Invocations (Sum over 300 s) of support",
            statistic: "Sum",
        });
    });

    it("a metric() value keeps its statistic and period; every option is passed on; an empty action list is left out", () => {
        const okTopic = pulumi.output(TOPIC);
        const actions = [1, 2, 3, 4, 5].map((i) => `arn:aws:sns:us-east-1:${ACCOUNT}:ops-${i}`);
        const inputs = inputsOf({
            metric: guardrailMetric(METRIC_WHERE, "InvocationLatency", ARN, "DRAFT", { statistic: "p99", period: 3600 }),
            threshold: 0,
            comparison: "LessThanOrEqualToThreshold",
            evaluationPeriods: 168,
            datapointsToAlarm: 168,
            treatMissingData: "breaching",
            alarmName: "x",
            description: "d".repeat(1024),
            tags: { team: "ml" },
            actions,
            okActions: [okTopic],
            insufficientDataActions: [],
        });
        expect(inputs).to.deep.equal({
            namespace: "AWS/Bedrock/Guardrails",
            metricName: "InvocationLatency",
            dimensions: { GuardrailArn: ARN, GuardrailVersion: "DRAFT" },
            period: 3600,
            evaluationPeriods: 168,
            threshold: 0,
            comparisonOperator: "LessThanOrEqualToThreshold",
            treatMissingData: "breaching",
            alarmDescription: "d".repeat(1024),
            extendedStatistic: "p99",
            datapointsToAlarm: 168,
            alarmActions: [
                "arn:aws:sns:us-east-1:123456789012:ops-1",
                "arn:aws:sns:us-east-1:123456789012:ops-2",
                "arn:aws:sns:us-east-1:123456789012:ops-3",
                "arn:aws:sns:us-east-1:123456789012:ops-4",
                "arn:aws:sns:us-east-1:123456789012:ops-5",
            ],
            okActions: [okTopic],
            name: "x",
            tags: { team: "ml" },
        });
    });

    it("the alarm's statistic and period override the metric's; one datapoint of several; a period under an hour up to one day", () => {
        const m = guardrailMetric(METRIC_WHERE, "InvocationsIntervened", ARN, "2", { statistic: "p50", period: 3600 });
        expect(inputsOf({ metric: m, threshold: 3, statistic: "Maximum", period: 300, evaluationPeriods: 288, datapointsToAlarm: 1 }, "2")).to.deep.equal({
            namespace: "AWS/Bedrock/Guardrails",
            metricName: "InvocationsIntervened",
            dimensions: { GuardrailArn: ARN, GuardrailVersion: "2" },
            period: 300,
            evaluationPeriods: 288,
            threshold: 3,
            comparisonOperator: "GreaterThanThreshold",
            treatMissingData: "notBreaching",
            alarmDescription: "Bedrock guardrail InvocationsIntervened (Maximum over 300 s) of support",
            statistic: "Maximum",
            datapointsToAlarm: 1,
        });
    });

    const profileMetric = { namespace: "AWS/Bedrock", metricName: "Invocations", dimensions: { ModelId: "m" }, statistic: "Sum", period: 300 };
    const noDimensions = { namespace: "AWS/Bedrock/Guardrails", metricName: "Invocations", statistic: "Sum", period: 300 };
    // A function passes typeof "object" checks only by mistake; toJSON names it in the message.
    const functionMetric = Object.assign(() => 0, {
        namespace: "AWS/Bedrock/Guardrails",
        metricName: "Invocations",
        dimensions: { GuardrailArn: ARN, GuardrailVersion: "DRAFT" },
        toJSON: () => "a function",
    });
    const base = { metric: "Invocations", threshold: 1 };
    const refusals: [string, unknown, string][] = [
        ["no arguments", undefined, "args undefined is required ({ metric, threshold, ... })"],
        ["null arguments", null, "args null is required ({ metric, threshold, ... })"],
        ["a metric name instead of arguments", "Invocations", 'args "Invocations" is required ({ metric, threshold, ... })'],
        ["no metric", { threshold: 1 }, `metric undefined ${METRIC_REQUIRED}`],
        ["a null metric", { metric: null, threshold: 1 }, `metric null ${METRIC_REQUIRED}`],
        ["a number as the metric", { metric: 5, threshold: 1 }, `metric 5 ${METRIC_REQUIRED}`],
        [
            "a profile's metric",
            { metric: profileMetric, threshold: 1 },
            `metric {"namespace":"AWS/Bedrock","metricName":"Invocations","dimensions":{"ModelId":"m"},"statistic":"Sum","period":300} ${METRIC_REQUIRED}`,
        ],
        ["a function carrying a metric's fields", { metric: functionMetric, threshold: 1 }, `metric "a function" ${METRIC_REQUIRED}`],
        [
            "a runtime metric of profiles by name",
            { metric: "InputTokenCount", threshold: 1 },
            `metric "InputTokenCount" is not a guardrail metric (one of ${METRIC_NAMES})`,
        ],
        ["an unknown statistic", { ...base, statistic: "avg" }, `statistic "avg" ${STATISTIC_RULE}`],
        ["a period of 90 s", { ...base, period: 90 }, `period 90 ${PERIOD_RULE}`],
        [
            "another guardrail's metric",
            { metric: guardrailMetric(METRIC_WHERE, "Invocations", OTHER_ARN, "DRAFT", undefined), threshold: 1 },
            `metric "Invocations of \\"${OTHER_ARN}\\"" ${ANOTHER}`,
        ],
        [
            "another version's metric",
            { metric: guardrailMetric(METRIC_WHERE, "Invocations", ARN, "1", undefined), threshold: 1 },
            `metric "Invocations of \\"${ARN}\\"" ${ANOTHER}`,
        ],
        ["a metric without dimensions", { metric: noDimensions, threshold: 1 }, `metric "Invocations of undefined" ${ANOTHER}`],
        ["no threshold", { metric: "Invocations" }, `threshold undefined ${THRESHOLD_RULE}`],
        ["a threshold as a string", { ...base, threshold: "5" }, `threshold "5" ${THRESHOLD_RULE}`],
        ["an infinite threshold", { ...base, threshold: Infinity }, `threshold Infinity ${THRESHOLD_RULE}`],
        ["a NaN threshold", { ...base, threshold: NaN }, `threshold NaN ${THRESHOLD_RULE}`],
        ["a negative threshold", { ...base, threshold: -1 }, `threshold -1 ${THRESHOLD_RULE}`],
        [
            "an unknown comparison",
            { ...base, comparison: ">" },
            'comparison ">" must be one of GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanOrEqualToThreshold, LessThanThreshold',
        ],
        ["zero evaluation periods", { ...base, evaluationPeriods: 0 }, "evaluationPeriods 0 must be a whole number, 1 or more"],
        ["a fraction of evaluation periods", { ...base, evaluationPeriods: 1.5 }, "evaluationPeriods 1.5 must be a whole number, 1 or more"],
        ["evaluation periods as a string", { ...base, evaluationPeriods: "2" }, 'evaluationPeriods "2" must be a whole number, 1 or more'],
        [
            "more than a day of periods under an hour",
            { ...base, evaluationPeriods: 289 },
            "evaluationPeriods 289 times period 300 is 86700 s, over CloudWatch's limit of 86400 s",
        ],
        [
            "more than a day of 59-minute periods",
            { ...base, period: 3540, evaluationPeriods: 25 },
            "evaluationPeriods 25 times period 3540 is 88500 s, over CloudWatch's limit of 86400 s",
        ],
        [
            "more than seven days of hours",
            { ...base, period: 3600, evaluationPeriods: 169 },
            "evaluationPeriods 169 times period 3600 is 608400 s, over CloudWatch's limit of 604800 s",
        ],
        [
            "zero datapoints",
            { ...base, evaluationPeriods: 2, datapointsToAlarm: 0 },
            "datapointsToAlarm 0 must be a whole number between 1 and evaluationPeriods (2)",
        ],
        [
            "a fraction of datapoints",
            { ...base, evaluationPeriods: 2, datapointsToAlarm: 1.5 },
            "datapointsToAlarm 1.5 must be a whole number between 1 and evaluationPeriods (2)",
        ],
        [
            "datapoints as a string",
            { ...base, evaluationPeriods: 2, datapointsToAlarm: "2" },
            'datapointsToAlarm "2" must be a whole number between 1 and evaluationPeriods (2)',
        ],
        [
            "more datapoints than periods",
            { ...base, evaluationPeriods: 2, datapointsToAlarm: 3 },
            "datapointsToAlarm 3 must be a whole number between 1 and evaluationPeriods (2)",
        ],
        [
            "an unknown treatMissingData",
            { ...base, treatMissingData: "drop" },
            'treatMissingData "drop" must be one of breaching, ignore, missing, notBreaching',
        ],
        ["an empty alarm name", { ...base, alarmName: "" }, 'alarmName "" must not be empty'],
        [
            "an alarm name over 255 characters",
            { ...base, alarmName: "n".repeat(256) },
            `alarmName "${"n".repeat(256)}" must have at most 255 characters (has 256)`,
        ],
        [
            "a description over 1024 characters",
            { ...base, description: "d".repeat(1025) },
            `description "${"d".repeat(1025)}" must have at most 1024 characters (has 1025)`,
        ],
        ["null tags", { ...base, tags: null }, "tags null must be a map of tag keys to values"],
        ["tags as a string", { ...base, tags: "team=ml" }, 'tags "team=ml" must be a map of tag keys to values'],
        ["tags as a list", { ...base, tags: ["team"] }, 'tags ["team"] must be a map of tag keys to values'],
        ["one action as a string", { ...base, actions: TOPIC }, `actions "${TOPIC}" must be a list of ARNs`],
        [
            "six actions",
            { ...base, actions: [1, 2, 3, 4, 5, 6].map((i) => `${TOPIC}-${i}`) },
            `actions "6 actions" must hold at most 5 ARNs (CloudWatch's limit per alarm state)`,
        ],
        ["an e-mail address as an action", { ...base, actions: [TOPIC, "ops@example.com"] }, `actions[1] "ops@example.com" ${NOT_ARN}`],
        ["an action with text before arn:", { ...base, actions: ["my-arn:aws:sns:us-east-1:"] }, `actions[0] "my-arn:aws:sns:us-east-1:" ${NOT_ARN}`],
        ["a number as an action", { ...base, actions: [5] }, `actions[0] 5 ${NOT_ARN}`],
        ["an OK action that is no ARN", { ...base, okActions: ["ops"] }, `okActions[0] "ops" ${NOT_ARN}`],
        ["an insufficient-data action that is no ARN", { ...base, insufficientDataActions: ["ops"] }, `insufficientDataActions[0] "ops" ${NOT_ARN}`],
    ];
    for (const [what, args, message] of refusals) {
        it(`refuses ${what}`, () => {
            throwsExactly(() => inputsOf(args), `Guardrail.addAlarm "a": ${message}`, bedrock.BedrockValidationError);
        });
    }
});

describe("guardrail addAlarm: the alarm's name, options and parent", function () {
    this.timeout(60_000);

    it("registers <guardrail>-<name> with exact inputs, a child of the guardrail", async () => {
        const rec = mocks();
        const g = usGuardrail();
        g.addAlarm("Intervened_1-x", { metric: "InvocationsIntervened", threshold: 5 });
        await settle();
        const alarms = rec.customResources.filter((r) => r.type === ALARM);
        expect(alarms.map((a) => a.name)).to.deep.equal(["support-guardrail-Intervened_1-x"]);
        const arn = await resolveOutput(g.guardrailArn);
        expect(alarms[0].inputs).to.deep.equal({
            namespace: "AWS/Bedrock/Guardrails",
            metricName: "InvocationsIntervened",
            dimensions: { GuardrailArn: arn, GuardrailVersion: "DRAFT" },
            period: 300,
            evaluationPeriods: 1,
            threshold: 5,
            comparisonOperator: "GreaterThanThreshold",
            treatMissingData: "notBreaching",
            alarmDescription: "Bedrock guardrail InvocationsIntervened (Sum over 300 s) of support-guardrail",
            statistic: "Sum",
        });
        expect(alarms[0].parent).to.equal(rec.resources.find((r) => r.type === "bedrock-genai:index:Guardrail")?.urn);
    });

    it("opts: the parent and the provider given, in place of the guardrail", async () => {
        const rec = mocks();
        const g = usGuardrail();
        const parent = new pulumi.ComponentResource("test:index:Alarms", "alarms");
        const provider = new aws.Provider("ops", { region: "us-east-1" });
        g.addAlarm("a", { metric: "Invocations", threshold: 1 }, { parent, provider });
        await settle();
        const alarm = rec.customResources.find((r) => r.type === ALARM);
        expect(alarm?.name).to.equal("support-guardrail-a");
        expect(alarm?.parent).to.equal(rec.resources.find((r) => r.type === "test:index:Alarms")?.urn);
        const registered = rec.resources.find((r) => r.type === "pulumi:providers:aws" && r.name === "ops");
        expect(alarm?.provider).to.equal(`${registered?.urn}::${registered?.id}`);
    });

    const refusals: [string, unknown, unknown, string][] = [
        ["an empty name", "", undefined, 'Guardrail.addAlarm "": name "" must not be empty'],
        ["a number as the name", 5, undefined, "Guardrail.addAlarm: name 5 must be a string"],
        [
            "a name over 100 characters",
            "a".repeat(101),
            undefined,
            `Guardrail.addAlarm "${"a".repeat(101)}": name "${"a".repeat(101)}" must have at most 100 characters (has 101)`,
        ],
        [
            "a name starting with a hyphen",
            "-a",
            undefined,
            'Guardrail.addAlarm "-a": name "-a" must match ^[A-Za-z0-9][A-Za-z0-9_-]*$ (letters, digits, hyphens and underscores)',
        ],
        [
            "a name with a space",
            "a b",
            undefined,
            'Guardrail.addAlarm "a b": name "a b" must match ^[A-Za-z0-9][A-Za-z0-9_-]*$ (letters, digits, hyphens and underscores)',
        ],
        ["options as a string", "a", "parent", 'Guardrail.addAlarm "a": opts "parent" must be an object { parent?, provider? }'],
        ["null options", "a", null, 'Guardrail.addAlarm "a": opts null must be an object { parent?, provider? }'],
    ];
    for (const [what, name, opts, message] of refusals) {
        it(`refuses ${what}, registering no alarm`, async () => {
            const rec = mocks();
            const g = usGuardrail();
            throwsExactly(() => g.addAlarm(name as string, { metric: "Invocations", threshold: 1 }, opts as never), message, bedrock.BedrockValidationError);
            await settle();
            expect(rec.customResources.filter((r) => r.type === ALARM)).to.deep.equal([]);
        });
    }
});

describe("dashboard guardrails: what UsageDashboard's guardrails accepts", () => {
    const WHERE = { component: "UsageDashboard", name: "d" };
    const LIST_RULE = "must be a list of guardrails (Guardrail, a version, or Guardrail.fromGuardrailAttributes(...))";
    const ITEM_RULE = "must be a Guardrail, a version from createVersion, or Guardrail.fromGuardrailAttributes(...)";
    // toJSON names the fake in messages (Pulumi's Output refuses toJSON with a long text).
    const fake = () => ({ alarmLabel: "g", guardrailArn: pulumi.output(ARN), guardrailVersion: pulumi.output("1"), toJSON: () => "fake" });

    it("no guardrails is an empty list; guardrail-shaped objects are taken as given", () => {
        expect(checkDashboardGuardrails(WHERE, undefined)).to.deep.equal([]);
        const list = [fake(), fake()];
        expect(checkDashboardGuardrails(WHERE, list)).to.equal(list);
    });

    it("refuses a value that is not a list", () => {
        throwsExactly(() => checkDashboardGuardrails(WHERE, "g"), `UsageDashboard "d": guardrails "g" ${LIST_RULE}`, bedrock.BedrockValidationError);
    });

    const refusals: [string, () => unknown, string][] = [
        ["null", () => null, "null"],
        ["a string", () => "g", '"g"'],
        ["a function carrying a guardrail's fields", () => Object.assign(() => 0, fake()), '"fake"'],
        ["an object without alarmLabel", () => ({ ...fake(), alarmLabel: undefined }), '"fake"'],
        ["an object with a number as alarmLabel", () => ({ ...fake(), alarmLabel: 1 }), '"fake"'],
        ["an object without guardrailArn", () => ({ ...fake(), guardrailArn: undefined }), '"fake"'],
        ["a plain string as guardrailArn", () => ({ ...fake(), guardrailArn: ARN }), '"fake"'],
        ["an object without guardrailVersion", () => ({ ...fake(), guardrailVersion: undefined }), '"fake"'],
        ["a plain string as guardrailVersion", () => ({ ...fake(), guardrailVersion: "1" }), '"fake"'],
    ];
    for (const [what, make, shown] of refusals) {
        it(`refuses ${what} in the list, naming its index`, () => {
            throwsExactly(
                () => checkDashboardGuardrails(WHERE, [fake(), make()]),
                `UsageDashboard "d": guardrails[1] ${shown} ${ITEM_RULE}`,
                bedrock.BedrockValidationError,
            );
        });
    }
});
