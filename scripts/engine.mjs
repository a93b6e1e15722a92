// `npm run engine -- <pulumi arguments>`: the Pulumi CLI, built here from its Go module, on a program,
// with a throwaway file backend and stack and no AWS account. For instance:
//     npm run engine -- preview examples/quickstart
//     npm run engine -- preview ./my-program --json
//     npm run engine -- --real-aws-native preview examples/quickstart   (the real aws-native plugin v1.11.0, see ensureRealAwsNative)
//
// What is built, once per version, into ~/.cache/pulumi-bedrock-genai-engine/<versions>/ (outside the
// repository; PULUMI_BEDROCK_GENAI_ENGINE_CACHE moves it), from the Go module proxy only — nothing here
// downloads a binary:
//   - `pulumi`: the CLI of the @pulumi/pulumi release in package-lock.json, as Pulumi's Makefile builds it
//     (`go build ... -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v<version>"
//     ./cmd/pulumi`, https://github.com/pulumi/pulumi/blob/master/Makefile). pkg/go.mod has `replace`
//     directives, so `go install pkg/v3/cmd/pulumi@v…` refuses; a throwaway wrapper module that requires
//     pkg/v3 and sdk/v3 builds it (a dependency's replaces are ignored: https://go.dev/ref/mod#go-mod-file-replace).
//   - `pulumi-language-nodejs`: Pulumi's real host is the untagged module
//     github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3, fetched by commit pseudo-version.
//     The build asks the proxy for it at the release's commit first; the proxy this project reaches refuses
//     every version of it, so tests/engine/hosts/nodejs (a stand-in that starts the SDK's own cmd/run,
//     cmd/run-plugin and cmd/run-policy-pack, see its header) is built in its place, and every run says so.
//     Pulumi's own host of sdk/v3 v3.68.0 (the newest release that held it as a package; its own module
//     since v3.69.0) is built on demand by ensureOldNodejsHost(): it runs programs with this CLI but has no
//     RunPlugin, so it can start neither a policy pack nor a component provider.
//   - providers: `aws` and `aws-native` are preview-only stand-ins (tests/engine/stand-in-provider.ts,
//     see its header for why: the proxy refuses every pulumi-aws-native/provider
//     version after v1.11.0 (2024), e.g. `go list -m github.com/pulumi/pulumi-aws-native/provider@v1.11.1-0.20260803134637-7dbe9edbfd93`
//     (the commit of v1.74.1): "403 Forbidden ... This module version is not available"), put on PATH, which the engine searches before its plugin cache
//     (sdk/go/common/workspace/plugins.go, GetPluginPath: "A plugin may be overridden entirely by placing
//     it on your $PATH"); it prints "using pulumi-resource-… from $PATH" for each.
//
// The run: PULUMI_HOME and the file backend (PULUMI_BACKEND_URL=file://…) in a temporary folder removed
// afterwards, the stack `engine` created there (passphrase secrets), the stack's configuration in a
// temporary file (--config-file), PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true so that a missing
// plugin fails at once instead of being downloaded, and PULUMI_SKIP_UPDATE_CHECK=true
// (https://www.pulumi.com/docs/iac/cli/environment-variables/).
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as net from "node:net";
import { gzipSync } from "node:zlib";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The versions package-lock.json installs. */
export function lockedVersions() {
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
    const v = (name) => {
        const entry = lock.packages?.[`node_modules/${name}`];
        if (!entry?.version) throw new EngineError(`package-lock.json has no ${name}: run npm install first`);
        return entry.version;
    };
    return { pulumi: v("@pulumi/pulumi"), awsNative: v("@pulumi/aws-native"), aws: v("@pulumi/aws") };
}

export class EngineError extends Error {}

const STAND_IN_HOST = path.join(ROOT, "tests", "engine", "hosts", "nodejs", "main.go");
const STAND_IN_PROVIDER = path.join(ROOT, "tests", "engine", "stand-in-provider.ts");

/** The real language host's module; asked for at the CLI release's commit before the stand-in is built. */
const NODEJS_HOST_MODULE = "github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3";

function cacheRoot() {
    return (
        process.env.PULUMI_BEDROCK_GENAI_ENGINE_CACHE ??
        path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "pulumi-bedrock-genai-engine")
    );
}

function log(message) {
    process.stderr.write(`engine: ${message}\n`);
}

function run(command, args, options = {}) {
    const r = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...options });
    if (r.error) throw new EngineError(`could not run ${command}: ${r.error.message}`);
    return r;
}

function goEnv() {
    const r = spawnSync("go", ["version"], { encoding: "utf8" });
    if (r.error || r.status !== 0) {
        throw new EngineError(
            "Go is missing: the engine checks build the Pulumi CLI from its Go module. Install Go 1.25 or later " +
                "(Debian: apt-get install golang-go, if its version is recent enough; or the go toolchain of your platform), then run again.",
        );
    }
    return r.stdout.trim();
}

/** Runs a go command in the wrapper module, failing with its output. */
function go(dir, args, what) {
    log(`${what}: go ${args.join(" ")}`);
    const r = run("go", args, { cwd: dir, env: { ...process.env, GOFLAGS: "-mod=mod", CGO_ENABLED: "0" } });
    if (r.status !== 0) {
        throw new EngineError(`${what} failed (go ${args.join(" ")}, exit code ${r.status}):\n${(r.stderr || r.stdout).trim()}`);
    }
    return r;
}

/**
 * The commits of Pulumi releases, from the pulumi/pulumi tags `pkg/v<version>` (the proxy's .info for
 * pkg/v3@v3.248.0 gives the same time, 2026-06-24T18:00:30Z, and no commit). The language-host modules
 * have no tags: their versions are pseudo-versions of these commits (https://go.dev/ref/mod#pseudo-versions).
 */
const RELEASE_PSEUDO_VERSIONS = {
    "3.248.0": "v3.0.0-20260624180030-dc7edd58bc13",
};

/** Asks the proxy for the real Node.js host at the CLI release's commit; returns why not, or undefined. */
function tryRealNodejsHost(dir, version) {
    const pseudo = RELEASE_PSEUDO_VERSIONS[version];
    if (!pseudo) return `no commit is recorded for Pulumi v${version} in scripts/engine.mjs (RELEASE_PSEUDO_VERSIONS)`;
    const r = run("go", ["list", "-m", `${NODEJS_HOST_MODULE}@${pseudo}`], { cwd: dir });
    if (r.status === 0) return undefined;
    const answer = (r.stderr || "").trim().split("\n");
    return `go list -m ${NODEJS_HOST_MODULE}@${pseudo}: ${answer.join(" ").replace(/\s+/g, " ")}`;
}

/**
 * Builds (once) the CLI and the stand-in language host; returns their folder and what was built.
 * The cache key holds the versions and a hash of the stand-in's source.
 */
export function ensureToolchain() {
    const versions = lockedVersions();
    const hostSource = fs.readFileSync(STAND_IN_HOST, "utf8");
    const hostHash = createHash("sha256").update(hostSource).digest("hex").slice(0, 12);
    const dir = path.join(cacheRoot(), `pulumi-v${versions.pulumi}`);
    const bin = path.join(dir, "bin");
    const manifestFile = path.join(dir, "built.json");
    let manifest = fs.existsSync(manifestFile) ? JSON.parse(fs.readFileSync(manifestFile, "utf8")) : {};
    const pulumiBin = path.join(bin, "pulumi");
    const hostBin = path.join(bin, "pulumi-language-nodejs");
    if (fs.existsSync(pulumiBin) && fs.existsSync(hostBin) && manifest.hostHash === hostHash) {
        return { bin, versions, manifest };
    }
    const goVersion = goEnv();
    const wrapper = path.join(dir, "wrapper");
    fs.mkdirSync(wrapper, { recursive: true });
    fs.mkdirSync(bin, { recursive: true });
    const started = Date.now();
    if (!fs.existsSync(path.join(wrapper, "go.mod"))) {
        fs.writeFileSync(path.join(wrapper, "go.mod"), "module pulumi-bedrock-genai-engine\n\ngo 1.25\n");
    }
    if (!fs.existsSync(pulumiBin)) {
        log(`building the Pulumi CLI v${versions.pulumi} from the Go module proxy with ${goVersion} (a cold build takes many minutes)`);
        go(
            wrapper,
            ["get", `github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v${versions.pulumi}`, `github.com/pulumi/pulumi/sdk/v3@v${versions.pulumi}`],
            "fetching the CLI's modules",
        );
        go(
            wrapper,
            [
                "build",
                "-o",
                pulumiBin,
                "-ldflags",
                `-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${versions.pulumi}`,
                "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi",
            ],
            "building the Pulumi CLI",
        );
        manifest.cliSeconds = Math.round((Date.now() - started) / 1000);
    }
    const hostStarted = Date.now();
    const refused = tryRealNodejsHost(wrapper, versions.pulumi);
    if (refused === undefined) {
        const pseudo = RELEASE_PSEUDO_VERSIONS[versions.pulumi];
        go(wrapper, ["get", `${NODEJS_HOST_MODULE}@${pseudo}`], "fetching the Node.js language host");
        go(
            wrapper,
            ["build", "-o", hostBin, "-ldflags", `-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${versions.pulumi}`, NODEJS_HOST_MODULE],
            "building the Node.js language host",
        );
        manifest.nodejsHost = `real: ${NODEJS_HOST_MODULE}@${pseudo}`;
    } else {
        log(`the real Node.js language host is not to be had (${refused}); building the stand-in tests/engine/hosts/nodejs`);
        const hostDir = path.join(wrapper, "hosts", "nodejs");
        fs.mkdirSync(hostDir, { recursive: true });
        fs.writeFileSync(path.join(hostDir, "main.go"), hostSource);
        go(
            wrapper,
            ["build", "-o", hostBin, "-ldflags", `-X main.version=${versions.pulumi}`, "./hosts/nodejs"],
            "building the Node.js language host stand-in",
        );
        manifest.nodejsHost = `stand-in (tests/engine/hosts/nodejs): ${refused}`;
    }
    manifest = { ...manifest, hostHash, hostSeconds: Math.round((Date.now() - hostStarted) / 1000), go: goVersion, versions };
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    return { bin, versions, manifest };
}

/**
 * Pulumi's own Node.js language host from the newest `sdk/v3` release that still held it as a package
 * (v3.68.0; from v3.69.0 on it is its own module, which the proxy refuses): built in its own wrapper module
 * (its sdk/v3 would conflict with the CLI's). The engine checks run it beside the stand-in: it runs
 * programs (Run) but has no RunPlugin ("not supported"), so no policy pack and no component provider.
 * Returns the folder holding it.
 */
export const OLD_NODEJS_HOST_SDK = "v3.68.0";
export function ensureOldNodejsHost() {
    const dir = path.join(cacheRoot(), `pulumi-language-nodejs-sdk-${OLD_NODEJS_HOST_SDK}`);
    const bin = path.join(dir, "bin");
    const host = path.join(bin, "pulumi-language-nodejs");
    if (fs.existsSync(host)) return bin;
    goEnv();
    const wrapper = path.join(dir, "wrapper");
    fs.mkdirSync(wrapper, { recursive: true });
    if (!fs.existsSync(path.join(wrapper, "go.mod")))
        fs.writeFileSync(path.join(wrapper, "go.mod"), "module pulumi-bedrock-genai-engine-old-host\n\ngo 1.25\n");
    const pkg = "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs";
    go(wrapper, ["get", `${pkg}@${OLD_NODEJS_HOST_SDK}`], `fetching Pulumi's Node.js language host of sdk/v3 ${OLD_NODEJS_HOST_SDK}`);
    go(wrapper, ["build", "-o", host, "-ldflags", `-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=${OLD_NODEJS_HOST_SDK}`, pkg], "building it");
    return bin;
}

/**
 * Opt-in (`npm run engine -- --real-aws-native ...`): the real aws-native plugin, at the newest version the
 * module proxy serves, v1.11.0 (2024; every later pseudo-version is refused). Built as its Makefile does:
 * the module copied out of the module cache, its committed schema.json and metadata.json gzipped (the
 * .gz files its main.go embeds are git-ignored, so missing from the module zip), then `go build` with the
 * version ldflag. Its schema lacks newer types (bedrockagentcore:Harness, bedrock:IntelligentPromptRouter).
 */
export const REAL_AWS_NATIVE = "v1.11.0";
export function ensureRealAwsNative() {
    const dir = path.join(cacheRoot(), `pulumi-resource-aws-native-${REAL_AWS_NATIVE}`);
    const bin = path.join(dir, "bin");
    const plugin = path.join(bin, "pulumi-resource-aws-native");
    if (fs.existsSync(plugin)) return bin;
    goEnv();
    fs.mkdirSync(dir, { recursive: true });
    const mod = `github.com/pulumi/pulumi-aws-native/provider@${REAL_AWS_NATIVE}`;
    const dl = go(dir, ["mod", "download", "-json", mod], "fetching the aws-native provider module");
    const src = path.join(dir, "src");
    fs.rmSync(src, { recursive: true, force: true });
    fs.cpSync(JSON.parse(dl.stdout).Dir, src, { recursive: true });
    run("chmod", ["-R", "u+w", src]);
    const cmd = path.join(src, "cmd", "pulumi-resource-aws-native");
    for (const f of ["schema.json", "metadata.json"]) fs.writeFileSync(path.join(cmd, `${f}.gz`), gzipSync(fs.readFileSync(path.join(cmd, f))));
    go(
        src,
        [
            "build",
            "-o",
            plugin,
            "-ldflags",
            `-X github.com/pulumi/pulumi-aws-native/provider/pkg/version.Version=${REAL_AWS_NATIVE.slice(1)}`,
            "./cmd/pulumi-resource-aws-native",
        ],
        "building the aws-native plugin",
    );
    return bin;
}

/** moto's server (PyPI `moto[server]`) in a virtual environment of the cache: the STS that answers getAccountId. */
const MOTO = "5.2.5";
function ensureMoto() {
    const venv = path.join(cacheRoot(), `moto-${MOTO}`);
    const server = path.join(venv, "bin", "moto_server");
    if (fs.existsSync(server)) return server;
    log(`installing moto[server]==${MOTO} from PyPI into ${venv}`);
    let r = run("python3", ["-m", "venv", venv]);
    if (r.status !== 0) throw new EngineError(`python3 -m venv failed (Python 3 with venv is needed for --real-aws-native):\n${r.stderr}`);
    r = run(path.join(venv, "bin", "pip"), ["install", "-q", `moto[server]==${MOTO}`]);
    if (r.status !== 0) throw new EngineError(`pip install moto[server]==${MOTO} failed:\n${r.stderr}`);
    return server;
}

/** Starts moto's server on a free loopback port; resolves with its URL and a stop function. */
async function startMoto() {
    const server = ensureMoto();
    const port = await new Promise((resolve) => {
        const srv = net.createServer().listen(0, "127.0.0.1", () => {
            const p = srv.address().port;
            srv.close(() => resolve(p));
        });
    });
    const child = spawn(server, ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
        const ok = await new Promise((resolve) => {
            const socket = net.connect(port, "127.0.0.1", () => {
                socket.end();
                resolve(true);
            });
            socket.on("error", () => resolve(false));
        });
        if (ok) {
            const stop = () => {
                if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
            };
            process.on("exit", stop);
            return { url, stop };
        }
        await new Promise((r) => setTimeout(r, 200));
    }
    child.kill();
    throw new EngineError(`moto's server did not start on ${url}`);
}

const STACK = "bedrock-genai-engine";

/** Writes the stand-in provider plugins (shell scripts starting tests/engine/stand-in-provider.ts) into dir. */
function writeStandInProviders(dir) {
    fs.mkdirSync(dir, { recursive: true });
    const tsNode = path.join(ROOT, "node_modules", "ts-node", "register");
    for (const pkg of ["aws", "aws-native"]) {
        const file = path.join(dir, `pulumi-resource-${pkg}`);
        fs.writeFileSync(
            file,
            [
                "#!/bin/sh",
                `# A preview-only stand-in for the ${pkg} plugin, written by scripts/engine.mjs: see tests/engine/stand-in-provider.ts.`,
                `TS_NODE_PROJECT=${JSON.stringify(path.join(ROOT, "tsconfig.json"))} TS_NODE_TRANSPILE_ONLY=true exec node -r ${JSON.stringify(tsNode)} ${JSON.stringify(STAND_IN_PROVIDER)} ${pkg} "$@"`,
                "",
            ].join("\n"),
            { mode: 0o755 },
        );
    }
}

/**
 * A throwaway engine session for one program: a temporary PULUMI_HOME, file backend and stack, the
 * stand-in providers on PATH. `pulumi(args)` runs the CLI in the program's folder; `dispose()` removes
 * everything (the stack's configuration file never stays in the program's folder).
 */
export function engineSession(programDir, { config = {}, env = {}, account = "123456789012", region = "us-east-1", pathBefore = [] } = {}) {
    const toolchain = ensureToolchain();
    const dir = path.resolve(programDir);
    if (!fs.existsSync(path.join(dir, "Pulumi.yaml"))) throw new EngineError(`${programDir}: no Pulumi.yaml in this folder`);
    const stackFile = path.join(dir, `Pulumi.${STACK}.yaml`);
    if (fs.existsSync(stackFile)) throw new EngineError(`${stackFile} exists: remove it (a leftover of an interrupted engine run)`);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bedrock-genai-engine-"));
    const plugins = path.join(tmp, "plugins");
    writeStandInProviders(plugins);
    fs.mkdirSync(path.join(tmp, "state"));
    const configFile = path.join(tmp, `Pulumi.${STACK}.yaml`);
    const environment = {
        ...process.env,
        PULUMI_HOME: path.join(tmp, "home"),
        PULUMI_BACKEND_URL: `file://${path.join(tmp, "state")}`,
        PULUMI_CONFIG_PASSPHRASE: "engine-checks",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        ENGINE_STAND_IN_ACCOUNT: account,
        ENGINE_STAND_IN_REGION: region,
        ENGINE_STAND_IN_PARTITION: region.startsWith("us-gov-") ? "aws-us-gov" : "aws",
        PATH: [...pathBefore, toolchain.bin, plugins, process.env.PATH].join(path.delimiter),
        ...env,
    };
    const pulumiBin = path.join(toolchain.bin, "pulumi");

    function pulumiSync(args) {
        const r = spawnSync(pulumiBin, args, { cwd: dir, env: environment, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
        if (r.error) throw new EngineError(`could not run pulumi: ${r.error.message}`);
        return r;
    }

    // The stack: created in the file backend; its configuration file (with the passphrase's salt) moved
    // out of the program's folder at once and named with --config-file from then on.
    const init = pulumiSync(["stack", "init", STACK, "--non-interactive"]);
    if (init.status !== 0) {
        fs.rmSync(stackFile, { force: true });
        fs.rmSync(tmp, { recursive: true, force: true });
        throw new EngineError(`pulumi stack init failed:\n${init.stderr || init.stdout}`);
    }
    if (fs.existsSync(stackFile)) fs.renameSync(stackFile, configFile);
    const settings = { "aws-native:region": region, "aws:region": region, ...config };
    for (const [key, value] of Object.entries(settings)) {
        const set = pulumiSync(["config", "set", "--config-file", configFile, "--stack", STACK, key, String(value)]);
        if (set.status !== 0) throw new EngineError(`pulumi config set ${key} failed:\n${set.stderr || set.stdout}`);
    }

    return {
        dir,
        tmp,
        toolchain,
        configFile,
        /** Runs `pulumi <args> --stack <throwaway> --config-file <throwaway>`; resolves with its output. */
        pulumi(args, { stdio = "pipe", timeoutSeconds = 600, stackFlags = true } = {}) {
            // Commands outside a stack (`package add`, `plugin ls`) take neither --stack nor --config-file.
            const full = stackFlags ? [...args, "--stack", STACK, "--config-file", configFile] : [...args];
            return new Promise((resolve, reject) => {
                const child = spawn(pulumiBin, full, { cwd: dir, env: environment, stdio: stdio === "inherit" ? "inherit" : "pipe" });
                let stdout = "";
                let stderr = "";
                child.stdout?.on("data", (c) => (stdout += c));
                child.stderr?.on("data", (c) => (stderr += c));
                const timer = setTimeout(() => {
                    child.kill("SIGTERM");
                    reject(new EngineError(`pulumi ${args.join(" ")} did not finish within ${timeoutSeconds} s (in ${dir})\n${stdout}\n${stderr}`));
                }, timeoutSeconds * 1000);
                child.on("error", (e) => reject(new EngineError(`could not run pulumi: ${e.message}`)));
                child.on("close", (code) => {
                    clearTimeout(timer);
                    resolve({ code: code ?? 1, stdout, stderr });
                });
            });
        },
        dispose() {
            fs.rmSync(stackFile, { force: true });
            fs.rmSync(tmp, { recursive: true, force: true });
        },
    };
}

/** The command line: `node scripts/engine.mjs <pulumi command> [program folder] [pulumi flags]`. */
async function main(argv) {
    if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h") {
        console.log(
            "usage: npm run engine -- [--real-aws-native] <pulumi command> [program folder] [pulumi flags]   e.g. npm run engine -- preview examples/quickstart --json",
        );
        return 0;
    }
    // npm runs scripts from the repository's root; a relative folder is the caller's (INIT_CWD).
    const callerCwd = process.env.INIT_CWD ?? process.cwd();
    let programDir = callerCwd;
    const args = [];
    const realAwsNative = argv.includes("--real-aws-native");
    argv = argv.filter((a) => a !== "--real-aws-native");
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === "--cwd" || a === "-C") {
            programDir = path.resolve(callerCwd, argv[++i]);
        } else if (
            i > 0 &&
            !a.startsWith("-") &&
            fs.existsSync(path.join(path.resolve(callerCwd, a), "Pulumi.yaml")) &&
            !argv[i - 1].match(/^--?(policy-pack|policy-pack-config|config-file|target|c|config)$/)
        ) {
            programDir = path.resolve(callerCwd, a);
        } else {
            args.push(a);
        }
    }
    // A program inside this repository (an example) names the package by relative path and has no
    // node_modules: resolve it to this checkout's build, as tests/engine/resolve-checkout.cjs says.
    const env = {};
    if (path.relative(ROOT, programDir) && !path.relative(ROOT, programDir).startsWith("..") && !fs.existsSync(path.join(programDir, "node_modules"))) {
        if (!fs.existsSync(path.join(ROOT, "bin", "sdk", "nodejs", "index.js")))
            throw new EngineError("bin/ is missing: run npm run build first (the examples load the package's build)");
        env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --require ${path.join(ROOT, "tests", "engine", "resolve-checkout.cjs")}`.trim();
        // TypeScript cannot see that hook's resolution, so the program is transpiled without type-checking.
        env.PULUMI_NODEJS_TRANSPILE_ONLY = "true";
    }
    let moto;
    let session;
    if (realAwsNative) {
        const bin = ensureRealAwsNative();
        moto = await startMoto();
        session = engineSession(programDir, {
            pathBefore: [bin],
            config: { "aws-native:skipCredentialsValidation": "true", "aws-native:endpoints": JSON.stringify({ sts: moto.url }) },
            env: { ...env, AWS_ACCESS_KEY_ID: "AKIDENGINECHECKS", AWS_SECRET_ACCESS_KEY: "engine-checks", AWS_EC2_METADATA_DISABLED: "true" },
        });
        log(`aws-native: the real plugin ${REAL_AWS_NATIVE} (its STS at moto's server ${moto.url})`);
    } else {
        session = engineSession(programDir, { env });
    }
    const m = session.toolchain.manifest;
    log(
        `Pulumi CLI v${m.versions.pulumi} built here; Node.js language host: ${String(m.nodejsHost).startsWith("stand-in") ? "the stand-in tests/engine/hosts/nodejs (the module proxy refuses Pulumi's host module)" : m.nodejsHost}; ${realAwsNative ? "aws: a preview-only stand-in" : "aws and aws-native: preview-only stand-ins"} (tests/engine/stand-in-provider.ts)`,
    );
    try {
        const r = await session.pulumi([...args, "--non-interactive"], { stdio: "inherit" });
        return r.code;
    } finally {
        moto?.stop();
        session.dispose();
    }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    main(process.argv.slice(2)).then(
        (code) => process.exit(code),
        (e) => {
            console.error(e instanceof EngineError ? `engine: ${e.message}` : e);
            process.exit(1);
        },
    );
}
