/**
 * The starter projects, example by example: which files each stack and model gets, that the
 * widget, page and server files are the snippet generators' files byte for byte, the sandbox
 * settings, the README's three commands and link, the pinned manifests, the link checks and
 * that no secret reaches a file.
 */
import { describe, expect, it } from "vitest";
import { defaultConfig, IDENTITY_MODELS, type PlaygroundConfig } from "../config/options";
import { WIDGET_MAJORS, WIDGET_PINS, type WidgetMajor } from "../config/versions";
import { SANDBOX_API_KEY } from "../sandbox/settings";
import { fakeJwt, fakeKey } from "../secrets/test-support/fake-keys";
import { generateExpressSnippet } from "../snippets/server-snippets";
import { generateHtmlSnippet } from "../snippets/html-snippet";
import { generateNextjsSnippet, nextRouteFile } from "../snippets/nextjs-snippet";
import { loadFixtureConfigs } from "../snippets/test-support/fixtures";
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

function config(model: PlaygroundConfig["model"], major: WidgetMajor = "v5"): PlaygroundConfig {
  return { ...defaultConfig(), model, widgetVersion: major };
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
    "%s, %s: exactly the expected files, sorted by path",
    (model, major) => {
      const verified = model === "server";
      const c = config(model as PlaygroundConfig["model"], major as WidgetMajor);
      const expected: Record<StarterStack, string[]> = {
        nextjs: sorted([...NEXT_BASE, ...(verified ? NEXT_VERIFIED : [])]),
        express: sorted([...EXPRESS_BASE, ...(verified ? EXPRESS_VERIFIED : [])]),
      };
      for (const stack of STARTER_STACKS) {
        expect(starterFiles(c, stack, { playgroundUrl: LINK }).map((f) => f.path)).toEqual(
          expected[stack],
        );
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
