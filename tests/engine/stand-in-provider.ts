/**
 * A PREVIEW-ONLY STAND-IN for a Pulumi resource provider plugin (`pulumi-resource-aws` or
 * `pulumi-resource-aws-native`), used only by the engine checks (`npm run engine`, `npm run test:engine`).
 * It is not the provider: it never calls AWS, knows no schema and validates nothing. It lets the real
 * Pulumi engine plan the resources a program registers:
 *
 * - `check` returns the inputs (no defaults, no validation), except one thing the real `aws` plugin does
 *   in Check that a program's plan depends on: autonaming. A type with `name` and `namePrefix` inputs
 *   (the Terraform name/name_prefix pair) and neither given gets `name` = `<resource name>-<7 hex>`, as
 *   Pulumi's autonaming does (https://www.pulumi.com/docs/iac/concepts/resources/names/#autonaming), the
 *   suffix derived from the URN here (the Node.js provider API does not pass the engine's random seed);
 * - `diff` compares the old and new inputs (a change to any of them is an update, none is a replace);
 * - `create` answers the engine's preview: the inputs as the state, with every output the resource type
 *   declares and the program did not give left unknown (the output-only properties of the type's class in
 *   the package's Node.js SDK, `resourceInputs["…"] = undefined /*out*\/`), and, for aws-native, the nested
 *   read-only properties of the CloudFormation schemas inside given inputs, as aws-native's preview does
 *   (pulumi-aws-native provider/pkg/outputs/previewOutputs.go). The Node.js provider server
 *   (`pulumi.provider.main`) does not announce `supportsPreview`, without which the engine would plan a
 *   create with the inputs alone as the state (sdk/go/common/resource/plugin/provider_plugin.go, Create),
 *   so the stand-in announces it. It returns no id: there is no `pulumi up` through a stand-in.
 * - invokes: for aws-native only `getAccountId`, `getRegion` and `getPartition`, answered from the
 *   values the engine script gives in ENGINE_STAND_IN_ACCOUNT, ENGINE_STAND_IN_REGION and
 *   ENGINE_STAND_IN_PARTITION (the Node.js provider API does not pass the provider's own configuration
 *   on, so an explicit provider's `region` is not seen); any other invoke fails, naming itself.
 *
 * Why: the classic `aws` plugin cannot be built from the Go module proxy (its module replaces
 * terraform-provider-aws with a patched git submodule, and its embedded schema is generated); the
 * proxy this project reaches serves no pulumi-aws-native provider version newer than v1.11.0 (2024),
 * and none matching the project's @pulumi/aws-native (see scripts/engine.mjs).
 *
 * Started by the engine script as `node -r ts-node/register stand-in-provider.ts <package> <engine address>`.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK's generated protobuf classes (untyped CommonJS)
const provproto = require("@pulumi/pulumi/proto/provider_pb");

const [pkg, ...rest] = process.argv.slice(2);
if (pkg !== "aws" && pkg !== "aws-native") {
    console.error(`stand-in-provider: the package must be aws or aws-native, not ${JSON.stringify(pkg)}`);
    process.exit(2);
}

/** The version of the package's Node.js SDK this repository installs (the plugin version it asks for). */
function sdkVersion(name: string): string {
    const file = require.resolve(`@pulumi/${name}/package.json`, { paths: [path.resolve(__dirname, "..", "..")] });
    return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
}

/**
 * Nested read-only properties of the aws-native types this package creates (CloudFormation schemas,
 * `readOnlyProperties`; only AWS::BedrockAgentCore::Harness has nested ones among them:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-bedrockagentcore-harness.html).
 */
const NESTED_READ_ONLY: Record<string, string[][]> = {
    "aws-native:bedrockagentcore:Harness": [
        ["memory", "managedMemoryConfiguration", "arn"],
        ["environment", "agentCoreRuntimeEnvironment", "agentRuntimeArn"],
        ["environment", "agentCoreRuntimeEnvironment", "agentRuntimeName"],
        ["environment", "agentCoreRuntimeEnvironment", "agentRuntimeId"],
    ],
};

const ROOT = path.resolve(__dirname, "..", "..");
const outputOnly = new Map<string, string[]>();

/**
 * The output-only properties of a resource type, read from its class in the package's Node.js SDK:
 * `aws:iam/role:Role` is `@pulumi/aws/iam/role.js`, `aws-native:bedrock:Agent` is `@pulumi/aws-native/bedrock/agent.js`.
 */
function outputOnlyProperties(type: string): string[] {
    const known = outputOnly.get(type);
    if (known) return known;
    const [, mod, member] = type.split(":");
    const file = pkg === "aws" ? mod : `${mod}/${member.charAt(0).toLowerCase()}${member.slice(1)}`;
    let names: string[] = [];
    try {
        const source = fs.readFileSync(require.resolve(`@pulumi/${pkg}/${file}.js`, { paths: [ROOT] }), "utf8");
        names = [...new Set([...source.matchAll(/resourceInputs\["([A-Za-z0-9_]+)"\] = undefined \/\*out\*\//g)].map((m) => m[1]))];
    } catch {
        names = [];
    }
    outputOnly.set(type, names);
    return names;
}

/** Whether the aws type has the Terraform name/namePrefix pair of inputs (read from its SDK class). */
function autonamed(type: string): boolean {
    const [, mod] = type.split(":");
    try {
        const source = fs.readFileSync(require.resolve(`@pulumi/aws/${mod}.js`, { paths: [ROOT] }), "utf8");
        return source.includes('resourceInputs["name"] = args?.name;') && source.includes('resourceInputs["namePrefix"] = args?.namePrefix;');
    } catch {
        return false;
    }
}

/** The preview state: the inputs, and unknown for every computed output the inputs do not give. */
function previewState(type: string, inputs: Record<string, unknown>): Record<string, unknown> {
    const unknown = pulumi.runtime.unknownValue;
    const state: Record<string, unknown> = JSON.parse(JSON.stringify(inputs ?? {}));
    for (const name of outputOnlyProperties(type)) if (!(name in state)) state[name] = unknown;
    for (const route of NESTED_READ_ONLY[type] ?? []) {
        let at: unknown = state;
        for (const key of route.slice(0, -1)) at = at && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined;
        if (at && typeof at === "object") (at as Record<string, unknown>)[route[route.length - 1]] = unknown;
    }
    return state;
}

// Announce provider previews in Configure (see the header).
const setAcceptOutputs = provproto.ConfigureResponse.prototype.setAcceptoutputs;
provproto.ConfigureResponse.prototype.setAcceptoutputs = function (this: { setSupportspreview(v: boolean): void }, value: boolean) {
    this.setSupportspreview(true);
    return setAcceptOutputs.call(this, value);
};

/** The invokes the aws-native stand-in answers (the ones this package calls, see README "Invokes to mock"). */
function awsNativeInvoke(token: string): Record<string, string> | undefined {
    const env = process.env;
    switch (token) {
        case "aws-native:index:getAccountId":
            return { accountId: env.ENGINE_STAND_IN_ACCOUNT ?? "123456789012" };
        case "aws-native:index:getRegion":
            return { region: env.ENGINE_STAND_IN_REGION ?? "us-east-1" };
        case "aws-native:index:getPartition":
            return { partition: env.ENGINE_STAND_IN_PARTITION ?? "aws" };
        default:
            return undefined;
    }
}

const provider: pulumi.provider.Provider = {
    version: sdkVersion(pkg),

    async check(urn, olds, news) {
        const type = urn.split("::")[2].split("$").pop()!;
        const name = urn.split("::")[3];
        if (pkg === "aws" && news && news.name === undefined && news.namePrefix === undefined && autonamed(type)) {
            // An update keeps the name the create gave.
            const suffix = createHash("sha256").update(urn).digest("hex").slice(0, 7);
            return { inputs: { ...news, name: olds?.name ?? `${name}-${suffix}` } };
        }
        return { inputs: news };
    },

    async diff(_id, _urn, olds, news) {
        return { changes: JSON.stringify(olds ?? {}) !== JSON.stringify(news ?? {}) };
    },

    async create(urn, inputs) {
        // The type token is the URN's last type (after any parent types joined by `$`).
        const type = urn.split("::")[2].split("$").pop()!;
        return { id: "", outs: previewState(type, inputs) };
    },

    async update(_id, urn) {
        throw new Error(`${urn}: the ${pkg} plugin here is a preview-only stand-in (tests/engine/stand-in-provider.ts); it updates nothing`);
    },

    async delete() {
        // Nothing was created.
    },

    async invoke(token) {
        const outputs = pkg === "aws-native" ? awsNativeInvoke(token) : undefined;
        if (!outputs) {
            throw new Error(`${token}: the ${pkg} plugin here is a preview-only stand-in (tests/engine/stand-in-provider.ts) and does not answer this invoke`);
        }
        return { outputs };
    },
};

void pulumi.provider.main(provider, rest);
