// The benchmark program's IAM at N=100, N=1000 (one role, 1 inline + 14 managed policies) and N=3000
// (three roles), byte for byte as before issue 22's redesign of the access set (tests/support/iam-pin.ts).
import { pinBench } from "../support/iam-pin";

describe("the benchmark program's IAM at scale is byte for byte what it was (tests/fixtures/iam-pinned)", function () {
    this.timeout(600_000);

    it("N=100", () => pinBench(100));
    it("N=1000", () => pinBench(1000));
    it("N=3000 (inputs as SHA-256)", () => pinBench(3000, true));
});
