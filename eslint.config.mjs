import tseslint from "typescript-eslint";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import { localRules } from "./scripts/eslint-local-rules.mjs";

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      // StrykerJS's sandbox copies of the project and its reports, present while a mutation run works.
      ".stryker-tmp/**",
      "reports/**",
      // The doctor's corpus: pages and snippets as customers write them, mistakes included.
      "lib/doctor/__corpus__/**",
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Every test runs through the suite's fixtures, which fail it on a CSP violation.
    files: ["e2e/**/*.ts"],
    ignores: ["e2e/support/fixtures.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              importNames: ["test"],
              message:
                "Import test from e2e/support/fixtures.ts (or docs-fixtures.ts): its fixtures watch every test for CSP violations and collect page errors.",
            },
          ],
        },
      ],
    },
  },
  {
    // The core is pure TypeScript: no React, no Next, no DOM-only libraries.
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-dom", "react/*", "react-dom/*"],
              message: "lib/ is pure TypeScript: no React.",
            },
            { group: ["next", "next/*"], message: "lib/ is pure TypeScript: no Next.js." },
            {
              group: ["@/components/*", "@/app/*"],
              message: "lib/ must not depend on the UI layers.",
            },
          ],
        },
      ],
    },
  },
  {
    // The preview is its own document: it renders the config it receives by postMessage and
    // never reads the playground's store (design.md §5). Only the host, the playground's side
    // of the iframe, may reach the store and the playground's rooms.
    files: ["components/preview/**/*.{ts,tsx}"],
    ignores: ["components/preview/host/**"],
    plugins: { local: localRules },
    rules: {
      "local/no-imports-from": [
        "error",
        {
          folders: [
            "lib/state",
            "components/state",
            "components/playground",
            "components/controls",
            "components/code",
          ],
          packages: ["zustand"],
          message:
            "The preview (components/preview outside host/) renders only the config it is sent; it must not import the store or the playground. Pass what it needs through the preview messages (lib/preview/messages) or props.",
        },
      ],
    },
  },
);
