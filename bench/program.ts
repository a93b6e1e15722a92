/**
 * The benchmark program as users write it (a CDK program ported to Pulumi), evaluated under Pulumi mocks
 * in its own process: `N` application profiles on the US cross-region profiles of 8 Claude models, each
 * `grantProfileUsage(role)` and `grantInvoke(role)` on a Lambda role (one role per 1,000 profiles; every
 * grant joins the role's one access set, laid out at the next macrotask), N/10 agents and N/10 prompts on
 * the default Anthropic router (bench/scenario.ts). The same program as bench/cdk/app.js and bench/raw.ts.
 *
 * Usage: node bench/results/program.js N (through bench/run.js). Prints one JSON line of figures.
 * `BENCH_PKG=bin` loads the compiled package (bin/), else the TypeScript sources (ts-node).
 */
import * as fs from "fs";
import * as path from "path";
import { reportFigures, settleAll } from "./figures";
import { benchProgram } from "./scenario";

const started = process.hrtime.bigint();
const n = Number(process.argv[2] ?? "100");
const ROOT = process.env.BENCH_ROOT ?? path.resolve(__dirname, "..");
const compiled = process.env.BENCH_PKG === "bin";

function load(rel: string): string {
    // `rel` is a module path without extension, relative to the repository root.
    return compiled ? path.join(ROOT, "bin", rel) : path.join(ROOT, rel);
}

async function main(): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const testing = require(load("components/testing/testing")) as typeof import("../components/testing/testing");
    const rec = testing.setBedrockMocks({ region: "us-east-1", accountId: "123456789012", config: { "aws-native:region": "us-east-1" } });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const aws = require("@pulumi/aws/iam") as typeof import("@pulumi/aws/iam");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bedrock = require(load("sdk/nodejs/index")) as typeof import("../sdk/nodejs");
    const ids = JSON.parse(fs.readFileSync(path.join(ROOT, "bench", "models.json"), "utf8")) as string[];
    const loaded = process.hrtime.bigint();

    const roles = benchProgram(bedrock, aws, n, ids);

    await settleAll(testing, rec);
    const evaluated = process.hrtime.bigint();

    const policies: import("../components/testing/testing").AttachedPolicy[] = [];
    for (const role of roles) policies.push(...testing.policiesForRole(rec, (await testing.resolveOutput(role.name)) as string));
    reportFigures({ side: "package", n, mode: compiled ? "compiled bin/" : "ts-node (swc, transpile only)" }, rec, policies, { started, loaded, evaluated });
}

main().then(
    () => process.exit(0),
    (e) => {
        process.stderr.write(`${(e as Error).stack ?? e}\n`);
        process.exit(1);
    },
);
