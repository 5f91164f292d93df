/**
 * Types of the identity lifecycle simulator (lib/identity/lifecycle.ts): what happens on one
 * browser after the first load, when people sign in, out and switch, and when a token is renewed,
 * expires or is refused (domain-v5.md §3.6, §3.7, §18; domain.md §3.3, §5 for v4).
 *
 * The simulator is pure: the preview's lifecycle timeline, the advisories and the tests all run on
 * it. Every step says who is at the keyboard, whose contact the widget uses, which conversations it
 * lists (and whose they are), what the browser keeps, what the widget did (reload, remount, swap in
 * place, reset in place, nothing) and, when the host page skipped a step, what that costs.
 */
import type { PlaygroundConfig } from "../config/options";
import type { WidgetMajor } from "../config/versions";
import type { ContactKind, DeviceStorage, NewId, Screen } from "./types";

/** The two people of the shared-computer story. */
export type Person = "A" | "B";

/** Each person's details: what they type in the welcome form or the page passes as `user.data`. */
export interface PersonDetails {
  name: string;
  email: string;
}

export type LifecycleEvent =
  /** The page loads (first visit or a reload): the widget mounts and resolves its contact. */
  | { type: "page-load" }
  /**
   * `person` starts using the browser. Server model: the page signs them in and passes their
   * contact token; browser model: the page passes their `user.data`; collect: they are at the
   * keyboard and fill the welcome form if it shows; anonymous: they are at the keyboard.
   */
  | { type: "sign-in"; person: Person }
  /** The person at the keyboard sends a message: a conversation of the contact in force. */
  | { type: "chat" }
  /**
   * The page signs the user out: it clears the widget's keys if the host policy says so, then
   * passes no identity (server: no `user.token`; browser: no `user.data`).
   */
  | { type: "sign-out" }
  /** The page fetches a new contact token for the same signed-in person (server model). */
  | { type: "renew" }
  /** The contact token's lifetime runs out (tokens minted with `mcp_access`; chat-only tokens never expire). */
  | { type: "expire" }
  /** The backend refuses the stored (non-verified) contact token: v5 recovers, v4 keeps failing. */
  | { type: "token-rejected" };

/** What the host page does, from the config's lifecycle rows (`hostPolicyOf`). */
export interface HostPolicy {
  /** Sign-out removes the widget's keys (v4: the two identity keys; v5: the whole namespace). */
  signOutClearsKeys: boolean;
  /** v4: reload or remount (React `key`) on every identity change. Ignored on v5. */
  remountOnIdentityChange: boolean;
  /** v5, server model: keep the widget mounted and pass the new `user.token`, never key it by the token. Ignored on v4. */
  keepMounted: boolean;
  /** Tokens minted with `mcp_access`: the page renews before expiry and on tab return. */
  renewsToken: boolean;
}

/** What the widget did on this step. */
export type WidgetReaction =
  /** Nothing to do (chat, or an event that changes nothing the widget reads). */
  | "none"
  /** The page (re)loaded and the widget resolved its contact afresh. */
  | "loaded"
  /** The page remounted the widget (v4 React `key`, or a v5 widget keyed by the token). */
  | "remounted"
  /** v5: same fingerprint, new token: swapped in place, conversation kept. */
  | "token-swapped"
  /** v5: the fingerprint changed: the widget reset itself in place and re-resolved. */
  | "reset-in-place"
  /** The page changed the widget's identity options but the widget kept its contact (v4 without remount; v5 non-verified without reload). */
  | "kept-previous-contact"
  /** v5 stale-token recovery minted a fresh non-verified contact. */
  | "recovered"
  /** Requests fail with 401 (an expired verified token, or a refused token v4 cannot recover from). */
  | "failing";

/** A conversation in the simulated backend. */
export interface LifecycleConversation {
  id: string;
  /** The contact token it was created with. */
  contactToken: string;
  /** The email the non-verified contact was created or upserted with, if any. */
  email: string | null;
  /** Its `external_id`. */
  externalId: string | null;
  verified: boolean;
  /** Who typed it. */
  typedBy: Person;
  /** The message the person sent. */
  text: string;
}

/** The contact the widget uses after a step. */
export interface LifecycleContact {
  token: string;
  kind: ContactKind;
  externalId: string | null;
  /** The person it was created or signed in for; `null` for an anonymous contact made while nobody was signed in. */
  owner: Person | null;
}

export interface LifecycleStep {
  event: LifecycleEvent;
  /** Who is using the browser now (`null` before anyone). */
  atKeyboard: Person | null;
  /** Who the page says is signed in (server and browser models); `null` when nobody. */
  signedIn: Person | null;
  /** The widget's contact; `null` while the welcome form waits. */
  contact: LifecycleContact | null;
  screen: Screen;
  /** The conversations the widget lists now, oldest first. */
  conversations: LifecycleConversation[];
  /**
   * A conversation typed by someone other than the person at the keyboard is listed. While nobody
   * is at the keyboard (after a sign-out) every listed conversation is one: `seenBy` is then the
   * next person to use the browser (the other person of the story) and `nextPerson` is `true`.
   */
  leak: { of: Person; seenBy: Person; nextPerson?: true } | null;
  widget: WidgetReaction;
  storageAfter: DeviceStorage;
  /** Keys the host removed on this step. */
  removedKeys: string[];
  /** One plain sentence: who sees whose history, and why (row, fingerprint, stored key). */
  sentence: string;
  /** What goes wrong if the host skips its part at this step, or `null` when nothing does. */
  risk: string | null;
}

export interface LifecycleRun {
  major: WidgetMajor;
  model: PlaygroundConfig["model"];
  policy: HostPolicy;
  steps: LifecycleStep[];
  /** Every conversation the backend holds at the end. */
  conversations: LifecycleConversation[];
}

/** Makes person's contact token for the server model: the `generation`-th token minted in the run. */
export type VerifiedTokenMinter = (
  person: Person,
  generation: number,
  config: PlaygroundConfig,
) => string;

/** What `runLifecycle` takes besides the config and the events (all optional). */
export interface LifecycleOptions {
  /** What the host page does. @default hostPolicyOf(config) */
  policy?: HostPolicy;
  /** The two people. @default STORY_PEOPLE */
  people?: Readonly<Record<Person, PersonDetails>>;
  /** Mixed into the hash-based ids: the n-th page load (from 1) uses the seed `${seed}#${n}`. @default "" */
  seed?: string;
  /** The id generator (the preview passes its iframe's). @default hashIds of each load's seed */
  newId?: NewId;
  /** The server model's contact tokens (the preview passes sandbox tokens). @default storyVerifiedToken */
  verifiedToken?: VerifiedTokenMinter;
  /** The browser's storage before the first event. @default {} */
  storage?: DeviceStorage;
}
