/**
 * Test support: the checks every generated Vue component and Nuxt plugin must pass, shared by the
 * golden, property and runtime tests. Like `snippet-checks.ts`, each returns the options the
 * snippet embeds (read without running it) so the caller compares them with `toWidgetConfig`.
 */
import type { SFCDescriptor } from "@vue/compiler-sfc";
import { parse } from "@vue/compiler-sfc";
import ts from "typescript";
import type { WidgetMajor } from "../../config/versions";
import { SCRIPT_URL_CONST } from "../embed-module";
import { START_FUNCTION } from "../lifecycle";
import { embedScriptUrl } from "../model";
import { NUXT_CLIENT_HOOK, NUXT_PLUGIN_PATH } from "../nuxt-snippet";
import type { Snippet, SnippetFile } from "../types";
import { VUE_COMPONENT_PATH } from "../vue-snippet";
import { evaluateVariable, parseSource, syntaxErrors, type Env } from "./literal-eval";
import { checkClearStorage, fileOf } from "./snippet-checks";
import { compileSfc } from "./vue";

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function noSyntaxErrors(source: ts.SourceFile): void {
  const errors = syntaxErrors(source);
  assert(errors.length === 0, `Syntax errors:\n${errors.join("\n")}\n---\n${source.text}`);
}

/** The text between `open` and the next `</script>`, as generated. */
function generatedBlock(code: string, open: string): string {
  const start = code.indexOf(open);
  assert(start >= 0, `No ${open} block`);
  const end = code.indexOf("\n</script>", start);
  assert(end > start, `${open} is not closed`);
  return code.slice(start + open.length, end + 1);
}

/**
 * The blocks Vue's SFC parser sees: exactly a `<script lang="ts">`, a `<script setup lang="ts">`
 * and a `<template>`, no style or custom block, and each script block's content exactly the text
 * generated for it (no string in the options closed the block early).
 */
export function vueBlocks(file: SnippetFile): SFCDescriptor {
  assert(file.path === VUE_COMPONENT_PATH, `Unexpected path ${file.path}`);
  assert(file.language === "vue", `Unexpected language ${file.language}`);
  const { descriptor, errors } = parse(file.code, { filename: "SupportWidget.vue" });
  assert(errors.length === 0, `SFC parse errors: ${errors.map(String).join("; ")}`);
  const { script, scriptSetup, template } = descriptor;
  assert(script !== null && script.lang === "ts" && !script.setup, "No <script lang=ts> block");
  assert(scriptSetup !== null && scriptSetup.lang === "ts", "No <script setup lang=ts> block");
  assert(template !== null, "No <template> block");
  assert(
    descriptor.styles.length === 0 && descriptor.customBlocks.length === 0,
    "Unexpected blocks",
  );
  assert(
    script.content === generatedBlock(file.code, '<script lang="ts">'),
    "The SFC parser sees different <script> text than generated",
  );
  assert(
    scriptSetup.content === generatedBlock(file.code, '<script setup lang="ts">'),
    "The SFC parser sees different <script setup> text than generated",
  );
  return descriptor;
}

/**
 * The embed as the version documents it (domain-v5.md §19): the URL constant is the pinned
 * script, and the initializer is called once in the text, as `window.initOpenScript(options)` on
 * v5 and `initOpenScript(options)` on v4.
 */
function checkEmbed(source: ts.SourceFile, major: WidgetMajor): void {
  assert(
    evaluateVariable(source, SCRIPT_URL_CONST) === embedScriptUrl(major),
    `${SCRIPT_URL_CONST} is not the ${major} embed`,
  );
  const text = source.text;
  const calls = text.match(/(?:window\.)?initOpenScript\(options\);/g) ?? [];
  const expected = major === "v5" ? "window.initOpenScript(options);" : "initOpenScript(options);";
  assert(
    calls.length === 1 && calls[0] === expected,
    `The ${major} snippet calls ${JSON.stringify(calls)}`,
  );
}

/** Whether `node` calls `name(…)` anywhere inside it. */
function calls(node: ts.Node, name: string, source: ts.SourceFile): number {
  let count = 0;
  const visit = (n: ts.Node) => {
    if (
      ts.isCallExpression(n) &&
      ts.isIdentifier(n.expression) &&
      n.expression.getText(source) === name
    )
      count++;
    ts.forEachChild(n, visit);
  };
  visit(node);
  return count;
}

/** Initializers that run nothing: literals and functions. */
const INERT = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.TrueKeyword,
  ts.SyntaxKind.FalseKeyword,
  ts.SyntaxKind.ObjectLiteralExpression,
  ts.SyntaxKind.ArrayLiteralExpression,
  ts.SyntaxKind.ArrowFunction,
]);

/**
 * Nothing runs when the module is imported: its top level only declares (imports, types,
 * constants, functions) and, for a plugin, exports the plugin. So server rendering, which imports
 * the module, cannot reach the browser through it.
 */
function onlyDeclares(source: ts.SourceFile, allowed: (s: ts.Statement) => boolean): void {
  for (const statement of source.statements) {
    const declares =
      ts.isImportDeclaration(statement) ||
      ts.isFunctionDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isModuleDeclaration(statement) ||
      (ts.isVariableStatement(statement) &&
        statement.declarationList.declarations.every(
          (d) => !d.initializer || INERT.has(d.initializer.kind),
        ));
    assert(
      declares || allowed(statement),
      `Runs at import: ${statement.getText(source).slice(0, 80)}`,
    );
  }
}

/**
 * A Vue component: the blocks above; the script compiled by `@vue/compiler-sfc` (template
 * inlined, as a production build) when `compile`, else the `<script>` block as parsed; the embed
 * as its version documents it; the widget started only in `onMounted`, once; the sign-out helper
 * removes exactly the widget token's keys. Returns `options` evaluated with `env`.
 */
export function checkVue(
  snippet: Snippet,
  env: Env,
  major: WidgetMajor,
  { compile = true } = {},
): unknown {
  const file = fileOf(snippet, ".vue");
  const descriptor = vueBlocks(file);
  const setup = parseSource(descriptor.scriptSetup!.content, "setup.ts");
  noSyntaxErrors(setup);
  const mounted = setup.statements.filter(
    (s) =>
      ts.isExpressionStatement(s) &&
      ts.isCallExpression(s.expression) &&
      s.expression.expression.getText(setup) === "onMounted",
  );
  assert(mounted.length === 1, `Expected one onMounted call, found ${mounted.length}`);
  assert(
    calls(setup, START_FUNCTION, setup) === 1 && calls(mounted[0]!, START_FUNCTION, setup) === 1,
    `${START_FUNCTION} is not called exactly once, in onMounted`,
  );
  const moduleSource = parseSource(descriptor.script!.content, "module.ts");
  noSyntaxErrors(moduleSource);
  onlyDeclares(moduleSource, () => false);
  const source = compile
    ? parseSource(compileSfc(file.code).code, "SupportWidget.ts")
    : parseSource(descriptor.script!.content, "SupportWidget.ts");
  noSyntaxErrors(source);
  checkEmbed(source, major);
  const options = evaluateVariable(source, "options", env);
  checkClearStorage(source, tokenOf(options), major);
  return options;
}

/** The `export default defineNuxtPlugin(…)` statement. */
function isPluginExport(statement: ts.Statement, source: ts.SourceFile): boolean {
  return (
    ts.isExportAssignment(statement) &&
    ts.isCallExpression(statement.expression) &&
    statement.expression.expression.getText(source) === "defineNuxtPlugin"
  );
}

/**
 * A Nuxt plugin: client-only by its name (`.client.ts` in the plugins directory); parses;
 * nothing runs at import but the plugin's definition; the widget starts only inside the
 * `app:mounted` hook, once; the embed as its version documents it; the sign-out helper removes
 * exactly the widget token's keys. Returns `options` evaluated with `env`.
 */
export function checkNuxtPlugin(snippet: Snippet, env: Env, major: WidgetMajor): unknown {
  const file = fileOf(snippet, ".client.ts");
  assert(file.path === NUXT_PLUGIN_PATH, `Unexpected plugin path ${file.path}`);
  assert(/(^|\/)plugins\/[^/]+\.client\.ts$/.test(file.path), "Not a client-only plugin");
  const source = parseSource(file.code, file.path);
  noSyntaxErrors(source);
  onlyDeclares(source, (s) => isPluginExport(s, source));
  const plugin = source.statements.filter((s) => isPluginExport(s, source));
  assert(plugin.length === 1, `Expected one plugin export, found ${plugin.length}`);
  const hooks: ts.CallExpression[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && n.expression.getText(source) === "nuxtApp.hook") hooks.push(n);
    ts.forEachChild(n, visit);
  };
  visit(plugin[0]!);
  assert(
    hooks.length === 1 && hooks[0]!.arguments[0]!.getText(source) === `'${NUXT_CLIENT_HOOK}'`,
    `The plugin does not register exactly one ${NUXT_CLIENT_HOOK} hook`,
  );
  assert(
    calls(plugin[0]!, START_FUNCTION, source) === 1 &&
      calls(hooks[0]!, START_FUNCTION, source) === 1,
    `${START_FUNCTION} is not called exactly once, in the ${NUXT_CLIENT_HOOK} hook`,
  );
  checkEmbed(source, major);
  const options = evaluateVariable(source, "options", env);
  checkClearStorage(source, tokenOf(options), major);
  return options;
}

function tokenOf(options: unknown): string {
  const token = (options as { token?: unknown } | null)?.token;
  assert(typeof token === "string", "The options have no widget token");
  return token;
}
