// Agent harness: the seed's agriculture agent on the Amazon Bedrock AgentCore managed harness, for
// accounts that cannot create Bedrock Agents (closed to new customers since 2026-07-30). The model is a
// US cross-region inference profile whose reusable inference settings the harness inherits. Deploy with
// `pulumi up` from a US Region where AgentCore harnesses are available (set `aws-native:region` and
// `aws:region`, e.g. us-east-1).
import * as aws from "@pulumi/aws";
import * as bedrock from "pulumi-bedrock-genai";

// Cross-region (system-defined) profile: a reference, creates no cloud resource. Its inference settings
// (temperature, topP, maxTokens) are inherited by the harness unless the harness sets its own.
const cris = bedrock.CrossRegionInferenceProfile.fromConfig({
    geoRegion: bedrock.CrossRegionInferenceProfileRegion.US,
    model: bedrock.BedrockFoundationModel.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
    inferenceConfiguration: { temperature: 0.3, maxTokens: 2048 },
});

// The harness: its execution role (trusted only by the AgentCore service for this account's harnesses),
// the role's grants (invoke through the profile in every destination Region; logs, traces, metrics; the
// code interpreter), and the harness, created only after those grants exist.
const harness = new bedrock.AgentHarness("agent", {
    model: cris,
    instruction: "You are a helpful and friendly agent that answers questions about agriculture.",
    tools: [
        // The weather lookup of the Bedrock Agents example, as an inline function: the harness hands the
        // call back to the application, which runs it and returns the result.
        bedrock.HarnessTool.inlineFunction({
            name: "get_forecast",
            description: "The weather forecast for a field",
            inputSchema: {
                type: "object",
                properties: { field: { type: "string", description: "The field's name" } },
                required: ["field"],
            },
        }),
        // The AWS-managed code interpreter, for yield and irrigation arithmetic.
        bedrock.HarnessTool.codeInterpreter({ name: "calculator" }),
    ],
    memory: bedrock.HarnessMemory.managed({ strategies: ["SEMANTIC", "SUMMARIZATION"], eventExpiryDays: 30 }),
    truncation: { strategy: "sliding_window", messagesCount: 40 },
    maxIterations: 10,
    timeoutSeconds: 300,
    tags: { app: "agriculture-assistant" },
});

// A stable endpoint applications invoke.
const live = harness.addEndpoint("live", { description: "Live traffic" });

// An application role allowed to invoke the harness (and its endpoints), and nothing more.
const appRole = new aws.iam.Role("app-role", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }),
});
harness.grantInvoke(appRole);

export const harnessArn = harness.harnessArn;
export const harnessId = harness.harnessId;
export const executionRoleArn = harness.executionRoleArn;
export const endpointArn = live.arn;
