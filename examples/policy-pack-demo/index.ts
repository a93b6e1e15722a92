// Bedrock resources written by hand, without pulumi-bedrock-genai's components: an application role
// that invokes Claude, an agent with its service role, and an application inference profile.
// As written (fixed=false) it breaks the package's policy pack; `pulumi config set fixed true` fixes it:
//     pulumi preview --policy-pack ../../policy --policy-pack-config policy-config.json
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as awsnative from "@pulumi/aws-native";

const fixed = new pulumi.Config().getBoolean("fixed") ?? false;
const account = awsnative.getAccountIdOutput().accountId;
const region = awsnative.getRegionOutput().region;
const haiku = "anthropic.claude-3-haiku-20240307-v1:0";
const invoke = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];
// The Regions a `us.` cross-region profile routes to (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html).
const usRegions = ["us-east-1", "us-east-2", "us-west-2"];

// An application role that invokes Claude 3 Haiku through the US cross-region inference profile.
const appRole = new aws.iam.Role("app-role", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }),
});
const profileArn = pulumi.interpolate`arn:aws:bedrock:${region}:${account}:inference-profile/us.${haiku}`;
new aws.iam.RolePolicy("app-invoke", {
    role: appRole.name,
    policy: profileArn.apply((profile) =>
        JSON.stringify({
            Version: "2012-10-17",
            Statement: fixed
                ? [
                      // The profile, and the model in each Region it routes to, only through that profile.
                      { Effect: "Allow", Action: invoke, Resource: profile },
                      {
                          Effect: "Allow",
                          Action: invoke,
                          Resource: usRegions.map((r) => `arn:aws:bedrock:${r}::foundation-model/${haiku}`),
                          Condition: { StringEquals: { "bedrock:InferenceProfileArn": profile } },
                      },
                  ]
                : [
                      // Flagged: the model in any Region, callable directly (invoke-region-wildcard, model-without-profile-condition).
                      { Effect: "Allow", Action: invoke, Resource: [profile, `arn:aws:bedrock:*::foundation-model/${haiku}`] },
                      // Flagged: every Bedrock action on every resource (wildcard-action, wildcard-resource).
                      { Effect: "Allow", Action: "bedrock:*", Resource: "*" },
                  ],
        }),
    ),
});

// The agent's service role: Bedrock assumes it, limited to this account's agents when fixed.
const agentRole = new aws.iam.Role("agent-role", {
    assumeRolePolicy: pulumi.all([account, region]).apply(([acct, reg]) =>
        JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Service: "bedrock.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    // Flagged without it: agent-trust-without-source-condition (confused deputy).
                    ...(fixed
                        ? {
                              Condition: {
                                  StringEquals: { "aws:SourceAccount": acct },
                                  ArnLike: { "aws:SourceArn": `arn:aws:bedrock:${reg}:${acct}:agent/*` },
                              },
                          }
                        : {}),
                },
            ],
        }),
    ),
});
new aws.iam.RolePolicy("agent-invoke", {
    role: agentRole.name,
    policy: region.apply((reg) =>
        JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: invoke, Resource: `arn:aws:bedrock:${reg}::foundation-model/${haiku}` }],
        }),
    ),
});

const agent = new awsnative.bedrock.Agent("helper", {
    agentName: "policy-demo-helper",
    agentResourceRoleArn: agentRole.arn,
    foundationModel: haiku,
    instruction: "You answer questions about the team's on-call runbooks, briefly and precisely.",
    // Advisory without it: agent-without-guardrail.
    guardrailConfiguration: fixed ? { guardrailIdentifier: "policydemo0guard", guardrailVersion: "1" } : undefined,
});

// An application inference profile for one tenant; with policy-config.json the pack asks for CostCenter.
const tenant = new awsnative.bedrock.ApplicationInferenceProfile("tenant-a", {
    inferenceProfileName: "policy-demo-tenant-a",
    modelSource: { copyFrom: profileArn },
    tags: fixed ? [{ key: "CostCenter", value: "cc-1234" }] : undefined,
});

export const agentArn = agent.agentArn;
export const tenantProfileArn = tenant.inferenceProfileArn;
