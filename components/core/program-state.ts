/**
 * State kept for one Pulumi program evaluation. Each Pulumi runtime (a deployment, or each
 * `setMocks` in a test) has its own monitor, so caches and bookkeeping never leak from one program
 * evaluation into the next.
 */
import * as pulumi from "@pulumi/pulumi";

/** Outside a Pulumi runtime (plain unit tests), one state for the process. */
const processKey = {};

/** An accessor for state created by `create` once per program evaluation. */
export function perProgram<T>(create: () => T): () => T {
    const states = new WeakMap<object, T>();
    return () => {
        const key = (pulumi.runtime.getMonitor() as object | undefined) ?? processKey;
        let state = states.get(key);
        if (state === undefined) {
            state = create();
            states.set(key, state);
        }
        return state;
    };
}

const sequences = perProgram(() => new Map<string, number>());

/** The next number (1, 2, ...) of the sequence `kind` in this program evaluation. */
export function programSequence(kind: string): number {
    const s = sequences();
    const next = (s.get(kind) ?? 0) + 1;
    s.set(kind, next);
    return next;
}
