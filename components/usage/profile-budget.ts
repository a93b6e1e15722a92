/**
 * `ProfileBudget`: an AWS Budgets cost budget (`awsBudgets.Budget`) on the spend an application
 * inference profile's cost allocation tag collects, with notifications, and optionally the tag's
 * activation (`awsCostexplorer.CostAllocationTag`).
 */
import * as pulumi from "@pulumi/pulumi";
import * as awsBudgets from "@pulumi/aws/budgets";
import * as awsCostexplorer from "@pulumi/aws/costexplorer";
import { checkArgs, checkString, fail } from "../core/validation";
import { perProgram } from "../core/program-state";
import { ApplicationInferenceProfile, type IApplicationInferenceProfile } from "../profiles/application-profile";
import {
    budgetLimitAmount,
    budgetNotifications,
    budgetTimeUnit,
    checkTagKey,
    pickTag,
    tagKeyValueFilter,
    tagFilterExpression,
    TAG_VALUE_RULE,
    type BudgetNotification,
    type BudgetTimeUnit,
} from "./budget-filters";

/** Arguments of `ProfileBudget`. */
export interface ProfileBudgetArgs {
    /** The application inference profile (created or imported) whose tag the budget follows. */
    profile: IApplicationInferenceProfile;
    /** The budget's amount per `timeUnit`, in US dollars (more than zero, at most two decimals). */
    limitUsd: number;
    /**
     * The cost allocation tag to budget on. Default: the profile's only tag (a created profile with
     * several tags needs it). Every resource carrying the same tag and value counts towards the budget:
     * a `tenant` tag shared by a tenant's profiles gives a budget for the tenant.
     */
    tagKey?: string;
    /** The tag's value. Default: the created profile's value for `tagKey`. Required (with `tagKey`) for an imported profile. */
    tagValue?: pulumi.Input<string>;
    /** `MONTHLY` (default), `QUARTERLY` or `ANNUALLY`. */
    timeUnit?: BudgetTimeUnit;
    /** Alerts on actual or forecast spend (at most 10). */
    notifications?: BudgetNotification[];
    /** The budget's name (1-100 characters, no `:` or `\`). Default: Pulumi's auto-name. */
    budgetName?: string;
    /**
     * Also activate `tagKey` as a cost allocation tag in this account (`awsCostexplorer.CostAllocationTag`,
     * status `Active`). Once per key per program: later budgets on the same key reuse the first
     * activation. Needs an explicit `tagKey`; run from the management (payer) account. Default false.
     */
    activateTag?: boolean;
}

const BUDGET_NAME = { min: 1, max: 100, pattern: /^[^:\\]+$/, patternText: "no : or \\ characters", optional: true };

// Activations made in this program, by tag key.
const activations = perProgram(() => new Map<string, awsCostexplorer.CostAllocationTag>());

/**
 * A monthly (or quarterly, yearly) AWS Budgets cost budget on the spend carrying an application
 * inference profile's cost allocation tag (`FilterExpression` `Tags` = `{ Key: <key>, Values: [<value>] }`),
 * with email or SNS notifications.
 *
 * The tag filters spend only after it is activated for cost allocation (Billing console, Cost
 * allocation tags, or `activateTag: true`); AWS takes up to 24 hours to show a new tag key, and spend
 * is tagged from activation on, not before.
 */
export class ProfileBudget extends pulumi.ComponentResource {
    /** The `awsBudgets.Budget`. */
    public readonly budget: awsBudgets.Budget;
    /** The cost allocation tag as Cost Explorer names it, `user:<key>$<value>` (the budget filters on it). */
    public readonly tagFilter: pulumi.Output<string>;
    /** The activation of the tag key, when `activateTag` created it. */
    public readonly costAllocationTag?: awsCostexplorer.CostAllocationTag;

    constructor(name: string, args: ProfileBudgetArgs, opts?: pulumi.ComponentResourceOptions) {
        const where = { component: "ProfileBudget", name };
        checkArgs(where, args);
        const p = args.profile as unknown;
        if (
            typeof p !== "object" ||
            p === null ||
            (p as IApplicationInferenceProfile).type !== "APPLICATION" ||
            !pulumi.Output.isInstance((p as IApplicationInferenceProfile).inferenceProfileArn)
        ) {
            fail(
                where,
                "profile",
                (p as { grantName?: () => string })?.grantName?.() ?? p,
                "must be an application inference profile: AWS attributes costs to the tags of application profiles (system-defined profiles and routers carry none)",
            );
        }
        const limitAmount = budgetLimitAmount(where, args.limitUsd);
        const timeUnit = budgetTimeUnit(where, args.timeUnit);
        const notifications = budgetNotifications(where, args.notifications);
        checkString(where, "budgetName", args.budgetName, BUDGET_NAME);
        if (args.budgetName !== undefined && args.budgetName.includes("/action/")) fail(where, "budgetName", args.budgetName, 'must not contain "/action/"');
        const tagKey = args.tagKey === undefined ? undefined : checkTagKey(where, "tagKey", args.tagKey);
        if (args.tagValue !== undefined && tagKey === undefined) fail(where, "tagKey", undefined, "is required with tagValue");
        const tagValue = args.tagValue === undefined ? undefined : checkString(where, "tagValue", args.tagValue, TAG_VALUE_RULE);
        const created = args.profile instanceof ApplicationInferenceProfile ? args.profile : undefined;
        if (tagValue === undefined && !created) {
            fail(where, "tagValue", undefined, "is required (with tagKey) for an imported profile: its tags are not known to this program");
        }
        if (args.activateTag !== undefined && typeof args.activateTag !== "boolean") fail(where, "activateTag", args.activateTag, "must be true or false");
        if (args.activateTag && tagKey === undefined) fail(where, "tagKey", undefined, "is required with activateTag (the key to activate)");

        // The tag, from the arguments or from the created profile's tags: their keys are known now, so a
        // missing or ambiguous tagKey is refused before anything is registered.
        const picked = tagValue === undefined ? pickTag(where, (created as ApplicationInferenceProfile).givenTags, tagKey) : undefined;
        super("bedrock-genai:index:ProfileBudget", name, {}, opts);

        const tag: pulumi.Output<{ key: string; value: string }> =
            tagValue !== undefined
                ? pulumi.output(tagValue).apply((value) => ({ key: tagKey as string, value }))
                : pulumi.output(picked!.value).apply((value) => ({ key: picked!.key, value }));
        this.tagFilter = tag.apply((t) => tagKeyValueFilter(t.key, t.value));

        if (args.activateTag) {
            const known = activations();
            const key = tagKey as string;
            let activation = known.get(key);
            if (!activation) {
                activation = new awsCostexplorer.CostAllocationTag(`${name}-tag`, { tagKey: key, status: "Active" }, { parent: this });
                known.set(key, activation);
            }
            this.costAllocationTag = activation;
        }

        this.budget = new awsBudgets.Budget(
            name,
            {
                name: args.budgetName,
                budgetType: "COST",
                limitAmount,
                limitUnit: "USD",
                timeUnit,
                // FilterExpression, the field AWS Budgets documents in place of the deprecated CostFilters.
                filterExpression: tag.apply((t) => tagFilterExpression(t.key, t.value)),
                notifications,
            },
            { parent: this, dependsOn: this.costAllocationTag ? [this.costAllocationTag] : undefined },
        );
        this.registerOutputs({ tagFilter: this.tagFilter });
    }
}
