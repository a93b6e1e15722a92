/** A Mermaid flowchart of a plan: roles -> profiles -> models per Region, agents -> aliases, harnesses -> endpoints. */
import { parseArnPattern, roleNameFromArn } from "../catalog/arns";
import { CrossRegionInferenceProfileRegion } from "../catalog/geographies";
import { allowsInvoke, foundationModelId, glob, isApplicationProfilePattern, isInvoke, isProfileArn } from "../rules/bedrock-iam";
import type { Plan, PlanResource } from "./plan";

function label(text: string): string {
    return `"${text.replace(/"/g, "#quot;").replace(/[<>]/g, (c) => (c === "<" ? "#lt;" : "#gt;"))}"`;
}

/**
 * A Mermaid flowchart: roles -> the profiles and models they may invoke (models grouped per Region,
 * profiles -> the models they reach through the `bedrock:InferenceProfileArn` condition), agents -> the
 * role they run as and their aliases, AgentCore harnesses -> the role they run as, their model and their
 * endpoints.
 */
export function toMermaid(plan: Plan): string {
    const ids = new Map<string, string>();
    const nodes = new Map<string, string>();
    const edges = new Set<string>();
    const regions = new Map<string, Set<string>>();
    const id = (kind: string, key: string): string => {
        const k = `${kind}|${key}`;
        let v = ids.get(k);
        if (!v) {
            v = `${kind}${ids.size + 1}`;
            ids.set(k, v);
        }
        return v;
    };
    const appProfiles = new Map<string, PlanResource>();
    const aliases = new Map<string, PlanResource>();
    const routers = new Map<string, PlanResource>();
    const harnessByArn = new Map<string, PlanResource>();
    for (const r of plan.resources) {
        if (r.type === "aws-native:bedrock:ApplicationInferenceProfile" && typeof r.outputs.inferenceProfileArn === "string")
            appProfiles.set(r.outputs.inferenceProfileArn, r);
        if (r.type === "aws-native:bedrock:AgentAlias" && typeof r.outputs.agentAliasArn === "string") aliases.set(r.outputs.agentAliasArn, r);
        if (r.type === "aws-native:bedrock:IntelligentPromptRouter" && typeof r.outputs.promptRouterArn === "string") routers.set(r.outputs.promptRouterArn, r);
        if (r.type === "aws-native:bedrockagentcore:Harness" && typeof r.outputs.arn === "string") {
            // A grant on a harness names it and its endpoints (`<harness>/harness-endpoint/*`).
            harnessByArn.set(r.outputs.arn, r);
            harnessByArn.set(`${r.outputs.arn}/harness-endpoint/*`, r);
        }
    }
    const harnessNode = (h: PlanResource): string => {
        const n = id("harness", h.urn);
        nodes.set(n, `${n}[/${label(`harness ${String(h.inputs.harnessName ?? h.name)}`)}/]`);
        return n;
    };
    const aliasNode = (alias: PlanResource): string => {
        const al = id("alias", alias.urn);
        nodes.set(al, `${al}([${label(`alias ${String(alias.inputs.agentAliasName ?? alias.name)}`)}])`);
        return al;
    };
    const resourceNode = (arn: string): string => {
        const alias = aliases.get(arn);
        if (alias) return aliasNode(alias);
        const harness = harnessByArn.get(arn);
        if (harness) return harnessNode(harness);
        const router = routers.get(arn);
        if (router) {
            const n = id("router", arn);
            nodes.set(n, `${n}[${label(`router ${String(router.inputs.promptRouterName ?? router.name)}`)}]`);
            return n;
        }
        const p = parseArnPattern(arn);
        const res = p?.resource ?? arn;
        const modelId = foundationModelId(arn);
        if (modelId !== undefined) {
            const region = p?.region === "" ? "no Region (global)" : p?.region === "*" ? "any Region (*)" : (p?.region ?? "?");
            const n = id("model", arn);
            nodes.set(n, `${n}[${label(modelId === "*" ? "any model (*)" : modelId)}]`);
            regions.set(region, (regions.get(region) ?? new Set()).add(n));
            return n;
        }
        if (isProfileArn(arn)) {
            const n = id("profile", arn);
            const app = appProfiles.get(arn);
            const text = app ? `${app.name} (application profile)` : res.replace(/^inference-profile\//, "");
            if (nodes.has(n)) return n;
            nodes.set(n, `${n}([${label(text)}])`);
            // An application profile -> the system profile it copies.
            const from = (app?.inputs.modelSource as { copyFrom?: unknown } | undefined)?.copyFrom;
            if (typeof from === "string" && from !== arn && isProfileArn(from) && !appProfiles.has(from)) edges.add(`${n} -.->|copies| ${resourceNode(from)}`);
            return n;
        }
        const n = id("res", arn);
        nodes.set(n, `${n}[${label(res.startsWith("default-prompt-router/") ? `default router ${res.slice("default-prompt-router/".length)}` : res)}]`);
        return n;
    };
    // The model ids an application profile of the plan copies (from a model, or through a system profile).
    const appModelIds = (arn: string): string[] => {
        const from = (appProfiles.get(arn)?.inputs.modelSource as { copyFrom?: unknown } | undefined)?.copyFrom;
        if (typeof from !== "string") return [];
        const model = foundationModelId(from);
        if (model !== undefined) return [model];
        const p = parseArnPattern(from);
        if (!p || p.resourceType !== "inference-profile") return [];
        const dot = p.resourceId.indexOf(".");
        const geography = dot > 0 ? CrossRegionInferenceProfileRegion.fromPrefix(p.resourceId.slice(0, dot)) : undefined;
        return [geography ? p.resourceId.slice(dot + 1) : p.resourceId];
    };
    for (const role of plan.roles) {
        const r = id("role", role.name);
        nodes.set(r, `${r}{{${label(`role ${role.name}`)}}}`);
        const statements = role.policies.flatMap((p) => p.statements);
        // Application profiles the role may invoke: what an application-profile pattern condition stands for.
        const invokableApps = [
            ...new Set(
                statements
                    .filter((st) => st.Effect === "Allow" && st.Action.some(isInvoke))
                    .flatMap((st) => st.Resource)
                    .filter((arn) => appProfiles.has(arn)),
            ),
        ];
        for (const s of statements) {
            // Invoking a harness (`InvokeHarness` on it and its endpoints): role -> harness.
            if (s.Effect === "Allow" && s.Action.some((a) => glob(a).test("bedrock-agentcore:InvokeHarness"))) {
                for (const arn of s.Resource) if (harnessByArn.has(arn)) edges.add(`${r} --> ${resourceNode(arn)}`);
            }
            if (!allowsInvoke(s)) continue;
            const via = Object.values(s.Condition ?? {}).flatMap((keys) =>
                Object.entries(keys)
                    .filter(([k]) => k.toLowerCase() === "bedrock:inferenceprofilearn")
                    .flatMap(([, v]) => v),
            );
            for (const arn of s.Resource) {
                if (arn === "*") continue;
                const target = resourceNode(arn);
                const modelId = foundationModelId(arn);
                if (via.length > 0 && modelId !== undefined) {
                    for (const profile of via) {
                        if (!isApplicationProfilePattern(profile)) {
                            edges.add(`${resourceNode(profile)} --> ${target}`);
                            continue;
                        }
                        // The pattern: each application profile the role may invoke there that copies this model.
                        for (const app of invokableApps) {
                            if (glob(profile).test(app) && appModelIds(app).includes(modelId)) edges.add(`${resourceNode(app)} --> ${target}`);
                        }
                    }
                } else {
                    edges.add(`${r} --> ${target}`);
                }
            }
        }
    }
    const agents = plan.resources.filter((x) => x.type === "aws-native:bedrock:Agent");
    for (const a of agents) {
        const n = id("agent", a.urn);
        nodes.set(n, `${n}[/${label(`agent ${String(a.inputs.agentName ?? a.name)}`)}/]`);
        const roleArn = a.inputs.agentResourceRoleArn;
        const roleName = typeof roleArn === "string" ? roleNameFromArn(roleArn) : undefined;
        if (roleName && ids.has(`role|${roleName}`)) edges.add(`${n} -.->|runs as| ${id("role", roleName)}`);
        const model = a.inputs.foundationModel;
        if (typeof model === "string" && model.startsWith("arn:")) edges.add(`${n} -.->|model| ${resourceNode(model)}`);
        for (const alias of plan.resources.filter(
            (x) => x.type === "aws-native:bedrock:AgentAlias" && x.inputs.agentId !== undefined && x.inputs.agentId === a.outputs.agentId,
        )) {
            edges.add(`${n} --> ${aliasNode(alias)}`);
        }
    }
    const harnesses = plan.resources.filter((x) => x.type === "aws-native:bedrockagentcore:Harness");
    for (const h of harnesses) {
        const n = harnessNode(h);
        const roleArn = h.inputs.executionRoleArn;
        const roleName = typeof roleArn === "string" ? roleNameFromArn(roleArn) : undefined;
        if (roleName && ids.has(`role|${roleName}`)) edges.add(`${n} -.->|runs as| ${id("role", roleName)}`);
        const model = (h.inputs.model as { bedrockModelConfig?: { modelId?: unknown } } | undefined)?.bedrockModelConfig?.modelId;
        if (typeof model === "string") {
            // A foundation model by id is the model of the harness's own Region (the Region of its ARN).
            const own = typeof h.outputs.arn === "string" ? parseArnPattern(h.outputs.arn) : undefined;
            const arn = model.startsWith("arn:") ? model : own ? `arn:${own.partition}:bedrock:${own.region}::foundation-model/${model}` : undefined;
            if (arn !== undefined) edges.add(`${n} -.->|model| ${resourceNode(arn)}`);
        }
        for (const e of plan.resources.filter(
            (x) => x.type === "aws-native:bedrockagentcore:HarnessEndpoint" && x.inputs.harnessId !== undefined && x.inputs.harnessId === h.outputs.harnessId,
        )) {
            const en = id("endpoint", e.urn);
            nodes.set(en, `${en}([${label(`endpoint ${String(e.inputs.endpointName ?? e.name)}`)}])`);
            edges.add(`${n} --> ${en}`);
        }
    }
    const lines = ["flowchart LR"];
    const inRegion = new Set([...regions.values()].flatMap((s) => [...s]));
    for (const [n, def] of nodes) if (!inRegion.has(n)) lines.push(`    ${def}`);
    for (const [region, members] of [...regions.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        lines.push(`    subgraph ${id("region", region)}[${label(region)}]`);
        for (const n of members) lines.push(`        ${nodes.get(n)}`);
        lines.push("    end");
    }
    for (const e of edges) lines.push(`    ${e}`);
    return lines.join("\n") + "\n";
}
