/**
 * The embed's options and their defaults, with no dependencies, so the
 * embed's client code can name them without loading the parser (which pulls
 * in the share-link decoder and every snippet generator).
 */

import type { SnippetTarget } from "../snippets/types";

export const EMBED_PANELS = ["controls", "preview", "code"] as const;
export type EmbedPanel = (typeof EMBED_PANELS)[number];

export const EMBED_MODES = ["edit", "readonly"] as const;
export type EmbedMode = (typeof EMBED_MODES)[number];

export const EMBED_THEMES = ["light", "dark", "auto"] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];

export interface EmbedOptions {
  /** The panels shown at first, in `EMBED_PANELS` order; never empty. */
  panels: EmbedPanel[];
  /** The code tab selected at first; `null` = the first tab. */
  tab: SnippetTarget | null;
  mode: EmbedMode;
  theme: EmbedTheme;
}

export const DEFAULT_EMBED_OPTIONS: Readonly<EmbedOptions> = Object.freeze({
  panels: ["preview", "code"] as EmbedPanel[],
  tab: null,
  mode: "edit",
  theme: "auto",
});
