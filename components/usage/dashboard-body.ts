/**
 * The body of a usage dashboard: one graph per measure (tokens in, tokens out, invocations, latency,
 * client errors, server errors, throttles), one line per profile. Pure and deterministic: the same
 * profiles give the same JSON, byte for byte.
 *
 * Format: CloudWatch's dashboard body structure,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 * (a `metric` widget's `metrics` array is `[namespace, metricName, dimensionName, dimensionValue, {rendering options}]`).
 */
import { BEDROCK_NAMESPACE, MODEL_ID_DIMENSION, type BedrockMetricName } from "./metrics";

/** One profile on the dashboard, with its values resolved. */
export interface DashboardProfile {
    /** The line's label (the profile's name). */
    label: string;
    /** The profile's `ModelId` dimension value (its id). */
    modelId: string;
    /** The Region the profile's metrics are in (its ARN's Region). */
    region: string;
}

/** One graph: a title, a metric and the statistic it plots. */
export interface DashboardGraph {
    title: string;
    metricName: BedrockMetricName;
    statistic: string;
}

/** The graphs of a usage dashboard, in order. */
export const USAGE_GRAPHS: readonly DashboardGraph[] = Object.freeze([
    { title: "Input tokens", metricName: "InputTokenCount", statistic: "Sum" },
    { title: "Output tokens", metricName: "OutputTokenCount", statistic: "Sum" },
    { title: "Invocations", metricName: "Invocations", statistic: "Sum" },
    { title: "Invocation latency (ms, average)", metricName: "InvocationLatency", statistic: "Average" },
    { title: "Client errors", metricName: "InvocationClientErrors", statistic: "Sum" },
    { title: "Server errors", metricName: "InvocationServerErrors", statistic: "Sum" },
    { title: "Throttles", metricName: "InvocationThrottles", statistic: "Sum" },
]);

/** Graph size on CloudWatch's 24-column grid: two graphs per row. */
const WIDTH = 12;
const HEIGHT = 6;

/** The dashboard body for `profiles` (in the order given), one point per `period` seconds. */
export function usageDashboardBody(profiles: DashboardProfile[], period: number, graphs: readonly DashboardGraph[] = USAGE_GRAPHS): string {
    const region = profiles[0]?.region ?? "";
    const widgets = graphs.map((g, i) => ({
        type: "metric",
        x: (i % 2) * WIDTH,
        y: Math.floor(i / 2) * HEIGHT,
        width: WIDTH,
        height: HEIGHT,
        properties: {
            title: g.title,
            view: "timeSeries",
            stacked: false,
            region,
            period,
            stat: g.statistic,
            metrics: profiles.map((p) => [BEDROCK_NAMESPACE, g.metricName, MODEL_ID_DIMENSION, p.modelId, { label: p.label, region: p.region }]),
        },
    }));
    return JSON.stringify({ widgets });
}
