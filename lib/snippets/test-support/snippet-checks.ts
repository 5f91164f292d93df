/**
 * Test support: the checks every generated snippet must pass, shared by the
 * golden tests and the property tests. Each returns the values the snippet
 * embeds (read without running it) so the caller can compare them with the model.
 */
import ts from "typescript";
import type { WidgetMajor } from "../../config/versions";
import type { PlaygroundConfig } from "../../config/options";
import { CONTACT_TOKEN_VARIABLE, embedScriptUrl } from "../model";
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

/**
 * What `<Widget>` must be keyed on: the token in v4's verified model (v4 initialises once per
 * mount), nothing otherwise (v5 takes a renewed token in place: never key it by the token).
 */
export function widgetKeyFor(config: PlaygroundConfig): string | null {
  return config.widgetVersion === "v4" && config.model === "server" ? CONTACT_TOKEN_VARIABLE : null;
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
 * HTML: exactly the embed script pinned for `major` (deferred on v5, as its docs load it) and
 * one inline script whose text, as parse5 sees it, is the text we generated (nothing broke out
 * early); one comment naming the version; the inline JS parses and calls the initializer the
 * version documents; returns `options` evaluated with `env`.
 */
export function checkHtml(snippet: Snippet, env: Env, major: WidgetMajor): unknown {
  const { code } = fileOf(snippet, ".html");
  const parsed = parseHtml(code);
  assert(
    parsed.errors.every((e) => e === "missing-doctype"),
    `HTML parse errors: ${parsed.errors.join(", ")}`,
  );
  assert(parsed.scripts.length === 2, `Expected 2 scripts, parse5 saw ${parsed.scripts.length}`);
  assert(
    parsed.scripts[0]!.src === embedScriptUrl(major) && parsed.scripts[0]!.text === "",
    "First script is not the embed",
  );
  const defer = code.includes(`<script defer src="${embedScriptUrl(major)}"></script>`);
  assert(defer === (major === "v5"), `The ${major} embed is ${defer ? "" : "not "}deferred`);
  const inline = parsed.scripts[1]!;
  assert(inline.src === null, "The inline script has a src");
  assert(
    inline.text === generatedInlineScript(code),
    "parse5 sees different inline script text than generated",
  );
  assert(
    parsed.others.length === 1 && parsed.others[0]!.startsWith(`<!-- OpenCX widget ${major} `),
    `Unexpected nodes outside the scripts: ${JSON.stringify(parsed.others)}`,
  );
  const source = parseSource(inline.text, "inline.js");
  noSyntaxErrors(source);
  const v5Call = inline.text.includes("window.initOpenScript(options);");
  assert(v5Call === (major === "v5"), `The ${major} snippet calls the wrong initializer`);
  return evaluateVariable(source, "options", env);
}

/**
 * React / Next.js component: parses as TSX, passes the `options` variable to
 * `<Widget options={options} />`, keyed on `keyVariable` (v4's verified model) or not keyed at
 * all; on v5 with an `errorComponent`. Returns `options` evaluated with `env`.
 */
export function checkComponent(
  file: SnippetFile,
  env: Env,
  keyVariable: string | null,
  major: WidgetMajor,
): unknown {
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
    assert(keys.length === 0, "<Widget> has a key, which only v4's verified model gives it");
  else
    assert(
      keys.length === 1 && keys[0]!.initializer?.getText(source) === `{${keyVariable}}`,
      "<Widget> is not keyed on the token",
    );
  const errorComponents = jsxAttributes(source, "Widget", "errorComponent");
  assert(
    errorComponents.length === (major === "v5" ? 1 : 0),
    `<Widget> has ${errorComponents.length} errorComponent props on ${major}`,
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
