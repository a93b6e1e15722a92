/**
 * What every model-like thing shares: foundation models, cross-region profiles, application
 * profiles (created or imported) and prompt routers are all invokable.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { AccessTarget } from "./access";
import { BedrockFoundationModel } from "../catalog/foundation-model";
import type { AccessContext, InvokeGrantOptions, RoleRef, RolePolicyGrant } from "./grants";
import type { InferenceConfiguration } from "../core/inference-configuration";

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
    if (v instanceof BedrockFoundationModel) return true;
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
