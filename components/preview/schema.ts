/** The JSON Schema of the plan `bedrock-genai preview --json` prints. */
import { CHECK_RULES } from "./checks";

/** The plan's format version; bumped on incompatible changes. */
export const PLAN_SCHEMA_VERSION = 1;

/** JSON Schema (draft 2020-12) of the plan `--json` prints. */
export const PLAN_JSON_SCHEMA: Readonly<Record<string, unknown>> = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "pulumi-bedrock-genai preview plan",
    type: "object",
    required: ["schemaVersion", "program", "context", "resources", "roles", "findings", "outputs"],
    additionalProperties: false,
    properties: {
        schemaVersion: { const: PLAN_SCHEMA_VERSION },
        program: {
            type: "object",
            required: ["dir", "main", "project", "stack"],
            additionalProperties: false,
            properties: { dir: { type: "string" }, main: { type: "string" }, project: { type: "string" }, stack: { type: ["string", "null"] } },
        },
        context: {
            type: "object",
            required: ["account", "region", "partition"],
            additionalProperties: false,
            properties: { account: { type: "string", pattern: "^[0-9]{12}$" }, region: { type: "string" }, partition: { type: "string" } },
        },
        resources: {
            type: "array",
            items: {
                type: "object",
                required: ["urn", "type", "name", "parent", "custom", "inputs", "outputs"],
                additionalProperties: false,
                properties: {
                    urn: { type: "string", pattern: "^urn:pulumi:" },
                    type: { type: "string" },
                    name: { type: "string" },
                    parent: { type: ["string", "null"] },
                    custom: { type: "boolean" },
                    id: { type: "string" },
                    inputs: { type: "object" },
                    outputs: { type: "object" },
                },
            },
        },
        roles: {
            type: "array",
            items: {
                type: "object",
                required: ["name", "external", "trust", "services", "inlineSize", "policies"],
                additionalProperties: false,
                properties: {
                    name: { type: "string" },
                    resourceName: { type: "string" },
                    arn: { type: "string" },
                    external: { type: "boolean" },
                    trust: { type: "array", items: { $ref: "#/$defs/trustStatement" } },
                    services: { type: "array", items: { type: "string" } },
                    inlineSize: { type: "integer", minimum: 0 },
                    policies: {
                        type: "array",
                        items: {
                            type: "object",
                            required: ["name", "kind", "statements"],
                            additionalProperties: false,
                            properties: {
                                name: { type: "string" },
                                kind: { enum: ["inline", "managed", "aws-managed"] },
                                resourceName: { type: "string" },
                                resourceType: { type: "string" },
                                arn: { type: "string" },
                                size: { type: "integer", minimum: 0 },
                                statements: { type: "array", items: { $ref: "#/$defs/statement" } },
                            },
                        },
                    },
                },
            },
        },
        findings: {
            type: "array",
            items: {
                type: "object",
                required: ["rule", "severity", "message"],
                additionalProperties: false,
                properties: {
                    rule: { enum: CHECK_RULES },
                    severity: { enum: ["error", "warning"] },
                    role: { type: "string" },
                    policy: { type: "string" },
                    resource: { type: "string", pattern: "^urn:pulumi:" },
                    message: { type: "string" },
                    statement: { type: "object" },
                },
            },
        },
        outputs: { type: "object" },
    },
    $defs: {
        condition: { type: "object", additionalProperties: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } } },
        statement: {
            type: "object",
            required: ["Effect", "Action", "Resource"],
            additionalProperties: false,
            properties: {
                Effect: { enum: ["Allow", "Deny"] },
                Action: { type: "array", items: { type: "string" } },
                Resource: { type: "array", items: { type: "string" } },
                NotAction: { type: "array", items: { type: "string" } },
                NotResource: { type: "array", items: { type: "string" } },
                Condition: { $ref: "#/$defs/condition" },
            },
        },
        trustStatement: {
            type: "object",
            required: ["Effect", "Action", "Principal"],
            additionalProperties: false,
            properties: {
                Effect: { enum: ["Allow", "Deny"] },
                Action: { type: "array", items: { type: "string" } },
                Principal: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
                Condition: { $ref: "#/$defs/condition" },
            },
        },
    },
} as const;
