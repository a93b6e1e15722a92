// Multi-tenant cost tracking: one application inference profile per tenant and model tier, tagged
// for AWS cost allocation, all on US cross-region profiles. The service role that serves the
// tenants gets invoke and usage on every profile through one ModelAccessPolicy, which merges the
// statements and packs them into the fewest IAM policies (no Region wildcards, every model reachable
// only through its tenants' profiles).
//
// Deploy with `pulumi up` from a US Region; preview offline with
// `npm start -- examples/multi-tenant` from the repository root.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as bedrock from "pulumi-bedrock-genai";

const config = new pulumi.Config();
const tenants = config.getObject<string[]>("tenants") ?? ["acme", "globex", "initech", "umbrella", "hooli"];

const US = bedrock.CrossRegionInferenceProfileRegion.US;
const M = bedrock.BedrockFoundationModel;

// Two tiers: a fast model for chat and a strong one for analysis. Each tier's profile carries the
// inference settings every tenant prompt inherits.
const tiers = {
    chat: bedrock.CrossRegionInferenceProfile.fromConfig({
        geoRegion: US,
        model: M.ANTHROPIC_CLAUDE_HAIKU_4_5_V1_0,
        inferenceConfiguration: { temperature: 0.3, maxTokens: 1024 },
    }),
    analysis: bedrock.CrossRegionInferenceProfile.fromConfig({
        geoRegion: US,
        model: M.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0,
        inferenceConfiguration: { temperature: 0.1, maxTokens: 4096 },
    }),
};

const profiles: bedrock.ApplicationInferenceProfile[] = [];
for (const tenant of tenants) {
    for (const [tier, source] of Object.entries(tiers)) {
        profiles.push(
            new bedrock.ApplicationInferenceProfile(`${tenant}-${tier}`, {
                inferenceProfileName: `${tenant}-${tier}`,
                modelSource: source,
                description: `Tenant ${tenant}: ${tier}`,
                tags: { tenant, tier, "cost-center": `tenant-${tenant}` },
            }),
        );
    }
}

// The role of the service that calls Bedrock on the tenants' behalf.
const serviceRole = new aws.iam.Role("tenant-service-role", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }),
});
const access = new bedrock.ModelAccessPolicy("tenant-access", {
    role: serviceRole,
    invoke: profiles,
    usage: profiles,
});

// A tenant-specific prompt on the tenant's chat profile: it inherits the tier's settings.
const first = profiles[0];
new bedrock.Prompt("welcome", {
    promptName: "tenant-welcome",
    description: "Welcome message for a new user of a tenant",
    variants: [
        bedrock.PromptVariant.text({
            variantName: "default",
            model: first,
            promptText: "Write a short welcome message for {{user}} at {{company}}.",
            promptVariables: ["user", "company"],
        }),
    ],
});

// Usage and cost per tenant: one dashboard graphing every tenant profile's tokens, invocations,
// latency, errors and throttles; an alarm per tenant when its chat profile reads more than
// `tokenAlarm` input tokens in an hour; a monthly budget per tenant on the `tenant` cost allocation
// tag (shared by the tenant's profiles, so both tiers count), alerting at 80% of actual and 100% of
// forecast spend. Activate `tenant` as a cost allocation tag in the Billing console first.
const alertEmail = config.get("alertEmail") ?? "finops@example.com";
const tokenAlarm = config.getNumber("tokenAlarm") ?? 2_000_000;
const monthlyBudgetUsd = config.getNumber("monthlyBudgetUsd") ?? 500;

const dashboard = new bedrock.UsageDashboard("tenant-usage", { profiles });
for (const tenant of tenants) {
    const chat = profiles.find((p) => p.grantName() === `${tenant}-chat`) as bedrock.ApplicationInferenceProfile;
    chat.addAlarm("input-tokens", { metric: "InputTokenCount", threshold: tokenAlarm, period: 3600 });
    new bedrock.ProfileBudget(`${tenant}-budget`, {
        profile: chat,
        tagKey: "tenant",
        limitUsd: monthlyBudgetUsd,
        notifications: [
            { threshold: 80, emails: [alertEmail] },
            { threshold: 100, type: "FORECASTED", emails: [alertEmail] },
        ],
    });
}

export const profileArns = profiles.map((p) => p.inferenceProfileArn);
export const dashboardName = dashboard.dashboardName;
export const accessPolicyCount = access.policyCount;
export const serviceRoleArn = serviceRole.arn;
