import { expect } from "chai";
import * as awsnative from "@pulumi/aws-native";
import { setBedrockMocks, settle, type MockRecorder, type RecordedResource } from "../../components/testing/testing";
import {
    conformanceErrors,
    examplePrograms,
    formatFinding,
    freeEngine,
    getEngine,
    renderTemplate,
    runProgram,
    toCfnProperties,
    validateTemplate,
    UNKNOWN,
    type CfnTemplate,
} from "../support/conformance";
import { allPrograms, APP_PROFILE_UNAVAILABLE, configFor } from "../support/programs";
import { throwsExactly } from "../support/errors";

/** What must be rendered: every custom resource a program registers has a CloudFormation form. */
function expectAllRendered(rec: MockRecorder): void {
    const { template, notRendered } = renderTemplate(rec);
    expect(notRendered, "resource types without a CloudFormation rendering").to.deep.equal([]);
    const custom = rec.customResources.filter((r) => r.type !== "aws:iam/rolePolicyAttachment:RolePolicyAttachment");
    expect(Object.keys(template.Resources)).to.have.length(custom.length);
}

describe("conformance with AWS's CloudFormation validator", function () {
    this.timeout(60_000);

    before(() => {
        getEngine(); // about 2 s, once
    });
    after(() => freeEngine());

    describe("example programs", () => {
        for (const example of examplePrograms()) {
            it(`examples/${example.name} renders a template with no ERROR or FATAL diagnostic`, async () => {
                const rec = setBedrockMocks({ region: "us-east-1", config: { "aws-native:region": "us-east-1", "aws:region": "us-east-1" } });
                runProgram(example.file);
                await settle();
                expect(rec.customResources.length, "the example registers resources").to.be.greaterThan(0);
                expectAllRendered(rec);
                expect(conformanceErrors(rec).map(formatFinding)).to.deep.equal([]);
            });
        }
    });

    describe("component programs", () => {
        for (const program of allPrograms()) {
            it(`${program.name}: no ERROR or FATAL diagnostic, policies included`, async () => {
                const rec = setBedrockMocks({ region: program.region, config: configFor(program) });
                program.run();
                await settle();
                const { template } = renderTemplate(rec);
                const types = new Set(Object.values(template.Resources).map((r) => r.Type));
                expect(
                    [...types].some((t) => t === "AWS::IAM::RolePolicy" || t === "AWS::IAM::ManagedPolicy"),
                    "the program attaches policies",
                ).to.equal(true);
                expectAllRendered(rec);
                expect(conformanceErrors(rec, program.region).map(formatFinding)).to.deep.equal([]);
            });
        }

        it("the inline-limit program really produces managed policies (AWS::IAM::ManagedPolicy with Roles)", async () => {
            const program = allPrograms().find((p) => p.name.startsWith("grants past the inline limit"));
            const rec = setBedrockMocks({ region: program!.region, config: configFor(program!) });
            program!.run();
            await settle();
            const managed = Object.values(renderTemplate(rec).template.Resources).filter((r) => r.Type === "AWS::IAM::ManagedPolicy");
            expect(managed.length).to.be.greaterThan(0);
            for (const m of managed) expect(m.Properties.Roles).to.have.length(1);
        });
    });

    describe("the harness itself", () => {
        const base = (properties: Record<string, unknown>): CfnTemplate => ({
            AWSTemplateFormatVersion: "2010-09-09",
            Resources: { Profile: { Type: "AWS::Bedrock::ApplicationInferenceProfile", Properties: properties } },
        });
        const blocking = (t: CfnTemplate) => validateTemplate(t).filter((d) => d.severity === "ERROR" || d.severity === "FATAL");

        it("reports a bad InferenceProfileName written by hand", () => {
            const found = blocking(
                base({ InferenceProfileName: "-bad name!!", ModelSource: { CopyFrom: "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0" } }),
            );
            expect(found.map((d) => `${d.ruleId} ${d.propertyPath}: ${d.message}`)).to.deep.equal([
                "F3031 Properties.InferenceProfileName: '-bad name!!' does not match pattern '^([0-9a-zA-Z][ _-]?)+$'",
            ]);
        });

        it("accepts the same template with a good name", () => {
            expect(
                blocking(
                    base({ InferenceProfileName: "good name", ModelSource: { CopyFrom: "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0" } }),
                ),
            ).to.deep.equal([]);
        });

        it("reports a bad value registered with aws-native directly (bypassing the components' checks)", async () => {
            const rec = setBedrockMocks({ region: "us-east-1" });
            new awsnative.bedrock.ApplicationInferenceProfile("raw", {
                inferenceProfileName: "x".repeat(65),
                modelSource: { copyFrom: "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0" },
            });
            await settle();
            const found = conformanceErrors(rec);
            expect(found.map((f) => `${f.origin} ${f.propertyPath}`)).to.deep.equal([
                `aws-native:bedrock:ApplicationInferenceProfile "raw" Properties.InferenceProfileName`,
            ]);
            expect(found[0].message).to.equal("length 65 exceeds maximum 64");
        });

        it("checks guardrails too: a bad name, a bad profile ARN and a negative threshold written by hand are reported", async () => {
            const rec = setBedrockMocks({ region: "us-east-1" });
            new awsnative.bedrock.Guardrail("raw-guardrail", {
                name: "bad name!",
                blockedInputMessaging: "No.",
                blockedOutputsMessaging: "No.",
                contextualGroundingPolicyConfig: { filtersConfig: [{ type: "GROUNDING", threshold: -1 }] },
                crossRegionConfig: { guardrailProfileArn: "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.guardrail.v1:0" },
            });
            await settle();
            expect(conformanceErrors(rec).map((f) => `${f.origin} ${f.propertyPath}`)).to.have.members([
                `aws-native:bedrock:Guardrail "raw-guardrail" Properties.Name`,
                `aws-native:bedrock:Guardrail "raw-guardrail" Properties.ContextualGroundingPolicyConfig.FiltersConfig.0.Threshold`,
                `aws-native:bedrock:Guardrail "raw-guardrail" Properties.CrossRegionConfig.GuardrailProfileArn`,
            ]);
        });

        it("reports a malformed policy document in a RolePolicy", () => {
            const t: CfnTemplate = {
                AWSTemplateFormatVersion: "2010-09-09",
                Resources: {
                    Grant: {
                        Type: "AWS::IAM::RolePolicy",
                        Properties: {
                            RoleName: "r",
                            PolicyName: "p",
                            PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allowed", Action: "bedrock:InvokeModel", Resource: "*" }] },
                        },
                    },
                },
            };
            expect(blocking(t).length).to.be.greaterThan(0);
        });

        it("keeps the keys of map-typed and free-form properties, converts everything else", () => {
            expect(
                toCfnProperties({
                    promptName: "p",
                    tags: { "team-name": "ml", lowerCase: "x" },
                    variants: [
                        {
                            name: "v",
                            additionalModelRequestFields: { top_k: 5, anthropic_version: "bedrock-2023-05-31", nested: { keepMe: 1 } },
                            templateConfiguration: { text: { text: "t", inputVariables: [{ name: "topic" }] } },
                        },
                    ],
                    idleSessionTtlInSeconds: 600,
                    actionGroups: [{ functionSchema: { functions: [{ name: "f", parameters: { cityName: { type: "string", isRequired: true } } }] } }],
                }),
            ).to.deep.equal({
                PromptName: "p",
                Tags: { "team-name": "ml", lowerCase: "x" },
                Variants: [
                    {
                        Name: "v",
                        AdditionalModelRequestFields: { top_k: 5, anthropic_version: "bedrock-2023-05-31", nested: { keepMe: 1 } },
                        TemplateConfiguration: { Text: { Text: "t", InputVariables: [{ Name: "topic" }] } },
                    },
                ],
                IdleSessionTTLInSeconds: 600,
                ActionGroups: [{ FunctionSchema: { Functions: [{ Name: "f", Parameters: { cityName: { Type: "string", IsRequired: true } } }] } }],
            });
        });

        it("knows Regions: an application profile in GovCloud or Auckland is reported (F3006), which is why those programs have none", async () => {
            const rec = setBedrockMocks({ region: "us-gov-west-1", config: { "aws-native:region": "us-gov-west-1" } });
            const bedrock = await import("../../sdk/nodejs");
            const cris = bedrock.CrossRegionInferenceProfile.fromConfig({
                geoRegion: bedrock.CrossRegionInferenceProfileRegion.US_GOV,
                model: bedrock.BedrockFoundationModel.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0,
            });
            new bedrock.ApplicationInferenceProfile("gov-app", { inferenceProfileName: "gov", modelSource: cris });
            await settle();
            expect(conformanceErrors(rec, "us-gov-west-1").map((f) => `${f.ruleId} ${f.origin}`)).to.deep.equal([
                `F3006 aws-native:bedrock:ApplicationInferenceProfile "gov-app"`,
            ]);
            expect(APP_PROFILE_UNAVAILABLE).to.deep.equal(["us-gov-west-1", "us-gov-east-1", "ap-southeast-6"]);
            const auckland = setBedrockMocks({ region: "ap-southeast-6", config: { "aws-native:region": "ap-southeast-6" } });
            const au = bedrock.CrossRegionInferenceProfile.fromConfig({
                geoRegion: bedrock.CrossRegionInferenceProfileRegion.AU,
                model: bedrock.BedrockFoundationModel.ANTHROPIC_CLAUDE_SONNET_4_5_V1_0,
            });
            new bedrock.ApplicationInferenceProfile("nz-app", { inferenceProfileName: "nz", modelSource: au });
            await settle();
            expect(conformanceErrors(auckland, "ap-southeast-6").map((f) => `${f.ruleId} ${f.origin}`)).to.deep.equal([
                `F3006 aws-native:bedrock:ApplicationInferenceProfile "nz-app"`,
            ]);
        });

        it("refuses an unknown value, naming the property, rather than leave the property out of the template", () => {
            throwsExactly(
                () => toCfnProperties({ promptName: UNKNOWN }),
                "PromptName is unknown: conformance checks programs evaluated as an update, where every input is known",
            );
            throwsExactly(
                () => toCfnProperties({ variants: [{ name: "v", modelId: UNKNOWN }] }),
                "Variants[].ModelId is unknown: conformance checks programs evaluated as an update, where every input is known",
            );
            throwsExactly(
                () => toCfnProperties({ tags: { team: UNKNOWN } }),
                "Tags{} is unknown: conformance checks programs evaluated as an update, where every input is known",
            );
        });

        it("refuses to validate what it cannot render, or nothing at all", () => {
            const queue: RecordedResource = { type: "aws:sqs/queue:Queue", name: "q", inputs: {}, state: {}, custom: true };
            throwsExactly(() => conformanceErrors([queue]), "no CloudFormation rendering for aws:sqs/queue:Queue: add one to renderTemplate");
            throwsExactly(() => conformanceErrors([]), "nothing to validate: no custom resource was recorded");
        });

        it("converts the list form of tags", () => {
            expect(toCfnProperties({ tags: [{ key: "a", value: "b" }] })).to.deep.equal({ Tags: [{ Key: "a", Value: "b" }] });
        });
    });
});
