/**
 * Go literals: interpreted strings, numbers, and `map[string]any{…}` / `[]string{…}` /
 * `[]any{…}` composite literals laid out the way gofmt leaves them (tabs, a trailing comma
 * on every line of a broken literal, the values of consecutive one-line entries aligned by
 * gofmt's own rule), so a pasted snippet is already gofmt-clean.
 */
import {
  codePoints,
  hex,
  isInvisible,
  RawCode,
  type PrintableObject,
  type PrintableValue,
  type PrintOptions,
} from "./core";

/** Where a short flat literal still goes on one line (a tab counts as four columns). */
const GO_WIDTH = 100;
const TAB_COLUMNS = 4;

const GO_SHORT_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  '"': '\\"',
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
};

/**
 * A Go interpreted string literal (`"…"`), never a raw one: a raw string cannot hold a
 * backtick, the compiler drops every carriage return inside it, and it cannot escape an
 * invisible character. Visible text stays as it is (Go source is UTF-8); invisible
 * characters are `\uXXXX` / `\UXXXXXXXX` (never `\xNN`, which is a byte, not a character).
 *
 * A lone surrogate (possible in a JS string) has no UTF-8 encoding, so no Go string can hold
 * it: it becomes U+FFFD, which is also what `encoding/json` sends for any invalid UTF-8.
 */
export function goString(value: string): string {
  let out = "";
  for (const [ch, cp] of codePoints(value)) {
    const short = GO_SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += "\\ufffd";
    else if (cp > 0xffff && isInvisible(cp)) out += `\\U${hex(cp, 8).toLowerCase()}`;
    else if (isInvisible(cp)) out += `\\u${hex(cp, 4).toLowerCase()}`;
    else out += ch;
  }
  return `"${out}"`;
}

/**
 * A Go number constant that `encoding/json` writes back as the same JSON number.
 * Integers of 32 bits are int constants (an `int` on every platform); every other value is
 * a floating-point constant (`float64`), so `3000000000` becomes `3000000000.0` and never
 * overflows a 32-bit `int`. Go constants have no negative zero: -0 prints as `0`, which is
 * also what `JSON.stringify` sends for it.
 */
export function goNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`Cannot print the non-finite number ${n} in Go`);
  if (Object.is(n, -0)) return "0";
  const text = String(n);
  if (Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31) return text;
  return /[.e]/.test(text) ? text : `${text}.0`;
}

function goScalar(value: string | number | boolean | null | RawCode): string {
  if (value instanceof RawCode) return value.code;
  if (typeof value === "string") return goString(value);
  if (typeof value === "number") return goNumber(value);
  if (value === null) return "nil";
  return value ? "true" : "false";
}

type Container = readonly PrintableValue[] | PrintableObject;

function isContainer(value: PrintableValue): value is Container {
  return typeof value === "object" && value !== null && !(value instanceof RawCode);
}

function entriesOf(value: PrintableObject): [string, PrintableValue][] {
  return Object.entries(value).filter((e): e is [string, PrintableValue] => e[1] !== undefined);
}

/** `[]string` when every element is a string (an empty list too), `[]any` otherwise. */
function sliceType(items: readonly PrintableValue[]): string {
  return items.every((item) => typeof item === "string") ? "[]string" : "[]any";
}

function isEmptyOrScalar(value: PrintableValue): boolean {
  if (!isContainer(value)) return true;
  return Array.isArray(value)
    ? value.length === 0
    : entriesOf(value as PrintableObject).length === 0;
}

// TextEncoder, not Node's Buffer: this printer loads in the browser, where Buffer would pull a
// polyfill into the chunk. Both count a lone surrogate as the 3 bytes of U+FFFD.
const utf8 = new TextEncoder();
const utf8Length = (s: string) => utf8.encode(s).length;
const runeCount = (s: string) => [...s].length;

/** How close a ratio must come to gofmt's thresholds for floating-point rounding to decide. */
const BORDER = 1e-9;

export interface GoAlignment {
  /** Whether entry `i` is aligned with entry `i - 1`. */
  aligned: boolean[];
  /** Whether a decision sat on a threshold (see `goAlignment`). */
  borderline: boolean;
}

/**
 * Which entries of a broken key-value literal gofmt aligns with the entry before them
 * (go/printer's `exprList`): an entry whose value spans lines is never aligned; two one-line
 * entries are, when both keys are at most 40 bytes, or when the key's size is within a factor
 * 2.5 of the geometric mean of the keys before it in the same aligned section. `sizes[i]` is
 * key `i`'s size in bytes, 0 when its entry spans lines.
 *
 * A ratio of exactly 2.5 or 0.4 (keys of 42 and 105 bytes, say) is decided by gofmt's own
 * floating-point rounding of `math.Exp(math.Log(…))`, which on amd64 even depends on whether
 * the CPU has FMA; there the printer follows the exact arithmetic (no alignment) and reports
 * the decision as `borderline`: gofmt may pad those lines differently. The code is the same.
 */
export function goAlignment(sizes: readonly number[]): GoAlignment {
  let lnsum = 0;
  let count = 0;
  let borderline = false;
  const aligned = sizes.map((size, i) => {
    const prevSize = sizes[i - 1] ?? 0;
    let align = false;
    if (prevSize > 0 && size > 0) {
      // (gofmt also aligns when no size is counted yet, which cannot happen here: the previous
      // entry's size was just counted.)
      if (prevSize <= 40 && size <= 40) align = true;
      else {
        const ratio = size / Math.exp(lnsum / count);
        const onThreshold =
          // Stryker disable next-line EqualityOperator: no ratio is exactly BORDER from a threshold.
          Math.abs(ratio - 2.5) <= BORDER || Math.abs(2.5 * ratio - 1) <= BORDER;
        if (onThreshold) borderline = true;
        // Stryker disable next-line EqualityOperator: a ratio on a threshold took the branch above.
        else align = 2.5 * ratio > 1 && ratio < 2.5;
      }
    }
    // A break in the alignment starts a new section, and a new geometric mean.
    if (!align) {
      lnsum = 0;
      count = 0;
    }
    if (size > 0) {
      lnsum += Math.log(size);
      count++;
    }
    return align;
  });
  return { aligned, borderline };
}

/**
 * Keys that differ only in lone surrogates are the same Go string (each one is U+FFFD), and a
 * map literal cannot hold a key twice: the last one wins, as it does for a JSON reader.
 */
function lastOfEachKey(entries: [string, PrintableValue][]): [string, PrintableValue][] {
  return entries.filter(([key], i) => !entries.slice(i + 1).some(([later]) => later === key));
}

interface Layout {
  /** Set when an alignment decision sat on one of gofmt's thresholds. */
  borderline: boolean;
}

function printGo(
  value: PrintableValue,
  level: number,
  column: number,
  forceBreak: boolean,
  layout: Layout,
): string {
  if (!isContainer(value)) return goScalar(value);
  const isArray = Array.isArray(value);
  const items: [string | null, PrintableValue][] = isArray
    ? (value as readonly PrintableValue[]).map((v) => [null, v])
    : lastOfEachKey(entriesOf(value as PrintableObject).map(([k, v]) => [goString(k), v]));
  const open = `${isArray ? sliceType(value as readonly PrintableValue[]) : "map[string]any"}{`;
  if (items.length === 0) return `${open}}`;

  if (!forceBreak && items.every(([, v]) => isEmptyOrScalar(v))) {
    const inner = items
      .map(([k, v]) => (k === null ? "" : `${k}: `) + printGo(v, level + 1, 0, false, layout))
      .join(", ");
    const oneLine = `${open}${inner}}`;
    // +1 for the comma that usually follows.
    if (!/[\n\r]/.test(oneLine) && column + runeCount(oneLine) + 1 <= GO_WIDTH) return oneLine;
  }

  const tabs = "\t".repeat(level + 1);
  const innerColumn = (level + 1) * TAB_COLUMNS;
  if (isArray) {
    const lines = items.map(
      ([, v]) => `${tabs}${printGo(v, level + 1, innerColumn, false, layout)},`,
    );
    return `${open}\n${lines.join("\n")}\n${"\t".repeat(level)}}`;
  }
  const printed = items.map(([k, v]) => {
    const cell = `${k}:`;
    const start = innerColumn + runeCount(cell) + 1;
    return { cell, value: printGo(v, level + 1, start, false, layout) };
  });
  // gofmt measures a key in bytes to decide alignment, and pads the key cell in characters.
  const sizes = printed.map(({ value: v }, i) =>
    v.includes("\n") ? 0 : utf8Length(items[i]![0]!),
  );
  const { aligned, borderline } = goAlignment(sizes);
  if (borderline) layout.borderline = true;
  const widths: number[] = [];
  for (let start = 0; start < printed.length;) {
    let end = start + 1;
    while (end < printed.length && aligned[end]) end++;
    const width = Math.max(...printed.slice(start, end).map(({ cell }) => runeCount(cell)));
    for (let i = start; i < end; i++) widths[i] = width;
    start = end;
  }
  const lines = printed.map(
    ({ cell, value: v }, i) => `${tabs}${cell}${" ".repeat(widths[i]! - runeCount(cell) + 1)}${v},`,
  );
  return `${open}\n${lines.join("\n")}\n${"\t".repeat(level)}}`;
}

/**
 * A Go expression for `value`: objects are `map[string]any{…}` (json.Marshal writes their keys
 * in sorted order), string lists `[]string{…}`, other lists `[]any{…}`, `null` is `nil`.
 * `level` is the indentation (in tabs) of the line the value starts on.
 */
export function printGoValue(value: PrintableValue, opts: PrintOptions = {}): string {
  return printGoLayout(value, opts).code;
}

/** `printGoValue`, and whether gofmt's rounding decides an alignment in it (`goAlignment`). */
export function printGoLayout(
  value: PrintableValue,
  opts: PrintOptions = {},
): { code: string; borderline: boolean } {
  const level = opts.level ?? 0;
  const layout: Layout = { borderline: false };
  const code = printGo(
    value,
    level,
    opts.column ?? level * TAB_COLUMNS,
    opts.breakTopLevel ?? false,
    layout,
  );
  return { code, borderline: layout.borderline };
}

/** A `//` comment line; comment text is the generator's own and never spans lines. */
export function goComment(text: string): string {
  if (/[\n\r]/.test(text)) throw new Error(`A Go line comment cannot hold a line break: ${text}`);
  return text === "" ? "//" : `// ${text}`;
}
