import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { setBedrockMocks, settle } from "../components/testing/testing";
import {
    BedrockValidationError,
    checkArgs,
    checkNumber,
    checkString,
    fail,
    normalizeTags,
    numberProblem,
    show,
    stringProblem,
} from "../components/core/validation";
import { maxLength, resolveSymbols, symbolic, toOutput } from "../components/core/symbols";
import { gapMessage, warnGap } from "../components/core/gaps";
import { programSequence } from "../components/core/program-state";
import { resourceName } from "../components/core/resource-name";
import { AWS_INVOKE_TOKENS, awsCallerContext } from "../components/core/context";
import { captureLogs } from "./support/logs";
import { outputError, thrown, throwsExactly } from "./support/errors";

const where = { component: "Thing", name: "t" };

async function valueOf<T>(o: pulumi.Output<T>): Promise<T> {
    return (o as unknown as { promise(): Promise<T> }).promise();
}

describe("core helpers", () => {
    beforeEach(() => {
        setBedrockMocks({ region: "us-east-1" });
    });

    describe("show (a value in a message)", () => {
        it("shows undefined, numbers, booleans and null as text, strings quoted", () => {
            expect(show(undefined)).to.equal("undefined");
            expect(show(5)).to.equal("5");
            expect(show(NaN)).to.equal("NaN");
            expect(show(-Infinity)).to.equal("-Infinity");
            expect(show(true)).to.equal("true");
            expect(show(false)).to.equal("false");
            expect(show(null)).to.equal("null");
            expect(show("a")).to.equal('"a"');
        });
        it("shows objects as JSON, cut to 120 characters", () => {
            const exact = { k: "x".repeat(112) }; // {"k":"..."} is 120 characters
            expect(show(exact)).to.equal(`{"k":"${"x".repeat(112)}"}`);
            const long = { k: "x".repeat(113) };
            expect(show(long)).to.equal(`{"k":"${"x".repeat(111)}...`);
        });
    });

    describe("fail", () => {
        it("throws a BedrockValidationError named so, with the whole message", () => {
            const e = throwsExactly(() => fail(where, "arg", 3, "must be small"), 'Thing "t": arg 3 must be small', BedrockValidationError);
            expect(e.name).to.equal("BedrockValidationError");
            throwsExactly(() => fail({ component: "Thing" }, "arg", null, "must be set"), "Thing: arg null must be set");
        });
        it("keeps at least 50 stack frames and puts the limit back", () => {
            const before = Error.stackTraceLimit;
            Error.stackTraceLimit = 10;
            try {
                const deep = (n: number): unknown => (n === 0 ? thrown(() => fail(where, "a", 1, "r")) : deep(n - 1));
                const e = deep(40) as Error;
                expect((e.stack ?? "").split("\n").filter((l) => l.trim().startsWith("at ")).length).to.equal(50);
                expect(Error.stackTraceLimit).to.equal(10);
            } finally {
                Error.stackTraceLimit = before;
            }
        });
    });

    describe("stringProblem and checkString", () => {
        it("checks the lengths only when the rule sets them", () => {
            expect(stringProblem("abc", {})).to.equal(undefined);
            expect(stringProblem("a", { min: 2 })).to.equal("must have at least 2 characters (has 1)");
            expect(stringProblem("ab", { min: 2 })).to.equal(undefined);
            expect(stringProblem("abcd", { max: 3 })).to.equal("must have at most 3 characters (has 4)");
            expect(stringProblem(null, {})).to.equal("is required");
            expect(stringProblem(/a/, { pattern: /^b$/ })).to.equal("must be a string");
            expect(stringProblem("a", { pattern: /^b$/ })).to.equal("must match ^b$");
            expect(stringProblem("a", { pattern: /^b$/, patternText: "only b" })).to.equal("must match ^b$ (only b)");
        });
        it("returns a plain string as it is and refuses a non-string synchronously", () => {
            expect(checkString(where, "a", "abc", {})).to.equal("abc");
            throwsExactly(() => checkString(where, "a", {} as unknown as string, {}), 'Thing "t": a {} must be a string');
            // A function is not JSON: show falls back to its source text.
            const fn = Object.assign(() => 1, { then: () => 1 });
            throwsExactly(() => checkString(where, "a", fn as unknown as string, {}), 'Thing "t": a ()=>1 must be a string');
        });
        it("checks a promise at deploy time", async () => {
            const o = checkString(where, "a", Promise.resolve("") as unknown as string, { min: 1 });
            expect(await outputError(o)).to.equal('Thing "t": a "" must not be empty');
        });
    });

    describe("numberProblem and checkNumber", () => {
        it("checks each bound only when the rule sets it", () => {
            expect(numberProblem(null, {})).to.equal("is required");
            expect(numberProblem(null, { optional: true })).to.equal(undefined);
            expect(numberProblem(5, { min: 1 })).to.equal(undefined);
            expect(numberProblem(5, { max: 10 })).to.equal(undefined);
            expect(numberProblem(0, { min: 1 })).to.equal("must be at least 1");
            expect(numberProblem(11, { max: 10 })).to.equal("must be at most 10");
            expect(numberProblem(11, { min: 1, max: 10 })).to.equal("must be between 1 and 10");
        });
        it("checks an Output at deploy time", async () => {
            expect(await valueOf(checkNumber(where, "n", pulumi.output(5), { max: 10 }) as pulumi.Output<number>)).to.equal(5);
            expect(await outputError(checkNumber(where, "n", pulumi.output(11), { max: 10 }))).to.equal('Thing "t": n 11 must be at most 10');
        });
    });

    describe("checkArgs", () => {
        it("refuses missing or non-object arguments", () => {
            const rule = "is required (an object with the component's arguments)";
            throwsExactly(() => checkArgs(where, undefined), `Thing "t": args undefined ${rule}`);
            throwsExactly(() => checkArgs(where, null), `Thing "t": args null ${rule}`);
            throwsExactly(() => checkArgs(where, 5), `Thing "t": args 5 ${rule}`);
            expect(checkArgs(where, {})).to.equal(undefined);
        });
    });

    describe("normalizeTags", () => {
        it("refuses a list entry that is not an object", () => {
            throwsExactly(() => normalizeTags(where, [null] as never), 'Thing "t": tags[0] null must be an object { key, value }');
        });
        it("takes 200 tags and refuses 201", () => {
            const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
            expect(normalizeTags(where, tags(200))).to.have.length(200);
            throwsExactly(() => normalizeTags(where, tags(201)), 'Thing "t": tags "201 tags" must hold at most 200 tags');
        });
        it("sorts the tags by key", () => {
            const out = normalizeTags(where, { e: "5", d: "4", c: "3", b: "2", a: "1", f: "6" });
            expect(out).to.deep.equal([
                { key: "a", value: "1" },
                { key: "b", value: "2" },
                { key: "c", value: "3" },
                { key: "d", value: "4" },
                { key: "e", value: "5" },
                { key: "f", value: "6" },
            ]);
        });
    });

    describe("symbols", () => {
        it("returns a plain string as it is", () => {
            expect(symbolic("abc", "label", 5)).to.equal("abc");
        });
        it("names placeholders by label without guillemets, numbering repeats", () => {
            expect(symbolic(pulumi.output("v1"), "\u00abx\u00bb", 3)).to.equal("\u00abx\u00bb");
            expect(symbolic(pulumi.output("v2"), "x", 4)).to.equal("\u00abx#2\u00bb");
            expect(maxLength("a\u00abx\u00bb\u00abx#2\u00bb")).to.equal(8);
            expect(maxLength("abc")).to.equal(3);
        });
        it("resolves placeholders as they are, escaped for JSON only when asked", async () => {
            const token = symbolic(pulumi.output('say "hi"'), "quote", 8);
            expect(await valueOf(toOutput(`<${token}>`))).to.equal('<say "hi">');
            expect(await valueOf(resolveSymbols(`<${token}>`))).to.equal('<say "hi">');
            expect(await valueOf(resolveSymbols(`<${token}>`, true))).to.equal('<say \\"hi\\">');
        });
        it("refuses an unknown placeholder", () => {
            throwsExactly(() => maxLength("\u00abnope\u00bb"), "internal error: unknown placeholder \u00abnope\u00bb");
        });
    });

    describe("gaps", () => {
        it("names the component, with its name when it has one", () => {
            const tail = "; accepted as declared. If AWS serves it, declare it in the program to silence this warning: fix()";
            expect(gapMessage(where, "gap", "fix()")).to.equal(`Thing "t": gap${tail}`);
            expect(gapMessage({ component: "Thing" }, "gap", "fix()")).to.equal(`Thing: gap${tail}`);
        });
        it("warns once per gap", async () => {
            const logs = captureLogs();
            try {
                warnGap(where, "gap one", "fix1()");
                warnGap(where, "gap one", "fix1()");
                warnGap(where, "gap two", "fix2()");
                await settle();
            } finally {
                logs.restore();
            }
            const tail = "; accepted as declared. If AWS serves it, declare it in the program to silence this warning: ";
            expect(logs.warn).to.deep.equal([`Thing "t": gap one${tail}fix1()`, `Thing "t": gap two${tail}fix2()`]);
        });
    });

    describe("program state and resource names", () => {
        it("numbers a sequence 1, 2, ...", () => {
            expect(programSequence("core-spec")).to.equal(1);
            expect(programSequence("core-spec")).to.equal(2);
        });
        it("has no name for no resource", () => {
            expect(resourceName(undefined)).to.equal(undefined);
        });
    });

    describe("caller context from the provider's invokes", () => {
        it("takes the first non-empty field and refuses an answer without one", async () => {
            await pulumi.runtime.setMocks(
                {
                    newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
                    call: (args) =>
                        args.token === AWS_INVOKE_TOKENS.region
                            ? { region: "", name: "us-west-2" }
                            : args.token === AWS_INVOKE_TOKENS.partition
                              ? { partition: "aws" }
                              : {},
                },
                "project",
                "stack",
                false,
            );
            const ctx = awsCallerContext();
            expect(await valueOf(ctx.region)).to.equal("us-west-2");
            expect(await valueOf(ctx.partition)).to.equal("aws");
            expect(await outputError(ctx.account)).to.equal(
                'The aws:index/getCallerIdentity:getCallerIdentity invoke returned no accountId; a Pulumi mock must answer it with { accountId: "..." }.',
            );
        });
    });
});
