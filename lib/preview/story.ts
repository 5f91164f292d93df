/**
 * The preview's "Shared computer" story: each step of a lifecycle run (lib/identity/lifecycle.ts)
 * as the page the preview iframe is sent, so the replica shows what the real widget shows then.
 *
 * The story plays on a browser of its own (`STORY_DEVICE_ID`), never on "This browser" or
 * "Another device": the host's devices (devices.ts) are left as they were.
 *
 * Invariants (pinned by story.test.ts):
 * - The iframe boots every step from scratch (a `visit` of its own), with what the widget holds
 *   then: the options it last resolved with (the previous person's when it kept the previous
 *   contact), the browser's storage after the step, the backend's conversations typed so far and,
 *   for the verified model, the contact token in force.
 * - The replica resolves the simulator's contact: a non-verified contact the widget still holds
 *   but the storage no longer does (the host cleared the keys and did not remount) is put back
 *   into the storage the iframe reads, as the widget has it in memory. So the iframe's own ids
 *   (seeded per device and visit, boot.ts) never decide who it is; only a `user.data.email`
 *   upsert mints a token of its own, and that contact's conversations are listed by its email.
 * - The iframe lists exactly the conversations the step lists (no more: conversations typed at
 *   later steps are not sent).
 */
import type { PlaygroundConfig } from "../config/options";
import { WIDGET_TOKEN_PLACEHOLDER } from "../config/widget-config";
import { storageKeys, widgetNamespace } from "../identity/storage";
import { runLifecycle, SHARED_COMPUTER_STORY, STORY_PEOPLE } from "../identity/lifecycle";
import type {
  LifecycleConversation,
  LifecycleOptions,
  LifecycleEvent,
  LifecycleRun,
  LifecycleStep,
  Person,
  PersonDetails,
  WidgetReaction,
} from "../identity/lifecycle-types";
import type { DeviceStorage } from "../identity/types";
import type { DevicePage } from "./devices";
import type { PreviewSession, PreviewViewport } from "./messages";

/** The story's own browser: its ids, storage and visits are nobody else's. */
export const STORY_DEVICE_ID = "shared-computer";

export { SHARED_COMPUTER_STORY, STORY_PEOPLE };

/**
 * The shared-computer story for `config` (its model, version and lifecycle switches), on the
 * story's browser: the simulator's n-th page load is seeded `${STORY_DEVICE_ID}#${n}`, the seed
 * the iframe gives visit n of that device (boot.ts). Verified tokens are the simulator's own
 * (unsigned JWTs with the backend's envelope: the replica reads their owner as the widget does).
 */
export function runStory(
  config: PlaygroundConfig,
  options: Omit<LifecycleOptions, "seed"> = {},
): LifecycleRun {
  return runLifecycle(config, SHARED_COMPUTER_STORY, { ...options, seed: STORY_DEVICE_ID });
}

/** The widget resolved its contact afresh on these steps, from the options the page passes then. */
const RESOLVED_AGAIN: ReadonlySet<WidgetReaction> = new Set<WidgetReaction>([
  "loaded",
  "remounted",
  "reset-in-place",
  "recovered",
  "token-swapped",
]);

/**
 * The identity options the host page passes while `signedIn` is signed in (`null`: nobody):
 * - server: `user.token` of the signed-in person (the token itself comes with the page), none when nobody is;
 * - browser: that person's `user.data` (name and email), no `user.data` when nobody is;
 * - collect and anonymous: the page passes no identity, so the config as it is.
 */
export function hostOptionsFor(
  config: PlaygroundConfig,
  signedIn: Person | null,
  people: Readonly<Record<Person, PersonDetails>>,
): PlaygroundConfig {
  const who = signedIn === null ? null : people[signedIn];
  if (config.model === "server") {
    return { ...config, serverEmail: who?.email ?? "", serverName: who?.name ?? "" };
  }
  if (config.model === "browser") {
    return who
      ? { ...config, userName: who.name, userEmail: who.email }
      : { ...config, userName: "", userEmail: "", userAvatarUrl: "", userCustomData: [] };
  }
  return config;
}

/**
 * Who the page had signed in when the widget last resolved its contact, step by step: the
 * widget keeps the options of its last (re)load, remount or reset while the page passes others.
 */
export function resolvedWith(steps: readonly LifecycleStep[]): (Person | null)[] {
  const out: (Person | null)[] = [];
  let current: Person | null = null;
  steps.forEach((step, i) => {
    if (i === 0 || RESOLVED_AGAIN.has(step.widget)) current = step.signedIn;
    out.push(current);
  });
  return out;
}

/** A conversation of the simulated backend as the replica lists it: its one message, typed by the visitor. */
export function toPreviewSession(conversation: LifecycleConversation): PreviewSession {
  return {
    id: conversation.id,
    contactToken: conversation.contactToken,
    email: conversation.email,
    externalId: conversation.externalId,
    verified: conversation.verified,
    status: "open",
    messages: [{ id: `${conversation.id}:1`, role: "user", text: conversation.text }],
  };
}

/**
 * The conversations the backend holds at step `index`: those typed at or before it, in the
 * order they were typed (each one is listed at the step it was typed, so a conversation not yet
 * listed by any step is not there yet).
 */
export function conversationsSoFar(run: LifecycleRun, index: number): PreviewSession[] {
  const seen = new Set<string>();
  for (const step of run.steps.slice(0, index + 1))
    for (const c of step.conversations) seen.add(c.id);
  return run.conversations.filter((c) => seen.has(c.id)).map(toPreviewSession);
}

/**
 * The storage the replica reads at this step: the browser's storage after it, plus the contact
 * the widget still holds in memory when the storage no longer has it (keys cleared, no remount).
 */
export function storageForStep(config: PlaygroundConfig, step: LifecycleStep): DeviceStorage {
  const contact = step.contact;
  if (contact === null || contact.kind === "verified") return step.storageAfter;
  const keys = storageKeys(config.widgetToken || WIDGET_TOKEN_PLACEHOLDER);
  if (step.storageAfter[keys.contactToken] === contact.token) return step.storageAfter;
  const storage: Record<string, string> = {
    ...step.storageAfter,
    [keys.contactToken]: contact.token,
  };
  if (contact.externalId !== null) storage[keys.externalId] = contact.externalId;
  return storage;
}

export interface StoryPageOptions {
  people: Readonly<Record<Person, PersonDetails>>;
  /** A new number for every page sent, so the replica mounts afresh for each step. */
  visit: number;
  viewport: PreviewViewport;
}

/** The page the preview iframe is sent for step `index` of `run`. */
export function storyPage(
  config: PlaygroundConfig,
  run: LifecycleRun,
  index: number,
  options: StoryPageOptions,
): DevicePage {
  const step = run.steps[index];
  if (!step) throw new RangeError(`The story has no step ${index}.`);
  const contact = step.contact;
  const verified = contact?.kind === "verified";
  let page = hostOptionsFor(config, resolvedWith(run.steps)[index] ?? null, options.people);
  // The collect form with extra fields shows on every load (row C); a contact the widget holds
  // is past it, so the replica is booted as a stored contact (row B) instead.
  if (contact !== null && page.model === "collect" && page.extraFields.length > 0)
    page = { ...page, extraFields: [] };
  return {
    config: page,
    device: {
      deviceId: STORY_DEVICE_ID,
      storage: storageForStep(config, step),
      visit: options.visit,
      viewport: options.viewport,
      sessions: conversationsSoFar(run, index),
      ...(verified ? { contactToken: contact.token } : {}),
      // Requests fail (an expired verified token, a refused token v4 cannot recover from).
      ...(step.widget === "failing" && contact !== null ? { rejectedTokens: [contact.token] } : {}),
      ...(config.model === "server" && !verified ? { signedOut: true } : {}),
    },
  };
}

const DOING: Record<PlaygroundConfig["model"], { in: string; out: string }> = {
  server: { in: "signs in", out: "signs out" },
  browser: { in: "signs in", out: "signs out" },
  collect: { in: "sits down and chats", out: "signs out of your site" },
  anonymous: { in: "sits down", out: "signs out of your site" },
};

/** A short label for the step's button: what happens, in the person's words. */
export function stepLabel(
  event: LifecycleEvent,
  step: Pick<LifecycleStep, "atKeyboard" | "signedIn">,
  model: PlaygroundConfig["model"],
  previous: Pick<LifecycleStep, "atKeyboard" | "signedIn"> | null,
): string {
  const who = step.atKeyboard ?? previous?.atKeyboard ?? null;
  switch (event.type) {
    case "page-load":
      return "The page loads";
    case "sign-in":
      return `${event.person} ${DOING[model].in}`;
    case "chat":
      return `${who ?? "Someone"} chats`;
    case "sign-out":
      return `${previous?.signedIn ?? who ?? "The user"} ${DOING[model].out}`;
    case "renew":
      return "The page renews the token";
    case "expire":
      return "The token expires";
    case "token-rejected":
      return "open.cx refuses the stored token";
  }
}

/** The banner's first words when a step leaks: who sees whose conversation, and what. */
export function leakHeadline(step: LifecycleStep): string | null {
  const leak = step.leak;
  if (leak === null) return null;
  const theirs = step.conversations.filter((c) => c.typedBy === leak.of);
  const quoted = theirs.map((c) => `“${c.text}”`).join(", ");
  const noun = theirs.length === 1 ? "conversation" : "conversations";
  return `${leak.seenBy} sees ${leak.of}'s ${noun}${quoted ? `: ${quoted}` : ""}`;
}

/** Every step's label, each read with the step before it. */
export function stepLabels(run: LifecycleRun): string[] {
  return run.steps.map((step, i) =>
    stepLabel(step.event, step, run.model, i > 0 ? (run.steps[i - 1] ?? null) : null),
  );
}

const REACTIONS: Record<WidgetReaction, string> = {
  none: "The widget does nothing new.",
  loaded: "The page loaded: the widget resolved its contact afresh.",
  remounted: "Your page remounted the widget: it resolved its contact afresh.",
  "token-swapped":
    "Same owner, new token: the widget swapped it in place and kept the conversation.",
  "reset-in-place":
    "Another identity: the widget reset itself in place and resolved the new contact.",
  "kept-previous-contact":
    "Your page passed new options, but the widget kept its previous contact.",
  recovered: "The widget minted a fresh contact after open.cx refused the stored one.",
  failing: "Requests fail with 401: the widget lists nothing.",
};

/**
 * What the widget did at this step and what the browser keeps: the widget's keys by their
 * suffix (`contact-token`, `external-contact-id`, …), and how many the page removed.
 */
export function reactionSentence(step: LifecycleStep, config: PlaygroundConfig): string {
  const namespace = widgetNamespace(config.widgetToken || WIDGET_TOKEN_PLACEHOLDER);
  const kept = Object.keys(step.storageAfter)
    .filter((key) => key.startsWith(namespace))
    .map((key) => key.slice(namespace.length));
  const removed = step.removedKeys.length;
  return [
    REACTIONS[step.widget],
    removed > 0 ? `Your page removed ${removed} widget key${removed === 1 ? "" : "s"}.` : "",
    kept.length > 0
      ? `This browser keeps ${kept.join(", ")}.`
      : "This browser keeps none of the widget's keys.",
  ]
    .filter(Boolean)
    .join(" ");
}
