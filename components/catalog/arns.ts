/**
 * The one place Bedrock ARNs are built and parsed. Pure functions over strings; any argument may be
 * a symbolic placeholder (see `symbols.ts`) that is replaced by its value at deploy time.
 *
 * Formats: AWS Service Authorization Reference for Amazon Bedrock.
 */

/** `arn:<partition>:bedrock:<region>::foundation-model/<modelId>` (the account field is empty). */
export function foundationModelArn(partition: string, region: string, modelId: string): string {
    return `arn:${partition}:bedrock:${region}::foundation-model/${modelId}`;
}

/** `arn:<partition>:bedrock:::foundation-model/<modelId>`: the Region-less ARN IAM sees for global profiles. */
export function globalFoundationModelArn(partition: string, modelId: string): string {
    return `arn:${partition}:bedrock:::foundation-model/${modelId}`;
}

/** `arn:<partition>:bedrock:<region>:<account>:inference-profile/<profileId>` (system-defined profile). */
export function systemProfileArn(partition: string, region: string, account: string, profileId: string): string {
    return `arn:${partition}:bedrock:${region}:${account}:inference-profile/${profileId}`;
}

/** `arn:<partition>:bedrock:<region>:<account>:application-inference-profile/<id>`. */
export function applicationProfileArn(partition: string, region: string, account: string, id: string): string {
    return `arn:${partition}:bedrock:${region}:${account}:application-inference-profile/${id}`;
}

/** `arn:<partition>:bedrock:<region>:<account>:default-prompt-router/<routerId>`. */
export function defaultPromptRouterArn(partition: string, region: string, account: string, routerId: string): string {
    return `arn:${partition}:bedrock:${region}:${account}:default-prompt-router/${routerId}`;
}

/** `arn:<partition>:bedrock:<region>:<account>:prompt-router/<id>`. */
export function promptRouterArn(partition: string, region: string, account: string, id: string): string {
    return `arn:${partition}:bedrock:${region}:${account}:prompt-router/${id}`;
}

/** `arn:<partition>:bedrock:<region>:<account>:agent/<agentId>`. */
export function agentArn(partition: string, region: string, account: string, agentId: string): string {
    return `arn:${partition}:bedrock:${region}:${account}:agent/${agentId}`;
}

/** `arn:<partition>:bedrock:<region>:<account>:agent-alias/<agentId>/<aliasId>`. */
export function agentAliasArn(partition: string, region: string, account: string, agentId: string, aliasId: string): string {
    return `arn:${partition}:bedrock:${region}:${account}:agent-alias/${agentId}/${aliasId}`;
}

/** `arn:<partition>:bedrock:<region>:<account>:guardrail/<guardrailId>`. */
export function guardrailArn(partition: string, region: string, account: string, guardrailId: string): string {
    return `arn:${partition}:bedrock:${region}:${account}:guardrail/${guardrailId}`;
}

/**
 * `arn:<partition>:bedrock:<region>:<account>:guardrail-profile/<profileId>`: a cross-Region guardrail
 * profile (`us.guardrail.v1:0`, ...) as seen from `region`
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-cross-region-support.html).
 */
export function guardrailProfileArn(partition: string, region: string, account: string, profileId: string): string {
    return `arn:${partition}:bedrock:${region}:${account}:guardrail-profile/${profileId}`;
}

/** `arn:<partition>:bedrock:<region>:<account>:knowledge-base/<knowledgeBaseId>`. */
export function knowledgeBaseArn(partition: string, region: string, account: string, knowledgeBaseId: string): string {
    return `arn:${partition}:bedrock:${region}:${account}:knowledge-base/${knowledgeBaseId}`;
}

/** `arn:<partition>:s3:::<bucket>/<key>` (an S3 object). */
export function s3ObjectArn(partition: string, bucket: string, key: string): string {
    return `arn:${partition}:s3:::${bucket}/${key}`;
}

/** `arn:<partition>:iam::<account>:role/<name>` (a role without a path). */
export function iamRoleArn(partition: string, account: string, roleName: string): string {
    return `arn:${partition}:iam::${account}:role/${roleName}`;
}

/** `arn:<partition>:bedrock:<region>:<account>:prompt/<promptId>`. */
export function promptArn(partition: string, region: string, account: string, promptId: string): string {
    return `arn:${partition}:bedrock:${region}:${account}:prompt/${promptId}`;
}

/** The parts of an ARN. */
export interface ParsedArn {
    partition: string;
    service: string;
    region: string;
    account: string;
    /** Everything after the fifth colon (`application-inference-profile/abc`). */
    resource: string;
    /** The resource type (`application-inference-profile`), or "" when the resource has no `/`. */
    resourceType: string;
    /** The resource id (`abc`): what follows the first `/`. */
    resourceId: string;
}

const ARN = /^arn:([a-z0-9-]+):([a-z0-9-]+):([a-z0-9-]*):([0-9]*):(.+)$/;
/** An ARN pattern as IAM policies write them: any field may hold the wildcards `*` and `?`. */
const ARN_PATTERN = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/;

/** Parses `arn:<partition>:<service>:<region>:<account>:<resource>`; undefined when `arn` is not one. */
export function parseArn(arn: string): ParsedArn | undefined {
    return splitArn(ARN, arn);
}

/**
 * Parses an ARN pattern of an IAM policy's `Resource`, whose fields may hold `*` and `?`
 * (`arn:aws:bedrock:*::foundation-model/*`); undefined when it has fewer than six fields (`arn:aws:bedrock:*`).
 */
export function parseArnPattern(arn: string): ParsedArn | undefined {
    return splitArn(ARN_PATTERN, arn);
}

function splitArn(re: RegExp, arn: string): ParsedArn | undefined {
    const m = re.exec(arn);
    if (!m) return undefined;
    const resource = m[5];
    const slash = resource.indexOf("/");
    return {
        partition: m[1],
        service: m[2],
        region: m[3],
        account: m[4],
        resource,
        resourceType: slash < 0 ? "" : resource.slice(0, slash),
        resourceId: slash < 0 ? resource : resource.slice(slash + 1),
    };
}

/** The role name in an IAM role ARN (`arn:aws:iam::123456789012:role/path/name` -> `name`). */
export function roleNameFromArn(arn: string): string | undefined {
    const m = /^arn:[a-z0-9-]+:iam::[0-9]{12}:role\/(?:[\u0021-\u007e]*\/)?([\w+=,.@-]{1,64})$/.exec(arn);
    return m ? m[1] : undefined;
}

// ---- Amazon Bedrock AgentCore (service prefix `bedrock-agentcore`) ----
// Formats: Service Authorization Reference, "Actions, resources, and condition keys for Amazon Bedrock AgentCore"
// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrockagentcore.html).

/** `arn:<partition>:bedrock-agentcore:<region>:<account>:<resource>`. */
export function agentCoreArn(partition: string, region: string, account: string, resource: string): string {
    return `arn:${partition}:bedrock-agentcore:${region}:${account}:${resource}`;
}

/** `arn:<partition>:bedrock-agentcore:<region>:<account>:harness/<harnessId>`. */
export function harnessArn(partition: string, region: string, account: string, harnessId: string): string {
    return agentCoreArn(partition, region, account, `harness/${harnessId}`);
}

/** `<harnessArn>/harness-endpoint/<endpointName>`: an endpoint of a harness. */
export function harnessEndpointArn(harness: string, endpointName: string): string {
    return `${harness}/harness-endpoint/${endpointName}`;
}

/** The AWS-managed code interpreter: `arn:<partition>:bedrock-agentcore:<region>:aws:code-interpreter/aws.codeinterpreter.v1`. */
export function managedCodeInterpreterArn(partition: string, region: string): string {
    return agentCoreArn(partition, region, "aws", "code-interpreter/aws.codeinterpreter.v1");
}

/** The AWS-managed browser: `arn:<partition>:bedrock-agentcore:<region>:aws:browser/aws.browser.v1`. */
export function managedBrowserArn(partition: string, region: string): string {
    return agentCoreArn(partition, region, "aws", "browser/aws.browser.v1");
}

/** `arn:<partition>:logs:<region>:<account>:log-group:<name>` (a CloudWatch Logs log group; `name` may end in `*`). */
export function logGroupArn(partition: string, region: string, account: string, name: string): string {
    return `arn:${partition}:logs:${region}:${account}:log-group:${name}`;
}
