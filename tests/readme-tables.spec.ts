import { expect } from "chai";
import * as fs from "fs";
import { README_PATH, renderGeographyTable, renderGuardrailProfileTable, renderModelTable, renderReadme, renderRouterTable } from "../scripts/readme-tables";
import { throwsExactly } from "./support/errors";

describe("README tables rendered from the catalog", () => {
    it("README's geography, default-router and model tables are what the catalog renders (run `npx ts-node scripts/readme-tables.ts` to update)", () => {
        const readme = fs.readFileSync(README_PATH, "utf8");
        expect(renderReadme(readme)).to.equal(readme);
    });

    it("the geography table has one row per geography, with its prefix and sources", () => {
        const table = renderGeographyTable();
        expect(table).to.contain("| `IN` | `in.` | aws | ap-south-1, ap-south-2 (each routes to all) |");
        // Routes that depend on the source Region: Auckland's au. requests may also run in Auckland.
        expect(table).to.contain(
            "| `AU` | `au.` | aws | from ap-southeast-2, ap-southeast-4: ap-southeast-2, ap-southeast-4; from ap-southeast-6: ap-southeast-2, ap-southeast-4, ap-southeast-6 |",
        );
        expect(table).to.contain(
            "[bedrock/latest/userguide/inference-profiles-support](https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html)",
        );
        expect(table.split("\n")).to.have.length(2 + 9);
    });

    it("the router table lists each default router's Regions", () => {
        expect(renderRouterTable()).to.contain(
            "| `META_LLAMA_3_1` | `meta.llama:1` | `meta.llama3-1-8b-instruct-v1:0`, `meta.llama3-1-70b-instruct-v1:0` | us-east-1, us-east-2, us-west-2 |",
        );
    });

    it("the model table shows each model's output, listed and undocumented geographies, Marketplace product and numbered sources", () => {
        const table = renderModelTable();
        expect(table).to.contain(
            "| `ANTHROPIC_CLAUDE_3_7_SONNET_V1_0` | `anthropic.claude-3-7-sonnet-20250219-v1:0` | text | `us`, `eu`, `apac`, `us-gov` | `in` |  | yes |  |",
        );
        expect(table).to.contain("| `OPENAI_GPT_OSS_120B_V1`, `OPENAI_GPT_OSS_120B_1_0` | `openai.gpt-oss-120b-1:0` | text | none |  | no | no |  |");
        expect(table).to.contain("| `OPENAI_GPT_5_6_TERRA` | `openai.gpt-5.6-terra` | text | `us`, `in`, `global` |  | prod-oxu3iqwrwktjm | no |  |");
        expect(table).to.contain("| `TITAN_EMBED_TEXT_V2_1024` | `amazon.titan-embed-text-v2:0` (1024 dims) | embedding | none |");
        // Every row cites its sources, numbered, and every number is listed below the table with its URL.
        const rows = table.split("\n").filter((l) => l.startsWith("| `"));
        for (const row of rows) expect(row, row).to.match(/\| (\[\d+\])+ \|$/);
        const refs = new Set(rows.flatMap((r) => [...r.matchAll(/\[(\d+)\]/g)].map((m) => m[1])));
        for (const n of refs) expect(table, n).to.match(new RegExp(`^${n}\\. \\[[^\\]]+\\]\\(https://`, "m"));
    });

    it("the guardrail profile table groups sources by their destinations (us-west-1 and il-central-1 route to themselves)", () => {
        const table = renderGuardrailProfileTable();
        expect(table).to.contain("| `US` | `us.guardrail.v1:0` | aws | us-east-1, us-east-2, us-west-2 | us-east-1, us-east-2, us-west-2 |");
        expect(table).to.contain("| `US` | `us.guardrail.v1:0` | aws | us-west-1 | us-east-1, us-east-2, us-west-1, us-west-2 |");
        expect(table).to.contain(
            "| `EU` | `eu.guardrail.v1:0` | aws | il-central-1 | eu-central-1, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-3, il-central-1 |",
        );
        expect(table).to.contain("| `UK` | `uk.guardrail.v1:0` | aws | eu-west-2 | eu-west-2 |");
    });

    it("a README without the markers is refused", () => {
        throwsExactly(() => renderReadme("# nothing here\n"), "README.md has no <!-- geography-table: begin --> ... <!-- geography-table: end --> block");
    });
});
