/**
 * What every profile and router delegates `metric()` and `addAlarm()` to: the `AWS/Bedrock` metric of
 * calls through it (dimension `ModelId` = its id, see `metrics.ts`) and CloudWatch alarms on it.
 */
import * as pulumi from "@pulumi/pulumi";
import * as awsCloudwatch from "@pulumi/aws/cloudwatch";
import { checkString, fail } from "../core/validation";
import { bedrockMetric, modelIdDimensionValue, regionOfArn, type BedrockMetric, type BedrockMetricName, type MetricOptions } from "./metrics";
import { profileAlarmInputs, type ProfileAlarmArgs } from "./alarm-args";

/** A profile or router whose calls Bedrock meters: anything with an invokable profile/router ARN. */
export interface MeteredInvokable {
    /** The profile's or router's ARN. */
    readonly invokableArn: pulumi.Output<string>;
    /** A stable name, used to name the alarms created for it. */
    grantName(): string;
}

/** Options of `addAlarm`. */
export interface AddAlarmOptions {
    /**
     * The alarm's parent. Default: the profile or router when it is a component; none (the stack) for
     * references (`fromConfig`, imports, default routers), which are not resources.
     */
    parent?: pulumi.Resource;
    /**
     * The `aws` provider for the alarm (default: the parent's, or the default provider): its account and
     * credentials. Not its Region: the alarm is created in the metric's Region (`region` input), the Region
     * of the profile's or router's ARN, since a CloudWatch alarm watches only its own Region's metrics.
     */
    provider?: pulumi.ProviderResource;
}

// One dimension Output per profile, so that a metric from `metric()` is recognised as the profile's own.
const dimensions = new WeakMap<object, pulumi.Output<string>>();
const regions = new WeakMap<object, pulumi.Output<string>>();

/**
 * The Region `p`'s metrics are published in: the Region of its ARN (Bedrock publishes a call's runtime
 * metrics in the Region the call is made to, the profile's or router's own). An alarm or a dashboard
 * widget on them must be in that Region: an alarm sees only its own Region's metrics, and with missing
 * data treated as not breaching it would silently never fire.
 */
export function metricRegionOf(p: MeteredInvokable): pulumi.Output<string> {
    let r = regions.get(p);
    if (!r) {
        r = p.invokableArn.apply((arn) => {
            const region = regionOfArn(arn);
            if (region === "") throw new Error(`${JSON.stringify(arn)} has no Region: its metrics cannot be placed`);
            return region;
        });
        regions.set(p, r);
    }
    return r;
}

/** The `ModelId` dimension value of calls through `p` (its id, from its ARN). */
export function modelIdOf(p: MeteredInvokable): pulumi.Output<string> {
    let d = dimensions.get(p);
    if (!d) {
        d = p.invokableArn.apply(modelIdDimensionValue);
        dimensions.set(p, d);
    }
    return d;
}

/** `p.metric(name, opts)`: the `AWS/Bedrock` metric `name` of calls through `p`. */
export function profileMetric(p: MeteredInvokable, component: string, name: BedrockMetricName, opts?: MetricOptions): BedrockMetric<pulumi.Output<string>> {
    return bedrockMetric({ component: `${component}.metric` }, name, modelIdOf(p), opts);
}

/**
 * `p.addAlarm(name, args, opts)`: a CloudWatch alarm (`awsCloudwatch.MetricAlarm`, Pulumi name
 * `<profile>-<name>`) on one of `p`'s metrics, in the metric's Region (`metricRegionOf`), through the
 * aws provider of `opts.provider` (or the parent's, or the default) for the account. Every argument is
 * checked before the alarm is registered.
 */
export function addProfileAlarm(
    p: MeteredInvokable,
    component: string,
    name: string,
    args: ProfileAlarmArgs,
    opts?: AddAlarmOptions,
): awsCloudwatch.MetricAlarm {
    const where = { component: `${component}.addAlarm`, name: typeof name === "string" ? name : undefined };
    checkString(where, "name", name, { min: 1, max: 100, pattern: /^[A-Za-z0-9][A-Za-z0-9_-]*$/, patternText: "letters, digits, hyphens and underscores" });
    if (opts !== undefined && (opts === null || typeof opts !== "object")) fail(where, "opts", opts, "must be an object { parent?, provider? }");
    const label = p.grantName();
    const inputs = profileAlarmInputs(where, args, modelIdOf(p), label);
    const parent = opts?.parent ?? (p instanceof pulumi.ComponentResource ? p : undefined);
    return new awsCloudwatch.MetricAlarm(`${label}-${name}`, { ...inputs, region: metricRegionOf(p) }, { parent, provider: opts?.provider });
}

/** What every inference profile and prompt router offers for usage tracking. */
export interface IUsageMetered {
    /**
     * The `AWS/Bedrock` metric `name` of calls through this profile or router (dimension `ModelId` =
     * its id), usable as `awsCloudwatch.MetricAlarm` arguments and in dashboards.
     */
    metric(name: BedrockMetricName, opts?: MetricOptions): BedrockMetric<pulumi.Output<string>>;
    /** A CloudWatch alarm on one of this profile's or router's metrics (`awsCloudwatch.MetricAlarm`). */
    addAlarm(name: string, args: ProfileAlarmArgs, opts?: AddAlarmOptions): awsCloudwatch.MetricAlarm;
}
