// The layers of components/: each folder imports only the folders below it in LAYERS (type-only imports
// count: they are arrows of the design too), and no two modules import each other, directly or through
// others. Read from the sources with TypeScript's import scanner (`ts.preProcessFile`), as written.
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const COMPONENTS = path.resolve(__dirname, "..", "components");

/** The folders of components/, lowest first: a folder may import the folders before it, never those after. */
const LAYERS = ["catalog", "core", "iam", "rules", "usage", "guardrails", "profiles", "prompts", "agents", "testing", "policy", "preview", "xlang"];

/**
 * Arrows that still run up, each with why it is left: `<file> -> <folder>`. The spec fails when one
 * disappears (take it off this list) as when a new one appears.
 */
const LEFT: Record<string, string> = {
    // BedrockFoundationModel is both the catalog's data and a grantee (`grantInvoke`, `accessTarget` in
    // the caller's Region): splitting the class from its model table is a change of its own.
    "catalog/foundation-model.ts -> core": "callerContext: a model's ARN in the caller's Region",
    "catalog/foundation-model.ts -> iam": "grantInvokeTo and the grant types of BedrockFoundationModel.grantInvoke",
    // ProfileBudget takes an application profile and reads its tags from the component.
    "usage/profile-budget.ts -> profiles": "ApplicationInferenceProfile (instanceof, its profile's tags)",
};

function sources(dir: string): string[] {
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []))
        .sort();
}

/** Each module's relative imports, resolved to files of components/. */
function importGraph(): Map<string, string[]> {
    const graph = new Map<string, string[]>();
    for (const file of sources(COMPONENTS)) {
        const imports = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true).importedFiles.map((i) => i.fileName);
        const targets = imports
            .filter((spec) => spec.startsWith("."))
            .map((spec) => {
                const base = path.resolve(path.dirname(file), spec);
                return fs.existsSync(`${base}.ts`) ? `${base}.ts` : path.join(base, "index.ts");
            });
        graph.set(file, targets);
    }
    return graph;
}

const rel = (f: string) => path.relative(COMPONENTS, f).split(path.sep).join("/");
const folderOf = (f: string) => rel(f).split("/")[0];

describe("the layers of components/", () => {
    const graph = importGraph();

    it("lists every folder of components/ in one layer order", () => {
        const folders = fs
            .readdirSync(COMPONENTS, { withFileTypes: true })
            .filter((e) => e.isDirectory())
            .map((e) => e.name)
            .sort();
        expect([...LAYERS].sort()).to.deep.equal(folders);
    });

    it("each folder imports only folders below it (the arrows left, with their reasons, listed)", () => {
        const up = new Set<string>();
        for (const [file, targets] of graph) {
            for (const target of targets) {
                const from = LAYERS.indexOf(folderOf(file));
                const to = LAYERS.indexOf(folderOf(target));
                if (to > from) up.add(`${rel(file)} -> ${folderOf(target)}`);
            }
        }
        expect([...up].sort()).to.deep.equal(Object.keys(LEFT).sort());
    });

    it("no modules import each other, directly or through others (preview/errors.ts and preview/program.ts among them)", () => {
        // Tarjan's strongly connected components over the module graph: a component of more than one module is a cycle.
        const index = new Map<string, number>();
        const low = new Map<string, number>();
        const stack: string[] = [];
        const onStack = new Set<string>();
        const cycles: string[][] = [];
        let next = 0;
        const visit = (v: string): void => {
            index.set(v, next);
            low.set(v, next);
            next++;
            stack.push(v);
            onStack.add(v);
            for (const w of graph.get(v) ?? []) {
                if (!graph.has(w)) continue;
                if (!index.has(w)) {
                    visit(w);
                    low.set(v, Math.min(low.get(v)!, low.get(w)!));
                } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
            }
            if (low.get(v) === index.get(v)) {
                const members: string[] = [];
                let w: string;
                do {
                    w = stack.pop()!;
                    onStack.delete(w);
                    members.push(rel(w));
                } while (w !== v);
                if (members.length > 1) cycles.push(members.sort());
            }
        };
        for (const file of graph.keys()) if (!index.has(file)) visit(file);
        expect(cycles).to.deep.equal([]);
    });
});
