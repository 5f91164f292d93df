/**
 * The Next.js starter type-checks (strict, no unused names) against Next's and React's real
 * types from this repository's node_modules and the widget major's stub of
 * `@opencx/widget-react` (lib/snippets/test-support/widget-react-stub.ts): the layout, page,
 * demo sign-in and route handlers written around the snippet's component agree with it and with
 * Next's APIs (`cookies()`, `NextResponse`, `Metadata`), per version and model.
 *
 * The projects are never written to disk: the compiler host serves them from memory under a
 * folder of this repository, so their imports resolve to its node_modules.
 */
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { defaultConfig, type IdentityModel } from "../config/options";
import type { WidgetMajor } from "../config/versions";
import { widgetReactStubSource } from "../snippets/test-support/widget-react-stub";
import { starterFiles } from "./index";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Not on disk: the host serves each project under here. */
const VIRTUAL = `${ROOT}.starter-typecheck`;

/** Parsed declaration files, shared by every program: parsing Next's and React's types once. */
const sourceCache = new Map<string, ts.SourceFile>();

function typeErrors(model: IdentityModel, major: WidgetMajor): string[] {
  const dir = `${VIRTUAL}/${model}-${major}`;
  const stub = `${dir}/opencx-widget-react.d.ts`;
  const config = { ...defaultConfig(), model, widgetVersion: major };
  const served = new Map<string, string>([[stub, widgetReactStubSource(major)]]);
  for (const f of starterFiles(config, "nextjs", { playgroundUrl: "https://p.example.test/" }))
    served.set(`${dir}/${f.path}`, f.contents);
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
    ["server", "v5"],
    ["server", "v4"],
    ["anonymous", "v4"],
  ] as const)("%s, %s", (model, major) => {
    expect(typeErrors(model, major)).toEqual([]);
  });
});
