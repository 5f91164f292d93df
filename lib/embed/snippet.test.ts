import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { fakeKey } from "../secrets/test-support/fake-keys";
import { DEFAULT_EMBED_OPTIONS, parseEmbedParams, type EmbedOptions } from "./params";
import {
  DEFAULT_EMBED_SIZING,
  clampHeight,
  embedUrl,
  fullPlaygroundUrl,
  generateEmbedIframe,
  generateEmbedScript,
  reservedHeights,
} from "./snippet";

const ORIGIN = "https://play.example.com";
const defaults: EmbedOptions = {
  ...DEFAULT_EMBED_OPTIONS,
  panels: [...DEFAULT_EMBED_OPTIONS.panels],
};

describe("generateEmbedIframe", () => {
  it("gives a fixed-height iframe with the script's limits", () => {
    expect(generateEmbedIframe(`${ORIGIN}/`, defaults, defaultConfig())).toBe(
      [
        "<iframe",
        '  src="https://play.example.com/embed?version=v5"',
        '  title="open.cx Identity Playground"',
        '  width="100%"',
        '  height="2365"',
        '  style="display: block; width: 100%; border: 0;"',
        '  loading="lazy"',
        '  allow="clipboard-write"',
        "  data-opencx-playground",
        '  data-min-height="400"',
        '  data-max-height="2400"',
        '  data-reserve="0:2400 640:2365 1024:2046"',
        ">",
        '  <a href="https://play.example.com/">Open the Identity Playground</a>',
        "</iframe>",
        '<noscript><a href="https://play.example.com/" target="_blank" rel="noopener">Open the Identity Playground in a new tab</a></noscript>',
      ].join("\n"),
    );
  });

  it("links to the full playground on the same state inside the frame and in a <noscript>, for when the embed cannot load", () => {
    const config: PlaygroundConfig = {
      ...defaultConfig(),
      model: "collect",
      apiKey: fakeKey("live", "secret"),
    };
    const full = fullPlaygroundUrl(`${ORIGIN}/`, config);
    expect(full).toMatch(/^https:\/\/play\.example\.com\/\?s=2\./);
    const html = generateEmbedIframe(ORIGIN, defaults, config);
    const escaped = full.replace(/&/g, "&amp;");
    expect(html).toContain(`>\n  <a href="${escaped}">Open the Identity Playground</a>\n</iframe>`);
    expect(html).toContain(`<noscript><a href="${escaped}" target="_blank" rel="noopener">`);
    expect(html).not.toContain("secret");
    // Without the script, too.
    expect(
      generateEmbedIframe(ORIGIN, defaults, config, { ...DEFAULT_EMBED_SIZING, autoHeight: false }),
    ).toContain(`<noscript><a href="${escaped}"`);
  });

  it("escapes the URL for an HTML attribute and leaves the limits out without the script", () => {
    const options: EmbedOptions = {
      panels: ["code"],
      tab: "react",
      mode: "readonly",
      theme: "dark",
    };
    const html = generateEmbedIframe(ORIGIN, options, defaultConfig(), {
      ...DEFAULT_EMBED_SIZING,
      autoHeight: false,
      height: 640,
    });
    expect(html).toContain(
      'src="https://play.example.com/embed?panels=code&amp;tab=react&amp;mode=readonly&amp;theme=dark&amp;version=v5"',
    );
    expect(html).toContain('height="640"');
    expect(html).not.toContain("data-min-height");
  });

  it("never carries a secret, and its URL opens the same state", () => {
    const config: PlaygroundConfig = {
      ...defaultConfig(),
      model: "server",
      serverEmail: "a@b.co",
      apiKey: fakeKey("live", "secret"),
      contactToken: "eyJ.secret.jwt",
    };
    const html = generateEmbedIframe(ORIGIN, defaults, config);
    expect(html).not.toContain("secret");
    const url = new URL(embedUrl(ORIGIN, { ...defaults, tab: "node" }, config));
    const parsed = parseEmbedParams(url.searchParams);
    expect(parsed.issues).toEqual([]);
    expect(parsed.config).toMatchObject({
      model: "server",
      serverEmail: "a@b.co",
      apiKey: "",
      contactToken: "",
    });
    expect(parsed.options.tab).toBe("node");
  });

  it("keeps heights sane", () => {
    expect(clampHeight(12, 900)).toBe(200);
    expect(clampHeight("1500.4", 900)).toBe(1500);
    expect(clampHeight(1e9, 900)).toBe(10_000);
    expect(clampHeight("", 900)).toBe(900);
    expect(clampHeight(Number.NaN, 900)).toBe(900);
    const html = generateEmbedIframe(ORIGIN, defaults, defaultConfig(), {
      height: 900,
      autoHeight: true,
      minHeight: 3000,
      maxHeight: 1000,
    });
    expect(html).toContain('data-min-height="3000"');
    expect(html).toContain('data-max-height="3000"');
  });
});

describe("reservedHeights", () => {
  const panels = (...p: EmbedOptions["panels"]): EmbedOptions => ({ ...defaults, panels: p });

  it("reserves more for more panels, for the verified model, and for a narrow frame", () => {
    // Unclamped (the default limit, 2400 px, caps the taller cases alike).
    const tall = { ...DEFAULT_EMBED_SIZING, maxHeight: 10_000 };
    const preview = reservedHeights(panels("preview"), defaultConfig(), tall);
    const previewCode = reservedHeights(panels("preview", "code"), defaultConfig(), tall);
    expect(preview.map(([w]) => w)).toEqual([0, 640, 1024]);
    for (let i = 0; i < 3; i++) expect(previewCode[i]![1]).toBeGreaterThan(preview[i]![1]);
    const server = reservedHeights(
      panels("preview", "code"),
      { ...defaultConfig(), model: "server" },
      tall,
    );
    for (let i = 0; i < 3; i++) expect(server[i]![1]).toBeGreaterThan(previewCode[i]![1]);
    expect(previewCode[0]![1]).toBeGreaterThan(previewCode[2]![1]);
  });

  it("puts the controls beside the other panels from 1024 px, and clamps to the limits", () => {
    const all = reservedHeights(panels("controls", "preview", "code"), defaultConfig(), {
      ...DEFAULT_EMBED_SIZING,
      maxHeight: 10_000,
    });
    const controls = reservedHeights(panels("controls"), defaultConfig(), {
      ...DEFAULT_EMBED_SIZING,
      maxHeight: 10_000,
    });
    expect(all[1]![1]).toBeGreaterThan(controls[1]![1] + 1000);
    // Beside: the 340 px column is taller than the full-width controls alone (its text wraps
    // more), but short of the controls with the preview and code stacked under them.
    const rest = reservedHeights(panels("preview", "code"), defaultConfig(), {
      ...DEFAULT_EMBED_SIZING,
      maxHeight: 10_000,
    });
    expect(all[2]![1]).toBeGreaterThan(controls[2]![1]);
    expect(all[2]![1]).toBeLessThan(controls[2]![1] + rest[2]![1] - 43);
    const clamped = reservedHeights(panels("controls", "preview", "code"), defaultConfig());
    expect(clamped.map(([, h]) => h)).toEqual([2400, 2400, 2400]);
    expect(
      reservedHeights(panels("code"), defaultConfig(), {
        ...DEFAULT_EMBED_SIZING,
        minHeight: 3000,
      }).map(([, h]) => h),
    ).toEqual([3000, 3000, 3000]);
  });
});

describe("generateEmbedScript", () => {
  it("loads embed.js from the playground's origin, once per page", () => {
    expect(generateEmbedScript(`${ORIGIN}/`)).toBe(
      '<script src="https://play.example.com/embed.js" async></script>',
    );
  });

  it("pins the embed to the state's widget version", () => {
    const v4 = { ...defaultConfig(), widgetVersion: "v4" as const };
    expect(generateEmbedIframe(ORIGIN, defaults, v4)).toContain(
      'src="https://play.example.com/embed?version=v4"',
    );
    expect(embedUrl(ORIGIN, defaults, defaultConfig())).toBe(
      "https://play.example.com/embed?version=v5",
    );
  });
});
