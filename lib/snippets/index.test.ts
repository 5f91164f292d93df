import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configArbitrary, propertyRuns } from "../config/arbitraries";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { WIDGET_MAJORS, WIDGET_PINS } from "../config/versions";
import {
  applicableTargets,
  CLIENT_TARGETS,
  CONTACT_TOKEN_ENDPOINT,
  generateSnippet,
  generateSnippets,
  SERVER_TARGETS,
  SNIPPET_TARGET_LABELS,
  SNIPPET_TARGETS,
  type SnippetTarget,
} from "./index";
import { connectionSwitchesNote, languageNote, mcpAccessNote } from "./model";
import ts from "typescript";
import { loadFixtureCases } from "./test-support/fixtures";
import { parseSource } from "./test-support/literal-eval";
import { generatedInlineScript } from "./test-support/snippet-checks";

const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  ...over,
});
const v4 = (config: PlaygroundConfig): PlaygroundConfig => ({ ...config, widgetVersion: "v4" });
const verified = make({ model: "server", serverEmail: "jane@example.com", externalId: "ws_1" });
/** v5's personal connections: a token minted with mcp_access, and the two widget switches. */
const connections = make({
  model: "server",
  serverEmail: "jane@example.com",
  personalConnections: true,
  streaming: true,
  capabilitiesConnections: true,
});
const fixtures = loadFixtureCases();
const allSnippets = fixtures.flatMap(({ config }) => generateSnippets(config));
const codeOf = (target: SnippetTarget, config: PlaygroundConfig) =>
  generateSnippet(target, config)
    .files.map((f) => f.code)
    .join("\n");
const FRONT_END = ["html", "react", "nextjs", "svelte", "sveltekit"] as const;
/** The page part of a front-end snippet (Next.js's route handler is server code). */
const pageCodeOf = (target: SnippetTarget, config: PlaygroundConfig) =>
  generateSnippet(target, config).files[0]!.code;

describe("generateSnippets", () => {
  it("offers the client targets for every model and the server targets only for the verified model", () => {
    for (const model of ["anonymous", "collect", "browser"] as const) {
      expect(generateSnippets(make({ model })).map((s) => s.target)).toEqual([...CLIENT_TARGETS]);
    }
    expect(generateSnippets(verified).map((s) => s.target)).toEqual([...SNIPPET_TARGETS]);
    expect(applicableTargets(verified)).toEqual([...CLIENT_TARGETS, ...SERVER_TARGETS]);
  });

  it("labels every snippet with its target's tab label", () => {
    for (const snippet of generateSnippets(verified)) {
      expect(snippet.label).toBe(SNIPPET_TARGET_LABELS[snippet.target]);
      expect(generateSnippet(snippet.target, verified)).toEqual(snippet);
    }
    expect(Object.keys(SNIPPET_TARGET_LABELS)).toEqual([...SNIPPET_TARGETS]);
  });

  it("gives Next.js a route handler only in the verified model", () => {
    expect(generateSnippet("nextjs", make({})).files.map((f) => f.path)).toEqual([
      "components/support-widget.tsx",
    ]);
    expect(generateSnippet("nextjs", verified).files.map((f) => f.path)).toEqual([
      "components/support-widget.tsx",
      `app${CONTACT_TOKEN_ENDPOINT}/route.ts`,
    ]);
  });
});

describe("every snippet", () => {
  it("says which widget major it targets and its exact pin", () => {
    expect(new Set(fixtures.map((f) => f.config.widgetVersion))).toEqual(new Set(WIDGET_MAJORS));
    for (const { config } of fixtures) {
      const major = config.widgetVersion;
      for (const snippet of generateSnippets(config)) {
        for (const file of snippet.files) {
          expect(file.code, `${major} ${snippet.target} ${file.path}`).toContain(
            `widget ${major} (pinned to ${WIDGET_PINS[major]})`,
          );
        }
      }
    }
  });

  it("pins every OpenCX package to its major's exact version: never @latest, never a range", () => {
    const pinned = (config: PlaygroundConfig) => {
      const pin = WIDGET_PINS[config.widgetVersion];
      for (const snippet of generateSnippets(config)) {
        const text = [snippet.install ?? "", ...snippet.files.map((f) => f.code)].join("\n");
        expect(text).not.toMatch(/@latest|@opencx\/[a-z-]+@[\^~><=*x]/);
        const found = [...text.matchAll(/@opencx\/[a-z-]+@([0-9][^\s/'"`]*)/g)];
        if (CLIENT_TARGETS.includes(snippet.target)) expect(found.length).toBeGreaterThan(0);
        for (const match of found) expect(match[1], match[0]).toBe(pin);
      }
    };
    for (const { config } of fixtures) pinned(config);
    fc.assert(fc.property(configArbitrary(), pinned), { numRuns: propertyRuns(200) });
  });

  it("pins the embed script and the React package to the same version, per major", () => {
    for (const major of WIDGET_MAJORS) {
      const config = make({ widgetVersion: major });
      const html = codeOf("html", config);
      const url = `https://unpkg.com/@opencx/widget@${WIDGET_PINS[major]}/dist-embed/script.js`;
      expect(html).toContain(
        major === "v5" ? `<script defer src="${url}"></script>` : `<script src="${url}"></script>`,
      );
      for (const target of ["react", "nextjs"] as const) {
        expect(generateSnippet(target, config).install).toBe(
          `npm install --save-exact @opencx/widget-react@${WIDGET_PINS[major]}`,
        );
      }
    }
  });

  it("v5 HTML: the deferred script, then window.initOpenScript(options) from DOMContentLoaded", () => {
    for (const config of [make({}), make({ model: "browser" })]) {
      const html = codeOf("html", config);
      const script = html.indexOf("<script defer src=");
      const listener = html.indexOf("window.addEventListener('DOMContentLoaded'");
      const call = html.indexOf("window.initOpenScript(options);");
      expect(script).toBeGreaterThan(-1);
      expect(listener).toBeGreaterThan(script);
      expect(call).toBeGreaterThan(listener);
    }
    // Verified: the listener starts the widget through the one function that calls it.
    for (const config of [verified, connections]) {
      const html = codeOf("html", config);
      expect(html).toContain("window.addEventListener('DOMContentLoaded', startOpenCxWidget);");
      expect(html).toMatch(
        /function showOpenCxWidget\(contactToken\) \{\n(?: {4}.*\n)+ {4}window\.initOpenScript\(options\);\n {2}\}/,
      );
      expect(html).toMatch(
        /async function startOpenCxWidget\(\) \{[^}]*showOpenCxWidget\(contactToken\);/,
      );
    }
    for (const config of [make({}), verified, connections]) {
      const html = codeOf("html", config);
      expect(html.match(/initOpenScript\(/g)).toHaveLength(1);
      expect(html).not.toMatch(/[^.]initOpenScript\(/);
    }
    // v4: the call it documents, once, with no window prefix.
    expect(codeOf("html", v4(make({})))).toMatch(/\n {4}initOpenScript\(options\);/);
    expect(codeOf("html", v4(make({})))).not.toContain("window.initOpenScript");
  });

  it("HTML: the page's own top-level names are named for OpenCX, so they do not clash with the host page's", () => {
    for (const { config } of fixtures) {
      const script = generatedInlineScript(codeOf("html", config));
      const names = parseSource(script, "inline.js").statements.flatMap((statement) =>
        ts.isFunctionDeclaration(statement)
          ? [statement.name!.text]
          : ts.isVariableStatement(statement)
            ? statement.declarationList.declarations.map((d) => (d.name as ts.Identifier).text)
            : [],
      );
      expect(names).toContain("clearOpenCxWidgetStorage");
      expect(names).toContain("restartOpenCxWidget");
      // `options` is the documented embed shape (domain.md §10.1).
      for (const name of names) expect(name, config.model).toMatch(/OpenCx|^options$/);
    }
  });

  it("never presents the HTML embed and the React widget as something to combine", () => {
    for (const { config } of fixtures) {
      for (const target of FRONT_END) {
        for (const line of codeOf(target, config).split("\n")) {
          const comment = /^\s*(\/\/|<!--)/.test(line);
          const other = target === "html" ? /React/ : /HTML/;
          if (comment && other.test(line)) expect(line).toMatch(/never both|not beside/);
        }
      }
    }
  });

  it("ends with exactly one newline and has no trailing spaces or tabs, nor two blank lines in a row", () => {
    for (const snippet of allSnippets) {
      for (const file of snippet.files) {
        expect(file.code.endsWith("\n") && !file.code.endsWith("\n\n"), file.path).toBe(true);
        expect(file.code, file.path).not.toMatch(/[ \t]$/m);
        // Python keeps PEP 8's two blank lines between definitions.
        if (file.language !== "python") expect(file.code, file.path).not.toMatch(/\n\n\n/);
      }
    }
  });

  it("keeps the org API key and the authenticate-user call out of browser code", () => {
    for (const snippet of allSnippets.filter((s) => CLIENT_TARGETS.includes(s.target))) {
      // Next.js's route.ts, Nuxt's server/ route and SvelteKit's +server.ts are the server half.
      const browserFiles = snippet.files.filter(
        (f) => !/(route|\+server)\.ts$/.test(f.path) && !f.path.startsWith("server/"),
      );
      for (const file of browserFiles) {
        expect(file.code).not.toMatch(/OPENCX_API_KEY|authenticate-user|apiKey|mcp_access:/);
      }
    }
  });

  it("never contains a fixture's sensitive values", () => {
    for (const { config } of fixtures) {
      for (const snippet of generateSnippets(config)) {
        for (const file of snippet.files) {
          if (config.apiKey) expect(file.code).not.toContain(config.apiKey);
          if (config.contactToken) expect(file.code).not.toContain(config.contactToken);
        }
      }
    }
  });
});

describe("per major", () => {
  it("a v4 snippet never carries a v5-only key, whatever the config says", () => {
    fc.assert(
      fc.property(configArbitrary(), (config) => {
        const on = {
          ...config,
          widgetVersion: "v4" as const,
          streaming: true,
          capabilitiesConnections: true,
          personalConnections: true,
        };
        for (const snippet of generateSnippets(on)) {
          for (const file of snippet.files) {
            expect(file.code).not.toMatch(/streaming|capabilities|mcp_access|errorComponent/);
          }
        }
      }),
      { numRuns: propertyRuns(200) },
    );
  });

  it("a v5 snippet never keys anything by a token; only a non-verified page keys <SupportWidget>", () => {
    fc.assert(
      fc.property(configArbitrary(), (config) => {
        const v5 = { ...config, widgetVersion: "v5" as const };
        for (const snippet of generateSnippets(v5)) {
          for (const file of snippet.files) {
            expect(file.code).not.toMatch(/key=\{[^}]*token/i);
            const keys = file.code.match(/<\w+ key=\{[^}]*\}/g) ?? [];
            expect(keys).toEqual(
              v5.model === "server" || !file.path.endsWith(".tsx")
                ? []
                : [`<SupportWidget key={${v5.model === "browser" ? "userId" : "visit"}}`],
            );
          }
        }
      }),
      { numRuns: propertyRuns(200) },
    );
  });

  it("v5 prints streaming and capabilities from toWidgetConfig, only when switched on", () => {
    const on = make({ streaming: true, capabilitiesConnections: true });
    for (const target of FRONT_END) {
      expect(codeOf(target, on)).toContain("streaming: true");
      expect(codeOf(target, on)).toContain("capabilities: { connections: true }");
      expect(codeOf(target, make({}))).not.toMatch(/streaming|capabilities/);
    }
  });
});

describe("the verified model", () => {
  it("has the page and the components fetch the token from the endpoint the server snippets implement", () => {
    for (const config of [verified, v4(verified), connections]) {
      for (const target of FRONT_END) {
        const code = pageCodeOf(target, config);
        expect(code).toContain(`fetch('${CONTACT_TOKEN_ENDPOINT}'`);
        expect(code).toContain("credentials: 'same-origin'");
        expect(code).toContain("token: contactToken");
      }
    }
    expect(generateSnippet("express", verified).files.at(-1)!.code).toContain(
      `opencxRouter.post('${CONTACT_TOKEN_ENDPOINT}'`,
    );
    expect(generateSnippet("flask", verified).files.at(-1)!.code).toContain(
      `@opencx_routes.post("${CONTACT_TOKEN_ENDPOINT}")`,
    );
    for (const target of ["nextjs", "nextjs-route"] as const) {
      const route = generateSnippet(target, verified).files.at(-1)!;
      expect(route.path).toBe(`app${CONTACT_TOKEN_ENDPOINT}/route.ts`);
      expect(route.code).toContain("\nexport async function POST() {\n");
    }
  });

  it("answers 401 without a signed-in user and returns only { token }", () => {
    for (const config of [verified, connections]) {
      for (const target of ["express", "nextjs", "nextjs-route"] as const) {
        const code = generateSnippet(target, config).files.at(-1)!.code;
        expect(code).toContain("401");
        expect(code).toMatch(/json\(\{ token \}/);
        expect(code).toContain("getSignedInUser(");
        expect(code).toContain("await getContactToken(user.email);");
      }
      const flask = generateSnippet("flask", config).files.at(-1)!.code;
      expect(flask).toContain('        return jsonify(error="Not signed in"), 401\n');
      expect(flask).toContain("    response = jsonify(token=get_contact_token(email))\n");
      expect(flask).toContain("    email = get_signed_in_email()\n");
    }
  });

  it("v4: the page remounts <SupportWidget> with a key of the user, never the token; <Widget> has no key", () => {
    for (const target of ["react", "nextjs"] as const) {
      for (const config of [v4(verified), v4(make({ model: "browser" }))]) {
        const code = codeOf(target, config);
        expect(code).toContain("<Widget options={options} />");
        expect(code).toContain("// Render <SupportWidget key={userId} /> once,");
        expect(code.match(/key=\{[^}]*\}/g)).toEqual(["key={userId}"]);
      }
      for (const model of ["anonymous", "collect"] as const) {
        expect(codeOf(target, v4(make({ model })))).toContain(
          "// Render <SupportWidget key={visit} /> once,",
        );
      }
    }
  });

  it("v5 verified: <SupportWidget> takes the user's id and refetches when it changes", () => {
    for (const target of ["react", "nextjs"] as const) {
      for (const config of [verified, connections]) {
        const code = codeOf(target, config);
        expect(code).toContain("export function SupportWidget({ userId }: SupportWidgetProps) {");
        expect(code).toContain("  }, [userId]);");
        expect(code).toContain("// Render <SupportWidget userId={userId} /> once,");
      }
      // Every other page takes no props.
      for (const config of [v4(verified), make({ model: "browser" })]) {
        expect(codeOf(target, config)).toContain("export function SupportWidget() {");
      }
    }
  });

  it("v5 keeps one widget mounted, with errorComponent, in every model", () => {
    for (const target of ["react", "nextjs"] as const) {
      for (const config of [verified, connections, make({}), make({ model: "collect" })]) {
        const code = codeOf(target, config);
        expect(code).toContain("<Widget options={options} errorComponent={renderWidgetError} />");
        expect(code).toContain("function renderWidgetError(error: Error)");
      }
    }
  });

  it("v5 with mcp_access renews the token before the hour and when the tab is shown again", () => {
    for (const target of FRONT_END) {
      const code = pageCodeOf(target, connections);
      expect(code, target).toContain("const RENEW_AT_FRACTION = 0.8;");
      expect(code, target).toContain("const ASSUMED_LIFETIME_MS = 60 * 60 * 1000;");
      expect(code, target).toContain("const RETRY_AFTER_MS = 60 * 1000;");
      expect(code, target).toContain("function keepOpenCxTokenFresh(token");
      expect(code, target).toContain("'visibilitychange'");
      expect(code, target).toContain(
        "document.visibilityState === 'visible' && Date.now() >= dueAt",
      );
      expect(code, target).toContain("expires after one hour");
      expect(code, target).not.toContain("setInterval");
    }
    // HTML: the renewed token goes through the one initOpenScript call, to the same widget.
    const html = pageCodeOf("html", connections);
    expect(html.match(/window\.initOpenScript\(options\)/g)).toHaveLength(1);
    expect(html).toContain(
      "stopOpenCxTokenRenewal = keepOpenCxTokenFresh(contactToken, showOpenCxWidget);",
    );
    // React: through state, into the options of the one <Widget>, stopped on cleanup.
    const react = pageCodeOf("react", connections);
    expect(react).toContain("stopRenewal = keepOpenCxTokenFresh(token, setContactToken);");
    expect(react).toMatch(/return \(\) => \{\n {6}cancelled = true;\n {6}stopRenewal\(\);/);
  });

  it("chat-only tokens, v4 and the non-verified models get no renewal code", () => {
    for (const config of [verified, v4(connections), make({}), make({ model: "browser" })]) {
      for (const target of FRONT_END) {
        const code = codeOf(target, config);
        expect(code).not.toMatch(/visibilitychange|setTimeout|setInterval|keepOpenCxTokenFresh/);
      }
    }
  });

  it("every client snippet, in every model and version, defines the sign-out helper", () => {
    for (const { config } of fixtures) {
      expect(pageCodeOf("html", config).split("\n")).toContain(
        "  function clearOpenCxWidgetStorage() {",
      );
      for (const target of ["react", "nextjs"] as const) {
        expect(pageCodeOf(target, config).split("\n")).toContain(
          "export function clearOpenCxWidgetStorage() {",
        );
      }
    }
  });

  it("documents mcp_access in every server snippet that sends it, and only there", () => {
    expect(mcpAccessNote(verified)).toEqual([]);
    expect(mcpAccessNote(v4(connections))).toEqual([]);
    const note = mcpAccessNote(connections).join(" ");
    expect(note).toContain("chat-only token that does not expire");
    expect(note).toContain("{} allows every per-user");
    expect(note).toContain("([] none)");
    expect(note).toContain("account_id");
    expect(note).toContain("never from the browser");
    for (const target of SERVER_TARGETS) {
      const code = codeOf(target, connections);
      expect(code, target).toMatch(/mcp_access/);
      expect(code, target).toContain("expires after one hour");
      expect(code, target).toContain("never from the browser");
      expect(codeOf(target, verified), target).not.toContain("mcp_access");
    }
    expect(codeOf("nextjs", connections)).toContain("expires after one hour");
  });

  it("says when personal connections lack one of the widget switches", () => {
    expect(connectionSwitchesNote(connections)).toEqual([]);
    expect(connectionSwitchesNote(verified)).toEqual([]);
    const note = connectionSwitchesNote({ ...connections, streaming: false });
    expect(note).toEqual([
      "Personal connections stay off without streaming: true in these options.",
    ]);
    for (const target of FRONT_END) {
      expect(pageCodeOf(target, { ...connections, capabilitiesConnections: false })).toContain(
        "stay off without capabilities: { connections: true }",
      );
    }
  });

  it("notes when the server language is renamed or left out", () => {
    expect(languageNote(make({ serverLanguage: "" }))).toEqual([]);
    expect(languageNote(make({ serverLanguage: "fr" }))).toEqual([]);
    expect(languageNote(make({ serverLanguage: "zh-cn" }))).toEqual([
      "language: zh-cn is sent as zh, the API's code for Chinese (Simplified).",
    ]);
    expect(languageNote(make({ serverLanguage: "mt" }))).toEqual([
      "language is left out: the API has no code for mt (Maltese).",
    ]);
  });
});
