/**
 * The v5 widget's identity fingerprint (domain-v5.md §3.7): what decides whether a new
 * `user.token` on a mounted widget is a *renewal* (same fingerprint: the token is swapped in
 * place and the conversation is kept) or a *new identity* (different fingerprint: the widget
 * disposes its state, fetches its config again and starts closed).
 *
 * - No `user.token`: `{ apiUrl, botToken, externalId, verifiedOwner: null }`.
 * - A decodable token: the owner is read from the flat claims `{ org_id, contact, mcp_access? }`
 *   or from the backend envelope `sub: { type: 'widget-contact', payload: { … } }`;
 *   `exp`, `iat` and the signature are left out; `server_ids` are sorted.
 * - An undecodable token: the token itself (`opaqueToken`), so every change resets.
 *
 * v4 has no fingerprint: any identity change needs a remount (or reload) there.
 */
import { decodeJwt, type JsonObject } from "./jwt";

export interface VerifiedOwner {
  orgId: string;
  contactId: string;
  verified: boolean;
  accountId: string | null;
  serverIds: string[];
}

/** What the widget reads from a contact token's claims, or `null` when it cannot. */
export interface ContactClaims {
  orgId: string;
  contactId: string;
  verified: boolean;
  /** `null` when the token carries no `mcp_access` (chat-only). */
  mcpAccess: { serverIds: string[]; accountId: string | null } | null;
  /** Where the claims sat: the backend envelope (`sub.payload`) or the flat v4-era layout. */
  layout: "envelope" | "flat";
}

export interface FingerprintInput {
  apiUrl?: string;
  /** The public widget token (`options.token`). */
  botToken: string;
  externalId?: string;
  /** `user.token`, when the page passes one. */
  userToken?: string;
}

const isObject = (v: unknown): v is JsonObject =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function readPayload(payload: JsonObject, layout: ContactClaims["layout"]): ContactClaims | null {
  const contact = payload.contact;
  if (typeof payload.org_id !== "string" || !isObject(contact)) return null;
  if (typeof contact.id !== "string" || typeof contact.verified !== "boolean") return null;
  let mcpAccess: ContactClaims["mcpAccess"] = null;
  if (payload.mcp_access !== undefined) {
    const access = payload.mcp_access;
    if (!isObject(access) || !Array.isArray(access.server_ids)) return null;
    if (!access.server_ids.every((id): id is string => typeof id === "string")) return null;
    if (access.account_id !== undefined && typeof access.account_id !== "string") return null;
    mcpAccess = {
      serverIds: [...access.server_ids],
      accountId: typeof access.account_id === "string" ? access.account_id : null,
    };
  }
  return {
    orgId: payload.org_id,
    contactId: contact.id,
    verified: contact.verified,
    mcpAccess,
    layout,
  };
}

/** The contact claims of a decoded token, from the envelope or the flat layout; `null` otherwise. */
export function contactClaimsOf(claims: JsonObject): ContactClaims | null {
  const sub = claims.sub;
  if (isObject(sub) && sub.type === "widget-contact" && isObject(sub.payload)) {
    return readPayload(sub.payload, "envelope");
  }
  return readPayload(claims, "flat");
}

/** Decodes a token (without verifying it) into its contact claims, or `null`. */
export function readContactClaims(token: string): ContactClaims | null {
  const decoded = decodeJwt(token);
  return decoded.ok ? contactClaimsOf(decoded.claims) : null;
}

export function ownerOf(claims: ContactClaims): VerifiedOwner {
  return {
    orgId: claims.orgId,
    contactId: claims.contactId,
    verified: claims.verified,
    accountId: claims.mcpAccess?.accountId ?? null,
    serverIds: [...(claims.mcpAccess?.serverIds ?? [])].sort(),
  };
}

/** The fingerprint string v5 compares between renders. */
export function identityFingerprint(input: FingerprintInput): string {
  const base = {
    apiUrl: input.apiUrl ?? null,
    botToken: input.botToken,
    externalId: input.externalId ?? null,
  };
  if (input.userToken === undefined || input.userToken === "") {
    return JSON.stringify({ ...base, verifiedOwner: null });
  }
  const claims = readContactClaims(input.userToken);
  if (claims === null) return JSON.stringify({ ...base, opaqueToken: input.userToken });
  return JSON.stringify({ ...base, verifiedOwner: ownerOf(claims) });
}

/** A swap keeps the conversation (`renewal`) or starts over (`reset`); `why` says which facts decided. */
export type TokenSwap = { kind: "renewal"; why: string } | { kind: "reset"; why: string };

/** Why a token takes the opaque path: it is not a JWT, or its claims are not a contact's. */
function undecodable(token: string): string {
  return decodeJwt(token).ok
    ? "decodes but carries no contact claims the widget reads (org_id, contact.id, contact.verified, and server_ids inside any mcp_access, in sub.payload or flat)"
    : "does not decode as a JWT";
}

function differences(x: VerifiedOwner, y: VerifiedOwner): string[] {
  const out: string[] = [];
  if (x.orgId !== y.orgId) out.push("the organisation (org_id) differs");
  if (x.contactId !== y.contactId) out.push("the contact (contact.id) differs");
  if (x.verified !== y.verified) out.push("one is verified and the other is not");
  if (x.accountId !== y.accountId) out.push("the mcp_access account_id differs");
  if (JSON.stringify(x.serverIds) !== JSON.stringify(y.serverIds))
    out.push("the mcp_access server_ids differ (order aside)");
  return out;
}

/**
 * What v5 does when a mounted widget's `user.token` changes from `before` to `after` (the rest
 * of the options unchanged): a renewal keeps the conversation, a reset starts over. Tokens are
 * compared as given (trim them first); `""` stands for "no token".
 *
 * As the fingerprint is described (domain-v5 §3.7), a chat-only token (no `mcp_access`) counts
 * as no account and no servers, so it matches `mcp_access: { server_ids: [] }` of the same owner.
 */
export function compareTokens(before: string, after: string, botToken = "widget"): TokenSwap {
  if (before === after) {
    return {
      kind: "renewal",
      why:
        before === ""
          ? "neither side has a token: nothing changes"
          : "it is the same token: nothing changes",
    };
  }
  if (before === "" || after === "") {
    return {
      kind: "reset",
      why: "a switch between no token and a token changes the identity",
    };
  }
  const a = readContactClaims(before);
  const b = readContactClaims(after);
  if (a === null || b === null) {
    const which =
      a === null && b === null
        ? `neither token is readable (the first ${undecodable(before)}; the second ${undecodable(after)})`
        : a === null
          ? `the first token ${undecodable(before)}`
          : `the second token ${undecodable(after)}`;
    return {
      kind: "reset",
      why: `${which}, so the widget compares the token as text: any change starts over`,
    };
  }
  const same =
    identityFingerprint({ botToken, userToken: before }) ===
    identityFingerprint({ botToken, userToken: after });
  if (same) {
    return {
      kind: "renewal",
      why: "same organisation, contact, verified flag, account and server list: only what the fingerprint leaves out (iat, exp, the signature, other claims, the layout) differs, so the widget swaps the token in place",
    };
  }
  const found = differences(ownerOf(a), ownerOf(b));
  return { kind: "reset", why: found.join("; ") };
}
