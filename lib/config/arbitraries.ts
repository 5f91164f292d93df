/**
 * fast-check generators for playground configs, for property tests only.
 * Built from the option table so a new option is generated automatically.
 */
import fc from "fast-check";
import { SERVER_LANGUAGE_CHOICES, WIDGET_LANGUAGES } from "./languages";
import { IDENTITY_MODELS, OPTION_KEYS, type OptionKey, type PlaygroundConfig } from "./options";
import { extraFieldProblem } from "./schema";

/** Fragments that break naive escaping in every context a snippet has. */
export const HOSTILE_FRAGMENTS = [
  "</script>", "<!--", "<script>", "-->", "'", '"', "`", "${x}", "\\", "\\'", "\n", "\r\n", "\t",
  "\u2028", "\u2029", "\u0000", "😀", "👩🏽‍💻", "$(rm -rf /)", "$HOME", "%s", "{{", "}}", "\"\"\"", "'''",
  "<\/script>", "]]>", "&amp;", "\uFEFF", "é", "中文", "؟", "\\u2028", "*/", "/*", "//",
];

/** Text that mixes ordinary words with hostile fragments. */
export function hostileText(maxLength = 60): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof(fc.constantFrom(...HOSTILE_FRAGMENTS), fc.string({ maxLength: 8 }), fc.constantFrom("Jane", "Acme", "a b")), {
      maxLength: 6,
    })
    .map((parts) => Array.from(parts.join("")).slice(0, maxLength).join(""));
}

const text = (hostile: boolean, max = 40) =>
  hostile ? hostileText(max) : fc.oneof(fc.constant(""), fc.string({ maxLength: max }));

const colors = fc.oneof(
  fc.constant("hsl(0 0% 9%)"),
  fc.constantFrom("#2563eb", "#fde047", "rgb(16 185 129)", "hsl(262 83% 58%)", "white", "#0f0"),
  fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map(([r, g, b]) => `rgb(${r}, ${g}, ${b})`),
);

function extraFields(hostile: boolean): fc.Arbitrary<string[]> {
  return fc.array(text(hostile, 30), { maxLength: 5 }).map((names) => {
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
}

/** Any valid playground config. */
export function configArbitrary(opts: ConfigArbitraryOptions = {}): fc.Arbitrary<PlaygroundConfig> {
  const hostile = opts.hostile ?? false;
  const t = (max?: number) => text(hostile, max);
  const fields: { [K in OptionKey]: fc.Arbitrary<PlaygroundConfig[K]> } = {
    model: fc.constantFrom(...IDENTITY_MODELS),
    widgetToken: fc.oneof(fc.constant(""), fc.constantFrom("wt_3f9a2c7e", "abc123"), t()),
    collectUserData: fc.boolean(),
    prefillName: t(),
    prefillEmail: fc.oneof(t(), fc.constant("jane@example.com")),
    extraFields: extraFields(hostile),
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
      fc.oneof(t(), fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.boolean()),
    ),
    serverChatContext: t(200),
    apiKey: fc.oneof(fc.constant(""), fc.constant("sk_sandbox_playground_demo_key"), t()),
    contactToken: fc.oneof(fc.constant(""), t()),
    primaryColor: colors,
    language: fc.constantFrom(...WIDGET_LANGUAGES),
    orgName: t(),
  };
  // Keep the keys in table order so generated configs look like real ones.
  return fc.record(Object.fromEntries(OPTION_KEYS.map((k) => [k, fields[k]])) as typeof fields);
}
