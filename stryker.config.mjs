// StrykerJS configuration for `npm run test:mutation` (scripts/mutation.mjs runs it folder by folder:
// MUTATE_FOLDER=<folder of components/> mutates that folder, with its own incremental file, committed in
// stryker/incremental/ so that a rerun tests only the mutants of changed code and specs, and its own JSON
// report in reports/mutation/).
import { readdirSync } from "node:fs";

const FOLDERS = ["iam", "agents", "prompts", "profiles", "usage", "core"];
const folder = process.env.MUTATE_FOLDER;
const folders = folder ? [folder] : FOLDERS;
const out = process.env.MUTATE_REPORTS ?? "reports/mutation";
const incremental = process.env.MUTATE_INCREMENTAL ?? "stryker/incremental";
const tag = folder ?? "all";
// The unit specs, less those that run the preview CLI in child processes (they test components/preview
// and read the program's stack frames, which the instrumented code shifts).
const SPECS = readdirSync("tests")
    .filter((f) => f.endsWith(".spec.ts") && !f.startsWith("preview"))
    .map((f) => `tests/${f}`);

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
    packageManager: "npm",
    testRunner: "mocha",
    checkers: ["typescript"],
    tsconfigFile: "tsconfig.json",
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    // `// @ts-nocheck` only in the code under mutation: fixtures that specs read stay as they are.
    disableTypeChecks: "components/**/*.ts",
    coverageAnalysis: "perTest",
    mutate: [...folders.map((f) => `components/${f}/**/*.ts`), "!components/**/index.ts"],
    mochaOptions: { spec: SPECS, config: ".mocharc.json" },
    concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
    incremental: true,
    incrementalFile: `${incremental}/${tag}.json`,
    reporters: ["json", "clear-text", "progress-append-only"],
    jsonReporter: { fileName: `${out}/${tag}.json` },
    thresholds: { high: 85, low: 70, break: null },
    tempDirName: ".stryker-tmp",
    cleanTempDir: "always",
};
