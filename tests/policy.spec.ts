// Merging, measuring and splitting IAM statements as pure functions (components/iam/policy.ts).
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { setBedrockMocks } from "../components/testing/testing";
import {
    canonical,
    IAM_LIMITS,
    layoutPolicies,
    mergeStatements,
    policyJson,
    policySize,
    statementJson,
    statementSize,
    type Statement,
} from "../components/iam/policy";
import { symbolic } from "../components/core/symbols";
import { throwsExactly } from "./support/errors";
import { INVOKE } from "./support/grants";
import { sameMeaning } from "./support/iam-eval";

const KEY = "bedrock:InferenceProfileArn";

function allow(Action: string[], Resource: string[], Condition?: Statement["Condition"]): Statement {
    return Condition ? { Effect: "Allow", Action, Resource, Condition } : { Effect: "Allow", Action, Resource };
}
function deny(Action: string[], Resource: string[], Condition?: Statement["Condition"]): Statement {
    return { ...allow(Action, Resource, Condition), Effect: "Deny" };
}

/** A deterministic permutation generator (mulberry32). */
function shuffled<T>(items: T[], seed: number): T[] {
    let t = seed >>> 0;
    const rnd = () => {
        t = (t + 0x6d2b79f5) >>> 0;
        let x = Math.imul(t ^ (t >>> 15), 1 | t);
        x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
        return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
}

function fm(region: string, model: string): string {
    return `arn:aws:bedrock:${region}::foundation-model/${model}`;
}
function app(id: string): string {
    return `arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/${id}`;
}

describe("policy: mergeStatements", () => {
    const cases: { name: string; input: Statement[]; expected: Statement[] }[] = [
        {
            name: "equal actions and no conditions: one statement listing all resources, sorted",
            input: [allow(INVOKE, ["arn:b"]), allow(INVOKE, ["arn:a"]), allow(INVOKE, ["arn:c", "arn:a"])],
            expected: [allow(INVOKE, ["arn:a", "arn:b", "arn:c"])],
        },
        {
            name: "equal resources and conditions: one statement listing all actions",
            input: [allow(["bedrock:InvokeModel"], ["arn:a"]), allow(["bedrock:GetInferenceProfile"], ["arn:a"])],
            expected: [allow(["bedrock:GetInferenceProfile", "bedrock:InvokeModel"], ["arn:a"])],
        },
        {
            name: "equal actions and equal conditions: resources merge, the condition stays",
            input: [allow(INVOKE, ["arn:b"], { StringEquals: { [KEY]: ["p"] } }), allow(INVOKE, ["arn:a"], { StringEquals: { [KEY]: ["p"] } })],
            expected: [allow(INVOKE, ["arn:a", "arn:b"], { StringEquals: { [KEY]: ["p"] } })],
        },
        {
            name: "StringEquals values of the one differing key merge (an exact OR)",
            input: [allow(INVOKE, ["arn:m"], { StringEquals: { [KEY]: ["p2"] } }), allow(INVOKE, ["arn:m"], { StringEquals: { [KEY]: ["p1"] } })],
            expected: [allow(INVOKE, ["arn:m"], { StringEquals: { [KEY]: ["p1", "p2"] } })],
        },
        {
            name: "StringEqualsIfExists values merge (absent or in A, or absent or in B)",
            input: [
                allow(INVOKE, ["arn:m"], { StringEqualsIfExists: { [KEY]: ["p1"] } }),
                allow(INVOKE, ["arn:m"], { StringEqualsIfExists: { [KEY]: ["p2"] } }),
            ],
            expected: [allow(INVOKE, ["arn:m"], { StringEqualsIfExists: { [KEY]: ["p1", "p2"] } })],
        },
        {
            name: "values merge when the other keys are equal",
            input: [
                allow(INVOKE, ["arn:g"], { StringEquals: { "aws:RequestedRegion": ["unspecified"], [KEY]: ["p1"] } }),
                allow(INVOKE, ["arn:g"], { StringEquals: { "aws:RequestedRegion": ["unspecified"], [KEY]: ["p2"] } }),
            ],
            expected: [allow(INVOKE, ["arn:g"], { StringEquals: { "aws:RequestedRegion": ["unspecified"], [KEY]: ["p1", "p2"] } })],
        },
        {
            name: "two differing keys do not merge (that would allow the cross pairs)",
            input: [
                allow(INVOKE, ["arn:g"], { StringEquals: { "aws:RequestedRegion": ["r1"], [KEY]: ["p1"] } }),
                allow(INVOKE, ["arn:g"], { StringEquals: { "aws:RequestedRegion": ["r2"], [KEY]: ["p2"] } }),
            ],
            expected: [
                allow(INVOKE, ["arn:g"], { StringEquals: { "aws:RequestedRegion": ["r1"], [KEY]: ["p1"] } }),
                allow(INVOKE, ["arn:g"], { StringEquals: { "aws:RequestedRegion": ["r2"], [KEY]: ["p2"] } }),
            ],
        },
        {
            name: "StringNotEquals values do not merge (a list means none of them)",
            input: [allow(INVOKE, ["arn:m"], { StringNotEquals: { [KEY]: ["p1"] } }), allow(INVOKE, ["arn:m"], { StringNotEquals: { [KEY]: ["p2"] } })],
            expected: [allow(INVOKE, ["arn:m"], { StringNotEquals: { [KEY]: ["p1"] } }), allow(INVOKE, ["arn:m"], { StringNotEquals: { [KEY]: ["p2"] } })],
        },
        {
            name: "ForAllValues values do not merge (every value must match the one list)",
            input: [
                allow(INVOKE, ["arn:m"], { "ForAllValues:StringEquals": { "aws:TagKeys": ["a"] } }),
                allow(INVOKE, ["arn:m"], { "ForAllValues:StringEquals": { "aws:TagKeys": ["b"] } }),
            ],
            expected: [
                allow(INVOKE, ["arn:m"], { "ForAllValues:StringEquals": { "aws:TagKeys": ["a"] } }),
                allow(INVOKE, ["arn:m"], { "ForAllValues:StringEquals": { "aws:TagKeys": ["b"] } }),
            ],
        },
        {
            name: "a condition and no condition do not merge",
            input: [allow(INVOKE, ["arn:m"]), allow(INVOKE, ["arn:n"], { StringEquals: { [KEY]: ["p"] } })],
            expected: [allow(INVOKE, ["arn:m"]), allow(INVOKE, ["arn:n"], { StringEquals: { [KEY]: ["p"] } })],
        },
        {
            name: "the same key under different operators does not merge",
            input: [allow(INVOKE, ["arn:m"], { StringEquals: { [KEY]: ["p1"] } }), allow(INVOKE, ["arn:m"], { StringLike: { [KEY]: ["p2"] } })],
            expected: [allow(INVOKE, ["arn:m"], { StringEquals: { [KEY]: ["p1"] } }), allow(INVOKE, ["arn:m"], { StringLike: { [KEY]: ["p2"] } })],
        },
        {
            name: "Allow and Deny never merge; Deny statements merge among themselves",
            input: [allow(INVOKE, ["arn:a"]), deny(INVOKE, ["arn:b"]), deny(INVOKE, ["arn:c"])],
            expected: [allow(INVOKE, ["arn:a"]), deny(INVOKE, ["arn:b", "arn:c"])],
        },
        {
            name: "duplicates collapse",
            input: [allow(INVOKE, ["arn:a"]), allow(INVOKE, ["arn:a"]), allow([...INVOKE].reverse(), ["arn:a", "arn:a"])],
            expected: [allow(INVOKE, ["arn:a"])],
        },
        {
            name: "usage and invoke on the same profiles share one statement; per-model conditions share one value list",
            input: [
                allow(["bedrock:GetInferenceProfile"], [app("a1"), "arn:sys-x"]),
                allow(["bedrock:ListInferenceProfiles"], ["*"]),
                allow(INVOKE, [app("a1"), "arn:sys-x"]),
                allow(INVOKE, [fm("us-east-1", "x"), fm("us-west-2", "x")], { StringEquals: { [KEY]: [app("a1"), "arn:sys-x"] } }),
                allow(["bedrock:GetInferenceProfile"], [app("a2"), "arn:sys-x"]),
                allow(["bedrock:ListInferenceProfiles"], ["*"]),
                allow(INVOKE, [app("a2"), "arn:sys-x"]),
                allow(INVOKE, [fm("us-east-1", "x"), fm("us-west-2", "x")], { StringEquals: { [KEY]: [app("a2"), "arn:sys-x"] } }),
                allow(INVOKE, [app("b1"), "arn:sys-y"]),
                allow(INVOKE, [fm("us-east-1", "y"), fm("us-west-2", "y")], { StringEquals: { [KEY]: [app("b1"), "arn:sys-y"] } }),
            ],
            expected: [
                allow(["bedrock:GetInferenceProfile", ...INVOKE], [app("a1"), app("a2"), "arn:sys-x"]),
                allow(["bedrock:ListInferenceProfiles"], ["*"]),
                allow(INVOKE, [app("b1"), "arn:sys-y"]),
                allow(INVOKE, [fm("us-east-1", "x"), fm("us-west-2", "x")], { StringEquals: { [KEY]: [app("a1"), app("a2"), "arn:sys-x"] } }),
                allow(INVOKE, [fm("us-east-1", "y"), fm("us-west-2", "y")], { StringEquals: { [KEY]: [app("b1"), "arn:sys-y"] } }),
            ],
        },
    ];

    for (const c of cases) {
        it(c.name, () => {
            const merged = mergeStatements(c.input);
            // Compare as sets of canonical statements, then check the order is the sorted one.
            expect([...merged].map((s) => JSON.stringify(s)).sort()).to.deep.equal(c.expected.map((s) => JSON.stringify(canonical(s))).sort());
            expect(mergeStatements(merged)).to.deep.equal(merged);
            sameMeaning(c.input, merged);
        });
    }

    it("gives the same statements, in the same order, for every order of the input", () => {
        const input = cases.flatMap((c) => c.input);
        const reference = policyJson(mergeStatements(input));
        for (let seed = 1; seed <= 50; seed++) {
            expect(policyJson(mergeStatements(shuffled(input, seed))), `seed ${seed}`).to.equal(reference);
        }
        // All orders of a small set, including the one that chains two merges.
        const small = cases[cases.length - 1].input.slice(0, 5);
        const perms = (xs: Statement[]): Statement[][] =>
            xs.length <= 1 ? [xs] : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
        const ref = policyJson(mergeStatements(small));
        for (const p of perms(small)) expect(policyJson(mergeStatements(p))).to.equal(ref);
    });

    it("keeps the meaning of a mixed set (checked on every request built from its values)", () => {
        const input = [
            ...cases.flatMap((c) => c.input).filter((s) => !Object.keys(s.Condition ?? {}).some((op) => op.startsWith("ForAllValues:"))),
            allow(["s3:GetObject"], ["arn:m"], { NumericLessThan: { "aws:MultiFactorAuthAge": ["3600"] } }),
        ];
        sameMeaning(input, mergeStatements(input));
    });
});

describe("policy: sizes", () => {
    before(() => {
        setBedrockMocks({});
    });

    it("measures the compact JSON, single values written as strings", () => {
        const s = allow(["bedrock:ListInferenceProfiles"], ["*"]);
        expect(policyJson([s])).to.equal('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"bedrock:ListInferenceProfiles","Resource":"*"}]}');
        expect(policySize([s])).to.equal(policyJson([s]).length);
        expect(statementSize(s)).to.equal(JSON.stringify(statementJson(s)).length);
        expect(policySize([])).to.equal('{"Version":"2012-10-17","Statement":[]}'.length);
    });

    it("measures a placeholder at its maximum length, not at the length of its label", () => {
        const id = symbolic(pulumi.output("abc"), "sizes-test-id", 12);
        expect(id).to.equal("\u00absizes-test-id\u00bb");
        const s = allow(INVOKE, [`arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/${id}`]);
        const plain = allow(INVOKE, [app("x".repeat(12))]);
        expect(statementSize(s)).to.equal(statementSize(plain));
        expect(policySize([s])).to.equal(policySize([plain]));
    });
});

/** A statement whose one resource makes its JSON exactly `size` characters. */
function statementOfSize(size: number, prefix = "arn:r"): Statement {
    const base = statementSize(allow(["a:b"], [prefix]));
    return allow(["a:b"], [prefix + "x".repeat(size - base)]);
}

const EMPTY = policySize([]);

describe("policy: layoutPolicies", () => {
    const cases: { name: string; sizes: number[]; inline?: number; inlineCount: number; managedCounts: number[] }[] = [
        // A document of one statement is EMPTY + size characters; each further statement adds a comma.
        { name: "exactly the inline limit stays inline", sizes: [IAM_LIMITS.inlinePerRole - EMPTY], inlineCount: 1, managedCounts: [] },
        {
            name: "one character over the inline limit goes to a managed policy",
            sizes: [IAM_LIMITS.inlinePerRole - EMPTY - 2000, 2000],
            inlineCount: 1,
            managedCounts: [1],
        },
        {
            name: "two statements filling the inline limit exactly, comma included",
            sizes: [5000, IAM_LIMITS.inlinePerRole - EMPTY - 5000 - 1],
            inlineCount: 2,
            managedCounts: [],
        },
        { name: "an inline budget already used by other grants", sizes: [3000], inline: 3000 + EMPTY - 1, inlineCount: 0, managedCounts: [1] },
        { name: "an inline budget that fits exactly", sizes: [3000], inline: 3000 + EMPTY, inlineCount: 1, managedCounts: [] },
        { name: "no inline budget at all", sizes: [100, 100], inline: 0, inlineCount: 0, managedCounts: [2] },
        {
            name: "exactly the managed limit fills one managed policy",
            sizes: [IAM_LIMITS.inlinePerRole - EMPTY, IAM_LIMITS.managedPolicy - EMPTY],
            inlineCount: 1,
            managedCounts: [1],
        },
        {
            name: "one character over the managed limit opens another",
            sizes: [IAM_LIMITS.inlinePerRole - EMPTY, IAM_LIMITS.managedPolicy - EMPTY - 100, 100],
            inlineCount: 1,
            managedCounts: [1, 1],
        },
    ];
    for (const c of cases) {
        it(c.name, () => {
            const statements = c.sizes.map((n, i) => statementOfSize(n, `arn:r${i}`));
            const layout = layoutPolicies(statements, c.inline === undefined ? {} : { inline: c.inline });
            expect(layout.inline.length).to.equal(c.inlineCount);
            expect(layout.managed.map((m) => m.length)).to.deep.equal(c.managedCounts);
            if (layout.inline.length > 0) expect(policySize(layout.inline)).to.be.at.most(c.inline ?? IAM_LIMITS.inlinePerRole);
            for (const m of layout.managed) expect(policySize(m)).to.be.at.most(IAM_LIMITS.managedPolicy);
            expect([...layout.inline, ...layout.managed.flat()]).to.deep.equal(statements);
        });
    }

    it("splits a resource list where it stops fitting: every resource exactly once, each policy within its limit", () => {
        const resources = Array.from({ length: 400 }, (_, i) => app(`p${String(i).padStart(11, "0")}`));
        const s = canonical(allow(INVOKE, resources));
        const layout = layoutPolicies([s]);
        const docs = [layout.inline, ...layout.managed];
        expect(docs.map((d) => d.length)).to.deep.equal(docs.map(() => 1));
        expect(policySize(layout.inline)).to.be.within(IAM_LIMITS.inlinePerRole - 90, IAM_LIMITS.inlinePerRole);
        layout.managed.slice(0, -1).forEach((m) => expect(policySize(m)).to.be.within(IAM_LIMITS.managedPolicy - 90, IAM_LIMITS.managedPolicy));
        expect(docs.flatMap((d) => d[0].Resource)).to.deep.equal(s.Resource);
        for (const d of docs) expect(d[0].Action).to.deep.equal(INVOKE);
        sameMeaning([s], docs.flat());
    });

    it("splits the condition values of a model statement rather than repeat them, keeping the resources on each part", () => {
        const models = ["us-east-1", "us-east-2", "us-west-2"].map((r) => fm(r, "anthropic.claude-x"));
        const profiles = Array.from({ length: 120 }, (_, i) => app(`q${String(i).padStart(11, "0")}`));
        const s = canonical(allow(INVOKE, models, { StringEquals: { [KEY]: profiles } }));
        const filler = statementOfSize(IAM_LIMITS.inlinePerRole - EMPTY - 2000, "arn:filler");
        const layout = layoutPolicies([filler, s]);
        expect(layout.inline[0]).to.deep.equal(filler);
        const parts = [...layout.inline.slice(1), ...layout.managed.flat()];
        expect(parts.length).to.be.greaterThan(1);
        for (const p of parts) expect(p.Resource).to.deep.equal(s.Resource);
        expect(parts.flatMap((p) => p.Condition?.StringEquals[KEY] ?? [])).to.deep.equal(profiles);
        expect(policySize(layout.inline)).to.be.at.most(IAM_LIMITS.inlinePerRole);
        for (const m of layout.managed) expect(policySize(m)).to.be.at.most(IAM_LIMITS.managedPolicy);
        sameMeaning([filler, s], parts.concat(filler));
    });

    it("never splits a condition whose values must all match", () => {
        const values = Array.from({ length: 500 }, (_, i) => `tag-${String(i).padStart(20, "0")}`);
        const s = canonical(allow(INVOKE, ["arn:m"], { "ForAllValues:StringEquals": { "aws:TagKeys": values } }));
        throwsExactly(
            () => layoutPolicies([s]),
            'An IAM statement of 13670 characters cannot be split to fit a policy of 6144 characters: {"Effect":"Allow","Action":["bedrock:InvokeModel","bedrock:InvokeModelWithResponseStream"],"Resource":"arn:m","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["tag-00000000000000000000","tag-0',
        );
    });

    it("places the same statements the same way whatever order they were merged from", () => {
        const input = Array.from({ length: 60 }, (_, i) => [
            allow(["bedrock:GetInferenceProfile", ...INVOKE], [app(`r${String(i).padStart(11, "0")}`)]),
            allow(INVOKE, [fm("us-east-1", `m${i % 7}`), fm("us-west-2", `m${i % 7}`)], { StringEquals: { [KEY]: [app(`r${String(i).padStart(11, "0")}`)] } }),
        ]).flat();
        const reference = JSON.stringify(layoutPolicies(mergeStatements(input), { inline: 3000, managed: 2500 }));
        for (let seed = 1; seed <= 20; seed++) {
            expect(JSON.stringify(layoutPolicies(mergeStatements(shuffled(input, seed)), { inline: 3000, managed: 2500 }))).to.equal(reference);
        }
        const layout = JSON.parse(reference) as { inline: Statement[]; managed: Statement[][] };
        sameMeaning(input, [...layout.inline, ...layout.managed.flat()]);
    });
});
