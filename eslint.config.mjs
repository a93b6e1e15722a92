// ESLint flat config: typescript-eslint's recommended rules plus Pulumi's rules against Outputs in
// template literals (they need type information, hence the project service). Style is Prettier's job.
import pulumi from "@pulumi/eslint-plugin";
import tseslint from "typescript-eslint";

export default tseslint.config(
    {
        ignores: [
            "bin/**",
            "docs/**",
            "node_modules/**",
            "**/node_modules/**",
            "bench/cdk/**",
            "bench/results/**",
            "examples/quickstart-python/**",
            ".stryker-tmp/**",
            "reports/**",
        ],
    },
    ...tseslint.configs.recommended,
    {
        files: ["**/*.ts"],
        languageOptions: {
            parserOptions: {
                projectService: true,
                tsconfigRootDir: import.meta.dirname,
            },
        },
        plugins: { "@pulumi": pulumi },
        rules: {
            "@pulumi/no-output-in-template-literal": "error",
            "@pulumi/no-output-instance-in-template-literal": "error",
            // `_`-prefixed names mark deliberately unused parameters and destructured values.
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
        },
    },
    {
        // Tests and the mocks helper handle loosely typed mock inputs and recorded properties.
        files: ["tests/**/*.ts", "components/testing/**/*.ts", "bench/**/*.ts"],
        rules: {
            "@typescript-eslint/no-explicit-any": "off",
            "@typescript-eslint/no-unused-expressions": "off",
            "@typescript-eslint/no-non-null-assertion": "off",
        },
    },
    {
        files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
        ...tseslint.configs.disableTypeChecked,
    },
);
