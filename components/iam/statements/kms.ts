/**
 * KMS statements for roles that use Bedrock resources encrypted with a customer managed key.
 *
 * Facts:
 * - An agent's service role needs permission to decrypt the key that encrypts the agent
 *   (https://docs.aws.amazon.com/bedrock/latest/userguide/agents-permissions.html, "(Optional) If you encrypt
 *   your agent with a KMS key, permissions to decrypt the key"); the identity policy AWS shows is
 *   `kms:GenerateDataKey` and `kms:Decrypt` on the key
 *   (https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-agents.html).
 * - A role applying a guardrail encrypted with a customer managed key needs `kms:Decrypt` on it
 *   (https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-kms.html, "permissions for
 *   guardrails users"; https://docs.aws.amazon.com/bedrock/latest/userguide/agents-permissions.html: "If the
 *   guardrail is encrypted with a KMS key, the service role will also need permissions to decrypt the key").
 * - A role using a prompt encrypted with a customer managed key needs `kms:GenerateDataKey` and
 *   `kms:Decrypt` on the key, with `aws:ResourceAccount` = the key's account as AWS recommends
 *   (https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-management-prereq.html, the "KMSPermissions"
 *   statement); Bedrock uses the key under the encryption context `aws:bedrock-prompts:arn` = the prompt's ARN
 *   (the key policy statement on the same page).
 *
 * The key policy must also allow these principals (and Bedrock): an identity policy alone does not
 * grant use of a KMS key unless the key policy allows IAM policies to
 * (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html).
 */
import type { Statement } from "../policy";

/** A KMS key ARN as CloudFormation's Bedrock resources accept it (`...:kms:<region>:<account>:key/<uuid>`). */
export const KMS_KEY_ARN_PATTERN = /^arn:aws(-[^:]+)?:kms:[a-zA-Z0-9-]*:[0-9]{12}:key\/[a-zA-Z0-9-]{36}$/;

/** `kms:Decrypt` and `kms:GenerateDataKey` on `keyArn`: what an agent's service role needs for its key. */
export function agentKeyStatements(keyArn: string): Statement[] {
    return [{ Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: [keyArn] }];
}

/** `kms:Decrypt` on `keyArn`: what a role applying a KMS-encrypted guardrail needs. */
export function guardrailKeyStatements(keyArn: string): Statement[] {
    return [{ Effect: "Allow", Action: ["kms:Decrypt"], Resource: [keyArn] }];
}

/**
 * `kms:GenerateDataKey` and `kms:Decrypt` on `keyArn` in `account` (`aws:ResourceAccount`): what a role
 * reading or running a KMS-encrypted prompt needs.
 */
export function promptKeyStatements(keyArn: string, account: string): Statement[] {
    return [
        {
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: [keyArn],
            Condition: { StringEquals: { "aws:ResourceAccount": [account] } },
        },
    ];
}
