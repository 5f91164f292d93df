import { describe, expect, it } from "vitest";
import { BODY_FIELDS } from "../sandbox/request-body";
import {
  DEFAULT_CONFIG,
  OPTION_KEYS,
  OPTIONS,
  SENSITIVE_KEYS,
  WIDGET_MAJORS,
  type OptionKey,
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

  it("let presets keep only the user's own widget token, org API key, widget version and appearance", () => {
    const kept = rows.filter(([, r]) => r.presetKeeps).map(([k]) => k);
    const appearance = rows.filter(([, r]) => r.section === "appearance").map(([k]) => k);
    // A preset is an identity model: it works in both versions, so it keeps the chosen one.
    expect(kept.sort()).toEqual(["widgetToken", "apiKey", "widgetVersion", ...appearance].sort());
  });
});
