// The test commands split the specs by folder: `npm run test:unit` runs tests/*.spec.ts (a new spec
// there is a unit spec by default), `npm run test:integration` runs tests/integration/*.spec.ts and
// `npm run test:engine` runs tests/engine/*.spec.ts (the real Pulumi engine). Every *.spec.ts under
// tests/ must be in exactly one of them, as mocha resolves the scripts' globs.
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- mocha's own glob resolution (CommonJS, untyped)
const lookupFiles = require("mocha/lib/cli/lookup-files") as (pattern: string, extensions: string[], recursive: boolean) => string[];

const ROOT = path.resolve(__dirname, "..");
const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

/** The quoted spec globs of the mocha command in an npm script. */
function specGlobs(script: string): string[] {
    const command = /(?:^|&& )mocha ([^&]*)$/.exec(scripts[script] ?? "");
    if (!command) throw new Error(`npm script ${script}: no mocha command in ${JSON.stringify(scripts[script])}`);
    return [...command[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

/** The spec files a script runs, relative to the repository, as mocha finds them. */
function specsOf(script: string): string[] {
    return specGlobs(script).flatMap((g) => lookupFiles(path.join(ROOT, g), ["ts"], false).map((f) => path.relative(ROOT, f)));
}

/** Every *.spec.ts below tests/. */
function allSpecs(dir = "tests"): string[] {
    return fs
        .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? allSpecs(path.join(dir, e.name)) : e.name.endsWith(".spec.ts") ? [path.join(dir, e.name)] : []))
        .sort();
}

describe("the unit/integration split", () => {
    const unit = specsOf("test:unit");
    const integration = specsOf("test:integration");
    const engine = specsOf("test:engine");

    it("runs unit specs from tests/ and integration specs from tests/integration/", () => {
        expect(specGlobs("test:unit")).to.deep.equal(["tests/*.spec.ts"]);
        expect(specGlobs("test:integration")).to.deep.equal(["tests/integration/*.spec.ts"]);
        expect(specGlobs("test:engine")).to.deep.equal(["tests/engine/*.spec.ts"]);
        expect(engine).to.include("tests/engine/examples.spec.ts");
        expect(unit).to.include("tests/test-split.spec.ts");
        expect(integration).to.include.members(["tests/integration/conformance.spec.ts", "tests/integration/package.spec.ts"]);
    });

    it("puts every spec file in exactly one of the three", () => {
        const counted = [...unit, ...integration, ...engine];
        const twice = counted.filter((f, i) => counted.indexOf(f) !== i);
        const neither = allSpecs().filter((f) => !counted.includes(f));
        expect({ twice, neither }).to.deep.equal({ twice: [], neither: [] });
    });

    it("npm test runs the checks and the unit specs; npm run test:integration the API docs and integration specs", () => {
        expect(scripts.test).to.equal("node scripts/test.mjs");
        const runner = fs.readFileSync(path.join(ROOT, "scripts", "test.mjs"), "utf8");
        expect(runner).to.contain(`Promise.all([run("check"), run("test:unit")])`);
        expect(scripts["test:integration"]).to.match(/^npm run docs && mocha /);
    });
});
