import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { DEFAULT_EMBED_OPTIONS, parseEmbedParams, type EmbedOptions } from "./params";
import { DEFAULT_EMBED_SIZING, clampHeight, embedUrl, generateEmbedIframe, generateEmbedScript } from "./snippet";

const ORIGIN = "https://play.example.com";
const defaults: EmbedOptions = { ...DEFAULT_EMBED_OPTIONS, panels: [...DEFAULT_EMBED_OPTIONS.panels] };

describe("generateEmbedIframe", () => {
  it("gives a fixed-height iframe with the script's limits", () => {
    expect(generateEmbedIframe(`${ORIGIN}/`, defaults, defaultConfig())).toBe(
      [
        "<iframe",
        '  src="https://play.example.com/embed"',
        '  title="open.cx Identity Playground"',
        '  width="100%"',
        '  height="900"',
        '  style="display: block; width: 100%; border: 0;"',
        '  loading="lazy"',
        '  allow="clipboard-write"',
        "  data-opencx-playground",
        '  data-min-height="400"',
        '  data-max-height="2400"',
        "></iframe>",
      ].join("\n"),
    );
  });

  it("escapes the URL for an HTML attribute and leaves the limits out without the script", () => {
    const options: EmbedOptions = { panels: ["code"], tab: "react", mode: "readonly", theme: "dark" };
    const html = generateEmbedIframe(ORIGIN, options, defaultConfig(), { ...DEFAULT_EMBED_SIZING, autoHeight: false, height: 640 });
    expect(html).toContain('src="https://play.example.com/embed?panels=code&amp;tab=react&amp;mode=readonly&amp;theme=dark"');
    expect(html).toContain('height="640"');
    expect(html).not.toContain("data-min-height");
  });

  it("never carries a secret, and its URL opens the same state", () => {
    const config: PlaygroundConfig = { ...defaultConfig(), model: "server", serverEmail: "a@b.co", apiKey: "sk_live_secret", contactToken: "eyJ.secret.jwt" };
    const html = generateEmbedIframe(ORIGIN, defaults, config);
    expect(html).not.toContain("secret");
    const url = new URL(embedUrl(ORIGIN, { ...defaults, tab: "node" }, config));
    const parsed = parseEmbedParams(url.searchParams);
    expect(parsed.issues).toEqual([]);
    expect(parsed.config).toMatchObject({ model: "server", serverEmail: "a@b.co", apiKey: "", contactToken: "" });
    expect(parsed.options.tab).toBe("node");
  });

  it("keeps heights sane", () => {
    expect(clampHeight(12, 900)).toBe(200);
    expect(clampHeight("1500.4", 900)).toBe(1500);
    expect(clampHeight(1e9, 900)).toBe(10_000);
    expect(clampHeight("", 900)).toBe(900);
    expect(clampHeight(Number.NaN, 900)).toBe(900);
    const html = generateEmbedIframe(ORIGIN, defaults, defaultConfig(), { height: 900, autoHeight: true, minHeight: 3000, maxHeight: 1000 });
    expect(html).toContain('data-min-height="3000"');
    expect(html).toContain('data-max-height="3000"');
  });
});

describe("generateEmbedScript", () => {
  it("loads embed.js from the playground's origin, once per page", () => {
    expect(generateEmbedScript(`${ORIGIN}/`)).toBe('<script src="https://play.example.com/embed.js" async></script>');
  });
});
