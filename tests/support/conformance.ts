/**
 * Conformance harness: renders what a program registered (as the Pulumi mocks recorded it) as the
 * CloudFormation template it stands for, and validates that template with AWS's offline validator
 * `@aws/cloudformation-validate`.
 *
 * - `aws-native:<module>:<Type>` resources become `AWS::<Module>::<Type>` (`bedrockagentcore` is
 *   `BedrockAgentCore`); their inputs are the
 *   CloudFormation properties in camelCase, turned back into PascalCase, except the keys of map-typed
 *   and free-form properties (tag maps, `AdditionalModelRequestFields`, tool input schemas, agent
 *   function parameters), which are the user's own keys.
 * - `aws.iam.RolePolicy` becomes `AWS::IAM::RolePolicy`, `aws.iam.Policy` (with the roles its
 *   `RolePolicyAttachment`s attach it to) `AWS::IAM::ManagedPolicy`, and `aws.iam.Role`
 *   `AWS::IAM::Role`: the validator checks policy documents, names and sizes. Lambda functions and
 *   permissions (agent action groups) become `AWS::Lambda::Function` / `AWS::Lambda::Permission`.
 *
 * Build the engine once per test run (`getEngine()`, about 2 s) and free it at the end (`freeEngine()`).
 */
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { CelEngine, TemplateFile, type Engine, type StandardDiagnostic } from "@aws/cloudformation-validate";
import type { MockRecorder, RecordedResource } from "../../components/testing/testing";

/** The wire value Pulumi uses for unknown values. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/** A CloudFormation template. */
export interface CfnTemplate {
    AWSTemplateFormatVersion: "2010-09-09";
    Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
}

/** A rendered template and where each logical id came from. */
export interface Rendered {
    template: CfnTemplate;
    /** Logical id -> `<pulumi type> "<pulumi name>"`. */
    origins: Record<string, string>;
    /** Recorded custom resources that have no CloudFormation rendering here (type tokens, sorted, unique). */
    notRendered: string[];
}

/** A diagnostic, attributed to the Pulumi resource it came from. */
export interface Finding {
    severity: string;
    ruleId: string;
    logicalId?: string;
    origin?: string;
    propertyPath?: string;
    message: string;
}

// ---- naming ----

/** Module segment of an aws-native type token -> CloudFormation service name, where not just capitalized. */
const SERVICES: Record<string, string> = {
    iam: "IAM",
    kms: "KMS",
    s3: "S3",
    sqs: "SQS",
    sns: "SNS",
    ec2: "EC2",
    ecs: "ECS",
    ecr: "ECR",
    efs: "EFS",
    eks: "EKS",
    rds: "RDS",
    dynamodb: "DynamoDB",
    opensearchserverless: "OpenSearchServerless",
    cloudwatch: "CloudWatch",
    stepfunctions: "StepFunctions",
    secretsmanager: "SecretsManager",
    bedrock: "Bedrock",
    bedrockagentcore: "BedrockAgentCore",
    lambda: "Lambda",
    logs: "Logs",
    events: "Events",
};

/**
 * CloudFormation property names that are not the capitalized aws-native name (aws-native lowercases
 * acronyms: `IdleSessionTTLInSeconds` -> `idleSessionTtlInSeconds`): every property name with two
 * capitals in a row in the Bedrock and IAM resource types of the CloudFormation template reference
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-bedrock-agent.html).
 */
const IRREGULAR_NAMES: Record<string, string> = {
    idleSessionTtlInSeconds: "IdleSessionTTLInSeconds",
    uri: "URI",
};

/**
 * Properties whose value is a map or a free-form object: `opaque` values are copied as they are
 * (keys and everything below them belong to the user or to the model provider); `map` values keep
 * their keys and have each value converted. From the same schemas: `type: object` without
 * `properties` (tag maps, `AdditionalModelRequestFields`, a tool's `InputSchema.Json`, agent function
 * `Parameters`).
 */
const OPAQUE_PROPERTIES = new Set(["AdditionalModelRequestFields", "Json", "PolicyDocument", "AdditionalParams"]);
/** Free-form properties by path suffix (a name that is structured elsewhere): a harness inline function's JSON schema. */
const OPAQUE_PATHS = ["InlineFunction.InputSchema"];
/** Map-typed properties by path suffix: keys kept, values converted. `Tags` is a map except in the list form. */
const MAP_PROPERTIES = new Set([
    "Tags",
    "TestAliasTags",
    "FunctionSchema.Functions[].Parameters",
    // AWS::BedrockAgentCore::Harness maps: variable names, header names, OAuth parameters, memory namespaces.
    "EnvironmentVariables",
    "RemoteMcp.Headers",
    "Oauth.CustomParameters",
    "AgentCoreMemoryConfiguration.RetrievalConfig",
]);

/** `aws-native:bedrock:ApplicationInferenceProfile` -> `AWS::Bedrock::ApplicationInferenceProfile`. */
export function cfnType(pulumiType: string): string | undefined {
    const m = /^aws-native:([a-z0-9]+):([A-Za-z0-9]+)$/.exec(pulumiType);
    if (!m) return undefined;
    const service = SERVICES[m[1]] ?? m[1][0].toUpperCase() + m[1].slice(1);
    return `AWS::${service}::${m[2]}`;
}

/** `inferenceProfileName` -> `InferenceProfileName` (and the irregular names). */
export function cfnPropertyName(name: string): string {
    return IRREGULAR_NAMES[name] ?? name[0].toUpperCase() + name.slice(1);
}

function unwrapSecret(v: unknown): unknown {
    if (v && typeof v === "object" && !Array.isArray(v) && (v as Record<string, unknown>)[SECRET_SIG] !== undefined) {
        return (v as Record<string, unknown>).value;
    }
    return v;
}

/**
 * Refuses Pulumi's unknown sentinel: the harness validates programs evaluated as an update, where every
 * input is known, and a property it left out would be a property the validator never saw.
 */
function known(v: unknown, at: string): unknown {
    if (v === UNKNOWN) throw new Error(`${at || "(value)"} is unknown: conformance checks programs evaluated as an update, where every input is known`);
    return v;
}

/**
 * The CloudFormation form of aws-native inputs: keys in PascalCase, except below map-typed and
 * free-form properties. `trail` is the CloudFormation path so far (`Variants[].TemplateConfiguration`).
 * Throws on an unknown value.
 */
export function toCfnProperties(value: unknown, trail = ""): unknown {
    value = known(unwrapSecret(value), trail);
    if (Array.isArray(value)) return value.map((v) => toCfnProperties(v, `${trail}[]`));
    if (value === null || typeof value !== "object") return value;
    const out: Record<string, unknown> = {};
    for (const [k, raw] of Object.entries(value as Record<string, unknown>)) {
        const v = unwrapSecret(raw);
        if (v === undefined) continue;
        const name = cfnPropertyName(k);
        const at = trail ? `${trail}.${name}` : name;
        known(v, at);
        if (OPAQUE_PROPERTIES.has(name) || OPAQUE_PATHS.some((p) => at.endsWith(p))) {
            out[name] = typeof v === "string" && name === "PolicyDocument" ? JSON.parse(v) : v;
        } else if ([...MAP_PROPERTIES].some((p) => at === p || at.endsWith(`.${p}`)) && v !== null && typeof v === "object" && !Array.isArray(v)) {
            const map: Record<string, unknown> = {};
            for (const [mk, mv] of Object.entries(v as Record<string, unknown>)) map[mk] = toCfnProperties(mv, `${at}{}`);
            out[name] = map;
        } else {
            out[name] = toCfnProperties(v, at);
        }
    }
    return out;
}

function logicalIdOf(name: string, taken: Set<string>): string {
    const base =
        name
            .split(/[^A-Za-z0-9]+/)
            .filter(Boolean)
            .map((p) => p[0].toUpperCase() + p.slice(1))
            .join("") || "Resource";
    let id = /^[A-Za-z]/.test(base) ? base : `R${base}`;
    for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
    taken.add(id);
    return id;
}

function parseDocument(text: unknown): unknown {
    return typeof text === "string" ? JSON.parse(text) : text;
}

/** `{ To: inputs[from] }` for each defined input. */
function copyDefined(inputs: Record<string, any>, pairs: [string, string][]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [from, to] of pairs) if (inputs[from] !== undefined && inputs[from] !== UNKNOWN) out[to] = inputs[from];
    return out;
}

/** A tag map as CloudFormation's `[{ Key, Value }]`, sorted by key. */
function tagList(tags: Record<string, unknown> | undefined): { Key: string; Value: unknown }[] | undefined {
    if (!tags || typeof tags !== "object") return undefined;
    const list = Object.keys(tags)
        .sort()
        .map((Key) => ({ Key, Value: tags[Key] }));
    return list.length > 0 ? list : undefined;
}

/**
 * `aws.cloudwatch.MetricAlarm` (classic provider) inputs as `AWS::CloudWatch::Alarm` properties: the
 * `dimensions` map becomes `Dimensions: [{ Name, Value }]`, `name` `AlarmName`, `okActions` `OKActions`,
 * `evaluateLowSampleCountPercentiles` `EvaluateLowSampleCountPercentile`, `tags` a `[{ Key, Value }]` list.
 */
export function alarmProperties(inputs: Record<string, any>): Record<string, unknown> {
    const props = copyDefined(inputs, [
        ["name", "AlarmName"],
        ["alarmDescription", "AlarmDescription"],
        ["actionsEnabled", "ActionsEnabled"],
        ["alarmActions", "AlarmActions"],
        ["okActions", "OKActions"],
        ["insufficientDataActions", "InsufficientDataActions"],
        ["comparisonOperator", "ComparisonOperator"],
        ["evaluationPeriods", "EvaluationPeriods"],
        ["datapointsToAlarm", "DatapointsToAlarm"],
        ["metricName", "MetricName"],
        ["namespace", "Namespace"],
        ["statistic", "Statistic"],
        ["extendedStatistic", "ExtendedStatistic"],
        ["period", "Period"],
        ["threshold", "Threshold"],
        ["thresholdMetricId", "ThresholdMetricId"],
        ["treatMissingData", "TreatMissingData"],
        ["unit", "Unit"],
        ["evaluateLowSampleCountPercentiles", "EvaluateLowSampleCountPercentile"],
    ]);
    if (inputs.dimensions && typeof inputs.dimensions === "object") {
        props.Dimensions = Object.keys(inputs.dimensions)
            .sort()
            .map((Name) => ({ Name, Value: inputs.dimensions[Name] }));
    }
    const tags = tagList(inputs.tags);
    if (tags) props.Tags = tags;
    return props;
}

/** An aws provider budget `filterExpression` as CloudFormation's `Expression`. */
function budgetExpression(e: Record<string, any>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const values = (v: Record<string, any>) =>
        copyDefined(v, [
            ["key", "Key"],
            ["values", "Values"],
            ["matchOptions", "MatchOptions"],
        ]);
    if (e.ands !== undefined) out.And = e.ands.map(budgetExpression);
    if (e.ors !== undefined) out.Or = e.ors.map(budgetExpression);
    if (e.not !== undefined) out.Not = budgetExpression(e.not);
    if (e.tags !== undefined) out.Tags = values(e.tags);
    if (e.dimensions !== undefined) out.Dimensions = values(e.dimensions);
    if (e.costCategories !== undefined) out.CostCategories = values(e.costCategories);
    return out;
}

/**
 * `aws.budgets.Budget` (classic provider) inputs as `AWS::Budgets::Budget` properties: the budget's
 * fields under `Budget` (`limitAmount`/`limitUnit` -> `BudgetLimit { Amount (a number), Unit }`,
 * `costFilters [{ name, values }]` -> `CostFilters { <name>: values }`, `filterExpression` ->
 * `FilterExpression` (`ands`/`ors` -> `And`/`Or`, `not` -> `Not`, `tags`/`dimensions`/`costCategories` ->
 * `Tags`/`Dimensions`/`CostCategories` with `Key`, `Values`, `MatchOptions`), `timePeriodStart/End` ->
 * `TimePeriod`), each notification with its email and SNS subscribers under
 * `NotificationsWithSubscribers`, `tags` as `ResourceTags`.
 */
export function budgetProperties(inputs: Record<string, any>): Record<string, unknown> {
    const budget = copyDefined(inputs, [
        ["name", "BudgetName"],
        ["budgetType", "BudgetType"],
        ["timeUnit", "TimeUnit"],
        ["billingViewArn", "BillingViewArn"],
    ]);
    if (inputs.limitAmount !== undefined) budget.BudgetLimit = { Amount: Number(inputs.limitAmount), Unit: inputs.limitUnit };
    if (Array.isArray(inputs.costFilters) && inputs.costFilters.length > 0) {
        const filters: Record<string, unknown> = {};
        for (const f of inputs.costFilters) filters[f.name] = f.values;
        budget.CostFilters = filters;
    }
    if (inputs.filterExpression !== undefined) budget.FilterExpression = budgetExpression(inputs.filterExpression);
    if (inputs.timePeriodStart !== undefined || inputs.timePeriodEnd !== undefined) {
        budget.TimePeriod = copyDefined(inputs, [
            ["timePeriodStart", "Start"],
            ["timePeriodEnd", "End"],
        ]);
    }
    const props: Record<string, unknown> = { Budget: budget };
    if (Array.isArray(inputs.notifications) && inputs.notifications.length > 0) {
        props.NotificationsWithSubscribers = inputs.notifications.map((n: Record<string, any>) => ({
            Notification: copyDefined(n, [
                ["comparisonOperator", "ComparisonOperator"],
                ["notificationType", "NotificationType"],
                ["threshold", "Threshold"],
                ["thresholdType", "ThresholdType"],
            ]),
            Subscribers: [
                ...(n.subscriberEmailAddresses ?? []).map((Address: string) => ({ SubscriptionType: "EMAIL", Address })),
                ...(n.subscriberSnsTopicArns ?? []).map((Address: string) => ({ SubscriptionType: "SNS", Address })),
            ],
        }));
    }
    const tags = tagList(inputs.tags);
    if (tags) props.ResourceTags = tags;
    return props;
}

/** Renders the recorded resources as a CloudFormation template. */
export function renderTemplate(source: MockRecorder | RecordedResource[]): Rendered {
    const resources = Array.isArray(source) ? source : source.resources;
    const template: CfnTemplate = { AWSTemplateFormatVersion: "2010-09-09", Resources: {} };
    const origins: Record<string, string> = {};
    const notRendered = new Set<string>();
    const taken = new Set<string>();
    const add = (r: RecordedResource, type: string, properties: Record<string, unknown>) => {
        const id = logicalIdOf(r.name, taken);
        template.Resources[id] = { Type: type, Properties: properties };
        origins[id] = `${r.type} "${r.name}"`;
    };
    const attachments = resources.filter((r) => r.custom && r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment");
    for (const r of resources) {
        if (!r.custom) continue;
        const inputs = r.inputs ?? {};
        const type = cfnType(r.type);
        if (type) {
            add(r, type, toCfnProperties(inputs) as Record<string, unknown>);
            continue;
        }
        switch (r.type) {
            case "aws:iam/rolePolicy:RolePolicy":
                add(r, "AWS::IAM::RolePolicy", {
                    PolicyName: inputs.name ?? r.state?.name,
                    RoleName: inputs.role,
                    PolicyDocument: parseDocument(inputs.policy),
                });
                break;
            case "aws:iam/policy:Policy": {
                const arn = r.state?.arn;
                const roles = attachments.filter((a) => a.inputs.policyArn === arn).map((a) => a.inputs.role as string);
                const props: Record<string, unknown> = { PolicyDocument: parseDocument(inputs.policy) };
                if (inputs.name !== undefined) props.ManagedPolicyName = inputs.name;
                if (inputs.description !== undefined) props.Description = inputs.description;
                if (inputs.path !== undefined) props.Path = inputs.path;
                if (roles.length > 0) props.Roles = roles;
                add(r, "AWS::IAM::ManagedPolicy", props);
                break;
            }
            case "aws:iam/role:Role": {
                const props: Record<string, unknown> = { AssumeRolePolicyDocument: parseDocument(inputs.assumeRolePolicy) };
                if (inputs.name !== undefined) props.RoleName = inputs.name;
                if (inputs.path !== undefined) props.Path = inputs.path;
                if (inputs.description !== undefined) props.Description = inputs.description;
                if (inputs.maxSessionDuration !== undefined) props.MaxSessionDuration = inputs.maxSessionDuration;
                if (inputs.permissionsBoundary !== undefined) props.PermissionsBoundary = inputs.permissionsBoundary;
                if (Array.isArray(inputs.managedPolicyArns) && inputs.managedPolicyArns.length > 0) props.ManagedPolicyArns = inputs.managedPolicyArns;
                add(r, "AWS::IAM::Role", props);
                break;
            }
            case "aws:lambda/function:Function": {
                const props: Record<string, unknown> = {
                    Role: inputs.role,
                    // The archive's bytes are not part of what CloudFormation validates; stand in inline code.
                    Code:
                        inputs.s3Bucket !== undefined ? { S3Bucket: inputs.s3Bucket, S3Key: inputs.s3Key } : { ZipFile: "exports.handler = async () => ({});" },
                };
                const copy: [string, string][] = [
                    ["name", "FunctionName"],
                    ["runtime", "Runtime"],
                    ["handler", "Handler"],
                    ["description", "Description"],
                    ["timeout", "Timeout"],
                    ["memorySize", "MemorySize"],
                    ["architectures", "Architectures"],
                    ["packageType", "PackageType"],
                ];
                for (const [from, to] of copy) if (inputs[from] !== undefined) props[to] = inputs[from];
                if (inputs.environment?.variables) props.Environment = { Variables: inputs.environment.variables };
                add(r, "AWS::Lambda::Function", props);
                break;
            }
            case "aws:lambda/permission:Permission": {
                const props: Record<string, unknown> = { Action: inputs.action, FunctionName: inputs.function, Principal: inputs.principal };
                if (inputs.sourceArn !== undefined) props.SourceArn = inputs.sourceArn;
                if (inputs.sourceAccount !== undefined) props.SourceAccount = inputs.sourceAccount;
                add(r, "AWS::Lambda::Permission", props);
                break;
            }
            case "aws:cloudwatch/metricAlarm:MetricAlarm":
                add(r, "AWS::CloudWatch::Alarm", alarmProperties(inputs));
                break;
            case "aws:cloudwatch/dashboard:Dashboard":
                add(
                    r,
                    "AWS::CloudWatch::Dashboard",
                    copyDefined(inputs, [
                        ["dashboardName", "DashboardName"],
                        ["dashboardBody", "DashboardBody"],
                    ]),
                );
                break;
            case "aws:budgets/budget:Budget":
                add(r, "AWS::Budgets::Budget", budgetProperties(inputs));
                break;
            case "aws:cloudwatch/logGroup:LogGroup":
                add(
                    r,
                    "AWS::Logs::LogGroup",
                    copyDefined(inputs, [
                        ["name", "LogGroupName"],
                        ["retentionInDays", "RetentionInDays"],
                        ["kmsKeyId", "KmsKeyId"],
                    ]),
                );
                break;
            case "aws:s3/bucketPolicy:BucketPolicy":
                add(r, "AWS::S3::BucketPolicy", { Bucket: inputs.bucket, PolicyDocument: parseDocument(inputs.policy) });
                break;
            case "aws:iam/rolePolicyAttachment:RolePolicyAttachment":
                // Rendered as the managed policy's `Roles`.
                break;
            default:
                notRendered.add(r.type);
        }
    }
    return { template, origins, notRendered: [...notRendered].sort() };
}

// ---- validation ----

/** A `TemplateFile` whose bytes come from memory (the engines read templates through `readBytes`). */
class InMemoryTemplate extends TemplateFile {
    constructor(
        name: string,
        private readonly text: string,
    ) {
        super(name);
    }

    public override readBytes(): Uint8Array {
        return Buffer.from(this.text, "utf8");
    }
}

let engine: Engine | undefined;

/** The validator engine, built on first use (about 2 s) and shared by the test run. */
export function getEngine(): Engine {
    engine ??= new CelEngine();
    return engine;
}

/** Frees the engine's off-heap memory. */
export function freeEngine(): void {
    engine?.free();
    engine = undefined;
}

/** Every diagnostic the validator reports for `template`. */
export function validateTemplate(template: CfnTemplate, name = "template.json", region = "us-east-1"): StandardDiagnostic[] {
    const report = getEngine().validateStandard(new InMemoryTemplate(name, JSON.stringify(template, null, 2)), {
        pseudoParameterOverrides: { region },
    });
    if (report.status === "ERROR") throw new Error(`the validator failed on ${name}: ${JSON.stringify(report.diagnostics)}`);
    return report.diagnostics;
}

const BLOCKING = new Set(["ERROR", "FATAL"]);

/**
 * The ERROR and FATAL findings for what `source` registered, attributed to Pulumi resources. Throws
 * when a recorded custom resource has no CloudFormation rendering here, or nothing was recorded: the
 * validator would not have seen it.
 */
export function conformanceErrors(source: MockRecorder | RecordedResource[], region = "us-east-1"): Finding[] {
    const { template, origins, notRendered } = renderTemplate(source);
    if (notRendered.length > 0) throw new Error(`no CloudFormation rendering for ${notRendered.join(", ")}: add one to renderTemplate`);
    if (Object.keys(template.Resources).length === 0) throw new Error("nothing to validate: no custom resource was recorded");
    return validateTemplate(template, "program.json", region)
        .filter((d) => BLOCKING.has(d.severity))
        .map((d) => ({
            severity: d.severity,
            ruleId: d.ruleId,
            logicalId: d.entity?.logicalId,
            origin: d.entity?.logicalId ? origins[d.entity.logicalId] : undefined,
            propertyPath: d.propertyPath,
            message: d.message,
        }));
}

/** A finding as one readable line. */
export function formatFinding(f: Finding): string {
    return `${f.severity} ${f.ruleId} ${f.origin ?? f.logicalId ?? "(template)"} ${f.propertyPath ?? ""}: ${f.message}`;
}

// ---- loading example programs ----

const ROOT = path.resolve(__dirname, "..", "..");
const ALIASES: Record<string, string> = {
    "pulumi-bedrock-genai": path.join(ROOT, "sdk", "nodejs", "index.ts"),
    "pulumi-bedrock-genai/testing": path.join(ROOT, "sdk", "nodejs", "testing.ts"),
};
let aliased = false;

/**
 * Makes `require("pulumi-bedrock-genai")` resolve to the package's TypeScript source, as the examples'
 * tsconfig paths do, so example programs can run under mocha.
 */
export function aliasPackage(): void {
    if (aliased) return;
    aliased = true;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Module = require("module") as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
    const original = Module._resolveFilename;
    Module._resolveFilename = function (request: string, ...rest: unknown[]): string {
        return original.call(this, ALIASES[request] ?? request, ...rest);
    };
}

/**
 * The Node.js example programs, sorted by name: every `examples/<name>/Pulumi.yaml` whose runtime is
 * `nodejs`, with its `main` (default `index.ts`). Throws when there is none, or a `main` is missing,
 * rather than leave a program out.
 */
export function examplePrograms(): { name: string; file: string }[] {
    const dir = path.join(ROOT, "examples");
    const programs = fs
        .readdirSync(dir)
        .filter((d) => fs.existsSync(path.join(dir, d, "Pulumi.yaml")))
        .sort()
        .flatMap((d) => {
            const project = yaml.load(fs.readFileSync(path.join(dir, d, "Pulumi.yaml"), "utf8")) as { runtime: string | { name: string }; main?: string };
            const runtime = typeof project.runtime === "string" ? project.runtime : project.runtime.name;
            if (runtime !== "nodejs") return [];
            const file = path.join(dir, d, project.main ?? "index.ts");
            if (!fs.existsSync(file)) throw new Error(`examples/${d}: its Pulumi.yaml names ${project.main ?? "index.ts"}, which does not exist`);
            return [{ name: d, file }];
        });
    if (programs.length === 0) throw new Error(`no Node.js example program under ${dir}`);
    return programs;
}

/**
 * Runs an example program (again, if it ran before): its module is evaluated afresh, the package's
 * modules are shared. Returns the module's exports.
 */
export function runProgram(file: string): Record<string, unknown> {
    aliasPackage();
    const resolved = require.resolve(file);
    delete require.cache[resolved];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(resolved) as Record<string, unknown>;
}
