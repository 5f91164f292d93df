/**
 * The lifecycle card's switches in share links (keys `sk`, `rm`, `km`, `rn`): on is the default
 * and writes nothing, so every link made before them, format 1 included, reads exactly as before
 * with every switch on; a switch turned off is written under its key and read back.
 */
import LZString from "lz-string";
import { describe, expect, it } from "vitest";
import { defaultConfig, OPTIONS, type PlaygroundConfig } from "../config/options";
import { decodeConfig, encodeConfig, LINK_FORMAT_VERSION } from "./codec";
import fixtures from "./fixtures/format-1-links.json";

const SWITCHES = {
  signOutClearsKeys: "sk",
  remountOnIdentityChange: "rm",
  keepMounted: "km",
  renewsToken: "rn",
} as const;
type Switch = keyof typeof SWITCHES;
const KEYS = Object.keys(SWITCHES) as Switch[];

const payloadOf = (encoded: string) =>
  JSON.parse(LZString.decompressFromEncodedURIComponent(encoded.slice(2))) as Record<
    string,
    unknown
  >;
const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  ...over,
});

describe("the lifecycle switches in a share link", () => {
  it("have the keys sk, rm, km and rn", () => {
    for (const key of KEYS) expect(OPTIONS[key].urlKey, key).toBe(SWITCHES[key]);
  });

  it("write nothing while on: a default config's link is still empty, a link's payload holds no lifecycle key", () => {
    expect(encodeConfig(defaultConfig())).toBe("");
    const encoded = encodeConfig(make({ model: "server", serverEmail: "a@b.c" }));
    expect(payloadOf(encoded)).toEqual({ m: "server", se: "a@b.c" });
  });

  it.each(KEYS)("%s off is written as false under its key alone, and read back", (key) => {
    for (const widgetVersion of ["v5", "v4"] as const) {
      // The other version's switch is kept for a switch back, like any value.
      const config = make({ widgetVersion, model: "server", [key]: false });
      const encoded = encodeConfig(config);
      const version = widgetVersion === "v4" ? { v: "v4" } : {};
      expect(payloadOf(encoded)).toEqual({ ...version, m: "server", [SWITCHES[key]]: false });
      expect(decodeConfig(encoded)).toEqual({ config, issues: [], ok: true, madeForV4: false });
    }
  });

  it("all four off round-trip together, in table order", () => {
    const config = make({
      signOutClearsKeys: false,
      remountOnIdentityChange: false,
      keepMounted: false,
      renewsToken: false,
    });
    const encoded = encodeConfig(config);
    expect(Object.keys(payloadOf(encoded))).toEqual(["sk", "rm", "km", "rn"]);
    expect(decodeConfig(encoded).config).toEqual(config);
  });

  it("a link from before the switches (format 1 or 2, no such key) opens with every switch on", () => {
    const links = (fixtures as { link: string }[]).map((f) => f.link).filter(Boolean);
    links.push(
      `${LINK_FORMAT_VERSION}.${LZString.compressToEncodedURIComponent('{"m":"browser"}')}`,
    );
    for (const link of links) {
      const { config, issues } = decodeConfig(link);
      expect(issues, link).toEqual([]);
      for (const key of KEYS) expect(config[key], `${key} in ${link}`).toBe(true);
    }
  });

  it("a switch that is not a boolean falls back to on, naming it, and keeps the rest", () => {
    const link = `${LINK_FORMAT_VERSION}.${LZString.compressToEncodedURIComponent(
      JSON.stringify({ m: "collect", sk: "no", km: false }),
    )}`;
    const result = decodeConfig(link);
    expect(result.config).toMatchObject({
      model: "collect",
      signOutClearsKeys: true,
      keepMounted: false,
    });
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toContain(OPTIONS.signOutClearsKeys.name);
  });
});
