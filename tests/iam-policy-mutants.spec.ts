// Behaviour of components/iam/policy.ts and components/iam/region-check.ts that the other specs left
// unobserved (Stryker survivors): string order, canonical form and parsing of NotAction / NotResource and
// conditions, merge keys that must not collide, the round guard of mergeStatements, the exact fit of a
// split head, and the same-Region rules of each kind of target.
import { expect } from "chai";
import { setBedrockMocks, resolveOutput } from "../components/testing/testing";
import { canonical, compareStrings, layoutPolicies, mergeStatements, parseStatements, statementJson, type Statement } from "../components/iam/policy";
import { checkArnRegion, checkInvokableRegion, knownRegionOf, regionProblem } from "../components/iam/region-check";
import type { AccessTarget } from "../components/iam/access";
import type { IInvokable } from "../components/iam/invokable";
import { BedrockFoundationModel } from "../components/catalog/foundation-model";
import { throwsExactly } from "./support/errors";
import { INVOKE } from "./support/grants";

function allow(Action: string[], Resource: string[], Condition?: Statement["Condition"]): Statement {
    return Condition ? { Effect: "Allow", Action, Resource, Condition } : { Effect: "Allow", Action, Resource };
}

describe("iam policy mutants: compareStrings", () => {
    it("orders by UTF-16 code unit, not by locale: -1 before, 1 after, 0 for equal strings", () => {
        expect(compareStrings("a", "b")).to.equal(-1);
        expect(compareStrings("b", "a")).to.equal(1);
        expect(compareStrings("a", "a")).to.equal(0);
        // Upper case sorts before lower case by code unit ("Z" is 0x5A, "a" is 0x61).
        expect(compareStrings("Z", "a")).to.equal(-1);
        expect(compareStrings("a", "Z")).to.equal(1);
    });
});

describe("iam policy mutants: canonical form, JSON and parsing", () => {
    it("canonical keeps NotAction and NotResource, sorted and without duplicates", () => {
        const out = canonical({ Effect: "Deny", Action: [], Resource: [], NotAction: ["s3:B", "s3:A", "s3:B"], NotResource: ["arn:z", "arn:y", "arn:z"] });
        expect(out).to.deep.equal({ Effect: "Deny", Action: [], Resource: [], NotAction: ["s3:A", "s3:B"], NotResource: ["arn:y", "arn:z"] });
    });

    it("canonical orders condition operators and keys by code unit", () => {
        const out = canonical(
            allow(INVOKE, ["arn:a"], {
                StringLike: { "aws:b": ["2"], "aws:a": ["1"] },
                StringEquals: { "aws:d": ["4"], "aws:c": ["3"] },
            }),
        );
        expect(JSON.stringify(out.Condition)).to.equal('{"StringEquals":{"aws:c":["3"],"aws:d":["4"]},"StringLike":{"aws:a":["1"],"aws:b":["2"]}}');
    });

    it("canonical drops an operator without keys, and the Condition when nothing is left", () => {
        expect(canonical(allow(INVOKE, ["arn:a"], { StringEquals: {} }))).to.deep.equal(allow(INVOKE, ["arn:a"]));
        expect(canonical(allow(INVOKE, ["arn:a"], { StringEquals: {}, StringLike: { "aws:k": ["v"] } }))).to.deep.equal(
            allow(INVOKE, ["arn:a"], { StringLike: { "aws:k": ["v"] } }),
        );
        expect(canonical(allow(INVOKE, ["arn:a"], {}))).to.deep.equal(allow(INVOKE, ["arn:a"]));
    });

    it("statementJson writes NotAction instead of Action and NotResource instead of Resource", () => {
        expect(statementJson({ Effect: "Deny", Action: [], Resource: ["*"], NotAction: ["s3:GetObject"] })).to.deep.equal({
            Effect: "Deny",
            NotAction: "s3:GetObject",
            Resource: "*",
        });
        expect(statementJson({ Effect: "Deny", Action: ["s3:GetObject"], Resource: [], NotResource: ["arn:a", "arn:b"] })).to.deep.equal({
            Effect: "Deny",
            Action: "s3:GetObject",
            NotResource: ["arn:a", "arn:b"],
        });
    });

    it("parseStatements reads a document whose Statement is a single object", () => {
        expect(parseStatements({ Statement: { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:a" } })).to.deep.equal([
            allow(["s3:GetObject"], ["arn:a"]),
        ]);
    });

    it("parseStatements reads NotAction and NotResource, leaving Action and Resource empty", () => {
        expect(parseStatements('{"Statement":[{"Effect":"Deny","NotAction":"s3:GetObject","NotResource":["arn:b","arn:a"]}]}')).to.deep.equal([
            { Effect: "Deny", Action: [], Resource: [], NotAction: ["s3:GetObject"], NotResource: ["arn:a", "arn:b"] },
        ]);
    });
});

describe("iam policy mutants: mergeStatements", () => {
    it("keeps a lone statement whose resource list is empty", () => {
        expect(mergeStatements([allow(INVOKE, [])])).to.deep.equal([allow(INVOKE, [])]);
    });

    it("does not confuse action sets whose names run together (a, bc) and (ab, c)", () => {
        expect(mergeStatements([allow(["a", "bc"], ["arn:1"]), allow(["ab", "c"], ["arn:2"])])).to.deep.equal([
            allow(["a", "bc"], ["arn:1"]),
            allow(["ab", "c"], ["arn:2"]),
        ]);
    });

    it("merges condition values only for equal action lists, not for lists whose names run together", () => {
        const input = [
            allow(["a", "bc"], ["arn:1"], { StringEquals: { "aws:k": ["v1"] } }),
            allow(["ab", "c"], ["arn:1"], { StringEquals: { "aws:k": ["v2"] } }),
        ];
        expect(mergeStatements(input)).to.deep.equal(input);
    });

    it("merges condition values only for equal resource lists, not for lists whose names run together", () => {
        const input = [
            allow(["s3:A"], ["a", "bc"], { StringEquals: { "aws:k": ["v1"] } }),
            allow(["s3:A"], ["ab", "c"], { StringEquals: { "aws:k": ["v2"] } }),
        ];
        expect(mergeStatements(input)).to.deep.equal(input);
    });

    it("keeps a statement with a condition beside the same statement without one", () => {
        expect(mergeStatements([allow(INVOKE, ["arn:a"]), allow(INVOKE, ["arn:a"], { StringEquals: { "aws:k": ["v"] } })])).to.deep.equal([
            allow(INVOKE, ["arn:a"], { StringEquals: { "aws:k": ["v"] } }),
            allow(INVOKE, ["arn:a"]),
        ]);
    });

    it("does not merge values of two different keys under one operator", () => {
        expect(
            mergeStatements([
                allow(INVOKE, ["arn:a"], { StringEquals: { "aws:k1": ["v1"] } }),
                allow(INVOKE, ["arn:a"], { StringEquals: { "aws:k2": ["v2"] } }),
            ]),
        ).to.deep.equal([allow(INVOKE, ["arn:a"], { StringEquals: { "aws:k1": ["v1"] } }), allow(INVOKE, ["arn:a"], { StringEquals: { "aws:k2": ["v2"] } })]);
    });

    it("merges the one differing key when another key holds equal lists of several values", () => {
        expect(
            mergeStatements([
                allow(INVOKE, ["arn:a"], { StringEquals: { "aws:k1": ["x", "y"], "aws:k2": ["v1"] } }),
                allow(INVOKE, ["arn:a"], { StringEquals: { "aws:k1": ["x", "y"], "aws:k2": ["v2"] } }),
            ]),
        ).to.deep.equal([allow(INVOKE, ["arn:a"], { StringEquals: { "aws:k1": ["x", "y"], "aws:k2": ["v1", "v2"] } })]);
    });

    it("merges the other statements and keeps those with NotAction or NotResource as they are", () => {
        const notAction: Statement = { Effect: "Deny", Action: [], Resource: ["*"], NotAction: ["s3:B", "s3:A", "s3:B"] };
        const notResource: Statement = { Effect: "Deny", Action: ["s3:GetObject"], Resource: [], NotResource: ["arn:z", "arn:y"] };
        expect(mergeStatements([allow(INVOKE, ["arn:b"]), notAction, allow(INVOKE, ["arn:a"]), notResource])).to.deep.equal([
            allow(INVOKE, ["arn:a", "arn:b"]),
            { Effect: "Deny", Action: ["s3:GetObject"], Resource: [], NotResource: ["arn:y", "arn:z"] },
            { Effect: "Deny", Action: [], Resource: ["*"], NotAction: ["s3:A", "s3:B"] },
        ]);
    });

    it("stops after 32 rounds: of a chain of 33 merges, each enabled by the one before, the last is left undone", () => {
        // Round i merges the value w<i> into the statement on r00..r<i>, whose condition then equals that of
        // the statement on r<i+1>, so the resources join and the statement of w<i+1> matches next round.
        const res = (n: number) => `r${String(n).padStart(2, "0")}`;
        const val = (n: number) => `w${String(n).padStart(2, "0")}`;
        const input = [allow(["s3:A"], [res(0)], { StringEquals: { K: ["v"] } })];
        for (let i = 0; i < 33; i++) {
            input.push(
                allow(
                    ["s3:A"],
                    Array.from({ length: i + 1 }, (_, j) => res(j)),
                    { StringEquals: { K: [val(i)] } },
                ),
            );
            input.push(allow(["s3:A"], [res(i + 1)], { StringEquals: { K: ["v", ...Array.from({ length: i + 1 }, (_, j) => val(j))] } }));
        }
        const R00_R32 = ["r00", "r01", "r02", "r03", "r04", "r05", "r06", "r07", "r08", "r09", "r10", "r11", "r12", "r13", "r14", "r15", "r16"].concat([
            "r17",
            "r18",
            "r19",
            "r20",
            "r21",
            "r22",
            "r23",
            "r24",
            "r25",
            "r26",
            "r27",
            "r28",
            "r29",
            "r30",
            "r31",
            "r32",
        ]);
        const V_W31 = ["v", "w00", "w01", "w02", "w03", "w04", "w05", "w06", "w07", "w08", "w09", "w10", "w11", "w12", "w13", "w14", "w15"].concat([
            "w16",
            "w17",
            "w18",
            "w19",
            "w20",
            "w21",
            "w22",
            "w23",
            "w24",
            "w25",
            "w26",
            "w27",
            "w28",
            "w29",
            "w30",
            "w31",
        ]);
        expect(mergeStatements(input)).to.deep.equal([
            allow(["s3:A"], R00_R32, { StringEquals: { K: V_W31 } }),
            allow(["s3:A"], R00_R32, { StringEquals: { K: ["w32"] } }),
            allow(["s3:A"], ["r33"], { StringEquals: { K: [...V_W31, "w32"] } }),
        ]);
    });
});

describe("iam policy mutants: layoutPolicies", () => {
    it("puts a head of the resource list that fills the room exactly into the inline policy", () => {
        // {"Version":"2012-10-17","Statement":[]} is 39 characters, the head on arn:a and arn:b 78: 117 in all.
        const s = allow(["bedrock:InvokeModel"], ["arn:a", "arn:b", "arn:c"]);
        expect(layoutPolicies([s], { inline: 117, managed: 1000 })).to.deep.equal({
            inline: [allow(["bedrock:InvokeModel"], ["arn:a", "arn:b"])],
            managed: [[allow(["bedrock:InvokeModel"], ["arn:c"])]],
        });
        expect(layoutPolicies([s], { inline: 116, managed: 1000 })).to.deep.equal({
            inline: [allow(["bedrock:InvokeModel"], ["arn:a"])],
            managed: [[allow(["bedrock:InvokeModel"], ["arn:b", "arn:c"])]],
        });
    });
});

const EU_PROFILE = "eu.anthropic.claude-3-haiku-20240307-v1:0";
const EU_SOURCES = "eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-2, eu-west-3";

function systemProfile(sourceRegion: string, arn: string): AccessTarget {
    return { kind: "system-profile", arn, partition: "aws", sourceRegion, modelId: "m.x", destinationRegions: [], global: false };
}
function appProfile(arn: string, source?: AccessTarget & { kind: "foundation-model" }): AccessTarget {
    return { kind: "application-profile", arn, arnPattern: "«pattern»", partition: "aws", source };
}
function router(arn: string): AccessTarget {
    return { kind: "prompt-router", arn, routed: [] };
}
/** An invokable of the program's own making: only `accessTarget` is read by the Region check. */
function invokable(accessTarget: () => AccessTarget): IInvokable {
    return { accessTarget } as unknown as IInvokable;
}

describe("iam region-check mutants: knownRegionOf", () => {
    it("a foundation model: known with a plain Region, not with a placeholder", () => {
        expect(knownRegionOf({ kind: "foundation-model", partition: "aws", region: "eu-west-1", modelId: "m.x" })).to.equal(true);
        expect(knownRegionOf({ kind: "foundation-model", partition: "aws", region: "«region»", modelId: "m.x" })).to.equal(false);
    });

    it("a system profile: its source Region decides, not the Region of its ARN", () => {
        expect(knownRegionOf(systemProfile("eu-west-1", `arn:aws:bedrock:«region»:123456789012:inference-profile/${EU_PROFILE}`))).to.equal(true);
        expect(knownRegionOf(systemProfile("«region»", `arn:aws:bedrock:eu-west-1:123456789012:inference-profile/${EU_PROFILE}`))).to.equal(false);
    });

    it("an application profile or a prompt router: the Region of its ARN decides; a placeholder ARN is not known", () => {
        expect(knownRegionOf(appProfile("arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/abcdefghij12"))).to.equal(true);
        expect(knownRegionOf(appProfile("arn:aws:bedrock:«region»:123456789012:application-inference-profile/abcdefghij12"))).to.equal(false);
        expect(knownRegionOf(appProfile("«application-inference-profile/x»"))).to.equal(false);
        expect(knownRegionOf(router("arn:aws:bedrock:eu-west-1:123456789012:default-prompt-router/anthropic.claude:1"))).to.equal(true);
    });

    it("an ARN with an empty Region is not known", () => {
        expect(knownRegionOf(appProfile("arn:aws:bedrock::123456789012:application-inference-profile/abcdefghij12"))).to.equal(false);
        expect(regionProblem(appProfile("arn:aws:bedrock::123456789012:application-inference-profile/abcdefghij12"), "us-east-1")).to.equal(undefined);
    });
});

describe("iam region-check mutants: regionProblem", () => {
    it("a foundation model whose Region is a placeholder has no problem", () => {
        expect(regionProblem({ kind: "foundation-model", partition: "aws", region: "«region»", modelId: "m.x" }, "us-east-1")).to.equal(undefined);
    });

    it("a system profile of unknown source Region: judged by its geography's source Regions", () => {
        const t = systemProfile("«region»", `arn:aws:bedrock:«region»:123456789012:inference-profile/${EU_PROFILE}`);
        expect(regionProblem(t, "eu-west-1")).to.equal(undefined);
        expect(regionProblem(t, "us-east-1")).to.equal(`is a system-defined eu. profile, callable only from ${EU_SOURCES}`);
    });

    it("a system profile of unknown source Region whose id names no geography has no problem", () => {
        expect(regionProblem(systemProfile("«region»", "arn:aws:bedrock:«region»:123456789012:inference-profile/zz.anthropic.claude-x"), "us-east-1")).to.equal(
            undefined,
        );
        expect(regionProblem(systemProfile("«region»", "arn:aws:bedrock:«region»:123456789012:inference-profile/nodot"), "us-east-1")).to.equal(undefined);
    });

    it("a global profile called from outside the commercial partition names the commercial Regions", () => {
        const t = systemProfile("«region»", "arn:aws:bedrock:«region»:123456789012:inference-profile/global.anthropic.claude-sonnet-4-5-20250929-v1:0");
        expect(regionProblem(t, "cn-north-1")).to.equal("is a system-defined global. profile, callable only from the commercial Regions");
    });

    it("an application profile of placeholder ARN and unknown source has no problem", () => {
        expect(regionProblem(appProfile("«application-inference-profile/x»"), "us-east-1")).to.equal(undefined);
    });

    it("a prompt router: a problem in another Region, none in its own or when its Region is not known", () => {
        const arn = "arn:aws:bedrock:eu-west-1:123456789012:default-prompt-router/anthropic.claude:1";
        expect(regionProblem(router(arn), "us-east-1")).to.equal("is a prompt router in Region eu-west-1");
        expect(regionProblem(router(arn), "eu-west-1")).to.equal(undefined);
        expect(regionProblem(router("arn:aws:bedrock:«region»:123456789012:default-prompt-router/anthropic.claude:1"), "us-east-1")).to.equal(undefined);
        expect(regionProblem(router("«prompt-router/x»"), "us-east-1")).to.equal(undefined);
    });
});

describe("iam region-check mutants: checkInvokableRegion and checkArnRegion", () => {
    const where = { component: "Agent", name: "agent" };

    before(() => {
        setBedrockMocks({ region: "eu-west-1", config: { "aws-native:region": "eu-west-1" } });
    });

    it("accepts a foundation model whatever the Region: its ARN is built in the Region of its user", () => {
        // The model's target is in the configured Region, eu-west-1: only the kind of model lets it pass.
        expect(BedrockFoundationModel.AMAZON_NOVA_MICRO_V1.accessTarget().region).to.equal("eu-west-1");
        expect(() => checkInvokableRegion(where, "foundationModel", BedrockFoundationModel.AMAZON_NOVA_MICRO_V1, "us-east-1")).not.to.throw();
    });

    it("does not ask an invokable for its target when the Region is not known", () => {
        const unasked = invokable(() => {
            throw new Error("accessTarget was called");
        });
        expect(() => checkInvokableRegion(where, "foundationModel", unasked, undefined)).not.to.throw();
    });

    it("names a program's invokable on a foundation model by its model id", () => {
        const model = invokable(() => ({ kind: "foundation-model", partition: "aws", region: "eu-west-1", modelId: "acme.custom-v1" }));
        throwsExactly(
            () => checkInvokableRegion(where, "foundationModel", model, "us-east-1"),
            'Agent "agent": foundationModel "acme.custom-v1" is a foundation model in Region eu-west-1, but Agent is in us-east-1: Bedrock uses a model, profile or router only in its own Region',
        );
    });

    it("names an application profile of placeholder ARN by its kind", () => {
        const model = invokable(() =>
            appProfile("arn:aws:bedrock:«region»:123456789012:application-inference-profile/«app-id»", {
                kind: "foundation-model",
                partition: "aws",
                region: "eu-west-1",
                modelId: "m.x",
            }),
        );
        throwsExactly(
            () => checkInvokableRegion(where, "foundationModel", model, "us-east-1"),
            'Agent "agent": foundationModel "<application-profile>" is an application profile whose source is a foundation model in Region eu-west-1, but Agent is in us-east-1: Bedrock uses a model, profile or router only in its own Region',
        );
    });

    it("checkArnRegion passes a value that is not an ARN", async () => {
        expect(await resolveOutput(checkArnRegion(where, "foundationModel", "not-an-arn", "us-east-1"))).to.equal("not-an-arn");
    });
});
