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
  type IdentityModel,
  type PlaygroundConfig,
} from "@/lib/config/options";
import { StoreProvider } from "@/components/state/store-provider";
import { AdvisoriesProvider } from "./advisories";
import { ControlsPanel } from "./controls-panel";
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

const ROW_TEST_ID = /^controls\.(identity|collect|browser|server|appearance)\.([A-Za-z]+)$/;
const KEYS = new Set<string>(OPTION_KEYS);

/** `controls.<card>.<key>` test ids in document order: one per drawn row. */
const rowTestIds = (els: Element[]) =>
  els
    .map((el) => attr(el, "data-testid") ?? "")
    .filter((id) => ROW_TEST_ID.test(id) && KEYS.has(id.split(".")[2]!));

const withModel = (model: IdentityModel, extra: Partial<PlaygroundConfig> = {}) =>
  ({ ...DEFAULT_CONFIG, ...extra, model }) as PlaygroundConfig;

describe("the controls panel", () => {
  it.each(IDENTITY_MODELS)(
    "draws, for %s, each laid-out row once, in layout order, under its card's test id",
    (model) => {
      const expected = visibleSections(model).flatMap((card) =>
        sectionLayout(card, model)
          .filter((e) => e.control.custom !== "verified-flow")
          .map((e) => `controls.${card}.${e.key}`),
      );
      expect(rowTestIds(renderPanel(withModel(model)))).toEqual(expected);
    },
  );

  it.each(IDENTITY_MODELS)(
    "labels and describes every generic field of %s from its row",
    (model) => {
      const els = renderPanel(withModel(model));
      const byId = new Map(els.map((el) => [attr(el, "id"), el]));
      for (const card of visibleSections(model)) {
        for (const { key, control } of sectionLayout(card, model)) {
          if (control.custom) continue;
          const row = OPTIONS[key];
          const input = els.find((el) => attr(el, "data-testid") === `controls.${card}.${key}`)!;
          const id = attr(input, "id")!;
          const label = els.find((el) => el.tagName === "label" && attr(el, "for") === id);
          const wrapping = els.find((el) => el.tagName === "label" && elements(el).includes(input));
          expect(text((label ?? wrapping)!), key).toContain(row.label);
          const help = byId.get(`${id}-help`);
          expect(help && text(help), key).toBe(row.helpByModel?.[model] ?? row.help);
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
    },
  );

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
});
