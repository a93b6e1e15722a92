/**
 * `UsageDashboard`: one CloudWatch dashboard (`awsCloudwatch.Dashboard`) graphing, per profile or
 * router, tokens in and out, invocations, latency, client and server errors and throttles.
 */
import * as pulumi from "@pulumi/pulumi";
import * as awsCloudwatch from "@pulumi/aws/cloudwatch";
import { checkArgs, checkString, fail } from "../core/validation";
import { DEFAULT_PERIOD, periodProblem } from "./metrics";
import { CLOUDWATCH_QUOTAS_URL, DASHBOARD_LIMITS, dashboardLimitProblem, USAGE_GRAPHS, usageDashboardBody } from "./dashboard-body";
import { metricRegionOf, modelIdOf, type MeteredInvokable } from "./profile-usage";
import { checkDashboardGuardrails, GUARDRAIL_GRAPHS, guardrailDashboardEntries, withGuardrailWidgets, type DashboardGuardrail } from "./guardrail-dashboard";

/** Arguments of `UsageDashboard`. */
export interface UsageDashboardArgs {
    /**
     * The profiles and routers to graph (application or cross-region profiles, created or referenced,
     * prompt routers): at least one, each once. Each is a line labelled with its name on every graph
     * (7 metrics), so at most 357 per dashboard: CloudWatch allows 2,500 metrics per dashboard
     * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html).
     */
    profiles: MeteredInvokable[];
    /** The dashboard's name: 1-255 letters, digits, hyphens and underscores. Default: the component's name. */
    dashboardName?: string;
    /** Seconds per data point: a positive multiple of 60. Default 300. */
    period?: number;
    /**
     * Guardrails (or guardrail versions) to graph too: evaluations, interventions, average latency and
     * text units (`AWS/Bedrock/Guardrails`), one line per guardrail, below the profiles' graphs.
     */
    guardrails?: DashboardGuardrail[];
}

const DASHBOARD_NAME = { min: 1, max: 255, pattern: /^[A-Za-z0-9_-]+$/, patternText: "letters, digits, hyphens and underscores" };

function isMetered(p: unknown): p is MeteredInvokable {
    return (
        typeof p === "object" &&
        p !== null &&
        pulumi.Output.isInstance((p as MeteredInvokable).invokableArn) &&
        typeof (p as MeteredInvokable).grantName === "function" &&
        typeof (p as { metric?: unknown }).metric === "function"
    );
}

/**
 * A CloudWatch dashboard of Bedrock usage for a list of profiles and routers: input and output tokens,
 * invocations, average latency, client errors, server errors and throttles, one graph each per Region,
 * one line per profile (`AWS/Bedrock` metrics with `ModelId` = the profile's id). Each graph reads its
 * metrics from the Region of its profiles' ARNs (its `region`), wherever the dashboard itself is (the
 * Region of its aws provider). `dashboardBody` resolves to the JSON once the profiles' ids are known.
 */
export class UsageDashboard extends pulumi.ComponentResource {
    /** The `awsCloudwatch.Dashboard`. */
    public readonly dashboard: awsCloudwatch.Dashboard;
    /** The dashboard's JSON body. */
    public readonly dashboardBody: pulumi.Output<string>;
    /** The dashboard's name. */
    public readonly dashboardName: pulumi.Output<string>;

    constructor(name: string, args: UsageDashboardArgs, opts?: pulumi.ComponentResourceOptions) {
        const where = { component: "UsageDashboard", name };
        checkArgs(where, args);
        if (!Array.isArray(args.profiles) || args.profiles.length === 0) {
            fail(where, "profiles", args.profiles, "must be a non-empty list of inference profiles or prompt routers");
        }
        const seen = new Map<unknown, number>();
        args.profiles.forEach((p, i) => {
            if (!isMetered(p)) fail(where, `profiles[${i}]`, p, "must be an inference profile or a prompt router (something with metric())");
            if (seen.has(p)) fail(where, `profiles[${i}]`, p.grantName(), `is profiles[${seen.get(p)}] again`);
            seen.set(p, i);
        });
        // CloudWatch's dashboard quotas: the Regions are known at deploy, the count of metrics now.
        const overLimit = dashboardLimitProblem(args.profiles.length, 1);
        if (overLimit) fail(where, "profiles", `${args.profiles.length} profiles`, overLimit);
        const labels = args.profiles.map((p) => p.grantName());
        const dup = labels.findIndex((l, i) => labels.indexOf(l) !== i);
        if (dup !== -1)
            fail(where, `profiles[${dup}]`, labels[dup], `has the same name as profiles[${labels.indexOf(labels[dup])}]: the lines would be indistinguishable`);
        const dashboardName = checkString(where, "dashboardName", args.dashboardName ?? name, DASHBOARD_NAME);
        const period = args.period ?? DEFAULT_PERIOD;
        const problem = periodProblem(period);
        if (problem) fail(where, "period", period, problem);
        const guardrails = checkDashboardGuardrails(where, args.guardrails);
        // The guardrails' graphs count toward the same quotas: one line per guardrail on each of them (without
        // guardrails, the profiles alone are within the quota, checked above).
        const profileMetrics = args.profiles.length * USAGE_GRAPHS.length;
        const guardrailMetrics = guardrails.length * GUARDRAIL_GRAPHS.length;
        if (profileMetrics + guardrailMetrics > DASHBOARD_LIMITS.metricsPerDashboard) {
            fail(
                where,
                "guardrails",
                `${guardrails.length} guardrail${guardrails.length === 1 ? "" : "s"}`,
                `make ${(profileMetrics + guardrailMetrics).toLocaleString("en-US")} metrics with the profiles' ${profileMetrics.toLocaleString("en-US")}, over CloudWatch's ${DASHBOARD_LIMITS.metricsPerDashboard.toLocaleString("en-US")} metrics per dashboard (${CLOUDWATCH_QUOTAS_URL}): split them over several UsageDashboards`,
            );
        }
        super("bedrock-genai:index:UsageDashboard", name, {}, opts);

        const entries = args.profiles.map((p, i) =>
            pulumi.all([modelIdOf(p), metricRegionOf(p)]).apply(([modelId, region]) => ({ label: labels[i], modelId, region })),
        );
        this.dashboardBody = pulumi
            .all([pulumi.all(entries), guardrailDashboardEntries(guardrails)])
            .apply(([resolved, gs]) => withGuardrailWidgets(usageDashboardBody(resolved, period), gs, period));
        this.dashboard = new awsCloudwatch.Dashboard(name, { dashboardName, dashboardBody: this.dashboardBody }, { parent: this });
        this.dashboardName = this.dashboard.dashboardName;
        this.registerOutputs({ dashboardBody: this.dashboardBody, dashboardName: this.dashboardName });
    }
}
