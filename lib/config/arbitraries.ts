/**
 * fast-check generators for playground configs, for property tests only.
 * Built from the option table so a new option is generated automatically.
 */
import fc from "fast-check";
import { SERVER_LANGUAGE_CHOICES, WIDGET_LANGUAGES } from "./languages";
import {
  IDENTITY_MODELS,
  LIMITS,
  OPTION_KEYS,
  type OptionKey,
  type PlaygroundConfig,
} from "./options";
import { extraFieldProblem } from "./schema";

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

function extraFields(strings: Strings): fc.Arbitrary<string[]> {
  return fc.array(text(strings, 30), { maxLength: 5 }).map((names) => {
    const kept: string[] = [];
    for (const name of names) if (extraFieldProblem(name, kept) === null) kept.push(name);
    return kept;
  });
}

function rows<V>(key: fc.Arbitrary<string>, value: fc.Arbitrary<V>) {
  return fc.array(fc.record({ key, value }), { maxLength: 4 });
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

/** Any valid playground config. */
export function configArbitrary(opts: ConfigArbitraryOptions = {}): fc.Arbitrary<PlaygroundConfig> {
  const strings: Strings = opts.hostile ? (opts.extreme ? "extreme" : "hostile") : "ordinary";
  const t = (max?: number, limit?: number) => text(strings, max, limit);
  const fields: { [K in OptionKey]: fc.Arbitrary<PlaygroundConfig[K]> } = {
    model: fc.constantFrom(...IDENTITY_MODELS),
    widgetToken: fc.oneof(fc.constant(""), fc.constantFrom("wt_3f9a2c7e", "abc123"), t()),
    collectUserData: fc.boolean(),
    prefillName: t(),
    prefillEmail: fc.oneof(t(), fc.constant("jane@example.com")),
    extraFields: extraFields(strings),
    externalId: fc.oneof(t(), fc.constant("workspace_42")),
    userName: t(),
    userEmail: fc.oneof(t(), fc.constant("jane@example.com")),
    userAvatarUrl: fc.oneof(t(), fc.constant("https://example.com/a.png")),
    userCustomData: rows(t(20), t()),
    serverEmail: fc.oneof(fc.constant("jane@example.com"), t()),
    serverName: t(),
    serverAvatarUrl: t(),
    serverPhone: fc.oneof(t(), fc.constant("+1234567890")),
    serverLanguage: fc.constantFrom("", ...SERVER_LANGUAGE_CHOICES),
    serverCustomData: rows(
      t(20),
      fc.oneof(
        t(),
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
        fc.boolean(),
      ),
    ),
    serverChatContext: t(200, LIMITS.longText),
    apiKey: fc.oneof(fc.constant(""), fc.constant("sk_sandbox_playground_demo_key"), t()),
    contactToken: fc.oneof(fc.constant(""), t(40, LIMITS.longText)),
    primaryColor: colors,
    language: fc.constantFrom(...WIDGET_LANGUAGES),
    orgName: t(),
  };
  // Keep the keys in table order so generated configs look like real ones.
  return fc.record(Object.fromEntries(OPTION_KEYS.map((k) => [k, fields[k]])) as typeof fields);
}
