// The npm package: builds into bin/ (as `npm run build` does) and checks what `npm pack` would publish.
import { expect } from "chai";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

/** Files every tarball holds besides compiled output. */
const DOCS = ["CHANGELOG.md", "LICENSE", "README.md", "package.json"];

describe("npm package", function () {
    this.timeout(180000);
    let files: string[];

    before(() => {
        execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "pipe" });
        const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
            cwd: ROOT,
            encoding: "utf8",
            stdio: ["ignore", "pipe", "pipe"],
        });
        const [report] = JSON.parse(out) as { name: string; files: { path: string }[] }[];
        expect(report.name).to.equal("pulumi-bedrock-genai");
        files = report.files.map((f) => f.path).sort();
    });

    it("holds compiled JavaScript and type declarations only, besides the docs", () => {
        const unexpected = files.filter((f) => !DOCS.includes(f) && !(f.startsWith("bin/") && (f.endsWith(".js") || f.endsWith(".d.ts"))));
        expect(unexpected).to.deep.equal([]);
        expect(files.filter((f) => /^bin\/(tests|examples|bench|provider)\//.test(f))).to.deep.equal([]);
        expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).to.deep.equal([]);
        for (const doc of ["LICENSE", "README.md", "package.json"]) expect(files).to.include(doc);
    });

    it("ships every module of the SDK with its declarations", () => {
        const sources = ["sdk/nodejs", "components"].flatMap((dir) =>
            (fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
                .map((f) => f.split(path.sep).join("/"))
                .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
                .map((f) => `${dir}/${f.slice(0, -3)}`),
        );
        expect(sources, "modules found in components/ subfolders").to.include("components/core/validation");
        const missing = sources.flatMap((m) => [`bin/${m}.js`, `bin/${m}.d.ts`]).filter((f) => !files.includes(f));
        expect(missing).to.deep.equal([]);
    });

    it("points main, types, exports and bin at files in the tarball", () => {
        const targets: string[] = [pkg.main, pkg.types];
        for (const [subpath, entry] of Object.entries(pkg.exports as Record<string, string | Record<string, string>>)) {
            if (subpath === "./package.json") continue;
            targets.push(...(typeof entry === "string" ? [entry] : Object.values(entry)));
        }
        targets.push(...Object.values((pkg.bin ?? {}) as Record<string, string>));
        const missing = targets.map((t) => t.replace(/^\.\//, "")).filter((t) => !files.includes(t));
        expect(missing).to.deep.equal([]);
        expect(Object.keys(pkg.exports)).to.include.members([".", "./testing"]);
        expect(pkg.exports["."].types).to.equal("./bin/sdk/nodejs/index.d.ts");
        expect(pkg.exports["./testing"].types).to.equal("./bin/sdk/nodejs/testing.d.ts");
        expect(pkg.exports["./policy"].types).to.equal("./bin/sdk/nodejs/policy.d.ts");
    });

    it("declares peer dependencies with caret ranges, engines, license and repository", () => {
        expect(Object.keys(pkg.peerDependencies).sort()).to.deep.equal(["@pulumi/aws", "@pulumi/aws-native", "@pulumi/policy", "@pulumi/pulumi"]);
        // The policy pack's SDK is needed only by pulumi-bedrock-genai/policy.
        expect(pkg.peerDependenciesMeta).to.deep.equal({ "@pulumi/policy": { optional: true } });
        for (const range of Object.values(pkg.peerDependencies as Record<string, string>)) expect(range).to.match(/^\^\d+\.\d+\.\d+$/);
        expect(pkg.dependencies ?? {}).to.not.have.any.keys("@pulumi/pulumi", "@pulumi/aws", "@pulumi/aws-native");
        expect(pkg.engines.node).to.equal(">=20");
        expect(pkg.license).to.equal("Apache-2.0");
        expect(fs.readFileSync(path.join(ROOT, "LICENSE"), "utf8")).to.contain("Apache License\n                           Version 2.0, January 2004");
        expect(pkg.repository)
            .to.have.property("url")
            .that.matches(/pulumi-bedrock-genai/);
    });

    it("loads from the compiled output: the entry points export the components", () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled CommonJS entry points
        const main = require(path.join(ROOT, pkg.main));
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const testing = require(path.join(ROOT, pkg.exports["./testing"].default));
        expect(main.CrossRegionInferenceProfile).to.be.a("function");
        expect(main.ApplicationInferenceProfile).to.be.a("function");
        expect(main.BedrockFoundationModel).to.be.a("function");
        expect(testing.setBedrockMocks).to.be.a("function");
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const policy = require(path.join(ROOT, pkg.exports["./policy"].default));
        expect(policy.bedrockPolicies().map((p: { name: string }) => p.name)).to.deep.equal(policy.RULES.map((r: { id: string }) => r.id));
        expect(policy.bedrockPolicyPack).to.be.a("function");
    });
});
