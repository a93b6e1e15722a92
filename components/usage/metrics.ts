/**
 * The CloudWatch metrics Amazon Bedrock publishes for runtime invocations, and the rules for reading
 * them through one profile or router. Pure: names, statistics, periods and the `ModelId` dimension
 * value are plain data and functions, tested without Pulumi.
 *
 * Metric names and units: AWS's "Monitor bedrock-runtime inference using CloudWatch metrics" page,
 * https://docs.aws.amazon.com/bedrock/latest/userguide/monitoring-runtime-metrics.html (namespace
 * `AWS/Bedrock`, dimension `ModelId` on every runtime metric).
 *
 * The `ModelId` value for a call through an inference profile is the profile's id, not its ARN: for
 * an application profile the service-generated id (the last part of
 * `arn:...:application-inference-profile/<id>`), for a system-defined profile `<prefix>.<modelId>`.
 * AWS's runtime-metrics page names the dimension but not its value for profiles; the value is the one
 * Cloud Custodian's `metrics` filter for inference profiles queries
 * (https://github.com/cloud-custodian/cloud-custodian/pull/10786, `ModelId` = `inferenceProfileId`).
 * For prompt routers AWS documents no value; the router's id (the last part of its ARN) is used by
 * the same rule and is not verified.
 */
import { fail, type Where } from "../core/validation";

/** The CloudWatch namespace of Bedrock's runtime metrics. */
export const BEDROCK_NAMESPACE = "AWS/Bedrock";

/** The dimension every Bedrock runtime metric carries. */
export const MODEL_ID_DIMENSION = "ModelId";

/** A runtime metric's unit (as CloudWatch reports it) and the statistic that reads it best. */
export interface RuntimeMetricInfo {
    /** The unit AWS lists for the metric. */
    readonly unit: "Count" | "Milliseconds";
    /** The statistic `metric()` uses unless told otherwise: `Sum` for counts, `Average` for latency. */
    readonly defaultStatistic: string;
    /** What the metric counts, in AWS's words (shortened). */
    readonly description: string;
}

/** The name of a Bedrock runtime metric. */
export type BedrockMetricName =
    | "Invocations"
    | "InvocationLatency"
    | "InvocationClientErrors"
    | "InvocationServerErrors"
    | "InvocationThrottles"
    | "InputTokenCount"
    | "OutputTokenCount"
    | "OutputImageCount"
    | "LegacyModelInvocations";

/**
 * Bedrock's runtime metrics (namespace `AWS/Bedrock`, dimension `ModelId`), from
 * https://docs.aws.amazon.com/bedrock/latest/userguide/monitoring-runtime-metrics.html.
 */
export const RUNTIME_METRICS: Readonly<Record<BedrockMetricName, RuntimeMetricInfo>> = Object.freeze({
    Invocations: { unit: "Count", defaultStatistic: "Sum", description: "requests to Converse, ConverseStream, InvokeModel and InvokeModelWithResponseStream" },
    InvocationLatency: { unit: "Milliseconds", defaultStatistic: "Average", description: "time from sending a request to receiving the last token" },
    InvocationClientErrors: { unit: "Count", defaultStatistic: "Sum", description: "invocations that ended in a client-side error" },
    InvocationServerErrors: { unit: "Count", defaultStatistic: "Sum", description: "invocations that ended in an AWS server-side error" },
    InvocationThrottles: { unit: "Count", defaultStatistic: "Sum", description: "invocations the service throttled (not counted as Invocations)" },
    InputTokenCount: { unit: "Count", defaultStatistic: "Sum", description: "tokens in the input" },
    OutputTokenCount: { unit: "Count", defaultStatistic: "Sum", description: "tokens in the output" },
    OutputImageCount: { unit: "Count", defaultStatistic: "Sum", description: "images in the output (image generation models)" },
    LegacyModelInvocations: { unit: "Count", defaultStatistic: "Sum", description: "invocations of legacy models" },
});

/** The metric names, sorted. */
export const METRIC_NAMES: readonly BedrockMetricName[] = Object.freeze((Object.keys(RUNTIME_METRICS) as BedrockMetricName[]).sort());

/** CloudWatch's plain statistics. */
export const STATISTICS = ["Average", "Maximum", "Minimum", "SampleCount", "Sum"] as const;

/** A percentile (extended statistic): `p0`..`p100`, with up to two decimals (`p99.9`). */
const PERCENTILE = /^p(\d{1,3})(\.\d{1,2})?$/;

/** The default period of `metric()` and of alarms: five minutes. */
export const DEFAULT_PERIOD = 300;

/** Whether `s` is a plain statistic or a percentile CloudWatch accepts. */
export function isStatistic(s: unknown): s is string {
    if (typeof s !== "string") return false;
    if ((STATISTICS as readonly string[]).includes(s)) return true;
    const m = PERCENTILE.exec(s);
    return m !== null && Number(s.slice(1)) <= 100;
}

/** Whether `s` is a percentile (CloudWatch `ExtendedStatistic`). */
export function isPercentile(s: string): boolean {
    return PERCENTILE.test(s);
}

/**
 * The problem with a CloudWatch period, or undefined. PutMetricAlarm and GetMetricData accept 10, 20,
 * 30 and any multiple of 60 seconds
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html). Bedrock
 * publishes its metrics once a minute, so 10, 20 and 30 would leave most periods without data: they
 * are refused here.
 */
export function periodProblem(period: unknown): string | undefined {
    // Number.isInteger is false for anything but a number (it does not convert).
    if (!Number.isInteger(period)) return "must be a whole number of seconds";
    const seconds = period as number;
    if (seconds <= 0 || seconds % 60 !== 0) {
        return "must be a positive multiple of 60 seconds (CloudWatch accepts 10, 20 and 30 only for high-resolution metrics, and Bedrock publishes one-minute metrics)";
    }
    return undefined;
}

/** Options of `metric()`. */
export interface MetricOptions {
    /** `Sum`, `Average`, `Minimum`, `Maximum`, `SampleCount`, or a percentile such as `p99`. Default: `Sum`, `Average` for latency. */
    statistic?: string;
    /** Seconds each data point covers: a positive multiple of 60. Default 300. */
    period?: number;
}

/**
 * One `AWS/Bedrock` metric read through one profile or router: the fields `aws.cloudwatch.MetricAlarm`
 * takes (`namespace`, `metricName`, `dimensions`, `statistic`, `period`) and what a dashboard graphs.
 * It carries no unit on purpose: an alarm with a unit other than the one Bedrock publishes with watches
 * nothing (see `RUNTIME_METRICS` for the units AWS lists). Spread it into `MetricAlarm` arguments,
 * except a percentile statistic, which MetricAlarm takes as `extendedStatistic` (`addAlarm` does this).
 * `dimensionValue` is an Output when the profile's id is known only at deploy time.
 */
export interface BedrockMetric<V = string> {
    /** Always `AWS/Bedrock`. */
    readonly namespace: typeof BEDROCK_NAMESPACE;
    /** The metric's name (`InputTokenCount`, ...). */
    readonly metricName: BedrockMetricName;
    /** `{ ModelId: <profile or router id> }`. */
    readonly dimensions: {
        /** The profile's or router's id: the `ModelId` Bedrock reports calls through it under. */
        readonly ModelId: V;
    };
    /** The statistic (a plain statistic or a percentile). */
    readonly statistic: string;
    /** Seconds per data point. */
    readonly period: number;
}

/** The argument names `bedrockMetric` reports (they differ between `metric()` and `addAlarm`). */
export interface MetricArgNames {
    name: string;
    statistic: string;
    period: string;
}

const METHOD_ARGS: MetricArgNames = { name: "name", statistic: "opts.statistic", period: "opts.period" };

/**
 * Checks a metric's `statistic` and `period`, naming the arguments as
 * `argNames` does; returns them.
 */
export function checkStatisticAndPeriod(
    where: Where,
    argNames: { statistic: string; period: string },
    statistic: string,
    period: number,
): { statistic: string; period: number } {
    if (!isStatistic(statistic)) {
        fail(where, argNames.statistic, statistic, `must be one of ${STATISTICS.join(", ")} or a percentile p0..p100 (e.g. p99)`);
    }
    const problem = periodProblem(period);
    if (problem) fail(where, argNames.period, period, problem);
    return { statistic, period };
}

/** Validates a metric name, statistic and period; returns the metric for `dimensionValue`. Throws naming the argument. */
export function bedrockMetric<V>(
    where: Where,
    name: unknown,
    dimensionValue: V,
    opts: MetricOptions | undefined,
    argNames: MetricArgNames = METHOD_ARGS,
): BedrockMetric<V> {
    if (typeof name !== "string" || !Object.prototype.hasOwnProperty.call(RUNTIME_METRICS, name)) {
        fail(where, argNames.name, name, `is not a Bedrock runtime metric (one of ${METRIC_NAMES.join(", ")})`);
    }
    const info: RuntimeMetricInfo = RUNTIME_METRICS[name as BedrockMetricName];
    if (opts !== undefined && (opts === null || typeof opts !== "object")) fail(where, "opts", opts, "must be an object { statistic?, period? }");
    const { statistic, period } = checkStatisticAndPeriod(where, argNames, opts?.statistic ?? info.defaultStatistic, opts?.period ?? DEFAULT_PERIOD);
    return {
        namespace: BEDROCK_NAMESPACE,
        metricName: name as BedrockMetricName,
        dimensions: { ModelId: dimensionValue },
        statistic,
        period,
    };
}

/** Resource types whose calls Bedrock reports under `ModelId` = the id after the type. */
const METERED_TYPES = ["application-inference-profile", "inference-profile", "prompt-router", "default-prompt-router"];

/**
 * The `ModelId` dimension value for calls through the profile or router `arn`: the resource id after
 * `<type>/` (`arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123` ->
 * `abc123`; `...:inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0` ->
 * `us.anthropic.claude-3-5-sonnet-20241022-v2:0`). Model ids hold colons, so the ARN is cut at the
 * first `/`, not split on `:`.
 */
export function modelIdDimensionValue(arn: string): string {
    const parts = arn.split(":");
    const slash = arn.indexOf("/");
    if (parts.length < 6 || parts[0] !== "arn" || parts[2] !== "bedrock" || slash === -1) {
        throw new Error(`${JSON.stringify(arn)} is not the ARN of a Bedrock inference profile or prompt router`);
    }
    const type = arn.slice(parts.slice(0, 5).join(":").length + 1, slash);
    const id = arn.slice(slash + 1);
    if (!METERED_TYPES.includes(type) || id === "") {
        throw new Error(`${JSON.stringify(arn)} is not the ARN of a Bedrock inference profile or prompt router (resource type ${JSON.stringify(type)})`);
    }
    return id;
}

/** The Region in a Bedrock ARN (`arn:<partition>:bedrock:<region>:...`). */
export function regionOfArn(arn: string): string {
    return arn.split(":")[3] ?? "";
}
