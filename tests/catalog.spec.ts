import { expect } from "chai";
import { BedrockFoundationModel } from "../components/catalog/foundation-model";
import { CrossRegionInferenceProfileRegion, partitionOfRegion, routerGeographyOfRegion } from "../components/catalog/geographies";
import * as arns from "../components/catalog/arns";
import { throwsExactly } from "./support/errors";

const M = BedrockFoundationModel;

describe("model catalog", () => {
    const all = Object.entries(BedrockFoundationModel).filter(([, v]) => v instanceof BedrockFoundationModel) as [string, BedrockFoundationModel][];

    it("lists the seed's models with their ids", () => {
        expect(BedrockFoundationModel.ANTHROPIC_CLAUDE_SONNET_V1_0.modelId).to.equal("anthropic.claude-3-sonnet-20240229-v1:0");
        expect(BedrockFoundationModel.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0.modelId).to.equal("anthropic.claude-3-5-sonnet-20241022-v2:0");
    });

    it("keeps every capability flag", () => {
        const m = BedrockFoundationModel.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0;
        expect([m.supportsAgents, m.supportsCrossRegion, m.optimizedForAgents, m.legacy]).to.deep.equal([true, true, true, false]);
        const titan = BedrockFoundationModel.TITAN_EMBED_TEXT_V2_1024;
        expect(titan.supportsKnowledgeBase).to.equal(true);
        expect(titan.vectorDimensions).to.deep.equal([1024]);
        expect(titan.supportsCrossRegion).to.equal(false);
    });

    it("knows the geographies AWS documents for Claude Sonnet 4.5 (no apac)", () => {
        const m = BedrockFoundationModel.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0;
        expect(m.modelId).to.equal("anthropic.claude-sonnet-4-5-20250929-v1:0");
        expect([...(m.crossRegionGeographies ?? [])].sort()).to.deep.equal(["au", "eu", "global", "jp", "us", "us-gov"]);
        expect(m.hasProfileIn("apac")).to.equal(false);
        expect(m.hasProfileIn("jp")).to.equal(true);
    });

    it("has current model families", () => {
        const ids = new Set(all.map(([, m]) => m.modelId));
        for (const id of [
            "amazon.nova-pro-v1:0",
            "amazon.nova-lite-v1:0",
            "meta.llama3-3-70b-instruct-v1:0",
            "openai.gpt-oss-120b-1:0",
            "openai.gpt-oss-20b-1:0",
            "deepseek.r1-v1:0",
            "amazon.titan-embed-text-v2:0",
            "cohere.embed-english-v3",
        ]) {
            expect(ids.has(id), id).to.equal(true);
        }
        expect(all.length).to.be.greaterThan(60);
    });

    it("every constant has a valid id and a provider", () => {
        for (const [name, m] of all) {
            expect(m.modelId, name).to.match(/^[a-z0-9-]+\.[A-Za-z0-9._:-]+$/);
            expect(m.provider, name).to.equal(m.modelId.split(".")[0]);
        }
    });

    it("builds the model ARN for a Region and partition", () => {
        const m = BedrockFoundationModel.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0;
        expect(m.asArn("us-east-1")).to.equal("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0");
        expect(m.asArn("us-gov-west-1", "aws-us-gov")).to.equal(
            "arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0",
        );
    });

    it("accepts models the catalog does not list, and refuses malformed ids", () => {
        const m = new BedrockFoundationModel("anthropic.claude-future-v9:0", { supportsCrossRegion: true });
        expect(m.supportsCrossRegion).to.equal(true);
        expect(m.supportsAgents).to.equal(false);
        expect(m.hasProfileIn("eu")).to.equal(true);
        throwsExactly(
            () => new BedrockFoundationModel("not a model"),
            'BedrockFoundationModel: modelId "not a model" is not a Bedrock model id (<provider>.<model>, e.g. "anthropic.claude-3-haiku-20240307-v1:0").',
        );
    });

    it("every fact carries its source: each model cites pages (URLs), and each geography list, Marketplace id and non-text output cites a page beyond the general catalogs", () => {
        const general = /aws-bedrock-alpha\/bedrock\/models\.ts$|\/model-cards\.html$/;
        for (const [name, m] of all) {
            expect(m.sources.length, name).to.be.greaterThan(0);
            for (const src of m.sources) expect(src, name).to.match(/^https:\/\//);
            const specific = m.sources.filter((x) => !general.test(x));
            if (m.crossRegionGeographies !== undefined) expect(specific.length, `${name}: geographies`).to.be.greaterThan(0);
            if (m.marketplaceProductId !== undefined) {
                expect(
                    specific.some((x) => /model-card-|model-access-product-ids|model-parameters-openai/.test(x)),
                    `${name}: Marketplace`,
                ).to.equal(true);
            }
            if (m.outputModality !== undefined && m.outputModality !== "text") {
                expect(
                    specific.some((x) => /model-card-|embedding-models/.test(x)),
                    `${name}: output modality`,
                ).to.equal(true);
            }
        }
    });

    it("an embeddings model does not generate text; a text model does; a model the program builds is not known", () => {
        expect(M.TITAN_EMBED_TEXT_V2_1024.outputModality).to.equal("embedding");
        expect(M.TITAN_EMBED_TEXT_V2_1024.generatesText).to.equal(false);
        expect(M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0.generatesText).to.equal(true);
        expect(new BedrockFoundationModel("acme.new-v1").generatesText).to.equal(undefined);
        throwsExactly(
            () => new BedrockFoundationModel("acme.new-v1", { outputModality: "sound" as never }),
            'BedrockFoundationModel: outputModality "sound" must be one of text, embedding, image, video, speech',
        );
    });

    it("looks models up by id", () => {
        expect(BedrockFoundationModel.lookup("amazon.nova-pro-v1:0")).to.equal(BedrockFoundationModel.AMAZON_NOVA_PRO_V1);
        expect(BedrockFoundationModel.lookup("nope.nope")).to.equal(undefined);
    });
});

describe("geographies", () => {
    const G = CrossRegionInferenceProfileRegion;

    it("has the nine geographies with prefix and partition (IN: https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html)", () => {
        expect(G.values().map((g) => [g.name, g.prefix, g.partition])).to.deep.equal([
            ["US", "us", "aws"],
            ["EU", "eu", "aws"],
            ["APAC", "apac", "aws"],
            ["GLOBAL", "global", "aws"],
            ["US_GOV", "us-gov", "aws-us-gov"],
            ["JP", "jp", "aws"],
            ["AU", "au", "aws"],
            ["CA", "ca", "aws"],
            ["IN", "in", "aws"],
        ]);
    });

    it("lists each geography's Regions as the cited AWS pages document them (inference-profiles-support.html), without unbacked Regions", () => {
        expect(G.US.destinationRegions).to.deep.equal(["ca-central-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"]);
        expect(G.EU.destinationRegions).to.deep.equal([
            "eu-central-1",
            "eu-central-2",
            "eu-north-1",
            "eu-south-1",
            "eu-south-2",
            "eu-west-1",
            "eu-west-2",
            "eu-west-3",
        ]);
        expect(G.APAC.destinationRegions).to.include("me-central-1");
        expect(G.APAC.destinationRegions).to.have.length(13);
        expect(G.JP.destinationRegions).to.deep.equal(["ap-northeast-1", "ap-northeast-3"]);
        expect(G.AU.destinationRegions).to.deep.equal(["ap-southeast-2", "ap-southeast-4", "ap-southeast-6"]);
        expect(G.IN.destinationRegions).to.deep.equal(["ap-south-1", "ap-south-2"]);
        expect(G.CA.destinationRegions).to.deep.equal(["ca-central-1", "ca-west-1"]);
        expect(G.US_GOV.destinationRegions).to.deep.equal(["us-gov-east-1", "us-gov-west-1"]);
        expect(G.US.sourceRegions).to.deep.equal(G.US.destinationRegions);
        // Left out of every geography (no page lists it there), still a commercial Region for global.
        for (const r of ["il-central-1"]) {
            expect(G.values().filter((g) => !g.isGlobal && g.regions.includes(r))).to.deep.equal([]);
            expect(G.GLOBAL.acceptsSourceRegion(r)).to.equal(true);
        }
        expect(G.US.regions).to.not.include("ca-west-1");
    });

    it("every geography cites the pages its facts come from", () => {
        for (const g of G.values()) {
            expect(g.sources.length, g.name).to.be.greaterThan(0);
            expect(
                g.sources.every((s) => s.startsWith("https://")),
                g.name,
            ).to.equal(true);
        }
        expect(G.US.sources).to.include("https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html");
        expect(G.GLOBAL.sources).to.deep.equal(["https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html"]);
    });

    it("global accepts any commercial Region and no GovCloud Region", () => {
        expect(G.GLOBAL.acceptsSourceRegion("sa-east-1")).to.equal(true);
        expect(G.GLOBAL.acceptsSourceRegion("eu-west-1")).to.equal(true);
        expect(G.GLOBAL.acceptsSourceRegion("us-gov-west-1")).to.equal(false);
        expect(G.US.acceptsSourceRegion("eu-west-1")).to.equal(false);
        expect(G.fromPrefix("us-gov")).to.equal(G.US_GOV);
        expect(G.fromPrefix("xx")).to.equal(undefined);
    });

    it("maps Regions to partitions and router geographies", () => {
        expect(partitionOfRegion("us-gov-east-1")).to.equal("aws-us-gov");
        expect(partitionOfRegion("cn-north-1")).to.equal("aws-cn");
        expect(partitionOfRegion("eu-west-1")).to.equal("aws");
        expect(routerGeographyOfRegion("us-west-2")).to.equal(G.US);
        expect(routerGeographyOfRegion("eu-west-3")).to.equal(G.EU);
        expect(routerGeographyOfRegion("ap-south-1")).to.equal(G.APAC);
        expect(routerGeographyOfRegion("sa-east-1")).to.equal(undefined);
    });
});

describe("ARNs", () => {
    it("builds every Bedrock ARN in one place", () => {
        expect(arns.foundationModelArn("aws", "us-east-1", "m.x")).to.equal("arn:aws:bedrock:us-east-1::foundation-model/m.x");
        expect(arns.globalFoundationModelArn("aws", "m.x")).to.equal("arn:aws:bedrock:::foundation-model/m.x");
        expect(arns.systemProfileArn("aws", "us-east-1", "111122223333", "us.m.x")).to.equal("arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.m.x");
        expect(arns.applicationProfileArn("aws", "us-east-1", "111122223333", "abcd1234wxyz")).to.equal(
            "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abcd1234wxyz",
        );
        expect(arns.defaultPromptRouterArn("aws", "us-east-1", "111122223333", "anthropic.claude:1")).to.equal(
            "arn:aws:bedrock:us-east-1:111122223333:default-prompt-router/anthropic.claude:1",
        );
        expect(arns.agentAliasArn("aws", "us-east-1", "111122223333", "AGENT", "TSTALIASID")).to.equal(
            "arn:aws:bedrock:us-east-1:111122223333:agent-alias/AGENT/TSTALIASID",
        );
    });

    it("parses ARNs and role ARNs", () => {
        expect(arns.parseArn("arn:aws:bedrock:us-east-1::foundation-model/a.b:0")).to.deep.equal({
            partition: "aws",
            service: "bedrock",
            region: "us-east-1",
            account: "",
            resource: "foundation-model/a.b:0",
            resourceType: "foundation-model",
            resourceId: "a.b:0",
        });
        expect(arns.parseArn("nope")).to.equal(undefined);
        expect(arns.roleNameFromArn("arn:aws:iam::123456789012:role/service/my-role")).to.equal("my-role");
        expect(arns.roleNameFromArn("arn:aws:iam::123456789012:user/x")).to.equal(undefined);
    });
});
