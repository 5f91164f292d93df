import FORMAT_1 from "@/lib/url/fixtures/format-1-links.json";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configArbitrary } from "../config/arbitraries";
import {
  DEFAULT_CONFIG,
  defaultConfig,
  withoutSecrets,
  type PlaygroundConfig,
} from "../config/options";
import { PRESETS } from "../config/presets";
import { parseConfig } from "../config/schema";
import { decodeConfig, encodeConfig } from "../url/codec";
import {
  DEFAULT_EMBED_OPTIONS,
  EMBED_MODES,
  EMBED_PANELS,
  EMBED_THEMES,
  embedQuery,
  parseEmbedParams,
  type EmbedOptions,
} from "./params";
import { CLIENT_TARGETS, SNIPPET_TARGETS } from "../snippets/types";

const parse = (query: string) => parseEmbedParams(new URLSearchParams(query));
const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  ...over,
});

describe("parseEmbedParams: good values", () => {
  it("gives the defaults, and no message, for an empty query", () => {
    const result = parse("");
    expect(result.options).toEqual(DEFAULT_EMBED_OPTIONS);
    expect(result.config).toEqual(DEFAULT_CONFIG);
    expect(result.preset).toBeNull();
    expect(result.issues).toEqual([]);
  });

  it("reads every parameter", () => {
    const state = encodeConfig(make({ model: "server", serverEmail: "a@b.co", orgName: "Acme" }));
    const result = parse(`panels=code,controls&tab=python&mode=readonly&theme=dark&s=${state}`);
    expect(result.issues).toEqual([]);
    expect(result.options).toEqual({
      panels: ["controls", "code"],
      tab: "python",
      mode: "readonly",
      theme: "dark",
    });
    expect(result.config.model).toBe("server");
    expect(result.config.orgName).toBe("Acme");
  });

  it("accepts spaces (a + in a query) as panel separators, any case, and ignores repeats", () => {
    expect(parse("panels=Preview+CODE+preview").options.panels).toEqual(["preview", "code"]);
    expect(parse("panels=%20controls%2C%2Cpreview%20").options.panels).toEqual([
      "controls",
      "preview",
    ]);
  });

  it("treats an empty value as absent", () => {
    const result = parse("panels=&tab=&mode=&theme=&preset=&s=");
    expect(result.options).toEqual(DEFAULT_EMBED_OPTIONS);
    expect(result.issues).toEqual([]);
  });

  it("reads Next's searchParams object, arrays included", () => {
    const result = parseEmbedParams({ theme: ["light", "dark"], panels: "code", tab: undefined });
    expect(result.options.theme).toBe("light");
    expect(result.options.panels).toEqual(["code"]);
    expect(result.issues).toEqual([
      "The embed's theme parameter was given more than once; used the first.",
    ]);
  });

  it.each(PRESETS.map((p) => p.id))("applies the preset %s over the defaults", (id) => {
    const result = parse(`preset=${id}`);
    expect(result.issues).toEqual([]);
    expect(result.preset).toBe(id);
    expect(result.config).toEqual({
      ...defaultConfig(),
      ...PRESETS.find((p) => p.id === id)!.values,
    });
    expect(parseConfig(result.config).success).toBe(true);
  });

  it("applies a preset after s, keeping the token and appearance from s like the Preset menu", () => {
    const state = encodeConfig(
      make({
        model: "browser",
        userName: "Zed",
        widgetToken: "tok_1",
        primaryColor: "#ff0000",
        language: "fr",
      }),
    );
    const { config, issues } = parse(`preset=server&s=${state}`);
    expect(issues).toEqual([]);
    expect(config).toMatchObject({
      model: "server",
      serverEmail: "jane@example.com",
      widgetToken: "tok_1",
      primaryColor: "#ff0000",
      language: "fr",
    });
    expect(config.userName).toBe(DEFAULT_CONFIG.userName);
  });

  it("opens a server tab when the state or preset is the verified model", () => {
    expect(parse("preset=server&tab=node").options.tab).toBe("node");
    expect(parse(`tab=curl&s=${encodeConfig(make({ model: "server" }))}`).options.tab).toBe("curl");
  });

  // Every target the registry has, the ones added later included.
  const verifiedState = encodeConfig(make({ model: "server", serverEmail: "jane@example.com" }));
  it.each(SNIPPET_TARGETS.map((target) => [target]))(
    "tab=%s opens that tab of a verified state, in any case, and embedQuery writes it back",
    (target) => {
      const result = parse(`tab=${target.toUpperCase()}&s=${verifiedState}`);
      expect(result.issues).toEqual([]);
      expect(result.options.tab).toBe(target);
      expect(embedQuery(result.options, result.config)).toContain(`?tab=${target}&version=`);
      expect(parse(embedQuery(result.options, result.config).slice(1)).options.tab).toBe(target);
      // A client tab opens under any model; a server tab only under the verified one.
      expect(parse(`tab=${target}`).options.tab).toBe(
        CLIENT_TARGETS.includes(target) ? target : null,
      );
    },
  );
});

describe("parseEmbedParams: bad values give defaults and a message", () => {
  it.each([
    [
      "panels=sidebar",
      "panels",
      /names no panel that exists \("sidebar"\).*Showing the default panels \(preview, code\)/,
    ],
    ["tab=cobol", "tab", /no code tab called "cobol"/],
    ["tab=node", "tab", /Node\.js tab shows server code, which only the verified model has/],
    ["mode=rw", "mode", /mode "rw" does not exist; use "edit" or "readonly"/],
    ["theme=sepia", "theme", /theme "sepia" does not exist; use "light", "dark" or "auto"/],
    ["preset=nope", "preset", /no preset called "nope"; the presets are "anonymous", /],
  ] as const)("%s", (query, _name, message) => {
    const result = parse(query);
    expect(result.options).toEqual(DEFAULT_EMBED_OPTIONS);
    expect(result.config).toEqual(DEFAULT_CONFIG);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatch(message);
  });

  it("keeps the good panels and names the bad ones", () => {
    const result = parse("panels=code,sidebar,footer");
    expect(result.options.panels).toEqual(["code"]);
    expect(result.issues).toEqual([
      'The embed\'s panels parameter names panels that do not exist ("sidebar", "footer"); the panels are "controls", "preview" or "code".',
    ]);
  });

  it("keeps the other parameters when one is bad", () => {
    const result = parse("theme=dark&mode=nope&tab=react");
    expect(result.options).toEqual({ ...DEFAULT_EMBED_OPTIONS, theme: "dark", tab: "react" });
    expect(result.issues).toHaveLength(1);
  });

  it("passes the share-link codec's messages through and keeps what it could read", () => {
    const result = parse("s=2.garbage!!&theme=light");
    expect(result.config).toEqual(DEFAULT_CONFIG);
    expect(result.options.theme).toBe("light");
    expect(result.issues).toEqual([
      "This share link is damaged: it contains characters a share link never has; showing the defaults.",
    ]);
  });

  it("names parameters it does not know, and never shows control characters", () => {
    const result = parse("panel=code&x%00y=1");
    expect(result.issues).toEqual([
      'The embed ignored parameters it does not know ("panel", "x?y"); it reads "preset", "panels", "tab", "mode", "theme", "version" or "s".',
    ]);
  });

  it("cuts long values short in its messages", () => {
    const [issue] = parse(`theme=${"x".repeat(500)}`).issues;
    expect(issue!.length).toBeLessThan(150);
  });

  it("caps the number of messages", () => {
    const query = Array.from({ length: 30 }, (_, i) => `unknown${i}=1&theme=${i}`).join("&");
    expect(parse(query).issues.length).toBeLessThanOrEqual(13);
  });

  it("never throws, whatever it is given", () => {
    const values = fc.oneof(
      fc.string(),
      fc.constantFrom(
        ...EMBED_PANELS,
        ...EMBED_MODES,
        ...EMBED_THEMES,
        ...SNIPPET_TARGETS,
        ...PRESETS.map((p) => p.id),
        "1.",
        " ",
      ),
    );
    const names = fc.constantFrom(
      "s",
      "preset",
      "panels",
      "tab",
      "mode",
      "theme",
      "other",
      "__proto__",
      "constructor",
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(names, values), { maxLength: 8 }), (pairs) => {
        const result = parseEmbedParams(new URLSearchParams(pairs));
        expect(parseConfig(result.config).success).toBe(true);
        expect(result.options.panels.length).toBeGreaterThan(0);
        expect(EMBED_MODES).toContain(result.options.mode);
        expect(EMBED_THEMES).toContain(result.options.theme);
        const asObject = Object.fromEntries(pairs.map(([k, v]) => [k, [v, v]]));
        expect(() => parseEmbedParams(asObject)).not.toThrow();
      }),
      { numRuns: 300 },
    );
    expect(parseEmbedParams(null).issues).toEqual([]);
    expect(parseEmbedParams(undefined).options).toEqual(DEFAULT_EMBED_OPTIONS);
    expect(() => parseEmbedParams({ s: 42 as unknown as string })).not.toThrow();
  });
});

describe("embedQuery", () => {
  it("holds only the widget version for the defaults", () => {
    expect(
      embedQuery(
        { ...DEFAULT_EMBED_OPTIONS, panels: [...DEFAULT_EMBED_OPTIONS.panels] },
        defaultConfig(),
      ),
    ).toBe("?version=v5");
  });

  it("writes the widget version as its own parameter, not inside the state", () => {
    const v4 = make({ widgetVersion: "v4" });
    expect(embedQuery(DEFAULT_EMBED_OPTIONS, v4)).toBe("?version=v4");
    const query = embedQuery(
      DEFAULT_EMBED_OPTIONS,
      make({ widgetVersion: "v4", model: "collect" }),
    );
    expect(query).toMatch(/^\?version=v4&s=2\./);
    expect(parse(query.slice(1)).config).toEqual(make({ widgetVersion: "v4", model: "collect" }));
    // The state alone, without the parameter, says v5: the version lives in `version`.
    const state = new URLSearchParams(query.slice(1)).get("s");
    expect(decodeConfig(state).config.widgetVersion).toBe("v5");
  });

  it("writes non-defaults in a fixed order, panels in panel order", () => {
    const options: EmbedOptions = {
      panels: ["code", "controls"],
      tab: "react",
      mode: "readonly",
      theme: "light",
    };
    expect(embedQuery(options, defaultConfig())).toBe(
      "?panels=controls,code&tab=react&mode=readonly&theme=light&version=v5",
    );
  });

  it("leaves out a server tab the state does not have", () => {
    expect(embedQuery({ ...DEFAULT_EMBED_OPTIONS, tab: "node" }, defaultConfig())).toBe(
      "?version=v5",
    );
  });

  it("round-trips through parseEmbedParams, without secrets", () => {
    const optionsArbitrary = fc.record({
      panels: fc.subarray([...EMBED_PANELS], { minLength: 1 }),
      tab: fc.option(fc.constantFrom(...SNIPPET_TARGETS), { nil: null }),
      mode: fc.constantFrom(...EMBED_MODES),
      theme: fc.constantFrom(...EMBED_THEMES),
    });
    fc.assert(
      fc.property(optionsArbitrary, configArbitrary({ hostile: true }), (options, config) => {
        const query = embedQuery(options, config);
        const result = parse(query.slice(1));
        expect(result.issues).toEqual([]);
        // The state is exactly what the share link of the same config opens (the codec's own round trip is tested there).
        expect(result.config).toEqual(decodeConfig(encodeConfig(config)).config);
        expect(result.config.apiKey).toBe(withoutSecrets(config).apiKey);
        const tabKept =
          options.tab !== null &&
          (config.model === "server" || CLIENT_TARGETS.includes(options.tab));
        expect(result.options).toEqual({ ...options, tab: tabKept ? options.tab : null });
      }),
      { numRuns: 150 },
    );
  });
});

describe("the preset parameter", () => {
  it("leaves the link's config as it is for an unknown preset", () => {
    const state = encodeConfig(make({ model: "collect", prefillName: "Ada" }));
    expect(parse(`s=${state}&preset=nope`).config).toEqual(
      make({ model: "collect", prefillName: "Ada" }),
    );
  });
});

describe("the version parameter", () => {
  it.each([
    ["v5", "v5"],
    ["V4", "v4"],
    [" v4 ", "v4"],
    ["4", "v4"],
    ["5", "v5"],
    ["4.0.63", "v4"],
    ["5.0.0", "v5"],
  ] as const)("reads %j as %s, silently", (value, major) => {
    const result = parse(`version=${encodeURIComponent(value)}`);
    expect(result.config).toEqual(make({ widgetVersion: major }));
    expect(result.issues).toEqual([]);
  });

  it("opens another release of a known major at the playground's pin, and says so", () => {
    const result = parse("version=4.0.57");
    expect(result.config.widgetVersion).toBe("v4");
    expect(result.issues).toEqual([
      'The playground pins v4 to 4.0.63; the embed\'s version "4.0.57" opens as widget v4 (4.0.63).',
    ]);
  });

  it.each(["latest", "^5.0.0", "v3", "6.0.0", "five"])(
    "refuses %j with a message and keeps the state's version",
    (value) => {
      const result = parse(`version=${encodeURIComponent(value)}`);
      expect(result.config.widgetVersion).toBe("v5");
      expect(result.issues).toEqual([
        `The embed's version ${JSON.stringify(value)} is not one the playground offers; use "v5" or "v4" (or "5.0.0" or "4.0.63"). Showing widget v5 (5.0.0).`,
      ]);
      const fromV4Link = parse(
        `version=${encodeURIComponent(value)}&s=${encodeConfig(make({ widgetVersion: "v4", model: "collect" }))}`,
      );
      expect(fromV4Link.config.widgetVersion).toBe("v4");
      expect(fromV4Link.issues[0]).toMatch(/Showing widget v4 \(4\.0\.63\)\.$/);
    },
  );

  it("wins over the state's version, and keeps every other setting", () => {
    const state = encodeConfig(make({ widgetVersion: "v4", model: "browser", userName: "Ada" }));
    expect(parse(`version=v5&s=${state}`).config).toEqual(
      make({ model: "browser", userName: "Ada", widgetVersion: "v5" }),
    );
  });

  it("opens a format-1 state (made for v4) as v4 unless the parameter says otherwise", () => {
    const { link } = FORMAT_1.find((f) => f.name === "collect with extras")!;
    expect(parse(`s=${link}`).config.widgetVersion).toBe("v4");
    expect(parse(`version=v5&s=${link}`).config.widgetVersion).toBe("v5");
    expect(parse(`version=v5&s=${link}`).config.extraFields).toEqual(["Order number", "Plan"]);
  });
});
