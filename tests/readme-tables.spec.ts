import { expect } from "chai";
import * as fs from "fs";
import { README_PATH, renderGeographyTable, renderModelTable, renderReadme, renderRouterTable } from "../scripts/readme-tables";
import { throwsExactly } from "./support/errors";

describe("README tables rendered from the catalog", () => {
    it("README's geography, default-router and model tables are what the catalog renders (run `npx ts-node scripts/readme-tables.ts` to update)", () => {
        const readme = fs.readFileSync(README_PATH, "utf8");
        expect(renderReadme(readme)).to.equal(readme);
    });

    it("the geography table has one row per geography, with its prefix and sources", () => {
        const table = renderGeographyTable();
        expect(table).to.contain("| `IN` | `in.` | aws | ap-south-1, ap-south-2 |");
        expect(table).to.contain("| `AU` | `au.` | aws | ap-southeast-2, ap-southeast-4 |");
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

    it("the model table shows each model's documented geographies", () => {
        const table = renderModelTable();
        expect(table).to.contain(
            "| `ANTHROPIC_CLAUDE_3_7_SONNET_V1_0` | `anthropic.claude-3-7-sonnet-20250219-v1:0` | `us`, `eu`, `apac` (sources cover global, us, eu, jp, apac; others accepted) | yes |  |",
        );
        expect(table).to.contain("| `OPENAI_GPT_OSS_120B_V1`, `OPENAI_GPT_OSS_120B_1_0` | `openai.gpt-oss-120b-1:0` | none | no |  |");
    });

    it("a README without the markers is refused", () => {
        throwsExactly(() => renderReadme("# nothing here\n"), "README.md has no <!-- geography-table: begin --> ... <!-- geography-table: end --> block");
    });
});
