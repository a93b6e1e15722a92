import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
    PLAN_JSON_SCHEMA,
    checkRoles,
    boundsToProfiles,
    parseArgs,
    configValue,
    parseYamlFile,
    readProgram,
    runCli,
    toMermaid,
    trimRequireStack,
    USAGE,
    type Finding,
    type Plan,
    type PlanRole,
} from "../components/preview";
import { MockRecorder, fakeId } from "../components/testing/testing";
import { canonical, mergeStatements, parseStatements, policyJson, statementJson, type Statement } from "../components/iam/policy";
import * as testingEntry from "../sdk/nodejs/testing";
import { rejectsExactly, throwsExactly } from "./support/errors";

const ROOT = path.join(__dirname, "..");
const FIXTURES = path.join("tests", "fixtures");

interface Run {
    code: number;
    stdout: string;
    stderr: string;
}

async function run(args: string[], progress = false): Promise<Run> {
    let stdout = "";
    let stderr = "";
    const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), progress });
    return { code, stdout, stderr };
}

async function plan(dir: string, ...flags: string[]): Promise<Plan> {
    const r = await run(["preview", dir, "--json", ...flags]);
    expect(r.stderr).to.equal("");
    return JSON.parse(r.stdout) as Plan;
}

// ---- A small JSON Schema validator (the subset PLAN_JSON_SCHEMA uses) ----------------------------
type Schema = Record<string, any>;
function validate(value: unknown, schema: Schema, root: Schema = schema, at = "$"): string[] {
    if (schema.$ref) return validate(value, root.$defs[(schema.$ref as string).replace("#/$defs/", "")], root, at);
    const errors: string[] = [];
    const typeOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v);
    if (schema.const !== undefined && value !== schema.const) errors.push(`${at}: expected ${JSON.stringify(schema.const)}`);
    if (schema.enum && !(schema.enum as unknown[]).includes(value)) errors.push(`${at}: ${JSON.stringify(value)} not in enum`);
    if (schema.type) {
        const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
        const t = typeOf(value);
        if (!types.some((x) => x === t || (x === "number" && t === "integer"))) return [...errors, `${at}: expected ${types.join("|")}, got ${t}`];
    }
    if (typeof value === "string" && schema.pattern && !new RegExp(schema.pattern).test(value)) errors.push(`${at}: ${value} does not match ${schema.pattern}`);
    if (typeof value === "number" && schema.minimum !== undefined && value < schema.minimum) errors.push(`${at}: below minimum`);
    if (Array.isArray(value) && schema.items) value.forEach((v, i) => errors.push(...validate(v, schema.items, root, `${at}[${i}]`)));
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        const obj = value as Record<string, unknown>;
        for (const k of schema.required ?? []) if (!(k in obj)) errors.push(`${at}: missing ${k}`);
        for (const [k, v] of Object.entries(obj)) {
            if (schema.properties && k in schema.properties) errors.push(...validate(v, schema.properties[k], root, `${at}.${k}`));
            else if (schema.additionalProperties === false) errors.push(`${at}: unexpected ${k}`);
            else if (typeof schema.additionalProperties === "object") errors.push(...validate(v, schema.additionalProperties, root, `${at}.${k}`));
        }
    }
    return errors;
}

// ---- A small Mermaid flowchart parser (the syntax toMermaid emits, checked strictly) -------------
function parseMermaid(text: string): { nodes: Map<string, string>; edges: string[]; subgraphs: string[] } {
    const lines = text.split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    if (!/^flowchart (LR|RL|TB|TD|BT)$/.test(lines[0])) throw new Error(`line 1: not a flowchart header: ${lines[0]}`);
    const label = String.raw`"(?:[^"#]|#(?:quot|lt|gt);)*"`;
    const id = "[A-Za-z][A-Za-z0-9_]*";
    const shapes = [`\\[${label}\\]`, `\\(\\[${label}\\]\\)`, `\\{\\{${label}\\}\\}`, `\\[/${label}/\\]`];
    const nodeRe = new RegExp(`^(${id})(?:${shapes.join("|")})$`);
    const edgeRe = new RegExp(`^(${id}) (-->|-\\.->)(?:\\|([^|"]+)\\|)? (${id})$`);
    const subRe = new RegExp(`^subgraph (${id})\\[${label}\\]$`);
    const nodes = new Map<string, string>();
    const edges: string[] = [];
    const subgraphs: string[] = [];
    let depth = 0;
    lines.slice(1).forEach((raw, i) => {
        const line = raw.trim();
        let m: RegExpExecArray | null;
        if ((m = subRe.exec(line))) {
            depth++;
            subgraphs.push(m[1]);
        } else if (line === "end") {
            if (--depth < 0) throw new Error(`line ${i + 2}: end without subgraph`);
        } else if ((m = nodeRe.exec(line))) {
            if (nodes.has(m[1])) throw new Error(`line ${i + 2}: node ${m[1]} defined twice`);
            nodes.set(m[1], line);
        } else if ((m = edgeRe.exec(line))) {
            edges.push(`${m[1]} ${m[2]}${m[3] ? `|${m[3]}|` : ""} ${m[4]}`);
        } else {
            throw new Error(`line ${i + 2}: cannot parse: ${raw}`);
        }
    });
    if (depth !== 0) throw new Error("unclosed subgraph");
    for (const e of edges) {
        for (const n of [e.split(" ")[0], e.split(" ").pop() as string]) if (!nodes.has(n)) throw new Error(`edge ${e}: undefined node ${n}`);
    }
    return { nodes, edges, subgraphs };
}

/** `name (label)` for an edge, resolving node ids to their labels. */
function labelledEdges(m: ReturnType<typeof parseMermaid>): string[] {
    const text = (n: string) => /"(.*)"/.exec(m.nodes.get(n) as string)?.[1];
    return m.edges.map((e) => {
        const parts = e.split(" ");
        return `${text(parts[0])} ${parts.slice(1, -1).join(" ")} ${text(parts[parts.length - 1])}`;
    });
}

describe("offline preview (bedrock-genai preview)", () => {
    describe("arguments and program files", () => {
        it("parses the command line", () => {
            expect(parseArgs(["preview", "dir", "--region", "eu-west-1", "--account=111122223333", "--check", "--json"])).to.deep.equal({
                programDir: "dir",
                region: "eu-west-1",
                account: "111122223333",
                json: true,
                mermaid: false,
                check: true,
                help: false,
            });
            expect(parseArgs([])).to.deep.equal({ programDir: ".", json: false, mermaid: false, check: false, help: false });
            throwsExactly(() => parseArgs(["preview", "--region"]), `--region needs a value\n\n${USAGE}`);
            throwsExactly(() => parseArgs(["preview", "--nope"]), `unknown option --nope\n\n${USAGE}`);
            throwsExactly(() => parseArgs(["deploy"]), `unknown command deploy\n\n${USAGE}`);
            throwsExactly(() => parseArgs(["preview", "a", "b"]), `one program directory, got a and b\n\n${USAGE}`);
            throwsExactly(() => parseArgs(["preview", "--json", "--mermaid"]), `--json and --mermaid print different documents: choose one\n\n${USAGE}`);
        });

        it("prints usage with --help, and exit code 2 with the reason on bad arguments", async () => {
            expect(await run(["preview", "--help"])).to.deep.equal({ code: 0, stdout: USAGE, stderr: "" });
            expect(await run(["preview", "--bogus"])).to.deep.equal({ code: 2, stdout: "", stderr: `error: unknown option --bogus\n\n${USAGE}\n` });
            expect(await run(["preview", FIXTURES])).to.deep.equal({
                code: 2,
                stdout: "",
                stderr: `error: ${FIXTURES}: no Pulumi.yaml (is this a Pulumi program directory?)\n`,
            });
            expect(await run(["preview", "examples/quickstart-python"])).to.deep.equal({
                code: 2,
                stdout: "",
                stderr: "error: examples/quickstart-python: runtime python: the offline preview evaluates Node.js (TypeScript or JavaScript) programs\n",
            });
            expect(await run(["preview", "examples/quickstart", "--account", "12"])).to.deep.equal({
                code: 2,
                stdout: "",
                stderr: "error: --account 12: expected 12 digits\n",
            });
        });

        it("reads Pulumi.yaml (name, main, config defaults) and the only stack file's config", () => {
            // Config values as Pulumi hands them to programs: text, numbers and booleans as text, secure values skipped.
            expect([
                configValue("eu-west-1"),
                configValue(3),
                configValue(true),
                configValue(["a", 1]),
                configValue({ secure: "v1:x" }),
                configValue(null),
            ]).to.deep.equal(["eu-west-1", "3", "true", '["a",1]', undefined, undefined]);
            expect(readProgram(path.join(FIXTURES, "check-rules"))).to.deep.equal({
                dir: path.join(ROOT, FIXTURES, "check-rules"),
                main: path.join(ROOT, FIXTURES, "check-rules", "index.ts"),
                project: "check-rules",
                stack: "ci",
                config: { "check-rules:roleSuffix": "ci", "aws:region": "eu-west-1" },
            });
            expect(readProgram(path.join(FIXTURES, "program-error")).main).to.equal(path.join(ROOT, FIXTURES, "program-error", "src", "main.ts"));
            throwsExactly(
                () => readProgram(path.join(FIXTURES, "check-rules"), "prod"),
                `${path.join(FIXTURES, "check-rules")}: no Pulumi.prod.yaml for stack prod`,
            );
        });

        it("refuses an array config declaration without items, as the Pulumi CLI does (found by the engine checks on examples/multi-tenant)", () => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "array-config-"));
            try {
                fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: p\nruntime: nodejs\nconfig:\n  tenants:\n    type: array\n");
                fs.writeFileSync(path.join(dir, "index.ts"), "export {};\n");
                throwsExactly(
                    () => readProgram(dir),
                    `${path.join(dir, "Pulumi.yaml")}: The configuration key 'tenants' declares an array but does not specify the underlying type via the 'items' attribute`,
                );
                fs.writeFileSync(
                    path.join(dir, "Pulumi.yaml"),
                    "name: p\nruntime: nodejs\nconfig:\n  tenants:\n    type: array\n    items:\n      type: string\n",
                );
                expect(readProgram(dir).config).to.deep.equal({});
                expect(readProgram(dir).required).to.deep.equal(["p:tenants"]);
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });
    });

    describe("required configuration (found by the engine checks on examples/multi-tenant)", () => {
        it("refuses a program whose Pulumi.yaml declares a key without a default that the stack does not set, as the Pulumi CLI does", async () => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "required-config-"));
            try {
                fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: p\nruntime: nodejs\nconfig:\n  tenants:\n    type: string\n");
                fs.writeFileSync(path.join(dir, "index.ts"), "export const ok = true;\n");
                let error: unknown;
                await testingEntry.previewProgram(dir).catch((e: unknown) => (error = e));
                expect((error as Error).message).to.equal("Stack 'dev' is missing configuration value 'tenants'");
                expect((await testingEntry.previewProgram(dir, { config: { tenants: "acme" } })).outputs).to.deep.equal({ ok: true });
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });
    });

    describe("examples/quickstart", () => {
        let p: Plan;
        before(async () => {
            p = await plan("examples/quickstart");
        });

        it("evaluates in the default account and Region without a stack file", () => {
            expect(p.program).to.deep.equal({
                dir: "examples/quickstart",
                main: "examples/quickstart/index.ts",
                project: "bedrock-genai-quickstart",
                stack: null,
            });
            expect(p.context).to.deep.equal({ account: "123456789012", region: "us-east-1", partition: "aws" });
        });

        it("builds the resource tree: components -> children", () => {
            const urnOf = (type: string, name: string) => p.resources.find((r) => r.type === type && r.name === name)?.urn;
            const tree = p.resources.map((r) => `${r.type}::${r.name} <- ${r.parent === null ? "-" : p.resources.find((x) => x.urn === r.parent)?.name}`);
            expect(tree).to.include.members([
                "bedrock-genai:index:ApplicationInferenceProfile::myapplicationprofile <- -",
                "aws-native:bedrock:ApplicationInferenceProfile::myapplicationprofile <- myapplicationprofile",
                "aws:iam/rolePolicy:RolePolicy::fn-role-bedrock <- fn-role",
                "aws-native:bedrock:ApplicationInferenceProfile::myapplicationprofile2 <- myapplicationprofile2",
                "aws-native:bedrock:ApplicationInferenceProfile::mytestaip3 <- -",
                "aws:iam/role:Role::fn-role <- -",
            ]);
            expect(urnOf("aws-native:bedrock:ApplicationInferenceProfile", "myapplicationprofile")).to.equal(
                "urn:pulumi:dev::bedrock-genai-quickstart::bedrock-genai:index:ApplicationInferenceProfile$aws-native:bedrock:ApplicationInferenceProfile::myapplicationprofile",
            );
            const cfn = p.resources.find((r) => r.type === "aws-native:bedrock:ApplicationInferenceProfile" && r.name === "myapplicationprofile");
            expect(cfn?.inputs).to.deep.equal({
                inferenceProfileName: "claude 3 sonnet v1",
                modelSource: { copyFrom: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-sonnet-20240229-v1:0" },
                tags: [{ key: "test", value: "test" }],
            });
            expect(cfn?.id).to.equal(`arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/${fakeId("myapplicationprofile", 12)}`);
        });

        it("groups every IAM policy under its role", () => {
            const roleName = `fn-role-${fakeId("fn-role", 7)}`;
            expect(p.roles.map((r) => [r.name, r.resourceName, r.external, r.services])).to.deep.equal([
                [roleName, "fn-role", false, ["lambda.amazonaws.com"]],
            ]);
            const role = p.roles[0];
            const inlinePolicies = p.resources.filter((r) => r.type === "aws:iam/rolePolicy:RolePolicy");
            expect(role.policies.map((x) => x.resourceName).sort()).to.deep.equal(inlinePolicies.map((r) => r.name).sort());
            expect(role.policies.every((x) => x.kind === "inline")).to.equal(true);
            expect(role.inlineSize).to.equal(role.policies.reduce((n, x) => n + (x.size as number), 0));
            // Every grant of the program on the role, merged into the role's one inline policy.
            expect(role.policies.map((x) => x.resourceName)).to.deep.equal(["fn-role-bedrock"]);
            const bedrockPolicy = role.policies[0];
            expect(bedrockPolicy.name).to.equal(`fn-role-bedrock-${fakeId("fn-role-bedrock", 7)}`);
            const app = (name: string) => `arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/${fakeId(name, 12)}`;
            const imported = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abcd1234wxyz";
            const cris = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0";
            const sonnet = ["ca-central-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"].map(
                (r) => `arn:aws:bedrock:${r}::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0`,
            );
            const getAndInvoke = ["bedrock:GetInferenceProfile", "bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];
            const invoke = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];
            const appPattern = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/*";
            expect(bedrockPolicy.statements).to.deep.equal([
                // grantInvoke on mytestaip3 (source unknown) and on myapplicationprofile2 (copies the cross-region profile).
                { Effect: "Allow", Action: getAndInvoke, Resource: [app("mytestaip3"), app("myapplicationprofile2"), cris] },
                // grantProfileUsage on myapplicationprofile and on the imported profile (the cross-region profile's is above).
                { Effect: "Allow", Action: ["bedrock:GetInferenceProfile"], Resource: [imported, app("myapplicationprofile")] },
                {
                    Effect: "Allow",
                    Action: invoke,
                    Resource: ["arn:aws:bedrock:*::foundation-model/*"],
                    Condition: { ArnLike: { "bedrock:InferenceProfileArn": [app("mytestaip3")] } },
                },
                { Effect: "Allow", Action: invoke, Resource: sonnet, Condition: { ArnLike: { "bedrock:InferenceProfileArn": [appPattern, cris] } } },
                { Effect: "Allow", Action: ["bedrock:ListInferenceProfiles"], Resource: ["*"] },
            ]);
            const doc = JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    { Effect: "Allow", Action: getAndInvoke, Resource: [app("mytestaip3"), app("myapplicationprofile2"), cris] },
                    { Effect: "Allow", Action: "bedrock:GetInferenceProfile", Resource: [imported, app("myapplicationprofile")] },
                    {
                        Effect: "Allow",
                        Action: invoke,
                        Resource: "arn:aws:bedrock:*::foundation-model/*",
                        Condition: { ArnLike: { "bedrock:InferenceProfileArn": app("mytestaip3") } },
                    },
                    { Effect: "Allow", Action: invoke, Resource: sonnet, Condition: { ArnLike: { "bedrock:InferenceProfileArn": [appPattern, cris] } } },
                    { Effect: "Allow", Action: "bedrock:ListInferenceProfiles", Resource: "*" },
                ],
            });
            expect(bedrockPolicy.size).to.equal(doc.length);
        });

        it("reports no check errors (warnings only for Region wildcards bounded by a profile condition)", () => {
            expect(p.findings.filter((f) => f.severity === "error")).to.deep.equal([]);
            for (const f of p.findings) expect([f.rule, f.severity]).to.deep.equal(["invoke-region-wildcard", "warning"]);
        });

        it("resolves the stack outputs", () => {
            expect(p.outputs.roleName).to.equal(`fn-role-${fakeId("fn-role", 7)}`);
            expect(p.outputs.crossRegionProfileArn).to.equal(
                "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0",
            );
        });

        it("prints the tree, key inputs and policies by role for humans", async () => {
            const r = await run(["preview", "examples/quickstart"]);
            expect(r.code).to.equal(0);
            expect(r.stderr).to.equal("");
            const lines = r.stdout.split("\n");
            const profileArn = `arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/${fakeId("myapplicationprofile", 12)}`;
            expect(lines.slice(0, 5)).to.deep.equal([
                "Preview of examples/quickstart (project bedrock-genai-quickstart)",
                `Account 123456789012, Region us-east-1 (aws): ${p.resources.length} resources, mocked offline`,
                "",
                "Resources",
                "├─ myapplicationprofile (bedrock-genai:index:ApplicationInferenceProfile)",
            ]);
            // The profile's only child: its grants' policies are the role's children.
            const at = lines.indexOf(`│  └─ myapplicationprofile (aws-native:bedrock:ApplicationInferenceProfile) → ${profileArn}`);
            expect(at).to.be.greaterThan(4);
            expect(lines.slice(at + 1, at + 4)).to.deep.equal([
                "│         inferenceProfileName: claude 3 sonnet v1",
                "│         modelSource.copyFrom: arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-sonnet-20240229-v1:0",
                "│         tags: test=test",
            ]);
            const roleNode = lines.indexOf(`└─ fn-role (aws:iam/role:Role) → arn:aws:iam::123456789012:role/fn-role-${fakeId("fn-role", 7)}`);
            expect(roleNode).to.be.greaterThan(at);
            expect(lines[roleNode + 1]).to.equal(
                `   └─ fn-role-bedrock (aws:iam/rolePolicy:RolePolicy) → fn-role-${fakeId("fn-role", 7)}:fn-role-bedrock-${fakeId("fn-role-bedrock", 7)}`,
            );
            const role = lines.indexOf(`role fn-role-${fakeId("fn-role", 7)} (fn-role)`);
            expect(role).to.be.greaterThan(at);
            expect(lines.slice(role + 1, role + 3)).to.deep.equal(["  trust:", "    Allow sts:AssumeRole by Service lambda.amazonaws.com"]);
            const policyAt = lines.indexOf(`  inline policy fn-role-bedrock-${fakeId("fn-role-bedrock", 7)} (fn-role-bedrock), 1825 characters`);
            expect(policyAt).to.equal(role + 4);
            expect(lines[role + 3]).to.equal("  inline: 1,825 of 10,240 characters");
            const app2 = `arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/${fakeId("myapplicationprofile2", 12)}`;
            const app3 = `arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/${fakeId("mytestaip3", 12)}`;
            const cris = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0";
            expect(lines.slice(policyAt + 1, policyAt + 21)).to.deep.equal([
                "    Allow bedrock:GetInferenceProfile, bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream",
                `      on ${app3}`,
                `      on ${app2}`,
                `      on ${cris}`,
                "    Allow bedrock:GetInferenceProfile",
                "      on arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abcd1234wxyz",
                `      on ${profileArn}`,
                "    Allow bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream",
                "      on arn:aws:bedrock:*::foundation-model/*",
                `      when ArnLike bedrock:InferenceProfileArn = ${app3}`,
                "    Allow bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream",
                ...["ca-central-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"].map(
                    (region) => `      on arn:aws:bedrock:${region}::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0`,
                ),
                `      when ArnLike bedrock:InferenceProfileArn = arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/* | ${cris}`,
                "    Allow bedrock:ListInferenceProfiles",
                "      on *",
                "",
            ]);
            expect(lines).to.include("Checks: 0 errors, 1 warning");
        });

        it("prints a Mermaid flowchart that parses: role -> profiles -> models per Region", async () => {
            const r = await run(["preview", "examples/quickstart", "--mermaid"]);
            expect(r.code).to.equal(0);
            const m = parseMermaid(r.stdout);
            const edges = labelledEdges(m);
            const role = `role fn-role-${fakeId("fn-role", 7)}`;
            expect(edges).to.include(`${role} --> myapplicationprofile2 (application profile)`);
            expect(edges).to.include(`${role} --> us.anthropic.claude-3-5-sonnet-20241022-v2:0`);
            expect(edges).to.include("myapplicationprofile2 (application profile) --> anthropic.claude-3-5-sonnet-20241022-v2:0");
            const subgraphLabels = r.stdout
                .split("\n")
                .filter((l) => l.trim().startsWith("subgraph"))
                .map((l) => /"(.*)"/.exec(l)?.[1]);
            expect(subgraphLabels).to.include.members(["us-east-1", "us-east-2", "us-west-2"]);
        });
    });

    describe("every example program", () => {
        const examples = fs
            .readdirSync(path.join(ROOT, "examples"), { withFileTypes: true })
            .filter((d) => d.isDirectory() && fs.existsSync(path.join(ROOT, "examples", d.name, "Pulumi.yaml")))
            .map((d) => d.name)
            .filter((d) => {
                const project = parseYamlFile(path.join(ROOT, "examples", d, "Pulumi.yaml")) as { runtime?: string | { name?: string } };
                const runtime = typeof project.runtime === "object" ? project.runtime.name : project.runtime;
                return runtime === "nodejs";
            });

        it("finds the examples", () => {
            expect(examples).to.include("quickstart");
        });

        for (const name of examples) {
            it(`examples/${name}: evaluates, its --json plan matches the schema and its diagram parses`, async () => {
                const json = await run(["preview", `examples/${name}`, "--json"]);
                expect(json.stderr).to.equal("");
                expect(json.code).to.equal(0);
                const doc = JSON.parse(json.stdout) as Plan;
                expect(validate(doc, PLAN_JSON_SCHEMA)).to.deep.equal([]);
                expect(doc.resources.length).to.be.greaterThan(0);
                for (const r of doc.resources)
                    if (r.parent !== null)
                        expect(
                            doc.resources.some((x) => x.urn === r.parent),
                            r.urn,
                        ).to.equal(true);
                const mermaid = await run(["preview", `examples/${name}`, "--mermaid"]);
                expect(() => parseMermaid(mermaid.stdout)).not.to.throw();
            });
        }
    });

    describe("the plan's JSON schema", () => {
        it("rejects documents that do not match (the validator can fail)", async () => {
            const doc = (await plan("examples/quickstart")) as unknown as Record<string, any>;
            expect(validate(doc, PLAN_JSON_SCHEMA)).to.deep.equal([]);
            const { roles: _roles, ...noRoles } = doc;
            expect(validate(noRoles, PLAN_JSON_SCHEMA)).to.deep.equal(["$: missing roles"]);
            expect(validate({ ...doc, context: { ...doc.context, account: "1" } }, PLAN_JSON_SCHEMA)).to.deep.equal([
                "$.context.account: 1 does not match ^[0-9]{12}$",
            ]);
            expect(validate({ ...doc, findings: [{ rule: "nope", severity: "error", role: "r", message: "m" }] }, PLAN_JSON_SCHEMA)).to.deep.equal([
                '$.findings[0].rule: "nope" not in enum',
            ]);
        });
    });

    describe("--check on a program built to break each rule (tests/fixtures/check-rules)", () => {
        const dir = path.join(FIXTURES, "check-rules");
        const policy = (name: string) => `${name}-${fakeId(name, 7)}`;
        const haiku = "anthropic.claude-3-haiku-20240307-v1:0";

        it("reads the stack's Region and config", async () => {
            const p = await plan(dir);
            expect(p.context).to.deep.equal({ account: "123456789012", region: "eu-west-1", partition: "aws" });
            expect(p.program.stack).to.equal("ci");
            expect(p.roles.map((r) => r.name)).to.deep.equal(["agent-open-ci", "agent-scoped-ci", "big-ci", "good-ci", "loose-ci"]);
            expect(validate(p, PLAN_JSON_SCHEMA)).to.deep.equal([]);
        });

        it("--region and --account override the stack", async () => {
            const p = await plan(dir, "--region", "eu-central-1", "--account", "444455556666");
            expect(p.context).to.deep.equal({ account: "444455556666", region: "eu-central-1", partition: "aws" });
        });

        it("finds exactly one finding per broken rule, none on the good grants", async () => {
            const p = await plan(dir);
            const summary = p.findings.map((f: Finding) => [f.rule, f.severity, f.role, f.policy ?? null]);
            expect(summary).to.deep.equal([
                ["agent-trust-without-source-condition", "error", "agent-open-ci", null],
                ["inline-policy-size", "error", "big-ci", null],
                ["managed-policy-size", "error", "big-ci", policy("big-managed")],
                ["model-without-profile-condition", "error", "loose-ci", policy("profile-and-open-model")],
                ["invoke-region-wildcard", "error", "loose-ci", policy("region-wildcard")],
                ["model-without-profile-condition", "error", "loose-ci", policy("region-wildcard")],
                ["wildcard-resource", "error", "loose-ci", policy("star-resource")],
            ]);
            const big = p.roles.find((r) => r.name === "big-ci");
            expect(big?.policies.map((x) => [x.resourceName, x.kind])).to.deep.equal([
                ["big-inline-0", "inline"],
                ["big-inline-1", "inline"],
                ["big-inline-2", "inline"],
                ["big-managed", "managed"],
            ]);
            expect(p.findings[1].message).to.equal(`inline policies total ${big?.inlineSize} characters, over IAM's 10240 per role`);
            expect(big?.inlineSize).to.be.greaterThan(10_240);
            expect(p.findings[3].message).to.equal(
                `invoke on arn:aws:bedrock:eu-central-1::foundation-model/${haiku}, arn:aws:bedrock:eu-west-1::foundation-model/${haiku} without a bedrock:InferenceProfileArn condition, on a role that is granted an inference profile for that model: the model is open directly, not only through the profile`,
            );
            expect(p.findings[6].statement).to.deep.equal({ Effect: "Allow", Action: ["bedrock:GetInferenceProfile"], Resource: ["*"] });
            expect(p.findings[0].statement).to.deep.equal({ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { Service: ["bedrock.amazonaws.com"] } });
        });

        it("exits 1 with the findings under --check, 0 without", async () => {
            const r = await run(["preview", dir, "--check"]);
            expect(r.code).to.equal(1);
            const lines = r.stdout.split("\n");
            expect(lines[0]).to.equal("Checked 5 roles: 7 errors, 0 warnings");
            expect(lines[1]).to.equal(
                "  ✗ [agent-trust-without-source-condition] role agent-open-ci: trusts bedrock.amazonaws.com without an aws:SourceAccount or aws:SourceArn condition (confused deputy)",
            );
            expect(lines[7]).to.equal(
                `  ✗ [wildcard-resource] role loose-ci, policy ${policy("star-resource")}: Resource "*" on bedrock:GetInferenceProfile (only List* actions need "*")`,
            );
            expect((await run(["preview", dir, "--check", "--json"])).code).to.equal(1);
            expect((await run(["preview", dir])).code).to.equal(0);
            expect((await run(["preview", "examples/quickstart", "--check"])).code).to.equal(0);
        });
    });

    describe("agents and aliases (tests/fixtures/agents)", () => {
        it("draws agents -> aliases and the role they run as; grants link to the alias, router and profile nodes", async () => {
            const r = await run(["preview", path.join(FIXTURES, "agents"), "--region", "us-west-2", "--mermaid"]);
            expect(r.code).to.equal(0);
            const m = parseMermaid(r.stdout);
            expect(labelledEdges(m)).to.deep.equal([
                "role agent-role --> alias live",
                "copy (application profile) -.->|copies| us.anthropic.claude-3-haiku-20240307-v1:0",
                "role agent-role --> copy (application profile)",
                "role agent-role --> router nova-router",
                "role agent-role --> amazon.nova-pro-v1:0",
                "agent helper -.->|runs as| role agent-role",
                "agent helper -.->|model| amazon.nova-pro-v1:0",
                "agent helper --> alias live",
                "agent helper --> alias beta",
            ]);
            // One node per alias: the grant and the agent point at the same one.
            expect([...m.nodes.values()].filter((n) => n.includes('"alias live"'))).to.have.length(1);
            expect(r.stdout).to.contain('    subgraph region9["us-west-2"]\n        model6["amazon.nova-pro-v1:0"]\n    end\n');
        });

        it("draws AgentCore harnesses: the role they run as, their model, their endpoints, and the roles granted to invoke them", async () => {
            const r = await run(["preview", "examples/agent-harness", "--mermaid"]);
            expect(r.code).to.equal(0);
            const edges = labelledEdges(parseMermaid(r.stdout)).filter((e) => e.includes("harness"));
            expect(edges.map((e) => e.replace(/role ([a-z-]+)-[a-z0-9]{7}/g, "role $1"))).to.deep.equal([
                "role app-role --> harness agent",
                "harness agent -.->|runs as| role agent-role",
                "harness agent -.->|model| us.anthropic.claude-3-5-sonnet-20241022-v2:0",
                "harness agent --> endpoint live",
            ]);
        });

        it("labels default prompt routers by their id", async () => {
            const plan = (await run(["preview", path.join(FIXTURES, "agents"), "--json"])).stdout;
            const p = JSON.parse(plan) as Plan;
            const role = p.roles[0];
            role.policies.push({
                name: "default-router",
                kind: "inline",
                statements: [
                    {
                        Effect: "Allow",
                        Action: ["bedrock:InvokeModel"],
                        Resource: ["arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/anthropic.claude:1"],
                    },
                ],
            });
            expect(labelledEdges(parseMermaid(toMermaid(p)))).to.include("role agent-role --> default router anthropic.claude:1");
        });

        it("finds no confused-deputy problem when the trust policy has aws:SourceAccount (only the advisory guardrail warning)", async () => {
            expect((await plan(path.join(FIXTURES, "agents"))).findings).to.deep.equal([
                {
                    rule: "agent-without-guardrail",
                    severity: "warning",
                    resource: "urn:pulumi:dev::agents::aws-native:bedrock:Agent::helper",
                    message: "agent helper has no guardrail",
                },
            ]);
        });
    });

    describe("errors in the program", () => {
        it("shows the program's own file and line, not the preview's internals", async () => {
            const r = await run(["preview", path.join(FIXTURES, "program-error")]);
            expect(r.code).to.equal(2);
            expect(r.stdout).to.equal("");
            const lines = r.stderr.split("\n");
            expect(lines[0]).to.equal('error: the program failed: ApplicationInferenceProfile "bad": inferenceProfileName "" must not be empty');
            expect(lines.slice(1)).to.deep.equal([`    at ${path.join(FIXTURES, "program-error", "src", "main.ts")}:4:24`, ""]);
        });

        it("reports a failure inside apply with the line of the apply", async () => {
            const r = await run(["preview", path.join(FIXTURES, "apply-error")]);
            expect(r).to.deep.equal({
                code: 2,
                stdout: "",
                stderr: `error: a value of the program could not be computed: cannot use r-${fakeId("r", 7)}\n    at ${path.join(FIXTURES, "apply-error", "index.ts")}:6:11\n`,
            });
        });
    });

    describe("progress", () => {
        const dir = path.join(FIXTURES, "agents");
        const progress = async (now: () => number): Promise<{ updates: string[]; stderr: string }> => {
            let stderr = "";
            await runCli(["preview", dir, "--json"], { stdout: () => undefined, stderr: (t) => (stderr += t), progress: true, now });
            return { updates: stderr.split("\r\x1b[2K").filter((s) => s !== ""), stderr };
        };
        const line = (n: number) => `evaluating ${dir}: ${n} resource${n === 1 ? "" : "s"} registered`;

        it("shows resources registered so far on a terminal, at most every 100 ms, and clears the line", async () => {
            // A clock 100 ms further on each call: every registration is shown.
            let t = 0;
            const every = await progress(() => (t += 100));
            const total = every.updates.length;
            expect(total).to.be.greaterThan(5);
            expect(every.updates).to.deep.equal(Array.from({ length: total }, (_, i) => line(i + 1)));
            expect(every.stderr.endsWith("\r\x1b[2K")).to.equal(true);
            // 99 ms apart: every other registration is shown, then the final count.
            let u = 0;
            const throttled = await progress(() => (u += 99));
            const shown = Array.from({ length: total }, (_, i) => i + 1).filter((n) => n % 2 === 1);
            if (shown[shown.length - 1] !== total) shown.push(total);
            expect(throttled.updates).to.deep.equal(shown.map(line));
            // A stopped clock: the first update and the final one.
            expect((await progress(() => 0)).updates).to.deep.equal([line(1), line(total)]);
        });

        it("prints nothing extra when not on a terminal", async () => {
            expect((await run(["preview", path.join(FIXTURES, "agents"), "--json"])).stderr).to.equal("");
        });
    });

    describe("NotAction and NotResource", () => {
        const doc = {
            Statement: [
                { Effect: "Allow", NotAction: ["s3:*", "iam:*"], Resource: "*" },
                { Effect: "Allow", Action: "bedrock:InvokeModel", NotResource: "arn:aws:bedrock:us-east-1::foundation-model/m" },
            ],
        };

        it("parseStatements keeps them, with empty Action/Resource lists, and statementJson writes them back", () => {
            const parsed = parseStatements(doc);
            expect(parsed).to.deep.equal([
                { Effect: "Allow", Action: [], Resource: ["*"], NotAction: ["iam:*", "s3:*"] },
                { Effect: "Allow", Action: ["bedrock:InvokeModel"], Resource: [], NotResource: ["arn:aws:bedrock:us-east-1::foundation-model/m"] },
            ]);
            expect(policyJson(parsed)).to.equal(
                '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":["iam:*","s3:*"],"Resource":"*"},{"Effect":"Allow","Action":"bedrock:InvokeModel","NotResource":"arn:aws:bedrock:us-east-1::foundation-model/m"}]}',
            );
        });

        it("statements without them keep their form (no new keys)", () => {
            const s = canonical({ Effect: "Allow", Action: ["b:B", "a:A", "a:A"], Resource: ["r"] });
            expect(Object.keys(s)).to.deep.equal(["Effect", "Action", "Resource"]);
            expect(statementJson(s)).to.deep.equal({ Effect: "Allow", Action: ["a:A", "b:B"], Resource: "r" });
            expect(Object.keys(statementJson(s))).to.deep.equal(["Effect", "Action", "Resource"]);
        });

        it("mergeStatements merges the other statements and leaves them as they are", () => {
            const invoke = (r: string): Statement => ({ Effect: "Allow", Action: ["bedrock:InvokeModel"], Resource: [r] });
            const [notAction, notResource] = parseStatements(doc);
            const list: Statement = { Effect: "Allow", Action: ["bedrock:ListFoundationModels"], Resource: ["*"] };
            const merged = mergeStatements([invoke("m2"), notAction, invoke("m1"), list, notResource]);
            expect(merged).to.deep.equal([
                { Effect: "Allow", Action: ["bedrock:InvokeModel"], Resource: ["m1", "m2"] },
                { Effect: "Allow", Action: ["bedrock:InvokeModel"], Resource: [], NotResource: ["arn:aws:bedrock:us-east-1::foundation-model/m"] },
                { Effect: "Allow", Action: ["bedrock:ListFoundationModels"], Resource: ["*"] },
                { Effect: "Allow", Action: [], Resource: ["*"], NotAction: ["iam:*", "s3:*"] },
            ]);
            expect(mergeStatements([notResource, list, invoke("m1"), notAction, invoke("m2")])).to.deep.equal(merged);
        });
    });

    describe("policies attached every way, NotAction/NotResource, broad ARNs, managed-policy counts (tests/fixtures/check-more)", () => {
        const dir = path.join(FIXTURES, "check-more");
        const haiku = "anthropic.claude-3-haiku-20240307-v1:0";
        let p: Plan;
        before(async () => {
            const r = await run(["preview", dir, "--json"]);
            p = JSON.parse(r.stdout) as Plan;
        });

        it("with several stack files and no --stack, notes on stderr that none was read", async () => {
            const r = await run(["preview", dir, "--json"]);
            expect(r.stderr).to.equal(
                `note: ${dir} has Pulumi.a.yaml, Pulumi.b.yaml; without --stack none of them was read (pass --stack a to read Pulumi.a.yaml)\n`,
            );
            expect([p.program.stack, p.context.region]).to.deep.equal([null, "us-east-1"]);
            const b = await run(["preview", dir, "--json", "--stack", "b"]);
            expect(b.stderr).to.equal("");
            expect([(JSON.parse(b.stdout) as Plan).program.stack, (JSON.parse(b.stdout) as Plan).context.region]).to.deep.equal(["b", "eu-central-1"]);
            expect(readProgram(dir, "a").note).to.equal(undefined);
            expect(readProgram(path.join(FIXTURES, "check-rules")).note).to.equal(undefined);
        });

        it("collects PolicyAttachment, aws-native ManagedPolicy and RolePolicy, the role's inlinePolicies and managedPolicyArns", () => {
            expect(validate(p, PLAN_JSON_SCHEMA)).to.deep.equal([]);
            const policies = (role: string) =>
                p.roles.find((r) => r.name === role)?.policies.map((x) => [x.name, x.kind, x.resourceName ?? null, x.resourceType ?? null]);
            expect(p.roles.map((r) => r.name)).to.deep.equal(["broad", "eleven", "excl", "split", "twenty-one"]);
            expect(policies("split")).to.deep.equal([
                ["arn:aws:iam::aws:policy/AmazonBedrockReadOnly", "aws-managed", null, null],
                ["open-model", "managed", "open-model", "aws-native:iam:ManagedPolicy"],
                ["profile-grant", "managed", "profile-grant", "aws:iam/policy:Policy"],
            ]);
            expect(policies("excl")).to.deep.equal([
                ["not-action", "inline", null, null],
                ["not-resource", "inline", "not-resource", "aws-native:iam:RolePolicy"],
            ]);
            const split = p.roles.find((r) => r.name === "split") as PlanRole;
            expect(split.policies[1].statements).to.deep.equal([
                {
                    Effect: "Allow",
                    Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                    Resource: [`arn:aws:bedrock:us-east-1::foundation-model/${haiku}`],
                },
            ]);
            expect(split.policies[1].arn).to.match(/^arn:aws:iam::123456789012:policy\/open-model$/);
            const excl = p.roles.find((r) => r.name === "excl") as PlanRole;
            expect(excl.policies.flatMap((x) => x.statements)).to.deep.equal([
                { Effect: "Allow", Action: [], Resource: ["*"], NotAction: ["iam:*"] },
                { Effect: "Allow", Action: ["bedrock:InvokeModel"], Resource: [], NotResource: [`arn:aws:bedrock:us-east-1::foundation-model/${haiku}`] },
                { Effect: "Deny", Action: ["bedrock:*"], Resource: [], NotResource: [`arn:aws:bedrock:us-east-1::foundation-model/${haiku}`] },
            ]);
            expect(excl.inlineSize).to.equal(excl.policies.reduce((n, x) => n + (x.size as number), 0));
            expect(policies("eleven")).to.have.length(11);
            expect(policies("twenty-one")).to.have.length(21);
        });

        it("--check: NotAction/NotResource, broad ARNs, wildcard profile conditions, per-role model grants, managed-policy counts", async () => {
            const broadPolicy = `broad-${fakeId("broad", 7)}`;
            expect(p.findings.map((f) => [f.rule, f.severity, f.role, f.policy ?? null, f.message])).to.deep.equal([
                [
                    "wildcard-resource",
                    "error",
                    "broad",
                    broadPolicy,
                    "invoke on arn:aws:bedrock:*: a wildcard over every resource type (name the models, profiles or agents)",
                ],
                [
                    "invoke-region-wildcard",
                    "error",
                    "broad",
                    broadPolicy,
                    `invoke on arn:aws:bedrock:*::foundation-model/${haiku} with a Region wildcard: any Region can be called`,
                ],
                [
                    "model-without-profile-condition",
                    "error",
                    "broad",
                    broadPolicy,
                    `invoke on wildcarded foundation models arn:aws:bedrock:*::foundation-model/${haiku} without a bedrock:InferenceProfileArn condition`,
                ],
                [
                    "managed-policy-count",
                    "warning",
                    "eleven",
                    null,
                    "11 managed policies attached, over IAM's default quota of 10 per role (request a quota increase, up to 20)",
                ],
                [
                    "allow-not-action-or-resource",
                    "error",
                    "excl",
                    "not-action",
                    "Allow every action except iam:* on *: a wildcard grant (name the actions and resources allowed instead)",
                ],
                [
                    "allow-not-action-or-resource",
                    "error",
                    "excl",
                    "not-resource",
                    `Allow bedrock:InvokeModel on every resource except arn:aws:bedrock:us-east-1::foundation-model/${haiku}: a wildcard grant (name the actions and resources allowed instead)`,
                ],
                [
                    "model-without-profile-condition",
                    "error",
                    "split",
                    "open-model",
                    `invoke on arn:aws:bedrock:us-east-1::foundation-model/${haiku} without a bedrock:InferenceProfileArn condition, on a role that is granted an inference profile for that model: the model is open directly, not only through the profile`,
                ],
                [
                    "managed-policy-count",
                    "error",
                    "twenty-one",
                    null,
                    "21 managed policies attached, over IAM's 20 per role (the most the quota can be raised to)",
                ],
            ]);
            const r = await run(["preview", dir, "--check", "--stack", "a"]);
            expect(r.code).to.equal(1);
            expect(r.stdout.split("\n")[0]).to.equal("Checked 5 roles: 7 errors, 1 warning");
        });

        it("prints NotAction and NotResource statements readably", async () => {
            const r = await run(["preview", dir, "--stack", "a"]);
            expect(r.code).to.equal(0);
            const lines = r.stdout.split("\n");
            const at = lines.indexOf("  inline policy not-action, 92 characters");
            expect(lines.slice(at, at + 8)).to.deep.equal([
                "  inline policy not-action, 92 characters",
                "    Allow every action except iam:*",
                "      on *",
                "  inline policy not-resource, 327 characters",
                "    Allow bedrock:InvokeModel",
                `      on every resource except arn:aws:bedrock:us-east-1::foundation-model/${haiku}`,
                "    Deny bedrock:*",
                `      on every resource except arn:aws:bedrock:us-east-1::foundation-model/${haiku}`,
            ]);
        });
    });

    describe("checkRoles", () => {
        const rec = new MockRecorder();
        const haiku = "anthropic.claude-3-haiku-20240307-v1:0";
        const invoke = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];
        const profileArn = `arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.${haiku}`;
        const profile: Statement = { Effect: "Allow", Action: invoke, Resource: [profileArn] };
        const model: Statement = { Effect: "Allow", Action: invoke, Resource: [`arn:aws:bedrock:us-east-1::foundation-model/${haiku}`] };
        const roleWith = (...policies: Statement[][]): PlanRole => ({
            name: "r",
            external: true,
            trust: [],
            services: [],
            inlineSize: 0,
            policies: policies.map((statements, i) => ({ name: `p${i}`, kind: "inline", statements })),
        });
        const withoutPolicy = (fs: Finding[]) => fs.map(({ policy: _policy, ...f }) => f);

        it("model-without-profile-condition: judged per role, whatever the split of statements into policies", () => {
            const together = checkRoles([roleWith([profile, model])], rec);
            const apart = checkRoles([roleWith([profile], [model])], rec);
            const reversed = checkRoles([roleWith([model], [profile])], rec);
            expect(together.map((f) => [f.rule, f.severity, f.policy])).to.deep.equal([["model-without-profile-condition", "error", "p0"]]);
            expect(withoutPolicy(apart)).to.deep.equal(withoutPolicy(together));
            expect(withoutPolicy(reversed)).to.deep.equal(withoutPolicy(together));
            expect([apart[0].policy, reversed[0].policy]).to.deep.equal(["p1", "p0"]);
            // Alone, a model grant is legitimate; bounded by the profile, so is the pair.
            expect(checkRoles([roleWith([model])], rec)).to.deep.equal([]);
            const bounded = { ...model, Condition: { StringEquals: { "bedrock:InferenceProfileArn": [profileArn] } } };
            expect(checkRoles([roleWith([profile], [bounded])], rec)).to.deep.equal([]);
        });

        it("a bedrock:InferenceProfileArn condition bounds a grant only with concrete values, under an operator that needs the key", () => {
            const key = "bedrock:InferenceProfileArn";
            expect(boundsToProfiles({ StringEquals: { [key]: [profileArn] } })).to.equal(true);
            expect(boundsToProfiles({ ArnLike: { [key]: [profileArn] } })).to.equal(true);
            expect(boundsToProfiles({ "ForAnyValue:StringEquals": { [key]: [profileArn] } })).to.equal(true);
            expect(boundsToProfiles({ ArnLike: { [key]: ["arn:aws:bedrock:*:123456789012:inference-profile/*"] } })).to.equal(false);
            expect(boundsToProfiles({ StringLike: { [key]: [profileArn, `${profileArn.slice(0, -1)}?`] } })).to.equal(false);
            expect(boundsToProfiles({ StringEqualsIfExists: { [key]: [profileArn] } })).to.equal(false);
            expect(boundsToProfiles({ StringNotEquals: { [key]: [profileArn] } })).to.equal(false);
            expect(boundsToProfiles({ "ForAllValues:StringEquals": { [key]: [profileArn] } })).to.equal(false);
            expect(boundsToProfiles({ Null: { [key]: ["false"] } })).to.equal(false);
            // Every application profile of one Region and account: bounded (a request through one is also
            // authorized against the profile itself); any wider pattern is not.
            const apps = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/*";
            expect(boundsToProfiles({ ArnLike: { [key]: [apps, profileArn] } })).to.equal(true);
            expect(boundsToProfiles({ StringLike: { [key]: [apps] } })).to.equal(true);
            expect(boundsToProfiles({ ArnLike: { [key]: ["arn:aws:bedrock:*:123456789012:application-inference-profile/*"] } })).to.equal(false);
            expect(boundsToProfiles({ ArnLike: { [key]: ["arn:aws:bedrock:us-east-1:*:application-inference-profile/*"] } })).to.equal(false);
            expect(boundsToProfiles({ ArnLike: { [key]: ["arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a*"] } })).to.equal(false);
            expect(boundsToProfiles({ ArnLike: { [key]: ["arn:aws:bedrock:us-east-1:123456789012:*"] } })).to.equal(false);
            expect(boundsToProfiles({ StringEquals: { "aws:SourceAccount": ["123456789012"] } })).to.equal(false);
            expect(boundsToProfiles(undefined)).to.equal(false);
            // In the checks: a wildcard condition leaves the model open beside its profile.
            const wildcard = { ...model, Condition: { ArnLike: { [key]: ["arn:aws:bedrock:*:123456789012:inference-profile/*"] } } };
            expect(checkRoles([roleWith([profile, wildcard])], rec).map((f) => f.rule)).to.deep.equal(["model-without-profile-condition"]);
        });

        it("wildcard-resource: invoke on ARN patterns that match every resource type", () => {
            for (const arn of [
                "arn:aws:bedrock:*",
                "arn:*",
                "arn:aws:*:us-east-1:123456789012:foundation-model/x",
                "arn:aws:bedrock:us-east-1:123456789012:*",
            ]) {
                expect(checkRoles([roleWith([{ Effect: "Allow", Action: ["bedrock:InvokeModel"], Resource: [arn] }])], rec)).to.deep.equal([
                    {
                        rule: "wildcard-resource",
                        severity: "error",
                        role: "r",
                        policy: "p0",
                        message: `invoke on ${arn}: a wildcard over every resource type (name the models, profiles or agents)`,
                        statement: { Effect: "Allow", Action: ["bedrock:InvokeModel"], Resource: [arn] },
                    },
                ]);
            }
            expect(checkRoles([roleWith([{ Effect: "Allow", Action: ["bedrock:*"], Resource: ["arn:aws:bedrock:*"] }])], rec).map((f) => f.rule)).to.deep.equal(
                ["wildcard-action", "wildcard-resource"],
            );
            expect(checkRoles([roleWith([{ Effect: "Allow", Action: ["bedrock:GetPrompt"], Resource: ["arn:aws:bedrock:*"] }])], rec)).to.deep.equal([]);
            expect(
                checkRoles(
                    [
                        roleWith([
                            profile,
                            { Effect: "Allow", Action: ["bedrock:InvokeAgent"], Resource: ["arn:aws:bedrock:us-east-1:123456789012:agent-alias/A/B"] },
                        ]),
                    ],
                    rec,
                ),
            ).to.deep.equal([]);
        });

        it("allow-not-action-or-resource: Allow with NotAction and NotResource together; Deny is fine", () => {
            const both: Statement = { Effect: "Allow", Action: [], Resource: [], NotAction: ["iam:*"], NotResource: ["arn:aws:s3:::b"] };
            expect(checkRoles([roleWith([both, { ...both, Effect: "Deny" }])], rec)).to.deep.equal([
                {
                    rule: "allow-not-action-or-resource",
                    severity: "error",
                    role: "r",
                    policy: "p0",
                    message:
                        "Allow every action except iam:* on every resource except arn:aws:s3:::b: a wildcard grant (name the actions and resources allowed instead)",
                    statement: both,
                },
            ]);
        });

        it("managed-policy-count: nothing up to 10, a warning past 10, an error past 20 (inline policies not counted)", () => {
            const withManaged = (n: number): PlanRole => ({
                ...roleWith([model]),
                policies: [
                    { name: "inline", kind: "inline", statements: [] },
                    ...Array.from({ length: n }, (_, i) => ({ name: `m${i}`, kind: i % 2 ? ("managed" as const) : ("aws-managed" as const), statements: [] })),
                ],
            });
            const counts = (n: number) => checkRoles([withManaged(n)], rec).map((f) => [f.rule, f.severity]);
            expect(counts(10)).to.deep.equal([]);
            expect(counts(11)).to.deep.equal([["managed-policy-count", "warning"]]);
            expect(counts(20)).to.deep.equal([["managed-policy-count", "warning"]]);
            expect(counts(21)).to.deep.equal([["managed-policy-count", "error"]]);
        });
    });

    describe("the command (sdk/nodejs/cli.ts) and errors", () => {
        it("shows a missing import with the program's own require stack, not the preview's", async () => {
            const r = await run(["preview", path.join(FIXTURES, "missing-import")]);
            expect(r.code).to.equal(2);
            expect(r.stderr.split("\n")).to.deep.equal([
                "error: the program failed: Cannot find module 'no-such-package-for-the-preview'",
                "Require stack:",
                `- ${path.join(FIXTURES, "missing-import", "helper.ts")}`,
                `- ${path.join(FIXTURES, "missing-import", "index.ts")}`,
                "",
            ]);
            expect(r.stderr).not.to.match(/preview\.(ts|js)|cli\.(ts|js)|mocha/);
            const dir = path.join(ROOT, "prog");
            const message = `Cannot find module 'x'\nRequire stack:\n- ${path.join(ROOT, "components", "preview", "preview.ts")}\n- ${path.join(ROOT, "sdk", "nodejs", "cli.ts")}`;
            expect(trimRequireStack(message, dir)).to.equal("Cannot find module 'x'");
            expect(trimRequireStack("plain message", dir)).to.equal("plain message");
        });
    });

    describe("the ./testing entry: previewProgram, PLAN_JSON_SCHEMA", () => {
        it("returns the plan --json prints", async () => {
            const dir = path.join(FIXTURES, "agents");
            const fromApi = await testingEntry.previewProgram(dir, { region: "us-west-2" });
            const fromCli = JSON.parse((await run(["preview", dir, "--region", "us-west-2", "--json"])).stdout) as Plan;
            expect(JSON.parse(JSON.stringify(fromApi))).to.deep.equal(fromCli);
            expect(fromApi.schemaVersion).to.equal(1);
            expect(fromApi.program).to.deep.equal({ dir: "tests/fixtures/agents", main: "tests/fixtures/agents/index.ts", project: "agents", stack: null });
            expect(testingEntry.PLAN_JSON_SCHEMA).to.equal(PLAN_JSON_SCHEMA);
            expect(validate(fromApi, testingEntry.PLAN_JSON_SCHEMA)).to.deep.equal([]);
        });

        it("rejects with the program's error", async () => {
            await rejectsExactly(
                testingEntry.previewProgram(path.join(FIXTURES, "apply-error")),
                "a value of the program could not be computed: cannot use r-75bm8yk",
            );
        });
    });
});
