import type { SnippetLanguage } from "@/lib/snippets/types";

/**
 * The grammars the code panel warms when the page is idle: the ones the playground had before
 * the languages of issue 18 (the default tabs and the first change use them, and they are
 * small). Every other grammar (php, ruby, go, java, vue, svelte, and any added later) loads
 * when a tab that uses it is first shown: the block shows its plain text until then.
 * Kept apart from `languages.ts` so the page can read it without referencing any grammar.
 */
export const WARM_LANGUAGES: readonly SnippetLanguage[] = [
  "html",
  "tsx",
  "ts",
  "js",
  "python",
  "bash",
  "json",
];

export const isWarmLanguage = (language: SnippetLanguage): boolean =>
  WARM_LANGUAGES.includes(language);
