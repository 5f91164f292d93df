/**
 * The golden React and Next.js files type-check (strict) against React's and
 * Next's real types and a stub of `@opencx/widget-react` whose options are the editor's
 * declarations (`test-support/widget-react-stub.ts`); every
 * golden JS/TS file and HTML inline script has no syntax error as
 * `transpileModule` reports them.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
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

describe("golden files compile", () => {
  it("React and Next.js files type-check in strict mode", () => {
    const files = byExtension(".tsx", ".ts");
    expect(files.length).toBeGreaterThan(20);
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
    const stub = widgetReactStubSource();
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
    const errors = ts.getPreEmitDiagnostics(program).map((d) => {
      const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
      if (!d.file || d.start === undefined) return message;
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      return `${relative(FIXTURES_DIR, d.file.fileName)}:${line + 1}:${character + 1} ${message}`;
    });
    expect(errors).toEqual([]);
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
