#!/usr/bin/env node
/**
 * `bedrock-genai preview [program-dir] [--region r] [--account a] [--stack s] [--json] [--mermaid] [--check]`:
 * evaluates a Pulumi program offline and prints its resources and IAM (see components/preview.ts).
 */
import { runCli } from "../../components/preview";

// The program's own rejections are reported as errors; Node's notice that one was handled late is noise.
process.removeAllListeners("warning");
process.on("warning", (w) => {
    if (w.name !== "PromiseRejectionHandledWarning") process.stderr.write(`${w.name}: ${w.message}\n`);
});

runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    progress: process.stderr.isTTY === true,
}).then(
    (code) => {
        process.exitCode = code;
    },
    (err: unknown) => {
        process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = 2;
    },
);
