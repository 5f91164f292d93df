/**
 * Deterministic printers for the values a snippet embeds: JS/TS object
 * literals, JSON, Python literals and shell words.
 *
 * Invariants (each one is a property test in print.test.ts):
 * - printing is a pure function of the value: same value → same text;
 * - every printed literal evaluates back to exactly the value printed;
 * - a printed JS literal is safe inside an HTML `<script>` element: it never
 *   contains `</script`, `<!--` or `-->`;
 * - no printed literal contains a raw control character, line or paragraph
 *   separator, byte-order mark, bidi control, noncharacter or lone surrogate:
 *   they are escaped, so what a reader sees is what the code holds (and an
 *   HTML parser reports no error for the page a JS literal sits in).
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

const JS_WIDTH = 80;
const PYTHON_WIDTH = 88;

/** Characters a reader could not see or that change how the surrounding code reads. */
function isInvisible(cp: number): boolean {
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

const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, "0");

/**
 * `\uXXXX` escapes of a code point, as a surrogate pair beyond U+FFFF: the
 * form JS and JSON share (`\u10FFFF` would read as U+10FF followed by "FF").
 */
function utf16Escape(cp: number, lower: boolean): string {
  const units =
    cp > 0xffff ? [0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)] : [cp];
  return units.map((u) => `\\u${lower ? hex(u, 4).toLowerCase() : hex(u, 4)}`).join("");
}

/** The characters of `s` by code point; lone surrogates come out one by one. */
function* codePoints(s: string): Generator<[string, number]> {
  for (const ch of s) yield [ch, ch.codePointAt(0) as number];
}

// ---------------------------------------------------------------------------
// JavaScript / TypeScript

const JS_SHORT_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  "'": "\\'",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
  "\v": "\\v",
};

/**
 * A single-quoted JS string literal for `value`, safe inside an HTML `<script>`:
 * `</script` becomes `<\/script`, `<!--` becomes `\x3C!--` and `-->` becomes `--\x3E`.
 */
export function jsString(value: string): string {
  let out = "";
  for (const [ch, cp] of codePoints(value)) {
    const short = JS_SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (cp <= 0xff && isInvisible(cp)) out += `\\x${hex(cp, 2)}`;
    else if (isInvisible(cp)) out += utf16Escape(cp, false);
    else out += ch;
  }
  // Escaping above never produces `<`, `>`, `-`, `!` or `/`, so these sequences
  // in the output are exactly the ones in the input.
  out = out
    .replace(/<\/(?=script)/gi, "<\\/")
    .replace(/<(?=!--)/g, "\\x3C")
    .replace(/(?<=--)>/g, "\\x3E");
  return `'${out}'`;
}

const JS_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An object-literal key: bare when it is an identifier, quoted otherwise. */
export function jsKey(key: string): string {
  // A plain `__proto__:` (quoted or not) sets the prototype instead of a key.
  if (key === "__proto__") return `[${jsString(key)}]`;
  return JS_IDENTIFIER.test(key) ? key : jsString(key);
}

function jsNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`Cannot print the non-finite number ${n}`);
  return Object.is(n, -0) ? "-0" : String(n);
}

type Scalar = string | number | boolean | null | RawCode;

interface Dialect {
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
}

const JS: Dialect = {
  width: JS_WIDTH,
  indentUnit: "  ",
  scalar(value) {
    if (value instanceof RawCode) return value.code;
    if (typeof value === "string") return jsString(value);
    if (typeof value === "number") return jsNumber(value);
    return String(value);
  },
  key: jsKey,
  colon: ": ",
  bracePad: " ",
  alwaysBreak: false,
  trailingComma: true,
};

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

function printWith(
  dialect: Dialect,
  value: PrintableValue,
  level: number,
  column: number,
  forceBreak: boolean,
): string {
  if (!isContainer(value)) return dialect.scalar(value);
  const isArray = Array.isArray(value);
  const items: [string | null, PrintableValue][] = isArray
    ? (value as readonly PrintableValue[]).map((v) => [null, v])
    : entriesOf(value as PrintableObject).map(([k, v]) => [dialect.key(k), v]);
  const [open, close] = isArray ? ["[", "]"] : ["{", "}"];
  if (items.length === 0) return open + close;

  // One line when short and flat: `['Company', 'Order #']`, `{ primaryColor: '#2563eb' }`.
  if (!forceBreak && !dialect.alwaysBreak && items.every(([, v]) => isEmptyOrScalar(v))) {
    const pad = isArray ? "" : dialect.bracePad;
    const inner = items
      .map(
        ([k, v]) =>
          (k === null ? "" : k + dialect.colon) + printWith(dialect, v, level + 1, 0, false),
      )
      .join(", ");
    const oneLine = `${open}${pad}${inner}${pad}${close}`;
    // +1 for the comma that usually follows.
    if (!/[\n\r]/.test(oneLine) && column + oneLine.length + 1 <= dialect.width) return oneLine;
  }

  const innerIndent = dialect.indentUnit.repeat(level + 1);
  const lines = items.map(([k, v], i) => {
    const prefix = innerIndent + (k === null ? "" : k + dialect.colon);
    const comma = i < items.length - 1 || dialect.trailingComma ? "," : "";
    return prefix + printWith(dialect, v, level + 1, prefix.length, false) + comma;
  });
  return `${open}\n${lines.join("\n")}\n${dialect.indentUnit.repeat(level)}${close}`;
}

/**
 * A JS/TS literal for `value`: 2-space indentation, keys in insertion order,
 * identifier keys bare, trailing commas, short flat containers on one line.
 * `RawCode` values are printed as the code they hold.
 */
export function printJs(value: PrintableValue, opts: PrintOptions = {}): string {
  const level = opts.level ?? 0;
  return printWith(JS, value, level, opts.column ?? level * 2, opts.breakTopLevel ?? false);
}

// ---------------------------------------------------------------------------
// JSON

/** A JSON string literal; like JSON.stringify, plus invisible characters as `\uXXXX`. */
export function jsonString(value: string): string {
  let out = "";
  for (const [ch, cp] of codePoints(value)) {
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (isInvisible(cp)) out += utf16Escape(cp, true);
    else out += ch;
  }
  return `"${out}"`;
}

const JSON_DIALECT: Dialect = {
  width: Infinity,
  indentUnit: "  ",
  scalar(value) {
    if (value instanceof RawCode) throw new Error("JSON cannot hold raw code");
    if (typeof value === "string") return jsonString(value);
    if (typeof value === "number") {
      if (!Number.isFinite(value)) throw new Error(`Cannot print the non-finite number ${value}`);
      return JSON.stringify(value);
    }
    return String(value);
  },
  key: jsonString,
  colon: ": ",
  bracePad: "",
  alwaysBreak: true,
  trailingComma: false,
};

/** Pretty JSON (2-space indent, every container broken), equal to `JSON.stringify(value, null, 2)` once parsed. */
export function printJson(value: PrintableValue, opts: Pick<PrintOptions, "level"> = {}): string {
  return printWith(JSON_DIALECT, value, opts.level ?? 0, 0, true);
}

// ---------------------------------------------------------------------------
// Python

const PY_SHORT_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  '"': '\\"',
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

/** A double-quoted Python `str` literal. Non-ASCII text stays readable; invisible characters are escaped. */
export function pythonString(value: string): string {
  let out = "";
  for (const [ch, cp] of codePoints(value)) {
    const short = PY_SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (cp <= 0xff && isInvisible(cp)) out += `\\x${hex(cp, 2).toLowerCase()}`;
    else if (cp > 0xffff && isInvisible(cp)) out += `\\U${hex(cp, 8).toLowerCase()}`;
    else if (isInvisible(cp)) out += `\\u${hex(cp, 4).toLowerCase()}`;
    else out += ch;
  }
  return `"${out}"`;
}

function pythonNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`Cannot print the non-finite number ${n}`);
  // `-0` would be the int 0 in Python; `-0.0` keeps the sign.
  return Object.is(n, -0) ? "-0.0" : String(n);
}

const PYTHON: Dialect = {
  width: PYTHON_WIDTH,
  indentUnit: "    ",
  scalar(value) {
    if (value instanceof RawCode) return value.code;
    if (typeof value === "string") return pythonString(value);
    if (typeof value === "number") return pythonNumber(value);
    if (value === null) return "None";
    return value ? "True" : "False";
  },
  key: pythonString,
  colon: ": ",
  bracePad: "",
  alwaysBreak: false,
  trailingComma: true,
};

/** A Python literal (dict, list, str, int/float, True/False/None), black-style. */
export function printPython(value: PrintableValue, opts: PrintOptions = {}): string {
  const level = opts.level ?? 0;
  return printWith(PYTHON, value, level, opts.column ?? level * 4, opts.breakTopLevel ?? false);
}

// ---------------------------------------------------------------------------
// Shell

/** One shell word for `value`, single-quoted (`'` becomes `'\''`). */
export function shellQuote(value: string): string {
  if (value.includes("\0")) throw new Error("A shell argument cannot contain NUL");
  return `'${value.replace(/'/g, "'\\''")}'`;
}
