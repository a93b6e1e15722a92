/**
 * System-defined (cross-region) inference profiles: `CrossRegionInferenceProfile`.
 */
import * as pulumi from "@pulumi/pulumi";
import type { SystemProfileTarget } from "../iam/access";
import { systemProfileArn } from "../catalog/arns";
import { callerContext, type CallerContext } from "../core/context";
import { BedrockFoundationModel } from "../catalog/foundation-model";
import { CrossRegionInferenceProfileRegion, longestRegionLength, partitionOfRegion } from "../catalog/geographies";
import { grantInvokeTo, grantUsageTo, type GrantOptions, type InvokeGrantOptions, type RoleRef, type RolePolicyGrant } from "../iam/grants";
import { checkAnthropicOnly, checkTopK, validateInferenceConfiguration, type InferenceConfiguration } from "../core/inference-configuration";
import { symbolic } from "../core/symbols";
import { perProgram } from "../core/program-state";
import { addProfileAlarm, profileMetric, type AddAlarmOptions, type IUsageMetered } from "../usage/profile-usage";
import type { BedrockMetricName, MetricOptions } from "../usage/metrics";
import type { ProfileAlarmArgs } from "../usage/alarm-args";
import { checkArgs, fail, memberRule, type Where } from "../core/validation";
import { resourceName } from "../core/resource-name";
import { REGION_PATTERN } from "../core/rules";

/** Arguments of `CrossRegionInferenceProfile` and `CrossRegionInferenceProfile.fromConfig`. */
export interface CrossRegionInferenceProfileProps {
    /** The geography whose profile to use (`CrossRegionInferenceProfileRegion.US`, ...). */
    geoRegion: CrossRegionInferenceProfileRegion;
    /** The model; it must support cross-region inference and have a profile in the geography. */
    model: BedrockFoundationModel;
    /**
     * Regions the profile routes to, when you want to narrow or extend the geography's default set
     * (`geoRegion.destinationRegions`). Grants allow the model in each of them, and in the source
     * Region, only through this profile.
     */
    destinationRegions?: string[];
    /**
     * Reusable inference settings: prompt variants (and agents) using this profile inherit each one
     * they do not set themselves.
     */
    inferenceConfiguration?: InferenceConfiguration;
}

/** A system-defined inference profile: what a reference and the component both offer. */
export interface ICrossRegionInferenceProfile extends IUsageMetered {
    /** `<prefix>.<modelId>`, e.g. `us.anthropic.claude-3-5-sonnet-20241022-v2:0`. */
    readonly inferenceProfileId: string | pulumi.Output<string>;
    /** `arn:<partition>:bedrock:<source-region>:<account>:inference-profile/<id>`. */
    readonly inferenceProfileArn: pulumi.Output<string>;
    /** Always `SYSTEM_DEFINED`. */
    readonly type: "SYSTEM_DEFINED";
    /** The geography whose profile this is (`CrossRegionInferenceProfileRegion.US`, ...). */
    readonly geoRegion: CrossRegionInferenceProfileRegion;
    /** The foundation model the profile routes requests for. */
    readonly model: BedrockFoundationModel;
    /** The ARN to invoke: the profile's ARN. */
    readonly invokableArn: pulumi.Output<string>;
    /** Inference settings users of this profile inherit unless they set their own. */
    readonly inferenceConfiguration?: InferenceConfiguration;
    /**
     * Allows `role` `bedrock:GetInferenceProfile` on the profile and `bedrock:ListInferenceProfiles`.
     * Returns the role policies it attaches.
     */
    grantProfileUsage(role: RoleRef, opts?: GrantOptions): RolePolicyGrant;
    /**
     * Allows `role` to invoke the profile, and the model in every destination Region through this profile
     * only (`bedrock:InvokeModel`, `bedrock:InvokeModelWithResponseStream`). Returns the role policies it attaches.
     */
    grantInvoke(role: RoleRef, opts?: InvokeGrantOptions): RolePolicyGrant;
    /**
     * Used by grants and `ModelAccessPolicy`: how IAM sees this profile (its ARN, source and destination
     * Regions, model). Package-internal plumbing.
     * @internal
     */
    accessTarget(): SystemProfileTarget;
    /** Used by grants: the name given to the IAM resources a grant on this profile creates. Package-internal plumbing. @internal */
    grantName(): string;
}

/** Validates the props; returns the destination Regions. Throws naming the argument. */
export function validateCrossRegionProps(where: Where, props: CrossRegionInferenceProfileProps, knownRegion: string | undefined): string[] {
    checkArgs(where, props);
    const { geoRegion, model } = props;
    if (!(geoRegion instanceof CrossRegionInferenceProfileRegion)) {
        fail(where, "geoRegion", geoRegion, memberRule("CrossRegionInferenceProfileRegion", CrossRegionInferenceProfileRegion.values()));
    }
    if (!(model instanceof BedrockFoundationModel)) {
        fail(where, "model", model, "must be a BedrockFoundationModel (a catalog constant or new BedrockFoundationModel(modelId, props))");
    }
    if (!model.supportsCrossRegion) {
        fail(where, "model", model.modelId, "does not support cross-region inference (supportsCrossRegion is false)");
    }
    if (!model.hasProfileIn(geoRegion.prefix)) {
        fail(
            where,
            "model",
            model.modelId,
            `has no ${geoRegion.prefix}. cross-region profile (AWS documents profiles in: ${(model.crossRegionGeographies ?? []).join(", ") || "none"})`,
        );
    }
    if (knownRegion !== undefined) checkSourceRegion(where, geoRegion, knownRegion);
    let destinations = [...geoRegion.destinationRegions];
    if (props.destinationRegions !== undefined) {
        if (!Array.isArray(props.destinationRegions) || props.destinationRegions.length === 0) {
            fail(where, "destinationRegions", props.destinationRegions, "must be a non-empty list of Region names");
        }
        props.destinationRegions.forEach((r, i) => {
            if (typeof r !== "string" || !REGION_PATTERN.test(r)) fail(where, `destinationRegions[${i}]`, r, "is not a Region name (e.g. us-east-1)");
            if (partitionOfRegion(r) !== geoRegion.partition) {
                fail(
                    where,
                    `destinationRegions[${i}]`,
                    r,
                    `is in the ${partitionOfRegion(r)} partition, but ${geoRegion.prefix}. profiles live in the ${geoRegion.partition} partition`,
                );
            }
        });
        destinations = [...new Set(props.destinationRegions)];
    }
    validateInferenceConfiguration(where, "inferenceConfiguration", props.inferenceConfiguration);
    checkAnthropicOnly(where, "inferenceConfiguration", props.inferenceConfiguration, [model]);
    checkTopK(where, "inferenceConfiguration", props.inferenceConfiguration, [model]);
    return destinations.sort();
}

/** Refuses a source Region outside the geography (a `us.` profile used from `eu-west-1`). */
export function checkSourceRegion(where: Where, geo: CrossRegionInferenceProfileRegion, region: string): void {
    if (!geo.acceptsSourceRegion(region)) {
        fail(
            where,
            "geoRegion",
            geo.prefix,
            `profiles cannot be called from Region ${region}: the ${geo.prefix} geography's source Regions are ${geo.isGlobal ? "the commercial Regions" : geo.sourceRegions.join(", ")}`,
        );
    }
}

/** Checked Region and partition placeholders, per provider context and geography, per program. */
interface Placement {
    region: string;
    partition: string;
    regionOutput: pulumi.Output<string>;
    partitionOutput: pulumi.Output<string>;
}
const placements = perProgram(() => new Map<CallerContext, Map<string, Placement>>());

/**
 * The Region and partition a `geo` profile's ARN is in, for policies: literal when the provider's Region
 * is known before deploy (it was checked against the geography), else placeholders of Outputs that
 * check it at deploy (refusing, in the first profile's name, a Region outside the geography).
 */
function placement(ctx: CallerContext, geo: CrossRegionInferenceProfileRegion, where: Where): Placement {
    if (ctx.knownRegion !== undefined) return { region: ctx.knownRegion, partition: geo.partition, regionOutput: ctx.region, partitionOutput: ctx.partition };
    let byGeo = placements().get(ctx);
    if (!byGeo) {
        byGeo = new Map();
        placements().set(ctx, byGeo);
    }
    let placed = byGeo.get(geo.prefix);
    if (!placed) {
        const region = ctx.region.apply((r) => {
            checkSourceRegion(where, geo, r);
            return r;
        });
        const partition = ctx.partition.apply((p) => {
            if (p !== geo.partition)
                fail(where, "geoRegion", geo.prefix, `profiles live in the ${geo.partition} partition, but the provider's partition is ${p}`);
            return p;
        });
        const label = `${ctx.sym.region}/${geo.prefix}`.replace(/[«»]/g, "");
        placed = {
            region: symbolic(region, `checked-region/${label}`, longestRegionLength(geo.sourceRegions)),
            partition: symbolic(partition, `checked-partition/${label}`, geo.partition.length),
            regionOutput: region,
            partitionOutput: partition,
        };
        byGeo.set(geo.prefix, placed);
    }
    return placed;
}

/** The parts shared by the reference and the component. */
class ProfileCore {
    readonly inferenceProfileId: string;
    readonly destinationRegions: string[];
    readonly inferenceProfileArn: pulumi.Output<string>;
    readonly inferenceConfiguration?: InferenceConfiguration;
    private readonly symArn: string;
    private readonly symRegion: string;

    constructor(
        readonly where: Where,
        readonly props: CrossRegionInferenceProfileProps,
        ctx: CallerContext,
    ) {
        this.destinationRegions = validateCrossRegionProps(where, props, ctx.knownRegion);
        this.inferenceConfiguration = validateInferenceConfiguration(where, "inferenceConfiguration", props.inferenceConfiguration);
        const geo = props.geoRegion;
        this.inferenceProfileId = `${geo.prefix}.${props.model.modelId}`;
        // The Region and partition as the provider reports them, checked against the geography once per
        // provider and geography (one error, however many profiles); one placeholder each, however many
        // profiles use them, so equal values are sized once. With the Region known from the stack's config
        // (checked above), the values themselves.
        const placed = placement(ctx, geo, where);
        this.inferenceProfileArn = pulumi
            .all([placed.partitionOutput, placed.regionOutput, ctx.account])
            .apply(([p, r, a]) => systemProfileArn(p, r, a, this.inferenceProfileId));
        this.symRegion = placed.region;
        const symPartition = placed.partition;
        this.symArn = systemProfileArn(symPartition, this.symRegion, ctx.sym.account, this.inferenceProfileId);
    }

    accessTarget(): SystemProfileTarget {
        const geo = this.props.geoRegion;
        return {
            kind: "system-profile",
            arn: this.symArn,
            partition: geo.partition,
            sourceRegion: this.symRegion,
            modelId: this.props.model.modelId,
            destinationRegions: this.destinationRegions,
            // The source Region was checked to be in the geography, so its default list holds it.
            sourceInDestinations: this.props.destinationRegions === undefined && !geo.isGlobal,
            global: geo.isGlobal,
        };
    }
}

/** A reference to a system-defined profile (what `fromConfig` returns): it creates no resource. */
class CrossRegionInferenceProfileReference implements ICrossRegionInferenceProfile {
    readonly type = "SYSTEM_DEFINED" as const;
    readonly geoRegion: CrossRegionInferenceProfileRegion;
    readonly model: BedrockFoundationModel;
    readonly inferenceProfileId: string;
    readonly inferenceProfileArn: pulumi.Output<string>;
    /** Regions the profile routes to (the geography's default set unless narrowed or extended). */
    readonly destinationRegions: string[];
    readonly inferenceConfiguration?: InferenceConfiguration;
    private readonly core: ProfileCore;

    private readonly providerSuffix: string;

    constructor(props: CrossRegionInferenceProfileProps, provider?: pulumi.ProviderResource) {
        this.core = new ProfileCore({ component: "CrossRegionInferenceProfile.fromConfig" }, props, callerContext({ provider }));
        // References through different providers are different profiles (another Region or account).
        this.providerSuffix = provider ? `-${resourceName(provider) ?? "provider"}` : "";
        this.geoRegion = props.geoRegion;
        this.model = props.model;
        this.inferenceProfileId = this.core.inferenceProfileId;
        this.inferenceProfileArn = this.core.inferenceProfileArn;
        this.destinationRegions = this.core.destinationRegions;
        this.inferenceConfiguration = this.core.inferenceConfiguration;
    }

    get invokableArn(): pulumi.Output<string> {
        return this.inferenceProfileArn;
    }

    accessTarget(): SystemProfileTarget {
        return this.core.accessTarget();
    }

    grantName(): string {
        return `profile-${this.inferenceProfileId.replace(/[^A-Za-z0-9-]/g, "-")}${this.providerSuffix}`;
    }

    /** `bedrock:GetInferenceProfile` on the profile and `bedrock:ListInferenceProfiles`. */
    grantProfileUsage(role: RoleRef, opts?: GrantOptions): RolePolicyGrant {
        return grantUsageTo(this, role, opts);
    }

    /** Invoke on the profile, and on the model in every destination Region through this profile only. */
    grantInvoke(role: RoleRef, opts?: InvokeGrantOptions): RolePolicyGrant {
        return grantInvokeTo(this, role, opts);
    }

    /** The `AWS/Bedrock` metric `name` of calls through this profile (dimension `ModelId`). */
    metric(name: BedrockMetricName, opts?: MetricOptions) {
        return profileMetric(this, "CrossRegionInferenceProfile", name, opts);
    }

    /** A CloudWatch alarm on one of this profile's metrics. */
    addAlarm(name: string, args: ProfileAlarmArgs, opts?: AddAlarmOptions) {
        return addProfileAlarm(this, "CrossRegionInferenceProfile", name, args, opts);
    }
}

/**
 * A system-defined cross-region inference profile as a component in the stack's graph. It creates no
 * cloud resource (AWS defines the profile); its outputs are the profile's id, ARN and Regions.
 *
 * Use `CrossRegionInferenceProfile.fromConfig` for a plain reference without a graph node.
 */
export class CrossRegionInferenceProfile extends pulumi.ComponentResource implements ICrossRegionInferenceProfile {
    /**
     * A reference to the system-defined profile of `model` in `geoRegion`; creates nothing. Its ARN is
     * in the Region and account of the default AWS Native provider (or of `opts.provider`).
     */
    public static fromConfig(
        props: CrossRegionInferenceProfileProps,
        opts: { provider?: pulumi.ProviderResource } = {},
    ): ICrossRegionInferenceProfile & {
        /** `<prefix>.<modelId>`, e.g. `us.anthropic.claude-3-5-sonnet-20241022-v2:0` (known before deploy). */
        readonly inferenceProfileId: string;
        /** Regions the profile routes to: `props.destinationRegions`, or the geography's default set. Sorted. */
        readonly destinationRegions: string[];
    } {
        return new CrossRegionInferenceProfileReference(props, opts.provider);
    }

    public readonly type = "SYSTEM_DEFINED" as const;
    /** The geography whose profile this is (from the `geoRegion` argument). */
    public readonly geoRegion: CrossRegionInferenceProfileRegion;
    /** The foundation model the profile routes requests for (from the `model` argument). */
    public readonly model: BedrockFoundationModel;
    /** `<prefix>.<modelId>`. */
    public readonly inferenceProfileId: pulumi.Output<string>;
    /** The profile's ARN in the caller's Region and account. */
    public readonly inferenceProfileArn: pulumi.Output<string>;
    /** Regions the profile routes to. */
    public readonly destinationRegions: pulumi.Output<string[]>;
    /** Inference settings users of this profile inherit unless they set their own. */
    public readonly inferenceConfiguration?: InferenceConfiguration;
    private readonly core: ProfileCore;

    constructor(name: string, args: CrossRegionInferenceProfileProps, opts?: pulumi.ComponentResourceOptions) {
        const where = { component: "CrossRegionInferenceProfile", name };
        // Validate before registering anything (the Region from config, when the default provider is used).
        const explicitProvider = opts?.provider !== undefined || opts?.providers !== undefined || opts?.parent !== undefined;
        validateCrossRegionProps(where, args, explicitProvider ? undefined : callerContext().knownRegion);
        super("bedrock-genai:index:CrossRegionInferenceProfile", name, {}, opts);
        this.core = new ProfileCore(where, args, callerContext({ parent: this }));
        this.geoRegion = args.geoRegion;
        this.model = args.model;
        this.inferenceProfileId = pulumi.output(this.core.inferenceProfileId);
        this.inferenceProfileArn = this.core.inferenceProfileArn;
        this.destinationRegions = pulumi.output(this.core.destinationRegions);
        this.inferenceConfiguration = this.core.inferenceConfiguration;
        this.registerOutputs({
            inferenceProfileId: this.inferenceProfileId,
            inferenceProfileArn: this.inferenceProfileArn,
            destinationRegions: this.destinationRegions,
            type: this.type,
        });
    }

    public get invokableArn(): pulumi.Output<string> {
        return this.inferenceProfileArn;
    }

    /**
     * Used by grants and `ModelAccessPolicy`: how IAM sees this profile (its ARN, source and destination
     * Regions, model). Package-internal plumbing.
     * @internal
     */
    public accessTarget(): SystemProfileTarget {
        return this.core.accessTarget();
    }

    /**
     * Used by grants: the name given to the IAM resources a grant on this profile creates (the component's
     * Pulumi name). Package-internal plumbing.
     * @internal
     */
    public grantName(): string {
        return resourceName(this) as string;
    }

    /**
     * Used by grants: the component that parents the IAM resources a grant on this profile creates (this
     * component). Package-internal plumbing.
     * @internal
     */
    public get grantParent(): pulumi.Resource {
        return this;
    }

    /** `bedrock:GetInferenceProfile` on the profile and `bedrock:ListInferenceProfiles`. */
    public grantProfileUsage(role: RoleRef, opts?: GrantOptions): RolePolicyGrant {
        return grantUsageTo(this, role, opts);
    }

    /** Invoke on the profile, and on the model in every destination Region through this profile only. */
    public grantInvoke(role: RoleRef, opts?: InvokeGrantOptions): RolePolicyGrant {
        return grantInvokeTo(this, role, opts);
    }

    /** The `AWS/Bedrock` metric `name` of calls through this profile (dimension `ModelId`). */
    public metric(name: BedrockMetricName, opts?: MetricOptions) {
        return profileMetric(this, "CrossRegionInferenceProfile", name, opts);
    }

    /** A CloudWatch alarm on one of this profile's metrics. */
    public addAlarm(name: string, args: ProfileAlarmArgs, opts?: AddAlarmOptions) {
        return addProfileAlarm(this, "CrossRegionInferenceProfile", name, args, opts);
    }
}
