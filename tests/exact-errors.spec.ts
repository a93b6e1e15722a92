// Every error spec compares the whole message through tests/support/errors.ts: no spec under tests/ checks
// an error with chai's substring or pattern matching (chai's throw assertion with an argument, rejectedWith),
// nor only that something was thrown. (`.not.to.throw()` stays: it checks that nothing is.)
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");

/** Every .ts file below tests/ (specs, support, fixtures' tests), relative to the repository. */
function testSources(dir = "tests"): string[] {
    return fs
        .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
        .flatMap((e) =>
            e.isDirectory() ? (e.name === "node_modules" ? [] : testSources(path.join(dir, e.name))) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
        )
        .sort();
}

// Written in parts so that this file does not match itself.
const THROW = "throw";
const FORBIDDEN: [string, RegExp][] = [
    ["a substring or pattern check of a thrown error", new RegExp(`\\.to\\.(?:be\\.)?${THROW}s?\\(\\s*[^)\\s]`)],
    ["an existence-only check of a thrown error", new RegExp(`(?<!\\.not)\\.to\\.${THROW}s?\\(\\s*\\)`)],
    ["a check of a rejection by chai-as-promised", new RegExp(`\\.rejected${"With"}\\(`)],
];

describe("exact error messages", () => {
    it("no spec checks an error by substring, pattern or existence: each goes through tests/support/errors.ts", () => {
        const found: string[] = [];
        for (const file of testSources()) {
            fs.readFileSync(path.join(ROOT, file), "utf8")
                .split("\n")
                .forEach((line, i) => {
                    for (const [what, re] of FORBIDDEN) if (re.test(line)) found.push(`${file}:${i + 1}: ${what}: ${line.trim()}`);
                });
        }
        expect(found).to.deep.equal([]);
    });

    it("the check sees what it forbids", () => {
        const lines = [
            `expect(f).to.${THROW}("part of the message")`,
            `expect(f).to.${THROW}(/pattern/)`,
            `expect(f).to.${THROW}(Error, "m")`,
            `expect(f).to.${THROW}()`,
            `await expect(p).to.be.rejected${"With"}("m")`,
        ];
        expect(lines.map((l) => FORBIDDEN.filter(([, re]) => re.test(l)).map(([what]) => what))).to.deep.equal([
            ["a substring or pattern check of a thrown error"],
            ["a substring or pattern check of a thrown error"],
            ["a substring or pattern check of a thrown error"],
            ["an existence-only check of a thrown error"],
            ["a check of a rejection by chai-as-promised"],
        ]);
        expect(FORBIDDEN.some(([, re]) => re.test(`expect(f).not.to.${THROW}()`) || re.test(`expect(f).to.not.${THROW}()`))).to.equal(false);
    });
});
