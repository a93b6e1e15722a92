/**
 * Exact error checks, shared by every spec that expects an error: the whole message is compared (never a
 * substring or an unanchored pattern), and the error's class when the spec names one.
 *
 * - `throwsExactly(fn, message)`: `fn` throws synchronously (a refusal at construction); `isExactly(error,
 *   message)` checks an error already caught.
 * - `rejectsExactly(promise, message)`: a promise (or a function returning one) rejects.
 * - `deployErrors(program)`: the errors a program raises at deploy time, inside `apply`, which Pulumi's
 *   runtime reports as unhandled rejections; `deployFailsExactly(program, messages)` compares them whole.
 */
import { expect } from "chai";
import { settle } from "../../components/testing/testing";

type ErrorClass = abstract new (...args: never[]) => Error;

/** The message of whatever was thrown (an Error's message, else its string form). */
export function messageOf(e: unknown): string {
    return e instanceof Error ? e.message : String(e);
}

/** The error `fn` throws, or undefined when it returns. */
export function thrown(fn: () => unknown): unknown {
    try {
        fn();
    } catch (e) {
        return e;
    }
    return undefined;
}

/** Asserts that `error` (caught, or undefined when nothing was) is an `Error` (of `type` when given) whose whole message is `message`. */
export function isExactly(error: unknown, message: string, type?: ErrorClass, how = "nothing was thrown"): Error {
    expect(error, `${how}: expected an error "${message}"`).to.not.equal(undefined);
    expect(error).to.be.instanceOf(type ?? Error);
    expect(messageOf(error)).to.equal(message);
    return error as Error;
}

/** Asserts that `fn` throws an error whose whole message is `message` (and of `type` when given); returns it. */
export function throwsExactly(fn: () => unknown, message: string, type?: ErrorClass): Error {
    return isExactly(thrown(fn), message, type, "the call returned");
}

/** Asserts that `p` (a promise, or a function returning one) rejects with exactly `message`; returns the error. */
export async function rejectsExactly(p: Promise<unknown> | (() => Promise<unknown>), message: string, type?: ErrorClass): Promise<Error> {
    let error: unknown;
    let settled = false;
    try {
        await (typeof p === "function" ? p() : p);
        settled = true;
    } catch (e) {
        error = e;
    }
    return isExactly(settled ? undefined : error, message, type, "the promise resolved");
}

/** What an Output fails with (the error itself), or undefined when it resolves. */
export async function outputRejection(o: unknown): Promise<unknown> {
    return (o as { promise(): Promise<unknown> }).promise().then(
        () => undefined,
        (e: unknown) => e,
    );
}

/** The whole message an Output fails with, or "" when it resolves. */
export async function outputError(o: unknown): Promise<string> {
    const e = await outputRejection(o);
    return e === undefined ? "" : messageOf(e);
}

/** Runs `program` and what `collect` makes of each error it raised at deploy time (inside `apply`: Pulumi's runtime leaves them as unhandled rejections), at the moment it was raised. */
async function collectDeployErrors<T>(program: () => unknown, collect: (e: unknown) => T): Promise<T[]> {
    const seen: T[] = [];
    const listener = (e: unknown) => seen.push(collect(e));
    process.on("unhandledRejection", listener);
    try {
        await program();
        await settle();
        await new Promise((r) => setTimeout(r, 50));
    } finally {
        process.off("unhandledRejection", listener);
    }
    return seen;
}

/** The distinct errors `program` raised at deploy time (one error often rejects through several Outputs), in order. */
export async function deployRejections(program: () => unknown): Promise<unknown[]> {
    return [...new Set(await collectDeployErrors(program, (e) => e))];
}

/**
 * The distinct messages of the errors `program` raised at deploy time, sorted. Each is read when it is
 * raised: Pulumi's runtime prefixes an error's message in place as it passes through a property
 * ("error serializing property ..."), so one error can show two messages.
 */
export async function deployErrors(program: () => unknown): Promise<string[]> {
    return [...new Set(await collectDeployErrors(program, messageOf))].sort();
}

/** Asserts that `program` fails at deploy time with exactly `messages` (each whole, in any order). */
export async function deployFailsExactly(program: () => unknown, messages: string[]): Promise<void> {
    expect(await deployErrors(program)).to.deep.equal([...new Set(messages)].sort());
}
