/**
 * Intelligent prompt routing: AWS's default prompt routers (`PromptRouter.fromDefaultId`) and custom
 * routers (`new PromptRouter`, AWS Native's `bedrock.IntelligentPromptRouter`).
 *
 * A router is invokable: it is accepted wherever a model is (prompt variants), except as the source of
 * an application profile (CloudFormation's `ModelSource.CopyFrom` cannot take a router).
 *
 * Facts: AWS's prompt-routing page (supported Regions and models, default and configured routers,
 * https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-routing.html), its IAM needs
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-routing-permissions.html), and the
 * `AWS::Bedrock::IntelligentPromptRouter` resource
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-bedrock-intelligentpromptrouter.html).
 */
import * as pulumi from "@pulumi/pulumi";
import * as bedrock from "@pulumi/aws-native/bedrock";
import type { ApplicationProfileTarget, FoundationModelTarget, PromptRouterTarget, SystemProfileTarget } from "../iam/access";
import { defaultPromptRouterArn, foundationModelArn, promptRouterArn, systemProfileArn } from "../catalog/arns";
import { ACCOUNT_ID_LENGTH, callerContext, MAX_PARTITION_LENGTH, MAX_REGION_LENGTH } from "../core/context";
import { BedrockFoundationModel } from "../catalog/foundation-model";
import { partitionOfRegion, routerGeographyOfRegion } from "../catalog/geographies";
import { grantInvokeTo, type InvokeGrantOptions, type RoleRef, type RolePolicyGrant } from "../iam/grants";
import { checkAnthropicOnly, checkTopK, validateInferenceConfiguration, type InferenceConfiguration } from "../core/inference-configuration";
import { foundationModelOf, isInvokable, type IInvokable } from "../iam/invokable";
import { symbolic } from "../core/symbols";
import { addProfileAlarm, profileMetric, type AddAlarmOptions, type IUsageMetered } from "../usage/profile-usage";
import type { BedrockMetricName, MetricOptions } from "../usage/metrics";
import type { ProfileAlarmArgs } from "../usage/alarm-args";
import { checkArgs, checkNumber, checkString, fail, memberRule, normalizeTags, type Tags, type Where } from "../core/validation";
import { resourceName } from "../core/resource-name";
import { PROFILE_DESCRIPTION_RULE, PROFILE_NAME_RULE, REGION_PATTERN } from "../core/rules";

/** AWS's prompt-routing page: the Regions where each model's profile supports prompt routing. */
export const PROMPT_ROUTING_URL = "https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-routing.html";

/**
 * The identifier of one of AWS's default prompt routers, the catalog models it routes between, and the
 * Regions where it exists. Use the static members.
 */
export class DefaultPromptRouterIdentifier {
    /**
     * `anthropic.claude:1`: routes between Claude 3 Haiku and Claude 3.5 Sonnet (v1). Regions: where
     * AWS's prompt-routing page lists the inference profiles of both models
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-routing.html).
     */
    public static readonly ANTHROPIC_CLAUDE_V1 = new DefaultPromptRouterIdentifier(
        "ANTHROPIC_CLAUDE_V1",
        "anthropic.claude:1",
        [BedrockFoundationModel.ANTHROPIC_CLAUDE_HAIKU_V1_0, BedrockFoundationModel.ANTHROPIC_CLAUDE_3_5_SONNET_V1_0],
        [
            "us-east-1",
            "us-east-2",
            "us-west-2",
            "ap-northeast-1",
            "ap-northeast-2",
            "ap-south-1",
            "ap-southeast-2",
            "eu-central-1",
            "eu-west-1",
            "eu-west-3",
            "us-gov-east-1",
        ],
        "https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-routing.html",
    );
    /**
     * `meta.llama:1`: routes between Llama 3.1 8B Instruct and Llama 3.1 70B Instruct. Regions: the US
     * Regions AWS's prompt-routing page lists for the Llama 3.1 profiles
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-routing.html).
     */
    public static readonly META_LLAMA_3_1 = new DefaultPromptRouterIdentifier(
        "META_LLAMA_3_1",
        "meta.llama:1",
        [BedrockFoundationModel.META_LLAMA_3_1_8B_INSTRUCT_V1, BedrockFoundationModel.META_LLAMA_3_1_70B_INSTRUCT_V1],
        ["us-east-1", "us-east-2", "us-west-2"],
        "https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-routing.html",
    );
    /**
     * `amazon.nova:1`: routes between Nova Lite and Nova Pro. No AWS page we found names a default Nova
     * router (the AWS CDK's `DefaultPromptRouterIdentifier` has only the Anthropic and Llama ones); the
     * Regions accepted are those where AWS's prompt-routing page lists the inference profiles of both
     * Nova Lite and Nova Pro as supporting prompt routing
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-routing.html), the only Regions where a
     * Nova router could route through its models' profiles.
     */
    public static readonly AMAZON_NOVA_V1 = new DefaultPromptRouterIdentifier(
        "AMAZON_NOVA_V1",
        "amazon.nova:1",
        [BedrockFoundationModel.AMAZON_NOVA_LITE_V1, BedrockFoundationModel.AMAZON_NOVA_PRO_V1],
        ["us-east-1", "us-east-2", "us-west-2", "ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-2", "eu-central-1", "eu-west-1", "eu-west-3"],
        "https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-routing.html (Nova Lite and Nova Pro rows; no page names the default router)",
    );

    /** Every default router, in declaration order. */
    public static values(): DefaultPromptRouterIdentifier[] {
        return [DefaultPromptRouterIdentifier.ANTHROPIC_CLAUDE_V1, DefaultPromptRouterIdentifier.META_LLAMA_3_1, DefaultPromptRouterIdentifier.AMAZON_NOVA_V1];
    }

    /** The models the router routes between. */
    public readonly routingModels: readonly BedrockFoundationModel[];
    /** The Regions where the router exists, as the cited page lists them. */
    public readonly regions: readonly string[];

    private constructor(
        /** The member's name (`ANTHROPIC_CLAUDE_V1`). */
        public readonly name: string,
        /** The router id in its ARN (`anthropic.claude:1`). */
        public readonly promptRouterId: string,
        routingModels: BedrockFoundationModel[],
        regions: string[],
        /** The page the Regions come from. */
        public readonly source: string,
    ) {
        this.routingModels = Object.freeze([...routingModels]);
        this.regions = Object.freeze([...regions]);
    }

    /** The router id, e.g. `anthropic.claude:1`. */
    public toString(): string {
        return this.promptRouterId;
    }
}

/** What a default router reference and a custom router both offer. */
export interface IPromptRouter extends IInvokable, IUsageMetered {
    /** The router's ARN (`...:default-prompt-router/<id>` or `...:prompt-router/<id>`). */
    readonly promptRouterArn: pulumi.Output<string>;
    /** The catalog models the router routes between, where known before deploy. */
    readonly routingModels: readonly BedrockFoundationModel[];
    /** Inference settings prompt variants using the router inherit unless they set their own. */
    readonly inferenceConfiguration?: InferenceConfiguration;
    accessTarget(): PromptRouterTarget;
    /**
     * Lets `role` run inference through the router: `bedrock:InvokeModel` and
     * `bedrock:InvokeModelWithResponseStream` on the router and `bedrock:GetPromptRouter` on it, plus
     * invoke on each routed model through its profile (as that profile's `grantInvoke` allows).
     */
    grantInvoke(role: RoleRef, opts?: InvokeGrantOptions): RolePolicyGrant;
}

/** Options of `PromptRouter.fromDefaultId`. */
export interface DefaultPromptRouterOptions {
    /** Inference settings prompt variants using the router inherit unless they set their own. */
    inferenceConfiguration?: InferenceConfiguration;
    /** The AWS Native provider whose account the router's ARN is in (default: the default provider). */
    provider?: pulumi.ProviderResource;
}

/** A default router in one Region: a reference, creates nothing. */
class DefaultPromptRouter implements IPromptRouter {
    readonly promptRouterArn: pulumi.Output<string>;
    readonly routingModels: readonly BedrockFoundationModel[];
    readonly inferenceConfiguration?: InferenceConfiguration;
    /** The router id (`anthropic.claude:1`). */
    readonly promptRouterId: string;
    /** The Region the router is called in. */
    readonly region: string;
    private readonly target: PromptRouterTarget;

    constructor(id: DefaultPromptRouterIdentifier, region: string, opts: DefaultPromptRouterOptions) {
        const where: Where = { component: "PromptRouter.fromDefaultId" };
        if (!(id instanceof DefaultPromptRouterIdentifier)) {
            fail(where, "defaultRouter", id, memberRule("DefaultPromptRouterIdentifier", DefaultPromptRouterIdentifier.values()));
        }
        if (typeof region !== "string" || !REGION_PATTERN.test(region)) fail(where, "region", region, "is not a Region name (e.g. us-east-1)");
        if (!id.regions.includes(region)) {
            fail(where, "region", region, `has no ${id.name} default router (${id.promptRouterId}): it exists in ${id.regions.join(", ")} (${id.source})`);
        }
        const geo = routerGeographyOfRegion(region);
        if (geo === undefined) {
            fail(where, "region", region, "is in no geography whose profiles a default router routes through (us-*, eu-*, ap-*, us-gov-* Regions)");
        }
        for (const m of id.routingModels) {
            if (!m.hasProfileIn(geo.prefix))
                fail(where, "region", region, `maps to the ${geo.prefix} geography, where ${m.modelId} has no cross-region profile`);
        }
        this.inferenceConfiguration = validateInferenceConfiguration(where, "inferenceConfiguration", opts.inferenceConfiguration);
        checkAnthropicOnly(where, "inferenceConfiguration", this.inferenceConfiguration, id.routingModels);
        checkTopK(where, "inferenceConfiguration", this.inferenceConfiguration, id.routingModels);
        this.promptRouterId = id.promptRouterId;
        this.region = region;
        this.routingModels = id.routingModels;
        const ctx = callerContext({ provider: opts.provider });
        if (ctx.knownRegion !== undefined && ctx.knownRegion !== region) {
            void pulumi.log.warn(
                `PromptRouter.fromDefaultId: region ${JSON.stringify(region)} differs from the provider's Region ${ctx.knownRegion}: prompts and agents in ${ctx.knownRegion} cannot use a router in ${region}`,
            );
        }
        const partition = partitionOfRegion(region);
        this.promptRouterArn = ctx.account.apply((a) => defaultPromptRouterArn(partition, region, a, id.promptRouterId));
        const account = ctx.sym.account;
        const routed: SystemProfileTarget[] = id.routingModels.map((m) => {
            const profileId = `${geo.prefix}.${m.modelId}`;
            return {
                kind: "system-profile",
                arn: systemProfileArn(partition, region, account, profileId),
                partition,
                sourceRegion: region,
                modelId: m.modelId,
                destinationRegions: geo.destinationsFrom(region) ?? geo.destinationRegions,
                global: false,
            };
        });
        this.target = { kind: "prompt-router", arn: defaultPromptRouterArn(partition, region, account, id.promptRouterId), routed };
    }

    get invokableArn(): pulumi.Output<string> {
        return this.promptRouterArn;
    }

    accessTarget(): PromptRouterTarget {
        return this.target;
    }

    grantName(): string {
        return `router-${this.promptRouterId}-${this.region}`.replace(/[^A-Za-z0-9-]/g, "-");
    }

    grantInvoke(role: RoleRef, opts?: InvokeGrantOptions): RolePolicyGrant {
        return grantInvokeTo(this, role, opts);
    }

    /** The `AWS/Bedrock` metric `name` of calls through this router (dimension `ModelId`). */
    metric(name: BedrockMetricName, opts?: MetricOptions) {
        return profileMetric(this, "PromptRouter", name, opts);
    }

    /** A CloudWatch alarm on one of this router's metrics. */
    addAlarm(name: string, args: ProfileAlarmArgs, opts?: AddAlarmOptions) {
        return addProfileAlarm(this, "PromptRouter", name, args, opts);
    }
}

/** Arguments of `PromptRouter`. Every argument but `tags` replaces the router when changed. */
export interface PromptRouterArgs {
    /** 1-64 characters, `^([0-9a-zA-Z][ _-]?)+$` (CloudFormation `PromptRouterName`). */
    promptRouterName: pulumi.Input<string>;
    /**
     * Exactly two models of one family (e.g. two Claude models, two Llama models): foundation models,
     * cross-region profiles or application profiles (CloudFormation `Models`). Not routers.
     */
    models: IInvokable[];
    /** The model used when the routing criteria are not met: one of `models` (CloudFormation `FallbackModel`). */
    fallbackModel: IInvokable;
    /**
     * How much better (in percent, 0..100) the larger model's expected response must be for the router
     * to choose it (CloudFormation `RoutingCriteria.ResponseQualityDifference`).
     */
    responseQualityDifference: pulumi.Input<number>;
    /** 1-200 characters, `^([0-9a-zA-Z:.][ _-]?)+$` (CloudFormation `Description`). */
    description?: pulumi.Input<string>;
    /** Tags as a map or a list of `{ key, value }` (at most 200). The only argument updated in place. */
    tags?: Tags;
    /** Inference settings prompt variants using the router inherit unless they set their own (not sent to AWS). */
    inferenceConfiguration?: InferenceConfiguration;
}

/** A bound on custom router ids (service-generated; 12 characters seen), with a margin. */
const ROUTER_ID_BOUND = 32;

/**
 * The model family of a catalog model: its provider and the leading letters of its name
 * (`anthropic.claude`, `meta.llama`, `amazon.nova`).
 */
export function modelFamily(model: BedrockFoundationModel): string {
    const name = model.modelId.slice(model.provider.length + 1);
    const m = /^[a-z]+/.exec(name);
    return `${model.provider}.${m ? m[0] : name}`;
}

/** Whether `v` is a prompt router (default or custom). */
export function isPromptRouter(v: unknown): v is IPromptRouter {
    return isInvokable(v) && !(v instanceof BedrockFoundationModel) && v.accessTarget().kind === "prompt-router";
}

/** A key telling two router models apart before deploy: the catalog model and how it is reached. */
function modelKey(m: IInvokable): unknown {
    if (m instanceof BedrockFoundationModel) return `model:${m.modelId}`;
    const t = m.accessTarget();
    // A system profile is named by its id (`us.<modelId>`), whichever object refers to it.
    if (t.kind === "system-profile") return `profile:${t.arn.slice(t.arn.lastIndexOf("inference-profile/"))}`;
    return m;
}

/** Validates the models of a custom router; returns the index of the fallback model. */
function validateModels(where: Where, models: unknown, fallback: unknown): number {
    if (!Array.isArray(models) || models.length !== 2) {
        fail(where, "models", Array.isArray(models) ? `${models.length} models` : models, "must be a list of exactly two models of one family");
    }
    models.forEach((m, i) => {
        if (!isInvokable(m)) fail(where, `models[${i}]`, m, "must be a foundation model, a cross-region profile or an application profile");
        if (isPromptRouter(m)) fail(where, `models[${i}]`, "<PromptRouter>", "cannot be a prompt router: a router routes between models and profiles");
    });
    const known = models.map((m) => foundationModelOf(m));
    if (known[0] && known[1]) {
        const families = known.map((k) => modelFamily(k as BedrockFoundationModel));
        if (families[0] !== families[1]) {
            fail(
                where,
                "models",
                known.map((k) => k!.modelId),
                `must be of one family (found ${families.join(" and ")})`,
            );
        }
    }
    const keys = models.map((m) => modelKey(m as IInvokable));
    if (keys[0] === keys[1]) fail(where, "models[1]", known[1]?.modelId ?? "<model>", "is the same as models[0]: a router needs two different models");
    if (!isInvokable(fallback)) fail(where, "fallbackModel", fallback, "must be one of models");
    const index = keys.indexOf(modelKey(fallback));
    if (index < 0) {
        const f = foundationModelOf(fallback);
        fail(where, "fallbackModel", f ? f.modelId : "<model>", "must be one of models");
    }
    return index;
}

/**
 * A custom prompt router (`AWS::Bedrock::IntelligentPromptRouter`): it routes each request to one of
 * two models of one family, by predicted response quality, falling back to `fallbackModel`.
 *
 * Every property but `tags` is create-only in CloudFormation: changing the name, models, fallback
 * model, quality difference or description replaces the router (a new ARN; prompts using it are
 * updated to the new ARN).
 *
 * Use `PromptRouter.fromDefaultId` for AWS's default routers.
 */
export class PromptRouter extends pulumi.ComponentResource implements IPromptRouter {
    /**
     * A reference to AWS's default router `defaultRouter` in `region` (creates nothing). Its ARN is
     * `arn:<partition>:bedrock:<region>:<account>:default-prompt-router/<id>` with the caller's account;
     * it routes through the system-defined profiles of its models in the Region's geography
     * (us-* -> `us.`, eu-* -> `eu.`, ap-* -> `apac.`, us-gov-* -> `us-gov.`). Only the Regions where AWS
     * documents the router are accepted (`defaultRouter.regions`, from
     * https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-routing.html); any other Region is
     * refused with the list of Regions that have it.
     */
    public static fromDefaultId(
        defaultRouter: DefaultPromptRouterIdentifier,
        region: string,
        opts: DefaultPromptRouterOptions = {},
    ): IPromptRouter & {
        /** The router id, e.g. `anthropic.claude:1`. */
        readonly promptRouterId: string;
        /** The Region the router is called in (the `region` argument). */
        readonly region: string;
    } {
        return new DefaultPromptRouter(defaultRouter, region, opts ?? {});
    }

    /** The router's ARN (CloudFormation `PromptRouterArn`). */
    public readonly promptRouterArn: pulumi.Output<string>;
    /** The AWS Native resource. */
    public readonly router: bedrock.IntelligentPromptRouter;
    /** The two models, as given. */
    public readonly models: readonly IInvokable[];
    /** The fallback model, as given. */
    public readonly fallbackModel: IInvokable;
    /** The catalog models behind `models`, where known before deploy. */
    public readonly routingModels: readonly BedrockFoundationModel[];
    /** Inference settings prompt variants using the router inherit unless they set their own. */
    public readonly inferenceConfiguration?: InferenceConfiguration;

    constructor(name: string, args: PromptRouterArgs, opts?: pulumi.ComponentResourceOptions) {
        const where: Where = { component: "PromptRouter", name };
        checkArgs(where, args);
        const promptRouterName = checkString(where, "promptRouterName", args.promptRouterName, PROFILE_NAME_RULE);
        const description = checkString(where, "description", args.description, PROFILE_DESCRIPTION_RULE);
        const responseQualityDifference = checkNumber(where, "responseQualityDifference", args.responseQualityDifference, { min: 0, max: 100 });
        const fallbackIndex = validateModels(where, args.models, args.fallbackModel);
        const tags = normalizeTags(where, args.tags);
        const routingModels = args.models.map((m) => foundationModelOf(m)).filter((m): m is BedrockFoundationModel => m !== undefined);
        const inferenceConfiguration = validateInferenceConfiguration(where, "inferenceConfiguration", args.inferenceConfiguration);
        checkAnthropicOnly(where, "inferenceConfiguration", inferenceConfiguration, routingModels.length === 2 ? routingModels : undefined);
        checkTopK(where, "inferenceConfiguration", inferenceConfiguration, routingModels.length === 2 ? routingModels : undefined);
        super("bedrock-genai:index:PromptRouter", name, {}, opts);
        this.models = Object.freeze([...args.models]);
        this.fallbackModel = args.fallbackModel;
        this.routingModels = Object.freeze(routingModels);
        this.inferenceConfiguration = inferenceConfiguration;

        const ctx = callerContext({ parent: this });
        const arnOf = (m: IInvokable): pulumi.Output<string> =>
            m instanceof BedrockFoundationModel
                ? pulumi.all([ctx.partition, ctx.region]).apply(([p, r]) => foundationModelArn(p, r, m.modelId))
                : m.invokableArn;
        const modelArns = this.models.map(arnOf);
        this.router = new bedrock.IntelligentPromptRouter(
            name,
            {
                promptRouterName,
                description,
                models: modelArns.map((modelArn) => ({ modelArn })),
                fallbackModel: { modelArn: modelArns[fallbackIndex] },
                routingCriteria: { responseQualityDifference },
                tags,
            },
            { parent: this },
        );
        this.promptRouterArn = this.router.promptRouterArn;
        this.registerOutputs({ promptRouterArn: this.promptRouterArn });
    }

    public get invokableArn(): pulumi.Output<string> {
        return this.promptRouterArn;
    }

    public accessTarget(): PromptRouterTarget {
        const bound = promptRouterArn(
            "p".repeat(MAX_PARTITION_LENGTH),
            "r".repeat(MAX_REGION_LENGTH),
            "0".repeat(ACCOUNT_ID_LENGTH),
            "i".repeat(ROUTER_ID_BOUND),
        ).length;
        const arn = symbolic(this.promptRouterArn, `prompt-router/${this.grantName()}`, bound);
        const routed = this.models.map((m) => m.accessTarget({ parent: this }) as FoundationModelTarget | SystemProfileTarget | ApplicationProfileTarget);
        return { kind: "prompt-router", arn, routed };
    }

    public grantName(): string {
        return resourceName(this) as string;
    }

    /**
     * Used by grants: the component that parents the IAM resources a grant on this router creates (this
     * component). Package-internal plumbing.
     * @internal
     */
    public get grantParent(): pulumi.Resource {
        return this;
    }

    /**
     * Invoke and `bedrock:GetPromptRouter` on the router, and invoke on both models (through their
     * profiles, as each one's own `grantInvoke` allows).
     */
    public grantInvoke(role: RoleRef, opts?: InvokeGrantOptions): RolePolicyGrant {
        return grantInvokeTo(this, role, opts);
    }

    /** The `AWS/Bedrock` metric `name` of calls through this router (dimension `ModelId`). */
    public metric(name: BedrockMetricName, opts?: MetricOptions) {
        return profileMetric(this, "PromptRouter", name, opts);
    }

    /** A CloudWatch alarm on one of this router's metrics. */
    public addAlarm(name: string, args: ProfileAlarmArgs, opts?: AddAlarmOptions) {
        return addProfileAlarm(this, "PromptRouter", name, args, opts);
    }
}
