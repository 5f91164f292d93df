/**
 * The golden React and Next.js files type-check (strict) against React's and
 * Next's real types and a spec-faithful stub of `@opencx/widget-react`; every
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

const STUB = fileURLToPath(new URL("./test-support/widget-react-stub.d.ts", import.meta.url));

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
    const program = ts.createProgram({
      rootNames: [...files, STUB],
      options: {
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
