/**
 * Test support: key-shaped values built at run time.
 *
 * Mutation testing stores the source of every test file in its incremental file, which is
 * committed; a secret scanner would flag literal org API keys or JWTs there. So test sources
 * never spell such a value out: they build it here, and the result is the very string the
 * literal was. scripts/no-key-literals.test.ts keeps it so.
 */

/** The environment part of an org API key. */
export type FakeKeyEnvironment = "live" | "test";

/** The part every org API key of an environment starts with: the prefix and `_`. */
export function fakeKeyPrefix(environment: FakeKeyEnvironment): string {
  return ["sk", environment, ""].join("_");
}

/** An org API key of an environment: `sk_` + the environment + `_` + `tail`. */
export function fakeKey(environment: FakeKeyEnvironment, tail: string): string {
  return fakeKeyPrefix(environment) + tail;
}

/** Text as base64url without padding, as in a compact JWT. */
export function base64UrlText(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

/** A JSON value as one base64url part of a compact JWT (`JSON.stringify`, no spaces). */
export function base64UrlJson(value: unknown): string {
  return base64UrlText(JSON.stringify(value));
}

/**
 * A compact JWT `header.claims.signature`: the header and claims are JSON, the signature is
 * `signature` as text, base64url-encoded (`""` gives an unsigned token ending in a dot).
 * Nothing is signed: only the shape is real.
 */
export function fakeJwt(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  signature: string,
): string {
  return [base64UrlJson(header), base64UrlJson(claims), base64UrlText(signature)].join(".");
}
