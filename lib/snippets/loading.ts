/**
 * When the page loads the widget (issue 21, the `loading` option): on page load (the widget's
 * own instructions), after consent (the page calls one function when its consent tool says
 * yes), or on click (a look-alike launcher that loads the real widget when pressed, then opens
 * it). Until the trigger the page makes no request to the widget's hosts and writes no
 * `opencx-widget:*` key. Only the HTML, React and Next.js snippets have the choice; the others
 * load on page load and say so.
 *
 * The look-alike launcher copies the trigger's place, size and colours (domain.md §7.4, §8): a
 * 48px circle 22px from the bottom-right corner in the primary colour, with a 24px chat bubble
 * in the primary foreground. Its colours are printed as `#rrggbb` computed here, never the
 * text the user typed, so no colour can break out of the page's CSS.
 */
import { isLightColor, toHex } from "../color/color";
import type { LoadingMode, PlaygroundConfig } from "../config/options";
import { scriptCostText } from "./loading-mode";
import { majorOfConfig } from "./model";

export {
  EMBED_SCRIPT_GZIP_KB,
  LOADING_TARGETS,
  loadingOf,
  loadingOptionsValue,
  scriptCostText,
} from "./loading-mode";

/** The trigger, as the snippet's first comment says it. */
function untilThenText(mode: Exclude<LoadingMode, "page-load">, html: boolean): string {
  if (mode === "consent") {
    return html
      ? "Loads after consent: until your consent tool calls onOpenCxConsent()"
      : "Loads after consent: until your page passes consented={true}";
  }
  return "Loads on click: until the visitor presses the look-alike launcher";
}

/** The snippet's headline for an on-demand mode: the trigger, what stays untouched, the cost saved. */
export function loadingHeadline(
  mode: Exclude<LoadingMode, "page-load">,
  config: PlaygroundConfig,
  html: boolean,
): string {
  // The documented size is the embed script's; the React package's chunk has none in the facts.
  const cost = html ? scriptCostText(majorOfConfig(config)) : PACKAGE_COST;
  return `${untilThenText(mode, html)}, nothing is requested from the widget's host, no opencx-widget:* key is written, and ${cost}.`;
}

/** What the React and Next.js snippets save until the trigger: the package's chunk (no size known). */
const PACKAGE_COST = "the widget's package (its own chunk) is not downloaded or run";

/** The look-alike launcher's label: the real trigger's default (domain.md §7.4). */
export const LAUNCHER_LABEL = "Chat with us";
/** The chat bubble on a 24-unit grid. */
export const LAUNCHER_ICON_PATH =
  "M12 3.5c5 0 9 3.4 9 7.6s-4 7.6-9 7.6c-1 0-2-.1-2.9-.4L4.6 20.2l1.2-3.9C4.1 14.9 3 13.1 3 11.1 3 6.9 7 3.5 12 3.5Z";
/** The launcher's `id` on the HTML page. */
export const LAUNCHER_ID = "opencx-launcher";

/** The primary colour and its foreground as `#rrggbb` (palette neutral 950 on a light primary, 50 otherwise). */
export function launcherColors(config: PlaygroundConfig): {
  background: string;
  foreground: string;
} {
  return {
    background: toHex(config.primaryColor),
    foreground: isLightColor(config.primaryColor) ? "#0a0a0a" : "#fafafa",
  };
}

/**
 * The launcher's CSS declarations, property to value. No `display`: a verified HTML page puts
 * `display: none` in front of these until its backend has a token for a signed-in user.
 */
export function launcherDeclarations(config: PlaygroundConfig): [string, string][] {
  const { background, foreground } = launcherColors(config);
  return [
    ["position", "fixed"],
    ["right", "22px"],
    ["bottom", "22px"],
    ["z-index", "10000000"],
    ["width", "48px"],
    ["height", "48px"],
    ["border", "0"],
    ["border-radius", "9999px"],
    ["padding", "0"],
    ["line-height", "0"],
    ["cursor", "pointer"],
    ["background", background],
    ["color", foreground],
  ];
}

/** The launcher's inline CSS, as one `style` attribute value. */
export function launcherStyle(config: PlaygroundConfig): string {
  return launcherDeclarations(config)
    .map(([property, value]) => `${property}: ${value}`)
    .join("; ");
}

/** The launcher's CSS as a React style object (`z-index` → `zIndex`): the React snippet, the preview. */
export function launcherStyleObject(config: PlaygroundConfig): Record<string, string> {
  return Object.fromEntries(
    launcherDeclarations(config).map(([property, value]) => [
      property.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase()),
      value,
    ]),
  );
}

/** The launcher's icon as SVG markup (decorative: the button carries the label). */
export const LAUNCHER_SVG = `<svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="${LAUNCHER_ICON_PATH}"/></svg>`;
