/**
 * Cross-region inference profile geographies: the prefix of a system-defined profile id, the
 * partition it lives in, and the Regions it is called from and routes to.
 *
 * Facts: AWS Bedrock user guide (geographic and global cross-region inference), union of the
 * Regions documented per geography as of late 2026. Destination Regions depend on the model and
 * the source Region; the lists here are the default destination set, which is safe to over-grant
 * because every model statement carries a `bedrock:InferenceProfileArn` condition.
 */

/** The partition a geography's profiles live in. */
export type Partition = "aws" | "aws-us-gov" | "aws-cn";

/** Commercial Regions in no cross-region geography as of late 2026, still valid for `global`. */
const OTHER_COMMERCIAL_REGIONS: readonly string[] = ["af-south-1", "ap-east-1", "ap-southeast-6", "me-south-1", "mx-central-1", "sa-east-1"];

/**
 * A cross-region inference geography (`us`, `eu`, `apac`, `global`, `us-gov`, `jp`, `au`, `ca`).
 *
 * Use the static members (`CrossRegionInferenceProfileRegion.US`, ...). Each knows its profile id
 * prefix, its partition, the Regions a profile can be called from (`sourceRegions`) and the Regions
 * it can route to by default (`destinationRegions`).
 */
export class CrossRegionInferenceProfileRegion {
    /** United States: `us.` profiles (newer models also route to the Canadian Regions). */
    public static readonly US = new CrossRegionInferenceProfileRegion("US", "us", "aws", [
        "us-east-1",
        "us-east-2",
        "us-west-1",
        "us-west-2",
        "ca-central-1",
        "ca-west-1",
    ]);
    /** European Union (and Israel): `eu.` profiles. */
    public static readonly EU = new CrossRegionInferenceProfileRegion("EU", "eu", "aws", [
        "eu-central-1",
        "eu-central-2",
        "eu-north-1",
        "eu-south-1",
        "eu-south-2",
        "eu-west-1",
        "eu-west-2",
        "eu-west-3",
        "il-central-1",
    ]);
    /** Asia Pacific (and the UAE): `apac.` profiles. */
    public static readonly APAC = new CrossRegionInferenceProfileRegion("APAC", "apac", "aws", [
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
    ]);
    /** Japan: `jp.` profiles. */
    public static readonly JP = new CrossRegionInferenceProfileRegion("JP", "jp", "aws", ["ap-northeast-1", "ap-northeast-3"]);
    /** Australia: `au.` profiles. */
    public static readonly AU = new CrossRegionInferenceProfileRegion("AU", "au", "aws", ["ap-southeast-2", "ap-southeast-4", "ap-southeast-6"]);
    /** Canada: `ca.` profiles. */
    public static readonly CA = new CrossRegionInferenceProfileRegion("CA", "ca", "aws", ["ca-central-1", "ca-west-1"]);
    /** AWS GovCloud (US): `us-gov.` profiles, in the `aws-us-gov` partition. */
    public static readonly US_GOV = new CrossRegionInferenceProfileRegion("US_GOV", "us-gov", "aws-us-gov", ["us-gov-east-1", "us-gov-west-1"]);
    /**
     * Global: `global.` profiles, callable from any commercial Region and routed to any commercial
     * Region. IAM sees the Region-less foundation-model ARN (`arn:aws:bedrock:::foundation-model/<id>`).
     */
    public static readonly GLOBAL = new CrossRegionInferenceProfileRegion("GLOBAL", "global", "aws", []);

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

    private constructor(
        /** The enum member's name (`US`, `EU`, ...). */
        public readonly name: string,
        /** Prefix of the system-defined profile id (`us` in `us.anthropic.claude-...`). */
        public readonly prefix: string,
        /** Partition of the profile and of its foundation models. */
        public readonly partition: Partition,
        regions: string[],
    ) {
        this.regions = Object.freeze([...regions].sort());
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
 * prefix as AWS documents it (us-* -> us, eu-* -> eu, ap-* -> apac, us-gov-* -> us-gov), or
 * undefined when the Region is in none of them (the CDK constructs emit an ARN with `undefined`).
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
