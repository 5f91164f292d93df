import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { looksLikeJwt } from "../secrets/detect";
import { SANDBOX_API_KEY, SANDBOX_AUDIENCE, SANDBOX_ISSUER } from "../sandbox/settings";
import { fakeKey } from "../secrets/test-support/fake-keys";
import {
  inspectToken,
  MAX_VERIFY_TOKEN_LENGTH,
  tokenForSignatureCheck,
  type TokenInspection,
} from "./inspect";

const b64url = (value: unknown) =>
  Buffer.from(typeof value === "string" ? value : JSON.stringify(value), "utf8").toString(
    "base64url",
  );
const jwt = (header: unknown, claims: unknown, signature = "c2lnbmF0dXJl") =>
  `${b64url(header)}.${b64url(claims)}.${signature}`;

/** An org API key (fake): built at run time so no key-shaped literal sits in this file. */
const ORG_KEY = fakeKey("live", "fake_abcdef123456");

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const NOW_S = NOW / 1000;
const HS256 = { alg: "HS256", typ: "JWT" };

function inspect(input: string): TokenInspection {
  return inspectToken(input, { now: NOW });
}

function expectKind<K extends TokenInspection["kind"]>(
  result: TokenInspection,
  kind: K,
): Extract<TokenInspection, { kind: K }> {
  expect(result.kind).toBe(kind);
  return result as Extract<TokenInspection, { kind: K }>;
}

describe("inspectToken: every result", () => {
  it.each([
    "",
    ORG_KEY,
    SANDBOX_API_KEY,
    jwt(HS256, { sub: "1" }),
    "eyJhbGciOi",
    "wt_3f9a2c7e",
    "hello world",
  ])("has a title, a severity, where it belongs and 2–3 sentences of advice (%s)", (input) => {
    const r = inspect(input);
    expect(r.title.length).toBeGreaterThan(0);
    expect(r.title).not.toContain("\n");
    expect(["ok", "warning", "danger"]).toContain(r.severity);
    expect(r.where.length).toBeGreaterThan(0);
    const sentences = r.advice.split(/(?<=[.!?])\s+(?=[A-Z“])/).filter(Boolean);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(3);
  });
});

describe("inspectToken: empty", () => {
  it.each(["", "   ", "\n\t  \r\n"])("blank input %j is empty and ok", (input) => {
    const r = expectKind(inspect(input), "empty");
    expect(r.severity).toBe("ok");
  });

  it("treats a non-string at run time as empty instead of throwing", () => {
    expect(inspectToken(undefined as unknown as string).kind).toBe("empty");
    expect(inspectToken(42 as unknown as string).kind).toBe("empty");
  });
});

describe("inspectToken: org API keys", () => {
  it.each([
    ORG_KEY,
    "sk-proj-AbCdEf123456",
    `  ${fakeKey("test", "EXAMPLE_NOT_A_KEY")}  `,
    `Bearer ${ORG_KEY}`,
    `bearer   ${ORG_KEY}`,
    `Authorization: Bearer ${ORG_KEY}`,
    `"${ORG_KEY}"`,
    `curl -H 'Authorization: Bearer ${ORG_KEY}' https://api.open.cx/widget/authenticate-user`,
  ])("%s is a secret API key", (input) => {
    const r = expectKind(inspect(input), "org-api-key");
    expect(r.shape).toBe("api-key");
    expect(r.severity).toBe("danger");
    expect(r.title).toBe("Org API key — a secret!");
    expect(r.where).toBe("your server's environment (OPENCX_API_KEY) only");
    expect(r.advice).toMatch(/never/i);
  });

  it("says when the Bearer prefix was stripped", () => {
    expect(inspect(`Bearer ${ORG_KEY}`).notes).toContain("Ignored the “Bearer ” prefix.");
  });

  it("flags a PEM private key", () => {
    const pem =
      "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
    const r = expectKind(inspect(pem), "org-api-key");
    expect(r.shape).toBe("private-key");
    expect(r.severity).toBe("danger");
  });

  it.each([
    "OPENCX_API_KEY=abc123def456",
    'export VITE_ORG_PUBLIC_API_TOKEN="q9Xz7"',
    "SANDBOX_JWT_SECRET = hunter2hunter2",
  ])("a value assigned to a secret-named variable is a secret whatever its shape (%s)", (input) => {
    const r = expectKind(inspect(input), "org-api-key");
    expect(r.shape).toBe("secret-variable");
    expect(r.severity).toBe("danger");
  });

  it("warns that NEXT_PUBLIC_/VITE_ secrets end up in the browser", () => {
    expect(inspect(`NEXT_PUBLIC_OPENCX_API_KEY=${ORG_KEY}`).notes.join(" ")).toMatch(
      /NEXT_ variables are bundled/,
    );
    expect(inspect("VITE_ORG_PUBLIC_API_TOKEN=abc").notes.join(" ")).toMatch(
      /VITE_ variables are bundled into browser code/,
    );
  });

  it("does not mistake words that merely contain sk for keys", () => {
    expect(inspect("task-abcdefgh").kind).toBe("widget-token");
    expect(inspect("sk_abc").kind).toBe("widget-token");
  });

  it("a longer key that starts with the sandbox key is a real key", () => {
    expect(inspect(`${SANDBOX_API_KEY}_x`).kind).toBe("org-api-key");
  });

  it("a real key next to the sandbox key is still a secret", () => {
    expect(inspect(`${SANDBOX_API_KEY} ${ORG_KEY}`).kind).toBe("org-api-key");
  });
});

describe("inspectToken: the sandbox API key", () => {
  it.each([
    SANDBOX_API_KEY,
    `  ${SANDBOX_API_KEY}\n`,
    `Bearer ${SANDBOX_API_KEY}`,
    `'${SANDBOX_API_KEY}'`,
    `OPENCX_API_KEY=${SANDBOX_API_KEY}`,
    `curl -H "Authorization: Bearer ${SANDBOX_API_KEY}" http://127.0.0.1:3000/api/widget/authenticate-user`,
  ])("%s is the sandbox key: a secret in spirit that works only here", (input) => {
    const r = expectKind(inspect(input), "sandbox-api-key");
    expect(r.severity).toBe("warning");
    expect(r.advice).toMatch(/only works against this playground's sandbox/);
    expect(r.advice).toMatch(/never in WidgetConfig/);
  });
});

describe("inspectToken: contact tokens (JWT)", () => {
  const claims = {
    sub: "ct_123",
    email: "jane@example.com",
    iss: "https://issuer.example",
    aud: ["opencx-widget", "other"],
    iat: NOW_S - 60,
    nbf: NOW_S - 60,
    exp: NOW_S + 3600,
  };

  it("decodes the header and claims without verifying, with ISO dates", () => {
    const r = expectKind(inspect(jwt(HS256, claims)), "contact-token");
    expect(r.title).toBe("Contact token (JWT)");
    expect(r.severity).toBe("ok");
    expect(r.where).toBe("user.token, given by your backend to this user's browser only");
    expect(r.header).toEqual(HS256);
    expect(r.claims).toEqual(claims);
    expect(r.alg).toBe("HS256");
    expect(r.algNone).toBe(false);
    expect(r.expiresAt).toBe("2025-01-15T13:00:00.000Z");
    expect(r.issuedAt).toBe("2025-01-15T11:59:00.000Z");
    expect(r.notBefore).toBe("2025-01-15T11:59:00.000Z");
    expect(r.expired).toBe(false);
    expect(r.notYetValid).toBe(false);
    expect(r.issuer).toBe("https://issuer.example");
    expect(r.audience).toEqual(["opencx-widget", "other"]);
    expect(r.subject).toBe("ct_123");
    expect(r.notes.join(" ")).toMatch(/without checking the signature/);
  });

  it("is expired at and after exp, relative to the injected clock", () => {
    const token = jwt(HS256, { sub: "1", exp: NOW_S });
    const atExp = expectKind(inspectToken(token, { now: NOW }), "contact-token");
    expect(atExp.expired).toBe(true);
    expect(atExp.severity).toBe("warning");
    expect(atExp.title).toBe("Contact token (JWT) — expired");
    expect(atExp.advice).toContain("2025-01-15 12:00:00 UTC");
    const before = expectKind(inspectToken(token, { now: new Date(NOW - 1) }), "contact-token");
    expect(before.expired).toBe(false);
    expect(before.severity).toBe("ok");
  });

  it("is not valid yet before nbf", () => {
    const r = expectKind(inspect(jwt(HS256, { sub: "1", nbf: NOW_S + 10 })), "contact-token");
    expect(r.notYetValid).toBe(true);
    expect(r.severity).toBe("warning");
  });

  it("without exp, is never expired and says it never expires", () => {
    const r = expectKind(inspect(jwt(HS256, { sub: "1" })), "contact-token");
    expect(r.expiresAt).toBeNull();
    expect(r.expired).toBe(false);
    expect(r.notes.join(" ")).toMatch(/never expires/);
  });

  it("reports dates that are not NumericDates as null, with a note", () => {
    const r = expectKind(inspect(jwt(HS256, { exp: "tomorrow", iat: 1e300 })), "contact-token");
    expect(r.expiresAt).toBeNull();
    expect(r.issuedAt).toBeNull();
    expect(r.expired).toBe(false);
    expect(r.notes.join(" ")).toMatch(/“exp” is not a valid date/);
  });

  it.each(["none", "None", "NONE"])("flags alg %s as danger", (alg) => {
    const r = expectKind(
      inspect(`${b64url({ alg, typ: "JWT" })}.${b64url({ sub: "1" })}.`),
      "contact-token",
    );
    expect(r.algNone).toBe(true);
    expect(r.severity).toBe("danger");
    expect(r.title).toMatch(/alg: none/);
  });

  it("decodes unicode claims (UTF-8)", () => {
    const unicode = {
      name: "Zoë Ångström 山田太郎 🦄",
      city: "Zürich",
      rtl: "שלום",
      escaped: "\u2028\u0000",
    };
    const r = expectKind(inspect(jwt(HS256, unicode)), "contact-token");
    expect(r.claims).toEqual(unicode);
  });

  it("reads a single audience string, and the sandbox issuer", () => {
    const r = expectKind(
      inspect(jwt(HS256, { iss: SANDBOX_ISSUER, aud: SANDBOX_AUDIENCE })),
      "contact-token",
    );
    expect(r.audience).toEqual([SANDBOX_AUDIENCE]);
    expect(r.claimsSandboxIssuer).toBe(true);
    expect(r.notes.join(" ")).toMatch(/sandbox/);
  });

  it("accepts Bearer, header lines, quotes and line breaks around a JWT", () => {
    const token = jwt(HS256, { sub: "1" });
    for (const input of [
      `Bearer ${token}`,
      `Authorization: Bearer ${token}`,
      `"${token}"`,
      `USER_TOKEN=${token}`,
      `${token.slice(0, 20)}\n${token.slice(20, 40)}\n  ${token.slice(40)}`,
    ]) {
      expect(inspect(input).kind, input).toBe("contact-token");
    }
  });

  it("decodes a header that is JSON with spaces (does not start with eyJ)", () => {
    const token = `${b64url('{ "alg": "RS256" }')}.${b64url({ sub: "1" })}.sig`;
    expect(token.startsWith("eyJ")).toBe(false);
    expect(expectKind(inspect(token), "contact-token").alg).toBe("RS256");
  });

  it("keeps __proto__ as plain data", () => {
    const r = expectKind(
      inspect(`${b64url(HS256)}.${b64url('{"__proto__":{"polluted":true},"sub":"1"}')}.sig`),
      "contact-token",
    );
    expect(Object.keys(r.claims)).toContain("__proto__");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("inspectToken: malformed JWTs", () => {
  it.each([
    ["eyJhbGciOiJIUzI1NiJ9", /three parts/],
    ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0", /three parts/],
    ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIi!!!.sig", /characters that base64url does not use/],
    [`eyJub3QganNvbg.${b64url({ sub: "1" })}.sig`, /header/],
    [`${b64url({ typ: "JWT" })}.${b64url({ sub: "1" })}.sig`, /no "alg"/],
    [`${b64url(HS256)}.${b64url("not json")}.sig`, /claims/],
    [`${b64url(HS256)}.${b64url([1, 2])}.sig`, /claims/],
    [`${b64url(HS256)}.${b64url({ sub: "1" })}.a`, /signature/],
    [`${b64url({ alg: "RSA-OAEP", enc: "A256GCM" })}.a.b.c.d`, /encrypted/],
    [`eyJ${"A".repeat(5)}.${"B".repeat(5)}.c`, /header/],
  ])("%s does not decode", (input, reason) => {
    const r = expectKind(inspect(input), "malformed-jwt");
    expect(r.reason).toMatch(reason);
    expect(r.severity).toBe("warning");
  });

  it("keeps the header when only the claims fail", () => {
    const r = expectKind(inspect(`${b64url(HS256)}.${b64url("x")}.sig`), "malformed-jwt");
    expect(r.header).toEqual(HS256);
  });

  it("rejects invalid UTF-8 in a part", () => {
    const bad = Buffer.from([
      0x7b, 0x22, 0x61, 0x6c, 0x67, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d,
    ]).toString("base64url");
    expect(inspect(`${bad}.${b64url({})}.sig`).kind).not.toBe("contact-token");
  });
});

describe("inspectToken: widget tokens", () => {
  it.each([
    "wt_3f9a2c7e",
    "abcd",
    "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
    "AbC123xyz",
    "abc.def.ghi",
    "X-Bot-Token: wt_123456",
  ])("%s is plausible as a widget token", (input) => {
    const r = expectKind(inspect(input), "widget-token");
    expect(r.severity).toBe("ok");
    expect(r.where).toBe("WidgetConfig.token in your page");
  });
});

describe("inspectToken: unknown", () => {
  it.each([
    ["hello world", /spaces/],
    ["https://open.cx/?ref=abc", /URL/],
    ["jane@example.com", /email/],
    ["ab", /too short/],
    ["a".repeat(129), /longer than a widget token/],
    ["<script>alert(1)</script>", /characters/],
    ["Bearer ", /nothing after/],
    ["x".repeat(20_000), /far longer/],
  ])("%s is unknown", (input, reason) => {
    const r = expectKind(inspect(input), "unknown");
    expect(r.reason).toMatch(reason);
    expect(r.severity).toBe("warning");
  });
});

describe("tokenForSignatureCheck", () => {
  const token = jwt(HS256, { sub: "1" });

  it("returns the bare JWT for a contact token", () => {
    expect(tokenForSignatureCheck(token)).toBe(token);
    expect(tokenForSignatureCheck(`  Bearer ${token}\n`)).toBe(token);
  });

  it.each([
    "",
    ORG_KEY,
    SANDBOX_API_KEY,
    "wt_3f9a2c7e",
    "eyJhbGciOiJIUzI1NiJ9",
    `OPENCX_API_KEY=${token}`,
    `${token} ${ORG_KEY}`,
    "hello world",
  ])("returns null for %s", (input) => {
    expect(tokenForSignatureCheck(input)).toBeNull();
  });

  it("returns null for a JWT longer than the verify route accepts", () => {
    const long = jwt(HS256, { pad: "x".repeat(MAX_VERIFY_TOKEN_LENGTH) });
    expect(inspect(long).kind).toBe("contact-token");
    expect(tokenForSignatureCheck(long)).toBeNull();
  });
});

describe("properties", () => {
  const base64urlChar = fc.constantFrom(
    ..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".split(""),
  );
  const base64urlPart = fc.string({ unit: base64urlChar, maxLength: 40 });
  const tokenish = fc.oneof(
    fc.string({ unit: "binary", maxLength: 300 }),
    fc.string({ maxLength: 300 }),
    fc.tuple(base64urlPart, base64urlPart, base64urlPart).map(([a, b, c]) => `eyJ${a}.${b}.${c}`),
    fc
      .tuple(fc.jsonValue(), fc.jsonValue(), base64urlPart)
      .map(
        ([h, c, s]) =>
          `${b64url(h === undefined ? null : h)}.${b64url(c === undefined ? null : c)}.${s}`,
      ),
    fc
      .tuple(fc.dictionary(fc.string(), fc.jsonValue()), fc.jsonValue())
      .map(([h, c]) => jwt({ ...h, alg: "HS256" }, c ?? null)),
    fc
      .tuple(
        fc.constantFrom(
          "",
          "Bearer ",
          "Authorization: ",
          "X=",
          '"',
          "sk_",
          "sk-",
          "eyJ",
          "-----BEGIN PRIVATE KEY-----",
        ),
        fc.string(),
      )
      .map(([a, b]) => a + b),
  );
  const clock = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.date({ noInvalidDate: false }),
    fc.constant(undefined),
  );

  it("never throws, and always returns a complete result", () => {
    fc.assert(
      fc.property(tokenish, clock, (input, now) => {
        const r = inspectToken(input, { now });
        expect(typeof r.title).toBe("string");
        expect(typeof r.advice).toBe("string");
        expect(typeof r.where).toBe("string");
        expect(["ok", "warning", "danger"]).toContain(r.severity);
      }),
      { numRuns: 2000 },
    );
  });

  it("never repeats a non-JWT input in its result", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 12, maxLength: 200 }), (input) => {
        const r = inspectToken(input, { now: NOW });
        fc.pre(r.kind !== "contact-token" && input.trim().length >= 12);
        expect(JSON.stringify(r)).not.toContain(input.trim());
      }),
      { numRuns: 2000 },
    );
  });

  it("only ever offers a decodable JWT-shaped contact token for a signature check", () => {
    fc.assert(
      fc.property(tokenish, (input) => {
        const candidate = tokenForSignatureCheck(input);
        if (candidate === null) return;
        expect(looksLikeJwt(candidate)).toBe(true);
        expect(inspectToken(input).kind).toBe("contact-token");
        expect(candidate.length).toBeLessThanOrEqual(MAX_VERIFY_TOKEN_LENGTH);
      }),
      { numRuns: 2000 },
    );
  });

  it("any string containing an sk_ key after a separator is flagged as a secret", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.constantFrom(" ", "=", ":", '"', "'"),
        fc.string({ unit: base64urlChar, minLength: 8, maxLength: 40 }),
        (before, sep, key) => {
          const input = `${before}${sep}${fakeKey("live", key)}`;
          fc.pre(!input.includes(SANDBOX_API_KEY));
          expect(inspectToken(input).severity).toBe("danger");
        },
      ),
      { numRuns: 500 },
    );
  });
});
