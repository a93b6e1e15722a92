// A role granted as the aws.iam.Role resource and by its explicit IAM name is one role: under the engine
// (the program runs inside its root stack, whose transformation joins the two) it gets one access set,
// laid out into one inline policy, a child of the role. (The package's mock-based preview, which does not
// run programs inside a root stack, plans two: see the README's engine section.)
import { expect } from "chai";
import * as path from "path";
import { loadEngine, resolveCheckout, ROOT } from "./support";

describe("one role given as a resource and by its explicit name (tests/engine/fixtures/one-role)", function () {
    this.timeout(60 * 60 * 1000);

    it("previews one access set: one inline role policy, a child of the role", async () => {
        const engine = await loadEngine();
        const session = engine.engineSession(path.join(ROOT, "tests", "engine", "fixtures", "one-role"), { env: resolveCheckout() });
        let r: { code: number; stdout: string; stderr: string };
        try {
            r = await session.pulumi(["preview", "--json", "--non-interactive"]);
        } finally {
            session.dispose();
        }
        expect(r.code, r.stderr).to.equal(0);
        const steps = (JSON.parse(r.stdout) as { steps: { urn: string; newState: { type: string; parent?: string; inputs?: Record<string, unknown> } }[] })
            .steps;
        const planned = steps
            .filter((s) => !s.newState.type.startsWith("pulumi:"))
            .map((s) => [s.newState.type, s.urn.split("::")[3], s.newState.parent?.split("::")[3] ?? null, s.newState.inputs?.role ?? null]);
        expect(planned).to.deep.equal([
            ["aws:iam/role:Role", "app-role", "engine-one-role-bedrock-genai-engine", null],
            ["aws:iam/rolePolicy:RolePolicy", "app-role-bedrock", "app-role", "engine-app-role"],
        ]);
    });
});
