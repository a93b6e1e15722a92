/**
 * The Bedrock foundation model catalog: `BedrockFoundationModel`.
 */
import * as pulumi from "@pulumi/pulumi";
import { foundationModelArn } from "./arns";
import type { FoundationModelTarget } from "../iam/access";
import { callerContext } from "../core/context";
import { grantInvokeTo, type AccessContext, type Grantee, type RoleRef, type InvokeGrantOptions, type RolePolicyGrant } from "../iam/grants";

/**
 * The geographies Anthropic's Claude-on-Bedrock model table covers (its columns), yes or no
 * (https://platform.claude.com/docs/en/build-with-claude/claude-on-amazon-bedrock). Other geographies (au,
 * ca, us-gov, in) are documented neither way there.
 */
const ANTHROPIC_TABLE_COLUMNS: readonly string[] = ["global", "us", "eu", "jp", "apac"];

/** Capabilities of a foundation model. Every flag defaults to false. */
export interface BedrockFoundationModelProps {
    /** The model can be called through system-defined cross-region inference profiles. */
    readonly supportsCrossRegion?: boolean;
    /**
     * AWS lists the model for Bedrock Agents. Informational: `Agent` accepts every model, as AWS's agents
     * page says Agents supports all models Bedrock supports
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
     * Prefixes of the geographies (`us`, `eu`, `apac`, `global`, `us-gov`, `jp`, `au`, `ca`) in which
     * AWS documents a system-defined profile for the model. Undefined: not documented, so any geography
     * is accepted.
     */
    readonly crossRegionGeographies?: readonly string[];
    /**
     * The geographies the sources behind `crossRegionGeographies` cover, saying yes or no (e.g. Anthropic's
     * table has global, us, eu, jp and apac columns). A geography outside them is documented neither way
     * and is accepted. Default: every geography (the list is complete).
     */
    readonly crossRegionGeographiesCovered?: readonly string[];
}

/**
 * A Bedrock foundation model: a model id and what it supports. Use the static constants, or
 * `new BedrockFoundationModel(modelId, props)` for a model the catalog does not list yet.
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
    public static readonly AI21_JAMBA_1_5_LARGE_V1 = new BedrockFoundationModel("ai21.jamba-1-5-large-v1:0", {
        supportsAgents: true,
    });

    /** AI21 Jamba 1.5 Mini. */
    public static readonly AI21_JAMBA_1_5_MINI_V1 = new BedrockFoundationModel("ai21.jamba-1-5-mini-v1:0", {
        supportsAgents: true,
    });

    /** AI21 Jamba-Instruct. */
    public static readonly AI21_JAMBA_INSTRUCT_V1 = new BedrockFoundationModel("ai21.jamba-instruct-v1:0", {
        supportsAgents: true,
    });

    // ======================================================================
    // Amazon: text models
    // ======================================================================

    /** Amazon Titan Text G1 - Express. */
    public static readonly AMAZON_TITAN_TEXT_EXPRESS_V1 = new BedrockFoundationModel("amazon.titan-text-express-v1", {
        supportsAgents: true,
    });

    /** Amazon Titan Text G1 - Premier. */
    public static readonly AMAZON_TITAN_PREMIER_V1_0 = new BedrockFoundationModel("amazon.titan-text-premier-v1:0", {
        supportsAgents: true,
    });

    /** Amazon Nova Micro. */
    public static readonly AMAZON_NOVA_MICRO_V1 = new BedrockFoundationModel("amazon.nova-micro-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
        optimizedForAgents: true,
    });

    /** Amazon Nova Lite. */
    public static readonly AMAZON_NOVA_LITE_V1 = new BedrockFoundationModel("amazon.nova-lite-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
        optimizedForAgents: true,
    });

    /**
     * Amazon Nova Pro.
     *
     * Geographies: AWS's inference-profile list (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html): us, eu, apac, jp, us-gov.
     */
    public static readonly AMAZON_NOVA_PRO_V1 = new BedrockFoundationModel("amazon.nova-pro-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
        optimizedForAgents: true,
        crossRegionGeographies: ["us", "eu", "apac", "jp", "us-gov"],
    });

    /** Amazon Nova Premier. */
    public static readonly AMAZON_NOVA_PREMIER_V1 = new BedrockFoundationModel("amazon.nova-premier-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
        optimizedForAgents: true,
    });

    /** Amazon Nova 2 Lite. */
    public static readonly AMAZON_NOVA_2_LITE_V1 = new BedrockFoundationModel("amazon.nova-2-lite-v1:0", {
        supportsCrossRegion: true,
    });

    // ======================================================================
    // Amazon: embeddings models
    // ======================================================================

    /** Amazon Titan Embeddings G1 - Text (1536 dimensions). */
    public static readonly TITAN_EMBED_TEXT_V1 = new BedrockFoundationModel("amazon.titan-embed-text-v1", {
        supportsKnowledgeBase: true,
        vectorDimensions: [1536],
    });

    /** Amazon Titan Text Embeddings V2, 1024 dimensions. */
    public static readonly TITAN_EMBED_TEXT_V2_1024 = new BedrockFoundationModel("amazon.titan-embed-text-v2:0", {
        supportsKnowledgeBase: true,
        vectorDimensions: [1024],
    });

    /** Amazon Titan Text Embeddings V2, 512 dimensions. */
    public static readonly TITAN_EMBED_TEXT_V2_512 = new BedrockFoundationModel("amazon.titan-embed-text-v2:0", {
        supportsKnowledgeBase: true,
        vectorDimensions: [512],
    });

    /** Amazon Titan Text Embeddings V2, 256 dimensions. */
    public static readonly TITAN_EMBED_TEXT_V2_256 = new BedrockFoundationModel("amazon.titan-embed-text-v2:0", {
        supportsKnowledgeBase: true,
        vectorDimensions: [256],
    });

    /** Amazon Titan Multimodal Embeddings G1 (1024, 384 or 256 dimensions). */
    public static readonly TITAN_EMBED_IMAGE_V1 = new BedrockFoundationModel("amazon.titan-embed-image-v1", {
        vectorDimensions: [1024, 384, 256],
    });

    /** Amazon Nova Multimodal Embeddings, 3072 dimensions. */
    public static readonly AMAZON_NOVA2_MULTIMODAL_V1_3072 = new BedrockFoundationModel("amazon.nova-2-multimodal-embeddings-v1:0", {
        supportsKnowledgeBase: true,
        vectorDimensions: [3072],
    });

    /** Amazon Nova Multimodal Embeddings, 1024 dimensions. */
    public static readonly AMAZON_NOVA2_MULTIMODAL_V1_1024 = new BedrockFoundationModel("amazon.nova-2-multimodal-embeddings-v1:0", {
        supportsKnowledgeBase: true,
        vectorDimensions: [1024],
    });

    /** Amazon Nova Multimodal Embeddings, 384 dimensions. */
    public static readonly AMAZON_NOVA2_MULTIMODAL_V1_384 = new BedrockFoundationModel("amazon.nova-2-multimodal-embeddings-v1:0", {
        supportsKnowledgeBase: true,
        vectorDimensions: [384],
    });

    /** Amazon Nova Multimodal Embeddings, 256 dimensions. */
    public static readonly AMAZON_NOVA2_MULTIMODAL_V1_256 = new BedrockFoundationModel("amazon.nova-2-multimodal-embeddings-v1:0", {
        supportsKnowledgeBase: true,
        vectorDimensions: [256],
    });

    // ======================================================================
    // Anthropic
    // ======================================================================

    /** Anthropic Claude Fable 5.1. */
    public static readonly ANTHROPIC_CLAUDE_FABLE_5_1 = new BedrockFoundationModel("anthropic.claude-fable-5-1", {
        supportsAgents: true,
        supportsCrossRegion: true,
        crossRegionGeographies: ["us", "global"],
    });

    /**
     * Anthropic Claude Opus 5.5.
     *
     * Geographies: AWS's inference-profile list (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html): us, eu, jp, au, global
     * (not re-checked against a stored copy of the page).
     */
    public static readonly ANTHROPIC_CLAUDE_OPUS_5_5 = new BedrockFoundationModel("anthropic.claude-opus-5-5", {
        supportsAgents: true,
        supportsCrossRegion: true,
        crossRegionGeographies: ["us", "eu", "jp", "au", "global"],
    });

    /**
     * Anthropic Claude Sonnet 5.5.
     *
     * Geographies: sources disagree. AWS's model card lists only a global. profile; the US geography is listed by
     * other sources this package followed before. Both are accepted until one source settles it.
     */
    public static readonly ANTHROPIC_CLAUDE_SONNET_5_5 = new BedrockFoundationModel("anthropic.claude-sonnet-5-5", {
        supportsAgents: true,
        supportsCrossRegion: true,
        optimizedForAgents: true,
        crossRegionGeographies: ["global", "us"],
    });

    /** Anthropic Claude Opus 5. */
    public static readonly ANTHROPIC_CLAUDE_OPUS_5 = new BedrockFoundationModel("anthropic.claude-opus-5", {
        supportsAgents: true,
        supportsCrossRegion: true,
    });

    /** Anthropic Claude Sonnet 5. */
    public static readonly ANTHROPIC_CLAUDE_SONNET_5 = new BedrockFoundationModel("anthropic.claude-sonnet-5", {
        supportsAgents: true,
        supportsCrossRegion: true,
    });

    /** Anthropic Claude Opus 4.8. */
    public static readonly ANTHROPIC_CLAUDE_OPUS_4_8 = new BedrockFoundationModel("anthropic.claude-opus-4-8", {
        supportsAgents: true,
        supportsCrossRegion: true,
    });

    /** Anthropic Claude Opus 4.7. */
    public static readonly ANTHROPIC_CLAUDE_OPUS_4_7 = new BedrockFoundationModel("anthropic.claude-opus-4-7", {
        supportsAgents: true,
        supportsCrossRegion: true,
    });

    /**
     * Anthropic Claude Opus 4.6.
     *
     * Geographies: Anthropic's Claude-on-Bedrock model table (https://platform.claude.com/docs/en/build-with-claude/claude-on-amazon-bedrock): global, us, eu, jp, apac.
     */
    public static readonly ANTHROPIC_CLAUDE_OPUS_4_6_V1 = new BedrockFoundationModel("anthropic.claude-opus-4-6-v1", {
        supportsAgents: true,
        supportsCrossRegion: true,
        optimizedForAgents: true,
        crossRegionGeographies: ["global", "us", "eu", "jp", "apac"],
        crossRegionGeographiesCovered: ANTHROPIC_TABLE_COLUMNS,
    });

    /**
     * Anthropic Claude Sonnet 4.6.
     *
     * Geographies: Anthropic's Claude-on-Bedrock model table (https://platform.claude.com/docs/en/build-with-claude/claude-on-amazon-bedrock): global, us, eu, jp; no apac.
     * No source we found lists an au. profile.
     */
    public static readonly ANTHROPIC_CLAUDE_SONNET_4_6 = new BedrockFoundationModel("anthropic.claude-sonnet-4-6", {
        supportsAgents: true,
        supportsCrossRegion: true,
        optimizedForAgents: true,
        crossRegionGeographies: ["global", "us", "eu", "jp"],
        crossRegionGeographiesCovered: ANTHROPIC_TABLE_COLUMNS,
    });

    /**
     * Anthropic Claude Opus 4.5.
     *
     * Geographies: Anthropic's Claude-on-Bedrock model table (https://platform.claude.com/docs/en/build-with-claude/claude-on-amazon-bedrock): global, us, eu; no jp, no apac.
     */
    public static readonly ANTHROPIC_CLAUDE_OPUS_4_5_V1_0 = new BedrockFoundationModel("anthropic.claude-opus-4-5-20251101-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
        optimizedForAgents: true,
        crossRegionGeographies: ["global", "us", "eu"],
        crossRegionGeographiesCovered: ANTHROPIC_TABLE_COLUMNS,
    });

    /**
     * Anthropic Claude Haiku 4.5.
     *
     * Geographies: Anthropic's Claude-on-Bedrock model table (https://platform.claude.com/docs/en/build-with-claude/claude-on-amazon-bedrock): global, us, eu; no jp, no apac.
     */
    public static readonly ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0 = new BedrockFoundationModel("anthropic.claude-haiku-4-5-20251001-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
        optimizedForAgents: true,
        crossRegionGeographies: ["global", "us", "eu"],
        crossRegionGeographiesCovered: ANTHROPIC_TABLE_COLUMNS,
    });

    /**
     * Anthropic Claude Sonnet 4.5.
     *
     * Geographies: Anthropic's Claude-on-Bedrock model table (https://platform.claude.com/docs/en/build-with-claude/claude-on-amazon-bedrock): global, us, eu, jp; no apac.
     * AWS's inference-profile list (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html)
     * also has au. and us-gov. profiles, which Anthropic's table (no au or us-gov column) does not show: both accepted.
     */
    public static readonly ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 = new BedrockFoundationModel("anthropic.claude-sonnet-4-5-20250929-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
        optimizedForAgents: true,
        crossRegionGeographies: ["us", "eu", "jp", "au", "global", "us-gov"],
    });

    /**
     * Anthropic Claude Opus 4.1.
     *
     * Geographies: Anthropic's Claude-on-Bedrock model table (https://platform.claude.com/docs/en/build-with-claude/claude-on-amazon-bedrock): us only.
     */
    public static readonly ANTHROPIC_CLAUDE_OPUS_4_1_V1_0 = new BedrockFoundationModel("anthropic.claude-opus-4-1-20250805-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
        optimizedForAgents: true,
        crossRegionGeographies: ["us"],
        crossRegionGeographiesCovered: ANTHROPIC_TABLE_COLUMNS,
    });

    /**
     * Anthropic Claude Opus 4.
     *
     * Geographies: Anthropic's Claude-on-Bedrock model table (https://platform.claude.com/docs/en/build-with-claude/claude-on-amazon-bedrock): us only.
     */
    public static readonly ANTHROPIC_CLAUDE_OPUS_4_V1_0 = new BedrockFoundationModel("anthropic.claude-opus-4-20250514-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
        optimizedForAgents: true,
        crossRegionGeographies: ["us"],
        crossRegionGeographiesCovered: ANTHROPIC_TABLE_COLUMNS,
    });

    /** Anthropic Claude Opus 4 (the generative-ai-cdk-constructs name of `ANTHROPIC_CLAUDE_OPUS_4_V1_0`). */
    public static readonly ANTHROPIC_CLAUDE_4_OPUS_V1_0 = BedrockFoundationModel.ANTHROPIC_CLAUDE_OPUS_4_V1_0;

    /**
     * Anthropic Claude Sonnet 4.
     *
     * Geographies: Anthropic's Claude-on-Bedrock model table (https://platform.claude.com/docs/en/build-with-claude/claude-on-amazon-bedrock): global, us, eu, apac; no jp.
     */
    public static readonly ANTHROPIC_CLAUDE_SONNET_4_V1_0 = new BedrockFoundationModel("anthropic.claude-sonnet-4-20250514-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
        optimizedForAgents: true,
        crossRegionGeographies: ["global", "us", "eu", "apac"],
        crossRegionGeographiesCovered: ANTHROPIC_TABLE_COLUMNS,
    });

    /** Anthropic Claude Sonnet 4 (the generative-ai-cdk-constructs name of `ANTHROPIC_CLAUDE_SONNET_4_V1_0`). */
    public static readonly ANTHROPIC_CLAUDE_4_SONNET_V1_0 = BedrockFoundationModel.ANTHROPIC_CLAUDE_SONNET_4_V1_0;

    /**
     * Anthropic Claude 3.7 Sonnet.
     *
     * Geographies: Anthropic's Claude-on-Bedrock model table (https://platform.claude.com/docs/en/build-with-claude/claude-on-amazon-bedrock): us, eu, apac; no global, no jp.
     */
    public static readonly ANTHROPIC_CLAUDE_3_7_SONNET_V1_0 = new BedrockFoundationModel("anthropic.claude-3-7-sonnet-20250219-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
        crossRegionGeographies: ["us", "eu", "apac"],
        crossRegionGeographiesCovered: ANTHROPIC_TABLE_COLUMNS,
    });

    /** Anthropic Claude 3.5 Sonnet v2 (Oct 2024). */
    public static readonly ANTHROPIC_CLAUDE_3_5_SONNET_V2_0 = new BedrockFoundationModel("anthropic.claude-3-5-sonnet-20241022-v2:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
        optimizedForAgents: true,
    });

    /** Anthropic Claude 3.5 Sonnet (Jun 2024). */
    public static readonly ANTHROPIC_CLAUDE_3_5_SONNET_V1_0 = new BedrockFoundationModel("anthropic.claude-3-5-sonnet-20240620-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
        optimizedForAgents: true,
    });

    /**
     * Anthropic Claude 3.5 Haiku.
     *
     * Geographies: Anthropic's Claude-on-Bedrock model table (https://platform.claude.com/docs/en/build-with-claude/claude-on-amazon-bedrock): us only.
     */
    public static readonly ANTHROPIC_CLAUDE_3_5_HAIKU_V1_0 = new BedrockFoundationModel("anthropic.claude-3-5-haiku-20241022-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
        optimizedForAgents: true,
        crossRegionGeographies: ["us"],
        crossRegionGeographiesCovered: ANTHROPIC_TABLE_COLUMNS,
    });

    /** Anthropic Claude 3 Opus. */
    public static readonly ANTHROPIC_CLAUDE_OPUS_V1_0 = new BedrockFoundationModel("anthropic.claude-3-opus-20240229-v1:0", {
        supportsAgents: true,
        optimizedForAgents: true,
    });

    /** Anthropic Claude 3 Sonnet (legacy). */
    public static readonly ANTHROPIC_CLAUDE_SONNET_V1_0 = new BedrockFoundationModel("anthropic.claude-3-sonnet-20240229-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
        legacy: true,
        optimizedForAgents: true,
    });

    /** Anthropic Claude 3 Haiku. */
    public static readonly ANTHROPIC_CLAUDE_HAIKU_V1_0 = new BedrockFoundationModel("anthropic.claude-3-haiku-20240307-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
        optimizedForAgents: true,
    });

    /** Anthropic Claude 2.1 (legacy). */
    public static readonly ANTHROPIC_CLAUDE_V2_1 = new BedrockFoundationModel("anthropic.claude-v2:1", {
        supportsAgents: true,
        legacy: true,
        optimizedForAgents: true,
    });

    /** Anthropic Claude 2 (legacy). */
    public static readonly ANTHROPIC_CLAUDE_V2 = new BedrockFoundationModel("anthropic.claude-v2", {
        supportsAgents: true,
        legacy: true,
        optimizedForAgents: true,
    });

    /** Anthropic Claude Instant 1.2 (legacy). */
    public static readonly ANTHROPIC_CLAUDE_INSTANT_V1_2 = new BedrockFoundationModel("anthropic.claude-instant-v1", {
        supportsAgents: true,
        legacy: true,
        optimizedForAgents: true,
    });

    // ======================================================================
    // Cohere
    // ======================================================================

    /** Cohere Embed English v3 (1024 dimensions). */
    public static readonly COHERE_EMBED_ENGLISH_V3 = new BedrockFoundationModel("cohere.embed-english-v3", {
        supportsKnowledgeBase: true,
        vectorDimensions: [1024],
    });

    /** Cohere Embed Multilingual v3 (1024 dimensions). */
    public static readonly COHERE_EMBED_MULTILINGUAL_V3 = new BedrockFoundationModel("cohere.embed-multilingual-v3", {
        supportsKnowledgeBase: true,
        vectorDimensions: [1024],
    });

    /** Cohere Embed v4 (1536, 1024, 512 or 256 dimensions). */
    public static readonly COHERE_EMBED_V4 = new BedrockFoundationModel("cohere.embed-v4:0", {
        supportsKnowledgeBase: true,
        supportsCrossRegion: true,
        vectorDimensions: [1536, 1024, 512, 256],
    });

    // ======================================================================
    // DeepSeek
    // ======================================================================

    /** DeepSeek-R1. */
    public static readonly DEEPSEEK_R1_V1 = new BedrockFoundationModel("deepseek.r1-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
    });

    /** DeepSeek-V3.1. */
    public static readonly DEEPSEEK_V3_V1 = new BedrockFoundationModel("deepseek.v3-v1:0");

    /** DeepSeek-V3.2. */
    public static readonly DEEPSEEK_V3_2 = new BedrockFoundationModel("deepseek.v3.2");

    // ======================================================================
    // Meta
    // ======================================================================

    /** Meta Llama 3.1 8B Instruct. */
    public static readonly META_LLAMA_3_1_8B_INSTRUCT_V1 = new BedrockFoundationModel("meta.llama3-1-8b-instruct-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
    });

    /** Meta Llama 3.1 70B Instruct. */
    public static readonly META_LLAMA_3_1_70B_INSTRUCT_V1 = new BedrockFoundationModel("meta.llama3-1-70b-instruct-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
    });

    /** Meta Llama 3.1 405B Instruct. */
    public static readonly META_LLAMA_3_1_405B_INSTRUCT_V1 = new BedrockFoundationModel("meta.llama3-1-405b-instruct-v1:0");

    /** Meta Llama 3.2 1B Instruct. */
    public static readonly META_LLAMA_3_2_1B_INSTRUCT_V1 = new BedrockFoundationModel("meta.llama3-2-1b-instruct-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
    });

    /** Meta Llama 3.2 3B Instruct. */
    public static readonly META_LLAMA_3_2_3B_INSTRUCT_V1 = new BedrockFoundationModel("meta.llama3-2-3b-instruct-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
    });

    /** Meta Llama 3.2 11B Vision Instruct. */
    public static readonly META_LLAMA_3_2_11B_INSTRUCT_V1 = new BedrockFoundationModel("meta.llama3-2-11b-instruct-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
    });

    /** Meta Llama 3.2 90B Vision Instruct. */
    public static readonly META_LLAMA_3_2_90B_INSTRUCT_V1 = new BedrockFoundationModel("meta.llama3-2-90b-instruct-v1:0", {
        supportsCrossRegion: true,
    });

    /**
     * Meta Llama 3.3 70B Instruct.
     *
     * Geographies: AWS's inference-profile list (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html): us, eu; no global.
     */
    public static readonly META_LLAMA_3_3_70B_INSTRUCT_V1 = new BedrockFoundationModel("meta.llama3-3-70b-instruct-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
        crossRegionGeographies: ["us", "eu"],
    });

    /**
     * Meta Llama 4 Maverick 17B Instruct.
     *
     * Geographies: AWS's model card (https://docs.aws.amazon.com/bedrock/latest/userguide/model-card-meta-llama-4-maverick-17b-instruct.html)
     * lists the us. geo profile and no global profile; an in. (India) profile is listed by other sources this
     * package followed: sources disagree, both are accepted.
     */
    public static readonly META_LLAMA_4_MAVERICK_17B_INSTRUCT_V1 = new BedrockFoundationModel("meta.llama4-maverick-17b-instruct-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
        crossRegionGeographies: ["us", "in"],
    });

    /** Meta Llama 4 Scout 17B Instruct. */
    public static readonly META_LLAMA_4_SCOUT_17B_INSTRUCT_V1 = new BedrockFoundationModel("meta.llama4-scout-17b-instruct-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
    });

    // ======================================================================
    // Mistral AI
    // ======================================================================

    /** Mistral 7B Instruct. */
    public static readonly MISTRAL_7B_INSTRUCT_V0 = new BedrockFoundationModel("mistral.mistral-7b-instruct-v0:2", {
        supportsAgents: true,
    });

    /** Mistral Mixtral 8x7B Instruct. */
    public static readonly MISTRAL_MIXTRAL_8X7B_INSTRUCT_V0 = new BedrockFoundationModel("mistral.mixtral-8x7b-instruct-v0:1", {
        supportsAgents: true,
    });

    /** Mistral Small (24.02). */
    public static readonly MISTRAL_SMALL_2402_V1 = new BedrockFoundationModel("mistral.mistral-small-2402-v1:0", {
        supportsAgents: true,
    });

    /** Mistral Large (24.02). */
    public static readonly MISTRAL_LARGE_2402_V1 = new BedrockFoundationModel("mistral.mistral-large-2402-v1:0", {
        supportsAgents: true,
    });

    /** Mistral Large 2 (24.07). */
    public static readonly MISTRAL_LARGE_2407_V1 = new BedrockFoundationModel("mistral.mistral-large-2407-v1:0", {
        supportsAgents: true,
    });

    /** Mistral Pixtral Large (25.02). */
    public static readonly MISTRAL_PIXTRAL_LARGE_2502_V1 = new BedrockFoundationModel("mistral.pixtral-large-2502-v1:0", {
        supportsAgents: true,
        supportsCrossRegion: true,
    });

    /** Mistral Large 3 (675B Instruct). */
    public static readonly MISTRAL_LARGE_3_675B_INSTRUCT = new BedrockFoundationModel("mistral.mistral-large-3-675b-instruct");

    // ======================================================================
    // OpenAI
    // ======================================================================

    /**
     * OpenAI GPT-5.6 Sol.
     *
     * Geographies: AWS's inference-profile list (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html): us, global (not re-checked against a stored copy of the page).
     */
    public static readonly OPENAI_GPT_5_6_SOL = new BedrockFoundationModel("openai.gpt-5.6-sol", {
        supportsCrossRegion: true,
        crossRegionGeographies: ["us", "global"],
    });

    /**
     * OpenAI GPT-5.6 Terra.
     *
     * Geographies: us, global (AWS's inference-profile list, https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html) and in (AWS's announcement of in-country
     * inference in India, see `CrossRegionInferenceProfileRegion.IN`).
     */
    public static readonly OPENAI_GPT_5_6_TERRA = new BedrockFoundationModel("openai.gpt-5.6-terra", {
        supportsCrossRegion: true,
        crossRegionGeographies: ["us", "in", "global"],
    });

    /**
     * OpenAI GPT-5.6 Luna.
     *
     * Geographies: us, global (AWS's inference-profile list, https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html) and in (AWS's announcement of in-country
     * inference in India, see `CrossRegionInferenceProfileRegion.IN`).
     */
    public static readonly OPENAI_GPT_5_6_LUNA = new BedrockFoundationModel("openai.gpt-5.6-luna", {
        supportsCrossRegion: true,
        crossRegionGeographies: ["us", "in", "global"],
    });

    /** OpenAI gpt-oss-120b (open weight). */
    public static readonly OPENAI_GPT_OSS_120B_V1 = new BedrockFoundationModel("openai.gpt-oss-120b-1:0");

    /** OpenAI gpt-oss-120b (alias of `OPENAI_GPT_OSS_120B_V1`). */
    public static readonly OPENAI_GPT_OSS_120B_1_0 = BedrockFoundationModel.OPENAI_GPT_OSS_120B_V1;

    /** OpenAI gpt-oss-20b (open weight). */
    public static readonly OPENAI_GPT_OSS_20B_V1 = new BedrockFoundationModel("openai.gpt-oss-20b-1:0");

    /** OpenAI gpt-oss-20b (alias of `OPENAI_GPT_OSS_20B_V1`). */
    public static readonly OPENAI_GPT_OSS_20B_1_0 = BedrockFoundationModel.OPENAI_GPT_OSS_20B_V1;

    /** OpenAI gpt-oss-safeguard-120b (open-weight safety model). */
    public static readonly OPENAI_GPT_OSS_SAFEGUARD_120B = new BedrockFoundationModel("openai.gpt-oss-safeguard-120b");

    /** OpenAI gpt-oss-safeguard-20b (open-weight safety model). */
    public static readonly OPENAI_GPT_OSS_SAFEGUARD_20B = new BedrockFoundationModel("openai.gpt-oss-safeguard-20b");

    // ======================================================================
    // Qwen
    // ======================================================================

    /** Qwen3 235B A22B 2507. */
    public static readonly QWEN_QWEN3_235B_A22B_2507_V1 = new BedrockFoundationModel("qwen.qwen3-235b-a22b-2507-v1:0");

    /** Qwen3 32B (dense). */
    public static readonly QWEN_QWEN3_32B_V1 = new BedrockFoundationModel("qwen.qwen3-32b-v1:0");

    /** Qwen3 Coder 480B A35B Instruct. */
    public static readonly QWEN_QWEN3_CODER_480B_A35B_V1 = new BedrockFoundationModel("qwen.qwen3-coder-480b-a35b-v1:0");

    /** Qwen3 Coder 30B A3B Instruct. */
    public static readonly QWEN_QWEN3_CODER_30B_A3B_V1 = new BedrockFoundationModel("qwen.qwen3-coder-30b-a3b-v1:0");

    // ---- catalog: end ----

    /** The model id, e.g. `anthropic.claude-3-5-sonnet-20241022-v2:0`. */
    public readonly modelId: string;
    /** The model's provider: the part of the id before the first dot (`anthropic`). */
    public readonly provider: string;
    /** Whether the model can be called through system-defined cross-region inference profiles (`supportsCrossRegion` prop; default false). */
    public readonly supportsCrossRegion: boolean;
    /** Whether AWS lists the model for Bedrock Agents (default false). Informational: `Agent` accepts every model. */
    public readonly supportsAgents: boolean;
    /** Whether AWS lists the model as optimized for agents (default false). Informational. */
    public readonly optimizedForAgents: boolean;
    /** Whether AWS has moved the model to legacy status: still invokable, scheduled for end of life (default false). */
    public readonly legacy: boolean;
    /** Whether the model can be a knowledge base's embeddings or parsing model (default false). */
    public readonly supportsKnowledgeBase: boolean;
    /** Output vector sizes of an embeddings model; undefined for other models. */
    public readonly vectorDimensions?: number[];
    /**
     * Prefixes of the geographies (`us`, `eu`, `apac`, ...) in which AWS documents a system-defined profile
     * for the model. Undefined: not documented, so every geography is accepted (see `hasProfileIn`).
     */
    public readonly crossRegionGeographies?: readonly string[];
    /** The geographies the sources of `crossRegionGeographies` cover; undefined: all of them (see `hasProfileIn`). */
    public readonly crossRegionGeographiesCovered?: readonly string[];

    constructor(modelId: string, props: BedrockFoundationModelProps = {}) {
        if (typeof modelId !== "string" || !/^[a-z0-9-]+\.[A-Za-z0-9._:-]+$/.test(modelId)) {
            throw new Error(
                `BedrockFoundationModel: modelId ${JSON.stringify(modelId)} is not a Bedrock model id (<provider>.<model>, e.g. "anthropic.claude-3-haiku-20240307-v1:0").`,
            );
        }
        this.modelId = modelId;
        this.provider = modelId.slice(0, modelId.indexOf("."));
        this.supportsCrossRegion = props.supportsCrossRegion ?? false;
        this.supportsAgents = props.supportsAgents ?? false;
        this.optimizedForAgents = props.optimizedForAgents ?? false;
        this.legacy = props.legacy ?? false;
        this.supportsKnowledgeBase = props.supportsKnowledgeBase ?? false;
        this.vectorDimensions = props.vectorDimensions ? [...props.vectorDimensions] : undefined;
        this.crossRegionGeographies = props.crossRegionGeographies ? Object.freeze([...props.crossRegionGeographies]) : undefined;
        this.crossRegionGeographiesCovered = props.crossRegionGeographiesCovered ? Object.freeze([...props.crossRegionGeographiesCovered]) : undefined;
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
     * Whether a system-defined profile for the model in the geography with `prefix` may exist: false only
     * when the sources cover that geography and list no profile there.
     */
    public hasProfileIn(prefix: string): boolean {
        if (this.crossRegionGeographies === undefined) return true;
        if (this.crossRegionGeographiesCovered !== undefined && !this.crossRegionGeographiesCovered.includes(prefix)) return true;
        return this.crossRegionGeographies.includes(prefix);
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
