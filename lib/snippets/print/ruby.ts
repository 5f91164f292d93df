/**
 * Ruby literals (RuboCop's default style): hashes with string keys (`'key' => value`, so any
 * key is exact), arrays, strings that say exactly what they hold.
 *
 * - A string with nothing a reader could not see is single-quoted, where only `\` and `'` are
 *   escaped (`\\`, `\'`).
 * - Otherwise it is double-quoted: `\\`, `\"`, `\#` where `#` would start an interpolation
 *   (`#{`, `#$`, `#@`), `\n`, `\r`, `\t`, and every other invisible character as `\u{XXXX}`,
 *   which ends at its brace.
 * - A lone UTF-16 surrogate becomes U+FFFD (`well-formed.ts`): Ruby rejects `\u{D800}`, and
 *   `JSON.generate` refuses a string that is not valid UTF-8.
 * - Negative zero prints as `0`: `JSON.stringify` sends it as `0`, `JSON.generate(-0.0)` as `-0.0`.
 */
import {
  DOUBLE_QUOTED_ESCAPES,
  printIn,
  quotedString,
  RawCode,
  type Dialect,
  type PrintableValue,
  type PrintOptions,
} from "./core";
import { wellFormedValue } from "./well-formed";

const RUBY_WIDTH = 80;

/** What starts an interpolation after `#` in a double-quoted Ruby string. */
const INTERPOLATION_STARTS = new Set<string | undefined>(["{", "$", "@"]);

/** A Ruby string literal for `value`: single-quoted when it can be, else double-quoted with escapes. */
export function rubyString(value: string): string {
  return quotedString(value, DOUBLE_QUOTED_ESCAPES, (ch, next) =>
    ch === "#" && INTERPOLATION_STARTS.has(next) ? "\\#" : undefined,
  );
}

function rubyNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`Cannot print the non-finite number ${n}`);
  // String(-0) is "0", what JSON.stringify sends; "1e+21" and "5e-324" are Ruby floats as written.
  return String(n);
}

const RUBY: Dialect = {
  width: RUBY_WIDTH,
  indentUnit: "  ",
  scalar(value) {
    if (value instanceof RawCode) return value.code;
    if (typeof value === "string") return rubyString(value);
    if (typeof value === "number") return rubyNumber(value);
    if (value === null) return "nil";
    return value ? "true" : "false";
  },
  key: rubyString,
  colon: " => ",
  bracePad: " ",
  alwaysBreak: false,
  trailingComma: false,
};

/**
 * A Ruby literal for `value` (Hash with string keys, Array, String, Integer/Float,
 * true/false/nil) that `JSON.generate` writes as the JSON `JSON.stringify` would send for
 * `value` (lone surrogates as U+FFFD).
 */
export function printRuby(value: PrintableValue, opts: PrintOptions = {}): string {
  return printIn(RUBY, wellFormedValue(value), opts);
}
