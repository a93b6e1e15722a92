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
 * - Gateway tools with OAuth outbound authentication: harness-security.html, "Additional permissions for
 *   optional features", "OAuth2 credential provider (OAuth-protected Gateway)": `GetResourceOauth2Token` on
 *   the token vault, the workload identity directory and the harness's workload identities
 *   (`workload-identity/harness_<agentName>-*`), on the credential provider, and `secretsmanager:GetSecretValue`
 *   on its secret `bedrock-agentcore-identity!default/oauth2/<oauthProviderName>-*` ("the trailing -* [...]
 *   accounts for the random suffix that Secrets Manager appends to secret ARNs").
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

/**
 * An AgentCore Identity OAuth2 credential provider's ARN:
 * `arn:<partition>:bedrock-agentcore:<region>:<account>:token-vault/<vault>/oauth2credentialprovider/<name>`
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrockagentcore.html,
 * resource type `oauth2credentialprovider`).
 */
export const OAUTH2_CREDENTIAL_PROVIDER_ARN =
    /^arn:(aws[a-z-]*):bedrock-agentcore:([a-z0-9-]+):([0-9]{12}):token-vault\/([^/:]+)\/oauth2credentialprovider\/([^/:]+)$/;

/** What an OAuth2 credential provider's ARN names: its token vault's ARN and the Secrets Manager secret holding its client secret. */
export interface OAuth2ProviderResources {
    /** The credential provider's ARN. */
    provider: string;
    /** Its token vault's ARN (`token-vault/<vault>`). */
    vault: string;
    /** Its secret's ARN, with the `-*` of Secrets Manager's random suffix. */
    secret: string;
}

/** The token vault and secret of the OAuth2 credential provider `arn`, or undefined when `arn` is not one. */
export function oauth2ProviderResources(arn: string): OAuth2ProviderResources | undefined {
    const m = OAUTH2_CREDENTIAL_PROVIDER_ARN.exec(arn);
    if (!m) return undefined;
    const [, partition, region, account, vault, name] = m;
    return {
        provider: arn,
        vault: agentCoreArn(partition, region, account, `token-vault/${vault}`),
        secret: `arn:${partition}:secretsmanager:${region}:${account}:secret:bedrock-agentcore-identity!${vault}/oauth2/${name}-*`,
    };
}

/**
 * What a harness's execution role needs to fetch the OAuth token of gateway tools with OAuth outbound
 * authentication (harness-security.html, "OAuth2 credential provider (OAuth-protected Gateway)"):
 * `bedrock-agentcore:GetResourceOauth2Token` on each provider's token vault and on the provider, and on
 * the harness's workload identities in this account and Region; `secretsmanager:GetSecretValue` on each
 * provider's secret. `harnessName` scopes the workload identities (`harness_<name>-*`).
 */
export function oauthGatewayStatements(
    partition: string,
    region: string,
    account: string,
    harnessName: string,
    providers: OAuth2ProviderResources[],
): Statement[] {
    if (providers.length === 0) return [];
    const directory = agentCoreArn(partition, region, account, "workload-identity-directory/default");
    return [
        {
            Effect: "Allow",
            Action: ["bedrock-agentcore:GetResourceOauth2Token"],
            Resource: [
                ...new Set([
                    ...providers.map((p) => p.vault),
                    directory,
                    `${directory}/workload-identity/harness_${harnessName}-*`,
                    ...providers.map((p) => p.provider),
                ]),
            ],
        },
        { Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [...new Set(providers.map((p) => p.secret))] },
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
