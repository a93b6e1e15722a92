/**
 * Cross-region inference profile geographies: the prefix of a system-defined profile id, the
 * partition it lives in, and the Regions it is called from and routes to.
 *
 * Each geography cites the AWS page its prefix, partition and Regions come from (`sources`, also
 * rendered into README's geography table by `scripts/readme-tables.ts`). Destination Regions depend on
 * the model and the source Region (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html:
 * "some inference profiles route to different destination Regions depending on the source Region");
 * the lists here are the union of what the cited pages document per geography, a safe default set
 * because every model statement carries a `bedrock:InferenceProfileArn` condition. A Region no source
 * backs is left out.
 */

/** The partition a geography's profiles live in. */
export type Partition = "aws" | "aws-us-gov" | "aws-cn";

/** AWS's list of cross-Region (system-defined) inference profiles with their source and destination Regions. */
export const INFERENCE_PROFILES_SUPPORT_URL = "https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html";
/** AWS's page on geographic cross-Region inference (the `us`, `eu`, `apac`, ... prefixes and their IAM needs). */
export const GEOGRAPHIC_CRIS_URL = "https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html";
/** AWS's page on global cross-Region inference (`global.` profiles, every commercial Region). */
export const GLOBAL_CRIS_URL = "https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html";

/**
 * Commercial Regions in no geography this package models, still valid for `global`:
 * af-south-1, ap-east-1, me-south-1, mx-central-1, sa-east-1 (Bedrock Regions, https://docs.aws.amazon.com/general/latest/gr/bedrock.html),
 * and ap-southeast-6 and il-central-1, which no page we found lists in a geography (they were in `au` and `eu` before).
 */
const OTHER_COMMERCIAL_REGIONS: readonly string[] = ["af-south-1", "ap-east-1", "ap-southeast-6", "il-central-1", "me-south-1", "mx-central-1", "sa-east-1"];

/**
 * A cross-region inference geography (`us`, `eu`, `apac`, `global`, `us-gov`, `jp`, `au`, `ca`, `in`).
 *
 * Use the static members (`CrossRegionInferenceProfileRegion.US`, ...). Each knows its profile id
 * prefix, its partition, the Regions a profile can be called from (`sourceRegions`), the Regions
 * it can route to by default (`destinationRegions`) and the pages these facts come from (`sources`).
 */
export class CrossRegionInferenceProfileRegion {
    /**
     * United States: `us.` profiles. us-east-1, us-east-2, us-west-1, us-west-2 and ca-central-1
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html: e.g.
     * `us.anthropic.claude-sonnet-4-5-20250929-v1:0` from ca-central-1 routes to ca-central-1, us-east-1,
     * us-east-2, us-west-2; from us-west-1 to us-east-1, us-east-2, us-west-1, us-west-2). ca-west-1 is
     * left out: no page lists it for `us.`.
     */
    public static readonly US = new CrossRegionInferenceProfileRegion(
        "US",
        "us",
        "aws",
        ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1"],
        [INFERENCE_PROFILES_SUPPORT_URL, GEOGRAPHIC_CRIS_URL],
    );
    /**
     * European Union: `eu.` profiles (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html,
     * e.g. `eu.amazon.nova-pro-v1:0` from eu-south-1 routes to eu-central-1, eu-north-1, eu-south-1,
     * eu-west-1, eu-west-3). il-central-1 is left out: no page lists it for `eu.`.
     */
    public static readonly EU = new CrossRegionInferenceProfileRegion(
        "EU",
        "eu",
        "aws",
        ["eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3"],
        [INFERENCE_PROFILES_SUPPORT_URL, GEOGRAPHIC_CRIS_URL],
    );
    /**
     * Asia Pacific (and the UAE): `apac.` profiles
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html).
     */
    public static readonly APAC = new CrossRegionInferenceProfileRegion(
        "APAC",
        "apac",
        "aws",
        [
            "ap-east-2",
            "ap-northeast-1",
            "ap-northeast-2",
            "ap-northeast-3",
            "ap-south-1",
            "ap-south-2",
            "ap-southeast-1",
            "ap-southeast-2",
            "ap-southeast-3",
            "ap-southeast-4",
            "ap-southeast-5",
            "ap-southeast-7",
            "me-central-1",
        ],
        [INFERENCE_PROFILES_SUPPORT_URL, GEOGRAPHIC_CRIS_URL],
    );
    /**
     * Japan: `jp.` profiles, ap-northeast-1 <-> ap-northeast-3
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html,
     * `jp.anthropic.claude-sonnet-4-5-20250929-v1:0`).
     */
    public static readonly JP = new CrossRegionInferenceProfileRegion(
        "JP",
        "jp",
        "aws",
        ["ap-northeast-1", "ap-northeast-3"],
        [INFERENCE_PROFILES_SUPPORT_URL, GEOGRAPHIC_CRIS_URL],
    );
    /**
     * Australia: `au.` profiles, ap-southeast-2 and ap-southeast-4
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html; the AWS CDK's
     * `CrossRegionInferenceProfileRegion.AU` lists the same two, https://github.com/aws/aws-cdk/blob/main/packages/@aws-cdk/aws-bedrock-alpha/bedrock/inference-profiles/cross-region-inference-profile.ts).
     * ap-southeast-6 is left out: no page lists it for `au.`.
     */
    public static readonly AU = new CrossRegionInferenceProfileRegion(
        "AU",
        "au",
        "aws",
        ["ap-southeast-2", "ap-southeast-4"],
        [
            INFERENCE_PROFILES_SUPPORT_URL,
            "https://github.com/aws/aws-cdk/blob/main/packages/@aws-cdk/aws-bedrock-alpha/bedrock/inference-profiles/cross-region-inference-profile.ts",
        ],
    );
    /** Canada: `ca.` profiles (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html). */
    public static readonly CA = new CrossRegionInferenceProfileRegion("CA", "ca", "aws", ["ca-central-1", "ca-west-1"], [INFERENCE_PROFILES_SUPPORT_URL]);
    /**
     * India: `in.` profiles (GPT-5.6 Terra and Luna, Llama 4 Maverick), ap-south-1 <-> ap-south-2. The
     * prefix follows AWS's geographic cross-Region inference page
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html); the two
     * Regions come from AWS's announcement of in-country inference in India (AWS Machine Learning blog,
     * "Introducing OpenAI models on Amazon Bedrock for in-country inferencing in India", which scopes the
     * `in.openai.gpt-5.6-terra` policy to ap-south-1 as source and ap-south-1, ap-south-2 as destinations).
     */
    public static readonly IN = new CrossRegionInferenceProfileRegion(
        "IN",
        "in",
        "aws",
        ["ap-south-1", "ap-south-2"],
        [
            GEOGRAPHIC_CRIS_URL,
            "https://aws.amazon.com/blogs/machine-learning/ (Introducing OpenAI models on Amazon Bedrock for in-country inferencing in India)",
        ],
    );
    /**
     * AWS GovCloud (US): `us-gov.` profiles, in the `aws-us-gov` partition
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html).
     */
    public static readonly US_GOV = new CrossRegionInferenceProfileRegion(
        "US_GOV",
        "us-gov",
        "aws-us-gov",
        ["us-gov-east-1", "us-gov-west-1"],
        [INFERENCE_PROFILES_SUPPORT_URL],
    );
    /**
     * Global: `global.` profiles, callable from any commercial Region and routed to any commercial
     * Region (https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html). IAM
     * sees the Region-less foundation-model ARN (`arn:aws:bedrock:::foundation-model/<id>`).
     */
    public static readonly GLOBAL = new CrossRegionInferenceProfileRegion("GLOBAL", "global", "aws", [], [GLOBAL_CRIS_URL]);

    /** Every geography, in declaration order. */
    public static values(): CrossRegionInferenceProfileRegion[] {
        return [
            CrossRegionInferenceProfileRegion.US,
            CrossRegionInferenceProfileRegion.EU,
            CrossRegionInferenceProfileRegion.APAC,
            CrossRegionInferenceProfileRegion.GLOBAL,
            CrossRegionInferenceProfileRegion.US_GOV,
            CrossRegionInferenceProfileRegion.JP,
            CrossRegionInferenceProfileRegion.AU,
            CrossRegionInferenceProfileRegion.CA,
            CrossRegionInferenceProfileRegion.IN,
        ];
    }

    /** The geography whose profile id prefix is `prefix` (`us`, `eu`, ...), or undefined. */
    public static fromPrefix(prefix: string): CrossRegionInferenceProfileRegion | undefined {
        return CrossRegionInferenceProfileRegion.values().find((g) => g.prefix === prefix);
    }

    /** Whether `region` is a commercial (`aws` partition) Region this package knows. */
    public static isCommercialRegion(region: string): boolean {
        return COMMERCIAL_REGIONS.has(region);
    }

    /** Regions a profile of this geography can be called from and routes to (empty for GLOBAL: any commercial Region). */
    public readonly regions: readonly string[];
    /** The pages the prefix, partition and Regions come from (URLs). */
    public readonly sources: readonly string[];

    private constructor(
        /** The enum member's name (`US`, `EU`, ...). */
        public readonly name: string,
        /** Prefix of the system-defined profile id (`us` in `us.anthropic.claude-...`). */
        public readonly prefix: string,
        /** Partition of the profile and of its foundation models. */
        public readonly partition: Partition,
        regions: string[],
        sources: string[],
    ) {
        this.regions = Object.freeze([...regions].sort());
        this.sources = Object.freeze([...sources]);
    }

    /** Regions a profile of this geography can be called from. */
    public get sourceRegions(): readonly string[] {
        return this.isGlobal ? commercialRegionList() : this.regions;
    }

    /** Regions a profile of this geography routes requests to, by default. */
    public get destinationRegions(): readonly string[] {
        return this.isGlobal ? commercialRegionList() : this.regions;
    }

    /** True for the `global` geography. */
    public get isGlobal(): boolean {
        return this.prefix === "global";
    }

    /** Whether a profile of this geography can be called from `region`. */
    public acceptsSourceRegion(region: string): boolean {
        return this.isGlobal ? COMMERCIAL_REGIONS.has(region) : this.regions.includes(region);
    }

    /** The prefix, so a geography reads as its prefix in strings. */
    public toString(): string {
        return this.prefix;
    }
}

const COMMERCIAL_REGIONS: ReadonlySet<string> = new Set(
    CrossRegionInferenceProfileRegion.values()
        .filter((g) => g.partition === "aws")
        .flatMap((g) => g.regions)
        .concat(OTHER_COMMERCIAL_REGIONS),
);

let commercialSorted: readonly string[] | undefined;
function commercialRegionList(): readonly string[] {
    commercialSorted ??= Object.freeze([...COMMERCIAL_REGIONS].sort());
    return commercialSorted;
}

/** The partition a Region belongs to. */
export function partitionOfRegion(region: string): Partition {
    if (region.startsWith("us-gov-")) return "aws-us-gov";
    if (region.startsWith("cn-")) return "aws-cn";
    return "aws";
}

/**
 * The geography a default prompt router in `region` resolves its routed models to, by the Region's
 * prefix (us-* -> us, eu-* -> eu, ap-* -> apac, us-gov-* -> us-gov), or undefined when the Region is in
 * none of them (the CDK constructs emit an ARN with `undefined`). `PromptRouter.fromDefaultId` first
 * accepts only the Regions where AWS documents the router (`DefaultPromptRouterIdentifier.regions`).
 */
export function routerGeographyOfRegion(region: string): CrossRegionInferenceProfileRegion | undefined {
    if (region.startsWith("us-gov-")) return CrossRegionInferenceProfileRegion.US_GOV;
    if (region.startsWith("us-")) return CrossRegionInferenceProfileRegion.US;
    if (region.startsWith("eu-")) return CrossRegionInferenceProfileRegion.EU;
    if (region.startsWith("ap-")) return CrossRegionInferenceProfileRegion.APAC;
    return undefined;
}

/** Length of the longest Region name in `regions`: a bound for sizing policies before deploy. */
export function longestRegionLength(regions: readonly string[]): number {
    return regions.reduce((m, r) => Math.max(m, r.length), 0);
}
