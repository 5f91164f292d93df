/** Warming the highlighter when the page is idle, with real code first. */
import type { Snippet, SnippetLanguage } from "@/lib/snippets/types";
import { LANGUAGE_NAMES } from "./code-block";

/** One sample per language the snippets use (highlighting real code compiles the grammar's rules), then every other grammar. */
export function warmUpPlan(snippets: readonly Snippet[]) {
  const samples = new Map<SnippetLanguage, string>();
  for (const file of snippets.flatMap((s) => s.files))
    if (!samples.has(file.language)) samples.set(file.language, file.code);
  const preload = (Object.keys(LANGUAGE_NAMES) as SnippetLanguage[]).filter((l) => !samples.has(l));
  return { samples: [...samples].map(([language, code]) => ({ language, code })), preload };
}

export function whenIdle(callback: () => void): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const handle = window.requestIdleCallback(callback, { timeout: 4000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = setTimeout(callback, 1500);
  return () => clearTimeout(handle);
}
