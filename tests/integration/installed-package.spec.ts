// The package as a user installs it: the tarball `npm pack` makes, unpacked into a fresh project's
// node_modules next to the Pulumi SDKs, and the README's "Testing your program" example
// (tests/fixtures/user-program) run there with mocha and ts-node type-checking, as the README says.
import { expect } from "chai";
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURE = path.join(ROOT, "tests", "fixtures", "user-program");

/** The compiler options `pulumi new typescript` writes. */
const USER_TSCONFIG = {
    compilerOptions: {
        strict: true,
        outDir: "bin",
        target: "es2020",
        module: "commonjs",
        moduleResolution: "node",
        sourceMap: true,
        experimentalDecorators: true,
        pretty: true,
        noFallthroughCasesInSwitch: true,
        noImplicitReturns: true,
        forceConsistentCasingInFileNames: true,
        skipLibCheck: true,
    },
    files: ["index.ts"],
};

describe("the installed package", function () {
    this.timeout(300000);
    let project: string;

    before(() => {
        execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "pipe" });
        project = fs.mkdtempSync(path.join(os.tmpdir(), "bedrock-genai-user-"));
        const out = execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", project], {
            cwd: ROOT,
            encoding: "utf8",
            stdio: ["ignore", "pipe", "pipe"],
        });
        const [report] = JSON.parse(out) as { filename: string }[];
        const modules = path.join(project, "node_modules");
        fs.mkdirSync(modules);
        // The user's other dependencies: the same versions this repository tests with.
        for (const entry of fs.readdirSync(path.join(ROOT, "node_modules"))) {
            if (entry === ".bin" || entry === "pulumi-bedrock-genai") continue;
            fs.symlinkSync(path.join(ROOT, "node_modules", entry), path.join(modules, entry));
        }
        fs.symlinkSync(path.join(ROOT, "node_modules", ".bin"), path.join(modules, ".bin"));
        execFileSync("tar", ["-xzf", path.join(project, report.filename), "-C", project]);
        fs.renameSync(path.join(project, "package"), path.join(modules, "pulumi-bedrock-genai"));
        fs.copyFileSync(path.join(FIXTURE, "index.ts"), path.join(project, "index.ts"));
        fs.mkdirSync(path.join(project, "test"));
        fs.copyFileSync(path.join(FIXTURE, "test", "stack.test.ts"), path.join(project, "test", "stack.test.ts"));
        fs.writeFileSync(path.join(project, "tsconfig.json"), JSON.stringify(USER_TSCONFIG, null, 4));
        fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "user-program", private: true }, null, 2));
    });

    after(() => {
        if (project) fs.rmSync(project, { recursive: true, force: true });
    });

    // The timeout is for the first `import` of the program, which type-checks it and loads the Pulumi SDKs.
    it("runs the README's mocha example, type-checked, against the packed package", () => {
        const run = spawnSync(
            path.join(project, "node_modules", ".bin", "mocha"),
            ["--no-config", "--timeout", "60000", "-r", "ts-node/register", "test/**/*.test.ts"],
            {
                cwd: project,
                encoding: "utf8",
                env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "", TS_NODE_SWC: "", TS_NODE_PROJECT: path.join(project, "tsconfig.json") },
            },
        );
        const output = `${run.stdout}\n${run.stderr}`;
        expect(output, output).to.match(/2 passing/);
        expect(run.status, output).to.equal(0);
    });

    it("resolves the testing subpath's types under moduleResolution node", () => {
        const probe = path.join(project, "probe.ts");
        fs.writeFileSync(
            probe,
            'import { setBedrockMocks } from "pulumi-bedrock-genai/testing";\nexport const install: typeof setBedrockMocks = setBedrockMocks;\n',
        );
        const run = spawnSync(
            process.execPath,
            [require.resolve("typescript/bin/tsc"), "--noEmit", "--strict", "--module", "commonjs", "--moduleResolution", "node", "--skipLibCheck", "probe.ts"],
            { cwd: project, encoding: "utf8" },
        );
        expect(run.status, `${run.stdout}${run.stderr}`).to.equal(0);
    });
});
