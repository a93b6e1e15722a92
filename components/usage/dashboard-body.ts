/**
 * The body of a usage dashboard: one graph per measure (tokens in, tokens out, invocations, latency,
 * client errors, server errors, throttles) per Region, one line per profile of that Region. Pure and
 * deterministic: the same profiles give the same JSON, byte for byte.
 *
 * Format: CloudWatch's dashboard body structure,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 * (a `metric` widget's `metrics` array is `[namespace, metricName, dimensionName, dimensionValue, {rendering options}]`;
 * a widget's `region` is "the region the metrics of this graph" come from, so each Region has graphs of its own).
 *
 * Limits: CloudWatch's service quotas page, https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html,
 * "Dashboards": "Up to 500 widgets per dashboard. Up to 500 metrics per dashboard widget. Up to 2500
 * metrics per dashboard, across all widgets. [...] These quotas cannot be changed." (The dashboard
 * body structure page gives the same 500 widgets.) AWS documents no limit on the body's size.
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

/** CloudWatch's dashboard quotas (cloudwatch_limits.html, "Dashboards"); they cannot be changed. */
export const DASHBOARD_LIMITS = Object.freeze({
    /** Widgets per dashboard. */
    widgetsPerDashboard: 500,
    /** Metrics per widget. */
    metricsPerWidget: 500,
    /** Metrics per dashboard, across all widgets. */
    metricsPerDashboard: 2500,
});

/** CloudWatch's service quotas page, where the dashboard limits are. */
export const CLOUDWATCH_QUOTAS_URL = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html";

/** Graph size on CloudWatch's 24-column grid: two graphs per row. */
const WIDTH = 12;
const HEIGHT = 6;

/**
 * The most profiles one dashboard graphs: each profile is a line on every graph, so it counts as
 * `graphs` metrics towards the 2,500 per dashboard.
 */
export function maxProfilesPerDashboard(graphs: readonly DashboardGraph[] = USAGE_GRAPHS): number {
    return Math.min(Math.floor(DASHBOARD_LIMITS.metricsPerDashboard / graphs.length), DASHBOARD_LIMITS.metricsPerWidget);
}

/**
 * The problem with graphing `profiles` profiles in `regions` Regions on one dashboard (the figures against
 * CloudWatch's quotas), or undefined. `perRegion` is the most profiles in one Region (the most lines on
 * one graph); unknown before deploy, it is at most `profiles`.
 */
export function dashboardLimitProblem(
    profiles: number,
    regions: number,
    perRegion = profiles,
    graphs: readonly DashboardGraph[] = USAGE_GRAPHS,
): string | undefined {
    const metrics = profiles * graphs.length;
    if (metrics > DASHBOARD_LIMITS.metricsPerDashboard) {
        return `make ${metrics.toLocaleString("en-US")} metrics (${graphs.length} graphs of ${profiles} lines), over CloudWatch's ${DASHBOARD_LIMITS.metricsPerDashboard.toLocaleString("en-US")} metrics per dashboard (${CLOUDWATCH_QUOTAS_URL}): graph at most ${maxProfilesPerDashboard(graphs)} profiles per UsageDashboard, and split the rest over several`;
    }
    if (perRegion > DASHBOARD_LIMITS.metricsPerWidget) {
        return `put ${perRegion} lines on one graph, over CloudWatch's ${DASHBOARD_LIMITS.metricsPerWidget} metrics per widget (${CLOUDWATCH_QUOTAS_URL}): split them over several UsageDashboards`;
    }
    const widgets = regions * graphs.length;
    if (widgets > DASHBOARD_LIMITS.widgetsPerDashboard) {
        return `need ${widgets} widgets (${graphs.length} graphs in each of ${regions} Regions), over CloudWatch's ${DASHBOARD_LIMITS.widgetsPerDashboard} widgets per dashboard (${CLOUDWATCH_QUOTAS_URL}): split the Regions over several UsageDashboards`;
    }
    return undefined;
}

/**
 * The dashboard body for `profiles`, one point per `period` seconds: for each Region (in order), one
 * graph per measure whose `region` is that Region, one line per profile of the Region (in the order
 * given). A graph's title names its Region when the dashboard spans several. Throws when the profiles
 * are over CloudWatch's dashboard quotas.
 */
export function usageDashboardBody(profiles: DashboardProfile[], period: number, graphs: readonly DashboardGraph[] = USAGE_GRAPHS): string {
    const regions = [...new Set(profiles.map((p) => p.region))].sort();
    const byRegion = regions.map((r) => profiles.filter((p) => p.region === r));
    const problem = dashboardLimitProblem(profiles.length, regions.length, Math.max(0, ...byRegion.map((list) => list.length)), graphs);
    if (problem) throw new Error(`${profiles.length} profiles in ${regions.length} Region${regions.length === 1 ? "" : "s"} ${problem}`);
    const rows = Math.ceil(graphs.length / 2);
    const widgets = byRegion.flatMap((members, block) =>
        graphs.map((g, i) => ({
            type: "metric",
            x: (i % 2) * WIDTH,
            y: (block * rows + Math.floor(i / 2)) * HEIGHT,
            width: WIDTH,
            height: HEIGHT,
            properties: {
                title: regions.length > 1 ? `${g.title}, ${regions[block]}` : g.title,
                view: "timeSeries",
                stacked: false,
                region: regions[block],
                period,
                stat: g.statistic,
                metrics: members.map((p) => [BEDROCK_NAMESPACE, g.metricName, MODEL_ID_DIMENSION, p.modelId, { label: p.label, region: p.region }]),
            },
        })),
    );
    return JSON.stringify({ widgets });
}
