/**
 * Which outputs a program read that the mocks gave no value for. Under mocks, an output the mocks do not
 * return resolves to `undefined` (known): Pulumi's runtime resolves "all properties not present in the
 * outputs" that way (`resolveProperties` in node_modules/@pulumi/pulumi/runtime/rpc.js). A component that
 * reads it then fails far from the cause, or waits forever. To name the cause, the outputs of every custom
 * resource are watched from the moment Pulumi creates them (`transferProperties` in the same file, called
 * by `prepareResource` in runtime/resource.js for each property of a custom resource): reading one (`apply`,
 * `pulumi.all`, `pulumi.output`, passing it as an input) calls its `promise`, and resolving it calls its
 * resolver with the value.
 */
import * as pulumi from "@pulumi/pulumi";

/** An output of a custom resource that the program read and the mocks gave no value for. */
export interface MissingOutput {
    /** The resource's type token, e.g. `aws:bedrock/guardrail:Guardrail`. */
    type: string;
    /** The resource's Pulumi name. */
    name: string;
    /** The output's name, e.g. `guardrailId`. */
    output: string;
}

interface Watched extends MissingOutput {
    read: boolean;
    missing: boolean;
}

/** The outputs watched for one evaluation (one `setBedrockMocks`). */
export class OutputReads {
    private readonly watched: Watched[] = [];

    /** @internal */
    public watch(w: Watched): void {
        this.watched.push(w);
    }

    /** Outputs the program read and the mocks gave no value for, in the order their resources registered. */
    public missing(): MissingOutput[] {
        return this.watched.filter((w) => w.read && w.missing).map(({ type, name, output }) => ({ type, name, output }));
    }
}

let current: OutputReads | undefined;
let installed = false;

/** `resource:<name>[<type>]` (registerResource) or `resource:<name>[<type>]#...` (readResource). */
function parseLabel(label: string): { type: string; name: string } | undefined {
    const m = /^resource:(.*)\[([^[\]]+)\](#\.\.\.)?$/.exec(label);
    return m ? { name: m[1], type: m[2] } : undefined;
}

type Resolver = (v: unknown, isKnown: boolean, isSecret: boolean, deps?: unknown[], err?: Error) => void;

/** Watches the outputs of every custom resource registered from now on, into `reads`. */
export function watchOutputReads(reads: OutputReads): void {
    current = reads;
    if (installed) return;
    installed = true;
    // The runtime's rpc module, shared with runtime/resource.js, which calls `rpc_1.transferProperties`.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const rpc = require("@pulumi/pulumi/runtime/rpc") as {
        transferProperties: (onto: Record<string, unknown>, label: string, props: Record<string, unknown>) => Record<string, Resolver>;
    };
    const original = rpc.transferProperties;
    rpc.transferProperties = function (onto, label, props) {
        const resolvers = original.call(this, onto, label, props);
        const reads = current;
        const where = parseLabel(label);
        if (!reads || !where) return resolvers;
        for (const output of Object.keys(resolvers)) {
            const o = onto[output] as { promise?: (withUnknowns?: boolean) => Promise<unknown> } | undefined;
            if (!pulumi.Output.isInstance(o) || typeof o.promise !== "function") continue;
            const w: Watched = { ...where, output, read: false, missing: false };
            reads.watch(w);
            const promise = o.promise;
            o.promise = (withUnknowns?: boolean) => {
                w.read = true;
                return promise(withUnknowns);
            };
            const resolve = resolvers[output];
            resolvers[output] = (v, isKnown, isSecret, deps, err) => {
                if (err === undefined && v === undefined && isKnown) w.missing = true;
                return resolve(v, isKnown, isSecret, deps, err);
            };
        }
        return resolvers;
    };
}
