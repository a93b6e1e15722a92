// The cross-language schema: runs Pulumi's component-provider analyzer over `provider/` the way the
// Node.js plugin host does (load the module, collect its ComponentResource classes, analyze them from
// the TypeScript program) and checks the schema the engine would generate SDKs from.
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Analyzer } from "@pulumi/pulumi/provider/experimental/analyzer";
import { getPulumiComponents } from "@pulumi/pulumi/provider/experimental/provider";
import { generateSchema } from "@pulumi/pulumi/provider/experimental/schema";
import { throwsExactly } from "../support/errors";

const ROOT = path.resolve(__dirname, "..", "..");
const PROVIDER_DIR = path.join(ROOT, "provider");
const providerPackage = JSON.parse(fs.readFileSync(path.join(PROVIDER_DIR, "package.json"), "utf8"));
const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

/** The provider name the plugin host derives from package.json (cmd/run-plugin/run.js). */
function hostProviderName(packageName: string): string {
    const m = /(@.*?\/)?(.+)/.exec(packageName) as RegExpExecArray;
    return m[2].replace(/[^-a-zA-Z0-9_]/g, "-");
}

type Prop = { type?: string; $ref?: string; plain?: boolean; optional?: boolean; items?: Prop; additionalProperties?: Prop; description?: string };
type Resource = {
    isComponent: boolean;
    inputProperties: Record<string, Prop>;
    requiredInputs: string[];
    properties: Record<string, Prop>;
    required: string[];
    description?: string;
};

/** A property without its description, for exact comparison. */
function shape(p: Prop): Prop {
    const { description: _d, ...rest } = p;
    if (rest.items) rest.items = shape(rest.items);
    if (rest.additionalProperties) rest.additionalProperties = shape(rest.additionalProperties);
    return rest;
}
function shapes(props: Record<string, Prop>): Record<string, Prop> {
    return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, shape(v)]));
}

const str = { type: "string" };
const plainStr = { type: "string", plain: true };
const roleList = { type: "array", items: { type: "string" }, optional: true, plain: true };
const strList = { type: "array", items: { type: "string" } };

describe("cross-language component provider", function () {
    this.timeout(120000);
    let schema: { name: string; version: string; resources: Record<string, Resource>; types: Record<string, unknown>; dependencies: unknown[] };
    let hosted: string[];

    before(() => {
        // What the plugin host does: require the plugin directory (package.json `main`) and host every
        // ComponentResource class it exports.
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the host loads the directory with require
        hosted = getPulumiComponents(require(PROVIDER_DIR))
            .map((c) => c.name)
            .sort();
        const name = hostProviderName(providerPackage.name);
        const result = new Analyzer(PROVIDER_DIR, name, providerPackage, new Set(hosted)).analyze();
        schema = generateSchema(
            name,
            providerPackage.version,
            providerPackage.description,
            result.components,
            result.typeDefinitions,
            result.dependencies,
        ) as unknown as typeof schema;
    });

    it("is a Node.js plugin named bedrock-genai, versioned with the npm package", () => {
        expect(fs.readFileSync(path.join(PROVIDER_DIR, "PulumiPlugin.yaml"), "utf8")).to.equal("runtime: nodejs\n");
        expect(hostProviderName(providerPackage.name)).to.equal("bedrock-genai");
        expect(providerPackage.version).to.equal(rootPackage.version);
        expect(providerPackage.main).to.equal("index.ts");
        expect(schema.name).to.equal("bedrock-genai");
        expect(schema.version).to.equal(rootPackage.version);
    });

    it("hosts exactly the plain-argument components, with bedrock-genai:index:<Class> tokens", () => {
        expect(hosted).to.deep.equal(["ApplicationProfile", "CrossRegionProfile", "ModelGrant"]);
        expect(Object.keys(schema.resources).sort()).to.deep.equal([
            "bedrock-genai:index:ApplicationProfile",
            "bedrock-genai:index:CrossRegionProfile",
            "bedrock-genai:index:ModelGrant",
        ]);
        for (const r of Object.values(schema.resources)) expect(r.isComponent).to.equal(true);
        // Plain strings, lists and maps only: no object types, no references to other packages.
        expect(schema.types).to.deep.equal({});
        expect(schema.dependencies).to.deep.equal([]);
    });

    it("infers CrossRegionProfile's inputs and outputs", () => {
        const r = schema.resources["bedrock-genai:index:CrossRegionProfile"];
        expect(shapes(r.inputProperties)).to.deep.equal({
            geography: plainStr,
            modelId: plainStr,
            destinationRegions: { type: "array", items: plainStr, optional: true, plain: true },
            invokeRoleNames: roleList,
            usageRoleNames: roleList,
        });
        expect(r.requiredInputs).to.deep.equal(["geography", "modelId"]);
        expect(shapes(r.properties)).to.deep.equal({
            inferenceProfileId: str,
            inferenceProfileArn: str,
            destinationRegions: strList,
            grantedPolicies: strList,
        });
        expect(r.required).to.deep.equal(["destinationRegions", "grantedPolicies", "inferenceProfileArn", "inferenceProfileId"]);
        expect(r.description).to.match(/^A system-defined cross-region inference profile/);
        expect(r.inputProperties.geography.description).to.contain("`us`, `eu`, `apac`, `global`, `us-gov`, `jp`, `au` or\n`ca`");
    });

    it("infers ApplicationProfile's inputs and outputs", () => {
        const r = schema.resources["bedrock-genai:index:ApplicationProfile"];
        expect(shapes(r.inputProperties)).to.deep.equal({
            inferenceProfileName: str,
            modelId: { ...plainStr, optional: true },
            geography: { ...plainStr, optional: true },
            copyFrom: { ...plainStr, optional: true },
            description: { ...str, optional: true },
            tags: { type: "object", additionalProperties: str, optional: true, plain: true },
            invokeRoleNames: roleList,
            usageRoleNames: roleList,
        });
        expect(r.requiredInputs).to.deep.equal(["inferenceProfileName"]);
        expect(shapes(r.properties)).to.deep.equal({
            inferenceProfileArn: str,
            inferenceProfileId: str,
            inferenceProfileIdentifier: str,
            grantedPolicies: strList,
        });
        expect(r.required).to.deep.equal(["grantedPolicies", "inferenceProfileArn", "inferenceProfileId", "inferenceProfileIdentifier"]);
        expect(r.inputProperties.inferenceProfileName.description).to.contain("CloudFormation `InferenceProfileName`");
    });

    it("infers ModelGrant's inputs and outputs", () => {
        const r = schema.resources["bedrock-genai:index:ModelGrant"];
        expect(shapes(r.inputProperties)).to.deep.equal({
            roleName: str,
            modelId: { ...plainStr, optional: true },
            geography: { ...plainStr, optional: true },
            applicationInferenceProfileArn: { ...str, optional: true },
            invoke: { type: "boolean", optional: true, plain: true },
            profileUsage: { type: "boolean", optional: true, plain: true },
        });
        expect(r.requiredInputs).to.deep.equal(["roleName"]);
        expect(shapes(r.properties)).to.deep.equal({ grantedPolicies: strList });
        expect(r.required).to.deep.equal(["grantedPolicies"]);
    });

    it("could not host the TypeScript entry point: its union arguments are rejected", () => {
        // Why provider/ exists: analyzing the main entry's ApplicationInferenceProfile fails on `modelSource`.
        // A program of just the main entry (the root tsconfig would also compile tests and examples).
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bedrock-genai-schema-"));
        try {
            const tsconfig = JSON.parse(fs.readFileSync(path.join(PROVIDER_DIR, "tsconfig.json"), "utf8"));
            tsconfig.files = [path.join(ROOT, "sdk/nodejs/index.ts")];
            fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
            const main = path.join(ROOT, "sdk/nodejs/index.js");
            const analyzer = new Analyzer(dir, "bedrock-genai", { main }, new Set(["ApplicationInferenceProfile"]));
            throwsExactly(
                () => analyzer.analyze(),
                "Union types are not supported for component 'ApplicationInferenceProfile' property 'ApplicationInferenceProfileArgs.modelSource': type 'ApplicationInferenceProfileSource'",
            );
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
