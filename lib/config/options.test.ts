import { describe, expect, it } from "vitest";
import { BODY_FIELDS } from "../sandbox/request-body";
import {
  DEFAULT_CONFIG,
  OPTION_KEYS,
  OPTIONS,
  SENSITIVE_KEYS,
  WIDGET_MAJORS,
  isPreviewOnly,
  optionHelp,
  shownInVersion,
  type IdentityModel,
  type OptionKey,
  type WidgetMajor,
} from "./options";
import { toAuthenticateRequest } from "./widget-config";

const rows = OPTION_KEYS.map((key) => [key, OPTIONS[key]] as const);
const duplicates = (values: readonly (string | null)[]) =>
  values.filter((v, i) => v !== null && values.indexOf(v) !== i);

describe("the option table's rows", () => {
  it("name each option once, in messages, share links, widget options and the API body", () => {
    expect(duplicates(rows.map(([, r]) => r.name))).toEqual([]);
    expect(duplicates(rows.map(([, r]) => r.urlKey))).toEqual([]);
    expect(duplicates(rows.map(([, r]) => r.widgetOption))).toEqual([]);
    expect(duplicates(rows.map(([, r]) => r.apiField))).toEqual([]);
  });

  it("say which widget majors have each option, from the known majors", () => {
    for (const [key, r] of rows) {
      expect(r.versions.length, key).toBeGreaterThan(0);
      for (const v of r.versions) expect(WIDGET_MAJORS, key).toContain(v);
    }
  });

  it("keep secrets out of links and presets' reach: a sensitive row has no URL key", () => {
    for (const key of SENSITIVE_KEYS) expect(OPTIONS[key].urlKey, key).toBeNull();
    expect(rows.filter(([, r]) => r.urlKey === null).map(([k]) => k)).toEqual(SENSITIVE_KEYS);
  });

  it("have a control whose kind fits the value: text kinds hold strings, booleans booleans, lists arrays", () => {
    for (const [key, r] of rows) {
      const value: unknown = DEFAULT_CONFIG[key];
      switch (r.control.kind) {
        case "text":
        case "email":
        case "url":
        case "tel":
        case "password":
        case "multiline":
        case "colour":
          expect(typeof value, key).toBe("string");
          break;
        case "boolean":
          expect(typeof value, key).toBe("boolean");
          break;
        case "list":
        case "key-value":
          expect(Array.isArray(value), key).toBe(true);
          break;
        case "select":
          expect(
            r.control.choices.map((c) => c.value),
            key,
          ).toContain(value);
          break;
      }
    }
  });

  it("offer, in every select, exactly the values the schema accepts", () => {
    for (const [key, r] of rows) {
      if (r.control.kind !== "select") continue;
      for (const choice of r.control.choices) {
        expect(r.schema.safeParse(choice.value).success, `${key}=${choice.value}`).toBe(true);
      }
      expect(r.schema.safeParse("not-a-choice").success, key).toBe(false);
    }
  });

  it("give realistic examples the schema accepts", () => {
    for (const [key, r] of rows) {
      for (const example of r.examples ?? []) {
        // A list row's examples are entries of the list.
        const value = r.control.kind === "list" ? [example] : example;
        expect(r.schema.safeParse(value).success, `${key}=${example}`).toBe(true);
      }
    }
  });

  it("map server rows onto the authenticate-user body fields the sandbox knows, each once", () => {
    const mapped = rows.filter(([, r]) => r.apiField !== null);
    // `mcp_access.server_ids` is a field inside the body's mcp_access.
    const topField = (field: string | null) => String(field).split(".")[0];
    for (const [key, r] of mapped) expect(BODY_FIELDS, key).toContain(topField(r.apiField));
    // Every field toAuthenticateRequest writes comes from exactly the row that names it.
    const full = { ...DEFAULT_CONFIG };
    const set = (key: OptionKey, value: unknown) => Object.assign(full, { [key]: value });
    set("serverEmail", "a@b.c");
    set("serverName", "A");
    set("serverAvatarUrl", "https://x/a.png");
    set("serverPhone", "+1");
    set("serverLanguage", "fr");
    set("serverCustomData", [{ key: "k", value: "v" }]);
    set("serverChatContext", "c");
    set("model", "server");
    set("widgetVersion", "v5");
    set("personalConnections", true);
    set("mcpServerScope", "listed");
    set("mcpServerIds", ["github"]);
    set("mcpAccountId", "acct_1");
    const body = toAuthenticateRequest(full);
    expect(Object.keys(body).sort()).toEqual(
      [...new Set(mapped.map(([, r]) => topField(r.apiField)))].sort(),
    );
    expect(Object.keys(body.mcp_access ?? {}).sort()).toEqual(
      mapped
        .filter(([, r]) => r.apiField?.startsWith("mcp_access."))
        .map(([, r]) => r.apiField!.slice(11))
        .sort(),
    );
  });

  it("let presets keep only the user's own widget token, org API key, widget version, appearance, page lifecycle and loading", () => {
    const kept = rows.filter(([, r]) => r.presetKeeps).map(([k]) => k);
    const appearance = rows.filter(([, r]) => r.section === "appearance").map(([k]) => k);
    const lifecycle = rows.filter(([, r]) => r.section === "lifecycle").map(([k]) => k);
    // A preset is an identity model: it works in both versions, so it keeps the chosen one; what
    // the user's page does on sign-out and renewal is theirs too, whichever model they try.
    expect(lifecycle.sort()).toEqual(
      ["keepMounted", "remountOnIdentityChange", "renewsToken", "signOutClearsKeys"].sort(),
    );
    // When the page loads the widget (consent, click) is the user's site's rule, not the model's.
    expect(kept.sort()).toEqual(
      ["widgetToken", "apiKey", "widgetVersion", ...appearance, ...lifecycle, "loading"].sort(),
    );
  });
});

describe("the lifecycle rows (what the host page does after the first load)", () => {
  const LIFECYCLE = {
    signOutClearsKeys: { urlKey: "sk", versions: ["v5", "v4"], models: [] },
    remountOnIdentityChange: { urlKey: "rm", versions: ["v4"], models: [] },
    keepMounted: { urlKey: "km", versions: ["v5"], models: ["server"] },
    renewsToken: { urlKey: "rn", versions: ["v5"], models: ["server"] },
  } as const;

  it("are preview settings in the lifecycle card, on by default (the page does its part), with their link keys", () => {
    for (const [key, want] of Object.entries(LIFECYCLE) as [
      OptionKey,
      (typeof LIFECYCLE)[keyof typeof LIFECYCLE],
    ][]) {
      const r = OPTIONS[key];
      expect(r.section, key).toBe("lifecycle");
      expect(isPreviewOnly(key), key).toBe(true);
      expect(DEFAULT_CONFIG[key], key).toBe(true);
      expect(r.control.kind, key).toBe("boolean");
      expect(r.urlKey, key).toBe(want.urlKey);
      expect(r.versions, key).toEqual(want.versions);
      expect(r.models, key).toEqual(want.models);
      expect(r.help, key).toMatch(/^Preview only: /);
    }
    // Renewal matters only for tokens minted with mcp_access.
    expect(OPTIONS.renewsToken.dependsOn).toBe("personalConnections");
  });
});

describe("preview settings and versions", () => {
  it("a preview setting reaches neither the widget options nor the authenticate-user body", () => {
    const preview = rows.filter(([k]) => isPreviewOnly(k)).map(([k]) => k);
    expect(preview).toEqual([
      "orgName",
      "agentName",
      "signOutClearsKeys",
      "remountOnIdentityChange",
      "keepMounted",
      "renewsToken",
    ]);
    for (const key of preview) {
      expect(OPTIONS[key].widgetOption, key).toBeNull();
      expect(OPTIONS[key].apiField, key).toBeNull();
    }
    // Rows with neither that still shape a snippet: the version's pins, the shape of mcp_access,
    // the API key's environment variable, when the page loads the widget.
    const shaping = rows
      .filter(([k, r]) => r.widgetOption === null && r.apiField === null && !isPreviewOnly(k))
      .map(([k]) => k);
    expect(shaping).toEqual(["widgetVersion", "model", "mcpServerScope", "apiKey", "loading"]);
    expect(isPreviewOnly("streaming")).toBe(false);
  });

  it("another major's preview setting is not shown; another major's snippet option is (with its note)", () => {
    // The v4 remount switch means nothing on v5, v5's keep-mounted and renewal nothing on v4.
    expect(shownInVersion("remountOnIdentityChange", "v4")).toBe(true);
    expect(shownInVersion("remountOnIdentityChange", "v5")).toBe(false);
    expect(shownInVersion("keepMounted", "v5")).toBe(true);
    expect(shownInVersion("keepMounted", "v4")).toBe(false);
    expect(shownInVersion("renewsToken", "v4")).toBe(false);
    expect(shownInVersion("agentName", "v4")).toBe(false);
    // Both majors have it.
    expect(shownInVersion("signOutClearsKeys", "v4")).toBe(true);
    expect(shownInVersion("signOutClearsKeys", "v5")).toBe(true);
    // v5's widget options and body fields stay drawn on v4: the snippets leave them out.
    expect(shownInVersion("streaming", "v4")).toBe(true);
    expect(shownInVersion("personalConnections", "v4")).toBe(true);
    expect(shownInVersion("mcpServerIds", "v4")).toBe(true);
    expect(shownInVersion("mcpServerScope", "v4")).toBe(true);
  });

  it("help follows the model where the row has one, else the version, else the row's own", () => {
    const at = (model: IdentityModel, widgetVersion: WidgetMajor) => ({ model, widgetVersion });
    expect(optionHelp("externalId", at("server", "v4"))).toBe(
      OPTIONS.externalId.helpByModel!.server,
    );
    expect(optionHelp("signOutClearsKeys", at("browser", "v4"))).toBe(
      OPTIONS.signOutClearsKeys.helpByVersion!.v4,
    );
    expect(optionHelp("signOutClearsKeys", at("browser", "v5"))).toBe(
      OPTIONS.signOutClearsKeys.helpByVersion!.v5,
    );
    expect(optionHelp("streaming", at("anonymous", "v5"))).toBe(OPTIONS.streaming.help);
    // v4 names the two keys it stores; v5 clears its whole namespace.
    expect(optionHelp("signOutClearsKeys", at("collect", "v4"))).toContain(
      "opencx-widget:org-token-<TOKEN>:contact-token and …:external-contact-id",
    );
    expect(optionHelp("signOutClearsKeys", at("collect", "v5"))).toContain(
      "every opencx-widget:org-token-<TOKEN>: key",
    );
  });
});
