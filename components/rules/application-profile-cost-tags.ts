import type { Rule } from "./rule";

/** The tags of an application inference profile, by key: aws-native writes a list of `{ key, value }`, aws a map. */
function tagsOf(type: string, inputs: Record<string, unknown>): Record<string, string> | undefined {
    if (type === "aws-native:bedrock:ApplicationInferenceProfile") {
        const list = (inputs.tags as { key?: unknown; value?: unknown }[] | undefined) ?? [];
        return Object.fromEntries(list.filter((t) => typeof t?.key === "string").map((t) => [t.key as string, String(t.value ?? "")]));
    }
    if (type === "aws:bedrock/inferenceProfile:InferenceProfile") return (inputs.tags as Record<string, string> | undefined) ?? {};
    return undefined;
}

/**
 * `application-profile-cost-tags` (advisory): an application inference profile without one of the tags
 * named in `requiredTags` (none by default: configure the keys your cost-allocation rules use).
 */
export const rule: Rule = {
    id: "application-profile-cost-tags",
    description: "An application inference profile must carry the cost-allocation tags named in requiredTags.",
    why: "Application inference profiles exist to attribute model usage and cost: Cost Explorer and AWS Budgets split Bedrock spend by the profile's tags once they are activated as cost allocation tags. A profile without them lands in the untagged bucket. https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-create.html",
    enforcementLevel: "advisory",
    config: {
        requiredTags: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Tag keys every application inference profile must carry (e.g. CostCenter, Team); none by default.",
        },
    },
    resource: (r, ctx) => {
        const tags = tagsOf(r.type, r.inputs);
        if (!tags) return [];
        const required = (ctx.config.requiredTags as string[] | undefined) ?? [];
        const missing = required.filter((k) => tags[k] === undefined || tags[k] === "");
        if (missing.length === 0) return [];
        const name = String(r.inputs.inferenceProfileName ?? r.inputs.name ?? r.name);
        return [
            {
                severity: "warning",
                message: `application inference profile ${name} lacks the cost-allocation tag${missing.length === 1 ? "" : "s"} ${missing.join(", ")}`,
            },
        ];
    },
};
