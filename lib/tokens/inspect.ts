/**
 * The token inspector's core: say which of the widget's three credentials a
 * pasted string is (domain.md §1), where it belongs and what never to do with it.
 *
 * Invariants:
 * - Pure and offline: nothing is sent, stored or logged, and the result never
 *   repeats the pasted value (so logging a result cannot leak the token).
 * - Never throws, whatever the input.
 * - Secrets win: anything that contains an org-API-key-shaped string, a private
 *   key, or a value assigned to a secret-named variable is `org-api-key`, even
 *   inside a longer paste (a curl command, an .env line).
 * - JWT claims are decoded, never verified here; `verifySandboxToken` on the
 *   server is the only signature check.
 */
import { looksLikeApiKey, looksLikeJwt, startsLikeJwt } from "../secrets/detect";
import { SANDBOX_API_KEY } from "../sandbox/settings";
import type { InspectOptions, TokenInspection } from "./inspection";
import { decodeJwt, hasJwtParts } from "./jwt";
import { normalizeTokenInput } from "./normalize";
import {
  contactToken,
  empty,
  malformedJwt,
  orgApiKey,
  sandboxApiKey,
  unknown,
  widgetToken,
} from "./verdicts";

export type * from "./inspection";
export { normalizeTokenInput } from "./normalize";

/** Longer pastes are not inspected as tokens (secrets inside them are still flagged). */
export const MAX_INSPECT_LENGTH = 16 * 1024;
/** Widget tokens are short opaque ids: letters, digits and a few separators, 4–128 characters. */
const WIDGET_TOKEN_SHAPE = /^[A-Za-z0-9][A-Za-z0-9._~+/=-]{3,127}$/;
/** `-----BEGIN RSA PRIVATE KEY-----`, `-----BEGIN OPENSSH PRIVATE KEY-----`, … */
const PRIVATE_KEY_SHAPE = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
/** Variable names that hold a secret by convention (`OPENCX_API_KEY`, `VITE_ORG_PUBLIC_API_TOKEN`, `JWT_SECRET`…). */
const SECRET_NAME = /API_?KEY|API_?TOKEN|SECRET|PRIVATE_?KEY|PASSWORD/i;
/** Prefixes that bundlers copy into browser code. */
const PUBLIC_ENV_PREFIX = /^(NEXT_PUBLIC_|VITE_|REACT_APP_|PUBLIC_|EXPO_PUBLIC_)/i;
/** The sandbox key as a whole word inside a longer paste. */
const SANDBOX_KEY_IN_TEXT = new RegExp(
  `(^|[^A-Za-z0-9_-])${SANDBOX_API_KEY.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![A-Za-z0-9_-])`,
  "g",
);

function toEpochMs(now: InspectOptions["now"]): number {
  if (now instanceof Date) return Number.isFinite(now.getTime()) ? now.getTime() : Date.now();
  if (typeof now === "number" && Number.isFinite(now)) return now;
  return Date.now();
}

function classify(input: string, nowMs: number): TokenInspection {
  const raw = input.trim();
  if (raw === "") return empty();

  const { value, notes, variable } = normalizeTokenInput(raw);
  if (variable !== null && PUBLIC_ENV_PREFIX.test(variable) && SECRET_NAME.test(variable)) {
    notes.push(
      `${variable.split("_")[0]}_ variables are bundled into browser code: a secret must never use that prefix.`,
    );
  }
  if (value === SANDBOX_API_KEY) return sandboxApiKey(notes);

  // Secrets anywhere in the paste, the sandbox key aside.
  const withoutSandboxKey = raw.replace(SANDBOX_KEY_IN_TEXT, "$1 ");
  if (PRIVATE_KEY_SHAPE.test(raw)) return orgApiKey("private-key", notes);
  if (looksLikeApiKey(withoutSandboxKey, "")) return orgApiKey("api-key", notes);
  if (variable !== null && SECRET_NAME.test(variable) && value !== "")
    return orgApiKey("secret-variable", notes);
  if (withoutSandboxKey !== raw) {
    return sandboxApiKey([...notes, "Found the sandbox API key inside the pasted text."]);
  }

  if (value === "" || /^bearer$/i.test(value))
    return unknown("There is nothing after the prefix.", notes);
  if (value.length > MAX_INSPECT_LENGTH) {
    return unknown(
      `It is ${value.length.toLocaleString("en-US")} characters long: far longer than any of the widget's tokens.`,
      notes,
    );
  }

  if (startsLikeJwt(value) || hasJwtParts(value)) {
    const decoded = decodeJwt(value);
    if (decoded.ok) return contactToken(decoded.header, decoded.claims, decoded.alg, nowMs, notes);
    if (startsLikeJwt(value)) return malformedJwt(decoded.reason, decoded.header, notes);
    // Dotted base64url that is not a JWT: judged below like any other id.
  }

  if (/\s/.test(value))
    return unknown("It contains spaces or line breaks, which no token has.", notes);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return unknown("It is a URL, not a token.", notes);
  if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value))
    return unknown("It looks like an email address, not a token.", notes);
  if (value.length < 4) return unknown("It is too short to be a token.", notes);
  if (value.length > 128)
    return unknown(
      `It is ${value.length} characters long: longer than a widget token, and not a JWT.`,
      notes,
    );
  if (!WIDGET_TOKEN_SHAPE.test(value))
    return unknown("It contains characters that tokens do not use.", notes);
  return widgetToken(notes);
}

/**
 * What a pasted string is, where it belongs and what never to do with it.
 * Trims first; understands `Bearer `, header lines, quotes and `NAME=value`.
 */
export function inspectToken(input: string, options: InspectOptions = {}): TokenInspection {
  const nowMs = toEpochMs(options.now);
  if (typeof input !== "string") return empty();
  try {
    return classify(input, nowMs);
  } catch {
    // Unreachable by design (every step is guarded); a result beats a crash in the UI.
    return unknown("It could not be read.", []);
  }
}

/** Longest token the signature check accepts (the route's body limit is 8 KB). */
export const MAX_VERIFY_TOKEN_LENGTH = 8000;

/**
 * The compact JWT to send for a signature check, or null. Only a decodable,
 * JWT-shaped contact token qualifies: API keys, widget tokens, secrets
 * assigned to variables and anything else never leave the page.
 */
export function tokenForSignatureCheck(input: string): string | null {
  if (typeof input !== "string") return null;
  const inspection = inspectToken(input);
  if (inspection.kind !== "contact-token") return null;
  const { value } = normalizeTokenInput(input);
  if (value.length > MAX_VERIFY_TOKEN_LENGTH || !looksLikeJwt(value)) return null;
  return value;
}
