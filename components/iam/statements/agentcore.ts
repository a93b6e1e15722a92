/**
 * IAM for the Amazon Bedrock AgentCore managed harness, as pure functions over (possibly symbolic)
 * strings: the execution role's trust policy, what the role needs to run the harness and use its tools
 * and memory, and what a caller needs to invoke the harness.
 *
 * Sources:
 * - Harness security (execution role and its trust policy sample, and "calling InvokeHarness requires both
 *   bedrock-agentcore:InvokeHarness and bedrock-agentcore:InvokeAgentRuntime permissions on the harness ARN"):
 *   https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/harness-security.html#harness-execution-role-policy
 * - The AgentCore Runtime execution role a harness runs as (trust policy with `aws:SourceAccount` and
 *   `aws:SourceArn`, CloudWatch Logs under `/aws/bedrock-agentcore/runtimes/`, X-Ray, CloudWatch metrics in
 *   the `bedrock-agentcore` namespace, workload access tokens):
 *   https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-permissions.html
 * - Actions and resource ARN formats (InvokeHarness on `harness` and `harness-endpoint`, InvokeGateway on
 *   `gateway`, code interpreter and browser sessions, memory events and records):
 *   https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrockagentcore.html
 * - Confused-deputy prevention for service roles: https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
 */
import { agentCoreArn, harnessEndpointArn, logGroupArn } from "../../catalog/arns";
import type { Statement } from "../policy";
import { serviceTrustPolicy } from "./trust";

/** The AgentCore service principal, which assumes a harness's execution role. */
export const AGENTCORE_SERVICE_PRINCIPAL = "bedrock-agentcore.amazonaws.com";

/** The actions a caller needs to invoke a harness (the harness and the AgentCore Runtime it runs on). */
export const HARNESS_INVOKE_ACTIONS = ["bedrock-agentcore:InvokeAgentRuntime", "bedrock-agentcore:InvokeHarness"] as const;

/** Code interpreter session actions the harness's code interpreter tool uses. */
export const CODE_INTERPRETER_ACTIONS = [
    "bedrock-agentcore:GetCodeInterpreterSession",
    "bedrock-agentcore:InvokeCodeInterpreter",
    "bedrock-agentcore:StartCodeInterpreterSession",
    "bedrock-agentcore:StopCodeInterpreterSession",
] as const;

/** Browser session actions the harness's browser tool uses. */
export const BROWSER_ACTIONS = [
    "bedrock-agentcore:ConnectBrowserAutomationStream",
    "bedrock-agentcore:GetBrowserSession",
    "bedrock-agentcore:StartBrowserSession",
    "bedrock-agentcore:StopBrowserSession",
] as const;

/**
 * Memory actions a harness uses: it saves every invocation's conversation as events and loads a session's
 * history from them (short-term), and retrieves extracted records by semantic search (long-term):
 * https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/harness-memory.html
 */
export const MEMORY_ACTIONS = ["bedrock-agentcore:CreateEvent", "bedrock-agentcore:ListEvents", "bedrock-agentcore:RetrieveMemoryRecords"] as const;

/**
 * Actions of the harness's runtime statements that have no resource-level permissions (the Service
 * Authorization Reference lists no resource type for them), so their statements name `Resource: "*"`:
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsx-ray.html,
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatchlogs.html,
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatch.html
 * (`PutMetricData`, scoped by its `cloudwatch:namespace` condition instead).
 */
export const RESOURCELESS_ACTIONS: readonly string[] = [
    "cloudwatch:PutMetricData",
    "logs:DescribeLogGroups",
    "xray:GetSamplingRules",
    "xray:GetSamplingTargets",
    "xray:PutTelemetryRecords",
    "xray:PutTraceSegments",
];

/** The log group prefix of AgentCore Runtime (on which a harness runs). */
export const RUNTIME_LOG_GROUP_PREFIX = "/aws/bedrock-agentcore/runtimes/";

/**
 * The execution role's trust policy: only the AgentCore service may assume it, only on behalf of this
 * account (`aws:SourceAccount`) and only for AgentCore resources of this account and Region
 * (`aws:SourceArn` like `arn:<partition>:bedrock-agentcore:<region>:<account>:*`), so another account's
 * harness cannot use the role.
 *
 * AWS's sample for the managed harness (harness-security.html, "Execution role policy": the trust policy
 * "must allow the AgentCore service principal to assume it") has no condition at all. A harness runs on
 * AgentCore Runtime, whose execution-role sample conditions the same principal on `aws:SourceAccount`
 * and `aws:SourceArn` = `arn:aws:bedrock-agentcore:<region>:<account>:*`
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-permissions.html); this is that
 * form, which holds whichever AgentCore ARN (the harness's or its runtime's) the service presents, and
 * keeps IAM's confused-deputy protection (https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html).
 */
export function harnessTrustPolicy(partition: string, region: string, account: string): string {
    return serviceTrustPolicy(AGENTCORE_SERVICE_PRINCIPAL, account, [agentCoreArn(partition, region, account, "*")]);
}

/**
 * What every harness's execution role needs to run (AgentCore Runtime's execution role, without the
 * ECR statements: a harness without a custom container pulls no image): its logs, traces, metrics and
 * workload access tokens.
 */
export function harnessRuntimeStatements(partition: string, region: string, account: string): Statement[] {
    const runtimeGroups = logGroupArn(partition, region, account, `${RUNTIME_LOG_GROUP_PREFIX}*`);
    const directory = agentCoreArn(partition, region, account, "workload-identity-directory/default");
    return [
        { Effect: "Allow", Action: ["logs:CreateLogGroup", "logs:DescribeLogStreams"], Resource: [runtimeGroups] },
        // DescribeLogGroups has no resource-level permissions: a log-group ARN would never match it.
        { Effect: "Allow", Action: ["logs:DescribeLogGroups"], Resource: ["*"] },
        { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: [`${runtimeGroups}:log-stream:*`] },
        // X-Ray's trace and sampling actions have no resource-level permissions.
        {
            Effect: "Allow",
            Action: ["xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:PutTelemetryRecords", "xray:PutTraceSegments"],
            Resource: ["*"],
        },
        // PutMetricData has no resource-level permissions; the namespace condition scopes it.
        {
            Effect: "Allow",
            Action: ["cloudwatch:PutMetricData"],
            Resource: ["*"],
            Condition: { StringEquals: { "cloudwatch:namespace": ["bedrock-agentcore"] } },
        },
        {
            Effect: "Allow",
            Action: ["bedrock-agentcore:GetWorkloadAccessToken", "bedrock-agentcore:GetWorkloadAccessTokenForJWT"],
            Resource: [directory, `${directory}/workload-identity/*`],
        },
    ];
}

/** Invoke the AgentCore gateways a harness has as tools (`bedrock-agentcore:InvokeGateway`). */
export function gatewayStatements(gatewayArns: string[]): Statement[] {
    return gatewayArns.length === 0 ? [] : [{ Effect: "Allow", Action: ["bedrock-agentcore:InvokeGateway"], Resource: [...gatewayArns] }];
}

/** Sessions of the code interpreters a harness has as tools. */
export function codeInterpreterStatements(arns: string[]): Statement[] {
    return arns.length === 0 ? [] : [{ Effect: "Allow", Action: [...CODE_INTERPRETER_ACTIONS], Resource: [...arns] }];
}

/** Sessions of the browsers a harness has as tools. */
export function browserStatements(arns: string[]): Statement[] {
    return arns.length === 0 ? [] : [{ Effect: "Allow", Action: [...BROWSER_ACTIONS], Resource: [...arns] }];
}

/** Events and records of the AgentCore memories a harness uses. */
export function memoryStatements(memoryArns: string[]): Statement[] {
    return memoryArns.length === 0 ? [] : [{ Effect: "Allow", Action: [...MEMORY_ACTIONS], Resource: [...memoryArns] }];
}

/**
 * What a caller needs to invoke `harness` (an ARN), directly or through any of its endpoints:
 * `InvokeHarness` and `InvokeAgentRuntime` on the harness and on its endpoints, and nothing else.
 * With `endpoint`, only that endpoint (and the harness ARN, which the request is also authorized on).
 */
export function harnessInvokeStatements(harness: string, endpoint?: string): Statement[] {
    return [{ Effect: "Allow", Action: [...HARNESS_INVOKE_ACTIONS], Resource: [harness, harnessEndpointArn(harness, endpoint ?? "*")] }];
}
