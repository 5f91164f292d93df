/**
 * Sandbox contact ids and contact tokens (HS256 JWTs signed with `jose`).
 *
 * Invariants:
 * - The contact id depends only on the normalized email (trimmed, lower-cased)
 *   and the secret: the same person is the same contact on every device and call.
 * - `sub` is the backend envelope the v5 widget decodes (domain-v5.md §10.4):
 *   `{ type: "widget-contact", payload: { org_id, contact: { id, verified: true }, mcp_access? } }`,
 *   with the sandbox's one org id. Beside it: `email`, `name` when given, `iss`, `aud`, `iat`,
 *   `sandbox: true`, and `customData` when its JSON fits in 1 KB (tokens travel in a header on
 *   every widget request, so they stay small).
 * - Without `mcp_access` there is no `exp`: chat-only tokens do not expire (domain-v5.md §15.8).
 *   With it, `exp = iat + 3600` exactly (§15.9), or `iat + lifetimeSeconds` when the sandbox-only
 *   demo header asked for a shorter lifetime (`lifetime.ts`).
 * - `mcp_access: {}` (every enabled server) is written `server_ids: ["*"]` (`ALL_SERVERS_ID`):
 *   the real claim layout of that grant is UNKNOWN (§16.3), see `settings.ts`.
 */
import { webcrypto } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import type { JsonObject } from "./json-value";
import type { SandboxAuthenticateRequest } from "./request-body";
import {
  ALL_SERVERS_ID,
  MCP_TOKEN_LIFETIME_SECONDS,
  SANDBOX_AUDIENCE,
  SANDBOX_ISSUER,
  SANDBOX_LIMITS,
  SANDBOX_ORG_ID,
  sandboxSecretFromEnv,
  WIDGET_CONTACT_TYPE,
} from "./settings";

/** `mcp_access` as the token carries it: `server_ids` is always there (`["*"]` for every server). */
export interface TokenMcpAccess {
  server_ids: string[];
  account_id?: string;
}

/** `sub.payload`: who the token identifies. */
export interface WidgetContactPayload {
  org_id: string;
  contact: { id: string; verified: boolean };
  mcp_access?: TokenMcpAccess;
}

export interface SandboxTokenClaims {
  sub: { type: typeof WIDGET_CONTACT_TYPE; payload: WidgetContactPayload };
  email: string;
  name?: string;
  customData?: JsonObject;
  iss: typeof SANDBOX_ISSUER;
  aud: typeof SANDBOX_AUDIENCE;
  iat: number;
  /** Only on tokens minted with `mcp_access`. */
  exp?: number;
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

/** The token's `mcp_access` for a request's: `{}` becomes `server_ids: ["*"]` (see `ALL_SERVERS_ID`). */
export function tokenMcpAccess(
  access: NonNullable<SandboxAuthenticateRequest["mcp_access"]>,
): TokenMcpAccess {
  const out: TokenMcpAccess = { server_ids: access.server_ids ?? [ALL_SERVERS_ID] };
  if (access.account_id !== undefined) out.account_id = access.account_id;
  return out;
}

/** The contact id of a verified sandbox token (`sub.payload.contact.id`). */
export function contactIdOf(claims: SandboxTokenClaims): string {
  return claims.sub.payload.contact.id;
}

export interface IssueOptions {
  secret: string;
  now: () => number;
  /**
   * Sandbox-only demo feature: a shorter lifetime, in seconds, for a token minted with
   * `mcp_access` (1 to 3600; the handler validates the header). Ignored without `mcp_access`.
   */
  lifetimeSeconds?: number | null;
}

/** Signs the contact token for a validated request. */
export async function issueSandboxToken(
  request: SandboxAuthenticateRequest,
  opts: IssueOptions,
): Promise<IssuedToken> {
  const contactId = await contactIdFor(request.email, opts.secret);
  const payload: WidgetContactPayload = {
    org_id: SANDBOX_ORG_ID,
    contact: { id: contactId, verified: true },
  };
  if (request.mcp_access !== undefined) payload.mcp_access = tokenMcpAccess(request.mcp_access);
  const claims: Record<string, unknown> = {
    sub: { type: WIDGET_CONTACT_TYPE, payload },
    email: request.email,
  };
  if (request.name !== undefined) claims.name = request.name;
  if (request.customData !== undefined && Object.keys(request.customData).length > 0) {
    const bytes = encoder.encode(JSON.stringify(request.customData)).byteLength;
    if (bytes <= SANDBOX_LIMITS.customDataInToken) claims.customData = request.customData;
  }
  claims.sandbox = true;
  const iat = Math.floor(opts.now() / 1000);
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(SANDBOX_ISSUER)
    .setAudience(SANDBOX_AUDIENCE)
    .setIssuedAt(iat);
  if (request.mcp_access !== undefined) {
    const lifetime = Math.min(
      opts.lifetimeSeconds ?? MCP_TOKEN_LIFETIME_SECONDS,
      MCP_TOKEN_LIFETIME_SECONDS,
    );
    jwt.setExpirationTime(iat + lifetime);
  }
  const token = await jwt.sign(encoder.encode(opts.secret));
  return { token, contactId };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function isMcpAccess(value: unknown): value is TokenMcpAccess {
  return (
    isObject(value) &&
    Array.isArray(value.server_ids) &&
    value.server_ids.every((id) => typeof id === "string") &&
    (value.account_id === undefined || typeof value.account_id === "string")
  );
}

function isEnvelope(sub: unknown): sub is SandboxTokenClaims["sub"] {
  if (!isObject(sub) || sub.type !== WIDGET_CONTACT_TYPE || !isObject(sub.payload)) return false;
  const { org_id, contact, mcp_access } = sub.payload;
  return (
    org_id === SANDBOX_ORG_ID &&
    isObject(contact) &&
    typeof contact.id === "string" &&
    contact.id.startsWith("ct_") &&
    contact.verified === true &&
    (mcp_access === undefined || isMcpAccess(mcp_access))
  );
}

function isClaims(
  payload: Record<string, unknown>,
): payload is Record<string, unknown> & SandboxTokenClaims {
  return (
    isEnvelope(payload.sub) &&
    typeof payload.email === "string" &&
    (payload.name === undefined || typeof payload.name === "string") &&
    (payload.customData === undefined || isObject(payload.customData)) &&
    typeof payload.iat === "number" &&
    // An mcp_access token carries exp; a chat-only one does not (jose checks exp is a number).
    (payload.exp !== undefined) === (payload.sub.payload.mcp_access !== undefined) &&
    payload.sandbox === true
  );
}

/**
 * Checks a sandbox token: HS256 signature with the sandbox secret
 * (`SANDBOX_JWT_SECRET` or the dev default unless `secret` is given), issuer,
 * audience, `exp` (against `now`, default the system clock) and claim shapes.
 * Never throws; for the token inspector and tests.
 */
export async function verifySandboxToken(
  token: unknown,
  opts: { secret?: string; now?: () => number } = {},
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
        ...(opts.now ? { currentDate: new Date(opts.now()) } : {}),
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
