/**
 * Same-Region rules: Bedrock calls a model, an inference profile or a prompt router only in the Region
 * it lives in. An agent's `FoundationModel`, a prompt variant's `ModelId` and an application profile's
 * `ModelSource.CopyFrom` name an ARN; that ARN must be in the Region of the resource using it. A
 * system-defined profile exists only in its geography's source Regions
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html: "Source Region –
 * The Region from which you make the API request that specifies the inference profile"), and an
 * application profile "routes model invocation requests to" the Regions of the model or profile it
 * copies (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-create.html), which it is
 * created in.
 *
 * Checked at construction when both Regions are known (the default provider's configured Region and a
 * source whose Region or geography is known), and at deploy time on the ARNs otherwise (explicit
 * providers), with the same message.
 */
import * as pulumi from "@pulumi/pulumi";
import { parseArn } from "../catalog/arns";
import { CrossRegionInferenceProfileRegion } from "../catalog/geographies";
import { hasSymbols } from "../core/symbols";
import { fail, type Where } from "../core/validation";
import type { IInvokable } from "./invokable";
import type { AccessTarget, SystemProfileTarget } from "./access";
import { BedrockFoundationModel } from "../catalog/foundation-model";

/** The geography of a system profile, from its ARN's profile id (`<prefix>.<model>`). */
function geographyOfProfileArn(arn: string): CrossRegionInferenceProfileRegion | undefined {
    const at = arn.lastIndexOf("inference-profile/");
    // Stryker disable next-line ConditionalExpression,EqualityOperator: fromPrefix knows only the geographies' prefixes, so a slice of an ARN without the marker finds none, as this guard says
    if (at < 0) return undefined;
    const id = arn.slice(at + "inference-profile/".length);
    const dot = id.indexOf(".");
    // Stryker disable next-line ConditionalExpression,EqualityOperator: without a dot (or with one first) the slice is no geography's prefix either: fromPrefix gives undefined
    return dot < 0 ? undefined : CrossRegionInferenceProfileRegion.fromPrefix(id.slice(0, dot));
}

/** The Region of `region` when it is a plain Region name, else undefined (a placeholder). */
function concrete(region: string | undefined): string | undefined {
    return region !== undefined && region !== "" && !hasSymbols(region) ? region : undefined;
}

/**
 * Whether the Region `target` lives in is a plain Region name: then `regionProblem` settles the rule before
 * deploy against a known Region, and the check on the ARN at deploy (`checkArnRegion`) can only agree.
 */
export function knownRegionOf(target: AccessTarget): boolean {
    switch (target.kind) {
        case "foundation-model":
            return concrete(target.region) !== undefined;
        case "system-profile":
            return concrete(target.sourceRegion) !== undefined;
        default:
            return concrete(parseArn(target.arn)?.region) !== undefined;
    }
}

/** The rule broken by a system profile called from `region`, or undefined. */
function systemProfileProblem(t: SystemProfileTarget, region: string): string | undefined {
    const src = concrete(t.sourceRegion);
    if (src !== undefined && src !== region) return `is a system-defined profile in Region ${src}`;
    const geo = geographyOfProfileArn(t.arn);
    if (geo !== undefined && geo.sourceRegionStatus(region) === "outside") {
        return `is a system-defined ${geo.prefix}. profile, callable only from ${geo.isGlobal ? "the commercial Regions" : geo.sourceRegions.join(", ")}`;
    }
    return undefined;
}

/** The rule broken by using `target` from `region`, or undefined when it may be (or is not known). */
export function regionProblem(target: AccessTarget, region: string): string | undefined {
    switch (target.kind) {
        case "foundation-model": {
            const r = concrete(target.region);
            return r !== undefined && r !== region ? `is a foundation model in Region ${r}` : undefined;
        }
        case "system-profile":
            return systemProfileProblem(target, region);
        case "application-profile": {
            const own = concrete(parseArn(target.arn)?.region);
            if (own !== undefined) return own !== region ? `is an application profile in Region ${own}` : undefined;
            if (!target.source) return undefined;
            const inner = regionProblem(target.source, region);
            return inner === undefined ? undefined : `is an application profile whose source ${inner}`;
        }
        case "prompt-router": {
            const r = concrete(parseArn(target.arn)?.region);
            return r !== undefined && r !== region ? `is a prompt router in Region ${r}` : undefined;
        }
    }
}

/** A short name for an invokable in messages (a BedrockFoundationModel never gets here): a model id, a profile id or an ARN. */
function label(target: AccessTarget): string {
    const arn = target.kind === "foundation-model" ? target.modelId : target.arn;
    return hasSymbols(arn) ? (target.kind === "system-profile" ? (arn.split("inference-profile/")[1] ?? arn) : `<${target.kind}>`) : arn;
}

/**
 * Refuses `model` (named `argument`) when it is known to live outside `region`, the Region of the
 * component using it. Does nothing when `region` is undefined (not known before deploy).
 */
export function checkInvokableRegion(where: Where, argument: string, model: IInvokable, region: string | undefined): void {
    if (region === undefined || model instanceof BedrockFoundationModel) return;
    const target = model.accessTarget();
    checkTargetRegion(where, argument, label(target), target, region);
}

/** Refuses `target` (shown as `value`) when it is known to live outside `region`. */
export function checkTargetRegion(where: Where, argument: string, value: unknown, target: AccessTarget, region: string | undefined): void {
    if (region === undefined) return;
    const problem = regionProblem(target, region);
    if (problem !== undefined) {
        fail(where, argument, value, `${problem}, but ${where.component} is in ${region}: Bedrock uses a model, profile or router only in its own Region`);
    }
}

/**
 * `arn` (the ARN `argument` names) checked at deploy time against `region` (the Region of the component
 * using it): the same rule as `checkInvokableRegion`, for Regions known only then. Region-less ARNs
 * pass.
 */
export function checkArnRegion(where: Where, argument: string, arn: pulumi.Input<string>, region: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.all([arn, region]).apply(([a, r]) => {
        const own = parseArn(a)?.region;
        if (own && own !== r) {
            fail(where, argument, a, `is in Region ${own}, but ${where.component} is in ${r}: Bedrock uses a model, profile or router only in its own Region`);
        }
        return a;
    });
}
