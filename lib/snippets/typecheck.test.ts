/**
 * The golden React and Next.js files of each widget major type-check (strict) against React's
 * and Next's real types and that major's stub of `@opencx/widget-react`, whose options are the
 * editor's declarations for the major (`test-support/widget-react-stub.ts`): a v5-only option
 * or prop in a v4 snippet fails here. Every golden JS/TS file and HTML inline script has no
 * syntax error as `transpileModule` reports them.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { WIDGET_MAJORS, type WidgetMajor } from "../config/versions";
import { FIXTURES_DIR } from "./test-support/fixtures";
import { transpileErrors } from "./test-support/literal-eval";
import { generatedInlineScript } from "./test-support/snippet-checks";
import { widgetReactStubSource } from "./test-support/widget-react-stub";

/** Not on disk: the compiler host serves `widgetReactStubSource()` under this name. */
const STUB = fileURLToPath(new URL("./test-support/opencx-widget-react.d.ts", import.meta.url));

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

const goldenFiles = listFiles(FIXTURES_DIR);
const byExtension = (...exts: string[]) =>
  goldenFiles.filter((f) => exts.some((e) => f.endsWith(e)));

/** The diagnostics of `files` compiled against `major`'s stub. */
function typeErrors(files: string[], major: WidgetMajor): string[] {
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
    paths: { "@opencx/widget-react": [STUB] },
  };
  const stub = widgetReactStubSource(major);
  const host = ts.createCompilerHost(options);
  const program = ts.createProgram({
    rootNames: [...files, STUB],
    options,
    host: {
      ...host,
      fileExists: (name) => name === STUB || host.fileExists(name),
      readFile: (name) => (name === STUB ? stub : host.readFile(name)),
      getSourceFile: (name, version, ...rest) =>
        name === STUB
          ? ts.createSourceFile(name, stub, version)
          : host.getSourceFile(name, version, ...rest),
    },
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === undefined) return message;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${relative(FIXTURES_DIR, d.file.fileName)}:${line + 1}:${character + 1} ${message}`;
  });
}

/** A golden file's major: `__fixtures__/<config>/<major>/…`. */
const majorOf = (file: string) => relative(FIXTURES_DIR, file).split("/")[1];

describe("golden files compile", () => {
  it.each(WIDGET_MAJORS)("%s: React and Next.js files type-check in strict mode", (major) => {
    // SvelteKit's endpoint is type-checked against its framework's names in svelte.test.ts.
    const files = byExtension(".tsx", ".ts").filter(
      (f) => majorOf(f) === major && !f.endsWith("+server.ts"),
    );
    expect(files.length).toBeGreaterThan(20);
    expect(typeErrors(files, major)).toEqual([]);
  });

  it("a v5 snippet does not type-check against v4's declaration (the check sees the version)", () => {
    const v5 = byExtension(".tsx").filter(
      (f) => majorOf(f) === "v5" && readFileSync(f, "utf8").includes("streaming: true"),
    );
    expect(v5.length).toBeGreaterThan(0);
    const errors = typeErrors(v5, "v4").join("\n");
    expect(errors).toMatch(/streaming/);
    expect(errors).toMatch(/errorComponent/);
  });

  it("JS, TS and inline HTML scripts have no syntax errors", () => {
    for (const file of byExtension(".mjs", ".ts", ".tsx")) {
      expect(transpileErrors(readFileSync(file, "utf8"), file), file).toEqual([]);
    }
    for (const file of byExtension(".html")) {
      const script = generatedInlineScript(readFileSync(file, "utf8"));
      expect(transpileErrors(script, "inline.js"), file).toEqual([]);
    }
  });
});
