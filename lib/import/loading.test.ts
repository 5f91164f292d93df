import { describe, expect, it } from "vitest";
import { defaultConfig, LOADING_MODES, type PlaygroundConfig } from "../config/options";
import { WIDGET_MAJORS } from "../config/versions";
import { generateSnippet } from "../snippets";
import { importSnippet } from "./index";
import { readLoading } from "./loading";

const config = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  widgetToken: "wt_3f9a2c7e",
  ...over,
});

const code = (target: "html" | "react" | "nextjs", c: PlaygroundConfig) =>
  generateSnippet(target, c).files[0]!.code;

describe("reading when a pasted page loads the widget", () => {
  it("reads each mode back from the HTML, React and Next.js snippets, in both majors and models", () => {
    for (const widgetVersion of WIDGET_MAJORS)
      for (const model of ["anonymous", "server"] as const)
        for (const loading of LOADING_MODES)
          for (const target of ["html", "react", "nextjs"] as const)
            expect(
              readLoading(code(target, config({ widgetVersion, model, loading }))),
              `${target} ${widgetVersion} ${model} ${loading}`,
            ).toBe(loading);
  });

  it("imports a snippet with the mode it shows, whatever the current choice", () => {
    const consent = code("html", config({ loading: "consent" }));
    const result = importSnippet(consent, config({ loading: "click" }));
    expect(result.ok && result.config.loading).toBe("consent");
    const atOnce = code("nextjs", config({}));
    const back = importSnippet(atOnce, config({ loading: "consent" }));
    expect(back.ok && back.config.loading).toBe("page-load");
  });

  it("says nothing for a page it cannot read as one of its own", () => {
    // A bare options object: the current choice stays.
    expect(readLoading("{ token: 'wt_1' }")).toBeNull();
    // A trigger beside a widget loaded at once, and both triggers.
    const tag =
      '<script src="https://unpkg.com/@opencx/widget@5.0.0/dist-embed/script.js"></script>';
    expect(readLoading(`${tag}\n<script>function onOpenCxConsent() {}</script>`)).toBeNull();
    expect(
      readLoading(
        '<button id="opencx-launcher"></button><script>function onOpenCxConsent() {}</script>',
      ),
    ).toBeNull();
    // An unpinned embed URL still loads with the page.
    expect(
      readLoading('<script src="https://unpkg.com/@opencx/widget/dist-embed/script.js"></script>'),
    ).toBe("page-load");
  });
});
