/**
 * The benchmark program's body as users write it, shared by bench/program.ts (the benchmark) and the spec
 * that pins its IAM documents (tests/iam-pin.spec.ts, tests/integration/iam-pin-scale.spec.ts): `n`
 * application profiles on the US cross-region profiles of the given models, each `grantProfileUsage(role)`
 * and `grantInvoke(role)` on a Lambda role, `n/10` agents and `n/10` prompts on the default Anthropic
 * router.
 *
 * One role carries at most `PROFILES_PER_ROLE` profiles: 1,000 profiles need 1 inline and 14 managed
 * policies, and 3,000 on one role would need 42, over IAM's maximum of 20 managed policies per role (the
 * package refuses such a program, as IAM would). Profile `i` is granted to role `floor(i / 1000)`: up to
 * N=1000 the program has the one role `tenants-role`, then `tenants-role-2`, `tenants-role-3`...
 *
 * The modules come as arguments: the benchmark loads the compiled package (bin/), the specs the sources.
 */
import type * as iamModule from "@pulumi/aws/iam";
import type * as sdk from "../sdk/nodejs";

/** Profiles granted to one role. */
export const PROFILES_PER_ROLE = 1000;

/** The Pulumi name of the `k`th tenants' role (0-based). */
export function tenantsRoleName(k: number): string {
    return k === 0 ? "tenants-role" : `tenants-role-${k + 1}`;
}

/** Runs the program's body; returns its tenants' roles. `modelIds`: bench/models.json. */
export function benchProgram(bedrock: typeof sdk, iam: typeof iamModule, n: number, modelIds: string[]): iamModule.Role[] {
    const M = bedrock.BedrockFoundationModel;
    const models = modelIds.map((id) => {
        const model = Object.values(M).find((m): m is InstanceType<typeof M> => m instanceof M && m.modelId === id);
        if (!model) throw new Error(`the catalog has no model ${id}`);
        return model;
    });
    const roles: iamModule.Role[] = [];
    for (let k = 0; k * PROFILES_PER_ROLE < Math.max(n, 1); k++) {
        roles.push(
            new iam.Role(tenantsRoleName(k), {
                assumeRolePolicy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
                }),
            }),
        );
    }
    const cris = models.map((model) => bedrock.CrossRegionInferenceProfile.fromConfig({ geoRegion: bedrock.CrossRegionInferenceProfileRegion.US, model }));
    for (let i = 0; i < n; i++) {
        const role = roles[Math.floor(i / PROFILES_PER_ROLE)];
        const aip = new bedrock.ApplicationInferenceProfile(`tenant-${i}`, { inferenceProfileName: `tenant-${i}`, modelSource: cris[i % cris.length] });
        aip.grantProfileUsage(role);
        aip.grantInvoke(role);
    }
    for (let i = 0; i < Math.floor(n / 10); i++) {
        new bedrock.Agent(`agent-${i}`, {
            foundationModel: cris[i % cris.length],
            instruction: "You are a helpful and friendly agent that answers questions about agriculture.",
        });
    }
    const router = bedrock.PromptRouter.fromDefaultId(bedrock.DefaultPromptRouterIdentifier.ANTHROPIC_CLAUDE_V1, "us-east-1");
    for (let i = 0; i < Math.floor(n / 10); i++) {
        const variant = bedrock.PromptVariant.text({ variantName: "variant1", promptText: "What is the capital of France?", model: router });
        new bedrock.Prompt(`prompt-${i}`, { promptName: `prompt-${i}`, variants: [variant] });
    }
    return roles;
}
