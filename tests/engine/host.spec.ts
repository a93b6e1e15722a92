// The Node.js language host: the engine checks run a stand-in (tests/engine/hosts/nodejs) because the
// module proxy refuses every version of Pulumi's host module. Pulumi's own host of sdk/v3 v3.68.0 (the
// newest release that held it inside sdk/v3) runs programs with the v3.248 CLI but has no RunPlugin:
// each example previews through it to the same plan as through the stand-in, and a policy pack fails
// to start, as that host says.
import { expect } from "chai";
import * as path from "path";
import { loadEngine, resolveCheckout, ROOT, type EngineModule } from "./support";

interface Preview {
    steps: { urn: string; newState: { type: string; parent?: string } }[];
}

async function plan(engine: EngineModule, example: string, pathBefore: string[] = []): Promise<string[]> {
    const session = engine.engineSession(path.join(ROOT, "examples", example), { env: resolveCheckout(), pathBefore });
    try {
        const r = await session.pulumi(["preview", "--json", "--non-interactive"]);
        expect(r.code, r.stderr).to.equal(0);
        return (JSON.parse(r.stdout) as Preview).steps
            .map((s) => `${s.urn.split("::")[2]}::${s.urn.split("::")[3]} <- ${s.newState.parent?.split("::")[3] ?? ""}`)
            .sort();
    } finally {
        session.dispose();
    }
}

describe("Pulumi's own Node.js language host (sdk/v3 v3.68.0) beside the stand-in", function () {
    this.timeout(60 * 60 * 1000);
    let engine: EngineModule & { ensureOldNodejsHost(): string };
    let oldHost: string;
    before(async () => {
        engine = (await loadEngine()) as EngineModule & { ensureOldNodejsHost(): string };
        engine.ensureToolchain();
        oldHost = engine.ensureOldNodejsHost();
    });

    for (const example of ["quickstart", "agent-harness", "multi-tenant"]) {
        it(`examples/${example}: the same plan through either host`, async () => {
            const real = await plan(engine, example, [oldHost]);
            expect(real.length).to.be.greaterThan(3);
            expect(real).to.deep.equal(await plan(engine, example));
        });
    }

    it("cannot start a policy pack (no RunPlugin in that release): why the checks use the stand-in", async () => {
        const session = engine.engineSession(path.join(ROOT, "examples", "policy-pack-demo"), { pathBefore: [oldHost] });
        try {
            const r = await session.pulumi(["preview", "--non-interactive", "--policy-pack", path.join(ROOT, "policy")]);
            expect(r.code).to.equal(1);
            expect(r.stderr).to.contain(
                `error: policy pack "${path.join(ROOT, "policy")}" failed to start: could not read plugin [${path.join(ROOT, "policy")}]: not supported`,
            );
        } finally {
            session.dispose();
        }
    });
});
