// The access set's statements and layout at scale, as pure functions (no Pulumi): what the engine lays
// out for N application profiles on one role, sized at the lengths AWS returns.
import { expect } from "chai";
import { invokeStatements, usageStatements, type ApplicationProfileTarget, type SystemProfileTarget } from "../components/iam/access";
import { IAM_LIMITS, layoutPolicies, mergeStatements, policySize } from "../components/iam/policy";
import { CrossRegionInferenceProfileRegion } from "../components/catalog/geographies";

const ACCOUNT = "123456789012";
const MODELS = [
    "anthropic.claude-sonnet-4-20250514-v1:0",
    "anthropic.claude-opus-4-20250514-v1:0",
    "anthropic.claude-3-7-sonnet-20250219-v1:0",
    "anthropic.claude-3-5-sonnet-20241022-v2:0",
    "anthropic.claude-3-5-sonnet-20240620-v1:0",
    "anthropic.claude-3-5-haiku-20241022-v1:0",
    "anthropic.claude-3-sonnet-20240229-v1:0",
    "anthropic.claude-3-haiku-20240307-v1:0",
];
const US = CrossRegionInferenceProfileRegion.US;

function system(modelId: string): SystemProfileTarget {
    return {
        kind: "system-profile",
        arn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${modelId}`,
        partition: "aws",
        sourceRegion: "us-east-1",
        modelId,
        destinationRegions: US.destinationRegions,
        sourceInDestinations: true,
        global: false,
    };
}

/** `n` application profiles with ids of `idLength` characters, on US profiles of eight models. */
function tenants(n: number, idLength: number): ApplicationProfileTarget[] {
    return Array.from({ length: n }, (_, i) => ({
        kind: "application-profile",
        arn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/${String(i).padStart(idLength, "x")}`,
        arnPattern: `arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/*`,
        source: system(MODELS[i % MODELS.length]),
        partition: "aws",
    }));
}

/** The merged statements of invoke and usage on every target, laid out as the engine does for a fresh role. */
function laidOut(targets: ApplicationProfileTarget[]) {
    const merged = mergeStatements(targets.flatMap((t) => [...invokeStatements(t), ...usageStatements(t)]));
    return { merged, size: policySize(merged), layout: layoutPolicies(merged, { inline: IAM_LIMITS.inlinePerRole, managed: IAM_LIMITS.managedPolicy }) };
}

/** Characters IAM can hold on one role: one inline budget and 20 managed policies. */
const ROLE_CAPACITY = IAM_LIMITS.inlinePerRole + IAM_LIMITS.managedPerRoleMax * IAM_LIMITS.managedPolicy;

describe("access layout at scale (application profile ids at the 12 characters AWS returns)", function () {
    this.timeout(60_000);

    it("N=100: one inline and at most two managed policies", () => {
        const { layout } = laidOut(tenants(100, 12));
        expect(layout.inline.length).to.be.greaterThan(0);
        expect(layout.managed.length).to.be.at.most(2);
        expect(policySize(layout.inline)).to.be.at.most(IAM_LIMITS.inlinePerRole);
        for (const m of layout.managed) expect(policySize(m)).to.be.at.most(IAM_LIMITS.managedPolicy);
    });

    it("N=1000: about 90,000 characters exactly, laid out within 20 managed policies", () => {
        const { size, layout } = laidOut(tenants(1000, 12));
        expect(size).to.be.within(85_000, 95_000);
        expect(layout.managed.length).to.be.at.most(IAM_LIMITS.managedPerRoleMax);
        for (const m of layout.managed) expect(policySize(m)).to.be.at.most(IAM_LIMITS.managedPolicy);
        // Each of the 1,000 profile ARNs is listed once; the `application-inference-profile/*` pattern once per model.
        const text = JSON.stringify([layout.inline, ...layout.managed]);
        for (const t of tenants(1000, 12).filter((_, i) => i % 97 === 0)) expect(text.split(`"${t.arn}"`).length - 1, t.arn).to.equal(1);
        expect(text.split("application-inference-profile/").length - 1).to.equal(1000 + MODELS.length);
    });

    it("N=1000 with each id reserved at CloudFormation's 64-character maximum does not fit one role: why ids are sized at 12", () => {
        const { size } = laidOut(tenants(1000, 64));
        expect(size).to.be.greaterThan(ROLE_CAPACITY);
        expect(size).to.be.within(135_000, 145_000);
        expect(ROLE_CAPACITY).to.equal(133_120);
    });
});
