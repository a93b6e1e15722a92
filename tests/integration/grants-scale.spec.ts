// The role access set at scale: the loop of grants a CDK user writes, and the role's managed-policy quota.
import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { setBedrockMocks, resolveOutput, settle, policiesForRole, type MockRecorder } from "../../components/testing/testing";
import * as bedrock from "../../sdk/nodejs";
import { IAM_LIMITS, type Statement } from "../../components/iam/policy";
import { flushRoleAccess } from "../../components/iam/access-set";
import { recordRole } from "../../components/iam/roles";
import { INVOKE, GET_INVOKE, CLAUDE, capturingLogs } from "../support/grants";
import { throwsExactly } from "../support/errors";

const G = bedrock.CrossRegionInferenceProfileRegion;

/** The loop a CDK user writes: `n` application profiles on US profiles of eight Claude models, both grants each. */
function tenantLoop(n: number, role: aws.iam.Role | string, order: "forward" | "reverse" = "forward"): bedrock.ApplicationInferenceProfile[] {
    const profiles = Array.from({ length: n }, (_, i) => {
        const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: CLAUDE[i % CLAUDE.length] });
        return new bedrock.ApplicationInferenceProfile(`tenant-${i}`, { inferenceProfileName: `tenant-${i}`, modelSource: cris });
    });
    const granted = order === "forward" ? profiles : [...profiles].reverse();
    for (const aip of granted) {
        aip.grantProfileUsage(role);
        aip.grantInvoke(role);
    }
    return profiles;
}

/** Every statement of the role's policies, merged back by resource: `Action|Condition` -> sorted resources. */
function allowedPairs(statements: Statement[]): Map<string, string[]> {
    const out = new Map<string, Set<string>>();
    for (const s of statements) {
        const key = `${s.Action.join(",")}|${JSON.stringify(s.Condition ?? {})}`;
        const set = out.get(key) ?? new Set<string>();
        s.Resource.forEach((r) => set.add(r));
        out.set(key, set);
    }
    return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

describe("grants at scale: one access set per role", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: "123456789012", config: { "aws-native:region": "us-east-1" } });
    });

    describe("the CDK user's loop: N application profiles granted one by one to one role", function () {
        this.timeout(60_000);

        it("N=100: at most one inline and two managed policies, each within IAM's limits, no Region wildcard, exactly the grants", async () => {
            const role = new aws.iam.Role("fn-role", { assumeRolePolicy: "{}" });
            const profiles = tenantLoop(100, role);
            await settle();
            const name = (await resolveOutput(role.name)) as string;
            const policies = policiesForRole(rec, name);
            const inline = policies.filter((p) => p.kind === "inline");
            const managed = policies.filter((p) => p.kind === "managed");
            expect(inline).to.have.length(1);
            expect(managed.length).to.be.at.most(2);
            expect(inline[0].json.length).to.be.at.most(IAM_LIMITS.inlinePerRole);
            for (const m of managed) expect(m.json.length).to.be.at.most(IAM_LIMITS.managedPolicy);
            for (const p of policies) expect(p.json).to.not.match(/:bedrock:\*:/);

            // What the 200 grants allow, pair by pair, and nothing else.
            const appArns = (await Promise.all(profiles.map((p) => resolveOutput(p.inferenceProfileArn)))) as string[];
            const sys = (m: bedrock.BedrockFoundationModel) => `arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.${m.modelId}`;
            const expected = new Map<string, string[]>();
            expected.set(`${GET_INVOKE.join(",")}|{}`, [...appArns, ...CLAUDE.map(sys)].sort());
            expected.set(`bedrock:ListInferenceProfiles|{}`, ["*"]);
            for (const m of CLAUDE) {
                expected.set(
                    `${INVOKE.join(",")}|${JSON.stringify({
                        ArnLike: { "bedrock:InferenceProfileArn": ["arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/*", sys(m)] },
                    })}`,
                    G.US.destinationRegions.map((r) => `arn:aws:bedrock:${r}::foundation-model/${m.modelId}`).sort(),
                );
            }
            const actual = allowedPairs(policies.flatMap((p) => p.statements));
            expect(Object.fromEntries(actual)).to.deep.equal(Object.fromEntries(expected));
            // Each application profile ARN appears once across the role's policies.
            const all = policies.map((p) => p.json).join("");
            for (const arn of appArns) expect(all.split(arn).length - 1, arn).to.equal(1);
        });

        it("a loop and one ModelAccessPolicy over the same targets attach the same documents, in any order", async () => {
            const documents = async (program: () => void): Promise<string[]> => {
                const r = setBedrockMocks({ region: "us-east-1", accountId: "123456789012", config: { "aws-native:region": "us-east-1" } });
                program();
                await settle();
                return policiesForRole(r, "tenants").map((p) => `${p.kind} ${p.name} ${p.json}`);
            };
            const loop = await documents(() => tenantLoop(40, "tenants"));
            const reversed = await documents(() => tenantLoop(40, "tenants", "reverse"));
            const viaPolicy = await documents(() => {
                const profiles = Array.from({ length: 40 }, (_, i) => {
                    const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: CLAUDE[i % CLAUDE.length] });
                    return new bedrock.ApplicationInferenceProfile(`tenant-${i}`, { inferenceProfileName: `tenant-${i}`, modelSource: cris });
                });
                new bedrock.ModelAccessPolicy("tenants-access", { role: "tenants", invoke: profiles, usage: [...profiles].reverse() });
            });
            expect(loop.length).to.be.greaterThan(0);
            expect(reversed).to.deep.equal(loop);
            expect(viaPolicy).to.deep.equal(loop);
        });

        it("equal values from many fromConfig calls are one placeholder: the layout does not grow with the calls", async () => {
            // The loop above calls fromConfig once per profile; hoisting it gives the same documents.
            const hoisted = async (): Promise<string[]> => {
                const r = setBedrockMocks({ region: "us-east-1", accountId: "123456789012", config: { "aws-native:region": "us-east-1" } });
                const cris = CLAUDE.map((model) => bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model }));
                for (let i = 0; i < 40; i++) {
                    const aip = new bedrock.ApplicationInferenceProfile(`tenant-${i}`, { inferenceProfileName: `tenant-${i}`, modelSource: cris[i % 8] });
                    aip.grantProfileUsage("tenants");
                    aip.grantInvoke("tenants");
                }
                await settle();
                return policiesForRole(r, "tenants").map((p) => `${p.kind} ${p.name} ${p.json}`);
            };
            const inLoop = async (): Promise<string[]> => {
                const r = setBedrockMocks({ region: "us-east-1", accountId: "123456789012", config: { "aws-native:region": "us-east-1" } });
                tenantLoop(40, "tenants");
                await settle();
                return policiesForRole(r, "tenants").map((p) => `${p.kind} ${p.name} ${p.json}`);
            };
            expect(await inLoop()).to.deep.equal(await hoisted());
        });
    });

    describe("the role's budget", function () {
        this.timeout(60_000);

        it("warns once past IAM's default quota of 10 managed policies, counting the role's own managedPolicyArns", async () => {
            const logs = await capturingLogs(async () => {
                const own = Array.from({ length: 9 }, (_, i) => `arn:aws:iam::aws:policy/P${i}`);
                const role = new aws.iam.Role("busy", { assumeRolePolicy: "{}", managedPolicyArns: own });
                recordRole(role, { managedPolicyArns: own });
                tenantLoop(150, role);
                await settle();
            });
            const managed = rec.byType("aws:iam/policy:Policy").length;
            expect(managed).to.be.greaterThan(1);
            expect(logs.warn).to.deep.equal([
                `role "busy" carries ${managed + 9} managed policies (9 of its own, ${managed} for Bedrock grants), over IAM's default quota of 10 per role; the deploy fails unless the account's quota is raised (at most 20)`,
            ]);
        });

        it("refuses past IAM's maximum of 20 managed policies, with the figures and what to do, and registers nothing for that role", async () => {
            const role = new aws.iam.Role("full", { assumeRolePolicy: "{}" });
            recordRole(role, { managedPolicyArns: Array.from({ length: 19 }, (_, i) => `arn:aws:iam::aws:policy/P${i}`) });
            tenantLoop(150, role);
            throwsExactly(
                () => flushRoleAccess(),
                'role "full": its Bedrock grants (150 granting: ApplicationInferenceProfile "tenant-0", ApplicationInferenceProfile "tenant-1", ApplicationInferenceProfile "tenant-10", ...) need 10 statements of up to 19860 characters: one inline policy and 2 managed policies, which with the 19 it already carries make 21, over IAM\'s maximum of 20 managed policies per role: spread the grants over several roles',
            );
            await settle();
            expect(rec.byType("aws:iam/policy:Policy")).to.have.length(0);
            expect(rec.byType("aws:iam/rolePolicy:RolePolicy")).to.have.length(0);
        });
    });
});
