#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS script run by node */
// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function and by file group, and inclusive
// time of this package's functions (time with the function on the stack, counted once per sample).
// Usage: node bench/profile-summary.js /tmp/prof/CPU....cpuprofile [--top 25] [--match /bin/components/] [--no-load]
"use strict";
const fs = require("fs");

const argv = process.argv.slice(2);
const file = argv[0];
const opt = (name, dflt) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : dflt;
};
const TOP = Number(opt("top", "25"));
const MATCH = opt("match", "/bin/components/");
const prof = JSON.parse(fs.readFileSync(file, "utf8"));
const nodes = new Map(prof.nodes.map((nd) => [nd.id, nd]));
const parent = new Map();
for (const nd of prof.nodes) for (const c of nd.children ?? []) parent.set(c, nd.id);
// --no-load: leave out samples taken while a module loads (require), to look at evaluation alone.
if (argv.includes("--no-load")) {
    const loading = (id) => {
        for (let cur = id; cur !== undefined; cur = parent.get(cur)) if (/^Module\.require$/.test(nodes.get(cur).callFrame.functionName)) return true;
        return false;
    };
    const keep = prof.samples.map((id) => !loading(id));
    prof.samples = prof.samples.filter((_, i) => keep[i]);
    prof.timeDeltas = prof.timeDeltas.filter((_, i) => keep[i]);
}

// Sample weights: timeDeltas[i] is the time before sample i.
const selfUs = new Map();
const stackUs = new Map();
let total = 0;
prof.samples.forEach((id, i) => {
    const dt = prof.timeDeltas[i] ?? 0;
    total += dt;
    selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
});
const label = (nd) => {
    const f = nd.callFrame;
    const url = f.url
        .replace(/^file:\/\//, "")
        .replace(/.*node_modules\//, "")
        .replace(/.*\/bin\//, "bin/");
    return `${f.functionName || "(anonymous)"} ${url}:${f.lineNumber + 1}`;
};
const group = (nd) => {
    const u = nd.callFrame.url;
    if (u.includes("/bin/")) return "package (bin/)";
    if (u.includes("@pulumi/pulumi")) return "@pulumi/pulumi";
    if (u.includes("@pulumi/aws-native")) return "@pulumi/aws-native";
    if (u.includes("@pulumi/aws")) return "@pulumi/aws";
    if (u.includes("node_modules")) return "other node_modules";
    if (u.startsWith("node:") || u === "") return `node/V8 ${u === "" ? nd.callFrame.functionName : "internals"}`;
    return u;
};
const byFn = new Map();
const byGroup = new Map();
for (const [id, us] of selfUs) {
    const nd = nodes.get(id);
    const l = label(nd);
    byFn.set(l, (byFn.get(l) ?? 0) + us);
    const g = group(nd);
    byGroup.set(g, (byGroup.get(g) ?? 0) + us);
}
// Inclusive time of matching functions: walk each sample's stack once.
prof.samples.forEach((id, i) => {
    const dt = prof.timeDeltas[i] ?? 0;
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
        const nd = nodes.get(cur);
        if (!nd.callFrame.url.includes(MATCH)) continue;
        const l = label(nd);
        if (seen.has(l)) continue;
        seen.add(l);
        stackUs.set(l, (stackUs.get(l) ?? 0) + dt);
    }
});
const ms = (us) => `${(us / 1000).toFixed(0).padStart(6)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%`;
const print = (title, m, k = TOP) => {
    console.log(`\n${title}`);
    for (const [l, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, k)) console.log(`${ms(us)}  ${l}`);
};
// Attributed time: each sample charged to the innermost frame outside Node's internals (module loading,
// stack capture, JSON, protobuf... charged to the JavaScript function that called them); GC and idle apart.
const attributed = new Map();
const attributedGroup = new Map();
prof.samples.forEach((id, i) => {
    const dt = prof.timeDeltas[i] ?? 0;
    let cur = id;
    while (cur !== undefined) {
        const u = nodes.get(cur).callFrame.url;
        if (u !== "" && !u.startsWith("node:")) break;
        cur = parent.get(cur);
    }
    const nd = nodes.get(cur ?? id);
    const l = cur === undefined ? `${nd.callFrame.functionName || "(root)"} (no JavaScript caller)` : label(nd);
    attributed.set(l, (attributed.get(l) ?? 0) + dt);
    const g = cur === undefined ? l : group(nd);
    attributedGroup.set(g, (attributedGroup.get(g) ?? 0) + dt);
});
console.log(`profile: ${(total / 1000).toFixed(0)} ms sampled`);
print("self time by group", byGroup, 12);
print("self time by function", byFn);
print("attributed time by group (node internals charged to their JavaScript caller)", attributedGroup, 12);
print("attributed time by function", attributed);
print(`inclusive time of functions in ${MATCH}`, stackUs);
