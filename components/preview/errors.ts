/** The preview's errors: its own (usage, missing files) and the program's, with the program's frames. */
import * as path from "path";
import { BedrockValidationError } from "../core/validation";
import type { MockRecorder } from "../testing/recorder";
import { creationFrames } from "./diagnosis";
import { describeMissingOutputs } from "./mock-outputs";

/** An error to show as is (usage, missing files), without a stack. */
export class PreviewError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PreviewError";
    }
}

/** An error the program raised, with the frames that point into the program's own files. */
export class ProgramError extends Error {
    constructor(
        message: string,
        /** `file:line:column` of program frames, relative to the working directory. */
        public readonly frames: string[],
        public readonly cause?: unknown,
        /** Lines to show after the frames: the outputs the program read that the mocks gave no value for. */
        public readonly notes: string[] = [],
    ) {
        super(message);
        this.name = "ProgramError";
    }
}

/** The frames of `err`'s stack that are in the program's files, relative to the working directory. */
export function programFrames(err: unknown, programDir: string): string[] {
    const stack = err instanceof Error ? (err.stack ?? "") : "";
    const frames: string[] = [];
    for (const line of stack.split("\n")) {
        const m = /\(?((?:[A-Za-z]:)?[^():]+):(\d+):(\d+)\)?$/.exec(line.trim());
        if (!m) continue;
        const file = m[1].replace(/^at\s+/, "");
        if (!file.startsWith(programDir + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
        const frame = `${path.relative(process.cwd(), file) || file}:${m[2]}:${m[3]}`;
        if (!frames.includes(frame)) frames.push(frame);
    }
    return frames;
}

/**
 * Node's "Require stack" of a missing module, cut to the program's own files (relative to the working
 * directory): the preview's modules (components/preview, cli.ts) and whatever loaded them are not the program's.
 */
export function trimRequireStack(message: string, programDir: string): string {
    const lines = message.split("\n");
    const at = lines.indexOf("Require stack:");
    if (at < 0) return message;
    const own = lines
        .slice(at + 1)
        .filter((l) => l.startsWith("- "))
        .map((l) => l.slice(2))
        .filter((f) => f.startsWith(programDir + path.sep) && !f.includes(`${path.sep}node_modules${path.sep}`))
        .map((f) => `- ${path.relative(process.cwd(), f) || f}`);
    return [...lines.slice(0, at), ...(own.length > 0 ? ["Require stack:", ...own] : [])].join("\n");
}

/**
 * `err`, raised by the program `when` ... (empty: no prefix), as a `ProgramError` with the program's
 * frames and the outputs the program read that the mocks (`recorder`) gave no value for. `program`: its
 * directory (program.ts's `ProgramInfo` is one; errors.ts is below program.ts and does not import it).
 */
export function toProgramError(err: unknown, program: { dir: string }, when: string, recorder: MockRecorder): ProgramError {
    let raw = err instanceof Error ? err.message : String(err);
    // Pulumi prefixes the message of an input that failed with the path of the child's property; for a value
    // a component refused, the component's own message names the argument the program gave.
    if (err instanceof BedrockValidationError) raw = raw.replace(/^(error serializing property "[^"]*": )+/, "");
    const message = trimRequireStack(raw, program.dir);
    // A missing module: the require stack names the importing files; the frames would point into
    // compiled import helpers (lines without a source mapping), so they are left out.
    const missing = (err as { code?: unknown } | undefined)?.code === "MODULE_NOT_FOUND" && message.includes("\nRequire stack:\n");
    let frames = missing ? [] : programFrames(err, program.dir);
    // A value refused inside apply: the stack is the runtime's; point at where the program created the component.
    if (frames.length === 0 && !missing) frames = creationFrames(err, recorder, program.dir);
    return new ProgramError(`${when}${when ? ": " : ""}${message}`, frames, err, describeMissingOutputs(recorder.missingOutputs()));
}
