// The policy pack under the command Pulumi starts it with: a Node.js process of its own (several seconds
// of CPU to load @pulumi/policy and @pulumi/pulumi), so an integration spec, not a unit one.
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { spawn } from "child_process";

const ROOT = path.join(__dirname, "..", "..");

describe("the policy pack's entry point", () => {
    it("policy/ starts as Pulumi starts a policy pack (run-policy-pack) and prints the analyzer's port", async function () {
        this.timeout(240_000);
        const dir = path.join(ROOT, "policy");
        expect(fs.readFileSync(path.join(dir, "PulumiPolicy.yaml"), "utf8")).to.match(/^runtime: nodejs$/m);
        const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack");
        const child = spawn(process.execPath, [runner, "127.0.0.1:0", "."], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        try {
            const port = await new Promise<string>((resolve, reject) => {
                child.stdout.on("data", (d: Buffer) => {
                    stdout += d.toString();
                    if (stdout.includes("\n")) resolve(stdout.split("\n")[0]);
                });
                child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
                child.on("exit", (code) => reject(new Error(`exited ${code}: ${stderr}`)));
            });
            expect(port).to.match(/^[0-9]+$/);
            expect(Number(port)).to.be.greaterThan(0);
        } finally {
            child.kill();
        }
    });
});
