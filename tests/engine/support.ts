// Shared by the engine specs: scripts/engine.mjs (an ES module, loaded with a real dynamic import, which
// TypeScript's CommonJS output would turn into require) and the environment that resolves
// `pulumi-bedrock-genai` to this checkout's build.
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");

export interface EngineSession {
    dir: string;
    tmp: string;
    configFile: string;
    pulumi(args: string[], options?: { timeoutSeconds?: number; stackFlags?: boolean }): Promise<{ code: number; stdout: string; stderr: string }>;
    dispose(): void;
}

export interface EngineModule {
    ensureToolchain(): { bin: string; manifest: Record<string, unknown> };
    engineSession(
        dir: string,
        options?: { config?: Record<string, string>; env?: Record<string, string>; account?: string; region?: string; pathBefore?: string[] },
    ): EngineSession;
}

const dynamicImport = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<unknown>;

export async function loadEngine(): Promise<EngineModule> {
    return (await dynamicImport(path.join(ROOT, "scripts", "engine.mjs"))) as EngineModule;
}

/** Environment for programs that name `pulumi-bedrock-genai` without installing it (the examples). */
export function resolveCheckout(): Record<string, string> {
    const hook = path.join(ROOT, "tests", "engine", "resolve-checkout.cjs");
    return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${hook}`.trim(), PULUMI_NODEJS_TRANSPILE_ONLY: "true" };
}
