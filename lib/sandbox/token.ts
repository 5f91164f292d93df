/**
 * Sandbox contact ids and contact tokens (HS256 JWTs signed with `jose`).
 *
 * Invariants:
 * - The contact id depends only on the normalized email (trimmed, lower-cased)
 *   and the secret: the same person is the same contact on every device and call.
 * - Claims: `sub` (contact id), `email`, `name` when given, `iss`, `aud`, `iat`,
 *   `sandbox: true`, and `customData` when its JSON fits in 1 KB (tokens travel
 *   in a header on every widget request, so they stay small). No `exp`: like the
 *   real chat-only tokens (domain.md §14), they do not expire.
 */
import { webcrypto } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import type { JsonObject } from "./json-value";
import type { SandboxAuthenticateRequest } from "./request-body";
import { SANDBOX_AUDIENCE, SANDBOX_ISSUER, SANDBOX_LIMITS, sandboxSecretFromEnv } from "./settings";

export interface SandboxTokenClaims {
  sub: string;
  email: string;
  name?: string;
  customData?: JsonObject;
  iss: typeof SANDBOX_ISSUER;
  aud: typeof SANDBOX_AUDIENCE;
  iat: number;
  sandbox: true;
}

export type SandboxTokenVerification =
  { valid: true; claims: SandboxTokenClaims } | { valid: false; reason: string };

const encoder = new TextEncoder();
/** Longest token `verifySandboxToken` looks at; issued tokens are far shorter. */
const MAX_TOKEN_LENGTH = 16 * 1024;

/** The form of an email that identifies a contact. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

let hmacKey: { secret: string; key: Promise<webcrypto.CryptoKey> } | undefined;

function contactKey(secret: string): Promise<webcrypto.CryptoKey> {
  if (hmacKey?.secret !== secret) {
    const key = webcrypto.subtle.importKey(
      "raw",
      encoder.encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    hmacKey = { secret, key };
  }
  return hmacKey.key;
}

/** `ct_` + 32 hex characters of HMAC-SHA256(secret, normalized email). */
export async function contactIdFor(
  email: string,
  secret: string = sandboxSecretFromEnv(),
): Promise<string> {
  const mac = await webcrypto.subtle.sign(
    "HMAC",
    await contactKey(secret),
    encoder.encode(`contact:${normalizeEmail(email)}`),
  );
  const hex = Array.from(new Uint8Array(mac).subarray(0, 16), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");
  return `ct_${hex}`;
}

export interface IssuedToken {
  token: string;
  contactId: string;
}

/** Signs the contact token for a validated request. */
export async function issueSandboxToken(
  request: SandboxAuthenticateRequest,
  opts: { secret: string; now: () => number },
): Promise<IssuedToken> {
  const contactId = await contactIdFor(request.email, opts.secret);
  const claims: Record<string, unknown> = { email: request.email };
  if (request.name !== undefined) claims.name = request.name;
  if (request.customData !== undefined && Object.keys(request.customData).length > 0) {
    const bytes = encoder.encode(JSON.stringify(request.customData)).byteLength;
    if (bytes <= SANDBOX_LIMITS.customDataInToken) claims.customData = request.customData;
  }
  claims.sandbox = true;
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(contactId)
    .setIssuer(SANDBOX_ISSUER)
    .setAudience(SANDBOX_AUDIENCE)
    .setIssuedAt(Math.floor(opts.now() / 1000))
    .sign(encoder.encode(opts.secret));
  return { token, contactId };
}

function isClaims(
  payload: Record<string, unknown>,
): payload is Record<string, unknown> & SandboxTokenClaims {
  return (
    typeof payload.sub === "string" &&
    payload.sub.startsWith("ct_") &&
    typeof payload.email === "string" &&
    (payload.name === undefined || typeof payload.name === "string") &&
    (payload.customData === undefined ||
      (typeof payload.customData === "object" &&
        payload.customData !== null &&
        !Array.isArray(payload.customData))) &&
    typeof payload.iat === "number" &&
    payload.sandbox === true
  );
}

/**
 * Checks a sandbox token: HS256 signature with the sandbox secret
 * (`SANDBOX_JWT_SECRET` or the dev default unless `secret` is given), issuer,
 * audience and claim shapes. Never throws; for the token inspector and tests.
 */
export async function verifySandboxToken(
  token: unknown,
  opts: { secret?: string } = {},
): Promise<SandboxTokenVerification> {
  if (typeof token !== "string" || token.trim() === "")
    return { valid: false, reason: "No token given." };
  if (token.length > MAX_TOKEN_LENGTH)
    return { valid: false, reason: "The token is too long to be a sandbox token." };
  try {
    const { payload } = await jwtVerify(
      token.trim(),
      encoder.encode(opts.secret ?? sandboxSecretFromEnv()),
      {
        algorithms: ["HS256"],
        issuer: SANDBOX_ISSUER,
        audience: SANDBOX_AUDIENCE,
      },
    );
    const claims = payload as Record<string, unknown>;
    if (!isClaims(claims))
      return { valid: false, reason: "The token is signed but lacks the sandbox claims." };
    return { valid: true, claims };
  } catch (error) {
    const code =
      typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
    const reason =
      code === "ERR_JWS_SIGNATURE_VERIFICATION_FAILED"
        ? "The signature does not match the sandbox secret: the token was not issued by this sandbox."
        : code === "ERR_JWT_CLAIM_VALIDATION_FAILED"
          ? "The token was not issued for the sandbox (wrong issuer or audience)."
          : code === "ERR_JOSE_ALG_NOT_ALLOWED"
            ? "Sandbox tokens are signed with HS256 only."
            : code === "ERR_JWT_EXPIRED"
              ? "The token has expired."
              : "This is not a well-formed JWT.";
    return { valid: false, reason };
  }
}
