// ModelAccessPolicy: many profiles granted to one role, laid out into the fewest IAM policies.
import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { setBedrockMocks, resolveOutput, settle, policiesForRole, type AttachedPolicy, type MockRecorder } from "../../components/testing/testing";
import * as bedrock from "../../sdk/nodejs";
import { ModelAccessPolicy, type ModelAccessTarget } from "../../components/iam/model-access-policy";
import { invokeStatements } from "../../components/iam/access";
import { IAM_LIMITS, layoutPolicies, mergeStatements, policySize, type Statement } from "../../components/iam/policy";
import { flushRoleAccess } from "../../components/iam/access-set";
import { throwsExactly } from "../support/errors";
import { INVOKE } from "../support/grants";
import { newRole } from "../support/programs";
import { captureLogs } from "../support/logs";

const ACCOUNT = "123456789012";
const M = bedrock.BedrockFoundationModel;
const G = bedrock.CrossRegionInferenceProfileRegion;
const GET = "bedrock:GetInferenceProfile";
const LIST = "bedrock:ListInferenceProfiles";
const KEY = "bedrock:InferenceProfileArn";
const US_REGIONS = ["ca-central-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"];

/** Eight Claude models with a `us.` profile. */
const CLAUDE = [
    M.ANTHROPIC_CLAUDE_OPUS_4_6_V1,
    M.ANTHROPIC_CLAUDE_SONNET_4_6,
    M.ANTHROPIC_CLAUDE_OPUS_4_5_V1_0,
    M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0,
    M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0,
    M.ANTHROPIC_CLAUDE_OPUS_4_1_V1_0,
    M.ANTHROPIC_CLAUDE_SONNET_4_V1_0,
    M.ANTHROPIC_CLAUDE_3_7_SONNET_V1_0,
];

/** N application profiles on the US cross-region profiles of the eight models, round robin. */
function tenants(n: number) {
    const cris = CLAUDE.map((model) => bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model }));
    const apps = Array.from(
        { length: n },
        (_, i) => new bedrock.ApplicationInferenceProfile(`tenant-${i}`, { inferenceProfileName: `tenant-${i}`, modelSource: cris[i % cris.length] }),
    );
    return { cris, apps };
}

async function attached(rec: MockRecorder, role: aws.iam.Role): Promise<AttachedPolicy[]> {
    await settle();
    return policiesForRole(rec, (await resolveOutput(role.name)) as string);
}

/** What the statements allow: unconditioned "action resource" pairs, and ArnLike profile values per conditioned pair. */
function expand(statements: Statement[]) {
    const plain = new Set<string>();
    const conditioned = new Map<string, Set<string>>();
    for (const s of statements) {
        expect(s.Effect).to.equal("Allow");
        for (const a of s.Action) {
            for (const r of s.Resource) {
                if (!s.Condition) {
                    plain.add(`${a} ${r}`);
                    continue;
                }
                expect(Object.keys(s.Condition)).to.deep.equal(["ArnLike"]);
                expect(Object.keys(s.Condition.ArnLike)).to.deep.equal([KEY]);
                const set = conditioned.get(`${a} ${r}`) ?? new Set<string>();
                s.Condition.ArnLike[KEY].forEach((v) => set.add(v));
                conditioned.set(`${a} ${r}`, set);
            }
        }
    }
    return {
        plain: [...plain].sort(),
        conditioned: Object.fromEntries([...conditioned].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, [...v].sort()])),
    };
}

function fm(region: string, id: string): string {
    return `arn:aws:bedrock:${region}::foundation-model/${id}`;
}
function sys(id: string): string {
    return `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${id}`;
}
const APP_PATTERN = `arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/*`;

describe("ModelAccessPolicy", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT, config: { "aws-native:region": "us-east-1" } });
    });

    describe("100 application profiles of 8 models, usage and invoke on one role", function () {
        this.timeout(90_000);
        it("allows exactly what the 200 grants would: each profile ARN once, models through the granted profiles only, no Region wildcard", async () => {
            const { apps } = tenants(100);
            const role = newRole("tenants-role");
            new ModelAccessPolicy("tenants-access", { role, invoke: apps, usage: apps });
            const policies = await attached(rec, role);
            const appArns = (await Promise.all(apps.map((a) => resolveOutput(a.inferenceProfileArn)))) as string[];

            const plain = new Set<string>([`${LIST} *`]);
            const conditioned: Record<string, string[]> = {};
            CLAUDE.forEach((model) => {
                for (const arn of [sys(model.modelId)]) for (const a of [GET, ...INVOKE]) plain.add(`${a} ${arn}`);
                for (const r of US_REGIONS) for (const a of INVOKE) conditioned[`${a} ${fm(r, model.modelId)}`] = [APP_PATTERN, sys(model.modelId)].sort();
            });
            for (const arn of appArns) for (const a of [GET, ...INVOKE]) plain.add(`${a} ${arn}`);
            const got = expand(policies.flatMap((p) => p.statements));
            expect(got.plain).to.deep.equal([...plain].sort());
            expect(got.conditioned).to.deep.equal(Object.fromEntries(Object.entries(conditioned).sort(([a], [b]) => (a < b ? -1 : 1))));
            const all = policies.map((p) => p.json).join("");
            for (const arn of appArns) expect(all.split(arn).length - 1, arn).to.equal(1);
            for (const p of policies) expect(p.json).to.not.match(/bedrock:\*|:bedrock:\*:/);
        });

        it("fits one inline and at most two managed policies within IAM's limits; its outputs describe them", async () => {
            const { apps } = tenants(100);
            const role = newRole("tenants-role");
            const access = new ModelAccessPolicy("tenants-access", { role, invoke: apps, usage: apps });
            const policies = await attached(rec, role);
            expect(policies.map((p) => `${p.kind} ${p.name}`)).to.deep.equal(["inline tenants-role-bedrock", "managed tenants-role-bedrock-1"]);
            const [inline, ...managed] = policies;
            const layout = (await resolveOutput(access.layout)) as bedrock.AccessLayout;
            expect(inline.json.length).to.be.at.most(layout.inlineCharacters);
            expect(layout.inlineCharacters).to.be.at.most(IAM_LIMITS.inlinePerRole);
            managed.forEach((p, i) => expect(p.json.length).to.be.at.most(layout.managedCharacters[i]));
            for (const m of layout.managedCharacters) expect(m).to.be.at.most(IAM_LIMITS.managedPolicy);
            expect(layout.inlineBudget).to.equal(IAM_LIMITS.inlinePerRole);
            expect(layout.managedPoliciesOnRole).to.equal(1);
            expect(await resolveOutput(access.policyCount)).to.equal(2);
            expect(await resolveOutput(access.statementCount)).to.equal(layout.statements);
            expect(await resolveOutput(access.maxCharacters)).to.equal(layout.inlineCharacters + layout.managedCharacters.reduce((a, b) => a + b, 0));
            const policyArns = (await resolveOutput(access.policyArns)) as string[];
            policyArns.forEach((arn, i) => expect(arn).to.match(new RegExp(`^arn:aws:iam::${ACCOUNT}:policy/tenants-role-bedrock-${i + 1}-[a-z0-9]{7}$`)));
            expect(await resolveOutput(access.policyNames)).to.deep.equal(["tenants-role-bedrock", "tenants-role-bedrock-1"]);
        });

        it("attaches the same documents whatever the order of the targets", async () => {
            const docs = async (order: (apps: bedrock.ApplicationInferenceProfile[]) => bedrock.ApplicationInferenceProfile[]) => {
                const r = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT, config: { "aws-native:region": "us-east-1" } });
                const { apps } = tenants(100);
                new ModelAccessPolicy("a", { role: "tenants-role", invoke: order(apps), usage: [...order(apps)].reverse() });
                await settle();
                return policiesForRole(r, "tenants-role").map((p) => `${p.kind} ${p.name} ${p.json}`);
            };
            const forward = await docs((a) => a);
            expect(forward).to.have.length(2);
            expect(await docs((a) => [...a].reverse())).to.deep.equal(forward);
            expect(
                await docs((a) => [...a].sort((x, y) => x.grantName().length - y.grantName().length || (x.grantName() < y.grantName() ? 1 : -1))),
            ).to.deep.equal(forward);
        });
    });

    it("registers the role's policies as children of the role, the managed ones attached to it", async () => {
        const { apps } = tenants(100);
        const role = newRole("tenants-role");
        new ModelAccessPolicy("tenants-access", { role, invoke: apps, usage: apps });
        await settle();
        const mine = rec.resources.filter((r) => r.name.startsWith("tenants-role-bedrock") || r.type === "bedrock-genai:index:ModelAccessPolicy");
        expect(mine.map((r) => `${r.type} ${r.name}`).sort()).to.deep.equal([
            "aws:iam/policy:Policy tenants-role-bedrock-1",
            "aws:iam/rolePolicy:RolePolicy tenants-role-bedrock",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment tenants-role-bedrock-1",
            "bedrock-genai:index:ModelAccessPolicy tenants-access",
        ]);
        for (const r of mine.filter((x) => x.type.startsWith("aws:iam/"))) expect(r.parent).to.match(/aws:iam\/role:Role::tenants-role$/);
        const roleName = await resolveOutput(role.name);
        expect(rec.find("aws:iam/rolePolicy:RolePolicy", "tenants-role-bedrock").inputs.role).to.equal(roleName);
        expect(rec.find("aws:iam/policy:Policy", "tenants-role-bedrock-1").inputs.description).to.equal(
            "Bedrock access of role tenants-role, part 1 of 1 (pulumi-bedrock-genai)",
        );
        const attachment = rec.find("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "tenants-role-bedrock-1");
        expect(attachment.inputs).to.deep.equal({ role: roleName, policyArn: rec.find("aws:iam/policy:Policy", "tenants-role-bedrock-1").state.arn });
    });

    it("lays out the same resources in a preview, where every profile ARN is unknown", async () => {
        const names = async (preview: boolean) => {
            const r = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT, preview, config: { "aws-native:region": "us-east-1" } });
            const { apps } = tenants(100);
            new ModelAccessPolicy("tenants-access", { role: "tenants-role", invoke: apps, usage: apps });
            await settle();
            return r.resources
                .filter((x) => x.type.startsWith("aws:iam/"))
                .map((x) => `${x.type} ${x.name}`)
                .sort();
        };
        const deployed = await names(false);
        expect(deployed).to.have.length(3);
        expect(await names(true)).to.deep.equal(deployed);
    });

    it("shares the role's one layout with the grant methods: one inline budget, one set of policies", async () => {
        const { apps } = tenants(100);
        const role = newRole("tenants-role");
        apps[0].grantInvoke(role);
        new ModelAccessPolicy("tenants-access", { role, invoke: apps.slice(1), usage: apps.slice(1) });
        apps[0].grantProfileUsage(role);
        const policies = await attached(rec, role);
        expect(policies.map((p) => `${p.kind} ${p.name}`)).to.deep.equal(["inline tenants-role-bedrock", "managed tenants-role-bedrock-1"]);
    });

    it("takes a few targets into one inline policy, invoke on a cross-region profile included", async () => {
        const { cris, apps } = tenants(2);
        const access = new ModelAccessPolicy("small", { role: "app-role", invoke: [cris[2], apps[0]], usage: [apps[1]] });
        await settle();
        expect(await resolveOutput(access.policyCount)).to.equal(1);
        const [policy, ...rest] = policiesForRole(rec, "app-role");
        expect(rest).to.deep.equal([]);
        expect(policy.kind).to.equal("inline");
        const app0 = (await resolveOutput(apps[0].inferenceProfileArn)) as string;
        const app1 = (await resolveOutput(apps[1].inferenceProfileArn)) as string;
        const m0 = CLAUDE[0].modelId;
        const m2 = CLAUDE[2].modelId;
        expect(policy.statements).to.deep.equal(
            mergeStatements([
                { Effect: "Allow", Action: [GET, ...INVOKE], Resource: [app0, sys(m0), sys(m2)] },
                { Effect: "Allow", Action: [GET], Resource: [app1, sys(CLAUDE[1].modelId)] },
                { Effect: "Allow", Action: [LIST], Resource: ["*"] },
                { Effect: "Allow", Action: INVOKE, Resource: US_REGIONS.map((r) => fm(r, m0)), Condition: { ArnLike: { [KEY]: [APP_PATTERN, sys(m0)] } } },
                { Effect: "Allow", Action: INVOKE, Resource: US_REGIONS.map((r) => fm(r, m2)), Condition: { ArnLike: { [KEY]: [sys(m2)] } } },
            ]),
        );
    });

    describe("managed policy quota", () => {
        /** Targets whose invoke statements cannot merge into fewer characters: one long model id each. */
        const models = (n: number): ModelAccessTarget[] =>
            Array.from({ length: n }, (_, i) => ({
                accessTarget: () => ({
                    kind: "foundation-model" as const,
                    partition: "aws",
                    region: "us-east-1",
                    modelId: `vendor.model-${String(i).padStart(60, "0")}`,
                }),
            }));

        it("warns past IAM's default quota of 10 managed policies per role, once", async () => {
            const logs = captureLogs();
            const warnings = logs.warn;
            try {
                const access = new ModelAccessPolicy("wide", { role: "wide-role", invoke: models(900) });
                await settle();
                const n = ((await resolveOutput(access.layout)) as bedrock.AccessLayout).managedCharacters.length;
                expect(n).to.be.within(11, 20);
                expect(warnings).to.deep.equal([
                    `role "wide-role" carries ${n} managed policies (0 of its own, ${n} for Bedrock grants), over IAM's default quota of 10 per role; the deploy fails unless the account's quota is raised (at most 20)`,
                ]);
            } finally {
                logs.restore();
            }
        });

        it("does not warn at 10 or fewer", async () => {
            const logs = captureLogs();
            const warnings = logs.warn;
            try {
                const access = new ModelAccessPolicy("narrow", { role: "narrow-role", invoke: models(500) });
                await settle();
                expect(((await resolveOutput(access.layout)) as bedrock.AccessLayout).managedCharacters.length).to.be.within(1, 10);
                expect(warnings).to.deep.equal([]);
            } finally {
                logs.restore();
            }
        });

        it("refuses past 20, naming the role, the count and the limit, and registers no policy", async () => {
            const targets = models(1400);
            const merged = mergeStatements(targets.flatMap((t) => invokeStatements(t.accessTarget())));
            const laid = layoutPolicies(merged);
            expect(laid.managed.length).to.be.greaterThan(20);
            new ModelAccessPolicy("huge", { role: "huge-role", invoke: targets });
            throwsExactly(
                () => flushRoleAccess(),
                `role "huge-role": its Bedrock grants (1 granting: ModelAccessPolicy "huge") need 1 statement of up to ${policySize(merged)} characters: one inline policy and ${laid.managed.length} managed policies, which with the 0 it already carries make ${laid.managed.length}, over IAM's maximum of 20 managed policies per role: spread the grants over several roles`,
            );
            await settle();
            expect(rec.resources.filter((r) => r.type.startsWith("aws:iam/"))).to.deep.equal([]);
        });
    });

    describe("arguments", () => {
        const cases: { name: string; args: () => unknown; message: string }[] = [
            {
                name: "a role that is neither a role, a name nor an ARN",
                args: () => ({ role: 42, invoke: [M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0] }),
                message:
                    'ModelAccessPolicy "p": role 42 must be an aws.iam.Role, an IAM role name (1-64 characters of letters, digits and +=,.@_-) or a role ARN',
            },
            {
                name: "a malformed role name",
                args: () => ({ role: "bad role", invoke: [M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0] }),
                message:
                    'ModelAccessPolicy "p": role "bad role" must be an aws.iam.Role, an IAM role name (1-64 characters of letters, digits and +=,.@_-) or a role ARN',
            },
            {
                name: "an invoke entry that is not invokable",
                args: () => ({ role: "r", invoke: [M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0, "anthropic.claude-x"] }),
                message: 'ModelAccessPolicy "p": invoke[1] "anthropic.claude-x" must be a model, a cross-region or application profile, or a prompt router',
            },
            {
                name: "invoke that is not a list",
                args: () => ({ role: "r", invoke: M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0 }),
                message:
                    'ModelAccessPolicy "p": invoke {"modelId":"anthropic.claude-haiku-4-5-20251001-v1:0","provider":"anthropic","supportsCrossRegion":true,"supportsAgen... must be a list of invokables (models, profiles or routers)',
            },
            {
                name: "usage on a foundation model, which has no profile",
                args: () => ({ role: "r", usage: [M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0] }),
                message:
                    'ModelAccessPolicy "p": usage[0] "anthropic.claude-haiku-4-5-20251001-v1:0" is a foundation model, which has no inference profile to read: grant usage on profiles or routers',
            },
            {
                name: "nothing to grant",
                args: () => ({ role: "r", invoke: [], usage: [] }),
                message: 'ModelAccessPolicy "p": invoke [] and usage are both empty: give at least one target to grant',
            },
        ];
        for (const c of cases) {
            it(`refuses ${c.name}`, async () => {
                throwsExactly(() => new ModelAccessPolicy("p", c.args() as never), c.message, bedrock.BedrockValidationError);
                await settle();
                expect(rec.resources.filter((r) => r.type.startsWith("bedrock-genai:index:ModelAccessPolicy") || r.type.startsWith("aws:iam/"))).to.deep.equal(
                    [],
                );
            });
        }
    });
});
