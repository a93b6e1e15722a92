/**
 * Facts that neither block a valid program nor accept an impossible one: routes that depend on the
 * source Region (Auckland), AWS's word over Anthropic's, the rule for gaps (accepted with one warning,
 * declared in the program), and destination Regions of another geography.
 */
import { expect } from "chai";
import * as awsnative from "@pulumi/aws-native";
import { policiesForRole, resolveOutput, setBedrockMocks, settle, statementsForRole } from "../components/testing/testing";
import * as bedrock from "../sdk/nodejs";
import { routeGroups, routeTable, withRoutes } from "../components/catalog/routes";
import { decisions, type IamRequest } from "./support/iam-eval";
import { capturingLogs } from "./support/grants";
import { newRole } from "./support/programs";
import { outputError, throwsExactly } from "./support/errors";

const ACCOUNT = "123456789012";
const M = bedrock.BedrockFoundationModel;
const G = bedrock.CrossRegionInferenceProfileRegion;
const INVOKE = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];
const SONNET_45 = M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0.modelId;
const AU_PROFILE = `au.${SONNET_45}`;
const fm = (region: string, id = SONNET_45) => `arn:aws:bedrock:${region}::foundation-model/${id}`;
const auArn = (region: string) => `arn:aws:bedrock:${region}:${ACCOUNT}:inference-profile/${AU_PROFILE}`;
const invoke = (resource: string, context?: Record<string, string>): IamRequest[] => INVOKE.map((action) => ({ action, resource, context }));

/** The Regions where the policies let the role invoke Sonnet 4.5 through the au. profile called from `source`. */
async function reachable(policies: string[], source: string): Promise<string[]> {
    const out: string[] = [];
    for (const r of ["ap-southeast-2", "ap-southeast-4", "ap-southeast-6", "ap-southeast-1", "us-east-1"]) {
        const d = await decisions(policies, invoke(fm(r), { "bedrock:InferenceProfileArn": auArn(source) }), { account: ACCOUNT, partition: "aws" });
        if (d.every((x) => x.startsWith("Allowed "))) out.push(r);
    }
    return out;
}

describe("routes that depend on the source Region (catalog/routes.ts)", () => {
    it("a route table holds each source's destinations; groups sources with equal destinations; a source twice is an error", () => {
        const table = routeTable([
            { sources: ["us-east-1", "us-east-2", "us-west-2"], destinations: ["us-east-1", "us-east-2", "us-west-2"] },
            { sources: ["us-west-1"], destinations: ["us-east-1", "us-east-2", "us-west-2", "us-west-1"] },
        ]);
        expect(table.get("us-west-1")).to.deep.equal(["us-east-1", "us-east-2", "us-west-1", "us-west-2"]);
        expect(routeGroups(table).map((g) => g.sources)).to.deep.equal([["us-east-1", "us-east-2", "us-west-2"], ["us-west-1"]]);
        expect(routeGroups(withRoutes(table, { "us-west-1": ["us-west-1"] })).map((g) => [g.sources, g.destinations])).to.deep.equal([
            [
                ["us-east-1", "us-east-2", "us-west-2"],
                ["us-east-1", "us-east-2", "us-west-2"],
            ],
            [["us-west-1"], ["us-west-1"]],
        ]);
        throwsExactly(
            () =>
                routeTable([
                    { sources: ["a-1"], destinations: [] },
                    { sources: ["a-1"], destinations: [] },
                ]),
            "routeTable: source Region a-1 is listed twice",
        );
    });

    it("au.: from Auckland, requests run in ap-southeast-6, -2 and -4; from Sydney and Melbourne, in -2 and -4 (AWS's post on Bedrock in Asia Pacific (New Zealand))", () => {
        expect(G.AU.sourceRegions).to.deep.equal(["ap-southeast-2", "ap-southeast-4", "ap-southeast-6"]);
        expect(G.AU.destinationsFrom("ap-southeast-6")).to.deep.equal(["ap-southeast-2", "ap-southeast-4", "ap-southeast-6"]);
        expect(G.AU.destinationsFrom("ap-southeast-2")).to.deep.equal(["ap-southeast-2", "ap-southeast-4"]);
        expect(G.AU.destinationsFrom("ap-southeast-4")).to.deep.equal(["ap-southeast-2", "ap-southeast-4"]);
        expect(G.AU.destinationsFrom("ap-southeast-1")).to.equal(undefined);
        expect(G.AU.routesDependOnSource).to.equal(true);
        expect(G.US.routesDependOnSource).to.equal(false);
        expect(G.AU.sources.some((s) => s.includes("Asia Pacific (New Zealand)"))).to.equal(true);
    });

    it("a Region is a geography's source, unknown to the catalog (accepted with a warning) or outside it (refused)", () => {
        expect(G.AU.sourceRegionStatus("ap-southeast-6")).to.equal("source");
        expect(G.AU.sourceRegionStatus("ap-southeast-9")).to.equal("unknown");
        expect(G.AU.sourceRegionStatus("eu-west-1")).to.equal("outside");
        expect(G.GLOBAL.sourceRegionStatus("ap-southeast-9")).to.equal("unknown");
        expect(G.GLOBAL.sourceRegionStatus("us-gov-west-1")).to.equal("outside");
    });
});

describe("au. profiles from Auckland and from Sydney", () => {
    it("from Auckland, an au. profile of Claude Sonnet 4.5 is accepted, and its grant allows the model in exactly the Auckland routes", async () => {
        const rec = setBedrockMocks({ region: "ap-southeast-6", accountId: ACCOUNT, config: { "aws-native:region": "ap-southeast-6" } });
        const role = newRole();
        const logs = await capturingLogs(async () => {
            const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.AU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
            expect(cris.destinationRegions).to.deep.equal(["ap-southeast-2", "ap-southeast-4", "ap-southeast-6"]);
            cris.grantInvoke(role);
            await settle();
        });
        expect(logs.warn).to.deep.equal([]);
        const name = (await resolveOutput(role.name)) as string;
        expect(statementsForRole(rec, name)).to.deep.equal([
            { Effect: "Allow", Action: ["bedrock:GetInferenceProfile", ...INVOKE], Resource: [auArn("ap-southeast-6")] },
            {
                Effect: "Allow",
                Action: INVOKE,
                Resource: [fm("ap-southeast-2"), fm("ap-southeast-4"), fm("ap-southeast-6")],
                Condition: { ArnLike: { "bedrock:InferenceProfileArn": [auArn("ap-southeast-6")] } },
            },
        ]);
        expect(
            await reachable(
                policiesForRole(rec, name).map((p) => p.json),
                "ap-southeast-6",
            ),
        ).to.deep.equal(["ap-southeast-2", "ap-southeast-4", "ap-southeast-6"]);
    });

    it("from Sydney, exactly Sydney's routes: the model in ap-southeast-2 and -4, not in Auckland", async () => {
        const rec = setBedrockMocks({ region: "ap-southeast-2", accountId: ACCOUNT, config: { "aws-native:region": "ap-southeast-2" } });
        const role = newRole();
        bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.AU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 }).grantInvoke(role);
        await settle();
        const name = (await resolveOutput(role.name)) as string;
        expect(statementsForRole(rec, name)[1].Resource).to.deep.equal([fm("ap-southeast-2"), fm("ap-southeast-4")]);
        expect(
            await reachable(
                policiesForRole(rec, name).map((p) => p.json),
                "ap-southeast-2",
            ),
        ).to.deep.equal(["ap-southeast-2", "ap-southeast-4"]);
    });

    for (const region of ["ap-southeast-6", "ap-southeast-2"]) {
        it(`with the Region known only at deploy (explicit provider in ${region}): one statement per group of sources; the role reaches exactly ${region}'s routes`, async () => {
            const rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
            const provider = new awsnative.Provider("anz", { region: region as awsnative.Region });
            const role = newRole();
            const cris = new bedrock.CrossRegionInferenceProfile("cris", { geoRegion: G.AU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 }, { provider });
            cris.grantInvoke(role);
            await settle();
            expect(await resolveOutput(cris.destinationRegions)).to.deep.equal(G.AU.destinationsFrom(region));
            const name = (await resolveOutput(role.name)) as string;
            const models = statementsForRole(rec, name).filter((s) => s.Condition);
            expect(models.map((s) => [s.Resource, s.Condition])).to.deep.equal([
                [[fm("ap-southeast-2"), fm("ap-southeast-4"), fm("ap-southeast-6")], { ArnLike: { "bedrock:InferenceProfileArn": [auArn("ap-southeast-6")] } }],
                [
                    [fm("ap-southeast-2"), fm("ap-southeast-4")],
                    { ArnLike: { "bedrock:InferenceProfileArn": [auArn("ap-southeast-2"), auArn("ap-southeast-4")] } },
                ],
            ]);
            // The role can call the profile only in its own Region, so it reaches exactly that Region's routes.
            const policies = policiesForRole(rec, name).map((p) => p.json);
            const profile = await decisions(policies, invoke(auArn(region)), { account: ACCOUNT, partition: "aws" });
            expect(profile.every((d) => d.startsWith("Allowed "))).to.equal(true);
            const other = region === "ap-southeast-6" ? "ap-southeast-2" : "ap-southeast-6";
            const elsewhere = await decisions(policies, invoke(auArn(other)), { account: ACCOUNT, partition: "aws" });
            expect(elsewhere.some((d) => d.startsWith("Allowed "))).to.equal(false);
        });
    }

    it("an application profile copying an au. profile known only at deploy: each group's condition names the application profiles of those sources", async () => {
        const rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
        const provider = new awsnative.Provider("anz", { region: "ap-southeast-6" });
        const role = newRole();
        const cris = new bedrock.CrossRegionInferenceProfile("cris", { geoRegion: G.AU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 }, { provider });
        new bedrock.ApplicationInferenceProfile("app", { inferenceProfileName: "app", modelSource: cris }, { provider }).grantInvoke(role);
        await settle();
        const name = (await resolveOutput(role.name)) as string;
        const auckland = statementsForRole(rec, name).find((s) => s.Resource.includes(fm("ap-southeast-6")));
        expect(auckland?.Condition).to.deep.equal({
            ArnLike: {
                "bedrock:InferenceProfileArn": [`arn:aws:bedrock:ap-southeast-6:${ACCOUNT}:application-inference-profile/*`, auArn("ap-southeast-6")],
            },
        });
    });

    it("a Region the catalog does not know, known before deploy: accepted with one warning naming the gap and the override; the grant adds the Region", async () => {
        const rec = setBedrockMocks({ region: "ap-southeast-9", accountId: ACCOUNT, config: { "aws-native:region": "ap-southeast-9" } });
        const role = newRole();
        const logs = await capturingLogs(async () => {
            const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.AU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
            cris.grantInvoke(role);
            bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.AU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
            await settle();
        });
        expect(logs.warn).to.deep.equal([
            'CrossRegionInferenceProfile.fromConfig: Region ap-southeast-9 is not a source Region the catalog knows for au. profiles (its sources: ap-southeast-2, ap-southeast-4, ap-southeast-6); grants allow the model in ap-southeast-2, ap-southeast-4, ap-southeast-6 and ap-southeast-9; accepted as declared. If AWS serves it, declare it in the program to silence this warning: geoRegion: CrossRegionInferenceProfileRegion.AU.withRoutes({ "ap-southeast-9": ["<destination Region>", ...] })',
        ]);
        const name = (await resolveOutput(role.name)) as string;
        expect(statementsForRole(rec, name)[1].Resource).to.deep.equal([
            fm("ap-southeast-2"),
            fm("ap-southeast-4"),
            fm("ap-southeast-6"),
            fm("ap-southeast-9"),
        ]);
    });

    it("routes declared in the program (withRoutes): no warning, and the grant allows exactly the declared destinations", async () => {
        const rec = setBedrockMocks({ region: "ap-southeast-9", accountId: ACCOUNT, config: { "aws-native:region": "ap-southeast-9" } });
        const role = newRole();
        const au = G.AU.withRoutes({ "ap-southeast-9": ["ap-southeast-2", "ap-southeast-9"] });
        expect(au.sources).to.include("declared in the program");
        expect(G.AU.sourceRegions).to.not.include("ap-southeast-9");
        const logs = await capturingLogs(async () => {
            const cris = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: au, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
            expect(cris.destinationRegions).to.deep.equal(["ap-southeast-2", "ap-southeast-9"]);
            cris.grantInvoke(role);
            await settle();
        });
        expect(logs.warn).to.deep.equal([]);
        const name = (await resolveOutput(role.name)) as string;
        expect(statementsForRole(rec, name)[1].Resource).to.deep.equal([fm("ap-southeast-2"), fm("ap-southeast-9")]);
        throwsExactly(
            () => G.AU.withRoutes({ "ap-southeast-9": [] }),
            'CrossRegionInferenceProfileRegion.AU.withRoutes: routes from "ap-southeast-9" must be a non-empty list of Region names ([] is not)',
        );
        throwsExactly(
            () => G.AU.withRoutes({ "ap-southeast-9": ["us-gov-west-1"] }),
            "CrossRegionInferenceProfileRegion.AU.withRoutes: us-gov-west-1 is in the aws-us-gov partition, but au. profiles live in the aws partition",
        );
    });

    it("a Region the catalog does not know, known only at deploy: refused then, naming the Region and the override (the policies were laid out for the listed sources)", async () => {
        setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
        const provider = new awsnative.Provider("new-region", { region: "ap-southeast-9" as awsnative.Region });
        const cris = new bedrock.CrossRegionInferenceProfile("cris", { geoRegion: G.AU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 }, { provider });
        const message = await (cris.inferenceProfileArn as unknown as { promise(): Promise<unknown> }).promise().then(
            () => "",
            (e: Error) => e.message,
        );
        expect(message).to.equal(
            'CrossRegionInferenceProfile "cris": geoRegion "au" profiles are called from Region ap-southeast-9, which the catalog does not know as a au. source (its sources: ap-southeast-2, ap-southeast-4, ap-southeast-6): the policies, laid out before deploy, cannot name its routes. Declare them, geoRegion: CrossRegionInferenceProfileRegion.AU.withRoutes({ "ap-southeast-9": ["<destination Region>", ...] }), or give destinationRegions',
        );
    });
});

describe("a Region the catalog does not know, known only at deploy, with destinationRegions given", () => {
    it("is accepted with one warning, and the grant names the source Region itself", async () => {
        const rec = setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT });
        const role = newRole();
        const logs = await capturingLogs(async () => {
            const provider = new awsnative.Provider("new-region", { region: "ap-southeast-9" as awsnative.Region });
            const cris = new bedrock.CrossRegionInferenceProfile(
                "cris",
                { geoRegion: G.AU, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0, destinationRegions: ["ap-southeast-2"] },
                { provider },
            );
            cris.grantInvoke(role);
            expect(await resolveOutput(cris.inferenceProfileArn)).to.equal(auArn("ap-southeast-9"));
            await settle();
        });
        expect(logs.warn.filter((w) => w.includes("ap-southeast-9"))).to.have.length(1);
        const name = (await resolveOutput(role.name)) as string;
        expect(statementsForRole(rec, name)[1].Resource).to.deep.equal([fm("ap-southeast-2"), fm("ap-southeast-9")]);
    });
});

describe("AWS's word over Anthropic's, and the rule for gaps", () => {
    beforeEach(() => {
        setBedrockMocks({ region: "ap-northeast-1", accountId: ACCOUNT, config: { "aws-native:region": "ap-northeast-1" } });
    });

    it("Claude Haiku 4.5 in jp. (AWS's model card; Anthropic's table said no) is accepted without a warning", async () => {
        const logs = await capturingLogs(async () => {
            const p = bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.JP, model: M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0 });
            expect(p.inferenceProfileId).to.equal("jp.anthropic.claude-haiku-4-5-20251001-v1:0");
            await settle();
        });
        expect(logs.warn).to.deep.equal([]);
        expect(M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0.profileStatus("au")).to.equal("listed");
    });

    it("an unlisted pair (Claude Opus 4.8 in jp.: AWS's pages leave it open) is accepted with one warning, however many profiles meet it", async () => {
        const logs = await capturingLogs(async () => {
            bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.JP, model: M.ANTHROPIC_CLAUDE_OPUS_4_8 });
            new bedrock.CrossRegionInferenceProfile("second", { geoRegion: G.JP, model: M.ANTHROPIC_CLAUDE_OPUS_4_8 });
            await settle();
        });
        expect(logs.warn).to.deep.equal([
            'CrossRegionInferenceProfile.fromConfig: no source the catalog cites lists a jp. profile of anthropic.claude-opus-4-8, nor says there is none; accepted as declared. If AWS serves it, declare it in the program to silence this warning: BedrockFoundationModel.ANTHROPIC_CLAUDE_OPUS_4_8.withGeographies(["jp"])',
        ]);
    });

    it("the pair declared in the program (withGeographies): accepted without a warning; the catalog's constant is unchanged", async () => {
        const opus = M.ANTHROPIC_CLAUDE_OPUS_4_8.withGeographies(["jp"]);
        expect(opus.profileStatus("jp")).to.equal("listed");
        expect(opus.sources).to.include("declared in the program");
        expect(M.ANTHROPIC_CLAUDE_OPUS_4_8.profileStatus("jp")).to.equal("undocumented");
        const logs = await capturingLogs(async () => {
            bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.JP, model: opus });
            await settle();
        });
        expect(logs.warn).to.deep.equal([]);
        // A refusal can be overridden too: AWS lists no jp. profile of Opus 4.6; a program that knows better declares one.
        throwsExactly(
            () => bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.JP, model: M.ANTHROPIC_CLAUDE_OPUS_4_6_V1 }),
            'CrossRegionInferenceProfile.fromConfig: model "anthropic.claude-opus-4-6-v1" has no jp. cross-region profile: the catalog\'s sources list profiles in global, us, eu, apac, au (https://platform.claude.com/docs/en/build-with-claude/claude-on-amazon-bedrock; https://docs.aws.amazon.com/bedrock/latest/userguide/models-region-compatibility.html); if AWS serves one, declare it: BedrockFoundationModel.ANTHROPIC_CLAUDE_OPUS_4_6_V1.withGeographies(["jp"])',
        );
        expect(() =>
            bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.JP, model: M.ANTHROPIC_CLAUDE_OPUS_4_6_V1.withGeographies(["jp"]) }),
        ).to.not.throw();
        throwsExactly(
            () => M.ANTHROPIC_CLAUDE_OPUS_4_8.withGeographies([]),
            'BedrockFoundationModel anthropic.claude-opus-4-8: withGeographies takes a non-empty list of geography prefixes (e.g. ["apac"]), not []',
        );
    });

    it("a model the catalog does not know: its declared geographies are listed, the others undocumented only if it says so", () => {
        const next = new M("anthropic.claude-next-v1", { supportsCrossRegion: true, crossRegionGeographies: ["us", "global"] });
        expect(next.profileStatus("us")).to.equal("listed");
        expect(next.profileStatus("eu")).to.equal("not-listed");
        const open = new M("anthropic.claude-next-v1", { supportsCrossRegion: true, crossRegionGeographies: ["us"], crossRegionGeographiesCovered: ["us"] });
        expect(open.profileStatus("eu")).to.equal("undocumented");
        expect(new M("anthropic.claude-next-v1", { supportsCrossRegion: true }).profileStatus("eu")).to.equal("undocumented");
    });
});

describe("destination Regions of another geography", () => {
    beforeEach(() => {
        setBedrockMocks({ region: "us-east-1", accountId: ACCOUNT, config: { "aws-native:region": "us-east-1" } });
    });

    it('destinationRegions ["us-east-1", "eu-west-1"] on a us. profile is refused, naming the geography eu-west-1 is in', () => {
        throwsExactly(
            () =>
                bedrock.CrossRegionInferenceProfile.fromConfig({
                    geoRegion: G.US,
                    model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0,
                    destinationRegions: ["us-east-1", "eu-west-1"],
                }),
            'CrossRegionInferenceProfile.fromConfig: destinationRegions[1] "eu-west-1" is in the eu geography, not us: a us. profile routes only to ca-central-1, us-east-1, us-east-2, us-west-1, us-west-2 (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html; https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html)',
        );
    });

    it("a Region in several geographies is accepted where it belongs (ca-central-1 in us. and ca.); a Region in none is accepted with a warning", async () => {
        const logs = await capturingLogs(async () => {
            const p = bedrock.CrossRegionInferenceProfile.fromConfig({
                geoRegion: G.US,
                model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0,
                destinationRegions: ["us-east-1", "ca-central-1", "mx-central-1"],
            });
            expect(p.destinationRegions).to.deep.equal(["ca-central-1", "mx-central-1", "us-east-1"]);
            await settle();
        });
        expect(logs.warn).to.deep.equal([
            'CrossRegionInferenceProfile.fromConfig: destination Region mx-central-1 is in no geography the catalog knows, and not among the us. profiles\' destinations; accepted as declared. If AWS serves it, declare it in the program to silence this warning: geoRegion: CrossRegionInferenceProfileRegion.US.withRoutes({ "<source Region>": [..., "mx-central-1"] })',
        ]);
    });
    it("a Region in two geographies, neither the profile's, is refused naming both (ap-northeast-1 in apac. and jp.)", () => {
        throwsExactly(
            () =>
                bedrock.CrossRegionInferenceProfile.fromConfig({
                    geoRegion: G.US,
                    model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
                    destinationRegions: ["ap-northeast-1"],
                }),
            'CrossRegionInferenceProfile.fromConfig: destinationRegions[0] "ap-northeast-1" is in the apac, jp geography, not us: a us. profile routes only to ca-central-1, us-east-1, us-east-2, us-west-1, us-west-2 (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html; https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html)',
        );
    });

    it("a destination that only reads as a Region name (an object) is refused", () => {
        throwsExactly(
            () =>
                bedrock.CrossRegionInferenceProfile.fromConfig({
                    geoRegion: G.US,
                    model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
                    destinationRegions: [{ toString: () => "us-east-1" } as never],
                }),
            "CrossRegionInferenceProfile.fromConfig: destinationRegions[0] {} is not a Region name (e.g. us-east-1)",
        );
    });

    it("global.: a destination outside the commercial Regions the catalog knows is accepted with a warning; a commercial one without", async () => {
        const logs = await capturingLogs(async () => {
            const p = bedrock.CrossRegionInferenceProfile.fromConfig({
                geoRegion: G.GLOBAL,
                model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0,
                destinationRegions: ["us-east-1", "eu-west-1", "xx-new-1"],
            });
            expect(p.destinationRegions).to.deep.equal(["eu-west-1", "us-east-1", "xx-new-1"]);
            await settle();
        });
        expect(logs.warn).to.deep.equal([
            "CrossRegionInferenceProfile.fromConfig: destination Region xx-new-1 is not a commercial Region the catalog knows; accepted as declared. If AWS serves it, declare it in the program to silence this warning: remove it from destinationRegions, or keep it if AWS routes global. profiles there",
        ]);
    });

    it("global. called from a Region the catalog does not know: accepted with one warning; us. from it: the us. warning", async () => {
        setBedrockMocks({ region: "xx-new-1", accountId: ACCOUNT, config: { "aws-native:region": "xx-new-1" } });
        const logs = await capturingLogs(async () => {
            bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.GLOBAL, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
            bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
            await settle();
        });
        expect(logs.warn).to.deep.equal([
            "CrossRegionInferenceProfile.fromConfig: Region xx-new-1 is not a commercial Region the catalog knows (global. profiles are called from the commercial Regions); grants allow the model in xx-new-1 and the Region-less global model; accepted as declared. If AWS serves it, declare it in the program to silence this warning: nothing, if it is a commercial Region: global. profiles run in every commercial Region",
            'CrossRegionInferenceProfile.fromConfig: Region xx-new-1 is not a source Region the catalog knows for us. profiles (its sources: ca-central-1, us-east-1, us-east-2, us-west-1, us-west-2); grants allow the model in ca-central-1, us-east-1, us-east-2, us-west-1, us-west-2 and xx-new-1; accepted as declared. If AWS serves it, declare it in the program to silence this warning: geoRegion: CrossRegionInferenceProfileRegion.US.withRoutes({ "xx-new-1": ["<destination Region>", ...] })',
        ]);
    });

    it("a source Region of the geography: no warning, for us. and global.", async () => {
        const logs = await capturingLogs(async () => {
            bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.US, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
            bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: G.GLOBAL, model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 });
            await settle();
        });
        expect(logs.warn).to.deep.equal([]);
    });

    it("a Region of another partition, known only at deploy, with destinationRegions given: refused at deploy naming both partitions", async () => {
        setBedrockMocks({ region: "cn-north-1", accountId: ACCOUNT });
        let message = "";
        await capturingLogs(async () => {
            const p = bedrock.CrossRegionInferenceProfile.fromConfig({
                geoRegion: G.US,
                model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
                destinationRegions: ["us-east-1"],
            });
            message = await outputError(p.inferenceProfileArn);
        });
        expect(message).to.equal(
            'CrossRegionInferenceProfile.fromConfig: geoRegion "us" profiles live in the aws partition, but the provider\'s partition is aws-cn',
        );
    });
});
