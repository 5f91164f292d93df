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
import { SANDBOX_API_KEY, SANDBOX_ISSUER } from "../sandbox/settings";
import { decodeJwt, hasJwtParts, type JsonObject } from "./jwt";

export type { JsonObject } from "./jwt";

export type TokenKind =
  | "empty"
  | "org-api-key"
  | "sandbox-api-key"
  | "contact-token"
  | "malformed-jwt"
  | "widget-token"
  | "unknown";

export type TokenSeverity = "ok" | "warning" | "danger";

interface InspectionBase {
  kind: TokenKind;
  /** One line: what it is. */
  title: string;
  severity: TokenSeverity;
  /** Where it belongs. */
  where: string;
  /** Two or three sentences: what to do with it, what never to do. */
  advice: string;
  /** Smaller findings, one sentence each (prefixes ignored, missing expiry…). */
  notes: readonly string[];
}

export interface EmptyInspection extends InspectionBase {
  kind: "empty";
}

export interface OrgApiKeyInspection extends InspectionBase {
  kind: "org-api-key";
  /** What gave it away: an `sk_…` key, a PEM private key, or a secret-named variable (`OPENCX_API_KEY=…`). */
  shape: "api-key" | "private-key" | "secret-variable";
}

export interface SandboxApiKeyInspection extends InspectionBase {
  kind: "sandbox-api-key";
}

export interface ContactTokenInspection extends InspectionBase {
  kind: "contact-token";
  header: JsonObject;
  claims: JsonObject;
  alg: string;
  /** `alg: none`: unsigned, so anyone can write it. */
  algNone: boolean;
  /** `exp` as an ISO date; null when absent or not a valid NumericDate. */
  expiresAt: string | null;
  issuedAt: string | null;
  notBefore: string | null;
  /** `now` is at or after `exp` (false without `exp`). */
  expired: boolean;
  /** `now` is before `nbf`. */
  notYetValid: boolean;
  issuer: string | null;
  /** `aud` as a list (empty when absent). */
  audience: readonly string[];
  subject: string | null;
  /** The (unverified) issuer claims this playground's sandbox. */
  claimsSandboxIssuer: boolean;
}

export interface MalformedJwtInspection extends InspectionBase {
  kind: "malformed-jwt";
  /** Why it does not decode. */
  reason: string;
  /** The header, when that much decoded. */
  header: JsonObject | null;
}

export interface WidgetTokenInspection extends InspectionBase {
  kind: "widget-token";
}

export interface UnknownInspection extends InspectionBase {
  kind: "unknown";
  /** Why it is not plausible as any of the three. */
  reason: string;
}

export type TokenInspection =
  | EmptyInspection
  | OrgApiKeyInspection
  | SandboxApiKeyInspection
  | ContactTokenInspection
  | MalformedJwtInspection
  | WidgetTokenInspection
  | UnknownInspection;

export interface InspectOptions {
  /** The clock for `expired` / `notYetValid`: epoch milliseconds or a Date. Default: `Date.now()`. */
  now?: number | Date;
}

/** Longer pastes are not inspected as tokens (secrets inside them are still flagged). */
export const MAX_INSPECT_LENGTH = 16 * 1024;
/** Widget tokens are short opaque ids: letters, digits and a few separators, 4–128 characters. */
const WIDGET_TOKEN_SHAPE = /^[A-Za-z0-9][A-Za-z0-9._~+/=-]{3,127}$/;
/** `-----BEGIN RSA PRIVATE KEY-----`, `-----BEGIN OPENSSH PRIVATE KEY-----`, … */
const PRIVATE_KEY_SHAPE = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
/** `NAME=value` / `export NAME="value"`; a base64 value ending in `=`/`==` does not match (value cannot start with `=`). */
const ASSIGNMENT = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([^=\s][\s\S]*)$/;
/** Variable names that hold a secret by convention (`OPENCX_API_KEY`, `VITE_ORG_PUBLIC_API_TOKEN`, `JWT_SECRET`…). */
const SECRET_NAME = /API_?KEY|API_?TOKEN|SECRET|PRIVATE_?KEY|PASSWORD/i;
/** Prefixes that bundlers copy into browser code. */
const PUBLIC_ENV_PREFIX = /^(NEXT_PUBLIC_|VITE_|REACT_APP_|PUBLIC_|EXPO_PUBLIC_)/i;
const HEADER = /^(authorization|x-bot-token)\s*:\s*([\s\S]*)$/i;
const BEARER = /^bearer\s+([\s\S]*)$/i;
/** The sandbox key as a whole word inside a longer paste. */
const SANDBOX_KEY_IN_TEXT = new RegExp(
  `(^|[^A-Za-z0-9_-])${SANDBOX_API_KEY.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![A-Za-z0-9_-])`,
  "g",
);

const WHERE = {
  none: "Nowhere yet: paste a token to see where it belongs",
  widget: "WidgetConfig.token in your page",
  contact: "user.token, given by your backend to this user's browser only",
  apiKey: "your server's environment (OPENCX_API_KEY) only",
  secret: "your server's secret store only",
  sandbox:
    "server code calling this playground's sandbox authenticate-user only (like the real key)",
  unknown: "Not sure: none of the widget's three tokens looks like this",
} as const;

interface Normalized {
  value: string;
  notes: string[];
  /** Set when the paste was `NAME=value`. */
  variable: string | null;
}

function stripQuotes(value: string): string {
  const match = /^(["'`])([\s\S]*)\1$/.exec(value);
  return match ? (match[2] ?? "").trim() : value;
}

/**
 * The value inside common wrappings: surrounding quotes, `NAME=value`,
 * `Authorization:` / `X-Bot-Token:` header lines and the `Bearer ` scheme.
 */
export function normalizeTokenInput(input: string): Normalized {
  const notes: string[] = [];
  let variable: string | null = null;
  let value = stripQuotes(input.trim());
  const assignment = ASSIGNMENT.exec(value);
  if (assignment) {
    variable = assignment[1] ?? "";
    value = stripQuotes((assignment[2] ?? "").trim());
    notes.push(`Read the value assigned to ${variable}.`);
  }
  const header = HEADER.exec(value);
  if (header) {
    const name = header[1]?.toLowerCase() === "authorization" ? "Authorization" : "X-Bot-Token";
    value = stripQuotes((header[2] ?? "").trim());
    notes.push(`Read the value of the ${name} header.`);
  }
  const bearer = BEARER.exec(value);
  if (bearer) {
    value = (bearer[1] ?? "").trim();
    notes.push("Ignored the “Bearer ” prefix.");
  }
  // A JWT copied across lines keeps its line breaks; they are never part of it.
  if (startsLikeJwt(value) && /\s/.test(value)) {
    const joined = value.replace(/\s+/g, "");
    if (hasJwtParts(joined)) {
      value = joined;
      notes.push("Ignored spaces and line breaks inside the JWT.");
    }
  }
  return { value, notes, variable };
}

function toEpochMs(now: InspectOptions["now"]): number {
  if (now instanceof Date) return Number.isFinite(now.getTime()) ? now.getTime() : Date.now();
  if (typeof now === "number" && Number.isFinite(now)) return now;
  return Date.now();
}

/** A NumericDate claim (seconds since the epoch) as an ISO date, or null. */
function numericDate(value: unknown): { ms: number; iso: string } | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return null;
  const ms = value * 1000;
  // The range of a JavaScript Date.
  if (Math.abs(ms) > 8.64e15) return null;
  return { ms, iso: new Date(ms).toISOString() };
}

function readableDate(iso: string): string {
  return iso
    .replace("T", " ")
    .replace(/\.\d{3}Z$/, " UTC")
    .replace(/Z$/, " UTC");
}

function empty(): EmptyInspection {
  return {
    kind: "empty",
    title: "Paste a token to inspect it",
    severity: "ok",
    where: WHERE.none,
    advice:
      "Paste a widget token, a contact token (JWT) or an API key to see what it is and where it belongs. The check runs in this page: nothing is sent anywhere unless you ask to check a JWT's signature.",
    notes: [],
  };
}

function orgApiKey(shape: OrgApiKeyInspection["shape"], notes: string[]): OrgApiKeyInspection {
  if (shape === "private-key") {
    return {
      kind: "org-api-key",
      shape,
      title: "Private key — a secret!",
      severity: "danger",
      where: WHERE.secret,
      advice:
        "A private key signs or decrypts on your server; the widget never needs one. Never put it in page code, a snippet, a URL, an issue or a chat. If it has been shared, replace it and revoke the old one.",
      notes,
    };
  }
  return {
    kind: "org-api-key",
    shape,
    title: "Org API key — a secret!",
    severity: "danger",
    where: WHERE.apiKey,
    advice:
      "Only your backend uses it, as Authorization: Bearer on POST https://api.open.cx/widget/authenticate-user. Never put it in WidgetConfig, page code, a client bundle, a URL or a chat. If it has been published anywhere, revoke it in the OpenCX dashboard and create a new one.",
    notes,
  };
}

function sandboxApiKey(notes: string[]): SandboxApiKeyInspection {
  return {
    kind: "sandbox-api-key",
    title: "Sandbox API key — only works in this playground",
    severity: "warning",
    where: WHERE.sandbox,
    advice:
      "It is public on purpose and only works against this playground's sandbox, whose tokens open.cx does not accept. Treat it like the real org API key anyway: server code only, never in WidgetConfig or page code, so the habit carries over to the real key.",
    notes,
  };
}

function widgetToken(notes: string[]): WidgetTokenInspection {
  return {
    kind: "widget-token",
    title: "Looks like a widget token (public)",
    severity: "ok",
    where: WHERE.widget,
    advice:
      "Widget tokens are public: the widget sends it as X-Bot-Token on every request and shows it in the “Powered by” link, so page code is the right place. It is neither a contact token nor the API key: don't put it in user.token or use it to call authenticate-user.",
    notes,
  };
}

function unknown(reason: string, notes: string[]): UnknownInspection {
  return {
    kind: "unknown",
    reason,
    title: "Not a token this widget uses",
    severity: "warning",
    where: WHERE.unknown,
    advice: `${reason} Widget tokens are short ids without spaces, contact tokens are JWTs (eyJ…), and org API keys start with sk_: check that you copied the whole value and nothing around it.`,
    notes,
  };
}

function malformedJwt(
  reason: string,
  header: JsonObject | null,
  notes: string[],
): MalformedJwtInspection {
  return {
    kind: "malformed-jwt",
    reason,
    header,
    title: "Broken JWT — it does not decode",
    severity: "warning",
    where: WHERE.contact,
    advice: `${reason} The widget would reject it as user.token: copy the whole token your backend got from authenticate-user, from “eyJ” to the end, with nothing around it.`,
    notes,
  };
}

function contactToken(
  header: JsonObject,
  claims: JsonObject,
  alg: string,
  nowMs: number,
  notes: string[],
): ContactTokenInspection {
  const exp = numericDate(claims.exp);
  const iat = numericDate(claims.iat);
  const nbf = numericDate(claims.nbf);
  const expired = exp !== null && nowMs >= exp.ms;
  const notYetValid = nbf !== null && nowMs < nbf.ms;
  const algNone = alg.trim().toLowerCase() === "none";
  const issuer = typeof claims.iss === "string" ? claims.iss : null;
  const aud = claims.aud;
  const audience =
    typeof aud === "string"
      ? [aud]
      : Array.isArray(aud)
        ? aud.filter((a): a is string => typeof a === "string")
        : [];
  const subject = typeof claims.sub === "string" ? claims.sub : null;
  const claimsSandboxIssuer = issuer === SANDBOX_ISSUER;

  const found = [...notes];
  found.push("Decoded without checking the signature: anyone can write these claims.");
  for (const [name, parsed] of [
    ["exp", exp],
    ["iat", iat],
    ["nbf", nbf],
  ] as const) {
    if (claims[name] !== undefined && parsed === null)
      found.push(`“${name}” is not a valid date (seconds since 1970).`);
  }
  if (claims.exp === undefined)
    found.push(
      "No “exp”: the token never expires, so a leaked copy works until the contact is changed.",
    );
  if (claimsSandboxIssuer)
    found.push("Its issuer says this playground's sandbox: such tokens open nothing at open.cx.");

  const base = {
    kind: "contact-token" as const,
    where: WHERE.contact,
    header,
    claims,
    alg,
    algNone,
    expiresAt: exp?.iso ?? null,
    issuedAt: iat?.iso ?? null,
    notBefore: nbf?.iso ?? null,
    expired,
    notYetValid,
    issuer,
    audience,
    subject,
    claimsSandboxIssuer,
    notes: found,
  };
  const never =
    "never put it in WidgetConfig.token, hard-code it in page code, or reuse it for another user";
  if (algNone) {
    return {
      ...base,
      title: "Unsigned JWT (alg: none) — do not trust it",
      severity: "danger",
      advice:
        "Anyone can write a token with alg: none, so OpenCX and any careful server reject it. Get a signed contact token from POST /widget/authenticate-user instead, and never let your own code accept unsigned tokens.",
    };
  }
  if (expired && exp) {
    return {
      ...base,
      title: "Contact token (JWT) — expired",
      severity: "warning",
      advice: `It expired on ${readableDate(exp.iso)}, so it no longer identifies this user. Have your backend call authenticate-user again and give the fresh token to the browser as user.token; ${never}.`,
    };
  }
  if (notYetValid && nbf) {
    return {
      ...base,
      title: "Contact token (JWT) — not valid yet",
      severity: "warning",
      advice: `It is not valid before ${readableDate(nbf.iso)} (“nbf”), so it will be refused until then; check the issuing server's clock. Once valid it goes to this user's browser as user.token; ${never}.`,
    };
  }
  return {
    ...base,
    title: "Contact token (JWT)",
    severity: "ok",
    advice: `Your backend gets it from POST /widget/authenticate-user and gives it to this signed-in user's browser, which passes it as user.token (the widget sends it as Authorization: Bearer). It identifies one person: ${never}.`,
  };
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
