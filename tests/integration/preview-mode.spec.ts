import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { setBedrockMocks, settle, type MockRecorder } from "../../components/testing/testing";
import * as bedrock from "../../sdk/nodejs";
import { examplePrograms, runProgram, UNKNOWN } from "../support/conformance";
import { allPrograms, configFor, newRole } from "../support/programs";

/** Whether `v` is Pulumi's in-memory unknown (what an unknown input deserializes to during a preview). */
function isUnknownValue(v: unknown): boolean {
    return v === UNKNOWN || (typeof v === "object" && v !== null && v.constructor?.name === "Unknown");
}

/** Every string in the recorded inputs that reads `undefined`, `null`, `NaN`, `[object Object]` or holds a placeholder `«...»`. */
function badStrings(rec: MockRecorder): string[] {
    const out: string[] = [];
    const walk = (v: unknown, at: string) => {
        if (isUnknownValue(v)) return;
        if (typeof v === "string") {
            if (/undefined|\bNaN\b|\[object Object\]|\u00ab|\u00bb/.test(v) || v === "null") out.push(`${at}: ${JSON.stringify(v).slice(0, 200)}`);
        } else if (Array.isArray(v)) {
            v.forEach((x, i) => walk(x, `${at}[${i}]`));
        } else if (v && typeof v === "object") {
            for (const [k, x] of Object.entries(v)) {
                if (/undefined|\u00ab/.test(k)) out.push(`${at}: key ${JSON.stringify(k)}`);
                walk(x, `${at}.${k}`);
            }
        }
    };
    for (const r of rec.resources) walk(r.inputs, `${r.type} "${r.name}"`);
    return out;
}

/** Whether an Output is known (false in a preview when it depends on unknown values). */
function isKnown(o: pulumi.Output<unknown>): Promise<boolean> {
    return (o as unknown as { isKnown: Promise<boolean> }).isKnown;
}

const MODES: { label: string; preview: true; unknownContext?: true }[] = [
    { label: "preview", preview: true },
    { label: "preview with account, Region and partition unknown", preview: true, unknownContext: true },
];

describe("preview: every program completes with unknown values and never puts placeholders in inputs", function () {
    this.timeout(30_000);

    describe("the mocks' unknown context really is unknown", () => {
        it("preview: the account and Region are known, so the profile ARN is known", async () => {
            setBedrockMocks({ preview: true, region: "us-east-1" });
            const c = bedrock.CrossRegionInferenceProfile.fromConfig({
                geoRegion: bedrock.CrossRegionInferenceProfileRegion.US,
                model: bedrock.BedrockFoundationModel.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
            });
            expect(await isKnown(c.inferenceProfileArn)).to.equal(true);
        });

        it("unknownContext: the profile ARN and the grant's policy are unknown (not a string with placeholders)", async () => {
            const rec = setBedrockMocks({ preview: true, unknownContext: true, region: "us-east-1" });
            const c = bedrock.CrossRegionInferenceProfile.fromConfig({
                geoRegion: bedrock.CrossRegionInferenceProfileRegion.US,
                model: bedrock.BedrockFoundationModel.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
            });
            expect(await isKnown(c.inferenceProfileArn)).to.equal(false);
            c.grantInvoke(newRole());
            await settle();
            const policies = rec.byType("aws:iam/rolePolicy:RolePolicy");
            expect(policies).to.have.length(1);
            expect(isUnknownValue(policies[0].inputs.policy), `policy input: ${String(policies[0].inputs.policy)}`).to.equal(true);
        });
    });

    for (const mode of MODES) {
        describe(mode.label, () => {
            for (const example of examplePrograms()) {
                it(`examples/${example.name}`, async () => {
                    const rec = setBedrockMocks({ ...mode, region: "us-east-1", config: mode.unknownContext ? {} : { "aws-native:region": "us-east-1" } });
                    runProgram(example.file);
                    await settle();
                    expect(rec.customResources.length).to.be.greaterThan(0);
                    expect(badStrings(rec)).to.deep.equal([]);
                });
            }
            for (const program of allPrograms()) {
                it(program.name, async () => {
                    // With the context unknown, the Region is not in config either (a provider configured from outputs).
                    const rec = setBedrockMocks({ ...mode, region: program.region, config: mode.unknownContext ? {} : configFor(program) });
                    program.run();
                    await settle();
                    expect(rec.customResources.length).to.be.greaterThan(0);
                    expect(badStrings(rec)).to.deep.equal([]);
                });
            }
        });
    }

    it("the check finds placeholders and undefined when they are there", () => {
        const rec = {
            resources: [
                {
                    type: "t",
                    name: "n",
                    inputs: { a: "arn:aws:bedrock:\u00abregion\u00bb::x", b: ["ok", "id-undefined"], c: { d: UNKNOWN } },
                    state: {},
                    custom: true,
                },
            ],
        } as unknown as MockRecorder;
        expect(badStrings(rec)).to.deep.equal(['t "n".a: "arn:aws:bedrock:«region»::x"', 't "n".b[1]: "id-undefined"']);
    });
});
