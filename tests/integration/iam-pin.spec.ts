// The IAM of the example programs and of the benchmark program at N=100, N=1000 (one role, 1 inline + 14
// managed policies) and N=3000 (three roles), byte for byte as before issue 22's redesign of the access set
// (tests/support/iam-pin.ts). The shared test programs and the benchmark program at N=1 and N=10:
// tests/iam-pin.spec.ts.
import { setBedrockMocks, settle } from "../../components/testing/testing";
import { settleAll } from "../../bench/figures";
import { expectPinned, pinBench } from "../support/iam-pin";
import { examplePrograms, runProgram } from "../support/conformance";

describe("the IAM of the examples and of the benchmark program at scale is byte for byte what it was (tests/fixtures/iam-pinned)", function () {
    this.timeout(600_000);

    describe("the example programs", () => {
        for (const example of examplePrograms()) {
            it(`examples/${example.name}`, async () => {
                const rec = setBedrockMocks({ region: "us-east-1", config: { "aws-native:region": "us-east-1" } });
                runProgram(example.file);
                await settleAll({ settle }, rec);
                expectPinned(`example ${example.name}`, rec);
            });
        }
    });

    describe("the benchmark program (bench/scenario.ts)", () => {
        it("N=100", () => pinBench(100));
        it("N=1000", () => pinBench(1000));
        it("N=3000 (inputs as SHA-256)", () => pinBench(3000, true));
    });
});
