// Renders the controls panel on the server (no DOM) and reads the markup back, so a row the
// layout says to draw but no component draws, or draws twice or out of order, fails here.
import { parseFragment, type DefaultTreeAdapterMap } from "parse5";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_CONFIG,
  IDENTITY_MODELS,
  OPTION_KEYS,
  OPTIONS,
  WIDGET_MAJORS,
  optionHelp,
  type IdentityModel,
  type PlaygroundConfig,
} from "@/lib/config/options";
import { StoreProvider } from "@/components/state/store-provider";
import { AdvisoriesProvider } from "./advisories";
import { ControlsPanel } from "./controls-panel";
import { LIFECYCLE_PROMISE, LIFECYCLE_VERSION_NOTE } from "./lifecycle-text";
import { sectionLayout, visibleSections } from "./section-layout";

type Element = DefaultTreeAdapterMap["element"];
type Node = DefaultTreeAdapterMap["node"];

function elements(node: Node, out: Element[] = []): Element[] {
  if ("tagName" in node) out.push(node);
  if ("childNodes" in node) for (const child of node.childNodes) elements(child, out);
  return out;
}
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const text = (node: Node): string =>
  "value" in node && node.nodeName === "#text"
    ? node.value
    : "childNodes" in node
      ? node.childNodes.map(text).join("")
      : "";

function renderPanel(config: PlaygroundConfig): Element[] {
  const html = renderToStaticMarkup(
    createElement(
      StoreProvider,
      { initial: config, children: null },
      createElement(AdvisoriesProvider, null, createElement(ControlsPanel)),
    ),
  );
  return elements(parseFragment(html));
}

const ROW_TEST_ID =
  /^controls\.(identity|collect|browser|server|features|lifecycle|appearance|loading)\.([A-Za-z]+)$/;
const KEYS = new Set<string>(OPTION_KEYS);

/** `controls.<card>.<key>` test ids in document order: one per drawn row. */
const rowTestIds = (els: Element[]) =>
  els
    .map((el) => attr(el, "data-testid") ?? "")
    .filter((id) => ROW_TEST_ID.test(id) && KEYS.has(id.split(".")[2]!));

const withModel = (model: IdentityModel, extra: Partial<PlaygroundConfig> = {}) =>
  ({ ...DEFAULT_CONFIG, ...extra, model }) as PlaygroundConfig;

/** Each model on each version, with personal connections off and on (its dependent rows drawn). */
const CASES = IDENTITY_MODELS.flatMap((model) =>
  WIDGET_MAJORS.flatMap((widgetVersion) =>
    [false, true].map((personalConnections) => [
      `${model} on ${widgetVersion}${personalConnections ? " with personal connections" : ""}`,
      withModel(model, { widgetVersion, personalConnections, mcpServerIds: ["github"] }),
    ]),
  ),
) as [string, PlaygroundConfig][];

describe("the controls panel", () => {
  it.each(CASES)(
    "draws, for %s, each laid-out row once, in layout order, under its card's test id",
    (_, config) => {
      const expected = visibleSections(config.model).flatMap((card) =>
        sectionLayout(card, config)
          .filter((e) => e.control.custom !== "verified-flow")
          .map((e) => `controls.${card}.${e.key}`),
      );
      expect(rowTestIds(renderPanel(config))).toEqual(expected);
    },
  );

  it.each(CASES)("labels and describes every generic field of %s from its row", (_, config) => {
    const { model } = config;
    {
      const els = renderPanel(config);
      const byId = new Map(els.map((el) => [attr(el, "id"), el]));
      for (const card of visibleSections(model)) {
        for (const { key, control } of sectionLayout(card, config)) {
          if (control.custom) continue;
          const row = OPTIONS[key];
          const input = els.find((el) => attr(el, "data-testid") === `controls.${card}.${key}`)!;
          const id = attr(input, "id")!;
          const label = els.find((el) => el.tagName === "label" && attr(el, "for") === id);
          const wrapping = els.find((el) => el.tagName === "label" && elements(el).includes(input));
          expect(text((label ?? wrapping)!), key).toContain(row.label);
          const help = byId.get(`${id}-help`);
          expect(help && text(help), key).toBe(optionHelp(key, config));
          for (const ref of (attr(input, "aria-describedby") ?? "").split(" ").filter(Boolean)) {
            expect(byId.has(ref), `${key} describedby ${ref}`).toBe(true);
          }
          if ("placeholder" in control)
            expect(attr(input, "placeholder"), key).toBe(control.placeholder);
          if (control.kind === "select") {
            const options = elements(input).filter((el) => el.tagName === "option");
            expect(options.map((o) => [attr(o, "value"), text(o)])).toEqual(
              control.choices.map((c) => [c.value, c.label]),
            );
          }
        }
      }
    }
  });

  it("marks a held-back value invalid and points the field at the message saying why", () => {
    const els = renderPanel(withModel("browser", { orgName: "x".repeat(300), userName: "Ada" }));
    const org = els.find((el) => attr(el, "data-testid") === "controls.appearance.orgName")!;
    expect(attr(org, "aria-invalid")).toBe("true");
    expect(attr(org, "aria-describedby")).toBe(`${attr(org, "id")}-help held-orgName`);
    expect(els.some((el) => attr(el, "id") === "held-orgName")).toBe(true);
    const name = els.find((el) => attr(el, "data-testid") === "controls.browser.userName")!;
    expect(attr(name, "aria-invalid")).toBeUndefined();
    expect(attr(name, "aria-describedby")).toBe(`${attr(name, "id")}-help`);
  });

  it("notes each v5-only row on v4, and the row's control names the note", () => {
    const config = withModel("server", {
      widgetVersion: "v4",
      personalConnections: true,
      mcpServerIds: ["github"],
    });
    const els = renderPanel(config);
    const byId = new Map(els.map((el) => [attr(el, "id"), el]));
    const drawnV5Only = visibleSections("server")
      .flatMap((card) => sectionLayout(card, config).map((e) => ({ card, key: e.key })))
      .filter(({ key }) => !OPTIONS[key].versions.includes("v4"));
    // v5's preview settings (agent name, keep mounted, renewal) are not drawn on v4 at all.
    expect(drawnV5Only.map((e) => e.key)).toEqual([
      "personalConnections",
      "mcpServerScope",
      "mcpServerIds",
      "mcpAccountId",
      "streaming",
      "capabilitiesConnections",
    ]);
    for (const { card, key } of drawnV5Only) {
      const note = byId.get(`version-note-${key}`);
      expect(note && text(note), key).toBe("v5 only: left out of v4 snippets.");
      const control =
        OPTIONS[key].control.custom === "string-list-editor"
          ? els.find((el) => attr(el, "data-testid") === `controls.${card}.${key}.new`)
          : els.find((el) => attr(el, "data-testid") === `controls.${card}.${key}`);
      expect(attr(control!, "aria-describedby")?.split(" "), key).toContain(`version-note-${key}`);
    }
    // A row both versions have gets no note; a preview setting of v5 is neither drawn nor noted.
    expect(byId.has("version-note-serverEmail")).toBe(false);
    for (const key of ["agentName", "keepMounted", "renewsToken"]) {
      expect(byId.has(`version-note-${key}`), key).toBe(false);
      expect(
        els.some((el) => (attr(el, "data-testid") ?? "").endsWith(`.${key}`)),
        key,
      ).toBe(false);
    }
  });

  it("draws no version note on v5, not even for v4's remount switch (it is not drawn)", () => {
    const els = renderPanel(
      withModel("server", { personalConnections: true, remountOnIdentityChange: false }),
    );
    expect(els.some((el) => (attr(el, "id") ?? "").startsWith("version-note-"))).toBe(false);
    expect(
      els.some((el) => attr(el, "data-testid") === "controls.lifecycle.remountOnIdentityChange"),
    ).toBe(false);
  });

  it.each(WIDGET_MAJORS)(
    "draws the lifecycle card on %s after the features card and before appearance: the snippets' promise, the version's way, its switches",
    (widgetVersion) => {
      const config = withModel("server", { widgetVersion, personalConnections: true });
      const els = renderPanel(config);
      const cards = els
        .map((el) => attr(el, "data-testid") ?? "")
        .filter((id) => /^controls\.[a-z]+$/.test(id));
      expect(cards).toEqual([
        "controls.identity",
        "controls.server",
        "controls.features",
        "controls.lifecycle",
        "controls.appearance",
        "controls.loading",
      ]);
      const card = els.find((el) => attr(el, "data-testid") === "controls.lifecycle")!;
      const heading = elements(card).find((el) => el.tagName === "h2")!;
      expect(attr(card, "aria-labelledby")).toBe(attr(heading, "id"));
      expect(text(heading)).toBe("Sign-out and renewal (your page)");
      expect(text(card)).toContain(LIFECYCLE_PROMISE);
      expect(text(card)).toContain(LIFECYCLE_VERSION_NOTE[widgetVersion]);
      const switches = elements(card)
        .filter((el) => el.tagName === "input")
        .map((el) => [attr(el, "data-testid"), attr(el, "type"), attr(el, "checked")]);
      const drawn =
        widgetVersion === "v5"
          ? ["signOutClearsKeys", "keepMounted", "renewsToken"]
          : ["signOutClearsKeys", "remountOnIdentityChange"];
      // Every switch is on by default: the page does its part until the user says otherwise.
      expect(switches).toEqual(drawn.map((key) => [`controls.lifecycle.${key}`, "checkbox", ""]));
    },
  );

  it("draws a lifecycle switch that is off unchecked, with its advisory beside it", () => {
    const els = renderPanel(
      withModel("browser", { widgetVersion: "v5", userEmail: "a@b.c", signOutClearsKeys: false }),
    );
    const box = els.find(
      (el) => attr(el, "data-testid") === "controls.lifecycle.signOutClearsKeys",
    )!;
    expect(attr(box, "checked")).toBeUndefined();
    const card = els.find((el) => attr(el, "data-testid") === "controls.lifecycle")!;
    const advisory = elements(card).find(
      (el) => attr(el, "data-testid") === "advisory.sign-out-keeps-keys",
    );
    expect(advisory && attr(advisory, "data-severity")).toBe("warning");
  });

  it("draws the server_ids editor with a labelled input per entry, a remove button each, and the count", () => {
    const els = renderPanel(
      withModel("server", { personalConnections: true, mcpServerIds: ["github", "srv_calendar"] }),
    );
    const byTestId = (id: string) => els.find((el) => attr(el, "data-testid") === id);
    expect(attr(byTestId("controls.server.mcpServerIds.0")!, "value")).toBe("github");
    expect(attr(byTestId("controls.server.mcpServerIds.1")!, "aria-label")).toBe(
      "server_ids entry 2",
    );
    expect(attr(byTestId("controls.server.mcpServerIds.1.remove")!, "aria-label")).toBe(
      "Remove srv_calendar from server_ids",
    );
    expect(attr(byTestId("controls.server.mcpServerIds.new")!, "aria-label")).toBe(
      "New server_ids entry",
    );
    expect(text(byTestId("controls.server.mcpServerIds.count")!)).toBe("2 of 24 entries");
  });
});
