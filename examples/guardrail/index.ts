// Guardrail: a Standard-tier Bedrock guardrail on the US cross-Region guardrail profile, a version of it,
// an agent that applies the version, an application role that may invoke the model only with it, and
// its metrics on an alarm and a dashboard. Deploy with `pulumi up` from a source Region of the US
// guardrail profile (us-east-1, us-east-2, us-west-1 or us-west-2: set `aws-native:region` and `aws:region`).
import * as aws from "@pulumi/aws";
import * as bedrock from "pulumi-bedrock-genai";

// The guardrail. The Standard tier runs on cross-Region inference: the US guardrail profile routes its
// evaluations from us-east-1 to us-east-1, us-east-2 and us-west-2.
const guardrail = new bedrock.Guardrail("support-guardrail", {
    description: "Guardrail of the support assistant",
    blockedInputMessaging: "Sorry, I cannot help with that request.",
    blockedOutputsMessaging: "Sorry, I cannot share that answer.",
    contentFilters: [
        { type: "HATE", inputStrength: "HIGH", outputStrength: "HIGH" },
        { type: "INSULTS", inputStrength: "HIGH", outputStrength: "HIGH" },
        { type: "VIOLENCE", inputStrength: "MEDIUM", outputStrength: "MEDIUM", inputModalities: ["TEXT", "IMAGE"] },
        { type: "PROMPT_ATTACK", inputStrength: "HIGH", outputStrength: "NONE" },
    ],
    deniedTopics: [
        bedrock.Topic.FINANCIAL_ADVICE,
        bedrock.Topic.custom({
            name: "Competitors",
            definition: "Comparisons with, or recommendations of, other companies' products and services.",
            examples: ["Is your product better than the competition's?", "Which other vendor should I use instead?"],
        }),
    ],
    wordFilters: ["internal-codename"],
    managedWordListFilters: ["PROFANITY"],
    piiFilters: [
        { type: "EMAIL", action: "ANONYMIZE" },
        { type: "US_SOCIAL_SECURITY_NUMBER", action: "BLOCK" },
    ],
    regexFilters: [{ name: "order-id", description: "Internal order numbers", pattern: "ORD-[0-9]{8}", action: "ANONYMIZE" }],
    contextualGroundingFilters: [{ type: "GROUNDING", threshold: 0.8 }],
    tier: "STANDARD",
    crossRegion: bedrock.GuardrailProfileRegion.US,
    tags: { team: "support" },
});

// A version: a new one is cut whenever the guardrail's content changes, never otherwise.
const release = guardrail.createVersion("first release");

// The model, through the US cross-region inference profile.
const cris = bedrock.CrossRegionInferenceProfile.fromConfig({
    geoRegion: bedrock.CrossRegionInferenceProfileRegion.US,
    model: bedrock.BedrockFoundationModel.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
});

// An agent that applies the version: its service role may apply it (on the guardrail, and on the US
// guardrail profile in each of its Regions).
const agent = new bedrock.Agent("support-agent", {
    foundationModel: cris,
    instruction: "You are a polite support assistant. Answer questions about orders, deliveries and returns.",
    guardrail: release,
});

// An application role that may invoke the model through the profile only when the request names the
// guardrail version (bedrock:GuardrailIdentifier), and may apply it.
const appRole = new aws.iam.Role("app-role", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }),
});
cris.grantInvoke(appRole, { guardrail: release, enforce: true });

// A role that only applies the guardrail to text (the standalone ApplyGuardrail API).
const screenerRole = new aws.iam.Role("screener-role", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }),
});
guardrail.grantApply(screenerRole);

// Its metrics: an alarm on interventions of the version, and a dashboard.
release.addAlarm("interventions", { metric: "InvocationsIntervened", threshold: 100, period: 3600 });
new bedrock.UsageDashboard("support-usage", { profiles: [cris], guardrails: [release] });

export const guardrailArn = guardrail.guardrailArn;
export const guardrailId = guardrail.guardrailId;
export const guardrailVersion = release.guardrailVersion;
export const guardrailProfileArn = guardrail.guardrailProfileArn;
export const agentId = agent.agentId;
export const appRoleArn = appRole.arn;
