// Prompt routing: the seed's default-router prompt, a custom router, and a chat prompt, with grants.
// Deploy with `pulumi up` from a US Region (set `aws-native:region` and `aws:region` to us-east-1);
// preview offline with `npm start -- examples/prompt-router` from the repository root.
import * as aws from "@pulumi/aws";
import * as bedrock from "pulumi-bedrock-genai";

const M = bedrock.BedrockFoundationModel;

// The seed's example: a prompt whose variant uses AWS's default Claude router in us-east-1.
const defaultRouter = bedrock.PromptRouter.fromDefaultId(bedrock.DefaultPromptRouterIdentifier.ANTHROPIC_CLAUDE_V1, "us-east-1");
const variant = bedrock.PromptVariant.text({
    variantName: "variant1",
    promptText: "What is the capital of France?",
    model: defaultRouter,
});
const routedPrompt = new bedrock.Prompt("prompt", { promptName: "prompt-router-test", variants: [variant] });

// A custom router between two Llama 3.1 models, reached through their US cross-region profiles.
// Its inference settings are inherited by every prompt variant that uses it.
const llama8 = bedrock.CrossRegionInferenceProfile.fromConfig({
    geoRegion: bedrock.CrossRegionInferenceProfileRegion.US,
    model: M.META_LLAMA_3_1_8B_INSTRUCT_V1,
});
const llama70 = bedrock.CrossRegionInferenceProfile.fromConfig({
    geoRegion: bedrock.CrossRegionInferenceProfileRegion.US,
    model: M.META_LLAMA_3_1_70B_INSTRUCT_V1,
});
const customRouter = new bedrock.PromptRouter("llama-router", {
    promptRouterName: "llama-router",
    models: [llama8, llama70],
    fallbackModel: llama8,
    responseQualityDifference: 25,
    description: "Routes between Llama 3.1 8B and 70B",
    inferenceConfiguration: { temperature: 0.3, maxTokens: 512 },
    tags: { project: "prompt-router-example" },
});

// A profile carrying reusable inference settings for Claude.
const claude = bedrock.CrossRegionInferenceProfile.fromConfig({
    geoRegion: bedrock.CrossRegionInferenceProfileRegion.US,
    model: M.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
    inferenceConfiguration: { temperature: 0.2, maxTokens: 1024, anthropicVersion: "bedrock-2023-05-31" },
});

// A chat prompt with two variants: one on the custom router (inheriting its settings), one on the
// Claude profile (inheriting its settings, with its own temperature).
const chatPrompt = new bedrock.Prompt("travel-chat", {
    promptName: "travel-chat",
    description: "Travel planning chat",
    variants: [
        bedrock.PromptVariant.chat({
            variantName: "llama",
            model: customRouter,
            system: "You are a concise travel agent.",
            messages: [
                { role: "user", text: "I want to visit {{city}}." },
                { role: "assistant", text: "When would you like to travel?" },
                { role: "user", text: "In {{month}}. What should I pack?" },
            ],
            promptVariables: ["city", "month"],
        }),
        bedrock.PromptVariant.chat({
            variantName: "claude",
            model: claude,
            system: "You are a concise travel agent.",
            messages: [{ role: "user", text: "I want to visit {{city}} in {{month}}. What should I pack?" }],
            promptVariables: ["city", "month"],
            inferenceConfiguration: { temperature: 0.7 },
        }),
    ],
    defaultVariant: "claude",
});
// A version snapshots the prompt; it is replaced (a new version cut) whenever a variant changes.
const chatVersion = chatPrompt.createVersion("First release");

// An application role that reads the prompts and runs inference through both routers and the profile.
const appRole = new aws.iam.Role("app-role", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }),
});
defaultRouter.grantInvoke(appRole);
customRouter.grantInvoke(appRole);
claude.grantInvoke(appRole);
routedPrompt.grantGet(appRole);
chatVersion.grantGet(appRole);

export const defaultRouterArn = defaultRouter.promptRouterArn;
export const customRouterArn = customRouter.promptRouterArn;
export const promptArns = [routedPrompt.promptArn, chatPrompt.promptArn];
export const chatVersionArn = chatVersion.versionArn;
export const roleName = appRole.name;
