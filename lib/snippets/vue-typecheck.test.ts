/**
 * The golden Vue components and Nuxt files of each widget major type-check in strict mode with
 * the TypeScript API: each component as `@vue/compiler-sfc` compiles it (template inlined; the
 * script keeps its types) against Vue's real declarations and the DOM library; the Nuxt plugin
 * against the same and Nuxt's auto-imports (`test-support/nuxt-stub.ts`); the Nuxt server route
 * against Node's types and h3's. One program per major for the browser files (each major declares
 * its own initializer: v5 a member of `window`, v4 a global function, so v4's bare call fails
 * against v5's declaration), one for the routes.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { WIDGET_MAJORS, type WidgetMajor } from "../config/versions";
import { FIXTURES_DIR } from "./test-support/fixtures";
import { NUXT_STUB_SOURCE } from "./test-support/nuxt-stub";
import { compileSfc } from "./test-support/vue";

/** Not on disk: the compiler host serves `NUXT_STUB_SOURCE` under this name. */
const STUB = fileURLToPath(new URL("./test-support/nuxt-env.d.ts", import.meta.url));

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

const goldens = listFiles(FIXTURES_DIR);
/** A golden file's major and target: `__fixtures__/<config>/<major>/<target>/…`. */
const partsOf = (file: string) => relative(FIXTURES_DIR, file).split("/");
const inTarget = (file: string, major: WidgetMajor, target: string) =>
  partsOf(file)[1] === major && partsOf(file)[2] === target;

const LIBRARY_FILES = new Map<string, ts.SourceFile | undefined>();

/** The diagnostics of `files` (path → text; `null`: read from disk), with the Nuxt stub. */
function typeErrors(files: Map<string, string | null>, server: boolean): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    noUnusedLocals: true,
    target: ts.ScriptTarget.ES2022,
    lib: server
      ? ["lib.es2023.d.ts"]
      : ["lib.dom.d.ts", "lib.dom.iterable.d.ts", "lib.es2023.d.ts"],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: server ? ["node"] : [],
    skipLibCheck: true,
    isolatedModules: true,
  };
  const host = ts.createCompilerHost(options);
  const virtual = new Map<string, string>([[STUB, NUXT_STUB_SOURCE]]);
  for (const [name, text] of files) if (text !== null) virtual.set(name, text);
  const program = ts.createProgram({
    rootNames: [...files.keys(), STUB],
    options,
    host: {
      ...host,
      fileExists: (name) => virtual.has(name) || host.fileExists(name),
      readFile: (name) => virtual.get(name) ?? host.readFile(name),
      getSourceFile: (name, version, ...rest) => {
        const text = virtual.get(name);
        if (text !== undefined) return ts.createSourceFile(name, text, version);
        // Library files (the DOM, Vue, Node) are parsed once for every program here.
        const key = `${name}\0${JSON.stringify(version)}`;
        if (!LIBRARY_FILES.has(key))
          LIBRARY_FILES.set(key, host.getSourceFile(name, version, ...rest));
        return LIBRARY_FILES.get(key);
      },
    },
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === undefined) return message;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${relative(FIXTURES_DIR, d.file.fileName)}:${line + 1}:${character + 1} ${message}`;
  });
}

/** Each golden component compiled by `@vue/compiler-sfc`, as `<golden>.ts`. */
function compiledComponents(major: WidgetMajor, edit = (code: string) => code) {
  return new Map(
    goldens
      .filter((f) => inTarget(f, major, "vue") && f.endsWith(".vue"))
      .map((f) => [`${f}.ts`, compileSfc(edit(readFileSync(f, "utf8"))).code] as const),
  );
}

const plugins = (major: WidgetMajor) =>
  goldens.filter((f) => inTarget(f, major, "nuxt") && f.endsWith(".client.ts"));

describe("Vue and Nuxt golden files type-check", () => {
  it.each(WIDGET_MAJORS)(
    "%s: the compiled components and the Nuxt plugins, strict, against Vue's types",
    (major) => {
      const files = new Map<string, string | null>(compiledComponents(major));
      for (const plugin of plugins(major)) files.set(plugin, null);
      expect(files.size).toBeGreaterThanOrEqual(2 * 17);
      expect(typeErrors(files, false)).toEqual([]);
    },
  );

  it("the Nuxt server routes, strict, against Node's and h3's types", () => {
    const routes = goldens.filter((f) => partsOf(f)[2] === "nuxt" && f.endsWith(".post.ts"));
    expect(routes.length).toBeGreaterThanOrEqual(2 * 6);
    expect(typeErrors(new Map(routes.map((f) => [f, null])), true)).toEqual([]);
  });

  it("the check sees the version, Vue's declarations and Nuxt's hook names", () => {
    // A v4 component with v5's declaration of the initializer (a member of window) fails where
    // it calls v4's global function.
    const v4 = compiledComponents("v4", (code) =>
      code.replace(
        / {2}function (initOpenScript\(.*\): void;)/,
        "  interface Window {\n    $1\n  }",
      ),
    );
    expect(typeErrors(new Map([...v4].slice(0, 1)), false).join("\n")).toMatch(
      /Cannot find name 'initOpenScript'/,
    );
    const plugin = plugins("v5")[0]!;
    const misspelt = readFileSync(plugin, "utf8").replace("'app:mounted'", "'app:mountd'");
    expect(typeErrors(new Map([[plugin, misspelt]]), false).join("\n")).toMatch(/app:mountd/);
    const component = [...compiledComponents("v4")][0]!;
    const wrongImport = component[1].replace(
      "import { onMounted } from 'vue'",
      "import { onMountd } from 'vue'",
    );
    expect(wrongImport).not.toBe(component[1]);
    expect(typeErrors(new Map([[component[0], wrongImport]]), false).join("\n")).toMatch(
      /onMountd/,
    );
  });
});
