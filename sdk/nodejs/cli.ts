#!/usr/bin/env node
/**
 * `bedrock-genai preview [program-dir] [--region r] [--account a] [--stack s] [--config k=v] [--policy-config f] [--mock t.o=v] [--mocks f] [--json] [--mermaid] [--check]`:
 * evaluates a Pulumi program offline and prints its resources and IAM (see components/preview/).
 */
import { runCli, unfinishedDetails } from "../../components/preview";

/** Printed when Node is about to exit and the preview never finished. */
export const NEVER_SETTLED = "error: the program did not finish: a promise it exported or awaited never settled\n";

// Exit code 2 unless the preview completes: a program whose promises never settle lets Node exit
// with nothing left to run, before runCli resolves.
process.exitCode = 2;
let finished = false;
let reported = false;
process.on("beforeExit", () => {
    if (finished || reported) return;
    reported = true;
    // Why, when the mocks can tell: the first error the program raised, outputs it read that were not mocked.
    const details = unfinishedDetails();
    process.stderr.write(NEVER_SETTLED + details.map((l) => `${l}\n`).join(""));
    process.exitCode = 2;
});

runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    progress: process.stderr.isTTY === true,
}).then(
    (code) => {
        finished = true;
        process.exitCode = code;
    },
    (err: unknown) => {
        finished = true;
        process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = 2;
    },
);
