/**
 * The benchmark program as users write it (a CDK program ported to Pulumi), evaluated under Pulumi mocks
 * in its own process: `N` application profiles on the US cross-region profiles of 8 Claude models, each
 * `grantProfileUsage(role)` and `grantInvoke(role)` on one Lambda role (every grant joins the role's one
 * access set, laid out at the next macrotask), N/10 agents and N/10 prompts on the default Anthropic
 * router. The same program as bench/cdk/app.js and bench/raw.ts.
 *
 * Usage: node bench/results/program.js N (through bench/run.js). Prints one JSON line of figures.
 * `BENCH_PKG=bin` loads the compiled package (bin/), else the TypeScript sources (ts-node).
 */
import * as fs from "fs";
import * as path from "path";
import { reportFigures, settleAll } from "./figures";

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
    const M = bedrock.BedrockFoundationModel;
    // The eight Claude models of bench/models.json, which bench/cdk/app.js runs too.
    const ids = JSON.parse(fs.readFileSync(path.join(ROOT, "bench", "models.json"), "utf8")) as string[];
    const claude = ids.map((id) => {
        const model = Object.values(M).find((m): m is InstanceType<typeof M> => m instanceof M && m.modelId === id);
        if (!model) throw new Error(`the catalog has no model ${id}`);
        return model;
    });
    const loaded = process.hrtime.bigint();

    const role = new aws.Role("tenants-role", {
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
    });
    const cris = claude.map((model) => bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: bedrock.CrossRegionInferenceProfileRegion.US, model }));
    for (let i = 0; i < n; i++) {
        const aip = new bedrock.ApplicationInferenceProfile(`tenant-${i}`, { inferenceProfileName: `tenant-${i}`, modelSource: cris[i % cris.length] });
        aip.grantProfileUsage(role);
        aip.grantInvoke(role);
    }
    for (let i = 0; i < Math.floor(n / 10); i++) {
        new bedrock.Agent(`agent-${i}`, {
            foundationModel: cris[i % cris.length],
            instruction: "You are a helpful and friendly agent that answers questions about agriculture.",
        });
    }
    const router = bedrock.PromptRouter.fromDefaultId(bedrock.DefaultPromptRouterIdentifier.ANTHROPIC_CLAUDE_V1, "us-east-1");
    for (let i = 0; i < Math.floor(n / 10); i++) {
        const variant = bedrock.PromptVariant.text({ variantName: "variant1", promptText: "What is the capital of France?", model: router });
        new bedrock.Prompt(`prompt-${i}`, { promptName: `prompt-${i}`, variants: [variant] });
    }

    await settleAll(testing, rec);
    const evaluated = process.hrtime.bigint();

    const name = (await testing.resolveOutput(role.name)) as string;
    const policies = testing.policiesForRole(rec, name);
    reportFigures({ side: "package", n, mode: compiled ? "compiled bin/" : "ts-node (swc, transpile only)" }, rec, policies, { started, loaded, evaluated });
}

main().then(
    () => process.exit(0),
    (e) => {
        process.stderr.write(`${(e as Error).stack ?? e}\n`);
        process.exit(1);
    },
);
