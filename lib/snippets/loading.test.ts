import { describe, expect, it } from "vitest";
import { defaultConfig, LOADING_MODES, type PlaygroundConfig } from "../config/options";
import { WIDGET_MAJORS } from "../config/versions";
import { generateSnippet } from "./index";
import {
  EMBED_SCRIPT_GZIP_KB,
  launcherColors,
  launcherDeclarations,
  launcherStyle,
  loadingHeadline,
  loadingOf,
  loadingOptionsValue,
  LOADING_TARGETS,
  scriptCostText,
} from "./loading";
import { SNIPPET_TARGETS } from "./types";

const config = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  ...over,
});

describe("loading on consent or on click", () => {
  it("applies to the HTML, React and Next.js snippets only; every other target loads with the page", () => {
    expect([...LOADING_TARGETS]).toEqual(["html", "react", "nextjs"]);
    for (const loading of LOADING_MODES) {
      for (const target of SNIPPET_TARGETS) {
        expect(loadingOf(config({ loading }), target), `${target} ${loading}`).toBe(
          LOADING_TARGETS.includes(target) ? loading : "page-load",
        );
      }
    }
  });

  it("leaves every other target's snippet unchanged by the option", () => {
    for (const widgetVersion of WIDGET_MAJORS) {
      for (const model of ["anonymous", "server"] as const) {
        for (const target of SNIPPET_TARGETS.filter((t) => !LOADING_TARGETS.includes(t))) {
          const base = config({ widgetVersion, model });
          const atOnce = generateSnippet(target, base);
          for (const loading of ["consent", "click"] as const)
            expect(generateSnippet(target, { ...base, loading }), `${target} ${loading}`).toEqual(
              atOnce,
            );
        }
      }
    }
  });

  it("says what waiting saves: v5's documented size, and no invented size for v4", () => {
    expect(EMBED_SCRIPT_GZIP_KB).toEqual({ v5: 657, v4: null });
    expect(scriptCostText("v5")).toBe(
      "about 657 KB (gzip) of widget script is not downloaded or run",
    );
    expect(scriptCostText("v4")).toBe(
      "the widget's script is not downloaded or run (its size for v4 is not documented here)",
    );
    expect(loadingHeadline("consent", config({}), true)).toBe(
      "Loads after consent: until your consent tool calls onOpenCxConsent(), nothing is requested from the widget's host, no opencx-widget:* key is written, and about 657 KB (gzip) of widget script is not downloaded or run.",
    );
    // React and Next.js wait for the package's chunk: the documented size is the embed script's.
    for (const widgetVersion of WIDGET_MAJORS)
      expect(loadingHeadline("consent", config({ widgetVersion }), false)).toBe(
        "Loads after consent: until your page passes consented={true}, nothing is requested from the widget's host, no opencx-widget:* key is written, and the widget's package (its own chunk) is not downloaded or run.",
      );
    expect(loadingHeadline("click", config({ widgetVersion: "v4" }), true)).toBe(
      "Loads on click: until the visitor presses the look-alike launcher, nothing is requested from the widget's host, no opencx-widget:* key is written, and the widget's script is not downloaded or run (its size for v4 is not documented here).",
    );
    expect(loadingHeadline("click", config({}), false)).toMatch(
      /^Loads on click: until the visitor presses the look-alike launcher, /,
    );
  });

  it("opens the widget on click only", () => {
    const base = config({ widgetToken: "wt_1" });
    expect(loadingOptionsValue(base, "click")).toEqual({ token: "wt_1", isOpen: true });
    expect(loadingOptionsValue(base, "consent")).toEqual({ token: "wt_1" });
    expect(loadingOptionsValue(base, "page-load")).toEqual({ token: "wt_1" });
  });

  it("draws the launcher in the primary colour as #rrggbb, with the palette's foreground for its brightness", () => {
    expect(launcherColors(config({}))).toEqual({ background: "#171717", foreground: "#fafafa" });
    expect(launcherColors(config({ primaryColor: "#fde047" }))).toEqual({
      background: "#fde047",
      foreground: "#0a0a0a",
    });
    expect(launcherColors(config({ primaryColor: "hsl(221 83% 53%)" })).foreground).toBe("#fafafa");
    const style = launcherStyle(config({ primaryColor: "white" }));
    expect(style).toBe(
      "position: fixed; right: 22px; bottom: 22px; z-index: 10000000; width: 48px; height: 48px; border: 0; border-radius: 9999px; padding: 0; line-height: 0; cursor: pointer; background: #ffffff; color: #0a0a0a",
    );
    // No display: the HTML page's `hidden` launcher must stay hidden.
    expect(launcherDeclarations(config({})).map(([p]) => p)).not.toContain("display");
  });
});
