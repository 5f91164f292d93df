/**
 * The share link's format rules, one by one, with the sentence a person reads when a link breaks
 * one: the version prefix, the payload alphabet, the length limits, what a copy-paste or a query
 * parser may have done to the text (`+` read as space, line breaks, %-escapes), and `shareUrl`
 * keeping the rest of the address. Fast, example-based; the properties live in codec.test.ts.
 */
import LZString from "lz-string";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, defaultConfig, type PlaygroundConfig } from "../config/options";
import {
  LINK_FORMAT_VERSION,
  MAX_LINK_LENGTH,
  configFromSearchParams,
  decodeConfig,
  encodeConfig,
  shareUrl,
  type SearchParamsLike,
} from "./codec";

const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  ...over,
});
const linkOf = (json: string) =>
  `${LINK_FORMAT_VERSION}.${LZString.compressToEncodedURIComponent(json)}`;

const COLLECT = make({ model: "collect", orgName: "Globex" });
const COLLECT_LINK = encodeConfig(COLLECT);

/** A link of the collect config that has at least one `+` in its payload (found, not assumed). */
const LINK_WITH_PLUS = (() => {
  for (let i = 0; i < 400; i++) {
    const encoded = encodeConfig(make({ model: "server", orgName: `Ünïcödé 😀 ${i} ~?` }));
    if (encoded.includes("+")) return encoded;
  }
  throw new Error("no encoding with a + sign in 400 tries");
})();

const damaged = (why: string) => [`This share link is damaged: ${why}; showing the defaults.`];
const tooLong = (length: number) => [
  `This share link is too long to read (${length} characters; the limit is ${MAX_LINK_LENGTH}); showing the defaults.`,
];

describe("the link format: version prefix", () => {
  it("reads format 2 written by encodeConfig", () => {
    expect(COLLECT_LINK.startsWith("2.")).toBe(true);
    expect(decodeConfig(COLLECT_LINK)).toEqual({
      config: COLLECT,
      issues: [],
      ok: true,
      madeForV4: false,
    });
  });

  it("reads the version as a number, so leading zeros name the same format", () => {
    expect(decodeConfig(`002.${COLLECT_LINK.slice(2)}`).config).toEqual(COLLECT);
  });

  it("names a newer format by its number, even with several digits, and says to reload", () => {
    expect(decodeConfig(`12.${COLLECT_LINK.slice(2)}`).issues).toEqual([
      "This share link was made by a newer version of the playground (link format 12; this page reads format 2); " +
        "showing the defaults. Reload the page to get the latest version.",
    ]);
  });

  it("takes a version of at most nine digits; a longer number is not a version", () => {
    expect(decodeConfig(`999999999.${COLLECT_LINK.slice(2)}`).issues[0]).toMatch(
      /link format 999999999;/,
    );
    expect(decodeConfig(`0000000002.${COLLECT_LINK.slice(2)}`).issues).toEqual(
      damaged('it does not start with a format version such as "2."'),
    );
  });

  it('needs the version at the very start, followed by a "."', () => {
    for (const input of [`x${COLLECT_LINK}`, `2${COLLECT_LINK.slice(2)}`, `.${COLLECT_LINK}`]) {
      expect(decodeConfig(input).issues).toEqual(
        damaged('it does not start with a format version such as "2."'),
      );
    }
  });

  it("a version with nothing after it is an empty link (the defaults, no message)", () => {
    expect(decodeConfig("2.")).toEqual({
      config: DEFAULT_CONFIG,
      issues: [],
      ok: true,
      madeForV4: false,
    });
  });
});

describe("the link format: payload alphabet", () => {
  it("refuses any character outside A-Z a-z 0-9 + - anywhere in the payload", () => {
    const body = COLLECT_LINK.slice(2);
    const cut = Math.floor(body.length / 2);
    for (const bad of ["!", "_", ".", "/", "=", "é", "\u2028", "\u0085"]) {
      for (const input of [
        `2.${body}${bad}`,
        `2.${bad}${body}`,
        `2.${body.slice(0, cut)}${bad}${body.slice(cut)}`,
      ]) {
        // A line separator at either end is trimmed like any white space; inside, it is refused.
        if (bad === "\u2028" && input.trim() !== input) continue;
        expect(decodeConfig(input).issues).toEqual(
          damaged("it contains characters a share link never has"),
        );
      }
    }
  });

  it("accepts + and - in the payload", () => {
    expect(LINK_WITH_PLUS).toMatch(/\+/);
    expect(decodeConfig(LINK_WITH_PLUS).ok).toBe(true);
    const withMinus = Array.from({ length: 400 }, (_, i) =>
      encodeConfig(
        make({ model: "browser", orgName: `Org ${String.fromCodePoint(0x4e00 + i * 37)}${i}` }),
      ),
    ).find((s) => s.includes("-"));
    expect(withMinus).toBeDefined();
    expect(decodeConfig(withMinus).ok).toBe(true);
  });
});

describe("the link format: what copying and query parsing do to a link", () => {
  it("reads a link whose + signs became spaces (a query parser's doing)", () => {
    const expected = decodeConfig(LINK_WITH_PLUS).config;
    const spaced = LINK_WITH_PLUS.replace(/\+/g, " ");
    expect(decodeConfig(spaced)).toEqual({
      config: expected,
      issues: [],
      ok: true,
      madeForV4: false,
    });
  });

  it("reads a link still %-encoded, whether + became %2B or a space became %20", () => {
    const expected = decodeConfig(LINK_WITH_PLUS).config;
    expect(decodeConfig(LINK_WITH_PLUS.replace(/\+/g, "%2B")).config).toEqual(expected);
    expect(decodeConfig(LINK_WITH_PLUS.replace(/\+/g, "%20")).config).toEqual(expected);
    expect(decodeConfig(encodeURIComponent(`2.${COLLECT_LINK.slice(2)}`)).config).toEqual(COLLECT);
    expect(decodeConfig("2%2E" + COLLECT_LINK.slice(2)).config).toEqual(COLLECT);
  });

  it("reads a link broken over lines or indented in an email (line breaks and tabs dropped, ends trimmed)", () => {
    const body = COLLECT_LINK.slice(2);
    const cut = Math.floor(body.length / 2);
    for (const gap of ["\n", "\r\n", "\t", "\r"]) {
      expect(decodeConfig(`2.${body.slice(0, cut)}${gap}${body.slice(cut)}`)).toEqual({
        config: COLLECT,
        issues: [],
        ok: true,
        madeForV4: false,
      });
    }
    expect(decodeConfig(`  \n${COLLECT_LINK}\n  `).config).toEqual(COLLECT);
  });

  it("a stray % that is not an escape is reported as a character a link never has", () => {
    expect(decodeConfig(`${COLLECT_LINK}%E0%A4%A`).issues).toEqual(
      damaged("it contains characters a share link never has"),
    );
    expect(decodeConfig(`${COLLECT_LINK}%`).issues).toEqual(
      damaged("it contains characters a share link never has"),
    );
  });
});

describe("the link format: limits", () => {
  it(`unpacks a link of exactly ${MAX_LINK_LENGTH} characters; one more is refused unread`, () => {
    const atLimit = `2.${"A".repeat(MAX_LINK_LENGTH - 2)}`;
    expect(atLimit).toHaveLength(MAX_LINK_LENGTH);
    expect(decodeConfig(atLimit).issues).toEqual(
      damaged("its data could not be unpacked (it may have been cut short when copied)"),
    );
    expect(decodeConfig(`${atLimit}A`).issues).toEqual(tooLong(MAX_LINK_LENGTH + 1));
  });

  it("counts the limit after undoing %-escapes and trimming, so padding does not count", () => {
    const padded = `${" ".repeat(MAX_LINK_LENGTH)}${COLLECT_LINK}${" ".repeat(MAX_LINK_LENGTH)}`;
    expect(decodeConfig(padded).config).toEqual(COLLECT);
    const escaped = `2.${"%41".repeat(MAX_LINK_LENGTH - 2)}`;
    expect(decodeConfig(escaped).issues).toEqual(
      damaged("its data could not be unpacked (it may have been cut short when copied)"),
    );
  });

  it(`refuses raw text over three times the limit (${3 * MAX_LINK_LENGTH}) before looking at it, naming its length`, () => {
    // A fully %-encoded link is at most three times as long as the link itself.
    const atRawLimit = `${COLLECT_LINK}${" ".repeat(3 * MAX_LINK_LENGTH - COLLECT_LINK.length)}`;
    expect(atRawLimit).toHaveLength(3 * MAX_LINK_LENGTH);
    expect(decodeConfig(atRawLimit).config).toEqual(COLLECT);
    expect(decodeConfig(`${atRawLimit} `).issues).toEqual(tooLong(3 * MAX_LINK_LENGTH + 1));
    // Within the raw limit, the message names the length of the link itself.
    const escaped = `2.A${"%41".repeat(MAX_LINK_LENGTH - 1)}`;
    expect(escaped).toHaveLength(3 * MAX_LINK_LENGTH);
    expect(decodeConfig(escaped).issues).toEqual(tooLong(MAX_LINK_LENGTH + 2));
  });

  it("reads settings that unpack to exactly 256 K characters; one more is refused", () => {
    const json = '{"m":"collect","o":"Globex"}';
    const atLimit = json + " ".repeat(256 * 1024 - json.length);
    expect(decodeConfig(linkOf(atLimit))).toEqual({
      config: COLLECT,
      issues: [],
      ok: true,
      madeForV4: false,
    });
    expect(decodeConfig(linkOf(`${atLimit} `)).issues).toEqual(
      damaged("it unpacks to far more data than any settings"),
    );
  });
});

describe("the link format: the payload is one object of settings", () => {
  it("refuses a number, a text, true or a list in place of the settings object", () => {
    for (const json of ["42", '"m"', '"collect"', "true", "[]", '["m"]', "null"]) {
      expect(decodeConfig(linkOf(json))).toEqual({
        config: DEFAULT_CONFIG,
        issues: damaged("its data is not a set of settings"),
        ok: false,
        madeForV4: false,
      });
    }
  });

  it("reads an empty object as the defaults, without a message", () => {
    expect(decodeConfig(linkOf("{}"))).toEqual({
      config: DEFAULT_CONFIG,
      issues: [],
      ok: true,
      madeForV4: false,
    });
  });

  it("says a value that is not text is not a link", () => {
    for (const junk of [42, {}, ["2.abc"], true]) {
      expect(decodeConfig(junk as unknown as string)).toEqual({
        config: DEFAULT_CONFIG,
        issues: damaged("it is not text"),
        ok: false,
        madeForV4: false,
      });
    }
  });
});

describe("shareUrl keeps the rest of the address", () => {
  const s = `s=${COLLECT_LINK}`;

  it("adds the parameter before a hash when there is no query", () => {
    expect(shareUrl("https://x.test/play#top", COLLECT)).toBe(`https://x.test/play?${s}#top`);
    expect(shareUrl("#top", COLLECT)).toBe(`?${s}#top`);
    expect(shareUrl("", COLLECT)).toBe(`?${s}`);
  });

  it("keeps a hash that itself holds ? and s= as it is", () => {
    expect(shareUrl("https://x.test/play#a?s=old&b", COLLECT)).toBe(
      `https://x.test/play?${s}#a?s=old&b`,
    );
    expect(shareUrl("https://x.test/play?tab=1#a?s=old", defaultConfig())).toBe(
      "https://x.test/play?tab=1#a?s=old",
    );
  });

  it("keeps other parameters in order, with their values as written, and drops empty pieces", () => {
    expect(shareUrl("/play?&tab=code&&q=a%20b+c&x=1=2&", COLLECT)).toBe(
      `/play?tab=code&q=a%20b+c&x=1=2&${s}`,
    );
  });

  it('replaces every "s" parameter, also written %-encoded or without a value, and only those', () => {
    expect(shareUrl("/play?s=1&%73=2&s&s=&S=3&ss=4&s%20=5&s+=6&as=7", COLLECT)).toBe(
      `/play?S=3&ss=4&s%20=5&s+=6&as=7&${s}`,
    );
  });

  it("keeps a parameter whose name is not valid %-encoding, as written", () => {
    expect(shareUrl("/play?%E0%A4=x&s=old", COLLECT)).toBe(`/play?%E0%A4=x&${s}`);
  });

  it("leaves no ? behind when the defaults remove the only parameter", () => {
    expect(shareUrl("https://x.test/play?s=1.abc", defaultConfig())).toBe("https://x.test/play");
    expect(shareUrl("https://x.test/play?", defaultConfig())).toBe("https://x.test/play");
    expect(shareUrl("https://x.test/play?s=1.abc&", defaultConfig())).toBe("https://x.test/play");
  });
});

describe("configFromSearchParams", () => {
  it("reads no parameters at all as the defaults, without a message", () => {
    for (const none of [null, undefined, new URLSearchParams(""), {}]) {
      expect(configFromSearchParams(none)).toEqual({
        config: DEFAULT_CONFIG,
        issues: [],
        ok: true,
        madeForV4: false,
      });
    }
  });

  it("reads the first of repeated parameters in both forms", () => {
    const params = new URLSearchParams(`s=${COLLECT_LINK}&s=junk`);
    expect(configFromSearchParams(params).config).toEqual(COLLECT);
    expect(configFromSearchParams({ s: [COLLECT_LINK, "junk"] }).config).toEqual(COLLECT);
    expect(configFromSearchParams({ s: ["junk", COLLECT_LINK] }).ok).toBe(false);
  });

  it("reads an empty list, or a value that is not text, as no link", () => {
    for (const odd of [{ s: [] }, { s: [42] }, { s: 42 }, { s: { s: COLLECT_LINK } }]) {
      expect(configFromSearchParams(odd as unknown as SearchParamsLike)).toEqual({
        config: DEFAULT_CONFIG,
        issues: [],
        ok: true,
        madeForV4: false,
      });
    }
  });

  it("reads only the record's own s, never one inherited from its prototype", () => {
    const inherited = Object.create({ s: COLLECT_LINK }) as Record<string, string>;
    expect(configFromSearchParams(inherited)).toEqual({
      config: DEFAULT_CONFIG,
      issues: [],
      ok: true,
      madeForV4: false,
    });
  });

  it("says the link could not be read when reading the parameter fails, instead of throwing", () => {
    const hostile = {
      get s(): string {
        throw new Error("boom");
      },
    };
    expect(configFromSearchParams(hostile)).toEqual({
      config: DEFAULT_CONFIG,
      issues: damaged("it could not be read"),
      ok: false,
      madeForV4: false,
    });
  });
});
