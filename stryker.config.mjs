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
// The folder's own specs run first: Stryker runs a mutant's covering tests in this order and stops at the
// first failure, so a mutant the folder's specs kill costs only those.
const OWN = {
    iam: [
        "grants",
        "iam-access-set-mutants",
        "iam-grants-mutants",
        "iam-policy-mutants",
        "iam-roles-mutants",
        "model-access-policy",
        "access-layout",
        "policy",
        "iam-eval",
        "iam-pin",
        "facts",
        "policy-pack",
    ],
    agents: ["agent", "agent-harness", "facts"],
    prompts: ["prompt", "prompt-router", "facts"],
    profiles: ["profiles", "catalog-gaps", "provider-regions", "facts"],
    usage: ["usage", "provider-regions"],
    core: ["bad-input", "inference-configuration", "facts", "profiles"],
};
const first = new Set((folder ? OWN[folder] : []).map((f) => `${f}.spec.ts`));
// Integration specs that test a folder under mocks alone: ModelAccessPolicy has its specs only there (the
// first run of components/iam, without them, left all 112 mutants of model-access-policy.ts uncovered), and
// the role's managed-policy quota (warned past 10, refused past 20) is tested at scale only there.
const EXTRA = { iam: ["tests/integration/model-access-policy.spec.ts", "tests/integration/grants-scale.spec.ts"] };
const SPECS = readdirSync("tests")
    .filter((f) => f.endsWith(".spec.ts") && !f.startsWith("preview"))
    .sort((a, b) => Number(first.has(b)) - Number(first.has(a)) || a.localeCompare(b))
    .map((f) => `tests/${f}`)
    .concat(folder ? (EXTRA[folder] ?? []) : Object.values(EXTRA).flat());

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
    packageManager: "npm",
    testRunner: "mocha",
    // MUTATE_CHECK=0 leaves the TypeScript checker out: a mutant that does not type-check then runs the
    // specs like any other (under swc's transpile-only it runs as JavaScript), which is harsher (it can
    // survive) and, on two cores, several times faster (the checkers took most of the CPU).
    checkers: process.env.MUTATE_CHECK === "0" ? [] : ["typescript"],
    // The checker type-checks the mutated folder's files (stryker/tsconfig.<folder>.json) and what they
    // import, not the specs, examples and entry points that tsconfig.json adds: with sdk/ in the program the
    // checker loads all of @pulumi/aws-native (6,767 files against 812 for components/prompts) and was the
    // slowest part of a run. A type error a mutant causes only in a file that imports the folder goes
    // unseen: that mutant then runs the specs instead (killed or survived, never counted as a compile error).
    tsconfigFile: `stryker/tsconfig.${tag}.json`,
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    // `// @ts-nocheck` only in the code under mutation: fixtures that specs read stay as they are.
    disableTypeChecks: "components/**/*.ts",
    coverageAnalysis: "perTest",
    // A static mutant (module-level code: rule tables, patterns, action lists) is covered by no single
    // test, so Stryker runs every spec against it: 12% of the mutants took 93% of the time. They are left
    // out by default (reported as Ignored, outside the score); MUTATE_STATIC=1 tests them too.
    ignoreStatic: process.env.MUTATE_STATIC !== "1",
    mutate: [...folders.map((f) => `components/${f}/**/*.ts`), "!components/**/index.ts"],
    // Mocha's timeout is 8 s here (20 s in .mocharc.json): a mutant that leaves a spec waiting forever (a
    // batch never laid out, a promise never settled) then fails that spec as Killed at 8 s, instead of
    // running into Stryker's own timeout, which also restarts the test runner process. The slow specs set
    // their own timeouts.
    mochaOptions: { spec: SPECS, config: ".mocharc.mutation.cjs" },
    concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 3),
    incremental: true,
    incrementalFile: `${incremental}/${tag}.json`,
    reporters: ["json", "clear-text", "progress-append-only"],
    jsonReporter: { fileName: `${out}/${tag}.json` },
    thresholds: { high: 85, low: 70, break: null },
    // One sandbox folder per folder of components/: runs of different folders can go side by side.
    tempDirName: `.stryker-tmp/${tag}`,
    cleanTempDir: "always",
};
