import type { Rule } from "./rule";

/** `allow-not-action-or-resource`: `Allow` with `NotAction` or `NotResource` (everything but a list). */
export const rule: Rule = {
    id: "allow-not-action-or-resource",
    description: "An Allow statement must name its actions and resources, not everything but a list (NotAction, NotResource).",
    why: "Allow with NotAction or NotResource grants every action or resource not listed, including those AWS adds later. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html",
    enforcementLevel: "mandatory",
    statement: (s) => {
        if (s.NotAction === undefined && s.NotResource === undefined) return [];
        const actions = s.NotAction ? `every action except ${s.NotAction.join(", ")}` : s.Action.join(", ");
        const resources = s.NotResource ? `every resource except ${s.NotResource.join(", ")}` : s.Resource.join(", ");
        return [
            {
                severity: "error",
                message: `Allow ${actions} on ${resources}: a wildcard grant (name the actions and resources allowed instead)`,
                statement: s,
            },
        ];
    },
};
