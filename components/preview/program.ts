/** Reading a program directory: `Pulumi.yaml` and the stack's `Pulumi.<stack>.yaml` (parsed with js-yaml). */
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { PreviewError } from "./errors";

/** A program to evaluate: where it is, its entry file, project, stack and configuration. */
export interface ProgramInfo {
    /** Absolute program directory. */
    dir: string;
    /** Absolute path of the entry file. */
    main: string;
    /** Project name (Pulumi.yaml `name`). */
    project: string;
    /** Stack whose `Pulumi.<stack>.yaml` was read, if any. */
    stack?: string;
    /** Configuration: project defaults, then the stack's plain values (secure values are skipped). */
    config: Record<string, string>;
    /** A note for stderr: several stack files and no stack given, so none was read. */
    note?: string;
    /** Keys Pulumi.yaml declares without a default (the CLI refuses to run the program without them). */
    required?: string[];
}

/** Parses a Pulumi project or stack file; a document that is not a mapping reads as `{}`. */
export function parseYamlFile(file: string): Record<string, unknown> {
    let doc: unknown;
    try {
        doc = yaml.load(fs.readFileSync(file, "utf8"), { filename: file });
    } catch (err) {
        throw new PreviewError(`${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
    return doc !== null && typeof doc === "object" && !Array.isArray(doc) ? (doc as Record<string, unknown>) : {};
}

function isMap(v: unknown): v is Record<string, unknown> {
    return v !== null && typeof v === "object" && !Array.isArray(v);
}

/**
 * A configuration value as Pulumi hands it to programs: strings as they are, numbers and booleans as
 * text, lists and maps as JSON; secure values (`{ secure: ... }`) and nulls are undefined.
 */
export function configValue(v: unknown): string | undefined {
    if (v === null || v === undefined) return undefined;
    if (typeof v === "string") return v;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    if (isMap(v) && "secure" in v) return undefined;
    return JSON.stringify(v);
}

/**
 * Reads a program directory: `Pulumi.yaml` (`name`, `main`, project `config` defaults) and the stack file
 * `Pulumi.<stack>.yaml` (the one given, else the only one present).
 */
export function readProgram(dir: string, stack?: string): ProgramInfo {
    const abs = path.resolve(dir);
    const projectFile = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(abs, f)).find((f) => fs.existsSync(f));
    if (!projectFile) throw new PreviewError(`${dir}: no Pulumi.yaml (is this a Pulumi program directory?)`);
    const project = parseYamlFile(projectFile);
    const name = typeof project.name === "string" ? project.name : path.basename(abs);
    const runtime = isMap(project.runtime) ? project.runtime.name : project.runtime;
    if (runtime !== undefined && runtime !== "nodejs") {
        throw new PreviewError(`${dir}: runtime ${String(runtime)}: the offline preview evaluates Node.js (TypeScript or JavaScript) programs`);
    }
    const main = resolveMain(abs, typeof project.main === "string" ? project.main : undefined);
    const config: Record<string, string> = {};
    const required: string[] = [];
    const qualify = (k: string) => (k.includes(":") ? k : `${name}:${k}`);
    if (isMap(project.config)) {
        for (const [k, v] of Object.entries(project.config)) {
            // The Pulumi CLI refuses to load a project whose array declaration has no `items`
            // (https://www.pulumi.com/docs/iac/concepts/projects/project-file/#config-options): so does the preview.
            if (isMap(v) && v.type === "array" && !isMap(v.items)) {
                throw new PreviewError(
                    `${projectFile}: The configuration key '${k}' declares an array but does not specify the underlying type via the 'items' attribute`,
                );
            }
            // A project config entry is a value, or a declaration `{ type, default | value, ... }`.
            const value = isMap(v) && !("secure" in v) ? configValue(v.default ?? v.value) : configValue(v);
            if (value !== undefined) config[qualify(k)] = value;
            else if (isMap(v) && !("secure" in v) && !("default" in v) && !("value" in v)) required.push(qualify(k));
        }
    }
    let stackName = stack;
    let note: string | undefined;
    if (stackName === undefined) {
        const files = fs
            .readdirSync(abs)
            .filter((f) => /^Pulumi\.(.+)\.ya?ml$/.test(f))
            .sort();
        const stacks = files.map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1] as string);
        if (stacks.length === 1) stackName = stacks[0];
        else if (stacks.length > 1) {
            note = `note: ${dir} has ${files.join(", ")}; without --stack none of them was read (pass --stack ${stacks[0]} to read ${files[0]})`;
        }
    }
    if (stackName !== undefined) {
        const file = [`Pulumi.${stackName}.yaml`, `Pulumi.${stackName}.yml`].map((f) => path.join(abs, f)).find((f) => fs.existsSync(f));
        if (file) {
            const doc = parseYamlFile(file);
            if (isMap(doc.config)) {
                for (const [k, v] of Object.entries(doc.config)) {
                    const value = configValue(v);
                    if (value !== undefined) config[qualify(k)] = value;
                }
            }
        } else if (stack !== undefined) {
            throw new PreviewError(`${dir}: no Pulumi.${stackName}.yaml for stack ${stackName}`);
        }
    }
    const info: ProgramInfo = { dir: abs, main, project: name, stack: stackName, config };
    if (note !== undefined) info.note = note;
    if (required.length > 0) info.required = required;
    return info;
}

function resolveMain(dir: string, main: string | undefined): string {
    const candidates = (base: string) => [base, `${base}.ts`, `${base}.js`, path.join(base, "index.ts"), path.join(base, "index.js")];
    let bases: string[];
    if (main !== undefined) bases = [path.resolve(dir, main)];
    else {
        bases = [path.join(dir, "index")];
        const pkg = path.join(dir, "package.json");
        if (fs.existsSync(pkg)) {
            const m = (JSON.parse(fs.readFileSync(pkg, "utf8")) as { main?: string }).main;
            if (m) bases.unshift(path.resolve(dir, m));
        }
    }
    for (const base of bases) {
        for (const c of candidates(base)) if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
    }
    throw new PreviewError(`${dir}: no program entry (${main ?? "index.ts"}) found`);
}
