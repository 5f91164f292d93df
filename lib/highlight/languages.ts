import type { LanguageInput } from "shiki/core";
import type { SnippetLanguage } from "@/lib/snippets/types";

/**
 * Each snippet language → the shiki grammar id to highlight with and a lazy loader for it.
 * Loaders are dynamic imports so a bundler splits every grammar into its own chunk and a
 * grammar is fetched only when a snippet of that language is first highlighted.
 * The `.mjs` extension is required by shiki's export map.
 */
export const LANGUAGE_GRAMMARS: Record<SnippetLanguage, { id: string; load: () => LanguageInput }> =
  {
    html: { id: "html", load: () => import("shiki/langs/html.mjs") },
    tsx: { id: "tsx", load: () => import("shiki/langs/tsx.mjs") },
    ts: { id: "typescript", load: () => import("shiki/langs/typescript.mjs") },
    js: { id: "javascript", load: () => import("shiki/langs/javascript.mjs") },
    python: { id: "python", load: () => import("shiki/langs/python.mjs") },
    php: { id: "php", load: () => import("shiki/langs/php.mjs") },
    ruby: { id: "ruby", load: () => import("shiki/langs/ruby.mjs") },
    go: { id: "go", load: () => import("shiki/langs/go.mjs") },
    java: { id: "java", load: () => import("shiki/langs/java.mjs") },
    bash: { id: "shellscript", load: () => import("shiki/langs/shellscript.mjs") },
    json: { id: "json", load: () => import("shiki/langs/json.mjs") },
    vue: { id: "vue", load: () => import("shiki/langs/vue.mjs") },
    svelte: { id: "svelte", load: () => import("shiki/langs/svelte.mjs") },
  };

export function isSnippetLanguage(value: string): value is SnippetLanguage {
  return Object.hasOwn(LANGUAGE_GRAMMARS, value);
}
