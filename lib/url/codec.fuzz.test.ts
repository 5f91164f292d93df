/**
 * Share links at volume: 100 000+ fuzzed and mutated `s` values per run, most
 * of them through the page's own path (a URL → its query, parsed as Next
 * parses it → `configFromSearchParams`, what app/(playground)/page.tsx calls;
 * the page hands `issues` to <LinkNotice>, which keys its list items by the
 * message text).
 *
 * For every input: no exception escapes (not even into the codec's own
 * catch-all, whose message must never appear), the config is valid and holds
 * no secret, the messages are few, short, distinct sentences, and a secret
 * smuggled into a link never reaches apiKey/contactToken or a message. Where
 * the link's payload can be unpacked (the test unpacks it itself), every field
 * is either the link's value or its default, and a link read without a message
 * is exactly its payload. Where the test built the payload (a valid part plus
 * known-bad values), the valid part must survive and each bad value must be
 * named.
 *
 * Cases come from a seeded PRNG (the seed is printed; set SHARE_FUZZ_SEED to
 * replay), mutating encodings of fast-check configs.
 */
import fc from "fast-check";
import LZString from "lz-string";
import { describe, expect, it } from "vitest";
import { configArbitrary, HOSTILE_FRAGMENTS, LONE_SURROGATES } from "../config/arbitraries";
import {
  DEFAULT_CONFIG,
  LIMITS,
  OPTION_KEYS,
  OPTIONS,
  type OptionKey,
  type PlaygroundConfig,
} from "../config/options";
import { parseConfig } from "../config/schema";
import { fakeKey } from "../secrets/test-support/fake-keys";
import {
  configFromSearchParams,
  decodeConfig,
  encodeConfig,
  LINK_FORMAT_VERSION,
  MAX_LINK_LENGTH,
  type DecodeResult,
} from "./codec";

const SEED = Number(process.env.SHARE_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const SECRET = fakeKey("live", "fake_SHARELINK_7c1e");
const SECRET_TOKEN = "eyJ.fake.SHARELINK_CONTACT_9d2a";
const INTERNAL_ERROR = "it could not be read";

/** mulberry32: a small, fast, seedable PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
const rand = prng(SEED);

const URL_KEYS = new Map<string, OptionKey>();
for (const key of OPTION_KEYS) if (OPTIONS[key].urlKey) URL_KEYS.set(OPTIONS[key].urlKey!, key);
const PAYLOAD_ALPHABET = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-"];
const NASTY_CHARS = [
  " ",
  "%",
  "%2",
  "%zz",
  "%00",
  "&",
  "#",
  "=",
  "?",
  "/",
  ".",
  "\t",
  "\n",
  "\r",
  "'",
  '"',
  "<",
  "😀",
  "\u00e9",
  "\u2028",
  "\u0000",
  "\uFFFD",
  ...LONE_SURROGATES,
];

/** Plenty of valid links: ordinary, hostile and extreme configs (some of those too long to read). */
const CONFIGS = [
  ...fc.sample(configArbitrary(), { numRuns: 300, seed: SEED }),
  ...fc.sample(configArbitrary({ hostile: true }), { numRuns: 300, seed: SEED + 1 }),
  ...fc.sample(configArbitrary({ hostile: true, extreme: true }), { numRuns: 100, seed: SEED + 2 }),
];
const LINKS = CONFIGS.map(encodeConfig).filter((s) => s !== "");

// ---- what the test knows about a payload ------------------------------------

const lz = (json: string) =>
  `${LINK_FORMAT_VERSION}.${LZString.compressToEncodedURIComponent(json)}`;

/**
 * Some options of a config as a link writes them: each with probability
 * `keep` (small payloads keep lz-string's compression, the costly part of a
 * case, cheap).
 */
function payloadOf(config: PlaygroundConfig, keep = 0.3): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of OPTION_KEYS) {
    const urlKey = OPTIONS[key].urlKey;
    if (urlKey && rand.next() < keep) out[urlKey] = config[key];
  }
  return out;
}

/** Values each option's schema refuses (for every option with a share-link key). */
/** A value the row's schema refuses, chosen by the row's control kind (so a new row is covered). */
function wrongValue(key: OptionKey): unknown {
  const long = (n: number) => "x".repeat(n + 1 + rand.int(20));
  const anyWrong = [42, -1.5, true, null, { a: 1 }, [1, 2]];
  const control = OPTIONS[key].control;
  switch (control.kind) {
    case "boolean":
      return rand.pick(["true", 1, 0, null, [], {}]);
    case "list":
      // Reserved, duplicate and padded names are wrong only for extra fields (the config
      // schema's rules); every list row refuses the rest.
      return rand.pick(
        [
          "Company",
          42,
          { 0: "a" },
          [1, 2, "ok field"],
          ["name"],
          ["dup", "DUP"],
          [" padded "],
          [long(LIMITS.shortText)],
          Array.from({ length: LIMITS.extraFields + 3 }, (_, i) => `f${i}`),
          Array.from({ length: LIMITS.serverIds + 3 }, (_, i) => `s${i}`),
        ].filter((v) => key === "extraFields" || !OPTIONS[key].schema.safeParse(v).success),
      );
    case "key-value": {
      const loose = OPTIONS[key].schema.safeParse([{ key: "n", value: 1 }]).success;
      return rand.pick([
        "plan=pro",
        [{ key: 1, value: "x" }],
        [{ key: "a" }],
        [{ key: "a", value: "b", extra: 1 }],
        [{ key: "a", value: loose ? { nested: true } : 42 }],
        Array.from({ length: LIMITS.customDataRows + 1 }, (_, i) => ({ key: `k${i}`, value: "v" })),
        [{ key: long(LIMITS.shortText), value: "v" }],
        ...(loose ? [[{ key: "n", value: Infinity }]] : []),
      ]);
    }
    case "select": {
      const choices = new Set(control.choices.map((c) => c.value));
      const names = ["admin", "Server", "xx-nope", "klingon", "EN", "zh-CN ", ""];
      return rand.pick([...names.filter((n) => !choices.has(n)), ...anyWrong]);
    }
    case "colour":
      return rand.pick([
        "not-a-colour",
        "#12345",
        "rgb(1,2)",
        "url(javascript:alert(1))",
        ...anyWrong,
      ]);
    default: {
      const max = (OPTIONS[key].schema as { maxLength?: number | null }).maxLength;
      return rand.pick([long(max ?? LIMITS.shortText), ...anyWrong]);
    }
  }
}

const SECRET_KEYS = [
  "apiKey",
  "api_key",
  "API-KEY",
  "apikey",
  "Org API key",
  "org api key",
  "contactToken",
  "contact_token",
  "CONTACT-TOKEN",
  "Contact token",
];
const UNKNOWN_KEYS = [
  "zz",
  "M",
  "mm",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "",
  "ak",
  "ct",
  "k".repeat(300),
  "😀",
  "\u0000",
  "a.b",
  "valueOf",
];

interface Case {
  /** The `s` value as the page's decoder receives it. */
  s: string;
  kind: string;
  /** Option keys the test knows are valid in the payload, with their values. */
  valid?: Partial<Record<OptionKey, unknown>>;
  /** Option keys the test made invalid. */
  invalid?: OptionKey[];
  /** The JSON text inside, when the test built it (saves unpacking it again). */
  json?: string;
  /** The payload holds a key the page does not know (or a secret's name). */
  foreign?: boolean;
  secrets?: boolean;
}

// ---- generators, one per kind of damage --------------------------------------

function randomString(maxLength: number, alphabet: readonly string[]): string {
  let out = "";
  const n = rand.int(maxLength + 1);
  for (let i = 0; i < n; i++) out += rand.pick(alphabet);
  return out;
}

function randomUnicode(maxLength: number): string {
  let out = "";
  const n = rand.int(maxLength + 1);
  for (let i = 0; i < n; i++) {
    const r = rand.next();
    if (r < 0.5) out += String.fromCharCode(0x20 + rand.int(0x5f));
    else if (r < 0.8) out += String.fromCharCode(rand.int(0x10000));
    else out += rand.pick([...NASTY_CHARS, ...HOSTILE_FRAGMENTS]);
  }
  return out;
}

function mutate(link: string): string {
  const chars = [...link];
  const edits = 1 + rand.int(3);
  for (let e = 0; e < edits && chars.length > 0; e++) {
    const i = rand.int(chars.length);
    const op = rand.int(5);
    if (op === 0) chars[i] = rand.pick(PAYLOAD_ALPHABET);
    else if (op === 1) {
      // A bit flip of the character code.
      chars[i] = String.fromCharCode(chars[i]!.charCodeAt(0) ^ (1 << rand.int(7)));
    } else if (op === 2) chars.splice(i, 1);
    else if (op === 3)
      chars.splice(i, 0, rand.pick(rand.next() < 0.7 ? PAYLOAD_ALPHABET : NASTY_CHARS));
    else chars[i] = rand.pick(NASTY_CHARS);
  }
  return chars.join("");
}

/**
 * A random config's payload (all of it valid) with 1–3 extra members appended
 * as raw JSON, so keys such as `__proto__` stay own members of the text.
 */
function validPayloadPlus(keys: readonly string[], values: readonly unknown[]) {
  const payload = payloadOf(rand.pick(CONFIGS));
  const valid: Partial<Record<OptionKey, unknown>> = {};
  for (const [urlKey, key] of URL_KEYS)
    if (Object.hasOwn(payload, urlKey)) valid[key] = payload[urlKey];
  let json = JSON.stringify(payload).slice(0, -1);
  for (let i = 1 + rand.int(3); i > 0; i--) {
    json += `${json.length > 1 ? "," : ""}${JSON.stringify(rand.pick(keys))}:${JSON.stringify(rand.pick(values))}`;
  }
  return { json: `${json}}`, valid };
}

const GENERATORS: [kind: string, weight: number, make: () => Case][] = [
  ["random text", 12, () => ({ s: randomUnicode(120), kind: "random text" })],
  [
    "random payload alphabet",
    12,
    () => ({
      s: rand.pick(["", "1.", "1.N4Ig", "1.N4IgZg"]) + randomString(200, PAYLOAD_ALPHABET),
      kind: "random payload alphabet",
    }),
  ],
  [
    "truncated link",
    14,
    () => {
      const link = rand.pick(LINKS);
      return { s: link.slice(0, rand.int(link.length)), kind: "truncated link" };
    },
  ],
  ["mutated link", 25, () => ({ s: mutate(rand.pick(LINKS)), kind: "mutated link" })],
  [
    "wrong version",
    8,
    () => {
      const body = rand.pick(LINKS).slice(2);
      const version = rand.pick([
        "0",
        "3",
        "01",
        "10",
        "999999999",
        "1234567890",
        "-1",
        "1e1",
        "v1",
        " 1",
        "1 ",
        "",
        "1.1",
        "١",
      ]);
      const sep = rand.pick([".", ".", "", "..", ":", "_"]);
      return { s: `${version}${sep}${body}`, kind: "wrong version" };
    },
  ],
  [
    "huge input",
    0.15,
    () => {
      const n = rand.pick([MAX_LINK_LENGTH + 1, MAX_LINK_LENGTH * 3 + 1, 60_000]);
      const unit = rand.pick(["A", "%41", "1.", " A", "😀", "%"]);
      return { s: `1.${unit.repeat(Math.ceil(n / unit.length))}`, kind: "huge input" };
    },
  ],
  [
    "valid lz, invalid JSON",
    5,
    () => {
      const json = JSON.stringify(payloadOf(rand.pick(CONFIGS), 0.5));
      const broken = rand.pick([
        json.slice(0, rand.int(json.length)),
        randomUnicode(60),
        json.replace(/"/, "'"),
        `${json},`,
        json.replace(/:/, ""),
        "undefined",
        "NaN",
        "{a:1}",
      ]);
      return { s: lz(isJson(broken) ? `${broken}}` : broken), kind: "valid lz, invalid JSON" };
    },
  ],
  [
    "valid JSON, not an object",
    4,
    () => ({
      s: lz(JSON.stringify(rand.pick([null, 42, "m", [], [{ m: "server" }], true, -0, 1e308]))),
      kind: "valid JSON, not an object",
    }),
  ],
  [
    "wrong types",
    10,
    () => {
      const payload = payloadOf(rand.pick(CONFIGS));
      const keys = OPTION_KEYS.filter((k) => OPTIONS[k].urlKey !== null);
      const invalid = new Set<OptionKey>();
      for (let i = 1 + rand.int(3); i > 0; i--) invalid.add(rand.pick(keys));
      const valid: Partial<Record<OptionKey, unknown>> = {};
      for (const key of keys) {
        const urlKey = OPTIONS[key].urlKey!;
        if (invalid.has(key)) payload[urlKey] = wrongValue(key);
        else if (Object.hasOwn(payload, urlKey)) valid[key] = payload[urlKey];
      }
      const json = JSON.stringify(payload);
      return { s: lz(json), json, kind: "wrong types", valid, invalid: [...invalid] };
    },
  ],
  [
    "unknown and prototype keys",
    5,
    () => {
      const { json, valid } = validPayloadPlus(UNKNOWN_KEYS, [
        1,
        "x",
        { m: "server", apiKey: "p" },
        null,
        [1],
      ]);
      return { s: lz(json), json, kind: "unknown and prototype keys", valid, foreign: true };
    },
  ],
  [
    "smuggled secrets",
    5,
    () => {
      const extended = validPayloadPlus(SECRET_KEYS, [
        SECRET,
        SECRET_TOKEN,
        { value: SECRET },
        [SECRET_TOKEN],
      ]);
      const { valid } = extended;
      let { json } = extended;
      if (rand.next() < 0.3)
        json = `${json.slice(0, -1)},"__proto__":{"apiKey":${JSON.stringify(SECRET)},"contactToken":${JSON.stringify(SECRET_TOKEN)}}}`;
      return { s: lz(json), json, kind: "smuggled secrets", valid, foreign: true, secrets: true };
    },
  ],
];

const TOTAL_WEIGHT = GENERATORS.reduce((sum, [, w]) => sum + w, 0);
function nextCase(): Case {
  let r = rand.next() * TOTAL_WEIGHT;
  for (const [, weight, make] of GENERATORS) {
    r -= weight;
    if (r < 0) return make();
  }
  return GENERATORS[0]![2]();
}

// ---- the page's path -------------------------------------------------------------

/** The query string a browser sends for `?s=<value>`: as typed (raw) or %-encoded. */
function queryFor(s: string): string {
  const r = rand.next();
  if (r < 0.5) return `s=${s}`;
  if (r < 0.8) return `s=${encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, "\uFFFD"))}`;
  return `tab=code&s=${s}&s=${rand.pick(["", "junk", "1."])}`;
}

/** Next's `searchParams` prop: one string per key, an array for a repeated key. */
function nextSearchParams(query: string): Record<string, string | string[]> {
  const params = new URLSearchParams(query);
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length > 1 ? all : all[0]!;
  }
  return out;
}

// ---- the checks ------------------------------------------------------------------

/** What the test unpacks from a value, by the documented format. */
function unpack(value: string): { text: string; payload: unknown; format?: number } {
  let text = value.trim().replace(/[\r\n\t]/g, "");
  if (text.includes("%")) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // Left as it is.
    }
  }
  text = text.replace(/ /g, "+");
  // The version is a number: "01." is format 1 too. Formats 1 (made for v4) and 2 are read.
  const m = /^(\d{1,9})\.([A-Za-z0-9+-]+)$/.exec(text);
  const format = m ? Number(m[1]) : 0;
  if (!m || (format !== 1 && format !== 2) || text.length > MAX_LINK_LENGTH)
    return { text, payload: undefined };
  try {
    // lz-string throws on some damaged input, and returns "" or null on other.
    const json = LZString.decompressFromEncodedURIComponent(m[2]!);
    return { text, payload: json ? (JSON.parse(json) as unknown) : undefined, format };
  } catch {
    return { text, payload: undefined };
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Equal as JSON values: key order does not matter, and -0 is 0 (JSON has no -0). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every(
    (k) =>
      Object.hasOwn(b, k) &&
      sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

function isSubsequence(kept: readonly unknown[], of: unknown): boolean {
  if (!Array.isArray(of)) return kept.length === 0;
  let j = 0;
  for (const item of of) if (j < kept.length && item === kept[j]) j++;
  return j === kept.length;
}

const stats = new Map<string, { runs: number; clean: number; messages: number }>();

function check(c: Case, value: string | undefined, result: DecodeResult): void {
  const fail = (why: string) => {
    throw new Error(
      `${why}\nseed ${SEED}, ${c.kind}, s=${JSON.stringify(c.s.slice(0, 300))}\n${JSON.stringify(result).slice(0, 2000)}`,
    );
  };
  const { config, issues, ok } = result;
  // The defaults are valid (checked once below); anything else is parsed again here.
  if (!sameJson(config, DEFAULT_CONFIG) && !parseConfig(config).success)
    fail("the config is not valid");
  if (config.apiKey !== "" || config.contactToken !== "") fail("a secret was decoded");
  if (ok !== (issues.length === 0)) fail("ok disagrees with the messages");
  if (issues.length > 11) fail("too many messages");
  if (new Set(issues).size !== issues.length)
    fail("two messages are the same (LinkNotice keys its list by message)");
  for (const issue of issues) {
    if (typeof issue !== "string" || issue.length === 0 || issue.length > 600)
      fail("a message is empty or huge");
    if (issue.includes(INTERNAL_ERROR)) fail("the decoder threw inside (its catch-all answered)");
  }
  if (c.secrets) {
    const all = JSON.stringify(config) + issues.join("\n");
    if (all.includes(SECRET) || all.includes(SECRET_TOKEN))
      fail("a smuggled secret reached the config or a message");
  }

  const s = stats.get(c.kind) ?? { runs: 0, clean: 0, messages: 0 };
  s.runs++;
  s.messages += issues.length;
  if (ok) s.clean++;
  stats.set(c.kind, s);

  const { text, payload, format } =
    c.json !== undefined && value === c.s
      ? { text: c.s, payload: JSON.parse(c.json) as unknown, format: LINK_FORMAT_VERSION }
      : unpack(value ?? "");
  const isObject = typeof payload === "object" && payload !== null && !Array.isArray(payload);
  if (!isObject) {
    // Nothing usable: the defaults, with a message unless the link was empty.
    if (!sameJson(config, DEFAULT_CONFIG)) fail("an unreadable link did not give the defaults");
    if (result.madeForV4) fail("an unreadable link was read as made for v4");
    const empty = text === "" || /^0*[12]\.$/.test(text);
    if (!empty && ok) fail("an unreadable link gave no message");
    return;
  }
  const record = payload as Record<string, unknown>;
  // A format-1 link was made for widget v4: it opens as v4 whatever it holds.
  const legacy = format === 1;
  if (result.madeForV4 !== legacy) fail(`madeForV4 is ${result.madeForV4} for format ${format}`);
  if (legacy && config.widgetVersion !== "v4") fail("a format-1 link did not open as v4");
  for (const [urlKey, key] of URL_KEYS) {
    if (legacy && key === "widgetVersion") continue;
    const got = config[key];
    const inLink = Object.hasOwn(record, urlKey) ? record[urlKey] : undefined;
    if (sameJson(got, DEFAULT_CONFIG[key]) || sameJson(got, inLink)) continue;
    if (key === "extraFields" && isSubsequence(got as string[], inLink)) continue;
    fail(`${key} is neither the link's value nor the default`);
  }
  const foreign = Object.keys(record).some((k) => !URL_KEYS.has(k));
  if (foreign && ok) fail("a link with an unknown or secret key gave no message");
  if (ok) {
    for (const [urlKey, key] of URL_KEYS) {
      if (Object.hasOwn(record, urlKey) && !sameJson(config[key], record[urlKey]))
        fail(`${key} was changed without a message`);
    }
  }
  if (c.foreign && ok) fail("the foreign key was not reported");
  for (const key of c.invalid ?? []) {
    if (ok) fail(`the bad ${key} gave no message`);
    if (key !== "extraFields" && !sameJson(config[key], DEFAULT_CONFIG[key]))
      fail(`the bad ${key} was not dropped`);
  }
  for (const [key, value] of Object.entries(c.valid ?? {})) {
    if (!sameJson(config[key as OptionKey], value)) fail(`the valid ${key} was not kept`);
  }
}

describe("share links under fuzzing", () => {
  it(
    "100 000 damaged, mutated and hostile links: never a throw, always a valid secret-free config, a message for each bad one",
    { timeout: 180_000 },
    () => {
      const RUNS = 100_000;
      expect(parseConfig(DEFAULT_CONFIG).success).toBe(true);
      const before = Object.getOwnPropertyNames(Object.prototype).join();
      const cpu = process.cpuUsage();
      const started = performance.now();
      let viaPage = 0;
      for (let i = 0; i < RUNS; i++) {
        const c = nextCase();
        if (i % 5 === 0) {
          // Straight into the decoder (what the embed page does with its own parameter).
          check(c, c.s, decodeConfig(c.s));
        } else {
          const params = nextSearchParams(queryFor(c.s));
          const raw = params.s;
          const value = Array.isArray(raw) ? raw[0] : raw;
          check(
            {
              ...c,
              valid: value === c.s ? c.valid : undefined,
              invalid: value === c.s ? c.invalid : undefined,
              foreign: value === c.s ? c.foreign : undefined,
            },
            value,
            configFromSearchParams(params),
          );
          viaPage++;
        }
      }
      const used = process.cpuUsage(cpu);
      const cpuSeconds = ((used.user + used.system) / 1e6).toFixed(1);
      const wallSeconds = ((performance.now() - started) / 1000).toFixed(1);
      expect(Object.getOwnPropertyNames(Object.prototype).join()).toBe(before);
      expect(({} as Record<string, unknown>).apiKey).toBeUndefined();
      const lines = [...stats].map(
        ([kind, s]) => `${kind}: ${s.runs} (${s.clean} read clean, ${s.messages} messages)`,
      );
      console.log(
        `share links: ${RUNS} inputs (seed ${SEED}) in ${wallSeconds} s (${cpuSeconds} s CPU), ${viaPage} through the page's searchParams path\n  ${lines.join("\n  ")}`,
      );
      for (const [kind, ,] of GENERATORS)
        expect(stats.get(kind)?.runs ?? 0, kind).toBeGreaterThan(kind === "huge input" ? 50 : 1000);
      // The targeted kinds are always bad.
      for (const kind of [
        "wrong types",
        "unknown and prototype keys",
        "smuggled secrets",
        "valid lz, invalid JSON",
        "valid JSON, not an object",
        "huge input",
      ]) {
        expect(stats.get(kind)?.clean, kind).toBe(0);
      }
    },
  );
});
