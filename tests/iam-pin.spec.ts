// The IAM of the shared test programs and the benchmark program at N=1 and N=10, byte for byte as the
// package registered it before issue 22's redesign of the access set (see tests/support/iam-pin.ts for
// where the fixtures come from). The examples and N=100, 1000 and 3000 (seconds of CPU each):
// tests/integration/iam-pin.spec.ts.
import { setBedrockMocks, settle } from "../components/testing/testing";
import { settleAll } from "../bench/figures";
import { expectPinned, pinBench } from "./support/iam-pin";
import { allPrograms, configFor } from "./support/programs";

describe("the IAM each program registers is byte for byte what it was (tests/fixtures/iam-pinned)", function () {
    this.timeout(60_000);

    describe("the shared test programs (tests/support/programs.ts)", () => {
        for (const program of allPrograms()) {
            it(program.name, async () => {
                const rec = setBedrockMocks({ region: program.region, config: configFor(program) });
                program.run();
                await settleAll({ settle }, rec);
                expectPinned(`program ${program.name}`, rec);
            });
        }
    });

    describe("the benchmark program (bench/scenario.ts)", () => {
        for (const n of [1, 10]) it(`N=${n}`, () => pinBench(n));
    });
});
