/** What the token inspector says about a paste: one shape per kind of credential. */
import type { ContactIdentity } from "./identity";
import type { JsonObject } from "./jwt";

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
  /**
   * The widget identity in the claims (envelope or flat layout): owner, verified, `mcp_access`,
   * expiry in words; `null` when the claims are not a widget contact's (v5 then treats the
   * token as opaque).
   */
  identity: ContactIdentity | null;
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
