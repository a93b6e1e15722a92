/** The plan: every resource the program registers and its IAM, role by role, with the checks' findings. */
import * as path from "path";
import { readRoles, type RolePolicyView, type RoleView } from "../rules/policies";
import type { MockRecorder } from "../testing/testing";
import { checkProgram, ruleResource, type Finding } from "./checks";
import { evaluateProgram, type Evaluation } from "./evaluate";
import { PLAN_SCHEMA_VERSION } from "./schema";

/** One resource of the plan. */
export interface PlanResource {
    /** The resource's URN, as the mock engine gave it. */
    urn: string;
    /** Type token, e.g. `aws-native:bedrock:ApplicationInferenceProfile`. */
    type: string;
    /** Pulumi name. */
    name: string;
    /** Parent URN, or null for a top-level resource. */
    parent: string | null;
    /** False for component resources. */
    custom: boolean;
    /** The (mocked) id of a custom resource. */
    id?: string;
    /** Inputs as the engine received them. */
    inputs: Record<string, unknown>;
    /** Custom resources: the mocked state (inputs and computed values); components: registered outputs. */
    outputs: Record<string, unknown>;
}

/** A policy on a role, as the shared reader (`readRoles`) reads it, without its document. */
export type PlanPolicy = Omit<RolePolicyView, "resourceUrn" | "document">;

/** A role and everything attached to it, as the shared reader (`readRoles`) reads it. */
export type PlanRole = Omit<RoleView, "resourceUrn" | "policies"> & {
    /** Inline policies, then managed, then AWS managed ones, each by name. */
    policies: PlanPolicy[];
};

/** The machine-readable plan `--json` prints and `previewProgram` returns (JSON Schema: `PLAN_JSON_SCHEMA`). */
export interface Plan {
    /** Format version of the plan (`1`); bumped on incompatible changes. */
    schemaVersion: number;
    /** The program evaluated. */
    program: {
        /** Program directory, relative to the working directory, `/`-separated (`.` for the working directory). */
        dir: string;
        /** Entry file, relative to the working directory, `/`-separated. */
        main: string;
        /** Project name (Pulumi.yaml `name`). */
        project: string;
        /** Stack whose `Pulumi.<stack>.yaml` was read, or null. */
        stack: string | null;
    };
    /** What the program was evaluated for. */
    context: {
        /** Account id (12 digits). */
        account: string;
        /** Region. */
        region: string;
        /** Partition of the Region (`aws`, `aws-cn`, `aws-us-gov`). */
        partition: string;
    };
    /** Every resource registered, components included, in registration order. */
    resources: PlanResource[];
    /** Every role the program creates or attaches policies to, by name. */
    roles: PlanRole[];
    /** Findings of the IAM checks, role by role (computed with or without `--check`). */
    findings: Finding[];
    /** The program's stack outputs, resolved (unknown values are left out). */
    outputs: Record<string, unknown>;
}

/** A policy of the plan: what the shared reader reads, without the document itself. */
function planPolicy(p: RolePolicyView): PlanPolicy {
    return {
        name: p.name,
        kind: p.kind,
        ...(p.resourceName !== undefined ? { resourceName: p.resourceName } : {}),
        ...(p.resourceType !== undefined ? { resourceType: p.resourceType } : {}),
        ...(p.arn !== undefined ? { arn: p.arn } : {}),
        ...(p.size !== undefined ? { size: p.size } : {}),
        statements: p.statements,
    };
}

function planRole(r: RoleView): PlanRole {
    return {
        name: r.name,
        ...(r.resourceName !== undefined ? { resourceName: r.resourceName } : {}),
        ...(r.arn !== undefined ? { arn: r.arn } : {}),
        external: r.external,
        trust: r.trust,
        services: r.services,
        inlineSize: r.inlineSize,
        policies: r.policies.map(planPolicy),
    };
}

/** Every role the program creates or attaches policies to, with trust and policies (see `readRoles`). */
export function collectRoles(recorder: MockRecorder): PlanRole[] {
    return readRoles(recorder.resources.map(ruleResource)).map(planRole);
}

/** `file` relative to the working directory, with `/` separators (`.` for the working directory itself). */
function relativePath(file: string): string {
    return (path.relative(process.cwd(), file) || ".").split(path.sep).join("/");
}

/** Options for `previewProgram`. */
export interface PreviewOptions {
    /** Region (default: the stack's `aws-native:region`, then `aws:region`, then `us-east-1`). */
    region?: string;
    /** Account id (default `123456789012`). */
    account?: string;
    /** Stack whose config to read (default: the only `Pulumi.<stack>.yaml`, if exactly one). */
    stack?: string;
    /** Configuration set over the stack's, as `pulumi config set` would (`key` means `<project>:key`). */
    config?: Record<string, string>;
    /**
     * Rule configuration by rule id, as a policy pack config file holds it (`{ "<rule-id>": { option: value } }`;
     * `enforcementLevel` is the pack's business and ignored here).
     */
    policyConfig?: PolicyConfig;
    /**
     * Outputs per resource type, merged over the mocks' defaults, e.g. `{ "aws:kms/key:Key": { arn: "..." } }`
     * (what `--mock` and `--mocks` give the command).
     */
    outputs?: Record<string, Record<string, unknown>>;
}

/** Rule configuration by rule id (the format of `pulumi preview --policy-pack-config` files). */
export type PolicyConfig = Record<string, Record<string, unknown>>;

/**
 * Evaluates the Pulumi TypeScript/JavaScript program in `dir` offline and returns its plan: what
 * `bedrock-genai preview <dir> --json` prints. It installs this package's Pulumi mocks (replacing any
 * set before), so call `setBedrockMocks` again afterwards if the same test file also unit-tests
 * components. Rejects with the program's error when the program fails.
 */
export async function previewProgram(dir: string, options: PreviewOptions = {}): Promise<Plan> {
    const { policyConfig, ...evaluate } = options;
    return buildPlan(await evaluateProgram({ programDir: dir, ...evaluate }), policyConfig);
}

/** The plan of an evaluation, findings included (`policyConfig`: rule configuration by rule id). */
export function buildPlan(e: Evaluation, policyConfig: PolicyConfig = {}): Plan {
    const resources: PlanResource[] = e.recorder.resources.map((r) => {
        const p: PlanResource = {
            urn: r.urn ?? `urn:pulumi:${e.program.stack ?? "dev"}::${e.program.project}::${r.type}::${r.name}`,
            type: r.type,
            name: r.name,
            parent: r.parent ?? null,
            custom: r.custom,
            inputs: r.inputs,
            outputs: r.custom ? r.state : (r.outputs ?? {}),
        };
        if (r.custom && r.id !== undefined) p.id = r.id;
        return p;
    });
    const roles = collectRoles(e.recorder);
    return {
        schemaVersion: PLAN_SCHEMA_VERSION,
        program: { dir: relativePath(e.program.dir), main: relativePath(e.program.main), project: e.program.project, stack: e.program.stack ?? null },
        context: { account: e.account, region: e.region, partition: e.partition },
        resources,
        roles,
        findings: checkProgram(e.recorder, policyConfig),
        outputs: e.outputs,
    };
}
