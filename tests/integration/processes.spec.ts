// Specs that start Node.js processes: the preview command as `bedrock-genai preview` runs it
// (sdk/nodejs/cli.ts, its exit codes and output), and the README's mocha example for users' programs
// (tests/fixtures/user-program) run by mocha in a process of its own, as a user would run it.
import { expect } from "chai";
import { execFile } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURES = path.join("tests", "fixtures");

interface Run {
    code: number;
    stdout: string;
    stderr: string;
}

/** Runs `node <args>` in the repository's root with ts-node (transpile-only) available. */
function node(args: string[]): Promise<Run> {
    return new Promise((resolve) => {
        execFile(process.execPath, args, { cwd: ROOT, env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" } }, (err, stdout, stderr) =>
            resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
    });
}

describe("processes", function () {
    this.timeout(60_000);

    describe("the preview command (sdk/nodejs/cli.ts)", () => {
        const cli = (args: string[]) => node(["-r", "ts-node/register/transpile-only", path.join("sdk", "nodejs", "cli.ts"), ...args]);

        it("exits 2 with an error when the program never settles, instead of exiting 0 with no output", async () => {
            expect(await cli(["preview", path.join(FIXTURES, "never-settles")])).to.deep.equal({
                code: 2,
                stdout: "",
                stderr: "error: the program did not finish: a promise it exported or awaited never settled\n",
            });
        });

        it("exits with the preview's code when it completes", async () => {
            expect(await cli(["preview", path.join(FIXTURES, "agents"), "--check"])).to.deep.equal({
                code: 0,
                stdout: "Checked 1 role: 0 errors, 1 warning\n  ! [agent-without-guardrail] resource helper: agent helper has no guardrail\n",
                stderr: "",
            });
            expect((await cli(["preview", path.join(FIXTURES, "check-rules"), "--check"])).code).to.equal(1);
        });
    });

    describe("the README's mocha example, run as a user would", () => {
        it("passes against the user program (tests/fixtures/user-program)", async () => {
            const { code, stdout } = await node([
                path.join(ROOT, "node_modules", "mocha", "bin", "mocha.js"),
                "--no-config",
                // Loading the program loads the Pulumi SDKs, which takes longer than mocha's default 2 s on a busy machine.
                "--timeout",
                "20000",
                "-r",
                "ts-node/register/transpile-only",
                "-r",
                "tests/fixtures/user-program/alias.ts",
                "tests/fixtures/user-program/test/stack.test.ts",
            ]);
            expect(stdout).to.match(/2 passing/);
            expect(stdout).not.to.match(/failing/);
            expect(code).to.equal(0);
        });
    });
});
