/**
 * Outputs the user gives the preview's mocks (`--mock <type>.<output>=<value>`, `--mocks <file.json>`),
 * and the lines that name the outputs a program read and the mocks gave no value for.
 */
import * as fs from "fs";
import type { BedrockMocksOptions } from "../testing/mocks";
import type { MissingOutput } from "../testing/output-reads";

/** Outputs per resource type: `{ "<type token>": { "<output>": value } }` (an `id` key sets the id). */
export type MockOutputs = Record<string, Record<string, unknown>>;

/** A Pulumi type token: `<package>:<module>:<Type>`. */
const TYPE_TOKEN = /^[a-zA-Z][a-zA-Z0-9-]*:[a-zA-Z0-9_./-]*:[a-zA-Z][a-zA-Z0-9_]*$/;
/** An output (property) name. */
const OUTPUT_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A problem with `--mock` or `--mocks`, to show as is. */
export class MockOptionError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "MockOptionError";
    }
}

function checkKey(where: string, type: string, output: string): void {
    if (!TYPE_TOKEN.test(type))
        throw new MockOptionError(`${where}: ${JSON.stringify(type)} is not a resource type token (<package>:<module>:<Type>, e.g. aws:kms/key:Key)`);
    if (!OUTPUT_NAME.test(output)) throw new MockOptionError(`${where}: ${JSON.stringify(output)} is not an output name`);
}

/**
 * Parses one `--mock <type>.<output>=<value>`: the output is the text after the last `.` before the
 * first `=`; the value is the text after it, as a string (give other JSON values in a `--mocks` file).
 */
export function parseMockOption(spec: string): { type: string; output: string; value: string } {
    const eq = spec.indexOf("=");
    const key = eq < 0 ? spec : spec.slice(0, eq);
    const dot = key.lastIndexOf(".");
    if (eq < 0 || dot < 0)
        throw new MockOptionError(`--mock ${spec}: expected <type>.<output>=<value>, e.g. aws:kms/key:Key.arn=arn:aws:kms:us-east-1:123456789012:key/<id>`);
    const type = key.slice(0, dot);
    const output = key.slice(dot + 1);
    checkKey(`--mock ${spec}`, type, output);
    return { type, output, value: spec.slice(eq + 1) };
}

/** Reads a `--mocks` file: a JSON object `{ "<type>": { "<output>": value, ... }, ... }`. */
export function readMocksFile(file: string): MockOutputs {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (err) {
        throw new MockOptionError(`--mocks ${file}: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (err as Error).message}`);
    }
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (err) {
        throw new MockOptionError(`--mocks ${file}: not JSON (${(err as Error).message})`);
    }
    const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
    if (!isObject(doc)) throw new MockOptionError(`--mocks ${file}: expected an object of resource types, e.g. {"aws:kms/key:Key": {"arn": "..."}}`);
    const out: MockOutputs = {};
    for (const [type, outputs] of Object.entries(doc)) {
        if (!isObject(outputs)) throw new MockOptionError(`--mocks ${file}: ${type}: expected an object of outputs, e.g. {"arn": "..."}`);
        for (const output of Object.keys(outputs)) checkKey(`--mocks ${file}`, type, output);
        out[type] = { ...outputs };
    }
    return out;
}

/** The outputs of `--mocks` files (in order) and then `--mock` options (which win), merged per type. */
export function mockOutputs(files: readonly string[], specs: readonly string[]): MockOutputs {
    const out: MockOutputs = {};
    for (const file of files) for (const [type, outputs] of Object.entries(readMocksFile(file))) out[type] = { ...out[type], ...outputs };
    for (const spec of specs) {
        const { type, output, value } = parseMockOption(spec);
        out[type] = { ...out[type], [output]: value };
    }
    return out;
}

/** `mockOutputs` as the mocks take them (undefined when there are none). */
export function asMocksOutputs(outputs: MockOutputs): BedrockMocksOptions["outputs"] {
    return Object.keys(outputs).length === 0 ? undefined : outputs;
}

/**
 * Lines naming the outputs a program read and the mocks gave no value for, and how to give them one
 * (none when `missing` is empty).
 */
export function describeMissingOutputs(missing: readonly MissingOutput[]): string[] {
    if (missing.length === 0) return [];
    const first = missing[0];
    return [
        `the mocks gave no value for ${missing.length === 1 ? "an output" : "outputs"} the program read:`,
        ...missing.map((m) => `    ${m.type} "${m.name}": ${m.output}`),
        `give ${missing.length === 1 ? "it a value" : "them values"} with --mock ${first.type}.${first.output}=<value> (repeatable) or --mocks <file.json>`,
    ];
}
