/**
 * Trust policies of the service roles the package creates: one AWS service may assume the role, only for
 * resources of this account whose ARNs match `sourceArns` — the confused-deputy conditions AWS documents
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html).
 */

/** The trust policy JSON: `service` may `sts:AssumeRole` when `aws:SourceAccount` is `account` and `aws:SourceArn` matches one of `sourceArns`. */
export function serviceTrustPolicy(service: string, account: string, sourceArns: string[]): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: service },
                Action: "sts:AssumeRole",
                Condition: {
                    StringEquals: { "aws:SourceAccount": account },
                    ArnLike: { "aws:SourceArn": sourceArns.length === 1 ? sourceArns[0] : sourceArns },
                },
            },
        ],
    });
}
