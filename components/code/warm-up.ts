/** Warming the highlighter when the page is idle, with real code first. */
import { WARM_LANGUAGES, isWarmLanguage } from "@/lib/highlight/warm";
import type { Snippet, SnippetLanguage } from "@/lib/snippets/types";

/**
 * One sample per warm language the snippets use (highlighting real code compiles the grammar's
 * rules), then the other warm grammars. Languages outside `WARM_LANGUAGES` are never warmed:
 * their grammar loads when a tab using it is first shown.
 */
export function warmUpPlan(snippets: readonly Snippet[]) {
  const samples = new Map<SnippetLanguage, string>();
  for (const file of snippets.flatMap((s) => s.files))
    if (isWarmLanguage(file.language) && !samples.has(file.language))
      samples.set(file.language, file.code);
  const preload = WARM_LANGUAGES.filter((l) => !samples.has(l));
  return { samples: [...samples].map(([language, code]) => ({ language, code })), preload };
}

/** Runs `callback` when the page is idle, at the latest after `timeout` ms; returns the cancel. */
export function whenIdle(callback: () => void, timeout = 4000): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const handle = window.requestIdleCallback(callback, { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = setTimeout(callback, Math.min(1500, timeout));
  return () => clearTimeout(handle);
}
