/**
 * Import sets a lifecycle switch where the pasted code shows the page skipping its part
 * (domain-v5.md §3.7: never key a v5 widget by the token; §10.4: an mcp_access token lasts one
 * hour and must be renewed), says so in the warning and in the summary, and otherwise keeps the
 * user's switches. Sign-out is never guessed from a snippet.
 */
import { describe, expect, it } from "vitest";
import { authenticateRoute } from "./test-support/server-route";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { importSnippet, settingsSummary } from "./index";

const v5 = (over: Partial<PlaygroundConfig> = {}): PlaygroundConfig => ({
  ...defaultConfig(),
  widgetVersion: "v5",
  ...over,
});

const KEYED_NOTE =
  "Importing turns “Keep mounted when the token changes” off in Sign-out and renewal, so the preview shows what this costs.";
const RENEWAL_NOTE =
  "Importing turns “Renews the token before it expires” off in Sign-out and renewal, so the preview shows what this costs.";

const component = (
  pin: string,
  key: string,
) => `// npm install --save-exact @opencx/widget-react@${pin}
import { Widget } from '@opencx/widget-react';

export function SupportWidget({ contactToken, userId }) {
  return <Widget key={${key}} options={{ token: 'wt_1', user: { token: contactToken } }} />;
}`;

const MCP = `{ email: 'jane@example.com', mcp_access: {} }`;

describe("a v5 widget keyed by the token", () => {
  it("turns keep-mounted off, says so at the key and in the summary", () => {
    const result = importSnippet(component("5.0.0", "contactToken"), v5());
    expect(result.config.keepMounted).toBe(false);
    expect(result.settings).toEqual([
      {
        option: "keepMounted",
        value: false,
        because: "the snippet keys the widget by the token",
      },
    ]);
    const warning = result.problems.find((p) => p.path === "key");
    expect(warning?.message).toMatch(/Remove the key\. Importing turns “Keep mounted/);
    expect(warning?.message.endsWith(KEYED_NOTE)).toBe(true);
    expect(settingsSummary(result.settings)).toBe(
      "Turned off in Sign-out and renewal: “Keep mounted when the token changes” (the snippet keys the widget by the token).",
    );
  });

  it("sets it once, however many widgets are keyed by a token", () => {
    const text = `${component("5.0.0", "contactToken")}
export const Other = ({ token }) => <Widget key={token} options={{ token: 'wt_1' }} />;`;
    const result = importSnippet(text, v5());
    expect(result.problems.filter((p) => p.path === "key")).toHaveLength(2);
    expect(result.settings.map((s) => s.option)).toEqual(["keepMounted"]);
  });

  it("keeps the user's switch on v4 (remounting is v4's way), for a key that is not a token, and with no key", () => {
    for (const [text, why] of [
      [component("4.0.63", "contactToken"), "v4"],
      [component("5.0.0", "userId"), "keyed by the user id"],
    ] as const) {
      for (const keepMounted of [true, false]) {
        const result = importSnippet(text, v5({ keepMounted }));
        expect(result.config.keepMounted, `${why}, base ${keepMounted}`).toBe(keepMounted);
        expect(result.settings, why).toEqual([]);
      }
    }
    // A snippet never turns a switch on: the page may key the widget elsewhere.
    const unkeyed = component("5.0.0", "userId").replace(" key={userId}", "");
    expect(importSnippet(unkeyed, v5({ keepMounted: false })).config.keepMounted).toBe(false);
  });
});

describe("mcp_access without a renewal", () => {
  it("turns renewal off on v5, says so at mcp_access and in the summary", () => {
    const result = importSnippet(authenticateRoute(MCP), v5());
    expect(result.config).toMatchObject({ personalConnections: true, renewsToken: false });
    expect(result.settings).toEqual([
      {
        option: "renewsToken",
        value: false,
        because: "the body mints the token with mcp_access and the text shows no renewal",
      },
    ]);
    const warning = result.problems.find((p) => p.path === "body.mcp_access");
    expect(warning?.message).toContain("If your page renews elsewhere, turn the switch back on.");
    expect(warning?.message.endsWith(RENEWAL_NOTE)).toBe(true);
    expect(settingsSummary(result.settings)).toBe(
      "Turned off in Sign-out and renewal: “Renews the token before it expires” (the body mints the token with mcp_access and the text shows no renewal).",
    );
  });

  it("keeps the user's switch with a renewal in the text, without mcp_access, and on v4", () => {
    const cases: [string, PlaygroundConfig][] = [
      [authenticateRoute(MCP, "setTimeout(renewContactToken, 48 * 60 * 1000);"), v5()],
      [authenticateRoute(`{ email: 'jane@example.com' }`), v5()],
      [authenticateRoute(MCP), { ...v5(), widgetVersion: "v4" }],
    ];
    for (const [text, base] of cases) {
      for (const renewsToken of [true, false]) {
        const result = importSnippet(text, { ...base, renewsToken });
        expect(result.config.renewsToken).toBe(renewsToken);
        expect(result.settings).toEqual([]);
      }
    }
  });
});

describe("both in one text, and what import never sets", () => {
  it("lists keep-mounted, then renewal, in one summary sentence", () => {
    const text = `${component("5.0.0", "contactToken")}
export async function mint() {
  ${authenticateRoute(MCP)}
}`;
    const result = importSnippet(text, v5());
    expect(result.config).toMatchObject({ keepMounted: false, renewsToken: false });
    expect(result.settings.map((s) => s.option)).toEqual(["keepMounted", "renewsToken"]);
    expect(settingsSummary(result.settings)).toBe(
      "Turned off in Sign-out and renewal: “Keep mounted when the token changes” (the snippet keys the widget by the token); “Renews the token before it expires” (the body mints the token with mcp_access and the text shows no renewal).",
    );
  });

  it("never reads sign-out or v4 remounting from a snippet: those switches stay the user's", () => {
    const signOut = `<script defer src="https://unpkg.com/@opencx/widget@5.0.0/dist-embed/script.js"></script>
<script>
  function signOut() {
    for (const key of Object.keys(localStorage))
      if (key.startsWith('opencx-widget:org-token-wt_1:')) localStorage.removeItem(key);
    location.reload();
  }
  window.addEventListener('DOMContentLoaded', () => window.initOpenScript({ token: 'wt_1' }));
</script>`;
    for (const on of [true, false]) {
      const base = v5({ signOutClearsKeys: on, remountOnIdentityChange: on });
      const result = importSnippet(signOut, base);
      expect(result.ok).toBe(true);
      expect(result.config.signOutClearsKeys).toBe(on);
      expect(result.config.remountOnIdentityChange).toBe(on);
      expect(result.settings).toEqual([]);
    }
  });

  it("a text that cannot be imported sets nothing", () => {
    const result = importSnippet("<Widget key={token} options={", v5());
    expect(result.ok).toBe(false);
    expect(result.settings).toEqual([]);
    expect(result.config.keepMounted).toBe(true);
  });

  it("the summary is empty when nothing was set", () => {
    expect(settingsSummary([])).toBe("");
  });
});
