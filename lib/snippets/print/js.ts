/** JavaScript / TypeScript literals, safe inside an HTML `<script>` element. */
import {
  codePoints,
  hex,
  isInvisible,
  printIn,
  RawCode,
  utf16Escape,
  type Dialect,
  type PrintableValue,
  type PrintOptions,
} from "./core";

const JS_WIDTH = 80;

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
    else if (
      // Stryker disable next-line EqualityOperator: U+00A0–U+00FF are visible, so `< 0xff` escapes the same characters.
      cp <= 0xff &&
      isInvisible(cp)
    )
      out += `\\x${hex(cp, 2)}`;
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
  shorthand: true,
};

/**
 * A JS/TS literal for `value`: 2-space indentation, keys in insertion order,
 * identifier keys bare, trailing commas, short flat containers on one line.
 * `RawCode` values are printed as the code they hold; a member whose raw code is its own key
 * is printed as the key alone (`{ email }`).
 */
export function printJs(value: PrintableValue, opts: PrintOptions = {}): string {
  return printIn(JS, value, opts);
}
