/**
 * The opt-in grant for third-party (AWS Marketplace) Bedrock models: what a role needs so that the
 * background Marketplace subscription AWS starts on a model's first call succeeds. See
 * `statements/marketplace.ts` for the facts and their sources.
 */
import * as pulumi from "@pulumi/pulumi";
import { fail, type Where } from "../core/validation";
import { grantStatements, type RoleRef, type RolePolicyGrant } from "./grants";
import { isMarketplaceProductId, marketplaceSubscriptionStatements } from "./statements/marketplace";
import { BedrockFoundationModel } from "../catalog/foundation-model";

/**
 * Marketplace access: `true` for any product, or `{ productIds }` to restrict `aws-marketplace:Subscribe`
 * to given products (ids from https://docs.aws.amazon.com/bedrock/latest/userguide/model-access-product-ids.html).
 */
export type MarketplaceAccess =
    | boolean
    | {
          /** Marketplace product ids (`prod-...`) the role may subscribe to; at least one. */
          productIds: string[];
      };

/** Options of `grantMarketplaceSubscription`. */
export interface MarketplaceSubscriptionOptions {
    /** Restrict `aws-marketplace:Subscribe` to these Marketplace product ids (default: any product). */
    productIds?: string[];
    /**
     * Restrict `aws-marketplace:Subscribe` to the products of these models (their catalog
     * `marketplaceProductId`, from their model cards), with `productIds`. A model AWS sells outside
     * Marketplace, or whose product id the catalog does not know, is refused, naming it.
     */
    models?: BedrockFoundationModel[];
    /** The parent of the policy resources (default: the role, when it is an `aws.iam.Role`). */
    parent?: pulumi.Resource;
}

/**
 * Validates `access` (named `argument`): undefined or false means no Marketplace statements; true means
 * any product; `{ productIds }` lists the products. Returns the product ids, `[]` for any product, or
 * undefined for none.
 */
export function checkMarketplaceAccess(where: Where, argument: string, access: unknown): string[] | undefined {
    if (access === undefined || access === false) return undefined;
    if (access === true) return [];
    if (access === null || typeof access !== "object" || Array.isArray(access)) {
        return fail(where, argument, access, "must be true, false or { productIds: [...] }");
    }
    return checkProductIds(where, `${argument}.productIds`, (access as { productIds?: unknown }).productIds);
}

/** Validates a non-empty list of Marketplace product ids (named `argument`). */
function checkProductIds(where: Where, argument: string, ids: unknown): string[] {
    if (!Array.isArray(ids) || ids.length === 0) return fail(where, argument, ids, "must be a non-empty list of Marketplace product ids");
    ids.forEach((id, i) => {
        if (!isMarketplaceProductId(id)) fail(where, `${argument}[${i}]`, id, "is not a Marketplace product id (prod-..., prodview-... or a UUID)");
    });
    return [...(ids as string[])];
}

/**
 * Lets `role` complete the AWS Marketplace subscription that Bedrock starts in the background on the
 * first call to a model sold through AWS Marketplace: `aws-marketplace:Subscribe` (restricted to
 * `productIds` and the products of `models` when given), `aws-marketplace:Unsubscribe` and
 * `aws-marketplace:ViewSubscriptions`. Needed once per account and model, by the first caller. Whether a
 * model is sold through Marketplace is per model, from its model card (`marketplaceProductId`): GPT-5.6
 * Terra is, the gpt-oss models are not
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html,
 * https://docs.aws.amazon.com/bedrock/latest/userguide/model-access-product-ids.html).
 */
export function grantMarketplaceSubscription(role: RoleRef, opts: MarketplaceSubscriptionOptions = {}): RolePolicyGrant {
    const where: Where = { component: "grantMarketplaceSubscription" };
    const ids = opts.productIds === undefined ? [] : checkProductIds(where, "productIds", opts.productIds);
    if (opts.models !== undefined) {
        if (!Array.isArray(opts.models) || opts.models.length === 0) fail(where, "models", opts.models, "must be a non-empty list of BedrockFoundationModel");
        opts.models.forEach((m, i) => {
            if (!(m instanceof BedrockFoundationModel)) fail(where, `models[${i}]`, m, "must be a BedrockFoundationModel");
            if (m.marketplaceProductId === null) {
                fail(
                    where,
                    `models[${i}]`,
                    m.modelId,
                    "is not sold through AWS Marketplace (its model card gives no product id): its first call needs no subscription",
                );
            }
            if (m.marketplaceProductId === undefined) {
                fail(where, `models[${i}]`, m.modelId, "has no Marketplace product id in the catalog: give it in productIds (its model card lists it)");
            }
            ids.push(m.marketplaceProductId);
        });
    }
    return grantStatements(role, marketplaceSubscriptionStatements(ids), { where, parent: opts.parent, argName: "role" });
}
