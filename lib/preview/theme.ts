/**
 * The widget's theme as CSS custom properties (domain.md §8, `useTheme.ts`).
 *
 * Colours are emitted as normalised `rgb()`/`hsl()` text built from the parsed
 * value, never the user's raw string, so nothing but a colour reaches a style.
 * Like the widget (which stores the primary as raw `H S% L%`), alpha is dropped.
 */
import { isLightColor, parseColor } from "../color/color";
import { DEFAULT_PRIMARY_COLOR } from "../config/options";

/** Tailwind's neutral scale, the widget's runtime default palette. */
export const NEUTRAL_PALETTE = {
  50: "hsl(0 0% 98%)",
  100: "hsl(0 0% 96.1%)",
  200: "hsl(0 0% 89.8%)",
  300: "hsl(0 0% 83.1%)",
  500: "hsl(0 0% 45.1%)",
  950: "hsl(0 0% 3.9%)",
} as const;

/**
 * The widget's font: Tailwind 3's default `font-sans` stack, which the widget is
 * built with (domain.md §8). Tailwind 4's `--font-sans` is a different stack
 * (-apple-system, Roboto, Noto Sans, Arial…): on Debian that font is narrower than
 * the real widget's DejaVu Sans, so the welcome title wrapped differently.
 */
export const WIDGET_FONT_FAMILY =
  'ui-sans-serif, system-ui, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol", "Noto Color Emoji"';

export type ThemeVariables = Record<`--opencx-${string}`, string>;

/** `rgb(r g b)` of a CSS colour, or of the widget default when it cannot be parsed. */
export function normalizeColor(input: string): string {
  const c = parseColor(input) ?? parseColor(DEFAULT_PRIMARY_COLOR)!;
  return `rgb(${Math.round(c.r)} ${Math.round(c.g)} ${Math.round(c.b)})`;
}

export function themeVariables(primaryColor: string): ThemeVariables {
  const p = NEUTRAL_PALETTE;
  const primary = parseColor(primaryColor) ? primaryColor : DEFAULT_PRIMARY_COLOR;
  return {
    "--opencx-primary": normalizeColor(primary),
    // tinycolor2's isLight(): a light primary gets dark text, a dark one light text.
    "--opencx-primary-foreground": isLightColor(primary) ? p[950] : p[50],
    "--opencx-background": p[100],
    "--opencx-foreground": p[950],
    "--opencx-secondary": p[200],
    "--opencx-secondary-foreground": p[950],
    "--opencx-muted": p[200],
    "--opencx-muted-foreground": p[500],
    "--opencx-accent": p[200],
    "--opencx-accent-foreground": p[950],
    "--opencx-border": p[300],
    "--opencx-input": p[300],
    "--opencx-ring": p[950],
    "--opencx-destructive": "hsl(0 72.2% 50.6%)",
  };
}
