/**
 * The identity lifecycle on one browser, as a pure simulator (domain-v5.md §3.6, §3.7, §18;
 * domain.md §3.3 and §5 rule 11 for v4): people sign in, chat, sign out and switch; a token is
 * renewed, expires or is refused. Each step says whose contact the widget uses, which
 * conversations it lists and who typed them, what the browser keeps, what the widget did, and
 * what goes wrong at that step when the host page skips its part.
 *
 * One rule per fact, reused: every (re)load, remount and reset is `simulateLoad` (rows A–E),
 * sign-out's key removal is `resetVisitor`, a new `user.token` on a mounted v5 widget is
 * `tokenChangeOutcome` (the identity fingerprint), a refused token is `rejectedTokenOutcome`, the
 * welcome form is `submitWelcomeForm`, and listing is `visibleSessions` (history.ts).
 *
 * What the models mean here:
 * - server: the page signs a person in and passes their `user.token` (minted per sign-in and
 *   renewal); signed out, it passes none, so the widget resolves an anonymous contact.
 * - browser: the page passes the signed-in person's name and email as `user.data`; signed out,
 *   no `user.data`.
 * - collect and anonymous: the page passes no identity. "Sign-in" is a person sitting down at
 *   the browser (collect: they fill in the welcome form when it shows); "sign-out" is the app's
 *   own sign-out, which clears the keys (per the policy) and reloads.
 *
 * Choices where the domain is silent (each one is tested):
 * - The page is not open before the first event. A sign-in on an unopened page opens it with the
 *   new identity (a load); any other first event opens it first (a load), then happens.
 * - Sign-out leaves nobody at the keyboard. Whatever the widget then lists is a leak to the next
 *   person on the browser (the other person of the story).
 * - A chat while the welcome form waits: the person at the keyboard fills it in with their own
 *   details first (the form is the only way to a chat), then sends. With nobody at the keyboard
 *   nothing is sent. A chat while requests fail sends nothing.
 * - v5 non-verified switches (browser `user.data` A → B, sign-out): `user.data` is not in the
 *   fingerprint, so the correct page reloads (domain-v5 §18), whatever `keepMounted` says (that
 *   switch is the server model's).
 * - A page reload passes the same `user.token` as before: an expired token still fails until the
 *   page renews it.
 * - Only a token minted with `mcp_access` (v5, personal connections) expires; renewal happens at
 *   about 80 % of its lifetime when `renewsToken`, so the expiry never reaches the widget.
 * - A new contact belongs to the person at the keyboard (the signed-in person on the server and
 *   browser models; nobody right after a sign-out); a reused stored token keeps whoever it
 *   belonged to, and a token from before the story belongs to nobody.
 * - The backend knows a non-verified token by the email it was upserted with, so a token reused
 *   by row B or D lists the conversations of that email on this device (history.ts).
 * - The page's own `user.data.avatarUrl` and `customData` go with the signed-in person; signed
 *   out, the page passes no `user.data` at all.
 *
 * Pure and deterministic: the same config, events and options give the same run, and it never
 * throws (property-tested).
 */
import type { PlaygroundConfig } from "../config/options";
import type { WidgetMajor } from "../config/versions";
import { mintsWithMcpAccess, toMcpAccess, toWidgetConfig } from "../config/widget-config";
import { screenAfterResolution } from "./contact";
import { emailOfCall, visibleSessions } from "./history";
import type {
  HostPolicy,
  LifecycleContact,
  LifecycleConversation,
  LifecycleEvent,
  LifecycleOptions,
  LifecycleRun,
  LifecycleStep,
  Person,
  PersonDetails,
  VerifiedTokenMinter,
  WidgetReaction,
} from "./lifecycle-types";
import { rejectedTokenOutcome, type RejectionReason } from "./recovery";
import { simulateLoad } from "./simulate";
import { readStorage, resetVisitor, storageKeys, widgetNamespace } from "./storage";
import { tokenChangeOutcome } from "./token-change";
import type {
  DecisionRow,
  DeviceStorage,
  LoadEnv,
  LoadResult,
  NewId,
  ResolvedContact,
  Screen,
} from "./types";
import { submitWelcomeForm } from "./welcome";
import { MCP_TOKEN_LIFETIME_SECONDS } from "../sandbox/settings";

/** What the host page does, read from the config's four lifecycle rows. */
export function hostPolicyOf(config: PlaygroundConfig): HostPolicy {
  return {
    signOutClearsKeys: config.signOutClearsKeys,
    remountOnIdentityChange: config.remountOnIdentityChange,
    keepMounted: config.keepMounted,
    renewsToken: config.renewsToken,
  };
}

/** The two people of the shared-computer story. */
export const STORY_PEOPLE: Readonly<Record<Person, PersonDetails>> = {
  A: { name: "Ada Lovelace", email: "ada@example.com" },
  B: { name: "Ben Okafor", email: "ben@example.com" },
};

/** A → B → A on one browser: each signs in, chats and signs out; then A comes back. */
export const SHARED_COMPUTER_STORY: readonly LifecycleEvent[] = [
  { type: "page-load" },
  { type: "sign-in", person: "A" },
  { type: "chat" },
  { type: "sign-out" },
  { type: "sign-in", person: "B" },
  { type: "chat" },
  { type: "sign-out" },
  { type: "sign-in", person: "A" },
];

/** The org id of the default story tokens. */
export const STORY_ORG_ID = "org_story";
// The lifetime of a token minted with `mcp_access` (domain-v5 §10.4): the sandbox's one figure.
export { MCP_TOKEN_LIFETIME_SECONDS };

/** JSON → base64url without padding, as in a compact JWT (UTF-8 first, so any text encodes). */
function base64UrlJson(value: unknown): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(JSON.stringify(value))) {
    binary += String.fromCharCode(byte);
  }
  // Stryker disable next-line Regex: "=" only ever pads the end, so anchoring it changes nothing.
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * The default contact token of `person`: an unsigned JWT with the backend's envelope
 * (`sub: { type: 'widget-contact', payload: { org_id, contact: { id, verified: true }, mcp_access? } }`),
 * `iat` = `generation`, and, with `mcp_access` (when `mintsWithMcpAccess(config)`), `exp` one hour
 * later. So the v5 fingerprint tells A from B, and a renewal (a new `iat`) keeps the fingerprint.
 * `mcp_access: {}` is written `server_ids: ["*"]`, as the sandbox writes it.
 */
export const storyVerifiedToken: VerifiedTokenMinter = (person, generation, config) => {
  const payload: Record<string, unknown> = {
    org_id: STORY_ORG_ID,
    contact: { id: `ct_story_${person}`, verified: true },
  };
  const claims: Record<string, unknown> = { iat: generation };
  const access = toMcpAccess(config);
  if (access) {
    // JSON leaves an undefined account_id out.
    payload.mcp_access = { server_ids: access.server_ids ?? ["*"], account_id: access.account_id };
    claims.exp = generation + MCP_TOKEN_LIFETIME_SECONDS;
  }
  claims.sub = { type: "widget-contact", payload };
  return `${base64UrlJson({ alg: "none", typ: "JWT" })}.${base64UrlJson(claims)}.`;
};

// ---------------------------------------------------------------------------------------------
// The browser and the backend, as the run goes

/** The widget as mounted on the page. */
interface Mounted {
  /** The `user.token` the widget was given (server model); `undefined` when none. */
  userToken: string | undefined;
  row: DecisionRow;
  /** The env of the load that mounted it (the welcome form and a recovery use the same ids). */
  env: LoadEnv;
  /** `null` while the welcome form waits. */
  contact: ResolvedContact | null;
  /** The contact's email as the backend knows it (upserts, the welcome form). */
  email: string | null;
  owner: Person | null;
  /** How the contact came to be, for the sentences. */
  how: string;
  screen: Screen;
}

interface World {
  config: PlaygroundConfig;
  major: WidgetMajor;
  policy: HostPolicy;
  people: Readonly<Record<Person, PersonDetails>>;
  widgetToken: string;
  mint: VerifiedTokenMinter;
  seed: string;
  newId: NewId | undefined;
  storage: DeviceStorage;
  conversations: LifecycleConversation[];
  atKeyboard: Person | null;
  signedIn: Person | null;
  /** The `user.token` the page passes now (server model). */
  pageToken: string | undefined;
  generation: number;
  loads: number;
  mounted: Mounted | null;
  /** Contact token → the person it belongs to (`null`: an anonymous contact nobody owns). */
  owners: Map<string, Person | null>;
  /** Contact token → the email the backend knows it by. */
  emails: Map<string, string>;
  /** Tokens the backend refuses (rejected, or expired without renewal). */
  dead: Set<string>;
}

/** What one event did, before the listing is added. */
interface Outcome {
  widget: WidgetReaction;
  lead: string;
  removedKeys?: string[];
  risk?: string | null;
}

const isServerOrBrowser = (w: World) => w.config.model === "server" || w.config.model === "browser";

const nameOf = (w: World, person: Person) => w.people[person].name;

/** The config the page renders now: the browser model passes the signed-in person's user.data. */
function pageConfig(w: World): PlaygroundConfig {
  // Stryker disable next-line ConditionalExpression: the other models never read user.data.
  if (w.config.model !== "browser") return w.config;
  if (w.signedIn === null) {
    return {
      ...w.config,
      userName: "",
      userEmail: "",
      // Stryker disable next-line StringLiteral: neither version sends user.data.avatarUrl, so it changes nothing.
      userAvatarUrl: "",
      userCustomData: [],
    };
  }
  const person = w.people[w.signedIn];
  return { ...w.config, userName: person.name, userEmail: person.email };
}

/** Records (once) and returns whom `token` belongs to. */
function ownerFor(w: World, token: string, fallback: Person | null) {
  const known = w.owners.get(token);
  if (known !== undefined) return known;
  w.owners.set(token, fallback);
  return fallback;
}

/** The conversations the widget lists now (none while requests fail or the form waits). */
function listed(w: World, m: Mounted): LifecycleConversation[] {
  if (!m.contact || w.dead.has(m.contact.token)) return [];
  return visibleSessions(w.conversations, { contact: m.contact, email: m.email });
}

/** Puts `contact` in force on the mounted widget and lands the router (domain.md §3.5). */
function settle(
  w: World,
  m: Mounted,
  contact: ResolvedContact,
  callEmail: string | null,
  fallback: Person | null,
) {
  if (callEmail !== null) w.emails.set(contact.token, callEmail);
  m.contact = contact;
  m.email = w.emails.get(contact.token) ?? null;
  m.owner = ownerFor(w, contact.token, fallback);
  m.screen = screenAfterResolution({ hasSessions: listed(w, m).length > 0 });
}

function rowPhrase(load: LoadResult): string {
  switch (load.row) {
    case "A":
      return "row A uses the user.token the page passes (storage is neither read nor written)";
    case "B":
      return load.contact
        ? "row B reuses the stored contact-token and skips the welcome form"
        : "row B finds no stored contact-token, so the welcome form waits";
    case "C":
      return "row C shows the welcome form on every load (extra fields are set)";
    case "D":
      return "row D reuses the stored contact-token";
    case "E":
      return emailOfCall(load.call)
        ? "row E upserts the contact by user.data.email"
        : "row E creates a new anonymous contact (no contact-token is stored)";
  }
}

function contactDesc(w: World, m: Pick<Mounted, "contact" | "owner">): string {
  if (!m.contact) return "no contact (the welcome form waits)";
  if (m.owner === null) return "an anonymous contact";
  const whose = `${nameOf(w, m.owner)}'s`;
  return m.contact.kind === "verified" ? `${whose} verified contact` : `${whose} contact`;
}

/** What the widget does with a refused token, per `rejectedTokenOutcome`'s reason. */
const REFUSAL: Record<RejectionReason, string> = {
  "recovered-anonymous":
    "widget v5 recovers: it removes the contact-token (clearContactToken) and creates a new anonymous contact with this browser's external-contact-id",
  "recovered-collected-lost":
    "widget v5 recovers: it removes the contact-token (clearContactToken) and creates a new anonymous contact, so the name and email from the welcome form are lost and the form does not come back",
  "recovered-same-email":
    "widget v5 recovers: it removes the contact-token (clearContactToken) and upserts the contact again with the same user.data.email",
  "verified-host-renews":
    "the widget never recovers a verified token, so requests fail until the page passes a renewed user.token",
  "v4-no-recovery":
    "widget v4 has no recovery: the refused contact-token stays in storage and requests fail with 401",
};

/** The backend refuses the token in force: v5 recovers a non-verified one, the rest fails. */
function refuse(w: World, m: Mounted, contact: ResolvedContact): Outcome {
  const r = rejectedTokenOutcome(pageConfig(w), w.major, w.storage, contact, m.env);
  if (r.kind === "failing") return { widget: "failing", lead: REFUSAL[r.reason] };
  w.storage = r.storageAfter;
  m.how = "stale-token recovery made it";
  settle(w, m, r.contact, emailOfCall(r.call), w.atKeyboard);
  return { widget: "recovered", lead: REFUSAL[r.reason] };
}

/**
 * The widget (re)initialises from storage and the page's identity: one `simulateLoad`. The
 * clause says which row applied and whose contact resulted; a refused token is handled at once.
 */
function mount(w: World, reaction: WidgetReaction): Outcome & { m: Mounted } {
  w.loads += 1;
  const env: LoadEnv = {
    contactToken: w.pageToken ?? "",
    seed: `${w.seed}#${w.loads}`,
    newId: w.newId,
  };
  const load = simulateLoad(pageConfig(w), w.storage, env);
  w.storage = load.storageAfter;
  const m: Mounted = {
    userToken: w.pageToken,
    row: load.row,
    env,
    contact: null,
    email: null,
    owner: null,
    how: rowPhrase(load),
    screen: "welcome",
  };
  w.mounted = m;
  if (!load.contact) return { widget: reaction, lead: m.how, m };
  // A stored token reused (rows B, D) keeps its owner; a new contact is the signed-in person's.
  const reused = load.row === "B" || load.row === "D";
  settle(w, m, load.contact, emailOfCall(load.call), reused ? null : w.atKeyboard);
  const clause = `${m.how}, so the widget uses ${contactDesc(w, m)}`;
  if (!w.dead.has(load.contact.token)) return { widget: reaction, lead: clause, m };
  const refused = refuse(w, m, load.contact);
  return {
    widget: refused.widget,
    lead: `${clause}, but the backend refuses it: ${refused.lead}`,
    m,
  };
}

/** Keys the sign-out removes (per version), or none when the policy keeps them. */
function clearKeys(w: World): { removed: string[]; phrase: string } {
  if (!w.policy.signOutClearsKeys) {
    return { removed: [], phrase: "leaves the widget's keys in storage" };
  }
  const r = resetVisitor(w.storage, w.widgetToken, w.major);
  w.storage = r.storage;
  const namespace = widgetNamespace(w.widgetToken);
  const names = r.removed.map((key) => key.slice(namespace.length)).join(", ");
  return {
    removed: r.removed,
    phrase: `removes the widget's keys (${names || "none are stored"})`,
  };
}

/**
 * The page passes a new identity (server: `user.token`; browser: `user.data`) to a mounted widget.
 * v4 reads its options once per mount: it needs a remount; v5 browser: the page reloads
 * (`user.data` is not in the fingerprint); v5 server: the fingerprint decides.
 */
function identityChange(w: World, m: Mounted, lead: string): Outcome {
  if (w.major === "v4") {
    if (!w.policy.remountOnIdentityChange) {
      return {
        widget: "kept-previous-contact",
        lead: `${lead}, but widget v4 reads its options once per mount and the page does not remount it: it keeps ${contactDesc(w, m)}`,
      };
    }
    const r = mount(w, "remounted");
    return {
      widget: r.widget,
      lead: `${lead}; the page remounts widget v4 (a new key): ${r.lead}`,
    };
  }
  if (w.config.model === "browser") {
    const r = mount(w, "loaded");
    return {
      widget: r.widget,
      lead: `${lead}; user.data is not in v5's identity fingerprint, so the page reloads: ${r.lead}`,
    };
  }
  // The widget token, apiUrl and externalId come from the config, the same before and after,
  // so only the token decides the fingerprint here.
  // Stryker disable next-line ObjectLiteral: the same context on both sides never decides anything.
  const change = tokenChangeOutcome(w.major, m.userToken, w.pageToken, {
    widgetToken: w.widgetToken,
  });
  if (change.kind === "unchanged") {
    return { widget: "none", lead: `${lead}, but the user.token is the same, so nothing changes` };
  }
  if (change.kind === "renewal") {
    if (w.policy.keepMounted) {
      m.userToken = w.pageToken;
      // A renewal has a user.token before and after, so row A resolved a contact.
      // Stryker disable next-line ConditionalExpression,StringLiteral: the contact and the token are never missing here.
      if (m.contact) m.contact = { ...m.contact, token: w.pageToken ?? "" };
      return {
        widget: "token-swapped",
        lead: `${lead}: the identity fingerprint is the same (iat is left out), so widget v5 swaps the token in place and keeps the open conversation`,
      };
    }
    const r = mount(w, "remounted");
    return {
      widget: r.widget,
      lead: `${lead}: the fingerprint is the same, but the page keys the widget by the token, so it remounts and the open conversation closes (history is still listed): ${r.lead}`,
    };
  }
  // v5 never answers remount-needed (that is v4's answer), so this is a reset.
  // Stryker disable next-line ConditionalExpression,StringLiteral: the v5 outcome here is always a reset.
  const why = change.kind === "reset" ? change.why : "";
  if (w.policy.keepMounted) {
    const r = mount(w, "reset-in-place");
    return {
      widget: r.widget,
      lead: `${lead}: the identity fingerprint changes (${why}), so widget v5 resets in place: ${r.lead}`,
    };
  }
  const r = mount(w, "remounted");
  return {
    widget: r.widget,
    lead: `${lead}: the identity fingerprint changes (${why}) and the page, which keys the widget by the token, remounts it: ${r.lead}`,
  };
}

/** Collect: `person` submits the welcome form with their own details. */
function fillForm(w: World, m: Mounted, person: Person): string | null {
  const details = w.people[person];
  const r = submitWelcomeForm(pageConfig(w), w.storage, details, m.env);
  if (!r.accepted) return null;
  w.storage = r.storageAfter;
  m.how = `${details.name} filled in the welcome form`;
  settle(w, m, r.contact, emailOfCall(r.call), person);
  return `${details.name} fills in the welcome form (row ${m.row}), so create-unverified makes ${contactDesc(w, m)}`;
}

function onPageLoad(w: World, first: boolean): Outcome {
  const r = mount(w, "loaded");
  return { widget: r.widget, lead: `${first ? "The page loads" : "The page reloads"}: ${r.lead}` };
}

function signInRisk(w: World, before: Mounted, person: Person): string | null {
  if (!before.contact || before.owner === person) return null;
  const kept = contactDesc(w, before);
  const name = nameOf(w, person);
  if (w.major === "v4") {
    return `If the page did not remount widget v4 (a new key) or reload, the widget would keep ${kept} (it reads its options once per mount), so ${name}'s messages would go into that contact.`;
  }
  if (w.config.model === "browser") {
    return `user.data is not in v5's identity fingerprint: if the page did not reload (or remount with a new key), the widget would keep ${kept}, so ${name}'s messages would go into that contact.`;
  }
  return null;
}

function onSignIn(w: World, person: Person): Outcome {
  const name = nameOf(w, person);
  const before = w.mounted;
  if (w.config.model === "anonymous" || w.config.model === "collect") {
    if (before && w.atKeyboard === person) {
      return { widget: "none", lead: `${name} is already at the keyboard: nothing changes` };
    }
    w.atKeyboard = person;
    const opened = before ? null : mount(w, "loaded");
    const m = opened ? opened.m : (before as Mounted);
    const parts = opened ? [`${name} opens the page: ${opened.lead}`] : [];
    if (!m.contact) {
      parts.push(fillForm(w, m, person) ?? `${name} cannot submit the welcome form`);
    } else if (!opened) {
      parts.push(
        w.config.model === "collect"
          ? `${name} sits down at this browser: no welcome form shows, the widget already has ${contactDesc(w, m)} (${m.how}), so ${name} continues as that contact`
          : `${name} sits down at this browser: the page passes no identity, so the widget keeps ${contactDesc(w, m)}`,
      );
    }
    return { widget: opened?.widget ?? "none", lead: parts.join("; ") };
  }
  if (before && w.signedIn === person) {
    return {
      widget: "none",
      lead: `${name} is already signed in: the page passes the same identity`,
    };
  }
  w.signedIn = person;
  w.atKeyboard = person;
  const what = w.config.model === "server" ? "user.token" : "user.data";
  // Only the server model reads the token (toWidgetConfig ignores it for user.data).
  // Stryker disable next-line ConditionalExpression: a token minted for the browser model is never read.
  if (w.config.model === "server") {
    w.generation += 1;
    w.pageToken = w.mint(person, w.generation, w.config);
    w.owners.set(w.pageToken, person);
  }
  const lead = `${name} signs in and the page passes their ${what}`;
  if (!before) {
    const r = mount(w, "loaded");
    return { widget: r.widget, lead: `${lead}; the page loads: ${r.lead}` };
  }
  return { ...identityChange(w, before, lead), risk: signInRisk(w, before, person) };
}

function historyOf(w: World, shown: readonly LifecycleConversation[]): string {
  const typists = PEOPLE.filter((p) => shown.some((c) => c.typedBy === p));
  if (typists.length === 0) return "no conversation";
  return `${typists.map((p) => `${nameOf(w, p)}'s`).join(" and ")} conversations`;
}

/**
 * What the next person would meet if the page had not cleared the keys on sign-out: the load of
 * the signed-out page on the storage as it was, computed with private ids so the caller's id
 * generator is not consumed.
 */
function keysRisk(w: World, storage: DeviceStorage): string | null {
  const stored = readStorage(storage, storageKeys(w.widgetToken).contactToken);
  // The default hash ids: the caller's id generator is not consumed by a load that never happens.
  const load = simulateLoad(pageConfig(w), storage);
  if (!stored || load.contact?.token !== stored) return null;
  const owner = w.owners.get(stored) ?? null;
  const shown = visibleSessions(w.conversations, {
    contact: load.contact,
    email: w.emails.get(stored) ?? null,
  });
  if (owner === null && shown.length === 0) return null;
  const who = contactDesc(w, { contact: load.contact, owner });
  return `If the page did not clear the widget's keys on sign-out, the next person on this browser would continue as ${who} (${rowPhrase(load)}) and see ${historyOf(w, shown)}.`;
}

function signOutRisk(w: World, storage: DeviceStorage, before: Mounted): string | null {
  const risks: string[] = [];
  const keys = keysRisk(w, storage);
  if (keys) risks.push(keys);
  if (w.config.model !== "anonymous" && w.config.model !== "collect" && before.contact) {
    const kept = contactDesc(w, before);
    const shown = historyOf(
      w,
      visibleSessions(w.conversations, { contact: before.contact, email: before.email }),
    );
    if (w.major === "v4") {
      risks.push(
        `If the page did not remount widget v4 (a new key) or reload on sign-out, the widget would keep ${kept} (it reads its options once per mount) and the next person would see ${shown}.`,
      );
    } else if (w.config.model === "browser") {
      risks.push(
        `user.data is not in v5's identity fingerprint: if the page did not reload on sign-out, the widget would keep ${kept} and the next person would see ${shown}.`,
      );
    }
  }
  return risks.length > 0 ? risks.join(" ") : null;
}

function onSignOut(w: World, before: Mounted): Outcome {
  const who = isServerOrBrowser(w) ? w.signedIn : w.atKeyboard;
  if (who === null) {
    return { widget: "none", lead: "Nobody is signed in, so there is nobody to sign out" };
  }
  const storageBefore = w.storage;
  const keys = clearKeys(w);
  w.atKeyboard = null;
  w.signedIn = null;
  w.pageToken = undefined;
  const name = nameOf(w, who);
  const risk = signOutRisk(w, storageBefore, before);
  if (!isServerOrBrowser(w)) {
    const r = mount(w, "loaded");
    return {
      widget: r.widget,
      lead: `${name} signs out: the app ${keys.phrase} and reloads: ${r.lead}`,
      removedKeys: keys.removed,
      risk,
    };
  }
  return {
    ...identityChange(
      w,
      before,
      `${name} signs out: the page ${keys.phrase} and passes no identity`,
    ),
    removedKeys: keys.removed,
    risk,
  };
}

function renewRisk(w: World, name: string): string | null {
  if (w.major === "v4") return null;
  return `If the page keyed the widget by the token, every renewal would remount it: ${name}'s open conversation would close (history stays listed).`;
}

/** The page fetches a new token for the signed-in person; `lead` says why. */
function renew(w: World, before: Mounted, person: Person, lead: string): Outcome {
  w.generation += 1;
  w.pageToken = w.mint(person, w.generation, w.config);
  w.owners.set(w.pageToken, person);
  return identityChange(w, before, lead);
}

function onRenew(w: World, before: Mounted): Outcome {
  if (w.config.model !== "server") {
    return {
      widget: "none",
      lead: `Nothing to renew: only the server model passes a user.token, and this is the ${w.config.model} model`,
    };
  }
  if (w.signedIn === null) {
    return { widget: "none", lead: "Nobody is signed in, so there is no user.token to renew" };
  }
  const name = nameOf(w, w.signedIn);
  const r = renew(
    w,
    before,
    w.signedIn,
    `The page fetches a new user.token for ${name} (same owner)`,
  );
  return { ...r, risk: renewRisk(w, name) };
}

function onExpire(w: World, before: Mounted): Outcome {
  const contact = before.contact;
  // A verified contact is the server model's; v4 without a remount may keep one after sign-out.
  if (contact?.kind !== "verified" || w.signedIn === null) {
    return {
      widget: "none",
      lead: "Nothing expires: only a user.token minted with mcp_access has a one-hour lifetime, and none is in force",
    };
  }
  const name = nameOf(w, w.signedIn);
  if (!mintsWithMcpAccess(w.config)) {
    return {
      widget: "none",
      lead: `${name}'s user.token is chat-only (minted without mcp_access): it is non-expiring, so no renewal is needed`,
    };
  }
  const risk = `If the page did not renew the token at about 80 % of its one-hour lifetime and when a hidden tab becomes visible again, the next request would get a 401: the widget never recovers a verified token.`;
  if (w.policy.renewsToken) {
    const r = renew(
      w,
      before,
      w.signedIn,
      `${name}'s token (minted with mcp_access) nears the end of its one-hour lifetime and the page renews it at about 80 %`,
    );
    return { ...r, risk };
  }
  w.dead.add(contact.token);
  return {
    widget: "failing",
    lead: `${name}'s token (minted with mcp_access) expires after one hour and the page did not renew it: the next request gets a 401 and ${REFUSAL["verified-host-renews"]}`,
    risk,
  };
}

function onTokenRejected(w: World, before: Mounted): Outcome {
  const contact = before.contact;
  if (!contact) {
    return {
      widget: "none",
      lead: "No contact token is in force yet (the welcome form waits), so there is nothing to refuse",
    };
  }
  w.dead.add(contact.token);
  const whose = contactDesc(w, before);
  const r = refuse(w, before, contact);
  return {
    widget: r.widget,
    lead: `The backend refuses the token of ${whose} with 401: ${r.lead}`,
    risk:
      contact.kind === "verified"
        ? "If the page did not pass a renewed user.token, every request would keep failing with 401: the widget never recovers a verified token."
        : null,
  };
}

function onChat(w: World, m: Mounted): Outcome {
  const person = w.atKeyboard;
  if (person === null) {
    return { widget: "none", lead: "Nobody is at the keyboard, so no message is sent" };
  }
  const name = nameOf(w, person);
  const filled = m.contact ? null : fillForm(w, m, person);
  const contact = m.contact;
  if (!contact) {
    return {
      widget: "none",
      lead: `${name} cannot get past the welcome form, so no message is sent`,
    };
  }
  const prefix = filled ? `${filled}; then ` : "";
  if (w.dead.has(contact.token)) {
    return {
      widget: "failing",
      lead: `${prefix}${name}'s message is refused with 401, so no conversation is created`,
    };
  }
  const verified = contact.kind === "verified";
  w.conversations.push({
    id: `conversation-${w.conversations.length + 1}`,
    contactToken: contact.token,
    email: verified ? null : m.email,
    externalId: contact.externalId,
    verified,
    typedBy: person,
    text: `Hello, this is ${name}.`,
  });
  m.screen = "chat";
  return {
    widget: "none",
    lead: `${prefix}${name} sends a message: a new conversation of ${contactDesc(w, m)}`,
  };
}

const PEOPLE: readonly Person[] = ["A", "B"];

type OnOpenPage = Exclude<LifecycleEvent, { type: "page-load" | "sign-in" }>;

function handle(w: World, event: OnOpenPage, m: Mounted): Outcome {
  switch (event.type) {
    case "chat":
      return onChat(w, m);
    case "sign-out":
      return onSignOut(w, m);
    case "renew":
      return onRenew(w, m);
    case "expire":
      return onExpire(w, m);
    case "token-rejected":
      return onTokenRejected(w, m);
  }
}

function listingClause(w: World, m: Mounted, shown: readonly LifecycleConversation[]): string {
  if (m.contact && w.dead.has(m.contact.token))
    return "requests fail with 401, so nothing is listed";
  const viewer = w.atKeyboard;
  const subject = viewer === null ? "the next person on this browser" : nameOf(w, viewer);
  if (shown.length === 0) return `${subject} sees no conversation`;
  const others = shown.filter((c) => c.typedBy !== viewer);
  if (others.length === 0) return `${subject} sees only their own conversations`;
  const own = others.length < shown.length ? "their own and " : "";
  return `${subject} sees ${own}${historyOf(w, others)}`;
}

function step(w: World, event: LifecycleEvent): LifecycleStep {
  let outcome: Outcome;
  if (event.type === "page-load") {
    outcome = onPageLoad(w, w.mounted === null);
  } else if (event.type === "sign-in") {
    outcome = onSignIn(w, event.person);
  } else if (w.mounted) {
    outcome = handle(w, event, w.mounted);
  } else {
    // Any other first event happens on a page that opens first.
    const opened = mount(w, "loaded");
    const then = handle(w, event, opened.m);
    outcome = {
      ...then,
      widget: then.widget === "none" ? opened.widget : then.widget,
      lead: `The page opens: ${opened.lead}. ${then.lead}`,
    };
  }
  // Every event leaves the page open.
  const m = w.mounted as Mounted;
  const shown = listed(w, m);
  const leaked = shown.find((c) => c.typedBy !== w.atKeyboard);
  const contact: LifecycleContact | null = m.contact
    ? {
        token: m.contact.token,
        kind: m.contact.kind,
        externalId: m.contact.externalId,
        owner: m.owner,
      }
    : null;
  return {
    event,
    atKeyboard: w.atKeyboard,
    signedIn: w.signedIn,
    contact,
    screen: m.screen,
    conversations: shown,
    leak: leaked
      ? w.atKeyboard === null
        ? { of: leaked.typedBy, seenBy: leaked.typedBy === "A" ? "B" : "A", nextPerson: true }
        : { of: leaked.typedBy, seenBy: w.atKeyboard }
      : null,
    widget: outcome.widget,
    storageAfter: w.storage,
    removedKeys: outcome.removedKeys ?? [],
    sentence: `${outcome.lead}; ${listingClause(w, m, shown)}.`,
    risk: outcome.risk ?? null,
  };
}

/**
 * Runs `events` on one browser for `config` (its model and widget version) and says, step by
 * step, what the widget does and who sees whose history.
 */
export function runLifecycle(
  config: PlaygroundConfig,
  events: readonly LifecycleEvent[],
  options: LifecycleOptions = {},
): LifecycleRun {
  const w: World = {
    config,
    major: config.widgetVersion,
    policy: options.policy ?? hostPolicyOf(config),
    people: options.people ?? STORY_PEOPLE,
    widgetToken: toWidgetConfig(config).token,
    mint: options.verifiedToken ?? storyVerifiedToken,
    seed: options.seed ?? "",
    newId: options.newId,
    storage: options.storage ?? {},
    conversations: [],
    atKeyboard: null,
    signedIn: null,
    pageToken: undefined,
    generation: 0,
    loads: 0,
    mounted: null,
    owners: new Map(),
    emails: new Map(),
    dead: new Set(),
  };
  const steps = events.map((event) => step(w, event));
  return {
    major: w.major,
    model: config.model,
    policy: w.policy,
    steps,
    conversations: [...w.conversations],
  };
}
