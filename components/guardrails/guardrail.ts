/**
 * Bedrock Guardrails: `Guardrail` (`AWS::Bedrock::Guardrail`), its versions (`AWS::Bedrock::GuardrailVersion`)
 * and references to existing guardrails, with the grants that apply them, including the cross-Region
 * guardrail profile a Standard-tier guardrail uses.
 *
 * Facts:
 * - The resources: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-bedrock-guardrail.html
 *   and https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-bedrock-guardrailversion.html
 *   (every property of a guardrail updates in place; a version's `Description` and `GuardrailIdentifier`
 *   are create-only, so a version is a snapshot and a new one is a new resource).
 * - Cross-Region profiles: https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-cross-region.html,
 *   https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-cross-region-support.html (see
 *   `catalog/guardrail-profiles.ts`); the Standard tier needs one
 *   (https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-tiers.html).
 * - Applying one: `bedrock:ApplyGuardrail` on the guardrail, and on its profile in the source and every
 *   destination Region (https://docs.aws.amazon.com/bedrock/latest/userguide/guardrail-profiles-permissions.html);
 *   `kms:Decrypt` on its customer managed key (https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-kms.html).
 *   See `iam/statements/guardrail.ts`.
 */
import * as pulumi from "@pulumi/pulumi";
import * as bedrock from "@pulumi/aws-native/bedrock";
import type * as awsCloudwatch from "@pulumi/aws/cloudwatch";
import { guardrailArn as buildGuardrailArn, guardrailProfileArn, parseArn } from "../catalog/arns";
import { GuardrailProfileRegion } from "../catalog/guardrail-profiles";
import { CrossRegionInferenceProfileRegion, partitionOfRegion } from "../catalog/geographies";
import { ACCOUNT_ID_LENGTH, callerContext, MAX_PARTITION_LENGTH, MAX_REGION_LENGTH, type CallerContext } from "../core/context";
import { symbolic } from "../core/symbols";
import { checkArgs, checkString, fail, memberRule, normalizeTags, type Tags, type Where } from "../core/validation";
import { resourceName } from "../core/resource-name";
import { grantStatements, type GrantOptions, type GuardrailGrantee, type RoleRef, type RolePolicyGrant } from "../iam/grants";
import { guardrailApplyStatements, guardrailIdentifierValue, type GuardrailAccess } from "../iam/statements/guardrail";
import { guardrailKeyStatements, KMS_KEY_ARN_PATTERN } from "../iam/statements/kms";
import { contentHash } from "../core/content-hash";
import type { AddAlarmOptions } from "../usage/profile-usage";
import {
    checkMessage,
    checkTier,
    derivedGuardrailName,
    GUARDRAIL_LIMITS,
    renderPolicies,
    type GuardrailPolicies,
    type GuardrailTier,
    type RenderedPolicies,
} from "./guardrail-args";
import {
    addGuardrailAlarm,
    guardrailMetric,
    type GuardrailAlarmArgs,
    type GuardrailMetric,
    type GuardrailMetricName,
    type GuardrailMetricOptions,
} from "../usage/guardrail-metrics";

/** The message a prompt the guardrail blocks is answered with, unless `blockedInputMessaging` says otherwise. */
export const DEFAULT_BLOCKED_INPUT_MESSAGE = "Sorry, I can't help with that request.";
/** The message that replaces a response the guardrail blocks, unless `blockedOutputsMessaging` says otherwise. */
export const DEFAULT_BLOCKED_OUTPUT_MESSAGE = "Sorry, I can't share that response.";

/** Guardrail ids are service-generated (CloudFormation: at most 64 of `[a-z0-9]`): the bound for sizing policies. */
const GUARDRAIL_ID_BOUND = 64;
/** Guardrail version numbers: 1-8 digits. */
const VERSION_BOUND = 8;
const GUARDRAIL_ARN = /^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail\/[a-z0-9]+$/;
const VERSION = /^(([1-9][0-9]{0,7})|(DRAFT))$/;
const KMS_ARN_BOUND = `arn:${"p".repeat(MAX_PARTITION_LENGTH)}:kms:${"r".repeat(MAX_REGION_LENGTH)}:${"0".repeat(ACCOUNT_ID_LENGTH)}:key/${"k".repeat(36)}`
    .length;
const GUARDRAIL_ARN_BOUND = buildGuardrailArn(
    "p".repeat(MAX_PARTITION_LENGTH),
    "r".repeat(MAX_REGION_LENGTH),
    "0".repeat(ACCOUNT_ID_LENGTH),
    "g".repeat(GUARDRAIL_ID_BOUND),
).length;

/** A guardrail (created, a version of one, or an existing one): what agents and grants accept. */
export interface IGuardrail extends GuardrailGrantee {
    /** `arn:<partition>:bedrock:<region>:<account>:guardrail/<id>`. */
    readonly guardrailArn: pulumi.Output<string>;
    /** The guardrail's id. */
    readonly guardrailId: pulumi.Output<string>;
    /** `DRAFT` (a guardrail's working copy) or a version number. */
    readonly guardrailVersion: pulumi.Output<string>;
    /** The cross-Region guardrail profile it uses, when known. */
    readonly crossRegion?: GuardrailProfileRegion;
    /**
     * Lets `role` apply the guardrail: `bedrock:ApplyGuardrail` on it and on its guardrail profile in the
     * source and every destination Region, and `kms:Decrypt` on its key. Returns the role policies.
     */
    grantApply(role: RoleRef, opts?: GrantOptions): RolePolicyGrant;
    /** The `AWS/Bedrock/Guardrails` metric `name` of this guardrail version (dimensions `GuardrailArn`, `GuardrailVersion`). */
    metric(name: GuardrailMetricName, opts?: GuardrailMetricOptions): GuardrailMetric;
    /** A CloudWatch alarm on one of this guardrail version's metrics. */
    addAlarm(name: string, args: GuardrailAlarmArgs, opts?: AddAlarmOptions): awsCloudwatch.MetricAlarm;
    /** Used by grants: the statements applying this guardrail and the values naming it. Package-internal plumbing. @internal */
    guardrailAccess(): GuardrailAccess;
    /** Used by alarms: the name given to the alarms created for it. Package-internal plumbing. @internal */
    readonly alarmLabel: string;
}

/** Whether `v` is a guardrail (`Guardrail`, a version, or a reference). */
export function isGuardrail(v: unknown): v is IGuardrail {
    return (
        typeof v === "object" &&
        v !== null &&
        typeof (v as IGuardrail).guardrailAccess === "function" &&
        typeof (v as IGuardrail).grantApply === "function" &&
        pulumi.Output.isInstance((v as IGuardrail).guardrailArn)
    );
}

/** How IAM sees a guardrail: its symbolic ARN, its profile ARNs, its key. */
interface GuardrailIam {
    /** The guardrail's ARN in policies (symbolic where not known before deploy). */
    arn: string;
    /** The profile ARNs `ApplyGuardrail` needs: the source and every destination Region. */
    profileArns: string[];
    /** The key's ARN in policies, when the guardrail has a customer managed key. */
    keyArn?: string;
}

/** The statements applying the guardrail `iam` describes, and `identifier`, the `bedrock:GuardrailIdentifier` value naming the version used. */
function access(iam: GuardrailIam, identifier: string): GuardrailAccess {
    return {
        apply: [...guardrailApplyStatements(iam.arn, iam.profileArns), ...(iam.keyArn !== undefined ? guardrailKeyStatements(iam.keyArn) : [])],
        identifiers: [identifier],
    };
}

/**
 * The profile ARNs a guardrail in `region` (when known before deploy) needs, in `account`: the source and
 * every destination Region; with the Region unknown, every Region the profile can route to from any of
 * its sources (the Region itself is checked against the sources at deploy).
 */
function profileArnsOf(geo: GuardrailProfileRegion, region: string | undefined, account: string): string[] {
    const regions = region !== undefined ? geo.destinationRegionsFrom(region) : geo.regions;
    return regions.map((r) => guardrailProfileArn(geo.partition, r, account, geo.profileId));
}

/** Refuses a Region a guardrail cannot use `geo` from (argument `argument`). */
function checkProfileSource(where: Where, argument: string, geo: GuardrailProfileRegion, region: string): void {
    if (!geo.acceptsSourceRegion(region)) {
        fail(where, argument, geo.profileId, `cannot be used by a guardrail in ${region}: its source Regions are ${geo.sourceRegions.join(", ")}`);
    }
}

/** Checks a `crossRegion` argument: a guardrail profile, not a model profile's geography. */
function checkProfile(where: Where, geo: unknown): GuardrailProfileRegion | undefined {
    if (geo === undefined || geo instanceof GuardrailProfileRegion) return geo;
    const members = GuardrailProfileRegion.values();
    if (geo instanceof CrossRegionInferenceProfileRegion) {
        fail(
            where,
            "crossRegion",
            `CrossRegionInferenceProfileRegion.${geo.name}`,
            `is a model profile geography: a guardrail takes a GuardrailProfileRegion (.${members.map((g) => g.name).join(", .")})`,
        );
    }
    return fail(where, "crossRegion", geo, memberRule("GuardrailProfileRegion", members));
}

/** A KMS key argument (an `aws.kms.Key` or its ARN), checked. */
function keyArnOf(where: Where, argument: string, key: unknown): pulumi.Input<string> {
    if (key !== null && typeof key === "object" && !pulumi.Output.isInstance(key) && "arn" in key) return (key as { arn: pulumi.Input<string> }).arn;
    if (typeof key === "string" || pulumi.Output.isInstance(key)) {
        return checkString(where, argument, key as pulumi.Input<string>, { min: 1, max: 2048, pattern: KMS_KEY_ARN_PATTERN, patternText: "a KMS key ARN" });
    }
    return fail(where, argument, key, "must be an aws.kms.Key or a KMS key ARN");
}

/** Arguments of `Guardrail`. */
export interface GuardrailArgs extends GuardrailPolicies {
    /** 1-50 letters, digits, hyphens and underscores. Default: derived from the component's name. */
    guardrailName?: string;
    /** 1-200 characters. */
    description?: string;
    /** What a blocked prompt is answered with (1-500 characters). Default: "Sorry, I can't help with that request." */
    blockedInputMessaging?: pulumi.Input<string>;
    /** What replaces a blocked response (1-500 characters). Default: "Sorry, I can't share that response." */
    blockedOutputsMessaging?: pulumi.Input<string>;
    /**
     * The safeguard tier of the content filters and denied topics: `CLASSIC` (the service's default) or
     * `STANDARD` (prompt leakage detection, topic definitions of up to 1,000 characters), which requires `crossRegion`.
     */
    tier?: GuardrailTier;
    /**
     * The cross-Region guardrail profile (`GuardrailProfileRegion.US`, ...) whose Regions evaluate the
     * guardrail: the guardrail's Region must be one of its source Regions.
     */
    crossRegion?: GuardrailProfileRegion;
    /** A customer managed KMS key (an `aws.kms.Key` or its ARN) encrypting the guardrail; appliers get `kms:Decrypt` on it. */
    kmsKey?:
        | pulumi.Input<string>
        | {
              /** The key's ARN. */
              readonly arn: pulumi.Input<string>;
          };
    /** Tags as a map or a list of `{ key, value }`. */
    tags?: Tags;
}

/** Everything validated before the component registers. */
interface Plan {
    name: string;
    description?: string;
    blockedInputMessaging: pulumi.Input<string>;
    blockedOutputsMessaging: pulumi.Input<string>;
    policies: RenderedPolicies;
    tier: GuardrailTier;
    crossRegion?: GuardrailProfileRegion;
    kmsKeyArn?: pulumi.Input<string>;
    tags?: { key: string; value: pulumi.Input<string> }[];
}

function plan(where: Where, name: string, args: GuardrailArgs, knownRegion: string | undefined): Plan {
    checkArgs(where, args);
    const guardrailName =
        args.guardrailName === undefined ? derivedGuardrailName(where, name) : checkString(where, "guardrailName", args.guardrailName, GUARDRAIL_LIMITS.name);
    if (typeof guardrailName !== "string") fail(where, "guardrailName", guardrailName, "must be a string");
    const description = checkString(where, "description", args.description, { ...GUARDRAIL_LIMITS.description, optional: true });
    if (description !== undefined && typeof description !== "string") fail(where, "description", description, "must be a string");
    const blockedInputMessaging = checkMessage(where, "blockedInputMessaging", args.blockedInputMessaging ?? DEFAULT_BLOCKED_INPUT_MESSAGE);
    const blockedOutputsMessaging = checkMessage(where, "blockedOutputsMessaging", args.blockedOutputsMessaging ?? DEFAULT_BLOCKED_OUTPUT_MESSAGE);
    const { tier, given } = checkTier(where, args.tier);
    const geo = checkProfile(where, args.crossRegion);
    if (tier === "STANDARD" && geo === undefined) {
        fail(where, "crossRegion", undefined, "is required with tier STANDARD: the Standard tier runs on cross-Region inference (a GuardrailProfileRegion)");
    }
    if (geo !== undefined && knownRegion !== undefined) checkProfileSource(where, "crossRegion", geo, knownRegion);
    const policies = renderPolicies(where, args, tier, given);
    const kmsKeyArn = args.kmsKey === undefined ? undefined : keyArnOf(where, "kmsKey", args.kmsKey);
    const tags = normalizeTags(where, args.tags);
    return { name: guardrailName, description, blockedInputMessaging, blockedOutputsMessaging, policies, tier, crossRegion: geo, kmsKeyArn, tags };
}

/** Options of `Guardrail.createVersion`. */
export interface GuardrailVersionOptions {
    /** Pulumi name of the version (default `<guardrail>-version`, then `<guardrail>-version-2`, ...). */
    name?: string;
    /** Keep the version in AWS when Pulumi replaces or deletes it (keeps every version cut). */
    retainOnDelete?: boolean;
}

/** The suffix a version's description carries: ` (content <16 hex digits>)`. */
const CONTENT_SUFFIX_LENGTH = " (content )".length + 16;

/**
 * A Bedrock guardrail (`AWS::Bedrock::Guardrail`): content filters, denied topics, word filters,
 * sensitive-information filters and contextual grounding checks, applied to prompts and responses of
 * models, agents and applications. Its `DRAFT` changes in place; `createVersion` snapshots it.
 */
export class Guardrail extends pulumi.ComponentResource implements IGuardrail {
    /**
     * A reference to an existing guardrail (creates nothing): its ARN, the version to use (default
     * `DRAFT`), its customer managed key if any, and its guardrail profile if it uses one, so that
     * `grantApply` covers the profile's Regions.
     */
    public static fromGuardrailAttributes(attrs: GuardrailAttributes, opts: { provider?: pulumi.ProviderResource } = {}): IGuardrail {
        return new GuardrailReference(attrs, opts.provider);
    }

    /** `arn:<partition>:bedrock:<region>:<account>:guardrail/<id>`. */
    public readonly guardrailArn: pulumi.Output<string>;
    /** The guardrail's id. */
    public readonly guardrailId: pulumi.Output<string>;
    /** Always `DRAFT`: the guardrail's working copy (`createVersion` cuts numbered versions). */
    public readonly guardrailVersion: pulumi.Output<string>;
    /** The guardrail's name. */
    public readonly guardrailName: string;
    /** The tier of its content filters and denied topics. */
    public readonly tier: GuardrailTier;
    /** The cross-Region guardrail profile, if any. */
    public readonly crossRegion?: GuardrailProfileRegion;
    /** The guardrail profile's ARN in the guardrail's Region (its `CrossRegionConfig`), when it has one. */
    public readonly guardrailProfileArn?: pulumi.Output<string>;
    /** The AWS Native resource. */
    public readonly guardrail: bedrock.Guardrail;
    /**
     * SHA-256 (first 16 hex digits) of what a version snapshots: blocked messages, policies, cross-Region
     * profile and key, as rendered (not the name, description or tags). Versions carry it in their
     * description, so a change of content cuts a new version and nothing else does.
     */
    public readonly contentHash: pulumi.Output<string>;
    /** @internal */
    public readonly alarmLabel: string;
    private readonly iam: GuardrailIam;
    private readonly label: string;
    private versions = 0;

    constructor(name: string, args: GuardrailArgs, opts?: pulumi.ComponentResourceOptions) {
        const where: Where = { component: "Guardrail", name };
        const explicitProvider = opts?.provider !== undefined || opts?.providers !== undefined || opts?.parent !== undefined;
        const p = plan(where, name, args, explicitProvider ? undefined : callerContext().knownRegion);
        super("bedrock-genai:index:Guardrail", name, {}, opts);
        this.label = name;
        this.alarmLabel = name;
        this.guardrailName = p.name;
        this.tier = p.tier;
        this.crossRegion = p.crossRegion;
        const ctx = callerContext({ parent: this });
        // The Region from the stack's config also applies under a parent that uses the default provider.
        if (p.crossRegion !== undefined && ctx.knownRegion !== undefined) checkProfileSource(where, "crossRegion", p.crossRegion, ctx.knownRegion);

        let crossRegionConfig: bedrock.GuardrailArgs["crossRegionConfig"];
        const geo = p.crossRegion;
        if (geo !== undefined) {
            // The profile in the provider's Region and account, checked against the profile's sources and
            // partition at deploy (with the Region known from the stack's config, checked above already).
            this.guardrailProfileArn = pulumi.all([ctx.partition, ctx.region, ctx.account]).apply(([partition, region, account]) => {
                checkProfileSource(where, "crossRegion", geo, region);
                if (partition !== geo.partition)
                    fail(where, "crossRegion", geo.profileId, `lives in the ${geo.partition} partition, but the provider's is ${partition}`);
                return guardrailProfileArn(partition, region, account, geo.profileId);
            });
            crossRegionConfig = { guardrailProfileArn: this.guardrailProfileArn };
        }
        const inputs: bedrock.GuardrailArgs = {
            name: p.name,
            description: p.description,
            blockedInputMessaging: p.blockedInputMessaging,
            blockedOutputsMessaging: p.blockedOutputsMessaging,
            ...p.policies,
            crossRegionConfig,
            kmsKeyArn: p.kmsKeyArn,
            tags: p.tags,
        };
        this.guardrail = new bedrock.Guardrail(name, inputs, { parent: this });
        this.guardrailArn = this.guardrail.guardrailArn;
        this.guardrailId = this.guardrail.guardrailId;
        this.guardrailVersion = this.guardrail.version;
        this.contentHash = pulumi
            .output({
                blockedInputMessaging: p.blockedInputMessaging,
                blockedOutputsMessaging: p.blockedOutputsMessaging,
                ...p.policies,
                crossRegionConfig,
                kmsKeyArn: p.kmsKeyArn,
            })
            .apply(contentHash);

        const sym = ctx.sym;
        const id = symbolic(this.guardrailId, `guardrail-id/${name}`, GUARDRAIL_ID_BOUND);
        this.iam = {
            arn: buildGuardrailArn(sym.partition, sym.region, sym.account, id),
            profileArns: geo === undefined ? [] : profileArnsOf(geo, ctx.knownRegion, sym.account),
            keyArn: p.kmsKeyArn === undefined ? undefined : symbolic(p.kmsKeyArn, `guardrail-kms-key/${name}`, KMS_ARN_BOUND),
        };
        this.registerOutputs({ guardrailArn: this.guardrailArn, guardrailId: this.guardrailId, guardrailVersion: this.guardrailVersion });
    }

    /**
     * Cuts a version of the guardrail (`AWS::Bedrock::GuardrailVersion`) from its `DRAFT`. The version's
     * description ends with ` (content <hash>)`, the guardrail's `contentHash`: a version's description is
     * create-only, so when the guardrail's content changes Pulumi updates the guardrail, then creates a new
     * version from it and deletes the old one (unless `retainOnDelete`); an unchanged guardrail keeps its
     * version. `description` has at most 173 characters (the suffix takes the rest of CloudFormation's 200).
     */
    public createVersion(description?: string, opts: GuardrailVersionOptions = {}): GuardrailVersion {
        const where: Where = { component: "Guardrail.createVersion", name: this.label };
        const max = GUARDRAIL_LIMITS.description.max - CONTENT_SUFFIX_LENGTH;
        const desc = checkString(where, "description", description, { min: 1, max, optional: true });
        if (desc !== undefined && typeof desc !== "string") fail(where, "description", desc, "must be a string");
        if (opts === null || typeof opts !== "object") fail(where, "opts", opts, "must be an object { name?, retainOnDelete? }");
        if (opts.name !== undefined) checkString(where, "opts.name", opts.name, { min: 1 });
        this.versions += 1;
        const name = opts.name ?? (this.versions === 1 ? `${this.label}-version` : `${this.label}-version-${this.versions}`);
        const text = desc ?? `Version of guardrail ${this.guardrailName}`;
        const resource = new bedrock.GuardrailVersion(
            name,
            { guardrailIdentifier: this.guardrailId, description: this.contentHash.apply((h) => `${text} (content ${h})`) },
            { parent: this, dependsOn: [this.guardrail], retainOnDelete: opts.retainOnDelete },
        );
        return new GuardrailVersion(name, resource, this, this.iam);
    }

    /**
     * Lets `role` apply the guardrail (`DRAFT` and every version): `bedrock:ApplyGuardrail` on the
     * guardrail, and on its guardrail profile in its Region and in every Region the profile routes to from
     * there; `kms:Decrypt` on its `kmsKey`. With the Region unknown before deploy (an explicit provider),
     * the profile in every Region of the profile's geography.
     */
    public grantApply(role: RoleRef, opts: GrantOptions = {}): RolePolicyGrant {
        return grantStatements(role, this.guardrailAccess().apply, {
            ...opts,
            parent: opts.parent ?? this,
            where: { component: "Guardrail", name: resourceName(this) ?? this.label },
            argName: "grantApply(role)",
        });
    }

    /** The `AWS/Bedrock/Guardrails` metric `name` of the guardrail's `DRAFT`. */
    public metric(name: GuardrailMetricName, opts?: GuardrailMetricOptions): GuardrailMetric {
        return guardrailMetric({ component: "Guardrail.metric" }, name, this.guardrailArn, this.guardrailVersion, opts);
    }

    /** A CloudWatch alarm (`<guardrail>-<name>`, a child of the guardrail) on one of its `DRAFT`'s metrics. */
    public addAlarm(name: string, args: GuardrailAlarmArgs, opts?: AddAlarmOptions): awsCloudwatch.MetricAlarm {
        return addGuardrailAlarm(this, "Guardrail", name, args, opts, this);
    }

    /** @internal */
    public guardrailAccess(): GuardrailAccess {
        return access(this.iam, guardrailIdentifierValue(this.iam.arn, "DRAFT"));
    }
}

/** A numbered version of a guardrail (`AWS::Bedrock::GuardrailVersion`), from `Guardrail.createVersion`. */
export class GuardrailVersion implements IGuardrail {
    /** The guardrail's ARN. */
    public readonly guardrailArn: pulumi.Output<string>;
    /** The guardrail's id. */
    public readonly guardrailId: pulumi.Output<string>;
    /** The version number. */
    public readonly guardrailVersion: pulumi.Output<string>;
    /** The cross-Region guardrail profile of the guardrail, if any. */
    public readonly crossRegion?: GuardrailProfileRegion;
    /** The hash of the content the version snapshots (also at the end of its description). */
    public readonly contentHash: pulumi.Output<string>;
    /** @internal */
    public readonly alarmLabel: string;

    constructor(
        private readonly name: string,
        /** The AWS Native resource. */
        public readonly resource: bedrock.GuardrailVersion,
        private readonly parent: Guardrail,
        private readonly iam: GuardrailIam,
    ) {
        this.guardrailArn = parent.guardrailArn;
        this.guardrailId = parent.guardrailId;
        this.guardrailVersion = resource.version;
        this.crossRegion = parent.crossRegion;
        this.contentHash = parent.contentHash;
        this.alarmLabel = name;
    }

    /** `bedrock:ApplyGuardrail` on the guardrail and its profile ARNs, `kms:Decrypt` on its key (see `Guardrail.grantApply`). */
    public grantApply(role: RoleRef, opts: GrantOptions = {}): RolePolicyGrant {
        return this.parent.grantApply(role, opts);
    }

    /** The `AWS/Bedrock/Guardrails` metric `name` of this version. */
    public metric(name: GuardrailMetricName, opts?: GuardrailMetricOptions): GuardrailMetric {
        return guardrailMetric({ component: "GuardrailVersion.metric" }, name, this.guardrailArn, this.guardrailVersion, opts);
    }

    /** A CloudWatch alarm (`<version>-<name>`, a child of the guardrail) on one of this version's metrics. */
    public addAlarm(name: string, args: GuardrailAlarmArgs, opts?: AddAlarmOptions): awsCloudwatch.MetricAlarm {
        return addGuardrailAlarm(this, "GuardrailVersion", name, args, opts, this.parent);
    }

    /** @internal */
    public guardrailAccess(): GuardrailAccess {
        return access(this.iam, guardrailIdentifierValue(this.iam.arn, symbolic(this.guardrailVersion, `guardrail-version/${this.name}`, VERSION_BOUND)));
    }
}

/** What `Guardrail.fromGuardrailAttributes` takes. */
export interface GuardrailAttributes {
    /** `arn:<partition>:bedrock:<region>:<account>:guardrail/<id>` (a guardrail of the caller's account). */
    guardrailArn: pulumi.Input<string>;
    /** The version to use: `DRAFT` (default) or a version number. */
    guardrailVersion?: pulumi.Input<string>;
    /** The guardrail's customer managed KMS key, if any: appliers get `kms:Decrypt` on it. */
    kmsKeyArn?: pulumi.Input<string>;
    /** The cross-Region guardrail profile the guardrail uses, if any: appliers get `ApplyGuardrail` on it in its Regions. */
    crossRegion?: GuardrailProfileRegion;
}

/** An existing guardrail (what `fromGuardrailAttributes` returns): it creates no resource. */
class GuardrailReference implements IGuardrail {
    readonly guardrailArn: pulumi.Output<string>;
    readonly guardrailId: pulumi.Output<string>;
    readonly guardrailVersion: pulumi.Output<string>;
    readonly crossRegion?: GuardrailProfileRegion;
    readonly alarmLabel: string;
    private readonly iam: GuardrailIam;
    private readonly identifier: string;
    private readonly where: Where;

    constructor(attrs: GuardrailAttributes, provider?: pulumi.ProviderResource) {
        const where: Where = { component: "Guardrail.fromGuardrailAttributes" };
        this.where = where;
        checkArgs(where, attrs);
        const arn = checkString(where, "guardrailArn", attrs.guardrailArn, { max: 2048, pattern: GUARDRAIL_ARN, patternText: "a guardrail ARN" });
        const version = checkString(where, "guardrailVersion", attrs.guardrailVersion ?? "DRAFT", {
            pattern: VERSION,
            patternText: "DRAFT or a version number",
        });
        const geo = checkProfile(where, attrs.crossRegion);
        const keyArn = attrs.kmsKeyArn === undefined ? undefined : keyArnOf(where, "kmsKeyArn", attrs.kmsKeyArn);
        const ctx: CallerContext = callerContext({ provider });
        const parsed = typeof arn === "string" ? parseArn(arn) : undefined;
        const id = typeof arn === "string" ? (parsed as NonNullable<typeof parsed>).resourceId : undefined;
        this.alarmLabel = id !== undefined ? `guardrail-${id}` : "imported-guardrail";
        if (geo !== undefined && parsed !== undefined) {
            checkProfileSource(where, "crossRegion", geo, parsed.region);
            if (partitionOfRegion(parsed.region) !== geo.partition)
                fail(where, "crossRegion", geo.profileId, `lives in the ${geo.partition} partition, not ${parsed.partition}`);
        }
        this.guardrailArn = pulumi.output(arn).apply((a) => {
            if (geo !== undefined && typeof arn !== "string") checkProfileSource(where, "crossRegion", geo, parseArn(a)?.region ?? "");
            return a;
        });
        this.guardrailId = this.guardrailArn.apply((a) => a.split("/").pop() as string);
        this.guardrailVersion = pulumi.output(version);
        this.crossRegion = geo;
        const symArn = typeof arn === "string" ? arn : symbolic(this.guardrailArn, `guardrail/${this.alarmLabel}`, GUARDRAIL_ARN_BOUND);
        // A version known only at deploy may be DRAFT: the identifier is then computed whole.
        this.identifier =
            typeof version === "string"
                ? guardrailIdentifierValue(symArn, version)
                : symbolic(
                      pulumi.all([this.guardrailArn, version]).apply(([a, v]) => guardrailIdentifierValue(a, v)),
                      `guardrail-identifier/${this.alarmLabel}`,
                      GUARDRAIL_ARN_BOUND + 1 + VERSION_BOUND,
                  );
        this.iam = {
            arn: symArn,
            profileArns: geo === undefined ? [] : profileArnsOf(geo, parsed?.region, parsed?.account ?? ctx.sym.account),
            keyArn:
                keyArn === undefined
                    ? undefined
                    : typeof keyArn === "string"
                      ? keyArn
                      : symbolic(keyArn, `guardrail-kms-key/${this.alarmLabel}`, KMS_ARN_BOUND),
        };
    }

    grantApply(role: RoleRef, opts: GrantOptions = {}): RolePolicyGrant {
        return grantStatements(role, this.guardrailAccess().apply, {
            ...opts,
            where: { component: "Guardrail", name: this.alarmLabel },
            argName: "grantApply(role)",
        });
    }

    metric(name: GuardrailMetricName, opts?: GuardrailMetricOptions): GuardrailMetric {
        return guardrailMetric({ component: "Guardrail.metric" }, name, this.guardrailArn, this.guardrailVersion, opts);
    }

    addAlarm(name: string, args: GuardrailAlarmArgs, opts?: AddAlarmOptions): awsCloudwatch.MetricAlarm {
        return addGuardrailAlarm(this, this.where.component, name, args, opts, undefined);
    }

    guardrailAccess(): GuardrailAccess {
        return access(this.iam, this.identifier);
    }
}
