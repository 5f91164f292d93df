/**
 * Links made before the widget-version axis (format 1, by main at c9e1ceb, when the playground
 * targeted widget v4 only) keep their meaning: they open the same configuration as before, as
 * widget v4, and say so (`madeForV4`). The fixtures were written by that main's `encodeConfig`.
 */
import LZString from "lz-string";
import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { parseConfig } from "../config/schema";
import { configFromSearchParams, decodeConfig, encodeConfig, shareUrl } from "./codec";
import fixtures from "./fixtures/format-1-links.json";

type Fixture = { name: string; config: Record<string, unknown>; link: string };
const FIXTURES = fixtures as Fixture[];
const LINKS = FIXTURES.filter((f) => f.link !== "");

describe("format-1 links (made when the playground was v4 only)", () => {
  it("are real format-1 links, several of them", () => {
    expect(LINKS.length).toBeGreaterThanOrEqual(8);
    for (const f of LINKS) expect(f.link, f.name).toMatch(/^1\.[A-Za-z0-9+-]+$/);
  });

  it("open the same configuration as before, as v4, with no problem reported", () => {
    for (const f of LINKS) {
      const result = decodeConfig(f.link);
      // Every field the old config had is read back as it was (the old config had no version).
      const expected = { ...defaultConfig(), ...f.config, widgetVersion: "v4" } as PlaygroundConfig;
      expect(parseConfig(expected).success, f.name).toBe(true);
      expect(result, f.name).toEqual({ config: expected, issues: [], ok: true, madeForV4: true });
    }
  });

  it("open as v4 through the page's search parameters too", () => {
    for (const f of LINKS) {
      const result = configFromSearchParams(new URLSearchParams(`s=${f.link}`));
      expect(result.madeForV4, f.name).toBe(true);
      expect(result.config.widgetVersion, f.name).toBe("v4");
    }
  });

  it("re-encode as format 2 with the version written, and that link opens as v4 without the note", () => {
    for (const f of LINKS) {
      const { config } = decodeConfig(f.link);
      const again = encodeConfig(config);
      expect(again.startsWith("2."), f.name).toBe(true);
      expect(decodeConfig(again), f.name).toEqual({
        config,
        issues: [],
        ok: true,
        madeForV4: false,
      });
      expect(shareUrl("/", config)).toBe(`/?s=${again}`);
    }
  });

  it("a bare page and the old defaults (no link at all) are v5", () => {
    const empty = FIXTURES.find((f) => f.link === "");
    expect(empty).toBeDefined();
    expect(decodeConfig("")).toEqual({
      config: defaultConfig(),
      issues: [],
      ok: true,
      madeForV4: false,
    });
    expect(decodeConfig("").config.widgetVersion).toBe("v5");
  });

  it("a damaged or empty format-1 link shows the defaults (v5), like any unreadable link", () => {
    expect(decodeConfig("1.")).toEqual({
      config: defaultConfig(),
      issues: [],
      ok: true,
      madeForV4: false,
    });
    const cut = decodeConfig(LINKS[0]!.link.slice(0, 8));
    expect(cut.madeForV4).toBe(false);
    expect(cut.config).toEqual(defaultConfig());
    expect(cut.ok).toBe(false);
  });

  it("a format-1 link with a bad value keeps the rest, still as v4, and names the value", () => {
    const payload = { m: "collect", o: "Kept", pc: "not a colour" };
    const result = decodeConfig(
      `1.${LZString.compressToEncodedURIComponent(JSON.stringify(payload))}`,
    );
    expect(result.madeForV4).toBe(true);
    expect(result.config.widgetVersion).toBe("v4");
    expect(result.config.model).toBe("collect");
    expect(result.config.orgName).toBe("Kept");
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      'The link\'s primary colour "not a colour" is not a colour the widget understands; kept the default.',
    ]);
  });
});
