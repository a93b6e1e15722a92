/**
 * The policies model invocation logging needs, as AWS's "Monitor model invocation using CloudWatch
 * Logs and Amazon S3" page sets them out
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html). Pure.
 *
 * - S3 destination: a bucket policy letting `bedrock.amazonaws.com` `s3:PutObject` under
 *   `<bucket>/<prefix>/AWSLogs/<account>/BedrockModelInvocationLogs/*`, for this account
 *   (`aws:SourceAccount`) and Bedrock resources of this Region and account (`aws:SourceArn`).
 * - CloudWatch Logs destination: a role Bedrock assumes (trusting `bedrock.amazonaws.com` under the
 *   same two conditions) allowed `logs:CreateLogStream` and `logs:PutLogEvents` on the log group's
 *   `aws/bedrock/modelinvocations` stream, and `s3:PutObject` under the large-data bucket's prefix when
 *   large payloads go to S3.
 */
import type { Statement } from "../iam/policy";
import { serviceTrustPolicy } from "../iam/statements/trust";

/** The log stream Bedrock writes invocation logs to. */
export const INVOCATION_LOG_STREAM = "aws/bedrock/modelinvocations";

/** `arn:<partition>:bedrock:<region>:<account>:*`: the Bedrock resources whose calls are logged. */
export function bedrockSourceArnPattern(partition: string, region: string, account: string): string {
    return `arn:${partition}:bedrock:${region}:${account}:*`;
}

/** The trust policy of the role Bedrock uses to write to CloudWatch Logs. */
export function loggingTrustPolicy(partition: string, region: string, account: string): string {
    return serviceTrustPolicy("bedrock.amazonaws.com", account, [bedrockSourceArnPattern(partition, region, account)]);
}

/** `<prefix>/` or "" (a prefix without its slashes at either end). */
function prefixPath(prefix: string | undefined): string {
    return prefix ? `${prefix}/` : "";
}

/** What the logging role may do: write the log group's invocation stream, and large payloads to S3. */
export function loggingRoleStatements(
    partition: string,
    region: string,
    account: string,
    logGroupName: string,
    largeData?: { bucketName: string; keyPrefix?: string },
): Statement[] {
    const statements: Statement[] = [
        {
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: [`arn:${partition}:logs:${region}:${account}:log-group:${logGroupName}:log-stream:${INVOCATION_LOG_STREAM}`],
        },
    ];
    if (largeData) {
        statements.push({
            Effect: "Allow",
            Action: ["s3:PutObject"],
            Resource: [`arn:${partition}:s3:::${largeData.bucketName}/${prefixPath(largeData.keyPrefix)}*`],
        });
    }
    return statements;
}

/** The bucket policy letting Bedrock deliver invocation logs to `bucketName` under `keyPrefix`. */
export function loggingBucketPolicy(partition: string, region: string, account: string, bucketName: string, keyPrefix?: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AmazonBedrockLogsWrite",
                Effect: "Allow",
                Principal: { Service: "bedrock.amazonaws.com" },
                Action: ["s3:PutObject"],
                Resource: [`arn:${partition}:s3:::${bucketName}/${prefixPath(keyPrefix)}AWSLogs/${account}/BedrockModelInvocationLogs/*`],
                Condition: {
                    StringEquals: { "aws:SourceAccount": account },
                    ArnLike: { "aws:SourceArn": bedrockSourceArnPattern(partition, region, account) },
                },
            },
        ],
    });
}
