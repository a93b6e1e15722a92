/**
 * Facts about Bedrock IAM that several rules share: which actions invoke, how ARN patterns and
 * conditions read, and which models a profile ARN reaches.
 */
import { parseArnPattern } from "../catalog/arns";
import { CrossRegionInferenceProfileRegion } from "../catalog/geographies";
import type { Statement } from "../iam/policy";
import { RESOURCELESS_ACTIONS } from "../iam/statements/agentcore";
import type { RoleView, RuleResource } from "./policies";

/** Actions that run a model, an agent, a flow or an inline agent. */
const INVOKE_LIKE = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "bedrock:InvokeAgent", "bedrock:InvokeFlow", "bedrock:InvokeInlineAgent"];

/** An IAM wildcard pattern (`*`, `?`) as a case-insensitive regular expression. */
export function glob(pattern: string): RegExp {
    return new RegExp(
        `^${pattern
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, ".*")
            .replace(/\?/g, ".")}$`,
        "i",
    );
}

/** Whether an action (pattern) covers an invoke action. */
export function isInvoke(action: string): boolean {
    const re = glob(action);
    return INVOKE_LIKE.some((a) => re.test(a));
}

/** Whether a statement allows an invoke action. */
export function allowsInvoke(s: Statement): boolean {
    return s.Effect === "Allow" && s.Action.some(isInvoke);
}

/** Whether an action is a List* action or one without resource-level permissions (the only ones that need `Resource: "*"`). */
export function isListAction(action: string): boolean {
    // List* actions, and actions without resource-level permissions (AgentCore harness runtime: X-Ray, metrics).
    return /^[a-z0-9-]+:List/i.test(action) || RESOURCELESS_ACTIONS.includes(action);
}

/** Whether a condition block names `key` (case-insensitive) under any operator. */
export function hasConditionKey(cond: Record<string, Record<string, string[]>> | undefined, key: string): boolean {
    return Object.values(cond ?? {}).some((keys) => Object.keys(keys).some((k) => k.toLowerCase() === key.toLowerCase()));
}

/** Whether an ARN pattern holds `*` or `?`. */
export function hasWildcard(text: string): boolean {
    return /[*?]/.test(text);
}

/** The foundation-model id an invoke resource ARN names, if it is a foundation-model ARN. */
export function foundationModelId(arn: string): string | undefined {
    const p = parseArnPattern(arn);
    return p && p.service === "bedrock" && p.resourceType === "foundation-model" ? p.resourceId : undefined;
}

/** Whether an ARN names a system-defined or application inference profile. */
export function isProfileArn(arn: string): boolean {
    const p = parseArnPattern(arn);
    return !!p && p.service === "bedrock" && (p.resourceType === "inference-profile" || p.resourceType === "application-inference-profile");
}

/** What an application inference profile ARN copies, found among the resources (either provider). */
function copiedBy(arn: string, resources: readonly RuleResource[]): unknown {
    for (const r of resources) {
        const out = r.outputs ?? r.inputs;
        if (r.type === "aws-native:bedrock:ApplicationInferenceProfile" && out.inferenceProfileArn === arn) return r.inputs.modelSource?.copyFrom;
        if (r.type === "aws:bedrock/inferenceProfile:InferenceProfile" && out.arn === arn) return r.inputs.modelSource?.copyFrom;
    }
    return undefined;
}

/** The model ids behind a profile ARN: system profiles by their id, application profiles by what they copy. */
export function profileModelIds(arn: string, resources: readonly RuleResource[], depth = 0): string[] | undefined {
    const p = parseArnPattern(arn);
    if (!p || p.service !== "bedrock" || depth > 3) return undefined;
    if (p.resourceType === "inference-profile") {
        const dot = p.resourceId.indexOf(".");
        const geography = dot > 0 ? CrossRegionInferenceProfileRegion.fromPrefix(p.resourceId.slice(0, dot)) : undefined;
        return [geography ? p.resourceId.slice(dot + 1) : p.resourceId];
    }
    if (p.resourceType === "application-inference-profile") {
        const from = copiedBy(arn, resources);
        if (typeof from !== "string") return undefined;
        const model = foundationModelId(from);
        return model !== undefined ? [model] : profileModelIds(from, resources, depth + 1);
    }
    return undefined;
}

/** Models reachable through the profiles any policy of the role grants invoke on. */
export function modelsThroughProfiles(role: RoleView, resources: readonly RuleResource[]): Set<string> {
    const models = new Set<string>();
    for (const s of role.policies.flatMap((p) => p.statements)) {
        if (!allowsInvoke(s)) continue;
        for (const arn of s.Resource) if (isProfileArn(arn)) for (const m of profileModelIds(arn, resources) ?? []) models.add(m);
    }
    return models;
}

/**
 * Whether `value` is `arn:<partition>:bedrock:<region>:<account>:application-inference-profile/*` with a
 * concrete partition, Region and account: every application profile of one Region and account. As an
 * `ArnLike` value of `bedrock:InferenceProfileArn` it still bounds a model statement to profiles: a
 * request through an application profile is also authorized against the profile itself, so the role
 * reaches the models only through the application profiles it may invoke (the package's grants use it
 * so, see `invokeStatements` in components/iam/access.ts).
 */
export function isApplicationProfilePattern(value: string): boolean {
    return /^arn:aws[a-z-]*:bedrock:[a-z]{2}(-[a-z]+)+-\d:\d{12}:application-inference-profile\/\*$/.test(value);
}

/**
 * Whether a condition block bounds a statement to inference profiles: a `bedrock:InferenceProfileArn`
 * key under an operator that fails when the key is absent (not `...IfExists`, not a negated operator,
 * not `ForAllValues:`, not `Null`), with concrete values (no `*` or `?` under a `...Like` operator but
 * in the application-profile pattern of one Region and account, `isApplicationProfilePattern`).
 */
export function boundsToProfiles(cond: Record<string, Record<string, string[]>> | undefined): boolean {
    for (const [op, keys] of Object.entries(cond ?? {})) {
        if (/IfExists$/i.test(op) || /Not/.test(op) || /^ForAllValues:/i.test(op) || op === "Null") continue;
        for (const [k, values] of Object.entries(keys)) {
            if (k.toLowerCase() !== "bedrock:inferenceprofilearn" || values.length === 0) continue;
            if (/Like/i.test(op) && values.some((v) => hasWildcard(v) && !isApplicationProfilePattern(v))) continue;
            return true;
        }
    }
    return false;
}

/** Whether a statement uses `NotAction` or `NotResource` (judged by `allow-not-action-or-resource` alone). */
export function isExclusion(s: Statement): boolean {
    return s.NotAction !== undefined || s.NotResource !== undefined;
}
