/**
 * The Pulumi name of a resource the package did not create (a role, a provider, an aws-native resource
 * given to an import). Pulumi keeps it in the private `__name` field (`@pulumi/pulumi/resource.js`,
 * `this.__name = name`) and publishes it only inside the URN, which is an Output; this is the one place
 * the package reads it. Components keep their own name from their constructor instead.
 */
import type * as pulumi from "@pulumi/pulumi";

/** `resource`'s Pulumi name, or undefined when it has none. */
export function resourceName(resource: pulumi.Resource | undefined): string | undefined {
    return (resource as unknown as { __name?: string } | undefined)?.__name;
}

/** The last part of `resource`'s type token (`bedrock-genai:index:Agent` -> `Agent`), or undefined. */
export function resourceKind(resource: pulumi.Resource): string | undefined {
    return (resource as unknown as { __pulumiType?: string }).__pulumiType?.split(":").pop();
}
