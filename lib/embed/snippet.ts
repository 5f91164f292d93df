/**
 * The code the Embed dialog hands a docs author: an `<iframe>` that works on
 * its own at a fixed height, and the optional one-line `<script>` that makes
 * it follow its content's height (`public/embed.js`).
 *
 * The iframe carries, for the script, the height to reserve before the embed
 * has loaded (`data-reserve`, per frame width, from `reservedHeights`), so a
 * lazy embed below the fold barely changes size when it loads; and, for when
 * it cannot load, a plain link to the full playground inside the element
 * (which `embed.js` shows in place of a failed frame) and in a `<noscript>`.
 *
 * Deterministic: the same inputs give the same text. Attribute values are
 * HTML-escaped; the state travels as a share link, so no secret is ever in it.
 */
import type { PlaygroundConfig } from "../config/options";
import { shareUrl } from "../url/codec";
import type { EmbedPanel } from "./options";
import { embedQuery, type EmbedOptions } from "./params";

export const EMBED_PATH = "/embed";
export const EMBED_SCRIPT_PATH = "/embed.js";
/** The attribute `embed.js` looks for. */
export const EMBED_FRAME_ATTRIBUTE = "data-opencx-playground";

export const EMBED_HEIGHT_LIMITS = { min: 200, max: 10_000 } as const;

export interface EmbedSizing {
  /** The iframe's height without the script (with it, the frame starts at its reserved height). */
  height: number;
  /** Emit the `data-min-height` / `data-max-height` the script clamps to. */
  autoHeight: boolean;
  minHeight: number;
  maxHeight: number;
}

export const DEFAULT_EMBED_SIZING: Readonly<EmbedSizing> = Object.freeze({
  height: 900,
  autoHeight: true,
  minHeight: 400,
  maxHeight: 2400,
});

/** A whole number of pixels within `EMBED_HEIGHT_LIMITS`; `fallback` for anything unusable. */
export function clampHeight(value: unknown, fallback: number): number {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && value.trim() !== ""
        ? Number(value)
        : NaN;
  if (!Number.isFinite(n)) return fallback;
  return Math.round(Math.min(EMBED_HEIGHT_LIMITS.max, Math.max(EMBED_HEIGHT_LIMITS.min, n)));
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The origin without a trailing slash: `https://play.example.com`. */
const trimOrigin = (origin: string) => origin.replace(/\/+$/, "");

/** The absolute `/embed` URL for these options and this state. */
export function embedUrl(origin: string, options: EmbedOptions, config: PlaygroundConfig): string {
  return `${trimOrigin(origin)}${EMBED_PATH}${embedQuery(options, config)}`;
}

/** The full playground on this state: the way forward when the embed cannot load. */
export function fullPlaygroundUrl(origin: string, config: PlaygroundConfig): string {
  return shareUrl(`${trimOrigin(origin)}/`, config);
}

/** The frame widths (CSS px) from which a reserved height applies; `lg` (1024) puts the controls beside the rest. */
const RESERVE_WIDTHS = [0, 640, 1024] as const;

type Steps = readonly [number, number, number];

/**
 * The embed's content height (CSS px) at each of `RESERVE_WIDTHS`, measured
 * in Chromium with 358, 700 and 1248 px frames. A reservation should err on
 * the tall side (a frame that is too tall shrinks once it is off-screen, one
 * too short pushes the text below it), but a frame at the low end of a step
 * (640–699 or 1024–1247 px) may be taller than measured. The verified model
 * (`server`) adds its fields and server code. Every panel was measured again
 * when the lifecycle card and the lifecycle snippets came (issue 17; controls
 * plus 8 px), and the controls again when the Loading card came (issue 21: the card and its gap,
 * 288, 224 and 288 px at 358, 700 and 1248 px frames; 224 for controls alone at `lg`, where
 * they are as wide as at 700). e2e/embed-host-cls.spec.ts compares one case with the real embed
 * (all panels, the default model); the others are not checked.
 */
const HEADER: Steps = [75, 43, 43];
const PANEL_HEIGHTS: Record<EmbedPanel, { base: Steps; server: Steps }> = {
  controls: { base: [2582, 2100, 1972], server: [4102, 3280, 3087] },
  preview: { base: [1202, 1040, 974], server: [1498, 1230, 1116] },
  code: { base: [1747, 1282, 1029], server: [2949, 2080, 1679] },
};
/** At `lg` (1024) and wider, the controls are a 340 px column beside the other panels, and taller. */
const CONTROLS_BESIDE = { base: 2631, server: 4203 } as const;

/** The script's height limits for `sizing`, clamped to what the embed allows (max never below min). */
function heightLimits(sizing: EmbedSizing): { min: number; max: number } {
  const min = clampHeight(sizing.minHeight, DEFAULT_EMBED_SIZING.minHeight);
  return { min, max: Math.max(min, clampHeight(sizing.maxHeight, DEFAULT_EMBED_SIZING.maxHeight)) };
}

/**
 * The height `embed.js` reserves for an embed before it reports its own, per
 * frame width: `[fromWidth, height]` pairs, clamped to the script's limits.
 */
export function reservedHeights(
  options: EmbedOptions,
  config: PlaygroundConfig,
  sizing: EmbedSizing = DEFAULT_EMBED_SIZING,
): [number, number][] {
  const { min, max } = heightLimits(sizing);
  const kind = config.model === "server" ? "server" : "base";
  const shown = (panel: EmbedPanel) => options.panels.includes(panel);
  return RESERVE_WIDTHS.map((width, step) => {
    const height = (panel: EmbedPanel) => (shown(panel) ? PANEL_HEIGHTS[panel][kind][step]! : 0);
    const rest = height("preview") + height("code");
    const beside = width >= 1024 && shown("controls") && rest > 0;
    const content =
      HEADER[step]! + (beside ? Math.max(CONTROLS_BESIDE[kind], rest) : height("controls") + rest);
    return [width, Math.round(Math.min(max, Math.max(min, content)))];
  });
}

/** The `<iframe>` element, one attribute per line, with its fallback link; and a `<noscript>` link after it. */
export function generateEmbedIframe(
  origin: string,
  options: EmbedOptions,
  config: PlaygroundConfig,
  sizing: EmbedSizing = DEFAULT_EMBED_SIZING,
): string {
  const reserve = reservedHeights(options, config, sizing);
  // With the script, the frame starts at the height reserved for a typical docs column (640–1023 px),
  // so the page's first paint, before the script has run, is already close; without it, the fixed height.
  const height = sizing.autoHeight
    ? reserve[1]![1]
    : clampHeight(sizing.height, DEFAULT_EMBED_SIZING.height);
  const attributes = [
    `src="${escapeAttribute(embedUrl(origin, options, config))}"`,
    `title="open.cx Identity Playground"`,
    `width="100%"`,
    `height="${height}"`,
    `style="display: block; width: 100%; border: 0;"`,
    `loading="lazy"`,
    // The code panel's copy buttons write to the clipboard from inside the frame.
    `allow="clipboard-write"`,
    EMBED_FRAME_ATTRIBUTE,
  ];
  if (sizing.autoHeight) {
    const { min, max } = heightLimits(sizing);
    const steps = reserve.map(([width, h]) => `${width}:${h}`).join(" ");
    attributes.push(
      `data-min-height="${min}"`,
      `data-max-height="${max}"`,
      `data-reserve="${steps}"`,
    );
  }
  const full = escapeAttribute(fullPlaygroundUrl(origin, config));
  return [
    `<iframe\n  ${attributes.join("\n  ")}\n>`,
    `  <a href="${full}">Open the Identity Playground</a>`,
    `</iframe>`,
    `<noscript><a href="${full}" target="_blank" rel="noopener">Open the Identity Playground in a new tab</a></noscript>`,
  ].join("\n");
}

/** The host script's tag: once per page, for any number of embeds. */
export function generateEmbedScript(origin: string): string {
  return `<script src="${escapeAttribute(trimOrigin(origin) + EMBED_SCRIPT_PATH)}" async></script>`;
}
