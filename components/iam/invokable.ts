/**
 * What every model-like thing shares: foundation models, cross-region profiles, application
 * profiles (created or imported) and prompt routers are all invokable.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { AccessTarget } from "./access";
import { BedrockFoundationModel, type OutputModality } from "../catalog/foundation-model";
import type { AccessContext, InvokeGrantOptions, RoleRef, RolePolicyGrant } from "./grants";
import type { InferenceConfiguration } from "../core/inference-configuration";
import { fail, type Where } from "../core/validation";

/** Anything a prompt variant, an agent or an application profile can use as its model. */
export interface IInvokable {
    /** The ARN to invoke (model ARN in the caller's Region, profile ARN, or router ARN). */
    readonly invokableArn: pulumi.Output<string>;
    /** Inference settings that users of this model inherit unless they set their own. */
    readonly inferenceConfiguration?: InferenceConfiguration;
    /** Lets `role` run inference through this invokable, and nothing more. */
    grantInvoke(role: RoleRef, opts?: InvokeGrantOptions): RolePolicyGrant;
    /**
     * How IAM sees this invokable. `context.parent` is the component that uses it: a foundation
     * model's ARN is in the Region of that component's provider.
     */
    accessTarget(context?: AccessContext): AccessTarget;
    /** Name for the IAM resources grants on it create. */
    grantName(): string;
}

/** Whether `v` is an invokable. */
export function isInvokable(v: unknown): v is IInvokable {
    return (
        typeof v === "object" &&
        v !== null &&
        typeof (v as IInvokable).accessTarget === "function" &&
        typeof (v as IInvokable).grantInvoke === "function" &&
        "invokableArn" in v
    );
}

/**
 * The catalog model behind an invokable when it is known before deploy (a foundation model, a
 * cross-region profile, an application profile created from one), else undefined.
 */
export function foundationModelOf(v: unknown): BedrockFoundationModel | undefined {
    if (v instanceof BedrockFoundationModel) return v;
    const o = v as { model?: unknown; sourceModel?: unknown } | undefined;
    if (o && o.model instanceof BedrockFoundationModel) return o.model;
    if (o && o.sourceModel instanceof BedrockFoundationModel) return o.sourceModel;
    return undefined;
}

/** What a model of each non-text output modality is for, in messages (the constructor accepts no other modality). */
const PURPOSE: Record<Exclude<OutputModality, "text">, string> = {
    embedding: "an embeddings model: it turns text or images into vectors (for a knowledge base's embeddings)",
    image: "an image generation model",
    video: "a video generation model",
    speech: "a speech model",
};

/**
 * Refuses `model` (named `argument`) when the model behind it is known not to generate text (its
 * catalog entry's `outputModality`, from its model card): `user` (an agent, a harness) converses with its
 * model, and only text-generation models converse
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference-supported-models-features.html;
 * Bedrock Agents orchestrate with a text model's reasoning, https://docs.aws.amazon.com/bedrock/latest/userguide/agents-how.html).
 */
export function checkTextGeneration(where: Where, argument: string, model: IInvokable, user: string): void {
    const fm = foundationModelOf(model);
    if (fm === undefined || fm.generatesText !== false) return;
    const shown = fm === model ? fm.modelId : `<profile of ${fm.modelId}>`;
    fail(
        where,
        argument,
        shown,
        `is ${fm.modelId}, ${PURPOSE[fm.outputModality as Exclude<OutputModality, "text">]}, not a text-generation model: ${user} converses with its model, which must generate text (${fm.sources.find((s) => s.includes("model-card-")) ?? "its model card"})`,
    );
}
