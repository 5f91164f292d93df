import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configArbitrary } from "./arbitraries";
import { defaultConfig, type PlaygroundConfig } from "./options";
import { findPreset, PRESETS, presetInForce, sameConfig, withPresetValues } from "./presets";

const preset = (id: string) => findPreset(id)!;

describe("withPresetValues", () => {
  it("puts the preset's values over the defaults, keeping the token, secrets and appearance", () => {
    const mine: PlaygroundConfig = {
      ...defaultConfig(),
      model: "server",
      widgetToken: "wt_mine",
      apiKey: "sk_secret",
      primaryColor: "#ff0000",
      language: "fr",
      orgName: "Acme",
      serverEmail: "old@example.com",
      externalId: "old",
    };
    expect(withPresetValues(mine, preset("collect-extra-fields"))).toEqual({
      ...defaultConfig(),
      model: "collect",
      extraFields: ["Company", "Order #"],
      widgetToken: "wt_mine",
      apiKey: "sk_secret",
      primaryColor: "#ff0000",
      language: "fr",
      orgName: "Acme",
    });
  });

  it("never shares arrays with the preset table", () => {
    const applied = withPresetValues(defaultConfig(), preset("collect-extra-fields"));
    applied.extraFields.push("Mutated");
    expect(preset("collect-extra-fields").values.extraFields).toEqual(["Company", "Order #"]);
  });
});

describe("sameConfig", () => {
  it("ignores key order and compares arrays and rows by content", () => {
    const a = { ...defaultConfig(), userCustomData: [{ key: "plan", value: "pro" }] };
    const reordered = Object.fromEntries(
      Object.entries(structuredClone(a)).reverse(),
    ) as PlaygroundConfig;
    expect(sameConfig(a, reordered)).toBe(true);
    expect(sameConfig(a, { ...a, userCustomData: [{ key: "plan", value: "free" }] })).toBe(false);
    expect(sameConfig(a, { ...a, userCustomData: [] })).toBe(false);
    expect(sameConfig(a, { ...a, extraFields: ["Company"] })).toBe(false);
  });

  it("is true for a config and its clone, for any config", () => {
    fc.assert(
      fc.property(configArbitrary(), (c) => sameConfig(c, structuredClone(c))),
      { numRuns: 200 },
    );
  });
});

describe("presetInForce", () => {
  it("names the defaults as the Anonymous preset", () => {
    expect(presetInForce(defaultConfig())?.id).toBe("anonymous");
  });

  it("names each preset right after it is applied, whatever the config was before", () => {
    fc.assert(
      fc.property(configArbitrary(), fc.constantFrom(...PRESETS), (config, p) => {
        expect(presetInForce(withPresetValues(config, p))?.id).toBe(p.id);
      }),
      { numRuns: 300 },
    );
  });

  it("still names the preset after a change to what a preset keeps (token, appearance)", () => {
    const applied = withPresetValues(defaultConfig(), preset("server"));
    expect(
      presetInForce({ ...applied, widgetToken: "wt_other", primaryColor: "#00ff00", apiKey: "sk" })
        ?.id,
    ).toBe("server");
  });

  it("says Custom (null) after any other edit", () => {
    const applied = withPresetValues(defaultConfig(), preset("collect-extra-fields"));
    expect(presetInForce({ ...applied, extraFields: ["Company name", "Order #"] })).toBeNull();
    expect(presetInForce({ ...applied, prefillName: "Jane" })).toBeNull();
    expect(presetInForce({ ...defaultConfig(), externalId: "ws_1" })).toBeNull();
  });
});

describe("sameConfig: a change to any single value is a change", () => {
  const base = defaultConfig();
  it.each<[string, Partial<PlaygroundConfig>, Partial<PlaygroundConfig>]>([
    ["a boolean", { collectUserData: false }, { collectUserData: true }],
    ["a model of the same length", { model: "browser" }, { model: "collect" }],
    ["a name of the same length", { userName: "Jane" }, { userName: "June" }],
    [
      "a server custom-data number against the same digits as text",
      { serverCustomData: [{ key: "seats", value: 3 }] },
      { serverCustomData: [{ key: "seats", value: "3" }] },
    ],
    [
      "a server custom-data boolean against false",
      { serverCustomData: [{ key: "vip", value: true }] },
      { serverCustomData: [{ key: "vip", value: false }] },
    ],
    [
      "the order of extra fields",
      { extraFields: ["Company", "Plan"] },
      { extraFields: ["Plan", "Company"] },
    ],
  ])("%s", (_, a, b) => {
    expect(sameConfig({ ...base, ...a }, { ...base, ...b })).toBe(false);
    expect(sameConfig({ ...base, ...b }, { ...base, ...a })).toBe(false);
    expect(sameConfig({ ...base, ...a }, { ...base, ...structuredClone(a) })).toBe(true);
  });
});

describe("presetInForce: the menu's name for the config", () => {
  it("names every preset after it is applied over the defaults", () => {
    for (const p of PRESETS) expect(presetInForce(withPresetValues(defaultConfig(), p))).toBe(p);
  });

  it("says Custom when only the Also-collect toggle differs from a preset", () => {
    const applied = withPresetValues(defaultConfig(), preset("browser"));
    expect(presetInForce({ ...applied, collectUserData: true })).toBeNull();
  });
});

describe("sameConfig compares JSON values: only the same content is the same", () => {
  const base = defaultConfig();
  const row = { key: "plan", value: "pro" };
  it.each<[string, unknown, unknown]>([
    ["a list and a row-like object with the same entries", [row], { 0: row }],
    ["an empty text and an empty object", "", {}],
    ["no rows and null", [], null],
    ["a row and null", [row], [null]],
    ["a row with a missing value and the full row", [{ key: "plan" }], [row]],
  ])("%s differ", (_, a, b) => {
    const x = { ...base, userCustomData: a } as unknown as PlaygroundConfig;
    const y = { ...base, userCustomData: b } as unknown as PlaygroundConfig;
    expect(sameConfig(x, y)).toBe(false);
    expect(sameConfig(y, x)).toBe(false);
  });
});
