import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "@/lib/config/options";
import { simulateLoad, storageKeys } from "@/lib/identity";
import type {
  LifecycleContact,
  LifecycleConversation,
  LifecycleEvent,
  LifecycleRun,
  LifecycleStep,
  Person,
  PersonDetails,
} from "@/lib/identity/lifecycle-types";
import { bootWidget } from "./boot";
import { parseHostMessage } from "./messages";
import {
  SHARED_COMPUTER_STORY,
  STORY_DEVICE_ID,
  STORY_PEOPLE,
  reactionSentence,
  runStory,
  stepLabels,
  conversationsSoFar,
  hostOptionsFor,
  leakHeadline,
  resolvedWith,
  stepLabel,
  storageForStep,
  storyPage,
  toPreviewSession,
} from "./story";

const PEOPLE: Record<Person, PersonDetails> = {
  A: { name: "Ada Lovelace", email: "ada@example.com" },
  B: { name: "Bob Babbage", email: "bob@example.com" },
};
const WIDGET_TOKEN = "wt_story";
const KEYS = storageKeys(WIDGET_TOKEN);

const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  widgetToken: WIDGET_TOKEN,
  ...over,
});

/** A step with nothing in it; each test says what matters. */
function step(over: Partial<LifecycleStep> & { event: LifecycleEvent }): LifecycleStep {
  return {
    atKeyboard: null,
    signedIn: null,
    contact: null,
    screen: "chat",
    conversations: [],
    leak: null,
    widget: "none",
    storageAfter: {},
    removedKeys: [],
    sentence: "",
    risk: null,
    ...over,
  };
}

function run(config: PlaygroundConfig, steps: LifecycleStep[]): LifecycleRun {
  const all = new Map<string, LifecycleConversation>();
  for (const s of steps) for (const c of s.conversations) all.set(c.id, c);
  return {
    major: config.widgetVersion,
    model: config.model,
    policy: {
      signOutClearsKeys: config.signOutClearsKeys,
      remountOnIdentityChange: config.remountOnIdentityChange,
      keepMounted: config.keepMounted,
      renewsToken: config.renewsToken,
    },
    steps,
    conversations: [...all.values()],
  };
}

const page = (config: PlaygroundConfig, r: LifecycleRun, index: number, visit = 40 + index) =>
  storyPage(config, r, index, { people: PEOPLE, visit, viewport: "desktop" });

/** What the replica in the iframe boots into for that page (the same function the iframe runs). */
const replica = (p: ReturnType<typeof page>) => bootWidget(p.config, p.device);

/** A's non-verified contact on the story's browser, as the simulator would resolve it (its own seed). */
function browserContactOf(config: PlaygroundConfig, person: Person | null) {
  const load = simulateLoad(hostOptionsFor(config, person, PEOPLE), {}, { seed: "simulator" });
  const c = load.contact!;
  const contact: LifecycleContact = {
    token: c.token,
    kind: c.kind,
    externalId: c.externalId,
    owner: person,
  };
  return { contact, storage: load.storageAfter };
}

describe("hostOptionsFor: what the page passes while someone is signed in", () => {
  it("server: the signed-in person's email asks for their token; nobody signed in passes none", () => {
    const config = make({ model: "server", serverEmail: "jane@example.com" });
    expect(hostOptionsFor(config, "B", PEOPLE).serverEmail).toBe("bob@example.com");
    expect(hostOptionsFor(config, "B", PEOPLE).serverName).toBe("Bob Babbage");
    expect(hostOptionsFor(config, null, PEOPLE).serverEmail).toBe("");
  });

  it("browser: the signed-in person's user.data; after sign-out no user.data at all", () => {
    const config = make({
      model: "browser",
      userName: "Jane",
      userEmail: "jane@example.com",
      userAvatarUrl: "https://example.com/a.png",
      userCustomData: [{ key: "plan", value: "pro" }],
    });
    const a = hostOptionsFor(config, "A", PEOPLE);
    expect([a.userName, a.userEmail]).toEqual(["Ada Lovelace", "ada@example.com"]);
    const nobody = hostOptionsFor(config, null, PEOPLE);
    expect([nobody.userName, nobody.userEmail, nobody.userAvatarUrl]).toEqual(["", "", ""]);
    expect(nobody.userCustomData).toEqual([]);
  });

  it("collect and anonymous: the page passes no identity, so the options do not change", () => {
    for (const model of ["collect", "anonymous"] as const) {
      const config = make({ model });
      expect(hostOptionsFor(config, "A", PEOPLE)).toBe(config);
    }
  });
});

describe("resolvedWith: whose options the widget runs with", () => {
  it("a widget that kept the previous contact still runs with the previous person's options", () => {
    const steps = [
      step({ event: { type: "page-load" }, widget: "loaded" }),
      step({ event: { type: "sign-in", person: "A" }, signedIn: "A", widget: "remounted" }),
      step({ event: { type: "chat" }, signedIn: "A", widget: "none" }),
      step({ event: { type: "sign-out" }, signedIn: null, widget: "kept-previous-contact" }),
      step({ event: { type: "sign-in", person: "B" }, signedIn: "B", widget: "failing" }),
      step({ event: { type: "sign-in", person: "B" }, signedIn: "B", widget: "reset-in-place" }),
      step({ event: { type: "renew" }, signedIn: "A", widget: "token-swapped" }),
    ];
    expect(resolvedWith(steps)).toEqual([null, "A", "A", "A", "A", "B", "A"]);
  });

  it("a reload and v5 recovery read the options the page passes now", () => {
    const steps = [
      step({ event: { type: "sign-in", person: "A" }, signedIn: "A", widget: "none" }),
      step({ event: { type: "page-load" }, signedIn: "B", widget: "loaded" }),
      step({ event: { type: "token-rejected" }, signedIn: null, widget: "recovered" }),
    ];
    expect(resolvedWith(steps)).toEqual(["A", "B", null]);
  });
});

describe("the backend's conversations as the replica lists them", () => {
  const typed: LifecycleConversation = {
    id: "conv-a",
    contactToken: "sim-unverified-a",
    email: "ada@example.com",
    externalId: "ext-1",
    verified: false,
    typedBy: "A",
    text: "My order 1234 never arrived",
  };

  it("a conversation is open and its last message is what the person typed", () => {
    const session = toPreviewSession(typed);
    expect(session).toMatchObject({
      id: "conv-a",
      contactToken: "sim-unverified-a",
      email: "ada@example.com",
      externalId: "ext-1",
      verified: false,
      status: "open",
    });
    expect(session.messages.map((m) => [m.role, m.text])).toEqual([
      ["user", "My order 1234 never arrived"],
    ]);
  });

  it("a conversation is in the backend from the step it was typed, even at steps that do not list it", () => {
    const config = make({ model: "server" });
    const r = run(config, [
      step({ event: { type: "sign-in", person: "A" } }),
      step({ event: { type: "chat" }, conversations: [typed] }),
      step({ event: { type: "sign-in", person: "B" }, conversations: [] }),
    ]);
    expect(conversationsSoFar(r, 0)).toEqual([]);
    expect(conversationsSoFar(r, 1).map((s) => s.id)).toEqual(["conv-a"]);
    expect(conversationsSoFar(r, 2).map((s) => s.id)).toEqual(["conv-a"]);
  });
});

describe("storageForStep: what the replica reads", () => {
  const config = make({ model: "anonymous" });
  const contact: LifecycleContact = {
    token: "sim-unverified-a",
    kind: "anonymous",
    externalId: "ext-a",
    owner: "A",
  };

  it("the storage after the step, as it is, when it holds the contact the widget uses", () => {
    const storageAfter = { [KEYS.contactToken]: "sim-unverified-a", [KEYS.externalId]: "ext-a" };
    const s = step({ event: { type: "chat" }, contact, storageAfter });
    expect(storageForStep(config, s)).toBe(storageAfter);
  });

  it("keys cleared but the widget not remounted: the contact it holds in memory is put back", () => {
    const s = step({ event: { type: "sign-out" }, contact, storageAfter: { other: "kept" } });
    expect(storageForStep(config, s)).toEqual({
      other: "kept",
      [KEYS.contactToken]: "sim-unverified-a",
      [KEYS.externalId]: "ext-a",
    });
  });

  it("a verified contact and a welcome form waiting leave the storage alone", () => {
    const verified: LifecycleContact = { ...contact, kind: "verified", token: "jwt-a" };
    const storageAfter = { [KEYS.contactToken]: "sim-unverified-old" };
    expect(
      storageForStep(config, step({ event: { type: "chat" }, contact: verified, storageAfter })),
    ).toBe(storageAfter);
    expect(storageForStep(config, step({ event: { type: "page-load" }, storageAfter }))).toBe(
      storageAfter,
    );
  });
});

describe("storyPage: the page the preview iframe is sent", () => {
  it("plays on the story's own browser, with the visit and viewport it is given", () => {
    const config = make({});
    const r = run(config, [step({ event: { type: "page-load" }, widget: "loaded" })]);
    const p = storyPage(config, r, 0, { people: PEOPLE, visit: 7, viewport: "mobile" });
    expect(p.device.deviceId).toBe(STORY_DEVICE_ID);
    expect(p.device.deviceId).not.toMatch(/this-browser|another-device/);
    expect(p.device.visit).toBe(7);
    expect(p.device.viewport).toBe("mobile");
    expect(() =>
      storyPage(config, r, 1, { people: PEOPLE, visit: 8, viewport: "desktop" }),
    ).toThrow(RangeError);
  });

  it("server: the signed-in person's verified token is passed; B is not shown A's verified conversation", () => {
    const config = make({ model: "server" });
    const a: LifecycleContact = {
      token: "tok-A-1",
      kind: "verified",
      externalId: null,
      owner: "A",
    };
    const b: LifecycleContact = {
      token: "tok-B-1",
      kind: "verified",
      externalId: null,
      owner: "B",
    };
    const typed: LifecycleConversation = {
      id: "conv-a",
      contactToken: "tok-A-1",
      email: null,
      externalId: null,
      verified: true,
      typedBy: "A",
      text: "A's verified question",
    };
    const r = run(config, [
      step({
        event: { type: "sign-in", person: "A" },
        signedIn: "A",
        contact: a,
        widget: "loaded",
      }),
      step({ event: { type: "chat" }, signedIn: "A", contact: a, conversations: [typed] }),
      step({
        event: { type: "sign-in", person: "B" },
        signedIn: "B",
        contact: b,
        widget: "reset-in-place",
      }),
      step({
        event: { type: "sign-in", person: "A" },
        signedIn: "A",
        contact: a,
        widget: "reset-in-place",
        conversations: [typed],
      }),
    ]);
    const atB = page(config, r, 2);
    expect(atB.device.contactToken).toBe("tok-B-1");
    expect(atB.config.serverEmail).toBe("bob@example.com");
    expect(atB.device.signedOut).toBeUndefined();
    expect(replica(atB).sessions).toEqual([]);
    const backToA = page(config, r, 3);
    expect(replica(backToA).owner?.contact.token).toBe("tok-A-1");
    expect(replica(backToA).sessions.map((s) => s.id)).toEqual(["conv-a"]);
    expect(replica(backToA).screen).toBe("sessions");
  });

  it("server, nobody signed in: no token is passed and the page says the user signed out", () => {
    const config = make({ model: "server" });
    const anon = browserContactOf(config, null);
    const r = run(config, [
      step({
        event: { type: "sign-out" },
        contact: anon.contact,
        storageAfter: anon.storage,
        widget: "reset-in-place",
      }),
    ]);
    const p = page(config, r, 0);
    expect(p.device.contactToken).toBeUndefined();
    expect(p.device.signedOut).toBe(true);
    expect(replica(p).owner?.contact.token).toBe(anon.contact.token);
  });

  it("browser, keys not cleared: the next visitor's replica lists A's conversation (row D reuses A's token)", () => {
    const config = make({ model: "browser", signOutClearsKeys: false });
    const a = browserContactOf(config, "A");
    const typed: LifecycleConversation = {
      id: "conv-a",
      contactToken: a.contact.token,
      email: "ada@example.com",
      externalId: a.contact.externalId,
      verified: false,
      typedBy: "A",
      text: "Ada's private question",
    };
    const leaked = step({
      event: { type: "sign-out" },
      atKeyboard: "B",
      contact: { ...a.contact, kind: "anonymous" },
      storageAfter: a.storage,
      conversations: [typed],
      leak: { of: "A", seenBy: "B" },
      widget: "loaded",
    });
    const r = run(config, [
      step({
        event: { type: "sign-in", person: "A" },
        signedIn: "A",
        contact: a.contact,
        storageAfter: a.storage,
        widget: "loaded",
      }),
      step({
        event: { type: "chat" },
        signedIn: "A",
        contact: a.contact,
        storageAfter: a.storage,
        conversations: [typed],
      }),
      leaked,
    ]);
    const p = page(config, r, 2);
    expect(p.config.userEmail).toBe("");
    const boot = replica(p);
    expect(boot.load.row).toBe("D");
    expect(boot.owner?.contact.token).toBe(a.contact.token);
    expect(boot.sessions.map((s) => s.messages.at(-1)?.text)).toEqual(["Ada's private question"]);
  });

  it("browser, A's user.data: the replica upserts A's email with its own token and lists A's conversations by email", () => {
    const config = make({ model: "browser" });
    const a = browserContactOf(config, "A");
    const typed: LifecycleConversation = {
      id: "conv-a",
      contactToken: a.contact.token,
      email: "ada@example.com",
      externalId: a.contact.externalId,
      verified: false,
      typedBy: "A",
      text: "Hello from Ada",
    };
    const r = run(config, [
      step({
        event: { type: "chat" },
        signedIn: "A",
        contact: a.contact,
        storageAfter: a.storage,
        conversations: [typed],
        widget: "loaded",
      }),
    ]);
    const boot = replica(page(config, r, 0));
    expect(boot.load.row).toBe("E");
    expect(boot.sessions.map((s) => s.id)).toEqual(["conv-a"]);
  });

  it("v4 without remount: after sign-out with keys cleared the widget still holds A, so the replica lists A's conversation", () => {
    const config = make({ model: "browser", widgetVersion: "v4", remountOnIdentityChange: false });
    const a = browserContactOf(config, "A");
    const typed: LifecycleConversation = {
      id: "conv-a",
      contactToken: a.contact.token,
      email: "ada@example.com",
      externalId: a.contact.externalId,
      verified: false,
      typedBy: "A",
      text: "Still on screen",
    };
    const r = run(config, [
      step({
        event: { type: "sign-in", person: "A" },
        signedIn: "A",
        contact: a.contact,
        storageAfter: a.storage,
        widget: "loaded",
        conversations: [typed],
      }),
      step({
        event: { type: "sign-out" },
        signedIn: null,
        contact: a.contact,
        storageAfter: {},
        removedKeys: [KEYS.contactToken, KEYS.externalId],
        widget: "kept-previous-contact",
        conversations: [typed],
      }),
    ]);
    const p = page(config, r, 1);
    // The options the widget resolved with are A's, and the keys it holds in memory are sent.
    expect(p.config.userEmail).toBe("ada@example.com");
    expect(p.device.storage[KEYS.contactToken]).toBe(a.contact.token);
    expect(replica(p).sessions.map((s) => s.id)).toEqual(["conv-a"]);
  });

  it("failing: the token in force is refused, so the replica lists nothing and says requests fail", () => {
    const config = make({ model: "server" });
    const a: LifecycleContact = {
      token: "tok-A-1",
      kind: "verified",
      externalId: null,
      owner: "A",
    };
    const typed: LifecycleConversation = {
      id: "conv-a",
      contactToken: "tok-A-1",
      email: null,
      externalId: null,
      verified: true,
      typedBy: "A",
      text: "Before expiry",
    };
    const r = run(config, [
      step({
        event: { type: "chat" },
        signedIn: "A",
        contact: a,
        conversations: [typed],
        widget: "loaded",
      }),
      step({
        event: { type: "expire" },
        signedIn: "A",
        contact: a,
        conversations: [],
        widget: "failing",
      }),
    ]);
    expect(page(config, r, 0).device.rejectedTokens).toBeUndefined();
    const p = page(config, r, 1);
    expect(p.device.rejectedTokens).toEqual(["tok-A-1"]);
    const boot = replica(p);
    expect(boot.rejection?.outcome).toBe("failing");
    expect(boot.sessions).toEqual([]);
  });

  it("collect with extra fields: a contact past the form is booted as a stored contact, not the form again", () => {
    const config = make({ model: "collect", extraFields: ["Order #"] });
    const contact: LifecycleContact = {
      token: "sim-unverified-a",
      kind: "non-verified",
      externalId: "ext-a",
      owner: "A",
    };
    const storageAfter = { [KEYS.contactToken]: "sim-unverified-a", [KEYS.externalId]: "ext-a" };
    const r = run(config, [
      step({ event: { type: "page-load" }, widget: "loaded", screen: "welcome" }),
      step({ event: { type: "sign-in", person: "A" }, atKeyboard: "A", contact, storageAfter }),
    ]);
    expect(page(config, r, 0).config.extraFields).toEqual(["Order #"]);
    expect(replica(page(config, r, 0)).screen).toBe("welcome");
    expect(page(config, r, 1).config.extraFields).toEqual([]);
    expect(replica(page(config, r, 1)).owner?.contact.token).toBe("sim-unverified-a");
  });
});

describe("what the timeline says", () => {
  it("labels each step in the model's words", () => {
    const a = { atKeyboard: "A" as const, signedIn: "A" as const };
    const none = { atKeyboard: "B" as const, signedIn: null };
    expect(stepLabel({ type: "page-load" }, none, "server", null)).toBe("The page loads");
    expect(stepLabel({ type: "sign-in", person: "A" }, a, "server", null)).toBe("A signs in");
    expect(stepLabel({ type: "sign-in", person: "B" }, none, "anonymous", null)).toBe(
      "B sits down",
    );
    expect(stepLabel({ type: "chat" }, a, "browser", null)).toBe("A chats");
    expect(stepLabel({ type: "sign-out" }, none, "browser", a)).toBe("A signs out");
    expect(stepLabel({ type: "sign-out" }, none, "collect", a)).toBe("A signs out of your site");
    expect(stepLabel({ type: "renew" }, a, "server", a)).toBe("The page renews the token");
    expect(stepLabel({ type: "expire" }, a, "server", a)).toBe("The token expires");
    expect(stepLabel({ type: "token-rejected" }, a, "anonymous", a)).toBe(
      "open.cx refuses the stored token",
    );
  });

  it("the leak headline names who sees whose conversation and quotes it", () => {
    const conv = (id: string, typedBy: Person, text: string): LifecycleConversation => ({
      id,
      contactToken: "t",
      email: null,
      externalId: null,
      verified: false,
      typedBy,
      text,
    });
    expect(leakHeadline(step({ event: { type: "chat" } }))).toBeNull();
    expect(
      leakHeadline(
        step({
          event: { type: "page-load" },
          conversations: [conv("1", "A", "My address is 1 Main St"), conv("2", "B", "Hi")],
          leak: { of: "A", seenBy: "B" },
        }),
      ),
    ).toBe("B sees A's conversation: “My address is 1 Main St”");
    expect(
      leakHeadline(
        step({
          event: { type: "page-load" },
          conversations: [conv("1", "B", "one"), conv("2", "B", "two")],
          leak: { of: "B", seenBy: "A" },
        }),
      ),
    ).toBe("A sees B's conversations: “one”, “two”");
  });
});

describe("the story on the real simulator, as the iframe plays it", () => {
  const MODELS = ["anonymous", "collect", "browser", "server"] as const;
  const VERSIONS = ["v4", "v5"] as const;
  const FLAGS = [true, false] as const;
  const combos = MODELS.flatMap((model) =>
    VERSIONS.flatMap((widgetVersion) =>
      FLAGS.flatMap((signOutClearsKeys) =>
        FLAGS.map((remount) =>
          make({
            model,
            widgetVersion,
            signOutClearsKeys,
            // The version's own switch: v4 remounts, v5 keeps mounted.
            remountOnIdentityChange: widgetVersion === "v4" ? remount : true,
            keepMounted: widgetVersion === "v5" ? remount : true,
          }),
        ),
      ),
    ),
  );
  const ids = (list: readonly { id: string }[]) => list.map((c) => c.id).sort();

  it.each(
    combos.map(
      (c) =>
        [
          `${c.widgetVersion} ${c.model}, clears keys ${c.signOutClearsKeys}, remount/keep mounted ${c.remountOnIdentityChange && c.keepMounted}`,
          c,
        ] as const,
    ),
  )(
    "%s: at every step the replica resolves the simulator's contact and lists exactly its conversations",
    (_name, config) => {
      const r = runStory(config);
      expect(r.steps).toHaveLength(SHARED_COMPUTER_STORY.length);
      // Not vacuous: A's chat is a conversation the replica must list.
      expect(r.steps[2]!.conversations).toHaveLength(1);
      r.steps.forEach((s, i) => {
        const p = storyPage(config, r, i, {
          people: STORY_PEOPLE,
          visit: 100 + i,
          viewport: "desktop",
        });
        // The iframe accepts the page as it is (it refuses an invalid config or device whole).
        expect(parseHostMessage({ type: "preview:config", ...p }).ok).toBe(true);
        const boot = bootWidget(p.config, p.device);
        expect(ids(boot.sessions)).toEqual(ids(s.conversations));
        if (s.contact === null) {
          expect(boot.owner).toBeNull();
          expect(boot.screen).toBe("welcome");
          return;
        }
        const contact = boot.owner!.contact;
        expect(contact.kind === "verified").toBe(s.contact.kind === "verified");
        expect(contact.externalId).toBe(s.contact.externalId);
        // Only a user.data.email upsert mints a token of its own; the same email contact then.
        if (boot.load.row === "E" && boot.owner!.email !== null)
          expect(boot.owner!.email).toBe(STORY_PEOPLE[s.contact.owner!].email);
        else expect(contact.token).toBe(s.contact.token);
      });
    },
  );

  it("the simulator's n-th page load is seeded as the iframe's visit n of the story's browser", () => {
    const config = make({ model: "browser" });
    const r = runStory(config);
    // Load 1 is the first page load; A's sign-in is load 2 (v5 reloads for new user.data).
    expect(r.steps[1]!.widget).toBe("loaded");
    const boot = bootWidget(hostOptionsFor(config, "A", STORY_PEOPLE), {
      deviceId: STORY_DEVICE_ID,
      visit: 2,
      storage: r.steps[0]!.storageAfter,
      viewport: "desktop",
    });
    expect(boot.owner?.contact.token).toBe(r.steps[1]!.contact?.token);
    // Another visit of the same browser is another seed: another upsert token.
    const other = bootWidget(hostOptionsFor(config, "A", STORY_PEOPLE), {
      deviceId: STORY_DEVICE_ID,
      visit: 3,
      storage: r.steps[0]!.storageAfter,
      viewport: "desktop",
    });
    expect(other.owner?.contact.token).not.toBe(r.steps[1]!.contact?.token);
  });

  it("v5 server with keys cleared: B's steps list none of A's messages; A's history returns for A", () => {
    const config = make({ model: "server" });
    const r = runStory(config);
    const labels = stepLabels(r);
    const aText = r.conversations.find((c) => c.typedBy === "A")!.text;
    const listedAt = (i: number) => {
      const p = storyPage(config, r, i, {
        people: STORY_PEOPLE,
        visit: i + 1,
        viewport: "desktop",
      });
      return bootWidget(p.config, p.device).sessions.map((s) => s.messages.at(-1)?.text);
    };
    expect(labels).toEqual([
      "The page loads",
      "A signs in",
      "A chats",
      "A signs out",
      "B signs in",
      "B chats",
      "B signs out",
      "A signs in",
    ]);
    expect(listedAt(2)).toEqual([aText]);
    expect(listedAt(4)).not.toContain(aText);
    expect(listedAt(5)).not.toContain(aText);
    expect(listedAt(5)).toHaveLength(1);
    expect(listedAt(7)).toEqual([aText]);
    expect(r.steps.every((s) => s.leak === null)).toBe(true);
  });

  it("browser without clearing keys: after A signs out the next person is shown A's message", () => {
    const config = make({ model: "browser", signOutClearsKeys: false });
    const r = runStory(config);
    const out = r.steps[3]!;
    expect(out.event.type).toBe("sign-out");
    expect(out.leak).toMatchObject({ of: "A", seenBy: "B" });
    expect(leakHeadline(out)).toBe(`B sees A's conversation: “${r.conversations[0]!.text}”`);
    const p = storyPage(config, r, 3, { people: STORY_PEOPLE, visit: 9, viewport: "desktop" });
    const listed = bootWidget(p.config, p.device).sessions.map((s) => s.messages.at(-1)?.text);
    expect(listed).toEqual([r.conversations[0]!.text]);
    // The same story with the keys cleared leaks nowhere.
    expect(runStory({ ...config, signOutClearsKeys: true }).steps.some((s) => s.leak)).toBe(false);
  });

  it("what the widget did and what the browser keeps, in words", () => {
    const config = make({ model: "browser" });
    const r = runStory(config);
    expect(reactionSentence(r.steps[0]!, config)).toBe(
      "The page loaded: the widget resolved its contact afresh. This browser keeps contact-token, external-contact-id.",
    );
    // v5 sign-out removes the whole namespace, then reloads with no user.data.
    const out = r.steps[3]!;
    expect(out.removedKeys).toHaveLength(2);
    expect(reactionSentence(out, config)).toMatch(
      /^The page loaded: the widget resolved its contact afresh\. Your page removed 2 widget keys\. This browser keeps contact-token, external-contact-id\.$/,
    );
    expect(
      reactionSentence({ ...out, storageAfter: {}, removedKeys: [out.removedKeys[0]!] }, config),
    ).toBe(
      "The page loaded: the widget resolved its contact afresh. Your page removed 1 widget key. This browser keeps none of the widget's keys.",
    );
    expect(
      reactionSentence(
        { ...out, widget: "kept-previous-contact", storageAfter: { other: "x" } },
        config,
      ),
    ).toBe(
      "Your page passed new options, but the widget kept its previous contact. Your page removed 2 widget keys. This browser keeps none of the widget's keys.",
    );
  });
});
