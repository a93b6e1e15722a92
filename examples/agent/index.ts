// Agent: the seed's agriculture agent on a US cross-region inference profile, with a Lambda action
// group and an alias. Deploy with `pulumi up` from a US Region (set `aws-native:region` and
// `aws:region`, e.g. us-east-1).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as bedrock from "pulumi-bedrock-genai";

// Cross-region (system-defined) profile: a reference, creates no cloud resource.
const cris = bedrock.CrossRegionInferenceProfile.fromConfig({
    geoRegion: bedrock.CrossRegionInferenceProfileRegion.US,
    model: bedrock.BedrockFoundationModel.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
});

// The Lambda function behind the action group.
const fnRole = new aws.iam.Role("weather-fn-role", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }),
    managedPolicyArns: [aws.iam.ManagedPolicy.AWSLambdaBasicExecutionRole],
});
const weatherFn = new aws.lambda.Function("weather-fn", {
    role: fnRole.arn,
    runtime: aws.lambda.Runtime.NodeJS20dX,
    handler: "index.handler",
    code: new pulumi.asset.AssetArchive({
        "index.js": new pulumi.asset.StringAsset(`
exports.handler = async (event) => {
    const field = (event.parameters || []).find((p) => p.name === "field");
    const body = JSON.stringify({ field: field ? field.value : "unknown", forecast: "sunny, 24 C, no rain expected" });
    return {
        messageVersion: "1.0",
        response: {
            actionGroup: event.actionGroup,
            function: event.function,
            functionResponse: { responseBody: { TEXT: { body } } },
        },
    };
};
`),
    }),
});

// Agent on the cross-region profile: creates its service role, the role's grants, and the agent
// (after the grants), plus a Lambda permission scoped to this agent.
const agent = new bedrock.Agent("agent", {
    foundationModel: cris,
    instruction: "You are a helpful and friendly agent that answers questions about agriculture.",
    description: "Agriculture assistant",
    shouldPrepareAgent: true,
    actionGroups: [
        new bedrock.AgentActionGroup({
            name: "weather",
            description: "Weather forecasts for a farm's fields",
            executor: bedrock.ActionGroupExecutor.fromLambda(weatherFn),
            functionSchema: {
                functions: [
                    {
                        name: "get_forecast",
                        description: "The weather forecast for a field",
                        parameters: { field: { type: "string", required: true, description: "The field's name" } },
                    },
                ],
            },
        }),
    ],
});

// An alias applications invoke; the service creates a version from the prepared draft.
const live = agent.addAlias("live", { description: "Live traffic" });

// An application role allowed to invoke the agent through the alias.
const appRole = new aws.iam.Role("app-role", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }),
});
live.grantInvoke(appRole);

export const agentId = agent.agentId;
export const agentArn = agent.agentArn;
export const agentRoleArn = agent.roleArn;
export const aliasArn = live.aliasArn;
export const testAliasArn = agent.testAlias.aliasArn;
