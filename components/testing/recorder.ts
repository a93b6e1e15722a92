/**
 * The recorder the mocks fill: every resource registered (with its URN, parent, dependencies and
 * outputs) and every invoke, with finders over them.
 */
import type * as pulumi from "@pulumi/pulumi";
import { OutputReads, type MissingOutput } from "./output-reads";

/** A resource the mocks saw registered. */
export interface RecordedResource {
    /** Type token, e.g. `aws-native:bedrock:ApplicationInferenceProfile`. */
    type: string;
    /** Pulumi name. */
    name: string;
    /** Inputs as the engine received them (Outputs resolved). */
    inputs: Record<string, any>;
    /** Outputs the mocks returned (inputs plus computed values). */
    state: Record<string, any>;
    /** The id, for custom resources. */
    id?: string;
    /** False for component resources. */
    custom: boolean;
    /** The provider reference, when one was given. */
    provider?: string;
    /** The URN the mock engine gave the resource. */
    urn?: string;
    /** The URN of the resource's parent (undefined for a top-level resource). */
    parent?: string;
    /** URNs of the resources it depends on explicitly or through its inputs. */
    dependencies?: string[];
    /** For a component, the outputs it registered with `registerOutputs` (resolved). */
    outputs?: Record<string, any>;
    /** True for a resource read with `.get()` rather than created. */
    read?: boolean;
    /** Where the program constructed it: the call stack's frames as `file:line:column`, innermost first. */
    stackTrace?: string[];
}

/** What `setBedrockMocks` records. */
export class MockRecorder {
    /** Every registered resource, components included, in registration order. */
    public readonly resources: RecordedResource[] = [];
    /** Every invoke the program made. */
    public readonly invokes: pulumi.runtime.MockCallArgs[] = [];
    /** @internal The outputs of custom resources, watched for reads the mocks gave no value for. */
    public readonly outputReads = new OutputReads();

    /**
     * Outputs of custom resources that the program read and the mocks gave no value for (they resolve to
     * `undefined`), in the order their resources registered. Give them values with the mocks' `outputs`.
     */
    public missingOutputs(): MissingOutput[] {
        return this.outputReads.missing();
    }

    /** Resources of `type` (components included), in registration order. */
    public byType(type: string): RecordedResource[] {
        return this.resources.filter((r) => r.type === type);
    }

    /** Resources with Pulumi name `name`, any type. */
    public byName(name: string): RecordedResource[] {
        return this.resources.filter((r) => r.name === name);
    }

    /** The resource with `urn`, if recorded. */
    public byUrn(urn: string): RecordedResource | undefined {
        return this.resources.find((r) => r.urn === urn);
    }

    /** The one resource of `type` named `name`, or undefined when there is none (throws when there are several). */
    public tryFind(type: string, name: string): RecordedResource | undefined {
        const found = this.resources.filter((r) => r.type === type && r.name === name);
        if (found.length > 1) throw new Error(`expected at most one ${type} named ${name}, found ${found.length}`);
        return found[0];
    }

    /** Direct children of `parent` (a recorded resource or its URN), in registration order. */
    public childrenOf(parent: RecordedResource | string): RecordedResource[] {
        const urn = typeof parent === "string" ? parent : parent.urn;
        return urn === undefined ? [] : this.resources.filter((r) => r.parent === urn);
    }

    /** Every resource under `parent`, children first level by level (registration order within a level). */
    public descendantsOf(parent: RecordedResource | string): RecordedResource[] {
        const out: RecordedResource[] = [];
        let level = this.childrenOf(parent);
        while (level.length > 0) {
            out.push(...level);
            level = level.flatMap((r) => this.childrenOf(r));
        }
        return out;
    }

    /** The parent of `resource`, if it has one and it was recorded. */
    public parentOf(resource: RecordedResource): RecordedResource | undefined {
        return resource.parent === undefined ? undefined : this.byUrn(resource.parent);
    }

    /** Resources with no recorded parent, in registration order. */
    public get roots(): RecordedResource[] {
        return this.resources.filter((r) => r.parent === undefined || this.byUrn(r.parent) === undefined);
    }

    /** The one resource of `type` named `name`; throws when there is none or more than one. */
    public find(type: string, name: string): RecordedResource {
        const found = this.resources.filter((r) => r.type === type && r.name === name);
        if (found.length !== 1) {
            const names = this.byType(type).map((r) => r.name);
            throw new Error(`expected one ${type} named ${name}, found ${found.length} (registered: ${names.join(", ") || "none"})`);
        }
        return found[0];
    }

    /** Component resources. */
    public get components(): RecordedResource[] {
        return this.resources.filter((r) => !r.custom);
    }

    /** Resources whose type is a custom resource (not a component). */
    public get customResources(): RecordedResource[] {
        return this.resources.filter((r) => r.custom);
    }

    /** Forgets everything recorded so far. */
    public clear(): void {
        this.resources.length = 0;
        this.invokes.length = 0;
    }
}
