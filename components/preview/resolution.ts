/**
 * Module resolution for the evaluated program: `pulumi-bedrock-genai` resolves to this package and
 * `@pulumi/pulumi` to the preview's copy; TypeScript programs load through ts-node or `typescript`.
 */
import * as fs from "fs";
import * as path from "path";
import { PreviewError } from "./errors";
import type { ProgramInfo } from "./program";

const PACKAGE_NAME = "pulumi-bedrock-genai";
/** Modules the program must share with the preview (one Pulumi runtime, one copy of this package). */
const SHARED = ["@pulumi/pulumi"];
let resolverInstalled = false;
let transpilerInstalled = false;

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
export function registerTypeScript(program: ProgramInfo): void {
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

/** Forgets the program's own modules, so that evaluating it again runs it again. */
export function forgetProgram(dir: string): void {
    for (const key of Object.keys(require.cache)) {
        if (key.startsWith(dir + path.sep) && !key.includes(`${path.sep}node_modules${path.sep}`)) delete require.cache[key];
    }
}
