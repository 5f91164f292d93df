/**
 * `WidgetConfig` has three readers, and this test holds them to one shape, per widget major:
 * - the interface `toWidgetConfig` returns (`lib/config/widget-config.ts`, hand-written: "app");
 * - the options editor's declarations (`widgetTypesSource({ version })`, built from the option
 *   rows: "editor");
 * - the `@opencx/widget-react` stub the golden React/Next.js fixtures of that major type-check
 *   against (`widgetReactStubSource(major)`: the editor's declarations as a module, plus the
 *   package's own part: "stub").
 * One program compiles the three; the compiler's checker lists every option path of each (into
 * nested objects and both branches of the `user` union), whether it is optional, and its type.
 * The paths must be the same, each equally optional and of mutually assignable types, except for
 * the deliberate differences listed in `DIFFERENCES`. So an option added to one and not the
 * others fails here, naming the path.
 */
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { OPTION_KEYS, OPTIONS } from "@/lib/config/options";
import { WIDGET_MAJORS, type WidgetMajor } from "@/lib/config/versions";
import { widgetReactStubSource } from "@/lib/snippets/test-support/widget-react-stub";
import { widgetTypesSource, WIDGET_CONFIG_TYPE } from "./widget-types";

const APP_MODULE = fileURLToPath(new URL("../config/widget-config", import.meta.url));
/** Virtual files beside this one, so the stub's `react` import resolves from node_modules. */
const VIRTUAL_DIR = fileURLToPath(new URL("./__virtual__", import.meta.url));
const EDITOR_FILE = `${VIRTUAL_DIR}/editor.d.ts`;
const STUB_FILE = `${VIRTUAL_DIR}/stub.d.ts`;
const CHECK_FILE = `${VIRTUAL_DIR}/check.ts`;
const CHECK_SOURCE = `
import type { WidgetConfig as AppConfig } from ${JSON.stringify(APP_MODULE)};
import type { WidgetProps } from "./stub";
export type App = AppConfig;
export type Editor = ${WIDGET_CONFIG_TYPE};
export type Stub = WidgetProps["options"];
`;

type Reader = "app" | "editor" | "stub";

type Difference = "narrower" | "required" | "extra";

/**
 * What is deliberately different from the editor's declarations, path by path, per major:
 * - `narrower`: the reader's type is assignable to the editor's, not the other way round;
 * - `required`: the reader requires what the editor leaves optional;
 * - `extra`: only this reader has the path.
 */
const BASE_APP: Record<string, Difference[]> = {
  // toWidgetConfig writes collectUserData only to turn it on (false is the widget's default).
  collectUserData: ["narrower"],
  // toWidgetConfig writes `theme` only when there is a colour to put in it.
  "theme.primaryColor": ["required"],
};
const DIFFERENCES: Record<
  WidgetMajor,
  Record<Exclude<Reader, "editor">, Record<string, Difference[]>>
> = {
  v5: {
    app: {
      ...BASE_APP,
      // toWidgetConfig writes the v5 switches only to turn them on.
      streaming: ["narrower"],
      "capabilities.connections": ["narrower", "required"],
    },
    // The package's theme also has a palette, and its initial open state is `isOpen` (which a
    // page loading on click sets): the playground models neither as an option.
    stub: { "theme.palette": ["extra"], isOpen: ["extra"] },
  },
  v4: {
    app: {
      ...BASE_APP,
      // The app's type serves both majors; toWidgetConfig never writes these on v4
      // (widget-config.test.ts), and v4's declaration rejects them.
      streaming: ["extra"],
      capabilities: ["extra"],
      "capabilities.connections": ["extra"],
    },
    stub: { "theme.palette": ["extra"], isOpen: ["extra"] },
  },
};

interface Field {
  optional: boolean;
  /** The value's type without `undefined`; `null` for an object the walk went into. */
  type: ts.Type | null;
}

let checker: ts.TypeChecker;
let diagnostics: string[];
let shapes = {} as Record<Reader, Map<string, Field>>;
let types = {} as Record<Reader, ts.Type>;

/** An object whose properties are options (not an array, a record, a function or a primitive). */
function isOptionsObject(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.every(isOptionsObject);
  return (
    (type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) !== 0 &&
    !checker.isArrayType(type) &&
    checker.getIndexInfosOfType(type).length === 0 &&
    type.getCallSignatures().length === 0
  );
}

/**
 * Every option path of `type`. In a union (`user`), a property missing from a branch, or typed
 * `never` there (`data?: never` is how a branch forbids it), counts as optional.
 */
function shape(type: ts.Type, prefix = "", out = new Map<string, Field>()): Map<string, Field> {
  const branches = type.isUnion() ? type.types : [type];
  const names = new Set(branches.flatMap((b) => checker.getPropertiesOfType(b).map((p) => p.name)));
  for (const name of names) {
    let optional = false;
    let found: ts.Type | undefined;
    for (const branch of branches) {
      const property = checker.getPropertyOfType(branch, name);
      const value = property && checker.getNonNullableType(checker.getTypeOfSymbol(property));
      if (!property || !value || value.flags & ts.TypeFlags.Never) {
        optional = true;
        continue;
      }
      if (property.flags & ts.SymbolFlags.Optional) optional = true;
      found ??= value;
    }
    if (!found) continue;
    const path = prefix + name;
    if (isOptionsObject(found)) {
      out.set(path, { optional, type: null });
      shape(found, `${path}.`, out);
    } else {
      out.set(path, { optional, type: found });
    }
  }
  return out;
}

const sameType = (a: ts.Type, b: ts.Type) =>
  checker.isTypeAssignableTo(a, b) && checker.isTypeAssignableTo(b, a);

function compile(major: WidgetMajor): void {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
    skipLibCheck: true,
  };
  const files = new Map([
    [EDITOR_FILE, widgetTypesSource({ version: major })],
    [STUB_FILE, widgetReactStubSource(major)],
    [CHECK_FILE, CHECK_SOURCE],
  ]);
  const host = ts.createCompilerHost(options);
  const program = ts.createProgram({
    rootNames: [...files.keys()],
    options,
    host: {
      ...host,
      fileExists: (name) => files.has(name) || host.fileExists(name),
      directoryExists: (dir) => dir === VIRTUAL_DIR || (host.directoryExists?.(dir) ?? false),
      readFile: (name) => files.get(name) ?? host.readFile(name),
      getSourceFile: (name, version, ...rest) => {
        const text = files.get(name);
        return text === undefined
          ? host.getSourceFile(name, version, ...rest)
          : ts.createSourceFile(name, text, version);
      },
    },
  });
  checker = program.getTypeChecker();
  diagnostics = [...files.keys()].flatMap((name) =>
    ts
      .getPreEmitDiagnostics(program, program.getSourceFile(name))
      .map((d) => `${name}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`),
  );
  shapes = {} as Record<Reader, Map<string, Field>>;
  types = {} as Record<Reader, ts.Type>;
  const check = program.getSourceFile(CHECK_FILE)!;
  const moduleSymbol = checker.getSymbolAtLocation(check)!;
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const reader = symbol.name.toLowerCase() as Reader;
    types[reader] = checker.getDeclaredTypeOfSymbol(symbol);
    shapes[reader] = shape(types[reader]);
  }
}

describe.each(WIDGET_MAJORS)(
  "%s: WidgetConfig is one shape in the app, the editor and the React stub",
  (major) => {
    beforeAll(() => compile(major), 60_000);

    it("compiles, and the walk sees every reader's options", () => {
      expect(diagnostics).toEqual([]);
      for (const reader of ["app", "editor", "stub"] as const) {
        expect([...shapes[reader].keys()], reader).toContain("user.data.email");
      }
    });

    it("declares, in the editor, exactly the rows' widget options (plus the objects that group them)", () => {
      const rows = OPTION_KEYS.filter((k) => OPTIONS[k].versions.includes(major))
        .map((k) => OPTIONS[k].widgetOption)
        .filter((p) => p !== null);
      const leaves = [...shapes.editor].filter(([, f]) => f.type !== null).map(([path]) => path);
      expect(leaves.sort()).toEqual(rows.sort());
    });

    it.each(["app", "stub"] as const)(
      "has the same option paths in %s as in the editor",
      (reader) => {
        const extra = Object.entries(DIFFERENCES[major][reader])
          .filter(([, kinds]) => kinds.includes("extra"))
          .map(([path]) => path);
        const paths = [...shapes[reader].keys()].filter((p) => !extra.includes(p));
        expect(paths.sort(), `${reader} vs editor`).toEqual([...shapes.editor.keys()].sort());
        for (const path of extra) expect(shapes[reader].has(path), path).toBe(true);
      },
    );

    it.each(["app", "stub"] as const)(
      "makes each option in %s as optional as in the editor, with the same type",
      (reader) => {
        const mismatches: string[] = [];
        for (const [path, mine] of shapes[reader]) {
          const editor = shapes.editor.get(path);
          const kinds = DIFFERENCES[major][reader][path] ?? [];
          if (!editor) continue; // a missing path fails the test above
          const required = kinds.includes("required");
          if (mine.optional !== (editor.optional && !required))
            mismatches.push(`${path}: optional`);
          if (required && !editor.optional) mismatches.push(`${path}: no longer a difference`);
          if (mine.type === null || editor.type === null) {
            if (mine.type !== editor.type) mismatches.push(`${path}: object vs value`);
          } else if (kinds.includes("narrower")) {
            if (!checker.isTypeAssignableTo(mine.type, editor.type))
              mismatches.push(`${path}: type`);
            if (sameType(mine.type, editor.type)) mismatches.push(`${path}: no longer narrower`);
          } else if (!sameType(mine.type, editor.type)) {
            const show = (t: ts.Type) => checker.typeToString(t);
            mismatches.push(`${path}: ${show(mine.type)} vs ${show(editor.type)}`);
          }
        }
        expect(mismatches).toEqual([]);
      },
    );

    it("accepts every options object the app builds in the editor and in the stub, and the editor's in the stub", () => {
      expect(checker.isTypeAssignableTo(types.app, types.editor)).toBe(true);
      expect(checker.isTypeAssignableTo(types.app, types.stub)).toBe(true);
      expect(sameType(types.editor, types.stub)).toBe(true);
      // The differences are real: the editor accepts what the app never writes.
      expect(checker.isTypeAssignableTo(types.editor, types.app)).toBe(false);
    });
  },
);
