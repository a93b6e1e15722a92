// Grants and the IAM statement builders at their edges: who a grant names in its errors, what its options
// accept, what it does with opts.provider, what allGrants returns, and the pure builders' corner cases.
import { expect } from "chai";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { resolveOutput, settle, type MockRecorder } from "../components/testing/testing";
import * as bedrock from "../sdk/nodejs";
import { allGrants, grantInvokeTo, grantStatements, grantUsageTo, type Grantee } from "../components/iam/grants";
import {
    invokeStatements,
    profileArns,
    usageStatements,
    type AccessTarget,
    type ApplicationProfileTarget,
    type FoundationModelTarget,
    type SystemProfileTarget,
} from "../components/iam/access";
import { checkTextGeneration, foundationModelOf, isInvokable } from "../components/iam/invokable";
import { enforceGuardrailStatements, guardrailApplyStatements } from "../components/iam/statements/guardrail";
import { isMarketplaceProductId } from "../components/iam/statements/marketplace";
import { serviceTrustPolicy } from "../components/iam/statements/trust";
import { oauth2ProviderResources } from "../components/iam/statements/agentcore";
import type { Statement } from "../components/iam/policy";
import { throwsExactly } from "./support/errors";
import { INVOKE, GET_INVOKE, grantMocks } from "./support/grants";

const M = bedrock.BedrockFoundationModel;
const G = bedrock.CrossRegionInferenceProfileRegion;
const NOVA: FoundationModelTarget = { kind: "foundation-model", partition: "aws", region: "us-east-1", modelId: "amazon.nova-pro-v1:0" };
const NOVA_ARN = "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0";

/** A grantee that is not a component: a class of the test's own, seen by grants through its methods only. */
function granteeOf<T extends object>(base: T, name = "my-grantee"): T & Grantee {
    return Object.assign(base, { accessTarget: (): AccessTarget => NOVA, grantName: () => name });
}

/** The policy's provider reference under the mocks: the provider's URN and its id. */
const providerRef = (name: string) => `urn:pulumi:stack::project::pulumi:providers:aws::${name}::${name}-id`;

/** What a grant does with `opts.provider`, for a grant made by `grant`. */
function providerSpecs(recorder: () => MockRecorder, grant: (role: string | aws.iam.Role, provider: aws.Provider) => unknown): void {
    it("opts.provider carries the policy of a role given by name", async () => {
        grant("worker", new aws.Provider("second", { region: "us-east-1" }));
        await settle();
        expect(
            recorder()
                .byType("aws:iam/rolePolicy:RolePolicy")
                .map((p) => [p.inputs.role, p.provider]),
        ).to.deep.equal([["worker", providerRef("second")]]);
    });

    it("opts.provider is ignored for an aws.iam.Role: its policy uses the role's own provider", async () => {
        const own = new aws.Provider("own", { region: "us-east-1" });
        grant(new aws.iam.Role("owned", { assumeRolePolicy: "{}" }, { provider: own }), new aws.Provider("second", { region: "us-east-1" }));
        await settle();
        expect(
            recorder()
                .byType("aws:iam/rolePolicy:RolePolicy")
                .map((p) => p.provider),
        ).to.deep.equal([providerRef("own")]);
    });
}

describe("grants: who a grant names in its errors", () => {
    beforeEach(() => {
        grantMocks();
    });

    it("a foundation model is named by its class and model id", () => {
        throwsExactly(
            () => M.AMAZON_NOVA_PRO_V1.grantInvoke("r", { enforce: "yes" as never }),
            'BedrockFoundationModel "amazon.nova-pro-v1:0": opts.enforce "yes" must be a boolean',
        );
    });

    it("a value without a model or profile id (a default prompt router) is named by its grantName", () => {
        const router = bedrock.PromptRouter.fromDefaultId(bedrock.DefaultPromptRouterIdentifier.ANTHROPIC_CLAUDE_V1, "us-east-1");
        throwsExactly(
            () => router.grantInvoke("r", { enforce: "yes" as never }),
            'DefaultPromptRouter "router-anthropic-claude-1-us-east-1": opts.enforce "yes" must be a boolean',
        );
    });

    it('a plain object grantee is a "grant", named by its grantName', () => {
        throwsExactly(() => grantInvokeTo(granteeOf({}), "r", { enforce: "yes" as never }), 'grant "my-grantee": opts.enforce "yes" must be a boolean');
    });

    it('a grantee without a prototype (no constructor) is a "grant" too', () => {
        throwsExactly(
            () => grantInvokeTo(granteeOf(Object.create(null) as object), "r", { enforce: "yes" as never }),
            'grant "my-grantee": opts.enforce "yes" must be a boolean',
        );
    });

    it("only a trailing Reference is dropped from a grantee's class name", () => {
        class ReferenceModel {}
        class ModelReference {}
        throwsExactly(
            () => grantInvokeTo(granteeOf(new ReferenceModel()), "r", { enforce: "yes" as never }),
            'ReferenceModel "my-grantee": opts.enforce "yes" must be a boolean',
        );
        throwsExactly(
            () => grantInvokeTo(granteeOf(new ModelReference()), "r", { enforce: "yes" as never }),
            'Model "my-grantee": opts.enforce "yes" must be a boolean',
        );
    });

    it("a component subclass is named by its component type, not its class", () => {
        class TeamProfile extends bedrock.CrossRegionInferenceProfile {}
        const cris = new TeamProfile("team-cris", { geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_HAIKU_V1_0 });
        throwsExactly(
            () => cris.grantInvoke("r", { enforce: "yes" as never }),
            'CrossRegionInferenceProfile "team-cris": opts.enforce "yes" must be a boolean',
        );
    });

    it("a component grantee is named by its Pulumi name, not its grantName", () => {
        class Shared extends pulumi.ComponentResource implements Grantee {
            constructor(name: string) {
                super("test:index:SharedModel", name, {});
            }
            accessTarget(): AccessTarget {
                return NOVA;
            }
            grantName(): string {
                return "policy-name";
            }
        }
        throwsExactly(
            () => grantInvokeTo(new Shared("shared"), "r", { enforce: "yes" as never }),
            'SharedModel "shared": opts.enforce "yes" must be a boolean',
        );
    });
});

describe("grants: options", () => {
    let rec: MockRecorder;
    beforeEach(() => {
        rec = grantMocks();
    });

    it("opts that are not an object are refused (a number, null)", () => {
        throwsExactly(() => M.AMAZON_NOVA_PRO_V1.grantInvoke("r", 5 as never), 'BedrockFoundationModel "amazon.nova-pro-v1:0": opts 5 must be an object');
        throwsExactly(() => M.AMAZON_NOVA_PRO_V1.grantInvoke("r", null as never), 'BedrockFoundationModel "amazon.nova-pro-v1:0": opts null must be an object');
    });

    it("opts.guardrail must be a guardrail: null, a plain object and a function with guardrailAccess are refused", () => {
        const rule = "must be a Guardrail, a version from createVersion, or Guardrail.fromGuardrailAttributes(...)";
        const fn = Object.assign(() => undefined, { guardrailAccess: () => ({ apply: [], identifiers: [] }), toString: () => "<function>" });
        throwsExactly(
            () => M.AMAZON_NOVA_PRO_V1.grantInvoke("r", { guardrail: null as never }),
            `BedrockFoundationModel "amazon.nova-pro-v1:0": opts.guardrail null ${rule}`,
        );
        throwsExactly(
            () => M.AMAZON_NOVA_PRO_V1.grantInvoke("r", { guardrail: {} as never }),
            `BedrockFoundationModel "amazon.nova-pro-v1:0": opts.guardrail {} ${rule}`,
        );
        throwsExactly(
            () => M.AMAZON_NOVA_PRO_V1.grantInvoke("r", { guardrail: fn as never }),
            `BedrockFoundationModel "amazon.nova-pro-v1:0": opts.guardrail <function> ${rule}`,
        );
    });

    it("grantProfileUsage names itself when the role is not one", () => {
        const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_HAIKU_V1_0 });
        throwsExactly(
            () => cris.grantProfileUsage(123 as never),
            'CrossRegionInferenceProfile "us.anthropic.claude-3-5-haiku-20241022-v1:0": grantProfileUsage(role) 123 must be an aws.iam.Role, a role name or a role ARN',
        );
    });

    it("usage on a foundation model is refused: it has no inference profile to read", () => {
        throwsExactly(
            () => grantUsageTo(M.AMAZON_NOVA_PRO_V1, "reader"),
            'BedrockFoundationModel "amazon.nova-pro-v1:0": grantProfileUsage(role) "reader" cannot be granted usage: a foundation model has no inference profile to read',
        );
    });

    providerSpecs(
        () => rec,
        (role, provider) => M.AMAZON_NOVA_PRO_V1.grantInvoke(role, { provider }),
    );
});

describe("grantStatements", () => {
    let rec: MockRecorder;
    const where = { component: "Team", name: "t" };
    const statements: Statement[] = [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::bucket/*"] }];
    beforeEach(() => {
        rec = grantMocks();
    });

    it('a role that is not one is refused as argument "role" by default', () => {
        throwsExactly(() => grantStatements(123 as never, statements, { where }), 'Team "t": role 123 must be an aws.iam.Role, a role name or a role ARN');
    });

    providerSpecs(
        () => rec,
        (role, provider) => grantStatements(role, statements, { where, provider }),
    );
});

describe("allGrants", () => {
    beforeEach(() => {
        grantMocks();
    });

    it("grants of one batch on one role are one value: allGrants returns it as it is", () => {
        const a = M.AMAZON_NOVA_PRO_V1.grantInvoke("same-role");
        const b = M.AMAZON_NOVA_LITE_V1.grantInvoke("same-role");
        expect(b).to.equal(a);
        expect(allGrants([a, b])).to.equal(a);
    });

    it("grants on two roles: one value waiting for the policies of both", async () => {
        const a = M.AMAZON_NOVA_PRO_V1.grantInvoke("first-role");
        const b = M.AMAZON_NOVA_PRO_V1.grantInvoke("second-role");
        const all = (await resolveOutput(allGrants([a, b]))) as pulumi.Resource[];
        const names = all.map((r) => (r as unknown as { __name: string }).__name).sort();
        expect(names).to.deep.equal(["first-role-bedrock", "second-role-bedrock"]);
    });
});

describe("access: profile ARNs and usage statements", () => {
    const SYSTEM: SystemProfileTarget = {
        kind: "system-profile",
        arn: "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-pro-v1:0",
        partition: "aws",
        sourceRegion: "us-east-1",
        modelId: "amazon.nova-pro-v1:0",
        destinationRegions: ["us-east-1", "us-west-2"],
        global: false,
    };
    const APP = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abcdefghijkl";
    const app = (source: SystemProfileTarget | FoundationModelTarget): ApplicationProfileTarget => ({
        kind: "application-profile",
        arn: APP,
        arnPattern: "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/*",
        source,
        partition: "aws",
        region: "us-east-1",
    });

    it("a foundation model has no profile: no usage statements", () => {
        expect(profileArns(NOVA)).to.deep.equal([]);
        expect(usageStatements(NOVA)).to.deep.equal([]);
    });

    it("an application profile on a cross-region profile: usage reads both profiles", () => {
        expect(usageStatements(app(SYSTEM))).to.deep.equal([
            { Effect: "Allow", Action: ["bedrock:GetInferenceProfile"], Resource: [APP, SYSTEM.arn] },
            { Effect: "Allow", Action: ["bedrock:ListInferenceProfiles"], Resource: ["*"] },
        ]);
    });

    it("an application profile on a foundation model: usage reads the application profile only", () => {
        expect(profileArns(app(NOVA))).to.deep.equal([APP]);
    });

    it("a prompt router's profiles are those of what it routes to", () => {
        expect(
            profileArns({ kind: "prompt-router", arn: "arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/x", routed: [SYSTEM, NOVA, app(SYSTEM)] }),
        ).to.deep.equal([SYSTEM.arn, APP, SYSTEM.arn]);
    });

    it("an empty Region token of an application profile is not substituted: its routes name the profile in each source", () => {
        const routed: SystemProfileTarget = {
            ...SYSTEM,
            sourceRegion: "SRC",
            arn: "arn:aws:bedrock:SRC:123456789012:inference-profile/au.amazon.nova-pro-v1:0",
            routes: [{ sources: ["ap-southeast-2"], destinations: ["ap-southeast-2", "ap-southeast-4"] }],
        };
        const statements = invokeStatements({ ...app(routed), arnPattern: "arn:aws:bedrock:SRC:123456789012:application-inference-profile/*", region: "" });
        expect(statements[2]).to.deep.equal({
            Effect: "Allow",
            Action: INVOKE,
            Resource: [
                "arn:aws:bedrock:ap-southeast-2::foundation-model/amazon.nova-pro-v1:0",
                "arn:aws:bedrock:ap-southeast-4::foundation-model/amazon.nova-pro-v1:0",
            ],
            Condition: {
                ArnLike: {
                    "bedrock:InferenceProfileArn": [
                        "arn:aws:bedrock:ap-southeast-2:123456789012:application-inference-profile/*",
                        "arn:aws:bedrock:ap-southeast-2:123456789012:inference-profile/au.amazon.nova-pro-v1:0",
                    ],
                },
            },
        });
    });
});

describe("invokable: what counts as one", () => {
    beforeEach(() => {
        grantMocks();
    });

    it("isInvokable needs accessTarget, grantInvoke and invokableArn, on an object", () => {
        const fn = () => undefined;
        const arn = pulumi.output("arn");
        expect(isInvokable(M.AMAZON_NOVA_PRO_V1)).to.equal(true);
        expect(isInvokable({ accessTarget: fn, grantInvoke: fn, invokableArn: arn })).to.equal(true);
        expect(isInvokable(null)).to.equal(false);
        expect(isInvokable({ grantInvoke: fn, invokableArn: arn })).to.equal(false);
        expect(isInvokable({ accessTarget: fn, invokableArn: arn })).to.equal(false);
        expect(isInvokable({ accessTarget: fn, grantInvoke: fn })).to.equal(false);
    });

    it("foundationModelOf: a sourceModel that is not a catalog model is no model; nothing is nothing", () => {
        expect(foundationModelOf({ sourceModel: "amazon.nova-pro-v1:0" })).to.equal(undefined);
        expect(foundationModelOf(undefined)).to.equal(undefined);
        expect(foundationModelOf({ sourceModel: M.AMAZON_NOVA_PRO_V1 })).to.equal(M.AMAZON_NOVA_PRO_V1);
    });

    it("a non-text model of the program's own, without a model card, is refused citing its model card", () => {
        const embed = new M("acme.embed-v1", { outputModality: "embedding" });
        throwsExactly(
            () => checkTextGeneration({ component: "Agent", name: "a" }, "foundationModel", embed, "an agent"),
            'Agent "a": foundationModel "acme.embed-v1" is acme.embed-v1, an embeddings model: it turns text or images into vectors (for a knowledge base\'s embeddings), not a text-generation model: an agent converses with its model, which must generate text (its model card)',
        );
    });
});

describe("statement builders: corner cases", () => {
    const GUARDRAIL = "arn:aws:bedrock:us-east-1:123456789012:guardrail/abc123";

    it("guardrailApplyStatements without profiles: the guardrail alone", () => {
        expect(guardrailApplyStatements(GUARDRAIL)).to.deep.equal([{ Effect: "Allow", Action: ["bedrock:ApplyGuardrail"], Resource: [GUARDRAIL] }]);
    });

    it("enforceGuardrailStatements keeps a Deny and an Allow without invoke actions as they are", () => {
        const deny: Statement = { Effect: "Deny", Action: INVOKE, Resource: [NOVA_ARN] };
        const router: Statement = {
            Effect: "Allow",
            Action: ["bedrock:GetPromptRouter"],
            Resource: ["arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/x"],
        };
        expect(enforceGuardrailStatements([deny, router], [GUARDRAIL])).to.deep.equal([deny, router]);
    });

    it("enforceGuardrailStatements splits a profile's Allow: get unconditioned, invoke only naming the guardrail", () => {
        const profile = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-pro-v1:0";
        expect(enforceGuardrailStatements([{ Effect: "Allow", Action: GET_INVOKE, Resource: [profile] }], [GUARDRAIL])).to.deep.equal([
            { Effect: "Allow", Action: ["bedrock:GetInferenceProfile"], Resource: [profile] },
            { Effect: "Allow", Action: INVOKE, Resource: [profile], Condition: { StringEquals: { "bedrock:GuardrailIdentifier": [GUARDRAIL] } } },
            { Effect: "Deny", Action: INVOKE, Resource: [profile], Condition: { StringNotEquals: { "bedrock:GuardrailIdentifier": [GUARDRAIL] } } },
        ]);
    });

    it("isMarketplaceProductId: a whole product id only, and only a string", () => {
        expect(isMarketplaceProductId("prod-abc123")).to.equal(true);
        expect(isMarketplaceProductId("prodview-abc123")).to.equal(true);
        expect(isMarketplaceProductId("0123abcd-0123-4567-89ab-0123456789ab")).to.equal(true);
        expect(isMarketplaceProductId("xprod-abc123")).to.equal(false);
        expect(isMarketplaceProductId("prod-abc123_")).to.equal(false);
        expect(isMarketplaceProductId(["prod-abc123"])).to.equal(false);
    });

    it("serviceTrustPolicy: one source ARN as a string, several as a list", () => {
        const one = JSON.parse(serviceTrustPolicy("bedrock.amazonaws.com", "123456789012", ["arn:aws:bedrock:us-east-1:123456789012:agent/*"]));
        const two = JSON.parse(
            serviceTrustPolicy("bedrock.amazonaws.com", "123456789012", [
                "arn:aws:bedrock:us-east-1:123456789012:agent/*",
                "arn:aws:bedrock:us-west-2:123456789012:agent/*",
            ]),
        );
        expect(one.Statement[0].Condition.ArnLike).to.deep.equal({ "aws:SourceArn": "arn:aws:bedrock:us-east-1:123456789012:agent/*" });
        expect(two.Statement[0].Condition.ArnLike).to.deep.equal({
            "aws:SourceArn": ["arn:aws:bedrock:us-east-1:123456789012:agent/*", "arn:aws:bedrock:us-west-2:123456789012:agent/*"],
        });
    });

    it("oauth2ProviderResources: an ARN that is not an OAuth2 credential provider's names nothing", () => {
        expect(oauth2ProviderResources("arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default")).to.equal(undefined);
    });
});
