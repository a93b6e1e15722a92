/**
 * Symbolic strings: values known only at deploy time (account, Region, partition, service-generated
 * ids) stand in policy documents as placeholders `«label»` with a known maximum length. Policies are
 * merged, sorted, measured and split on these symbolic documents before any resource is registered;
 * the placeholders are replaced by their values when the documents are rendered at deploy time.
 *
 * Labels are stable names (a resource's Pulumi name, "account", ...), never counters, so the
 * symbolic layout of a program does not depend on the order its resources are declared in.
 */
import * as pulumi from "@pulumi/pulumi";
import { perProgram } from "./program-state";

interface Entry {
    readonly value: pulumi.Output<string>;
    readonly maxLength: number;
}

interface Scope {
    readonly byLabel: Map<string, Entry>;
    readonly byOutput: WeakMap<pulumi.Output<string>, string>;
}

const OPEN = "\u00ab";
const CLOSE = "\u00bb";
const TOKEN = /\u00ab([^\u00ab\u00bb]+)\u00bb/g;

// One scope per program evaluation, so labels from one never leak into the next.
const scope = perProgram<Scope>(() => ({ byLabel: new Map(), byOutput: new WeakMap() }));

/**
 * A placeholder for `value`, whose resolved length is at most `maxLength`. A plain string is
 * returned as it is. The same Output always gets the same placeholder.
 */
export function symbolic(value: pulumi.Input<string>, label: string, maxLength: number): string {
    if (typeof value === "string") return value;
    // `pulumi.output(o)` wraps an Output in a new one: key the cache on the Output given, so asking
    // twice for the same Output gives the same placeholder.
    const output = pulumi.Output.isInstance(value) ? (value as pulumi.Output<string>) : pulumi.output(value);
    const s = scope();
    const known = s.byOutput.get(output);
    if (known !== undefined) return known;
    let name = label.replace(/[\u00ab\u00bb]/g, "");
    for (let n = 2; s.byLabel.has(name); n++) name = `${label}#${n}`;
    s.byLabel.set(name, { value: output, maxLength });
    const token = `${OPEN}${name}${CLOSE}`;
    s.byOutput.set(output, token);
    return token;
}

/** Whether `text` holds any placeholder. */
export function hasSymbols(text: string): boolean {
    return text.includes(OPEN);
}

/** The labels of the placeholders in `text`, each once, sorted. */
export function symbolLabels(text: string): string[] {
    const labels = new Set<string>();
    for (const m of text.matchAll(TOKEN)) labels.add(m[1]);
    return [...labels].sort();
}

/** The most characters `text` can have once every placeholder is replaced by its value. */
export function maxLength(text: string): number {
    const s = scope();
    return text.replace(TOKEN, (_whole, label: string) => "x".repeat(entry(s, label).maxLength)).length;
}

function entry(s: Scope, label: string): Entry {
    const e = s.byLabel.get(label);
    if (!e) throw new Error(`internal error: unknown placeholder «${label}»`);
    return e;
}

/**
 * Replaces every placeholder in `text` by its value (escaped for a JSON string when `json` is
 * true). The result is an Output that is unknown while any value is unknown. `after`: an Output the
 * result also waits for (and fails with), in the same `pulumi.all`.
 */
export function resolveSymbols(text: string, json = false, after?: pulumi.Output<unknown>): pulumi.Output<string> {
    const labels = symbolLabels(text);
    // Stryker disable next-line ConditionalExpression: with no labels the general path is pulumi.all([]) or pulumi.all([after]), applied to the text unchanged: the same value, known-ness and secrecy
    if (labels.length === 0) {
        return after ? after.apply(() => text) : pulumi.output(text);
    }
    const s = scope();
    // `after` last (an undefined one is a resolved undefined to pulumi.all, which the apply never reads).
    const values: pulumi.Input<unknown>[] = [...labels.map((l) => entry(s, l).value), after];
    return pulumi.all(values).apply((resolved) => {
        const byLabel = new Map(labels.map((l, i) => [l, resolved[i] as string]));
        return text.replace(TOKEN, (_whole, label: string) => {
            const v = byLabel.get(label) as string;
            return json ? JSON.stringify(v).slice(1, -1) : v;
        });
    });
}

/** The value behind a symbolic string as an Output (the string itself when it holds no placeholder). */
export function toOutput(text: string): pulumi.Output<string> {
    return resolveSymbols(text, false);
}
