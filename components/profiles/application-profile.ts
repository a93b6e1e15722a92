/**
 * Application inference profiles: `ApplicationInferenceProfile` (created with AWS Native's
 * `bedrock.ApplicationInferenceProfile`) and imports of existing ones.
 */
import * as pulumi from "@pulumi/pulumi";
import * as bedrock from "@pulumi/aws-native/bedrock";
import type { ApplicationProfileTarget, FoundationModelTarget, SystemProfileTarget } from "../iam/access";
import { applicationProfileArn, foundationModelArn, parseArn } from "../catalog/arns";
import { ACCOUNT_ID_LENGTH, callerContext, configuredRegion, MAX_PARTITION_LENGTH, MAX_REGION_LENGTH } from "../core/context";
import { checkArnRegion, checkTargetRegion, knownRegionOf } from "../iam/region-check";
import { CrossRegionInferenceProfile, checkModelGeography, checkSourceRegion, type ICrossRegionInferenceProfile } from "./cross-region-profile";
import { BedrockFoundationModel } from "../catalog/foundation-model";
import { CrossRegionInferenceProfileRegion, longestRegionLength, partitionOfArnRegion } from "../catalog/geographies";
import { programSequence } from "../core/program-state";
import { grantInvokeTo, grantUsageTo, type GrantOptions, type InvokeGrantOptions, type RoleRef, type RolePolicyGrant } from "../iam/grants";
import {
    checkAnthropicOnly,
    checkTopK,
    mergeInferenceConfiguration,
    validateInferenceConfiguration,
    type InferenceConfiguration,
} from "../core/inference-configuration";
import { symbolic } from "../core/symbols";
import { addProfileAlarm, profileMetric, type AddAlarmOptions, type IUsageMetered } from "../usage/profile-usage";
import type { BedrockMetricName, MetricOptions } from "../usage/metrics";
import type { ProfileAlarmArgs } from "../usage/alarm-args";
import { checkArgs, checkString, fail, normalizeTags, type Tags, type Where } from "../core/validation";
import { resourceName } from "../core/resource-name";
import { PROFILE_DESCRIPTION_RULE, PROFILE_NAME_RULE } from "../core/rules";

/**
 * What an application profile copies: a foundation model (one Region), a cross-region profile (its
 * Regions), or the ARN of either.
 */
export type ApplicationInferenceProfileSource = BedrockFoundationModel | ICrossRegionInferenceProfile | string;

/** Arguments of `ApplicationInferenceProfile`. Every argument but `tags` replaces the profile when changed. */
export interface ApplicationInferenceProfileArgs {
    /** The profile's name: 1-64 characters, `^([0-9a-zA-Z][ _-]?)+$` (CloudFormation `InferenceProfileName`). */
    inferenceProfileName: pulumi.Input<string>;
    /** The model or system-defined profile to copy from (CloudFormation `ModelSource.CopyFrom`). */
    modelSource: ApplicationInferenceProfileSource;
    /** 1-200 characters, `^([0-9a-zA-Z:.][ _-]?)+$` (CloudFormation `Description`). */
    description?: pulumi.Input<string>;
    /** Tags as a map or a list of `{ key, value }` (at most 200; CloudFormation `Tags`). */
    tags?: Tags;
    /**
     * Reusable inference settings that prompt variants (and agents) using this profile inherit unless
     * they set their own. A profile copied from a cross-region profile inherits that profile's
     * settings, property by property, unless it sets them here. Not sent to AWS (no replacement).
     */
    inferenceConfiguration?: InferenceConfiguration;
}

/** Attributes of an existing application profile, for `fromApplicationInferenceProfileAttributes`. */
export interface ApplicationInferenceProfileAttributes {
    /** The profile's ARN. */
    inferenceProfileArn: pulumi.Input<string>;
    /** The profile's identifier (its ARN or id). */
    inferenceProfileIdentifier: pulumi.Input<string>;
    /**
     * What the profile copies from, when known. With it, `grantInvoke` allows exactly the models
     * behind the profile; without it, any model reached through this profile (the model is unknown).
     */
    modelSource?: BedrockFoundationModel | ICrossRegionInferenceProfile | string;
    /**
     * A name for the IAM resources grants on the import create. Default: `imported-<id>` from a plain
     * ARN; give one when the ARN is an Output, so the names do not depend on the order of imports.
     */
    name?: string;
}

/** An application profile: created, or imported. */
export interface IApplicationInferenceProfile extends IUsageMetered {
    /** Always `APPLICATION`. */
    readonly type: "APPLICATION";
    /** The profile's ARN (`arn:<partition>:bedrock:<region>:<account>:application-inference-profile/<id>`). */
    readonly inferenceProfileArn: pulumi.Output<string>;
    /**
     * The identifier to invoke the profile with (CloudFormation `InferenceProfileIdentifier`, or the
     * imported `inferenceProfileIdentifier`).
     */
    readonly inferenceProfileIdentifier: pulumi.Output<string>;
    /** The ARN to invoke: the profile's ARN. */
    readonly invokableArn: pulumi.Output<string>;
    /**
     * Allows `role` `bedrock:GetInferenceProfile` on the profile (and on the system-defined profile it
     * copies, when known) and `bedrock:ListInferenceProfiles`. Returns the role policies it attaches.
     */
    grantProfileUsage(role: RoleRef, opts?: GrantOptions): RolePolicyGrant;
    /**
     * Allows `role` to invoke the profile, the system-defined profile it copies, and their models through
     * these profiles only. Without a known source (an import without `modelSource`), any model reached
     * through this profile. Returns the role policies it attaches.
     */
    grantInvoke(role: RoleRef, opts?: InvokeGrantOptions): RolePolicyGrant;
    /**
     * Used by grants and `ModelAccessPolicy`: how IAM sees this profile (its ARN and the source it copies).
     * Package-internal plumbing.
     * @internal
     */
    accessTarget(): ApplicationProfileTarget;
    /** Used by grants: the name given to the IAM resources a grant on this profile creates. Package-internal plumbing. @internal */
    grantName(): string;
}

const APP_PROFILE_ARN = /^arn:aws(|-us-gov|-cn|-iso|-iso-b):bedrock:[0-9a-z-]{1,20}:[0-9]{12}:application-inference-profile\/[a-zA-Z0-9-:.]+$/;
/** The sequence that numbers imports whose ARN is an Output. */
// Stryker disable next-line StringLiteral: the sequence's only user is fromApplicationInferenceProfileAttributes, so its key is never compared with another
const IMPORT_SEQUENCE = "imported-profile";
/** Service-generated application profile ids have 12 characters. */
export const APPLICATION_PROFILE_ID_LENGTH = 12;

/** The longest an application profile ARN can be, given bounds on its partition and Region. */
function appArnBound(partitionLength: number, regionLength: number): number {
    return applicationProfileArn(
        "p".repeat(partitionLength),
        "r".repeat(regionLength),
        "0".repeat(ACCOUNT_ID_LENGTH),
        "i".repeat(APPLICATION_PROFILE_ID_LENGTH),
    ).length;
}

/** A resolved source: what CloudFormation copies from and how IAM sees it. */
interface ResolvedSource {
    copyFrom: pulumi.Output<string>;
    /** The catalog model behind the source, when known. */
    model?: BedrockFoundationModel;
    target: FoundationModelTarget | SystemProfileTarget;
    partitionLength: number;
    regionLength: number;
}

/** A source in messages: its profile id, or its model id. */
function sourceLabel(source: ResolvedSource): string {
    const t = source.target;
    return t.kind === "system-profile" ? (t.arn.split("inference-profile/")[1] ?? t.arn) : t.modelId;
}

function isCrossRegion(v: unknown): v is ICrossRegionInferenceProfile {
    return (
        v instanceof CrossRegionInferenceProfile ||
        (typeof v === "object" &&
            v !== null &&
            (v as { type?: unknown }).type === "SYSTEM_DEFINED" &&
            typeof (v as { accessTarget?: unknown }).accessTarget === "function")
    );
}

/** Resolves a model source, refusing routers, application profiles and malformed ARNs. */
function resolveSource(where: Where, argument: string, source: unknown, parent?: pulumi.Resource): ResolvedSource {
    if (source instanceof BedrockFoundationModel) {
        const ctx = callerContext({ parent });
        return {
            copyFrom: pulumi.all([ctx.partition, ctx.region]).apply(([p, r]) => foundationModelArn(p, r, source.modelId)),
            target: { kind: "foundation-model", partition: ctx.sym.partition, region: ctx.sym.region, modelId: source.modelId },
            partitionLength: MAX_PARTITION_LENGTH,
            regionLength: MAX_REGION_LENGTH,
            model: source,
        };
    }
    if (isCrossRegion(source)) {
        const target = source.accessTarget();
        const geo = source.geoRegion;
        return {
            copyFrom: source.inferenceProfileArn,
            model: source.model,
            target,
            partitionLength: geo.partition.length,
            regionLength: longestRegionLength(geo.sourceRegions),
        };
    }
    if (typeof source === "string") return resolveSourceArn(where, argument, source);
    if (typeof source === "object" && source !== null && typeof (source as { accessTarget?: unknown }).accessTarget === "function") {
        const kind = (source as { accessTarget(): { kind: string } }).accessTarget().kind;
        if (kind === "prompt-router") {
            fail(
                where,
                argument,
                "<PromptRouter>",
                "cannot be a prompt router: CloudFormation's ModelSource.CopyFrom takes a foundation model or a system-defined (cross-region) profile",
            );
        }
        if (kind === "application-profile") {
            fail(
                where,
                argument,
                "<ApplicationInferenceProfile>",
                "cannot be an application profile: CloudFormation's ModelSource.CopyFrom takes a foundation model or a system-defined (cross-region) profile",
            );
        }
    }
    return fail(
        where,
        argument,
        source,
        "must be a BedrockFoundationModel, a CrossRegionInferenceProfile, or the ARN of a foundation model or system-defined profile",
    );
}

function resolveSourceArn(where: Where, argument: string, arn: string): ResolvedSource {
    const parsed = parseArn(arn);
    const rule =
        "must be the ARN of a foundation model (arn:<partition>:bedrock:<region>::foundation-model/<id>) or of a system-defined profile (arn:<partition>:bedrock:<region>:<account>:inference-profile/<prefix>.<id>)";
    if (!parsed || parsed.service !== "bedrock" || !/^aws(|-us-gov|-cn|-iso|-iso-b)$/.test(parsed.partition) || !parsed.region)
        fail(where, argument, arn, rule);
    if (parsed.resourceId === "") fail(where, argument, arn, rule);
    const regionPartition = partitionOfArnRegion(parsed.region);
    if (regionPartition !== undefined && regionPartition !== parsed.partition) {
        fail(where, argument, arn, `is in Region ${parsed.region}, which is in the ${regionPartition} partition, not ${parsed.partition}`);
    }
    if (parsed.resourceType === "foundation-model" && parsed.account === "") {
        return {
            copyFrom: pulumi.output(arn),
            model: BedrockFoundationModel.lookup(parsed.resourceId),
            target: { kind: "foundation-model", partition: parsed.partition, region: parsed.region, modelId: parsed.resourceId },
            partitionLength: parsed.partition.length,
            regionLength: parsed.region.length,
        };
    }
    if (parsed.resourceType === "inference-profile" && /^[0-9]{12}$/.test(parsed.account)) {
        const dot = parsed.resourceId.indexOf(".");
        const geo = CrossRegionInferenceProfileRegion.fromPrefix(parsed.resourceId.slice(0, dot));
        if (!geo)
            fail(
                where,
                argument,
                arn,
                `names a profile with an unknown geography prefix (known: ${CrossRegionInferenceProfileRegion.values()
                    .map((g) => g.prefix)
                    .join(", ")})`,
            );
        if (geo.sourceRegionStatus(parsed.region) === "outside") {
            fail(where, argument, arn, `is a ${geo.prefix}. profile in Region ${parsed.region}, which is outside the ${geo.prefix} geography`);
        }
        // A source Region of the geography passes; one the catalog does not know is warned about.
        checkSourceRegion(where, geo, parsed.region);
        const known = BedrockFoundationModel.lookup(parsed.resourceId.slice(dot + 1));
        if (known && !known.supportsCrossRegion) {
            fail(where, argument, arn, `names ${known.modelId}, which does not support cross-region inference (supportsCrossRegion is false)`);
        }
        if (known) checkModelGeography(where, argument, known, geo, arn);
        return {
            copyFrom: pulumi.output(arn),
            model: BedrockFoundationModel.lookup(parsed.resourceId.slice(dot + 1)),
            target: {
                kind: "system-profile",
                arn,
                partition: parsed.partition,
                sourceRegion: parsed.region,
                modelId: parsed.resourceId.slice(dot + 1),
                destinationRegions: geo.destinationsFrom(parsed.region) ?? geo.destinationRegions,
                global: geo.isGlobal,
            },
            partitionLength: parsed.partition.length,
            regionLength: parsed.region.length,
        };
    }
    return fail(where, argument, arn, rule);
}

/**
 * An application inference profile: tracks cost and usage of a model or cross-region profile under
 * your own name and tags (AWS Native `bedrock.ApplicationInferenceProfile`).
 *
 * Every property but `tags` replaces the profile when changed.
 */
export class ApplicationInferenceProfile extends pulumi.ComponentResource implements IApplicationInferenceProfile {
    /** An existing application profile, by ARN and identifier. Usable as a model anywhere; both grants. */
    public static fromApplicationInferenceProfileAttributes(attrs: ApplicationInferenceProfileAttributes): IApplicationInferenceProfile {
        const where = { component: "ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes" };
        checkArgs(where, attrs);
        const arn = checkString(where, "inferenceProfileArn", attrs.inferenceProfileArn, {
            pattern: APP_PROFILE_ARN,
            patternText: "an application inference profile ARN",
        });
        checkString(where, "inferenceProfileIdentifier", attrs.inferenceProfileIdentifier, { min: 1, max: 2048 });
        const source = attrs.modelSource === undefined ? undefined : resolveSource(where, "modelSource", attrs.modelSource);
        if (attrs.name !== undefined)
            checkString(where, "name", attrs.name, { min: 1, max: 100, pattern: /^[A-Za-z0-9][A-Za-z0-9-]*$/, patternText: "letters, digits and hyphens" });
        const name =
            attrs.name ??
            (typeof arn === "string" ? `imported-${arn.slice(arn.lastIndexOf("/") + 1)}` : `imported-profile-${programSequence(IMPORT_SEQUENCE)}`);
        return new ImportedApplicationProfile(
            name,
            pulumi.output(arn),
            pulumi.output(attrs.inferenceProfileIdentifier),
            source,
            typeof arn === "string" ? arn : undefined,
        );
    }

    /** An application profile created with AWS Native's `bedrock.ApplicationInferenceProfile` directly. */
    public static fromCfnApplicationInferenceProfile(
        resource: bedrock.ApplicationInferenceProfile,
        modelSource?: BedrockFoundationModel | ICrossRegionInferenceProfile | string,
    ): IApplicationInferenceProfile {
        const where = { component: "ApplicationInferenceProfile.fromCfnApplicationInferenceProfile" };
        if (!bedrock.ApplicationInferenceProfile.isInstance(resource)) {
            fail(where, "resource", resource, "must be an aws-native bedrock.ApplicationInferenceProfile");
        }
        const source = modelSource === undefined ? undefined : resolveSource(where, "modelSource", modelSource);
        const name = `imported-${resourceName(resource)}`;
        return new ImportedApplicationProfile(name, resource.inferenceProfileArn, resource.inferenceProfileIdentifier, source);
    }

    /** Always `APPLICATION`. */
    public readonly type = "APPLICATION" as const;
    /** The profile's ARN (CloudFormation `InferenceProfileArn`). */
    public readonly inferenceProfileArn: pulumi.Output<string>;
    /** The service-generated id (CloudFormation `InferenceProfileId`). */
    public readonly inferenceProfileId: pulumi.Output<string>;
    /** The identifier to invoke with (CloudFormation `InferenceProfileIdentifier`). */
    public readonly inferenceProfileIdentifier: pulumi.Output<string>;
    /** The AWS Native resource. */
    public readonly profile: bedrock.ApplicationInferenceProfile;
    /** The catalog model the profile copies, when known before deploy. */
    public readonly sourceModel?: BedrockFoundationModel;
    /**
     * The tags the profile was created with (validated, sorted by key; values may be Outputs): known at
     * construction, so `ProfileBudget` picks its tag then. Package-internal plumbing.
     * @internal
     */
    public readonly givenTags?: readonly { key: string; value: pulumi.Input<string> }[];
    /** Inference settings users of this profile inherit (its own over its cross-region source's). */
    public readonly inferenceConfiguration?: InferenceConfiguration;
    private readonly source: ResolvedSource;

    constructor(name: string, args: ApplicationInferenceProfileArgs, opts?: pulumi.ComponentResourceOptions) {
        const where = { component: "ApplicationInferenceProfile", name };
        checkArgs(where, args);
        const inferenceProfileName = checkString(where, "inferenceProfileName", args.inferenceProfileName, PROFILE_NAME_RULE);
        const description = checkString(where, "description", args.description, PROFILE_DESCRIPTION_RULE);
        const tags = normalizeTags(where, args.tags);
        const ownInference = validateInferenceConfiguration(where, "inferenceConfiguration", args.inferenceConfiguration);
        // Resolving a source validates it; a foundation model's ARN needs the component as parent, so
        // check the kind first and resolve for real after registering.
        const early = args.modelSource instanceof BedrockFoundationModel ? undefined : resolveSource(where, "modelSource", args.modelSource);
        const knownModel = args.modelSource instanceof BedrockFoundationModel ? args.modelSource : early?.model;
        checkAnthropicOnly(where, "inferenceConfiguration", ownInference, knownModel ? [knownModel] : undefined);
        checkTopK(where, "inferenceConfiguration", ownInference, knownModel ? [knownModel] : undefined);
        // The profile lives in its provider's Region and copies a model or profile of that Region only.
        const explicitProvider = opts?.provider !== undefined || opts?.providers !== undefined || opts?.parent !== undefined;
        if (early) {
            const shown = typeof args.modelSource === "string" ? args.modelSource : sourceLabel(early);
            checkTargetRegion(where, "modelSource", shown, early.target, explicitProvider ? undefined : configuredRegion());
        }
        super("bedrock-genai:index:ApplicationInferenceProfile", name, {}, opts);
        // Stryker disable next-line StringLiteral: the argument name is only used in refusals, and this source was resolved (validated) above
        const resolved = resolveSource(where, "modelSource", args.modelSource, this);
        // Regions known only at deploy (explicit providers, no Region in the stack's config, a source on a
        // provider of its own): the same rule on the ARNs then. Both Regions known now were checked above,
        // and a foundation model's ARN is built in the provider's own Region: no check at deploy (one Output
        // less per profile).
        const checkedNow =
            // Stryker disable next-line BooleanLiteral,ObjectLiteral: a check at deploy where one was done before passes (the config's Region is the default provider's); without an explicit provider the component's context is the default one
            early === undefined || (!explicitProvider && callerContext({ parent: this }).knownRegion !== undefined && knownRegionOf(early.target));
        this.source = checkedNow
            ? resolved
            : { ...resolved, copyFrom: checkArnRegion(where, "modelSource", resolved.copyFrom, callerContext({ parent: this }).region) };
        this.sourceModel = this.source.model;
        this.givenTags = tags;
        const inherited = isCrossRegion(args.modelSource) ? args.modelSource.inferenceConfiguration : undefined;
        this.inferenceConfiguration = mergeInferenceConfiguration(inherited, ownInference);
        this.profile = new bedrock.ApplicationInferenceProfile(
            name,
            {
                inferenceProfileName,
                description,
                modelSource: { copyFrom: this.source.copyFrom },
                tags,
            },
            { parent: this },
        );
        this.inferenceProfileArn = this.profile.inferenceProfileArn;
        this.inferenceProfileId = this.profile.inferenceProfileId;
        this.inferenceProfileIdentifier = this.profile.inferenceProfileIdentifier;
        this.registerOutputs({
            inferenceProfileArn: this.inferenceProfileArn,
            inferenceProfileId: this.inferenceProfileId,
            inferenceProfileIdentifier: this.inferenceProfileIdentifier,
        });
    }

    /** The ARN to invoke: the profile's ARN (`inferenceProfileArn`). */
    public get invokableArn(): pulumi.Output<string> {
        return this.inferenceProfileArn;
    }

    /**
     * Used by grants and `ModelAccessPolicy`: how IAM sees this profile (its ARN and the source it copies).
     * Package-internal plumbing.
     * @internal
     */
    public accessTarget(): ApplicationProfileTarget {
        this.target ??= this.buildTarget();
        return this.target;
    }

    private target?: ApplicationProfileTarget;

    private buildTarget(): ApplicationProfileTarget {
        // Built from the provider's shared placeholders (one per provider, however many profiles) and the
        // service-generated id, sized at the 12 characters AWS returns (checked again at deploy).
        const ctx = callerContext({ parent: this });
        const id = symbolic(this.inferenceProfileId, `application-inference-profile-id/${this.grantName()}`, APPLICATION_PROFILE_ID_LENGTH);
        return {
            kind: "application-profile",
            arn: applicationProfileArn(ctx.sym.partition, ctx.sym.region, ctx.sym.account, id),
            arnPattern: applicationProfileArn(ctx.sym.partition, ctx.sym.region, ctx.sym.account, "*"),
            region: ctx.sym.region,
            source: this.source.target,
            partition: this.source.target.partition,
        };
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

    /** `bedrock:GetInferenceProfile` on the profile (and the system profile it wraps) and `bedrock:ListInferenceProfiles`. */
    public grantProfileUsage(role: RoleRef, opts?: GrantOptions): RolePolicyGrant {
        return grantUsageTo(this, role, opts);
    }

    /** Invoke on the profile, the system profile it wraps, and its models through these profiles only. */
    public grantInvoke(role: RoleRef, opts?: InvokeGrantOptions): RolePolicyGrant {
        return grantInvokeTo(this, role, opts);
    }

    /** The `AWS/Bedrock` metric `name` of calls through this profile (dimension `ModelId`). */
    public metric(name: BedrockMetricName, opts?: MetricOptions) {
        return profileMetric(this, "ApplicationInferenceProfile", name, opts);
    }

    /** A CloudWatch alarm on one of this profile's metrics. */
    public addAlarm(name: string, args: ProfileAlarmArgs, opts?: AddAlarmOptions) {
        return addProfileAlarm(this, "ApplicationInferenceProfile", name, args, opts);
    }
}

/** An imported application profile. */
class ImportedApplicationProfile implements IApplicationInferenceProfile {
    readonly type = "APPLICATION" as const;

    /** The catalog model the profile copies, when known. */
    get sourceModel(): BedrockFoundationModel | undefined {
        return this.source?.model;
    }

    constructor(
        private readonly name: string,
        readonly inferenceProfileArn: pulumi.Output<string>,
        readonly inferenceProfileIdentifier: pulumi.Output<string>,
        private readonly source: ResolvedSource | undefined,
        /** The ARN when it was given as a string (IAM and Region checks then see it as it is). */
        private readonly knownArn?: string,
    ) {}

    private partitionOutput?: pulumi.Output<string>;
    private patternOutput?: pulumi.Output<string>;

    get invokableArn(): pulumi.Output<string> {
        return this.inferenceProfileArn;
    }

    accessTarget(): ApplicationProfileTarget {
        const bound = appArnBound(this.source?.partitionLength ?? MAX_PARTITION_LENGTH, this.source?.regionLength ?? MAX_REGION_LENGTH);
        const arn = this.knownArn ?? symbolic(this.inferenceProfileArn, `application-inference-profile/${this.name}`, bound);
        // One Output each for the pattern and the partition, so every call gets the same placeholders.
        this.patternOutput ??= this.inferenceProfileArn.apply((a) => a.replace(/[^/]+$/, "*"));
        // Stryker disable next-line StringLiteral: the ARN matched APP_PROFILE_ARN before this Output resolves, so parseArn gives its partition (the fallback is never used)
        this.partitionOutput ??= this.inferenceProfileArn.apply((a) => parseArn(a)?.partition ?? "aws");
        const arnPattern =
            this.knownArn?.replace(/[^/]+$/, "*") ??
            symbolic(this.patternOutput, `application-inference-profile-pattern/${this.name}`, bound - APPLICATION_PROFILE_ID_LENGTH + 1);
        const partition = this.source?.target.partition ?? symbolic(this.partitionOutput, `partition-of/${this.name}`, MAX_PARTITION_LENGTH);
        const region = this.knownArn !== undefined ? parseArn(this.knownArn)?.region : undefined;
        return { kind: "application-profile", arn, arnPattern, source: this.source?.target, partition, ...(region ? { region } : {}) };
    }

    grantName(): string {
        return this.name.replace(/[^A-Za-z0-9-]/g, "-");
    }

    grantProfileUsage(role: RoleRef, opts?: GrantOptions): RolePolicyGrant {
        return grantUsageTo(this, role, opts);
    }

    grantInvoke(role: RoleRef, opts?: InvokeGrantOptions): RolePolicyGrant {
        return grantInvokeTo(this, role, opts);
    }

    /** The `AWS/Bedrock` metric `name` of calls through this profile (dimension `ModelId`). */
    metric(name: BedrockMetricName, opts?: MetricOptions) {
        return profileMetric(this, "ApplicationInferenceProfile", name, opts);
    }

    /** A CloudWatch alarm on one of this profile's metrics. */
    addAlarm(name: string, args: ProfileAlarmArgs, opts?: AddAlarmOptions) {
        return addProfileAlarm(this, "ApplicationInferenceProfile", name, args, opts);
    }
}
