/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS script run by node */
// Preloaded into the package program (`node -r ./bench/breakdown-hook.js bench/results/program.js 100`, with
// BENCH_PKG=bin): wraps exported functions of the compiled package (bin/) with CPU-time counters, and the
// access set's layout (the setImmediate callback `flushRoleAccess`), then prints, at exit, the CPU time
// spent inside each (inclusive, counted once when a function re-enters itself) and its call count.
// The package calls its own modules' exports through the exports object (`(0, policy_1.mergeStatements)(...)`
// in tsc's CommonJS output), so calls between modules go through the wrappers; calls within a module do not.
"use strict";
const path = require("path");
const ROOT = process.env.BENCH_ROOT || path.resolve(__dirname, "..");
const WRAP = {
    "components/iam/policy": ["mergeStatements", "layoutPolicies", "policySize", "policyJson", "sortStatements", "parseStatements"],
    "components/iam/access-set": ["addToRoleAccess", "boundedName"],
    "components/iam/grants": ["grantInvokeTo", "grantUsageTo", "grantStatements", "allGrants", "granteeWhere"],
    "components/iam/roles": ["resolveRole"],
    "components/iam/access": ["invokeStatements", "usageStatements"],
    "components/core/symbols": ["resolveSymbols", "maxLength", "symbolic"],
    "components/core/context": ["callerContext"],
    "components/core/validation": ["checkString", "normalizeTags", "fail"],
};
const stats = new Map();
const cpu = () => {
    const u = process.cpuUsage();
    return u.user + u.system;
};
function timed(label, fn) {
    const st = { us: 0, calls: 0, depth: 0 };
    stats.set(label, st);
    return function (...args) {
        st.calls++;
        if (st.depth++ > 0) {
            try {
                return fn.apply(this, args);
            } finally {
                st.depth--;
            }
        }
        const t0 = cpu();
        try {
            return fn.apply(this, args);
        } finally {
            st.us += cpu() - t0;
            st.depth--;
        }
    };
}
for (const [mod, names] of Object.entries(WRAP)) {
    const m = require(path.join(ROOT, "bin", mod));
    for (const name of names) if (typeof m[name] === "function") m[name] = timed(`${mod.split("/").pop()}.${name}`, m[name]);
}
// Methods the grants call on the granted profile.
const profiles = require(path.join(ROOT, "bin", "components/profiles/application-profile"));
for (const name of ["accessTarget", "grantName"]) {
    const proto = profiles.ApplicationInferenceProfile.prototype;
    proto[name] = timed(`ApplicationInferenceProfile.prototype.${name}`, proto[name]);
}
// Component constructors (inclusive: their registrations in the Pulumi SDK included).
for (const [mod, name] of [
    ["components/profiles/application-profile", "ApplicationInferenceProfile"],
    ["components/agents/agent", "Agent"],
    ["components/prompts/prompt", "Prompt"],
]) {
    const m = require(path.join(ROOT, "bin", mod));
    const make = timed(`new ${name} (inclusive of its registrations)`, (target, args, newTarget) => Reflect.construct(target, args, newTarget));
    m[name] = new Proxy(m[name], { construct: (target, args, newTarget) => make(target, args, newTarget) });
}
// The stack transformation the role registry registers (it throws under mocks without a root stack).
const stack = require("@pulumi/pulumi/runtime/stack");
stack.registerStackTransformation = timed("@pulumi/pulumi runtime.registerStackTransformation (from roles.observeRoles)", stack.registerStackTransformation);
const realSetImmediate = global.setImmediate;
global.setImmediate = function (fn, ...args) {
    if (typeof fn === "function" && fn.name === "flushRoleAccess") fn = timed("access-set.flushRoleAccess (the layout, at the next macrotask)", fn);
    return realSetImmediate.call(this, fn, ...args);
};
process.on("exit", () => {
    const total = cpu();
    const rows = [...stats].filter(([, s]) => s.calls > 0).sort((a, b) => b[1].us - a[1].us);
    process.stderr.write(`CPU time inside the package's exported functions (process total ${(total / 1000).toFixed(0)} ms):\n`);
    for (const [label, s] of rows) process.stderr.write(`${(s.us / 1000).toFixed(1).padStart(8)} ms ${String(s.calls).padStart(7)} calls  ${label}\n`);
});
