import { expect } from "chai";
import { policiesForRole, resolveOutput, settle, type MockRecorder } from "../components/testing/testing";
import * as bedrock from "../sdk/nodejs";
import { decisions, type IamRequest, type Principal } from "./support/iam-eval";
import { newRole } from "./support/programs";
import { ACCOUNT, INVOKE, grantMocks } from "./support/grants";

const OTHER_ACCOUNT = "210987654321";
const M = bedrock.BedrockFoundationModel;
const G = bedrock.CrossRegionInferenceProfileRegion;
const PROFILE_KEY = "bedrock:InferenceProfileArn";

const fm = (partition: string, region: string, id: string) => `arn:${partition}:bedrock:${region}::foundation-model/${id}`;
const sysArn = (partition: string, region: string, account: string, id: string) => `arn:${partition}:bedrock:${region}:${account}:inference-profile/${id}`;

/** `action` on `resource` for both invoke actions. */
const invoke = (resource: string, context?: Record<string, string>): IamRequest[] => INVOKE.map((action) => ({ action, resource, context }));

async function policiesOf(rec: MockRecorder, role: ReturnType<typeof newRole>): Promise<string[]> {
    await settle();
    const name = (await resolveOutput(role.name)) as string;
    const policies = policiesForRole(rec, name);
    expect(policies.length, "grants attached policies").to.be.greaterThan(0);
    return policies.map((p) => p.json);
}

async function expectDecisions(policies: string[], principal: Principal, allowed: IamRequest[], denied: IamRequest[]): Promise<void> {
    const a = await decisions(policies, allowed, principal);
    expect(
        a.filter((d) => !d.startsWith("Allowed ")),
        "requests that must be allowed",
    ).to.deep.equal([]);
    const d = await decisions(policies, denied, principal);
    expect(
        d.filter((x) => x.startsWith("Allowed ")),
        "requests that must be denied",
    ).to.deep.equal([]);
}

describe("IAM evaluation of grants (iam-simulate)", function () {
    this.timeout(60_000);

    const geographic: { geo: bedrock.CrossRegionInferenceProfileRegion; region: string; outside: string; model: bedrock.BedrockFoundationModel }[] = [
        { geo: G.US, region: "us-east-1", outside: "eu-west-1", model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 },
        { geo: G.EU, region: "eu-west-1", outside: "us-east-1", model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 },
        { geo: G.US_GOV, region: "us-gov-west-1", outside: "us-east-1", model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 },
        { geo: G.APAC, region: "ap-southeast-1", outside: "us-east-1", model: M.ANTHROPIC_CLAUDE_SONNET_4_V1_0 },
        { geo: G.JP, region: "ap-northeast-1", outside: "us-east-1", model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 },
        { geo: G.AU, region: "ap-southeast-2", outside: "us-east-1", model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 },
        // Auckland: its au. requests may also run in Auckland itself.
        { geo: G.AU, region: "ap-southeast-6", outside: "us-east-1", model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 },
        // No model in the catalog has a listed ca. profile: one with ca undocumented (accepted with a warning).
        { geo: G.CA, region: "ca-central-1", outside: "us-east-1", model: M.ANTHROPIC_CLAUDE_OPUS_4_8 },
        { geo: G.IN, region: "ap-south-1", outside: "us-east-1", model: M.META_LLAMA_4_MAVERICK_17B_INSTRUCT_V1 },
    ];

    for (const { geo, region, outside, model } of geographic) {
        it(`${geo.name} from ${region}: invoke through the profile in every destination Region of ${region}; nothing else`, async () => {
            const rec = grantMocks(region);
            const role = newRole();
            const cris = new bedrock.CrossRegionInferenceProfile("cris", { geoRegion: geo, model });
            cris.grantInvoke(role);
            cris.grantProfileUsage(role);
            const policies = await policiesOf(rec, role);
            const p = geo.partition;
            const arn = sysArn(p, region, ACCOUNT, `${geo.prefix}.${model.modelId}`);
            expect(await resolveOutput(cris.inferenceProfileArn)).to.equal(arn);
            const via = { [PROFILE_KEY]: arn };
            const destinations = geo.destinationsFrom(region) as readonly string[];
            expect(destinations.length).to.be.greaterThan(1);
            const other = model === M.ANTHROPIC_CLAUDE_3_5_HAIKU_V1_0 ? M.AMAZON_NOVA_PRO_V1 : M.ANTHROPIC_CLAUDE_3_5_HAIKU_V1_0;
            const allowed = [
                ...invoke(arn),
                ...destinations.flatMap((r) => invoke(fm(p, r, model.modelId), via)),
                { action: "bedrock:GetInferenceProfile", resource: arn },
                { action: "bedrock:ListInferenceProfiles", resource: "*" },
            ];
            const denied = [
                // The model directly, without the profile.
                ...invoke(fm(p, region, model.modelId)),
                // Through another profile (another account's, another model's).
                ...invoke(fm(p, region, model.modelId), { [PROFILE_KEY]: sysArn(p, region, OTHER_ACCOUNT, `${geo.prefix}.${model.modelId}`) }),
                // Other models, even through this profile's ARN.
                ...invoke(fm(p, region, other.modelId), via),
                ...invoke(sysArn(p, region, ACCOUNT, `${geo.prefix}.${other.modelId}`)),
                // A Region outside the geography (same partition only).
                ...(geo.partition === "aws" ? invoke(fm(p, outside, model.modelId), via) : []),
                // A Region of the geography that this source's requests never run in (Sydney's au. requests: not Auckland).
                ...geo.destinationRegions.filter((r) => !destinations.includes(r)).flatMap((r) => invoke(fm(p, r, model.modelId), via)),
                // Another account's profile.
                ...invoke(sysArn(p, region, OTHER_ACCOUNT, `${geo.prefix}.${model.modelId}`)),
                { action: "bedrock:GetInferenceProfile", resource: sysArn(p, region, OTHER_ACCOUNT, `${geo.prefix}.${model.modelId}`) },
                // Other Bedrock actions on the model.
                { action: "bedrock:GetFoundationModel", resource: fm(p, region, model.modelId) },
            ];
            await expectDecisions(policies, { account: ACCOUNT, partition: p }, allowed, denied);
        });
    }

    it("GLOBAL: the profile, the source-Region model and the Region-less model with aws:RequestedRegion=unspecified", async () => {
        const region = "us-west-2";
        const model = M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0;
        const rec = grantMocks(region);
        const role = newRole();
        const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.GLOBAL, model });
        cris.grantInvoke(role);
        cris.grantProfileUsage(role);
        const policies = await policiesOf(rec, role);
        const arn = sysArn("aws", region, ACCOUNT, `global.${model.modelId}`);
        const global = `arn:aws:bedrock:::foundation-model/${model.modelId}`;
        const allowed = [
            ...invoke(arn),
            ...invoke(fm("aws", region, model.modelId), { [PROFILE_KEY]: arn }),
            ...invoke(global, { [PROFILE_KEY]: arn, "aws:RequestedRegion": "unspecified" }),
            { action: "bedrock:GetInferenceProfile", resource: arn },
            { action: "bedrock:ListInferenceProfiles", resource: "*" },
        ];
        const denied = [
            ...invoke(global, { [PROFILE_KEY]: arn, "aws:RequestedRegion": "us-east-1" }),
            ...invoke(global, { "aws:RequestedRegion": "unspecified" }),
            ...invoke(global, { [PROFILE_KEY]: sysArn("aws", region, OTHER_ACCOUNT, `global.${model.modelId}`), "aws:RequestedRegion": "unspecified" }),
            ...invoke(`arn:aws:bedrock:::foundation-model/${M.ANTHROPIC_CLAUDE_3_5_HAIKU_V1_0.modelId}`, {
                [PROFILE_KEY]: arn,
                "aws:RequestedRegion": "unspecified",
            }),
            ...invoke(fm("aws", region, model.modelId)),
            ...invoke(sysArn("aws", region, OTHER_ACCOUNT, `global.${model.modelId}`)),
            ...invoke(sysArn("aws", region, ACCOUNT, `us.${model.modelId}`)),
        ];
        await expectDecisions(policies, { account: ACCOUNT, partition: "aws" }, allowed, denied);
    });

    it("application profile on a foundation model: the profile, and the model in its Region only through it", async () => {
        const region = "us-east-1";
        const model = M.ANTHROPIC_CLAUDE_HAIKU_V1_0;
        const rec = grantMocks(region);
        const role = newRole();
        const app = new bedrock.ApplicationInferenceProfile("app", { inferenceProfileName: "haiku", modelSource: model });
        app.grantInvoke(role);
        app.grantProfileUsage(role);
        const policies = await policiesOf(rec, role);
        const arn = (await resolveOutput(app.inferenceProfileArn)) as string;
        expect(arn).to.match(/^arn:aws:bedrock:us-east-1:123456789012:application-inference-profile\/[a-z0-9]{12}$/);
        const otherApp = `arn:aws:bedrock:us-east-1:${OTHER_ACCOUNT}:application-inference-profile/abcdabcdabcd`;
        const allowed = [
            ...invoke(arn),
            ...invoke(fm("aws", region, model.modelId), { [PROFILE_KEY]: arn }),
            { action: "bedrock:GetInferenceProfile", resource: arn },
            { action: "bedrock:ListInferenceProfiles", resource: "*" },
        ];
        const denied = [
            ...invoke(fm("aws", region, model.modelId)),
            ...invoke(fm("aws", "us-west-2", model.modelId), { [PROFILE_KEY]: arn }),
            ...invoke(fm("aws", region, M.ANTHROPIC_CLAUDE_3_5_HAIKU_V1_0.modelId), { [PROFILE_KEY]: arn }),
            ...invoke(fm("aws", region, model.modelId), { [PROFILE_KEY]: otherApp }),
            ...invoke(otherApp),
            { action: "bedrock:GetInferenceProfile", resource: otherApp },
        ];
        await expectDecisions(policies, { account: ACCOUNT, partition: "aws" }, allowed, denied);
    });

    it("application profile on a cross-region profile: both profiles, and the model in every destination Region through them", async () => {
        const region = "us-east-2";
        const model = M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0;
        const rec = grantMocks(region);
        const role = newRole();
        const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model });
        const app = new bedrock.ApplicationInferenceProfile("app", { inferenceProfileName: "sonnet", modelSource: cris });
        app.grantInvoke(role);
        app.grantProfileUsage(role);
        const policies = await policiesOf(rec, role);
        const arn = (await resolveOutput(app.inferenceProfileArn)) as string;
        const crisArn = sysArn("aws", region, ACCOUNT, `us.${model.modelId}`);
        const allowed = [
            ...invoke(arn),
            ...invoke(crisArn),
            ...G.US.destinationRegions.flatMap((r) => [
                ...invoke(fm("aws", r, model.modelId), { [PROFILE_KEY]: arn }),
                ...invoke(fm("aws", r, model.modelId), { [PROFILE_KEY]: crisArn }),
            ]),
            { action: "bedrock:GetInferenceProfile", resource: arn },
            { action: "bedrock:GetInferenceProfile", resource: crisArn },
            { action: "bedrock:ListInferenceProfiles", resource: "*" },
        ];
        const denied = [
            ...invoke(fm("aws", region, model.modelId)),
            ...invoke(fm("aws", "eu-west-1", model.modelId), { [PROFILE_KEY]: arn }),
            ...invoke(fm("aws", region, M.ANTHROPIC_CLAUDE_HAIKU_V1_0.modelId), { [PROFILE_KEY]: arn }),
            ...invoke(`arn:aws:bedrock:${region}:${OTHER_ACCOUNT}:application-inference-profile/abcdabcdabcd`),
            ...invoke(sysArn("aws", region, OTHER_ACCOUNT, `us.${model.modelId}`)),
            ...invoke(sysArn("aws", region, ACCOUNT, `eu.${model.modelId}`)),
        ];
        await expectDecisions(policies, { account: ACCOUNT, partition: "aws" }, allowed, denied);
    });

    it("120 tenants' application profiles on 4 models, split across policies: each granted profile reaches its model in every destination Region; an ungranted profile, an ungranted system profile and a direct call are denied", async () => {
        const region = "us-east-1";
        const rec = grantMocks(region);
        const role = newRole();
        const models = [M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0, M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0, M.ANTHROPIC_CLAUDE_3_7_SONNET_V1_0, M.AMAZON_NOVA_PRO_V1];
        const crises = models.map((model) => bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model }));
        const apps = Array.from(
            { length: 120 },
            (_, i) => new bedrock.ApplicationInferenceProfile(`t${i}`, { inferenceProfileName: `tenant ${i}`, modelSource: crises[i % 4] }),
        );
        // Granted one by one, as a loop of grant calls; the role's access set lays them out.
        for (const a of apps) {
            a.grantInvoke(role);
            a.grantProfileUsage(role);
        }
        const policies = await policiesOf(rec, role);
        expect(policies.length, "the grants span several policies").to.be.greaterThan(1);
        const arns = (await Promise.all(apps.map((a) => resolveOutput(a.inferenceProfileArn)))) as string[];
        const allowed: IamRequest[] = [];
        const denied: IamRequest[] = [];
        arns.forEach((arn, i) => {
            if (i % 7 !== 0) return;
            const model = models[i % 4].modelId;
            const crisArn = sysArn("aws", region, ACCOUNT, `us.${model}`);
            allowed.push(...invoke(arn), { action: "bedrock:GetInferenceProfile", resource: arn });
            for (const r of G.US.destinationRegions) allowed.push(...invoke(fm("aws", r, model), { [PROFILE_KEY]: arn }));
            allowed.push(...invoke(fm("aws", "us-east-2", model), { [PROFILE_KEY]: crisArn }));
            // Outside the geography; the model without a profile.
            denied.push(...invoke(fm("aws", "eu-west-1", model), { [PROFILE_KEY]: arn }));
            denied.push(...invoke(fm("aws", "us-east-1", model)));
        });
        // A request through an application profile is authorized on the profile itself first: an ungranted
        // profile is refused there, so the ArnLike model condition never lets it through.
        const ungranted = `arn:aws:bedrock:${region}:${ACCOUNT}:application-inference-profile/notgranted01`;
        denied.push(...invoke(ungranted), { action: "bedrock:GetInferenceProfile", resource: ungranted });
        // Another account's application profiles do not match the pattern of this account's.
        denied.push(
            ...invoke(fm("aws", "us-east-1", models[0].modelId), {
                [PROFILE_KEY]: `arn:aws:bedrock:${region}:${OTHER_ACCOUNT}:application-inference-profile/abcdabcdabcd`,
            }),
        );
        // A system profile the role was not granted, and the models through it.
        const otherSys = sysArn("aws", region, ACCOUNT, `us.${M.ANTHROPIC_CLAUDE_3_5_HAIKU_V1_0.modelId}`);
        denied.push(...invoke(otherSys), ...invoke(fm("aws", "us-east-1", M.ANTHROPIC_CLAUDE_3_5_HAIKU_V1_0.modelId), { [PROFILE_KEY]: otherSys }));
        denied.push(...invoke(sysArn("aws", region, ACCOUNT, `eu.${models[0].modelId}`)));
        await expectDecisions(policies, { account: ACCOUNT, partition: "aws" }, allowed, denied);
    });

    it("default Anthropic router in us-east-1: the router, and its two models through their US profiles", async () => {
        const region = "us-east-1";
        const rec = grantMocks(region);
        const role = newRole();
        const router = bedrock.PromptRouter.fromDefaultId(bedrock.DefaultPromptRouterIdentifier.ANTHROPIC_CLAUDE_V1, region);
        router.grantInvoke(role);
        const policies = await policiesOf(rec, role);
        const routerArn = `arn:aws:bedrock:${region}:${ACCOUNT}:default-prompt-router/anthropic.claude:1`;
        const haiku = M.ANTHROPIC_CLAUDE_HAIKU_V1_0.modelId;
        const sonnet = M.ANTHROPIC_CLAUDE_3_5_SONNET_V1_0.modelId;
        const allowed = [
            ...invoke(routerArn),
            { action: "bedrock:GetPromptRouter", resource: routerArn },
            ...[haiku, sonnet].flatMap((id) => [
                ...invoke(sysArn("aws", region, ACCOUNT, `us.${id}`)),
                ...invoke(fm("aws", "us-west-2", id), { [PROFILE_KEY]: sysArn("aws", region, ACCOUNT, `us.${id}`) }),
            ]),
        ];
        const denied = [
            ...invoke(fm("aws", region, haiku)),
            ...invoke(`arn:aws:bedrock:${region}:${ACCOUNT}:default-prompt-router/meta.llama:1`),
            ...invoke(fm("aws", region, M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0.modelId), { [PROFILE_KEY]: sysArn("aws", region, ACCOUNT, `us.${haiku}`) }),
        ];
        await expectDecisions(policies, { account: ACCOUNT, partition: "aws" }, allowed, denied);
    });

    it("an agent's service role: its model through the US profile, the profile and model reads; nothing else", async () => {
        const region = "us-west-2";
        const rec = grantMocks(region);
        const model = M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0;
        const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model });
        const agent = new bedrock.Agent("agent", {
            foundationModel: cris,
            instruction: "You are a helpful and friendly agent that answers questions about agriculture.",
        });
        await settle();
        const roleName = (await resolveOutput(agent.role!.name)) as string;
        const policies = policiesForRole(rec, roleName).map((p) => p.json);
        const crisArn = sysArn("aws", region, ACCOUNT, `us.${model.modelId}`);
        const allowed = [
            ...invoke(crisArn),
            ...G.US.destinationRegions.flatMap((r) => invoke(fm("aws", r, model.modelId), { [PROFILE_KEY]: crisArn })),
            { action: "bedrock:GetInferenceProfile", resource: crisArn },
            { action: "bedrock:GetFoundationModel", resource: fm("aws", region, model.modelId) },
        ];
        const denied = [
            ...invoke(fm("aws", region, model.modelId)),
            ...invoke(fm("aws", region, M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0.modelId), { [PROFILE_KEY]: crisArn }),
            ...invoke(sysArn("aws", region, ACCOUNT, `eu.${model.modelId}`)),
            { action: "bedrock:GetInferenceProfile", resource: sysArn("aws", region, OTHER_ACCOUNT, `us.${model.modelId}`) },
        ];
        await expectDecisions(policies, { account: ACCOUNT, partition: "aws" }, allowed, denied);
    });

    it("a foundation model: the model in the caller's Region only, directly", async () => {
        const region = "eu-west-1";
        const rec = grantMocks(region);
        const role = newRole();
        M.AMAZON_NOVA_PRO_V1.grantInvoke(role);
        const policies = await policiesOf(rec, role);
        await expectDecisions(policies, { account: ACCOUNT, partition: "aws" }, invoke(fm("aws", region, M.AMAZON_NOVA_PRO_V1.modelId)), [
            ...invoke(fm("aws", "us-east-1", M.AMAZON_NOVA_PRO_V1.modelId)),
            ...invoke(fm("aws", region, M.AMAZON_NOVA_LITE_V1.modelId)),
            ...invoke(sysArn("aws", region, ACCOUNT, `eu.${M.AMAZON_NOVA_PRO_V1.modelId}`)),
            { action: "bedrock:GetInferenceProfile", resource: sysArn("aws", region, ACCOUNT, `eu.${M.AMAZON_NOVA_PRO_V1.modelId}`) },
        ]);
    });

    it("a prompt's grantGet: GetPrompt and RenderPrompt on that prompt only", async () => {
        const region = "us-east-1";
        const rec = grantMocks(region);
        const role = newRole();
        const prompt = new bedrock.Prompt("p", {
            promptName: "greeting",
            variants: [
                bedrock.PromptVariant.text({ variantName: "v1", promptText: "Say hello to {{name}}.", model: M.AMAZON_NOVA_PRO_V1, promptVariables: ["name"] }),
            ],
        });
        prompt.grantGet(role);
        const policies = await policiesOf(rec, role);
        const arn = (await resolveOutput(prompt.promptArn)) as string;
        const other = arn.replace(/prompt\/[A-Z0-9]+$/, "prompt/ZZZZZZZZZZ");
        await expectDecisions(
            policies,
            { account: ACCOUNT, partition: "aws" },
            [
                { action: "bedrock:GetPrompt", resource: arn },
                { action: "bedrock:RenderPrompt", resource: arn },
            ],
            [
                { action: "bedrock:GetPrompt", resource: other },
                { action: "bedrock:UpdatePrompt", resource: arn },
                { action: "bedrock:DeletePrompt", resource: arn },
                ...invoke(fm("aws", region, M.AMAZON_NOVA_PRO_V1.modelId)),
            ],
        );
    });

    it("an alias's grantInvoke: InvokeAgent on that alias only", async () => {
        const region = "us-east-1";
        const rec = grantMocks(region);
        const role = newRole();
        const agent = new bedrock.Agent("helper", {
            foundationModel: M.AMAZON_NOVA_PRO_V1,
            instruction: "You are a helpful and friendly agent that answers questions about farming.",
        });
        const alias = agent.addAlias("live", {});
        alias.grantInvoke(role);
        await settle();
        const name = (await resolveOutput(role.name)) as string;
        const policies = policiesForRole(rec, name).map((p) => p.json);
        const arn = (await resolveOutput(alias.aliasArn)) as string;
        const other = arn.replace(/\/[A-Z0-9]+$/, "/ZZZZZZZZZZ");
        await expectDecisions(
            policies,
            { account: ACCOUNT, partition: "aws" },
            [{ action: "bedrock:InvokeAgent", resource: arn }],
            [
                { action: "bedrock:InvokeAgent", resource: other },
                { action: "bedrock:GetAgentAlias", resource: arn },
                { action: "bedrock:UpdateAgentAlias", resource: arn },
                ...invoke(fm("aws", region, M.AMAZON_NOVA_PRO_V1.modelId)),
            ],
        );
    });

    it("the evaluator can fail: a policy without the profile statement denies the profile request", async () => {
        const arn = sysArn("aws", "us-east-1", ACCOUNT, `us.${M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0.modelId}`);
        const onlyList = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "bedrock:ListInferenceProfiles", Resource: "*" }] });
        expect(
            await decisions([onlyList], [...invoke(arn), { action: "bedrock:ListInferenceProfiles", resource: "*" }], { account: ACCOUNT, partition: "aws" }),
        ).to.deep.equal([
            `ImplicitlyDenied bedrock:InvokeModel ${arn}`,
            `ImplicitlyDenied bedrock:InvokeModelWithResponseStream ${arn}`,
            "Allowed bedrock:ListInferenceProfiles *",
        ]);
    });
});
