// ModelAccessPolicy: many profiles granted to one role, laid out into the fewest IAM policies.
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { setBedrockMocks, resolveOutput, settle, policiesForRole, type AttachedPolicy, type MockRecorder } from "../components/testing/testing";
import * as bedrock from "../sdk/nodejs";
import { ModelAccessPolicy, type ModelAccessTarget } from "../components/iam/model-access-policy";
import { invokeStatements } from "../components/iam/access";
import { IAM_LIMITS, layoutPolicies, mergeStatements, policyJson, policySize, type Statement } from "../components/iam/policy";

const ACCOUNT = "123456789012";
const M = bedrock.BedrockFoundationModel;
const G = bedrock.CrossRegionInferenceProfileRegion;
const INVOKE = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];
const GET = "bedrock:GetInferenceProfile";
const LIST = "bedrock:ListInferenceProfiles";
const KEY = "bedrock:InferenceProfileArn";
const US_REGIONS = ["ca-central-1", "ca-west-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"];

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

function newRole(name: string) {
    return new aws.iam.Role(name, { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }) });
}

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

/** What the statements allow: unconditioned "action resource" pairs, and condition values per conditioned pair. */
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
                expect(Object.keys(s.Condition)).to.deep.equal(["StringEquals"]);
                expect(Object.keys(s.Condition.StringEquals)).to.deep.equal([KEY]);
                const set = conditioned.get(`${a} ${r}`) ?? new Set<string>();
                s.Condition.StringEquals[KEY].forEach((v) => set.add(v));
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

describe("ModelAccessPolicy", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
    });

    describe("100 application profiles of 8 models, usage and invoke on one role", () => {
        it("allows exactly what the 200 grants would, with no Region wildcard and exact profile conditions", async () => {
            const { apps } = tenants(100);
            const role = newRole("tenants-role");
            new ModelAccessPolicy("tenants-access", { role, invoke: apps, usage: apps });
            const policies = await attached(rec, role);
            const appArns = (await Promise.all(apps.map((a) => resolveOutput(a.inferenceProfileArn)))) as string[];

            const plain = new Set<string>([`${LIST} *`]);
            const conditioned: Record<string, string[]> = {};
            CLAUDE.forEach((model, m) => {
                const mine = appArns.filter((_, i) => i % CLAUDE.length === m);
                for (const arn of [...mine, sys(model.modelId)]) for (const a of [GET, ...INVOKE]) plain.add(`${a} ${arn}`);
                for (const r of US_REGIONS) for (const a of INVOKE) conditioned[`${a} ${fm(r, model.modelId)}`] = [...mine, sys(model.modelId)].sort();
            });
            const got = expand(policies.flatMap((p) => p.statements));
            expect(got.plain).to.deep.equal([...plain].sort());
            expect(got.conditioned).to.deep.equal(Object.fromEntries(Object.entries(conditioned).sort(([a], [b]) => (a < b ? -1 : 1))));
            for (const p of policies) {
                for (const s of p.statements)
                    for (const r of s.Resource) expect(r === "*" || /^arn:aws:bedrock:[a-z]{2}-[a-z]+-\d::?[0-9]*:?[a-z-]+\/[^*?]+$/.test(r), r).to.equal(true);
                expect(p.json).to.not.match(/bedrock:\*|:\*:/);
            }
        });

        it("fits one inline and three managed policies within IAM's limits; the statements cannot fit in two", async () => {
            const { apps } = tenants(100);
            const role = newRole("tenants-role");
            const access = new ModelAccessPolicy("tenants-access", { role, invoke: apps, usage: apps });
            const policies = await attached(rec, role);
            expect(policies.map((p) => `${p.kind} ${p.name}`)).to.deep.equal([
                "inline tenants-access",
                "managed tenants-access-1",
                "managed tenants-access-2",
                "managed tenants-access-3",
            ]);
            const [inline, ...managed] = policies;
            expect(inline.json.length).to.be.at.most(IAM_LIMITS.inlinePerRole);
            for (const p of managed) expect(p.json.length).to.be.at.most(IAM_LIMITS.managedPolicy);
            // The measured sizes bound the deployed ones.
            expect(inline.json.length).to.be.at.most(access.layout.inlineCharacters);
            managed.forEach((p, i) => expect(p.json.length).to.be.at.most(access.layout.managedCharacters[i]));
            expect(access.layout.managedCharacters.length).to.equal(3);
            expect(access.layout.inlineBudget).to.equal(IAM_LIMITS.inlinePerRole);
            // Even packed with no gap and no repeated statement header, the merged statements exceed
            // the 22,528 characters of one inline and two managed policies: three is the fewest.
            const mergedDeployed = mergeStatements(policies.flatMap((p) => p.statements));
            expect(mergedDeployed.length).to.equal(10);
            expect(policyJson(mergedDeployed).length).to.be.greaterThan(IAM_LIMITS.inlinePerRole + 2 * IAM_LIMITS.managedPolicy);
            expect(await resolveOutput(access.policyCount)).to.equal(4);
            expect(await resolveOutput(access.statementCount)).to.equal(access.layout.statements);
            expect(await resolveOutput(access.maxCharacters)).to.equal(
                access.layout.inlineCharacters + access.layout.managedCharacters.reduce((a, b) => a + b, 0),
            );
            const policyArns = (await resolveOutput(access.policyArns)) as string[];
            expect(policyArns).to.have.length(3);
            policyArns.forEach((arn, i) => expect(arn).to.match(new RegExp(`^arn:aws:iam::${ACCOUNT}:policy/tenants-access-${i + 1}-[a-z0-9]{7}$`)));
            expect(((await resolveOutput(access.policyNames)) as string[]).map((n) => n.replace(/-[a-z0-9]{7}$/, ""))).to.deep.equal([
                "tenants-access",
                "tenants-access-1",
                "tenants-access-2",
                "tenants-access-3",
            ]);
        });

        it("attaches the same documents whatever the order of the targets", async () => {
            const { apps } = tenants(100);
            const role = newRole("tenants-role");
            new ModelAccessPolicy("a", { role, invoke: apps, usage: apps });
            const shuffled = [...apps].sort((x, y) => x.grantName().length - y.grantName().length || (x.grantName() < y.grantName() ? 1 : -1));
            new ModelAccessPolicy("b", { role: newRole("other-role"), invoke: [...shuffled].reverse(), usage: shuffled });
            await settle();
            const docs = (prefix: string) =>
                rec.resources
                    .filter(
                        (r) =>
                            (r.type === "aws:iam/rolePolicy:RolePolicy" || r.type === "aws:iam/policy:Policy") &&
                            (r.name === prefix || r.name.startsWith(`${prefix}-`)),
                    )
                    .map((r) => `${r.type} ${r.name.slice(prefix.length)} ${r.inputs.policy}`);
            expect(docs("a")).to.have.length(4);
            expect(docs("b")).to.deep.equal(docs("a"));
        });
    });

    it("registers its policies as children, the managed ones attached to the role", async () => {
        const { apps } = tenants(100);
        const role = newRole("tenants-role");
        new ModelAccessPolicy("tenants-access", { role, invoke: apps, usage: apps });
        await settle();
        const mine = rec.resources.filter((r) => r.name.startsWith("tenants-access"));
        expect(mine.map((r) => `${r.type} ${r.name}`).sort()).to.deep.equal([
            "aws:iam/policy:Policy tenants-access-1",
            "aws:iam/policy:Policy tenants-access-2",
            "aws:iam/policy:Policy tenants-access-3",
            "aws:iam/rolePolicy:RolePolicy tenants-access",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment tenants-access-1",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment tenants-access-2",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment tenants-access-3",
            "bedrock-genai:index:ModelAccessPolicy tenants-access",
        ]);
        const roleName = await resolveOutput(role.name);
        expect(rec.find("aws:iam/rolePolicy:RolePolicy", "tenants-access").inputs.role).to.equal(roleName);
        expect(rec.find("aws:iam/policy:Policy", "tenants-access-2").inputs.description).to.equal(
            "Bedrock model access, part 2 of tenants-access (pulumi-bedrock-genai)",
        );
        const attachment = rec.find("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "tenants-access-2");
        expect(attachment.inputs).to.deep.equal({ role: roleName, policyArn: rec.find("aws:iam/policy:Policy", "tenants-access-2").state.arn });
    });

    it("lays out the same resources in a preview, where every profile ARN is unknown", async () => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT, preview: true });
        const { apps } = tenants(100);
        new ModelAccessPolicy("tenants-access", { role: "tenants-role", invoke: apps, usage: apps });
        await settle();
        expect(
            rec.resources
                .filter((r) => r.name.startsWith("tenants-access"))
                .map((r) => `${r.type} ${r.name}`)
                .sort(),
        ).to.deep.equal([
            "aws:iam/policy:Policy tenants-access-1",
            "aws:iam/policy:Policy tenants-access-2",
            "aws:iam/policy:Policy tenants-access-3",
            "aws:iam/rolePolicy:RolePolicy tenants-access",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment tenants-access-1",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment tenants-access-2",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment tenants-access-3",
            "bedrock-genai:index:ModelAccessPolicy tenants-access",
        ]);
    });

    it("uses only what earlier grants left of the role's inline budget, and later grants see what it used", async () => {
        const { apps } = tenants(100);
        const role = newRole("tenants-role");
        apps[0].grantInvoke(role);
        const before = policySize(mergeStatements(invokeStatements(apps[0].accessTarget())));
        const access = new ModelAccessPolicy("tenants-access", { role, invoke: apps.slice(1), usage: apps.slice(1) });
        expect(access.layout.inlineBudget).to.equal(IAM_LIMITS.inlinePerRole - before);
        expect(access.layout.inlineCharacters).to.be.at.most(IAM_LIMITS.inlinePerRole - before);
        apps[1].grantProfileUsage(role);
        const policies = await attached(rec, role);
        expect(policies.filter((p) => p.kind === "inline").map((p) => p.name)).to.deep.equal(["tenant-0-invoke-tenants-role", "tenants-access"]);
        expect(policies.filter((p) => p.kind === "managed").map((p) => p.name)).to.deep.equal([
            "tenant-1-usage-tenants-role",
            "tenants-access-1",
            "tenants-access-2",
            "tenants-access-3",
        ]);
        const inlineTotal = policies.filter((p) => p.kind === "inline").reduce((n, p) => n + p.json.length, 0);
        expect(inlineTotal).to.be.at.most(IAM_LIMITS.inlinePerRole);
    });

    it("takes a few targets into one inline policy, invoke on a cross-region profile included", async () => {
        const { cris, apps } = tenants(2);
        const access = new ModelAccessPolicy("small", { role: "app-role", invoke: [cris[2], apps[0]], usage: [apps[1]] });
        await settle();
        expect(access.managedPolicies).to.deep.equal([]);
        const [policy] = policiesForRole(rec, "app-role");
        expect(policy.kind).to.equal("inline");
        const app0 = (await resolveOutput(apps[0].inferenceProfileArn)) as string;
        const app1 = (await resolveOutput(apps[1].inferenceProfileArn)) as string;
        const m0 = CLAUDE[0].modelId;
        const m1 = CLAUDE[1].modelId;
        const m2 = CLAUDE[2].modelId;
        expect(policy.statements).to.deep.equal(
            mergeStatements([
                { Effect: "Allow", Action: INVOKE, Resource: [app0, sys(m0), sys(m2)] },
                { Effect: "Allow", Action: [GET], Resource: [app1, sys(m1)] },
                { Effect: "Allow", Action: [LIST], Resource: ["*"] },
                { Effect: "Allow", Action: INVOKE, Resource: US_REGIONS.map((r) => fm(r, m0)), Condition: { StringEquals: { [KEY]: [app0, sys(m0)] } } },
                { Effect: "Allow", Action: INVOKE, Resource: US_REGIONS.map((r) => fm(r, m2)), Condition: { StringEquals: { [KEY]: [sys(m2)] } } },
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

        it("warns past IAM's default quota of 10 managed policies per role", async () => {
            const warnings: string[] = [];
            const log = pulumi.log as unknown as { warn: (msg: string) => void };
            const original = log.warn;
            log.warn = (msg: string) => {
                warnings.push(msg);
            };
            try {
                const access = new ModelAccessPolicy("wide", { role: "wide-role", invoke: models(900) });
                const n = access.managedPolicies.length;
                expect(n).to.be.within(11, 20);
                expect(warnings).to.deep.equal([
                    `ModelAccessPolicy "wide": role "wide-role" gets ${n} managed policies, over IAM's default quota of 10 per role; the deploy fails unless the account's quota is raised (at most 20)`,
                ]);
            } finally {
                log.warn = original;
            }
            await settle();
        });

        it("does not warn at 10 or fewer", async () => {
            const warnings: string[] = [];
            const log = pulumi.log as unknown as { warn: (msg: string) => void };
            const original = log.warn;
            log.warn = (msg: string) => {
                warnings.push(msg);
            };
            try {
                const access = new ModelAccessPolicy("narrow", { role: "narrow-role", invoke: models(500) });
                expect(access.managedPolicies.length).to.be.within(1, 10);
                expect(warnings).to.deep.equal([]);
            } finally {
                log.warn = original;
            }
            await settle();
        });

        it("refuses past 20, naming the role, the count and the limit, before registering anything", async () => {
            const targets = models(1400);
            const merged = mergeStatements(targets.flatMap((t) => invokeStatements(t.accessTarget())));
            const need = layoutPolicies(merged).managed.length;
            expect(need).to.be.greaterThan(20);
            expect(() => new ModelAccessPolicy("huge", { role: "huge-role", invoke: targets })).to.throw(
                `ModelAccessPolicy "huge": role "huge-role" would need ${need} managed policies (1 statement, up to ${policySize(merged)} characters), over IAM's maximum of 20 managed policies per role: spread the targets over several roles`,
            );
            await settle();
            expect(rec.resources).to.deep.equal([]);
        });
    });

    describe("arguments", () => {
        const cases: { name: string; args: () => unknown; message: string | RegExp }[] = [
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
                message: /^ModelAccessPolicy "p": invoke \{.*? must be a list of invokables \(models, profiles or routers\)$/,
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
                expect(() => new ModelAccessPolicy("p", c.args() as never)).to.throw(bedrock.BedrockValidationError, c.message);
                await settle();
                expect(rec.resources.filter((r) => r.type.startsWith("bedrock-genai:index:ModelAccessPolicy") || r.type.startsWith("aws:iam/"))).to.deep.equal(
                    [],
                );
            });
        }
    });
});
