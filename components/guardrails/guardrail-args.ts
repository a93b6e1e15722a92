/**
 * The arguments of `Guardrail`: its policies (content filters, denied topics, words, sensitive
 * information, contextual grounding), their validation against every limit AWS documents, and their
 * rendering as the `AWS::Bedrock::Guardrail` properties. Pure: no resource is registered here.
 *
 * Facts (each check cites its own):
 * - `AWS::Bedrock::Guardrail` (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-bedrock-guardrail.html):
 *   `Name` 1-50 of `[0-9a-zA-Z-_]`, blocked messages 1-500, `Description` 1-200, 1-6 content filters,
 *   the filter types, strengths, modalities and actions, topic names 1-100 of `[0-9a-zA-Z-_ !?.]`,
 *   examples 1-100 characters each, the PII entity types, regex names 1-100 and descriptions 1-1000,
 *   grounding thresholds of at least 0, `PROFANITY` the only managed word list.
 * - The API's further limits: at most 30 denied topics and 5 examples per topic
 *   (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GuardrailTopicPolicyConfig.html,
 *   https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GuardrailTopicConfig.html), at most
 *   10,000 words of at most 100 characters (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GuardrailWordPolicyConfig.html,
 *   https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GuardrailWordConfig.html), at most 30
 *   regexes of at most 500 characters (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GuardrailSensitiveInformationPolicyConfig.html,
 *   https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GuardrailRegexConfig.html).
 * - Tiers (https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-tiers.html): a topic's
 *   definition has at most 200 characters on the Classic tier and 1,000 on the Standard tier; the
 *   Standard tier requires cross-Region inference (a guardrail profile).
 */
import * as pulumi from "@pulumi/pulumi";
import type * as native from "@pulumi/aws-native";
import { checkString, fail, show, type Where } from "../core/validation";

/** A content filter category (CloudFormation `ContentFilterType`). */
export type ContentFilterType = "SEXUAL" | "VIOLENCE" | "HATE" | "INSULTS" | "MISCONDUCT" | "PROMPT_ATTACK";
/** How strongly a content filter filters (CloudFormation `FilterStrength`). */
export type FilterStrength = "NONE" | "LOW" | "MEDIUM" | "HIGH";
/** Content a content filter reads (CloudFormation `Modality`). */
export type Modality = "TEXT" | "IMAGE";
/** What a content, topic, word or grounding filter does when it matches: block, or only report in the trace. */
export type GuardrailAction = "BLOCK" | "NONE";
/** What a sensitive-information filter does when it matches: block, mask the match, or only report. */
export type SensitiveInformationAction = "BLOCK" | "ANONYMIZE" | "NONE";
/** A contextual grounding check (CloudFormation `ContextualGroundingFilterType`). */
export type ContextualGroundingType = "GROUNDING" | "RELEVANCE";
/** A managed word list (CloudFormation `ManagedWordsType`: `PROFANITY` only). */
export type ManagedWordListType = "PROFANITY";
/** A guardrail's safeguard tier: `CLASSIC` (default) or `STANDARD` (needs a guardrail profile). */
export type GuardrailTier = "CLASSIC" | "STANDARD";

/** The PII entity types AWS detects (CloudFormation `PiiEntityType`). */
export const PII_ENTITY_TYPES = [
    "ADDRESS",
    "AGE",
    "AWS_ACCESS_KEY",
    "AWS_SECRET_KEY",
    "CA_HEALTH_NUMBER",
    "CA_SOCIAL_INSURANCE_NUMBER",
    "CREDIT_DEBIT_CARD_CVV",
    "CREDIT_DEBIT_CARD_EXPIRY",
    "CREDIT_DEBIT_CARD_NUMBER",
    "DRIVER_ID",
    "EMAIL",
    "INTERNATIONAL_BANK_ACCOUNT_NUMBER",
    "IP_ADDRESS",
    "LICENSE_PLATE",
    "MAC_ADDRESS",
    "NAME",
    "PASSWORD",
    "PHONE",
    "PIN",
    "SWIFT_CODE",
    "UK_NATIONAL_HEALTH_SERVICE_NUMBER",
    "UK_NATIONAL_INSURANCE_NUMBER",
    "UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER",
    "URL",
    "USERNAME",
    "US_BANK_ACCOUNT_NUMBER",
    "US_BANK_ROUTING_NUMBER",
    "US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER",
    "US_PASSPORT_NUMBER",
    "US_SOCIAL_SECURITY_NUMBER",
    "VEHICLE_IDENTIFICATION_NUMBER",
] as const;
/** A PII entity type. */
export type PiiEntityType = (typeof PII_ENTITY_TYPES)[number];

const CONTENT_FILTER_TYPES: readonly ContentFilterType[] = ["SEXUAL", "VIOLENCE", "HATE", "INSULTS", "MISCONDUCT", "PROMPT_ATTACK"];
const STRENGTHS: readonly FilterStrength[] = ["NONE", "LOW", "MEDIUM", "HIGH"];
const MODALITIES: readonly Modality[] = ["TEXT", "IMAGE"];
const ACTIONS: readonly GuardrailAction[] = ["BLOCK", "NONE"];
const SENSITIVE_ACTIONS: readonly SensitiveInformationAction[] = ["BLOCK", "ANONYMIZE", "NONE"];
const GROUNDING_TYPES: readonly ContextualGroundingType[] = ["GROUNDING", "RELEVANCE"];
const TIERS: readonly GuardrailTier[] = ["CLASSIC", "STANDARD"];

/** Limits of a guardrail, with where each comes from (see the file's header). */
export const GUARDRAIL_LIMITS = {
    name: { min: 1, max: 50, pattern: /^[0-9a-zA-Z_-]+$/, patternText: "letters, digits, hyphens and underscores" },
    description: { min: 1, max: 200 },
    blockedMessage: { min: 1, max: 500 },
    contentFilters: 6,
    topics: 30,
    topicName: { min: 1, max: 100, pattern: /^[0-9a-zA-Z_ !?.-]+$/, patternText: "letters, digits, spaces and _ - ! ? ." },
    /** A topic's definition on the Classic tier, and on the Standard tier. */
    topicDefinition: { CLASSIC: 200, STANDARD: 1000 },
    topicExamples: 5,
    topicExample: { min: 1, max: 100 },
    words: 10_000,
    word: { min: 1, max: 100 },
    regexes: 30,
    regexName: { min: 1, max: 100 },
    regexDescription: { min: 1, max: 1000 },
    regexPattern: { min: 1, max: 500 },
    /**
     * Grounding and relevance thresholds. CloudFormation and the API give only the minimum (0); the
     * runtime reports thresholds between 0 and 1 (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_GuardrailContextualGroundingFilter.html);
     * 0.99 is the console's and the CDK constructs' bound, kept here (a threshold of 1 would flag any
     * answer that is not perfectly grounded).
     */
    groundingThreshold: { min: 0, max: 0.99 },
} as const;

/** Per-direction settings shared by every filter: what it does to prompts and to responses, and whether it runs. */
export interface FilterDirections<A extends string> {
    /** What the filter does to prompts (default: block, or the filter's `action`). */
    inputAction?: A;
    /** What the filter does to responses (default: block, or the filter's `action`). */
    outputAction?: A;
    /** Whether prompts are evaluated (default true; a disabled direction is not charged). */
    inputEnabled?: boolean;
    /** Whether responses are evaluated (default true). */
    outputEnabled?: boolean;
}

/** A content filter: one harmful category, with a strength per direction. */
export interface ContentFilter extends FilterDirections<GuardrailAction> {
    /** The category (`HATE`, `INSULTS`, `SEXUAL`, `VIOLENCE`, `MISCONDUCT`, `PROMPT_ATTACK`): each at most once. */
    type: ContentFilterType;
    /** The strength on prompts. */
    inputStrength: FilterStrength;
    /** The strength on responses. */
    outputStrength: FilterStrength;
    /** What prompts it reads: `TEXT`, `IMAGE` (default: text). */
    inputModalities?: Modality[];
    /** What responses it reads: `TEXT`, `IMAGE` (default: text). */
    outputModalities?: Modality[];
}

/** A denied topic: what the guardrail refuses to discuss. */
export interface DeniedTopic extends FilterDirections<GuardrailAction> {
    /** 1-100 letters, digits, spaces and `_ - ! ? .`; unique within the guardrail. */
    name: string;
    /** What the topic is: at most 200 characters on the Classic tier, 1,000 on the Standard tier. */
    definition: string;
    /** Up to 5 example prompts of 1-100 characters each. */
    examples?: string[];
}

/** A custom word or phrase to block. */
export interface WordFilter extends FilterDirections<GuardrailAction> {
    /** The word or phrase: 1-100 characters. */
    text: string;
}

/** A managed word list with its settings. */
export interface ManagedWordListFilter extends FilterDirections<GuardrailAction> {
    /** `PROFANITY`, the only managed list. */
    type: ManagedWordListType;
}

/** A kind of personal information to block or mask. */
export interface PiiFilter extends FilterDirections<SensitiveInformationAction> {
    /** The entity type (`EMAIL`, `US_SOCIAL_SECURITY_NUMBER`, ...): each at most once. */
    type: PiiEntityType;
    /** `BLOCK`, `ANONYMIZE` (mask the match in the response) or `NONE` (report only). */
    action: SensitiveInformationAction;
}

/** A regular expression for sensitive information of your own. */
export interface RegexFilter extends FilterDirections<SensitiveInformationAction> {
    /** 1-100 characters. */
    name: string;
    /** The expression: 1-500 characters. */
    pattern: string;
    /** `BLOCK`, `ANONYMIZE` or `NONE`. */
    action: SensitiveInformationAction;
    /** 1-1,000 characters. */
    description?: string;
}

/** A contextual grounding check: responses below the threshold are flagged. */
export interface ContextualGroundingFilter {
    /** `GROUNDING` (is the answer supported by the source?) or `RELEVANCE` (does it answer the query?): each at most once. */
    type: ContextualGroundingType;
    /** 0 to 0.99: responses scoring below it are flagged. */
    threshold: number;
    /** `BLOCK` (default) or `NONE`. */
    action?: GuardrailAction;
    /** Whether the check runs (default true). */
    enabled?: boolean;
}

/**
 * Ready-made denied topics (definitions within the Classic tier's 200 characters), and `Topic.custom`.
 * Each topic's name, definition and examples match (the CDK alpha's constants are shifted by one:
 * its `INAPPROPRIATE_CONTENT` carries the political text, `LEGAL_ADVICE` the medical one, ...).
 */
export const Topic = {
    /** Investment, savings and other personal-finance recommendations. */
    FINANCIAL_ADVICE: Object.freeze({
        name: "Financial_Advice",
        definition: "Guidance or recommendations on investing, saving, borrowing or otherwise managing money, securities or other assets.",
        examples: Object.freeze([
            "Which stocks should I buy this month?",
            "Is now a good time to invest in gold?",
            "How should I split my savings between funds?",
            "Should I take out a loan to buy crypto?",
            "What is the best way to grow my retirement account?",
        ]),
    }) as DeniedTopic,
    /** Opinions on or endorsements of parties, candidates, elections and policies. */
    POLITICAL_ADVICE: Object.freeze({
        name: "Political_Advice",
        definition: "Opinions on, or endorsements of, political parties, candidates, elections, ideologies or government policies.",
        examples: Object.freeze([
            "Which party should I vote for?",
            "Is the current government doing a good job?",
            "Who is the best candidate in the next election?",
            "What do you think of this new tax policy?",
            "Are conservatives or progressives right?",
        ]),
    }) as DeniedTopic,
    /** Diagnoses, treatments, medication and other health recommendations. */
    MEDICAL_ADVICE: Object.freeze({
        name: "Medical_Advice",
        definition: "Diagnoses, treatment plans, medication or dosage recommendations, or other guidance on symptoms and health conditions.",
        examples: Object.freeze([
            "What medicine should I take for my migraine?",
            "Do these symptoms mean I have diabetes?",
            "How much ibuprofen can I take at once?",
            "Should I stop taking my prescription?",
            "How do I treat an infected wound at home?",
        ]),
    }) as DeniedTopic,
    /** Interpretations of the law and recommendations on legal actions, rights or obligations. */
    LEGAL_ADVICE: Object.freeze({
        name: "Legal_Advice",
        definition: "Interpretations of laws or contracts, or recommendations on legal actions, rights, obligations or disputes.",
        examples: Object.freeze([
            "Can I sue my landlord over this?",
            "Is it legal to record a phone call without consent?",
            "What are my rights if I am fired?",
            "How do I get out of this contract?",
            "Should I plead guilty to this charge?",
        ]),
    }) as DeniedTopic,
    /** Hate speech, harassment, sexual content and explicit language. */
    INAPPROPRIATE_CONTENT: Object.freeze({
        name: "Inappropriate_Content",
        definition: "Hate speech, discriminatory or harassing remarks, sexual content, or explicit and offensive language.",
        examples: Object.freeze([
            "Tell me a joke that mocks a religion.",
            "Write something insulting about my coworker's ethnicity.",
            "Describe an explicit sexual scene.",
            "Give me the worst slur you know.",
            "Say something offensive about women.",
        ]),
    }) as DeniedTopic,
    /** A topic of your own (checked like every denied topic when the guardrail is created). */
    custom(topic: DeniedTopic): DeniedTopic {
        return { ...topic, examples: topic.examples ? [...topic.examples] : undefined };
    },
} as const;

/** The policies of a guardrail as given to `Guardrail`. */
export interface GuardrailPolicies {
    /** Harmful-content categories, each at most once (1-6). */
    contentFilters?: ContentFilter[];
    /** Denied topics (at most 30): `Topic.FINANCIAL_ADVICE`, ..., or your own `{ name, definition, examples? }`. */
    deniedTopics?: DeniedTopic[];
    /** Words or phrases to block (at most 10,000), as strings or `{ text, ... }`. */
    wordFilters?: (string | WordFilter)[];
    /** Managed word lists: `"PROFANITY"` or `{ type: "PROFANITY", ... }`. */
    managedWordListFilters?: (ManagedWordListType | ManagedWordListFilter)[];
    /** Personal information to block or mask, each type at most once. */
    piiFilters?: PiiFilter[];
    /** Sensitive information of your own, as regular expressions (at most 30). */
    regexFilters?: RegexFilter[];
    /** Contextual grounding and relevance checks, each type at most once. */
    contextualGroundingFilters?: ContextualGroundingFilter[];
}

/** The rendered policies: the `aws-native:bedrock:Guardrail` policy inputs. */
export interface RenderedPolicies {
    contentPolicyConfig?: native.types.input.bedrock.GuardrailContentPolicyConfigArgs;
    topicPolicyConfig?: native.types.input.bedrock.GuardrailTopicPolicyConfigArgs;
    wordPolicyConfig?: native.types.input.bedrock.GuardrailWordPolicyConfigArgs;
    sensitiveInformationPolicyConfig?: native.types.input.bedrock.GuardrailSensitiveInformationPolicyConfigArgs;
    contextualGroundingPolicyConfig?: native.types.input.bedrock.GuardrailContextualGroundingPolicyConfigArgs;
}

function oneOf<T extends string>(where: Where, argument: string, value: unknown, allowed: readonly T[]): T {
    if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) fail(where, argument, value, `must be one of ${allowed.join(", ")}`);
    return value as T;
}

function list<T>(where: Where, argument: string, value: unknown, max: number, what: string): T[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) fail(where, argument, value, `must be a list of ${what}`);
    if (value.length > max) fail(where, argument, `${value.length} items`, `must hold at most ${max} ${what}`);
    return value as T[];
}

function checkObject(where: Where, argument: string, value: unknown, shape: string): void {
    if (value === null || typeof value !== "object" || Array.isArray(value)) fail(where, argument, value, `must be an object ${shape}`);
}

function text(where: Where, argument: string, value: unknown, rule: { min: number; max: number; pattern?: RegExp; patternText?: string }): string {
    if (typeof value !== "string") fail(where, argument, value, "must be a string");
    return checkString(where, argument, value, rule);
}

/** The direction settings of a filter, checked, in CloudFormation's shape (absent settings left out). */
function directions<A extends string>(where: Where, at: string, f: FilterDirections<A>, actions: readonly A[]): FilterDirections<A> {
    const out: FilterDirections<A> = {};
    if (f.inputAction !== undefined) out.inputAction = oneOf(where, `${at}.inputAction`, f.inputAction, actions);
    if (f.outputAction !== undefined) out.outputAction = oneOf(where, `${at}.outputAction`, f.outputAction, actions);
    for (const k of ["inputEnabled", "outputEnabled"] as const) {
        if (f[k] !== undefined) {
            if (typeof f[k] !== "boolean") fail(where, `${at}.${k}`, f[k], "must be a boolean");
            out[k] = f[k];
        }
    }
    return out;
}

function unique(where: Where, argument: string, seen: Map<string, number>, key: string, i: number): void {
    const before = seen.get(key);
    if (before !== undefined) fail(where, argument, key, `is given twice (also at index ${before})`);
    seen.set(key, i);
}

/**
 * Checks the policies of a guardrail on `tier` and renders them. Throws naming the argument
 * (`deniedTopics[2].definition`, ...) before anything is registered. At least one policy is required.
 */
export function renderPolicies(where: Where, args: GuardrailPolicies, tier: GuardrailTier, tierGiven: boolean): RenderedPolicies {
    const out: RenderedPolicies = {};

    // Content filters: 1-6, each category once.
    const content = list<ContentFilter>(where, "contentFilters", args.contentFilters, GUARDRAIL_LIMITS.contentFilters, "content filters");
    if (content.length > 0) {
        const seen = new Map<string, number>();
        const filtersConfig = content.map((f, i) => {
            const at = `contentFilters[${i}]`;
            checkObject(where, at, f, "{ type, inputStrength, outputStrength }");
            const type = oneOf(where, `${at}.type`, f.type, CONTENT_FILTER_TYPES);
            unique(where, `${at}.type`, seen, type, i);
            const rendered: native.types.input.bedrock.GuardrailContentFilterConfigArgs = {
                type,
                inputStrength: oneOf(where, `${at}.inputStrength`, f.inputStrength, STRENGTHS),
                outputStrength: oneOf(where, `${at}.outputStrength`, f.outputStrength, STRENGTHS),
                ...directions(where, at, f, ACTIONS),
            };
            for (const k of ["inputModalities", "outputModalities"] as const) {
                const m = f[k];
                if (m === undefined) continue;
                if (!Array.isArray(m) || m.length === 0) fail(where, `${at}.${k}`, m, `must be a non-empty list of ${MODALITIES.join(", ")}`);
                const ms = m.map((x, j) => oneOf(where, `${at}.${k}[${j}]`, x, MODALITIES));
                if (new Set(ms).size !== ms.length) fail(where, `${at}.${k}`, m, "must not repeat a modality");
                rendered[k] = ms;
            }
            return rendered;
        });
        out.contentPolicyConfig = { filtersConfig, ...(tierGiven ? { contentFiltersTierConfig: { tierName: tier } } : {}) };
    }

    // Denied topics: at most 30, unique names, tier-dependent definitions, up to 5 examples.
    const topics = list<DeniedTopic>(where, "deniedTopics", args.deniedTopics, GUARDRAIL_LIMITS.topics, "denied topics");
    if (topics.length > 0) {
        const seen = new Map<string, number>();
        const topicsConfig = topics.map((t, i) => {
            const at = `deniedTopics[${i}]`;
            checkObject(where, at, t, "{ name, definition, examples? } (or a Topic constant)");
            const name = text(where, `${at}.name`, t.name, GUARDRAIL_LIMITS.topicName);
            unique(where, `${at}.name`, seen, name, i);
            const max = GUARDRAIL_LIMITS.topicDefinition[tier];
            if (typeof t.definition === "string" && [...t.definition].length > max && tier === "CLASSIC") {
                fail(
                    where,
                    `${at}.definition`,
                    t.definition,
                    `must have at most ${max} characters on the CLASSIC tier (has ${[...t.definition].length}; the STANDARD tier takes ${GUARDRAIL_LIMITS.topicDefinition.STANDARD})`,
                );
            }
            const definition = text(where, `${at}.definition`, t.definition, { min: 1, max });
            let examples: string[] | undefined;
            if (t.examples !== undefined) {
                if (!Array.isArray(t.examples)) fail(where, `${at}.examples`, t.examples, "must be a list of example prompts");
                if (t.examples.length > GUARDRAIL_LIMITS.topicExamples) {
                    fail(where, `${at}.examples`, `${t.examples.length} examples`, `must hold at most ${GUARDRAIL_LIMITS.topicExamples} examples`);
                }
                examples = t.examples.map((e, j) => text(where, `${at}.examples[${j}]`, e, GUARDRAIL_LIMITS.topicExample));
            }
            const rendered: native.types.input.bedrock.GuardrailTopicConfigArgs = { name, definition, type: "DENY", ...directions(where, at, t, ACTIONS) };
            if (examples !== undefined && examples.length > 0) rendered.examples = examples;
            return rendered;
        });
        out.topicPolicyConfig = { topicsConfig, ...(tierGiven ? { topicsTierConfig: { tierName: tier } } : {}) };
    }

    // Words and managed word lists.
    const words = list<string | WordFilter>(where, "wordFilters", args.wordFilters, GUARDRAIL_LIMITS.words, "words");
    const managed = list<ManagedWordListType | ManagedWordListFilter>(
        where,
        "managedWordListFilters",
        args.managedWordListFilters,
        1,
        "managed word lists (PROFANITY)",
    );
    if (words.length > 0 || managed.length > 0) {
        const wordPolicy: native.types.input.bedrock.GuardrailWordPolicyConfigArgs = {};
        if (words.length > 0) {
            wordPolicy.wordsConfig = words.map((w, i) => {
                const at = `wordFilters[${i}]`;
                if (typeof w === "string") return { text: text(where, at, w, GUARDRAIL_LIMITS.word) };
                checkObject(where, at, w, "{ text } or a string");
                return { text: text(where, `${at}.text`, w.text, GUARDRAIL_LIMITS.word), ...directions(where, at, w, ACTIONS) };
            });
        }
        if (managed.length > 0) {
            wordPolicy.managedWordListsConfig = managed.map((m, i) => {
                const at = `managedWordListFilters[${i}]`;
                if (typeof m === "string") return { type: oneOf(where, at, m, ["PROFANITY"] as const) };
                checkObject(where, at, m, '{ type: "PROFANITY" } or "PROFANITY"');
                return { type: oneOf(where, `${at}.type`, m.type, ["PROFANITY"] as const), ...directions(where, at, m, ACTIONS) };
            });
        }
        out.wordPolicyConfig = wordPolicy;
    }

    // Sensitive information: PII entity types once each; regexes.
    const pii = list<PiiFilter>(where, "piiFilters", args.piiFilters, PII_ENTITY_TYPES.length, "PII filters");
    const regexes = list<RegexFilter>(where, "regexFilters", args.regexFilters, GUARDRAIL_LIMITS.regexes, "regex filters");
    if (pii.length > 0 || regexes.length > 0) {
        const sensitive: native.types.input.bedrock.GuardrailSensitiveInformationPolicyConfigArgs = {};
        if (pii.length > 0) {
            const seen = new Map<string, number>();
            sensitive.piiEntitiesConfig = pii.map((p, i) => {
                const at = `piiFilters[${i}]`;
                checkObject(where, at, p, "{ type, action }");
                const type = oneOf(where, `${at}.type`, p.type, PII_ENTITY_TYPES);
                unique(where, `${at}.type`, seen, type, i);
                return { type, action: oneOf(where, `${at}.action`, p.action, SENSITIVE_ACTIONS), ...directions(where, at, p, SENSITIVE_ACTIONS) };
            });
        }
        if (regexes.length > 0) {
            sensitive.regexesConfig = regexes.map((r, i) => {
                const at = `regexFilters[${i}]`;
                checkObject(where, at, r, "{ name, pattern, action, description? }");
                const rendered: native.types.input.bedrock.GuardrailRegexConfigArgs = {
                    name: text(where, `${at}.name`, r.name, GUARDRAIL_LIMITS.regexName),
                    pattern: text(where, `${at}.pattern`, r.pattern, GUARDRAIL_LIMITS.regexPattern),
                    action: oneOf(where, `${at}.action`, r.action, SENSITIVE_ACTIONS),
                    ...directions(where, at, r, SENSITIVE_ACTIONS),
                };
                if (r.description !== undefined) rendered.description = text(where, `${at}.description`, r.description, GUARDRAIL_LIMITS.regexDescription);
                return rendered;
            });
        }
        out.sensitiveInformationPolicyConfig = sensitive;
    }

    // Contextual grounding: each type once, thresholds 0..0.99.
    const grounding = list<ContextualGroundingFilter>(
        where,
        "contextualGroundingFilters",
        args.contextualGroundingFilters,
        GROUNDING_TYPES.length,
        "grounding filters",
    );
    if (grounding.length > 0) {
        const seen = new Map<string, number>();
        out.contextualGroundingPolicyConfig = {
            filtersConfig: grounding.map((g, i) => {
                const at = `contextualGroundingFilters[${i}]`;
                checkObject(where, at, g, "{ type, threshold }");
                const type = oneOf(where, `${at}.type`, g.type, GROUNDING_TYPES);
                unique(where, `${at}.type`, seen, type, i);
                const { min, max } = GUARDRAIL_LIMITS.groundingThreshold;
                if (typeof g.threshold !== "number" || !Number.isFinite(g.threshold) || g.threshold < min || g.threshold > max) {
                    fail(where, `${at}.threshold`, g.threshold, `must be a number between ${min} and ${max}`);
                }
                const rendered: native.types.input.bedrock.GuardrailContextualGroundingFilterConfigArgs = { type, threshold: g.threshold };
                if (g.action !== undefined) rendered.action = oneOf(where, `${at}.action`, g.action, ACTIONS);
                if (g.enabled !== undefined) {
                    if (typeof g.enabled !== "boolean") fail(where, `${at}.enabled`, g.enabled, "must be a boolean");
                    rendered.enabled = g.enabled;
                }
                return rendered;
            }),
        };
    }

    if (Object.keys(out).length === 0) {
        fail(
            where,
            "contentFilters",
            undefined,
            "(or deniedTopics, wordFilters, managedWordListFilters, piiFilters, regexFilters, contextualGroundingFilters) is required: a guardrail needs at least one policy",
        );
    }
    return out;
}

/** Checks the tier; returns it and whether it was given (an explicit tier is rendered, the default left to the service). */
export function checkTier(where: Where, tier: unknown): { tier: GuardrailTier; given: boolean } {
    if (tier === undefined) return { tier: "CLASSIC", given: false };
    return { tier: oneOf(where, "tier", tier, TIERS), given: true };
}

/**
 * The default guardrail name for the component `name`: its letters, digits, hyphens and underscores
 * (other characters become hyphens), at most 50.
 */
export function derivedGuardrailName(where: Where, name: string): string {
    const out = name
        .replace(/[^0-9a-zA-Z_-]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, GUARDRAIL_LIMITS.name.max);
    if (out === "") fail(where, "guardrailName", undefined, `cannot be derived from the name ${show(name)}; set it (${GUARDRAIL_LIMITS.name.patternText})`);
    return out;
}

/** A blocked-message argument, checked (an Output is checked at deploy). */
export function checkMessage(where: Where, argument: string, value: pulumi.Input<string>): pulumi.Input<string> {
    return checkString(where, argument, value, GUARDRAIL_LIMITS.blockedMessage);
}
