/**
 * The Bedrock foundation model catalog: `BedrockFoundationModel`.
 */
import * as pulumi from "@pulumi/pulumi";
import { foundationModelArn } from "./arns";
import type { FoundationModelTarget } from "../iam/access";
import { callerContext } from "../core/context";
import { grantInvokeTo, type AccessContext, type Grantee, type RoleRef, type InvokeGrantOptions, type RolePolicyGrant } from "../iam/grants";
import { AUCKLAND_POST_URL, DECLARED_IN_PROGRAM, INFERENCE_PROFILES_SUPPORT_URL, REGIONAL_AVAILABILITY_URL } from "./geographies";

/**
 * Where a catalog fact comes from. A model's capability flags (`supportsAgents`, `optimizedForAgents`,
 * `legacy`, `supportsKnowledgeBase`, `vectorDimensions`) follow the AWS CDK's catalog; its output
 * modality, geographies and Marketplace product id come from AWS's model cards and the other pages
 * each entry lists in `sources`.
 */
const CDK_MODELS_URL = "https://github.com/aws/aws-cdk/blob/main/packages/@aws-cdk/aws-bedrock-alpha/bedrock/models.ts";
/** AWS's "models at a glance": every model's card, with its input and output modalities. */
const MODEL_CARDS_URL = "https://docs.aws.amazon.com/bedrock/latest/userguide/model-cards.html";
/** Anthropic's Claude-on-Bedrock model table (global, us, eu, jp and apac columns). */
const ANTHROPIC_TABLE_URL = "https://platform.claude.com/docs/en/build-with-claude/claude-on-amazon-bedrock";
/** AWS's list of Marketplace product ids of the models sold through AWS Marketplace. */
const PRODUCT_IDS_URL = "https://docs.aws.amazon.com/bedrock/latest/userguide/model-access-product-ids.html";
/**
 * AWS's prompt routing page: the default Anthropic router (Claude 3 Haiku and Claude 3.5 Sonnet) exists in
 * US, Asia Pacific, EU Regions and us-gov-east-1, routing through its models' profiles of the Region's
 * geography.
 */
const PROMPT_ROUTING_URL = "https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-routing.html";
/** AWS's OpenAI models page (gpt-oss: "Product ID N/A"). */
const OPENAI_MODELS_URL = "https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-openai.html";

/** The AWS model card of the model with card slug `slug`. */
function modelCard(slug: string): string {
    return `https://docs.aws.amazon.com/bedrock/latest/userguide/model-card-${slug}.html`;
}

/** Every geography prefix the catalog knows. */
const ALL_GEOGRAPHIES: readonly string[] = ["us", "eu", "apac", "global", "us-gov", "jp", "au", "ca", "in"];

/** Every geography but `gaps`: what the cited sources settle, yes or no, when they leave `gaps` open. */
function allBut(...gaps: string[]): readonly string[] {
    return ALL_GEOGRAPHIES.filter((g) => !gaps.includes(g));
}

/** A catalog entry's props: a text-generation model unless it says otherwise, sourced from the CDK's catalog and AWS's model cards. */
function catalog(props: BedrockFoundationModelProps = {}): BedrockFoundationModelProps {
    return { outputModality: "text", ...props, sources: [CDK_MODELS_URL, MODEL_CARDS_URL, ...(props.sources ?? [])] };
}

/** What a model generates: text (it can drive an agent or a harness), or embeddings, images, video, speech. */
export type OutputModality = "text" | "embedding" | "image" | "video" | "speech";

/**
 * Whether the catalog knows a system-defined profile of a model in a geography: `listed` (a cited source
 * or the program lists it), `not-listed` (the cited sources cover that geography and list none: refused)
 * or `undocumented` (no cited source says either way: accepted with a warning).
 */
export type ProfileStatus = "listed" | "not-listed" | "undocumented";

/** Capabilities of a foundation model. Every flag defaults to false. */
export interface BedrockFoundationModelProps {
    /** The model can be called through system-defined cross-region inference profiles. */
    readonly supportsCrossRegion?: boolean;
    /**
     * AWS lists the model for Bedrock Agents. Informational: `Agent` accepts every text-generation model,
     * as AWS's agents page says Agents supports all models Bedrock supports
     * (https://docs.aws.amazon.com/bedrock/latest/userguide/agents-supported.html).
     */
    readonly supportsAgents?: boolean;
    /** AWS lists the model as optimized for agents. */
    readonly optimizedForAgents?: boolean;
    /** AWS has moved the model to legacy status (still invokable, scheduled for end of life). */
    readonly legacy?: boolean;
    /** The model can be a knowledge base's embeddings or parsing model. */
    readonly supportsKnowledgeBase?: boolean;
    /** Output vector sizes of an embeddings model. */
    readonly vectorDimensions?: number[];
    /**
     * What the model generates (its model card's output modality). `Agent` and `AgentHarness` refuse a
     * model known not to generate text. Undefined: not known (accepted).
     */
    readonly outputModality?: OutputModality;
    /**
     * The model's AWS Marketplace product id (`prod-...`), from its model card or AWS's product-id list:
     * the first call in an account starts a Marketplace subscription. `null`: AWS says the model has none
     * (not sold through Marketplace). Undefined: not documented here.
     */
    readonly marketplaceProductId?: string | null;
    /**
     * Prefixes of the geographies (`us`, `eu`, `apac`, `global`, `us-gov`, `jp`, `au`, `ca`, `in`) in which
     * a cited source lists a system-defined profile for the model. Undefined: no source lists them, so
     * every geography is undocumented (accepted with a warning).
     */
    readonly crossRegionGeographies?: readonly string[];
    /**
     * The geographies the cited sources settle, yes or no (e.g. Anthropic's table has global, us, eu, jp and
     * apac columns). A geography outside them is undocumented: accepted with a warning. Default: every
     * geography (the list is complete).
     */
    readonly crossRegionGeographiesCovered?: readonly string[];
    /** The pages the model's facts come from (URLs), or `declared in the program`. */
    readonly sources?: readonly string[];
}

/**
 * A Bedrock foundation model: a model id and what it supports. Use the static constants, or
 * `new BedrockFoundationModel(modelId, props)` for a model the catalog does not list yet, and
 * `withGeographies` for profiles of a listed model the catalog does not know.
 *
 * A foundation model is invokable: it can be an agent's or a prompt variant's model, the source of an
 * application inference profile, and granted with `grantInvoke`.
 */
export class BedrockFoundationModel implements Grantee {
    // ---- catalog: begin ----

    // ======================================================================
    // AI21 Labs
    // ======================================================================

    /** AI21 Jamba 1.5 Large. */
    public static readonly AI21_JAMBA_1_5_LARGE_V1 = new BedrockFoundationModel(
        "ai21.jamba-1-5-large-v1:0",
        catalog({
            supportsAgents: true,
        }),
    );

    /** AI21 Jamba 1.5 Mini. */
    public static readonly AI21_JAMBA_1_5_MINI_V1 = new BedrockFoundationModel(
        "ai21.jamba-1-5-mini-v1:0",
        catalog({
            supportsAgents: true,
        }),
    );

    /** AI21 Jamba-Instruct. */
    public static readonly AI21_JAMBA_INSTRUCT_V1 = new BedrockFoundationModel(
        "ai21.jamba-instruct-v1:0",
        catalog({
            supportsAgents: true,
        }),
    );

    // ======================================================================
    // Amazon: text models
    // ======================================================================

    /** Amazon Titan Text G1 - Express. */
    public static readonly AMAZON_TITAN_TEXT_EXPRESS_V1 = new BedrockFoundationModel(
        "amazon.titan-text-express-v1",
        catalog({
            supportsAgents: true,
            marketplaceProductId: null,
            sources: [PRODUCT_IDS_URL],
        }),
    );

    /** Amazon Titan Text G1 - Premier. */
    public static readonly AMAZON_TITAN_PREMIER_V1_0 = new BedrockFoundationModel(
        "amazon.titan-text-premier-v1:0",
        catalog({
            supportsAgents: true,
            marketplaceProductId: null,
            sources: [PRODUCT_IDS_URL],
        }),
    );

    /**
     * Amazon Nova Micro.
     *
     * Geographies: AWS's Regional availability page lists Geo inference from US, EU and Asia Pacific
     * Regions (us., eu., apac.), no Global inference, none from Canada or GovCloud; Geo from Tokyo,
     * Sydney and Mumbai (apac. or jp., au., in.) leaves jp, au and in open.
     */
    public static readonly AMAZON_NOVA_MICRO_V1 = new BedrockFoundationModel(
        "amazon.nova-micro-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            optimizedForAgents: true,
            marketplaceProductId: null,
            crossRegionGeographies: ["us", "eu", "apac"],
            crossRegionGeographiesCovered: allBut("jp", "au", "in"),
            sources: [REGIONAL_AVAILABILITY_URL, PRODUCT_IDS_URL],
        }),
    );

    /**
     * Amazon Nova Lite.
     *
     * Geographies: AWS's Regional availability page lists Geo inference from US, EU and Asia Pacific
     * Regions (us., eu., apac.), no Global inference and none from GovCloud; Geo from ca-central-1, Tokyo,
     * Sydney and Mumbai (us. or ca., apac. or jp., au., in.) leaves ca, jp, au and in open.
     */
    public static readonly AMAZON_NOVA_LITE_V1 = new BedrockFoundationModel(
        "amazon.nova-lite-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            optimizedForAgents: true,
            marketplaceProductId: null,
            crossRegionGeographies: ["us", "eu", "apac"],
            crossRegionGeographiesCovered: allBut("ca", "jp", "au", "in"),
            sources: [REGIONAL_AVAILABILITY_URL, PRODUCT_IDS_URL],
        }),
    );

    /**
     * Amazon Nova Pro.
     *
     * Geographies: AWS's inference-profile list: us, eu, apac, jp, us-gov.
     */
    public static readonly AMAZON_NOVA_PRO_V1 = new BedrockFoundationModel(
        "amazon.nova-pro-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            optimizedForAgents: true,
            marketplaceProductId: null,
            crossRegionGeographies: ["us", "eu", "apac", "jp", "us-gov"],
            sources: [INFERENCE_PROFILES_SUPPORT_URL, PRODUCT_IDS_URL],
        }),
    );

    /**
     * Amazon Nova Premier.
     *
     * Geographies: AWS's Regional availability page lists the model in us-east-1, us-east-2 and us-west-2
     * only, through Geo inference: us. and nothing else.
     */
    public static readonly AMAZON_NOVA_PREMIER_V1 = new BedrockFoundationModel(
        "amazon.nova-premier-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            optimizedForAgents: true,
            marketplaceProductId: null,
            crossRegionGeographies: ["us"],
            sources: [REGIONAL_AVAILABILITY_URL, PRODUCT_IDS_URL],
        }),
    );

    /**
     * Amazon Nova 2 Lite.
     *
     * Geographies: AWS's Regional availability page lists Geo inference from US and EU Regions and Global
     * inference, no Geo inference from any Asia Pacific Region and no GovCloud Region; Geo from ca-central-1
     * and ca-west-1 (us. or ca.) leaves ca open.
     */
    public static readonly AMAZON_NOVA_2_LITE_V1 = new BedrockFoundationModel(
        "amazon.nova-2-lite-v1:0",
        catalog({
            supportsCrossRegion: true,
            marketplaceProductId: null,
            crossRegionGeographies: ["us", "eu", "global"],
            crossRegionGeographiesCovered: allBut("ca"),
            sources: [REGIONAL_AVAILABILITY_URL, PRODUCT_IDS_URL],
        }),
    );

    // ======================================================================
    // Amazon: embeddings models
    // ======================================================================

    /** Amazon Titan Embeddings G1 - Text (1536 dimensions). */
    public static readonly TITAN_EMBED_TEXT_V1 = new BedrockFoundationModel(
        "amazon.titan-embed-text-v1",
        catalog({
            supportsKnowledgeBase: true,
            vectorDimensions: [1536],
            outputModality: "embedding",
            marketplaceProductId: null,
            sources: ["https://docs.aws.amazon.com/bedrock/latest/userguide/titan-embedding-models.html", PRODUCT_IDS_URL],
        }),
    );

    /** Amazon Titan Text Embeddings V2, 1024 dimensions. */
    public static readonly TITAN_EMBED_TEXT_V2_1024 = new BedrockFoundationModel(
        "amazon.titan-embed-text-v2:0",
        catalog({
            supportsKnowledgeBase: true,
            vectorDimensions: [1024],
            outputModality: "embedding",
            marketplaceProductId: null,
            sources: [modelCard("amazon-titan-text-embeddings-v2"), PRODUCT_IDS_URL],
        }),
    );

    /** Amazon Titan Text Embeddings V2, 512 dimensions. */
    public static readonly TITAN_EMBED_TEXT_V2_512 = new BedrockFoundationModel(
        "amazon.titan-embed-text-v2:0",
        catalog({
            supportsKnowledgeBase: true,
            vectorDimensions: [512],
            outputModality: "embedding",
            marketplaceProductId: null,
            sources: [modelCard("amazon-titan-text-embeddings-v2"), PRODUCT_IDS_URL],
        }),
    );

    /** Amazon Titan Text Embeddings V2, 256 dimensions. */
    public static readonly TITAN_EMBED_TEXT_V2_256 = new BedrockFoundationModel(
        "amazon.titan-embed-text-v2:0",
        catalog({
            supportsKnowledgeBase: true,
            vectorDimensions: [256],
            outputModality: "embedding",
            marketplaceProductId: null,
            sources: [modelCard("amazon-titan-text-embeddings-v2"), PRODUCT_IDS_URL],
        }),
    );

    /** Amazon Titan Multimodal Embeddings G1 (1024, 384 or 256 dimensions). */
    public static readonly TITAN_EMBED_IMAGE_V1 = new BedrockFoundationModel(
        "amazon.titan-embed-image-v1",
        catalog({
            vectorDimensions: [1024, 384, 256],
            outputModality: "embedding",
            marketplaceProductId: null,
            sources: [modelCard("amazon-titan-multimodal-embeddings-g1"), PRODUCT_IDS_URL],
        }),
    );

    /** Amazon Nova Multimodal Embeddings, 3072 dimensions. */
    public static readonly AMAZON_NOVA2_MULTIMODAL_V1_3072 = new BedrockFoundationModel(
        "amazon.nova-2-multimodal-embeddings-v1:0",
        catalog({
            supportsKnowledgeBase: true,
            vectorDimensions: [3072],
            outputModality: "embedding",
            marketplaceProductId: null,
            sources: [modelCard("amazon-amazon-nova-multimodal-embeddings"), PRODUCT_IDS_URL],
        }),
    );

    /** Amazon Nova Multimodal Embeddings, 1024 dimensions. */
    public static readonly AMAZON_NOVA2_MULTIMODAL_V1_1024 = new BedrockFoundationModel(
        "amazon.nova-2-multimodal-embeddings-v1:0",
        catalog({
            supportsKnowledgeBase: true,
            vectorDimensions: [1024],
            outputModality: "embedding",
            marketplaceProductId: null,
            sources: [modelCard("amazon-amazon-nova-multimodal-embeddings"), PRODUCT_IDS_URL],
        }),
    );

    /** Amazon Nova Multimodal Embeddings, 384 dimensions. */
    public static readonly AMAZON_NOVA2_MULTIMODAL_V1_384 = new BedrockFoundationModel(
        "amazon.nova-2-multimodal-embeddings-v1:0",
        catalog({
            supportsKnowledgeBase: true,
            vectorDimensions: [384],
            outputModality: "embedding",
            marketplaceProductId: null,
            sources: [modelCard("amazon-amazon-nova-multimodal-embeddings"), PRODUCT_IDS_URL],
        }),
    );

    /** Amazon Nova Multimodal Embeddings, 256 dimensions. */
    public static readonly AMAZON_NOVA2_MULTIMODAL_V1_256 = new BedrockFoundationModel(
        "amazon.nova-2-multimodal-embeddings-v1:0",
        catalog({
            supportsKnowledgeBase: true,
            vectorDimensions: [256],
            outputModality: "embedding",
            marketplaceProductId: null,
            sources: [modelCard("amazon-amazon-nova-multimodal-embeddings"), PRODUCT_IDS_URL],
        }),
    );

    // ======================================================================
    // Anthropic
    // ======================================================================

    /**
     * Anthropic Claude Fable 5.1.
     *
     * Geographies: no page this package cites lists its profiles: every geography is undocumented
     * (accepted with a warning).
     */
    public static readonly ANTHROPIC_CLAUDE_FABLE_5_1 = new BedrockFoundationModel(
        "anthropic.claude-fable-5-1",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
        }),
    );

    /**
     * Anthropic Claude Opus 5.5.
     *
     * Geographies: AWS's inference-profile list: us, eu, jp, au, global. Marketplace product id: the model card.
     */
    public static readonly ANTHROPIC_CLAUDE_OPUS_5_5 = new BedrockFoundationModel(
        "anthropic.claude-opus-5-5",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            marketplaceProductId: "prod-e5xo6z26ie45g",
            crossRegionGeographies: ["us", "eu", "jp", "au", "global"],
            sources: [INFERENCE_PROFILES_SUPPORT_URL, modelCard("anthropic-claude-opus-5-5")],
        }),
    );

    /**
     * Anthropic Claude Sonnet 5.5.
     *
     * Geographies: sources disagree. AWS's model card lists only a global. profile; AWS's inference-profile
     * list also has a us. one. Both are accepted.
     */
    public static readonly ANTHROPIC_CLAUDE_SONNET_5_5 = new BedrockFoundationModel(
        "anthropic.claude-sonnet-5-5",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            optimizedForAgents: true,
            crossRegionGeographies: ["global", "us"],
            sources: [modelCard("anthropic-claude-sonnet-5-5"), INFERENCE_PROFILES_SUPPORT_URL],
        }),
    );

    /**
     * Anthropic Claude Opus 5.
     *
     * Geographies: AWS's Regional availability page lists Geo inference from US, EU and GovCloud Regions
     * (us., eu., us-gov.) and Global inference; none from Tokyo or Osaka (no jp.) nor from Mumbai or
     * Hyderabad (no in.). Geo from Sydney and Melbourne (au. or apac.) and from Canada (us. or ca.)
     * leaves au, apac and ca open.
     */
    public static readonly ANTHROPIC_CLAUDE_OPUS_5 = new BedrockFoundationModel(
        "anthropic.claude-opus-5",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            crossRegionGeographies: ["us", "eu", "us-gov", "global"],
            crossRegionGeographiesCovered: allBut("au", "apac", "ca"),
            sources: [REGIONAL_AVAILABILITY_URL],
        }),
    );

    /**
     * Anthropic Claude Sonnet 5.
     *
     * Geographies: AWS's Regional availability page lists Geo inference from US, EU and GovCloud Regions
     * (us., eu., us-gov.) and Global inference; none from Tokyo or Osaka (no jp.) nor from Mumbai or
     * Hyderabad (no in.). Geo from Melbourne (au. or apac.) and from Canada (us. or ca.) leaves au, apac and
     * ca open.
     */
    public static readonly ANTHROPIC_CLAUDE_SONNET_5 = new BedrockFoundationModel(
        "anthropic.claude-sonnet-5",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            crossRegionGeographies: ["us", "eu", "us-gov", "global"],
            crossRegionGeographiesCovered: allBut("au", "apac", "ca"),
            sources: [REGIONAL_AVAILABILITY_URL],
        }),
    );

    /**
     * Anthropic Claude Opus 4.8.
     *
     * Geographies: AWS's Regional availability page lists Geo inference from US, EU and GovCloud Regions
     * (us., eu., us-gov.) and Global inference; none from Mumbai or Hyderabad (no in.). Geo from Tokyo,
     * Osaka, Sydney, Melbourne (jp., au. or apac.) and Canada (us. or ca.) leaves jp, au, apac and ca open.
     */
    public static readonly ANTHROPIC_CLAUDE_OPUS_4_8 = new BedrockFoundationModel(
        "anthropic.claude-opus-4-8",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            crossRegionGeographies: ["us", "eu", "us-gov", "global"],
            crossRegionGeographiesCovered: allBut("jp", "au", "apac", "ca"),
            sources: [REGIONAL_AVAILABILITY_URL],
        }),
    );

    /**
     * Anthropic Claude Opus 4.7.
     *
     * Geographies: AWS's Regional availability page lists Geo inference from US and EU Regions (us., eu.)
     * and Global inference; none from Mumbai or Hyderabad (no in.) and no GovCloud Region (no us-gov.).
     * Geo from Tokyo, Osaka, Sydney, Melbourne (jp., au. or apac.) and Canada (us. or ca.) leaves jp, au,
     * apac and ca open.
     */
    public static readonly ANTHROPIC_CLAUDE_OPUS_4_7 = new BedrockFoundationModel(
        "anthropic.claude-opus-4-7",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            crossRegionGeographies: ["us", "eu", "global"],
            crossRegionGeographiesCovered: allBut("jp", "au", "apac", "ca"),
            sources: [REGIONAL_AVAILABILITY_URL],
        }),
    );

    /**
     * Anthropic Claude Opus 4.6.
     *
     * Geographies: Anthropic's table lists global., us., eu., jp. and apac. profiles. AWS's Regional
     * availability page shows no Geo inference from Tokyo or Osaka, the only `jp.` sources: no jp.
     * profile (where AWS and Anthropic disagree, AWS's word wins). It shows Geo inference from Sydney,
     * Melbourne and Auckland (au.), none from Mumbai or Hyderabad (no in.) and no GovCloud Region (no
     * us-gov.). Geo from ca-west-1 (us. or ca.) leaves ca open.
     */
    public static readonly ANTHROPIC_CLAUDE_OPUS_4_6_V1 = new BedrockFoundationModel(
        "anthropic.claude-opus-4-6-v1",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            optimizedForAgents: true,
            crossRegionGeographies: ["global", "us", "eu", "apac", "au"],
            crossRegionGeographiesCovered: allBut("ca"),
            sources: [ANTHROPIC_TABLE_URL, REGIONAL_AVAILABILITY_URL],
        }),
    );

    /**
     * Anthropic Claude Sonnet 4.6.
     *
     * Geographies: Anthropic's table lists global., us., eu. and jp. profiles and no apac. one. AWS's
     * Regional availability page adds Geo inference from Sydney, Melbourne and Auckland (au.), none from
     * Mumbai or Hyderabad (no in.) and no GovCloud Region (no us-gov.). Geo from ca-west-1 (us. or ca.)
     * leaves ca open.
     */
    public static readonly ANTHROPIC_CLAUDE_SONNET_4_6 = new BedrockFoundationModel(
        "anthropic.claude-sonnet-4-6",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            optimizedForAgents: true,
            crossRegionGeographies: ["global", "us", "eu", "jp", "au"],
            crossRegionGeographiesCovered: allBut("ca"),
            sources: [ANTHROPIC_TABLE_URL, REGIONAL_AVAILABILITY_URL],
        }),
    );

    /**
     * Anthropic Claude Opus 4.5.
     *
     * Geographies: Anthropic's table lists global., us. and eu. profiles; AWS's Regional availability page
     * shows Geo inference from US (with ca-central-1) and EU Regions only: none from any Asia Pacific,
     * Canada West, India or GovCloud Region.
     */
    public static readonly ANTHROPIC_CLAUDE_OPUS_4_5_V1_0 = new BedrockFoundationModel(
        "anthropic.claude-opus-4-5-20251101-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            optimizedForAgents: true,
            crossRegionGeographies: ["global", "us", "eu"],
            sources: [ANTHROPIC_TABLE_URL, REGIONAL_AVAILABILITY_URL],
        }),
    );

    /**
     * Anthropic Claude Haiku 4.5.
     *
     * Geographies: AWS's model card lists us., eu., au., jp., in. and global. profiles (every profile the
     * model has). AWS's post on Amazon Bedrock in Asia Pacific (New Zealand) lists it under AU, and the
     * Regional availability page shows Geo inference from Tokyo, Sydney, Melbourne and Auckland.
     * Anthropic's table (no jp) disagrees: AWS's pages win. Marketplace product id: the model card.
     */
    public static readonly ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0 = new BedrockFoundationModel(
        "anthropic.claude-haiku-4-5-20251001-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            optimizedForAgents: true,
            marketplaceProductId: "prod-xdkflymybwmvi",
            crossRegionGeographies: ["us", "eu", "au", "jp", "in", "global"],
            sources: [modelCard("anthropic-claude-haiku-4-5"), AUCKLAND_POST_URL, REGIONAL_AVAILABILITY_URL],
        }),
    );

    /**
     * Anthropic Claude Sonnet 4.5.
     *
     * Geographies: AWS's inference-profile list and Regional availability page: us., eu., jp., au. (from
     * Sydney, Melbourne and, per AWS's post on Amazon Bedrock in Asia Pacific (New Zealand), Auckland),
     * us-gov. and global.; no apac., ca. or in. profile.
     */
    public static readonly ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 = new BedrockFoundationModel(
        "anthropic.claude-sonnet-4-5-20250929-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            optimizedForAgents: true,
            crossRegionGeographies: ["us", "eu", "jp", "au", "global", "us-gov"],
            sources: [INFERENCE_PROFILES_SUPPORT_URL, REGIONAL_AVAILABILITY_URL, AUCKLAND_POST_URL],
        }),
    );

    /**
     * Anthropic Claude Opus 4.1.
     *
     * Geographies: Anthropic's table and AWS's Regional availability page (Geo inference from us-east-1,
     * us-east-2 and us-west-2 only): us. only.
     */
    public static readonly ANTHROPIC_CLAUDE_OPUS_4_1_V1_0 = new BedrockFoundationModel(
        "anthropic.claude-opus-4-1-20250805-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            optimizedForAgents: true,
            crossRegionGeographies: ["us"],
            sources: [ANTHROPIC_TABLE_URL, REGIONAL_AVAILABILITY_URL],
        }),
    );

    /**
     * Anthropic Claude Opus 4.
     *
     * Geographies: Anthropic's table and AWS's Regional availability page (Geo inference from us-east-1,
     * us-east-2 and us-west-2 only): us. only.
     */
    public static readonly ANTHROPIC_CLAUDE_OPUS_4_V1_0 = new BedrockFoundationModel(
        "anthropic.claude-opus-4-20250514-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            optimizedForAgents: true,
            crossRegionGeographies: ["us"],
            sources: [ANTHROPIC_TABLE_URL, REGIONAL_AVAILABILITY_URL],
        }),
    );

    /** Anthropic Claude Opus 4 (the generative-ai-cdk-constructs name of `ANTHROPIC_CLAUDE_OPUS_4_V1_0`). */
    public static readonly ANTHROPIC_CLAUDE_4_OPUS_V1_0 = BedrockFoundationModel.ANTHROPIC_CLAUDE_OPUS_4_V1_0;

    /**
     * Anthropic Claude Sonnet 4.
     *
     * Geographies: Anthropic's table lists global., us., eu. and apac. profiles and no jp. one; AWS's
     * Regional availability page shows Geo inference from US, EU and Asia Pacific Regions and none from
     * Canada or GovCloud (no ca., no us-gov.). Geo from Sydney, Melbourne and Mumbai (apac., au. or in.)
     * leaves au and in open.
     */
    public static readonly ANTHROPIC_CLAUDE_SONNET_4_V1_0 = new BedrockFoundationModel(
        "anthropic.claude-sonnet-4-20250514-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            optimizedForAgents: true,
            crossRegionGeographies: ["global", "us", "eu", "apac"],
            crossRegionGeographiesCovered: allBut("au", "in"),
            sources: [ANTHROPIC_TABLE_URL, REGIONAL_AVAILABILITY_URL],
        }),
    );

    /** Anthropic Claude Sonnet 4 (the generative-ai-cdk-constructs name of `ANTHROPIC_CLAUDE_SONNET_4_V1_0`). */
    public static readonly ANTHROPIC_CLAUDE_4_SONNET_V1_0 = BedrockFoundationModel.ANTHROPIC_CLAUDE_SONNET_4_V1_0;

    /**
     * Anthropic Claude 3.7 Sonnet.
     *
     * Geographies: Anthropic's table lists us., eu. and apac. profiles (no global., no jp.); AWS's Regional
     * availability page shows Geo inference from US, EU, GovCloud (us-gov-east-1, in an earlier copy of the
     * page) and Mumbai, none from Sydney, Melbourne, Auckland or Canada. Geo from Mumbai (apac. or in.)
     * leaves in open.
     */
    public static readonly ANTHROPIC_CLAUDE_3_7_SONNET_V1_0 = new BedrockFoundationModel(
        "anthropic.claude-3-7-sonnet-20250219-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            crossRegionGeographies: ["us", "eu", "apac", "us-gov"],
            crossRegionGeographiesCovered: allBut("in"),
            sources: [ANTHROPIC_TABLE_URL, REGIONAL_AVAILABILITY_URL],
        }),
    );

    /**
     * Anthropic Claude 3.5 Sonnet v2 (Oct 2024).
     *
     * Geographies: AWS's Regional availability page shows Geo inference from us-east-1, us-east-2, us-west-2,
     * Seoul, Mumbai, Singapore and Sydney (us., apac.), none from any EU Region (no eu. profile), no Global
     * inference, none from Tokyo, Canada or GovCloud. Geo from Sydney and Mumbai (apac., au. or in.) leaves
     * au and in open.
     */
    public static readonly ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 = new BedrockFoundationModel(
        "anthropic.claude-3-5-sonnet-20241022-v2:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            optimizedForAgents: true,
            crossRegionGeographies: ["us", "apac"],
            crossRegionGeographiesCovered: allBut("au", "in"),
            sources: [REGIONAL_AVAILABILITY_URL],
        }),
    );

    /**
     * Anthropic Claude 3.5 Sonnet (Jun 2024).
     *
     * Geographies: AWS's Regional availability page shows Geo inference from US Regions, eu-central-1,
     * eu-west-1, eu-west-3 and Mumbai (us., eu., apac.), no Global inference, none from Tokyo, Sydney or
     * Canada; AWS's default Anthropic prompt router in us-gov-east-1 routes through its us-gov. profile.
     * Geo from Mumbai (apac. or in.) leaves in open.
     */
    public static readonly ANTHROPIC_CLAUDE_3_5_SONNET_V1_0 = new BedrockFoundationModel(
        "anthropic.claude-3-5-sonnet-20240620-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            optimizedForAgents: true,
            crossRegionGeographies: ["us", "eu", "apac", "us-gov"],
            crossRegionGeographiesCovered: allBut("in"),
            sources: [REGIONAL_AVAILABILITY_URL, PROMPT_ROUTING_URL],
        }),
    );

    /**
     * Anthropic Claude 3.5 Haiku.
     *
     * Geographies: Anthropic's table: us. only among its columns (global, us, eu, jp, apac); it says nothing of
     * au, ca, us-gov or in. Marketplace product id: the model card.
     */
    public static readonly ANTHROPIC_CLAUDE_3_5_HAIKU_V1_0 = new BedrockFoundationModel(
        "anthropic.claude-3-5-haiku-20241022-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            optimizedForAgents: true,
            marketplaceProductId: "prod-5oba7y7jpji56",
            crossRegionGeographies: ["us"],
            crossRegionGeographiesCovered: ["global", "us", "eu", "jp", "apac"],
            sources: [ANTHROPIC_TABLE_URL, modelCard("anthropic-claude-3-5-haiku")],
        }),
    );

    /** Anthropic Claude 3 Opus. */
    public static readonly ANTHROPIC_CLAUDE_OPUS_V1_0 = new BedrockFoundationModel(
        "anthropic.claude-3-opus-20240229-v1:0",
        catalog({
            supportsAgents: true,
            optimizedForAgents: true,
        }),
    );

    /**
     * Anthropic Claude 3 Sonnet (legacy).
     *
     * Geographies: AWS's Regional availability page shows Geo inference from us-east-1, us-west-2,
     * eu-central-1, eu-west-1, eu-west-3 and Singapore (us., eu., apac.) and from no other Region.
     */
    public static readonly ANTHROPIC_CLAUDE_SONNET_V1_0 = new BedrockFoundationModel(
        "anthropic.claude-3-sonnet-20240229-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            legacy: true,
            optimizedForAgents: true,
            crossRegionGeographies: ["us", "eu", "apac"],
            sources: [REGIONAL_AVAILABILITY_URL],
        }),
    );

    /**
     * Anthropic Claude 3 Haiku.
     *
     * Geographies: AWS's Regional availability page shows Geo inference from us-east-1, us-west-2,
     * us-gov-east-1, eu-central-1, eu-west-1 and eu-west-3 (us., us-gov., eu.); AWS's default Anthropic
     * prompt router in Asia Pacific Regions routes through its apac. profile (sources disagree: both
     * accepted). Marketplace product id: the model card.
     */
    public static readonly ANTHROPIC_CLAUDE_HAIKU_V1_0 = new BedrockFoundationModel(
        "anthropic.claude-3-haiku-20240307-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            optimizedForAgents: true,
            marketplaceProductId: "prod-ozonys2hmmpeu",
            crossRegionGeographies: ["us", "us-gov", "eu", "apac"],
            sources: [REGIONAL_AVAILABILITY_URL, PROMPT_ROUTING_URL, modelCard("anthropic-claude-3-haiku")],
        }),
    );

    /** Anthropic Claude 2.1 (legacy). */
    public static readonly ANTHROPIC_CLAUDE_V2_1 = new BedrockFoundationModel(
        "anthropic.claude-v2:1",
        catalog({
            supportsAgents: true,
            legacy: true,
            optimizedForAgents: true,
        }),
    );

    /** Anthropic Claude 2 (legacy). */
    public static readonly ANTHROPIC_CLAUDE_V2 = new BedrockFoundationModel(
        "anthropic.claude-v2",
        catalog({
            supportsAgents: true,
            legacy: true,
            optimizedForAgents: true,
        }),
    );

    /** Anthropic Claude Instant 1.2 (legacy). */
    public static readonly ANTHROPIC_CLAUDE_INSTANT_V1_2 = new BedrockFoundationModel(
        "anthropic.claude-instant-v1",
        catalog({
            supportsAgents: true,
            legacy: true,
            optimizedForAgents: true,
        }),
    );

    // ======================================================================
    // Cohere
    // ======================================================================

    /** Cohere Embed English v3 (1024 dimensions). */
    public static readonly COHERE_EMBED_ENGLISH_V3 = new BedrockFoundationModel(
        "cohere.embed-english-v3",
        catalog({
            supportsKnowledgeBase: true,
            vectorDimensions: [1024],
            outputModality: "embedding",
            sources: [modelCard("cohere-embed-english")],
        }),
    );

    /** Cohere Embed Multilingual v3 (1024 dimensions). */
    public static readonly COHERE_EMBED_MULTILINGUAL_V3 = new BedrockFoundationModel(
        "cohere.embed-multilingual-v3",
        catalog({
            supportsKnowledgeBase: true,
            vectorDimensions: [1024],
            outputModality: "embedding",
            sources: [modelCard("cohere-embed-multilingual")],
        }),
    );

    /** Cohere Embed v4 (1536, 1024, 512 or 256 dimensions). */
    public static readonly COHERE_EMBED_V4 = new BedrockFoundationModel(
        "cohere.embed-v4:0",
        catalog({
            supportsKnowledgeBase: true,
            supportsCrossRegion: true,
            vectorDimensions: [1536, 1024, 512, 256],
            outputModality: "embedding",
            sources: [modelCard("cohere-embed-v4")],
        }),
    );

    // ======================================================================
    // DeepSeek
    // ======================================================================

    /** DeepSeek-R1. */
    public static readonly DEEPSEEK_R1_V1 = new BedrockFoundationModel(
        "deepseek.r1-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
        }),
    );

    /** DeepSeek-V3.1. */
    public static readonly DEEPSEEK_V3_V1 = new BedrockFoundationModel("deepseek.v3-v1:0", catalog());

    /** DeepSeek-V3.2. */
    public static readonly DEEPSEEK_V3_2 = new BedrockFoundationModel("deepseek.v3.2", catalog());

    // ======================================================================
    // Meta
    // ======================================================================

    /**
     * Meta Llama 3.1 8B Instruct.
     *
     * Geographies: AWS's default Meta Llama prompt router (us-east-1, us-east-2, us-west-2) routes through its
     * us. profile; no cited source speaks of the other geographies.
     */
    public static readonly META_LLAMA_3_1_8B_INSTRUCT_V1 = new BedrockFoundationModel(
        "meta.llama3-1-8b-instruct-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            crossRegionGeographies: ["us"],
            crossRegionGeographiesCovered: ["us"],
            sources: [PROMPT_ROUTING_URL],
        }),
    );

    /**
     * Meta Llama 3.1 70B Instruct.
     *
     * Geographies: AWS's default Meta Llama prompt router (us-east-1, us-east-2, us-west-2) routes through its
     * us. profile; no cited source speaks of the other geographies.
     */
    public static readonly META_LLAMA_3_1_70B_INSTRUCT_V1 = new BedrockFoundationModel(
        "meta.llama3-1-70b-instruct-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            crossRegionGeographies: ["us"],
            crossRegionGeographiesCovered: ["us"],
            sources: [PROMPT_ROUTING_URL],
        }),
    );

    /** Meta Llama 3.1 405B Instruct. */
    public static readonly META_LLAMA_3_1_405B_INSTRUCT_V1 = new BedrockFoundationModel("meta.llama3-1-405b-instruct-v1:0", catalog());

    /** Meta Llama 3.2 1B Instruct. */
    public static readonly META_LLAMA_3_2_1B_INSTRUCT_V1 = new BedrockFoundationModel(
        "meta.llama3-2-1b-instruct-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
        }),
    );

    /** Meta Llama 3.2 3B Instruct. */
    public static readonly META_LLAMA_3_2_3B_INSTRUCT_V1 = new BedrockFoundationModel(
        "meta.llama3-2-3b-instruct-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
        }),
    );

    /** Meta Llama 3.2 11B Vision Instruct. */
    public static readonly META_LLAMA_3_2_11B_INSTRUCT_V1 = new BedrockFoundationModel(
        "meta.llama3-2-11b-instruct-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
        }),
    );

    /** Meta Llama 3.2 90B Vision Instruct. */
    public static readonly META_LLAMA_3_2_90B_INSTRUCT_V1 = new BedrockFoundationModel(
        "meta.llama3-2-90b-instruct-v1:0",
        catalog({
            supportsCrossRegion: true,
        }),
    );

    /**
     * Meta Llama 3.3 70B Instruct.
     *
     * Geographies: AWS's inference-profile list (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html): us, eu; no global.
     */
    public static readonly META_LLAMA_3_3_70B_INSTRUCT_V1 = new BedrockFoundationModel(
        "meta.llama3-3-70b-instruct-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            crossRegionGeographies: ["us", "eu"],
            sources: [INFERENCE_PROFILES_SUPPORT_URL],
        }),
    );

    /**
     * Meta Llama 4 Maverick 17B Instruct.
     *
     * Geographies: AWS's model card (https://docs.aws.amazon.com/bedrock/latest/userguide/model-card-meta-llama-4-maverick-17b-instruct.html)
     * lists the us. geo profile and no global profile; an in. (India) profile is listed by the project's
     * reference notes (not re-checked against an AWS page): accepted.
     */
    public static readonly META_LLAMA_4_MAVERICK_17B_INSTRUCT_V1 = new BedrockFoundationModel(
        "meta.llama4-maverick-17b-instruct-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
            crossRegionGeographies: ["us", "in"],
            sources: [modelCard("meta-llama-4-maverick-17b-instruct")],
        }),
    );

    /** Meta Llama 4 Scout 17B Instruct. */
    public static readonly META_LLAMA_4_SCOUT_17B_INSTRUCT_V1 = new BedrockFoundationModel(
        "meta.llama4-scout-17b-instruct-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
        }),
    );

    // ======================================================================
    // Mistral AI
    // ======================================================================

    /** Mistral 7B Instruct. */
    public static readonly MISTRAL_7B_INSTRUCT_V0 = new BedrockFoundationModel(
        "mistral.mistral-7b-instruct-v0:2",
        catalog({
            supportsAgents: true,
        }),
    );

    /** Mistral Mixtral 8x7B Instruct. */
    public static readonly MISTRAL_MIXTRAL_8X7B_INSTRUCT_V0 = new BedrockFoundationModel(
        "mistral.mixtral-8x7b-instruct-v0:1",
        catalog({
            supportsAgents: true,
        }),
    );

    /** Mistral Small (24.02). */
    public static readonly MISTRAL_SMALL_2402_V1 = new BedrockFoundationModel(
        "mistral.mistral-small-2402-v1:0",
        catalog({
            supportsAgents: true,
        }),
    );

    /** Mistral Large (24.02). */
    public static readonly MISTRAL_LARGE_2402_V1 = new BedrockFoundationModel(
        "mistral.mistral-large-2402-v1:0",
        catalog({
            supportsAgents: true,
        }),
    );

    /** Mistral Large 2 (24.07). */
    public static readonly MISTRAL_LARGE_2407_V1 = new BedrockFoundationModel(
        "mistral.mistral-large-2407-v1:0",
        catalog({
            supportsAgents: true,
        }),
    );

    /** Mistral Pixtral Large (25.02). */
    public static readonly MISTRAL_PIXTRAL_LARGE_2502_V1 = new BedrockFoundationModel(
        "mistral.pixtral-large-2502-v1:0",
        catalog({
            supportsAgents: true,
            supportsCrossRegion: true,
        }),
    );

    /** Mistral Large 3 (675B Instruct). */
    public static readonly MISTRAL_LARGE_3_675B_INSTRUCT = new BedrockFoundationModel("mistral.mistral-large-3-675b-instruct", catalog());

    // ======================================================================
    // OpenAI
    // ======================================================================

    /**
     * OpenAI GPT-5.6 Sol.
     *
     * Geographies: AWS's inference-profile list: us, global (not re-checked against a stored copy of the page).
     * Marketplace: its model card was not read; the product id of its sibling GPT-5.6 Terra suggests one.
     */
    public static readonly OPENAI_GPT_5_6_SOL = new BedrockFoundationModel(
        "openai.gpt-5.6-sol",
        catalog({
            supportsCrossRegion: true,
            crossRegionGeographies: ["us", "global"],
            sources: [INFERENCE_PROFILES_SUPPORT_URL],
        }),
    );

    /**
     * OpenAI GPT-5.6 Terra.
     *
     * Geographies: us, global (AWS's inference-profile list) and in (AWS's announcement of in-country
     * inference in India, see `CrossRegionInferenceProfileRegion.IN`). Sold through AWS Marketplace: its
     * model card gives the product id.
     */
    public static readonly OPENAI_GPT_5_6_TERRA = new BedrockFoundationModel(
        "openai.gpt-5.6-terra",
        catalog({
            supportsCrossRegion: true,
            marketplaceProductId: "prod-oxu3iqwrwktjm",
            crossRegionGeographies: ["us", "in", "global"],
            sources: [
                INFERENCE_PROFILES_SUPPORT_URL,
                "https://aws.amazon.com/blogs/machine-learning/ (Introducing OpenAI models on Amazon Bedrock for in-country inferencing in India)",
                modelCard("openai-gpt-56-terra"),
            ],
        }),
    );

    /**
     * OpenAI GPT-5.6 Luna.
     *
     * Geographies: us, global (AWS's inference-profile list) and in (AWS's announcement of in-country
     * inference in India, see `CrossRegionInferenceProfileRegion.IN`). Marketplace: its model card was not
     * read; the product id of its sibling GPT-5.6 Terra suggests one.
     */
    public static readonly OPENAI_GPT_5_6_LUNA = new BedrockFoundationModel(
        "openai.gpt-5.6-luna",
        catalog({
            supportsCrossRegion: true,
            crossRegionGeographies: ["us", "in", "global"],
            sources: [
                INFERENCE_PROFILES_SUPPORT_URL,
                "https://aws.amazon.com/blogs/machine-learning/ (Introducing OpenAI models on Amazon Bedrock for in-country inferencing in India)",
            ],
        }),
    );

    /** OpenAI gpt-oss-120b (open weight). AWS's OpenAI models page: Product ID N/A (not sold through Marketplace). */
    public static readonly OPENAI_GPT_OSS_120B_V1 = new BedrockFoundationModel(
        "openai.gpt-oss-120b-1:0",
        catalog({
            marketplaceProductId: null,
            sources: [OPENAI_MODELS_URL],
        }),
    );

    /** OpenAI gpt-oss-120b (alias of `OPENAI_GPT_OSS_120B_V1`). */
    public static readonly OPENAI_GPT_OSS_120B_1_0 = BedrockFoundationModel.OPENAI_GPT_OSS_120B_V1;

    /** OpenAI gpt-oss-20b (open weight). AWS's OpenAI models page: Product ID N/A (not sold through Marketplace). */
    public static readonly OPENAI_GPT_OSS_20B_V1 = new BedrockFoundationModel(
        "openai.gpt-oss-20b-1:0",
        catalog({
            marketplaceProductId: null,
            sources: [OPENAI_MODELS_URL],
        }),
    );

    /** OpenAI gpt-oss-20b (alias of `OPENAI_GPT_OSS_20B_V1`). */
    public static readonly OPENAI_GPT_OSS_20B_1_0 = BedrockFoundationModel.OPENAI_GPT_OSS_20B_V1;

    /** OpenAI gpt-oss-safeguard-120b (open-weight safety model). */
    public static readonly OPENAI_GPT_OSS_SAFEGUARD_120B = new BedrockFoundationModel("openai.gpt-oss-safeguard-120b", catalog());

    /** OpenAI gpt-oss-safeguard-20b (open-weight safety model). */
    public static readonly OPENAI_GPT_OSS_SAFEGUARD_20B = new BedrockFoundationModel("openai.gpt-oss-safeguard-20b", catalog());

    // ======================================================================
    // Qwen
    // ======================================================================

    /** Qwen3 235B A22B 2507. */
    public static readonly QWEN_QWEN3_235B_A22B_2507_V1 = new BedrockFoundationModel("qwen.qwen3-235b-a22b-2507-v1:0", catalog());

    /** Qwen3 32B (dense). */
    public static readonly QWEN_QWEN3_32B_V1 = new BedrockFoundationModel("qwen.qwen3-32b-v1:0", catalog());

    /** Qwen3 Coder 480B A35B Instruct. */
    public static readonly QWEN_QWEN3_CODER_480B_A35B_V1 = new BedrockFoundationModel("qwen.qwen3-coder-480b-a35b-v1:0", catalog());

    /** Qwen3 Coder 30B A3B Instruct. */
    public static readonly QWEN_QWEN3_CODER_30B_A3B_V1 = new BedrockFoundationModel("qwen.qwen3-coder-30b-a3b-v1:0", catalog());

    // ---- catalog: end ----

    /** The model id, e.g. `anthropic.claude-3-5-sonnet-20241022-v2:0`. */
    public readonly modelId: string;
    /** The model's provider: the part of the id before the first dot (`anthropic`). */
    public readonly provider: string;
    /** Whether the model can be called through system-defined cross-region inference profiles (`supportsCrossRegion` prop; default false). */
    public readonly supportsCrossRegion: boolean;
    /** Whether AWS lists the model for Bedrock Agents (default false). Informational: `Agent` accepts every text-generation model. */
    public readonly supportsAgents: boolean;
    /** Whether AWS lists the model as optimized for agents (default false). Informational. */
    public readonly optimizedForAgents: boolean;
    /** Whether AWS has moved the model to legacy status: still invokable, scheduled for end of life (default false). */
    public readonly legacy: boolean;
    /** Whether the model can be a knowledge base's embeddings or parsing model (default false). */
    public readonly supportsKnowledgeBase: boolean;
    /** Output vector sizes of an embeddings model; undefined for other models. */
    public readonly vectorDimensions?: number[];
    /** What the model generates (`text`, `embedding`, `image`, ...); undefined when not known. */
    public readonly outputModality?: OutputModality;
    /**
     * The model's AWS Marketplace product id; `null` when AWS says it has none; undefined when not
     * documented here.
     */
    public readonly marketplaceProductId?: string | null;
    /**
     * Prefixes of the geographies (`us`, `eu`, `apac`, ...) in which a cited source (or the program) lists a
     * system-defined profile for the model. Undefined: none listed (see `profileStatus`).
     */
    public readonly crossRegionGeographies?: readonly string[];
    /** The geographies the cited sources settle, yes or no; undefined: all of them (see `profileStatus`). */
    public readonly crossRegionGeographiesCovered?: readonly string[];
    /** The pages the model's facts come from (URLs), and `declared in the program` for facts a program added. */
    public readonly sources: readonly string[];
    private readonly props: BedrockFoundationModelProps;

    constructor(modelId: string, props: BedrockFoundationModelProps = {}) {
        if (typeof modelId !== "string" || !/^[a-z0-9-]+\.[A-Za-z0-9._:-]+$/.test(modelId)) {
            throw new Error(
                `BedrockFoundationModel: modelId ${JSON.stringify(modelId)} is not a Bedrock model id (<provider>.<model>, e.g. "anthropic.claude-3-haiku-20240307-v1:0").`,
            );
        }
        const modalities: readonly (OutputModality | undefined)[] = ["text", "embedding", "image", "video", "speech", undefined];
        if (!modalities.includes(props.outputModality)) {
            throw new Error(
                `BedrockFoundationModel: outputModality ${JSON.stringify(props.outputModality)} must be one of ${modalities.filter(Boolean).join(", ")}`,
            );
        }
        this.props = { ...props };
        this.modelId = modelId;
        this.provider = modelId.slice(0, modelId.indexOf("."));
        this.supportsCrossRegion = props.supportsCrossRegion ?? false;
        this.supportsAgents = props.supportsAgents ?? false;
        this.optimizedForAgents = props.optimizedForAgents ?? false;
        this.legacy = props.legacy ?? false;
        this.supportsKnowledgeBase = props.supportsKnowledgeBase ?? false;
        this.vectorDimensions = props.vectorDimensions ? [...props.vectorDimensions] : undefined;
        this.outputModality = props.outputModality;
        this.marketplaceProductId = props.marketplaceProductId;
        this.crossRegionGeographies = props.crossRegionGeographies ? Object.freeze([...props.crossRegionGeographies]) : undefined;
        this.crossRegionGeographiesCovered = props.crossRegionGeographiesCovered ? Object.freeze([...props.crossRegionGeographiesCovered]) : undefined;
        this.sources = Object.freeze([...new Set(props.sources ?? [])]);
    }

    /** The catalog constant with `modelId`, or undefined when the catalog does not list it. */
    public static lookup(modelId: string): BedrockFoundationModel | undefined {
        for (const v of Object.values(BedrockFoundationModel)) {
            if (v instanceof BedrockFoundationModel && v.modelId === modelId) return v;
        }
        return undefined;
    }

    /** The model's ARN in `region` (`arn:<partition>:bedrock:<region>::foundation-model/<modelId>`). */
    public asArn(region: string, partition = "aws"): string {
        return foundationModelArn(partition, region, this.modelId);
    }

    /** The model's ARN in the Region and partition of the default AWS Native provider. */
    public get modelArn(): pulumi.Output<string> {
        const ctx = callerContext();
        return pulumi.interpolate`arn:${ctx.partition}:bedrock:${ctx.region}::foundation-model/${this.modelId}`;
    }

    /** The ARN used to invoke the model: its ARN in the caller's Region. */
    public get invokableArn(): pulumi.Output<string> {
        return this.modelArn;
    }

    /**
     * Whether the catalog knows a system-defined profile of the model in the geography with `prefix`:
     * `listed` (a cited source or the program lists it), `not-listed` (the cited sources settle that
     * geography and list no profile there: `CrossRegionInferenceProfile` refuses it) or `undocumented`
     * (no cited source says either way: accepted with a warning).
     */
    public profileStatus(prefix: string): ProfileStatus {
        if (this.crossRegionGeographies?.includes(prefix)) return "listed";
        if (this.crossRegionGeographies === undefined) return "undocumented";
        if (this.crossRegionGeographiesCovered !== undefined && !this.crossRegionGeographiesCovered.includes(prefix)) return "undocumented";
        return "not-listed";
    }

    /** Whether a system-defined profile for the model in the geography with `prefix` may exist: false only when a cited source says there is none. */
    public hasProfileIn(prefix: string): boolean {
        return this.profileStatus(prefix) !== "not-listed";
    }

    /**
     * This model with system-defined profiles in `prefixes` declared by the program, for a profile AWS
     * serves that the catalog does not list (or lists as absent): `CrossRegionInferenceProfile` then
     * accepts those geographies without a warning. The catalog's constant is unchanged.
     *
     * ```ts
     * const haiku = BedrockFoundationModel.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0.withGeographies(["apac"]);
     * ```
     */
    public withGeographies(prefixes: readonly string[]): BedrockFoundationModel {
        if (!Array.isArray(prefixes) || prefixes.length === 0 || prefixes.some((p) => typeof p !== "string" || !/^[a-z]+(-[a-z]+)*$/.test(p))) {
            throw new Error(
                `BedrockFoundationModel ${this.modelId}: withGeographies takes a non-empty list of geography prefixes (e.g. ["apac"]), not ${JSON.stringify(prefixes)}`,
            );
        }
        const listed = [...new Set([...(this.crossRegionGeographies ?? []), ...prefixes])];
        const covered = this.crossRegionGeographiesCovered === undefined ? undefined : [...new Set([...this.crossRegionGeographiesCovered, ...prefixes])];
        return new BedrockFoundationModel(this.modelId, {
            ...this.props,
            supportsCrossRegion: true,
            crossRegionGeographies: listed,
            // Without a list before, every other geography stays undocumented.
            crossRegionGeographiesCovered: this.crossRegionGeographies === undefined ? listed : covered,
            sources: [...this.sources, DECLARED_IN_PROGRAM],
        });
    }

    /** Whether the model is known to generate something other than text (embeddings, images, ...): it cannot drive an agent. */
    public get generatesText(): boolean | undefined {
        return this.outputModality === undefined ? undefined : this.outputModality === "text";
    }

    /** How grants see the model: its ARN in the caller's Region. */
    public accessTarget(context: AccessContext = {}): FoundationModelTarget {
        const ctx = callerContext({ parent: context.parent });
        return { kind: "foundation-model", partition: ctx.sym.partition, region: ctx.sym.region, modelId: this.modelId };
    }

    /** Name used for the IAM resources a grant creates. */
    public grantName(): string {
        return `model-${this.modelId.replace(/[^A-Za-z0-9-]/g, "-")}`;
    }

    /**
     * Allows `role` to invoke the model (`bedrock:InvokeModel`, `bedrock:InvokeModelWithResponseStream`)
     * in the caller's Region. Returns the role policies it attaches.
     */
    public grantInvoke(role: RoleRef, opts?: InvokeGrantOptions): RolePolicyGrant {
        return grantInvokeTo(this, role, opts);
    }

    public toString(): string {
        return this.modelId;
    }
}
