/**
 * Test support: the checks every generated snippet must pass, shared by the
 * golden tests and the property tests. Each returns the values the snippet
 * embeds (read without running it) so the caller can compare them with the model.
 */
import vm from "node:vm";
import ts from "typescript";
import type { LoadingMode, PlaygroundConfig } from "../../config/options";
import type { WidgetMajor } from "../../config/versions";
import { toAuthenticateRequest, type AuthenticateUserRequest } from "../../config/widget-config";
import { visitorKeys, widgetNamespace } from "../../identity/storage";
import { readLoading } from "../../import/loading";
import { SCRIPT_URL_CONST } from "../embed-module";
import { CONSENT_FUNCTION, LAUNCHER_CLICK_FUNCTION } from "../html-snippet";
import { CLEAR_STORAGE_FUNCTION, START_FUNCTION } from "../lifecycle";
import { EMAIL_PARAMETER, embedScriptUrl } from "../model";
import type { Snippet, SnippetFile } from "../types";
import { FakeStorage } from "./fake-browser";
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
 * A storage holding `token`'s keys (v4's two and v5's others), keys of two tokens that share
 * all but one character with it, look-alikes (no colon, the prefix not at the start) and
 * unrelated keys, interleaved so that removing while reading by index would skip some.
 */
export function storageAround(token: string): string[] {
  const own = widgetNamespace(token);
  const keys = [
    "theme",
    `${own}contact-token`,
    `${own}external-contact-id`,
    `${own}active-session`,
    `${widgetNamespace(`${token}x`)}contact-token`,
    `${own}companion-layout`,
    `${own}companion-sidebar-width`,
    `${widgetNamespace(`x${token}`)}active-session`,
    `${widgetNamespace(token).slice(0, -1)}`,
    `x${own}contact-token`,
    `${own}`,
    "opencx-widget:org-token-:contact-token",
  ];
  assert(new Set(keys).size === keys.length, `Colliding storage keys for ${JSON.stringify(token)}`);
  return keys;
}

/** One context for every clear function run: its own builtins, no access to this realm's. */
const CLEAR_CONTEXT = vm.createContext({});

/**
 * Runs the snippet's `clearOpenCxWidgetStorage` (a top-level function of `source`, plain
 * JavaScript in every target) against `storageAround(token)` and checks that exactly the keys
 * the simulator's sign-out removes for `major` are gone (`visitorKeys`, domain-v5.md §18): v4
 * its two keys, v5 every key of the token's namespace. A widget token that broke out of its
 * string literal would change the prefix, throw, or run.
 */
export function checkClearStorage(source: ts.SourceFile, token: string, major: WidgetMajor): void {
  const fns = source.statements.filter(
    (s): s is ts.FunctionDeclaration =>
      ts.isFunctionDeclaration(s) && s.name?.text === CLEAR_STORAGE_FUNCTION,
  );
  assert(fns.length === 1, `Expected one ${CLEAR_STORAGE_FUNCTION}, found ${fns.length}`);
  const text = source.text.slice(fns[0]!.getStart(source), fns[0]!.end).replace(/^export /, "");
  const clear = vm.runInContext(
    `(function (localStorage) {\n${text}\nreturn ${CLEAR_STORAGE_FUNCTION};\n})`,
    CLEAR_CONTEXT,
  ) as (storage: FakeStorage) => () => void;
  const keys = storageAround(token);
  const storage = new FakeStorage(keys);
  clear(storage)();
  const expected = visitorKeys(Object.fromEntries(keys.map((k) => [k, "stored"])), token, major);
  const kept = keys.filter((k) => !expected.includes(k));
  assert(
    JSON.stringify(storage.keys()) === JSON.stringify(kept),
    `${CLEAR_STORAGE_FUNCTION} left ${JSON.stringify(storage.keys())}, expected ${JSON.stringify(kept)}`,
  );
}

/** The widget token of evaluated options. */
function tokenOf(options: unknown): string {
  const token = (options as { token?: unknown } | null)?.token;
  assert(typeof token === "string", "The options have no widget token");
  return token;
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
 * version documents; its sign-out helper removes exactly that widget token's keys
 * (`checkClearStorage`); returns `options` evaluated with `env`.
 */
export function checkHtml(
  snippet: Snippet,
  env: Env,
  major: WidgetMajor,
  loading: LoadingMode = inferredLoading(fileOf(snippet, ".html").code),
): unknown {
  const { code } = fileOf(snippet, ".html");
  const parsed = parseHtml(code);
  assert(
    parsed.errors.every((e) => e === "missing-doctype"),
    `HTML parse errors: ${parsed.errors.join(", ")}`,
  );
  if (loading !== "page-load") return checkOnDemandHtml(code, parsed, env, major, loading);
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
  const options = evaluateVariable(source, "options", env);
  checkClearStorage(source, tokenOf(options), major);
  return withoutIsOpen(options, "page-load");
}

/**
 * The loading mode a snippet shows, for the callers that do not pass the config's: the import's
 * reader (the consent function or gate, the look-alike launcher), page load when it shows none.
 * The goldens, loading.test.ts and the Chromium specs check that each config gets its mode; the
 * checks here hold the snippet to the mode it shows.
 */
const inferredLoading = (code: string): LoadingMode => readLoading(code) ?? "page-load";

/**
 * The options as `toWidgetConfig` gives them: on click the page adds `isOpen: true` (the widget
 * opens as it replaces the launcher), checked and removed here; otherwise there is none.
 */
function withoutIsOpen(options: unknown, loading: LoadingMode): unknown {
  const { isOpen, ...rest } = options as Record<string, unknown>;
  assert(
    isOpen === (loading === "click" ? true : undefined),
    `isOpen is ${String(isOpen)} when loading on ${loading}`,
  );
  return rest;
}

/**
 * HTML that loads on consent or on click: no embed script tag, one inline script (as generated)
 * holding the pinned URL its loader adds; the two comments (the version, what waits), and on
 * click the launcher button and its icon; the trigger function; no start on DOMContentLoaded.
 */
function checkOnDemandHtml(
  code: string,
  parsed: ReturnType<typeof parseHtml>,
  env: Env,
  major: WidgetMajor,
  loading: LoadingMode,
): unknown {
  assert(parsed.scripts.length === 1, `Expected 1 script, parse5 saw ${parsed.scripts.length}`);
  const inline = parsed.scripts[0]!;
  assert(inline.src === null, "The inline script has a src");
  assert(
    inline.text === generatedInlineScript(code),
    "parse5 sees different inline script text than generated",
  );
  const launcher = loading === "click" ? ["button", "svg", "path"] : [];
  assert(
    parsed.others.length === 2 + launcher.length &&
      parsed.others[0]!.startsWith(`<!-- OpenCX widget ${major} `) &&
      parsed.others[1]!.startsWith(
        `<!-- Loads ${loading === "click" ? "on click" : "after consent"}: `,
      ) &&
      JSON.stringify(parsed.others.slice(2)) === JSON.stringify(launcher),
    `Unexpected nodes outside the script: ${JSON.stringify(parsed.others)}`,
  );
  const source = parseSource(inline.text, "inline.js");
  noSyntaxErrors(source);
  assert(
    evaluateVariable(source, SCRIPT_URL_CONST, env) === embedScriptUrl(major),
    "The loader's URL is not the pinned embed",
  );
  const v5Call = inline.text.includes("window.initOpenScript(options);");
  assert(v5Call === (major === "v5"), `The ${major} snippet calls the wrong initializer`);
  const trigger =
    loading === "consent"
      ? `function ${CONSENT_FUNCTION}() {`
      : `.addEventListener('click', ${LAUNCHER_CLICK_FUNCTION});`;
  assert(inline.text.includes(trigger), `No ${loading} trigger`);
  assert(
    !inline.text.includes(`'DOMContentLoaded', ${START_FUNCTION}`),
    "Starts on DOMContentLoaded",
  );
  const options = evaluateVariable(source, "options", env);
  checkClearStorage(source, tokenOf(options), major);
  return withoutIsOpen(options, loading);
}

/**
 * React / Next.js component: parses as TSX, passes the `options` variable to
 * `<Widget options={options} />`, never keyed (v4 is remounted from outside, by the user; v5
 * takes a new token in place); on v5 with an `errorComponent`; its sign-out helper removes
 * exactly that widget token's keys. Returns `options` evaluated with `env`.
 */
export function checkComponent(
  file: SnippetFile,
  env: Env,
  major: WidgetMajor,
  loading: LoadingMode = inferredLoading(file.code),
): unknown {
  const source = parseSource(file.code, file.path);
  noSyntaxErrors(source);
  // On consent or click the package is imported for its types only, and loaded lazily.
  const staticImport = /^import \{[^}]*\bWidget\b[^}]*\} from '@opencx\/widget-react';$/m.test(
    file.code,
  );
  assert(
    staticImport === (loading === "page-load" && !file.path.startsWith("components/")),
    `The package is ${staticImport ? "" : "not "}imported at once when loading on ${loading}`,
  );
  if (loading !== "page-load") {
    assert(
      /^export function SupportWidget\(/m.test(file.code) &&
        /^function LoadedSupportWidget\(/m.test(file.code),
      "No gate in front of the loaded component",
    );
  }
  const optionsAttrs = jsxAttributes(source, "Widget", "options");
  assert(optionsAttrs.length === 1, `Expected one <Widget options>, found ${optionsAttrs.length}`);
  assert(
    optionsAttrs[0]!.initializer?.getText(source) === "{options}",
    "<Widget> does not get the options variable",
  );
  assert(jsxAttributes(source, "Widget", "key").length === 0, "<Widget> has a key");
  const errorComponents = jsxAttributes(source, "Widget", "errorComponent");
  assert(
    errorComponents.length === (major === "v5" ? 1 : 0),
    `<Widget> has ${errorComponents.length} errorComponent props on ${major}`,
  );
  const options = evaluateVariable(source, "options", env);
  checkClearStorage(source, tokenOf(options), major);
  return withoutIsOpen(options, loading);
}

/**
 * What a token function's `email` parameter holds when its body is read: no config's sample
 * email, so a body that printed the sample instead of the parameter does not pass.
 */
export const EMAIL_ARGUMENT = "email-argument@sentinel.test";

/**
 * The body a token function sends for `email`: the config's sample values, with that email
 * (what `toAuthenticateRequest` gives for the signed-in user's email).
 */
export function bodyForEmail(
  config: PlaygroundConfig,
  email: string = EMAIL_ARGUMENT,
): AuthenticateUserRequest {
  return { ...toAuthenticateRequest(config), email };
}

/**
 * Node module / Next.js route: parses, reads the key from the environment, sends `body`;
 * returns `body` evaluated with the function's `email` parameter bound to `EMAIL_ARGUMENT`.
 */
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
  return evaluateVariable(source, "body", { [EMAIL_PARAMETER]: EMAIL_ARGUMENT });
}
