import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { PLAN_JSON_SCHEMA, parseArgs, parseSimpleYaml, readProgram, runCli, USAGE, type Finding, type Plan } from "../components/preview";
import { fakeId } from "../components/testing";

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
            expect(() => parseArgs(["preview", "--region"])).to.throw(`--region needs a value\n\n${USAGE}`);
            expect(() => parseArgs(["preview", "--nope"])).to.throw(`unknown option --nope\n\n${USAGE}`);
            expect(() => parseArgs(["deploy"])).to.throw(`unknown command deploy\n\n${USAGE}`);
            expect(() => parseArgs(["preview", "a", "b"])).to.throw(`one program directory, got a and b\n\n${USAGE}`);
            expect(() => parseArgs(["preview", "--json", "--mermaid"])).to.throw("--json and --mermaid print different documents: choose one");
        });

        it("prints usage with --help, and exit code 2 with the reason on bad arguments", async () => {
            expect(await run(["preview", "--help"])).to.deep.equal({ code: 0, stdout: USAGE, stderr: "" });
            expect(await run(["preview", "--bogus"])).to.deep.equal({ code: 2, stdout: "", stderr: `error: unknown option --bogus\n\n${USAGE}\n` });
            expect(await run(["preview", FIXTURES])).to.deep.equal({
                code: 2,
                stdout: "",
                stderr: `error: ${FIXTURES}: no Pulumi.yaml (is this a Pulumi program directory?)\n`,
            });
            if (fs.existsSync(path.join(ROOT, "examples", "quickstart-python", "Pulumi.yaml"))) {
                expect(await run(["preview", "examples/quickstart-python"])).to.deep.equal({
                    code: 2,
                    stdout: "",
                    stderr: "error: examples/quickstart-python: runtime python: the offline preview evaluates Node.js (TypeScript or JavaScript) programs\n",
                });
            }
            expect(await run(["preview", "examples/quickstart", "--account", "12"])).to.deep.equal({
                code: 2,
                stdout: "",
                stderr: "error: --account 12: expected 12 digits\n",
            });
        });

        it("reads Pulumi.yaml (name, main, config defaults) and the only stack file's config", () => {
            expect(parseSimpleYaml("name: x\nconfig:\n  aws:region: eu-west-1 # comment\n  'q': \"v\"\nlist:\n  - a\n")).to.deep.equal({
                name: "x",
                config: { "aws:region": "eu-west-1", q: "v" },
                list: {},
            });
            expect(readProgram(path.join(FIXTURES, "check-rules"))).to.deep.equal({
                dir: path.join(ROOT, FIXTURES, "check-rules"),
                main: path.join(ROOT, FIXTURES, "check-rules", "index.ts"),
                project: "check-rules",
                stack: "ci",
                config: { "check-rules:roleSuffix": "ci", "aws:region": "eu-west-1" },
            });
            expect(readProgram(path.join(FIXTURES, "program-error")).main).to.equal(path.join(ROOT, FIXTURES, "program-error", "src", "main.ts"));
            expect(() => readProgram(path.join(FIXTURES, "check-rules"), "prod")).to.throw(
                `${path.join(FIXTURES, "check-rules")}: no Pulumi.prod.yaml for stack prod`,
            );
        });
    });

    describe("examples/quickstart", () => {
        let p: Plan;
        before(async () => {
            p = await plan("examples/quickstart");
        });

        it("evaluates in the default account and Region without a stack file", () => {
            expect(p.program).to.deep.equal({
                dir: path.join(ROOT, "examples", "quickstart"),
                main: path.join(ROOT, "examples", "quickstart", "index.ts"),
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
                "aws:iam/rolePolicy:RolePolicy::myapplicationprofile-usage-fn-role <- myapplicationprofile",
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
            const usage = role.policies.find((x) => x.resourceName === "myapplicationprofile-usage-fn-role");
            expect(usage?.name).to.equal(`myapplicationprofile-usage-fn-role-${fakeId("myapplicationprofile-usage-fn-role", 7)}`);
            expect(usage?.statements).to.deep.equal([
                {
                    Effect: "Allow",
                    Action: ["bedrock:GetInferenceProfile"],
                    Resource: [`arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/${fakeId("myapplicationprofile", 12)}`],
                },
                { Effect: "Allow", Action: ["bedrock:ListInferenceProfiles"], Resource: ["*"] },
            ]);
            const doc = JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    {
                        Effect: "Allow",
                        Action: "bedrock:GetInferenceProfile",
                        Resource: `arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/${fakeId("myapplicationprofile", 12)}`,
                    },
                    { Effect: "Allow", Action: "bedrock:ListInferenceProfiles", Resource: "*" },
                ],
            });
            expect(usage?.size).to.equal(doc.length);
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
            const at = lines.indexOf(`│  ├─ myapplicationprofile (aws-native:bedrock:ApplicationInferenceProfile) → ${profileArn}`);
            expect(at).to.be.greaterThan(4);
            expect(lines.slice(at + 1, at + 4)).to.deep.equal([
                "│  │      inferenceProfileName: claude 3 sonnet v1",
                "│  │      modelSource.copyFrom: arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-sonnet-20240229-v1:0",
                "│  │      tags: test=test",
            ]);
            const role = lines.indexOf(`role fn-role-${fakeId("fn-role", 7)} (fn-role)`);
            expect(role).to.be.greaterThan(at);
            expect(lines.slice(role + 1, role + 3)).to.deep.equal(["  trust:", "    Allow sts:AssumeRole by Service lambda.amazonaws.com"]);
            const usage = lines.indexOf(
                `  inline policy myapplicationprofile-usage-fn-role-${fakeId("myapplicationprofile-usage-fn-role", 7)} (myapplicationprofile-usage-fn-role), 266 characters`,
            );
            expect(lines.slice(usage + 1, usage + 5)).to.deep.equal([
                "    Allow bedrock:GetInferenceProfile",
                `      on ${profileArn}`,
                "    Allow bedrock:ListInferenceProfiles",
                "      on *",
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
                const project = parseSimpleYaml(fs.readFileSync(path.join(ROOT, "examples", d, "Pulumi.yaml"), "utf8"));
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
                `invoke on arn:aws:bedrock:eu-central-1::foundation-model/${haiku}, arn:aws:bedrock:eu-west-1::foundation-model/${haiku} without a bedrock:InferenceProfileArn condition, in a policy that grants an inference profile for that model: the model is open directly, not only through the profile`,
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
        it("draws agents -> aliases and the role they run as", async () => {
            const r = await run(["preview", path.join(FIXTURES, "agents"), "--region", "us-west-2", "--mermaid"]);
            expect(r.code).to.equal(0);
            const edges = labelledEdges(parseMermaid(r.stdout));
            expect(edges).to.deep.equal([
                "role agent-role --> amazon.nova-pro-v1:0",
                "agent helper -.->|runs as| role agent-role",
                "agent helper -.->|model| amazon.nova-pro-v1:0",
                "agent helper --> alias live",
                "agent helper --> alias beta",
            ]);
            expect(r.stdout).to.contain('    subgraph region6["us-west-2"]\n        model2["amazon.nova-pro-v1:0"]\n    end\n');
        });

        it("finds no confused-deputy problem when the trust policy has aws:SourceAccount", async () => {
            expect((await plan(path.join(FIXTURES, "agents"))).findings).to.deep.equal([]);
        });
    });

    describe("errors in the program", () => {
        it("shows the program's own file and line, not the preview's internals", async () => {
            const r = await run(["preview", path.join(FIXTURES, "program-error")]);
            expect(r.code).to.equal(2);
            expect(r.stdout).to.equal("");
            const lines = r.stderr.split("\n");
            expect(lines[0]).to.match(/^error: the program failed: ApplicationInferenceProfile "bad": inferenceProfileName "" /);
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
        it("shows resources registered so far on a terminal, and clears the line", async () => {
            const r = await run(["preview", path.join(FIXTURES, "agents"), "--json"], true);
            const updates = r.stderr.split("\r\x1b[2K").filter((s) => s !== "");
            expect(updates).to.deep.equal(
                [1, 2, 3, 4, 5].map((n) => `evaluating ${path.join(FIXTURES, "agents")}: ${n} resource${n === 1 ? "" : "s"} registered`),
            );
            expect(r.stderr.endsWith("\r\x1b[2K")).to.equal(true);
        });

        it("prints nothing extra when not on a terminal", async () => {
            expect((await run(["preview", path.join(FIXTURES, "agents"), "--json"])).stderr).to.equal("");
        });
    });
});
