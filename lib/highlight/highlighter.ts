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
import {
  createHighlighterCore,
  hastToHtml,
  type GrammarState,
  type HighlighterCore,
} from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import { commonEnds } from "@/lib/explain/line-diff";
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
  const root = highlighter.codeToHast(code, hastOptions(language));
  const html = hastToHtml({ type: "root", children: codeChildren(root.children) });
  remember(cacheKey, html);
  return html;
}

function remember(cacheKey: string, html: string) {
  cache.set(cacheKey, html);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
}

const hastOptions = (language: SnippetLanguage, grammarState?: GrammarState) => ({
  lang: LANGUAGE_GRAMMARS[language].id,
  themes: { light: LIGHT_THEME, dark: DARK_THEME },
  defaultColor: false as const,
  colorReplacements: COLOR_REPLACEMENTS,
  grammarState,
});

/**
 * The grammar's state before a line, for both themes. Two states are the same when both themes'
 * stacks are equal: tokenizing the same line from either gives the same tokens and the same state.
 */
function sameState(a: GrammarState | undefined, b: GrammarState | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.lang !== b.lang) return false;
  return [LIGHT_THEME, DARK_THEME].every((theme) => {
    const x = a.getInternalStack(theme) as { equals?: (o: unknown) => boolean } | undefined;
    const y = b.getInternalStack(theme);
    return x === y || Boolean(x && y && x.equals?.(y));
  });
}

/** What one code block last showed: each line's HTML, and the grammar's state before some lines. */
interface Previous {
  language: SnippetLanguage;
  lines: string[];
  html: string[];
  /** Line index → state before that line (`undefined` at 0: the grammar's initial state). */
  states: Map<number, GrammarState | undefined>;
}

/** Lines tokenized together between two saved states: small, so an edit re-tokenizes few lines. */
const STEP = 4;
const previousBySlot = new Map<string, Previous>();

/**
 * Like `highlight`, but remembers each code block (`slot`) and re-tokenizes only what an edit
 * changed: from the last saved grammar state before the first changed line, until the grammar's
 * state lines up again with the previous text's after the last changed line; the lines around
 * are reused. The result is exactly `highlight(code, language)` (same tokens from the same
 * state: TextMate grammars tokenize one line at a time from the state the line above left).
 */
export async function highlightIncremental(
  slot: string,
  code: string,
  language: SnippetLanguage,
): Promise<string> {
  if (!isSnippetLanguage(language)) return toPlainHtml(code);
  const highlighter = await getHighlighter();
  await ensureLanguage(highlighter, language);

  const lines = code.split(/\r?\n/);
  const before = previousBySlot.get(slot);
  const old = before?.language === language ? before : undefined;
  const html: string[] = new Array<string>(lines.length);
  const states = new Map<number, GrammarState | undefined>([[0, undefined]]);

  // Lines equal at the start, and at the end (not overlapping the start).
  const { prefix, suffix } = old ? commonEnds(lines, old.lines) : { prefix: 0, suffix: 0 };
  // Restart from the last saved state at or before the first changed line.
  let start = 0;
  if (old) {
    for (const [line, state] of old.states) {
      if (line <= prefix && line > start) start = line;
      if (line <= prefix) states.set(line, state);
    }
    for (let i = 0; i < start; i++) html[i] = old.html[i]!;
  }
  const shift = old ? lines.length - old.lines.length : 0;
  const changedEnd = lines.length - suffix; // first line of the unchanged end

  let line = start;
  let state = states.get(start);
  while (line < lines.length) {
    // Past the change, where the previous text saved a state for the same line: if the grammar
    // is in that state again, every line from here is as before.
    if (old && line >= changedEnd && old.states.has(line - shift)) {
      if (sameState(state, old.states.get(line - shift))) {
        for (let i = line; i < lines.length; i++) html[i] = old.html[i - shift]!;
        for (const [oldLine, oldState] of old.states)
          if (oldLine + shift > line) states.set(oldLine + shift, oldState);
        break;
      }
    }
    // Inside the change: steps of STEP lines; past it, one line at a time, so each line is a
    // chance to line up with a saved state of the previous text.
    const count = old && line >= changedEnd ? 1 : Math.min(STEP, lines.length - line);
    const chunk = lines.slice(line, line + count).join("\n");
    const root = highlighter.codeToHast(chunk, hastOptions(language, state));
    const spans = codeChildren(root.children).filter((n) => n.type === "element");
    if (spans.length !== count) throw new Error("Unexpected shiki output: line count.");
    spans.forEach((span, i) => (html[line + i] = hastToHtml({ type: "root", children: [span] })));
    state = highlighter.getLastGrammarState(root);
    line += count;
    states.set(line, state);
  }

  previousBySlot.set(slot, { language, lines, html, states });
  if (previousBySlot.size > CACHE_LIMIT) previousBySlot.delete(previousBySlot.keys().next().value!);
  const result = html.join("\n");
  remember(`${language}\u0000${code}`, result);
  return result;
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
