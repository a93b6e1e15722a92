/**
 * IAM: the statements each kind of access needs (`access.ts`), policy documents, their merging and
 * their layout into inline and managed policies within IAM's limits (`policy.ts`), the grant engine
 * that attaches them to roles (`grants.ts`), and `ModelAccessPolicy` (`model-access-policy.ts`); what
 * makes a model, profile or router invokable (`invokable.ts`) and the same-Region rule on what a
 * component uses (`region-check.ts`). A new
 * grant builds its statements with a pure function in this folder and attaches them through
 * `grantStatements` in `grants.ts`.
 *
 * This index re-exports the members the package's entry points (`sdk/nodejs/`) publish.
 */
export { type RoleRef, type GrantOptions, type InvokeGrantOptions, type RolePolicyGrant, allGrants } from "./grants";
export { type IInvokable } from "./invokable";
export { type AccessLayout } from "./access-set";
export { IAM_LIMITS } from "./policy";
export { ModelAccessPolicy, type ModelAccessPolicyArgs, type ModelAccessPolicyLayout, type ModelAccessTarget } from "./model-access-policy";
export { grantMarketplaceSubscription, type MarketplaceAccess, type MarketplaceSubscriptionOptions } from "./marketplace";
