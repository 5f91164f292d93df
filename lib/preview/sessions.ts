/**
 * The preview's simulated sessions. Which sessions a contact may list is the identity
 * simulator's rule (lib/identity/history.ts), re-exported here unchanged.
 */
import type { SessionOwner } from "../identity";
import type { PreviewSession } from "./messages";

export { emailOfCall, sameVerifiedContact, visibleSessions, type SessionOwner } from "../identity";

/**
 * How long the simulated `GET /sessions` takes. The widget shows its sessions
 * screen (header and spinner, 450 × 600) while that first request is in flight,
 * then moves on: to the chat when the contact has no sessions, else to the list.
 */
export const SESSIONS_LATENCY_MS = 700;

/** A new session, as `create-session` makes it: the widget attaches the contact's externalId. */
export function newSession(id: string, owner: SessionOwner): PreviewSession {
  return {
    id,
    contactToken: owner.contact.token,
    email: owner.contact.kind === "verified" ? null : owner.email,
    externalId: owner.contact.externalId,
    verified: owner.contact.kind === "verified",
    status: "open",
    messages: [],
  };
}
