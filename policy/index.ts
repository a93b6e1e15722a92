// The package's rules as a Pulumi policy pack, served from this repository's sources:
//     pulumi preview --policy-pack <repository>/policy [--policy-pack-config <file.json>]
// Outside the repository, write the same two lines with `from "pulumi-bedrock-genai/policy"` (see README).
import { bedrockPolicyPack } from "../sdk/nodejs/policy";

bedrockPolicyPack("bedrock-genai");
