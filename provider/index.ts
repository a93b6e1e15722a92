// The cross-language component provider: Pulumi's Node.js plugin host loads this module, hosts every
// ComponentResource class it exports, and infers their schema from their `args` interfaces. Only
// the plain-argument components are exported here (see sdk/nodejs/provider.ts).
export * from "../sdk/nodejs/provider";
