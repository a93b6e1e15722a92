/**
 * The caller's account, Region and partition: where system-defined profile ARNs, application profile
 * ARNs and foundation-model ARNs live. Read through the AWS Native provider's standard invokes
 * (`aws-native:index:getAccountId`, `aws-native:index:getRegion`, `aws-native:index:getPartition`),
 * from the provider that owns the component's Bedrock resources, once per provider per program.
 *
 * Components whose resources are all `aws` (classic provider) resources (invocation logging) read the
 * same three from the `aws` provider they are created with (`aws:index/getCallerIdentity`,
 * `aws:index/getRegion`, `aws:index/getPartition`): `awsCallerContext`. Every Region in an ARN, a trust
 * condition or an alarm comes from the provider of the resource that carries it.
 */
import * as pulumi from "@pulumi/pulumi";
import { perProgram } from "./program-state";
import { CrossRegionInferenceProfileRegion, partitionOfRegion } from "../catalog/geographies";
import { symbolic } from "./symbols";
import { resourceName } from "./resource-name";

/** The invoke tokens this package calls; mock them to test a program (see the testing helper). */
export const INVOKE_TOKENS = {
    /** Returns the caller's account id (`{ accountId }`). */
    accountId: "aws-native:index:getAccountId",
    /** Returns the provider's Region (`{ region }`). */
    region: "aws-native:index:getRegion",
    /** Returns the Region's partition (`{ partition }`, e.g. `aws`, `aws-us-gov`). */
    partition: "aws-native:index:getPartition",
} as const;

/** The invoke tokens of the `aws` (classic) provider this package calls for `awsCallerContext`. */
export const AWS_INVOKE_TOKENS = {
    /** Returns the caller's identity (`{ accountId, arn, userId }`). */
    accountId: "aws:index/getCallerIdentity:getCallerIdentity",
    /** Returns the provider's Region (`{ region }`; `name` before v7). */
    region: "aws:index/getRegion:getRegion",
    /** Returns the Region's partition (`{ partition }`). */
    partition: "aws:index/getPartition:getPartition",
} as const;

/** An AWS account id has 12 digits. */
export const ACCOUNT_ID_LENGTH = 12;
/** The longest partition name (`aws-us-gov`). */
export const MAX_PARTITION_LENGTH = "aws-us-gov".length;
/** The longest Region name this package knows, a bound for sizing policies before deploy. */
export const MAX_REGION_LENGTH = Math.max(...CrossRegionInferenceProfileRegion.values().flatMap((g) => g.destinationRegions.map((r) => r.length)));

/** The caller's account, Region and partition as Outputs, and as symbolic strings for policies. */
export interface CallerContext {
    readonly account: pulumi.Output<string>;
    readonly region: pulumi.Output<string>;
    readonly partition: pulumi.Output<string>;
    /** The Region when it is known before deploy (the default provider's `aws-native:region` config). */
    readonly knownRegion?: string;
    /** Symbolic forms (placeholders with their maximum lengths) for policy documents. */
    readonly sym: { readonly account: string; readonly region: string; readonly partition: string };
}

/** The two providers a context is read from: AWS Native (Bedrock resources) and aws (classic). */
type ContextPackage = "aws-native" | "aws";

/** Contexts by package and provider (undefined: the default provider), per program evaluation. */
const contexts = perProgram(() => ({
    "aws-native": new Map<pulumi.ProviderResource | undefined, CallerContext>(),
    aws: new Map<pulumi.ProviderResource | undefined, CallerContext>(),
}));

/**
 * The context of the AWS Native provider that `parent` (or, without one, the default provider)
 * uses. Cached per provider for the program's lifetime.
 */
export function callerContext(opts: { parent?: pulumi.Resource; provider?: pulumi.ProviderResource } = {}): CallerContext {
    return contextOf("aws-native", opts.provider ?? opts.parent?.getProvider("aws-native::getRegion"));
}

/**
 * The context of the `aws` (classic) provider that `parent` (or, without one, the default provider)
 * uses: for components whose resources are `aws` resources, so that the Region and account in their
 * ARNs and trust conditions are those of the provider the resources are created with. Cached per
 * provider for the program's lifetime.
 */
export function awsCallerContext(opts: { parent?: pulumi.Resource; provider?: pulumi.ProviderResource } = {}): CallerContext {
    return contextOf("aws", opts.provider ?? opts.parent?.getProvider(AWS_INVOKE_TOKENS.region));
}

function contextOf(pkg: ContextPackage, provider: pulumi.ProviderResource | undefined): CallerContext {
    const perRuntime = contexts()[pkg];
    const hit = perRuntime.get(provider);
    if (hit) return hit;

    const invokeOpts: pulumi.InvokeOutputOptions = provider ? { provider } : {};
    const call = (token: string, ...fields: string[]): pulumi.Output<string> =>
        pulumi.runtime.invokeOutput<Record<string, unknown>>(token, {}, invokeOpts).apply((r) => {
            const v = fields.map((f) => r?.[f]).find((x) => typeof x === "string" && x !== "");
            if (typeof v !== "string") {
                throw new Error(`The ${token} invoke returned no ${fields[0]}; a Pulumi mock must answer it with { ${fields[0]}: "..." }.`);
            }
            return v;
        });
    const tokens = pkg === "aws" ? AWS_INVOKE_TOKENS : INVOKE_TOKENS;
    const account = call(tokens.accountId, "accountId");
    // aws v7's getRegion answers `region` (and the deprecated `name`).
    const region = pkg === "aws" ? call(tokens.region, "region", "name") : call(tokens.region, "region");
    const partition = call(tokens.partition, "partition");
    const prefix = pkg === "aws" ? "aws/" : "";
    const suffix = provider ? `@${providerName(provider)}` : "";
    const knownRegion = provider ? undefined : pkg === "aws" ? configuredAwsRegion() : configuredRegion();
    const ctx: CallerContext = {
        account,
        region,
        partition,
        knownRegion,
        // The default provider's Region (and so its partition) is known from the stack's config: policies
        // carry it as it is, sized exactly; otherwise one placeholder per provider, at the longest length.
        sym: {
            account: symbolic(account, `${prefix}account${suffix}`, ACCOUNT_ID_LENGTH),
            region: knownRegion ?? symbolic(region, `${prefix}region${suffix}`, MAX_REGION_LENGTH),
            partition: knownRegion ? partitionOfRegion(knownRegion) : symbolic(partition, `${prefix}partition${suffix}`, MAX_PARTITION_LENGTH),
        },
    };
    perRuntime.set(provider, ctx);
    return ctx;
}

function providerName(p: pulumi.ProviderResource): string {
    return resourceName(p) ?? "provider";
}

/** The default AWS Native provider's Region when the stack's config sets it, else undefined. */
export function configuredRegion(): string | undefined {
    try {
        return new pulumi.Config("aws-native").get("region") ?? undefined;
    } catch {
        return undefined;
    }
}

/** The default aws (classic) provider's Region when the stack's config sets it, else undefined. */
export function configuredAwsRegion(): string | undefined {
    try {
        return new pulumi.Config("aws").get("region") ?? undefined;
    } catch {
        return undefined;
    }
}
