// `npm test`: `npm run check` (type-check, lint: one Node.js process) and `npm run test:unit` (mocha in
// two workers) side by side, so the unit specs use both cores once the check is done. Each one's output
// is printed when it ends, with its wall time; the exit code is 1 when either fails.
import { spawn } from "node:child_process";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(script) {
    const started = Date.now();
    return new Promise((resolve) => {
        const child = spawn(npm, ["run", "--silent", script], {
            stdio: ["ignore", "pipe", "pipe"],
            env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? "1" : "0" },
        });
        const chunks = [];
        child.stdout.on("data", (c) => chunks.push(c));
        child.stderr.on("data", (c) => chunks.push(c));
        child.on("close", (code, signal) =>
            resolve({ script, code: code ?? 1, signal, output: Buffer.concat(chunks).toString(), seconds: (Date.now() - started) / 1000 }),
        );
    });
}

const results = await Promise.all([run("check"), run("test:unit")]);
for (const r of results) {
    process.stdout.write(`\n> npm run ${r.script}\n${r.output}`);
    console.log(`npm run ${r.script}: ${r.code === 0 ? "passed" : `failed (${r.signal ?? `exit code ${r.code}`})`} in ${r.seconds.toFixed(1)} s`);
}
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
