/**
 * The one shiki highlighter of the app: fine-grained core, JavaScript regex engine (no WASM),
 * two themes emitted as CSS variables so light/dark switches by CSS alone.
 *
 * Runs unchanged in Node (Server Components highlight the initial snippets) and in a Web Worker
 * (re-highlighting after a change). Nothing here touches the DOM.
 *
 * Output contract (see `toPlainHtml`, which renders the same shape without colours):
 * the inner HTML of a `<code>` element — one `<span class="line">` per line, joined by "\n",
 * tokens as `<span style="--shiki-light:…;--shiki-dark:…">`. No `<pre>`: the caller owns the
 * block element, so plain and coloured renderings have the same layout.
 */
import { createHighlighterCore, hastToHtml, type HighlighterCore } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import type { SnippetLanguage } from "@/lib/snippets/types";
import { LANGUAGE_GRAMMARS, isSnippetLanguage } from "./languages";
import { toPlainHtml } from "./plain";

export const LIGHT_THEME = "github-light";
export const DARK_THEME = "github-dark";

/**
 * Two github colours miss WCAG AA (4.5:1) on their own background: light orange #e36209 (3.5:1,
 * parameters and attributes) and dark comment grey #6a737d (3.1:1). Swapped for close shades that pass.
 */
const COLOR_REPLACEMENTS: Record<string, Record<string, string>> = {
  [LIGHT_THEME]: { "#e36209": "#b35900" },
  [DARK_THEME]: { "#6a737d": "#959da5" },
};

/** Results are cached: the same config is highlighted again and again (default config, undo, tab toggles). */
const CACHE_LIMIT = 200;
const cache = new Map<string, string>();

let highlighterPromise: Promise<HighlighterCore> | undefined;
const languagePromises = new Map<SnippetLanguage, Promise<void>>();

function getHighlighter(): Promise<HighlighterCore> {
  highlighterPromise ??= createHighlighterCore({
    themes: [import("shiki/themes/github-light.mjs"), import("shiki/themes/github-dark.mjs")],
    langs: [],
    engine: createJavaScriptRegexEngine(),
  }).catch((error: unknown) => {
    highlighterPromise = undefined;
    throw error;
  });
  return highlighterPromise;
}

/** Loads a grammar once (lazily, on first use); a failed load is forgotten so the next call retries. */
function ensureLanguage(highlighter: HighlighterCore, language: SnippetLanguage): Promise<void> {
  let pending = languagePromises.get(language);
  if (!pending) {
    pending = highlighter
      .loadLanguage(LANGUAGE_GRAMMARS[language].load())
      .catch((error: unknown) => {
        languagePromises.delete(language);
        throw error;
      });
    languagePromises.set(language, pending);
  }
  return pending;
}

/** Starts the highlighter and loads these grammars without highlighting anything. */
export async function preloadLanguages(languages: Iterable<SnippetLanguage>): Promise<void> {
  const highlighter = await getHighlighter();
  await Promise.all(
    [...new Set(languages)].filter(isSnippetLanguage).map((l) => ensureLanguage(highlighter, l)),
  );
}

/** Grammar ids the highlighter holds right now (embedded grammars included, e.g. html brings css). */
export async function getLoadedLanguages(): Promise<string[]> {
  if (!highlighterPromise) return [];
  return (await highlighterPromise).getLoadedLanguages();
}

/**
 * Highlights `code` and returns the inner HTML of its `<code>` element (see the file comment).
 * An unknown language yields the plain rendering rather than an error.
 */
export async function highlight(code: string, language: SnippetLanguage): Promise<string> {
  if (!isSnippetLanguage(language)) return toPlainHtml(code);
  const cacheKey = `${language}\u0000${code}`;
  const hit = cache.get(cacheKey);
  if (hit !== undefined) {
    cache.delete(cacheKey);
    cache.set(cacheKey, hit);
    return hit;
  }

  const highlighter = await getHighlighter();
  await ensureLanguage(highlighter, language);
  const root = highlighter.codeToHast(code, {
    lang: LANGUAGE_GRAMMARS[language].id,
    themes: { light: LIGHT_THEME, dark: DARK_THEME },
    defaultColor: false,
    colorReplacements: COLOR_REPLACEMENTS,
  });
  const html = hastToHtml({ type: "root", children: codeChildren(root.children) });

  cache.set(cacheKey, html);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return html;
}

type HastRoot = ReturnType<HighlighterCore["codeToHast"]>;
type HastElement = Extract<HastRoot["children"][number], { type: "element" }>;

/** `root > pre > code > *`: the line spans, without shiki's own `<pre>` and `<code>`. */
function codeChildren(nodes: HastRoot["children"]): HastElement["children"] {
  const pre = nodes.find((n): n is HastElement => n.type === "element" && n.tagName === "pre");
  const code = pre?.children.find(
    (n): n is HastElement => n.type === "element" && n.tagName === "code",
  );
  if (!code) throw new Error("Unexpected shiki output: no <pre><code>.");
  return code.children;
}
