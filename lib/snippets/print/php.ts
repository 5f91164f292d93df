/**
 * PHP literals (PSR-12 layout): arrays for JSON arrays and objects, strings that say exactly
 * what they hold.
 *
 * - A string with nothing a reader could not see is single-quoted, where only `\` and `'` are
 *   escaped (`\\`, `\'`).
 * - Otherwise it is double-quoted: `\\`, `\"` and `\$` (so `$name` and `{$…}` never
 *   interpolate), `\n`, `\r`, `\t`, and every other invisible character as `\u{XXXX}` (PHP 7+),
 *   which ends at its brace, so no digit after it can join the escape.
 * - A lone UTF-16 surrogate becomes U+FFFD (`well-formed.ts`): PHP strings are UTF-8, and
 *   `json_encode` refuses anything else.
 * - `json_encode` writes an array whose keys are exactly 0…n−1 as a JSON array, and an empty
 *   array as `[]`. A JSON object that PHP would read that way (no keys, or the keys "0", "1", …
 *   in order: PHP turns such keys into integers) is printed as `(object) [ … ]`, which
 *   `json_encode` writes as an object.
 * - Negative zero prints as `0`: `JSON.stringify` sends it as `0`, `json_encode(-0.0)` as `-0`.
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

const PHP_WIDTH = 80;

/** `\$` too, so `$name` and `{$…}` never interpolate. */
const PHP_SHORT_ESCAPES: Readonly<Record<string, string>> = { ...DOUBLE_QUOTED_ESCAPES, $: "\\$" };

/** A PHP string literal for `value`: single-quoted when it can be, else double-quoted with escapes. */
export function phpString(value: string): string {
  return quotedString(value, PHP_SHORT_ESCAPES);
}

function phpNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`Cannot print the non-finite number ${n}`);
  // String(-0) is "0", what JSON.stringify sends.
  return String(n);
}

/** Keys PHP stores as the integers 0…n−1, in order: `json_encode` would write a JSON array. */
function readsAsList(keys: readonly string[]): boolean {
  return keys.every((key, i) => key === String(i));
}

/** A JSON object, or raw code (whose one member, `code`, never reads as a list nor holds one). */
function isObject(
  value: PrintableValue | undefined,
): value is Readonly<Record<string, PrintableValue>> | RawCode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether printing `value` writes a `(object) [ … ]` cast: a JSON object PHP would read as a list. */
export function phpCastsObject(value: PrintableValue | undefined): boolean {
  if (isObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return readsAsList(entries.map(([k]) => k)) || entries.some(([, v]) => phpCastsObject(v));
  }
  return Array.isArray(value) && (value as readonly PrintableValue[]).some(phpCastsObject);
}

const PHP: Dialect = {
  width: PHP_WIDTH,
  indentUnit: "    ",
  scalar(value) {
    if (value instanceof RawCode) return value.code;
    if (typeof value === "string") return phpString(value);
    if (typeof value === "number") return phpNumber(value);
    if (value === null) return "null";
    return value ? "true" : "false";
  },
  key: phpString,
  colon: " => ",
  bracePad: "",
  alwaysBreak: false,
  trailingComma: true,
  brackets(container, keys) {
    return container === "object" && readsAsList(keys) ? ["(object) [", "]"] : ["[", "]"];
  },
};

/**
 * A PHP literal for `value` (arrays, strings, int/float, true/false/null) that `json_encode`
 * writes as the JSON `JSON.stringify` would send for `value` (lone surrogates as U+FFFD).
 */
export function printPhp(value: PrintableValue, opts: PrintOptions = {}): string {
  return printIn(PHP, wellFormedValue(value), opts);
}
