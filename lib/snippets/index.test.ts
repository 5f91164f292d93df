import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { WIDGET_VERSION } from "./model";
import {
  applicableTargets,
  CLIENT_TARGETS,
  CONTACT_TOKEN_ENDPOINT,
  generateSnippet,
  generateSnippets,
  SERVER_TARGETS,
  SNIPPET_TARGET_LABELS,
  SNIPPET_TARGETS,
} from "./index";
import { languageNote } from "./model";
import { loadFixtureConfigs } from "./test-support/fixtures";

const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  ...over,
});
const verified = make({ model: "server", serverEmail: "jane@example.com", externalId: "ws_1" });
const fixtures = loadFixtureConfigs();
const allSnippets = fixtures.flatMap(({ config }) => generateSnippets(config));

describe("generateSnippets", () => {
  it("offers the client targets for every model and the server targets only for the verified model", () => {
    for (const model of ["anonymous", "collect", "browser"] as const) {
      expect(generateSnippets(make({ model })).map((s) => s.target)).toEqual([
        "html",
        "react",
        "nextjs",
      ]);
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
  it("says it targets widget v4, pinned, and never uses @latest", () => {
    for (const snippet of allSnippets) {
      for (const file of snippet.files) {
        expect(file.code, `${snippet.target} ${file.path}`).toContain(
          `widget v4 (pinned to ${WIDGET_VERSION})`,
        );
        expect(file.code).not.toContain("@latest");
      }
    }
  });

  it("pins the embed script and the React package to the same version", () => {
    const html = generateSnippet("html", make({})).files[0]!.code;
    expect(html).toContain(
      `<script src="https://unpkg.com/@opencx/widget@${WIDGET_VERSION}/dist-embed/script.js"></script>`,
    );
    for (const target of ["react", "nextjs"] as const) {
      expect(generateSnippet(target, make({})).install).toBe(
        `npm install @opencx/widget-react@${WIDGET_VERSION}`,
      );
    }
  });

  it("ends with exactly one newline and has no trailing spaces or tabs", () => {
    for (const snippet of allSnippets) {
      for (const file of snippet.files) {
        expect(file.code.endsWith("\n") && !file.code.endsWith("\n\n"), file.path).toBe(true);
        expect(file.code, file.path).not.toMatch(/[ \t]$/m);
      }
    }
  });

  it("keeps the org API key and the authenticate-user call out of browser code", () => {
    for (const snippet of allSnippets.filter((s) => CLIENT_TARGETS.includes(s.target))) {
      for (const file of snippet.files.filter((f) => !f.path.endsWith("route.ts"))) {
        expect(file.code).not.toMatch(/OPENCX_API_KEY|authenticate-user|apiKey/);
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

describe("the verified model", () => {
  it("has the page and the components fetch the token from the endpoint the server snippets implement", () => {
    for (const target of ["html", "react", "nextjs"] as const) {
      const code = generateSnippet(target, verified).files[0]!.code;
      expect(code).toContain(`fetch('${CONTACT_TOKEN_ENDPOINT}'`);
      expect(code).toContain("credentials: 'same-origin'");
      expect(code).toContain("token: contactToken");
    }
    expect(generateSnippet("express", verified).files[0]!.code).toContain(
      `opencxRouter.post('${CONTACT_TOKEN_ENDPOINT}'`,
    );
  });

  it("answers 401 without a signed-in user and returns only { token }", () => {
    for (const target of ["express", "nextjs"] as const) {
      const code = generateSnippet(target, verified).files.at(-1)!.code;
      expect(code).toContain("401");
      expect(code).toMatch(/json\(\{ token \}/);
      expect(code).toContain("getSignedInUser(");
    }
  });

  it("keys the React widget on the token so a new identity remounts it", () => {
    expect(generateSnippet("react", verified).files[0]!.code).toContain(
      "<Widget key={contactToken} options={options} />",
    );
    expect(generateSnippet("react", make({})).files[0]!.code).toContain(
      "<Widget options={options} />",
    );
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
