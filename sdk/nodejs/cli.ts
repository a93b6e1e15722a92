#!/usr/bin/env node
/**
 * `bedrock-genai preview [program-dir] [--region r] [--account a] [--stack s] [--json] [--mermaid] [--check]`:
 * evaluates a Pulumi program offline and prints its resources and IAM (see components/preview.ts).
 */
import { runCli } from "../../components/preview";

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
