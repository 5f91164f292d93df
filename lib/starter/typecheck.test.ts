/**
 * The Next.js starter type-checks (strict, no unused names) against Next's and React's real
 * types from this repository's node_modules and the widget major's stub of
 * `@opencx/widget-react` (lib/snippets/test-support/widget-react-stub.ts): the layout, page,
 * demo sign-in and route handlers written around the snippet's component agree with it and with
 * Next's APIs (`cookies()`, `NextResponse`, `Metadata`), per version and model, and in every
 * loading mode (consent mode's demo banner passes `SupportWidget`'s required `consented`).
 *
 * The projects are never written to disk: the compiler host serves them from memory under a
 * folder of this repository, so their imports resolve to its node_modules.
 */
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { defaultConfig, type IdentityModel, type LoadingMode } from "../config/options";
import type { WidgetMajor } from "../config/versions";
import { widgetReactStubSource } from "../snippets/test-support/widget-react-stub";
import { starterFiles, type StarterFile } from "./index";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Not on disk: the host serves each project under here. */
const VIRTUAL = `${ROOT}.starter-typecheck`;

/** Parsed declaration files, shared by every program: parsing Next's and React's types once. */
const sourceCache = new Map<string, ts.SourceFile>();

function nextjsStarter(model: IdentityModel, major: WidgetMajor, loading: LoadingMode) {
  const config = { ...defaultConfig(), model, widgetVersion: major, loading };
  return starterFiles(config, "nextjs", { playgroundUrl: "https://p.example.test/" });
}

function typeErrors(
  model: IdentityModel,
  major: WidgetMajor,
  loading: LoadingMode = "page-load",
  files: StarterFile[] = nextjsStarter(model, major, loading),
): string[] {
  const dir = `${VIRTUAL}/${model}-${major}-${loading}`;
  const stub = `${dir}/opencx-widget-react.d.ts`;
  const served = new Map<string, string>([[stub, widgetReactStubSource(major)]]);
  for (const f of files) served.set(`${dir}/${f.path}`, f.contents);
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.dom.d.ts", "lib.dom.iterable.d.ts", "lib.es2023.d.ts"],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    types: ["node"],
    skipLibCheck: true,
    isolatedModules: true,
    esModuleInterop: true,
    // The starter's own alias, and the stub in place of the package the registry lacks.
    paths: { "@/*": [`${dir}/*`], "@opencx/widget-react": [stub] },
  };
  const host = ts.createCompilerHost(options);
  const roots = [...served.keys()].filter((name) => /\.tsx?$/.test(name));
  const program = ts.createProgram({
    rootNames: roots,
    options,
    host: {
      ...host,
      fileExists: (name) => served.has(name) || host.fileExists(name),
      directoryExists: (name) =>
        [...served.keys()].some((served) => served.startsWith(`${name}/`)) ||
        (host.directoryExists?.(name) ?? false),
      readFile: (name) => served.get(name) ?? host.readFile(name),
      getSourceFile: (name, version, ...rest) => {
        const text = served.get(name);
        if (text !== undefined) return ts.createSourceFile(name, text, version, true);
        let cached = sourceCache.get(name);
        if (!cached) {
          cached = host.getSourceFile(name, version, ...rest);
          if (cached) sourceCache.set(name, cached);
        }
        return cached;
      },
    },
  });
  expect(roots.length).toBeGreaterThanOrEqual(model === "server" ? 8 : 3);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === undefined) return message;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName.replace(`${VIRTUAL}/`, "")}:${line + 1}:${character + 1} ${message}`;
  });
}

describe("the Next.js starter type-checks against Next's and React's types", () => {
  it.each([
    ["server", "v5", "page-load"],
    ["server", "v4", "page-load"],
    ["anonymous", "v4", "page-load"],
    // Every loading mode on demand, in both majors, verified and not.
    ["server", "v5", "consent"],
    ["server", "v4", "consent"],
    ["collect", "v5", "consent"],
    ["anonymous", "v4", "consent"],
    ["server", "v5", "click"],
    ["server", "v4", "click"],
    ["browser", "v5", "click"],
    ["anonymous", "v4", "click"],
  ] as const)("%s, %s, %s", (model, major, loading) => {
    expect(typeErrors(model, major, loading)).toEqual([]);
  });

  it("the check sees consent mode's required prop: the page-load layout does not type-check there", () => {
    const layout = nextjsStarter("server", "v5", "page-load").find(
      (f) => f.path === "app/layout.tsx",
    )!;
    const files = nextjsStarter("server", "v5", "consent").map((f) =>
      f.path === layout.path ? layout : f,
    );
    const errors = typeErrors("server", "v5", "consent", files);
    expect(errors).toEqual([
      expect.stringMatching(
        /^server-v5-consent\/app\/layout\.tsx:\d+:\d+ Property 'consented' is missing/,
      ),
    ]);
  });
});
