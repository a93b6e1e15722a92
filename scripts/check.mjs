// `npm run check`: type-check and lint in one pass. Each tsconfig becomes one TypeScript program whose
// diagnostics are what `tsc --noEmit -p <tsconfig>` prints, and ESLint's type-aware rules read types from
// the same programs (typescript-eslint's `parserOptions.programs`) instead of building their own through
// the project service: the type checker runs once, not twice. Then Prettier's check. Exit code 1 on any
// error. `npm run typecheck` and `npm run lint` still run each tool alone.
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import ts from "typescript";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The tsconfigs ESLint's project service would find for the linted TypeScript files. */
const TSCONFIGS = ["tsconfig.json", "provider/tsconfig.json"];

/**
 * Parsed (and bound) source files, shared by the programs as TypeScript's language service shares them
 * between projects: the @pulumi SDKs' declarations are parsed once. Keyed by the options that change
 * how a file is parsed and bound, so programs with other settings get their own.
 */
const sourceFiles = new Map();

function program(tsconfig) {
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, tsconfig), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: fail });
    if (parsed.errors.length > 0) fail(parsed.errors);
    const options = { ...parsed.options, noEmit: true };
    const settings = JSON.stringify([options.target, options.module, options.moduleDetection, options.strict, options.alwaysStrict, options.jsx]);
    const compilerHost = ts.createCompilerHost(options);
    const read = compilerHost.getSourceFile;
    compilerHost.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
        const key = `${settings} ${JSON.stringify(languageVersion)} ${fileName}`;
        let file = sourceFiles.get(key);
        if (!file) {
            file = read.call(compilerHost, fileName, languageVersion, onError, shouldCreate);
            if (file) sourceFiles.set(key, file);
        }
        return file;
    };
    return ts.createProgram({ rootNames: parsed.fileNames, options, host: compilerHost, projectReferences: parsed.projectReferences });
}

const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => "\n" };
function fail(diagnostics) {
    process.stderr.write(ts.formatDiagnosticsWithColorAndContext([diagnostics].flat(), host));
    process.exit(1);
}

let failed = false;
const started = Date.now();
const programs = TSCONFIGS.map(program);
for (const [i, p] of programs.entries()) {
    const diagnostics = ts.getPreEmitDiagnostics(p);
    if (diagnostics.length > 0) {
        process.stderr.write(`${TSCONFIGS[i]}:\n${ts.formatDiagnosticsWithColorAndContext(diagnostics, host)}`);
        failed = true;
    }
}
console.log(`typecheck: ${programs.length} programs, ${Date.now() - started} ms`);

const lintStarted = Date.now();
const eslint = new ESLint({
    cwd: root,
    overrideConfig: { files: ["**/*.ts"], languageOptions: { parserOptions: { projectService: false, programs } } },
});
const results = await eslint.lintFiles(["."]);
const output = await (await eslint.loadFormatter("stylish")).format(results);
if (output) process.stdout.write(output);
if (results.some((r) => r.errorCount > 0 || r.fatalErrorCount > 0)) failed = true;
console.log(`eslint: ${results.length} files, ${Date.now() - lintStarted} ms`);

try {
    execFileSync(process.execPath, [path.join(root, "node_modules", "prettier", "bin", "prettier.cjs"), "--check", "--log-level", "warn", "."], {
        cwd: root,
        stdio: "inherit",
    });
} catch {
    failed = true;
}
process.exit(failed ? 1 : 0);
