import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configArbitrary } from "../config/arbitraries";
import {
  OPTION_KEYS,
  defaultConfig,
  type OptionKey,
  type PlaygroundConfig,
} from "../config/options";
import { fakeJwt, fakeKey } from "../secrets/test-support/fake-keys";
import { RULES, RULE_IDS, SEVERITY_ORDER, lintConfig, type Severity } from "./index";
import { optionNotInVersion } from "./option-not-in-version";

const JWT = fakeJwt({ alg: "HS256" }, { sub: "1" }, "signature");
const ORG_KEY = fakeKey("live", "fake_abcdef123456");
const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  widgetToken: "wt_1",
  ...over,
});
const server = (over: Partial<PlaygroundConfig> = {}) =>
  make({ model: "server", serverEmail: "jane@example.com", contactToken: JWT, ...over });

interface Case {
  triggers: PlaygroundConfig;
  severity: Severity;
  option: OptionKey;
  quiet: PlaygroundConfig[];
}

/** For every rule: a config that triggers it (with the expected severity and option) and configs that do not. */
const CASES: Record<string, Case> = {
  "secret-in-client-field": {
    triggers: make({
      model: "browser",
      userCustomData: [{ key: "key", value: ORG_KEY }],
    }),
    severity: "error",
    option: "userCustomData",
    quiet: [
      make({ model: "browser", userCustomData: [{ key: "plan", value: "skipper" }] }),
      // A value typed under another model is left behind, not published.
      make({ model: "anonymous", userName: ORG_KEY }),
      server({ apiKey: ORG_KEY }),
    ],
  },
  "jwt-as-widget-token": {
    triggers: make({ widgetToken: JWT }),
    severity: "error",
    option: "widgetToken",
    quiet: [make({ widgetToken: "wt_3f9a2c7e" })],
  },
  "widget-token-equals-contact-token": {
    triggers: server({ widgetToken: "same_value", contactToken: "same_value" }),
    severity: "error",
    option: "contactToken",
    quiet: [
      server(),
      make({ model: "browser", widgetToken: "x", contactToken: "x" }),
      // No widget token and no contact token yet: nothing is the same, both are missing.
      server({ widgetToken: "", contactToken: "" }),
    ],
  },
  "widget-token-missing": {
    triggers: make({ widgetToken: "" }),
    severity: "info",
    option: "widgetToken",
    quiet: [make({ widgetToken: "wt_1" })],
  },
  "server-email-required": {
    triggers: server({ serverEmail: "" }),
    severity: "error",
    option: "serverEmail",
    quiet: [server(), make({ model: "browser", serverEmail: "" })],
  },
  "option-not-in-version": {
    triggers: make({ widgetVersion: "v4", streaming: true }),
    severity: "warning",
    option: "streaming",
    quiet: [
      make({ widgetVersion: "v5", streaming: true, capabilitiesConnections: true }),
      // Off is the default: nothing is left out.
      make({ widgetVersion: "v4", streaming: false }),
      // A server-only option left behind in another model is not published.
      make({ widgetVersion: "v4", model: "collect", personalConnections: true }),
      // The dependants of personal connections are covered by its own advisory.
      make({ widgetVersion: "v4", model: "server", mcpServerScope: "listed", mcpAccountId: "a" }),
    ],
  },
  "personal-connections-need-streaming": {
    triggers: server({ personalConnections: true, streaming: true }),
    severity: "warning",
    option: "personalConnections",
    quiet: [
      server({ personalConnections: true, streaming: true, capabilitiesConnections: true }),
      server({ personalConnections: false }),
      // v4 has no personal connections: option-not-in-version says so instead.
      server({ widgetVersion: "v4", personalConnections: true }),
      // Left behind in another model: the body is not sent.
      make({ model: "browser", personalConnections: true }),
    ],
  },
  "sign-out-keeps-keys": {
    triggers: make({ model: "browser", userEmail: "jane@example.com", signOutClearsKeys: false }),
    severity: "warning",
    option: "signOutClearsKeys",
    quiet: [
      // The page clears the keys (the default).
      make({ model: "browser", userEmail: "jane@example.com" }),
      make({ model: "collect", widgetVersion: "v4" }),
      server(),
    ],
  },
  "remount-missing-v4": {
    triggers: server({ widgetVersion: "v4", remountOnIdentityChange: false }),
    severity: "warning",
    option: "remountOnIdentityChange",
    quiet: [
      server({ widgetVersion: "v4" }),
      // v5 resets itself on a new verified owner; the switch is not drawn there.
      server({ widgetVersion: "v5", remountOnIdentityChange: false }),
      make({ model: "browser", widgetVersion: "v5", remountOnIdentityChange: false }),
      // Keys kept: a remount would reuse the stored token anyway (sign-out-keeps-keys says so).
      make({
        model: "collect",
        widgetVersion: "v4",
        remountOnIdentityChange: false,
        signOutClearsKeys: false,
      }),
      make({
        model: "anonymous",
        widgetVersion: "v4",
        remountOnIdentityChange: false,
        signOutClearsKeys: false,
      }),
    ],
  },
  "renewal-keyed-by-token": {
    triggers: server({ keepMounted: false }),
    severity: "warning",
    option: "keepMounted",
    quiet: [
      server(),
      // v4 remounts to change a token anyway; its switch is remount.
      server({ widgetVersion: "v4", keepMounted: false }),
      // Only a verified token is passed and renewed by the page.
      make({ model: "browser", keepMounted: false }),
      make({ model: "anonymous", keepMounted: false }),
    ],
  },
  "mcp-access-without-renewal": {
    triggers: server({ personalConnections: true, renewsToken: false }),
    severity: "error",
    option: "renewsToken",
    quiet: [
      server({ personalConnections: true }),
      // A chat-only token does not expire.
      server({ personalConnections: false, renewsToken: false }),
      // v4 mints no mcp_access (option-not-in-version says so).
      server({ widgetVersion: "v4", personalConnections: true, renewsToken: false }),
      // Left behind in another model: no token is minted.
      make({ model: "browser", personalConnections: true, renewsToken: false }),
    ],
  },
  "collect-overridden-by-verified-token": {
    triggers: server({ collectUserData: true }),
    severity: "warning",
    option: "collectUserData",
    quiet: [server({ collectUserData: false }), make({ model: "browser", collectUserData: true })],
  },
  "collect-overridden-by-browser-email": {
    triggers: make({ model: "browser", collectUserData: true, userEmail: "jane@example.com" }),
    severity: "warning",
    option: "collectUserData",
    quiet: [
      make({ model: "browser", collectUserData: false, userEmail: "jane@example.com" }),
      // Without user.data.email the welcome form does run (collect-drops-user-data's case).
      make({ model: "browser", collectUserData: true }),
    ],
  },
  "collect-drops-user-data": {
    triggers: make({ model: "browser", collectUserData: true, userName: "Jane" }),
    severity: "warning",
    option: "collectUserData",
    quiet: [
      make({ model: "browser", collectUserData: true }),
      make({
        model: "browser",
        collectUserData: true,
        userName: "Jane",
        userEmail: "jane@example.com",
      }),
      make({ model: "browser", userName: "Jane" }),
      // A browser name left behind in the Server model is not sent at all.
      server({ collectUserData: true, userName: "Jane" }),
      // A custom-data row without a key is not user.data.
      make({ model: "browser", collectUserData: true, userCustomData: [{ key: "", value: "x" }] }),
    ],
  },
  "prefill-needs-collect": {
    triggers: make({ model: "browser", collectUserData: true, prefillName: "Jane" }),
    severity: "warning",
    option: "prefillName",
    quiet: [
      make({ model: "collect", prefillName: "Jane" }),
      make({ model: "anonymous", prefillName: "Jane" }),
      make({ model: "browser", prefillName: "Jane" }),
    ],
  },
  "extra-fields-need-collect": {
    triggers: server({ collectUserData: true, extraFields: ["Company"] }),
    severity: "warning",
    option: "extraFields",
    quiet: [
      make({ model: "collect", extraFields: ["Company"] }),
      server({ extraFields: ["Company"] }),
      // Blank extra fields are not asked for.
      server({ collectUserData: true, extraFields: ["", "  "] }),
    ],
  },
  "prefill-name-too-short": {
    triggers: make({ model: "collect", prefillName: "J" }),
    severity: "warning",
    option: "prefillName",
    quiet: [
      make({ model: "collect", prefillName: "Jo" }),
      make({ model: "collect" }),
      make({ prefillName: "J" }),
    ],
  },
  "invalid-email": {
    triggers: make({ model: "collect", prefillEmail: "jane@" }),
    severity: "warning",
    option: "prefillEmail",
    quiet: [
      make({ model: "collect", prefillEmail: "jane@example.com" }),
      make({ model: "anonymous", prefillEmail: "jane@", userEmail: "nope" }),
      // An empty email is not an invalid one.
      make({ model: "collect", prefillEmail: "" }),
      make({ model: "browser", userEmail: "" }),
      // A prefill email left behind in the Browser model is not sent.
      make({ model: "browser", prefillEmail: "jane@" }),
    ],
  },
  "extra-fields-every-load": {
    triggers: make({ model: "collect", extraFields: ["Company"] }),
    severity: "warning",
    option: "extraFields",
    quiet: [
      make({ model: "collect" }),
      make({ model: "anonymous", extraFields: ["Company"] }),
      make({ model: "collect", extraFields: ["", "  "] }),
    ],
  },
  "external-id-weakens-device-binding": {
    triggers: make({ model: "collect", externalId: "ws_1" }),
    severity: "warning",
    option: "externalId",
    quiet: [server({ externalId: "ws_1" }), make({ model: "collect" })],
  },
  "browser-data-unverified": {
    triggers: make({ model: "browser", userEmail: "jane@example.com" }),
    severity: "info",
    option: "userEmail",
    quiet: [
      make({ model: "browser" }),
      server({ userEmail: "jane@example.com" }),
      // collectUserData without an email: the form runs and user.data is never sent.
      make({
        model: "browser",
        collectUserData: true,
        userCustomData: [{ key: "plan", value: "pro" }],
      }),
      // A row without a key is not sent as custom data.
      make({ model: "browser", userCustomData: [{ key: "", value: "pro" }] }),
    ],
  },
  "avatar-url-not-sent": {
    triggers: make({ model: "browser", userAvatarUrl: "https://x/a.png" }),
    severity: "info",
    option: "userAvatarUrl",
    quiet: [
      make({ model: "browser" }),
      server({ serverAvatarUrl: "https://x/a.png", userAvatarUrl: "https://x/a.png" }),
    ],
  },
  "custom-data-empty-key": {
    triggers: server({ serverCustomData: [{ key: "", value: true }] }),
    severity: "warning",
    option: "serverCustomData",
    quiet: [
      server({ serverCustomData: [{ key: "", value: "" }] }),
      make({ userCustomData: [{ key: "", value: "x" }] }),
      server({ serverCustomData: [{ key: "plan", value: "pro" }] }),
      // Server rows left behind in the Collect model are not sent.
      make({ model: "collect", serverCustomData: [{ key: "", value: "x" }] }),
    ],
  },
  "custom-data-duplicate-key": {
    triggers: make({
      model: "browser",
      userCustomData: [
        { key: "plan", value: "a" },
        { key: "plan", value: "b" },
      ],
    }),
    severity: "warning",
    option: "userCustomData",
    quiet: [
      make({
        model: "browser",
        userCustomData: [
          { key: "plan", value: "a" },
          { key: "Plan", value: "b" },
        ],
      }),
      // Rows without a key are left out, however many there are.
      make({
        model: "browser",
        userCustomData: [
          { key: "", value: "a" },
          { key: "", value: "b" },
        ],
      }),
      make({
        model: "anonymous",
        serverCustomData: [
          { key: "plan", value: "a" },
          { key: "plan", value: "b" },
        ],
      }),
    ],
  },
  "custom-data-values-are-strings": {
    triggers: make({ model: "browser", userCustomData: [{ key: "seats", value: "42" }] }),
    severity: "info",
    option: "userCustomData",
    quiet: [
      make({ model: "browser", userCustomData: [{ key: "plan", value: "pro 42" }] }),
      server({ serverCustomData: [{ key: "seats", value: 42 }] }),
      make({ model: "browser", userCustomData: [{ key: "", value: "42" }] }),
    ],
  },
  "server-language-unsupported": {
    triggers: server({ serverLanguage: "lb" }),
    severity: "warning",
    option: "serverLanguage",
    quiet: [
      server({ serverLanguage: "de" }),
      server({ serverLanguage: "zh-cn" }),
      make({ serverLanguage: "mt" }),
      // "Not sent".
      server({ serverLanguage: "" }),
    ],
  },
  "server-language-renamed": {
    triggers: server({ serverLanguage: "zh-cn" }),
    severity: "info",
    option: "serverLanguage",
    quiet: [
      server({ serverLanguage: "zh" }),
      server({ serverLanguage: "mt" }),
      server({ serverLanguage: "" }),
      make({ model: "browser", serverLanguage: "zh-cn" }),
    ],
  },
};

describe("every rule", () => {
  it("has a test case, a unique kebab-case id, and is registered", () => {
    expect(Object.keys(CASES).sort()).toEqual([...RULE_IDS].sort());
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    // Kebab case; a word may hold digits (`remount-missing-v4`), never start one.
    for (const id of RULE_IDS) expect(id).toMatch(/^[a-z]+(-[a-z][a-z0-9]*)*$/);
    expect("4-remount").not.toMatch(/^[a-z]+(-[a-z][a-z0-9]*)*$/);
    expect("remount-v4-").not.toMatch(/^[a-z]+(-[a-z][a-z0-9]*)*$/);
  });

  for (const rule of RULES) {
    const c = CASES[rule.id];
    if (!c) continue;
    it(`${rule.id}: fires on its trigger config, at ${c.option}, as ${c.severity}`, () => {
      const mine = lintConfig(c.triggers).filter((a) => a.id === rule.id);
      expect(mine).toEqual([
        expect.objectContaining({ id: rule.id, severity: c.severity, option: c.option }),
      ]);
      expect(mine[0]?.message).toMatch(/^\S.*[.!]$/);
    });
    it(`${rule.id}: stays quiet where it does not apply`, () => {
      for (const config of c.quiet) expect(rule.check(config)).toEqual([]);
    });
  }
});

describe("rule details", () => {
  it("secret-in-client-field: the config's own API key in the widget token; one advisory per field", () => {
    const out = lintConfig(
      server({
        apiKey: "my-secret-key-123",
        widgetToken: "my-secret-key-123",
        contactToken: "my-secret-key-123",
      }),
    );
    const secrets = out.filter((a) => a.id === "secret-in-client-field");
    expect(secrets.map((a) => a.option)).toEqual(["widgetToken", "contactToken"]);
  });

  it("secret-in-client-field: prefill and extra fields in the Collect model", () => {
    const config = make({
      model: "collect",
      prefillEmail: fakeKey("test", "1234567890"),
      extraFields: [fakeKey("live", "abcdefgh")],
    });
    const options = lintConfig(config)
      .filter((a) => a.id === "secret-in-client-field")
      .map((a) => a.option);
    expect(options).toEqual(["prefillEmail", "extraFields"]);
  });

  it("invalid-email: an invalid browser email is flagged at userEmail", () => {
    const out = lintConfig(make({ model: "browser", userEmail: "jane at example" }));
    expect(out.find((a) => a.id === "invalid-email")?.option).toBe("userEmail");
  });

  it("server-email-required: an invalid email is an error too", () => {
    expect(
      lintConfig(server({ serverEmail: "jane" })).find((a) => a.id === "server-email-required")
        ?.severity,
    ).toBe("error");
  });

  it("browser-data-unverified: custom data is flagged at userCustomData", () => {
    const out = lintConfig(
      make({ model: "browser", userCustomData: [{ key: "plan", value: "pro" }] }),
    );
    expect(out.filter((a) => a.id === "browser-data-unverified").map((a) => a.option)).toEqual([
      "userCustomData",
    ]);
  });

  it("custom-data-duplicate-key names every duplicated key once", () => {
    const rows = ["a", "a", "b", "b", "a"].map((key) => ({ key, value: "v" }));
    const [adv] = lintConfig(make({ model: "browser", userCustomData: rows })).filter(
      (a) => a.id === "custom-data-duplicate-key",
    );
    expect(adv?.message).toContain('The keys "a" and "b" appear more than once');
  });
});

describe("versions", () => {
  it("option-not-in-version names the option, the version it needs and what the snippet does", () => {
    const [adv] = lintConfig(make({ widgetVersion: "v4", capabilitiesConnections: true })).filter(
      (a) => a.id === "option-not-in-version",
    );
    expect(adv?.message).toBe(
      "capabilities.connections is a v5 option: widget v4 (4.0.63) does not have it, so the v4 snippets leave `capabilities.connections` out. Switch to v5 to use it, or turn it off.",
    );
  });

  it("option-not-in-version: personal connections on v4 name the body field, once", () => {
    const out = lintConfig(
      server({
        widgetVersion: "v4",
        personalConnections: true,
        mcpServerScope: "listed",
        mcpServerIds: ["github"],
        mcpAccountId: "acct_1",
      }),
    ).filter((a) => a.id === "option-not-in-version");
    expect(out.map((a) => a.option)).toEqual(["personalConnections"]);
    expect(out[0]?.message).toContain("leave `mcp_access` out of the authenticate-user body");
  });

  it("option-not-in-version: a preview setting of the other version is not reported (its control is not drawn)", () => {
    const quiet = (over: Partial<PlaygroundConfig>) =>
      expect(optionNotInVersion.check(server(over)), JSON.stringify(over)).toEqual([]);
    quiet({ widgetVersion: "v4", agentName: "Acme Bot" });
    quiet({ widgetVersion: "v4", keepMounted: false });
    quiet({ widgetVersion: "v4", personalConnections: false, renewsToken: false });
    quiet({ widgetVersion: "v5", remountOnIdentityChange: false });
    // A v5 widget option next to them is still reported, alone.
    expect(
      optionNotInVersion
        .check(
          server({
            widgetVersion: "v4",
            agentName: "Acme Bot",
            keepMounted: false,
            streaming: true,
          }),
        )
        .map((a) => a.option),
    ).toEqual(["streaming"]);
  });

  it("option-not-in-version: every v5 option set on v4 is reported, each at its own field", () => {
    const out = lintConfig(
      server({
        widgetVersion: "v4",
        streaming: true,
        capabilitiesConnections: true,
        personalConnections: true,
      }),
    ).filter((a) => a.id === "option-not-in-version");
    expect(out.map((a) => a.option).sort()).toEqual(
      ["capabilitiesConnections", "personalConnections", "streaming"].sort(),
    );
  });

  it("personal-connections-need-streaming names exactly what is missing", () => {
    const said = (over: Partial<PlaygroundConfig>) =>
      lintConfig(server({ personalConnections: true, ...over })).find(
        (a) => a.id === "personal-connections-need-streaming",
      )?.message;
    expect(said({})).toBe(
      "Personal connections also need `streaming: true` and `capabilities: { connections: true }` in the widget options (Features): without them the token carries mcp_access, but the widget shows no Connect controls.",
    );
    expect(said({ streaming: true })).toMatch(
      /also need `capabilities: \{ connections: true \}` in .* without it /,
    );
    expect(said({ capabilitiesConnections: true })).toMatch(/also need `streaming: true` in/);
  });

  it("avatar-url-not-sent is true for both versions", () => {
    for (const widgetVersion of ["v4", "v5"] as const) {
      const message = lintConfig(
        make({ widgetVersion, model: "browser", userAvatarUrl: "https://x/a.png" }),
      ).find((a) => a.id === "avatar-url-not-sent")?.message;
      expect(message).toContain("Neither widget version (v4 or v5)");
      expect(message).not.toMatch(/4\.0\.57/);
    }
  });
});

describe("lintConfig", () => {
  it("says nothing but the missing token for the defaults, and nothing once a token is set", () => {
    expect(lintConfig(defaultConfig()).map((a) => a.id)).toEqual(["widget-token-missing"]);
    expect(lintConfig(make({}))).toEqual([]);
  });

  it("ignores values left behind in other models' fields", () => {
    const leftovers = {
      prefillName: "J",
      prefillEmail: "bad",
      extraFields: ["Company"],
      userEmail: "bad",
      userAvatarUrl: "x",
      userCustomData: [
        { key: "a", value: "1" },
        { key: "a", value: "2" },
      ],
      serverEmail: "",
      serverLanguage: "lb" as const,
      collectUserData: true,
    };
    expect(lintConfig(make({ model: "anonymous", ...leftovers }))).toEqual([]);
  });

  it("sorts by severity, then by the option table's order", () => {
    const out = lintConfig(
      server({
        widgetToken: "",
        collectUserData: true,
        serverEmail: "",
        serverLanguage: "lb",
        externalId: "x",
      }),
    );
    expect(out.map((a) => `${a.severity}:${a.option}`)).toEqual([
      "error:serverEmail",
      "warning:collectUserData",
      "warning:serverLanguage",
      "info:widgetToken",
    ]);
  });

  it("never throws, knows every id, and keeps (id, option) unique and sorted, for any config", () => {
    const known = new Set(RULE_IDS);
    fc.assert(
      fc.property(fc.oneof(configArbitrary(), configArbitrary({ hostile: true })), (config) => {
        const out = lintConfig(config);
        const pairs = new Set<string>();
        for (const a of out) {
          expect(known.has(a.id)).toBe(true);
          expect(OPTION_KEYS).toContain(a.option);
          expect(a.message.length).toBeGreaterThan(0);
          pairs.add(`${a.id}|${a.option}`);
        }
        expect(pairs.size).toBe(out.length);
        for (let i = 1; i < out.length; i++) {
          const [prev, cur] = [out[i - 1]!, out[i]!];
          const bySeverity = SEVERITY_ORDER[prev.severity] - SEVERITY_ORDER[cur.severity];
          expect(bySeverity).toBeLessThanOrEqual(0);
          if (bySeverity === 0) {
            expect(OPTION_KEYS.indexOf(prev.option)).toBeLessThanOrEqual(
              OPTION_KEYS.indexOf(cur.option),
            );
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
