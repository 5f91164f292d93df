/**
 * Monaco, from the installed `monaco-editor` package (never a CDN): the editor core, its
 * standard contributions (suggest, hover, markers, find, …) and the TypeScript language with
 * its worker. Other languages are left out. Workers are bundled and served by the app.
 *
 * Only the lazily loaded options editor imports this module, so none of it is in the page's
 * first-load JavaScript.
 */
import * as monaco from "monaco-editor/editor";
import "monaco-editor/features/register.all";
import "monaco-editor/languages/definitions/typescript/register";
import {
  ScriptTarget,
  typescriptDefaults,
} from "monaco-editor/languages/features/typescript/register";
import { WIDGET_TYPES_FILE, widgetTypesSource } from "@/lib/editor/widget-types";
import type { WidgetMajor } from "@/lib/config/versions";

export type Monaco = typeof monaco;
export { getTypeScriptWorker } from "monaco-editor/languages/features/typescript/register";

let configured = false;

/** Monaco's own themes, with comments at WCAG AA contrast (vs-dark's #608B4E is 4.2:1 on #1E1E1E). */
export const EDITOR_THEMES = { light: "playground-light", dark: "playground-dark" } as const;

/** Configures workers and the TypeScript defaults once per page; returns the API. */
export function setUpMonaco(): Monaco {
  if (configured) return monaco;
  configured = true;
  const environment: monaco.Environment = {
    getWorker(_workerId, label) {
      if (label === "typescript" || label === "javascript") {
        return new Worker(
          new URL("monaco-editor/languages/features/typescript/ts.worker.js", import.meta.url),
          {
            type: "module",
            name: "typescript",
          },
        );
      }
      return new Worker(new URL("monaco-editor/editor/editor.worker.js", import.meta.url), {
        type: "module",
        name: "editor",
      });
    },
  };
  (self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = environment;

  monaco.editor.defineTheme(EDITOR_THEMES.light, {
    base: "vs",
    inherit: true,
    rules: [],
    colors: {},
  });
  monaco.editor.defineTheme(EDITOR_THEMES.dark, {
    base: "vs-dark",
    inherit: true,
    rules: [{ token: "comment", foreground: "6A9955" }],
    colors: {},
  });

  typescriptDefaults.setCompilerOptions({
    target: ScriptTarget.ES2020,
    strict: true,
    noEmit: true,
    allowNonTsExtensions: true,
    // No DOM: its globals (`name`, `status`, …) would hide typos in the options.
    lib: ["es2020"],
  });
  typescriptDefaults.setDiagnosticsOptions({
    noSemanticValidation: false,
    noSyntaxValidation: false,
  });
  setWidgetTypes();
  return monaco;
}

let typesFor: WidgetMajor | null = null;
let typesLib: monaco.IDisposable | null = null;

/**
 * Declares the `WidgetConfig` of one widget major to the TypeScript worker (v5 has `streaming`
 * and `capabilities`; v4 does not, so a v5 key in a v4 config is flagged). Replaces the previous
 * declaration; a call for the version already declared does nothing.
 */
export function setWidgetTypes(version?: WidgetMajor): void {
  const wanted = version ?? null;
  if (typesLib !== null && typesFor === wanted) return;
  typesLib?.dispose();
  const source = widgetTypesSource(version ? { version } : {});
  typesLib = typescriptDefaults.addExtraLib(source, WIDGET_TYPES_FILE);
  typesFor = wanted;
}
