import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as awsnative from "@pulumi/aws-native";
import { policiesForRole, resolveOutput, setBedrockMocks, settle, type MockRecorder } from "../components/testing/testing";
import { checkProgram } from "../components/preview/checks";
import { enforceGuardrailStatements, guardrailApplyStatements, guardrailIdentifierValue } from "../components/iam/statements/guardrail";
import { invokeStatements } from "../components/iam/access";
import * as bedrock from "../sdk/nodejs";
import { ACCOUNT, mocks, usGuardrail } from "./support/guardrails";
import { decisions, type IamRequest, type Principal } from "./support/iam-eval";
import { newRole } from "./support/programs";

const OTHER_ACCOUNT = "210987654321";
const M = bedrock.BedrockFoundationModel;
const G = bedrock.CrossRegionInferenceProfileRegion;
const P = bedrock.GuardrailProfileRegion;
const INVOKE = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];
const APPLY = "bedrock:ApplyGuardrail";
const GI = "bedrock:GuardrailIdentifier";
const SONNET = "anthropic.claude-3-5-sonnet-20241022-v2:0";
const INSTRUCTION = "You are a helpful and friendly agent that answers questions about agriculture.";
const PRINCIPAL: Principal = { account: ACCOUNT, partition: "aws" };

const profileArn = (region: string, id = "us.guardrail.v1:0", account = ACCOUNT, partition = "aws") =>
    `arn:${partition}:bedrock:${region}:${account}:guardrail-profile/${id}`;
const fm = (region: string, id = SONNET) => `arn:aws:bedrock:${region}::foundation-model/${id}`;
const crisArn = (region = "us-east-1") => `arn:aws:bedrock:${region}:${ACCOUNT}:inference-profile/us.${SONNET}`;
const cris = () => bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 });
const byJson = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0);
const sorted = (statements: unknown[]) => [...statements].sort(byJson);

/** The statements of every policy attached to the role named `name`. */
async function statementsOf(rec: MockRecorder, role: pulumi.Output<string> | string): Promise<unknown[]> {
    await settle();
    const name = typeof role === "string" ? role : ((await resolveOutput(role)) as string);
    const policies = policiesForRole(rec, name);
    expect(policies.length, "grants attached policies").to.be.greaterThan(0);
    return policies.flatMap((p) => (JSON.parse(p.json) as { Statement: unknown[] }).Statement);
}

async function documentsOf(rec: MockRecorder, role: pulumi.Output<string> | string): Promise<string[]> {
    await settle();
    const name = typeof role === "string" ? role : ((await resolveOutput(role)) as string);
    return policiesForRole(rec, name).map((p) => p.json);
}

async function expectDecisions(policies: string[], allowed: IamRequest[], denied: IamRequest[]): Promise<void> {
    const a = await decisions(policies, allowed, PRINCIPAL);
    expect(
        a.filter((d) => !d.startsWith("Allowed ")),
        "requests that must be allowed",
    ).to.deep.equal([]);
    const d = await decisions(policies, denied, PRINCIPAL);
    expect(
        d.filter((x) => x.startsWith("Allowed ")),
        "requests that must be denied",
    ).to.deep.equal([]);
}

const invoke = (resource: string, context?: Record<string, string>): IamRequest[] => INVOKE.map((action) => ({ action, resource, context }));

/** The whole message `fn` throws. */
function thrown(fn: () => unknown): string | undefined {
    try {
        fn();
    } catch (e) {
        return (e as Error).message;
    }
    return undefined;
}

describe("guardrail profiles (catalog)", () => {
    it("lists the profiles AWS lists, with their ids and partitions; no global, jp or in profile", () => {
        expect(P.values().map((g) => `${g.name} ${g.profileId} ${g.partition}`)).to.deep.equal([
            "US us.guardrail.v1:0 aws",
            "US_GOV us-gov.guardrail.v1:0 aws-us-gov",
            "EU eu.guardrail.v1:0 aws",
            "UK uk.guardrail.v1:0 aws",
            "AU au.guardrail.v1:0 aws",
            "CA ca.guardrail.v1:0 aws",
            "APAC apac.guardrail.v1:0 aws",
        ]);
        for (const prefix of ["global", "jp", "in"]) expect(P.fromPrefix(prefix)).to.equal(undefined);
        expect(P.fromPrefix("uk")).to.equal(P.UK);
    });

    it("destinations depend on the source: us-west-1 and il-central-1 route to themselves too", () => {
        expect(P.US.destinationRegionsFrom("us-east-1")).to.deep.equal(["us-east-1", "us-east-2", "us-west-2"]);
        expect(P.US.destinationRegionsFrom("us-west-2")).to.deep.equal(["us-east-1", "us-east-2", "us-west-2"]);
        expect(P.US.destinationRegionsFrom("us-west-1")).to.deep.equal(["us-east-1", "us-east-2", "us-west-1", "us-west-2"]);
        expect(P.EU.destinationRegionsFrom("eu-west-1")).to.deep.equal(["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"]);
        expect(P.EU.destinationRegionsFrom("il-central-1")).to.deep.equal([
            "eu-central-1",
            "eu-north-1",
            "eu-south-1",
            "eu-south-2",
            "eu-west-1",
            "eu-west-3",
            "il-central-1",
        ]);
        expect(P.UK.destinationRegionsFrom("eu-west-2")).to.deep.equal(["eu-west-2"]);
        expect(P.AU.destinationRegionsFrom("ap-southeast-2")).to.deep.equal(["ap-southeast-2"]);
        expect(P.CA.destinationRegionsFrom("ca-central-1")).to.deep.equal(["ca-central-1", "ca-west-1"]);
        expect(P.CA.acceptsSourceRegion("ca-west-1")).to.equal(false);
        expect(P.US_GOV.destinationRegionsFrom("us-gov-east-1")).to.deep.equal(["us-gov-east-1", "us-gov-west-1"]);
        expect(P.APAC.destinationRegionsFrom("ap-south-1")).to.deep.equal([
            "ap-northeast-1",
            "ap-northeast-2",
            "ap-northeast-3",
            "ap-south-1",
            "ap-southeast-1",
            "ap-southeast-2",
        ]);
        expect(P.APAC.destinationRegionsFrom("me-central-1")).to.include.members(["me-central-1", "ap-south-2", "ap-southeast-3", "ap-southeast-4"]);
        expect(P.APAC.destinationRegionsFrom("ap-southeast-4")).to.include("ap-southeast-4").and.not.include("ap-southeast-3");
        expect(thrown(() => P.US.destinationRegionsFrom("eu-west-1"))).to.equal(
            "the us.guardrail.v1:0 guardrail profile cannot be used from eu-west-1: its source Regions are us-east-1, us-east-2, us-west-1, us-west-2",
        );
        expect(P.US.regions).to.deep.equal(["us-east-1", "us-east-2", "us-west-1", "us-west-2"]);
    });

    it("differ from the model profiles' geographies (UK exists, us-west-1 is no US model destination for every model)", () => {
        expect(G.values().map((g) => g.prefix)).to.not.include("uk");
        expect(P.values().map((g) => g.prefix)).to.not.include("global");
        expect(P.US.sourceRegions).to.not.include("ca-central-1");
    });
});

describe("guardrail IAM statements (pure)", () => {
    const arn = `arn:aws:bedrock:us-east-1:${ACCOUNT}:guardrail/abc123`;
    // The us. profile these build checks the stack's Region: set it here, not from whatever spec ran last
    // in this process (a spec of another file left eu-west-1 in Pulumi's config).
    beforeEach(() => mocks("us-east-1"));

    it("apply: bedrock:ApplyGuardrail on the bare guardrail ARN and the profile ARNs", () => {
        expect(guardrailApplyStatements(arn, [profileArn("us-east-1")])).to.deep.equal([
            { Effect: "Allow", Action: [APPLY], Resource: [arn, profileArn("us-east-1")] },
        ]);
    });

    it("identifier values: the ARN for DRAFT, <arn>:<n> for a version (guardrails-permissions-id.html)", () => {
        expect(guardrailIdentifierValue(arn, "DRAFT")).to.equal(arn);
        expect(guardrailIdentifierValue(arn, "7")).to.equal(`${arn}:7`);
    });

    it("enforce: conditions the entry statements, denies other requests, keeps GetInferenceProfile and the model-through-profile statements", () => {
        const target = cris().accessTarget();
        const statements = enforceGuardrailStatements(invokeStatements(target), [arn]);
        const profile = target.arn;
        expect(statements).to.deep.equal([
            { Effect: "Allow", Action: ["bedrock:GetInferenceProfile"], Resource: [profile] },
            { Effect: "Allow", Action: INVOKE, Resource: [profile], Condition: { StringEquals: { [GI]: [arn] } } },
            { Effect: "Deny", Action: INVOKE, Resource: [profile], Condition: { StringNotEquals: { [GI]: [arn] } } },
            invokeStatements(target)[1],
        ]);
        // A model called directly: its own statement is the entry.
        const model = enforceGuardrailStatements(invokeStatements({ kind: "foundation-model", partition: "aws", region: "us-east-1", modelId: SONNET }), [arn]);
        expect(model).to.deep.equal([
            { Effect: "Allow", Action: INVOKE, Resource: [fm("us-east-1")], Condition: { StringEquals: { [GI]: [arn] } } },
            { Effect: "Deny", Action: INVOKE, Resource: [fm("us-east-1")], Condition: { StringNotEquals: { [GI]: [arn] } } },
        ]);
    });
});

describe("Guardrail", function () {
    this.timeout(60_000);

    it("a STANDARD-tier guardrail on the US profile from us-east-1: crossRegionConfig names guardrail-profile/us.guardrail.v1:0 in us-east-1", async () => {
        const rec = mocks();
        const g = usGuardrail();
        await settle();
        const r = rec.customResources.find((x) => x.type === "aws-native:bedrock:Guardrail");
        expect(r?.inputs).to.deep.equal({
            name: "support-guardrail",
            blockedInputMessaging: bedrock.DEFAULT_BLOCKED_INPUT_MESSAGE,
            blockedOutputsMessaging: bedrock.DEFAULT_BLOCKED_OUTPUT_MESSAGE,
            contentPolicyConfig: {
                filtersConfig: [{ type: "HATE", inputStrength: "HIGH", outputStrength: "HIGH" }],
                contentFiltersTierConfig: { tierName: "STANDARD" },
            },
            crossRegionConfig: { guardrailProfileArn: profileArn("us-east-1") },
        });
        expect(await resolveOutput(g.guardrailProfileArn)).to.equal(profileArn("us-east-1"));
        expect(await resolveOutput(g.guardrailVersion)).to.equal("DRAFT");
        const arn = (await resolveOutput(g.guardrailArn)) as string;
        expect(arn).to.match(new RegExp(`^arn:aws:bedrock:us-east-1:${ACCOUNT}:guardrail/[a-z0-9]{12}$`));
        expect(await resolveOutput(g.guardrailId)).to.equal(arn.split("/").pop());
        const component = rec.resources.find((x) => x.type === "bedrock-genai:index:Guardrail");
        expect(component?.name).to.equal("support-guardrail");
    });

    it("grantApply: ApplyGuardrail on the guardrail and on the profile in us-east-1, us-east-2 and us-west-2, and nothing else (IAM evaluator)", async () => {
        const rec = mocks();
        const g = usGuardrail();
        const role = newRole();
        g.grantApply(role);
        const arn = (await resolveOutput(g.guardrailArn)) as string;
        expect(await statementsOf(rec, role.name)).to.deep.equal([
            { Effect: "Allow", Action: APPLY, Resource: sorted([arn, profileArn("us-east-1"), profileArn("us-east-2"), profileArn("us-west-2")]) },
        ]);
        const policies = await documentsOf(rec, role.name);
        const apply = (resource: string): IamRequest => ({ action: APPLY, resource });
        await expectDecisions(
            policies,
            [apply(arn), apply(profileArn("us-east-1")), apply(profileArn("us-east-2")), apply(profileArn("us-west-2"))],
            [
                apply(profileArn("us-west-1")),
                apply(profileArn("eu-west-1", "eu.guardrail.v1:0")),
                apply(profileArn("us-east-1", "us.guardrail.v1:0", OTHER_ACCOUNT)),
                apply(`arn:aws:bedrock:us-east-1:${ACCOUNT}:guardrail/othergrdrl12`),
                apply(`arn:aws:bedrock:us-east-2:${ACCOUNT}:guardrail/${arn.split("/").pop()}`),
                { action: "bedrock:GetGuardrail", resource: arn },
                { action: "bedrock:UpdateGuardrail", resource: arn },
                { action: "bedrock:DeleteGuardrail", resource: arn },
                ...invoke(fm("us-east-1")),
            ],
        );
    });

    it("an agent with it names it (id and DRAFT, or a version) and its role may apply it", async () => {
        const rec = mocks();
        const g = usGuardrail();
        const agent = new bedrock.Agent("agent", { foundationModel: cris(), instruction: INSTRUCTION, guardrail: g });
        const v = g.createVersion("first release");
        const versioned = new bedrock.Agent("versioned", { foundationModel: cris(), instruction: INSTRUCTION, guardrail: v });
        await settle();
        const id = (await resolveOutput(g.guardrailId)) as string;
        const arn = (await resolveOutput(g.guardrailArn)) as string;
        const inputs = (name: string) => rec.customResources.find((x) => x.type === "aws-native:bedrock:Agent" && x.name === name)?.inputs as any;
        expect(inputs("agent").guardrailConfiguration).to.deep.equal({ guardrailIdentifier: id, guardrailVersion: "DRAFT" });
        expect(inputs("versioned").guardrailConfiguration).to.deep.equal({ guardrailIdentifier: id, guardrailVersion: "1" });
        const apply = { Effect: "Allow", Action: APPLY, Resource: sorted([arn, profileArn("us-east-1"), profileArn("us-east-2"), profileArn("us-west-2")]) };
        for (const a of [agent, versioned]) {
            const roleName = ((await resolveOutput(a.roleArn)) as string).split("/").pop() as string;
            const statements = await statementsOf(rec, roleName);
            expect(statements).to.deep.include(apply);
            // The agent's own statements: the apply grant, and what it always has (the model through the profile).
            expect(sorted(statements)).to.deep.equal(
                sorted([
                    apply,
                    {
                        Effect: "Allow",
                        Action: "bedrock:GetFoundationModel",
                        Resource: ["ca-central-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"].map((r) => fm(r)),
                    },
                    { Effect: "Allow", Action: ["bedrock:GetInferenceProfile", ...INVOKE], Resource: crisArn() },
                    {
                        Effect: "Allow",
                        Action: INVOKE,
                        Resource: ["ca-central-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"].map((r) => fm(r)),
                        Condition: { ArnLike: { "bedrock:InferenceProfileArn": crisArn() } },
                    },
                ]),
            );
            await expectDecisions(
                await documentsOf(rec, roleName),
                [APPLY].flatMap((action) =>
                    [arn, profileArn("us-east-1"), profileArn("us-east-2"), profileArn("us-west-2")].map((resource) => ({ action, resource })),
                ),
                [{ action: APPLY, resource: profileArn("us-west-1") }],
            );
        }
        // The package's rule for agents without a guardrail is satisfied, and no other rule fires.
        expect(checkProgram(rec)).to.deep.equal([]);
    });

    it("AgentHarness refuses a guardrail (AWS documents none for the harness) rather than ignore it, registering nothing", async () => {
        const rec = mocks();
        const g = usGuardrail();
        await settle();
        const before = rec.resources.length;
        expect(thrown(() => new bedrock.AgentHarness("harness", { model: cris(), instruction: INSTRUCTION, guardrail: g } as any))).to.equal(
            'AgentHarness "harness": guardrail "<guardrail>" is not supported: AWS documents no guardrail for the AgentCore harness; apply it in your application (grantApply and the ApplyGuardrail API) or at an AgentCore gateway (AgentCore Policy)',
        );
        await settle();
        expect(rec.resources.length).to.equal(before);
    });

    it("the plain { guardrailIdentifier, guardrailVersion } form stays accepted", async () => {
        const rec = mocks();
        new bedrock.Agent("agent", {
            foundationModel: cris(),
            instruction: INSTRUCTION,
            guardrail: { guardrailIdentifier: "abcdefgh1234", guardrailVersion: "2" },
        });
        await settle();
        const a = rec.customResources.find((x) => x.type === "aws-native:bedrock:Agent")?.inputs as any;
        expect(a.guardrailConfiguration).to.deep.equal({ guardrailIdentifier: "abcdefgh1234", guardrailVersion: "2" });
    });

    it("renders every policy in CloudFormation's shape; an explicit CLASSIC tier is rendered, the default is left to the service", async () => {
        const rec = mocks();
        new bedrock.Guardrail("all", {
            guardrailName: "all_policies",
            description: "Every policy",
            blockedInputMessaging: "No.",
            blockedOutputsMessaging: "Nope.",
            contentFilters: [{ type: "VIOLENCE", inputStrength: "LOW", outputStrength: "MEDIUM", inputModalities: ["TEXT", "IMAGE"], outputAction: "NONE" }],
            deniedTopics: [bedrock.Topic.custom({ name: "Competitors", definition: "Other vendors.", examples: ["Is X better?"], inputEnabled: false })],
            wordFilters: ["secret", { text: "codename", inputAction: "NONE" }],
            managedWordListFilters: ["PROFANITY"],
            piiFilters: [{ type: "EMAIL", action: "ANONYMIZE", inputAction: "BLOCK" }],
            regexFilters: [{ name: "order", pattern: "ORD-[0-9]+", action: "BLOCK", description: "Orders" }],
            contextualGroundingFilters: [{ type: "RELEVANCE", threshold: 0.5, action: "NONE" }],
            tier: "CLASSIC",
            kmsKey: { arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/abcdabcd-12ab-34cd-56ef-1234567890ab` },
            tags: [{ key: "team", value: "ml" }],
        });
        await settle();
        expect(rec.customResources.find((x) => x.type === "aws-native:bedrock:Guardrail")?.inputs).to.deep.equal({
            name: "all_policies",
            description: "Every policy",
            blockedInputMessaging: "No.",
            blockedOutputsMessaging: "Nope.",
            contentPolicyConfig: {
                filtersConfig: [{ type: "VIOLENCE", inputStrength: "LOW", outputStrength: "MEDIUM", inputModalities: ["TEXT", "IMAGE"], outputAction: "NONE" }],
                contentFiltersTierConfig: { tierName: "CLASSIC" },
            },
            topicPolicyConfig: {
                topicsConfig: [{ name: "Competitors", definition: "Other vendors.", examples: ["Is X better?"], type: "DENY", inputEnabled: false }],
                topicsTierConfig: { tierName: "CLASSIC" },
            },
            wordPolicyConfig: { wordsConfig: [{ text: "secret" }, { text: "codename", inputAction: "NONE" }], managedWordListsConfig: [{ type: "PROFANITY" }] },
            sensitiveInformationPolicyConfig: {
                piiEntitiesConfig: [{ type: "EMAIL", action: "ANONYMIZE", inputAction: "BLOCK" }],
                regexesConfig: [{ name: "order", pattern: "ORD-[0-9]+", action: "BLOCK", description: "Orders" }],
            },
            contextualGroundingPolicyConfig: { filtersConfig: [{ type: "RELEVANCE", threshold: 0.5, action: "NONE" }] },
            kmsKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/abcdabcd-12ab-34cd-56ef-1234567890ab`,
            tags: [{ key: "team", value: "ml" }],
        });
    });

    it("the ready-made topics carry their own definitions (the CDK alpha's are shifted) within the Classic tier's 200 characters", () => {
        const t = bedrock.Topic;
        const expected: [bedrock.DeniedTopic, string, RegExp][] = [
            [t.FINANCIAL_ADVICE, "Financial_Advice", /invest|money/],
            [t.POLITICAL_ADVICE, "Political_Advice", /political|elections/],
            [t.MEDICAL_ADVICE, "Medical_Advice", /diagnos|medication|health/],
            [t.LEGAL_ADVICE, "Legal_Advice", /laws|legal/],
            [t.INAPPROPRIATE_CONTENT, "Inappropriate_Content", /hate speech|sexual/i],
        ];
        for (const [topic, name, definition] of expected) {
            expect(topic.name).to.equal(name);
            expect(topic.definition).to.match(definition);
            expect(topic.definition.length).to.be.at.most(200);
            expect(topic.examples).to.have.length(5);
            for (const e of topic.examples ?? []) expect(e.length).to.be.within(1, 100);
        }
        // Each definition is its own topic's: no political words in the others.
        for (const [topic] of expected.filter(([x]) => x !== t.POLITICAL_ADVICE)) expect(topic.definition).to.not.match(/political/);
        expect(Object.isFrozen(t.FINANCIAL_ADVICE)).to.equal(true);
        expect(Object.isFrozen(t.FINANCIAL_ADVICE.examples)).to.equal(true);
    });

    it("derives the name from the component's name", async () => {
        const rec = mocks();
        new bedrock.Guardrail("my guardrail.v2", { piiFilters: [{ type: "NAME", action: "ANONYMIZE" }] });
        await settle();
        expect((rec.customResources.find((x) => x.type === "aws-native:bedrock:Guardrail")?.inputs as any).name).to.equal("my-guardrail-v2");
    });

    it("with the Region known only at deploy, the profile's every Region is granted, and a Region outside its sources fails at deploy", async () => {
        const rec = setBedrockMocks({ region: "us-west-1", accountId: ACCOUNT });
        const provider = new awsnative.Provider("west", { region: "us-west-1" });
        const g = new bedrock.Guardrail(
            "g",
            { contentFilters: [{ type: "HATE", inputStrength: "LOW", outputStrength: "LOW" }], crossRegion: P.US },
            { provider },
        );
        const role = newRole();
        g.grantApply(role);
        const arn = (await resolveOutput(g.guardrailArn)) as string;
        expect(await resolveOutput(g.guardrailProfileArn)).to.equal(profileArn("us-west-1"));
        expect(await statementsOf(rec, role.name)).to.deep.equal([
            {
                Effect: "Allow",
                Action: APPLY,
                Resource: sorted([arn, ...["us-east-1", "us-east-2", "us-west-1", "us-west-2"].map((r) => profileArn(r))]),
            },
        ]);
    });

    it("grantInvoke(role, { guardrail }) on profiles, models, application profiles and routers adds the apply grant", async () => {
        const rec = mocks();
        const g = usGuardrail();
        const arn = () => resolveOutput(g.guardrailArn) as Promise<string>;
        const role = newRole();
        cris().grantInvoke(role, { guardrail: g });
        const statements = await statementsOf(rec, role.name);
        const apply = {
            Effect: "Allow",
            Action: APPLY,
            Resource: sorted([await arn(), profileArn("us-east-1"), profileArn("us-east-2"), profileArn("us-west-2")]),
        };
        expect(sorted(statements)).to.deep.equal(
            sorted([
                apply,
                { Effect: "Allow", Action: ["bedrock:GetInferenceProfile", ...INVOKE], Resource: crisArn() },
                {
                    Effect: "Allow",
                    Action: INVOKE,
                    Resource: ["ca-central-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"].map((r) => fm(r)),
                    Condition: { ArnLike: { "bedrock:InferenceProfileArn": crisArn() } },
                },
            ]),
        );
        const modelRole = newRole("model-role");
        M.AMAZON_NOVA_LITE_V1.grantInvoke(modelRole, { guardrail: g });
        expect(sorted(await statementsOf(rec, modelRole.name))).to.deep.equal(
            sorted([apply, { Effect: "Allow", Action: INVOKE, Resource: fm("us-east-1", "amazon.nova-lite-v1:0") }]),
        );
        const appRole = newRole("app-role");
        const app = new bedrock.ApplicationInferenceProfile("app", { inferenceProfileName: "app", modelSource: cris() });
        app.grantInvoke(appRole, { guardrail: g, enforce: true });
        const routerRole = newRole("router-role");
        bedrock.PromptRouter.fromDefaultId(bedrock.DefaultPromptRouterIdentifier.ANTHROPIC_CLAUDE_V1, "us-east-1").grantInvoke(routerRole, {
            guardrail: g,
            enforce: true,
        });
        const appStatements = await statementsOf(rec, appRole.name);
        const appArn = (await resolveOutput(app.inferenceProfileArn)) as string;
        const named = { [GI]: await arn() };
        const usModels = (id: string) => ["ca-central-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"].map((r) => fm(r, id));
        // The application profile and the system profile it copies are both entries: both require the guardrail.
        expect(sorted(appStatements)).to.deep.equal(
            sorted([
                apply,
                { Effect: "Allow", Action: "bedrock:GetInferenceProfile", Resource: sorted([appArn, crisArn()]) },
                { Effect: "Allow", Action: INVOKE, Resource: sorted([appArn, crisArn()]), Condition: { StringEquals: named } },
                { Effect: "Deny", Action: INVOKE, Resource: sorted([appArn, crisArn()]), Condition: { StringNotEquals: named } },
                {
                    Effect: "Allow",
                    Action: INVOKE,
                    Resource: usModels(SONNET),
                    Condition: {
                        ArnLike: { "bedrock:InferenceProfileArn": sorted([`arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/*`, crisArn()]) },
                    },
                },
            ]),
        );
        // A default router: the router and the profiles it routes to (which the role could call directly) are entries.
        const router = `arn:aws:bedrock:us-east-1:${ACCOUNT}:default-prompt-router/anthropic.claude:1`;
        const routed = ["anthropic.claude-3-5-sonnet-20240620-v1:0", "anthropic.claude-3-haiku-20240307-v1:0"];
        const routedProfiles = routed.map((id) => `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${id}`);
        expect(sorted(await statementsOf(rec, routerRole.name))).to.deep.equal(
            sorted([
                apply,
                { Effect: "Allow", Action: "bedrock:GetInferenceProfile", Resource: routedProfiles },
                { Effect: "Allow", Action: "bedrock:GetPromptRouter", Resource: router },
                ...routed.map((id, i) => ({
                    Effect: "Allow",
                    Action: INVOKE,
                    Resource: usModels(id),
                    Condition: { ArnLike: { "bedrock:InferenceProfileArn": routedProfiles[i] } },
                })),
                { Effect: "Allow", Action: INVOKE, Resource: [router, ...routedProfiles], Condition: { StringEquals: named } },
                { Effect: "Deny", Action: INVOKE, Resource: [router, ...routedProfiles], Condition: { StringNotEquals: named } },
            ]),
        );
    });

    it("grantInvoke(role, { guardrail, enforce: true }): invocation only when the request names the guardrail, whatever else the role is allowed (IAM evaluator)", async () => {
        const rec = mocks();
        const g = usGuardrail();
        const version = g.createVersion("v1");
        const role = newRole();
        const profile = cris();
        profile.grantInvoke(role, { guardrail: version, enforce: true });
        // Another grant of the same profile, without the guardrail: the Deny still holds.
        profile.grantInvoke(role);
        const arn = (await resolveOutput(g.guardrailArn)) as string;
        const named = `${arn}:1`;
        const statements = await statementsOf(rec, role.name);
        expect(sorted(statements)).to.deep.equal(
            sorted([
                { Effect: "Allow", Action: APPLY, Resource: sorted([arn, profileArn("us-east-1"), profileArn("us-east-2"), profileArn("us-west-2")]) },
                { Effect: "Allow", Action: ["bedrock:GetInferenceProfile", ...INVOKE], Resource: crisArn() },
                {
                    Effect: "Allow",
                    Action: INVOKE,
                    Resource: ["ca-central-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"].map((r) => fm(r)),
                    Condition: { ArnLike: { "bedrock:InferenceProfileArn": crisArn() } },
                },
                { Effect: "Allow", Action: INVOKE, Resource: crisArn(), Condition: { StringEquals: { [GI]: named } } },
                { Effect: "Deny", Action: INVOKE, Resource: crisArn(), Condition: { StringNotEquals: { [GI]: named } } },
            ]),
        );
        const policies = await documentsOf(rec, role.name);
        const via = { "bedrock:InferenceProfileArn": crisArn() };
        await expectDecisions(
            policies,
            [...invoke(crisArn(), { [GI]: named }), ...invoke(fm("us-west-2"), { ...via, [GI]: named }), { action: APPLY, resource: arn }],
            [
                ...invoke(crisArn()),
                ...invoke(crisArn(), { [GI]: arn }),
                ...invoke(crisArn(), { [GI]: `${arn}:2` }),
                ...invoke(crisArn(), { [GI]: `arn:aws:bedrock:us-east-1:${ACCOUNT}:guardrail/othergrdrl12:1` }),
                ...invoke(fm("us-east-1")),
            ],
        );
    });

    it("enforce on a model called directly conditions the model; DRAFT is named by the bare ARN", async () => {
        const rec = mocks();
        const g = new bedrock.Guardrail("classic", { piiFilters: [{ type: "EMAIL", action: "BLOCK" }] });
        const role = newRole();
        M.AMAZON_NOVA_LITE_V1.grantInvoke(role, { guardrail: g, enforce: true });
        const arn = (await resolveOutput(g.guardrailArn)) as string;
        const model = fm("us-east-1", "amazon.nova-lite-v1:0");
        expect(sorted(await statementsOf(rec, role.name))).to.deep.equal(
            sorted([
                { Effect: "Allow", Action: APPLY, Resource: arn },
                { Effect: "Allow", Action: INVOKE, Resource: model, Condition: { StringEquals: { [GI]: arn } } },
                { Effect: "Deny", Action: INVOKE, Resource: model, Condition: { StringNotEquals: { [GI]: arn } } },
            ]),
        );
        await expectDecisions(await documentsOf(rec, role.name), invoke(model, { [GI]: arn }), [...invoke(model), ...invoke(model, { [GI]: `${arn}:1` })]);
    });

    it("refuses enforce without a guardrail, and a guardrail that is not one, naming the option", () => {
        mocks();
        const role = newRole();
        const who = `CrossRegionInferenceProfile "us.${SONNET}"`;
        expect(thrown(() => cris().grantInvoke(role, { enforce: true }))).to.equal(
            `${who}: opts.enforce true needs opts.guardrail: the guardrail requests must name`,
        );
        expect(thrown(() => cris().grantInvoke(role, { guardrail: { guardrailIdentifier: "abc" } as any }))).to.equal(
            `${who}: opts.guardrail {"guardrailIdentifier":"abc"} must be a Guardrail, a version from createVersion, or Guardrail.fromGuardrailAttributes(...)`,
        );
        expect(thrown(() => cris().grantInvoke(role, { guardrail: usGuardrail(), enforce: "yes" as any }))).to.equal(
            `${who}: opts.enforce "yes" must be a boolean`,
        );
    });

    it("createVersion: the description carries the content hash; it changes with the content and nothing else", async () => {
        const hashOf = async (args: Partial<bedrock.GuardrailArgs>, name = "g") => {
            const rec = mocks();
            const g = new bedrock.Guardrail(name, { contentFilters: [{ type: "HATE", inputStrength: "HIGH", outputStrength: "HIGH" }], ...args });
            const v = g.createVersion("release");
            await settle();
            const r = rec.customResources.find((x) => x.type === "aws-native:bedrock:GuardrailVersion");
            expect(r?.name).to.equal(`${name}-version`);
            expect(await resolveOutput(v.guardrailVersion)).to.equal("1");
            return (r?.inputs as { description: string }).description;
        };
        const base = await hashOf({});
        expect(base).to.match(/^release \(content [0-9a-f]{16}\)$/);
        expect(await hashOf({})).to.equal(base);
        // Metadata: the same version.
        expect(await hashOf({ tags: { team: "ml" }, description: "described", guardrailName: "renamed" }, "other")).to.equal(base);
        // Content: a new version.
        expect(await hashOf({ contentFilters: [{ type: "HATE", inputStrength: "MEDIUM", outputStrength: "HIGH" }] })).to.not.equal(base);
        expect(await hashOf({ blockedInputMessaging: "No." })).to.not.equal(base);
        expect(await hashOf({ piiFilters: [{ type: "EMAIL", action: "BLOCK" }] })).to.not.equal(base);
        expect(await hashOf({ crossRegion: P.US })).to.not.equal(base);
    });

    it("createVersion names versions, depends on the guardrail, and refuses a description that leaves no room for the hash", async () => {
        const rec = mocks();
        const g = usGuardrail();
        g.createVersion();
        g.createVersion("second", { name: "pinned", retainOnDelete: true });
        await settle();
        const versions = rec.customResources.filter((x) => x.type === "aws-native:bedrock:GuardrailVersion");
        expect(versions.map((v) => v.name)).to.deep.equal(["support-guardrail-version", "pinned"]);
        expect((versions[0].inputs as any).description).to.match(/^Version of guardrail support-guardrail \(content [0-9a-f]{16}\)$/);
        expect((versions[0].inputs as any).guardrailIdentifier).to.equal(await resolveOutput(g.guardrailId));
        expect(thrown(() => g.createVersion("x".repeat(174)))).to.equal(
            `Guardrail.createVersion "support-guardrail": description "${"x".repeat(174)}" must have at most 173 characters (has 174)`,
        );
    });

    it("metric and addAlarm: AWS/Bedrock/Guardrails with GuardrailArn and GuardrailVersion", async () => {
        const rec = mocks();
        const g = usGuardrail();
        const v = g.createVersion("v");
        const m = g.metric("InvocationsIntervened");
        expect(m.namespace).to.equal("AWS/Bedrock/Guardrails");
        expect([m.metricName, m.statistic, m.period]).to.deep.equal(["InvocationsIntervened", "Sum", 300]);
        expect(g.metric("InvocationLatency").statistic).to.equal("Average");
        const arn = await resolveOutput(g.guardrailArn);
        expect(await resolveOutput(m.dimensions.GuardrailArn)).to.equal(arn);
        expect(await resolveOutput(m.dimensions.GuardrailVersion)).to.equal("DRAFT");
        expect(await resolveOutput(v.metric("Invocations").dimensions.GuardrailVersion)).to.equal("1");
        v.addAlarm("intervened", { metric: "InvocationsIntervened", threshold: 10, period: 3600, actions: ["arn:aws:sns:us-east-1:123456789012:ops"] });
        g.addAlarm("p99", { metric: g.metric("InvocationLatency", { statistic: "p99" }), threshold: 500 });
        await settle();
        const alarms = rec.customResources.filter((x) => x.type === "aws:cloudwatch/metricAlarm:MetricAlarm");
        expect(alarms.map((a) => a.name).sort()).to.deep.equal(["support-guardrail-p99", "support-guardrail-version-intervened"]);
        alarms.sort((a, b) => (a.name < b.name ? 1 : -1));
        expect(alarms[0].inputs).to.deep.include({
            namespace: "AWS/Bedrock/Guardrails",
            metricName: "InvocationsIntervened",
            dimensions: { GuardrailArn: arn, GuardrailVersion: "1" },
            statistic: "Sum",
            period: 3600,
            threshold: 10,
            evaluationPeriods: 1,
            comparisonOperator: "GreaterThanThreshold",
            treatMissingData: "notBreaching",
            alarmActions: ["arn:aws:sns:us-east-1:123456789012:ops"],
        });
        expect(alarms[1].inputs).to.deep.include({ extendedStatistic: "p99", metricName: "InvocationLatency" });
        expect(alarms[0].parent).to.equal(rec.resources.find((x) => x.type === "bedrock-genai:index:Guardrail")?.urn);
        expect(thrown(() => g.metric("InputTokenCount" as any))).to.equal(
            'Guardrail.metric: name "InputTokenCount" is not a guardrail metric (one of InvocationClientErrors, InvocationLatency, InvocationServerErrors, InvocationThrottles, Invocations, InvocationsIntervened, TextUnitCount)',
        );
        expect(thrown(() => g.addAlarm("x", { metric: v.metric("Invocations"), threshold: 1 }))).to.equal(
            'Guardrail.addAlarm "x": metric "Invocations of <output>" is a metric of another guardrail or version: pass this guardrail\'s metric() or a metric name',
        );
        expect(thrown(() => g.addAlarm("x", { metric: "Invocations", threshold: -1 }))).to.equal(
            'Guardrail.addAlarm "x": threshold -1 must be a finite number, zero or more (guardrail metrics are counts and durations)',
        );
        expect(thrown(() => g.addAlarm("x", { metric: "Invocations", threshold: 1, period: 30 }))).to.equal(
            'Guardrail.addAlarm "x": period 30 must be a positive multiple of 60 seconds (CloudWatch accepts 10, 20 and 30 only for high-resolution metrics, and Bedrock publishes one-minute metrics)',
        );
    });

    it("UsageDashboard graphs the guardrails given, below the profiles", async () => {
        mocks();
        const g = usGuardrail();
        const v = g.createVersion("v");
        const d = new bedrock.UsageDashboard("usage", { profiles: [cris()], guardrails: [g, v] });
        const body = JSON.parse((await resolveOutput(d.dashboardBody)) as string) as { widgets: any[] };
        const arn = await resolveOutput(g.guardrailArn);
        const guardrailWidgets = body.widgets.filter((w) => String(w.properties.title).startsWith("Guardrail"));
        expect(guardrailWidgets.map((w) => w.properties.title)).to.deep.equal([
            "Guardrail evaluations",
            "Guardrail interventions",
            "Guardrail latency (ms, average)",
            "Guardrail text units",
        ]);
        expect(guardrailWidgets[1].properties.metrics).to.deep.equal([
            [
                "AWS/Bedrock/Guardrails",
                "InvocationsIntervened",
                "GuardrailArn",
                arn,
                "GuardrailVersion",
                "DRAFT",
                { label: "support-guardrail", region: "us-east-1" },
            ],
            [
                "AWS/Bedrock/Guardrails",
                "InvocationsIntervened",
                "GuardrailArn",
                arn,
                "GuardrailVersion",
                "1",
                { label: "support-guardrail-version", region: "us-east-1" },
            ],
        ]);
        const lowestProfileWidget = Math.max(...body.widgets.filter((w) => !String(w.properties.title).startsWith("Guardrail")).map((w) => w.y + w.height));
        expect(Math.min(...guardrailWidgets.map((w) => w.y))).to.equal(lowestProfileWidget);
        expect(thrown(() => new bedrock.UsageDashboard("bad", { profiles: [cris()], guardrails: [g, g] }))).to.equal(
            'UsageDashboard "bad": guardrails[1] "support-guardrail" is guardrails[0] again',
        );
        // Without guardrails the body is the profiles' alone.
        const plain = new bedrock.UsageDashboard("plain", { profiles: [cris()] });
        expect(JSON.parse((await resolveOutput(plain.dashboardBody)) as string).widgets).to.have.length(7);
    });

    it("fromGuardrailAttributes: an existing guardrail's apply grant covers its profile from its Region and its key", async () => {
        const rec = mocks();
        const arn = `arn:aws:bedrock:us-west-1:${ACCOUNT}:guardrail/abcdefgh1234`;
        const key = `arn:aws:kms:us-west-1:${ACCOUNT}:key/abcdabcd-12ab-34cd-56ef-1234567890ab`;
        const g = bedrock.Guardrail.fromGuardrailAttributes({ guardrailArn: arn, guardrailVersion: "4", kmsKeyArn: key, crossRegion: P.US });
        const role = newRole();
        g.grantApply(role);
        const other = newRole("other-role");
        M.AMAZON_NOVA_LITE_V1.grantInvoke(other, { guardrail: g, enforce: true });
        expect(await resolveOutput(g.guardrailId)).to.equal("abcdefgh1234");
        expect(await resolveOutput(g.guardrailVersion)).to.equal("4");
        expect(sorted(await statementsOf(rec, role.name))).to.deep.equal(
            sorted([
                { Effect: "Allow", Action: APPLY, Resource: sorted([arn, ...["us-east-1", "us-east-2", "us-west-1", "us-west-2"].map((r) => profileArn(r))]) },
                { Effect: "Allow", Action: "kms:Decrypt", Resource: key },
            ]),
        );
        expect(await statementsOf(rec, other.name)).to.deep.include({
            Effect: "Deny",
            Action: INVOKE,
            Resource: fm("us-east-1", "amazon.nova-lite-v1:0"),
            Condition: { StringNotEquals: { [GI]: `${arn}:4` } },
        });
        expect(thrown(() => bedrock.Guardrail.fromGuardrailAttributes({ guardrailArn: "abcdefgh1234" }))).to.equal(
            'Guardrail.fromGuardrailAttributes: guardrailArn "abcdefgh1234" must match ^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail\\/[a-z0-9]+$ (a guardrail ARN)',
        );
        expect(thrown(() => bedrock.Guardrail.fromGuardrailAttributes({ guardrailArn: arn, crossRegion: P.EU }))).to.equal(
            'Guardrail.fromGuardrailAttributes: crossRegion "eu.guardrail.v1:0" cannot be used by a guardrail in us-west-1: its source Regions are eu-central-1, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-3, il-central-1',
        );
    });
});

/** One invalid configuration and the exact message. */
interface Case {
    name: string;
    args: Record<string, unknown>;
    expected: string;
    region?: string;
}

const HATE = { type: "HATE", inputStrength: "HIGH", outputStrength: "HIGH" };
const topic = (i: number, extra: Record<string, unknown> = {}) => ({ name: `topic ${i}`, definition: "A topic.", ...extra });
const CASES: Case[] = [
    {
        name: "no policy at all",
        args: {},
        expected:
            "contentFilters undefined (or deniedTopics, wordFilters, managedWordListFilters, piiFilters, regexFilters, contextualGroundingFilters) is required: a guardrail needs at least one policy",
    },
    {
        name: "a name outside the pattern",
        args: { guardrailName: "bad name!", contentFilters: [HATE] },
        expected: 'guardrailName "bad name!" must match ^[0-9a-zA-Z_-]+$ (letters, digits, hyphens and underscores)',
    },
    {
        name: "a name over 50 characters",
        args: { guardrailName: "n".repeat(51), contentFilters: [HATE] },
        expected: `guardrailName "${"n".repeat(51)}" must have at most 50 characters (has 51)`,
    },
    {
        name: "a description over 200 characters",
        args: { description: "d".repeat(201), contentFilters: [HATE] },
        expected: `description "${"d".repeat(201)}" must have at most 200 characters (has 201)`,
    },
    {
        name: "an empty blocked input message",
        args: { blockedInputMessaging: "", contentFilters: [HATE] },
        expected: 'blockedInputMessaging "" must not be empty',
    },
    {
        name: "a blocked output message over 500 characters",
        args: { blockedOutputsMessaging: "m".repeat(501), contentFilters: [HATE] },
        expected: `blockedOutputsMessaging "${"m".repeat(501)}" must have at most 500 characters (has 501)`,
    },
    {
        name: "an unknown content filter type",
        args: { contentFilters: [{ ...HATE, type: "SPAM" }] },
        expected: 'contentFilters[0].type "SPAM" must be one of SEXUAL, VIOLENCE, HATE, INSULTS, MISCONDUCT, PROMPT_ATTACK',
    },
    { name: "a content filter type twice", args: { contentFilters: [HATE, HATE] }, expected: 'contentFilters[1].type "HATE" is given twice (also at index 0)' },
    {
        name: "more than six content filters",
        args: { contentFilters: Array(7).fill(HATE) },
        expected: 'contentFilters "7 items" must hold at most 6 content filters',
    },
    {
        name: "a bad strength",
        args: { contentFilters: [{ ...HATE, outputStrength: "EXTREME" }] },
        expected: 'contentFilters[0].outputStrength "EXTREME" must be one of NONE, LOW, MEDIUM, HIGH',
    },
    {
        name: "a missing strength",
        args: { contentFilters: [{ type: "HATE", inputStrength: "HIGH" }] },
        expected: "contentFilters[0].outputStrength undefined must be one of NONE, LOW, MEDIUM, HIGH",
    },
    {
        name: "a bad modality",
        args: { contentFilters: [{ ...HATE, inputModalities: ["AUDIO"] }] },
        expected: 'contentFilters[0].inputModalities[0] "AUDIO" must be one of TEXT, IMAGE',
    },
    {
        name: "a bad action",
        args: { contentFilters: [{ ...HATE, inputAction: "ANONYMIZE" }] },
        expected: 'contentFilters[0].inputAction "ANONYMIZE" must be one of BLOCK, NONE',
    },
    {
        name: "more than 30 topics",
        args: { deniedTopics: Array.from({ length: 31 }, (_, i) => topic(i)) },
        expected: 'deniedTopics "31 items" must hold at most 30 denied topics',
    },
    {
        name: "a topic name outside the pattern",
        args: { deniedTopics: [{ name: "a/b", definition: "x" }] },
        expected: 'deniedTopics[0].name "a/b" must match ^[0-9a-zA-Z_ !?.-]+$ (letters, digits, spaces and _ - ! ? .)',
    },
    { name: "a topic name twice", args: { deniedTopics: [topic(1), topic(1)] }, expected: 'deniedTopics[1].name "topic 1" is given twice (also at index 0)' },
    {
        name: "a 201-character definition on the Classic tier",
        args: { deniedTopics: [topic(1, { definition: "x".repeat(201) })] },
        expected: `deniedTopics[0].definition "${"x".repeat(201)}" must have at most 200 characters on the CLASSIC tier (has 201; the STANDARD tier takes 1000)`,
    },
    {
        name: "a 1001-character definition on the Standard tier",
        args: { deniedTopics: [topic(1, { definition: "x".repeat(1001) })], tier: "STANDARD", crossRegion: P.US },
        expected: `deniedTopics[0].definition "${"x".repeat(1001)}" must have at most 1000 characters (has 1001)`,
    },
    {
        name: "six examples",
        args: { deniedTopics: [topic(1, { examples: Array(6).fill("e") })] },
        expected: 'deniedTopics[0].examples "6 examples" must hold at most 5 examples',
    },
    {
        name: "a 101-character example",
        args: { deniedTopics: [topic(1, { examples: ["e".repeat(101)] })] },
        expected: `deniedTopics[0].examples[0] "${"e".repeat(101)}" must have at most 100 characters (has 101)`,
    },
    {
        name: "a 101-character word",
        args: { wordFilters: ["w".repeat(101)] },
        expected: `wordFilters[0] "${"w".repeat(101)}" must have at most 100 characters (has 101)`,
    },
    { name: "more than 10,000 words", args: { wordFilters: Array(10_001).fill("w") }, expected: 'wordFilters "10001 items" must hold at most 10000 words' },
    {
        name: "a managed list other than PROFANITY",
        args: { managedWordListFilters: ["SLANG"] },
        expected: 'managedWordListFilters[0] "SLANG" must be one of PROFANITY',
    },
    {
        name: "an unknown PII type",
        args: { piiFilters: [{ type: "SSN", action: "BLOCK" }] },
        expected: `piiFilters[0].type "SSN" must be one of ${bedrock.PII_ENTITY_TYPES.join(", ")}`,
    },
    {
        name: "a PII type twice",
        args: {
            piiFilters: [
                { type: "EMAIL", action: "BLOCK" },
                { type: "EMAIL", action: "ANONYMIZE" },
            ],
        },
        expected: 'piiFilters[1].type "EMAIL" is given twice (also at index 0)',
    },
    {
        name: "a PII filter without action",
        args: { piiFilters: [{ type: "EMAIL" }] },
        expected: "piiFilters[0].action undefined must be one of BLOCK, ANONYMIZE, NONE",
    },
    {
        name: "more than 30 regexes",
        args: { regexFilters: Array(31).fill({ name: "r", pattern: "x", action: "BLOCK" }) },
        expected: 'regexFilters "31 items" must hold at most 30 regex filters',
    },
    {
        name: "a 501-character regex",
        args: { regexFilters: [{ name: "r", pattern: "x".repeat(501), action: "BLOCK" }] },
        expected: `regexFilters[0].pattern "${"x".repeat(501)}" must have at most 500 characters (has 501)`,
    },
    {
        name: "a regex description over 1000 characters",
        args: { regexFilters: [{ name: "r", pattern: "x", action: "BLOCK", description: "d".repeat(1001) }] },
        expected: `regexFilters[0].description "${"d".repeat(1001)}" must have at most 1000 characters (has 1001)`,
    },
    {
        name: "a grounding threshold of 1",
        args: { contextualGroundingFilters: [{ type: "GROUNDING", threshold: 1 }] },
        expected: "contextualGroundingFilters[0].threshold 1 must be a number between 0 and 0.99",
    },
    {
        name: "a negative grounding threshold",
        args: { contextualGroundingFilters: [{ type: "RELEVANCE", threshold: -0.1 }] },
        expected: "contextualGroundingFilters[0].threshold -0.1 must be a number between 0 and 0.99",
    },
    {
        name: "a grounding type twice",
        args: {
            contextualGroundingFilters: [
                { type: "GROUNDING", threshold: 0.5 },
                { type: "GROUNDING", threshold: 0.6 },
            ],
        },
        expected: 'contextualGroundingFilters[1].type "GROUNDING" is given twice (also at index 0)',
    },
    { name: "an unknown tier", args: { tier: "PREMIUM", contentFilters: [HATE] }, expected: 'tier "PREMIUM" must be one of CLASSIC, STANDARD' },
    {
        name: "STANDARD without a guardrail profile",
        args: { tier: "STANDARD", contentFilters: [HATE] },
        expected: "crossRegion undefined is required with tier STANDARD: the Standard tier runs on cross-Region inference (a GuardrailProfileRegion)",
    },
    {
        name: "a model geography as the profile",
        args: { crossRegion: G.US, contentFilters: [HATE] },
        expected:
            'crossRegion "CrossRegionInferenceProfileRegion.US" is a model profile geography: a guardrail takes a GuardrailProfileRegion (.US, .US_GOV, .EU, .UK, .AU, .CA, .APAC)',
    },
    {
        name: "the US profile from eu-west-1",
        region: "eu-west-1",
        args: { crossRegion: P.US, contentFilters: [HATE] },
        expected:
            'crossRegion "us.guardrail.v1:0" cannot be used by a guardrail in eu-west-1: its source Regions are us-east-1, us-east-2, us-west-1, us-west-2',
    },
    {
        name: "the CA profile from ca-west-1 (a destination only)",
        region: "ca-west-1",
        args: { crossRegion: P.CA, contentFilters: [HATE] },
        expected: 'crossRegion "ca.guardrail.v1:0" cannot be used by a guardrail in ca-west-1: its source Regions are ca-central-1',
    },
    {
        name: "a KMS alias instead of a key ARN",
        args: { kmsKey: "alias/mine", contentFilters: [HATE] },
        expected: 'kmsKey "alias/mine" must match ^arn:aws(-[^:]+)?:kms:[a-zA-Z0-9-]*:[0-9]{12}:key\\/[a-zA-Z0-9-]{36}$ (a KMS key ARN)',
    },
    {
        name: "an aws: tag",
        args: { tags: { "aws:x": "y" }, contentFilters: [HATE] },
        expected: 'tags[0].key "aws:x" must not start with the reserved prefix "aws:"',
    },
];

describe("Guardrail refuses every documented limit at construction, naming the argument, and registers nothing", () => {
    for (const c of CASES) {
        it(c.name, async () => {
            const region = c.region ?? "us-east-1";
            const rec = mocks(region);
            await settle();
            let message: string | undefined;
            try {
                new bedrock.Guardrail("g", c.args as any);
            } catch (e) {
                message = (e as Error).message;
            }
            expect(message, "the call must throw").to.be.a("string");
            expect(message).to.equal(`Guardrail "g": ${c.expected}`);
            await settle();
            expect(rec.resources.map((r) => r.type)).to.deep.equal([]);
        });
    }
});
