// Roles as grants see them (components/iam/roles.ts) and the Marketplace grant (components/iam/marketplace.ts):
// the identities of roles given by resource, name and ARN, what the stack transformation records, and the
// refusals of Marketplace arguments.
import { expect } from "chai";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { settle, statementsForRole, runProgram, type MockRecorder } from "../components/testing/testing";
import * as bedrock from "../sdk/nodejs";
import { foreignRoleMessage, observeRoles, resolveRole } from "../components/iam/roles";
import { deployFailsExactly, throwsExactly } from "./support/errors";
import { ACCOUNT, grantMocks } from "./support/grants";

const M = bedrock.BedrockFoundationModel;
const INSTRUCTION = "You are a helpful and friendly agent that answers questions about agriculture.";
const NOVA_PRO = "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0";
const NOVA_LITE = "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0";
const INVOKE = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];

/** The Pulumi name of the resource with URN `urn`, or "root" for none or the root stack. */
function parentName(urn: string | undefined): string {
    const [type, name] = (urn ?? "::pulumi:pulumi:Stack::").split("::").slice(-2);
    return type.split("$").pop() === "pulumi:pulumi:Stack" ? "root" : name;
}

/** The role policies recorded: name, parent (the end of its URN, or "root"), role input and statements. */
function rolePolicies(rec: MockRecorder): [string, string, unknown, unknown][] {
    return rec
        .byType("aws:iam/rolePolicy:RolePolicy")
        .map((p): [string, string, unknown, unknown] => [
            p.name,
            parentName(p.parent),
            p.inputs.role,
            (JSON.parse(p.inputs.policy as string) as { Statement: unknown }).Statement,
        ])
        .sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

describe("iam roles: identities of roles given by resource, name and ARN", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = grantMocks();
    });

    it("a role granted by name before the program declares it with that name, then as the resource, is one role: one policy, a child of the role", async () => {
        await runProgram(() => {
            M.AMAZON_NOVA_PRO_V1.grantInvoke("late-declared");
            const role = new aws.iam.Role("declared-late", { name: "late-declared", assumeRolePolicy: "{}" });
            M.AMAZON_NOVA_LITE_V1.grantInvoke(role);
        });
        expect(rolePolicies(rec)).to.deep.equal([
            ["declared-late-bedrock", "declared-late", "late-declared", [{ Effect: "Allow", Action: INVOKE, Resource: [NOVA_LITE, NOVA_PRO] }]],
        ]);
    });

    it("two role resources whose names are known only at deploy (Outputs) stay two roles, with a policy each", async () => {
        await runProgram(() => {
            const a = new aws.iam.Role("out-a", { name: pulumi.output("role-a"), assumeRolePolicy: "{}" });
            const b = new aws.iam.Role("out-b", { name: pulumi.output("role-b"), assumeRolePolicy: "{}" });
            M.AMAZON_NOVA_PRO_V1.grantInvoke(a);
            M.AMAZON_NOVA_LITE_V1.grantInvoke(b);
        });
        expect(rolePolicies(rec)).to.deep.equal([
            ["out-a-bedrock", "out-a", "role-a", [{ Effect: "Allow", Action: INVOKE, Resource: NOVA_PRO }]],
            ["out-b-bedrock", "out-b", "role-b", [{ Effect: "Allow", Action: INVOKE, Resource: NOVA_LITE }]],
        ]);
    });

    it("only aws.iam.Role resources are recorded by name: a grant by a name another resource type carries names the role, at the root", async () => {
        await runProgram(() => {
            new aws.sns.Topic("topic", { name: "worker" });
            M.AMAZON_NOVA_PRO_V1.grantInvoke("worker");
        });
        expect(rolePolicies(rec)).to.deep.equal([["worker-bedrock", "root", "worker", [{ Effect: "Allow", Action: INVOKE, Resource: NOVA_PRO }]]]);
    });

    it("a role resource on an explicit provider: a grant by its name under that provider is the role; under the default provider, another role", async () => {
        await runProgram(() => {
            const other = new aws.Provider("other-account", { region: "us-east-1" });
            class Team extends pulumi.ComponentResource {
                constructor(name: string) {
                    super("test:index:Team", name, {}, { providers: { aws: other } });
                }
            }
            new aws.iam.Role("team-role", { name: "team-worker", assumeRolePolicy: "{}" }, { provider: other });
            M.AMAZON_NOVA_PRO_V1.grantInvoke("team-worker", { parent: new Team("team") });
            M.AMAZON_NOVA_LITE_V1.grantInvoke("team-worker");
        });
        expect(rolePolicies(rec)).to.deep.equal([
            ["team-role-bedrock", "team-role", "team-worker", [{ Effect: "Allow", Action: INVOKE, Resource: NOVA_PRO }]],
            ["team-worker-bedrock", "root", "team-worker", [{ Effect: "Allow", Action: INVOKE, Resource: NOVA_LITE }]],
        ]);
        expect(rec.find("aws:iam/rolePolicy:RolePolicy", "team-role-bedrock").provider ?? "").to.match(/pulumi:providers:aws::other-account::/);
        expect(rec.find("aws:iam/rolePolicy:RolePolicy", "team-worker-bedrock").provider ?? "").to.not.match(/other-account/);
    });

    it("the roles' names are recorded through one stack transformation per program, however many grants resolve roles", async () => {
        let transformations: number | undefined;
        await runProgram(() => {
            M.AMAZON_NOVA_PRO_V1.grantInvoke("first");
            M.AMAZON_NOVA_LITE_V1.grantInvoke(new aws.iam.Role("second", { assumeRolePolicy: "{}" }));
            observeRoles();
            transformations = (pulumi.runtime.getStackResource() as unknown as { __transformations?: unknown[] }).__transformations?.length;
        });
        expect(transformations).to.equal(1);
    });

    it("a role resource resolves once: every grant on it shares one frozen resolution", () => {
        const role = new aws.iam.Role("once", { assumeRolePolicy: "{}" });
        const first = resolveRole(role);
        expect(resolveRole(role, "grantInvoke(role)", { component: "BedrockFoundationModel", name: "amazon.nova-pro-v1:0" })).to.equal(first);
        expect(Object.isFrozen(first)).to.equal(true);
        expect(first.resource).to.equal(role);
        expect(first.key).to.equal("once");
    });

    it("a role ARN of another account, granted by a component without a name, is refused at deploy naming the component alone", async () => {
        await deployFailsExactly(
            () => bedrock.grantMarketplaceSubscription("arn:aws:iam::999999999999:role/partner-role"),
            [
                'error serializing property "policy": grantMarketplaceSubscription: role "arn:aws:iam::999999999999:role/partner-role" is a role of account 999999999999 in partition aws, but the caller is account 123456789012 in partition aws: an identity policy can only be attached to a role of the caller\'s own account; grant that role from a program deployed to its account',
            ],
        );
        expect(rec.byType("aws:iam/rolePolicy:RolePolicy")).to.deep.equal([]);
    });

    it("foreignRoleMessage: no message for a string that is not an ARN, nor for a role of the caller's account and partition", () => {
        expect(foreignRoleMessage({ component: "grant" }, "role", "partner-role", ACCOUNT, "aws")).to.equal(undefined);
        expect(foreignRoleMessage({ component: "grant" }, "role", "arn:aws:iam::123456789012:role/mine", ACCOUNT, "aws")).to.equal(undefined);
    });
});

describe("iam marketplace: the Marketplace access of an agent and grantMarketplaceSubscription's arguments", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = grantMocks();
    });

    const agent = (marketplace: unknown) =>
        new bedrock.Agent("agent", {
            foundationModel: M.AMAZON_NOVA_PRO_V1,
            instruction: INSTRUCTION,
            existingRole: "agent-svc",
            marketplace: marketplace as never,
        });
    const marketplaceStatements = () => statementsForRole(rec, "agent-svc").filter((s) => s.Action.some((a) => a.startsWith("aws-marketplace:")));

    it("marketplace: true lets the agent's role subscribe to any product, and unsubscribe and view subscriptions", async () => {
        agent(true);
        await settle();
        expect(marketplaceStatements()).to.deep.equal([
            { Effect: "Allow", Action: ["aws-marketplace:Subscribe", "aws-marketplace:Unsubscribe", "aws-marketplace:ViewSubscriptions"], Resource: ["*"] },
        ]);
    });

    it("marketplace: false is accepted and grants nothing Marketplace", async () => {
        agent(false);
        await settle();
        expect(marketplaceStatements()).to.deep.equal([]);
        expect(statementsForRole(rec, "agent-svc")).to.deep.equal([{ Effect: "Allow", Action: INVOKE, Resource: [NOVA_PRO] }]);
    });

    it("marketplace refuses null, a string, a number and a list, naming the value", () => {
        const rule = "must be true, false or { productIds: [...] }";
        throwsExactly(() => agent(null), `Agent "agent": marketplace null ${rule}`);
        throwsExactly(() => agent("yes"), `Agent "agent": marketplace "yes" ${rule}`);
        throwsExactly(() => agent(1), `Agent "agent": marketplace 1 ${rule}`);
        throwsExactly(() => agent(["prod-ozonys2hmmpeu"]), `Agent "agent": marketplace ["prod-ozonys2hmmpeu"] ${rule}`);
    });

    it("grantMarketplaceSubscription refuses models that are not a non-empty list", () => {
        throwsExactly(
            () => bedrock.grantMarketplaceSubscription("r", { models: [] }),
            "grantMarketplaceSubscription: models [] must be a non-empty list of BedrockFoundationModel",
        );
        throwsExactly(
            () => bedrock.grantMarketplaceSubscription("r", { models: "openai.gpt-5.6-terra" as never }),
            'grantMarketplaceSubscription: models "openai.gpt-5.6-terra" must be a non-empty list of BedrockFoundationModel',
        );
    });

    it("grantMarketplaceSubscription refuses a model that is not a BedrockFoundationModel, even one that looks like it", () => {
        throwsExactly(
            () => bedrock.grantMarketplaceSubscription("r", { models: ["openai.gpt-5.6-terra" as never] }),
            'grantMarketplaceSubscription: models[0] "openai.gpt-5.6-terra" must be a BedrockFoundationModel',
        );
        throwsExactly(
            () =>
                bedrock.grantMarketplaceSubscription("r", {
                    models: [{ modelId: "openai.gpt-5.6-terra", marketplaceProductId: "prod-oxu3iqwrwktjm" } as never],
                }),
            'grantMarketplaceSubscription: models[0] {"modelId":"openai.gpt-5.6-terra","marketplaceProductId":"prod-oxu3iqwrwktjm"} must be a BedrockFoundationModel',
        );
    });
});
