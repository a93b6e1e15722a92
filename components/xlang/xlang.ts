/**
 * Cross-language components: the same profiles and grants with arguments Pulumi's schema analyzer
 * accepts (no unions, intersections or functions), for Python, Go, .NET, Java and YAML programs
 * through the component provider in `provider/`. Models are model id strings, geographies their
 * profile prefix (`us`, `eu`, ...), sources and profiles ARNs, tags a map, and grants become
 * arguments (`invokeRoleNames`, `usageRoleNames`) or a `ModelGrant` component, since methods are not
 * exposed across languages.
 *
 * Each component wraps the TypeScript component of the same purpose as its child, so validation,
 * ARNs and IAM statements are the same in every language.
 */
import * as pulumi from "@pulumi/pulumi";
import { invokeStatements, usageStatements } from "../iam/access";
import { ApplicationInferenceProfile } from "../profiles/application-profile";
import { roleNameFromArn } from "../catalog/arns";
import { CrossRegionInferenceProfile, type ICrossRegionInferenceProfile } from "../profiles/cross-region-profile";
import { BedrockFoundationModel } from "../catalog/foundation-model";
import { CrossRegionInferenceProfileRegion } from "../catalog/geographies";
import { grantInvokeTo, grantStatements, grantUsageTo, type Grantee, type RolePolicyGrant } from "../iam/grants";
import { addToRoleAccess } from "../iam/access-set";
import { objectId, type ResolvedRole } from "../iam/roles";
import { perProgram } from "../core/program-state";
import { checkArgs, fail, type Where } from "../core/validation";
import { ROLE_NAME } from "../iam/roles";

/** Arguments of `CrossRegionProfile`. */
export interface CrossRegionProfileArgs {
    /**
     * The geography, as its profile id prefix: `us`, `eu`, `apac`, `global`, `us-gov`, `jp`, `au` or
     * `ca` (the TypeScript `CrossRegionInferenceProfileRegion`).
     */
    geography: string;
    /**
     * The foundation model id, e.g. `anthropic.claude-3-5-sonnet-20241022-v2:0`. Catalog models are
     * checked for cross-region support in the geography; other ids are taken as supporting it.
     */
    modelId: string;
    /** Regions the profile routes to, narrowing or extending the geography's default set. */
    destinationRegions?: string[];
    /** Roles (names or ARNs) allowed to invoke the model through this profile (`grantInvoke`). */
    invokeRoleNames?: pulumi.Input<string>[];
    /** Roles (names or ARNs) allowed `bedrock:GetInferenceProfile` on it and `bedrock:ListInferenceProfiles`. */
    usageRoleNames?: pulumi.Input<string>[];
}

/**
 * A system-defined cross-region inference profile (`<prefix>.<modelId>`) with optional grants. It
 * creates no Bedrock resource: AWS defines the profile. Cross-language form of
 * `CrossRegionInferenceProfile`.
 */
export class CrossRegionProfile extends pulumi.ComponentResource {
    /** `<prefix>.<modelId>`, e.g. `us.anthropic.claude-3-5-sonnet-20241022-v2:0`. */
    public readonly inferenceProfileId: pulumi.Output<string>;
    /** `arn:<partition>:bedrock:<region>:<account>:inference-profile/<id>` in the caller's Region and account. */
    public readonly inferenceProfileArn: pulumi.Output<string>;
    /** Regions the profile routes to. */
    public readonly destinationRegions: pulumi.Output<string[]>;
    /** The role policies the grants attached (inline policy names, or managed policy ARNs). */
    public readonly grantedPolicies: pulumi.Output<string[]>;

    constructor(name: string, args: CrossRegionProfileArgs, opts?: pulumi.ComponentResourceOptions) {
        const where = { component: "CrossRegionProfile", name };
        checkArgs(where, args);
        const geoRegion = geographyOf(where, "geography", args.geography);
        const model = modelOf(where, "modelId", args.modelId, true);
        const invokeRoles = checkRoles(where, "invokeRoleNames", args.invokeRoleNames);
        const usageRoles = checkRoles(where, "usageRoleNames", args.usageRoleNames);
        super("bedrock-genai:index:CrossRegionProfile", name, {}, opts);
        const profile = new CrossRegionInferenceProfile(name, { geoRegion, model, destinationRegions: args.destinationRegions }, { parent: this });
        const granted = [...grantRoles(name, "invoke", profile, invokeRoles, this, true), ...grantRoles(name, "usage", profile, usageRoles, this, true)];
        this.inferenceProfileId = profile.inferenceProfileId;
        this.inferenceProfileArn = profile.inferenceProfileArn;
        this.destinationRegions = profile.destinationRegions;
        this.grantedPolicies = policyIds(granted);
        this.registerOutputs({
            inferenceProfileId: this.inferenceProfileId,
            inferenceProfileArn: this.inferenceProfileArn,
            destinationRegions: this.destinationRegions,
            grantedPolicies: this.grantedPolicies,
        });
    }
}

/** Arguments of `ApplicationProfile`. Set exactly one of `modelId` and `copyFrom`. */
export interface ApplicationProfileArgs {
    /** The profile's name: 1-64 characters, `^([0-9a-zA-Z][ _-]?)+$` (CloudFormation `InferenceProfileName`). */
    inferenceProfileName: pulumi.Input<string>;
    /**
     * The model to copy: a foundation model id. With `geography`, the profile copies that geography's
     * cross-region profile (its Regions); without, the model in the caller's Region.
     */
    modelId?: string;
    /** With `modelId`: the geography prefix of the cross-region profile to copy (`us`, `eu`, ...). */
    geography?: string;
    /**
     * The ARN to copy instead of `modelId`: a foundation model
     * (`arn:<partition>:bedrock:<region>::foundation-model/<id>`) or a system-defined profile
     * (`arn:<partition>:bedrock:<region>:<account>:inference-profile/<prefix>.<id>`) (CloudFormation
     * `ModelSource.CopyFrom`).
     */
    copyFrom?: string;
    /** 1-200 characters (CloudFormation `Description`). */
    description?: pulumi.Input<string>;
    /** Tags (at most 200; CloudFormation `Tags`), e.g. a tenant or cost-centre tag for cost allocation. */
    tags?: Record<string, pulumi.Input<string>>;
    /** Roles (names or ARNs) allowed to invoke through the profile (`grantInvoke`). */
    invokeRoleNames?: pulumi.Input<string>[];
    /** Roles (names or ARNs) allowed `bedrock:GetInferenceProfile` on it and `bedrock:ListInferenceProfiles`. */
    usageRoleNames?: pulumi.Input<string>[];
}

/**
 * An application inference profile (AWS Native `bedrock.ApplicationInferenceProfile`) with optional
 * grants: tracks the cost and usage of a model or cross-region profile under your own name and tags.
 * Every argument but `tags` and the grants replaces the profile when changed. Cross-language form of
 * `ApplicationInferenceProfile`.
 */
export class ApplicationProfile extends pulumi.ComponentResource {
    /** The profile's ARN (CloudFormation `InferenceProfileArn`). */
    public readonly inferenceProfileArn: pulumi.Output<string>;
    /** The service-generated id (CloudFormation `InferenceProfileId`). */
    public readonly inferenceProfileId: pulumi.Output<string>;
    /** The identifier to invoke with (CloudFormation `InferenceProfileIdentifier`). */
    public readonly inferenceProfileIdentifier: pulumi.Output<string>;
    /** The role policies the grants attached (inline policy names, or managed policy ARNs). */
    public readonly grantedPolicies: pulumi.Output<string[]>;

    constructor(name: string, args: ApplicationProfileArgs, opts?: pulumi.ComponentResourceOptions) {
        const where = { component: "ApplicationProfile", name };
        checkArgs(where, args);
        if ((args.modelId === undefined) === (args.copyFrom === undefined)) {
            fail(where, "modelId", args.modelId, "must be set, or copyFrom instead: set exactly one of modelId and copyFrom");
        }
        if (args.geography !== undefined && args.modelId === undefined) {
            fail(where, "geography", args.geography, "needs modelId (copyFrom names its source completely)");
        }
        if (args.copyFrom !== undefined && typeof args.copyFrom !== "string") fail(where, "copyFrom", args.copyFrom, "must be an ARN string");
        if (args.tags !== undefined && (typeof args.tags !== "object" || args.tags === null || Array.isArray(args.tags))) {
            fail(where, "tags", args.tags, "must be a map of tag keys to values");
        }
        const model = args.modelId === undefined ? undefined : modelOf(where, "modelId", args.modelId, args.geography !== undefined);
        const geoRegion = args.geography === undefined ? undefined : geographyOf(where, "geography", args.geography);
        const invokeRoles = checkRoles(where, "invokeRoleNames", args.invokeRoleNames);
        const usageRoles = checkRoles(where, "usageRoleNames", args.usageRoleNames);
        super("bedrock-genai:index:ApplicationProfile", name, {}, opts);
        const modelSource: BedrockFoundationModel | ICrossRegionInferenceProfile | string =
            model === undefined
                ? (args.copyFrom as string)
                : geoRegion === undefined
                  ? model
                  : new CrossRegionInferenceProfile(`${name}-source`, { geoRegion, model }, { parent: this });
        const profile = new ApplicationInferenceProfile(
            name,
            { inferenceProfileName: args.inferenceProfileName, modelSource, description: args.description, tags: args.tags },
            { parent: this },
        );
        const granted = [...grantRoles(name, "invoke", profile, invokeRoles, this, true), ...grantRoles(name, "usage", profile, usageRoles, this, true)];
        this.inferenceProfileArn = profile.inferenceProfileArn;
        this.inferenceProfileId = profile.inferenceProfileId;
        this.inferenceProfileIdentifier = profile.inferenceProfileIdentifier;
        this.grantedPolicies = policyIds(granted);
        this.registerOutputs({
            inferenceProfileArn: this.inferenceProfileArn,
            inferenceProfileId: this.inferenceProfileId,
            inferenceProfileIdentifier: this.inferenceProfileIdentifier,
            grantedPolicies: this.grantedPolicies,
        });
    }
}

/** Arguments of `ModelGrant`. Set exactly one of `modelId` and `applicationInferenceProfileArn`. */
export interface ModelGrantArgs {
    /** The role to grant to: its name or ARN (e.g. a role created in the same program). */
    roleName: pulumi.Input<string>;
    /**
     * A foundation model id: the grant covers the model in the caller's Region, or, with `geography`,
     * the model through that geography's cross-region profile.
     */
    modelId?: string;
    /** With `modelId`: the geography prefix of the cross-region profile (`us`, `eu`, `apac`, `global`, ...). */
    geography?: string;
    /**
     * An existing application inference profile's ARN instead of `modelId`. Invoke is then allowed on
     * the profile and any model reached through it (the model behind it is not known here).
     */
    applicationInferenceProfileArn?: pulumi.Input<string>;
    /** Grant invoke (`bedrock:InvokeModel`, `bedrock:InvokeModelWithResponseStream`). Default `true`. */
    invoke?: boolean;
    /**
     * Grant profile usage (`bedrock:GetInferenceProfile` on the profile, `bedrock:ListInferenceProfiles`).
     * Default `false`; not available for a bare foundation model (it is not a profile).
     */
    profileUsage?: boolean;
}

/**
 * Grants an IAM role least-privilege access to a foundation model, a cross-region profile or an
 * application profile by attaching role policies: the cross-language form of `grantInvoke` and
 * `grantProfileUsage`.
 */
export class ModelGrant extends pulumi.ComponentResource {
    /** The role policies attached (inline policy names, or managed policy ARNs). */
    public readonly grantedPolicies: pulumi.Output<string[]>;

    constructor(name: string, args: ModelGrantArgs, opts?: pulumi.ComponentResourceOptions) {
        const where = { component: "ModelGrant", name };
        checkArgs(where, args);
        const [role] = checkRoles(where, "roleName", [args.roleName], "roleName");
        if (role === undefined) fail(where, "roleName", args.roleName, "is required");
        if ((args.modelId === undefined) === (args.applicationInferenceProfileArn === undefined)) {
            fail(where, "modelId", args.modelId, "must be set, or applicationInferenceProfileArn instead: set exactly one of them");
        }
        if (args.geography !== undefined && args.modelId === undefined) {
            fail(where, "geography", args.geography, "needs modelId");
        }
        const invoke = args.invoke ?? true;
        const usage = args.profileUsage ?? false;
        if (typeof invoke !== "boolean") fail(where, "invoke", invoke, "must be a boolean");
        if (typeof usage !== "boolean") fail(where, "profileUsage", usage, "must be a boolean");
        if (!invoke && !usage) fail(where, "invoke", invoke, "is false and profileUsage is not set: the grant would allow nothing");
        const geoRegion = args.geography === undefined ? undefined : geographyOf(where, "geography", args.geography);
        const model = args.modelId === undefined ? undefined : modelOf(where, "modelId", args.modelId, geoRegion !== undefined);
        if (usage && model !== undefined && geoRegion === undefined) {
            fail(where, "profileUsage", usage, "needs a profile: a foundation model without geography is not an inference profile");
        }
        let grantee: Grantee;
        if (args.applicationInferenceProfileArn !== undefined) {
            const arn = args.applicationInferenceProfileArn;
            // Validates a known ARN synchronously, with the TypeScript import's message.
            grantee = ApplicationInferenceProfile.fromApplicationInferenceProfileAttributes({ inferenceProfileArn: arn, inferenceProfileIdentifier: arn });
        } else if (geoRegion !== undefined) {
            grantee = CrossRegionInferenceProfile.fromConfig({ geoRegion, model: model as BedrockFoundationModel });
        } else {
            grantee = model as BedrockFoundationModel;
        }
        super("bedrock-genai:index:ModelGrant", name, {}, opts);
        const granted = [
            ...(invoke ? grantRoles(name, "invoke", grantee, [role], this, false, name) : []),
            ...(usage ? grantRoles(name, "usage", grantee, [role], this, false, name) : []),
        ];
        this.grantedPolicies = policyIds(granted);
        this.registerOutputs({ grantedPolicies: this.grantedPolicies });
    }
}

const ROLE_RULE = "is not an IAM role name (1-64 characters of letters, digits and +=,.@_-) or role ARN (arn:<partition>:iam::<account>:role/<name>)";

/** The role name in `value` (a name or ARN), or undefined when it is neither. */
function roleNameOf(value: string): string | undefined {
    if (value.startsWith("arn:")) return roleNameFromArn(value);
    return ROLE_NAME.test(value) ? value : undefined;
}

/** Checks a list of role names/ARNs; known strings synchronously, outputs at deploy time. */
function checkRoles(where: Where, argument: string, roles: pulumi.Input<string>[] | undefined, single?: string): pulumi.Input<string>[] {
    if (roles === undefined) return [];
    if (!Array.isArray(roles)) fail(where, argument, roles, "must be a list of IAM role names or ARNs");
    return roles.map((r, i) => {
        const arg = single ?? `${argument}[${i}]`;
        if (r === undefined || r === null) return fail(where, arg, r, "is required");
        if (typeof r === "string") {
            if (roleNameOf(r) === undefined) fail(where, arg, r, ROLE_RULE);
            return r;
        }
        if (pulumi.Output.isInstance(r) || r instanceof Promise) {
            return pulumi.output(r).apply((v) => {
                if (typeof v !== "string" || roleNameOf(v) === undefined) fail(where, arg, v, ROLE_RULE);
                return v;
            });
        }
        return fail(where, arg, r, "must be an IAM role name or ARN");
    });
}

/** The geography with profile prefix `prefix`; throws listing the prefixes otherwise. */
function geographyOf(where: Where, argument: string, prefix: unknown): CrossRegionInferenceProfileRegion {
    const geo = typeof prefix === "string" ? CrossRegionInferenceProfileRegion.fromPrefix(prefix) : undefined;
    if (!geo) {
        const known = CrossRegionInferenceProfileRegion.values().map((g) => g.prefix);
        return fail(where, argument, prefix, `must be one of ${known.map((p) => JSON.stringify(p)).join(", ")}`);
    }
    return geo;
}

/** The catalog model with `modelId`, or a new model taken as supporting cross-region inference when asked. */
function modelOf(where: Where, argument: string, modelId: unknown, crossRegion: boolean): BedrockFoundationModel {
    if (typeof modelId !== "string" || !/^[a-z0-9-]+\.[A-Za-z0-9._:-]+$/.test(modelId)) {
        return fail(where, argument, modelId, 'is not a Bedrock model id (<provider>.<model>, e.g. "anthropic.claude-3-haiku-20240307-v1:0")');
    }
    return BedrockFoundationModel.lookup(modelId) ?? new BedrockFoundationModel(modelId, { supportsCrossRegion: crossRegion });
}

/**
 * Roles known only at deploy time, by the role input object: the same input granted twice (a
 * `ModelGrant`'s invoke and usage) is one role with one access set, whose inline budget and merged
 * document cover both grants. Identified by the object, never by a name, so two components' roles
 * never share a set.
 */
const deployTimeRoles = perProgram(() => new WeakMap<object, ResolvedRole>());

/**
 * Grants each role `kind` on `grantee`. With `viaGrant` (the grantee is the component's own child),
 * known names and ARNs go through the TypeScript grant: same policy names as `grantInvoke`, granted
 * once. Otherwise, and for names known only at deploy time, each role's policies are named after the
 * component: `<label>-bedrock` (`label`: a component with one role), else `<component>-<kind>-<index>-bedrock`.
 */
function grantRoles(
    component: string,
    kind: "invoke" | "usage",
    grantee: Grantee,
    roles: pulumi.Input<string>[],
    parent: pulumi.Resource,
    viaGrant: boolean,
    label?: string,
): RolePolicyGrant[] {
    const opts = { parent: grantee.grantParent ?? parent };
    return roles.map((role, i) => {
        if (typeof role === "string" && viaGrant) return kind === "invoke" ? grantInvokeTo(grantee, role, opts) : grantUsageTo(grantee, role, opts);
        const target = grantee.accessTarget({ parent: opts.parent });
        const statements = kind === "invoke" ? invokeStatements(target) : usageStatements(target);
        const known = typeof role === "string" ? roleNameOf(role) : undefined;
        if (known) return grantStatements(known, statements, { ...opts, where: { component, name: component } });
        // A role name known only at deploy: its own access set, named after the component.
        let resolved = deployTimeRoles().get(role as object);
        if (!resolved) {
            const roleName = pulumi.output(role).apply((v) => roleNameOf(v) as string);
            resolved = { key: label ?? `${component}-${kind}-${i}`, id: `output:${objectId(role as object)}`, name: roleName, ownManagedPolicies: 0 };
            deployTimeRoles().set(role as object, resolved);
        }
        return addToRoleAccess(resolved, statements, { component, name: component }, opts.parent);
    });
}

/** The ids of the attached policies (inline policy names and managed policy ARNs; attachments omitted), each once. */
function policyIds(granted: RolePolicyGrant[]): pulumi.Output<string[]> {
    return pulumi.all(granted).apply((lists) => {
        const ids = [...new Set(lists.flat())]
            .filter((r) => !(r as { policyArn?: unknown }).policyArn)
            .map((r) => ((r as { arn?: pulumi.Output<string> }).arn ?? (r as unknown as { name: pulumi.Output<string> }).name) as pulumi.Output<string>);
        return pulumi.all(ids);
    });
}
