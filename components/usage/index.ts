/**
 * Usage and cost tracking: `AWS/Bedrock` metrics of profiles and routers, alarms on them
 * (`metric`/`addAlarm` on every profile), `UsageDashboard`, `ProfileBudget` and `InvocationLogging`.
 * A new metric, alarm or cost resource goes here.
 *
 * This index re-exports the members the package entry point (`sdk/nodejs/index.ts`) publishes.
 */
export {
    BEDROCK_NAMESPACE,
    RUNTIME_METRICS,
    METRIC_NAMES,
    type BedrockMetric,
    type BedrockMetricName,
    type MetricOptions,
    type RuntimeMetricInfo,
} from "./metrics";
export { type ProfileAlarmArgs, type AlarmComparison, type TreatMissingData } from "./alarm-args";
export { type AddAlarmOptions, type IUsageMetered, type MeteredInvokable } from "./profile-usage";
export { UsageDashboard, type UsageDashboardArgs } from "./usage-dashboard";
export { ProfileBudget, type ProfileBudgetArgs } from "./profile-budget";
export { type BudgetNotification, type BudgetTimeUnit } from "./budget-filters";
export {
    InvocationLogging,
    LOG_RETENTION_DAYS,
    type InvocationLoggingArgs,
    type InvocationLoggingCloudWatch,
    type InvocationLoggingS3,
    type LargeDataDelivery,
} from "./invocation-logging";
