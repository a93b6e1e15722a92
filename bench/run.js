#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS script run by node */
// `npm run bench`: the benchmark program with this package (bench/program.ts) under Pulumi mocks, the same
// program written by hand with raw aws-native/aws resources (bench/raw.ts), the raw program with a trivial
// component around each profile, agent and prompt (bench/raw.ts, BENCH_WRAP=1), and the CDK constructs
// (bench/cdk/app.js); each run a fresh process, the sides alternating; then the cost of
// require("pulumi-bedrock-genai") over require("@pulumi/pulumi"). A benchmark, not part of `npm test`.
//
// Options: --ns 100,1000,3000   --reps 5   --reps-large 2 (repetitions at N>=1000)   --no-build (use bin/ as it
// is)   --no-cdk   --cdk-validation (also the CDK with its template validation on)   --json (figures as JSON lines)
// Ends with the table of bench/README.md: CPU and peak memory of package, raw and raw-wrapped per N, and ratios.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const CDK_DIR = path.join(__dirname, "cdk");
const OUT_DIR = path.join(__dirname, "results");
const CDK_STACK_LIMIT = 500;

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] && !argv[i + 1].startsWith("--") ? argv[i + 1] : dflt;
};
const flag = (name) => argv.includes(`--${name}`);
const NS = opt("ns", "100,1000,3000").split(",").map(Number);
const REPS = Number(opt("reps", "5"));
const REPS_LARGE = Number(opt("reps-large", "2"));
const JSON_OUT = flag("json");

function log(line = "") {
    process.stdout.write(line + "\n");
}

function sh(cmd, args, options = {}) {
    const r = spawnSync(cmd, args, { stdio: "inherit", ...options });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status})`);
}

/** Runs `node <args>` in a fresh process; returns its wall time and the JSON line it printed. */
function child(args, env, cwd = ROOT) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 256 << 20 });
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const line = (r.stdout || "")
        .trim()
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .pop();
    if (r.status !== 0 || !line) {
        return {
            wallMs,
            error: (
                (r.stderr || r.stdout || "")
                    .trim()
                    .split("\n")
                    .find((l) => /Error|error/.test(l)) || `exit ${r.status}`
            ).slice(0, 300),
        };
    }
    return { wallMs, ...JSON.parse(line) };
}

function median(xs) {
    const s = [...xs].sort((a, b) => a - b);
    return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function fmtMs(ms) {
    return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

// ---- 1. The package, compiled (bin/), and the program, transpiled with swc.
if (!flag("no-build")) {
    log("building bin/ (tsc -p tsconfig.build.json) ...");
    sh(process.execPath, [require.resolve("typescript/bin/tsc", { paths: [ROOT] }), "-p", "tsconfig.build.json"], { cwd: ROOT });
}
if (!fs.existsSync(path.join(ROOT, "bin", "sdk", "nodejs", "index.js"))) {
    log("bin/sdk/nodejs/index.js is missing: run without --no-build");
    process.exit(1);
}
fs.mkdirSync(OUT_DIR, { recursive: true });
const swc = require(require.resolve("@swc/core", { paths: [ROOT] }));
const transpile = (name) => {
    const out = path.join(OUT_DIR, `${name}.js`);
    const options = { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } };
    fs.writeFileSync(out, swc.transformFileSync(path.join(__dirname, `${name}.ts`), options).code);
    return out;
};
const programJs = transpile("program");
const rawJs = transpile("raw");
transpile("figures"); // required by both
transpile("scenario"); // required by program

// ---- 2. The CDK side, installed on first use.
let cdk = !flag("no-cdk");
if (cdk && !fs.existsSync(path.join(CDK_DIR, "node_modules", "@cdklabs", "generative-ai-cdk-constructs"))) {
    log("installing bench/cdk (npm ci) ...");
    try {
        sh(process.platform === "win32" ? "npm.cmd" : "npm", ["ci", "--no-audit", "--no-fund"], { cwd: CDK_DIR });
    } catch (e) {
        log(`could not install bench/cdk (${e.message}): CDK side skipped`);
        cdk = false;
    }
}
const cdkModes = flag("cdk-validation") ? ["false", "true"] : ["false"];

// ---- 3. Alternating runs: package, raw, raw-wrapped, CDK, the order rotated at every repetition.
const SIDES = ["package", "raw", "raw-wrapped", ...(cdk ? cdkModes.map((m) => (m === "false" ? "cdk" : "cdk-validation")) : [])];
const results = [];
function runSide(side, n, rep) {
    let r;
    if (side === "package") r = child([programJs, String(n)], { BENCH_PKG: "bin", BENCH_ROOT: ROOT });
    else if (side === "raw" || side === "raw-wrapped")
        r = child([rawJs, String(n)], { BENCH_PKG: "bin", BENCH_ROOT: ROOT, BENCH_WRAP: side === "raw" ? "0" : "1" });
    else {
        // Past the stack limit the CDK program cannot synthesize: run it once to show the error.
        if (results.some((x) => x.side === side && x.n === n && x.error)) return;
        r = child([path.join(CDK_DIR, "app.js"), String(n)], { CDK_VALIDATION: side === "cdk" ? "false" : "true" }, CDK_DIR);
    }
    results.push({ ...r, side, n, rep });
    if (JSON_OUT) log(JSON.stringify(results[results.length - 1]));
    else process.stderr.write(`  N=${n} rep ${rep + 1} ${side}: ${r.error ? `error ${r.error}` : `${fmtMs(r.wallMs)} wall, ${fmtMs(r.cpuMs)} CPU`}\n`);
}
for (const n of NS) {
    const reps = n >= 1000 ? REPS_LARGE : REPS;
    for (let rep = 0; rep < reps; rep++) {
        for (let k = 0; k < SIDES.length; k++) runSide(SIDES[(k + rep) % SIDES.length], n, rep);
    }
}

// ---- 4. require() cost.
const requireScript = `
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t0 = process.hrtime.bigint(), c0 = cpu();
require("@pulumi/pulumi");
const t1 = process.hrtime.bigint(), c1 = cpu();
require(${JSON.stringify(path.join(ROOT, "bin", "sdk", "nodejs", "index.js"))});
const t2 = process.hrtime.bigint(), c2 = cpu();
const loaded = Object.keys(require.cache);
const index = (p) => loaded.some((f) => f.endsWith(p));
process.stdout.write(JSON.stringify({
    pulumiMs: Number(t1 - t0) / 1e6,
    packageMs: Number(t2 - t1) / 1e6,
    pulumiCpuMs: c1 - c0,
    packageCpuMs: c2 - c1,
    awsIndex: index("/@pulumi/aws/index.js"),
    awsNativeIndex: index("/@pulumi/aws-native/index.js"),
    modules: loaded.length,
}) + "\\n");`;
const requireRuns = [];
for (let i = 0; i < 7; i++) requireRuns.push(child(["-e", requireScript], {}));

// ---- 5. Report.
function summarize(side, n) {
    const runs = results.filter((r) => r.side === side && r.n === n);
    if (runs.length === 0) return undefined;
    const ok = runs.filter((r) => !r.error);
    if (ok.length === 0) return { error: runs[0].error };
    return {
        wallMs: median(ok.map((r) => r.wallMs)),
        cpuMs: median(ok.map((r) => r.cpuMs)),
        evaluateMs: median(ok.map((r) => r.evaluateMs)),
        loadMs: median(ok.map((r) => r.loadMs)),
        maxRssMb: Math.max(...ok.map((r) => r.maxRssMb)),
        last: ok[ok.length - 1],
        runs: ok.length,
    };
}

log("");
log(
    `node ${process.version}, ${os.cpus().length} CPUs, load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(" ")} at the end; medians of`,
);
log(`${REPS} runs per side (${REPS_LARGE} at N>=1000), sides alternated, each run a fresh process. wall = spawn to exit;`);
log("CPU = the child's user + system CPU time (less sensitive to other load on the machine than wall time).");
log("Program: N application profiles on the US cross-region profiles of 8 Claude models, each granted usage and");
log("invoke on a Lambda role (one per 1,000 profiles), N/10 agents and N/10 prompts on the default Anthropic router. package: the loop with");
log("this package; raw: the same resources by hand (aws-native + aws, one merged policy); raw-wrapped: raw with a");
log("trivial component around each profile, agent and prompt; cdk: @cdklabs/generative-ai-cdk-constructs.");
log("");
const header = ["N", "side", "wall", "CPU", "load", "evaluate", "peak RSS", "resources (custom)", "role's policies", "statements", "characters"];
const rows = [header];
const ratios = [];
for (const n of NS) {
    const s = Object.fromEntries(SIDES.map((side) => [side, summarize(side, n)]));
    for (const side of SIDES) {
        const x = s[side];
        if (!x) continue;
        if (x.error) {
            rows.push([n, side, `n/a: ${x.error.slice(0, 140)}`]);
            continue;
        }
        const role = x.last.role;
        rows.push([
            n,
            side,
            fmtMs(x.wallMs),
            fmtMs(x.cpuMs),
            fmtMs(x.loadMs),
            fmtMs(x.evaluateMs),
            `${x.maxRssMb.toFixed(0)} MB`,
            side.startsWith("cdk") ? `${x.last.resources} (CFN)` : `${x.last.resources} (${x.last.customResources})`,
            `${role.inline} inline + ${role.managed} managed${role.regionWildcards ? ", Region wildcards" : ""}`,
            role.statements,
            role.characters,
        ]);
        if (side.startsWith("cdk") && x.last.resources > CDK_STACK_LIMIT)
            rows.push([n, side, `n/a: ${x.last.resources} resources, over CloudFormation's ${CDK_STACK_LIMIT}`]);
    }
    const ratio = (a, b, k) => (s[a] && s[b] && !s[a].error && !s[b].error ? (s[a][k] / s[b][k]).toFixed(2) : "n/a");
    ratios.push(
        `N=${n}: package/raw ${ratio("package", "raw", "wallMs")} wall, ${ratio("package", "raw", "cpuMs")} CPU, ${ratio("package", "raw", "evaluateMs")} evaluate; ` +
            `raw-wrapped/raw ${ratio("raw-wrapped", "raw", "wallMs")} wall, ${ratio("raw-wrapped", "raw", "cpuMs")} CPU, ${ratio("raw-wrapped", "raw", "evaluateMs")} evaluate; ` +
            `package/raw-wrapped ${ratio("package", "raw-wrapped", "cpuMs")} CPU` +
            (cdk ? `; package/cdk ${ratio("package", "cdk", "wallMs")} wall, ${ratio("package", "cdk", "cpuMs")} CPU` : ""),
    );
}
const widths = header.map((_, i) => Math.max(...rows.filter((r) => r.length > 3).map((r) => String(r[i] ?? "").length)));
for (const r of rows)
    log(
        r.length <= 3
            ? r.map(String).join("  ")
            : r
                  .map((c, i) => String(c ?? "").padEnd(widths[i]))
                  .join("  ")
                  .trimEnd(),
    );
log("");
for (const line of ratios) log(line);

// The table of bench/README.md: medians of CPU time and of peak RSS, and their ratios.
log("");
log(
    "| N | CPU package | CPU raw | CPU raw-wrapped | package / raw | package / raw-wrapped | peak RSS package | peak RSS raw | peak RSS raw-wrapped | package / raw |",
);
log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const n of NS) {
    const pick = (side) => {
        const ok = results.filter((r) => r.side === side && r.n === n && !r.error);
        return ok.length === 0 ? undefined : { cpu: median(ok.map((r) => r.cpuMs)), rss: median(ok.map((r) => r.maxRssMb)), runs: ok.length };
    };
    const [p, r, w] = ["package", "raw", "raw-wrapped"].map(pick);
    const cell = (x, k, unit) => (x ? (unit === "MB" ? `${x[k].toFixed(0)} MB` : fmtMs(x[k])) : "n/a");
    const ratio = (a, b, k) => (a && b ? (a[k] / b[k]).toFixed(2) : "n/a");
    log(
        `| ${n} | ${cell(p, "cpu")} | ${cell(r, "cpu")} | ${cell(w, "cpu")} | ${ratio(p, r, "cpu")} | ${ratio(p, w, "cpu")} | ` +
            `${cell(p, "rss", "MB")} | ${cell(r, "rss", "MB")} | ${cell(w, "rss", "MB")} | ${ratio(p, r, "rss")} |`,
    );
}
log(`(medians over ${REPS} runs per side at N<1000, ${REPS_LARGE} at N>=1000; peak RSS = the child's maxRSS)`);

const req = requireRuns.filter((r) => !r.error);
log("");
if (req.length === 0) {
    log(`require cost: error: ${requireRuns[0].error}`);
} else {
    const pkgMs = median(req.map((r) => r.packageMs));
    log(
        `require("pulumi-bedrock-genai") (bin/) after require("@pulumi/pulumi"): median ${pkgMs.toFixed(0)} ms over ${req.length} fresh processes ` +
            `(@pulumi/pulumi itself: ${median(req.map((r) => r.pulumiMs)).toFixed(0)} ms; target <= 150 ms: ${pkgMs <= 150 ? "met" : "NOT met"}); ` +
            `CPU time: ${median(req.map((r) => r.packageCpuMs)).toFixed(0)} ms (@pulumi/pulumi: ${median(req.map((r) => r.pulumiCpuMs)).toFixed(0)} ms); ` +
            `loads @pulumi/aws index: ${req[0].awsIndex ? "yes" : "no"}, @pulumi/aws-native index: ${req[0].awsNativeIndex ? "yes" : "no"}`,
    );
}
fs.writeFileSync(path.join(OUT_DIR, "last-run.json"), JSON.stringify({ results, requireRuns }, null, 2));
log(`raw figures: ${path.relative(ROOT, path.join(OUT_DIR, "last-run.json"))}`);
