/**
 * The small part of the `loading` option (loading.ts) the first load of the page needs: which
 * targets follow it, what waiting saves per version, and the widget options a page that loads on
 * click passes (`isOpen: true`). The launcher and the snippets' texts are in loading.ts, which
 * comes with the generators.
 */
import type { LoadingMode, PlaygroundConfig } from "../config/options";
import type { WidgetMajor } from "../config/versions";
import type { PrintableValue } from "./print/core";
import { widgetOptionsValue } from "./model";
import type { SnippetTarget } from "./types";

/** The targets whose snippets load on consent or on click; every other target loads on page load. */
export const LOADING_TARGETS: readonly SnippetTarget[] = ["html", "react", "nextjs"];

/** How the config's snippets for `target` load the widget: the option, or page load elsewhere. */
export function loadingOf(config: PlaygroundConfig, target: SnippetTarget): LoadingMode {
  return LOADING_TARGETS.includes(target) ? config.loading : "page-load";
}

/** The embed script's size, gzip, in KB, per major: domain-v5.md §10 ("about 657 KB gzip" for 5.0.0). */
export const EMBED_SCRIPT_GZIP_KB: Readonly<Record<WidgetMajor, number | null>> = {
  v5: 657,
  // Not given by the facts for v4: the snippet says the script is not loaded, not how much that saves.
  v4: null,
};

/** What waiting saves, for the snippet's comment. */
export function scriptCostText(major: WidgetMajor): string {
  const kb = EMBED_SCRIPT_GZIP_KB[major];
  return kb === null
    ? "the widget's script is not downloaded or run (its size for v4 is not documented here)"
    : `about ${kb} KB (gzip) of widget script is not downloaded or run`;
}

/**
 * The widget options for a target: on click they add `isOpen: true`, so the real widget opens
 * as it replaces the launcher the visitor pressed (`isOpen` is read as the initial state: the
 * visitor can still close it).
 */
export function loadingOptionsValue(config: PlaygroundConfig, mode: LoadingMode): PrintableValue {
  const value = widgetOptionsValue(config) as Record<string, PrintableValue>;
  return mode === "click" ? { ...value, isOpen: true } : value;
}
