import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { setBedrockMocks, settle, statementsForRole, type MockRecorder } from "../components/testing/testing";
import { AgentAlias, derivedName, isAgentAlias, type IAgent } from "../components/agents/agent-alias";
import { outputError, throwsExactly } from "./support/errors";

const AGENT_ARN = "arn:aws:bedrock:us-east-1:123456789012:agent/ABCDEFGHIJ";
const NAME_TEXT = "letters and digits, each followed by at most one underscore or hyphen, at most 100 of them";
const BAD_ROLE = '"bad role!" is not an IAM role name (1-64 characters of letters, digits and +=,.@_-) or role ARN';

/** An agent as an alias sees it: ids as Outputs, with a configuration hash unless `hash` is false. */
function fakeAgent(hash = true, arn = AGENT_ARN): IAgent {
    return {
        agentId: pulumi.output("ABCDEFGHIJ"),
        agentArn: pulumi.output(arn),
        ...(hash ? { configurationHash: pulumi.output("0123456789abcdef") } : {}),
    };
}

describe("AgentAlias: derived alias names", () => {
    const W = { component: "AgentAlias", name: "n" };
    const cases: [string, string][] = [
        ["my alias--v2", "my-alias-v2"],
        ["-_a", "a"],
        ["a-b_c", "a-b_c"],
        ["x y.z", "x-y-z"],
        ["a__", "a_"],
        ["a".repeat(101), "a".repeat(100)],
        ["b-".repeat(101), "b-".repeat(100)],
    ];
    for (const [name, derived] of cases) {
        it(`derives ${JSON.stringify(derived)} from ${JSON.stringify(name)}`, () => {
            expect(derivedName(W, "agentAliasName", name)).to.equal(derived);
        });
    }
    it("refuses a name with no letter or digit", () => {
        throwsExactly(
            () => derivedName(W, "agentAliasName", "---"),
            `AgentAlias "n": agentAliasName undefined cannot be derived from the name "---"; set it (${NAME_TEXT})`,
        );
    });
});

describe("AgentAlias: resource inputs, parent and outputs", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: "123456789012" });
    });

    it("passes version, description and tags to bedrock.AgentAlias, as a child of the component", async () => {
        const alias = new AgentAlias("live", { agent: fakeAgent(), agentVersion: "3", description: "d", tags: { a: "b" } });
        await settle();
        const component = rec.find("bedrock-genai:index:AgentAlias", "live");
        const res = rec.find("aws-native:bedrock:AgentAlias", "live");
        expect(res.inputs).to.deep.equal({
            agentId: "ABCDEFGHIJ",
            agentAliasName: "live",
            description: "d",
            routingConfiguration: [{ agentVersion: "3" }],
            tags: { a: "b" },
        });
        expect(res.parent).to.equal(component.urn);
        expect(component.outputs).to.deep.equal({ aliasId: res.state.agentAliasId, aliasArn: res.state.agentAliasArn, aliasName: "live" });
        expect(alias.isTestAlias).to.equal(false);
    });

    it("takes a version given as an Output", async () => {
        new AgentAlias("v4", { agent: fakeAgent(), agentVersion: pulumi.output("4") });
        await settle();
        expect(rec.find("aws-native:bedrock:AgentAlias", "v4").inputs).to.deep.equal({
            agentId: "ABCDEFGHIJ",
            agentAliasName: "v4",
            routingConfiguration: [{ agentVersion: "4" }],
        });
    });

    it("follows the agent: a description (plain or Output) of at most 168 characters gets the hash", async () => {
        new AgentAlias("f1", { agent: fakeAgent(), description: "x".repeat(168) });
        new AgentAlias("f2", { agent: fakeAgent(), description: pulumi.output("hello") });
        new AgentAlias("f3", { agent: fakeAgent() });
        await settle();
        expect(rec.find("aws-native:bedrock:AgentAlias", "f1").inputs.description).to.equal(`${"x".repeat(168)} [agent config 0123456789abcdef]`);
        expect(rec.find("aws-native:bedrock:AgentAlias", "f2").inputs.description).to.equal("hello [agent config 0123456789abcdef]");
        expect(rec.find("aws-native:bedrock:AgentAlias", "f3").inputs).to.deep.equal({
            agentId: "ABCDEFGHIJ",
            agentAliasName: "f3",
            description: "[agent config 0123456789abcdef]",
        });
    });
});

describe("AgentAlias: refusals", () => {
    beforeEach(() => {
        setBedrockMocks({ region: "us-east-1", accountId: "123456789012" });
    });
    const RULE = "must be an Agent (or an object with agentId and agentArn outputs)";
    const cases: [string, () => unknown, string][] = [
        ["a null agent", () => new AgentAlias("e1", { agent: null as unknown as IAgent }), `AgentAlias "e1": agent null ${RULE}`],
        ["a string agent", () => new AgentAlias("e2", { agent: "x" as unknown as IAgent }), `AgentAlias "e2": agent "x" ${RULE}`],
        [
            "an agent whose id is no Output",
            () => new AgentAlias("e3", { agent: { agentId: "x" } as unknown as IAgent }),
            `AgentAlias "e3": agent {"agentId":"x"} ${RULE}`,
        ],
        ["a function agent", () => new AgentAlias("e9", { agent: Object.assign(() => 0, fakeAgent()) }), `AgentAlias "e9": agent ()=>0 ${RULE}`],
        [
            "a name no alias name can be derived from",
            () => new AgentAlias("---", { agent: fakeAgent() }),
            `AgentAlias "---": agentAliasName undefined cannot be derived from the name "---"; set it (${NAME_TEXT})`,
        ],
        [
            "a bad alias name",
            () => new AgentAlias("e4", { agent: fakeAgent(), agentAliasName: "a__b" }),
            `AgentAlias "e4": agentAliasName "a__b" must match ^([0-9a-zA-Z][_-]?){1,100}$ (${NAME_TEXT})`,
        ],
        ["an empty description", () => new AgentAlias("e5", { agent: fakeAgent(), description: "" }), 'AgentAlias "e5": description "" must not be empty'],
        [
            "a following description of 169 characters",
            () => new AgentAlias("e6", { agent: fakeAgent(), description: "x".repeat(169) }),
            `AgentAlias "e6": description "${"x".repeat(169)}" must have at most 168 characters when agentVersion is unset (has 169): " [agent config <hash>]" is appended so that the alias moves to a new version when the agent changes`,
        ],
        [
            "a bad role for grantInvoke",
            () => new AgentAlias("g1", { agent: fakeAgent() }).grantInvoke("bad role!"),
            `AgentAlias "g1": grantInvoke(role) ${BAD_ROLE}`,
        ],
        ["a bad role for grantGet", () => new AgentAlias("g2", { agent: fakeAgent() }).grantGet("bad role!"), `AgentAlias "g2": grantGet(role) ${BAD_ROLE}`],
    ];
    for (const [what, fn, message] of cases) {
        it(`refuses ${what}`, () => {
            throwsExactly(fn, message);
        });
    }

    it("accepts a following description of exactly 168 characters and any length with a version", () => {
        new AgentAlias("ok1", { agent: fakeAgent(), description: "x".repeat(168) });
        new AgentAlias("ok2", { agent: fakeAgent(), agentVersion: "1", description: "x".repeat(200) });
    });
});

describe("AgentAlias: the test alias", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = setBedrockMocks({ region: "us-east-1", accountId: "123456789012" });
    });

    it("is named by opts.name, else 'agent' for an agent that is no resource", () => {
        const named = AgentAlias.testAlias(fakeAgent(), { name: "named" });
        throwsExactly(() => named.grantGet("bad role!"), `AgentAlias "named-test-alias": grantGet(role) ${BAD_ROLE}`);
        throwsExactly(() => named.grantInvoke("bad role!"), `AgentAlias "named-test-alias": grantInvoke(role) ${BAD_ROLE}`);
        const unnamed = AgentAlias.testAlias(fakeAgent());
        throwsExactly(() => unnamed.grantGet("bad role!"), `AgentAlias "agent-test-alias": grantGet(role) ${BAD_ROLE}`);
        expect(named.isTestAlias).to.equal(true);
    });

    it("is named after an agent that is a resource", () => {
        class FakeAgent extends pulumi.ComponentResource {
            readonly agentId = pulumi.output("ABCDEFGHIJ");
            readonly agentArn = pulumi.output(AGENT_ARN);
            constructor(name: string) {
                super("test:index:FakeAgent", name, {}, {});
            }
        }
        const t = AgentAlias.testAlias(new FakeAgent("fa"));
        throwsExactly(() => t.grantInvoke("bad role!"), `AgentAlias "fa-test-alias": grantInvoke(role) ${BAD_ROLE}`);
    });

    it("grants bedrock:GetAgentAlias and bedrock:InvokeAgent on TSTALIASID", async () => {
        const t = AgentAlias.testAlias(fakeAgent(), { name: "t" });
        t.grantGet("get-role");
        t.grantInvoke("invoke-role");
        await settle();
        expect(statementsForRole(rec, "get-role")).to.deep.equal([
            { Effect: "Allow", Action: ["bedrock:GetAgentAlias"], Resource: ["arn:aws:bedrock:us-east-1:123456789012:agent-alias/ABCDEFGHIJ/TSTALIASID"] },
        ]);
        expect(statementsForRole(rec, "invoke-role")).to.deep.equal([
            { Effect: "Allow", Action: ["bedrock:InvokeAgent"], Resource: ["arn:aws:bedrock:us-east-1:123456789012:agent-alias/ABCDEFGHIJ/TSTALIASID"] },
        ]);
    });

    it("fails at deploy when the agent ARN is no agent ARN", async () => {
        const t = AgentAlias.testAlias(fakeAgent(false, "arn:aws:bedrock:us-east-1:123456789012:knowledge-base/X"), { name: "kb" });
        expect(await outputError(t.aliasArn)).to.equal('kb: "arn:aws:bedrock:us-east-1:123456789012:knowledge-base/X" is not an agent ARN');
        const u = AgentAlias.testAlias(fakeAgent(false, "not an arn"), { name: "na" });
        expect(await outputError(u.aliasArn)).to.equal('na: "not an arn" is not an agent ARN');
    });
});

describe("isAgentAlias", () => {
    const alias = { symbolicArn: () => "", isTestAlias: false };
    const cases: [string, unknown, boolean][] = [
        ["an alias object", alias, true],
        ["null", null, false],
        ["a string", "alias", false],
        ["an object without isTestAlias", { symbolicArn: () => "" }, false],
        ["an object without symbolicArn", { isTestAlias: true }, false],
        ["an object whose symbolicArn is a string", { symbolicArn: "x", isTestAlias: true }, false],
        ["a function with both", Object.assign(() => 0, alias), false],
    ];
    for (const [what, v, expected] of cases) {
        it(`${expected ? "accepts" : "rejects"} ${what}`, () => {
            expect(isAgentAlias(v)).to.equal(expected);
        });
    }
});
