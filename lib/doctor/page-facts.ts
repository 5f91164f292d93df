/**
 * What a pasted page or snippet shows, read once for every rule: the import's reading (the
 * config, its problems, the version pin), the widget options and the authenticate-user body as
 * literal trees with their places, and for markup the `<script>` elements, where the page calls
 * `initOpenScript`, and any Content-Security-Policy `<meta>`. Parsing only: nothing is run.
 */
import { parse, type ParserOptions } from "@babel/parser";
import type { Node } from "@babel/types";
import { parse as parseHtml } from "parse5";
import { DEFAULT_CONFIG, type PlaygroundConfig } from "../config/options";
import { findOptions, type FindResult } from "../import/find";
import { importSnippet, type ImportResult } from "../import/index";
import { readLiteral, rangeOf, type LiteralNode } from "../import/literal";
import { readSources, type HtmlNode, type ParsedProgram } from "../import/sources";
import type { ImportKind, SourceRange } from "../import/types";
import { readSnippetVersion, type Pin, type SnippetVersion } from "../import/version";

/** A `<script>` element of a page, in document order. */
export interface ScriptTag {
  src: string | null;
  defer: boolean;
  async: boolean;
  /** The `type` attribute, lower-cased; `""` when absent. */
  type: string;
  /** The start tag. */
  range: SourceRange;
  /** Whether `src` loads the widget's embed script. */
  widget: boolean;
  /** For an inline script: where its code starts in the text. */
  codeStart: number | null;
  /** For an inline script: its code. */
  code: string | null;
  /** For an inline script: where it calls `initOpenScript` outside any function (runs at once). */
  immediateInits: SourceRange[];
}

export interface PolicyMeta {
  policy: string;
  range: SourceRange;
}

export interface PageFacts {
  text: string;
  /**
   * `text` with its comments (HTML `<!-- -->`, JavaScript `//` and block comments) blanked to
   * spaces, offsets kept: what the text-pattern rules read, so a commented-out line is not code.
   * Secrets are looked for in `text` itself: a key in a comment is still published.
   */
  scan: string;
  kind: ImportKind | null;
  /** The import's reading, over the default config. */
  imported: ImportResult;
  programs: readonly ParsedProgram[];
  found: FindResult | null;
  /** The widget options as written, or null when the text passes none. */
  options: LiteralNode | null;
  /** The authenticate-user body as written, or null. */
  body: LiteralNode | null;
  /** Every `<script>` of markup (a page, a Vue or Svelte component); empty for code. */
  scripts: ScriptTag[];
  policies: PolicyMeta[];
  /** The version pins: script URLs, install lines, package.json entries (not in HTML comments). */
  pins: Pin[];
  /** The version the pins name (as the import reads it, HTML comments left out). */
  version: SnippetVersion;
}

/** The embed script by package name on a CDN, or a self-hosted copy of its bundle. */
const WIDGET_SRC = /@opencx\/widget(?![\w-])(?!\/designs)|\/dist-embed\/script\.js(?:[?#]|$)/;

export function isWidgetScriptSrc(src: string): boolean {
  return WIDGET_SRC.test(src.trim());
}

const PARSER_OPTIONS: ParserOptions = {
  sourceType: "module",
  allowReturnOutsideFunction: true,
  allowAwaitOutsideFunction: true,
  plugins: ["typescript"],
  errorRecovery: true,
};

const FUNCTION_TYPES = new Set([
  "FunctionDeclaration",
  "FunctionExpression",
  "ArrowFunctionExpression",
  "ObjectMethod",
  "ClassMethod",
]);

/** `initOpenScript(…)` and `window.initOpenScript(…)` calls that run when the script runs. */
function immediateInitCalls(code: string, offset: number): SourceRange[] {
  let ast: Node;
  try {
    ast = parse(code, PARSER_OPTIONS);
  } catch {
    return [];
  }
  const out: SourceRange[] = [];
  const visit = (node: Node, inFunction: boolean) => {
    if (node.type === "CallExpression" && !inFunction) {
      const callee = node.callee;
      const name =
        callee.type === "Identifier"
          ? callee.name
          : callee.type === "MemberExpression" &&
              !callee.computed &&
              callee.property.type === "Identifier"
            ? callee.property.name
            : null;
      if (name === "initOpenScript") out.push(rangeOf(node, offset));
    }
    // A function called where it is written (`(function () { … })()`, `(() => …)()`) runs now.
    if (node.type === "CallExpression" && FUNCTION_TYPES.has(node.callee.type)) {
      const callee = node.callee as { body: Node; params: Node[] };
      visit(callee.body, inFunction);
      for (const argument of node.arguments) visit(argument, inFunction);
      return;
    }
    const nested = inFunction || FUNCTION_TYPES.has(node.type);
    for (const [key, value] of Object.entries(node)) {
      if (key === "loc" || key === "extra" || key.endsWith("Comments")) continue;
      if (Array.isArray(value)) {
        for (const item of value)
          if (item && typeof item === "object" && "type" in item) visit(item as Node, nested);
      } else if (value && typeof value === "object" && "type" in value) {
        visit(value as Node, nested);
      }
    }
  };
  visit(ast, false);
  return out;
}

function readMarkup(text: string): { scripts: ScriptTag[]; policies: PolicyMeta[] } {
  const document = parseHtml(text, { sourceCodeLocationInfo: true }) as unknown as HtmlNode;
  const scripts: ScriptTag[] = [];
  const policies: PolicyMeta[] = [];
  const visit = (node: HtmlNode) => {
    const attr = (name: string) => node.attrs?.find((a) => a.name === name)?.value;
    const location = node.sourceCodeLocation;
    const range = location
      ? {
          start: location.startTag?.startOffset ?? location.startOffset,
          end: location.startTag?.endOffset ?? location.endOffset,
        }
      : { start: 0, end: 0 };
    if (node.nodeName === "script") {
      const src = attr("src") ?? null;
      const body = node.childNodes?.[0];
      const inline =
        src === null && body?.nodeName === "#text" && body.sourceCodeLocation
          ? {
              start: body.sourceCodeLocation.startOffset,
              code: text.slice(
                body.sourceCodeLocation.startOffset,
                body.sourceCodeLocation.endOffset,
              ),
            }
          : null;
      const type = (attr("type") ?? "").trim().toLowerCase();
      scripts.push({
        src,
        defer: attr("defer") !== undefined,
        async: attr("async") !== undefined,
        type,
        range,
        widget: src !== null && isWidgetScriptSrc(src),
        codeStart: inline?.start ?? null,
        code: inline?.code ?? null,
        immediateInits:
          inline && ["", "module", "text/javascript", "application/javascript"].includes(type)
            ? immediateInitCalls(inline.code, inline.start)
            : [],
      });
    }
    if (
      node.nodeName === "meta" &&
      (attr("http-equiv") ?? "").trim().toLowerCase() === "content-security-policy"
    ) {
      policies.push({ policy: attr("content") ?? "", range });
    }
    node.childNodes?.forEach(visit);
    if (node.content) visit(node.content);
  };
  visit(document);
  return { scripts, policies };
}

const MARKUP: ReadonlySet<ImportKind | null> = new Set<ImportKind>(["html", "vue", "svelte"]);

/** Reads `text` for the doctor's rules (imported over `base`); never throws on any input. */
export function readPage(text: string, base: PlaygroundConfig = DEFAULT_CONFIG): PageFacts {
  const imported = importSnippet(text, base);
  const read = readSources(text);
  const programs = read.ok ? read.programs : [];
  const found = read.ok ? findOptions(programs) : null;
  const literal = (hit: FindResult["options"]) =>
    hit ? readLiteral(hit.node, { source: hit.program.source, offset: hit.program.offset }) : null;
  const markup = MARKUP.has(read.kind) ? readMarkup(text) : { scripts: [], policies: [] };
  // A commented-out `<script>` is not loaded; an install line in a code comment is how
  // snippets document their version, so code comments are read for pins.
  const markupComments = htmlComments(text, MARKUP.has(read.kind));
  const scan = blank(text, [...markupComments, ...codeComments(programs)]);
  const values = [found?.options, found?.serverBody].flatMap((hit) =>
    hit ? [rangeOf(hit.node, hit.program.offset)] : [],
  );
  const version = readSnippetVersion(blank(text, markupComments), values);
  return {
    text,
    scan,
    kind: read.kind,
    imported,
    programs,
    found,
    options: literal(found?.options ?? null),
    body: literal(found?.serverBody ?? null),
    ...markup,
    pins: version.pins,
    version,
  };
}

function blank(text: string, ranges: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const { start, end } of ranges)
    out = out.slice(0, start) + out.slice(start, end).replace(/[^\n]/g, " ") + out.slice(end);
  return out;
}

/** The HTML comments of markup (`<!-- … -->`, an unclosed one to the end). */
function htmlComments(text: string, markup: boolean): { start: number; end: number }[] {
  if (!markup) return [];
  return [...text.matchAll(/<!--[\s\S]*?(?:-->|$)/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** The comments of the parsed programs. */
function codeComments(programs: readonly ParsedProgram[]): { start: number; end: number }[] {
  return programs.flatMap((program) =>
    (program.ast.type === "File" ? (program.ast.comments ?? []) : []).map((c) => ({
      start: program.offset + (c.start ?? 0),
      end: program.offset + (c.end ?? 0),
    })),
  );
}

/** The value at a dotted path of an object literal, if the text writes it. */
export function valueAt(node: LiteralNode | null, path: string): LiteralNode | undefined {
  let current: LiteralNode | undefined = node ?? undefined;
  for (const key of path.split(".")) {
    if (current?.kind !== "object") return undefined;
    current = current.entries.find((e) => e.key === key)?.value;
  }
  return current;
}

/** The entry (key and value) at a dotted path, for the key's place in the text. */
export function entryAt(node: LiteralNode | null, path: string) {
  const keys = path.split(".");
  const last = keys.pop()!;
  const parent = keys.length === 0 ? node : valueAt(node, keys.join("."));
  return parent?.kind === "object" ? parent.entries.find((e) => e.key === last) : undefined;
}
