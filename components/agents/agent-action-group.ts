/**
 * Agent action groups: what an agent can do beyond answering (call a Lambda function, return control
 * to the caller, ask the user, run code). Plain values validated and rendered by `Agent`.
 *
 * CloudFormation shapes: `AWS::Bedrock::Agent` `AgentActionGroup`, `ActionGroupExecutor`,
 * `APISchema`, `FunctionSchema`
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-bedrock-agent-agentactiongroup.html).
 */
import * as pulumi from "@pulumi/pulumi";
import * as lambda from "@pulumi/aws/lambda";
import type * as native from "@pulumi/aws-native";
import { checkString, fail, type Where } from "../core/validation";
import { RESOURCE_NAME_PATTERN } from "../core/rules";

/** A Lambda function: an `aws.lambda.Function`, or a function ARN (optionally qualified). */
export type LambdaRef = lambda.Function | pulumi.Input<string>;

/** Who runs an action group's actions: a Lambda function, or the caller (`RETURN_CONTROL`). */
export type ActionGroupExecutor =
    | {
          /** The Lambda function that runs the actions (CloudFormation `ActionGroupExecutor.Lambda`, its ARN). */
          readonly lambda: LambdaRef;
      }
    | {
          /** Return the action to the caller of `InvokeAgent` (CloudFormation `ActionGroupExecutor.CustomControl`). */
          readonly customControl: "RETURN_CONTROL";
      };

/** Factories for `ActionGroupExecutor`. */
export const ActionGroupExecutor = {
    /** Bedrock invokes `fn` (a permission for `bedrock.amazonaws.com`, scoped to the agent, is created). */
    fromLambda(fn: LambdaRef): ActionGroupExecutor {
        return { lambda: fn };
    },
    /** The agent returns the action and its parameters to the application calling `InvokeAgent`. */
    RETURN_CONTROL: { customControl: "RETURN_CONTROL" } as ActionGroupExecutor,
} as const;

/** An OpenAPI schema: inline (`payload`), or an object in S3. */
export type ApiSchema =
    | {
          /** The OpenAPI document as a string, JSON or YAML; at least 1 character (CloudFormation `APISchema.Payload`). */
          readonly payload: pulumi.Input<string>;
      }
    | {
          /** The S3 object holding the OpenAPI document (CloudFormation `APISchema.S3`). */
          readonly s3: {
              /** 3-63 characters, an S3 bucket name (CloudFormation `S3BucketName`). */
              readonly bucketName: pulumi.Input<string>;
              /** 1-1024 characters, an S3 object key (CloudFormation `S3ObjectKey`). */
              readonly objectKey: pulumi.Input<string>;
          };
      };

/** Factories for `ApiSchema`. */
export const ApiSchema = {
    /** An OpenAPI document given as a string (JSON or YAML). */
    fromInline(payload: pulumi.Input<string>): ApiSchema {
        return { payload };
    },
    /** An OpenAPI document in S3; the agent's role is granted `s3:GetObject` on it. */
    fromS3File(bucketName: pulumi.Input<string>, objectKey: pulumi.Input<string>): ApiSchema {
        return { s3: { bucketName, objectKey } };
    },
} as const;

/** Types a function parameter can have. */
export type ParameterType = "string" | "number" | "integer" | "boolean" | "array";

/** A parameter of an action group function. */
export interface FunctionParameter {
    /** The parameter's type: `string`, `number`, `integer`, `boolean` or `array` (CloudFormation `ParameterDetail.Type`). */
    type: ParameterType;
    /** Whether the agent must supply it (default false). */
    required?: boolean;
    /** 1-500 characters. */
    description?: string;
}

/** A function an action group offers (function-details schema). */
export interface AgentFunction {
    /** `([0-9a-zA-Z][_-]?){1,100}`. */
    name: string;
    /** 1-1200 characters. */
    description?: string;
    /** Parameters by name (each name `([0-9a-zA-Z][_-]?){1,100}`). */
    parameters?: Record<string, FunctionParameter>;
    /** Ask the user to confirm before the function runs. */
    requireConfirmation?: boolean;
}

/** A function-details schema: the functions an action group offers. */
export interface FunctionSchema {
    /** The functions: at least one, names unique (CloudFormation `FunctionSchema.Functions`). */
    functions: AgentFunction[];
}

/** An action group of an agent. */
export interface AgentActionGroupProps {
    /** `([0-9a-zA-Z][_-]?){1,100}`; unique within the agent. */
    name: string;
    /** 1-200 characters. */
    description?: string;
    /** Who runs the actions (required). */
    executor: ActionGroupExecutor;
    /** An OpenAPI schema; give this or `functionSchema`. */
    apiSchema?: ApiSchema;
    /** Function details; give this or `apiSchema`. */
    functionSchema?: FunctionSchema;
    /** Whether the group is enabled (default true). */
    enabled?: boolean;
    /** Delete the group even while it is in use. */
    forceDelete?: boolean;
}

/** An action group (CDK-style class form of `AgentActionGroupProps`). */
export class AgentActionGroup {
    constructor(
        /** The group's arguments, validated and rendered by `Agent` (CloudFormation `ActionGroups[]`). */
        public readonly props: AgentActionGroupProps,
    ) {}
}

/** Names of the built-in action groups (the names the CDK constructs use). */
export const USER_INPUT_ACTION_GROUP = "UserInputAction";
export const CODE_INTERPRETER_ACTION_GROUP = "CodeInterpreterAction";

/** `([0-9a-zA-Z][_-]?){1,100}`: names of agents, aliases, action groups, functions and parameters. */
export const NAME_PATTERN = RESOURCE_NAME_PATTERN;
export const NAME_TEXT = "letters and digits, each followed by at most one underscore or hyphen, at most 100 of them";
export const LAMBDA_ARN = /^arn:(aws[a-zA-Z-]*)?:lambda:[a-z0-9-]{1,20}:\d{12}:function:[a-zA-Z0-9-_.]+(:(\$LATEST|[a-zA-Z0-9-_]+))?$/;
const S3_BUCKET = /^[a-z0-9][.\-a-z0-9]{1,61}[a-z0-9]$/;
const S3_KEY = /^[.\-!*_'()a-zA-Z0-9][.\-!*_'()/a-zA-Z0-9]*$/;
const PARAMETER_TYPES: ParameterType[] = ["string", "number", "integer", "boolean", "array"];

/** The ARN of a Lambda reference, checked (an Output is checked at deploy time). */
export function lambdaArnOf(where: Where, argument: string, fn: unknown): pulumi.Input<string> {
    if (lambda.Function.isInstance(fn)) return fn.arn;
    if (typeof fn === "string" || pulumi.Output.isInstance(fn)) {
        return checkString(where, argument, fn as pulumi.Input<string>, { pattern: LAMBDA_ARN, patternText: "a Lambda function ARN" });
    }
    return fail(where, argument, fn, "must be an aws.lambda.Function or a Lambda function ARN");
}

/** An action group rendered for CloudFormation, with the Lambda that needs a permission. */
export interface RenderedActionGroup {
    arg: native.types.input.bedrock.AgentActionGroupArgs;
    /** The executor Lambda (its ARN as an input), when there is one. */
    lambdaArn?: pulumi.Input<string>;
    /** The S3 object holding the API schema, when there is one. */
    s3Schema?: { bucketName: pulumi.Input<string>; objectKey: pulumi.Input<string> };
}

/** Validates one action group (argument path `argument`) and renders it. */
export function renderActionGroup(where: Where, argument: string, group: AgentActionGroup | AgentActionGroupProps): RenderedActionGroup {
    const g = group instanceof AgentActionGroup ? group.props : group;
    if (g === null || typeof g !== "object") fail(where, argument, g, "must be an AgentActionGroup or { name, executor, apiSchema | functionSchema }");
    checkString(where, `${argument}.name`, g.name, { pattern: NAME_PATTERN, patternText: NAME_TEXT });
    checkString(where, `${argument}.description`, g.description, { min: 1, max: 200, optional: true });
    const arg: native.types.input.bedrock.AgentActionGroupArgs = { actionGroupName: g.name };
    if (g.description !== undefined) arg.description = g.description;
    const out: RenderedActionGroup = { arg };

    const ex = g.executor as unknown;
    if (ex === undefined || ex === null || typeof ex !== "object") {
        fail(where, `${argument}.executor`, ex, "is required: ActionGroupExecutor.fromLambda(fn) or ActionGroupExecutor.RETURN_CONTROL");
    }
    if ("lambda" in ex) {
        out.lambdaArn = lambdaArnOf(where, `${argument}.executor.lambda`, (ex as { lambda: unknown }).lambda);
        arg.actionGroupExecutor = { lambda: out.lambdaArn };
    } else if ((ex as { customControl?: unknown }).customControl === "RETURN_CONTROL") {
        arg.actionGroupExecutor = { customControl: "RETURN_CONTROL" };
    } else {
        fail(where, `${argument}.executor`, ex, "must be ActionGroupExecutor.fromLambda(fn) or ActionGroupExecutor.RETURN_CONTROL");
    }

    if (g.apiSchema !== undefined && g.functionSchema !== undefined) {
        fail(where, argument, g.name, "has both apiSchema and functionSchema; give one");
    }
    if (g.apiSchema === undefined && g.functionSchema === undefined) {
        fail(where, argument, g.name, "needs an apiSchema or a functionSchema");
    }
    if (g.apiSchema !== undefined) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema arrives from user code as either shape; checked below
        const s = g.apiSchema as Record<string, any>;
        if (s && typeof s === "object" && "payload" in s) {
            checkString(where, `${argument}.apiSchema.payload`, s.payload, { min: 1 });
            arg.apiSchema = { payload: s.payload };
        } else if (s && typeof s === "object" && s.s3 && typeof s.s3 === "object") {
            const bucketName = checkString(where, `${argument}.apiSchema.s3.bucketName`, s.s3.bucketName, {
                min: 3,
                max: 63,
                pattern: S3_BUCKET,
                patternText: "an S3 bucket name",
            });
            const objectKey = checkString(where, `${argument}.apiSchema.s3.objectKey`, s.s3.objectKey, {
                min: 1,
                max: 1024,
                pattern: S3_KEY,
                patternText: "an S3 object key",
            });
            arg.apiSchema = { s3: { s3BucketName: bucketName, s3ObjectKey: objectKey } };
            out.s3Schema = { bucketName, objectKey };
        } else {
            fail(where, `${argument}.apiSchema`, s, "must be ApiSchema.fromInline(payload) or ApiSchema.fromS3File(bucket, key)");
        }
    }
    if (g.functionSchema !== undefined) arg.functionSchema = renderFunctionSchema(where, `${argument}.functionSchema`, g.functionSchema);

    if (g.enabled !== undefined && typeof g.enabled !== "boolean") fail(where, `${argument}.enabled`, g.enabled, "must be a boolean");
    arg.actionGroupState = g.enabled === false ? "DISABLED" : "ENABLED";
    if (g.forceDelete !== undefined) arg.skipResourceInUseCheckOnDelete = g.forceDelete;
    return out;
}

function renderFunctionSchema(where: Where, argument: string, schema: FunctionSchema): native.types.input.bedrock.AgentFunctionSchemaArgs {
    if (!schema || !Array.isArray(schema.functions) || schema.functions.length === 0) {
        fail(where, `${argument}.functions`, schema?.functions, "must be a non-empty list of functions");
    }
    const names = new Set<string>();
    const functions = schema.functions.map((f, i) => {
        const at = `${argument}.functions[${i}]`;
        checkString(where, `${at}.name`, f?.name, { pattern: NAME_PATTERN, patternText: NAME_TEXT });
        if (names.has(f.name)) fail(where, `${at}.name`, f.name, "is given twice");
        names.add(f.name);
        checkString(where, `${at}.description`, f.description, { min: 1, max: 1200, optional: true });
        const out: native.types.input.bedrock.AgentFunctionArgs = { name: f.name };
        if (f.description !== undefined) out.description = f.description;
        if (f.parameters !== undefined) {
            const params: Record<string, native.types.input.bedrock.AgentParameterDetailArgs> = {};
            for (const [pname, p] of Object.entries(f.parameters)) {
                const pat = `${at}.parameters.${pname}`;
                if (!NAME_PATTERN.test(pname)) fail(where, `${at}.parameters`, pname, `is not a parameter name (${NAME_TEXT})`);
                if (!p || !PARAMETER_TYPES.includes(p.type)) fail(where, `${pat}.type`, p?.type, `must be one of ${PARAMETER_TYPES.join(", ")}`);
                checkString(where, `${pat}.description`, p.description, { min: 1, max: 500, optional: true });
                const d: native.types.input.bedrock.AgentParameterDetailArgs = { type: p.type };
                if (p.description !== undefined) d.description = p.description;
                if (p.required !== undefined) d.required = p.required;
                params[pname] = d;
            }
            out.parameters = params;
        }
        if (f.requireConfirmation !== undefined) out.requireConfirmation = f.requireConfirmation ? "ENABLED" : "DISABLED";
        return out;
    });
    return { functions };
}

/** A built-in action group (`AMAZON.UserInput` or `AMAZON.CodeInterpreter`), enabled or not. */
export function builtInActionGroup(kind: "user-input" | "code-interpreter", enabled: boolean): native.types.input.bedrock.AgentActionGroupArgs {
    return {
        actionGroupName: kind === "user-input" ? USER_INPUT_ACTION_GROUP : CODE_INTERPRETER_ACTION_GROUP,
        parentActionGroupSignature: kind === "user-input" ? "AMAZON.UserInput" : "AMAZON.CodeInterpreter",
        actionGroupState: enabled ? "ENABLED" : "DISABLED",
    };
}
