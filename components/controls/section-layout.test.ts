import { describe, expect, it } from "vitest";
import {
  DEFAULT_CONFIG,
  IDENTITY_MODELS,
  OPTION_KEYS,
  OPTIONS,
  type IdentityModel,
  type OptionKey,
  type OptionSection,
  type PlaygroundConfig,
} from "@/lib/config/options";
import {
  DRAWN_BEFORE,
  dependencyMet,
  modelSection,
  sectionLayout as layoutFor,
  visibleSections,
} from "./section-layout";

const SECTIONS: readonly OptionSection[] = [
  "identity",
  "collect",
  "browser",
  "server",
  "features",
  "appearance",
  "header",
];
const applies = (key: OptionKey, model: IdentityModel) =>
  OPTIONS[key].models.length === 0 || OPTIONS[key].models.includes(model);

/** Every switch a row can depend on, on: the layout then draws every row that applies. */
const ALL_ON: Partial<PlaygroundConfig> = Object.fromEntries(
  OPTION_KEYS.flatMap((key) => {
    const on = OPTIONS[key].dependsOn;
    return on ? [[on, true]] : [];
  }),
);
const config = (model: IdentityModel, extra: Partial<PlaygroundConfig> = ALL_ON) =>
  ({ ...DEFAULT_CONFIG, ...extra, model }) as PlaygroundConfig;
const sectionLayout = (section: OptionSection, model: IdentityModel) =>
  layoutFor(section, config(model));
const DEPENDENT = OPTION_KEYS.filter((key) => OPTIONS[key].dependsOn !== undefined);

describe("the controls layout", () => {
  it("draws every row that applies to the model exactly once across the shown cards, and no other", () => {
    for (const model of IDENTITY_MODELS) {
      for (const extra of [ALL_ON, {}]) {
        const drawn = visibleSections(model).flatMap((s) =>
          layoutFor(s, config(model, extra)).map((e) => e.key),
        );
        const expected = OPTION_KEYS.filter(
          (key) =>
            applies(key, model) &&
            OPTIONS[key].section !== "header" &&
            dependencyMet(key, config(model, extra)),
        );
        expect([...drawn].sort(), model).toEqual([...expected].sort());
        expect(new Set(drawn).size, model).toBe(drawn.length);
      }
    }
  });

  it("never draws the widget version in a card: the header owns it", () => {
    expect(OPTIONS.widgetVersion.section).toBe("header");
    for (const model of IDENTITY_MODELS) {
      expect(visibleSections(model)).not.toContain("header");
      for (const section of SECTIONS) {
        expect(sectionLayout(section, model).map((e) => e.key)).not.toContain("widgetVersion");
      }
    }
  });

  it("draws a dependsOn row only while its switch is on, right after the rows before it", () => {
    expect(DEPENDENT).toEqual(["mcpServerScope", "mcpServerIds", "mcpAccountId"]);
    const off = layoutFor("server", config("server", { personalConnections: false })).map(
      (e) => e.key,
    );
    const on = layoutFor("server", config("server", { personalConnections: true })).map(
      (e) => e.key,
    );
    for (const key of DEPENDENT) {
      expect(off, key).not.toContain(key);
      expect(on, key).toContain(key);
    }
    const at = on.indexOf("personalConnections");
    expect(on.slice(at, at + 4)).toEqual(["personalConnections", ...DEPENDENT]);
    expect(dependencyMet("mcpAccountId", { personalConnections: false })).toBe(false);
    expect(dependencyMet("mcpAccountId", {})).toBe(false);
    expect(dependencyMet("mcpAccountId", { personalConnections: true })).toBe(true);
    expect(dependencyMet("serverEmail", {})).toBe(true);
  });

  it("shows the features card for every model, after the model's card and before appearance", () => {
    for (const model of IDENTITY_MODELS) {
      const cards = visibleSections(model);
      expect(cards.indexOf("features"), model).toBe(cards.indexOf("appearance") - 1);
      expect(sectionLayout("features", model).map((e) => e.key)).toEqual([
        "streaming",
        "capabilitiesConnections",
      ]);
    }
  });

  it("draws nothing in a card the model does not show", () => {
    for (const model of IDENTITY_MODELS) {
      for (const section of SECTIONS) {
        if (!visibleSections(model).includes(section)) {
          expect(sectionLayout(section, model), `${section} in ${model}`).toEqual([]);
        }
      }
    }
  });

  it("keeps today's cards and today's rows in today's order, collectUserData last in its cards", () => {
    // Filtered to today's rows, so a new row changes none of this: it shows up in table order.
    const keys = (section: OptionSection, model: IdentityModel, today: readonly OptionKey[]) =>
      sectionLayout(section, model)
        .map((e) => e.key)
        .filter((key) => today.includes(key));
    const expectOrder = (section: OptionSection, model: IdentityModel, today: OptionKey[]) =>
      expect(keys(section, model, today), `${section} in ${model}`).toEqual(today);
    expect(visibleSections("anonymous")).toEqual(["identity", "features", "appearance"]);
    expect(modelSection("anonymous")).toBeNull();
    for (const model of ["collect", "browser", "server"] as const) {
      expect(visibleSections(model)).toEqual(["identity", model, "features", "appearance"]);
    }
    for (const model of IDENTITY_MODELS) {
      expectOrder("identity", model, ["model", "widgetToken", "externalId"]);
      expectOrder("appearance", model, ["primaryColor", "orgName", "language"]);
    }
    expectOrder("collect", "collect", ["prefillName", "prefillEmail", "extraFields"]);
    expectOrder("browser", "browser", [
      "userName",
      "userEmail",
      "userAvatarUrl",
      "userCustomData",
      "collectUserData",
    ]);
    expectOrder("server", "server", [
      "serverEmail",
      "serverName",
      "serverAvatarUrl",
      "serverPhone",
      "serverLanguage",
      "serverCustomData",
      "serverChatContext",
      "apiKey",
      "contactToken",
      "collectUserData",
    ]);
    for (const model of ["browser", "server"] as const) {
      expect(sectionLayout(model, model).at(-1)?.key).toBe("collectUserData");
    }
    for (const section of ["identity", "collect", "appearance"] as const) {
      expect(sectionLayout(section, "collect").map((e) => e.key)).not.toContain("collectUserData");
    }
  });

  it("hands each entry its row's control descriptor", () => {
    for (const model of IDENTITY_MODELS) {
      for (const section of visibleSections(model)) {
        for (const entry of sectionLayout(section, model)) {
          expect(entry.control).toBe(OPTIONS[entry.key].control);
        }
      }
    }
  });

  it("moves a DRAWN_BEFORE row only within its own card, to just before its target", () => {
    for (const [key, target] of Object.entries(DRAWN_BEFORE) as [OptionKey, OptionKey][]) {
      expect(OPTIONS[key].section, key).toBe(OPTIONS[target].section);
      for (const model of IDENTITY_MODELS) {
        const order = sectionLayout(OPTIONS[key].section, model).map((e) => e.key);
        if (!order.includes(key) || !order.includes(target)) continue;
        expect(order.indexOf(target) - order.indexOf(key), `${key} in ${model}`).toBe(1);
      }
    }
  });

  it("has a custom control for every row a generic field cannot draw (lists, key/value rows)", () => {
    for (const key of OPTION_KEYS) {
      const { control } = OPTIONS[key];
      if (control.kind === "list" || control.kind === "key-value") {
        expect(control.custom, key).toBeDefined();
      }
    }
  });
});
