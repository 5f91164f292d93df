/**
 * Turns pasted text into parsed JavaScript programs: an options object, a
 * script, a React/Next.js component, a Nuxt plugin, an Angular component (TypeScript with
 * decorators), or an HTML page, a Vue single-file component or a Svelte component whose scripts
 * are parsed one by one. Parsing only:
 * nothing is executed.
 */
import { parse, parseExpression, type ParserOptions } from "@babel/parser";
import type { Expression, File } from "@babel/types";
import { parse as parseHtml } from "parse5";
import { unreadableServerCode } from "./server-languages";
import type { ImportKind, ImportProblem } from "./types";

export interface ParsedProgram {
  /** A whole program, or a bare expression (an options object as pasted). */
  ast: File | Expression;
  /** The text the AST offsets refer to. */
  source: string;
  /** Where `source` starts in the user's input. */
  offset: number;
}

export type ReadResult =
  | { ok: true; kind: ImportKind; programs: ParsedProgram[] }
  | { ok: false; kind: ImportKind | null; problems: ImportProblem[] };

const PARSER_OPTIONS: ParserOptions = {
  sourceType: "module",
  allowReturnOutsideFunction: true,
  allowAwaitOutsideFunction: true,
  allowUndeclaredExports: true,
  plugins: ["jsx", "typescript"],
};

interface BabelError {
  message: string;
  pos?: number;
  loc?: { line: number; column: number };
}

function syntaxProblem(error: unknown, source: string, offset: number): ImportProblem {
  const e = error as BabelError;
  const pos = typeof e.pos === "number" ? Math.min(e.pos, source.length) : 0;
  // Babel ends its messages with "(line:column)"; the marker carries the position.
  const reason = String(e.message ?? error).replace(/\s*\(\d+:\d+\)\s*$/, "");
  return {
    severity: "error",
    path: "",
    message: `Syntax error: ${reason}.`.replace(/\.\.$/, "."),
    range: { start: offset + pos, end: offset + Math.min(pos + 1, source.length) },
  };
}

/**
 * An Angular component's module: TypeScript with its experimental decorators (`@Component({…})`
 * on a class, `@Inject(…)` on a constructor parameter, which only the legacy proposal allows),
 * never JSX, so a cast like `<T>value` reads as TypeScript.
 */
const ANGULAR_PARSER_OPTIONS: ParserOptions = {
  ...PARSER_OPTIONS,
  plugins: ["typescript", "decorators-legacy"],
};

function parseProgram(source: string, offset: number): ParsedProgram | ImportProblem {
  try {
    return { ast: parse(source, PARSER_OPTIONS), source, offset };
  } catch (first) {
    // A TypeScript generic arrow such as `<T,>(x: T) => x` reads differently
    // without JSX; try once more without it before reporting.
    try {
      return {
        ast: parse(source, { ...PARSER_OPTIONS, plugins: ["typescript"] }),
        source,
        offset,
      };
    } catch {
      return syntaxProblem(first, source, offset);
    }
  }
}

function isProblem(value: ParsedProgram | ImportProblem): value is ImportProblem {
  return "severity" in value;
}

/** `{ … }` or `({ … })` on its own: an options object, JSON included. */
function readBareObject(text: string): ParsedProgram | ImportProblem | null {
  // Leading whitespace and comments do not change what the text is.
  const trimmed = text.replace(/^(?:\s+|\/\/[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/, "");
  if (!trimmed.startsWith("{") && !trimmed.startsWith("(")) return null;
  try {
    const ast = parseExpression(text, { plugins: ["typescript"] });
    return ast.type === "ObjectExpression" || ast.type === "ParenthesizedExpression"
      ? { ast, source: text, offset: 0 }
      : null;
  } catch (error) {
    // `{` could also open a block of statements; let the program parser decide.
    const asProgram = parseProgram(text, 0);
    return isProblem(asProgram) ? syntaxProblem(error, text, 0) : null;
  }
}

/** The parts of a parse5 node (with source locations) the readers use. */
export interface HtmlNode {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
  value?: string;
  sourceCodeLocation?: {
    startOffset: number;
    endOffset: number;
    startTag?: { startOffset: number; endOffset: number };
  } | null;
}

const JS_TYPES = new Set(["", "module", "text/javascript", "application/javascript", "text/babel"]);

/**
 * The script elements of an HTML page or the script blocks of a Vue or Svelte component. At
 * the top level of a component, Vue's parser and an HTML parser both end a `<script>` block at
 * the first `</script`, so parse5 finds the same blocks; what sits in `<template>` is not read.
 */
function readScripts(text: string, kind: "html" | "vue" | "svelte"): ReadResult {
  const document = parseHtml(text, { sourceCodeLocationInfo: true }) as unknown as HtmlNode;
  const programs: ParsedProgram[] = [];
  const problems: ImportProblem[] = [];
  const visit = (node: HtmlNode) => {
    if (node.nodeName === "script") {
      const attr = (name: string) => node.attrs?.find((a) => a.name === name)?.value;
      const type = (attr("type") ?? "").trim().toLowerCase();
      const body = node.childNodes?.[0];
      if (JS_TYPES.has(type) && body?.nodeName === "#text" && body.sourceCodeLocation) {
        const offset = body.sourceCodeLocation.startOffset;
        const source = text.slice(offset, body.sourceCodeLocation.endOffset);
        const parsed = parseProgram(source, offset);
        if (isProblem(parsed)) problems.push(parsed);
        else programs.push(parsed);
      }
    }
    node.childNodes?.forEach(visit);
    if (node.content) visit(node.content);
  };
  visit(document);
  if (programs.length === 0 && problems.length > 0) return { ok: false, kind, problems };
  return { ok: true, kind, programs };
}

/**
 * HTML starts with markup: a doctype, a comment or a lower-case HTML tag.
 * A bare JSX element (`<Widget …/>`) and code that merely mentions `<script>`
 * in a string are JavaScript.
 */
function looksLikeHtml(text: string): boolean {
  return (
    /^\s*(<!|<(script|html|head|body|div|meta|link|noscript|template|main|section|p|span)[\s>/])/i.test(
      text,
    ) && !/^\s*<[A-Z]/.test(text)
  );
}

/**
 * A Vue single-file component: a top-level `<script setup>` or `<script lang=…>` block, or a
 * `<template>` block beside a `<script>` block, and no page markup (doctype, html, head, body).
 */
function looksLikeVueComponent(text: string): boolean {
  if (/<(!doctype|html|head|body)[\s>]/i.test(text)) return false;
  return (
    /^\s*<script\b[^>]*\s(setup|lang\s*=)/im.test(text) ||
    (/^<template[\s>]/m.test(text) && /^<script[\s>]/m.test(text))
  );
}

/**
 * An Angular module: it imports from an `@angular/` package, or decorates a class with
 * `@Component(`. The playground's own Angular snippet does both.
 */
function looksLikeAngular(text: string): boolean {
  return /\bfrom\s+['"]@angular\/[a-z-]+['"]/.test(text) || /^\s*@Component\s*\(/m.test(text);
}

/** An Angular component's module, parsed with decorators. */
function readAngular(text: string): ReadResult {
  try {
    const ast = parse(text, ANGULAR_PARSER_OPTIONS);
    return { ok: true, kind: "angular", programs: [{ ast, source: text, offset: 0 }] };
  } catch (error) {
    return {
      ok: false,
      kind: "angular",
      problems: [syntaxProblem(error, text, 0)],
    };
  }
}

/** A Nuxt plugin: it calls `defineNuxtPlugin`. */
function looksLikeNuxtPlugin(program: ParsedProgram): boolean {
  return /\bdefineNuxtPlugin\s*\(/.test(program.source);
}

/**
 * A Svelte component: a `<svelte:…>` element, a script marked as Svelte's (`module`,
 * `context="module"`, `lang="ts"`), an import from `svelte`, or a Svelte block (`{#if}`,
 * `{@render}`…) next to a `<script>`. Its scripts end at `</script` as an HTML page's do (Svelte's
 * parser and an HTML parser agree there), so the HTML reader takes them out; the markup, where
 * Svelte has its own syntax, holds no options.
 */
function looksLikeSvelte(text: string): boolean {
  return (
    /<svelte:[a-z]/.test(text) ||
    (/<script\b/i.test(text) &&
      /<script\b[^>]*\s(?:module\b|context=["']module["']|lang=["']ts["'])|\bfrom\s+['"]svelte['"]|\{[#@](?:if|each|await|key|render|html|const)\b/.test(
        text,
      ))
  );
}

function looksLikeReact(program: ParsedProgram): boolean {
  const source = program.source;
  return (
    /from\s+['"](react|@opencx\/widget-react|next\/dynamic)['"]/.test(source) ||
    /^\s*['"]use client['"]/m.test(source)
  );
}

/** Parses `text` into programs; never throws. */
export function readSources(text: string): ReadResult {
  if (text.trim() === "") {
    return {
      ok: false,
      kind: null,
      problems: [
        {
          severity: "error",
          path: "",
          message: "Nothing to import: paste a snippet or an options object.",
          range: null,
        },
      ],
    };
  }
  // A Vue component's `<script setup>` or `<template>` marks it as Vue even with `lang="ts"`,
  // which both frameworks write.
  const vueOnly = /^\s*<script\b[^>]*\ssetup\b/im.test(text) || /^<template[\s>]/m.test(text);
  if (!vueOnly && looksLikeSvelte(text)) return readScripts(text, "svelte");
  if (looksLikeVueComponent(text)) return readScripts(text, "vue");
  if (looksLikeHtml(text)) return readScripts(text, "html");
  if (looksLikeAngular(text)) return readAngular(text);
  const bare = readBareObject(text);
  if (bare && isProblem(bare)) {
    const server = unreadableServerCode(text);
    if (server) return { ok: false, kind: null, problems: [server] };
    return { ok: false, kind: "options", problems: [bare] };
  }
  if (bare) return { ok: true, kind: "options", programs: [bare] };
  const program = parseProgram(text, 0);
  if (isProblem(program)) {
    return { ok: false, kind: null, problems: [unreadableServerCode(text) ?? program] };
  }
  return {
    ok: true,
    kind: looksLikeReact(program) ? "react" : looksLikeNuxtPlugin(program) ? "nuxt" : "script",
    programs: [program],
  };
}
