/**
 * Helpers to read a program's values under the mocks: an Output's value, a resource's outputs, and
 * waiting until everything registered so far is recorded.
 */
import * as pulumi from "@pulumi/pulumi";

/** The value of an Output (undefined when it is unknown, as in a preview). */
export function resolveOutput<T>(output: pulumi.Input<T>): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
        const o = pulumi.output(output) as pulumi.Output<T>;
        // An unknown Output never runs apply during preview: look at isKnown first.
        (o as unknown as { isKnown: Promise<boolean> }).isKnown.then((known) => {
            if (!known) resolve(undefined);
            else o.apply((v) => resolve(v as T));
        }, reject);
    });
}

/** Waits until every resource registered so far, including those registered inside `apply`, is recorded. */
export async function settle(): Promise<void> {
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 10));
}

/**
 * Resolves every Output-valued property of `resource` (a component or custom resource object, or
 * any object of Outputs) to a plain object; unknown values are left undefined.
 */
export async function resolveOutputs<T extends object>(resource: T): Promise<{ [K in keyof T]: T[K] extends pulumi.Output<infer U> ? U | undefined : T[K] }> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(resource)) {
        if (k.startsWith("__")) continue;
        out[k] = pulumi.Output.isInstance(v) ? await resolveOutput(v) : v;
    }
    return out as never;
}
