/**
 * The printer's engine, shared by every language: the values a snippet embeds, a language
 * "dialect" (how it writes scalars and keys, its width and indentation), the layout rule
 * (short flat containers on one line, otherwise one item per line) and the code-point
 * helpers the string escapers share.
 */

/** Code printed verbatim where a value would go, e.g. the variable holding a fetched token. */
export class RawCode {
  constructor(readonly code: string) {}
}

/** Print `code` (an identifier or expression) instead of a literal. */
export function raw(code: string): RawCode {
  return new RawCode(code);
}

export type PrintableValue =
  string | number | boolean | null | RawCode | readonly PrintableValue[] | PrintableObject;

/** Keys print in insertion order; `undefined` members are left out. */
export interface PrintableObject {
  readonly [key: string]: PrintableValue | undefined;
}

/** Options shared by the structured printers. */
export interface PrintOptions {
  /** Indentation level of the line the value starts on (in indent units). */
  level?: number;
  /** Column at which the value starts, to decide whether a short container fits on one line. */
  column?: number;
  /** Print the outermost container on several lines even when it is short. */
  breakTopLevel?: boolean;
}

export type Scalar = string | number | boolean | null | RawCode;

export interface Dialect {
  width: number;
  indentUnit: string;
  scalar(value: Scalar): string;
  key(key: string): string;
  /** Separator between a key and its value. */
  colon: string;
  /** Padding inside braces of a one-line object: `{ a: 1 }` vs `{"a": 1}`. */
  bracePad: string;
  /** Every container on several lines (JSON for humans). */
  alwaysBreak: boolean;
  trailingComma: boolean;
  /**
   * Whether a member whose value is raw code spelling its own key prints as the key alone
   * (JavaScript's `{ email }` for `{ email: email }`).
   */
  shorthand?: boolean;
  /**
   * The brackets around a container, given its keys (none for an array): `[ ]` and `{ }`
   * unless the dialect says otherwise (PHP writes both with `[ ]`).
   */
  brackets?(container: "array" | "object", keys: readonly string[]): readonly [string, string];
}

/** Characters a reader could not see or that change how the surrounding code reads. */
export function isInvisible(cp: number): boolean {
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0xfeff ||
    cp === 0x200e ||
    cp === 0x200f ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    (cp >= 0xd800 && cp <= 0xdfff) || // a lone surrogate (pairs arrive as one code point)
    isNoncharacter(cp)
  );
}

/**
 * Unicode noncharacters (U+FDD0–U+FDEF and the last two code points of every
 * plane): never text, and a parse error in an HTML page.
 */
function isNoncharacter(cp: number): boolean {
  return (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
}

export const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, "0");

/**
 * `\uXXXX` escapes of a code point, as a surrogate pair beyond U+FFFF: the
 * form JS and JSON share (`\u10FFFF` would read as U+10FF followed by "FF").
 */
export function utf16Escape(cp: number, lower: boolean): string {
  const units =
    cp > 0xffff ? [0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)] : [cp];
  return units.map((u) => `\\u${lower ? hex(u, 4).toLowerCase() : hex(u, 4)}`).join("");
}

/** The characters of `s` by code point; lone surrogates come out one by one. */
export function* codePoints(s: string): Generator<[string, number]> {
  for (const ch of s) yield [ch, ch.codePointAt(0) as number];
}

/** The escapes a double-quoted PHP, Ruby and Python string shares: `\\`, `\"`, `\n`, `\r`, `\t`. */
export const DOUBLE_QUOTED_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  '"': '\\"',
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

/**
 * A PHP or Ruby string literal for `value`. With nothing a reader could not see, single-quoted,
 * where only `\` and `'` are escaped. Otherwise double-quoted: the language's `short` escapes, then
 * its `own` escape of a character before `next` (Ruby's `#` that would interpolate), a lone
 * UTF-16 surrogate as U+FFFD (neither language holds one), and every other invisible character
 * as `\u{XXXX}`, which ends at its brace, so no digit after it can join the escape.
 */
export function quotedString(
  value: string,
  short: Readonly<Record<string, string>>,
  own?: (ch: string, next: string | undefined) => string | undefined,
): string {
  const cps = [...codePoints(value)];
  if (!cps.some(([, cp]) => isInvisible(cp))) {
    return `'${value.replace(/[\\']/g, (ch) => `\\${ch}`)}'`;
  }
  let out = "";
  cps.forEach(([ch, cp], i) => {
    const escaped = short[ch] ?? own?.(ch, cps[i + 1]?.[0]);
    if (escaped !== undefined) out += escaped;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += "\\u{FFFD}";
    else if (isInvisible(cp)) out += `\\u{${hex(cp, 4)}}`;
    else out += ch;
  });
  return `"${out}"`;
}

// ---------------------------------------------------------------------------

function isContainer(value: PrintableValue): value is readonly PrintableValue[] | PrintableObject {
  return typeof value === "object" && value !== null && !(value instanceof RawCode);
}

function isEmptyOrScalar(value: PrintableValue): boolean {
  if (!isContainer(value)) return true;
  return Array.isArray(value)
    ? value.length === 0
    : entriesOf(value as PrintableObject).length === 0;
}

function entriesOf(value: PrintableObject): [string, PrintableValue][] {
  return Object.entries(value).filter((e): e is [string, PrintableValue] => e[1] !== undefined);
}

/** A member printed as its key alone: `{ email }`, when the dialect allows it. */
function isShorthand(dialect: Dialect, key: string | null, value: PrintableValue): key is string {
  return dialect.shorthand === true && value instanceof RawCode && value.code === key;
}

export function printWith(
  dialect: Dialect,
  value: PrintableValue,
  level: number,
  column: number,
  forceBreak: boolean,
): string {
  if (!isContainer(value)) return dialect.scalar(value);
  const isArray = Array.isArray(value);
  const entries: [string | null, PrintableValue][] = isArray
    ? (value as readonly PrintableValue[]).map((v) => [null, v])
    : entriesOf(value as PrintableObject);
  const items = entries.map(([k, v]): [string | null, PrintableValue] => [
    k === null ? null : dialect.key(k),
    v,
  ]);
  const keys = entries.flatMap(([k]) => (k === null ? [] : [k]));
  const [open, close] =
    dialect.brackets?.(isArray ? "array" : "object", keys) ?? (isArray ? ["[", "]"] : ["{", "}"]);
  if (items.length === 0) return open + close;

  // One line when short and flat: `['Company', 'Order #']`, `{ primaryColor: '#2563eb' }`.
  if (!forceBreak && !dialect.alwaysBreak && items.every(([, v]) => isEmptyOrScalar(v))) {
    const pad = isArray ? "" : dialect.bracePad;
    const inner = items
      .map(([k, v]) =>
        isShorthand(dialect, k, v)
          ? k
          : (k === null ? "" : k + dialect.colon) +
            // Stryker disable next-line ArithmeticOperator,BooleanLiteral: every item here is a scalar or an empty container, which print the same at any level and never break.
            printWith(dialect, v, level + 1, 0, false),
      )
      .join(", ");
    const oneLine = `${open}${pad}${inner}${pad}${close}`;
    // +1 for the comma that usually follows.
    if (!/[\n\r]/.test(oneLine) && column + oneLine.length + 1 <= dialect.width) return oneLine;
  }

  const innerIndent = dialect.indentUnit.repeat(level + 1);
  const lines = items.map(([k, v], i) => {
    const comma = i < items.length - 1 || dialect.trailingComma ? "," : "";
    if (isShorthand(dialect, k, v)) return innerIndent + k + comma;
    const prefix = innerIndent + (k === null ? "" : k + dialect.colon);
    return prefix + printWith(dialect, v, level + 1, prefix.length, false) + comma;
  });
  return `${open}\n${lines.join("\n")}\n${dialect.indentUnit.repeat(level)}${close}`;
}

/**
 * `value` in `dialect`, starting at `opts.level` indent units and, unless `opts.column` says
 * otherwise, at the column of that indentation.
 */
export function printIn(dialect: Dialect, value: PrintableValue, opts: PrintOptions = {}): string {
  const level = opts.level ?? 0;
  return printWith(
    dialect,
    value,
    level,
    opts.column ?? level * dialect.indentUnit.length,
    opts.breakTopLevel ?? false,
  );
}
