/**
 * Running a program under the mocks the way a deployment runs it: inside the root stack resource.
 *
 * A deployment creates the root stack (`pulumi:pulumi:Stack`) before the program's modules load, so
 * stack transformations see every resource the program registers: the package records the explicit
 * names of `aws.iam.Role` resources through one, and a role given as its resource and by that name is one
 * role, with one set of policies. `pulumi.runtime.setMocks` alone creates no root stack: under plain
 * mocks the two are two roles, with two policy sets (README, "Testing your program").
 */
import * as pulumi from "@pulumi/pulumi";
import { observeRoles } from "../iam/roles";
import { settle } from "./resolve";

/**
 * Runs `program` inside a root stack, as `pulumi up` does, after `setBedrockMocks`: pass a function that
 * loads the program (`() => import("../index")`) or builds it. Its result (the module's exports) becomes
 * the stack's outputs, and is returned once every resource it registered is recorded.
 */
export async function runProgram<T>(program: () => T | Promise<T>): Promise<T> {
    let result: T | undefined;
    await pulumi.runtime.runInPulumiStack(async () => {
        // In a deployment the package's import observes from the start; under the mocks, here.
        observeRoles();
        result = await program();
        return exportsOf(result);
    });
    await settle();
    return result as T;
}

/** The stack outputs of a program's result: its own enumerable values but functions (a module's exports). */
function exportsOf(result: unknown): Record<string, unknown> | undefined {
    if (result === null || typeof result !== "object") return undefined;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(result)) if (k !== "__esModule" && typeof v !== "function") out[k] = v;
    return out;
}
