/**
 * The Svelte and SvelteKit snippets, proven with Svelte's own toolchain (test-support/svelte.ts):
 *
 * - every golden component and layout compiles (`svelte/compiler`, client and server, no
 *   warning; `<script lang="ts">` through Svelte 5's own TypeScript stripping) and every golden
 *   component's options evaluate to `toWidgetConfig`;
 * - the golden scripts type-check in strict mode against Svelte's own declarations and the DOM
 *   (the module and instance scripts of a component as one file, as svelte2tsx would see them;
 *   the markup is not type-checked), and the SvelteKit endpoint against stubs of the three
 *   SvelteKit names it uses (`@sveltejs/kit` is not a dev dependency);
 * - server-side rendering (`render` from `svelte/server`, every fixture) reads no browser global
 *   and emits no markup and no script of the widget;
 * - in a browser (Svelte's client runtime mounting the component in a fake DOM), loading the
 *   module does nothing, `onMount` adds the pinned script once and calls the version's
 *   initializer once with `toWidgetConfig`, a second mount starts nothing, and the token request
 *   is the HTML snippet's; sign-out and another user are the HTML page's (lifecycle.test.ts runs
 *   the renewal);
 * - the SvelteKit endpoint, transpiled by TypeScript and run against the recording stand-in of
 *   authenticate-user, sends exactly `toAuthenticateRequest` and answers `{ token }` or 401.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "svelte/compiler";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { toAuthenticateRequest, toWidgetConfig } from "../config/widget-config";
import { WIDGET_MAJORS, WIDGET_PINS } from "../config/versions";
import { generateSnippet, type Snippet } from "./index";
import { CONTACT_TOKEN_ENDPOINT } from "./model";
import {
  SVELTE_BIDI_CONTROLS,
  SVELTE_COMPONENT_PATH,
  SVELTEKIT_LAYOUT_PATH,
  SVELTEKIT_ROUTE_PATH,
} from "./svelte-snippet";
import { FIXTURES_DIR, loadFixtureCases } from "./test-support/fixtures";
import { sampleConfigs } from "./test-support/property";
import { fakeBrowser, runHtmlPage, type FakeBrowser } from "./test-support/run-snippet";
import { fileOf, bodyForEmail } from "./test-support/snippet-checks";
import { startStandInApi, type StandInApi } from "./test-support/stand-in-api";
import {
  checkSvelteComponent,
  checkSvelteKitRoute,
  compileSvelte,
  openSveltePage,
  PAGE_CONTENT,
  renderOnServer,
} from "./test-support/svelte";

const TOKEN = "wt_svelte";
const OWN = `opencx-widget:org-token-${TOKEN}:`;
const STORED = [
  "theme",
  `${OWN}contact-token`,
  `${OWN}external-contact-id`,
  `${OWN}active-session`,
  "opencx-widget:org-token-wt_other:contact-token",
];
const KEPT = {
  v4: ["theme", `${OWN}active-session`, "opencx-widget:org-token-wt_other:contact-token"],
  v5: ["theme", "opencx-widget:org-token-wt_other:contact-token"],
} as const;
const MODELS = ["anonymous", "collect", "browser", "server"] as const;
const TARGETS = ["svelte", "sveltekit"] as const;

const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  widgetToken: TOKEN,
  serverEmail: "jane@example.com",
  userEmail: "jane@example.com",
  ...over,
});
const component = (target: (typeof TARGETS)[number], config: PlaygroundConfig) =>
  fileOf(generateSnippet(target, config), "OpenCxWidget.svelte").code;
const fixtures = loadFixtureCases();

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}
const goldenFiles = listFiles(FIXTURES_DIR).filter((f) => /\/svelte(kit)?\//.test(f));
/** A component without its comment lines (Svelte's ignore comments stay): no comment holds a value. */
const withoutComments = (code: string) =>
  code
    .split("\n")
    .filter((line) => !/^\s*\/\//.test(line) || line.includes("svelte-ignore"))
    .join("\n");

describe("the Svelte and SvelteKit snippets", () => {
  it("Svelte: one component; SvelteKit: the component, the root layout, and the endpoint when verified", () => {
    const svelte = generateSnippet("svelte", make({}));
    expect(svelte).toMatchObject({ target: "svelte", label: "Svelte" });
    expect(svelte.install).toBeUndefined();
    expect(svelte.files.map((f) => [f.path, f.language])).toEqual([
      ["src/lib/OpenCxWidget.svelte", "svelte"],
    ]);
    const kit = (config: PlaygroundConfig) =>
      generateSnippet("sveltekit", config).files.map((f) => [f.path, f.language]);
    expect(generateSnippet("sveltekit", make({})).label).toBe("SvelteKit");
    expect(kit(make({}))).toEqual([
      [SVELTE_COMPONENT_PATH, "svelte"],
      [SVELTEKIT_LAYOUT_PATH, "svelte"],
    ]);
    expect(kit(make({ model: "server" }))).toEqual([
      [SVELTE_COMPONENT_PATH, "svelte"],
      [SVELTEKIT_LAYOUT_PATH, "svelte"],
      ["src/routes/api/opencx/contact-token/+server.ts", "ts"],
    ]);
    expect(SVELTEKIT_ROUTE_PATH).toBe(`src/routes${CONTACT_TOKEN_ENDPOINT}/+server.ts`);
  });

  it("the component: runes mode, a module script and an instance script, no markup", () => {
    for (const target of TARGETS) {
      for (const config of [make({}), make({ model: "server", widgetVersion: "v4" })]) {
        const code = component(target, config);
        expect(code.startsWith('<svelte:options runes />\n\n<script lang="ts" module>\n')).toBe(
          true,
        );
        expect(code).toContain('</script>\n\n<script lang="ts">\n');
        expect(code.endsWith("</script>\n")).toBe(true);
        expect(code.match(/<script/g)).toHaveLength(2);
        const ast = parse(code, { modern: true });
        expect(ast.fragment.nodes.filter((n) => n.type !== "Text")).toEqual([]);
        expect(code).toContain("  import { onMount } from 'svelte';");
      }
    }
  });

  it("declares the embed's initializer for TypeScript the way each version calls it", () => {
    const v5 = component("svelte", make({}));
    expect(v5).toContain(
      [
        "  declare global {",
        "    interface Window {",
        "      /** Defined by the embed script once it has run. */",
        "      initOpenScript(options: object): void;",
        "    }",
        "  }",
      ].join("\n"),
    );
    const v4 = component("svelte", make({ widgetVersion: "v4" }));
    expect(v4).toContain(
      "  /** Defined by the embed script once it has run. */\n  declare function initOpenScript(options: object): void;",
    );
    expect(v4).not.toContain("declare global");
  });

  it("says where to mount it and how to import the lifecycle functions, per framework and version", () => {
    const flat = (target: (typeof TARGETS)[number], config: PlaygroundConfig) =>
      component(target, config).replace(/\n\s*\/\/\s*/g, " ");
    expect(flat("svelte", make({}))).toContain(
      "Render <OpenCxWidget /> once, in your root component (src/App.svelte); it renders no markup of its own. One integration per page: not beside the HTML embed or the React widget.",
    );
    expect(flat("sveltekit", make({}))).toContain(
      "Render <OpenCxWidget /> once, in src/routes/+layout.svelte (below);",
    );
    expect(flat("svelte", make({}))).toContain(
      "These functions are exported: import { restartOpenCxWidget } from './lib/OpenCxWidget.svelte'. Call them from your sign-out and sign-in handlers.",
    );
    expect(flat("sveltekit", make({ model: "server" }))).toContain(
      "These functions are exported: import { restartOpenCxWidget, updateOpenCxWidgetUser } from '$lib/OpenCxWidget.svelte'. Call them from browser code (a click handler, your sign-in form's use:enhance callback), never from a load function or server code.",
    );
    expect(flat("sveltekit", make({ model: "server", widgetVersion: "v4" }))).toContain(
      "import { restartOpenCxWidget } from '$lib/OpenCxWidget.svelte'",
    );
    expect(flat("svelte", make({}))).toContain(
      "onMount runs in the browser only, never during server-side rendering. The widget belongs to the page, not to this component (the embed has no unmount): the first <OpenCxWidget> starts it, and it stays until the page reloads.",
    );
    expect(flat("sveltekit", make({}))).toContain(
      "onMount runs in the browser only: SvelteKit's server-side rendering never starts the widget.",
    );
  });

  it("the root layout renders the page, then the component, and says which version", () => {
    for (const major of WIDGET_MAJORS) {
      const layout = fileOf(
        generateSnippet("sveltekit", make({ widgetVersion: major })),
        "+layout.svelte",
      );
      expect(layout.code).toContain(`widget ${major} (pinned to ${WIDGET_PINS[major]})`);
      expect(layout.code).toContain("  import OpenCxWidget from '$lib/OpenCxWidget.svelte';");
      expect(layout.code).toContain("  let { children }: { children: Snippet } = $props();");
      expect(layout.code.endsWith("</script>\n\n{@render children()}\n<OpenCxWidget />\n")).toBe(
        true,
      );
    }
  });

  it("verified: the component asks the same endpoint as the HTML page, and loads the embed only once it has a token", () => {
    for (const major of WIDGET_MAJORS) {
      for (const target of TARGETS) {
        const code = component(target, make({ model: "server", widgetVersion: major }));
        expect(code).toContain(
          `fetch('${CONTACT_TOKEN_ENDPOINT}', {\n      method: 'POST',\n      credentials: 'same-origin',\n    });`,
        );
        const request = code.indexOf(`fetch('${CONTACT_TOKEN_ENDPOINT}'`);
        const load = code.indexOf("await loadOpenCxEmbed();");
        expect(load).toBeGreaterThan(request);
        expect(code).toContain("never put it in this component.");
      }
    }
  });

  it("ignores Svelte's bidirectional-control warning exactly where a value needs it", () => {
    const plain = make({ model: "browser", userName: "Jane" });
    const bidi = make({ model: "browser", userName: "Jane \u202eenaJ" });
    expect(SVELTE_BIDI_CONTROLS.test(bidi.userName)).toBe(true);
    const ignore = "// svelte-ignore bidirectional_control_characters";
    expect(component("svelte", plain)).not.toContain(ignore);
    const code = component("svelte", bidi);
    expect(code.match(new RegExp(ignore, "g"))).toHaveLength(1);
    expect(code).toContain(`${ignore}\n  const options = {`);
    expect(code).toContain("'Jane \\u202EenaJ'");
    expect(() => compileSvelte(code, "OpenCxWidget.svelte", "client")).not.toThrow();
    // Without it, Svelte warns: the comment is needed, not decoration.
    expect(() =>
      compileSvelte(code.replace(ignore, "//"), "OpenCxWidget.svelte", "client"),
    ).toThrow(/bidirectional_control_characters/);
    // Inside the start of a verified page, and in a key.
    for (const major of WIDGET_MAJORS) {
      const verified = component(
        "svelte",
        make({ model: "server", widgetVersion: major, externalId: "acct \u2067x" }),
      );
      expect(verified).toContain(
        `    // These values hold bidirectional control characters, written as visible \\u escapes:\n    ${ignore}\n    const options = {`,
      );
      expect(() => compileSvelte(verified, "OpenCxWidget.svelte", "client")).not.toThrow();
    }
    const key = component(
      "svelte",
      make({ model: "browser", userCustomData: [{ key: "plan \u202b", value: "pro" }] }),
    );
    expect(key.match(new RegExp(ignore, "g"))).toHaveLength(1);
    expect(() => compileSvelte(key, "OpenCxWidget.svelte", "server")).not.toThrow();
    // The widget token reaches the sign-out helper's key prefix too.
    const token = component("svelte", make({ widgetToken: "wt_\u2066x" }));
    expect(token).toContain(`${ignore}\n  export function clearOpenCxWidgetStorage() {`);
    expect(token.match(new RegExp(ignore, "g"))).toHaveLength(2);
    expect(() => compileSvelte(token, "OpenCxWidget.svelte", "server")).not.toThrow();
    for (const ch of ["\u202a", "\u202d", "\u202e", "\u2066", "\u2069"])
      expect(SVELTE_BIDI_CONTROLS.test(ch)).toBe(true);
    for (const ch of ["\u2029", "\u206a", "\u200f"])
      expect(SVELTE_BIDI_CONTROLS.test(ch)).toBe(false);
  });
});

describe("golden files through Svelte's compiler", () => {
  it("has the Svelte goldens of every fixture", () => {
    expect(goldenFiles.filter((f) => f.endsWith("OpenCxWidget.svelte"))).toHaveLength(
      fixtures.length * 2,
    );
  });

  it("every golden component compiles for client and server, and its options equal toWidgetConfig", () => {
    for (const { config, dir } of fixtures) {
      for (const target of TARGETS) {
        const path = join(FIXTURES_DIR, dir, target, SVELTE_COMPONENT_PATH);
        const file = { path, language: "svelte" as const, code: readFileSync(path, "utf8") };
        const token = "«token»";
        expect(
          checkSvelteComponent(file, { contactToken: token }, config.widgetVersion),
          `${dir} ${target}`,
        ).toEqual(toWidgetConfig(config, { contactToken: token }));
      }
    }
  });

  it("every golden layout compiles for client and server with no warning", () => {
    const layouts = goldenFiles.filter((f) => f.endsWith("+layout.svelte"));
    expect(layouts).toHaveLength(fixtures.length);
    for (const file of layouts) {
      for (const generate of ["client", "server"] as const) {
        expect(compileSvelte(readFileSync(file, "utf8"), file, generate)).toContain("OpenCxWidget");
      }
    }
  });
});

describe("golden files type-check (strict)", () => {
  /**
   * Stubs of the SvelteKit names the files use, as a global script (so its `declare module`s are
   * ambient): not SvelteKit's own types, which are not installed.
   */
  const KIT_STUB = [
    "declare namespace App {",
    "  // What the endpoint's comment asks the app to declare in src/app.d.ts.",
    "  interface Locals {",
    "    user?: { email: string } | null;",
    "  }",
    "}",
    "declare module '@sveltejs/kit' {",
    "  export function json(data: unknown, init?: ResponseInit): Response;",
    "}",
    "declare module '$env/dynamic/private' {",
    "  export const env: Record<string, string | undefined>;",
    "}",
    "declare module '$lib/OpenCxWidget.svelte' {",
    "  import type { Component } from 'svelte';",
    "  const OpenCxWidget: Component;",
    "  export default OpenCxWidget;",
    "}",
  ].join("\n");
  /** SvelteKit's generated `./$types` for an endpoint, reduced to what the endpoint uses. */
  const TYPES_STUB =
    "export type RequestHandler = (event: { locals: App.Locals; request: Request }) => Promise<Response>;\n";

  /** The names the markup reads: identifiers in its expressions and the components it renders. */
  function markupNames(node: unknown, out = new Set<string>()): Set<string> {
    if (Array.isArray(node)) for (const item of node) markupNames(item, out);
    else if (typeof node === "object" && node !== null) {
      const { type, name } = node as { type?: unknown; name?: unknown };
      if ((type === "Identifier" || type === "Component") && typeof name === "string")
        out.add(name);
      for (const value of Object.values(node)) markupNames(value, out);
    }
    return out;
  }

  /**
   * A `.svelte` file's scripts as one TypeScript file, module script first, then a statement that
   * reads what the markup reads (so `noUnusedLocals` sees the markup's uses, as svelte2tsx does).
   */
  function scriptText(code: string): string {
    const ast = parse(code, { modern: true });
    const names = [...markupNames(ast.fragment)];
    return [
      ...[ast.module, ast.instance].flatMap((s) => {
        // Svelte's AST nodes carry their offsets (estree's Program type does not say so).
        const content = s?.content as { start: number; end: number } | undefined;
        return content ? [code.slice(content.start, content.end)] : [];
      }),
      ...(names.length > 0 ? [`void [${names.join(", ")}];`] : []),
    ].join("\n");
  }

  const libraryFiles = new Map<string, ts.SourceFile | undefined>();

  /** The diagnostics of `files` (path → text; `.svelte` files by their scripts) with the stubs. */
  function typeErrors(files: ReadonlyMap<string, string>): string[] {
    const sources = new Map<string, string>();
    for (const [file, code] of files) {
      if (file.endsWith(".svelte")) sources.set(`${file}.ts`, scriptText(code));
      else sources.set(file, code);
    }
    sources.set(join(FIXTURES_DIR, "sveltekit-stub.d.ts"), KIT_STUB);
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      noUnusedLocals: true,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.dom.d.ts", "lib.dom.iterable.d.ts", "lib.es2023.d.ts"],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      types: [],
      skipLibCheck: true,
      isolatedModules: true,
      verbatimModuleSyntax: true,
    };
    const host = ts.createCompilerHost(options);
    const virtual = (name: string) =>
      sources.get(name) ?? (name.endsWith("/$types.d.ts") ? TYPES_STUB : undefined);
    const program = ts.createProgram({
      rootNames: [...sources.keys()],
      options,
      host: {
        ...host,
        fileExists: (name) => virtual(name) !== undefined || host.fileExists(name),
        directoryExists: (name) =>
          [...sources.keys()].some((file) => file.startsWith(`${name}/`)) ||
          (host.directoryExists?.(name) ?? true),
        readFile: (name) => virtual(name) ?? host.readFile(name),
        getSourceFile: (name, version, ...rest) => {
          const text = virtual(name);
          if (text !== undefined) return ts.createSourceFile(name, text, version);
          // The DOM's and Svelte's declarations: parsed once for every check in this file.
          if (!libraryFiles.has(name))
            libraryFiles.set(name, host.getSourceFile(name, version, ...rest));
          return libraryFiles.get(name);
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

  it("the scripts of every component and layout, and every endpoint", () => {
    // A SvelteKit component is its Svelte twin but for comments (checked here): one of them is enough.
    for (const { dir } of fixtures) {
      const [svelte, kit] = TARGETS.map((target) =>
        readFileSync(join(FIXTURES_DIR, dir, target, SVELTE_COMPONENT_PATH), "utf8"),
      );
      expect(withoutComments(kit!), dir).toBe(withoutComments(svelte!));
    }
    const files = new Map(
      goldenFiles
        .filter(
          (f) => /\.(svelte|ts)$/.test(f) && !f.includes(`/sveltekit/${SVELTE_COMPONENT_PATH}`),
        )
        .map((f) => [f, readFileSync(f, "utf8")]),
    );
    expect([...files.keys()].filter((f) => f.endsWith("+server.ts"))).toHaveLength(
      fixtures.filter((f) => f.config.model === "server").length,
    );
    expect(typeErrors(files)).toEqual([]);
  });

  it("the check sees Svelte's types, the DOM's and the stubs: wrong code fails it", () => {
    const dir = join(FIXTURES_DIR, "verified-minimal/v5/sveltekit");
    const kit = goldenFiles.filter((f) => f.startsWith(`${dir}/`) && !f.endsWith(".json"));
    expect(kit).toHaveLength(3);
    const pathOf = (suffix: string) => kit.find((f) => f.endsWith(suffix))!;
    const broken = (suffix: string, from: string, to: string) => {
      const code = readFileSync(pathOf(suffix), "utf8");
      expect(code).toContain(from);
      return new Map([[pathOf(suffix), code.replace(from, to)]]);
    };
    const ok = new Map(kit.map((f) => [f, readFileSync(f, "utf8")]));
    expect(typeErrors(ok)).toEqual([]);
    const cases: [Map<string, string>, RegExp][] = [
      [
        broken("OpenCxWidget.svelte", "onMount(() => {", "onMount((x: number) => {"),
        /onMount|number/,
      ],
      [
        broken(
          "OpenCxWidget.svelte",
          "window.initOpenScript(options)",
          "window.initOpenScript(42)",
        ),
        /number/,
      ],
      [
        broken(
          "OpenCxWidget.svelte",
          "document.head.append(script)",
          "document.head.appendScript(script)",
        ),
        /appendScript/,
      ],
      [broken("+layout.svelte", "{ children: Snippet }", "{ children: Snipet }"), /Snipet/],
      [broken("+server.ts", "env.OPENCX_API_KEY", "env.OPENCX_API_KEY.length"), /undefined/],
      [broken("+server.ts", "json({ token }", "json2({ token }"), /json2/],
      [broken("+server.ts", "locals.user;", "locals.account;"), /account/],
    ];
    for (const [files, error] of cases) expect(typeErrors(files).join("\n")).toMatch(error);
  });
});

describe("server-side rendering (render from svelte/server)", () => {
  it("every fixture: no browser global is read, and nothing of the widget is rendered", async () => {
    for (const { dir } of fixtures) {
      for (const target of TARGETS) {
        const golden = (path: string) => join(FIXTURES_DIR, dir, target, path);
        const layoutPath = golden(SVELTEKIT_LAYOUT_PATH);
        const layout = existsSync(layoutPath) ? readFileSync(layoutPath, "utf8") : undefined;
        expect(layout === undefined, target).toBe(target === "svelte");
        const result = await renderOnServer(
          readFileSync(golden(SVELTE_COMPONENT_PATH), "utf8"),
          layout,
        );
        const where = `${dir} ${target}`;
        expect(result.read, where).toEqual([]);
        expect(result.head, where).toBe("");
        expect(result.content.trim(), where).toBe(layout ? PAGE_CONTENT : "");
        expect(result.body, where).not.toMatch(/<script|opencx|initOpenScript/i);
      }
    }
  });

  it("the trap notices a component that reads a browser global while rendering", async () => {
    const code = component("svelte", make({})).replace(
      "  onMount(() => {",
      "  void localStorage.length;\n  onMount(() => {",
    );
    expect((await renderOnServer(code).catch((e: Error) => e)) as Error).toMatchObject({
      message: expect.stringMatching(/localStorage is not defined/),
    });
  });
});

/** Wraps the backend's fetch to record each request's URL and init, as the page sent them. */
function recordRequests(browser: FakeBrowser): [string, unknown][] {
  const seen: [string, unknown][] = [];
  const inner = browser.backend.fetch;
  Object.defineProperty(browser.backend, "fetch", {
    value: (url: string, init?: { method?: string; credentials?: string }) => {
      seen.push([url, init]);
      return inner(url, init);
    },
  });
  return seen;
}

describe("in a browser: Svelte's client runtime mounts the component in a fake DOM", () => {
  for (const major of WIDGET_MAJORS) {
    for (const model of MODELS) {
      const config = make({ widgetVersion: major, model });
      for (const target of TARGETS) {
        it(`${major} ${model} ${target}: nothing before onMount; then the pinned script once and one ${major === "v5" ? "window.initOpenScript" : "initOpenScript"} with toWidgetConfig`, async () => {
          const browser = fakeBrowser();
          const requests = recordRequests(browser);
          const page = await openSveltePage(component(target, config), browser);
          expect([page.scripts, page.initCalls, requests]).toEqual([[], [], []]);
          await page.mount();
          expect(page.scripts).toEqual([
            `https://unpkg.com/@opencx/widget@${WIDGET_PINS[major]}/dist-embed/script.js`,
          ]);
          const token = browser.backend.minted[0];
          expect(page.initCalls).toEqual([toWidgetConfig(config, { contactToken: token ?? "" })]);
          expect(page.initVia).toEqual([major === "v5" ? "window" : "global"]);
          expect(browser.backend.minted).toHaveLength(model === "server" ? 1 : 0);
          // The token request is the HTML page's, to the letter.
          if (model === "server") {
            const html = fakeBrowser();
            const htmlRequests = recordRequests(html);
            await runHtmlPage(generateSnippet("html", config).files[0]!.code, html).load();
            expect(requests).toEqual(htmlRequests);
            expect(requests).toEqual([
              [CONTACT_TOKEN_ENDPOINT, { method: "POST", credentials: "same-origin" }],
            ]);
          }
          // Another <OpenCxWidget> (a second layout, a remount) starts nothing.
          await page.mount();
          page.unmount();
          await page.mount();
          expect([page.scripts.length, page.initCalls.length, requests.length]).toEqual([
            1,
            1,
            model === "server" ? 1 : 0,
          ]);
          expect(page.errors).toEqual([]);
        });
      }
    }
  }

  it("verified, nobody signed in (401): no script, no widget, no error", async () => {
    for (const major of WIDGET_MAJORS) {
      const browser = fakeBrowser();
      browser.backend.mode = { kind: "signed-out" };
      const page = await openSveltePage(
        component("sveltekit", make({ model: "server", widgetVersion: major })),
        browser,
      );
      await page.mount();
      expect(browser.backend.requests, major).toHaveLength(1);
      expect([page.scripts, page.initCalls, page.errors], major).toEqual([[], [], []]);
    }
  });

  it("a script that fails to load is reported, starts nothing, and the next mount tries again", async () => {
    const browser = fakeBrowser();
    const page = await openSveltePage(component("svelte", make({})), browser);
    page.scriptLoad = "error";
    await page.mount();
    const url = `https://unpkg.com/@opencx/widget@${WIDGET_PINS.v5}/dist-embed/script.js`;
    expect(page.initCalls).toEqual([]);
    expect(page.errors).toEqual([
      ["The OpenCX widget could not start:", new Error(`Could not load ${url}`)],
    ]);
    page.scriptLoad = "ok";
    await page.mount();
    expect(page.scripts).toEqual([url, url]);
    expect(page.initCalls).toHaveLength(1);
  });
});

describe("sign-out and another user: the HTML page's lifecycle, exported", () => {
  for (const major of WIDGET_MAJORS) {
    for (const model of MODELS) {
      const config = make({ widgetVersion: major, model });
      const inPlace = major === "v5" && model === "server";
      it(`${major} ${model}: exports ${inPlace ? "clear, restart and update" : "clear and restart"}; restartOpenCxWidget() clears the keys, then reloads`, async () => {
        const browser = fakeBrowser(STORED);
        const page = await openSveltePage(component("svelte", config), browser);
        expect(Object.keys(page.exports).sort()).toEqual(
          [
            "clearOpenCxWidgetStorage",
            "default",
            "restartOpenCxWidget",
            ...(inPlace ? ["updateOpenCxWidgetUser"] : []),
          ].sort(),
        );
        await page.mount();
        page.call("restartOpenCxWidget");
        expect(page.reloads).toEqual([[...KEPT[major]]]);
        expect(page.initCalls).toHaveLength(1);
      });
    }
  }

  it("v5 verified: another user's token goes to the same widget after the keys are cleared, without a reload or a second script", async () => {
    for (const target of TARGETS) {
      const browser = fakeBrowser(STORED);
      const page = await openSveltePage(component(target, make({ model: "server" })), browser);
      await page.mount();
      let keysAtRequest: string[] = [];
      browser.backend.onRequest = () => (keysAtRequest = browser.storage.keys());
      browser.backend.user = "B";
      await page.call("updateOpenCxWidgetUser");
      expect(keysAtRequest).toEqual(KEPT.v5);
      expect(page.initCalls.map((o) => (o.user as { token: string }).token)).toEqual(
        browser.backend.minted,
      );
      expect(browser.backend.mintedFor).toEqual(["A", "B"]);
      expect([page.reloads, page.scripts.length]).toEqual([[], 1]);
    }
  });

  it("v5 verified: signed out at first, no widget; signing in later starts it", async () => {
    const browser = fakeBrowser();
    browser.backend.mode = { kind: "signed-out" };
    const page = await openSveltePage(component("svelte", make({ model: "server" })), browser);
    await page.mount();
    expect(page.scripts).toEqual([]);
    browser.backend.mode = { kind: "mint", lifetimeSeconds: 3600 };
    await page.call("updateOpenCxWidgetUser");
    expect([page.scripts.length, page.initCalls.length]).toEqual([1, 1]);
  });

  it("with mcp_access the renewal belongs to the page: it goes on after the component unmounts", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: 1_800_000_000_000 });
    try {
      const config = make({
        model: "server",
        personalConnections: true,
        streaming: true,
        capabilitiesConnections: true,
      });
      const browser = fakeBrowser();
      const page = await openSveltePage(component("sveltekit", config), browser);
      await page.mount();
      page.unmount();
      expect(vi.getTimerCount()).toBe(1);
      await vi.advanceTimersByTimeAsync(48 * 60 * 1000);
      expect(browser.backend.requests).toHaveLength(2);
      expect(page.initCalls.map((o) => (o.user as { token: string }).token)).toEqual(
        browser.backend.minted,
      );
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("the SvelteKit endpoint, run against a stand-in of authenticate-user", () => {
  const KEY = "env-api-key-sentinel";
  let api: StandInApi;
  beforeAll(async () => {
    api = await startStandInApi();
  });
  afterAll(async () => {
    await api.close();
  });

  type Post = (event: { locals: { user?: { email: string } } }) => Promise<Response>;

  /** The endpoint transpiled by TypeScript, with SvelteKit's two modules it imports. */
  function loadEndpoint(snippet: Snippet, env: Record<string, string>): Post {
    const code = fileOf(snippet, "+server.ts").code;
    const { outputText, diagnostics } = ts.transpileModule(code, {
      fileName: "+server.ts",
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    });
    expect(diagnostics).toEqual([]);
    const modules: Record<string, unknown> = {
      "@sveltejs/kit": { json: (data: unknown, init?: ResponseInit) => Response.json(data, init) },
      "$env/dynamic/private": { env },
    };
    const exports: { POST?: Post } = {};
    const require = (name: string) => {
      if (!(name in modules)) throw new Error(`The endpoint imports ${name}`);
      return modules[name];
    };
    new Function("require", "exports", outputText)(require, exports);
    return exports.POST!;
  }

  /** What goes over the wire: the body after JSON serialisation (-0 becomes 0). */
  const wire = (config: PlaygroundConfig) =>
    JSON.parse(JSON.stringify(toAuthenticateRequest(config))) as unknown;

  it("fixtures and hostile configs: the request is toAuthenticateRequest with the key from $env; the answer is { token }, never cached", async () => {
    const { seed, configs } = sampleConfigs(true, 30, true);
    const cases = [
      ...fixtures.filter((f) => f.config.model === "server").map((f) => f.config),
      ...configs,
    ];
    for (const [i, config] of cases.entries()) {
      const where = `case ${i} (seed ${seed})`;
      expect(
        checkSvelteKitRoute(fileOf(generateSnippet("sveltekit", config), "+server.ts")),
        where,
      ).toEqual(bodyForEmail(config));
      const post = loadEndpoint(generateSnippet("sveltekit", config), {
        OPENCX_API_KEY: KEY,
        OPENCX_API_URL: api.baseUrl,
      });
      const response = await post({ locals: { user: { email: config.serverEmail } } });
      const sent = api.requests.at(-1)!;
      expect(
        {
          status: response.status,
          cache: response.headers.get("cache-control"),
          answer: await response.json(),
        },
        where,
      ).toEqual({ status: 200, cache: "no-store", answer: { token: sent.token } });
      expect(
        {
          method: sent.method,
          path: sent.path,
          authorization: sent.headers.authorization,
          type: sent.headers["content-type"],
          body: sent.json,
        },
        where,
      ).toEqual({
        method: "POST",
        path: "/widget/authenticate-user",
        authorization: `Bearer ${KEY}`,
        type: "application/json",
        body: wire(config),
      });
    }
    expect(api.requests).toHaveLength(cases.length);
  });

  it("answers 401 without a signed-in user, and fails without OPENCX_API_KEY, sending nothing", async () => {
    const snippet = generateSnippet("sveltekit", make({ model: "server" }));
    const before = api.requests.length;
    const post = loadEndpoint(snippet, { OPENCX_API_KEY: KEY, OPENCX_API_URL: api.baseUrl });
    const response = await post({ locals: {} });
    expect([response.status, await response.json()]).toEqual([401, { error: "Not signed in" }]);
    const unset = loadEndpoint(snippet, { OPENCX_API_URL: api.baseUrl });
    await expect(unset({ locals: { user: { email: "jane@example.com" } } })).rejects.toThrow(
      "OPENCX_API_KEY is not set",
    );
    expect(api.requests).toHaveLength(before);
  });
});
