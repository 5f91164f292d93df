/**
 * Test support: values for the Go and Java printer tests (the same shapes as print.test.ts's,
 * with the text that breaks Go and Java literals added).
 */
import fc from "fast-check";
import { HOSTILE_FRAGMENTS } from "../../config/arbitraries";
import type { PrintableValue } from "../print";

/**
 * Text that means something in a Go or Java source file: Java reads `\uXXXX` (with any number
 * of `u`s) before anything else, also right after a backslash that is itself escaped; Go and
 * Java each have their own octal, `\x`, `\U` and short escapes; a Go raw string ends at a
 * backtick and loses carriage returns.
 */
export const GO_JAVA_FRAGMENTS = [
  "\\u000a",
  "\\u000d",
  "\\u0022",
  "\\u005c",
  "\\u005C\\u0022",
  "\\uuuu0041",
  "\\\\u0041",
  "\\\\\\u0041",
  "\\u",
  "\\uD800",
  "\\U0001F600",
  "\\x41",
  "\\101",
  "\\0",
  "\\a",
  "\\s",
  "\\é",
  "`",
  "`\r`",
  "\x07",
  "\b",
  "\v",
  "\f",
  "\x01",
  "\x1f",
  "\x80",
  "\x9f",
  '" + 1 + "',
  "*/ x = 1; /*",
  "\uFFFD",
];

/**
 * Text that broke javac (17.0.15) although every escape in the printed literal was right: after
 * a `\uXXXX` that is a high surrogate, javac looks ahead for the low half and counts the
 * backslashes that follow off by one, so an escaped `\\` followed by `u` starts a Unicode
 * escape after all (print/java.ts). The first eleven are a lone high surrogate (the extreme
 * samples make them) then a backslash; the rest are near neighbours that always compiled. The
 * first is the customData key of the go-java.property.test.ts failure.
 */
export const JAVAC_TRAPS = [
  "&+mLNFgnR^P*\uD800\\u2028",
  "\uD800\\u2028",
  "\uDBFF\\\uD800\u000b/*",
  "\uD800\\\\u0041",
  "\uDBFF\\u000a",
  "\uD800\\u0022",
  "\uD800\\u005c",
  "\uD800\\u",
  "\uD800\\uuuu0041",
  "\uD800\\",
  "\uD800\\\uDC00",
  "\uD83D\uDE00\\u0041",
  "\uDC00\\u0041",
  "\u2028\\u2028",
  "\\\u2028",
  "\\\\u2028",
  "\u0085\u2029\u2028",
  "\\u000a \\u000d \\u0022 */ /* //",
];

/** Any UTF-16 string, lone surrogates included, mixed with the fragments that break naive escaping. */
export const anyString = fc
  .array(
    fc.oneof(
      fc.string({ unit: "binary", maxLength: 12 }),
      fc.constantFrom(...HOSTILE_FRAGMENTS),
      fc.constantFrom(...GO_JAVA_FRAGMENTS),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(""));

/**
 * JSON-like values with finite numbers (-0, doubles, 32-bit integers and beyond), as snippets
 * embed them. `nullInLists: false` for Java, whose `List.of` refuses null.
 */
export function printableValue(opts: { nullInLists: boolean }): fc.Arbitrary<PrintableValue> {
  const scalar = fc.oneof(
    anyString,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.constantFrom(-0, 2 ** 31, -(2 ** 31), 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, 1e21, 5e-324),
    fc.boolean(),
  );
  return fc.letrec<{ value: PrintableValue; item: PrintableValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      scalar,
      fc.constant(null),
      fc.array(tie("item"), { maxLength: 4 }),
      fc.array(anyString, { maxLength: 4 }),
      fc.dictionary(
        fc.oneof(anyString, fc.constantFrom("__proto__", "42", "a-b", "valid_id", "$x")),
        tie("value"),
        { maxKeys: 4 },
      ),
    ),
    item: opts.nullInLists ? tie("value") : tie("value").filter((v) => v !== null),
  })).value;
}

/**
 * Objects whose keys are 1 to 150 characters of one or of two bytes each, with one-line and
 * multi-line values mixed: the cases gofmt's alignment rule (key sizes in bytes, geometric
 * means, entries that span lines) decides differently.
 */
export const alignmentObject: fc.Arbitrary<PrintableValue> = fc
  .array(
    fc.tuple(
      fc.integer({ min: 1, max: 150 }),
      fc.constantFrom("k", "é", "😀"),
      fc.oneof(
        fc.integer(),
        fc.constantFrom("v", "a longer value"),
        fc.constant({ nested: 1, other: "x" }),
        fc.constant({ deep: { x: 1 } }),
      ),
    ),
    { minLength: 2, maxLength: 8 },
  )
  .map((entries) =>
    Object.fromEntries(entries.map(([n, unit, value], i) => [`${unit.repeat(n)}${i}`, value])),
  );
