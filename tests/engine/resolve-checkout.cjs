/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS hook loaded with node --require */
// Loaded by the engine checks with `node --require` (NODE_OPTIONS): resolves `pulumi-bedrock-genai` and its
// subpaths to this checkout's build (`bin/`, what the npm package ships), for the examples, which name the
// package by relative path (`file:../..`) and have no node_modules of their own. Everything else the
// program loads (@pulumi/*) resolves from the repository's node_modules, one copy for program and package.
const Module = require("module");
const path = require("path");

const root = path.resolve(__dirname, "..", "..");
const targets = {
    "pulumi-bedrock-genai": "bin/sdk/nodejs/index.js",
    "pulumi-bedrock-genai/testing": "bin/sdk/nodejs/testing.js",
    "pulumi-bedrock-genai/policy": "bin/sdk/nodejs/policy.js",
    "pulumi-bedrock-genai/provider": "bin/sdk/nodejs/provider.js",
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
    const target = targets[request];
    return resolve.call(this, target ? path.join(root, target) : request, ...rest);
};
