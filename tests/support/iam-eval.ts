/**
 * IAM policy evaluation for tests: runs a request against the identity policies a grant attached,
 * with `@cloud-copilot/iam-simulate` (AGPL, a dev-only test dependency).
 *
 * Requests are validated by the simulator (action exists, resource ARN has a type the action accepts,
 * context keys allowed) except for the Region-less foundation-model ARN that global profiles use
 * (`arn:aws:bedrock:::foundation-model/<id>`), which its service data does not list as a resource
 * format; those run through the simulator's unvalidated entry point with the same policies.
 */
import { runSimulation, runUnsafeSimulation, type Simulation } from "@cloud-copilot/iam-simulate";
import { parseArn } from "../../components/catalog/arns";
import type { Statement } from "../../components/iam/policy";

/** The outcome of a request. */
export type Decision = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

/** A request a role makes. */
export interface IamRequest {
    action: string;
    /** The resource ARN, or `*`. */
    resource: string;
    /** Request context, e.g. `{ "bedrock:InferenceProfileArn": arn }`. */
    context?: Record<string, string | string[]>;
    /**
     * Skip the simulator's check that the ARN is of a type the action accepts: for requests AWS documents
     * but its service data does not list (AgentCore authorizes `InvokeAgentRuntime` on a harness ARN when a
     * harness is invoked).
     */
    unvalidated?: boolean;
    /** The resource's own policy, when the service reads one (a KMS key's key policy). */
    resourcePolicy?: PolicyInput;
}

/**
 * A KMS key's default key policy: it lets the account's IAM policies grant use of the key
 * (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html, "Allows access to the
 * AWS account and enables IAM policies"). Without a key policy that does, no identity policy grants a key.
 */
export function defaultKeyPolicy(account: string, partition = "aws"): PolicyInput {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "Enable IAM User Permissions",
                Effect: "Allow",
                Principal: { AWS: `arn:${partition}:iam::${account}:root` },
                Action: "kms:*",
                Resource: "*",
            },
        ],
    };
}

/** Who makes the requests: a role in `account`, in `partition`. */
export interface Principal {
    account: string;
    partition: string;
    roleName?: string;
}

/** A policy document, as JSON text or parsed. */
export type PolicyInput = string | { Version?: string; Statement: unknown };

/** Whether `arn` is a Region-less foundation-model ARN (global profiles). */
function regionLess(resource: string): boolean {
    const p = parseArn(resource);
    return p !== undefined && p.service === "bedrock" && p.region === "" && p.resourceType === "foundation-model";
}

/** Evaluates `request` against `policies` (identity policies of the principal). */
export async function evaluate(policies: PolicyInput[], request: IamRequest, principal: Principal): Promise<Decision> {
    const identityPolicies = policies.map((p, i) => ({ name: `policy${i}`, policy: typeof p === "string" ? JSON.parse(p) : p }));
    const resourceAccount = request.resource === "*" ? principal.account : parseArn(request.resource)?.account || principal.account;
    const simulation: Simulation = {
        request: {
            principal: `arn:${principal.partition}:iam::${principal.account}:role/${principal.roleName ?? "grantee"}`,
            action: request.action,
            resource: { resource: request.resource, accountId: resourceAccount },
            contextVariables: request.context ?? {},
        },
        identityPolicies,
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        ...(request.resourcePolicy === undefined
            ? {}
            : { resourcePolicy: typeof request.resourcePolicy === "string" ? JSON.parse(request.resourcePolicy) : request.resourcePolicy }),
    };
    if (request.unvalidated || regionLess(request.resource)) return runUnsafeSimulation(simulation, {});
    const result = await runSimulation(simulation, {});
    if (result.resultType === "error") {
        throw new Error(`the simulator refused the request ${JSON.stringify(request)}: ${JSON.stringify(result.errors)}`);
    }
    return result.overallResult as Decision;
}

/** Evaluates many requests; returns `<decision> <action> <resource> <context>` lines, in order. */
export async function decisions(policies: PolicyInput[], requests: IamRequest[], principal: Principal): Promise<string[]> {
    const out: string[] = [];
    for (const r of requests) out.push(`${await evaluate(policies, r, principal)} ${describeRequest(r)}`);
    return out;
}

/** A request as one line. */
export function describeRequest(r: IamRequest): string {
    const ctx = r.context && Object.keys(r.context).length > 0 ? ` ${JSON.stringify(r.context)}` : "";
    return `${r.action} ${r.resource}${ctx}`;
}

/** A request to assume a role, made by `principal` (a service principal such as `bedrock-agentcore.amazonaws.com`, or an ARN). */
export interface AssumeRoleRequest {
    principal: string;
    /** The role's ARN. */
    roleArn: string;
    /** Request context, e.g. `{ "aws:SourceAccount": "123456789012", "aws:SourceArn": arn }`. */
    context?: Record<string, string | string[]>;
}

/** Evaluates `sts:AssumeRole` by `request.principal` against a role's trust policy alone (no identity policy). */
export async function evaluateTrust(trustPolicy: PolicyInput, request: AssumeRoleRequest): Promise<Decision> {
    const account = parseArn(request.roleArn)?.account ?? "";
    const result = await runSimulation(
        {
            request: {
                principal: request.principal,
                action: "sts:AssumeRole",
                resource: { resource: request.roleArn, accountId: account },
                contextVariables: request.context ?? {},
            },
            identityPolicies: [],
            serviceControlPolicies: [],
            resourceControlPolicies: [],
            resourcePolicy: typeof trustPolicy === "string" ? JSON.parse(trustPolicy) : trustPolicy,
        },
        {},
    );
    if (result.resultType === "error") throw new Error(`the simulator refused the request ${JSON.stringify(request)}: ${JSON.stringify(result.errors)}`);
    return result.overallResult as Decision;
}

// ---- Meaning of statement lists, for the merge and layout specs (tests/policy.spec.ts): their statements
// use short made-up resources ("arn:a") that the simulator above refuses, so a small evaluator of the forms
// this package writes (exact resources or "*", string conditions) compares two lists request by request.
// Documents the package renders for real ARNs go through `evaluate` (the simulator).

/** A request for `sameMeaning`. */
interface Request {
    action: string;
    resource: string;
    context: Record<string, string | string[] | undefined>;
}

function glob(pattern: string, value: string): boolean {
    const re = new RegExp(
        `^${pattern
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, ".*")
            .replace(/\?/g, ".")}$`,
    );
    return re.test(value);
}

function conditionHolds(op: string, key: string, values: string[], ctx: Request["context"]): boolean {
    const raw = ctx[key];
    const present = raw !== undefined;
    const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    const base = op.replace(/^ForAnyValue:|^ForAllValues:/, "").replace(/IfExists$/, "");
    const match = (v: string) =>
        base === "StringEquals" || base === "ArnEquals"
            ? values.includes(v)
            : base === "StringLike" || base === "ArnLike"
              ? values.some((p) => glob(p, v))
              : base === "StringNotEquals"
                ? !values.includes(v)
                : base === "NumericLessThan"
                  ? values.some((p) => Number(v) < Number(p))
                  : (() => {
                        throw new Error(`evaluator: unsupported operator ${op}`);
                    })();
    if (op.endsWith("IfExists") && !present) return true;
    if (op.startsWith("ForAllValues:")) return list.every(match);
    if (!present) return false;
    return list.some(match);
}

function matches(s: Statement, r: Request): boolean {
    if (!s.Action.includes(r.action)) return false;
    if (!s.Resource.some((p) => p === "*" || p === r.resource)) return false;
    for (const [op, keys] of Object.entries(s.Condition ?? {})) {
        for (const [k, v] of Object.entries(keys)) if (!conditionHolds(op, k, v, r.context)) return false;
    }
    return true;
}

/** IAM's answer for one request: an explicit deny wins, then any allow. */
function decide(statements: Statement[], r: Request): "allow" | "deny" | "implicit" {
    if (statements.some((s) => s.Effect === "Deny" && matches(s, r))) return "deny";
    return statements.some((s) => s.Effect === "Allow" && matches(s, r)) ? "allow" : "implicit";
}

/** Every request built from the actions, resources and condition values that occur in `statements`, plus absent keys. */
function requestsFor(statements: Statement[]): Request[] {
    const actions = [...new Set(statements.flatMap((s) => s.Action)), "bedrock:Other"];
    const resources = [...new Set(statements.flatMap((s) => s.Resource).filter((r) => r !== "*")), "arn:other"];
    const keys = new Map<string, Set<string>>();
    for (const s of statements) {
        for (const byKey of Object.values(s.Condition ?? {})) {
            for (const [k, v] of Object.entries(byKey)) {
                const set = keys.get(k) ?? new Set<string>();
                v.forEach((x) => set.add(x));
                set.add("other-value");
                keys.set(k, set);
            }
        }
    }
    let contexts: Request["context"][] = [{}];
    for (const [k, values] of keys) {
        const next: Request["context"][] = [];
        for (const c of contexts) {
            next.push({ ...c });
            for (const v of values) next.push({ ...c, [k]: v });
        }
        contexts = next;
    }
    const out: Request[] = [];
    for (const action of actions) for (const resource of resources) for (const context of contexts) out.push({ action, resource, context });
    return out;
}

/** Throws when some request built from `a` and `b` is decided differently by each. */
export function sameMeaning(a: Statement[], b: Statement[]): void {
    for (const r of requestsFor([...a, ...b])) {
        const x = decide(a, r);
        const y = decide(b, r);
        if (x !== y) throw new Error(`meaning changed for ${JSON.stringify(r)}: ${x} before, ${y} after`);
    }
}
