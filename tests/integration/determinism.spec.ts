import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { setBedrockMocks, settle, type MockRecorder } from "../../components/testing/testing";
import * as bedrock from "../../sdk/nodejs";
import { examplePrograms, runProgram } from "../support/conformance";
import { allPrograms, configFor, newRole, type Program } from "../support/programs";

const M = bedrock.BedrockFoundationModel;
const G = bedrock.CrossRegionInferenceProfileRegion;

/** What the engine received, as bytes: every resource's type, name, parent-independent inputs, in registration order. */
function snapshot(rec: MockRecorder): string {
    return rec.resources.map((r) => `${r.type} ${r.name} ${JSON.stringify(r.inputs)}`).join("\n");
}

/** Policy documents by the Pulumi name of the resource that carries them. */
function policyDocuments(rec: MockRecorder): Record<string, string> {
    const out: Record<string, string> = {};
    for (const r of [...rec.byType("aws:iam/rolePolicy:RolePolicy"), ...rec.byType("aws:iam/policy:Policy")]) out[`${r.type} ${r.name}`] = r.inputs.policy;
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

async function evaluate(p: Program): Promise<MockRecorder> {
    const rec = setBedrockMocks({ region: p.region, config: configFor(p) });
    p.run();
    await settle();
    return rec;
}

describe("determinism", function () {
    this.timeout(30_000);

    describe("the same program evaluated twice registers byte-identical inputs", () => {
        for (const example of examplePrograms()) {
            it(`examples/${example.name}`, async () => {
                const runs: string[] = [];
                for (let i = 0; i < 2; i++) {
                    const rec = setBedrockMocks({ region: "us-east-1", config: { "aws-native:region": "us-east-1" } });
                    runProgram(example.file);
                    await settle();
                    runs.push(snapshot(rec));
                }
                expect(runs[0].length).to.be.greaterThan(0);
                expect(runs[1]).to.equal(runs[0]);
            });
        }
        for (const program of allPrograms()) {
            it(program.name, async () => {
                const first = snapshot(await evaluate(program));
                const second = snapshot(await evaluate(program));
                expect(first).to.contain("aws:iam/");
                expect(second).to.equal(first);
            });
        }
    });

    describe("reordering grant calls changes no policy document", () => {
        type Grant = (role: aws.iam.Role) => void;
        const grants = (): Grant[] => {
            const us = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
            const global = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.GLOBAL, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
            const app = new bedrock.ApplicationInferenceProfile("app", { inferenceProfileName: "app", modelSource: us });
            const single = new bedrock.ApplicationInferenceProfile("single", { inferenceProfileName: "single", modelSource: M.ANTHROPIC_CLAUDE_HAIKU_V1_0 });
            return [
                (r) => us.grantInvoke(r),
                (r) => us.grantProfileUsage(r),
                (r) => global.grantInvoke(r),
                (r) => app.grantInvoke(r),
                (r) => app.grantProfileUsage(r),
                (r) => single.grantInvoke(r),
                (r) => M.AMAZON_NOVA_LITE_V1.grantInvoke(r),
            ];
        };
        const orders: number[][] = [
            [0, 1, 2, 3, 4, 5, 6],
            [6, 5, 4, 3, 2, 1, 0],
            [3, 0, 6, 2, 5, 1, 4],
        ];

        it("one role, the same grants in three orders: the same documents under the same names", async () => {
            const results: Record<string, string>[] = [];
            for (const order of orders) {
                const rec = setBedrockMocks({ region: "us-east-1", config: { "aws-native:region": "us-east-1" } });
                const role = newRole();
                const g = grants();
                for (const i of order) g[i](role);
                await settle();
                results.push(policyDocuments(rec));
            }
            // One role, one merged document.
            expect(Object.keys(results[0])).to.have.length(1);
            expect(results[1]).to.deep.equal(results[0]);
            expect(results[2]).to.deep.equal(results[0]);
        });

        it("declaring the profiles in another order changes no document either", async () => {
            const run = async (reverse: boolean) => {
                const rec = setBedrockMocks({ region: "us-east-1", config: { "aws-native:region": "us-east-1" } });
                const role = newRole();
                const geos = [G.US, G.GLOBAL];
                for (const geo of reverse ? [...geos].reverse() : geos) {
                    const p = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: geo, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
                    p.grantInvoke(role);
                }
                await settle();
                return policyDocuments(rec);
            };
            const a = await run(false);
            expect(Object.keys(a)).to.have.length(1);
            expect(await run(true)).to.deep.equal(a);
        });

        it("past the inline limit, the role's documents are the same in either order", async () => {
            const models = [
                M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0,
                M.ANTHROPIC_CLAUDE_OPUS_4_5_V1_0,
                M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0,
                M.ANTHROPIC_CLAUDE_OPUS_4_1_V1_0,
                M.ANTHROPIC_CLAUDE_SONNET_4_V1_0,
                M.ANTHROPIC_CLAUDE_OPUS_4_V1_0,
                M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
                M.ANTHROPIC_CLAUDE_3_5_HAIKU_V1_0,
                M.AMAZON_NOVA_LITE_V1,
                M.AMAZON_NOVA_PRO_V1,
                M.AMAZON_NOVA_MICRO_V1,
                M.ANTHROPIC_CLAUDE_3_7_SONNET_V1_0,
            ];
            const run = async (order: bedrock.BedrockFoundationModel[]) => {
                const rec = setBedrockMocks({ region: "us-east-1", config: { "aws-native:region": "us-east-1" } });
                const role = newRole();
                for (const m of order) {
                    const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: m });
                    cris.grantInvoke(role);
                    for (const t of ["a", "b", "c", "d"]) {
                        const name = `${t}-${m.modelId.replace(/[^a-z0-9]/g, "")}`.slice(0, 60);
                        new bedrock.ApplicationInferenceProfile(name, { inferenceProfileName: name, modelSource: cris }).grantInvoke(role);
                    }
                }
                await settle();
                return { documents: policyDocuments(rec), managed: rec.byType("aws:iam/policy:Policy").length };
            };
            const forward = await run(models);
            const backward = await run([...models].reverse());
            expect(forward.managed, "the grants pass the inline limit").to.be.greaterThan(0);
            expect(backward.documents).to.deep.equal(forward.documents);
        });

        it("granting the same thing twice adds nothing", async () => {
            const rec = setBedrockMocks({ region: "us-east-1", config: { "aws-native:region": "us-east-1" } });
            const role = newRole();
            const us = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
            const first = us.grantInvoke(role);
            const second = us.grantInvoke(role);
            await settle();
            expect(second).to.equal(first);
            expect(Object.keys(policyDocuments(rec))).to.have.length(1);
        });
    });
});
