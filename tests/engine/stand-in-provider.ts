/**
 * A PREVIEW-ONLY STAND-IN for a Pulumi resource provider plugin (`pulumi-resource-aws` or
 * `pulumi-resource-aws-native`), used only by the engine checks (`npm run engine`, `npm run test:engine`).
 * It is not the provider: it never calls AWS, knows no schema and validates nothing. It lets the real
 * Pulumi engine plan the resources a program registers:
 *
 * - `check` returns the inputs unchanged (no defaults, no autonaming, no validation);
 * - `diff` compares the old and new inputs (a change to any of them is an update, none is a replace);
 * - `create` is never called in a preview: the Node.js provider server this is written with
 *   (`pulumi.provider.main`) does not announce `supportsPreview` in its Configure response, so the engine
 *   plans a create with the inputs as the state (sdk/go/common/resource/plugin/provider_plugin.go,
 *   Create: "If the provider does not support previews, return the inputs as the state"), and every
 *   computed output the program reads stays unknown, as in the real plugins' previews. Outside a preview
 *   it refuses: there is no `pulumi up` through a stand-in.
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
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";

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

    async check(_urn, _olds, news) {
        return { inputs: news };
    },

    async diff(_id, _urn, olds, news) {
        return { changes: JSON.stringify(olds ?? {}) !== JSON.stringify(news ?? {}) };
    },

    async create(urn) {
        throw new Error(`${urn}: the ${pkg} plugin here is a preview-only stand-in (tests/engine/stand-in-provider.ts); it creates nothing`);
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
