/**
 * Properties of the lifecycle simulator over any sequence of events, any config and any host
 * policy: it never throws and is deterministic; its steps agree with themselves; and with the host
 * doing its part (all four lifecycle rows on) nobody sees another person's conversations, except
 * where the domain says they do (domain-v5 §18: on anonymous and collect, the next person at the
 * keyboard continues as the previous contact when nobody signed out in between).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configArbitrary } from "../config/arbitraries";
import type { PlaygroundConfig } from "../config/options";
import { toWidgetConfig } from "../config/widget-config";
import { runLifecycle } from "./lifecycle";
import type { HostPolicy, LifecycleEvent, LifecycleRun, Person } from "./lifecycle-types";
import { widgetNamespace } from "./storage";

const RUNS = 200;

const person = fc.constantFrom<Person>("A", "B");
/** Every event, the story's own (sign-in, chat, sign-out) more often. */
const event: fc.Arbitrary<LifecycleEvent> = fc.oneof(
  { arbitrary: person.map((p): LifecycleEvent => ({ type: "sign-in", person: p })), weight: 3 },
  { arbitrary: fc.constant<LifecycleEvent>({ type: "chat" }), weight: 3 },
  { arbitrary: fc.constant<LifecycleEvent>({ type: "sign-out" }), weight: 2 },
  { arbitrary: fc.constant<LifecycleEvent>({ type: "page-load" }), weight: 1 },
  { arbitrary: fc.constant<LifecycleEvent>({ type: "renew" }), weight: 1 },
  { arbitrary: fc.constant<LifecycleEvent>({ type: "expire" }), weight: 1 },
  { arbitrary: fc.constant<LifecycleEvent>({ type: "token-rejected" }), weight: 1 },
);
const events = fc.array(event, { maxLength: 14 });
const policy: fc.Arbitrary<HostPolicy> = fc.record({
  signOutClearsKeys: fc.boolean(),
  remountOnIdentityChange: fc.boolean(),
  keepMounted: fc.boolean(),
  renewsToken: fc.boolean(),
});
const CORRECT: HostPolicy = {
  signOutClearsKeys: true,
  remountOnIdentityChange: true,
  keepMounted: true,
  renewsToken: true,
};
const anyConfig = fc.oneof(configArbitrary(), configArbitrary({ hostile: true }));

/** The backend's conversations after each step (runs of the prefixes: the simulator is deterministic). */
function conversationsAfterEachStep(
  config: PlaygroundConfig,
  evs: LifecycleEvent[],
  p: HostPolicy,
  seed = "",
): LifecycleRun["conversations"][] {
  return evs.map(
    (_, i) => runLifecycle(config, evs.slice(0, i + 1), { policy: p, seed }).conversations,
  );
}

function checkSelfConsistent(
  config: PlaygroundConfig,
  evs: LifecycleEvent[],
  seed: string,
  r: LifecycleRun,
) {
  const namespace = widgetNamespace(toWidgetConfig(config).token);
  expect(r.steps.map((s) => s.event)).toEqual(evs);
  const after = conversationsAfterEachStep(config, evs, r.policy, seed);
  for (const [i, s] of r.steps.entries()) {
    // The listing comes from the backend's conversations; the leak is read from the listing.
    const held = after[i] ?? [];
    for (const c of s.conversations) expect(held).toContainEqual(c);
    const other = s.conversations.find((c) => c.typedBy !== s.atKeyboard);
    expect(s.leak?.of ?? null).toBe(other?.typedBy ?? null);
    if (s.leak) {
      expect(s.leak.seenBy).toBe(s.atKeyboard ?? (s.leak.of === "A" ? "B" : "A"));
      expect(s.leak.nextPerson === true).toBe(s.atKeyboard === null);
    }
    expect(s.screen === "welcome").toBe(s.contact === null);
    expect(s.sentence.endsWith(".")).toBe(true);
    // Only a sign-out removes keys, only when the page clears them, and only the widget's.
    if (s.event.type !== "sign-out" || !r.policy.signOutClearsKeys) {
      expect(s.removedKeys).toEqual([]);
    }
    for (const key of s.removedKeys) expect(key.startsWith(namespace)).toBe(true);
    // A verified token is never written to storage (row A neither reads nor writes).
    if (s.contact?.kind === "verified") {
      expect(Object.values(s.storageAfter)).not.toContain(s.contact.token);
    }
    // Only a chat makes a conversation: one, typed by the person at the keyboard, of the contact in force.
    const added = held.slice((after[i - 1] ?? []).length);
    expect(added.length).toBeLessThanOrEqual(s.event.type === "chat" ? 1 : 0);
    for (const c of added) {
      expect(c.typedBy).toBe(s.atKeyboard);
      expect(c.contactToken).toBe(s.contact?.token);
    }
  }
  expect(after.at(-1) ?? []).toEqual(r.conversations);
}

describe("runLifecycle properties", () => {
  it("never throws, is deterministic and agrees with itself, for any config, policy and events", () => {
    fc.assert(
      fc.property(
        anyConfig,
        policy,
        events,
        fc.string({ maxLength: 4 }),
        (config, p, evs, seed) => {
          const a = runLifecycle(config, evs, { policy: p, seed });
          const b = runLifecycle(config, evs, { policy: p, seed });
          expect(b).toEqual(a);
          checkSelfConsistent(config, evs, seed, a);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("with the host doing its part, nobody sees another person's conversations (except what was typed on someone else's contact, anonymous/collect, after a switch without a sign-out)", () => {
    fc.assert(
      fc.property(anyConfig, events, (config, evs) => {
        const r = runLifecycle(config, evs, { policy: CORRECT });
        let switchedWithoutSignOut = false;
        let present: Person | null = null;
        // Who typed a conversation while the widget still held someone else's contact: that
        // conversation belongs to the other contact for good, so its owner sees it later too,
        // even after a sign-out that cleared the keys (the host could not act in between).
        const typedOnAnothersContact = new Set<Person>();
        for (const s of r.steps) {
          if (s.event.type === "sign-in" && present !== null && present !== s.event.person) {
            switchedWithoutSignOut = true;
          }
          present = s.atKeyboard;
          if (present === null) switchedWithoutSignOut = false;
          if (s.event.type === "chat" && switchedWithoutSignOut && present !== null) {
            typedOnAnothersContact.add(present);
          }
          // Signed out (and before anyone signs in), the widget lists no conversation.
          if (s.atKeyboard === null) expect(s.conversations).toEqual([]);
          // Signed in, never another person's, except where the domain says so.
          if (s.leak !== null) {
            expect(["anonymous", "collect"]).toContain(config.model);
            expect(switchedWithoutSignOut || typedOnAnothersContact.has(s.leak.of)).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("server model, host doing its part: a signed-in person lists exactly the conversations they typed", () => {
    fc.assert(
      fc.property(anyConfig, events, (base, evs) => {
        const config = { ...base, model: "server" as const };
        const r = runLifecycle(config, evs, { policy: CORRECT });
        const after = conversationsAfterEachStep(config, evs, CORRECT);
        for (const [i, s] of r.steps.entries()) {
          if (s.signedIn === null || s.widget === "failing" || s.contact?.kind !== "verified") {
            continue;
          }
          const theirs = (after[i] ?? []).filter((c) => c.typedBy === s.signedIn);
          if (!/requests fail with 401/.test(s.sentence)) {
            expect(s.conversations).toEqual(theirs);
          }
          expect(s.contact.owner).toBe(s.signedIn);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
