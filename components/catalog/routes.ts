/**
 * Routes of a cross-Region profile: which destination Regions a request made from each source Region
 * may run in. AWS's profiles route differently depending on the Region they are called from
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html: "some inference
 * profiles route to different destination Regions depending on the source Region"): from Auckland, an
 * `au.` request may run in ap-southeast-6, -2 and -4; from Sydney or Melbourne, in -2 and -4. Guardrail
 * profiles route the same way (us-west-1 and il-central-1 add themselves to their geography's set).
 *
 * The shape is plain data, shared by every kind of cross-Region profile the catalog describes (model
 * inference profiles in `geographies.ts`; guardrail profiles may reuse it): groups of source Regions
 * that send requests to the same destinations.
 */

/** Requests made from any of `sources` may run in any of `destinations`. */
export interface SourceRoutes {
    /** Source Regions: where the profile is called from. */
    readonly sources: readonly string[];
    /** Destination Regions: where a request from those sources may run. */
    readonly destinations: readonly string[];
}

/** Destination Regions by source Region (sorted, frozen). */
export type RouteTable = ReadonlyMap<string, readonly string[]>;

/** Routes declared per source Region: `{ "<source>": ["<destination>", ...] }`. */
export type RoutesBySource = Readonly<Record<string, readonly string[]>>;

function sortedUnique(values: Iterable<string>): readonly string[] {
    return Object.freeze([...new Set(values)].sort());
}

/**
 * The table of `groups`: each source of a group routes to the group's destinations. A source listed
 * in two groups is an error (its routes would be ambiguous).
 */
export function routeTable(groups: readonly SourceRoutes[]): RouteTable {
    const table = new Map<string, readonly string[]>();
    for (const g of groups) {
        const destinations = sortedUnique(g.destinations);
        for (const s of g.sources) {
            if (table.has(s)) throw new Error(`routeTable: source Region ${s} is listed twice`);
            table.set(s, destinations);
        }
    }
    return new Map([...table.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** `table` with the routes of `extra` added, replacing those of a source listed in both. */
export function withRoutes(table: RouteTable, extra: RoutesBySource): RouteTable {
    const merged = new Map(table);
    for (const [source, destinations] of Object.entries(extra)) merged.set(source, sortedUnique(destinations));
    return new Map([...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Where a request from `source` may run, or undefined when `table` has no routes from `source`. */
export function routesFrom(table: RouteTable, source: string): readonly string[] | undefined {
    return table.get(source);
}

/** Every source Region of `table`, sorted. */
export function sourcesOf(table: RouteTable): readonly string[] {
    return sortedUnique(table.keys());
}

/** Every destination Region of `table` (the union over its sources), sorted. */
export function destinationsOf(table: RouteTable): readonly string[] {
    return sortedUnique([...table.values()].flat());
}

/** `table` as groups of sources with equal destinations, in order of their first source. */
export function routeGroups(table: RouteTable): SourceRoutes[] {
    const groups = new Map<string, { sources: string[]; destinations: readonly string[] }>();
    for (const [source, destinations] of table) {
        const key = destinations.join(",");
        const g = groups.get(key);
        if (g) g.sources.push(source);
        else groups.set(key, { sources: [source], destinations });
    }
    return [...groups.values()];
}

/** Whether every source of `table` routes to the same destinations. */
export function sameFromEverySource(table: RouteTable): boolean {
    return routeGroups(table).length <= 1;
}
