/**
 * Test support for the printers of UTF-8 languages (PHP, Ruby): the values a snippet embeds,
 * and the JSON they must send for them.
 */
import fc from "fast-check";
import { HOSTILE_FRAGMENTS } from "../../config/arbitraries";
import type { PrintableValue } from "../print";

/** Any UTF-16 string, lone surrogates included, mixed with the fragments that break naive escaping. */
export const anyString = fc
  .array(
    fc.oneof(fc.string({ unit: "binary", maxLength: 12 }), fc.constantFrom(...HOSTILE_FRAGMENTS)),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(""));

/** JSON-like values with finite numbers (including -0), as snippets embed them. */
export const printableValue: fc.Arbitrary<PrintableValue> = fc.letrec<{ value: PrintableValue }>(
  (tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      anyString,
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(
        fc.oneof(anyString, fc.constantFrom("__proto__", "0", "1", "42", "a-b", "#{x}", "$x")),
        tie("value"),
        { maxKeys: 4 },
      ),
    ),
  }),
).value;

/**
 * What a UTF-8 language must send for `value`: `JSON.stringify(value)` with each lone surrogate
 * (which it writes as a `\udXXX` escape) as U+FFFD, parsed back. Built from the JSON text, apart
 * from the printers' own replacement, so it checks it: a key that becomes the same as another
 * keeps the first one's place and the last one's value, as `JSON.parse` does.
 */
export function wireJson(value: unknown): unknown {
  const json = JSON.stringify(value).replace(
    // An escape preceded by an even number of backslashes (an escaped backslash is `\\`).
    /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g,
    "$1\\ufffd",
  );
  return JSON.parse(json) as unknown;
}
