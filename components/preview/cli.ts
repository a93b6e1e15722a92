/** The command line: `bedrock-genai preview [program-dir] [options]`. */
import * as fs from "fs";
import { parseArgs as parseFlags } from "node:util";
import { PreviewError, ProgramError } from "./errors";
import { evaluateProgram } from "./evaluate";
import { asMocksOutputs, describeMissingOutputs, MockOptionError, mockOutputs, parseMockOption } from "./mock-outputs";
import { buildPlan, type Plan, type PolicyConfig } from "./plan";
import { formatFindings, formatPlan, plural } from "./text";
import { toMermaid } from "./mermaid";

export const USAGE = `Usage: bedrock-genai preview [program-dir] [options]

Evaluates a Pulumi TypeScript program offline (Pulumi mocks, no credentials) and prints the resources
it would create, their key inputs and every IAM policy grouped by role.

Options:
  --region <region>       Region to evaluate for (default: stack config aws-native:region / aws:region, else us-east-1)
  --account <id>          Account id to evaluate for (default 123456789012)
  --stack <name>          Stack whose Pulumi.<stack>.yaml config to read (default: the only one present; with several, none)
  --config <key=value>    Set a configuration value over the stack's (repeatable; key means <project>:key)
  --policy-config <file>  Rule options as a policy pack config file holds them (JSON: { "<rule-id>": { ... } })
  --mock <type>.<output>=<value>
                          Give every resource of <type> this output (a string; repeatable), e.g.
                          --mock aws:kms/key:Key.arn=arn:aws:kms:us-east-1:123456789012:key/<id>
  --mocks <file.json>     Outputs per resource type, {"<type>": {"<output>": <JSON value>}} (repeatable; --mock wins)
  --json                  Print the plan as JSON
  --mermaid               Print a Mermaid flowchart (roles -> profiles -> models per Region, agents -> aliases)
  --check                 Apply the rules (components/rules/, also a policy pack); exit 1 on an error
  -h, --help              Show this help

Exit codes: 0 ok, 1 --check found errors, 2 the program or the arguments failed (or the program never finished).
`;

/** Parsed command line. */
export interface CliArgs {
    programDir: string;
    region?: string;
    account?: string;
    stack?: string;
    policyConfig?: string;
    /** `--config key=value` values. */
    config?: Record<string, string>;
    json: boolean;
    mermaid: boolean;
    check: boolean;
    help: boolean;
    /** `--mock <type>.<output>=<value>` options, in order (absent when none). */
    mock?: string[];
    /** `--mocks <file.json>` options, in order (absent when none). */
    mocks?: string[];
}

/** The options `preview` takes, as `node:util` `parseArgs` describes them. */
const OPTIONS = {
    region: { type: "string" },
    account: { type: "string" },
    stack: { type: "string" },
    config: { type: "string", multiple: true },
    "policy-config": { type: "string" },
    json: { type: "boolean" },
    mermaid: { type: "boolean" },
    check: { type: "boolean" },
    mock: { type: "string", multiple: true },
    mocks: { type: "string", multiple: true },
    help: { type: "boolean", short: "h" },
} as const;

/** Parses `preview [program-dir] [--region r] [--account a] [--stack s] [--json] [--mermaid] [--check]` with `node:util` `parseArgs`. */
export function parseArgs(argv: string[]): CliArgs {
    const rest = [...argv];
    if (rest[0] === "preview") rest.shift();
    else if (rest.length > 0 && !rest[0].startsWith("-")) throw new PreviewError(`unknown command ${rest[0]}\n\n${USAGE}`);
    // Not strict: the tokens are checked here, to word the errors as the rest of the preview does.
    const { tokens } = parseFlags({ args: rest, options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
    const args: CliArgs = { programDir: ".", json: false, mermaid: false, check: false, help: false };
    let dir: string | undefined;
    for (const t of tokens) {
        if (t.kind === "positional") {
            if (dir !== undefined) throw new PreviewError(`one program directory, got ${dir} and ${t.value}\n\n${USAGE}`);
            dir = t.value;
            continue;
        }
        if (t.kind !== "option") continue;
        const option = (OPTIONS as Record<string, { type: "string" | "boolean" }>)[t.name];
        if (option === undefined) throw new PreviewError(`unknown option ${t.rawName}\n\n${USAGE}`);
        if (option.type === "boolean") {
            if (t.value !== undefined) throw new PreviewError(`${t.rawName} takes no value\n\n${USAGE}`);
            args[t.name as "json" | "mermaid" | "check" | "help"] = true;
        } else {
            if (t.value === undefined || (!t.inlineValue && t.value.startsWith("--"))) throw new PreviewError(`${t.rawName} needs a value\n\n${USAGE}`);
            if (t.name === "config") {
                const eq = t.value.indexOf("=");
                if (eq <= 0) throw new PreviewError(`--config ${t.value}: expected key=value\n\n${USAGE}`);
                args.config = { ...args.config, [t.value.slice(0, eq)]: t.value.slice(eq + 1) };
            } else if (t.name === "policy-config") args.policyConfig = t.value;
            else if (t.name === "mock" || t.name === "mocks") {
                if (t.name === "mock") checkMockOption(t.value);
                (args[t.name] ??= []).push(t.value);
            } else args[t.name as "region" | "account" | "stack"] = t.value;
        }
    }
    if (args.json && args.mermaid) throw new PreviewError(`--json and --mermaid print different documents: choose one\n\n${USAGE}`);
    if (dir !== undefined) args.programDir = dir;
    return args;
}

/** Checks the form of a `--mock` option (its type token, output name and `=`). */
function checkMockOption(spec: string): void {
    try {
        parseMockOption(spec);
    } catch (err) {
        throw new PreviewError(err instanceof Error ? err.message : String(err));
    }
}

/** Reads a policy pack config file (JSON): rule options by rule id; `enforcementLevel` and plain levels are the pack's and skipped. */
export function readPolicyConfig(file: string): PolicyConfig {
    let doc: unknown;
    try {
        doc = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (err) {
        throw new PreviewError(`--policy-config ${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) throw new PreviewError(`--policy-config ${file}: expected a JSON object of rule ids`);
    const config: PolicyConfig = {};
    for (const [id, v] of Object.entries(doc as Record<string, unknown>)) {
        if (v === null || typeof v !== "object" || Array.isArray(v)) continue;
        const { enforcementLevel: _level, ...options } = v as Record<string, unknown>;
        config[id] = options;
    }
    return config;
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
        const notes = err.notes.map((l) => `${l}\n`).join("");
        return `error: ${err.message}\n${at}${notes}`;
    }
    if (err instanceof PreviewError || err instanceof MockOptionError) return `error: ${err.message}\n`;
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
    let policyConfig: PolicyConfig;
    try {
        policyConfig = args.policyConfig === undefined ? {} : readPolicyConfig(args.policyConfig);
    } catch (err) {
        io.stderr(formatError(err));
        return 2;
    }
    try {
        const outputs = asMocksOutputs(mockOutputs(args.mocks ?? [], args.mock ?? []));
        const e = await evaluateProgram({
            programDir: args.programDir,
            region: args.region,
            account: args.account,
            stack: args.stack,
            config: args.config,
            onProgress,
            outputs,
        });
        endProgress();
        if (e.program.note !== undefined) io.stderr(`${e.program.note}\n`);
        // The program finished, but values it read were undefined: the plan may lack what they would give.
        const missing = describeMissingOutputs(e.recorder.missingOutputs());
        if (missing.length > 0) io.stderr(`note: ${missing.join("\n")}\n`);
        plan = buildPlan(e, policyConfig);
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
