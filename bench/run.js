#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS script run by node */
// `npm run bench`: the benchmark program (bench/program.ts) under Pulumi mocks and the same program with
// the CDK constructs (bench/cdk/app.js), each N in a fresh process, the two sides alternating; then the
// cost of require("pulumi-bedrock-genai") over require("@pulumi/pulumi"). Not part of `npm test`.
//
// Options: --ns 10,100,1000   --reps 3   --no-build (use bin/ as it is)   --no-cdk   --cdk-validation (CDK with
// its template validation on, as well as off)   --json (figures as JSON lines)
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
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
const NS = opt("ns", "10,100,1000").split(",").map(Number);
const REPS = Number(opt("reps", "3"));
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
const programJs = path.join(OUT_DIR, "program.js");
fs.writeFileSync(
    programJs,
    swc.transformFileSync(path.join(__dirname, "program.ts"), { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } })
        .code,
);

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

// ---- 3. Alternating runs.
const results = [];
for (const n of NS) {
    for (let rep = 0; rep < REPS; rep++) {
        const p = child([programJs, String(n)], { BENCH_PKG: "bin", BENCH_ROOT: ROOT });
        results.push({ side: "pulumi", n, rep, ...p });
        if (JSON_OUT) log(JSON.stringify(results[results.length - 1]));
        if (!cdk) continue;
        for (const validation of cdkModes) {
            // Past the stack limit the CDK program cannot synthesize: run it once to show the error.
            const earlier = results.find((r) => r.side === "cdk" && r.n === n && r.validation === (validation === "false" ? "off" : "on") && r.error);
            if (earlier) continue;
            const c = child([path.join(CDK_DIR, "app.js"), String(n)], { CDK_VALIDATION: validation }, CDK_DIR);
            results.push({ side: "cdk", n, rep, validation: validation === "false" ? "off" : "on", ...c });
            if (JSON_OUT) log(JSON.stringify(results[results.length - 1]));
        }
    }
}

// ---- 4. require() cost.
const requireScript = `
const t0 = process.hrtime.bigint();
require("@pulumi/pulumi");
const t1 = process.hrtime.bigint();
require(${JSON.stringify(path.join(ROOT, "bin", "sdk", "nodejs", "index.js"))});
const t2 = process.hrtime.bigint();
const loaded = Object.keys(require.cache);
const index = (p) => loaded.some((f) => f.endsWith(p));
process.stdout.write(JSON.stringify({
    pulumiMs: Number(t1 - t0) / 1e6,
    packageMs: Number(t2 - t1) / 1e6,
    awsIndex: index("/@pulumi/aws/index.js"),
    awsNativeIndex: index("/@pulumi/aws-native/index.js"),
    modules: loaded.length,
}) + "\\n");`;
const requireRuns = [];
for (let i = 0; i < 7; i++) requireRuns.push(child(["-e", requireScript], {}));

// ---- 5. Report.
function summarize(side, n, validation) {
    const runs = results.filter((r) => r.side === side && r.n === n && (validation === undefined || r.validation === validation));
    if (runs.length === 0) return undefined;
    const ok = runs.filter((r) => !r.error);
    if (ok.length === 0) return { error: runs[0].error };
    return {
        wallMs: median(ok.map((r) => r.wallMs)),
        evaluateMs: median(ok.map((r) => r.evaluateMs)),
        loadMs: median(ok.map((r) => r.loadMs)),
        maxRssMb: Math.max(...ok.map((r) => r.maxRssMb)),
        last: ok[ok.length - 1],
        runs: ok.length,
    };
}

log("");
log(`node ${process.version}, ${REPS} run(s) per side and N, medians; each run a fresh process (wall = spawn to exit).`);
log("Program: N application profiles on the US cross-region profiles of 8 Claude models, each granted usage and");
log("invoke (Pulumi: one ModelAccessPolicy per role of 100 profiles; CDK: grantProfileUsage + grantInvoke on one");
log("role), N/10 agents and N/10 prompts on the default Anthropic router.");
log("");
const header = [
    "N",
    "side",
    "wall",
    "load",
    "evaluate",
    "peak RSS",
    "resources",
    "roles",
    "policies/role",
    "statements/role",
    "characters/role",
    "ratio (pulumi/cdk wall)",
];
const rows = [header];
for (const n of NS) {
    const p = summarize("pulumi", n);
    const pRow = p.error
        ? [n, "pulumi", `error: ${p.error}`]
        : [
              n,
              "pulumi",
              fmtMs(p.wallMs),
              fmtMs(p.loadMs),
              fmtMs(p.evaluateMs),
              `${p.maxRssMb.toFixed(0)} MB`,
              p.last.resources,
              p.last.roles,
              `${p.last.role.policies} (${p.last.role.inline} inline + ${p.last.role.managed} managed)`,
              p.last.role.statements,
              p.last.role.characters,
              "",
          ];
    rows.push(pRow);
    if (!cdk) continue;
    for (const v of cdkModes.map((m) => (m === "false" ? "off" : "on"))) {
        const c = summarize("cdk", n, v);
        if (!c) continue;
        if (c.error) {
            rows.push([n, `cdk (validation ${v})`, `n/a: ${c.error.slice(0, 120)}`]);
            continue;
        }
        rows.push([
            n,
            `cdk (validation ${v})`,
            fmtMs(c.wallMs),
            fmtMs(c.loadMs),
            fmtMs(c.evaluateMs),
            `${c.maxRssMb.toFixed(0)} MB`,
            c.last.resources,
            1,
            `${c.last.role.policies} (${c.last.role.inline} inline + ${c.last.role.managed} managed${c.last.role.regionWildcards ? ", Region wildcards" : ""})`,
            c.last.role.statements,
            c.last.role.characters,
            p.error ? "" : (p.wallMs / c.wallMs).toFixed(2),
        ]);
    }
    if (cdk && n > 345) {
        // Past ~345 the CDK program has more than CloudFormation's 500 resources per stack.
        const c = summarize("cdk", n, "off");
        if (c && !c.error && c.last.resources > CDK_STACK_LIMIT)
            rows.push([n, "cdk", `n/a: ${c.last.resources} resources, over CloudFormation's ${CDK_STACK_LIMIT}`]);
    }
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

const req = requireRuns.filter((r) => !r.error);
log("");
if (req.length === 0) {
    log(`require cost: error: ${requireRuns[0].error}`);
} else {
    const pkgMs = median(req.map((r) => r.packageMs));
    log(
        `require("pulumi-bedrock-genai") (bin/) after require("@pulumi/pulumi"): median ${pkgMs.toFixed(0)} ms over ${req.length} fresh processes ` +
            `(@pulumi/pulumi itself: ${median(req.map((r) => r.pulumiMs)).toFixed(0)} ms; target <= 150 ms: ${pkgMs <= 150 ? "met" : "NOT met"}); ` +
            `loads @pulumi/aws index: ${req[0].awsIndex ? "yes" : "no"}, @pulumi/aws-native index: ${req[0].awsNativeIndex ? "yes" : "no"}`,
    );
}
fs.writeFileSync(path.join(OUT_DIR, "last-run.json"), JSON.stringify({ results, requireRuns }, null, 2));
log(`raw figures: ${path.relative(ROOT, path.join(OUT_DIR, "last-run.json"))}`);
