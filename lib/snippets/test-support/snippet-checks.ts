/**
 * Test support: the checks every generated snippet must pass, shared by the
 * golden tests and the property tests. Each returns the values the snippet
 * embeds (read without running it) so the caller can compare them with the model.
 */
import ts from "typescript";
import { EMBED_SCRIPT_URL } from "../model";
import type { Snippet, SnippetFile } from "../types";
import { parseHtml } from "./html";
import {
  evaluateVariable,
  jsxAttributes,
  parseSource,
  syntaxErrors,
  type Env,
} from "./literal-eval";

export function fileOf(snippet: Snippet, suffix: string): SnippetFile {
  const matches = snippet.files.filter((f) => f.path.endsWith(suffix));
  if (matches.length !== 1)
    throw new Error(`Expected one ${suffix} file in ${snippet.target}, found ${matches.length}`);
  return matches[0]!;
}

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function noSyntaxErrors(source: ts.SourceFile): void {
  const errors = syntaxErrors(source);
  assert(errors.length === 0, `Syntax errors:\n${errors.join("\n")}\n---\n${source.text}`);
}

/** The text between the inline `<script>` tag and the last `</script>`, as generated. */
export function generatedInlineScript(html: string): string {
  const open = "<script>\n";
  const start = html.indexOf(open);
  const end = html.lastIndexOf("</script>");
  assert(start >= 0 && end > start, "No inline <script> element");
  return html.slice(start + "<script>".length, end);
}

/**
 * HTML: exactly the pinned embed script and one inline script whose text, as
 * parse5 sees it, is the text we generated (nothing broke out early); the
 * inline JS parses; returns `options` evaluated with `env`.
 */
export function checkHtml(snippet: Snippet, env: Env): unknown {
  const { code } = fileOf(snippet, ".html");
  const parsed = parseHtml(code);
  assert(
    parsed.errors.every((e) => e === "missing-doctype"),
    `HTML parse errors: ${parsed.errors.join(", ")}`,
  );
  assert(parsed.scripts.length === 2, `Expected 2 scripts, parse5 saw ${parsed.scripts.length}`);
  assert(
    parsed.scripts[0]!.src === EMBED_SCRIPT_URL && parsed.scripts[0]!.text === "",
    "First script is not the embed",
  );
  const inline = parsed.scripts[1]!;
  assert(inline.src === null, "The inline script has a src");
  assert(
    inline.text === generatedInlineScript(code),
    "parse5 sees different inline script text than generated",
  );
  assert(
    parsed.others.length === 1 && parsed.others[0]!.startsWith("<!-- OpenCX widget v4"),
    `Unexpected nodes outside the scripts: ${JSON.stringify(parsed.others)}`,
  );
  const source = parseSource(inline.text, "inline.js");
  noSyntaxErrors(source);
  return evaluateVariable(source, "options", env);
}

/**
 * React / Next.js component: parses as TSX, passes the `options` variable to
 * `<Widget options={options} />` (keyed on the token when verified); returns
 * `options` evaluated with `env`.
 */
export function checkComponent(file: SnippetFile, env: Env, keyVariable: string | null): unknown {
  const source = parseSource(file.code, file.path);
  noSyntaxErrors(source);
  const optionsAttrs = jsxAttributes(source, "Widget", "options");
  assert(optionsAttrs.length === 1, `Expected one <Widget options>, found ${optionsAttrs.length}`);
  assert(
    optionsAttrs[0]!.initializer?.getText(source) === "{options}",
    "<Widget> does not get the options variable",
  );
  const keys = jsxAttributes(source, "Widget", "key");
  if (keyVariable === null)
    assert(keys.length === 0, "<Widget> has a key outside the verified model");
  else
    assert(
      keys.length === 1 && keys[0]!.initializer?.getText(source) === `{${keyVariable}}`,
      "<Widget> is not keyed on the token",
    );
  return evaluateVariable(source, "options", env);
}

/** Node / Express / Next.js route: parses, reads the key from the environment; returns `body`. */
export function checkServerJs(file: SnippetFile): unknown {
  const source = parseSource(file.code, file.path);
  noSyntaxErrors(source);
  assert(
    file.code.includes("process.env.OPENCX_API_KEY"),
    "The API key is not read from OPENCX_API_KEY",
  );
  assert(file.code.includes("Authorization: `Bearer ${apiKey}`"), "No bearer Authorization header");
  assert(file.code.includes("'Content-Type': 'application/json'"), "No JSON Content-Type header");
  assert(
    file.code.includes("body: JSON.stringify(body)"),
    "The body sent is not the `body` variable",
  );
  return evaluateVariable(source, "body", {});
}
