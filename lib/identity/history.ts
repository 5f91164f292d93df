/**
 * The simulated backend's side of history: which sessions a contact may list
 * (domain.md §3.1, §3.4, §4). The preview (lib/preview/sessions.ts re-exports these) and the
 * lifecycle simulator (lifecycle.ts) both list with it, so there is one listing rule.
 *
 * - A contact owns the sessions created with its token.
 * - The backend upserts non-verified contacts by email (implied by the widget's
 *   comments, domain.md §16.3), so a new token for the same email is the same
 *   contact and sees those sessions too.
 * - A verified contact is matched by the owner its token claims (org and contact id, read as
 *   the v5 widget reads them, lib/tokens/fingerprint.ts), so a renewed token of the same contact
 *   lists the same history; a token whose claims cannot be read is matched by its text.
 * - Verified and non-verified histories are separate.
 * - Listing filters on `external_id` when the contact has one: that is what keeps
 *   non-verified history on the device that created it.
 */
import { readContactClaims } from "../tokens/fingerprint";
import type { ResolvedContact, WidgetApiCall } from "./types";

/** Who is asking for sessions: the resolved contact plus the email it was created with. */
export interface SessionOwner {
  contact: ResolvedContact;
  email: string | null;
}

/** What the listing rule reads of a session (the preview's sessions and the lifecycle's conversations). */
export interface ListedSession {
  /** The contact token it was created with. */
  contactToken: string;
  /** The email the non-verified contact was created or upserted with, if any. */
  email: string | null;
  /** The session's `external_id`. */
  externalId: string | null;
  verified: boolean;
}

/** The email a create-unverified call sent, if any. */
export function emailOfCall(call: WidgetApiCall): string | null {
  return call.kind === "create-unverified" && call.body.email ? call.body.email : null;
}

function sameEmail(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.toLowerCase() === b.toLowerCase();
}

/** Whether two verified tokens belong to the same contact. */
export function sameVerifiedContact(a: string, b: string): boolean {
  if (a === b) return true;
  const x = readContactClaims(a);
  const y = readContactClaims(b);
  return x !== null && y !== null && x.orgId === y.orgId && x.contactId === y.contactId;
}

/** The sessions `GET /sessions` returns for this contact, in the given order. */
export function visibleSessions<S extends ListedSession>(
  sessions: readonly S[],
  owner: SessionOwner,
): S[] {
  const { contact, email } = owner;
  const verified = contact.kind === "verified";
  return sessions.filter(
    (s) =>
      s.verified === verified &&
      (verified
        ? sameVerifiedContact(s.contactToken, contact.token)
        : s.contactToken === contact.token || sameEmail(s.email, email)) &&
      (contact.externalId === null || s.externalId === contact.externalId),
  );
}
