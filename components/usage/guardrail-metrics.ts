/**
 * The CloudWatch metrics Amazon Bedrock Guardrails publishes, read per guardrail, and alarms on them.
 * The metric rules (names, statistics, periods) are pure; `addGuardrailAlarm` registers the alarm.
 *
 * Facts: AWS's "Monitor Amazon Bedrock Guardrails using CloudWatch metrics" page
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/monitoring-guardrails-cw-metrics.html):
 * namespace `AWS/Bedrock/Guardrails`; the runtime metrics `Invocations`, `InvocationLatency`
 * (milliseconds), `InvocationClientErrors`, `InvocationServerErrors`, `InvocationThrottles`,
 * `TextUnitCount` and `InvocationsIntervened`; each available per guardrail under the dimensions
 * `GuardrailArn` and `GuardrailVersion` (a version number or `DRAFT`). Alarm limits are CloudWatch's
 * PutMetricAlarm rules (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html),
 * as for the profiles' alarms (`usage/alarm-args.ts`).
 */
import * as pulumi from "@pulumi/pulumi";
import * as awsCloudwatch from "@pulumi/aws/cloudwatch";
import { checkString, fail, show, type Where } from "../core/validation";
import { checkStatisticAndPeriod, DEFAULT_PERIOD } from "./metrics";
import { COMPARISONS, metricAlarmInputs, ONE_DAY, SEVEN_DAYS, TREAT_MISSING, type ProfileAlarmArgs } from "./alarm-args";
import type { AddAlarmOptions } from "./profile-usage";

/** The CloudWatch namespace of guardrail metrics. */
export const GUARDRAILS_NAMESPACE = "AWS/Bedrock/Guardrails";

/** The name of a guardrail runtime metric. */
export type GuardrailMetricName =
    | "Invocations"
    | "InvocationLatency"
    | "InvocationClientErrors"
    | "InvocationServerErrors"
    | "InvocationThrottles"
    | "TextUnitCount"
    | "InvocationsIntervened";

/** What the package knows of a guardrail metric. */
export interface GuardrailMetricInfo {
    /** The statistic `metric()` uses unless told otherwise: `Sum` for counts, `Average` for latency. */
    readonly defaultStatistic: string;
    /** What the metric counts. */
    readonly description: string;
}

/** Each guardrail metric, the statistic `metric()` reads it with by default, and what it counts. */
export const GUARDRAIL_METRICS: Readonly<Record<GuardrailMetricName, GuardrailMetricInfo>> = Object.freeze({
    Invocations: { defaultStatistic: "Sum", description: "requests evaluated by the guardrail" },
    InvocationLatency: { defaultStatistic: "Average", description: "latency of the evaluations, in milliseconds" },
    InvocationClientErrors: { defaultStatistic: "Sum", description: "evaluations that ended in a client-side error" },
    InvocationServerErrors: { defaultStatistic: "Sum", description: "evaluations that ended in an AWS server-side error" },
    InvocationThrottles: { defaultStatistic: "Sum", description: "evaluations the service throttled" },
    TextUnitCount: { defaultStatistic: "Sum", description: "text units the guardrail's policies consumed" },
    InvocationsIntervened: { defaultStatistic: "Sum", description: "evaluations where the guardrail intervened" },
});

/** The guardrail metric names, sorted. */
export const GUARDRAIL_METRIC_NAMES: readonly GuardrailMetricName[] = Object.freeze((Object.keys(GUARDRAIL_METRICS) as GuardrailMetricName[]).sort());

/**
 * One `AWS/Bedrock/Guardrails` metric of one guardrail version: the fields `aws.cloudwatch.MetricAlarm`
 * takes (a percentile statistic goes to `extendedStatistic`, as `addAlarm` does) and what a dashboard graphs.
 */
export interface GuardrailMetric<V = pulumi.Output<string>> {
    /** Always `AWS/Bedrock/Guardrails`. */
    readonly namespace: typeof GUARDRAILS_NAMESPACE;
    /** The metric's name (`InvocationsIntervened`, ...). */
    readonly metricName: GuardrailMetricName;
    /** The guardrail's ARN and version (`DRAFT` or a number). */
    readonly dimensions: {
        /** The guardrail's ARN. */
        readonly GuardrailArn: V;
        /** `DRAFT` or a version number. */
        readonly GuardrailVersion: V;
    };
    /** The statistic (a plain statistic or a percentile). */
    readonly statistic: string;
    /** Seconds per data point. */
    readonly period: number;
}

/** Options of a guardrail's `metric()`. */
export interface GuardrailMetricOptions {
    /** `Sum`, `Average`, `Minimum`, `Maximum`, `SampleCount`, or a percentile such as `p99`. Default: `Sum`, `Average` for latency. */
    statistic?: string;
    /** Seconds each data point covers: a positive multiple of 60. Default 300. */
    period?: number;
}

/** Validates a metric name, statistic and period; returns the metric of the guardrail version `arn`/`version`. */
export function guardrailMetric<V>(
    where: Where,
    name: unknown,
    arn: V,
    version: V,
    opts: GuardrailMetricOptions | undefined,
    argNames: { name: string; statistic: string; period: string } = { name: "name", statistic: "opts.statistic", period: "opts.period" },
): GuardrailMetric<V> {
    if (typeof name !== "string" || !Object.prototype.hasOwnProperty.call(GUARDRAIL_METRICS, name)) {
        fail(where, argNames.name, name, `is not a guardrail metric (one of ${GUARDRAIL_METRIC_NAMES.join(", ")})`);
    }
    if (opts !== undefined && (opts === null || typeof opts !== "object")) fail(where, "opts", opts, "must be an object { statistic?, period? }");
    const { statistic, period } = checkStatisticAndPeriod(
        where,
        argNames,
        opts?.statistic ?? GUARDRAIL_METRICS[name as GuardrailMetricName].defaultStatistic,
        opts?.period ?? DEFAULT_PERIOD,
    );
    return {
        namespace: GUARDRAILS_NAMESPACE,
        metricName: name as GuardrailMetricName,
        dimensions: { GuardrailArn: arn, GuardrailVersion: version },
        statistic,
        period,
    };
}

/** Arguments of a guardrail's `addAlarm`: those of a profile's alarm, on a guardrail metric. */
export interface GuardrailAlarmArgs extends Omit<ProfileAlarmArgs, "metric"> {
    /** The metric: a guardrail metric name (`InvocationsIntervened`, ...) or a metric from this guardrail's `metric()`. */
    metric: GuardrailMetricName | GuardrailMetric<pulumi.Input<string>>;
}

function checkActions(where: Where, argument: string, actions: unknown): pulumi.Input<string>[] | undefined {
    if (actions === undefined) return undefined;
    if (!Array.isArray(actions)) fail(where, argument, actions, "must be a list of ARNs");
    if (actions.length > 5) fail(where, argument, `${actions.length} actions`, "must hold at most 5 ARNs (CloudWatch's limit per alarm state)");
    actions.forEach((a, i) => {
        if (typeof a === "string" ? !/^arn:[^:]+:[^:]+:/.test(a) : !pulumi.Output.isInstance(a)) {
            fail(where, `${argument}[${i}]`, a, "must be an ARN (an SNS topic, an Auto Scaling policy, ...)");
        }
    });
    return actions.length === 0 ? undefined : actions;
}

/**
 * `aws.cloudwatch.MetricAlarm` inputs for an alarm on a metric of the guardrail version `arn`/`version`,
 * every argument checked (CloudWatch's limits) before anything is registered.
 */
export function guardrailAlarmInputs(
    where: Where,
    args: GuardrailAlarmArgs,
    arn: pulumi.Input<string>,
    version: pulumi.Input<string>,
    label: string,
): awsCloudwatch.MetricAlarmArgs {
    // typeof undefined is not "object": one test covers undefined, strings and numbers.
    if (args === null || typeof args !== "object") fail(where, "args", args, "is required ({ metric, threshold, ... })");
    const names = { name: "metric", statistic: "statistic", period: "period" };
    let metric: GuardrailMetric<pulumi.Input<string>>;
    if (typeof args.metric === "string") {
        metric = guardrailMetric(where, args.metric, arn, version, { statistic: args.statistic, period: args.period }, names);
    } else if (args.metric !== null && typeof args.metric === "object" && (args.metric as GuardrailMetric).namespace === GUARDRAILS_NAMESPACE) {
        const m = args.metric;
        metric = guardrailMetric(where, m.metricName, arn, version, { statistic: args.statistic ?? m.statistic, period: args.period ?? m.period }, names);
        // A metric of another guardrail (or version) would silently watch the wrong evaluations; a
        // hand-made metric may have no dimensions at all.
        const dims: Partial<GuardrailMetric<pulumi.Input<string>>["dimensions"]> = m.dimensions ?? {};
        if (dims.GuardrailArn !== arn || dims.GuardrailVersion !== version) {
            fail(
                where,
                "metric",
                `${m.metricName} of ${show(dims.GuardrailArn)}`,
                "is a metric of another guardrail or version: pass this guardrail's metric() or a metric name",
            );
        }
    } else {
        return fail(where, "metric", args.metric, "is required: a guardrail metric name or a metric from the guardrail's metric()");
    }
    const threshold = args.threshold;
    // Number.isFinite and Number.isInteger are false for anything but a number (no coercion): no typeof check needed.
    if (!Number.isFinite(threshold) || threshold < 0) {
        fail(where, "threshold", threshold, "must be a finite number, zero or more (guardrail metrics are counts and durations)");
    }
    const comparison = args.comparison ?? "GreaterThanThreshold";
    if (!COMPARISONS.includes(comparison)) fail(where, "comparison", comparison, `must be one of ${COMPARISONS.join(", ")}`);
    const evaluationPeriods = args.evaluationPeriods ?? 1;
    if (!Number.isInteger(evaluationPeriods) || evaluationPeriods < 1) {
        fail(where, "evaluationPeriods", evaluationPeriods, "must be a whole number, 1 or more");
    }
    const limit = metric.period < 3600 ? ONE_DAY : SEVEN_DAYS;
    if (metric.period * evaluationPeriods > limit) {
        fail(
            where,
            "evaluationPeriods",
            evaluationPeriods,
            `times period ${metric.period} is ${metric.period * evaluationPeriods} s, over CloudWatch's limit of ${limit} s`,
        );
    }
    const d = args.datapointsToAlarm;
    if (d !== undefined && (!Number.isInteger(d) || d < 1 || d > evaluationPeriods)) {
        fail(where, "datapointsToAlarm", d, `must be a whole number between 1 and evaluationPeriods (${evaluationPeriods})`);
    }
    const treatMissingData = args.treatMissingData ?? "notBreaching";
    if (!TREAT_MISSING.includes(treatMissingData)) fail(where, "treatMissingData", treatMissingData, `must be one of ${TREAT_MISSING.join(", ")}`);
    checkString(where, "alarmName", args.alarmName, { min: 1, max: 255, optional: true });
    const description = args.description ?? `Bedrock guardrail ${metric.metricName} (${metric.statistic} over ${metric.period} s) of ${label}`;
    checkString(where, "description", description, { min: 0, max: 1024 });
    if (args.tags !== undefined && (args.tags === null || typeof args.tags !== "object" || Array.isArray(args.tags))) {
        fail(where, "tags", args.tags, "must be a map of tag keys to values");
    }
    const alarmActions = checkActions(where, "actions", args.actions);
    const okActions = checkActions(where, "okActions", args.okActions);
    const insufficientDataActions = checkActions(where, "insufficientDataActions", args.insufficientDataActions);
    return metricAlarmInputs(
        metric,
        { GuardrailArn: arn, GuardrailVersion: version },
        { evaluationPeriods, threshold, comparison, treatMissingData, description, alarmActions, okActions, insufficientDataActions },
        args,
    );
}

/** What a guardrail (or version, or import) offers `addGuardrailAlarm`. */
export interface GuardrailMetered {
    readonly guardrailArn: pulumi.Output<string>;
    readonly guardrailVersion: pulumi.Output<string>;
    /** A stable name, used to name the alarms created for it. */
    readonly alarmLabel: string;
}

/** `g.addAlarm(name, args, opts)`: an `aws.cloudwatch.MetricAlarm` named `<guardrail>-<name>`. */
export function addGuardrailAlarm(
    g: GuardrailMetered,
    component: string,
    name: string,
    args: GuardrailAlarmArgs,
    opts: AddAlarmOptions | undefined,
    defaultParent: pulumi.Resource | undefined,
): awsCloudwatch.MetricAlarm {
    const where = { component: `${component}.addAlarm`, name: typeof name === "string" ? name : undefined };
    checkString(where, "name", name, { min: 1, max: 100, pattern: /^[A-Za-z0-9][A-Za-z0-9_-]*$/, patternText: "letters, digits, hyphens and underscores" });
    if (opts !== undefined && (opts === null || typeof opts !== "object")) fail(where, "opts", opts, "must be an object { parent?, provider? }");
    const inputs = guardrailAlarmInputs(where, args, g.guardrailArn, g.guardrailVersion, g.alarmLabel);
    return new awsCloudwatch.MetricAlarm(`${g.alarmLabel}-${name}`, inputs, { parent: opts?.parent ?? defaultParent, provider: opts?.provider });
}
