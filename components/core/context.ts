/**
 * The caller's account, Region and partition: where system-defined profile ARNs, application profile
 * ARNs and foundation-model ARNs live. Read through the AWS Native provider's standard invokes
 * (`aws-native:index:getAccountId`, `aws-native:index:getRegion`, `aws-native:index:getPartition`),
 * from the provider that owns the component's Bedrock resources, once per provider per program.
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

/** Contexts by provider (undefined: the default provider), per program evaluation. */
const contexts = perProgram(() => new Map<pulumi.ProviderResource | undefined, CallerContext>());

/**
 * The context of the AWS Native provider that `parent` (or, without one, the default provider)
 * uses. Cached per provider for the program's lifetime.
 */
export function callerContext(opts: { parent?: pulumi.Resource; provider?: pulumi.ProviderResource } = {}): CallerContext {
    const provider = opts.provider ?? opts.parent?.getProvider("aws-native::getRegion");
    const perRuntime = contexts();
    const hit = perRuntime.get(provider);
    if (hit) return hit;

    const invokeOpts: pulumi.InvokeOutputOptions = provider ? { provider } : {};
    const call = (token: string, field: string): pulumi.Output<string> =>
        pulumi.runtime.invokeOutput<Record<string, unknown>>(token, {}, invokeOpts).apply((r) => {
            const v = r?.[field];
            if (typeof v !== "string" || v === "") {
                throw new Error(`The ${token} invoke returned no ${field}; a Pulumi mock must answer it with { ${field}: "..." }.`);
            }
            return v;
        });
    const account = call(INVOKE_TOKENS.accountId, "accountId");
    const region = call(INVOKE_TOKENS.region, "region");
    const partition = call(INVOKE_TOKENS.partition, "partition");
    const suffix = provider ? `@${providerName(provider)}` : "";
    const knownRegion = provider ? undefined : configuredRegion();
    const ctx: CallerContext = {
        account,
        region,
        partition,
        knownRegion,
        // The default provider's Region (and so its partition) is known from the stack's config: policies
        // carry it as it is, sized exactly; otherwise one placeholder per provider, at the longest length.
        sym: {
            account: symbolic(account, `account${suffix}`, ACCOUNT_ID_LENGTH),
            region: knownRegion ?? symbolic(region, `region${suffix}`, MAX_REGION_LENGTH),
            partition: knownRegion ? partitionOfRegion(knownRegion) : symbolic(partition, `partition${suffix}`, MAX_PARTITION_LENGTH),
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
