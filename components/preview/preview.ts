/**
 * Offline preview: evaluates a Pulumi TypeScript program in process under the package's Pulumi mocks
 * (realistic ARNs and ids for one account and Region) and reports what it would create: the resource
 * tree, key inputs, every IAM policy grouped by role, a machine-readable plan, a Mermaid diagram, and
 * findings of IAM checks. No Pulumi CLI, no AWS credentials, no network.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { roleNameFromArn } from "../catalog/arns";
import { IAM_LIMITS, parseStatements, type Statement } from "../iam/policy";
import { BedrockValidationError } from "../core/validation";
import { creationFrames, setInFlight } from "./diagnosis";
import { describeMissingOutputs } from "./mock-outputs";
import { parseTrustPolicy, setBedrockMocks, type BedrockMocksOptions, type MockRecorder, type RecordedResource, type TrustStatement } from "../testing/testing";

// ---------------------------------------------------------------------------------------------
// Program and stack configuration
// ---------------------------------------------------------------------------------------------

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
}

type Yaml = string | { [key: string]: Yaml };

/** Reads the subset of YAML Pulumi project and stack files use for names and plain config (maps and scalars). */
export function parseSimpleYaml(text: string): { [key: string]: Yaml } {
    const root: { [key: string]: Yaml } = {};
    const stack: { indent: number; map: { [key: string]: Yaml } }[] = [{ indent: -1, map: root }];
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.replace(/\s+#.*$/, "");
        if (line.trim() === "" || line.trim().startsWith("#") || line.trim().startsWith("- ") || line.trim() === "-") continue;
        const m = /^(\s*)("[^"]*"|'[^']*'|[^\s"'][^#]*?):(?:\s+(.*))?$/.exec(line);
        if (!m) continue;
        const indent = m[1].length;
        const key = unquote(m[2].trim());
        while (stack.length > 1 && stack[stack.length - 1].indent >= indent) stack.pop();
        const parent = stack[stack.length - 1].map;
        const value = m[3]?.trim();
        if (value === undefined || value === "" || value === "|" || value === ">") {
            const child: { [key: string]: Yaml } = {};
            parent[key] = child;
            stack.push({ indent, map: child });
        } else {
            parent[key] = unquote(value);
        }
    }
    return root;
}

function unquote(v: string): string {
    if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) return v.slice(1, -1);
    return v;
}

function scalar(v: Yaml | undefined): string | undefined {
    return typeof v === "string" ? v : undefined;
}

/**
 * Reads a program directory: `Pulumi.yaml` (`name`, `main`, project `config` defaults) and the stack file
 * `Pulumi.<stack>.yaml` (the one given, else the only one present).
 */
export function readProgram(dir: string, stack?: string): ProgramInfo {
    const abs = path.resolve(dir);
    const projectFile = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(abs, f)).find((f) => fs.existsSync(f));
    if (!projectFile) throw new PreviewError(`${dir}: no Pulumi.yaml (is this a Pulumi program directory?)`);
    const project = parseSimpleYaml(fs.readFileSync(projectFile, "utf8"));
    const name = scalar(project.name) ?? path.basename(abs);
    const runtime = typeof project.runtime === "object" ? scalar(project.runtime.name) : scalar(project.runtime);
    if (runtime !== undefined && runtime !== "nodejs") {
        throw new PreviewError(`${dir}: runtime ${runtime}: the offline preview evaluates Node.js (TypeScript or JavaScript) programs`);
    }
    const main = resolveMain(abs, scalar(project.main));
    const config: Record<string, string> = {};
    const qualify = (k: string) => (k.includes(":") ? k : `${name}:${k}`);
    if (typeof project.config === "object") {
        for (const [k, v] of Object.entries(project.config)) {
            const value = typeof v === "string" ? v : (scalar((v as { [key: string]: Yaml }).default) ?? scalar((v as { [key: string]: Yaml }).value));
            if (value !== undefined) config[qualify(k)] = value;
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
            const doc = parseSimpleYaml(fs.readFileSync(file, "utf8"));
            if (typeof doc.config === "object") {
                for (const [k, v] of Object.entries(doc.config)) if (typeof v === "string") config[qualify(k)] = v;
            }
        } else if (stack !== undefined) {
            throw new PreviewError(`${dir}: no Pulumi.${stackName}.yaml for stack ${stackName}`);
        }
    }
    const info: ProgramInfo = { dir: abs, main, project: name, stack: stackName, config };
    if (note !== undefined) info.note = note;
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

// ---------------------------------------------------------------------------------------------
// Loading the program in process
// ---------------------------------------------------------------------------------------------

/** An error to show as is (usage, missing files), without a stack. */
export class PreviewError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PreviewError";
    }
}

/** An error the program raised, with the frames that point into the program's own files. */
export class ProgramError extends Error {
    constructor(
        message: string,
        /** `file:line:column` of program frames, relative to the working directory. */
        public readonly frames: string[],
        public readonly cause?: unknown,
        /** Lines to show after the frames: the outputs the program read that the mocks gave no value for. */
        public readonly notes: string[] = [],
    ) {
        super(message);
        this.name = "ProgramError";
    }
}

const PACKAGE_NAME = "pulumi-bedrock-genai";
/** Modules the program must share with the preview (one Pulumi runtime, one copy of this package). */
const SHARED = ["@pulumi/pulumi"];
let resolverInstalled = false;

/** The entry points of this package (source under ts-node, compiled under `bin/`). */
function packageEntry(subpath: string): string {
    const sdk = path.join(__dirname, "..", "..", "sdk", "nodejs");
    const file = subpath === "" ? "index" : subpath;
    return require.resolve(path.join(sdk, file));
}

/**
 * Makes `pulumi-bedrock-genai` (and `/testing`) resolve to this package, `@pulumi/pulumi` to the preview's
 * copy, and anything the program cannot resolve from its own directory to the preview's dependencies.
 */
export function installResolver(): void {
    if (resolverInstalled) return;
    resolverInstalled = true;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Module = require("module") as { _resolveFilename: (request: string, parent: unknown, ...rest: unknown[]) => string };
    const original = Module._resolveFilename;
    Module._resolveFilename = function (request: string, parent: unknown, ...rest: unknown[]): string {
        if (request === PACKAGE_NAME) return packageEntry("");
        if (request.startsWith(`${PACKAGE_NAME}/`)) return packageEntry(request.slice(PACKAGE_NAME.length + 1));
        if (SHARED.some((s) => request === s || request.startsWith(`${s}/`))) return original.call(this, request, module);
        try {
            return original.call(this, request, parent, ...rest);
        } catch (err) {
            if (!request.startsWith(".") && !path.isAbsolute(request) && parent !== module) {
                try {
                    return original.call(this, request, module);
                } catch {
                    /* fall through to the original error */
                }
            }
            throw err;
        }
    };
}

/**
 * Makes TypeScript programs loadable, unless `.ts` files already load (ts-node registered by the caller):
 * ts-node (transpile only, with swc when installed) when the program or this package can resolve it,
 * else the program's `typescript` compiler (`transpileModule`, inline source maps) as a require hook.
 */
function registerTypeScript(program: ProgramInfo): void {
    const already = (process as unknown as Record<symbol, unknown>)[Symbol.for("ts-node.register.instance")];
    if (already || transpilerInstalled || !program.main.endsWith(".ts")) return;
    const resolveFrom = (id: string): string | undefined => {
        for (const base of [program.dir, __dirname]) {
            try {
                return require.resolve(id, { paths: [base] });
            } catch {
                /* next */
            }
        }
        return undefined;
    };
    transpilerInstalled = true;
    const compilerOptions = { module: "commonjs", target: "es2022", esModuleInterop: true, experimentalDecorators: true };
    const tsNode = resolveFrom("ts-node");
    if (tsNode) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        (require(tsNode) as { register: (o: object) => void }).register({
            transpileOnly: true,
            swc: resolveFrom("@swc/core") !== undefined,
            skipProject: true,
            compilerOptions: { ...compilerOptions, sourceMap: true },
        });
        return;
    }
    const typescript = resolveFrom("typescript");
    if (!typescript) {
        transpilerInstalled = false;
        throw new PreviewError(`${program.main}: TypeScript programs need the typescript package (npm install --save-dev typescript)`);
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ts = require(typescript) as typeof import("typescript");
    process.setSourceMapsEnabled(true);
    const extensions = (require as unknown as { extensions: Record<string, (m: { _compile: (code: string, file: string) => void }, file: string) => void> })
        .extensions;
    extensions[".ts"] = (m, file) => {
        const out = ts.transpileModule(fs.readFileSync(file, "utf8"), {
            fileName: file,
            compilerOptions: {
                module: ts.ModuleKind.CommonJS,
                target: ts.ScriptTarget.ES2022,
                esModuleInterop: true,
                experimentalDecorators: true,
                inlineSourceMap: true,
                inlineSources: true,
            },
        });
        m._compile(out.outputText, file);
    };
}
let transpilerInstalled = false;

/** Forgets the program's own modules, so that evaluating it again runs it again. */
function forgetProgram(dir: string): void {
    for (const key of Object.keys(require.cache)) {
        if (key.startsWith(dir + path.sep) && !key.includes(`${path.sep}node_modules${path.sep}`)) delete require.cache[key];
    }
}

/** The frames of `err`'s stack that are in the program's files, relative to the working directory. */
export function programFrames(err: unknown, programDir: string): string[] {
    const stack = err instanceof Error ? (err.stack ?? "") : "";
    const frames: string[] = [];
    for (const line of stack.split("\n")) {
        const m = /\(?((?:[A-Za-z]:)?[^():]+):(\d+):(\d+)\)?$/.exec(line.trim());
        if (!m) continue;
        const file = m[1].replace(/^at\s+/, "");
        if (!file.startsWith(programDir + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
        const frame = `${path.relative(process.cwd(), file) || file}:${m[2]}:${m[3]}`;
        if (!frames.includes(frame)) frames.push(frame);
    }
    return frames;
}

/**
 * Node's "Require stack" of a missing module, cut to the program's own files (relative to the working
 * directory): the preview's modules (preview.ts, cli.ts) and whatever loaded them are not the program's.
 */
export function trimRequireStack(message: string, programDir: string): string {
    const lines = message.split("\n");
    const at = lines.indexOf("Require stack:");
    if (at < 0) return message;
    const own = lines
        .slice(at + 1)
        .filter((l) => l.startsWith("- "))
        .map((l) => l.slice(2))
        .filter((f) => f.startsWith(programDir + path.sep) && !f.includes(`${path.sep}node_modules${path.sep}`))
        .map((f) => `- ${path.relative(process.cwd(), f) || f}`);
    return [...lines.slice(0, at), ...(own.length > 0 ? ["Require stack:", ...own] : [])].join("\n");
}

function toProgramError(err: unknown, program: ProgramInfo, when: string, recorder: MockRecorder): ProgramError {
    let raw = err instanceof Error ? err.message : String(err);
    // Pulumi prefixes the message of an input that failed with the path of the child's property; for a value
    // a component refused, the component's own message names the argument the program gave.
    if (err instanceof BedrockValidationError) raw = raw.replace(/^(error serializing property "[^"]*": )+/, "");
    const message = trimRequireStack(raw, program.dir);
    // A missing module: the require stack names the importing files; the frames would point into
    // compiled import helpers (lines without a source mapping), so they are left out.
    const missing = (err as { code?: unknown } | undefined)?.code === "MODULE_NOT_FOUND" && message.includes("\nRequire stack:\n");
    let frames = missing ? [] : programFrames(err, program.dir);
    // A value refused inside apply: the stack is the runtime's; point at where the program created the component.
    if (frames.length === 0 && !missing) frames = creationFrames(err, recorder, program.dir);
    return new ProgramError(`${when}${when ? ": " : ""}${message}`, frames, err, describeMissingOutputs(recorder.missingOutputs()));
}

// ---------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------

/** Options for `evaluateProgram`. */
export interface EvaluateOptions {
    /** Program directory (holds Pulumi.yaml). */
    programDir: string;
    /** Region (default: the stack's `aws-native:region`, then `aws:region`, then `us-east-1`). */
    region?: string;
    /** Account id (default `123456789012`). */
    account?: string;
    /** Stack whose config to read (default: the only `Pulumi.<stack>.yaml`, if exactly one). */
    stack?: string;
    /** Called with the number of resources registered so far, as they register. */
    onProgress?: (registered: number) => void;
    /** Outputs per resource type, merged over the mocks' defaults (`--mock`, `--mocks`). */
    outputs?: BedrockMocksOptions["outputs"];
}

/** The outcome of evaluating a program. */
export interface Evaluation {
    program: ProgramInfo;
    account: string;
    region: string;
    partition: string;
    recorder: MockRecorder;
    /** The program's stack outputs (exports), resolved. */
    outputs: Record<string, unknown>;
}

let lateHandlerInstalled = false;
const DEFAULT_ACCOUNT = "123456789012";
const DEFAULT_REGION = "us-east-1";

function partitionOf(region: string): string {
    return region.startsWith("us-gov-") ? "aws-us-gov" : region.startsWith("cn-") ? "aws-cn" : "aws";
}

/**
 * Evaluates the program under mocks and waits until everything it registers (also inside `apply`) is
 * recorded. Throws `ProgramError` for errors the program raises, `PreviewError` for setup errors.
 */
export async function evaluateProgram(options: EvaluateOptions): Promise<Evaluation> {
    const program = readProgram(options.programDir, options.stack);
    const region = options.region ?? program.config["aws-native:region"] ?? program.config["aws:region"] ?? DEFAULT_REGION;
    const account = options.account ?? DEFAULT_ACCOUNT;
    if (!/^[0-9]{12}$/.test(account)) throw new PreviewError(`--account ${account}: expected 12 digits`);
    if (!/^[a-z]{2}(-[a-z]+)+-[0-9]+$/.test(region)) throw new PreviewError(`--region ${region}: not an AWS Region name`);
    const config = { ...program.config };
    if (options.region !== undefined || config["aws-native:region"] === undefined) config["aws-native:region"] = region;
    if (options.region !== undefined || config["aws:region"] === undefined) config["aws:region"] = region;

    installResolver();
    registerTypeScript(program);
    const recorder = setBedrockMocks({
        region,
        accountId: account,
        project: program.project,
        stack: program.stack ?? "dev",
        config,
        outputs: options.outputs,
        onResource: options.onProgress ? () => options.onProgress?.(recorder.resources.length) : undefined,
    });

    const failures: unknown[] = [];
    setInFlight({
        recorder,
        failures,
        describe: (err) => {
            const e = toProgramError(err, program, "", recorder);
            return [e.message, ...e.frames.map((f) => `    at ${f}`)];
        },
    });
    if (!lateHandlerInstalled) {
        // A rejection of the program reported here and handled later by the Pulumi runtime is not news:
        // a listener keeps Node from printing a PromiseRejectionHandledWarning for it.
        lateHandlerInstalled = true;
        process.on("rejectionHandled", () => undefined);
    }
    let outputs: Record<string, unknown> = {};
    const onRejection = (reason: unknown) => failures.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
        forgetProgram(program.dir);
        let exported: unknown;
        try {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            exported = require(program.main);
            const mod = exported as { __esModule?: boolean; default?: unknown };
            if (mod && mod.__esModule && typeof mod.default === "function") exported = mod.default;
            if (typeof exported === "function") exported = await (exported as () => unknown)();
        } catch (err) {
            throw toProgramError(err, program, "the program failed", recorder);
        }
        await quiesce(recorder);
        try {
            outputs = (await resolveDeep(exported ?? {})) as Record<string, unknown>;
            await quiesce(recorder);
        } catch (err) {
            failures.push(err);
        }
        if (failures.length > 0) throw toProgramError(failures[0], program, "a value of the program could not be computed", recorder);
    } finally {
        process.off("unhandledRejection", onRejection);
        setInFlight(undefined);
    }
    return { program, account, region, partition: partitionOf(region), recorder, outputs };
}

/** Waits until no RPC is in flight and no resource registered for a few turns of the event loop. */
async function quiesce(recorder: MockRecorder): Promise<void> {
    for (let i = 0; i < 50; i++) {
        const before = recorder.resources.length;
        await (pulumi.runtime as unknown as { waitForRPCs: () => Promise<void> }).waitForRPCs();
        for (let j = 0; j < 5; j++) await new Promise((r) => setImmediate(r));
        if (recorder.resources.length === before) {
            await new Promise((r) => setTimeout(r, 5));
            if (recorder.resources.length === before) return;
        }
    }
}

/** Resolves Outputs in exported values (objects, arrays), resources as `{ urn }`. */
async function resolveDeep(v: unknown, depth = 0): Promise<unknown> {
    if (depth > 20) return undefined;
    if (pulumi.Output.isInstance(v)) {
        const known = await (v as unknown as { isKnown: Promise<boolean> }).isKnown;
        if (!known) return undefined;
        return resolveDeep(await new Promise((r) => (v as pulumi.Output<unknown>).apply((x) => r(x))), depth + 1);
    }
    if (pulumi.Resource.isInstance(v)) return { urn: await resolveDeep((v as pulumi.Resource).urn, depth + 1) };
    if (v instanceof Promise) return resolveDeep(await v, depth + 1);
    if (Array.isArray(v)) return Promise.all(v.map((x) => resolveDeep(x, depth + 1)));
    if (v !== null && typeof v === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) {
            if (k === "__esModule") continue;
            out[k] = await resolveDeep(x, depth + 1);
        }
        return out;
    }
    return typeof v === "function" ? undefined : v;
}

// ---------------------------------------------------------------------------------------------
// The plan: resources and IAM by role
// ---------------------------------------------------------------------------------------------

/** The plan's format version; bumped on incompatible changes. */
export const PLAN_SCHEMA_VERSION = 1;

/** One resource of the plan. */
export interface PlanResource {
    /** The resource's URN, as the mock engine gave it. */
    urn: string;
    /** Type token, e.g. `aws-native:bedrock:ApplicationInferenceProfile`. */
    type: string;
    /** Pulumi name. */
    name: string;
    /** Parent URN, or null for a top-level resource. */
    parent: string | null;
    /** False for component resources. */
    custom: boolean;
    /** The (mocked) id of a custom resource. */
    id?: string;
    /** Inputs as the engine received them. */
    inputs: Record<string, unknown>;
    /** Custom resources: the mocked state (inputs and computed values); components: registered outputs. */
    outputs: Record<string, unknown>;
}

/** A policy on a role. */
export interface PlanPolicy {
    /** The policy's IAM name (inline, managed) or ARN (AWS managed). */
    name: string;
    /** `inline` (in the role), `managed` (a customer managed policy the program creates) or `aws-managed` (any other policy ARN). */
    kind: "inline" | "managed" | "aws-managed";
    /** Pulumi name of the resource that carries it, when the program creates it. */
    resourceName?: string;
    /** Pulumi type of that resource. */
    resourceType?: string;
    /** ARN of a managed policy. */
    arn?: string;
    /** Characters without whitespace, as IAM counts them (undefined for AWS managed policies). */
    size?: number;
    /** Canonical statements (empty for AWS managed policies, whose text is not known offline). */
    statements: Statement[];
}

/** A role and everything attached to it. */
export interface PlanRole {
    /** IAM role name. */
    name: string;
    /** Pulumi name of the role resource, when the program creates it. */
    resourceName?: string;
    /** The role's (mocked) ARN, when the program creates it. */
    arn?: string;
    /** True when the program only attaches policies to a role it does not create. */
    external: boolean;
    /** Trust policy statements (empty for external roles). */
    trust: TrustStatement[];
    /** Service principals the role trusts. */
    services: string[];
    /** Characters of inline policy, all inline policies together. */
    inlineSize: number;
    /** Inline policies, then managed, then AWS managed ones, each by name. */
    policies: PlanPolicy[];
}

/** A check's rule ids. */
export type CheckRule = (typeof CHECK_RULES)[number];

/** Every rule `--check` applies (see `checkRoles`). */
export const CHECK_RULES = [
    "inline-policy-size",
    "managed-policy-size",
    "managed-policy-count",
    "invoke-region-wildcard",
    "model-without-profile-condition",
    "wildcard-resource",
    "allow-not-action-or-resource",
    "agent-trust-without-source-condition",
] as const;

/** A finding of `--check`. */
export interface Finding {
    /** The rule broken. */
    rule: CheckRule;
    /** `error` fails `--check`; `warning` is reported only. */
    severity: "error" | "warning";
    /** IAM name of the role. */
    role: string;
    /** Name of the policy (absent for trust-policy and per-role findings). */
    policy?: string;
    /** What is wrong, in one sentence. */
    message: string;
    /** The offending statement, when there is one. */
    statement?: Statement | TrustStatement;
}

/** The machine-readable plan `--json` prints and `previewProgram` returns (JSON Schema: `PLAN_JSON_SCHEMA`). */
export interface Plan {
    /** Format version of the plan (`1`); bumped on incompatible changes. */
    schemaVersion: number;
    /** The program evaluated. */
    program: {
        /** Program directory, relative to the working directory, `/`-separated (`.` for the working directory). */
        dir: string;
        /** Entry file, relative to the working directory, `/`-separated. */
        main: string;
        /** Project name (Pulumi.yaml `name`). */
        project: string;
        /** Stack whose `Pulumi.<stack>.yaml` was read, or null. */
        stack: string | null;
    };
    /** What the program was evaluated for. */
    context: {
        /** Account id (12 digits). */
        account: string;
        /** Region. */
        region: string;
        /** Partition of the Region (`aws`, `aws-cn`, `aws-us-gov`). */
        partition: string;
    };
    /** Every resource registered, components included, in registration order. */
    resources: PlanResource[];
    /** Every role the program creates or attaches policies to, by name. */
    roles: PlanRole[];
    /** Findings of the IAM checks, role by role (computed with or without `--check`). */
    findings: Finding[];
    /** The program's stack outputs, resolved (unknown values are left out). */
    outputs: Record<string, unknown>;
}

/** JSON Schema (draft 2020-12) of the plan `--json` prints. */
export const PLAN_JSON_SCHEMA: Readonly<Record<string, unknown>> = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "pulumi-bedrock-genai preview plan",
    type: "object",
    required: ["schemaVersion", "program", "context", "resources", "roles", "findings", "outputs"],
    additionalProperties: false,
    properties: {
        schemaVersion: { const: PLAN_SCHEMA_VERSION },
        program: {
            type: "object",
            required: ["dir", "main", "project", "stack"],
            additionalProperties: false,
            properties: { dir: { type: "string" }, main: { type: "string" }, project: { type: "string" }, stack: { type: ["string", "null"] } },
        },
        context: {
            type: "object",
            required: ["account", "region", "partition"],
            additionalProperties: false,
            properties: { account: { type: "string", pattern: "^[0-9]{12}$" }, region: { type: "string" }, partition: { type: "string" } },
        },
        resources: {
            type: "array",
            items: {
                type: "object",
                required: ["urn", "type", "name", "parent", "custom", "inputs", "outputs"],
                additionalProperties: false,
                properties: {
                    urn: { type: "string", pattern: "^urn:pulumi:" },
                    type: { type: "string" },
                    name: { type: "string" },
                    parent: { type: ["string", "null"] },
                    custom: { type: "boolean" },
                    id: { type: "string" },
                    inputs: { type: "object" },
                    outputs: { type: "object" },
                },
            },
        },
        roles: {
            type: "array",
            items: {
                type: "object",
                required: ["name", "external", "trust", "services", "inlineSize", "policies"],
                additionalProperties: false,
                properties: {
                    name: { type: "string" },
                    resourceName: { type: "string" },
                    arn: { type: "string" },
                    external: { type: "boolean" },
                    trust: { type: "array", items: { $ref: "#/$defs/trustStatement" } },
                    services: { type: "array", items: { type: "string" } },
                    inlineSize: { type: "integer", minimum: 0 },
                    policies: {
                        type: "array",
                        items: {
                            type: "object",
                            required: ["name", "kind", "statements"],
                            additionalProperties: false,
                            properties: {
                                name: { type: "string" },
                                kind: { enum: ["inline", "managed", "aws-managed"] },
                                resourceName: { type: "string" },
                                resourceType: { type: "string" },
                                arn: { type: "string" },
                                size: { type: "integer", minimum: 0 },
                                statements: { type: "array", items: { $ref: "#/$defs/statement" } },
                            },
                        },
                    },
                },
            },
        },
        findings: {
            type: "array",
            items: {
                type: "object",
                required: ["rule", "severity", "role", "message"],
                additionalProperties: false,
                properties: {
                    rule: { enum: CHECK_RULES },
                    severity: { enum: ["error", "warning"] },
                    role: { type: "string" },
                    policy: { type: "string" },
                    message: { type: "string" },
                    statement: { type: "object" },
                },
            },
        },
        outputs: { type: "object" },
    },
    $defs: {
        condition: { type: "object", additionalProperties: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } } },
        statement: {
            type: "object",
            required: ["Effect", "Action", "Resource"],
            additionalProperties: false,
            properties: {
                Effect: { enum: ["Allow", "Deny"] },
                Action: { type: "array", items: { type: "string" } },
                Resource: { type: "array", items: { type: "string" } },
                NotAction: { type: "array", items: { type: "string" } },
                NotResource: { type: "array", items: { type: "string" } },
                Condition: { $ref: "#/$defs/condition" },
            },
        },
        trustStatement: {
            type: "object",
            required: ["Effect", "Action", "Principal"],
            additionalProperties: false,
            properties: {
                Effect: { enum: ["Allow", "Deny"] },
                Action: { type: "array", items: { type: "string" } },
                Principal: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
                Condition: { $ref: "#/$defs/condition" },
            },
        },
    },
} as const;

/** Characters of a policy as IAM counts them (whitespace excluded). */
export function iamSize(doc: unknown): number {
    if (doc === undefined || doc === null) return 0;
    const text = typeof doc === "string" ? doc : JSON.stringify(doc);
    return text.replace(/\s/g, "").length;
}

function safeStatements(doc: unknown): Statement[] {
    try {
        return typeof doc === "string" || (doc && typeof doc === "object") ? parseStatements(doc as string) : [];
    } catch {
        return [];
    }
}

function safeTrust(doc: unknown): TrustStatement[] {
    try {
        return parseTrustPolicy(doc);
    } catch {
        return [];
    }
}

/** The name of a role given as a name or ARN. */
function roleKey(role: unknown): string | undefined {
    if (typeof role !== "string" || role === "") return undefined;
    return role.startsWith("arn:") ? (roleNameFromArn(role) ?? role) : role;
}

/** Every role the program creates or attaches policies to, with trust and policies. */
export function collectRoles(recorder: MockRecorder): PlanRole[] {
    const roles = new Map<string, PlanRole>();
    const role = (name: string): PlanRole => {
        let r = roles.get(name);
        if (!r) {
            r = { name, external: true, trust: [], services: [], inlineSize: 0, policies: [] };
            roles.set(name, r);
        }
        return r;
    };
    // Customer managed policies the program creates, by ARN.
    const managed = new Map<string, RecordedResource>();
    for (const r of recorder.resources) {
        if (r.type === "aws:iam/policy:Policy" && typeof r.state.arn === "string") managed.set(r.state.arn, r);
        if (r.type === "aws-native:iam:ManagedPolicy" && typeof r.state.policyArn === "string") managed.set(r.state.policyArn, r);
    }
    const attachManaged = (target: PlanRole, arn: string) => {
        const p = managed.get(arn);
        if (p) {
            const native = p.type === "aws-native:iam:ManagedPolicy";
            const doc = native ? p.inputs.policyDocument : p.inputs.policy;
            target.policies.push({
                name: String((native ? p.inputs.managedPolicyName : p.state.name) ?? p.name),
                kind: "managed",
                resourceName: p.name,
                resourceType: p.type,
                arn,
                size: iamSize(doc),
                statements: safeStatements(doc),
            });
        } else {
            target.policies.push({ name: arn, kind: "aws-managed", arn, statements: [] });
        }
    };
    const inline = (target: PlanRole, name: string, doc: unknown, r?: RecordedResource) => {
        const p: PlanPolicy = { name, kind: "inline", size: iamSize(doc), statements: safeStatements(doc) };
        if (r) {
            p.resourceName = r.name;
            p.resourceType = r.type;
        }
        target.policies.push(p);
    };
    for (const r of recorder.resources) {
        switch (r.type) {
            case "aws:iam/role:Role":
            case "aws-native:iam:Role": {
                const native = r.type === "aws-native:iam:Role";
                const name = String((native ? (r.inputs.roleName ?? r.state.roleName) : r.state.name) ?? r.name);
                const target = role(name);
                target.external = false;
                target.resourceName = r.name;
                if (typeof r.state.arn === "string") target.arn = r.state.arn;
                target.trust = safeTrust(native ? r.inputs.assumeRolePolicyDocument : r.inputs.assumeRolePolicy);
                target.services = [...new Set(target.trust.filter((s) => s.Effect === "Allow").flatMap((s) => s.Principal.Service ?? []))].sort();
                const inlineList = (native ? r.inputs.policies : r.inputs.inlinePolicies) as Record<string, unknown>[] | undefined;
                for (const p of inlineList ?? []) {
                    const doc = native ? p.policyDocument : p.policy;
                    if (doc !== undefined) inline(target, String((native ? p.policyName : p.name) ?? ""), doc);
                }
                for (const arn of (r.inputs.managedPolicyArns as string[] | undefined) ?? []) attachManaged(target, arn);
                break;
            }
            case "aws:iam/rolePolicy:RolePolicy": {
                const name = roleKey(r.inputs.role);
                if (name) inline(role(name), String(r.state.name ?? r.name), r.inputs.policy, r);
                break;
            }
            case "aws-native:iam:RolePolicy": {
                const name = roleKey(r.inputs.roleName);
                if (name) inline(role(name), String(r.inputs.policyName ?? r.name), r.inputs.policyDocument, r);
                break;
            }
            case "aws:iam/rolePolicyAttachment:RolePolicyAttachment": {
                const name = roleKey(r.inputs.role);
                if (name && typeof r.inputs.policyArn === "string") attachManaged(role(name), r.inputs.policyArn);
                break;
            }
            case "aws:iam/policyAttachment:PolicyAttachment": {
                if (typeof r.inputs.policyArn !== "string") break;
                for (const x of (r.inputs.roles as unknown[] | undefined) ?? []) {
                    const name = roleKey(x);
                    if (name) attachManaged(role(name), r.inputs.policyArn);
                }
                break;
            }
            case "aws-native:iam:ManagedPolicy": {
                const arn = r.state.policyArn;
                for (const x of (r.inputs.roles as unknown[] | undefined) ?? []) {
                    const name = roleKey(x);
                    if (!name) continue;
                    if (typeof arn === "string") attachManaged(role(name), arn);
                    else {
                        const doc = r.inputs.policyDocument;
                        role(name).policies.push({
                            name: String(r.inputs.managedPolicyName ?? r.name),
                            kind: "managed",
                            resourceName: r.name,
                            resourceType: r.type,
                            size: iamSize(doc),
                            statements: safeStatements(doc),
                        });
                    }
                }
                break;
            }
        }
    }
    for (const r of roles.values()) {
        r.inlineSize = r.policies.filter((p) => p.kind === "inline").reduce((n, p) => n + (p.size ?? 0), 0);
        r.policies.sort((a, b) => (a.kind === b.kind ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.kind < b.kind ? -1 : 1));
    }
    return [...roles.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `file` relative to the working directory, with `/` separators (`.` for the working directory itself). */
function relativePath(file: string): string {
    return (path.relative(process.cwd(), file) || ".").split(path.sep).join("/");
}

/** Options for `previewProgram`. */
export interface PreviewOptions {
    /** Region (default: the stack's `aws-native:region`, then `aws:region`, then `us-east-1`). */
    region?: string;
    /** Account id (default `123456789012`). */
    account?: string;
    /** Stack whose config to read (default: the only `Pulumi.<stack>.yaml`, if exactly one). */
    stack?: string;
}

/**
 * Evaluates the Pulumi TypeScript/JavaScript program in `dir` offline and returns its plan: what
 * `bedrock-genai preview <dir> --json` prints. It installs this package's Pulumi mocks (replacing any
 * set before), so call `setBedrockMocks` again afterwards if the same test file also unit-tests
 * components. Rejects with the program's error when the program fails.
 */
export async function previewProgram(dir: string, options: PreviewOptions = {}): Promise<Plan> {
    return buildPlan(await evaluateProgram({ programDir: dir, ...options }));
}

/** The plan of an evaluation, findings included. */
export function buildPlan(e: Evaluation): Plan {
    const resources: PlanResource[] = e.recorder.resources.map((r) => {
        const p: PlanResource = {
            urn: r.urn ?? `urn:pulumi:${e.program.stack ?? "dev"}::${e.program.project}::${r.type}::${r.name}`,
            type: r.type,
            name: r.name,
            parent: r.parent ?? null,
            custom: r.custom,
            inputs: r.inputs,
            outputs: r.custom ? r.state : (r.outputs ?? {}),
        };
        if (r.custom && r.id !== undefined) p.id = r.id;
        return p;
    });
    const roles = collectRoles(e.recorder);
    return {
        schemaVersion: PLAN_SCHEMA_VERSION,
        program: { dir: relativePath(e.program.dir), main: relativePath(e.program.main), project: e.program.project, stack: e.program.stack ?? null },
        context: { account: e.account, region: e.region, partition: e.partition },
        resources,
        roles,
        findings: checkRoles(roles, e.recorder),
        outputs: e.outputs,
    };
}

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

const INVOKE_LIKE = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "bedrock:InvokeAgent", "bedrock:InvokeFlow", "bedrock:InvokeInlineAgent"];
const PROFILE_PREFIXES = ["us-gov", "global", "apac", "us", "eu", "jp", "au", "ca"];

function glob(pattern: string): RegExp {
    return new RegExp(
        `^${pattern
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, ".*")
            .replace(/\?/g, ".")}$`,
        "i",
    );
}

function isInvoke(action: string): boolean {
    const re = glob(action);
    return INVOKE_LIKE.some((a) => re.test(a));
}

function isListAction(action: string): boolean {
    return /^[a-z0-9-]+:List/i.test(action);
}

function hasConditionKey(cond: Record<string, Record<string, string[]>> | undefined, key: string): boolean {
    return Object.values(cond ?? {}).some((keys) => Object.keys(keys).some((k) => k.toLowerCase() === key.toLowerCase()));
}

function arnParts(arn: string): { service: string; region: string; resource: string } | undefined {
    const parts = arn.split(":");
    if (parts.length < 6 || parts[0] !== "arn") return undefined;
    return { service: parts[2], region: parts[3], resource: parts.slice(5).join(":") };
}

/** The foundation-model id an invoke resource ARN names, if it is a foundation-model ARN. */
function foundationModelId(arn: string): string | undefined {
    const p = arnParts(arn);
    return p && p.service === "bedrock" && p.resource.startsWith("foundation-model/") ? p.resource.slice("foundation-model/".length) : undefined;
}

/** The model ids behind a profile ARN: system profiles by their id, application profiles by what they copy. */
function profileModelIds(arn: string, recorder: MockRecorder, depth = 0): string[] | undefined {
    const p = arnParts(arn);
    if (!p || p.service !== "bedrock" || depth > 3) return undefined;
    if (p.resource.startsWith("inference-profile/")) {
        const id = p.resource.slice("inference-profile/".length);
        const prefix = PROFILE_PREFIXES.find((x) => id.startsWith(`${x}.`));
        return [prefix ? id.slice(prefix.length + 1) : id];
    }
    if (p.resource.startsWith("application-inference-profile/")) {
        const r = recorder.resources.find((x) => x.type === "aws-native:bedrock:ApplicationInferenceProfile" && x.state.inferenceProfileArn === arn);
        const from = r?.inputs.modelSource?.copyFrom;
        if (typeof from !== "string") return undefined;
        const model = foundationModelId(from);
        return model !== undefined ? [model] : profileModelIds(from, recorder, depth + 1);
    }
    return undefined;
}

function isProfileArn(arn: string): boolean {
    const p = arnParts(arn);
    return !!p && p.service === "bedrock" && /^(application-)?inference-profile\//.test(p.resource);
}

/**
 * Whether a condition block bounds a statement to inference profiles: a `bedrock:InferenceProfileArn`
 * key under an operator that fails when the key is absent (not `...IfExists`, not a negated operator,
 * not `ForAllValues:`, not `Null`), with concrete values (no `*` or `?` under a `...Like` operator).
 */
export function boundsToProfiles(cond: Record<string, Record<string, string[]>> | undefined): boolean {
    for (const [op, keys] of Object.entries(cond ?? {})) {
        if (/IfExists$/i.test(op) || /Not/.test(op) || /^ForAllValues:/i.test(op) || op === "Null") continue;
        for (const [k, values] of Object.entries(keys)) {
            if (k.toLowerCase() !== "bedrock:inferenceprofilearn" || values.length === 0) continue;
            if (/Like/i.test(op) && values.some((v) => /[*?]/.test(v))) continue;
            return true;
        }
    }
    return false;
}

/**
 * An ARN pattern on an invoke action that matches more than one kind of resource: fewer than six parts
 * with a wildcard (`arn:aws:bedrock:*`, `arn:*`), a wildcarded service, or a wildcarded resource type
 * (`arn:aws:bedrock:us-east-1:123456789012:*`). `*` itself is reported on its own.
 */
function isBroadArn(arn: string): boolean {
    if (arn === "*" || !/[*?]/.test(arn)) return false;
    const p = arnParts(arn);
    if (!p) return true;
    return /[*?]/.test(p.service) || /[*?]/.test(p.resource.split("/")[0]);
}

/** `Allow` with NotAction/NotResource, described. */
function describeExclusion(s: Statement): string {
    const actions = s.NotAction ? `every action except ${s.NotAction.join(", ")}` : s.Action.join(", ");
    const resources = s.NotResource ? `every resource except ${s.NotResource.join(", ")}` : s.Resource.join(", ");
    return `Allow ${actions} on ${resources}: a wildcard grant (name the actions and resources allowed instead)`;
}

/**
 * IAM checks over the roles of a plan:
 * - `inline-policy-size`: a role's inline policies together pass 10,240 characters;
 * - `managed-policy-size`: a managed policy passes 6,144 characters;
 * - `managed-policy-count`: a role has more than 10 managed policies (IAM's default quota: a warning)
 *   or more than 20 (the most the quota can be raised to: an error);
 * - `invoke-region-wildcard`: an invoke action on an ARN whose Region is a wildcard (a warning when a
 *   `bedrock:InferenceProfileArn` condition bounds it to named profiles, an error otherwise);
 * - `model-without-profile-condition`: a foundation-model invoke statement, not bounded by a
 *   `bedrock:InferenceProfileArn` condition (concrete values, an operator that fails when the key is
 *   absent), that is wildcarded, or whose model is also granted through an inference profile by any
 *   policy of the same role (the profile grant then also opens the model directly). A plain
 *   foundation-model grant, alone, is legitimate and not flagged;
 * - `wildcard-resource`: `Resource: "*"` on actions other than List* actions, and invoke actions on
 *   ARN patterns that match every resource type (`arn:aws:bedrock:*`, `arn:aws:bedrock:r:a:*`);
 * - `allow-not-action-or-resource`: `Allow` with `NotAction` or `NotResource` (everything but a list);
 * - `agent-trust-without-source-condition`: a role that `bedrock.amazonaws.com` may assume without an
 *   `aws:SourceAccount` or `aws:SourceArn` condition (confused deputy).
 *
 * Findings depend on what a role is allowed, not on how its statements are split into policies
 * (the size and count rules aside).
 */
export function checkRoles(roles: PlanRole[], recorder: MockRecorder): Finding[] {
    const findings: Finding[] = [];
    for (const role of roles) {
        if (role.inlineSize > IAM_LIMITS.inlinePerRole) {
            findings.push({
                rule: "inline-policy-size",
                severity: "error",
                role: role.name,
                message: `inline policies total ${role.inlineSize} characters, over IAM's ${IAM_LIMITS.inlinePerRole} per role`,
            });
        }
        const managedCount = role.policies.filter((p) => p.kind !== "inline").length;
        if (managedCount > IAM_LIMITS.managedPerRoleMax) {
            findings.push({
                rule: "managed-policy-count",
                severity: "error",
                role: role.name,
                message: `${managedCount} managed policies attached, over IAM's ${IAM_LIMITS.managedPerRoleMax} per role (the most the quota can be raised to)`,
            });
        } else if (managedCount > IAM_LIMITS.managedPerRoleDefault) {
            findings.push({
                rule: "managed-policy-count",
                severity: "warning",
                role: role.name,
                message: `${managedCount} managed policies attached, over IAM's default quota of ${IAM_LIMITS.managedPerRoleDefault} per role (request a quota increase, up to ${IAM_LIMITS.managedPerRoleMax})`,
            });
        }
        // Models reachable through profiles any policy of the role grants invoke on.
        const profileModels = new Set<string>();
        for (const s of role.policies.flatMap((p) => p.statements)) {
            if (s.Effect !== "Allow" || !s.Action.some(isInvoke)) continue;
            for (const arn of s.Resource) if (isProfileArn(arn)) for (const m of profileModelIds(arn, recorder) ?? []) profileModels.add(m);
        }
        for (const policy of role.policies) {
            if (policy.kind === "managed" && (policy.size ?? 0) > IAM_LIMITS.managedPolicy) {
                findings.push({
                    rule: "managed-policy-size",
                    severity: "error",
                    role: role.name,
                    policy: policy.name,
                    message: `managed policy has ${policy.size} characters, over IAM's ${IAM_LIMITS.managedPolicy}`,
                });
            }
            for (const s of policy.statements.filter((x) => x.Effect === "Allow")) {
                if (s.NotAction || s.NotResource) {
                    findings.push({
                        rule: "allow-not-action-or-resource",
                        severity: "error",
                        role: role.name,
                        policy: policy.name,
                        message: describeExclusion(s),
                        statement: s,
                    });
                    continue;
                }
                const resources = s.Resource.filter((x): x is string => typeof x === "string");
                const invoke = s.Action.some(isInvoke);
                const bounded = boundsToProfiles(s.Condition);
                if (resources.includes("*")) {
                    const broad = s.Action.filter((a) => !isListAction(a));
                    if (broad.length > 0) {
                        findings.push({
                            rule: "wildcard-resource",
                            severity: "error",
                            role: role.name,
                            policy: policy.name,
                            message: `Resource "*" on ${broad.join(", ")} (only List* actions need "*")`,
                            statement: s,
                        });
                    }
                }
                if (!invoke) continue;
                const broadArns = resources.filter(isBroadArn);
                if (broadArns.length > 0) {
                    findings.push({
                        rule: "wildcard-resource",
                        severity: "error",
                        role: role.name,
                        policy: policy.name,
                        message: `invoke on ${broadArns.join(", ")}: a wildcard over every resource type (name the models, profiles or agents)`,
                        statement: s,
                    });
                }
                const regionWild = resources.filter((arn) => /[*?]/.test(arnParts(arn)?.region ?? ""));
                if (regionWild.length > 0) {
                    findings.push({
                        rule: "invoke-region-wildcard",
                        severity: bounded ? "warning" : "error",
                        role: role.name,
                        policy: policy.name,
                        message: bounded
                            ? `invoke on ${regionWild.join(", ")} with a Region wildcard, bounded by a bedrock:InferenceProfileArn condition (name the model's Regions to make it exact)`
                            : `invoke on ${regionWild.join(", ")} with a Region wildcard: any Region can be called`,
                        statement: s,
                    });
                }
                if (bounded) continue;
                const models = resources.filter((arn) => foundationModelId(arn) !== undefined);
                const wild = models.filter((arn) => /[*?]/.test(arn));
                const shadowed = models.filter((arn) => !wild.includes(arn) && profileModels.has(foundationModelId(arn) as string));
                if (wild.length > 0) {
                    findings.push({
                        rule: "model-without-profile-condition",
                        severity: "error",
                        role: role.name,
                        policy: policy.name,
                        message: `invoke on wildcarded foundation models ${wild.join(", ")} without a bedrock:InferenceProfileArn condition`,
                        statement: s,
                    });
                }
                if (shadowed.length > 0) {
                    findings.push({
                        rule: "model-without-profile-condition",
                        severity: "error",
                        role: role.name,
                        policy: policy.name,
                        message: `invoke on ${shadowed.join(", ")} without a bedrock:InferenceProfileArn condition, on a role that is granted an inference profile for that model: the model is open directly, not only through the profile`,
                        statement: s,
                    });
                }
            }
        }
        for (const t of role.trust) {
            if (t.Effect !== "Allow" || !(t.Principal.Service ?? []).some((svc) => svc.toLowerCase() === "bedrock.amazonaws.com")) continue;
            if (hasConditionKey(t.Condition, "aws:SourceAccount") || hasConditionKey(t.Condition, "aws:SourceArn")) continue;
            findings.push({
                rule: "agent-trust-without-source-condition",
                severity: "error",
                role: role.name,
                message: "trusts bedrock.amazonaws.com without an aws:SourceAccount or aws:SourceArn condition (confused deputy)",
                statement: t,
            });
        }
    }
    return findings;
}

// ---------------------------------------------------------------------------------------------
// Human output
// ---------------------------------------------------------------------------------------------

const OMITTED_INPUTS = new Set(["policy", "assumeRolePolicy", "assumeRolePolicyDocument", "policyDocument"]);
const MAX_VALUE = 100;
const MAX_KEYS = 10;

function short(v: unknown): string {
    const s = typeof v === "string" ? v : JSON.stringify(v);
    return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
}

function isTagList(v: unknown): v is { key: string; value: string }[] {
    return Array.isArray(v) && v.length > 0 && v.every((x) => x && typeof x === "object" && "key" in x && "value" in x && Object.keys(x).length === 2);
}

/** The key inputs of a resource as `path: value` lines (policy documents are shown under IAM). */
export function keyInputs(inputs: Record<string, unknown>): string[] {
    const lines: string[] = [];
    const walk = (prefix: string, v: unknown) => {
        if (v === undefined || v === null) return;
        if (isTagList(v)) return void lines.push(`${prefix}: ${v.map((t) => `${t.key}=${t.value}`).join(", ")}`);
        if ((prefix === "tags" || prefix.endsWith(".tags")) && typeof v === "object" && !Array.isArray(v)) {
            return void lines.push(
                `${prefix}: ${Object.entries(v as object)
                    .map(([k, x]) => `${k}=${x}`)
                    .join(", ")}`,
            );
        }
        if (Array.isArray(v)) {
            if (v.every((x) => typeof x !== "object" || x === null)) return void lines.push(`${prefix}: ${short(v.join(", "))}`);
            v.forEach((x, i) => walk(`${prefix}[${i}]`, x));
            return;
        }
        if (typeof v === "object") {
            for (const [k, x] of Object.entries(v as object)) if (!OMITTED_INPUTS.has(k) && !k.startsWith("__")) walk(prefix ? `${prefix}.${k}` : k, x);
            return;
        }
        lines.push(`${prefix}: ${short(v)}`);
    };
    walk("", inputs);
    return lines.length > MAX_KEYS ? [...lines.slice(0, MAX_KEYS), `… ${lines.length - MAX_KEYS} more`] : lines;
}

/** The ARN or id a custom resource got, for the tree. */
function identity(r: PlanResource): string | undefined {
    const o = r.outputs;
    for (const k of Object.keys(o)) {
        if ((k === "arn" || /Arn$/.test(k)) && typeof o[k] === "string" && !(k in r.inputs) && String(o[k]).startsWith("arn:")) return String(o[k]);
    }
    return r.id && r.id !== "" ? r.id : undefined;
}

function formatStatement(s: Statement | TrustStatement, indent: string): string[] {
    const lines: string[] = [];
    if ("Principal" in s) {
        const who = Object.entries(s.Principal)
            .map(([k, v]) => `${k} ${v.join(", ")}`)
            .join("; ");
        lines.push(`${indent}${s.Effect} ${s.Action.join(", ")} by ${who}`);
    } else {
        lines.push(`${indent}${s.Effect} ${s.NotAction ? `every action except ${s.NotAction.join(", ")}` : s.Action.join(", ")}`);
        if (s.NotResource) lines.push(`${indent}  on every resource except ${s.NotResource.join(", ")}`);
        else for (const r of s.Resource) lines.push(`${indent}  on ${r}`);
    }
    for (const [op, keys] of Object.entries(s.Condition ?? {})) {
        for (const [k, v] of Object.entries(keys)) lines.push(`${indent}  when ${op} ${k} = ${v.join(" | ")}`);
    }
    return lines;
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The findings as text lines. */
export function formatFindings(findings: Finding[]): string[] {
    if (findings.length === 0) return ["no findings"];
    return findings.map((f) => `${f.severity === "error" ? "✗" : "!"} [${f.rule}] role ${f.role}${f.policy ? `, policy ${f.policy}` : ""}: ${f.message}`);
}

/** The readable report: resource tree with key inputs, IAM by role, checks, outputs. */
export function formatPlan(plan: Plan): string {
    const out: string[] = [];
    const rel = path.relative(process.cwd(), plan.program.dir) || ".";
    out.push(`Preview of ${rel} (project ${plan.program.project}${plan.program.stack ? `, stack ${plan.program.stack}` : ""})`);
    out.push(
        `Account ${plan.context.account}, Region ${plan.context.region} (${plan.context.partition}): ${plural(plan.resources.length, "resource")}, mocked offline`,
    );
    out.push("");
    out.push("Resources");
    const byUrn = new Set(plan.resources.map((r) => r.urn));
    const children = new Map<string | null, PlanResource[]>();
    for (const r of plan.resources) {
        const key = r.parent !== null && byUrn.has(r.parent) ? r.parent : null;
        children.set(key, [...(children.get(key) ?? []), r]);
    }
    const walk = (parent: string | null, prefix: string) => {
        const list = children.get(parent) ?? [];
        list.forEach((r, i) => {
            const last = i === list.length - 1;
            const id = r.custom ? identity(r) : undefined;
            out.push(`${prefix}${last ? "└─ " : "├─ "}${r.name} (${r.type})${id ? ` → ${id}` : ""}`);
            const inner = prefix + (last ? "   " : "│  ");
            const hasKids = (children.get(r.urn) ?? []).length > 0;
            for (const line of r.custom ? keyInputs(r.inputs) : []) out.push(`${inner}${hasKids ? "│ " : "  "}  ${line}`);
            walk(r.urn, inner);
        });
    };
    walk(null, "");
    out.push("");
    out.push("IAM policies by role");
    if (plan.roles.length === 0) out.push("  (no roles)");
    for (const role of plan.roles) {
        out.push(`role ${role.name}${role.resourceName ? ` (${role.resourceName})` : " (not created by this program)"}`);
        if (role.trust.length > 0) {
            out.push("  trust:");
            for (const t of role.trust) out.push(...formatStatement(t, "    "));
        }
        out.push(`  inline: ${role.inlineSize.toLocaleString("en-US")} of ${IAM_LIMITS.inlinePerRole.toLocaleString("en-US")} characters`);
        for (const p of role.policies) {
            const size = p.size !== undefined ? `, ${p.size} characters` : "";
            out.push(`  ${p.kind} policy ${p.name}${p.resourceName && p.resourceName !== p.name ? ` (${p.resourceName})` : ""}${size}`);
            if (p.kind === "aws-managed") out.push("    (AWS managed: statements not known offline)");
            for (const s of p.statements) out.push(...formatStatement(s, "    "));
        }
    }
    out.push("");
    const errors = plan.findings.filter((f) => f.severity === "error").length;
    out.push(`Checks: ${plural(errors, "error")}, ${plural(plan.findings.length - errors, "warning")}`);
    if (plan.findings.length > 0) out.push(...formatFindings(plan.findings).map((l) => `  ${l}`));
    const outputs = Object.entries(plan.outputs);
    if (outputs.length > 0) {
        out.push("");
        out.push("Outputs");
        for (const [k, v] of outputs) out.push(`  ${k}: ${short(v)}`);
    }
    return out.join("\n") + "\n";
}

// ---------------------------------------------------------------------------------------------
// Mermaid
// ---------------------------------------------------------------------------------------------

function label(text: string): string {
    return `"${text.replace(/"/g, "#quot;").replace(/[<>]/g, (c) => (c === "<" ? "#lt;" : "#gt;"))}"`;
}

/**
 * A Mermaid flowchart: roles -> the profiles and models they may invoke (models grouped per Region,
 * profiles -> the models they reach through the `bedrock:InferenceProfileArn` condition), agents -> the
 * role they run as and their aliases.
 */
export function toMermaid(plan: Plan): string {
    const ids = new Map<string, string>();
    const nodes = new Map<string, string>();
    const edges = new Set<string>();
    const regions = new Map<string, Set<string>>();
    const id = (kind: string, key: string): string => {
        const k = `${kind}|${key}`;
        let v = ids.get(k);
        if (!v) {
            v = `${kind}${ids.size + 1}`;
            ids.set(k, v);
        }
        return v;
    };
    const appProfiles = new Map<string, PlanResource>();
    const aliases = new Map<string, PlanResource>();
    const routers = new Map<string, PlanResource>();
    for (const r of plan.resources) {
        if (r.type === "aws-native:bedrock:ApplicationInferenceProfile" && typeof r.outputs.inferenceProfileArn === "string")
            appProfiles.set(r.outputs.inferenceProfileArn, r);
        if (r.type === "aws-native:bedrock:AgentAlias" && typeof r.outputs.agentAliasArn === "string") aliases.set(r.outputs.agentAliasArn, r);
        if (r.type === "aws-native:bedrock:IntelligentPromptRouter" && typeof r.outputs.promptRouterArn === "string") routers.set(r.outputs.promptRouterArn, r);
    }
    const aliasNode = (alias: PlanResource): string => {
        const al = id("alias", alias.urn);
        nodes.set(al, `${al}([${label(`alias ${String(alias.inputs.agentAliasName ?? alias.name)}`)}])`);
        return al;
    };
    const resourceNode = (arn: string): string => {
        const alias = aliases.get(arn);
        if (alias) return aliasNode(alias);
        const router = routers.get(arn);
        if (router) {
            const n = id("router", arn);
            nodes.set(n, `${n}[${label(`router ${String(router.inputs.promptRouterName ?? router.name)}`)}]`);
            return n;
        }
        const p = arnParts(arn);
        const res = p?.resource ?? arn;
        const modelId = foundationModelId(arn);
        if (modelId !== undefined) {
            const region = p?.region === "" ? "no Region (global)" : p?.region === "*" ? "any Region (*)" : (p?.region ?? "?");
            const n = id("model", arn);
            nodes.set(n, `${n}[${label(modelId === "*" ? "any model (*)" : modelId)}]`);
            regions.set(region, (regions.get(region) ?? new Set()).add(n));
            return n;
        }
        if (isProfileArn(arn)) {
            const n = id("profile", arn);
            const app = appProfiles.get(arn);
            const text = app ? `${app.name} (application profile)` : res.replace(/^inference-profile\//, "");
            if (nodes.has(n)) return n;
            nodes.set(n, `${n}([${label(text)}])`);
            // An application profile -> the system profile it copies.
            const from = (app?.inputs.modelSource as { copyFrom?: unknown } | undefined)?.copyFrom;
            if (typeof from === "string" && from !== arn && isProfileArn(from) && !appProfiles.has(from)) edges.add(`${n} -.->|copies| ${resourceNode(from)}`);
            return n;
        }
        const n = id("res", arn);
        nodes.set(n, `${n}[${label(res.startsWith("default-prompt-router/") ? `default router ${res.slice("default-prompt-router/".length)}` : res)}]`);
        return n;
    };
    for (const role of plan.roles) {
        const r = id("role", role.name);
        nodes.set(r, `${r}{{${label(`role ${role.name}`)}}}`);
        for (const s of role.policies.flatMap((p) => p.statements)) {
            if (s.Effect !== "Allow" || !s.Action.some(isInvoke)) continue;
            const via = Object.values(s.Condition ?? {}).flatMap((keys) =>
                Object.entries(keys)
                    .filter(([k]) => k.toLowerCase() === "bedrock:inferenceprofilearn")
                    .flatMap(([, v]) => v),
            );
            for (const arn of s.Resource) {
                if (arn === "*") continue;
                const target = resourceNode(arn);
                if (via.length > 0 && foundationModelId(arn) !== undefined) {
                    for (const profile of via) edges.add(`${resourceNode(profile)} --> ${target}`);
                } else {
                    edges.add(`${r} --> ${target}`);
                }
            }
        }
    }
    const agents = plan.resources.filter((x) => x.type === "aws-native:bedrock:Agent");
    for (const a of agents) {
        const n = id("agent", a.urn);
        nodes.set(n, `${n}[/${label(`agent ${String(a.inputs.agentName ?? a.name)}`)}/]`);
        const roleArn = a.inputs.agentResourceRoleArn;
        const roleName = typeof roleArn === "string" ? roleNameFromArn(roleArn) : undefined;
        if (roleName && ids.has(`role|${roleName}`)) edges.add(`${n} -.->|runs as| ${id("role", roleName)}`);
        const model = a.inputs.foundationModel;
        if (typeof model === "string" && model.startsWith("arn:")) edges.add(`${n} -.->|model| ${resourceNode(model)}`);
        for (const alias of plan.resources.filter(
            (x) => x.type === "aws-native:bedrock:AgentAlias" && x.inputs.agentId !== undefined && x.inputs.agentId === a.outputs.agentId,
        )) {
            edges.add(`${n} --> ${aliasNode(alias)}`);
        }
    }
    const lines = ["flowchart LR"];
    const inRegion = new Set([...regions.values()].flatMap((s) => [...s]));
    for (const [n, def] of nodes) if (!inRegion.has(n)) lines.push(`    ${def}`);
    for (const [region, members] of [...regions.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        lines.push(`    subgraph ${id("region", region)}[${label(region)}]`);
        for (const n of members) lines.push(`        ${nodes.get(n)}`);
        lines.push("    end");
    }
    for (const e of edges) lines.push(`    ${e}`);
    return lines.join("\n") + "\n";
}

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

export const USAGE = `Usage: bedrock-genai preview [program-dir] [options]

Evaluates a Pulumi TypeScript program offline (Pulumi mocks, no credentials) and prints the resources
it would create, their key inputs and every IAM policy grouped by role.

Options:
  --region <region>    Region to evaluate for (default: stack config aws-native:region / aws:region, else us-east-1)
  --account <id>       Account id to evaluate for (default 123456789012)
  --stack <name>       Stack whose Pulumi.<stack>.yaml config to read (default: the only one present; with several, none)
  --json               Print the plan as JSON
  --mermaid            Print a Mermaid flowchart (roles -> profiles -> models per Region, agents -> aliases)
  --check              Check the IAM policies; exit 1 when a rule is broken
  -h, --help           Show this help

Exit codes: 0 ok, 1 --check found errors, 2 the program or the arguments failed (or the program never finished).
`;

/** Parsed command line. */
export interface CliArgs {
    programDir: string;
    region?: string;
    account?: string;
    stack?: string;
    json: boolean;
    mermaid: boolean;
    check: boolean;
    help: boolean;
}

/** Parses `preview [program-dir] [--region r] [--account a] [--stack s] [--json] [--mermaid] [--check]`. */
export function parseArgs(argv: string[]): CliArgs {
    const args: CliArgs = { programDir: ".", json: false, mermaid: false, check: false, help: false };
    const rest = [...argv];
    if (rest[0] === "preview") rest.shift();
    else if (rest.length > 0 && !rest[0].startsWith("-")) throw new PreviewError(`unknown command ${rest[0]}\n\n${USAGE}`);
    let dir: string | undefined;
    while (rest.length > 0) {
        const a = rest.shift() as string;
        const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
        const value = (): string => {
            const v = inline ?? rest.shift();
            if (v === undefined || v.startsWith("--")) throw new PreviewError(`${flag} needs a value\n\n${USAGE}`);
            return v;
        };
        switch (flag) {
            case "--region":
                args.region = value();
                break;
            case "--account":
                args.account = value();
                break;
            case "--stack":
                args.stack = value();
                break;
            case "--json":
                args.json = true;
                break;
            case "--mermaid":
                args.mermaid = true;
                break;
            case "--check":
                args.check = true;
                break;
            case "-h":
            case "--help":
                args.help = true;
                break;
            default:
                if (flag.startsWith("-")) throw new PreviewError(`unknown option ${flag}\n\n${USAGE}`);
                if (dir !== undefined) throw new PreviewError(`one program directory, got ${dir} and ${flag}\n\n${USAGE}`);
                dir = flag;
        }
    }
    if (args.json && args.mermaid) throw new PreviewError(`--json and --mermaid print different documents: choose one\n\n${USAGE}`);
    if (dir !== undefined) args.programDir = dir;
    return args;
}

/** Where the CLI writes. */
export interface CliIo {
    stdout: (text: string) => void;
    stderr: (text: string) => void;
    /** Show progress (stderr is a terminal). */
    progress: boolean;
    /** Clock for throttling progress, in milliseconds (default `Date.now`). */
    now?: () => number;
}

/** Progress updates on a terminal are at most this often (plus a final one). */
export const PROGRESS_INTERVAL_MS = 100;

/** Formats an error for the terminal: the message, and where in the program it came from. */
export function formatError(err: unknown): string {
    if (err instanceof ProgramError) {
        const at = err.frames.length > 0 ? err.frames.map((f) => `    at ${f}`).join("\n") + "\n" : "";
        const notes = err.notes.length > 0 ? err.notes.join("\n") + "\n" : "";
        return `error: ${err.message}\n${at}${notes}`;
    }
    if (err instanceof PreviewError) return `error: ${err.message}\n`;
    return `error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`;
}

/** Runs the command line; resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
    let args: CliArgs;
    try {
        args = parseArgs(argv);
    } catch (err) {
        io.stderr(formatError(err));
        return 2;
    }
    if (args.help) {
        io.stdout(USAGE);
        return 0;
    }
    const now = io.now ?? Date.now;
    let shown = 0;
    let latest = 0;
    let shownAt = -Infinity;
    const show = (n: number) => {
        shown = n;
        io.stderr(`\r\x1b[2Kevaluating ${args.programDir}: ${plural(n, "resource")} registered`);
    };
    const onProgress = io.progress
        ? (n: number) => {
              latest = n;
              const t = now();
              if (n > shown && t - shownAt >= PROGRESS_INTERVAL_MS) {
                  shownAt = t;
                  show(n);
              }
          }
        : undefined;
    const endProgress = () => {
        if (latest > shown) show(latest);
        if (shown > 0) io.stderr("\r\x1b[2K");
    };
    let plan: Plan;
    try {
        const e = await evaluateProgram({ programDir: args.programDir, region: args.region, account: args.account, stack: args.stack, onProgress });
        endProgress();
        if (e.program.note !== undefined) io.stderr(`${e.program.note}\n`);
        plan = buildPlan(e);
    } catch (err) {
        endProgress();
        io.stderr(formatError(err));
        return 2;
    }
    const errors = plan.findings.filter((f) => f.severity === "error");
    if (args.json) io.stdout(JSON.stringify(plan, null, 2) + "\n");
    else if (args.mermaid) io.stdout(toMermaid(plan));
    else if (args.check)
        io.stdout(
            `Checked ${plural(plan.roles.length, "role")}: ${plural(errors.length, "error")}, ${plural(plan.findings.length - errors.length, "warning")}\n${formatFindings(
                plan.findings,
            )
                .map((l) => `  ${l}`)
                .join("\n")}\n`,
        );
    else io.stdout(formatPlan(plan));
    return args.check && errors.length > 0 ? 1 : 0;
}
