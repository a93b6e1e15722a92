/**
 * The figures every Pulumi side of the benchmark reports (package, raw, raw-wrapped), one JSON line on
 * stdout: times, memory, what the mocks recorded, and the role's policies.
 */
import type { AttachedPolicy, MockRecorder } from "../components/testing/testing";

/**
 * Waits past the next macrotask (where the package lays out each role's policies), then until every
 * registration, those made inside applies included, is recorded.
 */
export async function settleAll(testing: { settle(): Promise<void> }, rec: MockRecorder): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    await testing.settle();
    let count = -1;
    while (count !== rec.resources.length) {
        count = rec.resources.length;
        await testing.settle();
    }
}

/** Writes the figures of one run. `started`, `loaded` and `evaluated` are `process.hrtime.bigint()` marks. */
export function reportFigures(
    side: Record<string, unknown>,
    rec: MockRecorder,
    policies: AttachedPolicy[],
    marks: { started: bigint; loaded: bigint; evaluated: bigint },
): void {
    const byType: Record<string, number> = {};
    for (const r of rec.customResources) byType[r.type] = (byType[r.type] ?? 0) + 1;
    const usage = process.resourceUsage();
    const sizes = (kind: AttachedPolicy["kind"]) => policies.filter((p) => p.kind === kind).map((p) => p.json.length);
    const figures = {
        ...side,
        loadMs: Number(marks.loaded - marks.started) / 1e6,
        evaluateMs: Number(marks.evaluated - marks.loaded) / 1e6,
        uptimeMs: process.uptime() * 1000,
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
        maxRssMb: usage.maxRSS / 1024,
        resources: rec.resources.length,
        customResources: rec.customResources.length,
        byType,
        role: {
            policies: policies.length,
            inline: sizes("inline").length,
            managed: sizes("managed").length,
            statements: policies.reduce((k, p) => k + p.statements.length, 0),
            characters: policies.reduce((k, p) => k + p.json.length, 0),
            largestInline: Math.max(0, ...sizes("inline")),
            largestManaged: Math.max(0, ...sizes("managed")),
        },
    };
    process.stdout.write(JSON.stringify(figures) + "\n");
}
