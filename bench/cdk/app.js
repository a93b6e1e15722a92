/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS script run by node */
// The benchmark program written with the CDK constructs (@cdklabs/generative-ai-cdk-constructs 0.1.318,
// aws-cdk-lib 2.276): N application profiles on the US cross-region profiles of 8 Claude models, each
// granted usage and invoke on one role (grantProfileUsage + grantInvoke), N/10 agents and N/10 prompts on
// the default Anthropic router; synthesized in memory. Prints one JSON line of figures.
// Usage: node bench/cdk/app.js N   (CDK_VALIDATION=false turns aws-cdk-lib's built-in template validation off)
"use strict";
const started = process.hrtime.bigint();
const cdk = require("aws-cdk-lib");
const iam = require("aws-cdk-lib/aws-iam");
const { bedrock } = require("@cdklabs/generative-ai-cdk-constructs");
const loaded = process.hrtime.bigint();

const n = Number(process.argv[2] || "100");
const M = bedrock.BedrockFoundationModel;
// The eight Claude models of bench/models.json (both catalogs list them with a `us.` profile), as this catalog names them.
const claude = require("../models.json").map((id) => {
    const model = Object.values(M).find((m) => m && m.modelId === id);
    if (!model) throw new Error(`the CDK catalog has no model ${id}`);
    return model;
});

let figures;
try {
    const app = new cdk.App({ outdir: require("path").join(require("os").tmpdir(), `bench-cdk-out-${process.pid}`) });
    const stack = new cdk.Stack(app, "Bench", { env: { account: "123456789012", region: "us-east-1" } });
    const role = new iam.Role(stack, "TenantsRole", { assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com") });
    const cris = claude.map((model) => bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: bedrock.CrossRegionInferenceProfileRegion.US, model }));
    for (let i = 0; i < n; i++) {
        const profile = new bedrock.ApplicationInferenceProfile(stack, `Tenant${i}`, { inferenceProfileName: `tenant-${i}`, modelSource: cris[i % cris.length] });
        profile.grantProfileUsage(role);
        profile.grantInvoke(role);
    }
    for (let i = 0; i < Math.floor(n / 10); i++) {
        new bedrock.Agent(stack, `Agent${i}`, {
            foundationModel: cris[i % cris.length],
            instruction: "You are a helpful and friendly agent that answers questions about agriculture.",
        });
    }
    const router = bedrock.PromptRouter.fromDefaultId(bedrock.DefaultPromptRouterIdentifier.ANTHROPIC_CLAUDE_V1, "us-east-1");
    for (let i = 0; i < Math.floor(n / 10); i++) {
        const variant = bedrock.PromptVariant.text({ variantName: "variant1", promptText: "What is the capital of France?", model: router });
        new bedrock.Prompt(stack, `Prompt${i}`, { promptName: `prompt-${i}`, variants: [variant] });
    }
    const assembly = app.synth();
    const evaluated = process.hrtime.bigint();
    const template = assembly.getStackByName("Bench").template;
    const resources = template.Resources || {};
    const roleId = Object.keys(resources).find((id) => id.startsWith("TenantsRole") && resources[id].Type === "AWS::IAM::Role");
    const refersToRole = (v) => JSON.stringify(v).includes(`"Ref":"${roleId}"`);
    const docs = [];
    for (const [, r] of Object.entries(resources)) {
        if ((r.Type === "AWS::IAM::Policy" || r.Type === "AWS::IAM::ManagedPolicy") && refersToRole(r.Properties.Roles)) {
            docs.push({ kind: r.Type === "AWS::IAM::Policy" ? "inline" : "managed", doc: r.Properties.PolicyDocument });
        }
    }
    // Characters of the documents as written in the template (tokens such as Fn::Join left unresolved).
    const size = (d) => JSON.stringify(d).length;
    figures = {
        side: "cdk",
        n,
        validation: process.env.CDK_VALIDATION === "false" ? "off" : "on",
        loadMs: Number(loaded - started) / 1e6,
        evaluateMs: Number(evaluated - loaded) / 1e6,
        uptimeMs: process.uptime() * 1000,
        cpuMs: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000,
        maxRssMb: process.resourceUsage().maxRSS / 1024,
        resources: Object.keys(resources).length,
        role: {
            policies: docs.length,
            inline: docs.filter((d) => d.kind === "inline").length,
            managed: docs.filter((d) => d.kind === "managed").length,
            statements: docs.reduce((k, d) => k + d.doc.Statement.length, 0),
            characters: docs.reduce((k, d) => k + size(d.doc), 0),
            regionWildcards: docs.some((d) => /bedrock:\*:/.test(JSON.stringify(d.doc))),
        },
    };
    require("fs").rmSync(assembly.directory, { recursive: true, force: true });
} catch (e) {
    figures = { side: "cdk", n, error: String((e && e.message) || e).split("\n")[0].slice(0, 300), uptimeMs: process.uptime() * 1000 };
}
process.stdout.write(JSON.stringify(figures) + "\n");
