// The cross-language component provider (provider/, PulumiPlugin.yaml runtime nodejs) hosted through the
// engine: `pulumi package get-schema provider` starts it with the Node.js SDK's own plugin host
// (@pulumi/pulumi/cmd/run-plugin, through the language host's RunPlugin) and reads the schema it infers,
// which must be the schema Pulumi's analyzer gives in process (tests/integration/schema.spec.ts checks
// that one in detail). `pulumi package add` of it into examples/quickstart-python is not run: it needs
// the Python language host's GeneratePackage and Link, which no host the module proxy serves has
// (see README "Under the real Pulumi engine").
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { Analyzer } from "@pulumi/pulumi/provider/experimental/analyzer";
import { getPulumiComponents } from "@pulumi/pulumi/provider/experimental/provider";
import { generateSchema } from "@pulumi/pulumi/provider/experimental/schema";
import { loadEngine, ROOT } from "./support";

const PROVIDER_DIR = path.join(ROOT, "provider");

/** `v` without the analyzer's `optional` marks, which the CLI's schema does not carry (`requiredInputs` does). */
function withoutOptional(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(withoutOptional);
    if (v && typeof v === "object")
        return Object.fromEntries(
            Object.entries(v)
                .filter(([k]) => k !== "optional")
                .map(([k, x]) => [k, withoutOptional(x)]),
        );
    return v;
}

function inProcessSchema(): { resources: Record<string, unknown>; types: Record<string, unknown> } {
    const pkg = JSON.parse(fs.readFileSync(path.join(PROVIDER_DIR, "package.json"), "utf8"));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- what the plugin host does: require the plugin directory
    const hosted = new Set(getPulumiComponents(require(PROVIDER_DIR)).map((c) => c.name));
    const result = new Analyzer(PROVIDER_DIR, "bedrock-genai", pkg, hosted).analyze();
    return generateSchema("bedrock-genai", pkg.version, pkg.description, result.components, result.typeDefinitions, result.dependencies) as unknown as {
        resources: Record<string, unknown>;
        types: Record<string, unknown>;
    };
}

describe("the component provider hosted through the engine (pulumi package get-schema provider)", function () {
    this.timeout(60 * 60 * 1000);

    it("infers the schema Pulumi's analyzer gives in process", async () => {
        const engine = await loadEngine();
        const session = engine.engineSession(path.join(ROOT, "tests", "engine", "fixtures", "one-role"));
        let r: { code: number; stdout: string; stderr: string };
        try {
            r = await session.pulumi(["package", "get-schema", PROVIDER_DIR], { stackFlags: false, timeoutSeconds: 1200 });
        } finally {
            session.dispose();
        }
        expect(r.code, r.stderr).to.equal(0);
        const hosted = JSON.parse(r.stdout) as { name: string; resources: Record<string, unknown>; types?: Record<string, unknown> };
        const expected = inProcessSchema();
        expect(hosted.name).to.equal("bedrock-genai");
        expect(Object.keys(hosted.resources).sort()).to.deep.equal([
            "bedrock-genai:index:ApplicationProfile",
            "bedrock-genai:index:CrossRegionProfile",
            "bedrock-genai:index:ModelGrant",
        ]);
        expect(hosted.resources).to.deep.equal(withoutOptional(expected.resources));
        expect(hosted.types ?? {}).to.deep.equal(expected.types ?? {});
    });
});
