/**
 * A small CSS colour parser: enough to reproduce the widget's theme maths
 * (domain.md §8: primary as raw `H S% L%`, foreground flips when the primary
 * is light, i.e. perceived brightness ≥ 128 as tinycolor2 computes it).
 */

export interface Rgb {
  r: number;
  g: number;
  b: number;
  a: number;
}

const NAMED: Readonly<Record<string, string>> = {
  black: "#000000",
  white: "#ffffff",
  red: "#ff0000",
  green: "#008000",
  blue: "#0000ff",
  yellow: "#ffff00",
  orange: "#ffa500",
  purple: "#800080",
  pink: "#ffc0cb",
  gray: "#808080",
  grey: "#808080",
  navy: "#000080",
  teal: "#008080",
  olive: "#808000",
  maroon: "#800000",
  lime: "#00ff00",
  aqua: "#00ffff",
  cyan: "#00ffff",
  fuchsia: "#ff00ff",
  magenta: "#ff00ff",
  silver: "#c0c0c0",
  indigo: "#4b0082",
  violet: "#ee82ee",
  gold: "#ffd700",
  coral: "#ff7f50",
  crimson: "#dc143c",
  tomato: "#ff6347",
  salmon: "#fa8072",
  orchid: "#da70d6",
  tan: "#d2b48c",
  brown: "#a52a2a",
  chocolate: "#d2691e",
  turquoise: "#40e0d0",
  royalblue: "#4169e1",
  steelblue: "#4682b4",
  skyblue: "#87ceeb",
  slategray: "#708090",
  darkgreen: "#006400",
  darkblue: "#00008b",
  darkred: "#8b0000",
  rebeccapurple: "#663399",
  hotpink: "#ff69b4",
  seagreen: "#2e8b57",
  forestgreen: "#228b22",
  dodgerblue: "#1e90ff",
  firebrick: "#b22222",
};

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

function parseHex(hex: string): Rgb | null {
  const h = hex.slice(1);
  if (!/^[0-9a-f]+$/i.test(h) || ![3, 4, 6, 8].includes(h.length)) return null;
  const full = h.length <= 4 ? [...h].map((c) => c + c).join("") : h;
  const n = (i: number) => parseInt(full.slice(i, i + 2), 16);
  return { r: n(0), g: n(2), b: n(4), a: full.length === 8 ? n(6) / 255 : 1 };
}

function hslToRgb(h: number, s: number, l: number): { r: number; g: number; b: number } {
  const hue = (((h % 360) + 360) % 360) / 360;
  const sat = clamp(s, 0, 100) / 100;
  const lig = clamp(l, 0, 100) / 100;
  if (sat === 0) return { r: lig * 255, g: lig * 255, b: lig * 255 };
  const q = lig < 0.5 ? lig * (1 + sat) : lig + sat - lig * sat;
  const p = 2 * lig - q;
  const channel = (t: number) => {
    const tt = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (tt < 1 / 6) return p + (q - p) * 6 * tt;
    if (tt < 1 / 2) return q;
    if (tt < 2 / 3) return p + (q - p) * (2 / 3 - tt) * 6;
    return p;
  };
  return { r: channel(hue + 1 / 3) * 255, g: channel(hue) * 255, b: channel(hue - 1 / 3) * 255 };
}

const NUM = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)`;
const FN = new RegExp(
  String.raw`^(rgba?|hsla?)\(\s*(${NUM})(%|deg)?\s*[, ]\s*(${NUM})(%)?\s*[, ]\s*(${NUM})(%)?\s*(?:[,/]\s*(${NUM})(%)?\s*)?\)$`,
  "i",
);

/** Parses hex, rgb()/rgba(), hsl()/hsla() and common colour names; `null` if not understood. */
export function parseColor(input: string): Rgb | null {
  const text = input.trim().toLowerCase();
  if (text === "") return null;
  if (text.startsWith("#")) return parseHex(text);
  const named = NAMED[text];
  if (named) return parseHex(named);
  const m = FN.exec(text);
  if (!m) return null;
  const [, fn, a1, u1, a2, u2, a3, u3, a4, u4] = m;
  const alpha = a4 === undefined ? 1 : clamp(Number(a4) / (u4 ? 100 : 1), 0, 1);
  if (fn!.startsWith("rgb")) {
    const ch = (v: string, pct: string | undefined) =>
      clamp(pct ? (Number(v) * 255) / 100 : Number(v), 0, 255);
    return { r: ch(a1!, u1), g: ch(a2!, u2), b: ch(a3!, u3), a: alpha };
  }
  if (u1 === "%") return null;
  return { ...hslToRgb(Number(a1), Number(a2), Number(a3)), a: alpha };
}

export function isValidColor(input: string): boolean {
  return parseColor(input) !== null;
}

/** tinycolor2's `isLight()`: perceived brightness (YIQ) of at least 128. */
export function isLightColor(input: string): boolean {
  const c = parseColor(input);
  if (!c) return false;
  return (c.r * 299 + c.g * 587 + c.b * 114) / 1000 >= 128;
}

/** `#rrggbb` for an `<input type="color">`; falls back to the widget default. */
export function toHex(input: string): string {
  const c = parseColor(input) ?? { r: 23, g: 23, b: 23, a: 1 };
  const h = (n: number) => Math.round(n).toString(16).padStart(2, "0");
  return `#${h(c.r)}${h(c.g)}${h(c.b)}`;
}
