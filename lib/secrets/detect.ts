/**
 * What a secret looks like: the shapes the playground refuses to let out of a
 * field (into a share link, embed code, a snippet or the preview), whatever
 * field it was typed into. Used by the advisories, the import, the token
 * inspector and the config's shareable projection (`lib/config/usable.ts`).
 */

/** Org API keys are shaped like `sk_…` (or `sk-…`), alone or after a space, quote, `=` or `:`. */
const API_KEY_SHAPE = /(^|[\s"'=:])sk[_-][A-Za-z0-9_-]{6,}/;

/** Whether `value` looks like an org API key, or contains the config's own API key. */
export function looksLikeApiKey(value: string, apiKey: string): boolean {
  const key = apiKey.trim();
  if (key !== "" && (value.trim() === key || (key.length >= 8 && value.includes(key)))) return true;
  return API_KEY_SHAPE.test(value);
}

/** Every JWT starts so: its header is a JSON object, and `{"` in base64url is `eyJ`. */
export function startsLikeJwt(value: string): boolean {
  return value.startsWith("eyJ");
}

/** A JWT: three base64url parts, the first being a JSON header (`eyJ…`). */
const JWT_SHAPE = /^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** The whole value is a JWT. */
export function looksLikeJwt(value: string): boolean {
  return JWT_SHAPE.test(value.trim());
}

/** A JWT anywhere in the value (`Bearer eyJ…`, `token=eyJ…`), not glued to other base64url text. */
const JWT_INSIDE = /(^|[^A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/;

export type SecretKind = "api-key" | "jwt";

/**
 * What kind of secret `value` holds, or `null`. `apiKey` is the config's own org
 * API key: a value containing it counts when it is at least 8 characters long
 * (a shorter "key" such as `Acme` would make ordinary words secrets).
 */
export function secretKind(value: string, apiKey: string): SecretKind | null {
  const key = apiKey.trim();
  if (API_KEY_SHAPE.test(value) || (key.length >= 8 && value.includes(key))) return "api-key";
  if (JWT_INSIDE.test(value)) return "jwt";
  return null;
}

/**
 * The kind of the first secret in any string of a config value: a field, a list
 * or a row (`apiKey` as for `secretKind`). Depth-limited: config values are shallow,
 * and a hand-made link could nest deeper.
 */
export function secretIn(value: unknown, apiKey: string, depth = 0): SecretKind | null {
  if (typeof value === "string") return secretKind(value, apiKey);
  if (depth > 3 || value === null || typeof value !== "object") return null;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    const kind = secretIn(item, apiKey, depth + 1);
    if (kind !== null) return kind;
  }
  return null;
}

export const SECRET_KIND_NAMES: Record<SecretKind, string> = {
  "api-key": "an org API key",
  jwt: "a token (JWT)",
};
