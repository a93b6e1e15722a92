/**
 * `InvocationLogging`: the account's model invocation logging configuration in one Region
 * (`awsBedrockmodel.InvocationLoggingConfiguration`), delivering to CloudWatch Logs and/or S3 with the
 * role and bucket policy AWS documents
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html).
 */
import * as pulumi from "@pulumi/pulumi";
import * as awsBedrockmodel from "@pulumi/aws/bedrockmodel";
import * as awsCloudwatch from "@pulumi/aws/cloudwatch";
import * as awsIam from "@pulumi/aws/iam";
import * as awsS3 from "@pulumi/aws/s3";
import type * as aws from "@pulumi/aws";
import { checkArgs, checkString, fail, type Where } from "../core/validation";
import { awsCallerContext } from "../core/context";
import { symbolic } from "../core/symbols";
import { grantStatements, type RolePolicyGrant } from "../iam/grants";
import { loggingBucketPolicy, loggingRoleStatements, loggingTrustPolicy } from "./logging-policies";

/** Where large payloads (over 100 KB, and images) go when logging to CloudWatch Logs. */
export interface LargeDataDelivery {
    /** The bucket's name (same account and Region). */
    bucketName: pulumi.Input<string>;
    /** A key prefix, without a leading or trailing `/`. */
    keyPrefix?: string;
}

/** The CloudWatch Logs destination. */
export interface InvocationLoggingCloudWatch {
    /** The log group to create: 1-512 characters of letters, digits and `. - _ / #`. */
    logGroupName: string;
    /** Days to keep the logs: one of CloudWatch Logs' retention values (1, 3, 5, 7, 14, 30, ..., 3653), or 0 to keep them. Default 30. */
    retentionInDays?: number;
    /** A KMS key ARN to encrypt the log group with (its key policy must let CloudWatch Logs use it). */
    kmsKeyId?: pulumi.Input<string>;
    /** An S3 bucket for payloads too large for CloudWatch Logs. */
    largeDataBucket?: LargeDataDelivery;
}

/** The S3 destination: an existing bucket in the same account and Region. */
export interface InvocationLoggingS3 {
    /** The bucket's name. */
    bucketName: pulumi.Input<string>;
    /** A key prefix, without a leading or trailing `/`. */
    keyPrefix?: string;
    /**
     * Attach AWS's bucket policy for Bedrock (an `awsS3.BucketPolicy`, which REPLACES the bucket's
     * policy). Default true; set false when the bucket's policy is managed elsewhere and add the
     * statement from `bucketPolicy` to it.
     */
    manageBucketPolicy?: boolean;
}

/** Arguments of `InvocationLogging`. At least one destination. */
export interface InvocationLoggingArgs {
    /** Deliver to CloudWatch Logs (a log group this component creates, and the role Bedrock writes with). */
    cloudWatch?: InvocationLoggingCloudWatch;
    /** Deliver to an S3 bucket. */
    s3?: InvocationLoggingS3;
    /** Log text data (prompts and completions). Default true. */
    textData?: boolean;
    /** Log image data. Default true. */
    imageData?: boolean;
    /** Log embeddings. Default true. */
    embeddingData?: boolean;
    /** Log video data. Default true. */
    videoData?: boolean;
}

/** CloudWatch Logs retention values (`PutRetentionPolicy`), plus 0 for "never expire". */
export const LOG_RETENTION_DAYS = [0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

const LOG_GROUP_NAME = { min: 1, max: 512, pattern: /^[.\-_/#A-Za-z0-9]+$/, patternText: "letters, digits and . - _ / #" };
const BUCKET_NAME = {
    min: 3,
    max: 63,
    pattern: /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/,
    patternText: "lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit",
};
const KEY_PREFIX = { min: 1, max: 1024, pattern: /^[^/].*[^/]$|^[^/]$/, patternText: "no leading or trailing /", optional: true };

function checkBool(where: Where, argument: string, v: unknown): boolean {
    if (v === undefined) return true;
    if (typeof v !== "boolean") fail(where, argument, v, "must be true or false");
    return v;
}

/**
 * Model invocation logging for this account in the Region of its `aws` provider (`opts.provider`, or
 * the default `aws` provider): every Converse, ConverseStream,
 * InvokeModel and InvokeModelWithResponseStream call's request, response and metadata, delivered to a
 * CloudWatch Logs log group (created here, with the role Bedrock writes with) and/or an S3 bucket (with
 * AWS's bucket policy). One configuration per account and Region: a second one overwrites the first.
 */
export class InvocationLogging extends pulumi.ComponentResource {
    /** The `awsBedrockmodel.InvocationLoggingConfiguration`. */
    public readonly configuration: awsBedrockmodel.InvocationLoggingConfiguration;
    /** The log group, when logging to CloudWatch Logs. */
    public readonly logGroup?: awsCloudwatch.LogGroup;
    /** The role Bedrock writes to CloudWatch Logs with. */
    public readonly role?: awsIam.Role;
    /** The role's policies. */
    public readonly roleGrant?: RolePolicyGrant;
    /** The bucket policy document Bedrock needs on the S3 destination (attached unless `manageBucketPolicy` is false). */
    public readonly bucketPolicy?: pulumi.Output<string>;
    /** The attached bucket policy. */
    public readonly bucketPolicyResource?: awsS3.BucketPolicy;

    constructor(name: string, args: InvocationLoggingArgs, opts?: pulumi.ComponentResourceOptions) {
        const where = { component: "InvocationLogging", name };
        checkArgs(where, args);
        if (args.cloudWatch === undefined && args.s3 === undefined) fail(where, "args", args, "needs a destination: cloudWatch, s3, or both");
        const cw = args.cloudWatch;
        if (cw !== undefined) {
            if (cw === null || typeof cw !== "object") fail(where, "cloudWatch", cw, "must be an object { logGroupName, ... }");
            checkString(where, "cloudWatch.logGroupName", cw.logGroupName, LOG_GROUP_NAME);
            const retention = cw.retentionInDays ?? 30;
            if (!LOG_RETENTION_DAYS.includes(retention))
                fail(where, "cloudWatch.retentionInDays", retention, `must be one of ${LOG_RETENTION_DAYS.join(", ")}`);
            if (cw.largeDataBucket !== undefined) {
                checkString(where, "cloudWatch.largeDataBucket.bucketName", cw.largeDataBucket.bucketName, BUCKET_NAME);
                checkString(where, "cloudWatch.largeDataBucket.keyPrefix", cw.largeDataBucket.keyPrefix, KEY_PREFIX);
            }
        }
        const s3 = args.s3;
        if (s3 !== undefined) {
            if (s3 === null || typeof s3 !== "object") fail(where, "s3", s3, "must be an object { bucketName, ... }");
            checkString(where, "s3.bucketName", s3.bucketName, BUCKET_NAME);
            checkString(where, "s3.keyPrefix", s3.keyPrefix, KEY_PREFIX);
            checkBool(where, "s3.manageBucketPolicy", s3.manageBucketPolicy);
        }
        const flags = {
            textDataDeliveryEnabled: checkBool(where, "textData", args.textData),
            imageDataDeliveryEnabled: checkBool(where, "imageData", args.imageData),
            embeddingDataDeliveryEnabled: checkBool(where, "embeddingData", args.embeddingData),
            videoDataDeliveryEnabled: checkBool(where, "videoData", args.videoData),
        };
        super("bedrock-genai:index:InvocationLogging", name, {}, opts);
        // Every resource here is an aws (classic) resource: the Region and account of the role's trust, the
        // log stream's ARN and the bucket policy are those of the aws provider they and the logging
        // configuration are created with (the one given, or the default), never the aws-native provider's.
        const ctx = awsCallerContext({ parent: this });

        let cloudwatchConfig: aws.types.input.bedrockmodel.InvocationLoggingConfigurationLoggingConfigCloudwatchConfig | undefined;
        if (cw !== undefined) {
            this.logGroup = new awsCloudwatch.LogGroup(
                `${name}-logs`,
                { name: cw.logGroupName, retentionInDays: cw.retentionInDays ?? 30, kmsKeyId: cw.kmsKeyId },
                { parent: this },
            );
            this.role = new awsIam.Role(
                `${name}-role`,
                {
                    description: "Lets Amazon Bedrock deliver model invocation logs to CloudWatch Logs",
                    assumeRolePolicy: pulumi.all([ctx.partition, ctx.region, ctx.account]).apply(([p, r, a]) => loggingTrustPolicy(p, r, a)),
                },
                { parent: this },
            );
            const large = cw.largeDataBucket
                ? { bucketName: symbolic(cw.largeDataBucket.bucketName, `bucket/${name}-large-data`, 63), keyPrefix: cw.largeDataBucket.keyPrefix }
                : undefined;
            const statements = loggingRoleStatements(ctx.sym.partition, ctx.sym.region, ctx.sym.account, cw.logGroupName, large);
            this.roleGrant = grantStatements(this.role, statements, { where, parent: this });
            cloudwatchConfig = {
                logGroupName: this.logGroup.name,
                roleArn: this.role.arn,
                largeDataDeliveryS3Config: cw.largeDataBucket
                    ? { bucketName: cw.largeDataBucket.bucketName, keyPrefix: cw.largeDataBucket.keyPrefix }
                    : undefined,
            };
        }

        let s3Config: aws.types.input.bedrockmodel.InvocationLoggingConfigurationLoggingConfigS3Config | undefined;
        if (s3 !== undefined) {
            this.bucketPolicy = pulumi
                .all([ctx.partition, ctx.region, ctx.account, s3.bucketName])
                .apply(([p, r, a, b]) => loggingBucketPolicy(p, r, a, b, s3.keyPrefix));
            if (s3.manageBucketPolicy !== false) {
                this.bucketPolicyResource = new awsS3.BucketPolicy(
                    `${name}-bucket-policy`,
                    { bucket: s3.bucketName, policy: this.bucketPolicy },
                    { parent: this },
                );
            }
            // Through the policy's output, so the configuration is put after the policy is attached.
            s3Config = { bucketName: this.bucketPolicyResource ? this.bucketPolicyResource.bucket : s3.bucketName, keyPrefix: s3.keyPrefix };
        }

        this.configuration = new awsBedrockmodel.InvocationLoggingConfiguration(
            name,
            { loggingConfig: { cloudwatchConfig, s3Config, ...flags } },
            // Bedrock checks the destinations when the configuration is put: the role's policies first.
            { parent: this, dependsOn: this.roleGrant },
        );
        this.registerOutputs({});
    }
}
