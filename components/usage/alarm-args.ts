/**
 * The arguments of a profile's `addAlarm`, validated and turned into `aws.cloudwatch.MetricAlarm`
 * inputs. Pure (the dimension value stays whatever the caller passes: a string or an Output).
 *
 * Rules from CloudWatch's PutMetricAlarm reference,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html:
 * period 10, 20, 30 or a multiple of 60 (only multiples of 60 here: Bedrock's metrics have one-minute
 * resolution); `Period x EvaluationPeriods` at most 604,800 s (seven days), and at most 86,400 s (one
 * day) when the period is under an hour; `DatapointsToAlarm` between 1 and `EvaluationPeriods`;
 * at most 5 actions per state; alarm name and description 1-255 and 0-1024 characters.
 */
import * as pulumi from "@pulumi/pulumi";
import { fail, checkString, show, type Where } from "../core/validation";
import { bedrockMetric, isPercentile, type BedrockMetric, type BedrockMetricName } from "./metrics";

/** How the metric is compared with the threshold (CloudWatch `ComparisonOperator`). */
export type AlarmComparison = "GreaterThanOrEqualToThreshold" | "GreaterThanThreshold" | "LessThanThreshold" | "LessThanOrEqualToThreshold";

/** The comparisons a static-threshold alarm takes. */
export const COMPARISONS: readonly AlarmComparison[] = [
    "GreaterThanOrEqualToThreshold",
    "GreaterThanThreshold",
    "LessThanOrEqualToThreshold",
    "LessThanThreshold",
];

/** How the alarm treats periods without data (CloudWatch `TreatMissingData`). */
export type TreatMissingData = "breaching" | "notBreaching" | "ignore" | "missing";

/** The values of `treatMissingData`. */
export const TREAT_MISSING: readonly TreatMissingData[] = ["breaching", "ignore", "missing", "notBreaching"];

/** Arguments of a profile's `addAlarm`. */
export interface ProfileAlarmArgs {
    /** The metric: a runtime metric name (`InputTokenCount`, ...) or a metric from this profile's `metric()`. */
    metric: BedrockMetricName | BedrockMetric<pulumi.Input<string>>;
    /** The value compared with the statistic: a finite number, zero or more (every Bedrock runtime metric is a count or a duration). */
    threshold: number;
    /** Seconds per evaluated period: a positive multiple of 60. Default: the metric's period (300 for a metric name). */
    period?: number;
    /** How the statistic is compared with `threshold`. Default `GreaterThanThreshold`. */
    comparison?: AlarmComparison;
    /** Periods evaluated (default 1). `period x evaluationPeriods` is at most one day (periods under an hour) or seven days. */
    evaluationPeriods?: number;
    /** Breaching periods, out of `evaluationPeriods`, that set the alarm off (default: all of them). */
    datapointsToAlarm?: number;
    /** The statistic. Default: the metric's (`Sum` for counts, `Average` for latency). */
    statistic?: string;
    /** ARNs notified when the alarm goes off (SNS topics, ...; at most 5). */
    actions?: pulumi.Input<string>[];
    /** ARNs notified when the alarm returns to OK (at most 5). */
    okActions?: pulumi.Input<string>[];
    /** ARNs notified when the alarm has too little data (at most 5). */
    insufficientDataActions?: pulumi.Input<string>[];
    /**
     * Periods without data: `notBreaching` by default, since Bedrock publishes nothing for a profile
     * nobody called.
     */
    treatMissingData?: TreatMissingData;
    /** The alarm's name in CloudWatch (1-255 characters). Default: Pulumi's auto-name. */
    alarmName?: string;
    /** A description (at most 1024 characters). Default: names the metric and the profile. */
    description?: string;
    /** Tags on the alarm. */
    tags?: Record<string, pulumi.Input<string>>;
}

/** `aws.cloudwatch.MetricAlarm` inputs (the subset this package sets); `D`, the metric's dimensions. */
export interface MetricAlarmInputs<V, D = { ModelId: V }> {
    namespace: string;
    metricName: string;
    dimensions: D;
    statistic?: string;
    extendedStatistic?: string;
    period: number;
    evaluationPeriods: number;
    datapointsToAlarm?: number;
    threshold: number;
    comparisonOperator: AlarmComparison;
    treatMissingData: TreatMissingData;
    alarmActions?: pulumi.Input<string>[];
    okActions?: pulumi.Input<string>[];
    insufficientDataActions?: pulumi.Input<string>[];
    alarmDescription?: string;
    name?: string;
    tags?: Record<string, pulumi.Input<string>>;
}

/** CloudWatch's limits on `period x evaluationPeriods`: one day for periods under an hour, else seven days. */
export const ONE_DAY = 86_400;
export const SEVEN_DAYS = 604_800;
const MAX_ACTIONS = 5;

function checkActions(where: Where, argument: string, actions: unknown): pulumi.Input<string>[] | undefined {
    if (actions === undefined) return undefined;
    if (!Array.isArray(actions)) fail(where, argument, actions, "must be a list of ARNs");
    if (actions.length > MAX_ACTIONS)
        fail(where, argument, `${actions.length} actions`, `must hold at most ${MAX_ACTIONS} ARNs (CloudWatch's limit per alarm state)`);
    actions.forEach((a, i) => {
        if (typeof a === "string" && !/^arn:[^:]+:[^:]+:/.test(a))
            fail(where, `${argument}[${i}]`, a, "must be an ARN (an SNS topic, an Auto Scaling policy, ...)");
        if (typeof a !== "string" && !pulumi.Output.isInstance(a)) fail(where, `${argument}[${i}]`, a, "must be an ARN (a string or an Output)");
    });
    return actions.length === 0 ? undefined : actions;
}

/**
 * Validates `args` for an alarm on the profile whose `ModelId` value is `dimensionValue`; returns the
 * `aws.cloudwatch.MetricAlarm` inputs. Throws naming the argument before anything is registered.
 */
export function profileAlarmInputs<V>(where: Where, args: ProfileAlarmArgs, dimensionValue: V, profileLabel: string): MetricAlarmInputs<V> {
    if (args === null || typeof args !== "object") fail(where, "args", args, "is required ({ metric, threshold, ... })");
    const names = { name: "metric", statistic: "statistic", period: "period" };
    let metric: BedrockMetric<V>;
    if (args.metric === undefined || args.metric === null) {
        return fail(where, "metric", args.metric, "is required (a Bedrock runtime metric name or a metric from metric())");
    } else if (typeof args.metric === "string") {
        metric = bedrockMetric(where, args.metric, dimensionValue, { statistic: args.statistic, period: args.period }, names);
    } else if (typeof args.metric === "object" && (args.metric as BedrockMetric).namespace !== undefined) {
        const m = args.metric as BedrockMetric<unknown>;
        metric = bedrockMetric(where, m.metricName, dimensionValue, { statistic: args.statistic ?? m.statistic, period: args.period ?? m.period }, names);
        // A metric of another profile would silently watch the wrong calls.
        if (m.dimensions?.ModelId !== dimensionValue) {
            fail(
                where,
                "metric",
                `${m.metricName} of ${show(m.dimensions?.ModelId)}`,
                `is a metric of another profile or router: pass this profile's metric() or a metric name`,
            );
        }
    } else {
        return fail(where, "metric", args.metric, "must be a Bedrock runtime metric name or a metric from metric()");
    }
    const threshold = args.threshold;
    if (!Number.isFinite(threshold)) fail(where, "threshold", threshold, "must be a finite number");
    if (threshold < 0) fail(where, "threshold", threshold, "must be zero or more (Bedrock's runtime metrics are counts and durations)");
    const comparison = args.comparison ?? "GreaterThanThreshold";
    if (!COMPARISONS.includes(comparison)) fail(where, "comparison", comparison, `must be one of ${COMPARISONS.join(", ")}`);
    const evaluationPeriods = args.evaluationPeriods ?? 1;
    if (!Number.isInteger(evaluationPeriods) || evaluationPeriods < 1) {
        fail(where, "evaluationPeriods", evaluationPeriods, "must be a whole number, 1 or more");
    }
    const range = metric.period * evaluationPeriods;
    const limit = metric.period < 3600 ? ONE_DAY : SEVEN_DAYS;
    if (range > limit) {
        fail(
            where,
            "evaluationPeriods",
            evaluationPeriods,
            `times period ${metric.period} is ${range} s, over CloudWatch's limit of ${limit} s (${limit === ONE_DAY ? "one day for periods under an hour" : "seven days"})`,
        );
    }
    if (args.datapointsToAlarm !== undefined) {
        const d = args.datapointsToAlarm;
        if (!Number.isInteger(d) || d < 1 || d > evaluationPeriods) {
            fail(where, "datapointsToAlarm", d, `must be a whole number between 1 and evaluationPeriods (${evaluationPeriods})`);
        }
    }
    const treatMissingData = args.treatMissingData ?? "notBreaching";
    if (!TREAT_MISSING.includes(treatMissingData)) fail(where, "treatMissingData", treatMissingData, `must be one of ${TREAT_MISSING.join(", ")}`);
    const alarmActions = checkActions(where, "actions", args.actions);
    const okActions = checkActions(where, "okActions", args.okActions);
    const insufficientDataActions = checkActions(where, "insufficientDataActions", args.insufficientDataActions);
    checkString(where, "alarmName", args.alarmName, { min: 1, max: 255, optional: true });
    const description = args.description ?? `Bedrock ${metric.metricName} (${metric.statistic} over ${metric.period} s) of ${profileLabel}`;
    checkString(where, "description", description, { min: 0, max: 1024 });
    if (args.tags !== undefined && (args.tags === null || typeof args.tags !== "object" || Array.isArray(args.tags))) {
        fail(where, "tags", args.tags, "must be a map of tag keys to values");
    }
    return metricAlarmInputs(
        metric,
        { ModelId: dimensionValue },
        { evaluationPeriods, threshold, comparison, treatMissingData, description, alarmActions, okActions, insufficientDataActions },
        args,
    );
}

/** An alarm's settings, each already checked. */
export interface CheckedAlarmSettings {
    evaluationPeriods: number;
    threshold: number;
    comparison: AlarmComparison;
    treatMissingData: TreatMissingData;
    description: string;
    alarmActions?: pulumi.Input<string>[];
    okActions?: pulumi.Input<string>[];
    insufficientDataActions?: pulumi.Input<string>[];
}

/**
 * The `aws.cloudwatch.MetricAlarm` inputs of an alarm on `metric` with `dimensions`, from settings already
 * checked and the optional arguments taken as given (`datapointsToAlarm`, `alarmName`, `tags`): one
 * shape for the alarms on profiles, routers and guardrails.
 */
export function metricAlarmInputs<D>(
    metric: { namespace: string; metricName: string; period: number; statistic: string },
    dimensions: D,
    s: CheckedAlarmSettings,
    args: { datapointsToAlarm?: number; alarmName?: string; tags?: Record<string, pulumi.Input<string>> },
): MetricAlarmInputs<never, D> {
    const inputs: MetricAlarmInputs<never, D> = {
        namespace: metric.namespace,
        metricName: metric.metricName,
        dimensions,
        period: metric.period,
        evaluationPeriods: s.evaluationPeriods,
        threshold: s.threshold,
        comparisonOperator: s.comparison,
        treatMissingData: s.treatMissingData,
        alarmDescription: s.description,
    };
    if (isPercentile(metric.statistic)) inputs.extendedStatistic = metric.statistic;
    else inputs.statistic = metric.statistic;
    if (args.datapointsToAlarm !== undefined) inputs.datapointsToAlarm = args.datapointsToAlarm;
    if (s.alarmActions) inputs.alarmActions = s.alarmActions;
    if (s.okActions) inputs.okActions = s.okActions;
    if (s.insufficientDataActions) inputs.insufficientDataActions = s.insufficientDataActions;
    if (args.alarmName !== undefined) inputs.name = args.alarmName;
    if (args.tags !== undefined) inputs.tags = args.tags;
    return inputs;
}
