/**
 * Import knows versions (issue 15 item 7): the version comes from the pin, every kind of
 * not-a-pin is named with the exact pins to write, and the shapes of both versions are read
 * (domain-v5.md §10.1, §10.2, §10.4, §19). Also the import-time advisories of item 8:
 * `key={token}` in a v5 React snippet, `mcp_access` without renewal, an old v4 pin, `@latest`.
 */
import { describe, expect, it } from "vitest";
import { authenticateRoute } from "./test-support/server-route";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { WIDGET_PINS } from "../config/versions";
import { toAuthenticateRequest, toWidgetConfig } from "../config/widget-config";
import { importSnippet, type ImportResult } from "./index";
import { findPins, majorOfRange, readSnippetVersion } from "./version";

const v5 = (): PlaygroundConfig => ({ ...defaultConfig(), widgetVersion: "v5" });
const v4 = (): PlaygroundConfig => ({ ...defaultConfig(), widgetVersion: "v4" });

const versionProblems = (r: ImportResult) => r.problems.filter((p) => p.path === "version");
const quoted = (text: string, r: ImportResult, path: string) =>
  r.problems
    .filter((p) => p.path === path)
    .map((p) => (p.range ? text.slice(p.range.start, p.range.end) : null));

const html = (src: string, call = "window.initOpenScript") => `<script defer src="${src}"></script>
<script>
  window.addEventListener('DOMContentLoaded', () => {
    ${call}({ token: 'wt_1' });
  });
</script>`;
const unpkg = (spec: string) => `https://unpkg.com/@opencx/widget${spec}/dist-embed/script.js`;

const react = (install: string, extra = "") => `// ${install}
import { Widget } from '@opencx/widget-react';

export function SupportWidget() {
  return <Widget options={{ token: 'wt_1' }}${extra} />;
}`;

describe("the version comes from the pin", () => {
  it("domain-v5 §10.1 exactly: <script defer> + window.initOpenScript, nothing to report", () => {
    const text = `<script defer src="https://unpkg.com/@opencx/widget@5.0.0/dist-embed/script.js"></script>
<script>
  window.addEventListener('DOMContentLoaded', () => {
    window.initOpenScript({ token: 'WIDGET_TOKEN' /* + identity options */ });
  });
</script>`;
    const result = importSnippet(text, v4());
    expect(result.ok).toBe(true);
    expect(result.kind).toBe("html");
    expect(result.version).toEqual({ snippet: "v5", pin: "5.0.0", applied: "v5" });
    expect(result.config.widgetVersion).toBe("v5");
    expect(result.config.widgetToken).toBe("");
    expect(result.problems).toEqual([]);
  });

  it("domain-v5 §10.2 exactly: the --save-exact install line, <Widget options> and errorComponent", () => {
    const text = `// npm install --save-exact @opencx/widget-react@5.0.0
import { Widget } from '@opencx/widget-react';

export function App() {
  return (
    <Widget
      options={{ token: 'WIDGET_TOKEN' }}
      errorComponent={(error) => <p role="alert">Chat is unavailable: {error.message}</p>}
    />
  );
}`;
    const result = importSnippet(text, v4());
    expect(result.kind).toBe("react");
    expect(result.version).toEqual({ snippet: "v5", pin: "5.0.0", applied: "v5" });
    expect(result.problems).toEqual([]);
  });

  it("v4's shape with its pin: initOpenScript without window or defer → v4", () => {
    const text = html(unpkg("@4.0.63"), "initOpenScript").replace(" defer", "");
    const result = importSnippet(text, v5());
    expect(result.version).toEqual({ snippet: "v4", pin: "4.0.63", applied: "v4" });
    expect(result.config.widgetVersion).toBe("v4");
    expect(result.problems).toEqual([]);
  });

  it("a package.json dependency and yarn/pnpm/bun install lines are pins too", () => {
    expect(
      readSnippetVersion(`{ "dependencies": { "@opencx/widget-react": "4.0.63" } }`),
    ).toMatchObject({ major: "v4", pin: "4.0.63" });
    for (const line of [
      "yarn add --exact @opencx/widget-react@5.0.0",
      "pnpm add --save-exact @opencx/widget-react@5.0.0",
      "bun add -E @opencx/widget-react@5.0.0",
      "npm i -E @opencx/widget-react@5.0.0",
    ]) {
      expect(readSnippetVersion(line)).toMatchObject({ major: "v5", pin: "5.0.0" });
      const result = importSnippet(react(line), v4());
      expect(result.config.widgetVersion).toBe("v5");
      expect(versionProblems(result)).toEqual([]);
    }
  });

  it("an import path is not a version: other packages and import specifiers are not pins", () => {
    expect(findPins(`import { Widget } from '@opencx/widget-react';`)).toEqual([]);
    expect(findPins(`const W = dynamic(() => import('@opencx/widget-react'));`)).toEqual([]);
    expect(findPins("npm install --save-exact @opencx/widget-react-headless@5.0.0")).toEqual([]);
    expect(findPins(`"@opencx/widget-core": "5.0.0"`)).toEqual([]);
  });

  it("a URL typed as an option value says nothing about the page's widget", () => {
    const text = `initOpenScript({ token: 'wt_1', user: { externalId: '${unpkg("@latest")}' } });`;
    const result = importSnippet(text, v4());
    expect(result.version.snippet).toBeNull();
    expect(result.config.widgetVersion).toBe("v4");
    expect(versionProblems(result)).toEqual([]);
  });

  it("no pin at all (an options object, server code): the playground's version, nothing named", () => {
    for (const base of [v4(), v5()]) {
      const result = importSnippet(`{ token: 'wt_1' }`, base);
      expect(result.config.widgetVersion).toBe(base.widgetVersion);
      expect(result.problems).toEqual([]);
    }
  });

  it("`as` imports the text as the other version (the dialog's 'keep the current version')", () => {
    const text = html(unpkg("@4.0.63"));
    const result = importSnippet(text, v5(), { as: "v5" });
    expect(result.version).toEqual({ snippet: "v4", pin: "4.0.63", applied: "v5" });
    expect(result.config.widgetVersion).toBe("v5");
  });
});

describe("what is not a pin is named, with the exact pins to write", () => {
  it("@latest in the script URL (and not for an exact pin)", () => {
    const text = html(unpkg("@latest"));
    const result = importSnippet(text, v5());
    const [problem] = versionProblems(result);
    expect(problem?.message).toContain("`@opencx/widget@latest` is not a pin");
    expect(problem?.message).toContain(
      `\`@opencx/widget@${WIDGET_PINS.v5}\` (v5) or \`@opencx/widget@${WIDGET_PINS.v4}\` (v4)`,
    );
    expect(problem?.message).toContain("Imported as v5, the playground's current version.");
    expect(quoted(text, result, "version")).toEqual([unpkg("@latest")]);
    expect(versionProblems(importSnippet(html(unpkg("@5.0.0")), v5()))).toEqual([]);
  });

  it("@latest on the install line names the npm command to write", () => {
    const result = importSnippet(react("npm install @opencx/widget-react@latest"), v4());
    const messages = versionProblems(result).map((p) => p.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(
      "`npm install --save-exact @opencx/widget-react@5.0.0` (v5) or `@4.0.63` (v4)",
    );
    expect(result.config.widgetVersion).toBe("v4");
  });

  it("a range is named, and imported as the one major it stays in", () => {
    const cases: [string, "v4" | "v5"][] = [
      ["^5.0.0", "v5"],
      ["~4", "v4"],
      ["5", "v5"],
      ["4.0.x", "v4"],
    ];
    for (const [spec, major] of cases) {
      expect(majorOfRange(spec)).toBe(major);
      const result = importSnippet(
        react(`npm install --save-exact @opencx/widget-react@${spec}`),
        v5(),
      );
      const [problem] = versionProblems(result);
      expect(problem?.message).toContain(`\`${spec}\` is a range, not a pin`);
      expect(result.config.widgetVersion).toBe(major);
      expect(result.version).toMatchObject({ snippet: major, pin: null });
    }
    const json = `{ "@opencx/widget-react": "^4.0.57" }
import { Widget } from '@opencx/widget-react';
<Widget options={{ token: 'wt_1' }} />`;
    expect(readSnippetVersion(json).major).toBe("v4");
    expect(majorOfRange(">=4")).toBeNull();
  });

  it("a missing pin: the script URL, the install line, the page without a versioned script", () => {
    const noVersion = importSnippet(html(unpkg("")), v5());
    expect(versionProblems(noVersion).map((p) => p.message)).toEqual([
      expect.stringContaining("The script URL has no version"),
    ]);
    const bareInstall = importSnippet(react("npm install @opencx/widget-react"), v4());
    expect(versionProblems(bareInstall).map((p) => p.message)).toEqual([
      expect.stringContaining("`@opencx/widget-react` is installed without a version"),
    ]);
    const selfHosted = importSnippet(html("/vendor/opencx/script.js"), v5());
    expect(versionProblems(selfHosted).map((p) => p.message)).toEqual([
      expect.stringContaining("no script URL names an `@opencx/widget` version"),
    ]);
  });

  it("an install line without the exact flag records a range: named", () => {
    const result = importSnippet(react("npm install @opencx/widget-react@5.0.0"), v5());
    expect(versionProblems(result).map((p) => p.message)).toEqual([
      expect.stringContaining("npm install --save-exact @opencx/widget-react@5.0.0"),
    ]);
    expect(result.config.widgetVersion).toBe("v5");
  });

  it("a v4 pin older than 4.0.63 is named (and 4.0.63 is not)", () => {
    const text = html(unpkg("@4.0.57"), "initOpenScript");
    const result = importSnippet(text, v5());
    expect(result.version).toEqual({ snippet: "v4", pin: "4.0.57", applied: "v4" });
    const [problem] = versionProblems(result);
    expect(problem?.message).toContain("4.0.57 is older than 4.0.63, the last v4 release");
    expect(quoted(text, result, "version")).toEqual([unpkg("@4.0.57")]);
    expect(versionProblems(importSnippet(html(unpkg("@4.0.63")), v5()))).toEqual([]);
  });

  it("a 5.0.0 prerelease, a newer release and another major are each named", () => {
    const beta = versionProblems(importSnippet(html(unpkg("@5.0.0-beta.10")), v4()));
    expect(beta[0]?.message).toContain("prerelease of 5.0.0");
    expect(beta[0]?.message).toContain("streaming: true");
    const newer = versionProblems(importSnippet(html(unpkg("@5.1.0")), v4()));
    expect(newer[0]?.message).toContain("5.1.0 is newer than 5.0.0");
    const six = importSnippet(html(unpkg("@6.0.0")), v4());
    expect(versionProblems(six)[0]?.message).toContain("neither v4 nor v5");
    expect(six.config.widgetVersion).toBe("v4");
  });

  it("two pins of different majors are named; the first decides", () => {
    const text = `${html(unpkg("@4.0.63"))}
<!-- npm install --save-exact @opencx/widget-react@5.0.0 -->`;
    const result = importSnippet(text, v5());
    expect(result.config.widgetVersion).toBe("v4");
    expect(versionProblems(result).map((p) => p.message)).toEqual([
      expect.stringContaining("pins both v4 and v5"),
    ]);
  });
});

describe("both versions' shapes (domain-v5 §10, §19)", () => {
  it("streaming and capabilities.connections in v5 options set the v5 rows", () => {
    const text = html(unpkg("@5.0.0")).replace(
      "{ token: 'wt_1' }",
      "{ token: 'wt_1', streaming: true, capabilities: { connections: true } }",
    );
    const result = importSnippet(text, v5());
    expect(result.config).toMatchObject({ streaming: true, capabilitiesConnections: true });
    expect(result.mapped).toEqual(
      expect.arrayContaining(["streaming", "capabilities.connections"]),
    );
    expect(result.problems).toEqual([]);
  });

  it("v5 options the playground does not model are named as such, not as unknown", () => {
    const result = importSnippet(
      `{ token: 'wt_1', displayMode: 'companion', features: { pageContext: true } }`,
      v5(),
    );
    expect(result.problems.map((p) => [p.path, p.message])).toEqual([
      ["displayMode", expect.stringContaining("is a v5 display option (popover or companion)")],
      ["features", expect.stringContaining("can only narrow what your organisation enabled")],
    ]);
  });

  it("a v5 option in a v4 snippet is imported and named; absent, the config keeps its value", () => {
    const text = html(unpkg("@4.0.63")).replace(
      "{ token: 'wt_1' }",
      "{ token: 'wt_1', streaming: true }",
    );
    const result = importSnippet(text, v5());
    expect(result.config.streaming).toBe(true);
    expect(result.problems).toEqual([
      expect.objectContaining({
        path: "streaming",
        message: expect.stringContaining("is a v5 option: widget v4 (4.0.63) does not have it"),
      }),
    ]);
    const kept = importSnippet(html(unpkg("@4.0.63")), { ...v5(), capabilitiesConnections: true });
    expect(kept.config.capabilitiesConnections).toBe(true);
    const off = importSnippet(html(unpkg("@5.0.0")), { ...v5(), capabilitiesConnections: true });
    expect(off.config.capabilitiesConnections).toBe(false);
  });

  it("the other version chosen: what the text cannot say is kept, what it says is named", () => {
    // A v4 text applied as v5 cannot have turned streaming off: the playground's value stays.
    const asV5 = importSnippet(html(unpkg("@4.0.63")), { ...v5(), streaming: true }, { as: "v5" });
    expect(asV5.config).toMatchObject({ widgetVersion: "v5", streaming: true });
    expect(asV5.problems).toEqual([]);
    // A v5 text with streaming applied as v4: imported, and named as left out of v4.
    const text = html(unpkg("@5.0.0")).replace(
      "{ token: 'wt_1' }",
      "{ token: 'wt_1', streaming: true }",
    );
    const asV4 = importSnippet(text, v4(), { as: "v4" });
    expect(asV4.config).toMatchObject({ widgetVersion: "v4", streaming: true });
    expect(asV4.problems.map((p) => p.path)).toEqual(["streaming"]);
    // …and without streaming in it, the v5 text says "off".
    const plain = importSnippet(html(unpkg("@5.0.0")), { ...v4(), streaming: true }, { as: "v4" });
    expect(plain.config.streaming).toBe(false);
  });

  it("v5: a second window.initOpenScript call for renewal is fine; the first call is imported", () => {
    const text = `<script defer src="${unpkg("@5.0.0")}"></script>
<script>
  const options = { token: 'wt_1', user: { token: contactToken } };
  window.addEventListener('DOMContentLoaded', () => {
    window.initOpenScript(options);
  });
  async function renewContactToken() {
    const { token } = await (await fetch('/api/opencx/contact-token', { method: 'POST' })).json();
    window.initOpenScript({ ...options, user: { token } });
  }
</script>`;
    const result = importSnippet(text, v5());
    expect(result.config.model).toBe("server");
    expect(result.problems).toEqual([]);
  });

  it("v4: a second initOpenScript call is named (v4 mounts a second root)", () => {
    const text = `<script src="${unpkg("@4.0.63")}"></script>
<script>
  initOpenScript({ token: 'wt_1' });
  initOpenScript({ token: 'wt_1', user: { externalId: 'b' } });
</script>`;
    const result = importSnippet(text, v5());
    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringContaining("widget v4 mounts a second root on a later call"),
    ]);
  });

  it("the embed and <Widget> in one text: one integration per page", () => {
    const text = `// npm install --save-exact @opencx/widget-react@5.0.0
import { Widget } from '@opencx/widget-react';
window.initOpenScript({ token: 'wt_1' });
export const App = () => <Widget options={{ token: 'wt_1' }} />;`;
    expect(importSnippet(text, v5()).problems.map((p) => p.message)).toEqual([
      expect.stringContaining("mount only one integration on a page"),
    ]);
  });
});

describe("mcp_access in a server body (domain-v5 §10.4)", () => {
  const renewal = "setTimeout(renewContactToken, 50 * 60 * 1000);";

  it("{} → every enabled server; server_ids → the listed ones; account_id → the account", () => {
    const all = importSnippet(
      authenticateRoute(`{ email: 'jane@example.com', mcp_access: {} }`, renewal),
      v5(),
    );
    expect(all.config).toMatchObject({
      model: "server",
      personalConnections: true,
      mcpServerScope: "all",
      mcpAccountId: "",
    });
    expect(all.problems.filter((p) => p.path.startsWith("body"))).toEqual([]);
    const listed = importSnippet(
      authenticateRoute(
        `{ email: 'jane@example.com', mcp_access: { server_ids: ['github', 'srv_calendar'], account_id: 'acct_42' } }`,
        renewal,
      ),
      v5(),
    );
    expect(listed.config).toMatchObject({
      personalConnections: true,
      mcpServerScope: "listed",
      mcpServerIds: ["github", "srv_calendar"],
      mcpAccountId: "acct_42",
    });
    expect(toAuthenticateRequest(listed.config).mcp_access).toEqual({
      server_ids: ["github", "srv_calendar"],
      account_id: "acct_42",
    });
    expect(listed.mapped).toEqual(
      expect.arrayContaining([
        "body.mcp_access",
        "body.mcp_access.server_ids",
        "body.mcp_access.account_id",
      ]),
    );
  });

  it("no mcp_access turns personal connections off (v5); a wrong shape is named", () => {
    const none = importSnippet(authenticateRoute(`{ email: 'jane@example.com' }`), {
      ...v5(),
      personalConnections: true,
    });
    expect(none.config.personalConnections).toBe(false);
    const wrong = importSnippet(
      authenticateRoute(
        `{ email: 'jane@example.com', mcp_access: { server_ids: 'github', scope: 1 } }`,
        renewal,
      ),
      v5(),
    );
    expect(wrong.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(["body.mcp_access.scope", "body.mcp_access.server_ids"]),
    );
    expect(wrong.problems.find((p) => p.path === "body.mcp_access.server_ids")?.severity).toBe(
      "error",
    );
  });

  it("server_ids computed on the server keeps the playground's sample list", () => {
    const result = importSnippet(
      authenticateRoute(
        `{ email: 'jane@example.com', mcp_access: { server_ids: allowedServers(user) } }`,
        renewal,
      ),
      { ...v5(), mcpServerIds: ["sample"] },
    );
    expect(result.config).toMatchObject({ mcpServerScope: "listed", mcpServerIds: ["sample"] });
    expect(result.problems.find((p) => p.path === "body.mcp_access.server_ids")?.severity).toBe(
      "warning",
    );
  });

  it("advisory: mcp_access with no renewal in the text is named at mcp_access", () => {
    const text = authenticateRoute(`{ email: 'jane@example.com', mcp_access: {} }`);
    const result = importSnippet(text, v5());
    const problem = result.problems.find((p) => p.path === "body.mcp_access");
    expect(problem?.message).toContain("expires after one hour");
    expect(problem?.message).toContain("shows no renewal");
    expect(quoted(text, result, "body.mcp_access")).toEqual(["mcp_access"]);
  });

  it("…and is quiet with a timer, a visibilitychange listener, a second initOpenScript, or no mcp_access", () => {
    const body = `{ email: 'jane@example.com', mcp_access: {} }`;
    const renewals = [
      renewal,
      "setInterval(renew, 3000000);",
      "document.addEventListener('visibilitychange', () => { if (!document.hidden) refreshToken(); });",
      "window.initOpenScript({ token: 'wt_1', user: { token: a } }); window.initOpenScript({ token: 'wt_1', user: { token: b } });",
    ];
    for (const extra of renewals) {
      const result = importSnippet(authenticateRoute(body, extra), v5());
      expect(result.problems.filter((p) => p.path === "body.mcp_access")).toEqual([]);
    }
    const chatOnly = importSnippet(authenticateRoute(`{ email: 'jane@example.com' }`), v5());
    expect(chatOnly.problems.filter((p) => p.path === "body.mcp_access")).toEqual([]);
  });

  it("v4: mcp_access is imported for a switch to v5 and named as a v5 option", () => {
    const result = importSnippet(
      authenticateRoute(`{ email: 'jane@example.com', mcp_access: {} }`),
      v4(),
    );
    expect(result.config.personalConnections).toBe(true);
    expect(result.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringContaining("is a v5 option")]),
    );
    expect(result.problems.filter((p) => p.message.includes("shows no renewal"))).toEqual([]);
  });
});

describe("advisory: key={token} in an imported v5 React snippet", () => {
  const keyed = (key: string) =>
    react("npm install --save-exact @opencx/widget-react@5.0.0", ` key={${key}}`).replace(
      "{ token: 'wt_1' }",
      "{ token: 'wt_1', user: { token: contactToken } }",
    );

  it("named at the key, with what to do instead", () => {
    for (const key of [
      "contactToken",
      "session?.accessToken ?? 'anon'",
      "`w-${token}`",
      "user.token",
    ]) {
      const text = keyed(key);
      const result = importSnippet(text, v4());
      const problems = result.problems.filter((p) => p.path === "key");
      expect(problems).toHaveLength(1);
      expect(problems[0]?.message).toContain("keep the widget mounted and pass the renewed token");
      expect(quoted(text, result, "key")).toEqual([`key={${key}}`]);
    }
  });

  it("quiet on v4 (its advice is to remount), for a key that is not a token, and with no key", () => {
    const v4Text = keyed("contactToken").replace("@5.0.0", "@4.0.63");
    expect(importSnippet(v4Text, v5()).problems).toEqual([]);
    expect(importSnippet(keyed("userId"), v5()).problems).toEqual([]);
    const unkeyed = react("npm install --save-exact @opencx/widget-react@5.0.0");
    expect(importSnippet(unkeyed, v5()).problems).toEqual([]);
  });

  it("the same v4 text imported as v5 gets the advice", () => {
    const v4Text = keyed("contactToken").replace("@5.0.0", "@4.0.63");
    const result = importSnippet(v4Text, v5(), { as: "v5" });
    expect(result.problems.map((p) => p.path)).toEqual(["key"]);
    expect(toWidgetConfig(result.config).user).toEqual({ token: "" });
  });
});
