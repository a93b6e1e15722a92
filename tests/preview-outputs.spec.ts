import { expect } from "chai";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { parseArgs, previewProgram, ProgramError, runCli, type Plan, type PlanResource } from "../components/preview";
import { describeMissingOutputs, mockOutputs, parseMockOption, readMocksFile } from "../components/preview/mock-outputs";
import { defaultOutputs, fakeId, setBedrockMocks, settle, type FakeContext } from "../components/testing/testing";
import type { Statement } from "../components/iam/policy";
import { rejectsExactly, throwsExactly } from "./support/errors";

const ROOT = path.join(__dirname, "..");
const FIXTURES = path.join("tests", "fixtures");
const KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NEVER_SETTLED = "error: the program did not finish: a promise it exported or awaited never settled\n";

interface Run {
    code: number;
    stdout: string;
    stderr: string;
}

async function run(args: string[]): Promise<Run> {
    let stdout = "";
    let stderr = "";
    const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), progress: false });
    return { code, stdout, stderr };
}

async function plan(dir: string, ...flags: string[]): Promise<Plan> {
    const r = await run(["preview", path.join(FIXTURES, dir), "--json", ...flags]);
    expect(r.stderr).to.equal("");
    expect(r.code).to.equal(0);
    return JSON.parse(r.stdout) as Plan;
}

function resource(p: Plan, type: string, name: string): PlanResource {
    const found = p.resources.filter((r) => r.type === type && r.name === name);
    expect(found, `${type} ${name}`).to.have.length(1);
    return found[0];
}

/** The statements granting `action` to the role with Pulumi name `roleResource`. */
function grants(p: Plan, roleResource: string, action: string): Statement[] {
    const role = p.roles.find((r) => r.resourceName === roleResource);
    expect(role, roleResource).to.not.equal(undefined);
    return role!.policies.flatMap((pol) => pol.statements as Statement[]).filter((s) => s.Action.includes(action));
}

function cli(args: string[]): Promise<Run> {
    return new Promise((resolve) => {
        execFile(
            process.execPath,
            ["-r", "ts-node/register/transpile-only", path.join("sdk", "nodejs", "cli.ts"), ...args],
            { cwd: ROOT, env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" } },
            (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
    });
}

describe("the preview and the resources users pass to the package", () => {
    describe("realistic outputs (defaultOutputs), from the mocks' account, Region and partition", () => {
        const ctx: FakeContext = { account: "111122223333", region: "eu-west-1", partition: "aws" };
        const fake = (type: string, name: string, inputs: Record<string, unknown> = {}, c: FakeContext = ctx) =>
            defaultOutputs({ type, name, inputs, custom: true } as pulumi.runtime.MockResourceArgs, c);

        it("KMS keys (aws and aws-native): a UUID key id, its ARN; mrk- ids for multi-Region keys", () => {
            for (const type of ["aws:kms/key:Key", "aws-native:kms:Key"]) {
                const k = fake(type, "key");
                expect(k.state.keyId).to.match(KEY_ID);
                expect(k.id).to.equal(k.state.keyId);
                expect(k.state.arn).to.equal(`arn:aws:kms:eu-west-1:111122223333:key/${k.state.keyId}`);
                expect(fake(type, "key").state.keyId, "deterministic").to.equal(k.state.keyId);
                expect(fake(type, "other").state.keyId).to.not.equal(k.state.keyId);
                expect(fake(type, "global", { multiRegion: true }).state.keyId).to.match(/^mrk-[0-9a-f]{32}$/);
            }
            expect(fake("aws:kms/key:Key", "key", {}, { account: "111122223333", region: "cn-north-1", partition: "aws-cn" }).state.arn).to.match(
                /^arn:aws-cn:kms:cn-north-1:111122223333:key\//,
            );
        });

        it("Lambda functions (aws and aws-native): name, arn, qualifiedArn, invokeArn", () => {
            const name = `fn-${fakeId("fn", 7)}`;
            const arn = `arn:aws:lambda:eu-west-1:111122223333:function:${name}`;
            const f = fake("aws:lambda/function:Function", "fn");
            expect(f.id).to.equal(name);
            expect([f.state.name, f.state.arn, f.state.qualifiedArn, f.state.invokeArn]).to.deep.equal([
                name,
                arn,
                `${arn}:$LATEST`,
                `arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${arn}/invocations`,
            ]);
            expect(fake("aws:lambda/function:Function", "fn", { name: "given" }).state.arn).to.equal("arn:aws:lambda:eu-west-1:111122223333:function:given");
            const n = fake("aws-native:lambda:Function", "fn", { functionName: "native-fn" });
            expect([n.id, n.state.functionName, n.state.arn]).to.deep.equal([
                "native-fn",
                "native-fn",
                "arn:aws:lambda:eu-west-1:111122223333:function:native-fn",
            ]);
        });

        it("guardrails (aws and aws-native): guardrailArn, guardrailId, version DRAFT; versions numbered per guardrail", () => {
            const id = fakeId("g", 12);
            const arn = `arn:aws:bedrock:eu-west-1:111122223333:guardrail/${id}`;
            const a = fake("aws:bedrock/guardrail:Guardrail", "g");
            expect([a.id, a.state.guardrailId, a.state.guardrailArn, a.state.version]).to.deep.equal([`${id},DRAFT`, id, arn, "DRAFT"]);
            const n = fake("aws-native:bedrock:Guardrail", "g");
            expect([n.id, n.state.guardrailId, n.state.guardrailArn, n.state.version]).to.deep.equal([arn, id, arn, "DRAFT"]);
            const versions: FakeContext = { ...ctx, promptVersions: new Map() };
            const v = (name: string, guardrailArn: string) =>
                fake("aws:bedrock/guardrailVersion:GuardrailVersion", name, { guardrailArn }, versions).state.version;
            expect([v("v1", arn), v("v2", arn), v("w1", `${arn}x`)]).to.deep.equal(["1", "2", "1"]);
            const nv = fake("aws-native:bedrock:GuardrailVersion", "nv", { guardrailIdentifier: id }, versions);
            expect([nv.id, nv.state.guardrailArn, nv.state.guardrailId, nv.state.version]).to.deep.equal([`${id}|3`, arn, id, "3"]);
        });

        it("knowledge bases: aws AgentKnowledgeBase (id, arn) and aws-native KnowledgeBase (knowledgeBaseId, knowledgeBaseArn)", () => {
            const id = fakeId("kb", 10, true);
            const arn = `arn:aws:bedrock:eu-west-1:111122223333:knowledge-base/${id}`;
            const a = fake("aws:bedrock/agentKnowledgeBase:AgentKnowledgeBase", "kb");
            expect([a.id, a.state.arn]).to.deep.equal([id, arn]);
            expect(id).to.match(/^[0-9A-Z]{10}$/);
            const n = fake("aws-native:bedrock:KnowledgeBase", "kb");
            expect([n.id, n.state.knowledgeBaseId, n.state.knowledgeBaseArn, n.state.status]).to.deep.equal([id, id, arn, "ACTIVE"]);
        });

        it("S3 buckets (Bucket, BucketV2, aws-native): name, arn, domain names (amazonaws.com.cn in China)", () => {
            const name = `docs-${fakeId("docs", 7)}`;
            for (const type of ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"]) {
                const b = fake(type, "docs");
                expect([b.id, b.state.bucket, b.state.arn, b.state.bucketDomainName, b.state.bucketRegionalDomainName, b.state.region]).to.deep.equal([
                    name,
                    name,
                    `arn:aws:s3:::${name}`,
                    `${name}.s3.amazonaws.com`,
                    `${name}.s3.eu-west-1.amazonaws.com`,
                    "eu-west-1",
                ]);
            }
            const n = fake("aws-native:s3:Bucket", "docs", { bucketName: "my-docs" }, { account: "111122223333", region: "cn-north-1", partition: "aws-cn" });
            expect([n.id, n.state.bucketName, n.state.arn, n.state.domainName, n.state.regionalDomainName]).to.deep.equal([
                "my-docs",
                "my-docs",
                "arn:aws-cn:s3:::my-docs",
                "my-docs.s3.amazonaws.com.cn",
                "my-docs.s3.cn-north-1.amazonaws.com.cn",
            ]);
        });

        it("roles (aws: arn, name, uniqueId; aws-native: arn, roleName, roleId), under their path", () => {
            const a = fake("aws:iam/role:Role", "runner", { name: "runner", path: "/service/" });
            expect([a.id, a.state.name, a.state.arn, a.state.uniqueId]).to.deep.equal([
                "runner",
                "runner",
                "arn:aws:iam::111122223333:role/service/runner",
                `AROA${fakeId("runner", 17, true)}`,
            ]);
            const n = fake("aws-native:iam:Role", "runner");
            const roleName = `runner-${fakeId("runner", 12, true)}`;
            expect([n.id, n.state.roleName, n.state.arn, n.state.roleId]).to.deep.equal([
                roleName,
                roleName,
                `arn:aws:iam::111122223333:role/${roleName}`,
                `AROA${fakeId("runner", 17, true)}`,
            ]);
        });

        it("CloudWatch log groups (aws: arn without `:*`; aws-native: CloudFormation's Arn, with `:*`)", () => {
            const a = fake("aws:cloudwatch/logGroup:LogGroup", "logs", { name: "/bedrock/agents" });
            expect([a.id, a.state.name, a.state.arn]).to.deep.equal([
                "/bedrock/agents",
                "/bedrock/agents",
                "arn:aws:logs:eu-west-1:111122223333:log-group:/bedrock/agents",
            ]);
            const n = fake("aws-native:logs:LogGroup", "logs", { logGroupName: "/bedrock/agents" });
            expect([n.id, n.state.logGroupName, n.state.arn]).to.deep.equal([
                "/bedrock/agents",
                "/bedrock/agents",
                "arn:aws:logs:eu-west-1:111122223333:log-group:/bedrock/agents:*",
            ]);
        });

        it("any other type: its inputs, and the id <name>-id", () => {
            expect(fake("aws:sqs/queue:Queue", "jobs", { name: "jobs" })).to.deep.equal({ id: "jobs-id", state: { name: "jobs" } });
        });
    });

    describe("outputs a program read that the mocks did not give (MockRecorder.missingOutputs)", () => {
        it("lists each output read and left undefined, not the ones unread or given", async () => {
            const rec = setBedrockMocks({ outputs: { "aws:bedrock/agentAgentAlias:AgentAgentAlias": { agentAliasId: "LIVE000001" } } });
            const alias = new aws.bedrock.AgentAgentAlias("billing-live", { agentId: "BILLING001", agentAliasName: "live" });
            alias.agentAliasArn.apply((v) => v);
            alias.agentAliasId.apply((v) => v);
            alias.agentId.apply((v) => v);
            await settle();
            expect(rec.missingOutputs()).to.deep.equal([
                { type: "aws:bedrock/agentAgentAlias:AgentAgentAlias", name: "billing-live", output: "agentAliasArn" },
            ]);
            expect(describeMissingOutputs(rec.missingOutputs())).to.deep.equal([
                "the mocks gave no value for an output the program read:",
                '    aws:bedrock/agentAgentAlias:AgentAgentAlias "billing-live": agentAliasArn',
                "give it a value with --mock aws:bedrock/agentAgentAlias:AgentAgentAlias.agentAliasArn=<value> (repeatable) or --mocks <file.json>",
            ]);
        });
    });

    describe("programs that pass the user's resources to the package run to completion", () => {
        it("an aws.kms.Key as an agent's and a prompt's KMS key (tests/fixtures/user-kms-key)", async () => {
            const p = await plan("user-kms-key");
            const key = resource(p, "aws:kms/key:Key", "agent-key");
            const arn = key.outputs.arn as string;
            expect(arn).to.equal(`arn:aws:kms:us-east-1:123456789012:key/${key.outputs.keyId as string}`);
            expect(key.outputs.keyId).to.match(KEY_ID);
            expect(resource(p, "aws-native:bedrock:Agent", "helper").inputs.customerEncryptionKeyArn).to.equal(arn);
            expect(resource(p, "aws-native:bedrock:Prompt", "greeting").inputs.customerEncryptionKeyArn).to.equal(arn);
            expect(p.outputs.keyArn).to.equal(arn);
        });

        it("an aws.bedrock.Guardrail (with a version) and an aws-native Guardrail on agents (tests/fixtures/user-guardrails)", async () => {
            const p = await plan("user-guardrails");
            const classic = fakeId("classic", 12);
            const native = `arn:aws:bedrock:us-east-1:123456789012:guardrail/${fakeId("native", 12)}`;
            expect(resource(p, "aws-native:bedrock:Agent", "classic-agent").inputs.guardrailConfiguration).to.deep.equal({
                guardrailIdentifier: classic,
                guardrailVersion: "1",
            });
            expect(resource(p, "aws-native:bedrock:Agent", "native-agent").inputs.guardrailConfiguration).to.deep.equal({
                guardrailIdentifier: native,
                guardrailVersion: "DRAFT",
            });
            expect(grants(p, "classic-agent-role", "bedrock:ApplyGuardrail")).to.deep.equal([
                { Effect: "Allow", Action: ["bedrock:ApplyGuardrail"], Resource: [`arn:aws:bedrock:us-east-1:123456789012:guardrail/${classic}`] },
            ]);
            expect(grants(p, "native-agent-role", "bedrock:ApplyGuardrail")).to.deep.equal([
                { Effect: "Allow", Action: ["bedrock:ApplyGuardrail"], Resource: [native] },
            ]);
        });

        it("an aws.bedrock.AgentKnowledgeBase and an aws-native KnowledgeBase on an agent (tests/fixtures/user-knowledge-base)", async () => {
            const p = await plan("user-knowledge-base");
            const manuals = fakeId("manuals", 10, true);
            const faq = fakeId("faq", 10, true);
            expect(resource(p, "aws-native:bedrock:Agent", "support").inputs.knowledgeBases).to.deep.equal([
                { description: "Product manuals", knowledgeBaseId: manuals, knowledgeBaseState: "ENABLED" },
                { description: "Frequently asked questions", knowledgeBaseId: faq, knowledgeBaseState: "ENABLED" },
            ]);
            const kbArn = (id: string) => `arn:aws:bedrock:us-east-1:123456789012:knowledge-base/${id}`;
            expect(grants(p, "support-role", "bedrock:Retrieve")).to.deep.equal([
                { Effect: "Allow", Action: ["bedrock:Retrieve"], Resource: [kbArn(faq), kbArn(manuals)].sort() },
            ]);
            expect([p.outputs.manualsArn, p.outputs.faqArn]).to.deep.equal([kbArn(manuals), kbArn(faq)]);
        });
    });

    describe("a program that reads an output the mocks do not give", () => {
        const dir = path.join(FIXTURES, "missing-output");
        const aliasArn = "arn:aws:bedrock:us-east-1:123456789012:agent-alias/BILLING001/LIVE000001";

        it("fails with the package's error at the program's line, and names the resource and the output", async () => {
            expect(await run(["preview", dir])).to.deep.equal({
                code: 2,
                stdout: "",
                stderr: [
                    'error: a value of the program could not be computed: Agent "supervisor": agentCollaborators[0].agentAlias undefined is required',
                    `    at ${path.join(dir, "index.ts")}:9:20`,
                    "the mocks gave no value for an output the program read:",
                    '    aws:bedrock/agentAgentAlias:AgentAgentAlias "billing-live": agentAliasArn',
                    "give it a value with --mock aws:bedrock/agentAgentAlias:AgentAgentAlias.agentAliasArn=<value> (repeatable) or --mocks <file.json>",
                    "",
                ].join("\n"),
            });
        });

        it("runs to completion with the output given by --mock, or by a --mocks file", async () => {
            for (const flags of [
                ["--mock", `aws:bedrock/agentAgentAlias:AgentAgentAlias.agentAliasArn=${aliasArn}`],
                ["--mocks", path.join(dir, "mocks.json")],
            ]) {
                const p = await plan("missing-output", ...flags);
                expect(resource(p, "aws-native:bedrock:Agent", "supervisor").inputs.agentCollaborators).to.deep.equal([
                    { agentDescriptor: { aliasArn }, collaborationInstruction: "Questions about invoices and payments", collaboratorName: "billing" },
                ]);
                expect(grants(p, "supervisor-role", "bedrock:InvokeAgent")).to.deep.equal([
                    { Effect: "Allow", Action: ["bedrock:GetAgentAlias", "bedrock:InvokeAgent"], Resource: [aliasArn] },
                ]);
            }
        });

        it("previewProgram takes the outputs too, and rejects with the missing outputs as the error's notes", async () => {
            const p = await previewProgram(dir, { outputs: { "aws:bedrock/agentAgentAlias:AgentAgentAlias": { agentAliasArn: aliasArn } } });
            expect(resource(p, "aws-native:bedrock:Agent", "supervisor").inputs.agentCollaborators).to.deep.equal([
                { agentDescriptor: { aliasArn }, collaborationInstruction: "Questions about invoices and payments", collaboratorName: "billing" },
            ]);
            const error = await rejectsExactly(
                previewProgram(dir),
                'a value of the program could not be computed: Agent "supervisor": agentCollaborators[0].agentAlias undefined is required',
                ProgramError,
            );
            expect((error as ProgramError).frames).to.deep.equal([`${path.join(dir, "index.ts")}:9:20`]);
            expect((error as ProgramError).notes).to.deep.equal([
                "the mocks gave no value for an output the program read:",
                '    aws:bedrock/agentAgentAlias:AgentAgentAlias "billing-live": agentAliasArn',
                "give it a value with --mock aws:bedrock/agentAgentAlias:AgentAgentAlias.agentAliasArn=<value> (repeatable) or --mocks <file.json>",
            ]);
        });

        it("points a value the package refuses at deploy time at the line that created the component", async () => {
            const kb = path.join(FIXTURES, "user-knowledge-base");
            const r = await run(["preview", kb, "--mock", "aws:bedrock/agentKnowledgeBase:AgentKnowledgeBase.id=manuals-kb"]);
            expect(r).to.deep.equal({
                code: 2,
                stdout: "",
                stderr: [
                    'error: a value of the program could not be computed: Agent "support": knowledgeBases[0].knowledgeBaseId "manuals-kb" must match ^[0-9a-zA-Z]{10}$ (10 letters or digits)',
                    `    at ${path.join(kb, "index.ts")}:21:15`,
                    "",
                ].join("\n"),
            });
        });

        it("shows every frame of the program for a value refused deep inside a component's arguments (tests/fixtures/deep-validation)", async () => {
            const dir = path.join(FIXTURES, "deep-validation");
            expect(await run(["preview", dir])).to.deep.equal({
                code: 2,
                stdout: "",
                stderr: [
                    'error: the program failed: Agent "weather": actionGroups[0].functionSchema.functions[0].parameters "field name!" is not a parameter name (letters and digits, each followed by at most one underscore or hyphen, at most 100 of them)',
                    `    at ${path.join(dir, "index.ts")}:7:12`,
                    `    at ${path.join(dir, "index.ts")}:23:25`,
                    "",
                ].join("\n"),
            });
        });

        it("notes an output read and not given when the program finishes anyway (tests/fixtures/reads-missing-output)", async () => {
            const r = await run(["preview", path.join(FIXTURES, "reads-missing-output"), "--json"]);
            expect(r.code).to.equal(0);
            expect(r.stderr).to.equal(
                [
                    "note: the mocks gave no value for an output the program read:",
                    '    aws:bedrock/agentAgentAlias:AgentAgentAlias "billing-live": agentAliasId',
                    "give it a value with --mock aws:bedrock/agentAgentAlias:AgentAgentAlias.agentAliasId=<value> (repeatable) or --mocks <file.json>",
                    "",
                ].join("\n"),
            );
            expect((JSON.parse(r.stdout) as Plan).outputs, "an undefined output is left out of the JSON").to.deep.equal({});
        });

        it("when the program awaits it forever, says so and names the resource and the output (sdk/nodejs/cli.ts)", async function () {
            this.timeout(60_000);
            expect(await cli(["preview", path.join(FIXTURES, "awaits-missing-output")])).to.deep.equal({
                code: 2,
                stdout: "",
                stderr:
                    NEVER_SETTLED +
                    [
                        "the mocks gave no value for an output the program read:",
                        '    aws:bedrock/agentAgentAlias:AgentAgentAlias "billing-live": agentAliasArn',
                        "give it a value with --mock aws:bedrock/agentAgentAlias:AgentAgentAlias.agentAliasArn=<value> (repeatable) or --mocks <file.json>",
                        "",
                    ].join("\n"),
            });
        });
    });

    describe("--mock and --mocks", () => {
        it("parses repeated options in order; the output is the text after the last dot before the first =", () => {
            expect(
                parseArgs(["preview", "dir", "--mock", "aws:kms/key:Key.arn=a=b.c", "--mocks", "x.json", "--mock=aws:s3/bucket:Bucket.bucket=b"]),
            ).to.deep.equal({
                programDir: "dir",
                json: false,
                mermaid: false,
                check: false,
                help: false,
                mock: ["aws:kms/key:Key.arn=a=b.c", "aws:s3/bucket:Bucket.bucket=b"],
                mocks: ["x.json"],
            });
            expect(parseMockOption("aws:kms/key:Key.arn=a=b.c")).to.deep.equal({ type: "aws:kms/key:Key", output: "arn", value: "a=b.c" });
        });

        it("refuses a --mock without a type token, an output or =", async () => {
            expect(await run(["preview", "dir", "--mock", "arn=x"])).to.deep.equal({
                code: 2,
                stdout: "",
                stderr: "error: --mock arn=x: expected <type>.<output>=<value>, e.g. aws:kms/key:Key.arn=arn:aws:kms:us-east-1:123456789012:key/<id>\n",
            });
            throwsExactly(
                () => parseMockOption("Key.arn=x"),
                '--mock Key.arn=x: "Key" is not a resource type token (<package>:<module>:<Type>, e.g. aws:kms/key:Key)',
            );
            throwsExactly(() => parseMockOption("aws:kms/key:Key.=x"), '--mock aws:kms/key:Key.=x: "" is not an output name');
        });

        it("reads a --mocks file, refusing a missing file, text that is not JSON, and other shapes; --mock wins", async () => {
            const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mocks-"));
            const file = (name: string, text: string) => {
                fs.writeFileSync(path.join(tmp, name), text);
                return path.join(tmp, name);
            };
            const good = file("good.json", JSON.stringify({ "aws:kms/key:Key": { arn: "from-file", keyId: "k" } }));
            expect(mockOutputs([good], ["aws:kms/key:Key.arn=from-flag"])).to.deep.equal({ "aws:kms/key:Key": { arn: "from-flag", keyId: "k" } });
            throwsExactly(() => readMocksFile(path.join(tmp, "none.json")), `--mocks ${path.join(tmp, "none.json")}: no such file`);
            throwsExactly(
                () => readMocksFile(file("bad.json", "{")),
                `--mocks ${path.join(tmp, "bad.json")}: not JSON (Expected property name or '}' in JSON at position 1)`,
            );
            throwsExactly(
                () => readMocksFile(file("list.json", "[]")),
                `--mocks ${path.join(tmp, "list.json")}: expected an object of resource types, e.g. {"aws:kms/key:Key": {"arn": "..."}}`,
            );
            throwsExactly(
                () => readMocksFile(file("flat.json", '{"aws:kms/key:Key": "x"}')),
                `--mocks ${path.join(tmp, "flat.json")}: aws:kms/key:Key: expected an object of outputs, e.g. {"arn": "..."}`,
            );
            expect(await run(["preview", path.join(FIXTURES, "missing-output"), "--mocks", path.join(tmp, "none.json")])).to.deep.equal({
                code: 2,
                stdout: "",
                stderr: `error: --mocks ${path.join(tmp, "none.json")}: no such file\n`,
            });
            fs.rmSync(tmp, { recursive: true, force: true });
        });
    });
});
