/**
 * Evaluation: runs the program in process under the package's Pulumi mocks and waits until everything
 * it registers (also inside `apply`) is recorded.
 */
import * as pulumi from "@pulumi/pulumi";
import { partitionOfRegion } from "../catalog/geographies";
import { setBedrockMocks, type BedrockMocksOptions, type MockRecorder } from "../testing/testing";
import { setInFlight } from "./diagnosis";
import { PreviewError, toProgramError } from "./errors";
import { readProgram, type ProgramInfo } from "./program";
import { forgetProgram, installResolver, registerTypeScript } from "./resolution";

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
    /** Configuration set over the stack's, as `pulumi config set` would (`key` means `<project>:key`). */
    config?: Record<string, string>;
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
/** What waiting on a program gives when it stopped making progress after an error. */
const STALLED = Symbol("stalled");
const DEFAULT_ACCOUNT = "123456789012";
const DEFAULT_REGION = "us-east-1";

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
    for (const [k, v] of Object.entries(options.config ?? {})) config[k.includes(":") ? k : `${program.project}:${k}`] = v;
    // As the Pulumi CLI: a key Pulumi.yaml declares without a default must be set (validating stack config).
    const missing = (program.required ?? []).find((k) => config[k] === undefined);
    if (missing !== undefined) {
        throw new PreviewError(
            `Stack '${program.stack ?? "dev"}' is missing configuration value '${missing.startsWith(`${program.project}:`) ? missing.slice(program.project.length + 1) : missing}'`,
        );
    }
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
    // What the preview can say if the program never finishes (sdk/nodejs/cli.ts asks before Node exits).
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
    // After an error, a program may never finish: a resource whose input failed never registers, and what
    // awaits it waits forever. Once the program raised one and what is in flight has settled, stop waiting.
    let onStall = (): void => undefined;
    const stall = new Promise<typeof STALLED>((resolve) => (onStall = () => resolve(STALLED)));
    const onRejection = (reason: unknown) => {
        failures.push(reason);
        if (failures.length === 1) void quiet(recorder).then(onStall);
    };
    process.on("unhandledRejection", onRejection);
    try {
        forgetProgram(program.dir);
        let exported: unknown;
        try {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            exported = require(program.main);
            const mod = exported as { __esModule?: boolean; default?: unknown };
            if (mod && mod.__esModule && typeof mod.default === "function") exported = mod.default;
            if (typeof exported === "function") exported = await Promise.race([(exported as () => unknown)(), stall]);
        } catch (err) {
            throw toProgramError(err, program, "the program failed", recorder);
        }
        if (exported !== STALLED && (await Promise.race([quiesce(recorder), stall])) !== STALLED) {
            try {
                const resolved = await Promise.race([resolveDeep(exported ?? {}), stall]);
                if (resolved !== STALLED) {
                    outputs = resolved as Record<string, unknown>;
                    await Promise.race([quiesce(recorder), stall]);
                }
            } catch (err) {
                failures.push(err);
            }
        }
        if (failures.length > 0) throw toProgramError(failures[0], program, "a value of the program could not be computed", recorder);
    } finally {
        process.off("unhandledRejection", onRejection);
        setInFlight(undefined);
    }
    return { program, account, region, partition: partitionOfRegion(region), recorder, outputs };
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

/**
 * Waits until no resource registered for a few turns of the event loop, without waiting for Pulumi's RPCs
 * as `quiesce` does: after an input of a resource failed, a resource that depends on it waits for its URN
 * forever while its own registration counts as in flight (`rpcKeepAlive` in `registerResource`,
 * node_modules/@pulumi/pulumi/runtime/resource.js), so `waitForRPCs` never returns.
 */
async function quiet(recorder: MockRecorder): Promise<void> {
    for (let i = 0; i < 50; i++) {
        const before = recorder.resources.length;
        for (let j = 0; j < 5; j++) await new Promise((r) => setImmediate(r));
        await new Promise((r) => setTimeout(r, 20));
        if (recorder.resources.length === before) return;
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
