/**
 * The code the Embed dialog hands a docs author: an `<iframe>` that works on
 * its own at a fixed height, and the optional one-line `<script>` that makes
 * it follow its content's height (`public/embed.js`).
 *
 * Deterministic: the same inputs give the same text. Attribute values are
 * HTML-escaped; the state travels as a share link, so no secret is ever in it.
 */
import type { PlaygroundConfig } from "../config/options";
import { embedQuery, type EmbedOptions } from "./params";

export const EMBED_PATH = "/embed";
export const EMBED_SCRIPT_PATH = "/embed.js";
/** The attribute `embed.js` looks for. */
export const EMBED_FRAME_ATTRIBUTE = "data-opencx-playground";

export const EMBED_HEIGHT_LIMITS = { min: 200, max: 10_000 } as const;

export interface EmbedSizing {
  /** The iframe's height without the script (and until the first message with it). */
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
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
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

/** The `<iframe>` element, one attribute per line. */
export function generateEmbedIframe(
  origin: string,
  options: EmbedOptions,
  config: PlaygroundConfig,
  sizing: EmbedSizing = DEFAULT_EMBED_SIZING,
): string {
  const height = clampHeight(sizing.height, DEFAULT_EMBED_SIZING.height);
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
    const min = clampHeight(sizing.minHeight, DEFAULT_EMBED_SIZING.minHeight);
    const max = Math.max(min, clampHeight(sizing.maxHeight, DEFAULT_EMBED_SIZING.maxHeight));
    attributes.push(`data-min-height="${min}"`, `data-max-height="${max}"`);
  }
  return `<iframe\n  ${attributes.join("\n  ")}\n></iframe>`;
}

/** The host script's tag: once per page, for any number of embeds. */
export function generateEmbedScript(origin: string): string {
  return `<script src="${escapeAttribute(trimOrigin(origin) + EMBED_SCRIPT_PATH)}" async></script>`;
}
