/**
 * Cross-Region guardrail profiles: the system-defined profiles a guardrail names in its
 * `CrossRegionConfig` to have its policy evaluations routed across the Regions of a geography.
 *
 * Facts: AWS's "Supported Regions for cross-Region guardrail inference" page
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-cross-region-support.html): each
 * profile's id (`<geo>.guardrail.v1:0`), its ARN in the source Region
 * (`arn:<partition>:bedrock:<source-region>:<account>:guardrail-profile/<id>`), and per source Region
 * the destination Regions requests can be routed to. The geographies are not the model profiles'
 * (`CrossRegionInferenceProfileRegion`): there is a `uk` profile, no `global`, `jp` or `in` one, and
 * the destinations depend on the source Region (us-west-1 and il-central-1 route to themselves as well
 * as to the geography's core Regions).
 *
 * The routes are the catalog's one shape for per-source destinations (`routes.ts`), the model
 * geographies' too.
 */
import type { Partition } from "./geographies";
import { destinationsOf, routeTable, routesFrom, sourcesOf, type RouteTable, type SourceRoutes } from "./routes";

/** AWS's list of guardrail profiles, their source Regions and the destination Regions of each. */
export const GUARDRAIL_PROFILES_URL = "https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-cross-region-support.html";

/** The US profile's core Regions: every US source routes to them (us-west-1 to itself as well). */
const US_CORE = ["us-east-1", "us-east-2", "us-west-2"];
/** The EU profile's Regions: each routes to all six (il-central-1 to itself as well). */
const EU_CORE = ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"];
/** The APAC profile's destinations from its core sources. */
const APAC_CORE = ["ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-southeast-1", "ap-southeast-2"];
/** The APAC profile's destinations from its other sources (each adds itself; ap-southeast-4 lacks ap-southeast-3). */
const APAC_WIDE = [...APAC_CORE, "ap-south-2", "ap-southeast-3", "ap-southeast-4"];

/** Route groups for sources that each route to `destinations`, plus themselves when `andSelf`. */
function routesOf(sources: string[], destinations: string[], andSelf = false): SourceRoutes[] {
    return andSelf ? sources.map((s) => ({ sources: [s], destinations: [...destinations, s] })) : [{ sources, destinations }];
}

/**
 * A cross-Region guardrail profile (`us.guardrail.v1:0`, ...). Use the static members
 * (`GuardrailProfileRegion.US`, ...). Each knows its id, partition, the Regions a guardrail using it
 * can live in (`sourceRegions`) and, per source, the Regions its evaluations are routed to.
 */
export class GuardrailProfileRegion {
    /** United States: `us.guardrail.v1:0`; us-west-1 also routes to itself. */
    public static readonly US = new GuardrailProfileRegion("US", "us", "aws", [...routesOf(US_CORE, US_CORE), ...routesOf(["us-west-1"], US_CORE, true)]);
    /** AWS GovCloud (US): `us-gov.guardrail.v1:0`, us-gov-east-1 <-> us-gov-west-1, in the `aws-us-gov` partition. */
    public static readonly US_GOV = new GuardrailProfileRegion(
        "US_GOV",
        "us-gov",
        "aws-us-gov",
        routesOf(["us-gov-east-1", "us-gov-west-1"], ["us-gov-east-1", "us-gov-west-1"]),
    );
    /** European Union: `eu.guardrail.v1:0`; il-central-1 also routes to itself. */
    public static readonly EU = new GuardrailProfileRegion("EU", "eu", "aws", [...routesOf(EU_CORE, EU_CORE), ...routesOf(["il-central-1"], EU_CORE, true)]);
    /** United Kingdom: `uk.guardrail.v1:0`, eu-west-2 only. */
    public static readonly UK = new GuardrailProfileRegion("UK", "uk", "aws", routesOf(["eu-west-2"], ["eu-west-2"]));
    /** Australia: `au.guardrail.v1:0`, ap-southeast-2 only. */
    public static readonly AU = new GuardrailProfileRegion("AU", "au", "aws", routesOf(["ap-southeast-2"], ["ap-southeast-2"]));
    /** Canada: `ca.guardrail.v1:0`, from ca-central-1 to ca-central-1 and ca-west-1. */
    public static readonly CA = new GuardrailProfileRegion("CA", "ca", "aws", routesOf(["ca-central-1"], ["ca-central-1", "ca-west-1"]));
    /**
     * Asia Pacific (and the UAE): `apac.guardrail.v1:0`. From ap-south-1, ap-northeast-1/2 and
     * ap-southeast-1/2 to those and ap-northeast-3; from ap-east-2, ap-southeast-3/5/7 and me-central-1
     * to those plus ap-south-2, ap-southeast-3/4 and the source itself; from ap-southeast-4 the same
     * without ap-southeast-3.
     */
    public static readonly APAC = new GuardrailProfileRegion("APAC", "apac", "aws", [
        ...routesOf(["ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2"], APAC_CORE),
        ...routesOf(["ap-east-2", "ap-southeast-3", "ap-southeast-5", "ap-southeast-7", "me-central-1"], APAC_WIDE, true),
        ...routesOf(
            ["ap-southeast-4"],
            APAC_WIDE.filter((r) => r !== "ap-southeast-3"),
            true,
        ),
    ]);

    /** Every profile, in declaration order. */
    public static values(): GuardrailProfileRegion[] {
        const G = GuardrailProfileRegion;
        return [G.US, G.US_GOV, G.EU, G.UK, G.AU, G.CA, G.APAC];
    }

    /** The profile whose id prefix is `prefix` (`us`, `eu`, ...), or undefined. */
    public static fromPrefix(prefix: string): GuardrailProfileRegion | undefined {
        return GuardrailProfileRegion.values().find((g) => g.prefix === prefix);
    }

    /** The profile's id, `<prefix>.guardrail.v1:0`. */
    public readonly profileId: string;
    /** Source Region -> the Regions a guardrail in it is evaluated in (sorted, the source included). */
    public readonly routes: Readonly<Record<string, readonly string[]>>;
    private readonly table: RouteTable;
    /** The page these facts come from. */
    public readonly sources: readonly string[] = Object.freeze([GUARDRAIL_PROFILES_URL]);

    private constructor(
        /** The member's name (`US`, `EU`, ...). */
        public readonly name: string,
        /** The profile id's prefix (`us` in `us.guardrail.v1:0`). */
        public readonly prefix: string,
        /** The partition the profile lives in. */
        public readonly partition: Partition,
        routes: SourceRoutes[],
    ) {
        this.profileId = `${prefix}.guardrail.v1:0`;
        this.table = routeTable(routes);
        this.routes = Object.freeze(Object.fromEntries(this.table));
    }

    /** The Regions a guardrail using this profile can live in (sorted). */
    public get sourceRegions(): readonly string[] {
        return sourcesOf(this.table);
    }

    /** Every Region this profile can route to from any of its sources, and the sources (sorted). */
    public get regions(): readonly string[] {
        return [...new Set([...this.sourceRegions, ...destinationsOf(this.table)])].sort();
    }

    /** Whether a guardrail in `region` can use this profile. */
    public acceptsSourceRegion(region: string): boolean {
        return routesFrom(this.table, region) !== undefined;
    }

    /** The Regions evaluations of a guardrail in `source` are routed to (the source included); throws for another Region. */
    public destinationRegionsFrom(source: string): readonly string[] {
        if (!this.acceptsSourceRegion(source)) {
            throw new Error(`the ${this.profileId} guardrail profile cannot be used from ${source}: its source Regions are ${this.sourceRegions.join(", ")}`);
        }
        return routesFrom(this.table, source) as readonly string[];
    }

    /** The profile id, so a profile reads as its id in strings. */
    public toString(): string {
        return this.profileId;
    }
}
