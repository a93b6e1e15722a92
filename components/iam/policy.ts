/**
 * IAM policy documents as plain data: canonical form, merging, sorting, measuring and splitting.
 * Pure functions; strings may hold symbolic placeholders (`symbols.ts`), which are measured at
 * their maximum length.
 */
import { maxLength } from "../core/symbols";

/** `{ operator: { key: values } }`, e.g. `{ StringEquals: { "bedrock:InferenceProfileArn": [arn] } }`. */
export type ConditionBlock = Record<string, Record<string, string[]>>;

/** An IAM policy statement in canonical form: arrays everywhere, sorted and without duplicates. */
export interface Statement {
    /** `Allow` or `Deny`. */
    Effect: "Allow" | "Deny";
    /** IAM actions, e.g. `bedrock:InvokeModel`; sorted, without duplicates (empty with `NotAction`). */
    Action: string[];
    /** Resource ARNs the statement applies to; sorted, without duplicates (empty with `NotResource`). */
    Resource: string[];
    /** Actions the statement applies to all but, in a parsed document (this package never writes it). */
    NotAction?: string[];
    /** Resources the statement applies to all but, in a parsed document (this package never writes it). */
    NotResource?: string[];
    /** Conditions, `{ operator: { key: values } }`; absent when the statement has none. */
    Condition?: ConditionBlock;
}

/** A policy document as IAM receives it (single values are written as strings, not arrays). */
export interface PolicyDocumentJson {
    Version: "2012-10-17";
    Statement: Record<string, unknown>[];
}

/** IAM's size limits, in characters without whitespace. */
export const IAM_LIMITS = {
    /** All inline policies of one role together. */
    inlinePerRole: 10_240,
    /** One customer-managed policy. */
    managedPolicy: 6_144,
    /** Managed policies attached to one role: the default quota. */
    managedPerRoleDefault: 10,
    /** Managed policies attached to one role: the most the quota can be raised to. */
    managedPerRoleMax: 20,
} as const;

/** Condition operators whose value list means "any of": merging two lists is an exact OR. */
const ANY_OF_OPERATORS = new Set([
    "StringEquals",
    "StringEqualsIgnoreCase",
    "StringLike",
    "ArnEquals",
    "ArnLike",
    "ForAnyValue:StringEquals",
    "ForAnyValue:StringLike",
    // "IfExists": (absent or in A) or (absent or in B) = absent or in A∪B.
    "StringEqualsIfExists",
    "StringLikeIfExists",
    "ArnEqualsIfExists",
    "ArnLikeIfExists",
]);

function uniqueSorted(values: Iterable<string>): string[] {
    return [...new Set(values)].sort(compareStrings);
}

/** Code-unit order, independent of locale. */
export function compareStrings(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** The canonical form of a statement: sorted, de-duplicated, empty conditions dropped. */
export function canonical(s: Statement): Statement {
    const out: Statement = { Effect: s.Effect, Action: uniqueSorted(s.Action), Resource: uniqueSorted(s.Resource) };
    if (s.NotAction) out.NotAction = uniqueSorted(s.NotAction);
    if (s.NotResource) out.NotResource = uniqueSorted(s.NotResource);
    if (s.Condition) {
        const cond: ConditionBlock = {};
        for (const op of Object.keys(s.Condition).sort(compareStrings)) {
            const keys = Object.keys(s.Condition[op]).sort(compareStrings);
            if (keys.length === 0) continue;
            cond[op] = {};
            for (const k of keys) cond[op][k] = uniqueSorted(s.Condition[op][k]);
        }
        if (Object.keys(cond).length > 0) out.Condition = cond;
    }
    return out;
}

/** The statement as IAM JSON: single actions, resources and condition values as plain strings. */
export function statementJson(s: Statement): Record<string, unknown> {
    const one = (v: string[]) => (v.length === 1 ? v[0] : v);
    const json: Record<string, unknown> = { Effect: s.Effect };
    if (s.NotAction) json.NotAction = one(s.NotAction);
    else json.Action = one(s.Action);
    if (s.NotResource) json.NotResource = one(s.NotResource);
    else json.Resource = one(s.Resource);
    if (s.Condition) {
        const cond: Record<string, Record<string, unknown>> = {};
        for (const [op, keys] of Object.entries(s.Condition)) {
            cond[op] = {};
            for (const [k, v] of Object.entries(keys)) cond[op][k] = one(v);
        }
        json.Condition = cond;
    }
    return json;
}

/** Parses IAM JSON (strings or arrays) back into canonical statements. */
export function parseStatements(doc: { Statement: unknown } | string): Statement[] {
    const parsed = typeof doc === "string" ? (JSON.parse(doc) as { Statement: unknown }) : doc;
    const list = Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement];
    const many = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? (v as string[]) : [v as string]);
    return list.map((raw: Record<string, unknown>) => {
        const s: Statement = {
            Effect: raw.Effect as "Allow" | "Deny",
            Action: many(raw.Action),
            Resource: many(raw.Resource),
        };
        if (raw.NotAction !== undefined) s.NotAction = many(raw.NotAction);
        if (raw.NotResource !== undefined) s.NotResource = many(raw.NotResource);
        if (raw.Condition) {
            s.Condition = {};
            for (const [op, keys] of Object.entries(raw.Condition as Record<string, Record<string, unknown>>)) {
                s.Condition[op] = {};
                for (const [k, v] of Object.entries(keys)) s.Condition[op][k] = many(v);
            }
        }
        return canonical(s);
    });
}

function key(s: Statement): string {
    return JSON.stringify(s);
}

/** Sorts canonical statements by their JSON text. */
export function sortStatements(statements: Statement[]): Statement[] {
    return statements
        .map((s) => ({ s, k: key(s) }))
        .sort((a, b) => compareStrings(a.k, b.k))
        .map((x) => x.s);
}

function groupBy<T>(items: T[], keyOf: (t: T) => string): T[][] {
    const groups = new Map<string, T[]>();
    for (const item of items) {
        const k = keyOf(item);
        const g = groups.get(k);
        if (g) g.push(item);
        else groups.set(k, [item]);
    }
    return [...groups.values()];
}

function conditionKey(s: Statement): string {
    return JSON.stringify(s.Condition ?? null);
}

/**
 * Same Effect and conditions: each resource listed once, in the statement of the actions it is
 * allowed. Statements with equal actions share one resource list, and statements with equal
 * resources share one action list; a resource granted different actions by different grants gets
 * the union, in the statement of that action set. Exact: the (action, resource) pairs allowed under
 * each condition are unchanged.
 */
function factorByResource(statements: Statement[]): Statement[] {
    return groupBy(statements, (s) => `${s.Effect}|${conditionKey(s)}`).flatMap((group) => {
        if (group.length === 1) return group;
        const actionsOf = new Map<string, Set<string>>();
        for (const s of group) {
            for (const r of s.Resource) {
                const set = actionsOf.get(r) ?? new Set<string>();
                s.Action.forEach((a) => set.add(a));
                actionsOf.set(r, set);
            }
        }
        const entries = [...actionsOf].map(([r, set]) => ({ r, actions: uniqueSorted(set) }));
        return groupBy(entries, (e) => e.actions.join(",")).map((g) => canonical({ ...group[0], Action: g[0].actions, Resource: g.map((e) => e.r) }));
    });
}

/**
 * Same Effect, actions and resources, and conditions equal but for the values of one key under an
 * "any of" operator: one statement whose list for that key holds both lists (an exact OR).
 */
function mergeConditionValues(statements: Statement[]): Statement[] {
    let current = statements;
    let changed = true;
    while (changed) {
        changed = false;
        const out: Statement[] = [];
        for (const group of groupBy(current, (s) => `${s.Effect}|${s.Action.join(",")}|${s.Resource.join(",")}`)) {
            // Within the group, merge pairs that differ in exactly one (operator, key) value list.
            const pending = [...group];
            while (pending.length > 0) {
                let a = pending.shift() as Statement;
                for (let i = 0; i < pending.length;) {
                    const merged = mergeOneKey(a, pending[i]);
                    if (merged) {
                        a = merged;
                        pending.splice(i, 1);
                        changed = true;
                    } else {
                        i++;
                    }
                }
                out.push(a);
            }
        }
        current = out;
    }
    return current;
}

function conditionEntries(s: Statement): [string, string, string[]][] {
    const out: [string, string, string[]][] = [];
    for (const [op, keys] of Object.entries(s.Condition ?? {})) {
        for (const [k, v] of Object.entries(keys)) out.push([op, k, v]);
    }
    return out;
}

function mergeOneKey(a: Statement, b: Statement): Statement | undefined {
    const ea = conditionEntries(a);
    const eb = conditionEntries(b);
    if (ea.length !== eb.length) return undefined;
    let differing = -1;
    for (let i = 0; i < ea.length; i++) {
        if (ea[i][0] !== eb[i][0] || ea[i][1] !== eb[i][1]) return undefined;
        if (ea[i][2].join("\n") !== eb[i][2].join("\n")) {
            if (differing >= 0) return undefined;
            differing = i;
        }
    }
    // Stryker disable next-line ConditionalExpression: unreachable: factorByResource has already made one statement of those with equal Effect, actions, resources and conditions
    if (differing < 0) return a;
    const [op, k] = ea[differing];
    if (!ANY_OF_OPERATORS.has(op)) return undefined;
    const cond: ConditionBlock = JSON.parse(JSON.stringify(a.Condition));
    cond[op][k] = [...ea[differing][2], ...eb[differing][2]];
    return canonical({ ...a, Condition: cond });
}

/**
 * Merges statements without changing what they allow: under equal conditions each resource is listed
 * once, in the statement of the actions it is allowed (so equal actions share one resource list and
 * equal resources share one action list); condition value lists of one
 * "any of" key merge when everything else is equal. The result is sorted, and the same for any
 * order of the input.
 */
export function mergeStatements(statements: Statement[]): Statement[] {
    // Statements with NotAction or NotResource are kept as they are (canonical), not merged.
    const exclusive = statements.filter((s) => s.NotAction || s.NotResource).map(canonical);
    if (exclusive.length > 0) return sortStatements([...mergeStatements(statements.filter((s) => !s.NotAction && !s.NotResource)), ...exclusive]);
    let current = sortStatements(factorByResource(statements.map(canonical)));
    // Each round is a function of the sorted statements, so the result does not depend on the input
    // order; rounds stop when nothing changes (bounded, as a guard).
    for (let round = 0; round < 32; round++) {
        const before = current.map(key).join("\n");
        current = sortStatements(factorByResource(mergeConditionValues(current)));
        if (current.map(key).join("\n") === before) break;
    }
    return current;
}

/** The policy document for canonical statements, as compact JSON text. */
export function policyJson(statements: Statement[]): string {
    const doc: PolicyDocumentJson = { Version: "2012-10-17", Statement: statements.map(statementJson) };
    return JSON.stringify(doc);
}

/** The most characters (whitespace excluded) the document for `statements` can have once deployed. */
export function policySize(statements: Statement[]): number {
    return maxLength(policyJson(statements));
}

/** Characters of an empty document (`{"Version":"2012-10-17","Statement":[]}`). */
const EMPTY_DOC_SIZE = policyJson([]).length;

/** The most characters (whitespace excluded) one statement can have once deployed. */
export function statementSize(s: Statement): number {
    return maxLength(JSON.stringify(statementJson(s)));
}

/** Where statements go: into the role's inline policy, then into managed policies. */
export interface PolicyLayout {
    /** Statements of the inline policy (may be empty). */
    inline: Statement[];
    /** Statements of each managed policy, in order. */
    managed: Statement[][];
}

/** Limits for `layoutPolicies`. */
export interface LayoutLimits {
    /** Characters available to the inline policy (default: IAM's per-role limit). */
    inline?: number;
    /** Characters per managed policy (default: IAM's limit). */
    managed?: number;
}

/**
 * Packs merged statements into one inline policy of at most `limits.inline` characters and managed
 * policies of at most `limits.managed` characters each, in order, splitting a statement's resource
 * list (or, for a single resource, its "any of" condition values) where it does not fit. Sizes are
 * measured with every placeholder at its maximum length, so the layout holds for any deployed value.
 */
export function layoutPolicies(statements: Statement[], limits: LayoutLimits = {}): PolicyLayout {
    const inlineCap = limits.inline ?? IAM_LIMITS.inlinePerRole;
    const managedCap = limits.managed ?? IAM_LIMITS.managedPolicy;
    const docs: Statement[][] = [[]];
    const caps = [inlineCap];
    const used = [EMPTY_DOC_SIZE];
    const openDoc = () => {
        docs.push([]);
        caps.push(managedCap);
        used.push(EMPTY_DOC_SIZE);
    };
    const queue = [...statements];
    while (queue.length > 0) {
        const s = queue.shift() as Statement;
        const d = docs.length - 1;
        const sep = docs[d].length > 0 ? 1 : 0;
        const size = statementSize(s);
        if (used[d] + sep + size <= caps[d]) {
            docs[d].push(s);
            used[d] += sep + size;
            continue;
        }
        const room = caps[d] - used[d] - sep;
        const parts = splitToFit(s, room);
        if (parts) {
            docs[d].push(parts[0]);
            queue.unshift(parts[1]);
        } else if (docs[d].length === 0 && d > 0) {
            throw new Error(
                `An IAM statement of ${size} characters cannot be split to fit a policy of ${caps[d]} characters: ${JSON.stringify(statementJson(s)).slice(0, 200)}`,
            );
        } else {
            queue.unshift(s);
        }
        openDoc();
    }
    const [inline, ...managed] = docs;
    return { inline, managed: managed.filter((m) => m.length > 0) };
}

/**
 * The head of `s` that carries the most of it within `room` characters, and the rest; undefined when
 * no head fits. Candidates: a head of the resource list (the conditions stay on both parts), or a head
 * of the value list of one "any of" condition key (resources and other keys stay on both parts). Both
 * are exact: the two parts together allow what `s` allows. Ties go to the resource split, then to
 * the first key in canonical order.
 */
function splitToFit(s: Statement, room: number): [Statement, Statement] | undefined {
    const candidates: [Statement, Statement][] = [];
    const byResource = largestHead(s.Resource, (rs) => ({ ...s, Resource: rs }), room);
    if (byResource) candidates.push(byResource);
    for (const [op, k, values] of conditionEntries(s)) {
        if (!ANY_OF_OPERATORS.has(op)) continue;
        const withValues = (vs: string[]): Statement => {
            const cond: ConditionBlock = JSON.parse(JSON.stringify(s.Condition));
            cond[op][k] = vs;
            return { ...s, Condition: cond };
        };
        const split = largestHead(values, withValues, room);
        if (split) candidates.push(split);
    }
    let best: [Statement, Statement] | undefined;
    let bestRest = Infinity;
    for (const c of candidates) {
        const rest = statementSize(c[1]);
        if (rest < bestRest) {
            best = c;
            bestRest = rest;
        }
    }
    return best;
}

/** Splits `items` into the longest head whose statement fits `room` (at least one item each side). */
function largestHead(items: string[], make: (items: string[]) => Statement, room: number): [Statement, Statement] | undefined {
    // Sizes grow with the head: binary search for the longest head that fits.
    let lo = 0;
    // Stryker disable next-line ArithmeticOperator: the whole list never fits (only a statement that does not fit is split), so a higher bound finds the same head
    let hi = items.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (statementSize(make(items.slice(0, mid))) <= room) lo = mid;
        else hi = mid - 1;
    }
    if (lo === 0) return undefined;
    return [make(items.slice(0, lo)), make(items.slice(lo))];
}
