/**
 * The repository as a Pulumi program (the root `Pulumi.yaml`): the quickstart in
 * `examples/quickstart`, with `pulumi-bedrock-genai` resolved to this checkout's sources, so
 * `npm install && pulumi up` deploys it from a fresh clone (and `npm start` previews it offline).
 */
import * as path from "path";
import Module from "module";

type Resolve = (request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const resolve = loader._resolveFilename;
const aliases: Record<string, string> = {
    "pulumi-bedrock-genai": path.join(__dirname, "sdk", "nodejs", "index"),
    "pulumi-bedrock-genai/testing": path.join(__dirname, "sdk", "nodejs", "testing"),
};
loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
    return resolve.call(this, aliases[request] ?? request, ...rest);
};

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the alias above is in place
module.exports = require("./examples/quickstart");
