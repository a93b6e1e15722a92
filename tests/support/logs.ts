/** Capture of what a program logs through `pulumi.log` (warnings and infos), for the specs that check it. */
import * as pulumi from "@pulumi/pulumi";

/** What was logged while capturing: messages, and the resource each warning was logged on. */
export interface LogCapture {
    warn: string[];
    info: string[];
    /** `[message, resource]` of each warning, in order. */
    warnings: [string, unknown][];
    /** Puts `pulumi.log.warn` and `info` back. */
    restore(): void;
}

type Log = { warn: unknown; info: unknown };

/** Starts capturing `pulumi.log.warn` and `info` (until `restore()`). */
export function captureLogs(): LogCapture {
    const log = pulumi.log as unknown as Log;
    const original = { warn: log.warn, info: log.info };
    const capture: LogCapture = {
        warn: [],
        info: [],
        warnings: [],
        restore() {
            log.warn = original.warn;
            log.info = original.info;
        },
    };
    log.warn = async (m: string, resource?: unknown) => {
        capture.warn.push(m);
        capture.warnings.push([m, resource]);
    };
    log.info = async (m: string) => void capture.info.push(m);
    return capture;
}

/** Captures `pulumi.log.warn` and `info` messages while `fn` runs. */
export async function capturingLogs(fn: () => Promise<void>): Promise<{ warn: string[]; info: string[] }> {
    const capture = captureLogs();
    try {
        await fn();
    } finally {
        capture.restore();
    }
    return { warn: capture.warn, info: capture.info };
}
