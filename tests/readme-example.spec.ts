// README's testing example is the program tests/integration/processes.spec.ts runs as a user would.
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");

describe("README's testing example", () => {
    it("is, line for line, tests/fixtures/user-program/test/stack.test.ts (which the integration specs run)", () => {
        const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
        const fixture = fs.readFileSync(path.join(ROOT, "tests", "fixtures", "user-program", "test", "stack.test.ts"), "utf8").trimEnd();
        const section = readme.slice(readme.indexOf("## Testing your program"));
        const block = /```ts\n([\s\S]*?)\n```/.exec(section)?.[1];
        expect(block).to.equal(fixture);
    });
});
