/**
 * Gaps in the catalog: a fact no cited source settles (a model and geography pair no page lists, a
 * Region the catalog does not know). The package refuses only what a cited source says cannot work; a
 * gap is accepted, granted as the program declared it, with one warning per program that names the gap
 * and how to declare the fact in the program (README, "Extending the catalog").
 */
import * as pulumi from "@pulumi/pulumi";
import { perProgram } from "./program-state";
import type { Where } from "./validation";

const warned = perProgram(() => new Set<string>());

/** The message of a gap warning: who, what the catalog does not know, and the override. */
export function gapMessage(where: Where, gap: string, override: string): string {
    const who = where.name !== undefined ? `${where.component} "${where.name}"` : where.component;
    return `${who}: ${gap}; accepted as declared. If AWS serves it, declare it in the program to silence this warning: ${override}`;
}

/**
 * Warns once per program about the gap `gap` (what the catalog does not know), naming `override`
 * (the code that declares it). A gap is warned once per program, by the first component that meets it.
 */
export function warnGap(where: Where, gap: string, override: string, resource?: pulumi.Resource): void {
    const key = `${gap}\n${override}`;
    const seen = warned();
    if (seen.has(key)) return;
    seen.add(key);
    void pulumi.log.warn(gapMessage(where, gap, override), resource);
}
