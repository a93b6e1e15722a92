/**
 * README's geography, default-router and model tables, rendered from the catalog itself so the docs
 * cannot drift from the code. `npx ts-node scripts/readme-tables.ts` rewrites the tables in README.md
 * (between the `<!-- <name>: begin -->` and `<!-- <name>: end -->` markers); `tests/readme-tables.spec.ts`
 * fails when README differs from what this renders.
 */
import * as fs from "fs";
import * as path from "path";
import { BedrockFoundationModel } from "../components/catalog/foundation-model";
import { CrossRegionInferenceProfileRegion } from "../components/catalog/geographies";
import { GuardrailProfileRegion } from "../components/catalog/guardrail-profiles";
import { DefaultPromptRouterIdentifier } from "../components/prompts/prompt-router";

/** Markdown link text for a source: a URL becomes a link, anything else is kept as written. */
function sourceLink(source: string): string {
    const m = /^(https?:\/\/\S+)(.*)$/.exec(source);
    if (!m) return source;
    const url = m[1];
    const rest = m[2].trim();
    const title = url.replace(/^https?:\/\/(docs\.aws\.amazon\.com\/)?/, "").replace(/\.html$/, "");
    return `[${title}](${url})${rest ? ` ${rest}` : ""}`;
}

/** A geography's routes: `sources -> destinations` per group, or its Regions when every source routes to all of them. */
function routesCell(g: CrossRegionInferenceProfileRegion): string {
    if (g.isGlobal) return "every commercial Region (IAM sees the Region-less model ARN)";
    const groups = g.routes;
    if (groups.length === 1 && groups[0].sources.join() === groups[0].destinations.join()) return `${g.regions.join(", ")} (each routes to all)`;
    return groups.map((r) => `from ${r.sources.join(", ")}: ${r.destinations.join(", ")}`).join("; ");
}

/** The geography table: member, prefix, partition, routes, sources. */
export function renderGeographyTable(): string {
    const rows = CrossRegionInferenceProfileRegion.values().map(
        (g) => `| \`${g.name}\` | \`${g.prefix}.\` | ${g.partition} | ${routesCell(g)} | ${g.sources.map(sourceLink).join("; ")} |`,
    );
    return ["| member | prefix | partition | source Regions and where their requests run | sources |", "|---|---|---|---|---|", ...rows].join("\n");
}

/** The default prompt router table: member, router id, routed models, Regions, source. */
export function renderRouterTable(): string {
    const rows = DefaultPromptRouterIdentifier.values().map(
        (d) =>
            `| \`${d.name}\` | \`${d.promptRouterId}\` | ${d.routingModels.map((m) => `\`${m.modelId}\``).join(", ")} | ${d.regions.join(", ")} | ${sourceLink(d.source)} |`,
    );
    return ["| member | router id | routes between | Regions | source |", "|---|---|---|---|---|", ...rows].join("\n");
}

/** Catalog constants (aliases folded into the first name) in declaration order. */
function catalogEntries(): { names: string[]; model: BedrockFoundationModel }[] {
    const out: { names: string[]; model: BedrockFoundationModel }[] = [];
    for (const [name, value] of Object.entries(BedrockFoundationModel)) {
        if (!(value instanceof BedrockFoundationModel)) continue;
        const known = out.find((e) => e.model === value);
        if (known) known.names.push(name);
        else out.push({ names: [name], model: value });
    }
    return out;
}

/** Every geography prefix, in the geographies' declaration order. */
const PREFIXES = CrossRegionInferenceProfileRegion.values().map((g) => g.prefix);

/** The geographies a model's sources leave open (accepted with a warning). */
function undocumented(m: BedrockFoundationModel): string[] {
    return PREFIXES.filter((p) => m.profileStatus(p) === "undocumented");
}

/**
 * The model table: constant(s), model id, output, cross-region geographies listed and left open,
 * Marketplace product id, agents, legacy, and the sources of the row (numbered, listed below the table).
 */
export function renderModelTable(): string {
    const sources: string[] = [];
    const ref = (url: string) => {
        let i = sources.indexOf(url);
        if (i < 0) i = sources.push(url) - 1;
        return `[${i + 1}]`;
    };
    const rows = catalogEntries().map(({ names, model: m }) => {
        const listed = !m.supportsCrossRegion ? "none" : m.crossRegionGeographies?.length ? m.crossRegionGeographies.map((g) => `\`${g}\``).join(", ") : "";
        const open = !m.supportsCrossRegion
            ? ""
            : undocumented(m).length === PREFIXES.length
              ? "all"
              : undocumented(m)
                    .map((g) => `\`${g}\``)
                    .join(", ");
        const dims = m.vectorDimensions ? ` (${m.vectorDimensions.join("/")} dims)` : "";
        const marketplace = m.marketplaceProductId === null ? "no" : (m.marketplaceProductId ?? "");
        return `| ${names.map((n) => `\`${n}\``).join(", ")} | \`${m.modelId}\`${dims} | ${m.outputModality ?? ""} | ${listed} | ${open} | ${marketplace} | ${m.supportsAgents ? "yes" : "no"} | ${m.legacy ? "yes" : ""} | ${m.sources.map(ref).join("")} |`;
    });
    return [
        "| constant | model id | output | cross-region geographies (listed) | not documented (accepted with a warning) | Marketplace product | listed for agents | legacy | sources |",
        "|---|---|---|---|---|---|---|---|---|",
        ...rows,
        "",
        ...sources.map((url, i) => `${i + 1}. ${sourceLink(url)}`),
    ].join("\n");
}

/**
 * The guardrail profile table: member, profile id, partition, and per group of sources with the same
 * destinations, the sources and their destinations.
 */
export function renderGuardrailProfileTable(): string {
    const rows = GuardrailProfileRegion.values().flatMap((g) => {
        const groups = new Map<string, string[]>();
        for (const source of g.sourceRegions) {
            const key = g.destinationRegionsFrom(source).join(", ");
            groups.set(key, [...(groups.get(key) ?? []), source]);
        }
        return [...groups].map(
            ([destinations, sources]) => `| \`${g.name}\` | \`${g.profileId}\` | ${g.partition} | ${sources.join(", ")} | ${destinations} |`,
        );
    });
    return ["| member | profile id | partition | source Regions | destination Regions |", "|---|---|---|---|---|", ...rows].join("\n");
}

/** The tables by marker name. */
export const TABLES: Record<string, () => string> = {
    "geography-table": renderGeographyTable,
    "default-router-table": renderRouterTable,
    "model-table": renderModelTable,
    "guardrail-profile-table": renderGuardrailProfileTable,
};

/** `readme` with every marked table replaced by its rendering; throws when a marker is missing. */
export function renderReadme(readme: string): string {
    let out = readme;
    for (const [name, render] of Object.entries(TABLES)) {
        const begin = `<!-- ${name}: begin -->`;
        const end = `<!-- ${name}: end -->`;
        const i = out.indexOf(begin);
        const j = out.indexOf(end);
        if (i < 0 || j < i) throw new Error(`README.md has no ${begin} ... ${end} block`);
        out = `${out.slice(0, i + begin.length)}\n${render()}\n${out.slice(j)}`;
    }
    return out;
}

/** The README path of this repository. */
export const README_PATH = path.join(__dirname, "..", "README.md");

if (require.main === module) {
    const before = fs.readFileSync(README_PATH, "utf8");
    const after = renderReadme(before);
    if (after !== before) fs.writeFileSync(README_PATH, after);
    console.log(after === before ? "README.md tables are up to date" : "README.md tables rewritten");
}
