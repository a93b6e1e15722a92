/**
 * `pulumi-bedrock-genai/provider`: the components offered to other languages through Pulumi's
 * component provider (`provider/`). Their arguments are plain (ids, ARNs, geography prefixes, tag
 * maps) so Pulumi's schema analyzer can infer the schema; grants are arguments or the `ModelGrant`
 * component. TypeScript programs use the main entry point instead.
 */
export * from "../../components/xlang";
