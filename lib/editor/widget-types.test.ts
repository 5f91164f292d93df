/**
 * The editor's declarations, checked with the real TypeScript compiler (the same checker
 * Monaco's worker runs): the options the playground generates compile, and the mistakes the
 * editor must flag (unknown option, wrong type, `user.token` with `user.data`) do not.
 */
import fc from "fast-check";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { configArbitrary } from "@/lib/config/arbitraries";
import { WIDGET_LANGUAGES } from "@/lib/config/languages";
import { WIDGET_MAJORS, WIDGET_PINS } from "@/lib/config/versions";
import { EDITOR_TYPE_NAME, editorSource } from "./source";
import { widgetTypesSource, WIDGET_CONFIG_TYPE } from "./widget-types";

const TYPES_FILE = "/virtual/widget.d.ts";
const SOURCE_FILE = "/virtual/options.ts";
const OPTIONS = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts"],
  types: [],
  skipLibCheck: true,
} satisfies ts.CompilerOptions;

const host = ts.createCompilerHost(OPTIONS);
const libCache = new Map<string, ts.SourceFile | undefined>();
let previous: ts.Program | undefined;

/** The diagnostics of `source` compiled as a script next to the generated declarations. */
function check(source: string, types = widgetTypesSource()): string[] {
  const files = new Map([
    [TYPES_FILE, types],
    [SOURCE_FILE, source],
  ]);
  const program = ts.createProgram({
    rootNames: [TYPES_FILE, SOURCE_FILE],
    options: OPTIONS,
    oldProgram: previous,
    host: {
      ...host,
      fileExists: (name) => files.has(name) || host.fileExists(name),
      readFile: (name) => files.get(name) ?? host.readFile(name),
      getSourceFile: (name, version) => {
        const text = files.get(name);
        if (text !== undefined) return ts.createSourceFile(name, text, version);
        if (!libCache.has(name)) libCache.set(name, host.getSourceFile(name, version));
        return libCache.get(name);
      },
    },
  });
  previous = program;
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName.split("/").pop()}: ` : "";
    return where + ts.flattenDiagnosticMessageText(d.messageText, " ");
  });
}

const typed = (body: string) => `const options: ${WIDGET_CONFIG_TYPE} = ${body};\n`;

describe("widgetTypesSource", () => {
  it("compiles on its own", () => {
    expect(check("export {};\n")).toEqual([]);
  });

  it.each([
    ["the anonymous model", `{ token: "wt_123" }`],
    [
      "the collect model",
      `{ token: "wt", collectUserData: true, prefillUserData: { name: "Ada", email: "ada@example.com" }, extraDataCollectionFields: ["Company"] }`,
    ],
    [
      "the browser model",
      `{ token: "wt", user: { data: { name: "Ada", email: "a@b.co", avatarUrl: "https://x/a.png", customData: { plan: "pro" } }, externalId: "ws-1" } }`,
    ],
    [
      "the verified model",
      `{ token: "wt", language: "zh-cn", theme: { primaryColor: "#0a7" }, user: { token: contactToken, externalId: "ws-1" } }`,
    ],
    ["externalId alone", `{ token: "wt", user: { externalId: "tenant-9" } }`],
  ])("accepts %s", (_name, body) => {
    expect(check(typed(body))).toEqual([]);
  });

  it("accepts every widget language and rejects others", () => {
    const all = WIDGET_LANGUAGES.map(
      (code) => `{ token: "t", language: ${JSON.stringify(code)} }`,
    ).join(", ");
    expect(check(`const all: ${WIDGET_CONFIG_TYPE}[] = [${all}];\n`)).toEqual([]);
    // zh is the API's spelling; the widget's is zh-cn (domain.md §9).
    expect(check(typed(`{ token: "t", language: "zh" }`)).join("\n")).toMatch(/"zh"/);
  });

  it("rejects user.token together with user.data", () => {
    const errors = check(
      typed(`{ token: "wt", user: { token: contactToken, data: { name: "Ada" } } }`),
    );
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toMatch(/never|not assignable/);
  });

  it("rejects an unknown option and a misspelled one", () => {
    expect(check(typed(`{ token: "wt", colectUserData: true }`)).join("\n")).toMatch(
      /colectUserData/,
    );
    expect(check(typed(`{ token: "wt", user: { data: { emial: "a@b.co" } } }`)).join("\n")).toMatch(
      /emial/,
    );
  });

  it("rejects wrong types and a missing token", () => {
    expect(check(typed(`{ token: "wt", collectUserData: "yes" }`))).not.toEqual([]);
    expect(check(typed(`{ token: "wt", extraDataCollectionFields: "Company" }`))).not.toEqual([]);
    // customData is Record<string, string> in the widget's type (domain.md §2).
    expect(
      check(typed(`{ token: "wt", user: { data: { customData: { seats: 3 } } } }`)),
    ).not.toEqual([]);
    expect(check(typed(`{ collectUserData: true }`)).join("\n")).toMatch(/token/);
  });

  it("documents options from the option table, with defaults", () => {
    const source = widgetTypesSource();
    expect(source).toContain("Sent as X-Bot-Token");
    expect(source).toContain('@default "en"');
    expect(source).toContain('@default "hsl(0 0% 9%)"');
    expect(source).toContain("declare const contactToken: string;");
    // A row's `docs` lines, and what a control kind adds, reach the hover text.
    expect(source).toContain("Ignored when `user.token` or `user.data.email` is set.");
    expect(source).toContain("The playground takes at most 12.");
    expect(source).toContain("Any CSS colour: hex, rgb(), hsl() or a name.");
    expect(source).toContain("Values must be strings: the type is Record<string, string>.");
    // Exactly one `*/` per JSDoc block: help text cannot end a comment early.
    const opens = source.match(/\/\*\*/g)?.length ?? 0;
    expect(source.match(/\*\//g)?.length).toBe(opens);
  });
});

describe("widgetTypesSource per widget major", () => {
  const v5 = widgetTypesSource({ version: "v5" });
  const v4 = widgetTypesSource({ version: "v4" });

  it("declares v5 by default, and names the major and its pin", () => {
    expect(widgetTypesSource()).toBe(v5);
    for (const major of WIDGET_MAJORS) {
      const source = widgetTypesSource({ version: major });
      expect(source).toContain(`widget ${major} options, @${WIDGET_PINS[major]}`);
      expect(source).toContain(`open.cx chat widget (${major})`);
      expect(check("export {};\n", source)).toEqual([]);
    }
  });

  it("v5 accepts streaming and capabilities.connections; v4 rejects both", () => {
    const body = typed(`{ token: "wt", streaming: true, capabilities: { connections: true } }`);
    expect(check(body, v5)).toEqual([]);
    expect(check(typed(`{ token: "wt", streaming: false, capabilities: {} }`), v5)).toEqual([]);
    expect(check(typed(`{ token: "wt", streaming: true }`), v4).join("\n")).toMatch(/streaming/);
    expect(
      check(typed(`{ token: "wt", capabilities: { connections: true } }`), v4).join("\n"),
    ).toMatch(/capabilities/);
    // A misspelled capability is still an error on v5.
    expect(
      check(typed(`{ token: "wt", capabilities: { conections: true } }`), v5).join("\n"),
    ).toMatch(/conections/);
  });

  it("both majors declare the same identity options", () => {
    const identity = (source: string) =>
      source.slice(
        source.indexOf("type WidgetLanguage"),
        source.indexOf("/**\n * The options object"),
      );
    expect(identity(v4)).toBe(identity(v5));
  });
});

describe("widgetTypesSource as a module", () => {
  const source = widgetTypesSource({ module: true });

  it("exports the same declarations, without the contactToken global", () => {
    expect(source).toContain(`export interface ${WIDGET_CONFIG_TYPE} {`);
    expect(source).toContain("export type WidgetUser = (");
    expect(source).not.toContain("contactToken");
    expect(source.replace(/^export /gm, "")).toBe(
      widgetTypesSource().replace(/\n\/\*\*\n \* The contact token[\s\S]*$/, ""),
    );
  });

  it("compiles", () => {
    expect(check("export {};\n", source)).toEqual([]);
  });
});

describe("the editor's own text", () => {
  it("names the type the declarations define", () => {
    expect(EDITOR_TYPE_NAME).toBe(WIDGET_CONFIG_TYPE);
  });

  it.each(WIDGET_MAJORS)(
    "type-checks for any %s config against that major's declaration: the editor never opens on red squiggles",
    (major) => {
      const configs = fc
        .sample(configArbitrary(), { numRuns: 40, seed: 5 })
        .map((c) => ({ ...c, widgetVersion: major, streaming: true }));
      // One program for all of them (compiling is the slow part): each as its own constant.
      const source = configs
        .map((config, i) => {
          const text = editorSource(config);
          expect(text).toContain(`const options: ${WIDGET_CONFIG_TYPE} = `);
          expect(text).toContain(`@opencx/widget ${WIDGET_PINS[major]}.`);
          return text.replace("const options:", `const options${i}:`);
        })
        .join("\n");
      expect(check(source, widgetTypesSource({ version: major }))).toEqual([]);
      if (major === "v5") expect(source).toContain("streaming: true");
    },
  );
});
