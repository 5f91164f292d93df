/**
 * fast-check generators for playground configs, for property tests only.
 *
 * `configArbitrary` reads the option table: each row is generated from its control kind
 * (`optionArbitrary`), so a new text, boolean, select or colour row is generated with no edit
 * here. Text rows take their length limit from the row's zod schema and mix in the row's
 * `examples`; select rows draw from their choices. The list and key/value kinds have their own
 * generators below (the list one keeps the extra-field rules; the key/value one probes the
 * row's schema for number and boolean values).
 */
import "./zod"; // jitless: no eval under the CSP
import fc from "fast-check";
import { z } from "zod";
import { LIMITS, OPTION_KEYS, OPTIONS, type OptionRow, type PlaygroundConfig } from "./options";
import { extraFieldProblem } from "./schema";

/**
 * The number of runs of a property test that states `n`: `n` scaled by PROPERTY_RUNS_SCALE (a
 * number above 0 and at most 1; 1 when unset), never below 20. Mutation testing sets 0.1
 * (vitest.mutation.mts): Stryker re-runs every property that reaches a mutant once per mutant, and
 * a mutant that matters fails on nearly every input; `npm test` runs the stated counts.
 */
export function propertyRuns(n: number, scale = process.env.PROPERTY_RUNS_SCALE): number {
  if (scale === undefined || scale === "") return n;
  const factor = Number(scale);
  if (!(factor > 0 && factor <= 1))
    throw new Error(`PROPERTY_RUNS_SCALE must be a number above 0 and at most 1, not "${scale}".`);
  return Math.max(Math.min(n, 20), Math.ceil(n * factor));
}

/** Fragments that break naive escaping in every context a snippet has. */
export const HOSTILE_FRAGMENTS = [
  "</script>",
  "<!--",
  "<script>",
  "-->",
  "'",
  '"',
  "`",
  "${x}",
  "\\",
  "\\'",
  "\n",
  "\r\n",
  "\t",
  "\u2028",
  "\u2029",
  "\u0000",
  "😀",
  "👩🏽‍💻",
  "$(rm -rf /)",
  "$HOME",
  "%s",
  "{{",
  "}}",
  '"""',
  "'''",
  String.raw`<\/script>`,
  "]]>",
  "&amp;",
  "\uFEFF",
  "é",
  "中文",
  "؟",
  "\\u2028",
  "*/",
  "/*",
  "//",
  // HTML: every spelling of an end tag or a comment a script element reacts to.
  "</SCRIPT >",
  "</script\t>",
  "</sCrIpT/>",
  "</script",
  "<script",
  "<!--<script>",
  "--!>",
  "<!",
  "</",
  // Line breaks and invisible characters the printers must escape (CR alone, NEL, VT, FF, ESC, DEL, bidi).
  "\r",
  "\u0085",
  "\u000B",
  "\u000C",
  "\u001B",
  "\u007F",
  "\u200B",
  "\u202E",
  "\u2066",
  // Noncharacters, in the BMP and beyond it (a parse error in an HTML page).
  "\uFFFE",
  "\uFDD0",
  "\u{10FFFF}",
  "\u{1FFFE}",
  // Shell, Python and template syntax.
  "${",
  "\\\n",
  "$'x'",
  "`id`",
  "'\\''",
  "!!",
  "%(x)s",
  "{x}",
  "\\x3C",
  "\\N{BULLET}",
  "#",
  // Keys with a meaning in JS objects.
  "__proto__",
  "constructor",
];

/**
 * Halves of a surrogate pair on their own: not well-formed Unicode, yet a
 * share link (`"\ud800"` in its JSON) can put one into any text field.
 */
export const LONE_SURROGATES = ["\uD800", "\uDBFF", "\uDC00", "\uDFFF"];

const WORDS = ["Jane", "Acme", "a b"];

/**
 * Text that mixes ordinary words with hostile fragments, at most `maxLength`
 * code points; with `loneSurrogates`, halves of surrogate pairs join in.
 */
export function hostileText(
  maxLength = 60,
  opts: { loneSurrogates?: boolean } = {},
): fc.Arbitrary<string> {
  const fragments = opts.loneSurrogates
    ? [...HOSTILE_FRAGMENTS, ...LONE_SURROGATES]
    : HOSTILE_FRAGMENTS;
  return fc
    .array(
      fc.oneof(
        fc.constantFrom(...fragments),
        fc.string({ maxLength: 8 }),
        fc.constantFrom(...WORDS),
      ),
      {
        maxLength: 6,
      },
    )
    .map((parts) => Array.from(parts.join("")).slice(0, maxLength).join(""));
}

/**
 * Hostile text repeated to between three quarters of `limit` and exactly
 * `limit` UTF-16 code units (what the config schema counts). The cut may
 * split a surrogate pair, which is one more lone surrogate.
 */
export function longHostileText(limit: number): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.array(fc.constantFrom(...HOSTILE_FRAGMENTS, ...LONE_SURROGATES, ...WORDS), {
        minLength: 1,
        maxLength: 6,
      }),
      fc.integer({ min: Math.floor((limit * 3) / 4), max: limit }),
    )
    .map(([parts, length]) => {
      let out = parts.join("") || "x";
      while (out.length < length) out += out;
      return out.slice(0, length);
    });
}

type Strings = "ordinary" | "hostile" | "extreme";

const text = (
  strings: Strings,
  max = 40,
  limit: number = LIMITS.shortText,
): fc.Arbitrary<string> => {
  if (strings === "ordinary") return fc.oneof(fc.constant(""), fc.string({ maxLength: max }));
  if (strings === "hostile") return hostileText(max);
  return fc.oneof(
    { weight: 4, arbitrary: hostileText(max, { loneSurrogates: true }) },
    { weight: 1, arbitrary: longHostileText(limit) },
  );
};

const colors = fc.oneof(
  fc.constant("hsl(0 0% 9%)"),
  fc.constantFrom("#2563eb", "#fde047", "rgb(16 185 129)", "hsl(262 83% 58%)", "white", "#0f0"),
  fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map(([r, g, b]) => `rgb(${r}, ${g}, ${b})`),
);

/**
 * Extra welcome-form fields: names the form would accept (no blanks, no duplicates, no
 * built-in field), so the config stays valid.
 */
function extraFields(strings: Strings): fc.Arbitrary<string[]> {
  return fc.array(text(strings, 30), { maxLength: 5 }).map((names) => {
    const kept: string[] = [];
    for (const name of names) if (extraFieldProblem(name, kept) === null) kept.push(name);
    return kept;
  });
}

/**
 * Key/value rows. Keys and string values are short text (every key/value row's entries are);
 * numbers and booleans join in where the row's schema accepts them (the server's customData).
 */
function keyValueRows(strings: Strings, schema: z.ZodType): fc.Arbitrary<unknown[]> {
  const accepts = (value: unknown) => schema.safeParse([{ key: "k", value }]).success;
  const values: fc.Arbitrary<unknown>[] = [text(strings)];
  if (accepts(1.5)) {
    values.push(
      fc.integer({ min: -1e6, max: 1e6 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
    );
  }
  if (accepts(true)) values.push(fc.boolean());
  return fc.array(fc.record({ key: text(strings, 20), value: fc.oneof(...values) }), {
    maxLength: 4,
  });
}

/**
 * Free text for a text-kind row, within its schema's `maxLength` (UTF-16 units). Hostile text
 * is capped in code points, up to two units each, hence half the limit; a multiline row gets
 * longer text. The row's default (usually "", i.e. not set) and its examples join in.
 */
function textOption(strings: Strings, row: OptionRow): fc.Arbitrary<string> {
  const limit = (row.schema instanceof z.ZodString && row.schema.maxLength) || LIMITS.shortText;
  const max = Math.min(row.control.kind === "multiline" ? 200 : 40, Math.floor(limit / 2));
  const arms: fc.WeightedArbitrary<string>[] = [
    { weight: 3, arbitrary: text(strings, max, limit) },
    { weight: 1, arbitrary: fc.constant(String(row.default)) },
  ];
  if (row.examples?.length) arms.push({ weight: 1, arbitrary: fc.constantFrom(...row.examples) });
  return fc.oneof(...arms);
}

/** Any value of one option, from its row's control kind. */
export function optionArbitrary(
  row: OptionRow,
  opts: ConfigArbitraryOptions = {},
): fc.Arbitrary<unknown> {
  const strings: Strings = opts.hostile ? (opts.extreme ? "extreme" : "hostile") : "ordinary";
  const control = row.control;
  switch (control.kind) {
    case "boolean":
      return fc.boolean();
    case "select":
      return fc.constantFrom(...control.choices.map((c) => c.value));
    case "colour":
      return colors;
    case "list":
      return extraFields(strings);
    case "key-value":
      return keyValueRows(strings, row.schema);
    default:
      return textOption(strings, row);
  }
}

export interface ConfigArbitraryOptions {
  /** Use strings full of quotes, `</script>`, U+2028 and friends. */
  hostile?: boolean;
  /**
   * With `hostile`: also lone surrogates, and now and then values as long as
   * the schema allows (`LIMITS`). Such configs can be too long for a share link.
   */
  extreme?: boolean;
}

/** Any valid playground config, one generator per option row, keys in table order. */
export function configArbitrary(opts: ConfigArbitraryOptions = {}): fc.Arbitrary<PlaygroundConfig> {
  const fields = Object.fromEntries(OPTION_KEYS.map((k) => [k, optionArbitrary(OPTIONS[k], opts)]));
  return fc.record(fields) as fc.Arbitrary<PlaygroundConfig>;
}
