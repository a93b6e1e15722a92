/**
 * Installs Pulumi mocks for programs that use this package: answers to the invokes it makes, realistic
 * outputs per resource type (./fake-outputs.ts), and a recorder of what registers (./recorder.ts).
 */
import { fileURLToPath } from "url";
import * as pulumi from "@pulumi/pulumi";
import { INVOKE_TOKENS } from "../core/context";
import { partitionOfRegion } from "../catalog/geographies";
import { defaultOutputs } from "./fake-outputs";
import { MockRecorder, type RecordedResource } from "./recorder";
import { watchOutputReads } from "./output-reads";

/** The value Pulumi uses on the wire for an unknown (computed) value. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Options for `setBedrockMocks`. */
export interface BedrockMocksOptions {
    /**
     * Account id the invokes answer with (default `123456789012`), for the default providers and for an
     * explicit provider whose own account is not known (see `providers`).
     */
    accountId?: string;
    /**
     * Region the invokes answer with when the stack's config sets none (default `us-east-1`): the default
     * aws-native provider answers with `aws-native:region` from `config`, the default aws provider with
     * `aws:region`, as in a deployment; an explicit provider answers with its own `region` input.
     */
    region?: string;
    /** Partition (default: derived from the Region). */
    partition?: string;
    /**
     * The account and Region of explicit providers, by the provider's Pulumi resource name, for what a
     * provider's inputs do not say. Without an entry, a provider answers with the account of the role it
     * assumes (`assumeRole.roleArn`, `roleArn`, or the last of aws's `assumeRoles`), else the one account
     * of its `allowedAccountIds`, else `accountId`; and with its `region` input, else `region`.
     */
    providers?: Record<
        string,
        {
            /** The account the provider deploys to (its resources' ARNs, `getAccountId`, `getCallerIdentity`). */
            accountId?: string;
            /** The provider's Region, when its inputs set none. */
            region?: string;
        }
    >;
    /**
     * Evaluate as a preview (`pulumi preview`): computed outputs are unknown, except those `outputs` and
     * `newResource` give explicitly (known values, as the test states them).
     */
    preview?: boolean;
    /** Make the account, Region and partition unknown (a provider configured from outputs, in preview). */
    unknownContext?: boolean;
    /** Pulumi project name (default `project`). */
    project?: string;
    /** Pulumi stack name (default `stack`). */
    stack?: string;
    /** Stack configuration, e.g. `{ "aws-native:region": "eu-west-1" }`. */
    config?: Record<string, string>;
    /** Outputs to return for a resource, merged over the defaults (return undefined to keep them). */
    newResource?: (args: pulumi.runtime.MockResourceArgs) => Record<string, any> | undefined;
    /**
     * Outputs per resource type, merged over the defaults: an object, or a function of the resource's
     * mock arguments and the default outputs. An `id` key sets the id. Applied before `newResource`.
     */
    outputs?: Record<string, Record<string, any> | ((args: pulumi.runtime.MockResourceArgs, defaults: Record<string, any>) => Record<string, any> | undefined)>;
    /** Called for every resource recorded (progress reporting). */
    onResource?: (resource: RecordedResource) => void;
    /** Answers for invokes this package does not make (return undefined to fall back to `{}`). */
    call?: (args: pulumi.runtime.MockCallArgs) => Record<string, any> | undefined;
}

/**
 * Installs Pulumi mocks for a program that uses this package and returns the recorder. Call it before
 * importing the program under test. Invokes answered: `aws-native:index:getAccountId`, `getRegion`,
 * `getPartition`, and `aws:index/getCallerIdentity`, `getRegion`, `getPartition`.
 */
export function setBedrockMocks(options: BedrockMocksOptions = {}): MockRecorder {
    // Replace the whole configuration map, so one test's config never leaks into the next.
    const config: Record<string, string> = {};
    for (const [k, v] of Object.entries(options.config ?? {})) config[k.includes(":") ? k : `${options.project ?? "project"}:${k}`] = v;
    pulumi.runtime.setAllConfig(config);
    const account = options.accountId ?? "123456789012";
    const contextIn = (region: string, acct = account): Context => ({
        account: acct,
        region,
        partition: options.partition ?? partitionOfRegion(region),
    });
    const fallbackRegion = options.region ?? "us-east-1";
    // The default providers read their Region from the stack's config, as in a deployment.
    const defaults: Record<"aws-native" | "aws", Context> = {
        "aws-native": contextIn(config["aws-native:region"] || fallbackRegion),
        aws: contextIn(config["aws:region"] || fallbackRegion),
    };
    const recorder = new MockRecorder();
    const promptVersions = new Map<string, number>();
    const unknown = options.unknownContext === true;
    // An explicit provider (a provider resource the program registered) answers with its own account
    // and Region, so programs with providers in several accounts and Regions are evaluated as they deploy.
    const contextOf = (provider: string | undefined, pkg: "aws-native" | "aws"): Context => {
        if (!provider) return defaults[pkg];
        const urn = provider.slice(0, provider.lastIndexOf("::"));
        const registered = recorder.resources.find((r) => r.urn === urn && r.type.startsWith("pulumi:providers:"));
        if (!registered) return defaults[pkg];
        const given = options.providers?.[registered.name];
        const r = registered.inputs?.region;
        const region = typeof r === "string" && r !== "" ? r : (given?.region ?? fallbackRegion);
        return contextIn(region, given?.accountId ?? providerAccount(registered.inputs ?? {}) ?? account);
    };
    const answer = (token: string, provider?: string): Record<string, any> | undefined => {
        const ctx = contextOf(provider, token.startsWith("aws-native:") ? "aws-native" : "aws");
        switch (token) {
            case INVOKE_TOKENS.accountId:
                return { accountId: unknown ? UNKNOWN : ctx.account };
            case INVOKE_TOKENS.region:
                return { region: unknown ? UNKNOWN : ctx.region };
            case INVOKE_TOKENS.partition:
                return { partition: unknown ? UNKNOWN : ctx.partition, dnsSuffix: "amazonaws.com" };
            case "aws:index/getCallerIdentity:getCallerIdentity":
                return { accountId: ctx.account, arn: `arn:${ctx.partition}:iam::${ctx.account}:user/test`, userId: "AIDATEST", id: ctx.account };
            case "aws:index/getRegion:getRegion":
                return { name: ctx.region, region: ctx.region, id: ctx.region, endpoint: `ec2.${ctx.region}.amazonaws.com`, description: ctx.region };
            case "aws:index/getPartition:getPartition":
                return { partition: ctx.partition, id: ctx.partition, dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
        }
        return undefined;
    };
    // Where the engine is registering (parent, URN), read by `newResource`, which the mock monitor
    // calls synchronously from registerResource/readResource.
    let pending: Pending | undefined;
    const typeOverride = (args: pulumi.runtime.MockResourceArgs, defaults: Record<string, any>): Record<string, any> | undefined => {
        const o = options.outputs?.[args.type];
        return typeof o === "function" ? o(args, defaults) : o;
    };
    pulumi.runtime.setMocks(
        {
            newResource(args) {
                // A resource on an explicit provider is in that provider's Region and partition.
                const base =
                    args.custom === false || options.preview
                        ? { id: "", state: { ...(args.inputs ?? {}) } }
                        : defaultOutputs(args, { ...contextOf(args.provider, args.type.startsWith("aws-native:") ? "aws-native" : "aws"), promptVersions });
                const byType = args.custom === false ? undefined : typeOverride(args, { ...base.state, id: base.id });
                const extra = { ...(byType ?? {}), ...(options.newResource?.(args) ?? {}) };
                const { id: extraId, ...extraState } = extra as Record<string, any>;
                // In a preview, computed outputs are unknown, but outputs the test gives explicitly are known values.
                const state = { ...base.state, ...extraState };
                const explicitId = extraId as string | undefined;
                const id = explicitId ?? base.id;
                const meta = pending ?? {};
                pending = undefined;
                const record: RecordedResource = {
                    type: args.type,
                    name: args.name,
                    inputs: args.inputs ?? {},
                    state,
                    id: args.custom === false ? undefined : id,
                    custom: args.custom !== false,
                    provider: args.provider,
                };
                if (meta.urn !== undefined) record.urn = meta.urn;
                if (meta.parent) record.parent = meta.parent;
                if (meta.dependencies && meta.dependencies.length > 0) record.dependencies = meta.dependencies;
                if (meta.read) record.read = true;
                if (meta.stackTrace && meta.stackTrace.length > 0) record.stackTrace = meta.stackTrace;
                recorder.resources.push(record);
                options.onResource?.(record);
                return { id: options.preview && args.custom !== false && explicitId === undefined ? (undefined as unknown as string) : id, state };
            },
            call(args) {
                recorder.invokes.push(args);
                return answer(args.token, args.provider) ?? options.call?.(args) ?? {};
            },
        },
        options.project ?? "project",
        options.stack ?? "stack",
        options.preview ?? false,
    );
    instrumentMonitor(recorder, (p) => (pending = p));
    watchOutputReads(recorder.outputReads);
    return recorder;
}

/** The account, Region and partition a provider answers with. */
interface Context {
    account: string;
    region: string;
    partition: string;
}

/**
 * The account a provider's inputs name: the account of the role it assumes (aws-native's `assumeRole`
 * or `roleArn`, the last role of aws's `assumeRoles` chain), else its one allowed account.
 */
function providerAccount(inputs: Record<string, any>): string | undefined {
    // A provider's object and list inputs reach the engine as JSON text.
    const parsed = (v: unknown): any => {
        if (typeof v !== "string") return v;
        try {
            return JSON.parse(v);
        } catch {
            return undefined;
        }
    };
    const assumeRoles = parsed(inputs.assumeRoles);
    const chain: unknown[] = Array.isArray(assumeRoles) ? assumeRoles : [];
    const roleArns = [parsed(inputs.assumeRole)?.roleArn, inputs.roleArn, (chain[chain.length - 1] as { roleArn?: unknown } | undefined)?.roleArn];
    for (const arn of roleArns) {
        const acct = typeof arn === "string" ? arn.split(":")[4] : undefined;
        if (acct && /^[0-9]{12}$/.test(acct)) return acct;
    }
    const allowed = parsed(inputs.allowedAccountIds);
    return Array.isArray(allowed) && allowed.length === 1 && typeof allowed[0] === "string" ? allowed[0] : undefined;
}

/** What the monitor knows of the resource being registered, before `newResource` records it. */
interface Pending {
    urn?: string;
    parent?: string;
    dependencies?: string[];
    read?: boolean;
    stackTrace?: string[];
}

interface MonitorRequest {
    getStacktrace?(): { getFramesList(): { getPc(): { getUri(): string; getLine(): number; getColumn(): number } | undefined }[] } | undefined;
    getType(): string;
    getName(): string;
    getParent(): string;
    getDependenciesList?(): string[];
    getUrn(): string;
    getOutputs(): { toJavaScript(): Record<string, any> } | undefined;
}

/**
 * The frames of the call stack Pulumi captured when the program constructed the resource, as
 * `file:line:column` (innermost first): the Resource constructor sends them in the registration request
 * (`Resource.stackTrace` in node_modules/@pulumi/pulumi/resource.js, `setStacktrace` in runtime/resource.js).
 */
function stackTraceOf(req: MonitorRequest): string[] {
    const frames = req.getStacktrace?.()?.getFramesList() ?? [];
    return frames.flatMap((frame) => {
        const pc = frame.getPc();
        const uri = pc?.getUri();
        if (!pc || !uri) return [];
        const file = uri.startsWith("file:") ? fileURLToPath(uri) : uri;
        return [`${file}:${pc.getLine()}:${pc.getColumn()}`];
    });
}

/** Wraps the mock monitor so that every recorded resource gets its URN, parent, dependencies and stack trace. */
function instrumentMonitor(recorder: MockRecorder, setPending: (p: Pending) => void): void {
    const monitor = pulumi.runtime.getMonitor() as unknown as Record<string, any> | undefined;
    if (!monitor || typeof monitor.newUrn !== "function") return;
    const urnOf = (req: MonitorRequest): string => monitor.newUrn(req.getParent(), req.getType(), req.getName());
    for (const method of ["registerResource", "readResource"]) {
        const original = monitor[method].bind(monitor);
        monitor[method] = (req: MonitorRequest, callback: unknown) => {
            setPending({
                urn: urnOf(req),
                parent: req.getParent() || undefined,
                dependencies: method === "registerResource" ? req.getDependenciesList?.() : undefined,
                read: method === "readResource",
                stackTrace: stackTraceOf(req),
            });
            return original(req, callback);
        };
    }
    const originalOutputs = monitor.registerResourceOutputs.bind(monitor);
    // Records by URN, indexed as they come: a search of every record for each component's outputs would
    // cost the program's resources squared.
    const byUrn = new Map<string, RecordedResource>();
    let indexed = 0;
    monitor.registerResourceOutputs = (req: MonitorRequest, callback: unknown) => {
        for (; indexed < recorder.resources.length; indexed++) {
            const x = recorder.resources[indexed];
            if (x.urn !== undefined && !byUrn.has(x.urn)) byUrn.set(x.urn, x);
        }
        const r = byUrn.get(req.getUrn());
        if (r) {
            const struct = req.getOutputs();
            r.outputs = struct ? pulumi.runtime.deserializeProperties(struct as never) : {};
        }
        return originalOutputs(req, callback);
    };
}
