// The package's policy pack (policy/) run by the engine's analyzer on examples/policy-pack-demo: the
// violations `pulumi preview --policy-pack` reports are the findings of `bedrock-genai preview --check`
// on the same program with the same configuration file, and none once fixed (config fixed=true).
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { previewProgram } from "../../components/preview/plan";
import { loadEngine, ROOT, type EngineModule } from "./support";

const DEMO = path.join(ROOT, "examples", "policy-pack-demo");
const CONFIG_FILE = path.join(DEMO, "policy-config.json");

/** `[level] rule (type: name)` of each violation in the CLI's "Policies:" section. */
function violations(text: string): string[] {
    return [...text.matchAll(/^\s+- \[(mandatory|advisory)\]\s+(\S+)\s+\((\S+): (\S+)\)$/gm)].map((m) => `[${m[1]}] ${m[2]} (${m[3]}: ${m[4]})`).sort();
}

async function enginePreview(engine: EngineModule, config: Record<string, string>) {
    const session = engine.engineSession(DEMO, { config, env: { PULUMI_NODEJS_TRANSPILE_ONLY: "true" } });
    try {
        return await session.pulumi(["preview", "--non-interactive", "--policy-pack", path.join(ROOT, "policy"), "--policy-pack-config", CONFIG_FILE]);
    } finally {
        session.dispose();
    }
}

async function offlineFindings(config: Record<string, string>): Promise<string[]> {
    const plan = await previewProgram(DEMO, { config, policyConfig: JSON.parse(fs.readFileSync(CONFIG_FILE, "utf8")) });
    return plan.findings.map((f) => `[${f.severity === "error" ? "mandatory" : "advisory"}] ${f.rule} (${f.resource?.split("::").slice(2).join(": ")})`).sort();
}

describe("the policy pack under the engine (pulumi preview --policy-pack policy, examples/policy-pack-demo)", function () {
    this.timeout(60 * 60 * 1000);
    let engine: EngineModule;
    before(async () => {
        engine = await loadEngine();
        engine.ensureToolchain();
    });

    it("reports the violations bedrock-genai preview --check finds, and fails on the mandatory ones", async () => {
        const r = await enginePreview(engine, {});
        const expected = await offlineFindings({});
        expect(expected).to.have.length(7);
        expect(violations(r.stdout)).to.deep.equal(expected);
        expect(r.code).to.equal(1);
    });

    it("reports nothing with the fixed config (fixed=true)", async () => {
        const r = await enginePreview(engine, { "bedrock-genai-policy-pack-demo:fixed": "true" });
        expect(await offlineFindings({ fixed: "true" })).to.deep.equal([]);
        expect({ code: r.code, violations: violations(r.stdout) }).to.deep.equal({ code: 0, violations: [] });
        expect(r.stdout).to.match(/✅ bedrock-genai@v0\.1\.0/);
    });
});
