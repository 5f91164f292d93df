/**
 * What a contact token says about the widget identity it carries (domain-v5.md §3.7, §10.4):
 * the owner (org id, contact id), verified, `mcp_access`, and its expiry in words. Reads the
 * backend envelope (`sub: { type: "widget-contact", payload }`) and the flat v4-era claims
 * through `contactClaimsOf`, the same reader the fingerprint uses. Pure; never throws.
 */
import { ALL_SERVERS_ID, MCP_TOKEN_LIFETIME_SECONDS } from "../sandbox/settings";
import { contactClaimsOf, type ContactClaims } from "./fingerprint";
import type { JsonObject } from "./jwt";

export type McpAccessView =
  /** No `mcp_access`: chat-only authentication. */
  | { kind: "chat-only" }
  /**
   * `server_ids: ["*"]`: how this playground's sandbox writes the all-servers grant
   * (`mcp_access: {}`); open.cx's own layout for it is UNKNOWN (domain-v5.md §16.3).
   */
  | { kind: "all-servers"; accountId: string | null }
  | { kind: "servers"; serverIds: readonly string[]; accountId: string | null };

export type ExpiryView =
  | { kind: "expires"; text: string }
  | { kind: "expired"; text: string }
  /** No `exp` and no `mcp_access`: the documented v5 behaviour. */
  | { kind: "chat-only"; text: string }
  /** No `exp` although the token carries `mcp_access` (open.cx gives those one hour). */
  | { kind: "no-exp"; text: string };

export interface ContactIdentity {
  layout: ContactClaims["layout"];
  orgId: string;
  contactId: string;
  verified: boolean;
  access: McpAccessView;
  expiry: ExpiryView;
  /** `exp - iat` in seconds when both are numbers. */
  lifetimeSeconds: number | null;
}

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** "42 min", "30 s", "3 h", "2 days": a short duration for the expiry line. */
export function shortDuration(ms: number): string {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

function accessView(claims: ContactClaims): McpAccessView {
  const access = claims.mcpAccess;
  if (access === null) return { kind: "chat-only" };
  if (access.serverIds.length === 1 && access.serverIds[0] === ALL_SERVERS_ID)
    return { kind: "all-servers", accountId: access.accountId };
  return { kind: "servers", serverIds: access.serverIds, accountId: access.accountId };
}

function expiryView(exp: unknown, access: McpAccessView, nowMs: number): ExpiryView {
  if (finite(exp) && Math.abs(exp * 1000) <= 8.64e15) {
    const left = exp * 1000 - nowMs;
    return left <= 0
      ? { kind: "expired", text: `expired ${shortDuration(left)} ago` }
      : { kind: "expires", text: `expires in ${shortDuration(left)}` };
  }
  return access.kind === "chat-only"
    ? { kind: "chat-only", text: "chat-only, non-expiring" }
    : {
        kind: "no-exp",
        text: "no exp claim: never expires (open.cx's mcp_access tokens expire after one hour)",
      };
}

/** The widget identity in a token's decoded claims, or `null` when they are not a contact's. */
export function contactIdentity(claims: JsonObject, nowMs: number): ContactIdentity | null {
  const contact = contactClaimsOf(claims);
  if (contact === null) return null;
  const access = accessView(contact);
  return {
    layout: contact.layout,
    orgId: contact.orgId,
    contactId: contact.contactId,
    verified: contact.verified,
    access,
    expiry: expiryView(claims.exp, access, nowMs),
    lifetimeSeconds: finite(claims.exp) && finite(claims.iat) ? claims.exp - claims.iat : null,
  };
}

/** "every enabled server", "github, crm", "no server (server_ids is empty)", "none: chat-only". */
export function accessText(access: McpAccessView): string {
  if (access.kind === "chat-only") return "none: chat-only (no personal connections)";
  if (access.kind === "all-servers") return "every enabled server";
  return access.serverIds.length === 0
    ? "no server (server_ids is empty)"
    : access.serverIds.join(", ");
}

/** Notes the inspector adds for a widget contact token. */
export function identityNotes(identity: ContactIdentity): string[] {
  const notes: string[] = [];
  if (identity.access.kind === "all-servers")
    notes.push(
      `server_ids ["${ALL_SERVERS_ID}"] is how this playground's sandbox writes mcp_access: {} (every enabled server); how open.cx writes that grant in a token is not documented.`,
    );
  if (
    identity.access.kind !== "chat-only" &&
    identity.lifetimeSeconds !== null &&
    identity.lifetimeSeconds > MCP_TOKEN_LIFETIME_SECONDS
  )
    notes.push("It lives longer than the one hour open.cx gives tokens minted with mcp_access.");
  return notes;
}
