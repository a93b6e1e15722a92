/**
 * Guardrail graphs of a `UsageDashboard`: evaluations, interventions, latency and text units, one line
 * per guardrail version (`AWS/Bedrock/Guardrails` metrics with the dimensions `GuardrailArn` and
 * `GuardrailVersion`, https://docs.aws.amazon.com/bedrock/latest/userguide/monitoring-guardrails-cw-metrics.html).
 * Pure but for reading the guardrails' Outputs: the same guardrails give the same JSON.
 *
 * Format: CloudWatch's dashboard body structure
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html):
 * a metric is `[namespace, metricName, dimensionName, dimensionValue, ..., {rendering options}]`.
 */
import * as pulumi from "@pulumi/pulumi";
import { fail, type Where } from "../core/validation";
import { regionOfArn } from "./metrics";
import { GUARDRAILS_NAMESPACE, type GuardrailMetricName } from "./guardrail-metrics";

/** A guardrail (or version, or reference) a dashboard can graph. */
export interface DashboardGuardrail {
    /** The guardrail's ARN. */
    readonly guardrailArn: pulumi.Output<string>;
    /** `DRAFT` or a version number. */
    readonly guardrailVersion: pulumi.Output<string>;
    /** The line's label. */
    readonly alarmLabel: string;
}

/** One guardrail version on the dashboard, with its values resolved. */
export interface DashboardGuardrailEntry {
    label: string;
    arn: string;
    version: string;
    region: string;
}

/** The guardrail graphs, in order. */
export const GUARDRAIL_GRAPHS: readonly { title: string; metricName: GuardrailMetricName; statistic: string }[] = Object.freeze([
    { title: "Guardrail evaluations", metricName: "Invocations", statistic: "Sum" },
    { title: "Guardrail interventions", metricName: "InvocationsIntervened", statistic: "Sum" },
    { title: "Guardrail latency (ms, average)", metricName: "InvocationLatency", statistic: "Average" },
    { title: "Guardrail text units", metricName: "TextUnitCount", statistic: "Sum" },
]);

const WIDTH = 12;
const HEIGHT = 6;

function isDashboardGuardrail(g: unknown): g is DashboardGuardrail {
    const d = g as DashboardGuardrail;
    return (
        typeof g === "object" &&
        g !== null &&
        pulumi.Output.isInstance(d.guardrailArn) &&
        pulumi.Output.isInstance(d.guardrailVersion) &&
        typeof d.alarmLabel === "string"
    );
}

/** Checks a dashboard's `guardrails` argument: a list of guardrails, each once. */
export function checkDashboardGuardrails(where: Where, value: unknown): DashboardGuardrail[] {
    if (value === undefined) return [];
    if (!Array.isArray(value))
        fail(where, "guardrails", value, "must be a list of guardrails (Guardrail, a version, or Guardrail.fromGuardrailAttributes(...))");
    const seen = new Map<unknown, number>();
    value.forEach((g, i) => {
        if (!isDashboardGuardrail(g))
            fail(where, `guardrails[${i}]`, g, "must be a Guardrail, a version from createVersion, or Guardrail.fromGuardrailAttributes(...)");
        if (seen.has(g)) fail(where, `guardrails[${i}]`, g.alarmLabel, `is guardrails[${seen.get(g)}] again`);
        seen.set(g, i);
    });
    return value as DashboardGuardrail[];
}

/** The guardrails' values, once known. */
export function guardrailDashboardEntries(guardrails: readonly DashboardGuardrail[]): pulumi.Output<DashboardGuardrailEntry[]> {
    return pulumi.all(
        guardrails.map((g) =>
            pulumi.all([g.guardrailArn, g.guardrailVersion]).apply(([arn, version]) => ({ label: g.alarmLabel, arn, version, region: regionOfArn(arn) })),
        ),
    );
}

/** `body` (a dashboard's JSON) with the guardrail graphs added below its widgets; `body` itself when there are no guardrails. */
export function withGuardrailWidgets(body: string, guardrails: readonly DashboardGuardrailEntry[], period: number): string {
    if (guardrails.length === 0) return body;
    const doc = JSON.parse(body) as { widgets: { y: number; height: number }[] };
    const top = doc.widgets.reduce((m, w) => Math.max(m, w.y + w.height), 0);
    const region = guardrails[0].region;
    GUARDRAIL_GRAPHS.forEach((g, i) => {
        doc.widgets.push({
            type: "metric",
            x: (i % 2) * WIDTH,
            y: top + Math.floor(i / 2) * HEIGHT,
            width: WIDTH,
            height: HEIGHT,
            properties: {
                title: g.title,
                view: "timeSeries",
                stacked: false,
                region,
                period,
                stat: g.statistic,
                metrics: guardrails.map((e) => [
                    GUARDRAILS_NAMESPACE,
                    g.metricName,
                    "GuardrailArn",
                    e.arn,
                    "GuardrailVersion",
                    e.version,
                    { label: e.label, region: e.region },
                ]),
            },
        } as unknown as { y: number; height: number });
    });
    return JSON.stringify(doc);
}
