import { describe, expect, it } from "vitest";
import { looksLikeApiKey, looksLikeJwt, secretIn, secretKind, startsLikeJwt } from "./detect";
import { fakeJwt, fakeKey } from "./test-support/fake-keys";

const JWT = fakeJwt({ alg: "HS256" }, { sub: "1" }, "signature");

describe("looksLikeApiKey", () => {
  it.each([
    [fakeKey("live", "abcdef"), "", true],
    ["sk-abcdef", "", true],
    ["Bearer sk_abcdefgh", "", true],
    ['key="sk_abcdefgh"', "", true],
    ["OPENCX_API_KEY=sk_abcdefgh", "", true],
    ["sk_abc", "", false], // too short to be a key
    ["task_abcdefgh", "", false], // `sk_` inside a word
    ["acme-widget-token", "", false],
    ["my own key 12345678", "own key 12345678", true], // contains the config's key
    ["Acme Inc", "Acme", false], // a key shorter than 8 is only matched whole
    ["Acme", " Acme ", true],
  ] as const)("%j (config key %j) → %s", (value, apiKey, expected) => {
    expect(looksLikeApiKey(value, apiKey)).toBe(expected);
  });
});

describe("looksLikeJwt / startsLikeJwt", () => {
  it.each([
    [JWT, true],
    [` ${JWT}\n`, true],
    [fakeJwt({ alg: "none" }, { sub: "1" }, ""), true], // unsigned: empty signature
    [`Bearer ${JWT}`, false], // the whole value must be the JWT
    ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0", false], // two parts
    ["abc.def.ghi", false], // header is not JSON
    ["eyJ a.b.c", false],
  ] as const)("looksLikeJwt(%j) → %s", (value, expected) => {
    expect(looksLikeJwt(value)).toBe(expected);
  });

  it("starts like a JWT exactly when it begins with eyJ", () => {
    expect(startsLikeJwt(JWT)).toBe(true);
    expect(startsLikeJwt("eyJ")).toBe(true);
    expect(startsLikeJwt(" eyJ")).toBe(false);
    expect(startsLikeJwt("EYJ")).toBe(false);
  });
});

describe("secretKind", () => {
  it.each([
    [fakeKey("live", "abcdef"), "", "api-key"],
    [`Authorization: Bearer ${JWT}`, "", "jwt"],
    [`token=${JWT}`, "", "jwt"],
    [`x${JWT}`, "", null], // glued to other base64url text
    ["eyJab.cd.ef", "", null], // parts too short to be a real token
    ["plain value", "", null],
    ["prefix supersecretkey suffix", "supersecretkey", "api-key"],
    // An API key wins over a JWT in the same value.
    [`sk_abcdefgh ${JWT}`, "", "api-key"],
  ] as const)("%j (config key %j) → %s", (value, apiKey, expected) => {
    expect(secretKind(value, apiKey)).toBe(expected);
  });
});

describe("secretIn", () => {
  it("finds a secret in a field, a list or a row, to a bounded depth", () => {
    expect(secretIn("sk_abcdefgh", "")).toBe("api-key");
    expect(secretIn(["a", JWT], "")).toBe("jwt");
    expect(secretIn([{ key: "plan", value: "sk_abcdefgh" }], "")).toBe("api-key");
    expect(secretIn({ a: 1, b: null, c: true }, "")).toBeNull();
    expect(secretIn([[[["sk_abcdefgh"]]]], "")).toBe("api-key");
    expect(secretIn([[[[["sk_abcdefgh"]]]]], "")).toBeNull();
  });
});
