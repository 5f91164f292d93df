/**
 * One sentence that explains the history a device shows, for the preview's
 * device panel (issue: "the trust summary explains each visible difference").
 * Pure: it reads what the simulator resolved, never decides identity itself.
 */
import type { ContactKind, ExternalIdSource } from "../identity/types";

export type DeviceRole = "this-browser" | "another-device";

export interface DeviceHistoryFacts {
  device: DeviceRole;
  /** The contact this load resolved, or `null` while the welcome form waits. */
  contact: {
    kind: ContactKind;
    externalId: string | null;
    externalIdSource: ExternalIdSource;
  } | null;
  /** Sessions this device's contact may list. */
  visible: number;
  /** Sessions the simulated backend holds, from every device and identity. */
  total: number;
  /** Verified sessions among `total`. */
  totalVerified: number;
  /** Verified model, but this device's user signed out (the page passes no user.token). */
  signedOut: boolean;
  /** The device's widget storage was empty when this load began (first visit or cleared). */
  freshStorage: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function explainDeviceHistory(f: DeviceHistoryFacts): string {
  const where = f.device === "this-browser" ? "This browser" : "Another device";
  if (f.total === 0) {
    return "No conversations yet: send a message in the preview, then reload, clear site data or switch device to see who keeps it.";
  }
  if (f.contact === null) {
    return `${where} waits for the welcome form: until the visitor submits it there is no contact, so no history is listed.`;
  }
  const { kind, externalId, externalIdSource } = f.contact;
  if (kind === "verified") {
    if (f.visible > 0) {
      return externalId
        ? `${where} lists ${plural(f.visible, "conversation")}: a verified contact sees its history on every device, limited to sessions created with externalId "${externalId}".`
        : `${where} lists ${plural(f.visible, "conversation")}: a verified contact sees its history on every device, because your server vouches for the same person.`;
    }
    if (f.totalVerified === 0) {
      return `${where} shows no history: verified and non-verified histories are kept apart, and this verified contact has no conversations yet.`;
    }
    return externalId
      ? `${where} shows no history: its sessions are scoped to externalId "${externalId}", and none were created with it.`
      : `${where} shows no history: the verified conversations belong to another signed-in user.`;
  }
  if (f.signedOut) {
    return `Signed out on ${where.toLowerCase()}: your page passes no user.token, so the visitor is anonymous here and the verified history stays hidden.`;
  }
  if (f.visible > 0) {
    return externalIdSource === "config"
      ? `${where} lists ${plural(f.visible, "conversation")}: externalId "${externalId}" is fixed in the config, so anyone with the same id and email shares this scope: it is not device-bound any more.`
      : `${where} lists ${plural(f.visible, "conversation")}: the widget remembered its contact and device id in this browser's localStorage.`;
  }
  if (f.device === "another-device") {
    return "Another device sees no history: non-verified contacts are bound to the device by a generated externalId saved in localStorage.";
  }
  if (f.freshStorage) {
    return "This browser starts over: with its site data cleared the widget forgot its contact token and device id, so it is a new contact.";
  }
  return "This browser shows no history for this contact: its conversations were made by another identity (verified and non-verified histories are separate).";
}
