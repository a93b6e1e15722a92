/**
 * Values a preview (`pulumi preview`, a dry run) can show although they are known only once a resource
 * exists: a preview renders what it knows and leaves the rest unknown, so a policy document that waits
 * on one such value is unknown as a whole, and the preview, `--check` and the policy pack see nothing of
 * it. `knownInPreview` gives a stand-in instead, in a preview only; a deployment gets the value itself.
 */
import * as pulumi from "@pulumi/pulumi";

/** What `@pulumi/pulumi`'s Output implementation offers besides `apply` (`output.ts`, `OutputImpl`). */
interface OutputInternals<T> {
    readonly isKnown: Promise<boolean>;
    promise(withUnknowns?: boolean): Promise<T>;
}

/**
 * In a preview, `value` when it is known, else `standIn` (itself an Input, known when its own values
 * are); outside a preview, `value` as it is (with its dependencies). What the stand-in replaces must be
 * sized for it already (a symbolic placeholder at its maximum length), so the preview's layout is the
 * deployment's.
 */
export function knownInPreview<T>(value: pulumi.Output<T>, standIn: pulumi.Input<T>): pulumi.Output<T> {
    if (!pulumi.runtime.isDryRun()) return value;
    const internals = value as unknown as OutputInternals<T>;
    return pulumi
        .output(internals.isKnown.then((known) => (known ? internals.promise() : undefined)))
        .apply((v) => (v === undefined ? pulumi.output(standIn) : pulumi.output(v as T))) as pulumi.Output<T>;
}
