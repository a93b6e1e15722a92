/**
 * AWS Marketplace statements for third-party (Marketplace) Bedrock models.
 *
 * Facts (https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html, "Understanding automatic
 * model access"): the first call to a third-party model in an account starts a Marketplace subscription
 * in the background; without the Marketplace permissions the subscription fails and later calls get
 * `AccessDeniedException`. The permissions are `aws-marketplace:Subscribe`, `aws-marketplace:Unsubscribe`
 * and `aws-marketplace:ViewSubscriptions`
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/model-access-permissions.html); for
 * `aws-marketplace:Subscribe` only, the `aws-marketplace:ProductId` condition key restricts the
 * subscription to given models (the product ids are listed at
 * https://docs.aws.amazon.com/bedrock/latest/userguide/model-access-product-ids.html). The Marketplace
 * actions have no resource types (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsmarketplace.html),
 * so their `Resource` is `*`. Whether a model is sold through Marketplace is decided per model, from
 * its model card (its "Marketplace product ID") or AWS's product-id list, never per provider: OpenAI's
 * gpt-oss models have none ("Product ID N/A"), GPT-5.6 Terra has one. The catalog holds each model's
 * id (`BedrockFoundationModel.marketplaceProductId`).
 */
import type { Statement } from "../policy";

/** The Marketplace actions AWS lists for requesting access to Bedrock models with a product id. */
export const MARKETPLACE_ACTIONS = ["aws-marketplace:Subscribe", "aws-marketplace:Unsubscribe", "aws-marketplace:ViewSubscriptions"] as const;

/** A Marketplace product id as AWS lists them (`prod-...`, `prodview-...` or a UUID). */
const PRODUCT_ID = /^(prod-[a-z0-9]+|prodview-[a-z0-9]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Whether `id` looks like a Marketplace product id. */
export function isMarketplaceProductId(id: unknown): id is string {
    return typeof id === "string" && PRODUCT_ID.test(id);
}

/**
 * The statements that let a role complete the background Marketplace subscription of a third-party
 * model: `aws-marketplace:Subscribe` (restricted by `ForAnyValue:StringEquals aws-marketplace:ProductId`
 * when `productIds` is given and not empty), and `aws-marketplace:Unsubscribe` and
 * `aws-marketplace:ViewSubscriptions` on `*`.
 */
export function marketplaceSubscriptionStatements(productIds?: readonly string[]): Statement[] {
    const ids = productIds ? [...new Set(productIds)].sort() : [];
    const subscribe: Statement = { Effect: "Allow", Action: ["aws-marketplace:Subscribe"], Resource: ["*"] };
    if (ids.length > 0) subscribe.Condition = { "ForAnyValue:StringEquals": { "aws-marketplace:ProductId": ids } };
    return [subscribe, { Effect: "Allow", Action: ["aws-marketplace:Unsubscribe", "aws-marketplace:ViewSubscriptions"], Resource: ["*"] }];
}
