/**
 * Decoding a compact JWT without verifying it: base64url → UTF-8 → JSON.
 *
 * Invariant: `decodeJwt` never throws, whatever it is given, and never
 * evaluates anything: the header and claims are plain `JSON.parse` objects.
 * Decoding says what a token *claims*; only a signature check says who wrote it.
 */

/** A JSON object as `JSON.parse` returns it. */
export type JsonObject = { [key: string]: unknown };

export type JwtDecodeResult =
  | { ok: true; header: JsonObject; claims: JsonObject; alg: string }
  | { ok: false; reason: string; header: JsonObject | null };

const BASE64URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const BASE64URL_PART = /^[A-Za-z0-9_-]*$/;

/** Strict base64url (no padding, no other characters) → bytes, or null. */
export function base64UrlToBytes(part: string): Uint8Array | null {
  if (!BASE64URL_PART.test(part) || part.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((part.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let length = 0;
  for (let i = 0; i < part.length; i += 1) {
    const value = BASE64URL_ALPHABET.indexOf(part.charAt(i));
    if (value < 0) return null;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[length] = (buffer >> bits) & 0xff;
      length += 1;
    }
  }
  return out.subarray(0, length);
}

function decodeJsonObject(part: string): JsonObject | null {
  const bytes = base64UrlToBytes(part);
  if (bytes === null || bytes.length === 0) return null;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : null;
}

/** Whether every part is base64url, as in `header.payload.signature`. */
export function hasJwtParts(value: string): boolean {
  const parts = value.split(".");
  return (parts.length === 3 || parts.length === 5) && parts.every((p) => BASE64URL_PART.test(p));
}

/**
 * Decodes the header and claims of a compact JWS (`header.payload.signature`).
 * The header must be a JSON object with a string `alg`; the payload a JSON object.
 */
export function decodeJwt(token: string): JwtDecodeResult {
  if (typeof token !== "string") return { ok: false, reason: "It is not text.", header: null };
  const parts = token.split(".");
  if (parts.length !== 3 && parts.length !== 5) {
    return {
      ok: false,
      reason: `A JWT has three parts separated by dots; this has ${parts.length}. It may be cut short or have extra text around it.`,
      header: null,
    };
  }
  const [headerPart = "", payloadPart = "", signaturePart = ""] = parts;
  if (!parts.every((p) => BASE64URL_PART.test(p))) {
    return {
      ok: false,
      reason:
        "It contains characters that base64url does not use (only A–Z, a–z, 0–9, - and _ between the dots).",
      header: null,
    };
  }
  const header = decodeJsonObject(headerPart);
  if (header === null) {
    return {
      ok: false,
      reason: "The first part (the header) does not decode to a JSON object.",
      header: null,
    };
  }
  if (typeof header.alg !== "string") {
    return { ok: false, reason: 'The header has no "alg", so it is not a JWT header.', header };
  }
  if (parts.length === 5) {
    return {
      ok: false,
      reason:
        "It has five parts: an encrypted JWT (JWE), whose claims cannot be read without the key. Contact tokens are signed, not encrypted.",
      header,
    };
  }
  const claims = decodeJsonObject(payloadPart);
  if (claims === null) {
    return {
      ok: false,
      reason: "The middle part (the claims) does not decode to a JSON object.",
      header,
    };
  }
  if (base64UrlToBytes(signaturePart) === null) {
    return { ok: false, reason: "The last part (the signature) is not valid base64url.", header };
  }
  return { ok: true, header, claims, alg: header.alg };
}
