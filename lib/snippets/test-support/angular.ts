/**
 * Test support: Angular's own compiler (ngtsc, `@angular/compiler-cli`) on generated components,
 * in memory. `compileAngular` puts any number of component files into ONE program (the cost is
 * loading `@angular/core`'s declarations, so a property run compiles all its configs at once),
 * with strict templates and TypeScript's strict mode against the DOM library, and returns every
 * diagnostic (TypeScript's and Angular's) and the emitted JavaScript per file: the component
 * class with its compiled definition (`ɵcmp`), as `ng build` emits it.
 *
 * `loadAngular` evaluates an emitted module in a `vm` context with the real `@angular/core`
 * (Node 20.19+ requires ES modules), except `afterNextRender`, which records its callbacks
 * instead of scheduling them: the caller decides whether a browser render happens.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type vm from "node:vm";
import {
  NgtscProgram,
  NodeJSFileSystem,
  setFileSystem,
  type CompilerOptions,
} from "@angular/compiler-cli";
import ts from "typescript";
import { runModule } from "./embed-page";
import { toCommonJs } from "./vue";

const require = createRequire(import.meta.url);

/**
 * Where the in-memory files claim to live: inside the project, so `@angular/core` resolves from
 * its node_modules. Nothing is written there.
 */
export const VIRTUAL_ROOT = join(dirname(fileURLToPath(import.meta.url)), "__angular_in_memory__");

const OPTIONS: CompilerOptions = {
  strict: true,
  noUnusedLocals: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  noPropertyAccessFromIndexSignature: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  types: [],
  skipLibCheck: true,
  isolatedModules: true,
  declaration: false,
  sourceMap: false,
  inlineSourceMap: false,
  // Angular's own strictness, as `ng new` sets it.
  strictTemplates: true,
  strictInjectionParameters: true,
  strictInputAccessModifiers: true,
  strictStandalone: false,
  // Angular's extended template checks as errors (the enum is not exported from the package).
  extendedDiagnostics: {
    defaultCategory: "error" as NonNullable<
      CompilerOptions["extendedDiagnostics"]
    >["defaultCategory"],
  },
  enableI18nLegacyMessageIdFormat: false,
  outDir: join(VIRTUAL_ROOT, "__out__"),
  rootDir: VIRTUAL_ROOT,
};

/** Library files (`@angular/core`'s declarations, the DOM) parsed once for every compilation. */
const LIBRARY_FILES = new Map<string, ts.SourceFile | undefined>();

export interface AngularCompilation {
  /** Every diagnostic, as `file:line:column message`. */
  diagnostics: string[];
  /** The emitted JavaScript of each input, by its name. */
  js: Map<string, string>;
}

function formatDiagnostic(d: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  if (!d.file || d.start === undefined) return message;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  const name = d.file.fileName.startsWith(VIRTUAL_ROOT)
    ? d.file.fileName.slice(VIRTUAL_ROOT.length + 1)
    : d.file.fileName;
  return `${name}:${line + 1}:${character + 1} ${message}`;
}

/**
 * Compiles `files` (name → TypeScript source, names relative and ending in `.ts`) with ngtsc in
 * one program; returns all diagnostics and the emitted JavaScript by input name.
 */
export function compileAngular(files: ReadonlyMap<string, string>): AngularCompilation {
  setFileSystem(new NodeJSFileSystem());
  const virtual = new Map<string, string>();
  for (const [name, text] of files) virtual.set(join(VIRTUAL_ROOT, name), text);
  const base = ts.createCompilerHost(OPTIONS);
  const emitted = new Map<string, string>();
  const host: ts.CompilerHost = {
    ...base,
    fileExists: (name) => virtual.has(name) || base.fileExists(name),
    readFile: (name) => virtual.get(name) ?? base.readFile(name),
    getSourceFile: (name, version, ...rest) => {
      const text = virtual.get(name);
      if (text !== undefined) return ts.createSourceFile(name, text, version, true);
      const key = `${name}\0${JSON.stringify(version)}`;
      if (!LIBRARY_FILES.has(key))
        LIBRARY_FILES.set(key, base.getSourceFile(name, version, ...rest));
      return LIBRARY_FILES.get(key);
    },
    writeFile: (name, text) => void emitted.set(name, text),
  };
  const program = new NgtscProgram([...virtual.keys()], OPTIONS, host);
  const diagnostics = [
    ...program.getNgOptionDiagnostics(),
    ...program.getTsOptionDiagnostics(),
    ...program.getTsSyntacticDiagnostics(),
    ...program.getTsSemanticDiagnostics(),
    ...program.getNgStructuralDiagnostics(),
    ...program.getNgSemanticDiagnostics(),
  ];
  const result = program.emit();
  diagnostics.push(...result.diagnostics);
  const js = new Map<string, string>();
  const outDir = OPTIONS.outDir!;
  for (const name of files.keys()) {
    const out = join(outDir, name.replace(/\.ts$/, ".js"));
    const text = emitted.get(out);
    if (text !== undefined) js.set(name, text);
  }
  return { diagnostics: diagnostics.map(formatDiagnostic), js };
}

/**
 * The real `@angular/core`, loaded once (an ES module, through Node's `require`), in production
 * mode as `ng build` bundles it (`ngDevMode` false): its development checks would warn about the
 * same component class being defined again by every evaluation here.
 */
(globalThis as { ngDevMode?: unknown }).ngDevMode = false;
const angularCore = require("@angular/core") as Record<string, unknown>;

/** What `afterNextRender` was given, in order, by the components created so far. */
export interface RenderHooks {
  callbacks: (() => void)[];
}

/**
 * Evaluates an emitted component module (ES module JavaScript) in `context`, with the real
 * `@angular/core` but a recording `afterNextRender`; returns its exports and the hooks.
 */
export function loadAngular(
  js: string,
  context: vm.Context,
): { exports: Record<string, unknown>; hooks: RenderHooks } {
  const hooks: RenderHooks = { callbacks: [] };
  const core = {
    ...angularCore,
    afterNextRender: (callback: () => void) => {
      hooks.callbacks.push(callback);
      return { destroy: () => {} };
    },
  };
  const exports = runModule(toCommonJs(js, "opencx-widget.js"), context, {
    "@angular/core": core,
  });
  return { exports, hooks };
}
