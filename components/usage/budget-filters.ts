/**
 * AWS Budgets inputs for a cost budget on one cost allocation tag: the `TagKeyValue` filter, the limit
 * and the notifications, validated. Pure.
 *
 * - A budget filters spend with `FilterExpression` (`AWS::Budgets::Budget` `BudgetData.FilterExpression`,
 *   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-budgets-budget-budgetdata.html;
 *   `CostFilters` is deprecated in its favour), whose `Tags` entry (`TagValues`: `Key`, `Values`,
 *   https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_TagValues.html) matches
 *   a user-defined tag by its key and values. The same tag in the deprecated `CostFilters` form is
 *   `user:<key>$<value>` under `TagKeyValue`.
 * - The tag filters Cost Explorer data only once the key is activated as a cost allocation tag
 *   (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/activating-tags.html); costs are
 *   attributed to an application inference profile's tags
 *   (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles.html, "Use tags to monitor costs").
 * - Notification and subscriber counts: CreateBudget's `NotificationsWithSubscribers` (at most 10) and
 *   `Subscribers` (1-11 per notification),
 *   https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_CreateBudget.html.
 */
import * as pulumi from "@pulumi/pulumi";
import { checkString, fail, type Where } from "../core/validation";

/** A budget alert: when actual or forecast spend crosses a threshold, tell these subscribers. */
export interface BudgetNotification {
    /** The threshold: a percentage of the limit (default) or an amount in USD. More than zero. */
    threshold: number;
    /** `PERCENTAGE` (default) or `ABSOLUTE_VALUE` (USD). */
    thresholdType?: "PERCENTAGE" | "ABSOLUTE_VALUE";
    /** `ACTUAL` spend (default) or `FORECASTED` spend. */
    type?: "ACTUAL" | "FORECASTED";
    /** `GREATER_THAN` (default), `LESS_THAN` or `EQUAL_TO`. */
    comparison?: "GREATER_THAN" | "LESS_THAN" | "EQUAL_TO";
    /** Email addresses to notify. */
    emails?: string[];
    /** SNS topic ARNs to notify (the topic's policy must let `budgets.amazonaws.com` publish). */
    snsTopicArns?: pulumi.Input<string>[];
}

/** `aws.budgets.Budget` notification inputs. */
export interface BudgetNotificationInputs {
    comparisonOperator: string;
    notificationType: string;
    threshold: number;
    thresholdType: string;
    subscriberEmailAddresses?: string[];
    subscriberSnsTopicArns?: pulumi.Input<string>[];
}

/** How often the budget resets. */
export type BudgetTimeUnit = "MONTHLY" | "QUARTERLY" | "ANNUALLY";

const TIME_UNITS: readonly BudgetTimeUnit[] = ["ANNUALLY", "MONTHLY", "QUARTERLY"];
const THRESHOLD_TYPES = ["ABSOLUTE_VALUE", "PERCENTAGE"];
const NOTIFICATION_TYPES = ["ACTUAL", "FORECASTED"];
const COMPARISONS = ["EQUAL_TO", "GREATER_THAN", "LESS_THAN"];
const MAX_NOTIFICATIONS = 10;
const MAX_SUBSCRIBERS = 11;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Cost allocation tag keys: the AWS tag rules (1-128 characters of letters, digits, spaces and `. _ : / = + @ -`), no `aws:` prefix. */
export const TAG_KEY_RULE = { min: 1, max: 128, pattern: /^[a-zA-Z0-9\s._:/=+@-]+$/, patternText: "letters, digits, spaces and . _ : / = + @ -" };
/** Tag values: 0-256 of the same characters. */
export const TAG_VALUE_RULE = { min: 0, max: 256, pattern: /^[a-zA-Z0-9\s._:/=+@-]*$/, patternText: "letters, digits, spaces and . _ : / = + @ -" };

/** The `TagKeyValue` cost filter value of a user-defined tag: `user:<key>$<value>`. */
export function tagKeyValueFilter(key: string, value: string): string {
    return `user:${key}$${value}`;
}

/** Checks a tag key (not `aws:`-prefixed: AWS-generated tags are not the profile's own). */
export function checkTagKey(where: Where, argument: string, key: unknown): string {
    checkString(where, argument, key as string, TAG_KEY_RULE);
    if ((key as string).toLowerCase().startsWith("aws:")) fail(where, argument, key, 'must not start with "aws:" (a user-defined tag of the profile)');
    return key as string;
}

/** Checks the limit: a positive amount of US dollars with at most two decimals. Returns it as Budgets' string amount. */
export function budgetLimitAmount(where: Where, limitUsd: unknown): string {
    if (limitUsd === undefined || limitUsd === null) fail(where, "limitUsd", limitUsd, "is required (the budget's amount in US dollars)");
    // Number.isFinite is false for anything but a number (it does not convert), so no typeof check is needed.
    if (!Number.isFinite(limitUsd)) fail(where, "limitUsd", limitUsd, "must be a finite number of US dollars");
    const amount = limitUsd as number;
    if (amount <= 0) fail(where, "limitUsd", amount, "must be more than zero");
    if (Math.round(amount * 100) !== amount * 100) fail(where, "limitUsd", amount, "must have at most two decimals (cents)");
    return String(amount);
}

/** Checks the time unit (default `MONTHLY`). */
export function budgetTimeUnit(where: Where, unit: unknown): BudgetTimeUnit {
    const u = unit ?? "MONTHLY";
    if (!TIME_UNITS.includes(u as BudgetTimeUnit)) fail(where, "timeUnit", u, `must be one of ${TIME_UNITS.join(", ")}`);
    return u as BudgetTimeUnit;
}

/** Validates the notifications; returns `aws.budgets.Budget` notification inputs. */
export function budgetNotifications(where: Where, notifications: unknown): BudgetNotificationInputs[] | undefined {
    if (notifications === undefined) return undefined;
    if (!Array.isArray(notifications)) fail(where, "notifications", notifications, "must be a list of { threshold, emails?, snsTopicArns?, ... }");
    if (notifications.length > MAX_NOTIFICATIONS)
        fail(where, "notifications", `${notifications.length} notifications`, `must hold at most ${MAX_NOTIFICATIONS}`);
    const seen = new Set<string>();
    return notifications.map((n: BudgetNotification, i) => {
        const at = `notifications[${i}]`;
        if (!n || typeof n !== "object") fail(where, at, n, "must be an object { threshold, emails?, snsTopicArns?, ... }");
        if (!Number.isFinite(n.threshold) || n.threshold <= 0) {
            fail(where, `${at}.threshold`, n.threshold, "must be a number more than zero");
        }
        const thresholdType = n.thresholdType ?? "PERCENTAGE";
        if (!THRESHOLD_TYPES.includes(thresholdType)) fail(where, `${at}.thresholdType`, thresholdType, `must be one of ${THRESHOLD_TYPES.join(", ")}`);
        const type = n.type ?? "ACTUAL";
        if (!NOTIFICATION_TYPES.includes(type)) fail(where, `${at}.type`, type, `must be one of ${NOTIFICATION_TYPES.join(", ")}`);
        const comparison = n.comparison ?? "GREATER_THAN";
        if (!COMPARISONS.includes(comparison)) fail(where, `${at}.comparison`, comparison, `must be one of ${COMPARISONS.join(", ")}`);
        const key = `${type}/${comparison}/${thresholdType}/${n.threshold}`;
        if (seen.has(key)) fail(where, at, key, "repeats an earlier notification (AWS Budgets refuses duplicates)");
        seen.add(key);
        const emails = n.emails ?? [];
        const topics = n.snsTopicArns ?? [];
        if (!Array.isArray(emails)) fail(where, `${at}.emails`, emails, "must be a list of email addresses");
        if (!Array.isArray(topics)) fail(where, `${at}.snsTopicArns`, topics, "must be a list of SNS topic ARNs");
        emails.forEach((e, j) => {
            if (typeof e !== "string" || !EMAIL.test(e)) fail(where, `${at}.emails[${j}]`, e, "is not an email address");
        });
        topics.forEach((t, j) => {
            if (typeof t === "string" && !/^arn:[^:]+:sns:[^:]+:\d{12}:.+$/.test(t)) fail(where, `${at}.snsTopicArns[${j}]`, t, "is not an SNS topic ARN");
        });
        const count = emails.length + topics.length;
        if (count === 0) fail(where, at, n, "needs at least one subscriber (emails or snsTopicArns)");
        if (count > MAX_SUBSCRIBERS) fail(where, at, `${count} subscribers`, `must have at most ${MAX_SUBSCRIBERS} subscribers`);
        const out: BudgetNotificationInputs = { comparisonOperator: comparison, notificationType: type, threshold: n.threshold, thresholdType };
        if (emails.length > 0) out.subscriberEmailAddresses = [...emails];
        if (topics.length > 0) out.subscriberSnsTopicArns = [...topics];
        return out;
    });
}

/**
 * The value of tag `key` in `tags` (a profile's tags as it was given them, or as AWS Native reports them).
 * Without `key`, the profile's only tag. Throws naming `tagKey` when the key is absent or ambiguous.
 */
export function pickTag<V = string>(where: Where, tags: readonly { key: string; value: V }[] | undefined, key: string | undefined): { key: string; value: V } {
    const list = tags ?? [];
    if (key === undefined) {
        if (list.length !== 1) {
            fail(
                where,
                "tagKey",
                key,
                `is required: the profile has ${list.length === 0 ? "no tags" : `several tags (${list.map((t) => t.key).join(", ")})`}; name the cost allocation tag to budget on`,
            );
        }
        return list[0];
    }
    const found = list.find((t) => t.key === key);
    if (!found) fail(where, "tagKey", key, `is not a tag of the profile (its tags: ${list.map((t) => t.key).join(", ") || "none"})`);
    return found;
}

/** The aws provider's `filterExpression` input of a budget on one user-defined tag: `Tags` = `{ Key: key, Values: [value] }`. */
export interface TagFilterExpression {
    tags: { key: string; values: string[] };
}

/** `FilterExpression` matching spend that carries the user-defined tag `key` with `value`. */
export function tagFilterExpression(key: string, value: string): TagFilterExpression {
    return { tags: { key, values: [value] } };
}
