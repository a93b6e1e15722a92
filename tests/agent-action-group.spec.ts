import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { AgentActionGroup, renderActionGroup, type AgentActionGroupProps } from "../components/agents/agent-action-group";
import { outputError, throwsExactly } from "./support/errors";

const WHERE = { component: "Agent", name: "a" };
const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:f";
const RC = { customControl: "RETURN_CONTROL" } as const;
const NAME_RULE = "must match ^([0-9a-zA-Z][_-]?){1,100}$ (letters and digits, each followed by at most one underscore or hyphen, at most 100 of them)";
const EXECUTOR_REQUIRED = "is required: ActionGroupExecutor.fromLambda(fn) or ActionGroupExecutor.RETURN_CONTROL";
const API_RULE = "must be ApiSchema.fromInline(payload) or ApiSchema.fromS3File(bucket, key)";
const FUNCTIONS_RULE = "must be a non-empty list of functions";
const TYPE_RULE = "must be one of string, number, integer, boolean, array";
const P = 'Agent "a": actionGroups[1]';

/** Renders `group` as the second action group of agent "a". */
const render = (group: unknown) => renderActionGroup(WHERE, "actionGroups[1]", group as AgentActionGroupProps);
/** A group returning control with one function `f`, plus `extra`. */
const group = (extra: Record<string, unknown> = {}) => ({ name: "g", executor: RC, functionSchema: { functions: [{ name: "f" }] }, ...extra });
/** A group returning control with the functions `functions`. */
const withFunctions = (functions: unknown) => ({ name: "g", executor: RC, functionSchema: { functions } });
/** A group returning control with the API schema `apiSchema`. */
const withApi = (apiSchema: unknown) => ({ name: "g", executor: RC, apiSchema });

describe("Agent action groups: rendered arguments", () => {
    it("renders a minimal function-schema group with no optional keys", () => {
        expect(render(group())).to.deep.equal({
            arg: {
                actionGroupName: "g",
                actionGroupExecutor: { customControl: "RETURN_CONTROL" },
                functionSchema: { functions: [{ name: "f" }] },
                actionGroupState: "ENABLED",
            },
        });
    });

    it("renders every option of a group, its functions and their parameters", () => {
        const r = render(
            new AgentActionGroup({
                name: "orders",
                description: "Order tools",
                executor: { lambda: LAMBDA },
                functionSchema: {
                    functions: [
                        {
                            name: "get_order",
                            description: "Reads an order",
                            parameters: {
                                id: { type: "string", description: "The order id", required: true },
                                n: { type: "integer", required: false },
                                q: { type: "array" },
                            },
                            requireConfirmation: true,
                        },
                        { name: "cancel", parameters: {}, requireConfirmation: false },
                    ],
                },
                enabled: false,
                forceDelete: true,
            }),
        );
        expect(r).to.deep.equal({
            arg: {
                actionGroupName: "orders",
                description: "Order tools",
                actionGroupExecutor: { lambda: LAMBDA },
                functionSchema: {
                    functions: [
                        {
                            name: "get_order",
                            description: "Reads an order",
                            parameters: {
                                id: { type: "string", description: "The order id", required: true },
                                n: { type: "integer", required: false },
                                q: { type: "array" },
                            },
                            requireConfirmation: "ENABLED",
                        },
                        { name: "cancel", parameters: {}, requireConfirmation: "DISABLED" },
                    ],
                },
                actionGroupState: "DISABLED",
                skipResourceInUseCheckOnDelete: true,
            },
            lambdaArn: LAMBDA,
        });
    });

    it("passes forceDelete false through, and enabled true as ENABLED", () => {
        expect(render(group({ forceDelete: false, enabled: true })).arg).to.deep.equal({
            actionGroupName: "g",
            actionGroupExecutor: { customControl: "RETURN_CONTROL" },
            functionSchema: { functions: [{ name: "f" }] },
            actionGroupState: "ENABLED",
            skipResourceInUseCheckOnDelete: false,
        });
    });

    it("renders an inline API schema", () => {
        expect(render(withApi({ payload: "openapi: 3.0.0" }))).to.deep.equal({
            arg: {
                actionGroupName: "g",
                actionGroupExecutor: { customControl: "RETURN_CONTROL" },
                apiSchema: { payload: "openapi: 3.0.0" },
                actionGroupState: "ENABLED",
            },
        });
    });

    it("renders an S3 API schema and reports the object for the role's s3:GetObject", () => {
        expect(render(withApi({ s3: { bucketName: "my.bucket-1", objectKey: "schemas/api.yaml" } }))).to.deep.equal({
            arg: {
                actionGroupName: "g",
                actionGroupExecutor: { customControl: "RETURN_CONTROL" },
                apiSchema: { s3: { s3BucketName: "my.bucket-1", s3ObjectKey: "schemas/api.yaml" } },
                actionGroupState: "ENABLED",
            },
            s3Schema: { bucketName: "my.bucket-1", objectKey: "schemas/api.yaml" },
        });
    });

    it("checks a Lambda ARN given as an Output when it resolves", async () => {
        const r = render({ name: "g", executor: { lambda: pulumi.output(LAMBDA) }, functionSchema: { functions: [{ name: "f" }] } });
        expect(await (r.lambdaArn as unknown as { promise(): Promise<unknown> }).promise()).to.equal(LAMBDA);
        const bad = render({ name: "g", executor: { lambda: pulumi.output("arn:x") }, functionSchema: { functions: [{ name: "f" }] } });
        expect(await outputError(bad.lambdaArn)).to.equal(
            `${P}.executor.lambda "arn:x" must match ^arn:(aws[a-zA-Z-]*)?:lambda:[a-z0-9-]{1,20}:\\d{12}:function:[a-zA-Z0-9-_.]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?$ (a Lambda function ARN)`,
        );
    });
});

describe("Agent action groups: refusals", () => {
    const cases: [string, unknown, string][] = [
        ["a null group", null, `${P} null must be an AgentActionGroup or { name, executor, apiSchema | functionSchema }`],
        ["a string group", "x", `${P} "x" must be an AgentActionGroup or { name, executor, apiSchema | functionSchema }`],
        ["a bad group name", group({ name: "a__b" }), `${P}.name "a__b" ${NAME_RULE}`],
        ["no group name", group({ name: undefined }), `${P}.name undefined is required`],
        ["an empty description", group({ description: "" }), `${P}.description "" must not be empty`],
        [
            "a 201-character description",
            group({ description: "x".repeat(201) }),
            `${P}.description "${"x".repeat(201)}" must have at most 200 characters (has 201)`,
        ],
        ["no executor", group({ executor: undefined }), `${P}.executor undefined ${EXECUTOR_REQUIRED}`],
        ["a null executor", group({ executor: null }), `${P}.executor null ${EXECUTOR_REQUIRED}`],
        ["a string executor", group({ executor: "RETURN_CONTROL" }), `${P}.executor "RETURN_CONTROL" ${EXECUTOR_REQUIRED}`],
        [
            "an unknown custom control",
            group({ executor: { customControl: "X" } }),
            `${P}.executor {"customControl":"X"} must be ActionGroupExecutor.fromLambda(fn) or ActionGroupExecutor.RETURN_CONTROL`,
        ],
        ["a number as Lambda", group({ executor: { lambda: 5 } }), `${P}.executor.lambda 5 must be an aws.lambda.Function or a Lambda function ARN`],
        ["an object as Lambda", group({ executor: { lambda: {} } }), `${P}.executor.lambda {} must be an aws.lambda.Function or a Lambda function ARN`],
        [
            "a string that is no Lambda ARN",
            group({ executor: { lambda: "arn:x" } }),
            `${P}.executor.lambda "arn:x" must match ^arn:(aws[a-zA-Z-]*)?:lambda:[a-z0-9-]{1,20}:\\d{12}:function:[a-zA-Z0-9-_.]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?$ (a Lambda function ARN)`,
        ],
        ["a null API schema", withApi(null), `${P}.apiSchema null ${API_RULE}`],
        ["a string API schema", withApi("payload"), `${P}.apiSchema "payload" ${API_RULE}`],
        ["an empty API schema", withApi({}), `${P}.apiSchema {} ${API_RULE}`],
        ["a string s3", withApi({ s3: "b/k" }), `${P}.apiSchema {"s3":"b/k"} ${API_RULE}`],
        ["a null s3", withApi({ s3: null }), `${P}.apiSchema {"s3":null} ${API_RULE}`],
        ["a function with a payload", withApi(Object.assign(() => 0, { payload: "p" })), `${P}.apiSchema ()=>0 ${API_RULE}`],
        ["a function with s3", withApi(Object.assign(() => 0, { s3: { bucketName: "bkt", objectKey: "k" } })), `${P}.apiSchema ()=>0 ${API_RULE}`],
        ["an empty payload", withApi({ payload: "" }), `${P}.apiSchema.payload "" must not be empty`],
        [
            "a 2-character bucket",
            withApi({ s3: { bucketName: "ab", objectKey: "k" } }),
            `${P}.apiSchema.s3.bucketName "ab" must have at least 3 characters (has 2)`,
        ],
        [
            "a 64-character bucket",
            withApi({ s3: { bucketName: "a".repeat(64), objectKey: "k" } }),
            `${P}.apiSchema.s3.bucketName "${"a".repeat(64)}" must have at most 63 characters (has 64)`,
        ],
        [
            "a bucket with capitals",
            withApi({ s3: { bucketName: "Abc", objectKey: "k" } }),
            `${P}.apiSchema.s3.bucketName "Abc" must match ^[a-z0-9][.\\-a-z0-9]{1,61}[a-z0-9]$ (an S3 bucket name)`,
        ],
        ["an empty key", withApi({ s3: { bucketName: "bkt", objectKey: "" } }), `${P}.apiSchema.s3.objectKey "" must not be empty`],
        [
            "a key starting with /",
            withApi({ s3: { bucketName: "bkt", objectKey: "/k" } }),
            `${P}.apiSchema.s3.objectKey "/k" must match ^[.\\-!*_'()a-zA-Z0-9][.\\-!*_'()/a-zA-Z0-9]*$ (an S3 object key)`,
        ],
        [
            "a 1025-character key",
            withApi({ s3: { bucketName: "bkt", objectKey: "k".repeat(1025) } }),
            `${P}.apiSchema.s3.objectKey "${"k".repeat(1025)}" must have at most 1024 characters (has 1025)`,
        ],
        ["enabled as a string", group({ enabled: "yes" }), `${P}.enabled "yes" must be a boolean`],
        ["a null function schema", { name: "g", executor: RC, functionSchema: null }, `${P}.functionSchema.functions undefined ${FUNCTIONS_RULE}`],
        ["a function schema without functions", { name: "g", executor: RC, functionSchema: {} }, `${P}.functionSchema.functions undefined ${FUNCTIONS_RULE}`],
        ["functions not a list", withFunctions({ length: 1 }), `${P}.functionSchema.functions {"length":1} ${FUNCTIONS_RULE}`],
        ["no functions", withFunctions([]), `${P}.functionSchema.functions [] ${FUNCTIONS_RULE}`],
        ["a null function", withFunctions([null]), `${P}.functionSchema.functions[0].name undefined is required`],
        ["a bad function name", withFunctions([{ name: "f" }, { name: "-x" }]), `${P}.functionSchema.functions[1].name "-x" ${NAME_RULE}`],
        ["a function given twice", withFunctions([{ name: "f" }, { name: "f" }]), `${P}.functionSchema.functions[1].name "f" is given twice`],
        ["an empty function description", withFunctions([{ name: "f", description: "" }]), `${P}.functionSchema.functions[0].description "" must not be empty`],
        [
            "a 1201-character function description",
            withFunctions([{ name: "f", description: "d".repeat(1201) }]),
            `${P}.functionSchema.functions[0].description "${"d".repeat(1201)}" must have at most 1200 characters (has 1201)`,
        ],
        [
            "a bad parameter name",
            withFunctions([{ name: "f", parameters: { "a b": { type: "string" } } }]),
            `${P}.functionSchema.functions[0].parameters "a b" is not a parameter name (letters and digits, each followed by at most one underscore or hyphen, at most 100 of them)`,
        ],
        [
            "a null parameter",
            withFunctions([{ name: "f", parameters: { p: null } }]),
            `${P}.functionSchema.functions[0].parameters.p.type undefined ${TYPE_RULE}`,
        ],
        [
            "an unknown parameter type",
            withFunctions([{ name: "f", parameters: { p: { type: "object" } } }]),
            `${P}.functionSchema.functions[0].parameters.p.type "object" ${TYPE_RULE}`,
        ],
        [
            "an empty parameter description",
            withFunctions([{ name: "f", parameters: { p: { type: "string", description: "" } } }]),
            `${P}.functionSchema.functions[0].parameters.p.description "" must not be empty`,
        ],
        [
            "a 501-character parameter description",
            withFunctions([{ name: "f", parameters: { p: { type: "string", description: "d".repeat(501) } } }]),
            `${P}.functionSchema.functions[0].parameters.p.description "${"d".repeat(501)}" must have at most 500 characters (has 501)`,
        ],
    ];
    for (const [what, g, message] of cases) {
        it(`refuses ${what}`, () => {
            throwsExactly(() => render(g), message);
        });
    }

    it("accepts descriptions of exactly the maximum length", () => {
        const r = render({
            name: "g",
            description: "x".repeat(200),
            executor: RC,
            functionSchema: { functions: [{ name: "f", description: "d".repeat(1200), parameters: { p: { type: "boolean", description: "e".repeat(500) } } }] },
        });
        expect(r.arg.description).to.equal("x".repeat(200));
    });
});
