/**
 * The IAM a program registers, pinned byte for byte against committed fixtures (tests/fixtures/iam-pinned/).
 *
 * The fixtures were written by this module from the package's output at commit f55bfe0 (package.json
 * version 0.1.0; the head of `main` when issue 22 began, before any change of that issue), by running
 * every program under the same mocks as the specs do now. They are the reference the access set's
 * redesign (one Output per batch, statements kept as data until layout) is checked against: the same
 * program must register the same IAM resources under the same URNs, with the same inputs to the byte
 * (policy documents, names, descriptions, roles, attachments).
 *
 * A deliberate change of the IAM is a change of these files: rewrite them with `IAM_PIN_WRITE=1 npx mocha
 * tests/iam-pin.spec.ts tests/integration/iam-pin.spec.ts`, and say why in the commit.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { expect } from "chai";
import * as iam from "@pulumi/aws/iam";
import { setBedrockMocks, settle, type MockRecorder } from "../../components/testing/testing";
import * as bedrock from "../../sdk/nodejs";
import { settleAll } from "../../bench/figures";
import { benchProgram } from "../../bench/scenario";

const DIR = path.resolve(__dirname, "..", "fixtures", "iam-pinned");

/** True when the specs write the fixtures instead of comparing with them. */
export const WRITING = process.env.IAM_PIN_WRITE === "1";

/** Every IAM resource the program registered (aws and aws-native), keyed by `<type> <URN>`, its inputs as JSON text, sorted by key. */
export function iamResources(rec: MockRecorder): Record<string, string> {
    const out: Record<string, string> = {};
    for (const r of rec.resources) {
        if (!r.type.startsWith("aws:iam/") && !r.type.startsWith("aws-native:iam:")) continue;
        const key = `${r.type} ${r.urn ?? r.name}`;
        if (key in out) throw new Error(`two IAM resources ${key}`);
        out[key] = JSON.stringify(r.inputs);
    }
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A file name for a program's fixture. */
export function fixtureName(name: string): string {
    return name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "")
        .slice(0, 100);
}

function sha256(text: string): string {
    return crypto.createHash("sha256").update(text).digest("hex");
}

/**
 * Compares what `rec` registered with fixture `name` (or writes it under `IAM_PIN_WRITE=1`). `hashed`:
 * the fixture holds each resource's inputs as a SHA-256 of their JSON text (for programs whose documents
 * run to hundreds of kilobytes), still a byte-for-byte check.
 */
export function expectPinned(name: string, rec: MockRecorder, hashed = false): void {
    const actual = iamResources(rec);
    const stored: Record<string, string> = hashed ? Object.fromEntries(Object.entries(actual).map(([k, v]) => [k, `sha256:${sha256(v)}`])) : actual;
    const file = path.join(DIR, `${fixtureName(name)}.json`);
    if (WRITING) {
        fs.mkdirSync(DIR, { recursive: true });
        fs.writeFileSync(file, JSON.stringify(stored, null, 1) + "\n");
        return;
    }
    if (!fs.existsSync(file)) throw new Error(`no fixture ${path.relative(process.cwd(), file)}: write it with IAM_PIN_WRITE=1`);
    const expected = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
    expect(Object.keys(stored), `the IAM resources of ${name}`).to.deep.equal(Object.keys(expected));
    for (const [key, value] of Object.entries(expected)) {
        // One resource at a time, so a failure names the resource and shows its two documents.
        expect(stored[key], `${key} (${name})`).to.equal(value);
    }
    expect(Object.keys(actual).length, `${name} registers IAM`).to.be.greaterThan(0);
}

/** Runs the benchmark program (bench/scenario.ts) with `n` profiles under the benchmark's mocks, and checks its IAM against fixture `bench-<n>`. */
export async function pinBench(n: number, hashed = false): Promise<void> {
    const models = JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "..", "bench", "models.json"), "utf8")) as string[];
    const rec = setBedrockMocks({ region: "us-east-1", accountId: "123456789012", config: { "aws-native:region": "us-east-1" } });
    benchProgram(bedrock, iam, n, models);
    await settleAll({ settle }, rec);
    expectPinned(`bench ${n}`, rec, hashed);
}
