// The role access set (components/iam/access-set.ts) driven directly: roles resolved by hand, statements as
// data, the layout read from the mocks' recorder. What the grant specs cannot reach from the public API.
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as awsnative from "@pulumi/aws-native";
import { resolveOutput, setBedrockMocks, settle, type MockRecorder } from "../components/testing/testing";
import { symbolic } from "../components/core/symbols";
import { addToRoleAccess, addToRoleAccessDetailed, boundedName, flushRoleAccess, renderPolicy, type AccessResources } from "../components/iam/access-set";
import { resourceKind, resourceName } from "../components/core/resource-name";
import type { ResolvedRole } from "../components/iam/roles";
import type { Statement } from "../components/iam/policy";
import { BedrockValidationError, type Where } from "../components/core/validation";
import { ACCOUNT, capturingLogs } from "./support/grants";
import { deployErrors, deployRejections, outputError, outputRejection, throwsExactly } from "./support/errors";

function invoke(model: string, region = "us-east-1"): Statement[] {
    return [{ Effect: "Allow", Action: ["bedrock:InvokeModel"], Resource: [`arn:aws:bedrock:${region}::foundation-model/${model}`] }];
}

function byName(name: string, extra: Partial<ResolvedRole> = {}): ResolvedRole {
    return { key: name, id: `name:${name}@default`, name, ownManagedPolicies: 0, ...extra };
}

function mocks(config: Record<string, string> = { "aws-native:region": "us-east-1" }): MockRecorder {
    return setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT, config });
}

describe("access set: roles, batches and layout", () => {
    it("lays out the roles in the order of their identities, whatever the order of the grants", async () => {
        const rec = mocks();
        for (const name of ["delta", "bravo", "echo", "alpha", "charlie"])
            addToRoleAccess(byName(name), invoke("amazon.nova-pro-v1:0"), { component: "grant" });
        await settle();
        expect(rec.byType("aws:iam/rolePolicy:RolePolicy").map((r) => r.name)).to.deep.equal([
            "alpha-bedrock",
            "bravo-bedrock",
            "charlie-bedrock",
            "delta-bedrock",
            "echo-bedrock",
        ]);
    });

    it("the same role seen by name, then as its resource: the resource's policies, and the most managed policies either declares", async () => {
        const rec = mocks();
        const resource = new aws.iam.Role("the-resource", { name: "shared", assumeRolePolicy: "{}" });
        const first = addToRoleAccessDetailed(byName("shared", { ownManagedPolicies: 1 }), invoke("amazon.nova-pro-v1:0"), { component: "grant" });
        const second = addToRoleAccessDetailed(
            { key: "the-resource", id: "name:shared@default", name: resource.name, resource, ownManagedPolicies: 3 },
            invoke("amazon.nova-lite-v1:0"),
            { component: "grant" },
        );
        await settle();
        const [policy] = rec.byType("aws:iam/rolePolicy:RolePolicy");
        expect(rec.byType("aws:iam/rolePolicy:RolePolicy")).to.have.length(1);
        expect(policy.name).to.equal("the-resource-bedrock");
        expect(policy.parent).to.equal("urn:pulumi:stack::project::aws:iam/role:Role::the-resource");
        expect((await first).layout.managedPoliciesOnRole).to.equal(3);
        expect(await second).to.equal(await first);
    });

    it("the same role seen as its resource, then by name: keeps the resource, and the most managed policies", async () => {
        const rec = mocks();
        const resource = new aws.iam.Role("kept", { name: "kept-name", assumeRolePolicy: "{}" });
        const first = addToRoleAccessDetailed(
            { key: "kept", id: "name:kept-name@default", name: resource.name, resource, ownManagedPolicies: 2 },
            invoke("amazon.nova-pro-v1:0"),
            { component: "grant" },
        );
        addToRoleAccess(byName("kept-name", { ownManagedPolicies: 0 }), invoke("amazon.nova-lite-v1:0"), { component: "grant" });
        await settle();
        const policies = rec.byType("aws:iam/rolePolicy:RolePolicy");
        expect(policies.map((p) => [p.name, p.parent])).to.deep.equal([["kept-bedrock", "urn:pulumi:stack::project::aws:iam/role:Role::kept"]]);
        expect((await first).layout.managedPoliciesOnRole).to.equal(2);
    });
});

const PARTNER = "arn:aws:iam::999999999999:role/partner";
const refusal = (who: string, argument: string) =>
    `error serializing property "policy": ${who}: ${argument} "${PARTNER}" is a role of account 999999999999 in partition aws, but the caller is account ${ACCOUNT} in partition aws: an identity policy can only be attached to a role of the caller's own account; grant that role from a program deployed to its account`;

describe("access set: a role given by ARN, checked at deploy", () => {
    beforeEach(() => mocks());
    /** A grant of `model` on the partner role by `where`, which was given the role as its argument `roleArgument`. */
    const grantPartner = (model: string, where: Where, roleArgument?: string) =>
        addToRoleAccess(byName("partner", { arn: PARTNER }), invoke(model), where, undefined, undefined, roleArgument);

    it("the first grant names the refusal: a plain grant without a component name", async () => {
        const errors = await deployErrors(() => {
            grantPartner("amazon.nova-pro-v1:0", { component: "grant" });
            grantPartner("amazon.nova-lite-v1:0", { component: "Agent", name: "second" });
        });
        expect(errors).to.deep.equal([refusal("grant", "role")]);
    });

    it("a later grant that was given the role as its own argument names the refusal instead", async () => {
        const errors = await deployErrors(() => {
            grantPartner("amazon.nova-pro-v1:0", { component: "grant" });
            grantPartner("amazon.nova-lite-v1:0", { component: "AgentHarness", name: "h" }, "executionRole");
            grantPartner("amazon.nova-micro-v1:0", { component: "Agent", name: "a" }, "existingRole");
        });
        expect(errors).to.deep.equal([refusal('AgentHarness "h"', "executionRole")]);
    });

    it("a component's aws-native provider of the role's account accepts the ARN: the check reads the account of the grant's owner", async () => {
        const rec = setBedrockMocks({
            region: "us-east-1",
            accountId: ACCOUNT,
            config: { "aws-native:region": "us-east-1" },
            providers: { partner: { accountId: "999999999999" } },
        });
        const partner = new awsnative.Provider("partner", { region: "us-east-1" });
        const owner = new pulumi.ComponentResource("test:index:Owner", "owner", {}, { providers: { "aws-native": partner } });
        const errors = await deployErrors(() => {
            addToRoleAccess(byName("partner", { arn: PARTNER }), invoke("amazon.nova-pro-v1:0"), { component: "grant" }, owner);
        });
        expect(errors).to.deep.equal([]);
        expect(rec.byType("aws:iam/rolePolicy:RolePolicy").map((p) => [p.name, p.inputs.role])).to.deep.equal([["partner-bedrock", "partner"]]);
    });
});

describe("access set: detached and later batches", () => {
    it("detached statements get policies of their own, after the main batch, by label; one label is one batch", async () => {
        const rec = mocks();
        const role = byName("mem-role");
        const main = addToRoleAccessDetailed(role, invoke("amazon.nova-pro-v1:0"), { component: "grant" });
        addToRoleAccess(role, invoke("amazon.nova-micro-v1:0"), { component: "grant" }, undefined, "zz");
        addToRoleAccess(role, invoke("amazon.nova-lite-v1:0"), { component: "grant" }, undefined, "aa");
        addToRoleAccess(role, invoke("amazon.nova-premier-v1:0"), { component: "grant" }, undefined, "aa");
        await settle();
        const policies = rec.byType("aws:iam/rolePolicy:RolePolicy");
        expect(policies.map((p) => [p.name, JSON.parse(p.inputs.policy).Statement[0].Resource])).to.deep.equal([
            ["mem-role-bedrock", "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0"],
            [
                "mem-role-bedrock-aa",
                ["arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0", "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-premier-v1:0"],
            ],
            ["mem-role-bedrock-zz", "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0"],
        ]);
        // The main batch's document, {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"bedrock:InvokeModel","Resource":"<ARN>"}]}: 166 characters.
        expect((await main).layout).to.deep.equal({
            role: "mem-role",
            batch: 1,
            statements: 1,
            inlineCharacters: 166,
            managedCharacters: [],
            inlineBudget: 10240,
            managedPoliciesOnRole: 0,
        });
    });

    it("each later batch gets what earlier batches left of the inline budget, and the late batch is said once", async () => {
        mocks();
        const role = byName("late");
        let second: Promise<unknown> | undefined;
        let third: Promise<unknown> | undefined;
        const logs = await capturingLogs(async () => {
            addToRoleAccess(role, invoke("amazon.nova-pro-v1:0"), { component: "grant" });
            await settle();
            second = addToRoleAccessDetailed(role, invoke("amazon.nova-lite-v1:0"), { component: "grant" });
            await settle();
            third = addToRoleAccessDetailed(role, [...invoke("amazon.nova-micro-v1:0"), ...invoke("amazon.nova-premier-v1:0", "us-east-2")], {
                component: "grant",
            });
            await settle();
        });
        // Documents of 166 (nova-pro), 167 (nova-lite) and 241 characters (one statement, two models): 10,240 - 166 = 10,074, - 167 = 9,907.
        expect(((await second) as { layout: unknown }).layout).to.deep.equal({
            role: "late",
            batch: 2,
            statements: 1,
            inlineCharacters: 167,
            managedCharacters: [],
            inlineBudget: 10074,
            managedPoliciesOnRole: 0,
        });
        expect(((await third) as { layout: unknown }).layout).to.deep.equal({
            role: "late",
            batch: 3,
            statements: 1,
            inlineCharacters: 241,
            managedCharacters: [],
            inlineBudget: 9907,
            managedPoliciesOnRole: 0,
        });
        expect(logs.info).to.deep.equal([
            `role "late": grants made after the program's body ran (inside an apply or after an await) open batch 2 of its Bedrock policies, laid out apart from the first; make grants at the top level of the program to share one layout`,
        ]);
    });
});

/** `n` foundation models of 62-character ARNs, one statement each before merging. */
function many(n: number, prefix = "m"): Statement[] {
    return Array.from({ length: n }, (_, i) => invoke(`${prefix}.model-${String(i).padStart(4, "0")}-v1:0`)[0]);
}

describe("access set: the role's managed-policy budget", () => {
    it("200 models on a role with 19 managed policies of its own: one inline and one managed policy, 20 on the role, warned once past the default quota", async () => {
        const rec = mocks();
        const role = byName("budget", { ownManagedPolicies: 19 });
        let details: Promise<unknown> | undefined;
        const logs = await capturingLogs(async () => {
            details = addToRoleAccessDetailed(role, many(200), { component: "grant" });
            await settle();
        });
        expect(rec.byType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name)).to.deep.equal(["budget-bedrock"]);
        expect(rec.byType("aws:iam/policy:Policy").map((p) => [p.name, p.inputs.description])).to.deep.equal([
            ["budget-bedrock-1", "Bedrock access of role budget, part 1 of 1 (pulumi-bedrock-genai)"],
        ]);
        expect(rec.byType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").map((p) => [p.name, p.inputs.role])).to.deep.equal([
            ["budget-bedrock-1", "budget"],
        ]);
        // 200 ARNs of 61 characters: 12,900 characters of statement, split into the inline budget and one managed policy.
        expect(((await details) as { layout: unknown }).layout).to.deep.equal({
            role: "budget",
            batch: 1,
            statements: 2,
            inlineCharacters: 10213,
            managedCharacters: [2789],
            inlineBudget: 10240,
            managedPoliciesOnRole: 20,
        });
        expect(logs.warn).to.deep.equal([
            `role "budget" carries 20 managed policies (19 of its own, 1 for Bedrock grants), over IAM's default quota of 10 per role; the deploy fails unless the account's quota is raised (at most 20)`,
        ]);
    });

    it("9 managed policies of its own and 1 for the grants make 10: within the default quota, no warning", async () => {
        mocks();
        const logs = await capturingLogs(async () => {
            addToRoleAccess(byName("at-quota", { ownManagedPolicies: 9 }), many(200), { component: "grant" });
            await settle();
        });
        expect(logs.warn).to.deep.equal([]);
    });

    it("past the default quota in two batches: warned once, with the figures of the first", async () => {
        mocks();
        const role = byName("twice", { ownManagedPolicies: 10 });
        const logs = await capturingLogs(async () => {
            addToRoleAccess(role, many(200), { component: "grant" });
            await settle();
            addToRoleAccess(role, many(200, "n"), { component: "grant" });
            await settle();
        });
        expect(logs.warn).to.deep.equal([
            `role "twice" carries 11 managed policies (10 of its own, 1 for Bedrock grants), over IAM's default quota of 10 per role; the deploy fails unless the account's quota is raised (at most 20)`,
        ]);
    });

    it("20 managed policies of its own and 1 more: refused, naming the grantors (three, then ...), the statements and the figures; nothing registered", () => {
        const rec = mocks();
        const role = byName("full", { ownManagedPolicies: 20 });
        addToRoleAccess(role, many(200), { component: "Prompt", name: "d" });
        addToRoleAccess(role, invoke("amazon.nova-pro-v1:0"), { component: "Agent", name: "c" });
        addToRoleAccess(role, invoke("amazon.nova-lite-v1:0"), { component: "Agent", name: "b" });
        addToRoleAccess(role, invoke("amazon.nova-micro-v1:0"), { component: "grant" });
        // The statement: the 200 models' 12,900 characters and the three Nova models'.
        const error = throwsExactly(
            () => flushRoleAccess(),
            `role "full": its Bedrock grants (4 granting: Agent "b", Agent "c", Prompt "d", ...) need 1 statement of up to 13105 characters: one inline policy and 1 managed policies, which with the 20 it already carries make 21, over IAM's maximum of 20 managed policies per role: spread the grants over several roles`,
            BedrockValidationError,
        ) as BedrockValidationError;
        expect([error.component, error.argument]).to.deep.equal(['Agent "b"', "role"]);
        expect(rec.resources.filter((r) => r.type.startsWith("aws:iam/"))).to.deep.equal([]);
    });
});

describe("access set: checks made at deploy", () => {
    const OWN = Array.from({ length: 21 }, (_, i) => `arn:aws:iam::aws:policy/Own${i}`);

    it("a role resource whose managedPolicyArns are known only at deploy: 20 of its own and 1 for the grants are refused then, on every policy", async () => {
        const rec = mocks();
        const errors = await deployErrors(() => {
            const resource = new aws.iam.Role("late-own", { assumeRolePolicy: "{}", managedPolicyArns: pulumi.output(OWN.slice(1)) });
            addToRoleAccess({ key: "late-own", id: "resource:late-own", name: resource.name, resource, ownManagedPolicies: 0 }, many(200), {
                component: "grant",
            });
        });
        const message = `role "late-own": 20 managed policies of its own and 1 for Bedrock grants make 21, over IAM's maximum of 20 per role: spread the grants over several roles`;
        // Pulumi's runtime prefixes the property twice: the guard's error reaches the policy through its document's Output.
        expect(errors).to.deep.equal([`error serializing property "policy": error serializing property "policy": ${message}`]);
        expect(rec.resources.filter((r) => r.type === "aws:iam/rolePolicy:RolePolicy" || r.type === "aws:iam/policy:Policy")).to.deep.equal([]);
    });

    it("19 of its own known only at deploy and 1 for the grants: accepted", async () => {
        const rec = mocks();
        const errors = await deployErrors(() => {
            const resource = new aws.iam.Role("late-19", { assumeRolePolicy: "{}", managedPolicyArns: pulumi.output(OWN.slice(2)) });
            addToRoleAccess({ key: "late-19", id: "resource:late-19", name: resource.name, resource, ownManagedPolicies: 0 }, many(200), {
                component: "grant",
            });
        });
        expect(errors).to.deep.equal([]);
        expect(rec.byType("aws:iam/policy:Policy").map((p) => p.name)).to.deep.equal(["late-19-bedrock-1"]);
    });

    it("21 of its own (over the maximum by themselves) and nothing managed for the grants: not this package's to refuse, accepted (the inline policy is not counted)", async () => {
        const rec = mocks();
        const errors = await deployErrors(() => {
            const resource = new aws.iam.Role("inline-only", { assumeRolePolicy: "{}", managedPolicyArns: pulumi.output(OWN) });
            addToRoleAccess(
                { key: "inline-only", id: "resource:inline-only", name: resource.name, resource, ownManagedPolicies: 0 },
                invoke("amazon.nova-pro-v1:0"),
                { component: "grant" },
            );
        });
        expect(errors).to.deep.equal([]);
        expect(rec.byType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name)).to.deep.equal(["inline-only-bedrock"]);
    });

    it("a role resource given by an ARN of the caller's account: both checks run, and the managed-policy one refuses", async () => {
        mocks();
        const errors = await deployErrors(() => {
            const resource = new aws.iam.Role("both", { name: "both", assumeRolePolicy: "{}", managedPolicyArns: pulumi.output(OWN.slice(1)) });
            addToRoleAccess(
                { key: "both", id: "name:both@default", name: resource.name, resource, arn: `arn:aws:iam::${ACCOUNT}:role/both`, ownManagedPolicies: 0 },
                many(200),
                { component: "grant" },
            );
        });
        expect(errors).to.deep.equal([
            `error serializing property "policy": error serializing property "policy": role "both": 20 managed policies of its own and 1 for Bedrock grants make 21, over IAM's maximum of 20 per role: spread the grants over several roles`,
        ]);
    });
});

describe("access set: renderPolicy", () => {
    beforeEach(() => mocks());

    it("writes each value into the JSON as a JSON string (a quote in a value stays a valid document)", async () => {
        const arn = symbolic(pulumi.output('arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a"b'), "quoted", 80);
        const json = await resolveOutput(renderPolicy([{ Effect: "Allow", Action: ["bedrock:InvokeModel"], Resource: [arn] }]));
        expect(json).to.equal(
            '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"bedrock:InvokeModel","Resource":"arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a\\"b"}]}',
        );
    });

    it("statements that become identical once their values are known are written once", async () => {
        const a = symbolic(pulumi.output("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/same"), "first", 80);
        const b = symbolic(pulumi.output("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/same"), "second", 80);
        const json = await resolveOutput(
            renderPolicy([
                { Effect: "Allow", Action: ["bedrock:InvokeModel"], Resource: [a] },
                { Effect: "Allow", Action: ["bedrock:InvokeModel"], Resource: [b] },
            ]),
        );
        expect(json).to.equal(
            '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"bedrock:InvokeModel","Resource":"arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/same"}]}',
        );
    });

    it("a document that outgrows its cap once deployed is refused with its size, the cap and what to do", async () => {
        const arn = symbolic(pulumi.output("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abcdefghijkl"), "profile", 12);
        // The document is 183 characters with the 83-character ARN: refused under a cap of 182, written under 183.
        const doc = renderPolicy([{ Effect: "Allow", Action: ["bedrock:InvokeModel"], Resource: [arn] }], 182, 'managed policy 2 of role "r"');
        expect(await outputError(doc)).to.equal(
            `managed policy 2 of role "r" is 183 characters once deployed, over the 182 characters it was laid out for: a value was longer than it was sized at (application inference profile ids are sized at the 12 characters AWS returns); grant fewer targets on this role or spread them over several roles`,
        );
        expect(await resolveOutput(renderPolicy([{ Effect: "Allow", Action: ["bedrock:InvokeModel"], Resource: [arn] }], 183))).to.have.length(183);
    });

    it('names the policy in its refusal: "the policy" by default', async () => {
        const doc = renderPolicy(
            [{ Effect: "Allow", Action: ["bedrock:InvokeModel"], Resource: ["arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0"] }],
            100,
        );
        expect(await outputError(doc)).to.equal(
            `the policy is 166 characters once deployed, over the 100 characters it was laid out for: a value was longer than it was sized at (application inference profile ids are sized at the 12 characters AWS returns); grant fewer targets on this role or spread them over several roles`,
        );
    });
});

describe("access set: partitions of the default providers, compared before deploy", () => {
    const gov = `grant: its Bedrock resources are in partition aws (its aws-native provider) but role "r" is in partition aws-us-gov (its aws provider): the role's policies name resources it cannot reach; give the component and the role providers of one partition`;

    async function warnings(config: Record<string, string>, makeRole: () => ResolvedRole = () => byName("r")): Promise<string[]> {
        mocks(config);
        const role = makeRole();
        const logs = await capturingLogs(async () => {
            addToRoleAccess(role, invoke("amazon.nova-pro-v1:0"), { component: "grant" });
            addToRoleAccess(role, invoke("amazon.nova-lite-v1:0"), { component: "grant" });
            await settle();
        });
        return logs.warn;
    }

    it("aws in us-gov-west-1 and aws-native in us-east-1: warned once per role", async () => {
        expect(await warnings({ "aws-native:region": "us-east-1", "aws:region": "us-gov-west-1" })).to.deep.equal([gov]);
    });

    it("both in the aws partition (us-west-2 and us-east-1): no warning", async () => {
        expect(await warnings({ "aws-native:region": "us-east-1", "aws:region": "us-west-2" })).to.deep.equal([]);
    });

    it("no aws Region configured: nothing to compare, no warning", async () => {
        expect(await warnings({ "aws-native:region": "us-east-1" })).to.deep.equal([]);
    });

    it("a role on an explicit aws provider: the default providers' Regions say nothing of it, no warning", async () => {
        const config = { "aws-native:region": "us-east-1", "aws:region": "us-gov-west-1" };
        expect(
            await warnings(config, () => byName("r", { id: "name:r@explicit", provider: new aws.Provider("explicit", { region: "us-east-1" }) })),
        ).to.deep.equal([]);
    });
});

describe("access set: edges of the layout", () => {
    it("a policy name of exactly 120 characters is kept as it is; one more is cut with a hash", () => {
        const exact = "n".repeat(120);
        expect(boundedName(exact)).to.equal(exact);
        expect(boundedName(`${exact}x`)).to.equal(`${"n".repeat(111)}-${boundedName(`${exact}x`).slice(-8)}`);
    });

    it("a second batch past what the first left of the inline budget: managed policies only, its own budget and figures, and its grant's resources", async () => {
        const rec = mocks();
        const role = byName("two", { ownManagedPolicies: 9 });
        let second: Promise<AccessResources> | undefined;
        let grant: pulumi.Output<pulumi.Resource[]> | undefined;
        const logs = await capturingLogs(async () => {
            addToRoleAccess(role, many(200), { component: "grant" });
            await settle();
            second = addToRoleAccessDetailed(role, many(200, "n"), { component: "grant" });
            grant = addToRoleAccess(role, many(200, "n"), { component: "grant" });
            await settle();
        });
        const laid = await second!;
        // The first batch left 10,240 - 10,213 = 27 characters inline: the second's 12,900 characters go to three
        // managed policies, which with the first's one and the role's 9 make 13.
        expect(laid.layout).to.deep.equal({
            role: "two",
            batch: 2,
            statements: 3,
            inlineCharacters: 0,
            managedCharacters: [6117, 6117, 869],
            inlineBudget: 27,
            managedPoliciesOnRole: 13,
        });
        expect(laid.inline).to.equal(undefined);
        expect(rec.byType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name)).to.deep.equal(["two-bedrock"]);
        expect(rec.byType("aws:iam/policy:Policy").map((p) => p.name)).to.deep.equal([
            "two-bedrock-1",
            "two-bedrock-batch2-1",
            "two-bedrock-batch2-2",
            "two-bedrock-batch2-3",
        ]);
        // The grant waits for its batch's policies and attachments, and for nothing that is not a resource.
        expect(((await resolveOutput(grant!)) ?? []).map((r) => `${resourceKind(r)} ${resourceName(r)}`)).to.deep.equal([
            "Policy two-bedrock-batch2-1",
            "RolePolicyAttachment two-bedrock-batch2-1",
            "Policy two-bedrock-batch2-2",
            "RolePolicyAttachment two-bedrock-batch2-2",
            "Policy two-bedrock-batch2-3",
            "RolePolicyAttachment two-bedrock-batch2-3",
        ]);
        expect(logs.warn).to.deep.equal([
            `role "two" carries 13 managed policies (9 of its own, 4 for Bedrock grants), over IAM's default quota of 10 per role; the deploy fails unless the account's quota is raised (at most 20)`,
        ]);
    });

    it("a second batch over IAM's maximum: refused with the three grantors, no inline part, and what the role already carries", async () => {
        const rec = mocks();
        const role = byName("over", { ownManagedPolicies: 17 });
        await capturingLogs(async () => {
            addToRoleAccess(role, many(200), { component: "grant" });
            await settle();
        });
        addToRoleAccess(role, many(198, "n"), { component: "Prompt", name: "c" });
        addToRoleAccess(role, many(1, "n"), { component: "Agent", name: "a" });
        addToRoleAccess(role, many(2, "n"), { component: "Agent", name: "b" });
        // 198 distinct models (the other grants' are among them): 12,901 characters for 200, less 2 x 64.
        throwsExactly(
            () => flushRoleAccess(),
            `role "over": its Bedrock grants (3 granting: Agent "a", Agent "b", Prompt "c") need 1 statement of up to 12773 characters: 3 managed policies, which with the 18 it already carries make 21, over IAM's maximum of 20 managed policies per role: spread the grants over several roles`,
        );
        expect(rec.byType("aws:iam/policy:Policy").map((p) => p.name)).to.deep.equal(["over-bedrock-1"]);
    });

    it("a role whose own managed policies are over the maximum by themselves, granted inline only: not this package's to refuse or warn of", async () => {
        const rec = mocks();
        const logs = await capturingLogs(async () => {
            addToRoleAccess(byName("own-21", { ownManagedPolicies: 21 }), invoke("amazon.nova-pro-v1:0"), { component: "grant" });
            await settle();
        });
        expect(logs.warn).to.deep.equal([]);
        expect(rec.byType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name)).to.deep.equal(["own-21-bedrock"]);
    });

    it("policies of roles whose labels meet at the root are numbered -2, -3 in the order of the roles' ids", async () => {
        const rec = mocks();
        const p1 = new aws.Provider("p", { region: "us-east-1" }, { parent: new pulumi.ComponentResource("test:index:A", "a") });
        const p2 = new aws.Provider("p", { region: "us-east-1" }, { parent: new pulumi.ComponentResource("test:index:B", "b") });
        addToRoleAccess(byName("r", { id: "name:r@#2", provider: p2 }), invoke("amazon.nova-lite-v1:0"), { component: "grant" });
        addToRoleAccess(byName("r", { id: "name:r@#1", provider: p1 }), invoke("amazon.nova-pro-v1:0"), { component: "grant" });
        addToRoleAccess(byName("r-p"), invoke("amazon.nova-micro-v1:0"), { component: "grant" });
        await settle();
        expect(rec.byType("aws:iam/rolePolicy:RolePolicy").map((p) => [p.name, JSON.parse(p.inputs.policy).Statement[0].Resource])).to.deep.equal([
            ["r-p-bedrock", "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0"],
            ["r-p-bedrock-2", "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0"],
            ["r-p-bedrock-3", "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0"],
        ]);
    });

    for (const detached of [undefined, "mem"]) {
        it(`the same statements granted twice${detached ? " in a detached batch" : ""}: the first grantor is the one named`, () => {
            mocks();
            const role = byName("first", { ownManagedPolicies: 20 });
            addToRoleAccess(role, many(200), { component: "Agent", name: "first" }, undefined, detached);
            addToRoleAccess(role, many(200), { component: "Agent", name: "second" }, undefined, detached);
            throwsExactly(
                () => flushRoleAccess(),
                `role "first": its Bedrock grants (1 granting: Agent "first") need 1 statement of up to 12901 characters: one inline policy and 1 managed policies, which with the 20 it already carries make 21, over IAM's maximum of 20 managed policies per role: spread the grants over several roles`,
            );
        });
    }

    it("detached statements granted after the main batch was laid out: laid out alone, by label", async () => {
        const rec = mocks();
        const role = byName("later-detached");
        addToRoleAccess(role, invoke("amazon.nova-pro-v1:0"), { component: "grant" });
        await settle();
        for (const [label, model] of [
            ["mm", "amazon.nova-micro-v1:0"],
            ["zz", "amazon.nova-lite-v1:0"],
            ["aa", "amazon.nova-premier-v1:0"],
        ]) {
            addToRoleAccess(role, invoke(model), { component: "grant" }, undefined, label);
        }
        await settle();
        expect(rec.byType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name)).to.deep.equal([
            "later-detached-bedrock",
            "later-detached-bedrock-aa",
            "later-detached-bedrock-mm",
            "later-detached-bedrock-zz",
        ]);
    });

    it("a role resource without managedPolicyArns: its managed policies for the grants pass the deploy-time check", async () => {
        const rec = mocks();
        const errors = await deployErrors(() => {
            const resource = new aws.iam.Role("no-own", { assumeRolePolicy: "{}" });
            addToRoleAccess({ key: "no-own", id: "resource:no-own", name: resource.name, resource, ownManagedPolicies: 0 }, many(200), { component: "grant" });
        });
        expect(errors).to.deep.equal([]);
        expect(rec.byType("aws:iam/policy:Policy").map((p) => p.name)).to.deep.equal(["no-own-bedrock-1"]);
    });

    it("the deploy-time refusals are the grant's, of its argument role", async () => {
        mocks();
        const caught = await deployRejections(() => {
            const resource = new aws.iam.Role("refused", {
                assumeRolePolicy: "{}",
                managedPolicyArns: pulumi.output(Array.from({ length: 20 }, (_, i) => `arn:aws:iam::aws:policy/P${i}`)),
            });
            addToRoleAccess({ key: "refused", id: "resource:refused", name: resource.name, resource, ownManagedPolicies: 0 }, many(200), {
                component: "grant",
            });
        });
        // One error, rejected through each policy's Outputs.
        expect(caught.map((e) => [(e as BedrockValidationError).component, (e as BedrockValidationError).argument])).to.deep.equal([["grant", "role"]]);
        const doc = renderPolicy(
            [{ Effect: "Allow", Action: ["bedrock:InvokeModel"], Resource: ["arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0"] }],
            100,
        );
        const error = (await outputRejection(doc)) as BedrockValidationError;
        expect([error.component, error.argument]).to.deep.equal(["grant", "role"]);
    });
});

describe("access set: partitions of the role resource and of the grant's owner", () => {
    const gov = (role: string) =>
        `grant: its Bedrock resources are in partition aws-us-gov (its aws-native provider) but role "${role}" is in partition aws (its aws provider): the role's policies name resources it cannot reach; give the component and the role providers of one partition`;

    it("a component on a GovCloud aws-native provider, granting a role resource of the aws partition: warned, from the component's provider", async () => {
        mocks();
        const logs = await capturingLogs(async () => {
            const owner = new pulumi.ComponentResource(
                "test:index:Owner",
                "gov-owner",
                {},
                { providers: { "aws-native": new awsnative.Provider("gov-native", { region: "us-gov-west-1" }) } },
            );
            const resource = new aws.iam.Role("commercial", { assumeRolePolicy: "{}" });
            addToRoleAccess(
                { key: "commercial", id: "resource:commercial", name: resource.name, resource, ownManagedPolicies: 0 },
                invoke("amazon.nova-pro-v1:0"),
                { component: "grant" },
                owner,
            );
            await settle();
        });
        expect(logs.warn).to.deep.equal([gov("commercial")]);
    });

    it("a role resource of the default provider's partition: no warning", async () => {
        mocks();
        const logs = await capturingLogs(async () => {
            const resource = new aws.iam.Role("same-partition", { assumeRolePolicy: "{}" });
            addToRoleAccess(
                { key: "same-partition", id: "resource:same-partition", name: resource.name, resource, ownManagedPolicies: 0 },
                invoke("amazon.nova-pro-v1:0"),
                { component: "grant" },
            );
            await settle();
        });
        expect(logs.warn).to.deep.equal([]);
    });

    it("a component on an explicit aws-native provider, a role by name on the default aws provider in GovCloud: the Regions are not both known before deploy, no warning", async () => {
        mocks({ "aws-native:region": "us-east-1", "aws:region": "us-gov-west-1" });
        const logs = await capturingLogs(async () => {
            const owner = new pulumi.ComponentResource(
                "test:index:Owner",
                "explicit-owner",
                {},
                { providers: { "aws-native": new awsnative.Provider("explicit-native", { region: "us-east-1" }) } },
            );
            addToRoleAccess(byName("by-name"), invoke("amazon.nova-pro-v1:0"), { component: "grant" }, owner);
            await settle();
        });
        expect(logs.warn).to.deep.equal([]);
    });
});
