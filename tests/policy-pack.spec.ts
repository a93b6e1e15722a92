import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import type {
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { setBedrockMocks, settle, type MockRecorder, type RecordedResource } from "../components/testing/testing";
import * as bedrock from "../sdk/nodejs";
import * as policyEntry from "../sdk/nodejs/policy";
import { RULES, SUPPORT_FILES, findingSubject, runRules, type RuleResource } from "../components/rules";
import { buildPlan, evaluateProgram, parseArgs, readPolicyConfig, runCli, USAGE } from "../components/preview";
import { fakeId } from "../components/testing/testing";
import { throwsExactly } from "./support/errors";
import { INVOKE } from "./support/grants";

const ROOT = path.join(__dirname, "..");
const ACCOUNT = "123456789012";
const HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
const doc = (Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const fm = (region: string, id = HAIKU) => `arn:aws:bedrock:${region}::foundation-model/${id}`;
const PROFILE = `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${HAIKU}`;
const urn = (type: string, name: string) => `urn:pulumi:dev::demo::${type}::${name}`;

type Policy = ResourceValidationPolicy | StackValidationPolicy;
type Config = Record<string, unknown>;
/** A resource as a front end hands it over: type, name, URN, properties. */
interface Res {
    type: string;
    name: string;
    props: Record<string, unknown>;
}

const res = (type: string, name: string, props: Record<string, unknown>): Res => ({ type, name, props });

/** A `ResourceValidationArgs` as `@pulumi/policy` builds it (policy.d.ts), for one resource. */
function resourceArgs(r: Res, config: Config): ResourceValidationArgs {
    return {
        type: r.type,
        name: r.name,
        urn: urn(r.type, r.name),
        props: r.props,
        opts: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [], customTimeouts: {} } as never,
        stackTags: new Map(),
        isType: () => false,
        asType: () => undefined,
        getConfig: <T extends object>() => config as T,
        notApplicable: (reason?: string): never => {
            throw new Error(`not applicable: ${reason}`);
        },
    };
}

/** A `StackValidationArgs` as `@pulumi/policy` builds it (policy.d.ts), for every resource. */
function stackArgs(resources: Res[], config: Config): StackValidationArgs {
    const list: PolicyResource[] = resources.map((r) => ({
        type: r.type,
        name: r.name,
        urn: urn(r.type, r.name),
        props: r.props,
        opts: {} as never,
        dependencies: [],
        propertyDependencies: {},
        isType: () => false,
        asType: () => undefined,
    }));
    return {
        resources: list,
        stackTags: new Map(),
        getConfig: <T extends object>() => config as T,
        notApplicable: (reason?: string): never => {
            throw new Error(`not applicable: ${reason}`);
        },
    };
}

const policies = policyEntry.bedrockPolicies();
const policy = (id: string): Policy => {
    const p = policies.find((x) => x.name === id);
    if (!p) throw new Error(`no policy ${id}`);
    return p;
};

/** Runs one policy the way the Pulumi engine does (every resource, or the stack once); `[urn, message]` per violation. */
async function violations(id: string, resources: Res[], config: Config = {}): Promise<[string, string][]> {
    const p = policy(id);
    const out: [string, string][] = [];
    if ("validateResource" in p && p.validateResource) {
        const validate = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
        for (const r of resources) {
            const report: ReportViolation = (message) => out.push([urn(r.type, r.name), message]);
            for (const v of validate) await v(resourceArgs(r, config), report);
        }
    } else if ("validateStack" in p) {
        await p.validateStack(stackArgs(resources, config), (message, u) => out.push([u ?? "(stack)", message]));
    }
    return out;
}

const role = (name: string, trust: object[], extra: Record<string, unknown> = {}) =>
    res("aws:iam/role:Role", name, { name, arn: `arn:aws:iam::${ACCOUNT}:role/${name}`, assumeRolePolicy: doc(trust), ...extra });
const lambdaTrust = [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }];
const rolePolicy = (name: string, roleName: string, statements: object[]) =>
    res("aws:iam/rolePolicy:RolePolicy", name, { name, role: roleName, policy: doc(statements) });

describe("policy pack (pulumi-bedrock-genai/policy)", () => {
    describe("the rules folder", () => {
        it("components/rules/index.ts lists every rule file, in file-name order, each under its file's id", () => {
            const dir = path.join(ROOT, "components", "rules");
            const files = fs
                .readdirSync(dir)
                .filter((f) => f.endsWith(".ts") && !(SUPPORT_FILES as readonly string[]).includes(f))
                .sort();
            expect(RULES.map((r) => `${r.id}.ts`)).to.deep.equal(files);
            for (const f of files) {
                // eslint-disable-next-line @typescript-eslint/no-require-imports
                const mod = require(path.join(dir, f)) as { rule: { id: string } };
                expect(mod.rule.id, f).to.equal(f.replace(/\.ts$/, ""));
                expect(RULES).to.include(mod.rule);
            }
        });

        it("makes one policy per rule: resource policies for rules that judge one resource, stack policies for role-wide rules", () => {
            expect(policies.map((p) => [p.name, "validateResource" in p ? "resource" : "stack", p.enforcementLevel])).to.deep.equal([
                ["agent-trust-without-source-condition", "resource", "mandatory"],
                ["agent-without-guardrail", "resource", "advisory"],
                ["allow-not-action-or-resource", "stack", "mandatory"],
                ["application-profile-cost-tags", "resource", "advisory"],
                ["inline-policy-size", "stack", "mandatory"],
                ["invoke-region-wildcard", "stack", "mandatory"],
                ["managed-policy-count", "stack", "mandatory"],
                ["managed-policy-size", "stack", "mandatory"],
                ["model-without-profile-condition", "stack", "mandatory"],
                ["wildcard-action", "stack", "mandatory"],
                ["wildcard-resource", "stack", "mandatory"],
            ]);
            expect(policy("application-profile-cost-tags").configSchema).to.deep.equal({
                properties: {
                    requiredTags: {
                        type: "array",
                        items: { type: "string" },
                        default: [],
                        description: "Tag keys every application inference profile must carry (e.g. CostCenter, Team); none by default.",
                    },
                    reportWarnings: {
                        type: "boolean",
                        default: true,
                        description: "Also report the rule's warnings (the findings bedrock-genai preview --check prints with !), not only its errors.",
                    },
                },
            });
            expect(policy("wildcard-resource").configSchema?.properties.reportWarnings.default).to.equal(false);
            for (const p of policies) expect(p.remediationSteps, p.name).to.match(/https:\/\/docs\.aws\.amazon\.com\//);
        });
    });

    describe("each policy on hand-written resources: the exact violations, flagged and clean", () => {
        it("agent-trust-without-source-condition: Bedrock and AgentCore trust without aws:SourceAccount/aws:SourceArn", async () => {
            const open = role("agent-open", [{ Effect: "Allow", Principal: { Service: "bedrock.amazonaws.com" }, Action: "sts:AssumeRole" }]);
            const harness = res("aws-native:iam:Role", "harness", {
                roleName: "harness-role",
                assumeRolePolicyDocument: {
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Principal: { Service: ["bedrock-agentcore.amazonaws.com"] }, Action: "sts:AssumeRole" }],
                },
            });
            const scoped = role("agent-scoped", [
                {
                    Effect: "Allow",
                    Principal: { Service: "bedrock.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
                },
            ]);
            expect(await violations("agent-trust-without-source-condition", [open, harness, scoped, role("fn", lambdaTrust)])).to.deep.equal([
                [
                    urn(open.type, "agent-open"),
                    "role agent-open: trusts bedrock.amazonaws.com without an aws:SourceAccount or aws:SourceArn condition (confused deputy)",
                ],
                [
                    urn(harness.type, "harness"),
                    "role harness-role: trusts bedrock-agentcore.amazonaws.com without an aws:SourceAccount or aws:SourceArn condition (confused deputy)",
                ],
            ]);
        });

        it("agent-without-guardrail (advisory): agents of both providers, reported unless reportWarnings is off", async () => {
            const native = res("aws-native:bedrock:Agent", "a", { agentName: "helper", foundationModel: HAIKU });
            const guarded = res("aws-native:bedrock:Agent", "b", {
                agentName: "guarded",
                guardrailConfiguration: { guardrailIdentifier: "abc123", guardrailVersion: "1" },
            });
            const classic = res("aws:bedrock/agentAgent:AgentAgent", "c", { agentName: "classic" });
            const classicGuarded = res("aws:bedrock/agentAgent:AgentAgent", "d", {
                agentName: "classic-guarded",
                guardrailConfigurations: [{ guardrailIdentifier: "abc123", guardrailVersion: "1" }],
            });
            const all = [native, guarded, classic, classicGuarded, role("fn", lambdaTrust)];
            expect(await violations("agent-without-guardrail", all)).to.deep.equal([
                [urn(native.type, "a"), "resource a: agent helper has no guardrail"],
                [urn(classic.type, "c"), "resource c: agent classic has no guardrail"],
            ]);
            expect(await violations("agent-without-guardrail", all, { reportWarnings: false })).to.deep.equal([]);
        });

        it("application-profile-cost-tags (advisory): the tags requiredTags names, both providers; nothing named, nothing flagged", async () => {
            const native = res("aws-native:bedrock:ApplicationInferenceProfile", "tenant-a", {
                inferenceProfileName: "tenant-a",
                modelSource: { copyFrom: PROFILE },
                tags: [{ key: "CostCenter", value: "cc-1" }],
            });
            const classic = res("aws:bedrock/inferenceProfile:InferenceProfile", "tenant-b", {
                name: "tenant-b",
                tags: { CostCenter: "cc-2", Team: "search" },
            });
            const untagged = res("aws:bedrock/inferenceProfile:InferenceProfile", "tenant-c", { name: "tenant-c" });
            const all = [native, classic, untagged];
            expect(await violations("application-profile-cost-tags", all, { requiredTags: ["CostCenter", "Team"] })).to.deep.equal([
                [urn(native.type, "tenant-a"), "resource tenant-a: application inference profile tenant-a lacks the cost-allocation tag Team"],
                [urn(untagged.type, "tenant-c"), "resource tenant-c: application inference profile tenant-c lacks the cost-allocation tags CostCenter, Team"],
            ]);
            expect(await violations("application-profile-cost-tags", all)).to.deep.equal([]);
        });

        it("allow-not-action-or-resource: Allow with NotAction (aws-native RolePolicy); Deny with NotResource is fine", async () => {
            const p = res("aws-native:iam:RolePolicy", "excl", {
                policyName: "excl",
                roleName: "app",
                policyDocument: {
                    Version: "2012-10-17",
                    Statement: [
                        { Effect: "Allow", NotAction: "iam:*", Resource: "*" },
                        { Effect: "Deny", Action: "bedrock:*", NotResource: fm("us-east-1") },
                    ],
                },
            });
            expect(await violations("allow-not-action-or-resource", [role("app", lambdaTrust), p])).to.deep.equal([
                [
                    urn(p.type, "excl"),
                    "role app, policy excl: Allow every action except iam:* on *: a wildcard grant (name the actions and resources allowed instead)",
                ],
            ]);
            expect(
                await violations("allow-not-action-or-resource", [
                    role("app", lambdaTrust),
                    rolePolicy("ok", "app", [{ Effect: "Allow", Action: INVOKE, Resource: fm("us-east-1") }]),
                ]),
            ).to.deep.equal([]);
        });

        it("inline-policy-size (stack): a role's inline policies together, the role's own and RolePolicy resources", async () => {
            const arns = (n: number, from: number) => Array.from({ length: n }, (_, i) => `arn:aws:s3:::bucket-${String(from + i).padStart(4, "0")}/*`);
            const big = [0, 1, 2].map((i) => rolePolicy(`big-${i}`, "big", [{ Effect: "Allow", Action: "s3:GetObject", Resource: arns(100, i * 100) }]));
            const own = doc([{ Effect: "Allow", Action: "s3:PutObject", Resource: arns(50, 300) }]);
            const r = role("big", lambdaTrust, { inlinePolicies: [{ name: "own", policy: own }] });
            const size = big.reduce((n, p) => n + (p.props.policy as string).length, own.length);
            expect(size).to.be.greaterThan(10_240);
            expect(await violations("inline-policy-size", [r, ...big])).to.deep.equal([
                [urn(r.type, "big"), `role big: inline policies total ${size} characters, over IAM's 10240 per role`],
            ]);
            expect(await violations("inline-policy-size", [role("big", lambdaTrust), ...big])).to.deep.equal([]);
        });

        it("invoke-region-wildcard: an error without a profile condition; bounded, a warning reported only with reportWarnings", async () => {
            const wild = rolePolicy("wild", "app", [{ Effect: "Allow", Action: INVOKE, Resource: fm("*") }]);
            const bounded = rolePolicy("bounded", "app", [
                { Effect: "Allow", Action: INVOKE, Resource: fm("*"), Condition: { StringEquals: { "bedrock:InferenceProfileArn": PROFILE } } },
            ]);
            const app = role("app", lambdaTrust);
            expect(await violations("invoke-region-wildcard", [app, wild, bounded])).to.deep.equal([
                [urn(wild.type, "wild"), `role app, policy wild: invoke on ${fm("*")} with a Region wildcard: any Region can be called`],
            ]);
            expect((await violations("invoke-region-wildcard", [app, bounded], { reportWarnings: true })).map(([, m]) => m)).to.deep.equal([
                `role app, policy bounded: invoke on ${fm("*")} with a Region wildcard, bounded by a bedrock:InferenceProfileArn condition (name the model's Regions to make it exact)`,
            ]);
        });

        it("managed-policy-count: more than 20 managed policies is an error; more than 10, a warning (reportWarnings)", async () => {
            const arns = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:iam::aws:policy/Policy${i}`);
            const eleven = role("eleven", lambdaTrust, { managedPolicyArns: arns(11) });
            const many = res("aws:iam/role:Role", "many", { name: "many", assumeRolePolicy: doc(lambdaTrust) });
            const attachments = arns(21).map((a, i) => res("aws:iam/rolePolicyAttachment:RolePolicyAttachment", `att-${i}`, { role: "many", policyArn: a }));
            expect(await violations("managed-policy-count", [eleven, many, ...attachments])).to.deep.equal([
                [urn(many.type, "many"), "role many: 21 managed policies attached, over IAM's 20 per role (the most the quota can be raised to)"],
            ]);
            expect((await violations("managed-policy-count", [eleven], { reportWarnings: true })).map(([, m]) => m)).to.deep.equal([
                "role eleven: 11 managed policies attached, over IAM's default quota of 10 per role (request a quota increase, up to 20)",
            ]);
        });

        it("managed-policy-size: an aws.iam.Policy attached by ARN, an aws-native ManagedPolicy attached through roles", async () => {
            const statements = [{ Effect: "Allow", Action: "s3:PutObject", Resource: Array.from({ length: 250 }, (_, i) => `arn:aws:s3:::bucket-${i}/*`) }];
            const arn = `arn:aws:iam::${ACCOUNT}:policy/big`;
            const classic = res("aws:iam/policy:Policy", "big", { name: "big", arn, policy: doc(statements) });
            const attach = res("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "big-att", { role: "app", policyArn: arn });
            const native = res("aws-native:iam:ManagedPolicy", "big2", {
                managedPolicyName: "big2",
                roles: ["app"],
                policyDocument: JSON.parse(doc(statements)),
            });
            const size = doc(statements).length;
            expect(await violations("managed-policy-size", [role("app", lambdaTrust), classic, attach, native])).to.deep.equal([
                [urn(classic.type, "big"), `role app, policy big: managed policy has ${size} characters, over IAM's 6144`],
                [urn(native.type, "big2"), `role app, policy big2: managed policy has ${size} characters, over IAM's 6144`],
            ]);
            // Not attached to any role: not a role's policy, not judged.
            expect(await violations("managed-policy-size", [classic])).to.deep.equal([]);
        });

        it("model-without-profile-condition: judged per role across providers and policies; a plain model grant alone is fine", async () => {
            const profile = res("aws-native:iam:RolePolicy", "profile", {
                policyName: "profile",
                roleName: `arn:aws:iam::${ACCOUNT}:role/app`,
                policyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: INVOKE, Resource: PROFILE }] },
            });
            const model = rolePolicy("model", "app", [{ Effect: "Allow", Action: INVOKE, Resource: [fm("us-east-1"), fm("us-west-2")] }]);
            expect(await violations("model-without-profile-condition", [role("app", lambdaTrust), profile, model])).to.deep.equal([
                [
                    urn(model.type, "model"),
                    `role app, policy model: invoke on ${fm("us-east-1")}, ${fm("us-west-2")} without a bedrock:InferenceProfileArn condition, on a role that is granted an inference profile for that model: the model is open directly, not only through the profile`,
                ],
            ]);
            expect(await violations("model-without-profile-condition", [role("app", lambdaTrust), model])).to.deep.equal([]);
        });

        it("wildcard-action: bedrock:*, bedrock-agentcore:* and * in Allow statements; named actions are fine", async () => {
            const p = rolePolicy("wide", "app", [
                { Effect: "Allow", Action: ["bedrock:*", "bedrock-agentcore:*"], Resource: PROFILE },
                { Effect: "Allow", Action: "bedrock:Get*", Resource: PROFILE },
                { Effect: "Deny", Action: "*", Resource: "*" },
            ]);
            expect(await violations("wildcard-action", [role("app", lambdaTrust), p])).to.deep.equal([
                [
                    urn(p.type, "wide"),
                    "role app, policy wide: Allow bedrock-agentcore:*, bedrock:*: every action of the service (name the actions, e.g. bedrock:InvokeModel)",
                ],
            ]);
        });

        it('wildcard-resource: Resource "*" on invoke, ARN wildcards over every resource type; "*" on List* is fine', async () => {
            const p = rolePolicy("star", "app", [
                { Effect: "Allow", Action: "bedrock:InvokeModel", Resource: "*" },
                { Effect: "Allow", Action: "bedrock:InvokeAgent", Resource: `arn:aws:bedrock:us-east-1:${ACCOUNT}:*` },
                { Effect: "Allow", Action: "bedrock:ListFoundationModels", Resource: "*" },
            ]);
            expect(await violations("wildcard-resource", [role("app", lambdaTrust), p])).to.deep.equal([
                [urn(p.type, "star"), 'role app, policy star: Resource "*" on bedrock:InvokeModel (only List* actions need "*")'],
                [
                    urn(p.type, "star"),
                    `role app, policy star: invoke on arn:aws:bedrock:us-east-1:${ACCOUNT}:*: a wildcard over every resource type (name the models, profiles or agents)`,
                ],
            ]);
        });

        it("treats values unknown in a preview as absent instead of failing the policy", async () => {
            const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
            const unknownDoc = rolePolicy("later", "app", []);
            unknownDoc.props.policy = UNKNOWN_STRING;
            const known = rolePolicy("now", "app", [{ Effect: "Allow", Action: "bedrock:InvokeModel", Resource: "*" }]);
            expect(policyEntry.plainProperties({ a: UNKNOWN_STRING, b: [UNKNOWN_STRING, "x"], c: { d: 1 } })).to.deep.equal({ b: ["x"], c: { d: 1 } });
            expect(await violations("wildcard-resource", [role("app", lambdaTrust), unknownDoc, known])).to.deep.equal([
                [urn(known.type, "now"), 'role app, policy now: Resource "*" on bedrock:InvokeModel (only List* actions need "*")'],
            ]);
        });
    });

    describe("on the package's own components, under mocks", () => {
        let rec: MockRecorder;
        before(async () => {
            rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
            const G = bedrock.CrossRegionInferenceProfileRegion;
            const M = bedrock.BedrockFoundationModel;
            const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
            const app = new bedrock.ApplicationInferenceProfile("tenant", { inferenceProfileName: "tenant", modelSource: cris });
            new bedrock.Agent("helper", {
                foundationModel: app,
                instruction: "You answer questions about the team's on-call runbooks, briefly and precisely.",
            });
            new bedrock.Agent("guarded", {
                foundationModel: cris,
                instruction: "You answer questions about the team's on-call runbooks, briefly and precisely.",
                guardrail: { guardrailIdentifier: "abcdefgh1234", guardrailVersion: "1" },
            });
            await settle();
        });

        /** The recorded resources as the engine hands them to policies: checked inputs (autonames included) / outputs. */
        const asResources = (rs: RecordedResource[]): Res[] =>
            rs
                .filter((r) => r.custom)
                .map((r) =>
                    res(r.type, r.name, {
                        ...r.state,
                        ...r.inputs,
                        ...(r.inputs.name === undefined && r.state.name !== undefined ? { name: r.state.name } : {}),
                    }),
                );

        it("finds no IAM violation in the package's grants and agent roles; flags the agent without a guardrail and the untagged profile when asked", async () => {
            const resources = asResources(rec.resources);
            expect(resources.map((r) => r.type)).to.include.members([
                "aws-native:bedrock:Agent",
                "aws-native:bedrock:ApplicationInferenceProfile",
                "aws:iam/role:Role",
            ]);
            const found: [string, string, string][] = [];
            for (const p of policies) {
                const config = p.name === "application-profile-cost-tags" ? { requiredTags: ["CostCenter"] } : {};
                for (const [u, m] of await violations(p.name, resources, config)) found.push([p.name, u.split("::").pop() as string, m]);
            }
            expect(found).to.deep.equal([
                ["agent-without-guardrail", "helper", "resource helper: agent helper has no guardrail"],
                ["application-profile-cost-tags", "tenant", "resource tenant: application inference profile tenant lacks the cost-allocation tag CostCenter"],
            ]);
        });
    });

    describe("the preview and the pack give the same findings on the same program", () => {
        const programs: { dir: string; stack?: string; config?: Record<string, string>; policyConfig?: string }[] = [
            { dir: "examples/policy-pack-demo", policyConfig: "examples/policy-pack-demo/policy-config.json" },
            { dir: "examples/policy-pack-demo", config: { fixed: "true" }, policyConfig: "examples/policy-pack-demo/policy-config.json" },
            { dir: "tests/fixtures/check-rules" },
            { dir: "tests/fixtures/check-more", stack: "a" },
            { dir: "tests/fixtures/agents" },
        ];
        for (const program of programs) {
            const label = `${program.dir}${program.stack ? ` (stack ${program.stack})` : ""}${program.config ? ` (${JSON.stringify(program.config)})` : ""}`;
            it(label, async function () {
                this.timeout(60_000);
                const policyConfig = program.policyConfig ? readPolicyConfig(program.policyConfig) : {};
                const e = await evaluateProgram({ programDir: program.dir, stack: program.stack, config: program.config });
                const plan = buildPlan(e, policyConfig);
                const fromPreview = plan.findings.map((f) => [f.rule, f.resource ?? "", `${findingSubject(f)}: ${f.message}`]);
                const resources = e.recorder.resources
                    .filter((r) => r.custom)
                    .map((r) => ({
                        type: r.type,
                        name: r.name,
                        urn: r.urn as string,
                        props: { ...r.state, ...r.inputs, ...(r.inputs.name === undefined && r.state.name !== undefined ? { name: r.state.name } : {}) },
                    }));
                const fromPack: string[][] = [];
                for (const p of policies) {
                    const config = { ...(policyConfig[p.name] ?? {}), reportWarnings: true };
                    if ("validateResource" in p && p.validateResource) {
                        const validate = p.validateResource as (a: ResourceValidationArgs, r: ReportViolation) => void;
                        for (const r of resources) validate({ ...resourceArgs(r, config), urn: r.urn }, (m) => fromPack.push([p.name, r.urn, m]));
                    } else if ("validateStack" in p) {
                        const args = stackArgs(resources, config);
                        args.resources.forEach((x, i) => (x.urn = resources[i].urn));
                        await p.validateStack(args, (m, u) => fromPack.push([p.name, u ?? "", m]));
                    }
                }
                const sorted = (xs: string[][]) => xs.map((x) => JSON.stringify(x)).sort();
                expect(sorted(fromPack)).to.deep.equal(sorted(fromPreview));
                if (program.dir === "examples/policy-pack-demo" && program.config === undefined) {
                    expect(plan.findings.map((f) => [f.rule, f.severity])).to.deep.equal([
                        ["agent-trust-without-source-condition", "error"],
                        ["invoke-region-wildcard", "error"],
                        ["model-without-profile-condition", "error"],
                        ["wildcard-action", "error"],
                        ["wildcard-resource", "error"],
                        ["application-profile-cost-tags", "warning"],
                        ["agent-without-guardrail", "warning"],
                    ]);
                }
                if (program.config?.fixed === "true") expect(plan.findings).to.deep.equal([]);
            });
        }

        it("runRules over every resource equals the union of its resource rules over each resource alone", async () => {
            const e = await evaluateProgram({ programDir: "examples/policy-pack-demo" });
            const all: RuleResource[] = e.recorder.resources.map((r) => ({ type: r.type, name: r.name, urn: r.urn, inputs: r.inputs, outputs: r.state }));
            for (const rule of RULES.filter((r) => "validateResource" in policy(r.id))) {
                const together = runRules([rule], all);
                const alone = all.flatMap((r) => runRules([rule], [r]));
                expect(alone, rule.id).to.deep.equal(together);
            }
        });
    });

    describe("the preview's front end: --check with --policy-config and --config", () => {
        const run = async (args: string[]) => {
            let stdout = "";
            let stderr = "";
            const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), progress: false });
            return { code, stdout, stderr };
        };
        const dir = "examples/policy-pack-demo";
        const config = `${dir}/policy-config.json`;

        it("parses --config (repeatable) and --policy-config with node:util parseArgs", () => {
            expect(parseArgs(["preview", dir, "--config", "fixed=true", "--config=a:b=c=d", "--policy-config", config, "--check"])).to.deep.equal({
                programDir: dir,
                config: { fixed: "true", "a:b": "c=d" },
                policyConfig: config,
                json: false,
                mermaid: false,
                check: true,
                help: false,
            });
            throwsExactly(() => parseArgs(["preview", "--config", "novalue"]), `--config novalue: expected key=value\n\n${USAGE}`);
            expect(readPolicyConfig(config)).to.deep.equal({ "application-profile-cost-tags": { requiredTags: ["CostCenter"] } });
        });

        it("flags the hand-written program (exit 1) and passes its fixed version (exit 0)", async function () {
            this.timeout(60_000);
            const flagged = await run(["preview", dir, "--check", "--policy-config", config]);
            const app = `app-role-${fakeId("app-role", 7)}`;
            const invokePolicy = `app-invoke-${fakeId("app-invoke", 7)}`;
            expect(flagged.code).to.equal(1);
            expect(flagged.stdout.split("\n")).to.deep.equal([
                "Checked 2 roles: 5 errors, 2 warnings",
                `  ✗ [agent-trust-without-source-condition] role agent-role-${fakeId("agent-role", 7)}: trusts bedrock.amazonaws.com without an aws:SourceAccount or aws:SourceArn condition (confused deputy)`,
                `  ✗ [invoke-region-wildcard] role ${app}, policy ${invokePolicy}: invoke on ${fm("*")} with a Region wildcard: any Region can be called`,
                `  ✗ [model-without-profile-condition] role ${app}, policy ${invokePolicy}: invoke on wildcarded foundation models ${fm("*")} without a bedrock:InferenceProfileArn condition`,
                `  ✗ [wildcard-action] role ${app}, policy ${invokePolicy}: Allow bedrock:*: every action of the service (name the actions, e.g. bedrock:InvokeModel)`,
                `  ✗ [wildcard-resource] role ${app}, policy ${invokePolicy}: Resource "*" on bedrock:* (only List* actions need "*")`,
                "  ! [application-profile-cost-tags] resource tenant-a: application inference profile policy-demo-tenant-a lacks the cost-allocation tag CostCenter",
                "  ! [agent-without-guardrail] resource helper: agent policy-demo-helper has no guardrail",
                "",
            ]);
            expect(await run(["preview", dir, "--check", "--policy-config", config, "--config", "fixed=true"])).to.deep.equal({
                code: 0,
                stdout: "Checked 2 roles: 0 errors, 0 warnings\n  no findings\n",
                stderr: "",
            });
            // Without the configuration, no tag is required.
            expect((await run(["preview", dir, "--check"])).stdout).not.to.contain("application-profile-cost-tags");
            expect(await run(["preview", dir, "--policy-config", "no-such-file.json"])).to.deep.equal({
                code: 2,
                stdout: "",
                stderr: "error: --policy-config no-such-file.json: ENOENT: no such file or directory, open 'no-such-file.json'\n",
            });
        });
    });

    describe("the entry points", () => {
        it("sdk/nodejs/policy exports the policies and the pack, with the pinned SDKs on Node 20+", () => {
            expect(Number(process.versions.node.split(".")[0])).to.be.at.least(20);
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            expect((require("@pulumi/pulumi/package.json") as { version: string }).version).to.equal("3.248.0");
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            expect((require("@pulumi/policy/package.json") as { version: string }).version).to.match(/^v?1\.21\./);
            expect(Object.keys(policyEntry).sort()).to.deep.equal([
                "RULES",
                "bedrockPolicies",
                "bedrockPolicyPack",
                "plainProperties",
                "rulePolicy",
                "violationMessage",
            ]);
            const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
                exports: Record<string, { types: string; default: string }>;
                typesVersions: Record<string, Record<string, string[]>>;
            };
            expect(pkg.exports["./policy"]).to.deep.equal({ types: "./bin/sdk/nodejs/policy.d.ts", default: "./bin/sdk/nodejs/policy.js" });
            expect(pkg.typesVersions["*"].policy).to.deep.equal(["bin/sdk/nodejs/policy.d.ts"]);
        });
    });
});
