/**
 * The starter projects, example by example: which files each stack and model gets, that the
 * widget, page and server files are the snippet generators' files byte for byte, the sandbox
 * settings, the README's three commands and link, the pinned manifests, the link checks and
 * that no secret reaches a file.
 */
import vm from "node:vm";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  defaultConfig,
  IDENTITY_MODELS,
  LOADING_MODES,
  type LoadingMode,
  type PlaygroundConfig,
} from "../config/options";
import { WIDGET_MAJORS, WIDGET_PINS, type WidgetMajor } from "../config/versions";
import { SANDBOX_API_KEY } from "../sandbox/settings";
import { fakeJwt, fakeKey } from "../secrets/test-support/fake-keys";
import { generateExpressSnippet } from "../snippets/server-snippets";
import { CONSENT_FUNCTION, generateHtmlSnippet } from "../snippets/html-snippet";
import { generateNextjsSnippet, nextRouteFile } from "../snippets/nextjs-snippet";
import { embedPage, flush } from "../snippets/test-support/embed-page";
import { loadFixtureConfigs } from "../snippets/test-support/fixtures";
import { parseHtml } from "../snippets/test-support/html";
import { fakeBrowser } from "../snippets/test-support/run-snippet";
import { playgroundLink } from "./common";
import { parseEnvFile } from "./test-support/env";
import {
  SANDBOX_ENV_FILES,
  STARTER_STACKS,
  starterFiles,
  type StarterFile,
  type StarterStack,
} from "./index";

const LINK = "https://playground.example.test/?tab=nextjs&s=abc";

function config(
  model: PlaygroundConfig["model"],
  major: WidgetMajor = "v5",
  loading: LoadingMode = "page-load",
): PlaygroundConfig {
  return { ...defaultConfig(), model, widgetVersion: major, loading };
}

function files(c: PlaygroundConfig, stack: StarterStack, url = LINK): Map<string, string> {
  return new Map(starterFiles(c, stack, { playgroundUrl: url }).map((f) => [f.path, f.contents]));
}

function file(map: Map<string, string>, path: string): string {
  const contents = map.get(path);
  if (contents === undefined) throw new Error(`no ${path} in ${[...map.keys()].join(", ")}`);
  return contents;
}

const NEXT_BASE = [
  ".gitignore",
  "README.md",
  "app/icon.svg",
  "app/layout.tsx",
  "app/page.tsx",
  "components/support-widget.tsx",
  "next.config.mjs",
  "package.json",
  "tsconfig.json",
];
const NEXT_VERIFIED = [
  ".env.development",
  "app/api/opencx/contact-token/route.ts",
  "app/demo/sign-in/route.ts",
  "app/demo/sign-out/route.ts",
  "components/demo-submit-button.tsx",
  "lib/session.ts",
];
/** Consent mode only: the demo consent banner around `<SupportWidget>`. */
const NEXT_CONSENT = "components/demo-consent.tsx";
const EXPRESS_BASE = [".gitignore", "README.md", "package.json", "public/index.html", "server.mjs"];
const EXPRESS_VERIFIED = [
  ".env.example",
  "server/demo-session.mjs",
  "server/opencx-contact-token.mjs",
  "server/opencx-routes.mjs",
];
const sorted = (paths: string[]) => [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe("the file map", () => {
  it.each(WIDGET_MAJORS.flatMap((major) => IDENTITY_MODELS.map((model) => [model, major])))(
    "%s, %s: exactly the expected files, sorted by path, in every loading mode",
    (model, major) => {
      const verified = model === "server";
      for (const loading of LOADING_MODES) {
        const c = config(model as PlaygroundConfig["model"], major as WidgetMajor, loading);
        const expected: Record<StarterStack, string[]> = {
          nextjs: sorted([
            ...NEXT_BASE,
            ...(verified ? NEXT_VERIFIED : []),
            ...(loading === "consent" ? [NEXT_CONSENT] : []),
          ]),
          express: sorted([...EXPRESS_BASE, ...(verified ? EXPRESS_VERIFIED : [])]),
        };
        for (const stack of STARTER_STACKS) {
          expect(
            starterFiles(c, stack, { playgroundUrl: LINK }).map((f) => f.path),
            `${stack}, ${loading}`,
          ).toEqual(expected[stack]);
        }
      }
    },
  );

  it("is the same for the same arguments, and does not change the config it is given", () => {
    const c = loadFixtureConfigs().find((f) => f.name === "verified-full")!.config;
    const before = structuredClone(c);
    for (const stack of STARTER_STACKS) {
      const a = starterFiles(c, stack, { playgroundUrl: LINK });
      const b = starterFiles(structuredClone(c), stack, { playgroundUrl: LINK });
      expect(a).toEqual(b);
    }
    expect(c).toEqual(before);
  });
});

describe("files made by the snippet generators, unchanged", () => {
  const fixtures = loadFixtureConfigs();
  it.each(fixtures.map((f) => [f.name, f.config] as const))("%s", (_, c) => {
    for (const major of WIDGET_MAJORS) {
      const cfg = { ...c, widgetVersion: major };
      const next = files(cfg, "nextjs");
      const component = generateNextjsSnippet(cfg).files[0]!;
      expect(component.path).toBe("components/support-widget.tsx");
      expect(file(next, component.path)).toBe(component.code);

      const express = files(cfg, "express");
      const html = generateHtmlSnippet(cfg).files[0]!.code;
      expect(file(express, "public/index.html")).toContain(`\n${html}`);
      if (cfg.model === "server") {
        for (const f of generateExpressSnippet(cfg).files)
          expect(file(express, f.path)).toBe(f.code);
      }
    }
  });

  it("the Next.js route is the route snippet with getSignedInUser() imported from the demo session", () => {
    const c = config("server");
    const snippet = nextRouteFile(c).code;
    const route = file(files(c, "nextjs"), "app/api/opencx/contact-token/route.ts");
    // The snippet's placeholder: from its interface to the blank line after the TODO function.
    const start = snippet.indexOf("interface SignedInUser {");
    const end = snippet.indexOf("/**\n * Calls POST");
    expect(start).toBeGreaterThan(0);
    expect(snippet.slice(start, end)).toContain("TODO");
    const withoutPlaceholder = snippet.slice(0, start) + snippet.slice(end);
    const importLine = "import { getSignedInUser } from '@/lib/session';\n\n";
    expect(route).toContain(importLine);
    expect(route.replace(importLine, "")).toBe(withoutPlaceholder);
    expect(route).not.toContain("TODO");
  });
});

describe("the demo sign-in and the mount", () => {
  it("Next.js v5 verified: the layout passes the signed-in email as userId; v4 keys the widget by it", () => {
    expect(file(files(config("server", "v5"), "nextjs"), "app/layout.tsx")).toContain(
      "<SupportWidget userId={user?.email ?? null} />",
    );
    expect(file(files(config("server", "v4"), "nextjs"), "app/layout.tsx")).toContain(
      "<SupportWidget key={user?.email ?? 'signed-out'} />",
    );
    expect(file(files(config("anonymous"), "nextjs"), "app/layout.tsx")).toContain(
      "<SupportWidget />",
    );
  });

  it("is labelled a demo wherever it lives", () => {
    const next = files(config("server"), "nextjs");
    for (const path of [
      "lib/session.ts",
      "app/demo/sign-in/route.ts",
      "app/demo/sign-out/route.ts",
    ])
      expect(file(next, path)).toMatch(/^\/\/ DEMO ONLY/);
    expect(file(next, "app/page.tsx")).toContain("<strong>Demo only:</strong>");
    const express = files(config("server"), "express");
    expect(file(express, "server/demo-session.mjs")).toMatch(/^\/\/ DEMO ONLY/);
    expect(file(express, "server.mjs")).toContain("// DEMO ONLY");
    expect(file(express, "public/index.html")).toContain("<strong>Demo only:</strong>");
  });

  it("the Express page clears the widget's keys on sign-in and sign-out, after the snippet defines the function", () => {
    const page = file(files(config("server"), "express"), "public/index.html");
    const defined = page.indexOf("function clearOpenCxWidgetStorage()");
    const called = page.indexOf("clearOpenCxWidgetStorage();", defined + 1);
    expect(defined).toBeGreaterThan(0);
    expect(called).toBeGreaterThan(defined);
    expect(page).toContain("['demo-sign-in-form', 'demo-sign-out-form']");
    expect(page).toContain('id="demo-sign-in-form"');
    expect(page).toContain('id="demo-sign-out-form"');
  });

  it("the Express server mounts the router after the demo session", () => {
    const server = file(files(config("server"), "express"), "server.mjs");
    expect(server.indexOf("app.use(demoSession);")).toBeGreaterThan(0);
    expect(server.indexOf("app.use(opencxRouter);")).toBeGreaterThan(
      server.indexOf("app.use(demoSession);"),
    );
  });
});

describe("settings, manifest and README", () => {
  it("the settings file points at the playground's sandbox with its public demo key (verified only)", () => {
    expect(SANDBOX_ENV_FILES).toEqual({ nextjs: ".env.development", express: ".env.example" });
    for (const stack of STARTER_STACKS) {
      const envFile = SANDBOX_ENV_FILES[stack];
      const env = parseEnvFile(file(files(config("server"), stack), envFile));
      expect(env).toEqual({
        OPENCX_API_URL: "https://playground.example.test/api",
        OPENCX_API_KEY: SANDBOX_API_KEY,
      });
      expect(files(config("anonymous"), stack).has(envFile)).toBe(false);
    }
  });

  it("the sandbox URL keeps the port of the playground's origin", () => {
    const env = file(
      files(config("server"), "express", "http://127.0.0.1:3000/?s=x"),
      ".env.example",
    );
    expect(parseEnvFile(env).OPENCX_API_URL).toBe("http://127.0.0.1:3000/api");
  });

  it.each(WIDGET_MAJORS)(
    "%s: package.json pins every version exactly, the widget at the snippets' pin",
    (major) => {
      for (const model of IDENTITY_MODELS) {
        for (const stack of STARTER_STACKS) {
          const manifest = JSON.parse(file(files(config(model, major), stack), "package.json")) as {
            scripts: Record<string, string>;
            dependencies: Record<string, string>;
            devDependencies?: Record<string, string>;
          };
          const all = { ...manifest.dependencies, ...manifest.devDependencies };
          for (const version of Object.values(all)) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
          if (stack === "nextjs") expect(all["@opencx/widget-react"]).toBe(WIDGET_PINS[major]);
          else expect(Object.keys(all)).toEqual(["express"]);
          // Only the verified model has settings to read in development: Express passes them
          // to Node; `next dev` reads .env.development itself (Node 20 refuses the flag in the
          // NODE_OPTIONS next dev gives its server process).
          expect(manifest.scripts.dev).toBe(
            stack === "nextjs"
              ? "next dev"
              : model === "server"
                ? "node --env-file=.env.example server.mjs"
                : "node server.mjs",
          );
          expect(manifest.scripts.start).not.toContain("env-file");
        }
      }
    },
  );

  it("the README has exactly three commands, the link back, and the production settings", () => {
    for (const stack of STARTER_STACKS) {
      for (const model of IDENTITY_MODELS) {
        const readme = file(files(config(model), stack), "README.md");
        const block = /```sh\n([^`]*)```/.exec(readme)?.[1] ?? "";
        expect(block.trimEnd().split("\n")).toEqual([
          "npm install",
          "npm run dev",
          "open http://localhost:3000   # macOS; on Linux xdg-open, on Windows start",
        ]);
        expect(readme.match(/```sh/g)).toHaveLength(1);
        expect(readme).toContain(`<${LINK}>`);
        if (model === "server") {
          expect(readme).toContain("`OPENCX_API_URL=https://api.open.cx`");
          expect(readme).toContain("`OPENCX_API_KEY` to your organisation's API key");
        } else expect(readme).not.toContain("OPENCX_API_KEY");
        expect(readme).not.toContain(SANDBOX_API_KEY);
      }
    }
  });
  it("warns when the options still carry the placeholder widget token, and only then", () => {
    for (const stack of STARTER_STACKS) {
      const without = file(files(config("anonymous"), stack), "README.md");
      expect(without).toContain("This configuration has no widget token yet");
      const withToken = { ...config("anonymous"), widgetToken: "wt_3f9a2c7e" };
      expect(file(files(withToken, stack), "README.md")).not.toContain("no widget token yet");
    }
  });
});

describe("the playground link", () => {
  it("is printed normalised, so it fits a Markdown autolink", () => {
    const readme = file(
      files(config("anonymous"), "nextjs", 'https://Play.Example.test/a b?s=<x>"y`#frag ment'),
      "README.md",
    );
    expect(readme).toContain("<https://play.example.test/a%20b?s=%3Cx%3E%22y`#frag%20ment>");
  });

  it.each([
    ["a relative link", "/?s=abc"],
    ["a javascript: link", "javascript:alert(1)"],
    ["a file: link", "file:///etc/passwd"],
    ["a link with a password", "https://user:pw@playground.example.test/"],
    ["not a URL", "not a url"],
  ])("refuses %s", (_, url) => {
    expect(() => playgroundLink(url)).toThrow(/playground link/);
    expect(() => starterFiles(config("anonymous"), "nextjs", { playgroundUrl: url })).toThrow();
  });
});

describe("no secrets", () => {
  const apiKey = fakeKey("live", "STARTER_SECRET_9d2e41");
  const contactToken = fakeJwt({ alg: "HS256" }, { sub: "starter-secret" }, "starter-signature");

  function everything(c: PlaygroundConfig): StarterFile[] {
    return STARTER_STACKS.flatMap((stack) => starterFiles(c, stack, { playgroundUrl: LINK }));
  }

  it("the org API key and the contact token never reach a file", () => {
    for (const model of IDENTITY_MODELS) {
      for (const f of everything({ ...config(model), apiKey, contactToken })) {
        expect(f.contents, f.path).not.toContain(apiKey);
        expect(f.contents, f.path).not.toContain(contactToken);
      }
    }
  });

  it("nor does a key or token typed into another field", () => {
    const c: PlaygroundConfig = {
      ...config("server"),
      apiKey,
      serverName: apiKey,
      userName: contactToken,
      widgetToken: `prefix ${apiKey}`,
    };
    for (const f of everything(c)) {
      expect(f.contents, f.path).not.toContain(apiKey);
      expect(f.contents, f.path).not.toContain(contactToken);
    }
  });

  it("the sandbox's demo key is in the settings file only", () => {
    for (const stack of STARTER_STACKS) {
      for (const f of starterFiles(config("server"), stack, { playgroundUrl: LINK })) {
        expect(f.contents.includes(SANDBOX_API_KEY), f.path).toBe(
          f.path === SANDBOX_ENV_FILES[stack],
        );
      }
    }
  });
});

describe("loading on consent or on click", () => {
  /** Every model and major, in `loading`. */
  const everyConfig = (loading: LoadingMode) =>
    WIDGET_MAJORS.flatMap((major) => IDENTITY_MODELS.map((model) => config(model, major, loading)));
  const BANNER_OPEN = '<section aria-labelledby="demo-consent" id="demo-consent-banner">';
  const CONSENT_CALL = `${CONSENT_FUNCTION}();`;

  it("the Express page: in consent mode a labelled demo banner in <main>, its script after the snippet", () => {
    for (const c of everyConfig("consent")) {
      const name = `${c.model}, ${c.widgetVersion}`;
      const page = file(files(c, "express"), "public/index.html");
      const snippet = generateHtmlSnippet(c).files[0]!.code.trimEnd();
      const banner = page.indexOf(BANNER_OPEN);
      expect(banner, name).toBeGreaterThan(page.indexOf("<main>"));
      expect(banner, name).toBeLessThan(page.indexOf("</main>"));
      expect(page, name).toContain('<h2 id="demo-consent">Demo consent banner</h2>');
      expect(page, name).toContain("stands in for your consent tool (a cookie banner)");
      expect(page, name).toContain(
        '<button type="button" id="demo-consent-accept">Accept chat</button>',
      );
      // One call of the consent function outside the snippet: in the page's last script, after it.
      const afterSnippet = page.slice(page.indexOf(snippet) + snippet.length);
      expect(page.indexOf(snippet), name).toBeGreaterThan(page.indexOf("</main>"));
      expect(afterSnippet.split(CONSENT_CALL), name).toHaveLength(2);
      expect(page.slice(0, page.indexOf(snippet)), name).not.toContain(CONSENT_FUNCTION);
      const last = parseHtml(page).scripts.at(-1)!;
      expect(last.text, name).toContain(CONSENT_CALL);
      expect(last.text, name).toContain("addEventListener('click', () => {");
    }
    for (const loading of ["page-load", "click"] as const) {
      for (const c of everyConfig(loading)) {
        const page = file(files(c, "express"), "public/index.html");
        expect(page, `${c.model}, ${c.widgetVersion}, ${loading}`).not.toContain("demo-consent");
      }
    }
  });

  /** The page's elements with an `id`, as `getElementById` finds them; `click()` runs the listeners. */
  interface FakeElement {
    removed: boolean;
    listeners: Map<string, (() => void)[]>;
    addEventListener(type: string, listener: () => void): void;
    remove(): void;
    click(): void;
  }

  function fakeElement(): FakeElement {
    return {
      removed: false,
      listeners: new Map(),
      addEventListener(type, listener) {
        this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
      },
      remove() {
        this.removed = true;
      },
      click() {
        for (const listener of this.listeners.get("click") ?? []) listener();
      },
    };
  }

  it.each(
    WIDGET_MAJORS.flatMap((major) =>
      (["anonymous", "collect", "browser"] as const).map((model) => [model, major] as const),
    ),
  )(
    "%s, %s: the Express page loads nothing until Accept chat is pressed, then starts the widget once",
    async (model, major) => {
      const page = file(files(config(model, major, "consent"), "express"), "public/index.html");
      const embed = embedPage(fakeBrowser());
      const elements = new Map(
        [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => [m[1]!, fakeElement()] as const),
      );
      (embed.context.document as Record<string, unknown>).getElementById = (id: string) =>
        elements.get(id) ?? null;
      const scripts = parseHtml(page).scripts;
      expect(scripts.length).toBeGreaterThanOrEqual(2);
      for (const script of scripts) {
        expect(script.src).toBeNull();
        vm.runInContext(script.text, embed.context);
      }
      await flush();
      expect(embed.scripts).toEqual([]);
      expect(embed.initCalls).toEqual([]);
      // Only the button listens, and only for a click.
      const listening = [...elements].flatMap(([id, el]) =>
        [...el.listeners.keys()].map((type) => `${id}:${type}`),
      );
      expect(listening).toEqual(["demo-consent-accept:click"]);
      const banner = elements.get("demo-consent-banner")!;
      expect(banner.removed).toBe(false);

      elements.get("demo-consent-accept")!.click();
      await flush();
      expect(banner.removed).toBe(true);
      expect(embed.scripts).toEqual([
        `https://unpkg.com/@opencx/widget@${WIDGET_PINS[major]}/dist-embed/script.js`,
      ]);
      expect(embed.initCalls).toHaveLength(1);
      expect(embed.errors).toEqual([]);
    },
  );

  it("the Next.js layout renders <DemoConsent> in consent mode, passing what it passed <SupportWidget>", () => {
    const layout = (model: PlaygroundConfig["model"], major: WidgetMajor) =>
      file(files(config(model, major, "consent"), "nextjs"), "app/layout.tsx");
    expect(layout("server", "v5")).toContain("<DemoConsent userId={user?.email ?? null} />");
    expect(layout("server", "v4")).toContain(
      "<DemoConsent widgetKey={user?.email ?? 'signed-out'} />",
    );
    for (const c of everyConfig("consent")) {
      const text = file(files(c, "nextjs"), "app/layout.tsx");
      const name = `${c.model}, ${c.widgetVersion}`;
      expect(text, name).toContain("import { DemoConsent } from '@/components/demo-consent';");
      expect(text, name).not.toContain("import { SupportWidget }");
      expect(text.match(/<DemoConsent[ />]/g), name).toHaveLength(1);
      if (c.model !== "server") expect(text, name).toContain("        <DemoConsent />\n");
    }
    for (const loading of ["page-load", "click"] as const) {
      for (const c of everyConfig(loading))
        expect(file(files(c, "nextjs"), "app/layout.tsx")).not.toContain("DemoConsent");
    }
  });

  it("components/demo-consent.tsx holds the consent state and hands it to <SupportWidget>", () => {
    const widgets = {
      v5: {
        server: "<SupportWidget consented={consented} userId={userId} />",
        other: "<SupportWidget consented={consented} />",
      },
      v4: {
        server: "<SupportWidget key={widgetKey} consented={consented} />",
        other: "<SupportWidget consented={consented} />",
      },
    };
    for (const c of everyConfig("consent")) {
      const text = file(files(c, "nextjs"), NEXT_CONSENT);
      const name = `${c.model}, ${c.widgetVersion}`;
      expect(text, name).toMatch(/^'use client';\n/);
      expect(text, name).toContain("// DEMO ONLY");
      expect(text, name).toContain("import { SupportWidget } from './support-widget';");
      expect(text, name).toContain("const [consented, setConsented] = useState(false);");
      expect(text, name).toContain('<h2 id="demo-consent">Demo consent banner</h2>');
      expect(text, name).toContain(
        "stands in for your consent tool (a cookie\n            banner)",
      );
      expect(text, name).toContain(
        widgets[c.widgetVersion][c.model === "server" ? "server" : "other"],
      );
      expect(text.match(/^ +<SupportWidget /gm), name).toHaveLength(1);
    }
  });

  /** A marker for the components `demo-consent.tsx` renders. */
  const SUPPORT_WIDGET = { name: "SupportWidget" };
  const FRAGMENT = { name: "Fragment" };
  interface Rendered {
    type: unknown;
    props: Record<string, unknown>;
    key: string | null;
  }

  /** The elements of a rendered tree, depth first (false and null render nothing). */
  function elementsOf(node: unknown): Rendered[] {
    if (Array.isArray(node)) return node.flatMap(elementsOf);
    if (node === null || typeof node !== "object") return [];
    const element = node as Rendered;
    return [element, ...elementsOf(element.props.children)];
  }

  /** Runs `DemoConsent` with a one-component hooks runtime: each call renders with the state so far. */
  function demoConsent(tsx: string): (props: Record<string, unknown>) => Rendered[] {
    const { outputText } = ts.transpileModule(tsx, {
      fileName: "demo-consent.tsx",
      compilerOptions: {
        jsx: ts.JsxEmit.ReactJSX,
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
      },
    });
    const state: unknown[] = [];
    let cursor = 0;
    const jsx = (type: unknown, props: Record<string, unknown>, key?: string) => ({
      type,
      props,
      key: key ?? null,
    });
    const modules: Record<string, unknown> = {
      react: {
        useState: (initial: unknown) => {
          const index = cursor++;
          if (!(index in state)) state[index] = initial;
          return [state[index], (value: unknown) => (state[index] = value)];
        },
      },
      "react/jsx-runtime": { jsx, jsxs: jsx, Fragment: FRAGMENT },
      "./support-widget": { SupportWidget: SUPPORT_WIDGET },
    };
    const exports: Record<string, unknown> = {};
    new Function("exports", "require", outputText)(exports, (name: string) => {
      if (!(name in modules)) throw new Error(`demo-consent.tsx imports ${name}`);
      return modules[name];
    });
    const component = exports.DemoConsent as (props: Record<string, unknown>) => unknown;
    return (props) => {
      cursor = 0;
      return elementsOf(component(props));
    };
  }

  it.each(
    WIDGET_MAJORS.flatMap((major) =>
      (["server", "anonymous"] as const).map((model) => [model, major] as const),
    ),
  )(
    "%s, %s: DemoConsent shows the banner and an unconsented widget, then after Accept chat only the consented widget",
    (model, major) => {
      const render = demoConsent(
        file(files(config(model, major, "consent"), "nextjs"), NEXT_CONSENT),
      );
      const passed =
        model !== "server"
          ? {}
          : major === "v5"
            ? { userId: "ada@example.com" }
            : { widgetKey: "ada@example.com" };
      const widgetOf = (tree: Rendered[]) => tree.filter((e) => e.type === SUPPORT_WIDGET);

      const before = render(passed);
      const buttons = before.filter((e) => e.type === "button");
      expect(buttons).toHaveLength(1);
      expect(buttons[0]!.props.children).toBe("Accept chat");
      expect(before.some((e) => e.type === "section")).toBe(true);
      expect(widgetOf(before).map((e) => e.props)).toEqual([
        { consented: false, ...(major === "v5" && model === "server" ? passed : {}) },
      ]);

      (buttons[0]!.props.onClick as () => void)();
      const after = render(passed);
      expect(after.some((e) => e.type === "section" || e.type === "button")).toBe(false);
      const [widget, ...more] = widgetOf(after);
      expect(more).toEqual([]);
      expect(widget!.props).toEqual({
        consented: true,
        ...(major === "v5" && model === "server" ? passed : {}),
      });
      // v4 verified: keyed by the user inside the banner, so the consent survives a user switch.
      expect(widget!.key).toBe(major === "v4" && model === "server" ? "ada@example.com" : null);
    },
  );

  it("the README says how the widget loads: the consent demo and what replaces it, or the launcher", () => {
    const CONSENT_SENTENCE =
      "The page has a DEMO consent banner standing in for your consent tool (a cookie banner): the widget loads once you press Accept chat. In production ";
    const CLICK_SENTENCE = "The widget loads when the visitor presses the launcher";
    for (const loading of LOADING_MODES) {
      for (const c of everyConfig(loading)) {
        const name = `${c.model}, ${c.widgetVersion}, ${loading}`;
        const express = file(files(c, "express"), "README.md");
        const next = file(files(c, "nextjs"), "README.md");
        for (const readme of [express, next]) {
          expect(readme.includes(CONSENT_SENTENCE), name).toBe(loading === "consent");
          expect(readme.includes(CLICK_SENTENCE), name).toBe(loading === "click");
          // Before the file table, after the run sentence.
          if (loading !== "page-load") {
            const at = readme.indexOf(loading === "consent" ? CONSENT_SENTENCE : CLICK_SENTENCE);
            expect(at, name).toBeGreaterThan(readme.indexOf("## Run it"));
            expect(at, name).toBeLessThan(readme.indexOf("## What is where"));
          }
        }
        expect(
          express.includes(`call \`${CONSENT_FUNCTION}()\` from your consent tool's callback`),
          name,
        ).toBe(loading === "consent");
        expect(
          express.includes("the DEMO consent banner and its script: replace them |"),
          name,
        ).toBe(loading === "consent");
        expect(
          next.includes("pass `consented` to `<SupportWidget>` from your consent state"),
          name,
        ).toBe(loading === "consent");
        expect(next.includes(`| \`${NEXT_CONSENT}\` | the DEMO consent banner`), name).toBe(
          loading === "consent",
        );
      }
    }
  });
});
