/**
 * Cross-region inference profile geographies: the prefix of a system-defined profile id, the
 * partition it lives in, and its routes: the Regions it is called from and, per source Region, the
 * Regions a request may run in (`routes.ts`).
 *
 * Each geography cites the AWS page its prefix, partition and Regions come from (`sources`, also
 * rendered into README's geography table by `scripts/readme-tables.ts`). Destination Regions depend on
 * the model and the source Region (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html:
 * "some inference profiles route to different destination Regions depending on the source Region").
 * Where a cited page says the routes differ by source Region (`au.`: Auckland adds itself), the table
 * holds each source's own destinations; elsewhere one destination set, the union of what the cited
 * pages document for the geography, a safe set because every model statement carries a
 * `bedrock:InferenceProfileArn` condition. A Region no source backs is left out; programs declare
 * what the catalog does not know with `withRoutes` (see README, "Extending the catalog").
 */

import {
    destinationsOf,
    routeGroups,
    routeTable,
    routesFrom,
    sameFromEverySource,
    sourcesOf,
    withRoutes as mergeRoutes,
    type RouteTable,
    type RoutesBySource,
    type SourceRoutes,
} from "./routes";

/** The partition a geography's profiles live in. */
export type Partition = "aws" | "aws-us-gov" | "aws-cn";

/** AWS's list of cross-Region (system-defined) inference profiles with their source and destination Regions. */
export const INFERENCE_PROFILES_SUPPORT_URL = "https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html";
/** AWS's page on geographic cross-Region inference (the `us`, `eu`, `apac`, ... prefixes and their IAM needs). */
export const GEOGRAPHIC_CRIS_URL = "https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html";
/** AWS's page on global cross-Region inference (`global.` profiles, every commercial Region). */
export const GLOBAL_CRIS_URL = "https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html";
/**
 * AWS's per-model Regional availability page: for each model and Region, whether In-Region, Geo
 * (geographic profile) and Global inference are supported from that Region.
 */
export const REGIONAL_AVAILABILITY_URL = "https://docs.aws.amazon.com/bedrock/latest/userguide/models-region-compatibility.html";
/**
 * AWS's Machine Learning blog post on Amazon Bedrock in Asia Pacific (New Zealand): Auckland
 * (ap-southeast-6) is a source Region of `au.` profiles, whose requests from Auckland may run in
 * ap-southeast-6, ap-southeast-2 and ap-southeast-4, and from Sydney and Melbourne in ap-southeast-2 and
 * ap-southeast-4; it lists the models with `au.` profiles (Claude Sonnet 4.5 and Haiku 4.5 among them).
 */
export const AUCKLAND_POST_URL =
    "https://aws.amazon.com/blogs/machine-learning/ (AWS Machine Learning blog: Amazon Bedrock in Asia Pacific (New Zealand), cross-Region inference from Auckland)";

/** A source of a fact that the program declared itself (`withRoutes`, `BedrockFoundationModel.withGeographies`). */
export const DECLARED_IN_PROGRAM = "declared in the program";

/**
 * Commercial Regions in no geography this package models, still valid for `global`:
 * af-south-1, ap-east-1, me-south-1, mx-central-1, sa-east-1 (Bedrock Regions, https://docs.aws.amazon.com/general/latest/gr/bedrock.html),
 * and il-central-1, which no page we found lists as a source of an `eu.` model profile.
 */
const OTHER_COMMERCIAL_REGIONS: readonly string[] = ["af-south-1", "ap-east-1", "il-central-1", "me-south-1", "mx-central-1", "sa-east-1"];

/** Routes where every Region of `regions` is a source that routes to all of them. */
function everyToEvery(regions: readonly string[]): RouteTable {
    return routeTable([{ sources: regions, destinations: regions }]);
}

/** How a Region stands to a geography: one of its sources, a Region the catalog does not know, or a known Region outside it. */
export type SourceRegionStatus = "source" | "unknown" | "outside";

/**
 * A cross-region inference geography (`us`, `eu`, `apac`, `global`, `us-gov`, `jp`, `au`, `ca`, `in`).
 *
 * Use the static members (`CrossRegionInferenceProfileRegion.US`, ...). Each knows its profile id
 * prefix, its partition, the Regions a profile can be called from (`sourceRegions`), where a request
 * from each of them may run (`destinationsFrom`, `routes`) and the pages these facts come from
 * (`sources`). `withRoutes` declares routes the catalog does not know, in the program.
 */
export class CrossRegionInferenceProfileRegion {
    /**
     * United States: `us.` profiles. us-east-1, us-east-2, us-west-1, us-west-2 and ca-central-1
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html: e.g.
     * `us.anthropic.claude-sonnet-4-5-20250929-v1:0` from ca-central-1 routes to ca-central-1, us-east-1,
     * us-east-2, us-west-2; from us-west-1 to us-east-1, us-east-2, us-west-1, us-west-2). ca-west-1 is
     * left out: no page lists it for `us.`. The per-source differences AWS shows are per model: the
     * union is every source's default destination set.
     */
    public static readonly US = new CrossRegionInferenceProfileRegion(
        "US",
        "us",
        "aws",
        everyToEvery(["us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1"]),
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
        everyToEvery(["eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3"]),
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
        everyToEvery([
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
        ]),
        [INFERENCE_PROFILES_SUPPORT_URL, GEOGRAPHIC_CRIS_URL],
    );
    /**
     * Japan: `jp.` profiles, ap-northeast-1 <-> ap-northeast-3
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html,
     * `jp.anthropic.claude-sonnet-4-5-20250929-v1:0`).
     */
    public static readonly JP = new CrossRegionInferenceProfileRegion("JP", "jp", "aws", everyToEvery(["ap-northeast-1", "ap-northeast-3"]), [
        INFERENCE_PROFILES_SUPPORT_URL,
        GEOGRAPHIC_CRIS_URL,
    ]);
    /**
     * Australia and New Zealand: `au.` profiles. From Sydney (ap-southeast-2) and Melbourne
     * (ap-southeast-4), requests run in ap-southeast-2 and ap-southeast-4
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html; the AWS CDK's
     * `CrossRegionInferenceProfileRegion.AU` lists the same two, https://github.com/aws/aws-cdk/blob/main/packages/@aws-cdk/aws-bedrock-alpha/bedrock/inference-profiles/cross-region-inference-profile.ts);
     * from Auckland (ap-southeast-6), in ap-southeast-6, ap-southeast-2 and ap-southeast-4 (AWS's Machine
     * Learning blog post on Amazon Bedrock in Asia Pacific (New Zealand), `AUCKLAND_POST_URL`; AWS's
     * Regional availability page lists Geo inference from ap-southeast-6 for the models with `au.`
     * profiles, https://docs.aws.amazon.com/bedrock/latest/userguide/models-region-compatibility.html).
     */
    public static readonly AU = new CrossRegionInferenceProfileRegion(
        "AU",
        "au",
        "aws",
        routeTable([
            { sources: ["ap-southeast-2", "ap-southeast-4"], destinations: ["ap-southeast-2", "ap-southeast-4"] },
            { sources: ["ap-southeast-6"], destinations: ["ap-southeast-2", "ap-southeast-4", "ap-southeast-6"] },
        ]),
        [
            INFERENCE_PROFILES_SUPPORT_URL,
            "https://github.com/aws/aws-cdk/blob/main/packages/@aws-cdk/aws-bedrock-alpha/bedrock/inference-profiles/cross-region-inference-profile.ts",
            AUCKLAND_POST_URL,
            REGIONAL_AVAILABILITY_URL,
        ],
    );
    /** Canada: `ca.` profiles (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html). */
    public static readonly CA = new CrossRegionInferenceProfileRegion("CA", "ca", "aws", everyToEvery(["ca-central-1", "ca-west-1"]), [
        INFERENCE_PROFILES_SUPPORT_URL,
    ]);
    /**
     * India: `in.` profiles (GPT-5.6 Terra and Luna, Llama 4 Maverick), ap-south-1 <-> ap-south-2. The
     * prefix follows AWS's geographic cross-Region inference page
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html); the two
     * Regions come from AWS's announcement of in-country inference in India (AWS Machine Learning blog,
     * "Introducing OpenAI models on Amazon Bedrock for in-country inferencing in India", which scopes the
     * `in.openai.gpt-5.6-terra` policy to ap-south-1 as source and ap-south-1, ap-south-2 as destinations).
     */
    public static readonly IN = new CrossRegionInferenceProfileRegion("IN", "in", "aws", everyToEvery(["ap-south-1", "ap-south-2"]), [
        GEOGRAPHIC_CRIS_URL,
        "https://aws.amazon.com/blogs/machine-learning/ (Introducing OpenAI models on Amazon Bedrock for in-country inferencing in India)",
    ]);
    /**
     * AWS GovCloud (US): `us-gov.` profiles, in the `aws-us-gov` partition
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html).
     */
    public static readonly US_GOV = new CrossRegionInferenceProfileRegion("US_GOV", "us-gov", "aws-us-gov", everyToEvery(["us-gov-east-1", "us-gov-west-1"]), [
        INFERENCE_PROFILES_SUPPORT_URL,
    ]);
    /**
     * Global: `global.` profiles, callable from any commercial Region and routed to any commercial
     * Region (https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html). IAM
     * sees the Region-less foundation-model ARN (`arn:aws:bedrock:::foundation-model/<id>`).
     */
    public static readonly GLOBAL = new CrossRegionInferenceProfileRegion("GLOBAL", "global", "aws", routeTable([]), [GLOBAL_CRIS_URL]);

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

    /** Whether the catalog knows `region` at all (a Region of some geography, or another Bedrock Region). */
    public static isKnownRegion(region: string): boolean {
        return KNOWN_REGIONS.has(region);
    }

    /** Regions a profile of this geography is called from or routes to (empty for GLOBAL: any commercial Region). */
    public readonly regions: readonly string[];
    /** The pages the prefix, partition and Regions come from (URLs; `declared in the program` for routes a program added). */
    public readonly sources: readonly string[];
    private readonly table: RouteTable;

    private constructor(
        /** The enum member's name (`US`, `EU`, ...). */
        public readonly name: string,
        /** Prefix of the system-defined profile id (`us` in `us.anthropic.claude-...`). */
        public readonly prefix: string,
        /** Partition of the profile and of its foundation models. */
        public readonly partition: Partition,
        routes: RouteTable,
        sources: string[],
    ) {
        this.table = routes;
        this.regions = Object.freeze([...new Set([...sourcesOf(routes), ...destinationsOf(routes)])].sort());
        this.sources = Object.freeze([...sources]);
    }

    /** Regions a profile of this geography can be called from. */
    public get sourceRegions(): readonly string[] {
        return this.isGlobal ? commercialRegionList() : sourcesOf(this.table);
    }

    /**
     * Regions a profile of this geography may route to from any of its sources (the union of
     * `destinationsFrom` over `sourceRegions`): the destinations when the source Region is not known.
     */
    public get destinationRegions(): readonly string[] {
        return this.isGlobal ? commercialRegionList() : destinationsOf(this.table);
    }

    /**
     * Where a request to a profile of this geography called from `sourceRegion` may run, as the cited
     * pages document it; undefined when `sourceRegion` is not one of its sources.
     */
    public destinationsFrom(sourceRegion: string): readonly string[] | undefined {
        if (this.isGlobal) return COMMERCIAL_REGIONS.has(sourceRegion) ? commercialRegionList() : undefined;
        return routesFrom(this.table, sourceRegion);
    }

    /** The routes as groups of source Regions with equal destinations (empty for GLOBAL). */
    public get routes(): readonly SourceRoutes[] {
        return routeGroups(this.table);
    }

    /** Whether the destinations depend on the source Region (`au.`: Auckland adds itself). */
    public get routesDependOnSource(): boolean {
        return !this.isGlobal && !sameFromEverySource(this.table);
    }

    /** True for the `global` geography. */
    public get isGlobal(): boolean {
        return this.prefix === "global";
    }

    /** Whether a profile of this geography can be called from `region` (a source the catalog lists). */
    public acceptsSourceRegion(region: string): boolean {
        return this.isGlobal ? COMMERCIAL_REGIONS.has(region) : this.table.has(region);
    }

    /**
     * How `region` stands to this geography: `source` (a listed source Region), `unknown` (a Region the
     * catalog does not know: accepted with a warning) or `outside` (a known Region the cited pages do not
     * list as a source: refused).
     */
    public sourceRegionStatus(region: string): SourceRegionStatus {
        if (this.acceptsSourceRegion(region)) return "source";
        if (this.isGlobal) return partitionOfRegion(region) === "aws" && !KNOWN_REGIONS.has(region) ? "unknown" : "outside";
        return KNOWN_REGIONS.has(region) ? "outside" : "unknown";
    }

    /**
     * This geography with routes the catalog does not know, declared by the program: from each source
     * Region given (a new one, or one whose routes the program corrects), requests may run in the Regions
     * given. Pass the result as `geoRegion`; grants then allow the model in exactly those destinations
     * from that source. The catalog's own members are unchanged.
     *
     * ```ts
     * const au = CrossRegionInferenceProfileRegion.AU.withRoutes({ "ap-southeast-9": ["ap-southeast-2", "ap-southeast-9"] });
     * ```
     */
    public withRoutes(routes: RoutesBySource): CrossRegionInferenceProfileRegion {
        if (this.isGlobal) throw new Error("CrossRegionInferenceProfileRegion.GLOBAL.withRoutes: global profiles route to every commercial Region");
        if (routes === null || typeof routes !== "object" || Array.isArray(routes)) {
            throw new Error(
                `CrossRegionInferenceProfileRegion.${this.name}.withRoutes: routes must be an object { "<source Region>": ["<destination Region>", ...] }`,
            );
        }
        for (const [source, destinations] of Object.entries(routes)) {
            const bad = [source, ...(Array.isArray(destinations) ? destinations : [])].find((r) => typeof r !== "string" || !REGION_NAME.test(r));
            if (!Array.isArray(destinations) || destinations.length === 0 || bad !== undefined) {
                throw new Error(
                    `CrossRegionInferenceProfileRegion.${this.name}.withRoutes: routes from ${JSON.stringify(source)} must be a non-empty list of Region names (${JSON.stringify(bad ?? destinations)} is not)`,
                );
            }
            const foreign = [source, ...destinations].find((r) => partitionOfRegion(r) !== this.partition);
            if (foreign !== undefined) {
                throw new Error(
                    `CrossRegionInferenceProfileRegion.${this.name}.withRoutes: ${foreign} is in the ${partitionOfRegion(foreign)} partition, but ${this.prefix}. profiles live in the ${this.partition} partition`,
                );
            }
        }
        const sources = this.sources.includes(DECLARED_IN_PROGRAM) ? [...this.sources] : [...this.sources, DECLARED_IN_PROGRAM];
        return new CrossRegionInferenceProfileRegion(this.name, this.prefix, this.partition, mergeRoutes(this.table, routes), sources);
    }

    /** Whether the program declared some of this geography's routes (`withRoutes`). */
    public get declaredInProgram(): boolean {
        return this.sources.includes(DECLARED_IN_PROGRAM);
    }

    /** The prefix, so a geography reads as its prefix in strings. */
    public toString(): string {
        return this.prefix;
    }
}

/** A Region name (`us-east-1`, `ap-southeast-6`, `us-gov-west-1`). */
const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-[0-9]+$/;

const COMMERCIAL_REGIONS: ReadonlySet<string> = new Set(
    CrossRegionInferenceProfileRegion.values()
        .filter((g) => g.partition === "aws")
        .flatMap((g) => g.regions)
        .concat(OTHER_COMMERCIAL_REGIONS),
);

const KNOWN_REGIONS: ReadonlySet<string> = new Set([...COMMERCIAL_REGIONS, ...CrossRegionInferenceProfileRegion.values().flatMap((g) => g.regions)]);

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

/** The ISO partitions by the letter after `-iso` in their Regions' names (us-isob-east-1). */
const ISO_PARTITIONS: Record<string, string> = { b: "aws-iso-b", e: "aws-iso-e", f: "aws-iso-f" };

/**
 * The partition of a Region in an ARN: aws, aws-us-gov or aws-cn (partitionOfRegion); for the ISO
 * Regions, aws-iso (us-iso-*), aws-iso-b (us-isob-*), aws-iso-e (eu-isoe-*) and aws-iso-f (us-isof-*);
 * undefined for another ISO Region (not modelled: not checked).
 */
export function partitionOfArnRegion(region: string): string | undefined {
    const iso = /^[a-z]{2}-iso([a-z]?)-/.exec(region);
    if (iso) return iso[1] === "" ? "aws-iso" : ISO_PARTITIONS[iso[1]];
    return partitionOfRegion(region);
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
