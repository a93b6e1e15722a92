/**
 * A short, stable hash of JSON-like content: the same content (whatever the order of its object keys)
 * always hashes the same. Prompt and guardrail versions and agent configurations are keyed by it.
 */
import * as crypto from "crypto";

/** JSON with object keys sorted, so equal content always hashes the same. */
function stableJson(v: unknown): string {
    if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
    if (v && typeof v === "object") {
        const o = v as Record<string, unknown>;
        return `{${Object.keys(o)
            .filter((k) => o[k] !== undefined)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
            .join(",")}}`;
    }
    return JSON.stringify(v);
}

/** SHA-256 (first 16 hex digits) of a content (a prompt, a guardrail, an agent configuration) as rendered. */
export function contentHash(content: unknown): string {
    return crypto.createHash("sha256").update(stableJson(content)).digest("hex").slice(0, 16);
}
