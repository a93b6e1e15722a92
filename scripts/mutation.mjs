// `npm run test:mutation [folder ...]`: StrykerJS over the folders of components/ that produce IAM,
// resource inputs and validation, one folder at a time (stryker.config.mjs reads MUTATE_FOLDER), each
// with its own incremental file (stryker/incremental/<folder>.json, committed: a rerun tests only the
// mutants of changed code and specs) and JSON report (reports/mutation/<folder>.json). Prints the
// mutation score per folder and writes them to reports/mutation/summary.json. Exits 1 only when a run
// fails; the score is reported against the 85% target, not enforced.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

export const FOLDERS = ["iam", "agents", "prompts", "profiles", "usage", "core"];
const TARGET = 85;

/** Mutant counts of a mutation-testing-report-schema report, by status. */
function counts(report) {
    const c = {};
    for (const file of Object.values(report.files)) for (const m of file.mutants) c[m.status] = (c[m.status] ?? 0) + 1;
    return c;
}

/** Stryker's mutation score: detected (killed, timed out) over detected plus undetected (survived, no coverage). */
export function score(c) {
    const detected = (c.Killed ?? 0) + (c.Timeout ?? 0);
    const undetected = (c.Survived ?? 0) + (c.NoCoverage ?? 0);
    return detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected);
}

const folders = process.argv.slice(2).length > 0 ? process.argv.slice(2) : FOLDERS;
const unknown = folders.filter((f) => !FOLDERS.includes(f));
if (unknown.length > 0) {
    console.error(`unknown folder ${unknown.join(", ")}: one of ${FOLDERS.join(", ")}`);
    process.exit(2);
}
mkdirSync("reports/mutation", { recursive: true });
/** The scores written so far (by this run or another run of other folders), or none. */
function readSummary() {
    try {
        return JSON.parse(readFileSync("reports/mutation/summary.json", "utf8"));
    } catch {
        return {};
    }
}
let summary = readSummary();
let failed = false;
for (const folder of folders) {
    const started = Date.now();
    const run = spawnSync("npx", ["stryker", "run"], { stdio: "inherit", env: { ...process.env, MUTATE_FOLDER: folder } });
    const seconds = Math.round((Date.now() - started) / 1000);
    if (run.status !== 0) {
        console.error(`stryker on components/${folder} failed (${run.signal ?? `exit code ${run.status}`})`);
        failed = true;
        continue;
    }
    const c = counts(JSON.parse(readFileSync(`reports/mutation/${folder}.json`, "utf8")));
    // Read again: another run (of other folders) may have written its scores since.
    summary = readSummary();
    summary[folder] = { score: Math.round(score(c) * 100) / 100, ...c, seconds };
    writeFileSync("reports/mutation/summary.json", JSON.stringify(summary, null, 2) + "\n");
}
console.log(`\nmutation score per folder (target ${TARGET}%):`);
for (const f of FOLDERS) {
    const s = summary[f];
    if (!s) continue;
    const { score: pct, seconds, ...c } = s;
    const statuses = Object.entries(c)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ");
    console.log(`  components/${f}: ${pct.toFixed(2)}% ${pct >= TARGET ? "" : "(under target) "}[${statuses}] in ${seconds} s`);
}
process.exit(failed ? 1 : 0);
