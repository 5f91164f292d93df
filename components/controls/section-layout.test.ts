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
  type WidgetMajor,
  shownInVersion,
  WIDGET_MAJORS,
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
  "lifecycle",
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
  it("draws every row that applies to the model and version exactly once across the shown cards, and no other", () => {
    for (const model of IDENTITY_MODELS) {
      for (const widgetVersion of WIDGET_MAJORS) {
        for (const extra of [ALL_ON, {}]) {
          const c = config(model, { ...extra, widgetVersion });
          const drawn = visibleSections(model).flatMap((s) => layoutFor(s, c).map((e) => e.key));
          const expected = OPTION_KEYS.filter(
            (key) =>
              applies(key, model) &&
              OPTIONS[key].section !== "header" &&
              dependencyMet(key, c) &&
              shownInVersion(key, widgetVersion),
          );
          expect([...drawn].sort(), `${model} ${widgetVersion}`).toEqual([...expected].sort());
          expect(new Set(drawn).size, model).toBe(drawn.length);
        }
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
    expect(DEPENDENT).toEqual(["mcpServerScope", "mcpServerIds", "mcpAccountId", "renewsToken"]);
    const keysOf = (section: OptionSection, personalConnections: boolean) =>
      layoutFor(section, config("server", { personalConnections })).map((e) => e.key);
    for (const key of DEPENDENT) {
      const section = OPTIONS[key].section;
      expect(keysOf(section, false), key).not.toContain(key);
      expect(keysOf(section, true), key).toContain(key);
    }
    const on = keysOf("server", true);
    const at = on.indexOf("personalConnections");
    expect(on.slice(at, at + 4)).toEqual([
      "personalConnections",
      "mcpServerScope",
      "mcpServerIds",
      "mcpAccountId",
    ]);
    // Renewal is the page's part for tokens minted with mcp_access: in the lifecycle card.
    expect(keysOf("lifecycle", true)).toEqual(["signOutClearsKeys", "keepMounted", "renewsToken"]);
    expect(dependencyMet("mcpAccountId", { personalConnections: false })).toBe(false);
    expect(dependencyMet("mcpAccountId", {})).toBe(false);
    expect(dependencyMet("mcpAccountId", { personalConnections: true })).toBe(true);
    expect(dependencyMet("serverEmail", {})).toBe(true);
  });

  it("shows the features card for every model, after the model's card, then the lifecycle card, then appearance", () => {
    for (const model of IDENTITY_MODELS) {
      const cards = visibleSections(model);
      expect(cards.indexOf("features"), model).toBe(cards.indexOf("lifecycle") - 1);
      expect(cards.indexOf("lifecycle"), model).toBe(cards.indexOf("appearance") - 1);
      expect(cards.indexOf("features"), model).toBe(model === "anonymous" ? 1 : 2);
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
    expect(visibleSections("anonymous")).toEqual([
      "identity",
      "features",
      "lifecycle",
      "appearance",
      "loading",
    ]);
    expect(modelSection("anonymous")).toBeNull();
    for (const model of ["collect", "browser", "server"] as const) {
      expect(visibleSections(model)).toEqual([
        "identity",
        model,
        "features",
        "lifecycle",
        "appearance",
        "loading",
      ]);
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

  it("draws in the lifecycle card only the switches the chosen version has, for the models they concern", () => {
    const lifecycle = (
      model: IdentityModel,
      widgetVersion: WidgetMajor,
      personalConnections = true,
    ) =>
      layoutFor("lifecycle", config(model, { widgetVersion, personalConnections })).map(
        (e) => e.key,
      );
    for (const model of ["anonymous", "collect", "browser"] as const) {
      // v5 swaps tokens itself: nothing to remount. Keep-mounted and renewal are the server's.
      expect(lifecycle(model, "v5"), model).toEqual(["signOutClearsKeys"]);
      expect(lifecycle(model, "v4"), model).toEqual([
        "signOutClearsKeys",
        "remountOnIdentityChange",
      ]);
    }
    expect(lifecycle("server", "v5")).toEqual(["signOutClearsKeys", "keepMounted", "renewsToken"]);
    expect(lifecycle("server", "v5", false)).toEqual(["signOutClearsKeys", "keepMounted"]);
    // v4 has no in-place swap and no personal connections: its switches are sign-out and remount.
    expect(lifecycle("server", "v4")).toEqual(["signOutClearsKeys", "remountOnIdentityChange"]);
  });

  it("still draws a v5 widget option or body field on v4 (its note says the snippets leave it out), but never another version's preview setting", () => {
    const v4 = (section: OptionSection) =>
      layoutFor(section, config("server", { widgetVersion: "v4", personalConnections: true })).map(
        (e) => e.key,
      );
    expect(v4("features")).toEqual(["streaming", "capabilitiesConnections"]);
    expect(v4("server")).toContain("personalConnections");
    expect(v4("appearance")).not.toContain("agentName");
    expect(
      layoutFor("appearance", config("server", { widgetVersion: "v5" })).map((e) => e.key),
    ).toContain("agentName");
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
