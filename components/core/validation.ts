/**
 * Validation shared by every component: each check names the component, the argument, the value and
 * the rule. Values known at construction are checked synchronously, before any child is registered;
 * values known only at deploy time are checked inside `apply` with the same message.
 */
import * as pulumi from "@pulumi/pulumi";

/**
 * An argument refused by a component. `argument` is the argument's path (`variants[1].variantName`).
 * It is a `pulumi.InputPropertyError`, so a component provider (the cross-language components in
 * `provider/`) reports it to the engine as an error of that input property (`@pulumi/pulumi/provider/server.js`,
 * `InputPropertyError.isInstance`), and the CLI prints it as such.
 */
export class BedrockValidationError extends pulumi.InputPropertyError {
    constructor(
        /** The component (or factory) that refused the argument, e.g. `ApplicationInferenceProfile` or `PromptVariant.chat`. */
        public readonly component: string,
        /** The refused argument's path, e.g. `inferenceProfileName` or `variants[1].variantName`. */
        public readonly argument: string,
        message: string,
        /** The Pulumi name of the component that refused it, when it has one (to find where the program created it). */
        public readonly resourceName?: string,
    ) {
        super({ propertyPath: argument, reason: message });
        this.name = "BedrockValidationError";
    }
}

/** Who is validating: the component type and its Pulumi name, used as the message's prefix. */
export interface Where {
    component: string;
    name?: string;
}

/** Shows a value in a message: strings quoted, everything else as JSON. */
export function show(value: unknown): string {
    // Stryker disable next-line ConditionalExpression: without it, JSON.stringify(undefined) is undefined, whose .length throws into the catch, which returns String(undefined), the same "undefined"
    if (value === undefined) return "undefined";
    if (typeof value === "string") return JSON.stringify(value);
    if (typeof value === "number") return String(value);
    // Booleans and null: JSON.stringify, below, gives their text (only for numbers, NaN and Infinity, does it differ).
    if (pulumi.Output.isInstance(value)) return "<output>";
    try {
        const text = JSON.stringify(value);
        return text.length > 120 ? `${text.slice(0, 117)}...` : text;
    } catch {
        return String(value);
    }
}

/** Throws `<Component> "<name>": <argument> <value> <rule>`. */
export function fail(where: Where, argument: string, value: unknown, rule: string): never {
    const who = where.name !== undefined ? `${where.component} "${where.name}"` : where.component;
    // Keep enough frames to reach the program's own call below the package's: the offline preview shows it.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = Math.max(limit, 50);
    let err: BedrockValidationError;
    try {
        err = new BedrockValidationError(where.component, argument, `${who}: ${argument} ${show(value)} ${rule}`, where.name);
    } finally {
        Error.stackTraceLimit = limit;
    }
    throw err;
}

/** The rule for a value that must be a static member of `typeName`: "must be one of T.A, .B, .C". */
export function memberRule(typeName: string, members: { name: string }[]): string {
    return `must be one of ${typeName}.${members.map((m) => m.name).join(", .")}`;
}

/** A string rule: lengths, and a pattern with a readable explanation. */
export interface StringRule {
    min?: number;
    max?: number;
    pattern?: RegExp;
    /** What the pattern allows, in words. */
    patternText?: string;
    /** Whether the value may be absent. */
    optional?: boolean;
}

/** The problem with `value` under `rule`, or undefined when it passes. */
export function stringProblem(value: unknown, rule: StringRule): string | undefined {
    if (value === undefined || value === null) return rule.optional ? undefined : "is required";
    if (typeof value !== "string") return "must be a string";
    const len = [...value].length;
    if (rule.min !== undefined && len < rule.min) {
        return rule.min === 1 ? "must not be empty" : `must have at least ${rule.min} characters (has ${len})`;
    }
    if (rule.max !== undefined && len > rule.max) return `must have at most ${rule.max} characters (has ${len})`;
    if (rule.pattern && !rule.pattern.test(value)) {
        return `must match ${rule.pattern.source}${rule.patternText ? ` (${rule.patternText})` : ""}`;
    }
    return undefined;
}

/**
 * Checks a string argument. A plain value is checked now (throwing before any resource is
 * registered); an Output is returned wrapped in an `apply` that throws the same message at deploy time.
 */
export function checkString<T extends pulumi.Input<string> | undefined>(where: Where, argument: string, value: T, rule: StringRule): T {
    if (pulumi.Output.isInstance(value)) {
        return (value as pulumi.Output<string>).apply((v) => {
            const problem = stringProblem(v, rule);
            if (problem) fail(where, argument, v, problem);
            return v;
        }) as unknown as T;
    }
    if (value !== undefined && value !== null && typeof value === "object" && typeof (value as { then?: unknown }).then === "function") {
        return pulumi.output(value as pulumi.Input<string>).apply((v) => {
            const problem = stringProblem(v, rule);
            if (problem) fail(where, argument, v, problem);
            return v;
        }) as unknown as T;
    }
    const problem = stringProblem(value, rule);
    if (problem) fail(where, argument, value, problem);
    return value;
}

/** A number rule. */
export interface NumberRule {
    min?: number;
    max?: number;
    integer?: boolean;
    optional?: boolean;
}

/** The problem with `value` under `rule`, or undefined when it passes. */
export function numberProblem(value: unknown, rule: NumberRule): string | undefined {
    if (value === undefined || value === null) return rule.optional ? undefined : "is required";
    if (typeof value !== "number" || Number.isNaN(value)) return "must be a number";
    if (rule.integer && !Number.isInteger(value)) return "must be an integer";
    if (rule.min !== undefined && rule.max !== undefined && (value < rule.min || value > rule.max)) {
        return `must be between ${rule.min} and ${rule.max}`;
    }
    if (rule.min !== undefined && value < rule.min) return `must be at least ${rule.min}`;
    if (rule.max !== undefined && value > rule.max) return `must be at most ${rule.max}`;
    return undefined;
}

/** Checks a number argument (synchronously for plain values, in `apply` for Outputs). */
export function checkNumber<T extends pulumi.Input<number> | undefined>(where: Where, argument: string, value: T, rule: NumberRule): T {
    if (pulumi.Output.isInstance(value)) {
        return (value as pulumi.Output<number>).apply((v) => {
            const problem = numberProblem(v, rule);
            if (problem) fail(where, argument, v, problem);
            return v;
        }) as unknown as T;
    }
    const problem = numberProblem(value, rule);
    if (problem) fail(where, argument, value, problem);
    return value;
}

/** Checks that `args` is an object (a component called without its arguments). */
export function checkArgs(where: Where, args: unknown): void {
    if (args === undefined || args === null || typeof args !== "object") {
        fail(where, "args", args, "is required (an object with the component's arguments)");
    }
}

// ---- AWS tag rules (CloudFormation `Tag`: key 1-128, value 0-256, `^[a-zA-Z0-9\s._:/=+@-]*$`, at most 200) ----

const TAG_PATTERN = /^[a-zA-Z0-9\s._:/=+@-]*$/;
const TAG_TEXT = "letters, digits, spaces and . _ : / = + @ -";

/** Tags as a map (`{ team: "ml" }`) or as a list (`[{ key: "team", value: "ml" }]`). */
export type Tags =
    | Record<string, pulumi.Input<string>>
    | {
          /** The tag key: 1-128 characters of letters, digits, spaces and `. _ : / = + @ -`; not starting with `aws:`; unique. */
          key: string;
          /** The tag value: 0-256 characters of letters, digits, spaces and `. _ : / = + @ -`. */
          value: pulumi.Input<string>;
      }[];

/**
 * Validates tags given as a map or a list and returns them as the CloudFormation list form, sorted
 * by key (so the order they were written in never shows as a diff).
 */
export function normalizeTags(where: Where, tags: Tags | undefined, argument = "tags"): { key: string; value: pulumi.Input<string> }[] | undefined {
    if (tags === undefined) return undefined;
    let list: { key: string; value: pulumi.Input<string> }[];
    if (Array.isArray(tags)) {
        list = tags.map((t, i) => {
            if (!t || typeof t !== "object") fail(where, `${argument}[${i}]`, t, "must be an object { key, value }");
            return { key: t.key, value: t.value };
        });
    } else if (tags && typeof tags === "object") {
        list = Object.entries(tags).map(([key, value]) => ({ key, value }));
    } else {
        return fail(where, argument, tags, "must be a map of tag keys to values or a list of { key, value }");
    }
    if (list.length > 200) fail(where, argument, `${list.length} tags`, "must hold at most 200 tags");
    const seen = new Set<string>();
    list.forEach((t, i) => {
        checkString(where, `${argument}[${i}].key`, t.key, { min: 1, max: 128, pattern: TAG_PATTERN, patternText: TAG_TEXT });
        if (t.key.toLowerCase().startsWith("aws:")) fail(where, `${argument}[${i}].key`, t.key, 'must not start with the reserved prefix "aws:"');
        if (seen.has(t.key)) fail(where, `${argument}[${i}].key`, t.key, "is given twice");
        seen.add(t.key);
        t.value = checkString(where, `${argument}[${i}].value`, t.value, { min: 0, max: 256, pattern: TAG_PATTERN, patternText: TAG_TEXT });
    });
    // Keys are unique (checked above): no two compare equal.
    return list.sort((a, b) => (a.key < b.key ? -1 : 1));
}
