// Bundled by bench/lib/generation.mjs (rolldown) into one self-contained module: the lib is TypeScript.
export { generateSnippets } from "../../lib/snippets/index.ts";
export { lintConfig } from "../../lib/rules/index.ts";
export { simulateLoad } from "../../lib/identity/index.ts";
export { configArbitrary } from "../../lib/config/arbitraries.ts";
export { default as fc } from "fast-check";
