// The examples under the real Pulumi engine (`npm run test:engine`): the CLI built from its Go module by
// scripts/engine.mjs, the Node.js language host stand-in (the module proxy refuses the real host's module;
// the real host of sdk/v3 v3.68.0 is run beside it where it can be, see host.spec.ts), and the preview-only
// aws and aws-native stand-ins (tests/engine/stand-in-provider.ts). Each example's `pulumi preview --json`
// must succeed and plan exactly the resources (type, name, parent) of the package's mock-based preview of
// the same program, with the same policy documents where the engine knows them.
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { previewProgram } from "../../components/preview/plan";
import { loadEngine, resolveCheckout, ROOT, type EngineModule } from "./support";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const EXAMPLES = fs
    .readdirSync(path.join(ROOT, "examples"), { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(ROOT, "examples", e.name, "index.ts")))
    .map((e) => e.name)
    .sort();

interface Step {
    op: string;
    urn: string;
    newState: { type: string; parent?: string; inputs?: Record<string, unknown> };
}

/** `type::name` of a URN (its last type), or null for the stack. */
function typeName(urn: string | null | undefined): string | null {
    if (!urn) return null;
    const [, , types, name] = urn.split("::");
    const type = types.split("$").pop() as string;
    return type === "pulumi:pulumi:Stack" ? null : `${type}::${name}`;
}

/** Autonamed names carry a 7-character suffix (random under the mocks, from the URN under the stand-in). */
function withoutSuffixes(text: string): string {
    return text.replace(/-[0-9a-z]{7}\b/g, "-<suffix>");
}

const POLICY_INPUTS: Record<string, string> = {
    "aws:iam/rolePolicy:RolePolicy": "policy",
    "aws:iam/policy:Policy": "policy",
    "aws-native:iam:RolePolicy": "policyDocument",
    "aws-native:iam:ManagedPolicy": "policyDocument",
};

describe("every example under the Pulumi engine (pulumi preview --json)", function () {
    // The first run builds the Pulumi CLI from its Go module: many minutes on two cores.
    this.timeout(60 * 60 * 1000);
    let engine: EngineModule;
    before(async () => {
        engine = await loadEngine();
        engine.ensureToolchain();
    });

    it("finds the TypeScript examples", () => {
        expect(EXAMPLES).to.deep.equal(["agent", "agent-harness", "guardrail", "multi-tenant", "policy-pack-demo", "prompt-router", "quickstart"]);
    });

    for (const example of EXAMPLES) {
        it(`examples/${example}: previews with no error and plans the resources (type, name, parent) and known policy documents of the mock-based preview`, async () => {
            const dir = path.join(ROOT, "examples", example);
            const session = engine.engineSession(dir, { env: resolveCheckout() });
            let result: { code: number; stdout: string; stderr: string };
            try {
                result = await session.pulumi(["preview", "--json", "--non-interactive"]);
            } finally {
                session.dispose();
            }
            const out = JSON.parse(result.stdout) as { steps: Step[]; diagnostics?: { severity: string; message: string }[] };
            const errors = (out.diagnostics ?? []).filter((d) => d.severity === "error").map((d) => d.message);
            expect({ code: result.code, errors }).to.deep.equal({ code: 0, errors: [] });

            const planned = out.steps.filter((s) => s.newState.type !== "pulumi:pulumi:Stack" && !s.newState.type.startsWith("pulumi:providers:"));
            expect(planned.every((s) => s.op === "create")).to.equal(true);
            const mock = await previewProgram(dir);
            const key = (type: string, urn: string, parent: string | null | undefined) => `${type}::${urn.split("::")[3]} <- ${typeName(parent)}`;
            expect(planned.map((s) => key(s.newState.type, s.urn, s.newState.parent)).sort()).to.deep.equal(
                mock.resources.map((r) => key(r.type, r.urn, r.parent)).sort(),
            );

            // Policy documents: equal wherever the engine knows the whole document in the preview.
            for (const s of planned) {
                const input = POLICY_INPUTS[s.newState.type];
                const value = input ? s.newState.inputs?.[input] : undefined;
                if (value === undefined || JSON.stringify(value).includes(UNKNOWN)) continue;
                const name = s.urn.split("::")[3];
                const twin = mock.resources.find((r) => r.type === s.newState.type && r.name === name);
                // A harness's managed memory exists only after deploy: a preview's document names a stand-in
                // (`memory/<harness>-managed-memory-known-after-deploy`, sized for the layout), the mock-based
                // preview a made-up memory id. The rest of the document must be equal.
                const engineDoc = JSON.stringify(value);
                const mockDoc = JSON.stringify(twin?.inputs[input]);
                const standIn = engineDoc.includes("-managed-memory-known-after-deploy");
                const masked = (doc: string) => (standIn ? doc.replace(/(:memory\/)[^"\\]+/g, "$1<known after deploy>") : doc);
                expect(withoutSuffixes(masked(engineDoc)), `${s.newState.type} ${name}`).to.equal(withoutSuffixes(masked(mockDoc)));
            }
        });
    }
});
