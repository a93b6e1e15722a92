/**
 * System-defined (cross-region) inference profiles: `CrossRegionInferenceProfile`.
 */
import * as pulumi from "@pulumi/pulumi";
import type { SystemProfileTarget } from "../iam/access";
import { systemProfileArn } from "../catalog/arns";
import { callerContext, type CallerContext } from "../core/context";
import { BedrockFoundationModel } from "../catalog/foundation-model";
import { CrossRegionInferenceProfileRegion, longestRegionLength, partitionOfRegion } from "../catalog/geographies";
import type { SourceRoutes } from "../catalog/routes";
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
import { warnGap } from "../core/gaps";

/** Arguments of `CrossRegionInferenceProfile` and `CrossRegionInferenceProfile.fromConfig`. */
export interface CrossRegionInferenceProfileProps {
    /** The geography whose profile to use (`CrossRegionInferenceProfileRegion.US`, ...). */
    geoRegion: CrossRegionInferenceProfileRegion;
    /** The model; it must support cross-region inference and have a profile in the geography. */
    model: BedrockFoundationModel;
    /**
     * Regions the profile routes to, when you want to narrow or extend the destinations of its source
     * Region (`geoRegion.destinationsFrom(region)`). Grants allow the model in each of them, and in the
     * source Region, only through this profile. A Region the catalog places in another geography is
     * refused; one it places in none is accepted with a warning.
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

/** How the program names `model` in code: its catalog constant, or `model` for one it built itself. */
export function modelExpression(model: BedrockFoundationModel): string {
    for (const [name, value] of Object.entries(BedrockFoundationModel)) {
        if (value === model) return `BedrockFoundationModel.${name}`;
    }
    return "model";
}

/** How the program names `geo` in code. */
function geoExpression(geo: CrossRegionInferenceProfileRegion): string {
    return `CrossRegionInferenceProfileRegion.${geo.name}`;
}

/**
 * Refuses a model the cited sources say has no profile in `geo`; warns (once) when no cited source
 * says either way. `argument` names the model in messages.
 */
export function checkModelGeography(
    where: Where,
    argument: string,
    model: BedrockFoundationModel,
    geo: CrossRegionInferenceProfileRegion,
    /** The value as the program gave it (a profile ARN naming the model), when not the model itself. */
    shown?: string,
): void {
    const status = model.profileStatus(geo.prefix);
    if (status === "not-listed") {
        fail(
            where,
            argument,
            shown ?? model.modelId,
            // Stryker disable next-line ArrayDeclaration: "not-listed" implies crossRegionGeographies is defined (profileStatus)
            `${shown !== undefined ? `names ${model.modelId}, which ` : ""}has no ${geo.prefix}. cross-region profile: the catalog's sources list profiles in ${(model.crossRegionGeographies ?? []).join(", ") || "none"} (${citedSources(model).join("; ")}); if AWS serves one, declare it: ${modelExpression(model)}.withGeographies(["${geo.prefix}"])`,
        );
    }
    if (status === "undocumented") {
        warnGap(
            where,
            `no source the catalog cites lists a ${geo.prefix}. profile of ${model.modelId}, nor says there is none`,
            `${modelExpression(model)}.withGeographies(["${geo.prefix}"])`,
        );
    }
}

/** The pages behind a model's geographies (its sources but the general catalogs). */
function citedSources(model: BedrockFoundationModel): string[] {
    const own = model.sources.filter((s) => !/aws-bedrock-alpha\/bedrock\/models\.ts$|\/model-cards\.html$|\/model-access-product-ids\.html$/.test(s));
    return own.length > 0 ? own : ["no source"];
}

/** The other geographies the catalog places `region` in (non-global), by prefix. */
function geographiesOf(region: string): string[] {
    return CrossRegionInferenceProfileRegion.values()
        .filter((g) => !g.isGlobal && g.regions.includes(region))
        .map((g) => g.prefix);
}

/** Validates the props; returns the destination Regions (from `knownRegion` when known). Throws naming the argument. */
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
    checkModelGeography(where, "model", model, geoRegion);
    if (knownRegion !== undefined) checkSourceRegion(where, geoRegion, knownRegion);
    let destinations = [...defaultDestinations(geoRegion, knownRegion)];
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
            checkDestinationRegion(where, `destinationRegions[${i}]`, geoRegion, r);
        });
        destinations = [...new Set(props.destinationRegions)];
    }
    validateInferenceConfiguration(where, "inferenceConfiguration", props.inferenceConfiguration);
    checkAnthropicOnly(where, "inferenceConfiguration", props.inferenceConfiguration, [model]);
    checkTopK(where, "inferenceConfiguration", props.inferenceConfiguration, [model]);
    return destinations.sort();
}

/**
 * The destinations of a `geo` profile called from `region`: its routes from that source; the union of
 * its routes when the Region is not known before deploy, or not one of its sources (a gap, warned).
 */
function defaultDestinations(geo: CrossRegionInferenceProfileRegion, region: string | undefined): readonly string[] {
    return (region !== undefined ? geo.destinationsFrom(region) : undefined) ?? geo.destinationRegions;
}

/**
 * Refuses a destination Region the catalog places in another geography only (a `us.` profile never
 * routes to eu-west-1), naming that geography; warns (once) about a Region the catalog places in none.
 */
function checkDestinationRegion(where: Where, argument: string, geo: CrossRegionInferenceProfileRegion, region: string): void {
    if (geo.isGlobal) {
        if (!CrossRegionInferenceProfileRegion.isCommercialRegion(region)) {
            warnGap(
                where,
                `destination Region ${region} is not a commercial Region the catalog knows`,
                `remove it from destinationRegions, or keep it if AWS routes global. profiles there`,
            );
        }
        return;
    }
    if (geo.regions.includes(region)) return;
    // Stryker disable next-line MethodExpression,ConditionalExpression: geo.regions holds every Region of the catalog's geography with geo's prefix (withRoutes keeps its sources, and the catalog's Regions are all sources), so geographiesOf(region) never names geo here
    const others = geographiesOf(region).filter((p) => p !== geo.prefix);
    if (others.length > 0) {
        fail(
            where,
            argument,
            region,
            `is in the ${others.join(", ")} geography, not ${geo.prefix}: a ${geo.prefix}. profile routes only to ${geo.destinationRegions.join(", ")} (${geo.sources.join("; ")})`,
        );
    }
    warnGap(
        where,
        `destination Region ${region} is in no geography the catalog knows, and not among the ${geo.prefix}. profiles' destinations`,
        `geoRegion: ${geoExpression(geo)}.withRoutes({ "<source Region>": [..., "${region}"] })`,
    );
}

/**
 * Refuses a source Region outside the geography (a `us.` profile used from `eu-west-1`); warns (once)
 * about a Region the catalog does not know. At deploy (`atDeploy`: a Region known only then), an
 * unknown Region is refused too: the policies were laid out before deploy for the geography's listed
 * sources and cannot name it; declaring its routes (or `destinationRegions`) makes the grant exact.
 */
export function checkSourceRegion(where: Where, geo: CrossRegionInferenceProfileRegion, region: string, atDeploy = false): void {
    const status = geo.sourceRegionStatus(region);
    if (status === "outside") {
        fail(
            where,
            "geoRegion",
            geo.prefix,
            `profiles cannot be called from Region ${region}: the ${geo.prefix} geography's source Regions are ${geo.isGlobal ? "the commercial Regions" : geo.sourceRegions.join(", ")}`,
        );
    }
    if (status === "unknown" && atDeploy && !geo.isGlobal) {
        fail(
            where,
            "geoRegion",
            geo.prefix,
            `profiles are called from Region ${region}, which the catalog does not know as a ${geo.prefix}. source (its sources: ${geo.sourceRegions.join(", ")}): the policies, laid out before deploy, cannot name its routes. Declare them, geoRegion: ${geoExpression(geo)}.withRoutes({ "${region}": ["<destination Region>", ...] }), or give destinationRegions`,
        );
    }
    if (status === "unknown" && geo.isGlobal) {
        warnGap(
            where,
            `Region ${region} is not a commercial Region the catalog knows (global. profiles are called from the commercial Regions); grants allow the model in ${region} and the Region-less global model`,
            "nothing, if it is a commercial Region: global. profiles run in every commercial Region",
        );
    } else if (status === "unknown") {
        warnGap(
            where,
            `Region ${region} is not a source Region the catalog knows for ${geo.prefix}. profiles (its sources: ${geo.sourceRegions.join(", ")}); grants allow the model in ${geo.destinationRegions.join(", ")} and ${region}`,
            `geoRegion: ${geoExpression(geo)}.withRoutes({ "${region}": ["<destination Region>", ...] })`,
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
const placements = perProgram(() => new Map<CallerContext, Map<CrossRegionInferenceProfileRegion, Map<boolean, Placement>>>());

/**
 * The Region and partition a `geo` profile's ARN is in, for policies: literal when the provider's Region
 * is known before deploy (it was checked against the geography), else placeholders of Outputs that
 * check it at deploy (refusing, in the first profile's name, a Region outside the geography).
 */
function placement(ctx: CallerContext, geo: CrossRegionInferenceProfileRegion, where: Where, destinationsGiven: boolean): Placement {
    if (ctx.knownRegion !== undefined) return { region: ctx.knownRegion, partition: geo.partition, regionOutput: ctx.region, partitionOutput: ctx.partition };
    let byGeo = placements().get(ctx);
    if (!byGeo) {
        byGeo = new Map();
        placements().set(ctx, byGeo);
    }
    let byGiven = byGeo.get(geo);
    if (!byGiven) {
        byGiven = new Map();
        byGeo.set(geo, byGiven);
    }
    let placed = byGiven.get(destinationsGiven);
    if (!placed) {
        // With destinationRegions given, the grant names the source Region itself: a Region the catalog does
        // not know is a gap (warned); without, its routes are unknown and the policies cannot name them.
        const region = ctx.region.apply((r) => {
            checkSourceRegion(where, geo, r, !destinationsGiven);
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
        byGiven.set(destinationsGiven, placed);
    }
    return placed;
}

/** The parts shared by the reference and the component. */
class ProfileCore {
    readonly inferenceProfileId: string;
    /** Destinations known before deploy: the given ones, the source Region's routes, or (source not known yet) the union. */
    readonly destinationRegions: string[];
    /** Destinations as the deployed Region makes them (the given ones, or the source Region's routes). */
    readonly destinationRegionsOutput: pulumi.Output<string[]>;
    readonly inferenceProfileArn: pulumi.Output<string>;
    readonly inferenceConfiguration?: InferenceConfiguration;
    private readonly symArn: string;
    private readonly symRegion: string;
    /** Routes per source Region, when the source is known only at deploy and the geography's destinations depend on it. */
    private readonly routes?: readonly SourceRoutes[];
    private readonly knownRegion?: string;

    constructor(
        readonly where: Where,
        readonly props: CrossRegionInferenceProfileProps,
        ctx: CallerContext,
    ) {
        this.destinationRegions = validateCrossRegionProps(where, props, ctx.knownRegion);
        this.knownRegion = ctx.knownRegion;
        // Stryker disable next-line StringLiteral: validateCrossRegionProps (first line) validated the same value with the same argument name, so this call never refuses
        this.inferenceConfiguration = validateInferenceConfiguration(where, "inferenceConfiguration", props.inferenceConfiguration);
        const geo = props.geoRegion;
        this.inferenceProfileId = `${geo.prefix}.${props.model.modelId}`;
        // The Region and partition as the provider reports them, checked against the geography once per
        // provider and geography (one error, however many profiles); one placeholder each, however many
        // profiles use them, so equal values are sized once. With the Region known from the stack's config
        // (checked above), the values themselves.
        const placed = placement(ctx, geo, where, props.destinationRegions !== undefined);
        this.inferenceProfileArn = pulumi
            .all([placed.partitionOutput, placed.regionOutput, ctx.account])
            .apply(([p, r, a]) => systemProfileArn(p, r, a, this.inferenceProfileId));
        this.symRegion = placed.region;
        const symPartition = placed.partition;
        this.symArn = systemProfileArn(symPartition, this.symRegion, ctx.sym.account, this.inferenceProfileId);
        const given = props.destinationRegions !== undefined;
        if (!given && ctx.knownRegion === undefined && geo.routesDependOnSource) this.routes = geo.routes;
        this.destinationRegionsOutput = given
            ? pulumi.output(this.destinationRegions)
            : // Stryker disable next-line MethodExpression: destinationsFrom and destinationRegions are sorted already (route tables hold sorted lists, the commercial Regions are listed sorted)
              placed.regionOutput.apply((r) => [...(geo.destinationsFrom(r) ?? geo.destinationRegions)].sort());
    }

    accessTarget(): SystemProfileTarget {
        const geo = this.props.geoRegion;
        const target: SystemProfileTarget = {
            kind: "system-profile",
            arn: this.symArn,
            partition: geo.partition,
            sourceRegion: this.symRegion,
            modelId: this.props.model.modelId,
            destinationRegions: this.destinationRegions,
            // The source Region was checked to be a source of the geography (before deploy, or at deploy when
            // known only then), so its own routes, and the union, hold it.
            sourceInDestinations:
                this.props.destinationRegions === undefined &&
                !geo.isGlobal &&
                (this.knownRegion === undefined || this.destinationRegions.includes(this.knownRegion)),
            global: geo.isGlobal,
        };
        if (this.routes !== undefined) target.routes = this.routes;
        return target;
    }
}

/** A reference to a system-defined profile (what `fromConfig` returns): it creates no resource. */
class CrossRegionInferenceProfileReference implements ICrossRegionInferenceProfile {
    readonly type = "SYSTEM_DEFINED" as const;
    readonly geoRegion: CrossRegionInferenceProfileRegion;
    readonly model: BedrockFoundationModel;
    readonly inferenceProfileId: string;
    readonly inferenceProfileArn: pulumi.Output<string>;
    /** Regions the profile routes to (its source Region's routes, or the geography's union when the Region is known only at deploy, unless given). */
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
        /**
         * Regions the profile routes to: `props.destinationRegions`, or the routes of its source Region when
         * the Region is known before deploy (the stack's `aws-native:region`), else the geography's union
         * of routes. Sorted.
         */
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
    /** Regions the profile routes to: `destinationRegions` if given, else the routes of the provider's Region. */
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
        this.destinationRegions = this.core.destinationRegionsOutput;
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
