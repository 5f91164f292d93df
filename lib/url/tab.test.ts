import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configArbitrary } from "../config/arbitraries";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { applicableTargets } from "../snippets";
import {
  CLIENT_TARGETS,
  SERVER_TARGETS,
  SNIPPET_TARGETS,
  SNIPPET_TARGET_LABELS,
  type SnippetTarget,
} from "../snippets/types";
import { configFromSearchParams, encodeConfig } from "./codec";
import {
  TAB_PARAM,
  parseTarget,
  playgroundUrl,
  readTab,
  shownTarget,
  tabFromSearchParams,
} from "./tab";

const make = (over: Partial<PlaygroundConfig> = {}): PlaygroundConfig => ({
  ...defaultConfig(),
  ...over,
});
const verified = make({ model: "server", serverEmail: "jane@example.com" });
const anonymous = make();
const FIRST = SNIPPET_TARGETS[0];

/** Opens a link the way the server page does: the state, then the tab against it. */
function open(url: string) {
  const params = new URL(url, "https://playground.test").searchParams;
  const { config, issues } = configFromSearchParams(params);
  const tab = tabFromSearchParams(params, config);
  return { config, issues: [...issues, ...tab.issues], tab: tab.tab };
}

describe("the code tab in the playground's link", () => {
  it("reads every target by its name, trimmed and in any case", () => {
    for (const target of SNIPPET_TARGETS) {
      expect(parseTarget(target)).toBe(target);
      expect(parseTarget(` ${target.toUpperCase()} `)).toBe(target);
      expect(readTab(target, verified)).toEqual({ tab: target, issues: [] });
    }
    expect(parseTarget("nope")).toBeUndefined();
    expect(parseTarget("")).toBeUndefined();
  });

  it("a link without a tab (or an empty one) opens the first tab and says nothing", () => {
    expect(readTab(undefined, verified)).toEqual({ tab: null, issues: [] });
    expect(readTab(null, verified)).toEqual({ tab: null, issues: [] });
    expect(readTab("  ", verified)).toEqual({ tab: null, issues: [] });
    expect(tabFromSearchParams(undefined, verified)).toEqual({ tab: null, issues: [] });
    expect(tabFromSearchParams({}, verified)).toEqual({ tab: null, issues: [] });
  });

  it("an unknown tab opens the first tab with one sentence naming it and the tabs there are", () => {
    const { tab, issues } = readTab("cobol", verified);
    expect(tab).toBeNull();
    expect(issues).toEqual([
      `The link's code tab "cobol" does not exist (the tabs are ${SNIPPET_TARGETS.join(", ")}); showing the first tab.`,
    ]);
    // Control characters are not echoed, and a long value is cut.
    expect(readTab("a\u0000b", verified).issues[0]).toContain('"a?b"');
    expect(readTab("x".repeat(100), verified).issues[0]).toContain(`"${"x".repeat(31)}…"`);
  });

  it("a server tab under a model that is not verified is kept as the choice, with a sentence", () => {
    for (const target of SERVER_TARGETS) {
      const { tab, issues } = readTab(target, anonymous);
      expect(tab).toBe(target);
      expect(issues).toEqual([
        `The link opens the ${SNIPPET_TARGET_LABELS[target]} tab, which shows server code and only the verified model has; showing the first tab until the model is verified.`,
      ]);
    }
    for (const target of CLIENT_TARGETS) expect(readTab(target, anonymous).issues).toEqual([]);
  });

  it("a repeated tab uses its first value, in both searchParams forms", () => {
    expect(tabFromSearchParams({ [TAB_PARAM]: ["go", "php"] }, verified).tab).toBe("go");
    expect(tabFromSearchParams(new URLSearchParams("tab=ruby&tab=go"), verified).tab).toBe("ruby");
    expect(tabFromSearchParams({ [TAB_PARAM]: [] }, verified)).toEqual({ tab: null, issues: [] });
  });

  it("shows the choice while it is offered, else the first tab offered", () => {
    const offered = applicableTargets(anonymous);
    expect(shownTarget("go", offered)).toBe(FIRST);
    expect(shownTarget("react", offered)).toBe("react");
    expect(shownTarget(null, offered)).toBe(FIRST);
    expect(shownTarget("go", applicableTargets(verified))).toBe("go");
    expect(shownTarget("go", [])).toBeUndefined();
  });

  it("writes the tab before the state, and nothing for the first tab", () => {
    const s = encodeConfig(verified);
    expect(playgroundUrl("/", verified, "go")).toBe(`/?tab=go&s=${s}`);
    expect(playgroundUrl("/", verified, FIRST)).toBe(`/?s=${s}`);
    expect(playgroundUrl("/", verified, null)).toBe(`/?s=${s}`);
    expect(playgroundUrl("/", anonymous, "react")).toBe("/?tab=react");
    expect(playgroundUrl("/", anonymous, null)).toBe("/");
    // A server tab the model does not offer: the link shows what the reader sees, the first tab.
    expect(playgroundUrl("/", anonymous, "go")).toBe("/");
  });

  it("replaces an old tab and keeps other parameters and the hash", () => {
    const s = encodeConfig(verified);
    expect(playgroundUrl("https://x.test/p?tab=php&utm=1#code", verified, "java")).toBe(
      `https://x.test/p?utm=1&tab=java&s=${s}#code`,
    );
    expect(playgroundUrl("/?tab=php&s=2.old", anonymous, null)).toBe("/");
    expect(playgroundUrl("/?%74ab=php", anonymous, null)).toBe("/");
  });

  it("any state round-trips through the link: the same settings and the same tab shown", () => {
    const target = fc.option(fc.constantFrom(...SNIPPET_TARGETS), { nil: null });
    fc.assert(
      fc.property(configArbitrary(), target, (config, choice) => {
        const url = playgroundUrl("https://playground.test/", config, choice);
        const opened = open(url);
        expect(opened.issues).toEqual([]);
        expect(encodeConfig(opened.config)).toBe(encodeConfig(config));
        const offered = applicableTargets(config);
        expect(shownTarget(opened.tab, applicableTargets(opened.config))).toBe(
          shownTarget(choice, offered),
        );
        // And the link opened again gives the same link.
        expect(playgroundUrl("https://playground.test/", opened.config, opened.tab)).toBe(url);
      }),
      { numRuns: 500 },
    );
  });

  it("a link with a bad tab keeps every setting it carries", () => {
    const s = encodeConfig(verified);
    const opened = open(`/?tab=%3Cscript%3E&s=${s}`);
    expect(opened.tab).toBeNull();
    expect(opened.config).toEqual(verified);
    expect(opened.issues).toHaveLength(1);
    expect(opened.issues[0]).toContain('"<script>"');
  });

  it("opens each server tab of a verified link as that tab", () => {
    for (const target of SERVER_TARGETS as readonly SnippetTarget[]) {
      const opened = open(playgroundUrl("/", verified, target));
      expect(opened.tab).toBe(target);
      expect(opened.issues).toEqual([]);
    }
  });
});
