import fc from "fast-check";
import LZString from "lz-string";
import { describe, expect, it } from "vitest";
import { configArbitrary, propertyRuns } from "../config/arbitraries";
import {
  DEFAULT_CONFIG,
  LIMITS,
  OPTION_KEYS,
  OPTIONS,
  defaultConfig,
  withoutSecrets,
  type PlaygroundConfig,
} from "../config/options";
import { parseConfig } from "../config/schema";
import { usableConfig } from "../config/usable";
import { fakeJwt, fakeKey } from "../secrets/test-support/fake-keys";
import {
  LINK_FORMAT_VERSION,
  MAX_LINK_LENGTH,
  SHARE_PARAM,
  configFromSearchParams,
  decodeConfig,
  encodeConfig,
  shareQuery,
  shareUrl,
  type DecodeResult,
} from "./codec";

const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  ...over,
});

/** A link whose payload is exactly this JSON text, bypassing `encodeConfig`. */
const linkOf = (json: string) =>
  `${LINK_FORMAT_VERSION}.${LZString.compressToEncodedURIComponent(json)}`;
const linkWith = (payload: Record<string, unknown>) => linkOf(JSON.stringify(payload));

/** The JSON inside an encoding, for looking at what was written. */
function payloadOf(encoded: string): Record<string, unknown> {
  return JSON.parse(LZString.decompressFromEncodedURIComponent(encoded.slice(2))) as Record<
    string,
    unknown
  >;
}

/** JSON has no negative zero, so a server custom-data value of -0 comes back as 0 (the same for every consumer). */
function withoutNegativeZero(config: PlaygroundConfig): PlaygroundConfig {
  return {
    ...config,
    serverCustomData: config.serverCustomData.map((r) =>
      Object.is(r.value, -0) ? { ...r, value: 0 } : r,
    ),
  };
}

/** What must hold for every decode, whatever went in. */
function expectSound(result: DecodeResult) {
  expect(parseConfig(result.config).success).toBe(true);
  expect(result.ok).toBe(result.issues.length === 0);
  for (const issue of result.issues) expect(typeof issue).toBe("string");
  expect(result.config.apiKey).toBe("");
  expect(result.config.contactToken).toBe("");
}

const SENTINEL_API_KEY = "SENTINEL-api-key-7f3b9c";
const SENTINEL_CONTACT_TOKEN = "SENTINEL-contact-token-e21d04";

/** Every field set, as a busy real user might leave it. */
const BIG_REALISTIC: PlaygroundConfig = make({
  model: "server",
  widgetToken: "wt_3f9a2c7e51b04d8a9c6e",
  collectUserData: true,
  prefillName: "Jane Doe",
  prefillEmail: "jane.doe@example.com",
  extraFields: ["Company", "Order #", "Plan", "Country"],
  externalId: "workspace_42_eu-west",
  userName: "Jane Doe",
  userEmail: "jane.doe@example.com",
  userAvatarUrl: "https://cdn.example.com/avatars/jane-doe-256.png",
  userCustomData: [
    { key: "plan", value: "pro" },
    { key: "seats", value: "25" },
    { key: "region", value: "eu-west-1" },
    { key: "signup", value: "2024-03-18" },
  ],
  serverEmail: "jane.doe@example.com",
  serverName: "Jane Doe",
  serverAvatarUrl: "https://cdn.example.com/avatars/jane-doe-256.png",
  serverPhone: "+14155550123",
  serverLanguage: "fr",
  serverCustomData: [
    { key: "plan", value: "enterprise" },
    { key: "seats", value: 250 },
    { key: "trial", value: false },
    { key: "mrr", value: 1249.5 },
    { key: "accountManager", value: "Sam Lee" },
    { key: "workspace", value: "Acme EU" },
  ],
  serverChatContext:
    "Jane is the billing admin of Acme EU on the Enterprise plan (250 seats, renews in March). " +
    "She prefers short answers in French. Open tickets: #4812 (invoice VAT number), #4830 (SSO setup). " +
    "Never offer discounts; escalate contract questions to her account manager Sam Lee.",
  apiKey: SENTINEL_API_KEY,
  contactToken: SENTINEL_CONTACT_TOKEN,
  primaryColor: "#2563eb",
  language: "fr",
  orgName: "Acme Support",
});
const BIG_URL = shareUrl("https://playground.open.cx/", BIG_REALISTIC);

/** Every text at its `LIMITS` bound, in word salad that compresses like real prose (seeded, so stable). */
const MAX_PROSE: PlaygroundConfig = (() => {
  const words = [
    "the",
    "quick",
    "brown",
    "fox",
    "Jane",
    "Acme",
    "files",
    "a",
    "ticket",
    "about",
    "her",
    "invoice",
    "renewal",
    "plan",
    "seats",
    "billing",
    "admin",
    "prefers",
    "short",
    "answers",
    "escalate",
    "contract",
    "to",
    "manager",
    "region",
  ];
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const prose = (n: number) => {
    let s = "";
    while (s.length < n) s += `${words[Math.floor(next() * words.length)]} `;
    return `${s.slice(0, n - 1).trim()}.`;
  };
  const rows = () =>
    Array.from({ length: LIMITS.customDataRows }, () => ({
      key: prose(LIMITS.shortText),
      value: prose(LIMITS.shortText),
    }));
  return make({
    ...Object.fromEntries(
      OPTION_KEYS.filter((k) => typeof DEFAULT_CONFIG[k] === "string").map((k) => [
        k,
        prose(LIMITS.shortText),
      ]),
    ),
    model: "server",
    collectUserData: true,
    extraFields: Array.from(
      { length: LIMITS.extraFields },
      (_, i) => `F${i} ${prose(LIMITS.shortText - 4)}`,
    ),
    userCustomData: rows(),
    serverCustomData: rows(),
    serverLanguage: "fr",
    serverChatContext: prose(LIMITS.longText),
    primaryColor: "#2563eb",
    language: "fr",
    widgetVersion: "v4",
    mcpServerScope: "listed",
    mcpServerIds: Array.from({ length: LIMITS.serverIds }, () => prose(LIMITS.shortText)),
    loading: "consent",
  });
})();
const MAX_PROSE_ENCODED = encodeConfig(MAX_PROSE);

describe("encodeConfig", () => {
  it("encodes the defaults as an empty string", () => {
    expect(encodeConfig(defaultConfig())).toBe("");
    expect(encodeConfig(DEFAULT_CONFIG)).toBe("");
    expect(shareQuery(defaultConfig())).toBe("");
  });

  it("encodes values equal to their defaults as nothing, even in fresh arrays", () => {
    expect(
      encodeConfig(
        make({ extraFields: [], userCustomData: [], primaryColor: DEFAULT_CONFIG.primaryColor }),
      ),
    ).toBe("");
  });

  it("writes a version prefix and only URL-safe characters", () => {
    const encoded = encodeConfig(make({ model: "collect", orgName: "Ünïcödé 😀 & <b>" }));
    expect(encoded).toMatch(/^2\.[A-Za-z0-9+-]+$/);
    expect(LINK_FORMAT_VERSION).toBe(2);
  });

  it("writes only the non-default values, under their short keys, in table order", () => {
    const encoded = encodeConfig(
      make({ orgName: "Globex", model: "browser", userEmail: "a@b.c", extraFields: ["Company"] }),
    );
    expect(payloadOf(encoded)).toEqual({ m: "browser", x: ["Company"], ue: "a@b.c", o: "Globex" });
    expect(Object.keys(payloadOf(encoded))).toEqual(["m", "x", "ue", "o"]);
  });

  it("is deterministic: equal configs give the same string, whatever the object key order", () => {
    const a = make({ model: "server", serverCustomData: [{ key: "plan", value: "pro" }] });
    const b = make({
      serverCustomData: [{ value: "pro", key: "plan" }] as PlaygroundConfig["serverCustomData"],
    });
    b.model = "server";
    expect(encodeConfig(a)).toBe(encodeConfig(b));
    fc.assert(
      fc.property(configArbitrary(), (c) => {
        expect(encodeConfig(structuredClone(c))).toBe(encodeConfig(c));
      }),
      { numRuns: propertyRuns(200) },
    );
  });

  it("never writes a sensitive value, for any config (sentinel secrets)", () => {
    expect(
      encodeConfig(make({ apiKey: SENTINEL_API_KEY, contactToken: SENTINEL_CONTACT_TOKEN })),
    ).toBe("");
    fc.assert(
      fc.property(configArbitrary({ hostile: true }), (c) => {
        const encoded = encodeConfig({
          ...c,
          apiKey: SENTINEL_API_KEY,
          contactToken: SENTINEL_CONTACT_TOKEN,
        });
        expect(encoded).not.toContain("SENTINEL");
        if (encoded === "") return;
        const json = LZString.decompressFromEncodedURIComponent(encoded.slice(2));
        expect(json).not.toContain(SENTINEL_API_KEY);
        expect(json).not.toContain(SENTINEL_CONTACT_TOKEN);
        const sensitiveNames = OPTION_KEYS.filter((k) => OPTIONS[k].sensitive);
        for (const name of sensitiveNames)
          expect(Object.keys(payloadOf(encoded))).not.toContain(name);
      }),
      { numRuns: propertyRuns(500) },
    );
  });
});

describe("round trip", () => {
  it("decode(encode(c)) is c without its secrets, for 1000 ordinary configs", () => {
    fc.assert(
      fc.property(configArbitrary(), (c) => {
        const result = decodeConfig(encodeConfig(c));
        expect(result.issues).toEqual([]);
        expect(result.ok).toBe(true);
        expect(result.config).toEqual(withoutNegativeZero(withoutSecrets(c)));
      }),
      { numRuns: propertyRuns(1000) },
    );
  });

  // Hostile strings may repeat the config's own apiKey in another field; the link then
  // carries the usable projection (that value left out), as the page shows it.
  it("decode(encode(c)) is c's usable projection without its secrets, for 1000 configs full of hostile strings", () => {
    fc.assert(
      fc.property(configArbitrary({ hostile: true }), (c) => {
        const result = decodeConfig(encodeConfig(c));
        expect(result.issues).toEqual([]);
        expect(result.config).toEqual(withoutNegativeZero(withoutSecrets(usableConfig(c).config)));
      }),
      { numRuns: propertyRuns(1000) },
    );
  });

  it("survives a real URL: shareUrl → URL parsing → configFromSearchParams, in both searchParams forms", () => {
    fc.assert(
      fc.property(configArbitrary({ hostile: true }), (c) => {
        const url = new URL(shareUrl("https://playground.test/play?tab=code#preview", c));
        const expected = withoutNegativeZero(withoutSecrets(usableConfig(c).config));
        expect(url.searchParams.get("tab")).toBe("code");
        expect(url.hash).toBe("#preview");
        expect(configFromSearchParams(url.searchParams).config).toEqual(expected);
        const record = Object.fromEntries(url.searchParams.entries());
        expect(configFromSearchParams(record).config).toEqual(expected);
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it("returns a fresh config that shares nothing with the defaults", () => {
    const { config } = decodeConfig("");
    config.extraFields.push("Company");
    expect(DEFAULT_CONFIG.extraFields).toEqual([]);
    const again = decodeConfig(encodeConfig(make({ model: "collect" }))).config;
    again.userCustomData.push({ key: "k", value: "v" });
    expect(DEFAULT_CONFIG.userCustomData).toEqual([]);
  });
});

describe("decodeConfig: empty and damaged links", () => {
  it("reads nothing as the defaults, without a message", () => {
    for (const input of [undefined, null, "", "   ", "1."]) {
      expect(decodeConfig(input)).toEqual({
        config: DEFAULT_CONFIG,
        issues: [],
        ok: true,
        madeForV4: false,
      });
    }
  });

  const cases: [string, string, RegExp][] = [
    ["no version", "N4IgLgngDgpiBcIBuA", /damaged: it does not start with a format version/],
    [
      "characters outside the alphabet",
      "1.abc!def",
      /damaged: it contains characters a share link never has/,
    ],
    ["garbled JSON", linkOf('{"m": "collect"'), /damaged: its data is garbled/],
    [
      "a JSON value that is not an object",
      linkOf("[1,2,3]"),
      /damaged: its data is not a set of settings/,
    ],
    ["JSON null", linkOf("null"), /damaged: its data is not a set of settings/],
    ["version 0", "0.N4Ig", /damaged: link format 0 does not exist/],
  ];
  for (const [what, input, message] of cases) {
    it(`falls back to the defaults with one message for ${what}`, () => {
      const result = decodeConfig(input);
      expect(result.config).toEqual(DEFAULT_CONFIG);
      expect(result.ok).toBe(false);
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]).toMatch(message);
      expect(result.issues[0]).toMatch(/^This share link is damaged: .*; showing the defaults\.$/);
    });
  }

  it("says a link cut short could not be unpacked", () => {
    // A payload that lz-string cannot unpack at all.
    const result = decodeConfig("1.A");
    expect(result.config).toEqual(DEFAULT_CONFIG);
    expect(result.issues).toEqual([
      "This share link is damaged: its data could not be unpacked (it may have been cut short when copied); showing the defaults.",
    ]);
  });

  it("refuses a link from a newer format and says to reload", () => {
    const result = decodeConfig(`3.${encodeConfig(make({ model: "collect" })).slice(2)}`);
    expect(result.config).toEqual(DEFAULT_CONFIG);
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      "This share link was made by a newer version of the playground (link format 3; this page reads format 2); " +
        "showing the defaults. Reload the page to get the latest version.",
    ]);
  });

  it("refuses a link longer than the limit without unpacking it", () => {
    const result = decodeConfig(`1.${"A".repeat(MAX_LINK_LENGTH)}`);
    expect(result.config).toEqual(DEFAULT_CONFIG);
    expect(result.issues).toEqual([
      `This share link is too long to read (${MAX_LINK_LENGTH + 2} characters; the limit is ${MAX_LINK_LENGTH}); showing the defaults.`,
    ]);
  });

  it("refuses a short link that unpacks to megabytes (2 K characters → 1 M)", () => {
    const bomb = `1.${LZString.compressToEncodedURIComponent("a".repeat(1_000_000))}`;
    expect(bomb.length).toBeLessThan(2500);
    const started = performance.now();
    const result = decodeConfig(bomb);
    expect(performance.now() - started).toBeLessThan(500);
    expect(result.config).toEqual(DEFAULT_CONFIG);
    expect(result.issues).toEqual([
      "This share link is damaged: it unpacks to far more data than any settings; showing the defaults.",
    ]);
  });

  it("reads a link whose + signs a query parser turned into spaces, or that is still %-encoded", () => {
    const config = make({
      model: "server",
      serverEmail: "jane@example.com",
      orgName: "Ünïcödé ~~~ 😀😀😀 ???",
    });
    const encoded = Array.from({ length: 200 }, (_, i) =>
      encodeConfig({ ...config, orgName: `Org ${i}` }),
    ).find((s) => s.includes("+"));
    if (encoded === undefined) throw new Error("no encoding with a + sign in 200 tries");
    const expected = decodeConfig(encoded).config;
    expect(decodeConfig(encoded.replace(/\+/g, " ")).config).toEqual(expected);
    expect(decodeConfig(encodeURIComponent(encoded)).config).toEqual(expected);
    expect(new URLSearchParams(`s=${encoded}`).get("s")).toContain(" ");
    expect(configFromSearchParams(new URLSearchParams(`s=${encoded}`)).config).toEqual(expected);
  });
});

describe("decodeConfig: partly valid links keep what they can", () => {
  it("keeps every valid field and names the bad colour", () => {
    const result = decodeConfig(linkWith({ m: "collect", pc: "bleu", o: "Globex" }));
    expect(result.config).toEqual(make({ model: "collect", orgName: "Globex" }));
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      'The link\'s primary colour "bleu" is not a colour the widget understands; kept the default.',
    ]);
  });

  it("names the field and the reason for a value its schema refuses", () => {
    const result = decodeConfig(
      linkWith({ m: "magic", c: "yes", l: "klingon", t: "wt_1", o: "x".repeat(201) }),
    );
    expect(result.config).toEqual(make({ widgetToken: "wt_1" }));
    expect(result.issues).toEqual([
      'The link\'s identity model "magic" could not be used (must be one of "anonymous", "collect", "browser", "server"); kept the default.',
      'The link\'s collectUserData switch "yes" could not be used (expected boolean); kept the default.',
      expect.stringMatching(
        /^The link's widget language "klingon" could not be used \(must be one of "ar", .*\); kept the default\.$/,
      ),
      expect.stringMatching(
        /^The link's organisation name "x{39}…" could not be used \(keep it under 200 characters\); kept the default\.$/,
      ),
    ]);
  });

  it("drops a bad row list as a whole, keeping the other fields", () => {
    const result = decodeConfig(
      linkWith({ m: "browser", ud: [{ key: "plan", value: 3 }], ue: "a@b.c" }),
    );
    expect(result.config).toEqual(make({ model: "browser", userEmail: "a@b.c" }));
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatch(
      /^The link's browser custom data .* could not be used \(.*\); kept the default\.$/,
    );
  });

  it("refuses a row with a key rows do not have, naming it, instead of reading it with the key silently dropped", () => {
    const result = decodeConfig(
      linkWith({ m: "server", sd: [{ key: "plan", value: "pro", type: "string" }] }),
    );
    expect(result.config).toEqual(make({ model: "server" }));
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      expect.stringMatching(
        /^The link's server customData .* could not be used \(.*unknown key "type" in a row\); kept the default\.$/,
      ),
    ]);
  });

  it("drops only the extra fields the form would refuse, saying why for each", () => {
    const result = decodeConfig(
      linkWith({ m: "collect", x: ["Company", "email", "company", "", " Plan", 42, "Order #"] }),
    );
    expect(result.config.extraFields).toEqual(["Company", "Order #"]);
    expect(result.config.model).toBe("collect");
    expect(result.issues).toEqual([
      'The link\'s extra welcome-form field "email" was dropped: "email" is already on the form: name and email are always asked.',
      'The link\'s extra welcome-form field "company" was dropped: there is already a field called "company".',
      'The link\'s extra welcome-form field "" was dropped: a field needs a name.',
      'The link\'s extra welcome-form field " Plan" was dropped: remove the spaces at the start or end.',
      "The link's extra welcome-form field 42 was dropped: it is not text.",
    ]);
  });

  it("keeps the first 12 extra fields of a longer list", () => {
    const names = Array.from({ length: 15 }, (_, i) => `Field ${i}`);
    const result = decodeConfig(linkWith({ x: names }));
    expect(result.config.extraFields).toEqual(names.slice(0, 12));
    expect(result.issues).toEqual([
      "The link has 15 extra welcome-form fields; kept the first 12.",
    ]);
  });

  it("drops extra fields that are not a list at all", () => {
    const result = decodeConfig(linkWith({ x: "Company" }));
    expect(result.config).toEqual(DEFAULT_CONFIG);
    expect(result.issues[0]).toMatch(
      /^The link's extra welcome-form fields "Company" could not be used \(expected array\)/,
    );
  });

  it("names a single unknown key in a grammatical sentence", () => {
    expect(decodeConfig(linkWith({ m: "collect", zz: 1 })).issues).toEqual([
      'The link has a setting this version does not know ("zz"); ignored it.',
    ]);
  });

  it("never loads a secret-looking value, whatever field carries it, and says which field", () => {
    const jwt = fakeJwt({ alg: "none" }, { sub: "link" }, "sig");
    const result = decodeConfig(
      linkWith({
        m: "collect",
        pn: fakeKey("live", "LINK_TEST_NOT_A_KEY"),
        e: jwt,
        t: "wt_ok",
        o: "Globex",
      }),
    );
    expect(result.config).toEqual(
      make({ model: "collect", widgetToken: "wt_ok", orgName: "Globex" }),
    );
    expect(result.issues).toEqual([
      "The link's prefilled name looked like an org API key; secrets are never read from a share link, so it was left out.",
      "The link's externalId looked like a token (JWT); secrets are never read from a share link, so it was left out.",
    ]);
    expect(result.issues.join(" ")).not.toContain("LINK_TEST");
  });

  it("ignores unknown keys with one message naming them", () => {
    const result = decodeConfig(linkWith({ m: "collect", zz: 1, "future-option": true }));
    expect(result.config).toEqual(make({ model: "collect" }));
    expect(result.issues).toEqual([
      'The link has settings this version does not know ("zz", "future-option"); ignored them.',
    ]);
    expect(decodeConfig(linkWith({ constructor: 2, toString: 3 })).config).toEqual(DEFAULT_CONFIG);
    expect(decodeConfig(linkOf('{"__proto__":{"model":"server"}}')).config).toEqual(DEFAULT_CONFIG);
  });

  it("never loads a secret someone wrote into a link, and never repeats it", () => {
    const result = decodeConfig(
      linkWith({
        m: "server",
        apiKey: SENTINEL_API_KEY,
        contact_token: SENTINEL_CONTACT_TOKEN,
        "Org API key": "x",
      }),
    );
    expect(result.config).toEqual(make({ model: "server" }));
    expect(result.config.apiKey).toBe("");
    expect(result.config.contactToken).toBe("");
    expect(result.issues).toEqual([
      "The link tries to set the org API key; secrets are never read from a share link, so it was ignored.",
      "The link tries to set the contact token; secrets are never read from a share link, so it was ignored.",
    ]);
    expect(result.issues.join(" ")).not.toContain("SENTINEL");
  });

  it("caps the number of messages and counts the rest", () => {
    const result = decodeConfig(linkWith({ x: Array.from({ length: 30 }, () => "") }));
    expect(result.issues).toHaveLength(11);
    expect(result.issues[10]).toBe("…and 20 more problems with this link.");
  });
});

describe("decodeConfig never throws and always yields a valid config", () => {
  const alphabet = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-"];
  const validEncoding = configArbitrary({ hostile: true })
    .map(encodeConfig)
    .filter((s) => s.length > 4);

  const runs: [string, fc.Arbitrary<string>, number][] = [
    ["any string", fc.string({ maxLength: 200 }), 2000],
    ["any full-Unicode string", fc.string({ unit: "binary", maxLength: 200 }), 2000],
    [
      "base64-ish strings behind a version prefix",
      fc
        .tuple(
          fc.constantFrom("", "1.", "1.N4Ig", "2.", "0.", "01."),
          fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 300 }),
        )
        .map(([prefix, body]) => prefix + body),
      2000,
    ],
    [
      "valid encodings cut short",
      fc.tuple(validEncoding, fc.nat()).map(([s, n]) => s.slice(0, n % s.length)),
      1000,
    ],
    [
      "valid encodings with a flipped character",
      fc.tuple(validEncoding, fc.nat(), fc.constantFrom(...alphabet)).map(([s, n, c]) => {
        const i = 2 + (n % (s.length - 2));
        return s.slice(0, i) + c + s.slice(i + 1);
      }),
      1000,
    ],
    [
      "valid encodings with junk appended",
      fc
        .tuple(
          validEncoding,
          fc.oneof(
            fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 20 }),
            fc.string({ minLength: 1, maxLength: 20 }),
          ),
        )
        .map(([s, junk]) => s + junk),
      1000,
    ],
  ];

  for (const [what, arbitrary, numRuns] of runs) {
    it(`for ${numRuns} × ${what}`, () => {
      fc.assert(
        fc.property(arbitrary, (input) => {
          expectSound(decodeConfig(input));
        }),
        { numRuns: propertyRuns(numRuns) },
      );
    });
  }

  it("for 1000 × well-packed JSON with known keys and random values (including secrets)", () => {
    const key = fc.constantFrom(
      ...OPTION_KEYS.map((k) => OPTIONS[k].urlKey ?? k),
      "zz",
      "__proto__",
      "api_key",
    );
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom("bleu", "#fff", "server", ["email", "Company"]),
    );
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 8 }), (payload) => {
        const result = decodeConfig(linkWith(payload));
        expectSound(result);
      }),
      { numRuns: propertyRuns(1000) },
    );
  });

  it("for inputs that are not even strings", () => {
    for (const junk of [42, {}, [], true, Symbol("s"), () => 1]) {
      expectSound(decodeConfig(junk as unknown as string));
    }
  });
});

describe("share URL helpers", () => {
  it(`uses the "${SHARE_PARAM}" parameter and keeps other parameters and the hash`, () => {
    const config = make({ model: "collect" });
    const encoded = encodeConfig(config);
    expect(shareUrl("https://x.test/", config)).toBe(`https://x.test/?s=${encoded}`);
    expect(shareUrl("https://x.test/play?tab=code&s=old#top", config)).toBe(
      `https://x.test/play?tab=code&s=${encoded}#top`,
    );
    expect(shareUrl("/play", config)).toBe(`/play?s=${encoded}`);
    expect(shareQuery(config)).toBe(`?s=${encoded}`);
  });

  it("removes the parameter for the defaults", () => {
    expect(shareUrl("https://x.test/play?s=1.abc&tab=code", defaultConfig())).toBe(
      "https://x.test/play?tab=code",
    );
    expect(shareUrl("https://x.test/?s=1.abc#a", defaultConfig())).toBe("https://x.test/#a");
  });

  it("reads Next's searchParams object: missing, a string, or repeated (first wins)", () => {
    const encoded = encodeConfig(make({ model: "browser" }));
    expect(configFromSearchParams({})).toEqual({
      config: DEFAULT_CONFIG,
      issues: [],
      ok: true,
      madeForV4: false,
    });
    expect(configFromSearchParams({ s: undefined, tab: "code" }).ok).toBe(true);
    expect(configFromSearchParams({ s: encoded }).config.model).toBe("browser");
    expect(configFromSearchParams({ s: [encoded, "junk"] }).config.model).toBe("browser");
    expect(configFromSearchParams({ s: "junk" }).ok).toBe(false);
    expect(configFromSearchParams(new URLSearchParams(`a=1&s=${encoded}`)).config.model).toBe(
      "browser",
    );
  });

  it(`keeps a big realistic config short: ${BIG_URL.length} characters for the whole URL`, () => {
    expect(BIG_URL.length).toBeLessThan(2000);
    const result = configFromSearchParams(new URL(BIG_URL).searchParams);
    expect(result.ok).toBe(true);
    expect(result.config).toEqual(withoutSecrets(BIG_REALISTIC));
    expect(BIG_URL).not.toContain("SENTINEL");
  });

  it(`a config with every field at its length limit, in prose, is ${MAX_PROSE_ENCODED.length} characters: links over ${MAX_LINK_LENGTH} are refused whole, with a message`, () => {
    expect(parseConfig(MAX_PROSE)).toEqual({ success: true, data: MAX_PROSE });
    const result = decodeConfig(MAX_PROSE_ENCODED);
    if (MAX_PROSE_ENCODED.length <= MAX_LINK_LENGTH) {
      expect(result.config).toEqual(withoutSecrets(MAX_PROSE));
    } else {
      expect(result.config).toEqual(DEFAULT_CONFIG);
      expect(result.issues[0]).toMatch(/^This share link is too long to read/);
    }
  });
});
