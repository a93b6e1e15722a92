/**
 * What the preview says when a program fails or never finishes: where the program created the
 * component that refused a value known only at deploy time, the first error the program raised, and the
 * outputs it read that the mocks gave no value for.
 */
import * as path from "path";
import { BedrockValidationError } from "../core/validation";
import type { MockRecorder } from "../testing/recorder";
import { describeMissingOutputs } from "./mock-outputs";

/** `file:line:column` frames in the program's own files (not its node_modules), relative to the working directory. */
export function ownFrames(frames: readonly string[], programDir: string): string[] {
    const out: string[] = [];
    for (const frame of frames) {
        const m = /^(.*):(\d+):(\d+)$/.exec(frame);
        if (!m || !m[1].startsWith(programDir + path.sep) || m[1].includes(`${path.sep}node_modules${path.sep}`)) continue;
        const rel = `${path.relative(process.cwd(), m[1]) || m[1]}:${m[2]}:${m[3]}`;
        if (!out.includes(rel)) out.push(rel);
    }
    return out;
}

/**
 * For a value a component refused at deploy time (inside `apply`, where the stack holds no frame of the
 * program): the program's frames where it created that component, from the stack Pulumi captured at
 * registration. Empty for other errors, or when the component is not recorded.
 */
export function creationFrames(err: unknown, recorder: MockRecorder, programDir: string): string[] {
    if (!(err instanceof BedrockValidationError) || err.resourceName === undefined) return [];
    const component = err.component.split(".")[0];
    const created = recorder.resources.find((r) => !r.custom && r.name === err.resourceName && r.type.split(":").pop() === component);
    return ownFrames(created?.stackTrace ?? [], programDir);
}

/** An evaluation under way: what the preview can say if the program never finishes. */
export interface InFlight {
    recorder: MockRecorder;
    /** Errors the program raised so far (rejections nothing handled), first first. */
    failures: unknown[];
    /** Formats an error of the program: message and the program's frames, one line each. */
    describe: (err: unknown) => string[];
}

let inFlight: InFlight | undefined;

/** Marks an evaluation as under way (`undefined`: finished). */
export function setInFlight(f: InFlight | undefined): void {
    inFlight = f;
}

/**
 * Lines explaining why the evaluation under way has not finished: the first error the program raised,
 * and the outputs it read that the mocks gave no value for (empty when there is nothing to say).
 */
export function unfinishedDetails(): string[] {
    if (!inFlight) return [];
    const lines: string[] = [];
    if (inFlight.failures.length > 0) {
        const [first, ...frames] = inFlight.describe(inFlight.failures[0]);
        lines.push(`the first error the program raised: ${first}`, ...frames);
    }
    lines.push(...describeMissingOutputs(inFlight.recorder.missingOutputs()));
    return lines;
}
