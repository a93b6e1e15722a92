/** The readable report: resource tree with key inputs, IAM by role, findings, outputs. */
import * as path from "path";
import { IAM_LIMITS, type Statement } from "../iam/policy";
import { findingSubject } from "../rules/engine";
import type { TrustStatement } from "../rules/policies";
import type { Finding } from "./checks";
import type { Plan, PlanResource } from "./plan";

const OMITTED_INPUTS = new Set(["policy", "assumeRolePolicy", "assumeRolePolicyDocument", "policyDocument"]);
const MAX_VALUE = 100;
const MAX_KEYS = 10;

/** A value on one line, cut to 100 characters. */
export function short(v: unknown): string {
    const s = typeof v === "string" ? v : JSON.stringify(v);
    return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
}

function isTagList(v: unknown): v is { key: string; value: string }[] {
    return Array.isArray(v) && v.length > 0 && v.every((x) => x && typeof x === "object" && "key" in x && "value" in x && Object.keys(x).length === 2);
}

/** The key inputs of a resource as `path: value` lines (policy documents are shown under IAM). */
export function keyInputs(inputs: Record<string, unknown>): string[] {
    const lines: string[] = [];
    const walk = (prefix: string, v: unknown) => {
        if (v === undefined || v === null) return;
        if (isTagList(v)) return void lines.push(`${prefix}: ${v.map((t) => `${t.key}=${t.value}`).join(", ")}`);
        if ((prefix === "tags" || prefix.endsWith(".tags")) && typeof v === "object" && !Array.isArray(v)) {
            return void lines.push(
                `${prefix}: ${Object.entries(v as object)
                    .map(([k, x]) => `${k}=${x}`)
                    .join(", ")}`,
            );
        }
        if (Array.isArray(v)) {
            if (v.every((x) => typeof x !== "object" || x === null)) return void lines.push(`${prefix}: ${short(v.join(", "))}`);
            v.forEach((x, i) => walk(`${prefix}[${i}]`, x));
            return;
        }
        if (typeof v === "object") {
            for (const [k, x] of Object.entries(v as object)) if (!OMITTED_INPUTS.has(k) && !k.startsWith("__")) walk(prefix ? `${prefix}.${k}` : k, x);
            return;
        }
        lines.push(`${prefix}: ${short(v)}`);
    };
    walk("", inputs);
    return lines.length > MAX_KEYS ? [...lines.slice(0, MAX_KEYS), `… ${lines.length - MAX_KEYS} more`] : lines;
}

/** The ARN or id a custom resource got, for the tree. */
function identity(r: PlanResource): string | undefined {
    const o = r.outputs;
    for (const k of Object.keys(o)) {
        if ((k === "arn" || /Arn$/.test(k)) && typeof o[k] === "string" && !(k in r.inputs) && String(o[k]).startsWith("arn:")) return String(o[k]);
    }
    return r.id && r.id !== "" ? r.id : undefined;
}

function formatStatement(s: Statement | TrustStatement, indent: string): string[] {
    const lines: string[] = [];
    if ("Principal" in s) {
        const who = Object.entries(s.Principal)
            .map(([k, v]) => `${k} ${v.join(", ")}`)
            .join("; ");
        lines.push(`${indent}${s.Effect} ${s.Action.join(", ")} by ${who}`);
    } else {
        lines.push(`${indent}${s.Effect} ${s.NotAction ? `every action except ${s.NotAction.join(", ")}` : s.Action.join(", ")}`);
        if (s.NotResource) lines.push(`${indent}  on every resource except ${s.NotResource.join(", ")}`);
        else for (const r of s.Resource) lines.push(`${indent}  on ${r}`);
    }
    for (const [op, keys] of Object.entries(s.Condition ?? {})) {
        for (const [k, v] of Object.entries(keys)) lines.push(`${indent}  when ${op} ${k} = ${v.join(" | ")}`);
    }
    return lines;
}

/** `n word`, with an `s` unless `n` is 1. */
export function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The findings as text lines. */
export function formatFindings(findings: Finding[]): string[] {
    if (findings.length === 0) return ["no findings"];
    return findings.map((f) => `${f.severity === "error" ? "✗" : "!"} [${f.rule}] ${findingSubject(f)}: ${f.message}`);
}

/** The readable report: resource tree with key inputs, IAM by role, checks, outputs. */
export function formatPlan(plan: Plan): string {
    const out: string[] = [];
    const rel = path.relative(process.cwd(), plan.program.dir) || ".";
    out.push(`Preview of ${rel} (project ${plan.program.project}${plan.program.stack ? `, stack ${plan.program.stack}` : ""})`);
    out.push(
        `Account ${plan.context.account}, Region ${plan.context.region} (${plan.context.partition}): ${plural(plan.resources.length, "resource")}, mocked offline`,
    );
    out.push("");
    out.push("Resources");
    const byUrn = new Set(plan.resources.map((r) => r.urn));
    const children = new Map<string | null, PlanResource[]>();
    for (const r of plan.resources) {
        const key = r.parent !== null && byUrn.has(r.parent) ? r.parent : null;
        children.set(key, [...(children.get(key) ?? []), r]);
    }
    const walk = (parent: string | null, prefix: string) => {
        const list = children.get(parent) ?? [];
        list.forEach((r, i) => {
            const last = i === list.length - 1;
            const id = r.custom ? identity(r) : undefined;
            out.push(`${prefix}${last ? "└─ " : "├─ "}${r.name} (${r.type})${id ? ` → ${id}` : ""}`);
            const inner = prefix + (last ? "   " : "│  ");
            const hasKids = (children.get(r.urn) ?? []).length > 0;
            for (const line of r.custom ? keyInputs(r.inputs) : []) out.push(`${inner}${hasKids ? "│ " : "  "}  ${line}`);
            walk(r.urn, inner);
        });
    };
    walk(null, "");
    out.push("");
    out.push("IAM policies by role");
    if (plan.roles.length === 0) out.push("  (no roles)");
    for (const role of plan.roles) {
        out.push(`role ${role.name}${role.resourceName ? ` (${role.resourceName})` : " (not created by this program)"}`);
        if (role.trust.length > 0) {
            out.push("  trust:");
            for (const t of role.trust) out.push(...formatStatement(t, "    "));
        }
        out.push(`  inline: ${role.inlineSize.toLocaleString("en-US")} of ${IAM_LIMITS.inlinePerRole.toLocaleString("en-US")} characters`);
        for (const p of role.policies) {
            const size = p.size !== undefined ? `, ${p.size} characters` : "";
            out.push(`  ${p.kind} policy ${p.name}${p.resourceName && p.resourceName !== p.name ? ` (${p.resourceName})` : ""}${size}`);
            if (p.kind === "aws-managed") out.push("    (AWS managed: statements not known offline)");
            for (const s of p.statements) out.push(...formatStatement(s, "    "));
        }
    }
    out.push("");
    const errors = plan.findings.filter((f) => f.severity === "error").length;
    out.push(`Checks: ${plural(errors, "error")}, ${plural(plan.findings.length - errors, "warning")}`);
    if (plan.findings.length > 0) out.push(...formatFindings(plan.findings).map((l) => `  ${l}`));
    const outputs = Object.entries(plan.outputs);
    if (outputs.length > 0) {
        out.push("");
        out.push("Outputs");
        for (const [k, v] of outputs) out.push(`  ${k}: ${short(v)}`);
    }
    return out.join("\n") + "\n";
}
