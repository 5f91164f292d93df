/**
 * The identity lifecycle on one browser (domain-v5 §3.6, §3.7, §18; domain.md §3.3, §5 for v4),
 * table-driven: the shared-computer story per model, version and host policy; one table per row
 * of §18 and §3.7; every event × version × model; and the branches the domain leaves to us.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import type { WidgetMajor } from "../config/versions";
import { fakeJwt } from "../secrets/test-support/fake-keys";
import { identityFingerprint, readContactClaims } from "../tokens/fingerprint";
import { decodeJwt } from "../tokens/jwt";
import { counterIds } from "./ids";
import { simulateLoad } from "./simulate";
import {
  hostPolicyOf,
  MCP_TOKEN_LIFETIME_SECONDS,
  runLifecycle,
  SHARED_COMPUTER_STORY,
  STORY_ORG_ID,
  STORY_PEOPLE,
  storyVerifiedToken,
} from "./lifecycle";
import type {
  HostPolicy,
  LifecycleEvent,
  LifecycleOptions,
  LifecycleStep,
  Person,
  WidgetReaction,
} from "./lifecycle-types";
import { storageKeys, widgetNamespace } from "./storage";

type Model = PlaygroundConfig["model"];
const MODELS: readonly Model[] = ["anonymous", "collect", "browser", "server"];
const MAJORS: readonly WidgetMajor[] = ["v5", "v4"];
const TOKEN = "wt_1";
const KEYS = storageKeys(TOKEN);
const NS = widgetNamespace(TOKEN);

const make = (model: Model, major: WidgetMajor, over: Partial<PlaygroundConfig> = {}) => ({
  ...defaultConfig(),
  model,
  widgetVersion: major,
  widgetToken: TOKEN,
  ...over,
});

const load: LifecycleEvent = { type: "page-load" };
const signIn = (person: Person): LifecycleEvent => ({ type: "sign-in", person });
const chat: LifecycleEvent = { type: "chat" };
const signOut: LifecycleEvent = { type: "sign-out" };
const renew: LifecycleEvent = { type: "renew" };
const expire: LifecycleEvent = { type: "expire" };
const rejected: LifecycleEvent = { type: "token-rejected" };

const run = (
  config: PlaygroundConfig,
  events: readonly LifecycleEvent[],
  opts?: LifecycleOptions,
) => runLifecycle(config, events, opts);
const last = (
  config: PlaygroundConfig,
  events: readonly LifecycleEvent[],
  opts?: LifecycleOptions,
) => run(config, events, opts).steps.at(-1) as LifecycleStep;

/** Who typed the listed conversations, oldest first: "", "A", "AB"… */
const typed = (s: LifecycleStep) => s.conversations.map((c) => c.typedBy).join("");
/** The leak as `<of>><seenBy>`, or `<of>>next` while nobody is at the keyboard. */
const leakOf = (s: LifecycleStep) =>
  s.leak ? `${s.leak.of}>${s.leak.nextPerson ? "next" : s.leak.seenBy}` : "";
/** The contact's owner; "form" while the welcome form waits. */
const ownerOf = (s: LifecycleStep) => (s.contact ? s.contact.owner : "form");

const ADA = STORY_PEOPLE.A.name;
const BEN = STORY_PEOPLE.B.name;

describe("hostPolicyOf", () => {
  it("reads each of the four lifecycle rows of the config, and only that row", () => {
    const all = make("server", "v5");
    expect(hostPolicyOf(all)).toEqual({
      signOutClearsKeys: true,
      remountOnIdentityChange: true,
      keepMounted: true,
      renewsToken: true,
    });
    for (const key of [
      "signOutClearsKeys",
      "remountOnIdentityChange",
      "keepMounted",
      "renewsToken",
    ] as const) {
      expect(hostPolicyOf({ ...all, [key]: false })).toEqual({
        ...hostPolicyOf(all),
        [key]: false,
      });
    }
  });
});

describe("the story and its people", () => {
  it("two people with valid, different names and emails", () => {
    expect(STORY_PEOPLE.A).toEqual({ name: "Ada Lovelace", email: "ada@example.com" });
    expect(STORY_PEOPLE.B).toEqual({ name: "Ben Okafor", email: "ben@example.com" });
  });

  it("the shared-computer story is A → B → A on one browser, each signing out after chatting", () => {
    expect(SHARED_COMPUTER_STORY).toEqual([
      load,
      signIn("A"),
      chat,
      signOut,
      signIn("B"),
      chat,
      signOut,
      signIn("A"),
    ]);
  });
});

describe("storyVerifiedToken: the default contact tokens of the server model", () => {
  const claimsOf = (token: string) => {
    const decoded = decodeJwt(token);
    if (!decoded.ok) throw new Error(decoded.reason);
    return decoded;
  };

  it("an unsigned JWT with the backend envelope: org, the person's contact, verified; iat = the generation", () => {
    const d = claimsOf(storyVerifiedToken("A", 3, make("server", "v5")));
    expect(d.header).toEqual({ alg: "none", typ: "JWT" });
    expect(d.claims).toEqual({
      iat: 3,
      sub: {
        type: "widget-contact",
        payload: { org_id: STORY_ORG_ID, contact: { id: "ct_story_A", verified: true } },
      },
    });
    expect(storyVerifiedToken("A", 3, make("server", "v5")).endsWith(".")).toBe(true);
  });

  it("chat-only (no personal connections, or v4): no mcp_access and no exp", () => {
    for (const config of [
      make("server", "v5"),
      make("server", "v4", { personalConnections: true }),
    ]) {
      const claims = claimsOf(storyVerifiedToken("B", 1, config)).claims;
      expect(claims.exp).toBeUndefined();
      expect(readContactClaims(storyVerifiedToken("B", 1, config))?.mcpAccess).toBeNull();
    }
  });

  it("with personal connections: mcp_access as the config grants it, and exp one hour after iat", () => {
    const every = make("server", "v5", { personalConnections: true });
    expect(claimsOf(storyVerifiedToken("A", 7, every)).claims.exp).toBe(7 + 3600);
    expect(MCP_TOKEN_LIFETIME_SECONDS).toBe(3600);
    expect(readContactClaims(storyVerifiedToken("A", 7, every))?.mcpAccess).toEqual({
      serverIds: ["*"],
      accountId: null,
    });
    const listed = {
      ...every,
      mcpServerScope: "listed" as const,
      mcpServerIds: ["github", "srv_calendar"],
      mcpAccountId: "acct_42",
    };
    expect(readContactClaims(storyVerifiedToken("A", 7, listed))?.mcpAccess).toEqual({
      serverIds: ["github", "srv_calendar"],
      accountId: "acct_42",
    });
    expect(
      readContactClaims(storyVerifiedToken("A", 7, { ...every, mcpAccountId: "acct_1" }))
        ?.mcpAccess,
    ).toEqual({ serverIds: ["*"], accountId: "acct_1" });
  });

  it("the v5 fingerprint tells A from B, and a renewal (a new iat) keeps it", () => {
    const config = make("server", "v5", { personalConnections: true });
    const fp = (person: Person, generation: number) =>
      identityFingerprint({
        botToken: TOKEN,
        userToken: storyVerifiedToken(person, generation, config),
      });
    expect(fp("A", 1)).toBe(fp("A", 2));
    expect(fp("A", 1)).not.toBe(fp("B", 1));
    expect(storyVerifiedToken("A", 1, config)).not.toBe(storyVerifiedToken("A", 2, config));
  });

  it("any server ids and account id (any text) come back exactly from the token", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "binary", maxLength: 8 }), { maxLength: 4 }),
        fc.string({ unit: "binary", minLength: 1, maxLength: 8 }),
        (ids, account) => {
          const config = make("server", "v5", {
            personalConnections: true,
            mcpServerScope: "listed",
            mcpServerIds: ids,
            mcpAccountId: account,
          });
          const access = readContactClaims(storyVerifiedToken("B", 1, config))?.mcpAccess;
          expect(access).toEqual({
            serverIds: ids.filter((id) => id.trim() !== ""),
            accountId: account,
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("the shared-computer story (A → B → A), per model, version and host policy", () => {
  // Per step of SHARED_COMPUTER_STORY: load, A signs in, chat, sign-out, B signs in, chat, sign-out, A signs in.
  const rows: {
    name: string;
    model: Model;
    major: WidgetMajor;
    policy: Partial<HostPolicy>;
    owners: (Person | null | "form")[];
    listed: string[];
    leaks: string[];
    widget: WidgetReaction[];
  }[] = [];
  const none8 = ["", "", "", "", "", "", "", ""];
  const cleanListing = ["", "", "A", "", "", "B", "", ""];
  const sharedLeak = {
    listed: ["", "", "A", "A", "A", "AB", "AB", "AB"],
    leaks: ["", "", "", "A>next", "A>B", "A>B", "A>next", "B>A"],
  };
  for (const major of MAJORS) {
    const anonymousWidget: WidgetReaction[] = [
      "loaded",
      "none",
      "none",
      "loaded",
      "none",
      "none",
      "loaded",
      "none",
    ];
    rows.push(
      {
        name: `anonymous ${major}, keys cleared: B starts as a new anonymous contact`,
        model: "anonymous",
        major,
        policy: {},
        owners: [null, null, null, null, null, null, null, null],
        listed: cleanListing,
        leaks: none8,
        widget: anonymousWidget,
      },
      {
        name: `anonymous ${major}, keys kept: row D hands A's contact to B and B's to A`,
        model: "anonymous",
        major,
        policy: { signOutClearsKeys: false },
        owners: [null, null, null, null, null, null, null, null],
        ...sharedLeak,
        widget: anonymousWidget,
      },
      {
        name: `collect ${major}, keys cleared: each person fills in the welcome form`,
        model: "collect",
        major,
        policy: {},
        owners: ["form", "A", "A", "form", "B", "B", "form", "A"],
        listed: cleanListing,
        leaks: none8,
        widget: anonymousWidget,
      },
      {
        name: `collect ${major}, keys kept: row B skips the form and B continues as A's contact`,
        model: "collect",
        major,
        policy: { signOutClearsKeys: false },
        owners: ["form", "A", "A", "A", "A", "A", "A", "A"],
        ...sharedLeak,
        widget: anonymousWidget,
      },
    );
    const switchReaction: WidgetReaction = major === "v5" ? "loaded" : "remounted";
    const browserWidget: WidgetReaction[] = [
      "loaded",
      switchReaction,
      "none",
      switchReaction,
      switchReaction,
      "none",
      switchReaction,
      switchReaction,
    ];
    rows.push(
      {
        name: `browser ${major}, keys cleared: nobody sees another's chats; A's device-bound history is gone with the device id`,
        model: "browser",
        major,
        policy: {},
        owners: [null, "A", "A", null, "B", "B", null, "A"],
        listed: cleanListing,
        leaks: none8,
        widget: browserWidget,
      },
      {
        name: `browser ${major}, keys kept: the signed-out page reuses the last user's token (row D)`,
        model: "browser",
        major,
        policy: { signOutClearsKeys: false },
        owners: [null, "A", "A", "A", "B", "B", "B", "A"],
        listed: ["", "", "A", "A", "", "B", "B", "A"],
        leaks: ["", "", "", "A>next", "", "", "B>next", ""],
        widget: browserWidget,
      },
    );
    const serverReaction: WidgetReaction = major === "v5" ? "reset-in-place" : "remounted";
    for (const clear of [true, false]) {
      rows.push({
        name: `server ${major}, keys ${clear ? "cleared" : "kept"}: verified history follows its owner, never the browser`,
        model: "server",
        major,
        policy: { signOutClearsKeys: clear },
        owners: [null, "A", "A", null, "B", "B", null, "A"],
        listed: ["", "", "A", "", "", "B", "", "A"],
        leaks: none8,
        widget: [
          "loaded",
          serverReaction,
          "none",
          serverReaction,
          serverReaction,
          "none",
          serverReaction,
          serverReaction,
        ],
      });
    }
  }
  const kept: WidgetReaction[] = [
    "loaded",
    "kept-previous-contact",
    "none",
    "kept-previous-contact",
    "kept-previous-contact",
    "none",
    "kept-previous-contact",
    "kept-previous-contact",
  ];
  for (const model of ["server", "browser"] as const) {
    rows.push({
      name: `${model} v4 without a remount: the first anonymous contact stays for everyone`,
      model,
      major: "v4",
      policy: { remountOnIdentityChange: false },
      owners: [null, null, null, null, null, null, null, null],
      ...sharedLeak,
      widget: kept,
    });
  }
  rows.push({
    name: "server v5 keyed by the token: every switch remounts, nobody sees another's chats",
    model: "server",
    major: "v5",
    policy: { keepMounted: false },
    owners: [null, "A", "A", null, "B", "B", null, "A"],
    listed: ["", "", "A", "", "", "B", "", "A"],
    leaks: none8,
    widget: [
      "loaded",
      "remounted",
      "none",
      "remounted",
      "remounted",
      "none",
      "remounted",
      "remounted",
    ],
  });

  it.each(rows)("$name", ({ model, major, policy, owners, listed, leaks, widget }) => {
    const config = make(model, major);
    const r = run(config, SHARED_COMPUTER_STORY, {
      policy: { ...hostPolicyOf(config), ...policy },
    });
    expect(r.major).toBe(major);
    expect(r.model).toBe(model);
    expect(r.policy).toEqual({ ...hostPolicyOf(config), ...policy });
    expect(r.steps.map(ownerOf)).toEqual(owners);
    expect(r.steps.map(typed)).toEqual(listed);
    expect(r.steps.map(leakOf)).toEqual(leaks);
    expect(r.steps.map((s) => s.widget)).toEqual(widget);
    expect(r.steps.map((s) => s.atKeyboard)).toEqual([null, "A", "A", null, "B", "B", null, "A"]);
    const pageIdentity = model === "server" || model === "browser";
    expect(r.steps.map((s) => s.signedIn)).toEqual(
      pageIdentity ? [null, "A", "A", null, "B", "B", null, "A"] : Array(8).fill(null),
    );
    // Each chat made one conversation of the contact in force, typed by the person at the keyboard.
    expect(r.conversations.map((c) => c.typedBy)).toEqual(["A", "B"]);
    expect(r.conversations.map((c) => c.id)).toEqual(["conversation-1", "conversation-2"]);
    expect(r.conversations[0]?.text).toBe(`Hello, this is ${ADA}.`);
    // Keys are removed on the two sign-outs exactly when the page clears them (and there are keys).
    // Without a v4 remount nothing is written after the first sign-out, so the second finds no key.
    const clears = policy.signOutClearsKeys ?? true;
    const writesAgain = policy.remountOnIdentityChange ?? true;
    for (const [i, s] of r.steps.entries()) {
      const removes = clears && (i === 3 || (i === 6 && writesAgain));
      const expected = removes ? [KEYS.contactToken, KEYS.externalId] : [];
      expect(s.removedKeys.toSorted()).toEqual(expected.toSorted());
    }
  });

  it("a leaked step's sentence says who sees whose conversations; a clean one says nobody else's", () => {
    const leaking = run(make("browser", "v5", { signOutClearsKeys: false }), SHARED_COMPUTER_STORY)
      .steps[3] as LifecycleStep;
    expect(leaking.sentence).toBe(
      `${ADA} signs out: the page leaves the widget's keys in storage and passes no identity; user.data is not in v5's identity fingerprint, so the page reloads: row D reuses the stored contact-token, so the widget uses ${ADA}'s contact; the next person on this browser sees ${ADA}'s conversations.`,
    );
    const clean = run(make("browser", "v5"), SHARED_COMPUTER_STORY).steps[3] as LifecycleStep;
    expect(clean.sentence).toBe(
      `${ADA} signs out: the page removes the widget's keys (contact-token, external-contact-id) and passes no identity; user.data is not in v5's identity fingerprint, so the page reloads: row E creates a new anonymous contact (no contact-token is stored), so the widget uses an anonymous contact; the next person on this browser sees no conversation.`,
    );
    const shared = run(
      make("anonymous", "v4", { signOutClearsKeys: false }),
      SHARED_COMPUTER_STORY,
    ).steps;
    expect(shared[4]?.sentence).toBe(
      `${BEN} sits down at this browser: the page passes no identity, so the widget keeps an anonymous contact; ${BEN} sees ${ADA}'s conversations.`,
    );
    expect(shared[5]?.sentence).toMatch(
      new RegExp(`${BEN} sees their own and ${ADA}'s conversations\\.$`),
    );
    expect(shared[6]?.sentence).toMatch(
      new RegExp(`the next person on this browser sees ${ADA}'s and ${BEN}'s conversations\\.$`),
    );
    expect(shared[2]?.sentence).toMatch(new RegExp(`${ADA} sees only their own conversations\\.$`));
    expect(shared[1]?.sentence).toMatch(new RegExp(`${ADA} sees no conversation\\.$`));
  });
});

describe("domain-v5 §18: what a host must do to sign a visitor out or switch users", () => {
  const extra = {
    [`${NS}active-session`]: "session-9",
    [`${NS}companion-layout`]: "sidebar",
    "other-app:theme": "dark",
  };
  const story = [load, signIn("A"), chat, signOut];

  it.each(MODELS.flatMap((model) => MAJORS.map((major) => ({ model, major }))))(
    "$model $major: sign-out removes the identity keys (v4: exactly those two; v5: every key of the namespace)",
    ({ model, major }) => {
      const s = last(make(model, major), story, { storage: extra });
      const expected =
        major === "v4"
          ? [KEYS.contactToken, KEYS.externalId]
          : [KEYS.contactToken, KEYS.externalId, `${NS}active-session`, `${NS}companion-layout`];
      expect(s.removedKeys.toSorted()).toEqual(expected.toSorted());
      expect(s.storageAfter["other-app:theme"]).toBe("dark");
      expect(s.storageAfter[`${NS}active-session`]).toBe(major === "v4" ? "session-9" : undefined);
      expect(s.storageAfter[`${NS}companion-layout`]).toBe(major === "v4" ? "sidebar" : undefined);
      // The sentence names the removed keys in storage order, after the namespace.
      const names = s.removedKeys.map((k) => k.slice(NS.length)).join(", ");
      expect(s.sentence).toContain(`removes the widget's keys (${names})`);
    },
  );

  const reactions: [Model, WidgetMajor, WidgetReaction, RegExp][] = [
    ["anonymous", "v4", "loaded", /the app removes the widget's keys .* and reloads: row E/],
    ["collect", "v4", "loaded", /the app removes the widget's keys .* and reloads: row B/],
    [
      "browser",
      "v4",
      "remounted",
      /passes no identity; the page remounts widget v4 \(a new key\): row E/,
    ],
    [
      "server",
      "v4",
      "remounted",
      /passes no identity; the page remounts widget v4 \(a new key\): row E/,
    ],
    ["anonymous", "v5", "loaded", /the app removes the widget's keys .* and reloads: row E/],
    ["collect", "v5", "loaded", /the app removes the widget's keys .* and reloads: row B/],
    [
      "browser",
      "v5",
      "loaded",
      /user\.data is not in v5's identity fingerprint, so the page reloads: row E/,
    ],
    [
      "server",
      "v5",
      "reset-in-place",
      /the identity fingerprint changes \(the verified user signed out\), so widget v5 resets in place: row E/,
    ],
  ];
  it.each(reactions)(
    "%s %s: after clearing, the page reloads, remounts or re-renders as the version needs (%s)",
    (model, major, widget, sentence) => {
      const s = last(make(model, major), story);
      expect(s.widget).toBe(widget);
      expect(s.sentence).toMatch(sentence);
      expect(s.contact?.owner ?? null).toBeNull();
      expect(s.conversations).toEqual([]);
    },
  );

  it("v5 verified A → verified B: the fingerprint changes, so the mounted widget resets in place", () => {
    const s = last(make("server", "v5"), [signIn("A"), chat, signIn("B")]);
    expect(s.widget).toBe("reset-in-place");
    expect(s.sentence).toContain(
      "the identity fingerprint changes (the contact (contact.id) differs), so widget v5 resets in place: row A",
    );
    expect(s.contact).toMatchObject({ kind: "verified", owner: "B" });
    expect(typed(s)).toBe("");
  });

  it("v5 non-verified A → B (browser user.data): the fingerprint does not change, so the page reloads", () => {
    const s = last(make("browser", "v5"), [signIn("A"), chat, signIn("B")]);
    expect(s.widget).toBe("loaded");
    expect(s.sentence).toContain(
      `${BEN} signs in and the page passes their user.data; user.data is not in v5's identity fingerprint, so the page reloads: row E upserts the contact by user.data.email, so the widget uses ${BEN}'s contact`,
    );
    expect(s.risk).toBe(
      `user.data is not in v5's identity fingerprint: if the page did not reload (or remount with a new key), the widget would keep ${ADA}'s contact, so ${BEN}'s messages would go into that contact.`,
    );
  });

  it.each([
    ["anonymous", "D"],
    ["collect", "B"],
    ["browser", "D"],
  ] as const)(
    "%s: keys not cleared before the next identity initialises, row %s reuses the old token",
    (model, row) => {
      for (const major of MAJORS) {
        const kept = run(make(model, major, { signOutClearsKeys: false }), story).steps;
        const aToken = kept[2]?.conversations[0]?.contactToken;
        expect(kept[3]?.storageAfter[KEYS.contactToken]).toBe(aToken);
        expect(kept[3]?.contact?.token).toBe(aToken);
        expect(kept[3]?.sentence).toContain(`row ${row} reuses the stored contact-token`);
        const cleared = run(make(model, major), story).steps;
        expect(cleared[3]?.storageAfter[KEYS.contactToken]).not.toBe(
          cleared[2]?.conversations[0]?.contactToken,
        );
      }
    },
  );

  describe("shared-device risks", () => {
    it.each(MAJORS)(
      "anonymous and collect (%s): the next person continues as the previous contact and sees their conversations; collect skips the welcome form (row B)",
      (major) => {
        for (const model of ["anonymous", "collect"] as const) {
          const steps = run(make(model, major, { signOutClearsKeys: false }), [
            load,
            signIn("A"),
            chat,
            signOut,
            signIn("B"),
          ]).steps;
          const b = steps[4] as LifecycleStep;
          expect(b.contact?.token).toBe(steps[2]?.conversations[0]?.contactToken);
          expect(b.leak).toEqual({ of: "A", seenBy: "B" });
          expect(b.screen).not.toBe("welcome");
          expect(steps[3]?.risk).toBe(
            model === "collect"
              ? `If the page did not clear the widget's keys on sign-out, the next person on this browser would continue as ${ADA}'s contact (row B reuses the stored contact-token and skips the welcome form) and see ${ADA}'s conversations.`
              : `If the page did not clear the widget's keys on sign-out, the next person on this browser would continue as an anonymous contact (row D reuses the stored contact-token) and see ${ADA}'s conversations.`,
          );
        }
        const collect = run(make("collect", major, { signOutClearsKeys: false }), [
          signIn("A"),
          chat,
          signOut,
          signIn("B"),
        ]).steps[3] as LifecycleStep;
        expect(collect.sentence).toContain(
          `${BEN} sits down at this browser: no welcome form shows, the widget already has ${ADA}'s contact (row B reuses the stored contact-token and skips the welcome form), so ${BEN} continues as that contact`,
        );
      },
    );

    it("collect with extra fields (row C) does not read the stored token: B fills in the form and sees none of A's chats", () => {
      const steps = run(
        make("collect", "v5", { extraFields: ["Order"], signOutClearsKeys: false }),
        [signIn("A"), chat, signOut, signIn("B")],
      ).steps;
      expect(steps[2]?.sentence).toContain(
        "row C shows the welcome form on every load (extra fields are set)",
      );
      expect(steps[2]?.risk).toBeNull();
      expect(steps[3]?.contact?.owner).toBe("B");
      expect(steps[3]?.leak).toBeNull();
      expect(steps[3]?.sentence).toContain(
        `${BEN} fills in the welcome form (row C), so create-unverified makes ${BEN}'s contact`,
      );
    });

    it.each(MAJORS)(
      "browser user.data then sign-out (%s): row E stored A's token, row D reuses it for the next anonymous visitor",
      (major) => {
        const steps = run(make("browser", major, { signOutClearsKeys: false }), [
          signIn("A"),
          chat,
          signOut,
        ]).steps;
        expect(steps[0]?.sentence).toContain("row E upserts the contact by user.data.email");
        expect(steps[0]?.storageAfter[KEYS.contactToken]).toBe(steps[0]?.contact?.token);
        expect(steps[2]?.leak).toEqual({ of: "A", seenBy: "B", nextPerson: true });
        expect(steps[2]?.risk).toContain(
          `If the page did not clear the widget's keys on sign-out, the next person on this browser would continue as ${ADA}'s contact (row D reuses the stored contact-token) and see ${ADA}'s conversations.`,
        );
        const cleared = run(make("browser", major), [signIn("A"), chat, signOut]).steps[2];
        expect(cleared?.leak).toBeNull();
        expect(cleared?.risk).toContain("If the page did not clear the widget's keys on sign-out");
      },
    );

    it.each(MAJORS)(
      "verified (%s): the widget never stores the verified token, so signing out leaks no verified history, even with the keys kept; row D reuses a stale anonymous token",
      (major) => {
        const steps = run(make("server", major, { signOutClearsKeys: false }), [
          load,
          signIn("A"),
          chat,
          signOut,
        ]).steps;
        const verifiedToken = steps[2]?.conversations[0]?.contactToken as string;
        for (const s of steps) expect(Object.values(s.storageAfter)).not.toContain(verifiedToken);
        expect(steps[3]?.conversations).toEqual([]);
        expect(steps[3]?.contact?.token).toBe(steps[0]?.contact?.token);
        expect(steps[3]?.sentence).toContain(
          "row D reuses the stored contact-token, so the widget uses an anonymous contact",
        );
        // The stale anonymous contact has no conversations and nobody's name: nothing goes wrong.
        expect(steps[3]?.risk).toBe(
          major === "v4"
            ? `If the page did not remount widget v4 (a new key) or reload on sign-out, the widget would keep ${ADA}'s verified contact (it reads its options once per mount) and the next person would see ${ADA}'s conversations.`
            : null,
        );
      },
    );

    it("externalId: keys kept, B (browser) shares A's device id but sees none of A's sessions (listing is per contact)", () => {
      const steps = run(make("browser", "v5", { signOutClearsKeys: false }), [
        signIn("A"),
        chat,
        signOut,
        signIn("B"),
      ]).steps;
      expect(steps[3]?.contact?.externalId).toBe(steps[1]?.conversations[0]?.externalId);
      expect(steps[3]?.conversations).toEqual([]);
      expect(steps[3]?.leak).toBeNull();
    });
  });
});

describe("domain-v5 §3.7: what a new user.token does to a mounted widget", () => {
  const personal = (major: WidgetMajor, over: Partial<PlaygroundConfig> = {}) =>
    make("server", major, { personalConnections: true, ...over });

  it("same fingerprint (renewal), kept mounted: v5 swaps the token in place and keeps the open conversation", () => {
    const steps = run(personal("v5"), [signIn("A"), chat, renew]).steps;
    const [, before, after] = steps as [LifecycleStep, LifecycleStep, LifecycleStep];
    expect(after.widget).toBe("token-swapped");
    expect(after.contact?.token).not.toBe(before.contact?.token);
    expect(after.contact).toMatchObject({ owner: "A", kind: "verified" });
    expect(after.screen).toBe("chat");
    expect(typed(after)).toBe("A");
    expect(after.sentence).toBe(
      `The page fetches a new user.token for ${ADA} (same owner): the identity fingerprint is the same (iat is left out), so widget v5 swaps the token in place and keeps the open conversation; ${ADA} sees only their own conversations.`,
    );
    expect(after.risk).toBe(
      `If the page keyed the widget by the token, every renewal would remount it: ${ADA}'s open conversation would close (history stays listed).`,
    );
  });

  it("same fingerprint, keyed by the token: v5 remounts, the open conversation closes, history is still listed", () => {
    const after = last(personal("v5", { keepMounted: false }), [signIn("A"), chat, renew]);
    expect(after.widget).toBe("remounted");
    expect(after.screen).toBe("sessions");
    expect(typed(after)).toBe("A");
    expect(after.sentence).toContain(
      "the fingerprint is the same, but the page keys the widget by the token, so it remounts and the open conversation closes (history is still listed): row A",
    );
  });

  it("v4 has no fingerprint: a renewal remounts, or the widget keeps the old (non-expiring) token", () => {
    const remounted = last(make("server", "v4"), [signIn("A"), chat, renew]);
    expect(remounted.widget).toBe("remounted");
    expect(remounted.sentence).toContain(
      `The page fetches a new user.token for ${ADA} (same owner); the page remounts widget v4 (a new key): row A`,
    );
    expect(remounted.risk).toBeNull();
    const kept = last(make("server", "v4", { remountOnIdentityChange: false }), [
      signIn("A"),
      chat,
      renew,
    ]);
    expect(kept.widget).toBe("kept-previous-contact");
    expect(kept.sentence).toContain(
      `but widget v4 reads its options once per mount and the page does not remount it: it keeps ${ADA}'s verified contact`,
    );
    expect(typed(kept)).toBe("A");
  });

  /** A minter whose second token of A differs from the first in `claims`. */
  const minter =
    (second: Record<string, unknown>): LifecycleOptions["verifiedToken"] =>
    (person, generation) =>
      fakeJwt(
        { alg: "none" },
        {
          sub: {
            type: "widget-contact",
            payload: {
              org_id: "org_1",
              contact: { id: `c_${person}`, verified: true },
              mcp_access: { server_ids: ["s1"] },
              ...(generation > 1 ? second : {}),
            },
          },
          iat: generation,
        },
        "",
      );
  it.each([
    [
      "another server set",
      { mcp_access: { server_ids: ["s2"] } },
      "the mcp_access server_ids differ (order aside)",
    ],
    [
      "another account",
      { mcp_access: { server_ids: ["s1"], account_id: "acct_2" } },
      "the mcp_access account_id differs",
    ],
    ["another organisation", { org_id: "org_2" }, "the organisation (org_id) differs"],
  ])(
    "different fingerprint (%s): v5 resets in place, even for the same person",
    (_, second, why) => {
      const s = last(personal("v5"), [signIn("A"), chat, renew], { verifiedToken: minter(second) });
      expect(s.widget).toBe("reset-in-place");
      expect(s.sentence).toContain(
        `the identity fingerprint changes (${why}), so widget v5 resets in place`,
      );
    },
  );

  it("server_ids in another order keep the fingerprint: a renewal", () => {
    const s = last(personal("v5"), [signIn("A"), renew], {
      verifiedToken: minter({ mcp_access: { server_ids: ["s1"] } }),
    });
    expect(s.widget).toBe("token-swapped");
  });

  it("an opaque (undecodable) token is compared as text: every renewal resets", () => {
    const s = last(personal("v5"), [signIn("A"), chat, renew], {
      verifiedToken: (person, generation) => `opaque-${person}-${generation}`,
    });
    expect(s.widget).toBe("reset-in-place");
    expect(s.sentence).toMatch(/does not decode as a JWT.*compares the token as text/);
    // Opaque tokens are matched by their text, so the renewed one lists nothing.
    expect(typed(s)).toBe("");
  });

  it("no token → token and token → no token change the fingerprint", () => {
    const steps = run(make("server", "v5"), [load, signIn("A"), signOut]).steps;
    expect(steps[1]?.sentence).toContain(
      "the identity fingerprint changes (a verified user signed in)",
    );
    expect(steps[2]?.sentence).toContain(
      "the identity fingerprint changes (the verified user signed out)",
    );
  });

  it("the same user.token passed again changes nothing", () => {
    const s = last(make("server", "v5"), [signIn("A"), signIn("B")], {
      verifiedToken: () => "same-token",
    });
    expect(s.widget).toBe("none");
    expect(s.sentence).toContain(
      `${BEN} signs in and the page passes their user.token, but the user.token is the same, so nothing changes`,
    );
  });

  it.each(MAJORS)(
    "not in the fingerprint (%s): user.data name and email; a mounted widget keeps its contact unless the page reloads or remounts",
    (major) => {
      const config = make("browser", major, { remountOnIdentityChange: false });
      const s = last(config, [signIn("A"), chat, signIn("B")]);
      if (major === "v4") {
        expect(s.widget).toBe("kept-previous-contact");
        expect(s.contact?.owner).toBe("A");
        expect(s.leak).toEqual({ of: "A", seenBy: "B" });
        expect(s.risk).toBe(
          `If the page did not remount widget v4 (a new key) or reload, the widget would keep ${ADA}'s contact (it reads its options once per mount), so ${BEN}'s messages would go into that contact.`,
        );
      } else {
        // The v5 page reloads on a non-verified switch (remountOnIdentityChange is v4's).
        expect(s.widget).toBe("loaded");
        expect(s.contact?.owner).toBe("B");
        expect(s.leak).toBeNull();
      }
    },
  );

  it("v4 reads its options once per mount: without a remount, B's messages go into A's contact", () => {
    const steps = run(make("server", "v4", { remountOnIdentityChange: false }), [
      signIn("A"),
      chat,
      signIn("B"),
      chat,
    ]).steps;
    expect(steps[2]?.sentence).toContain(
      `${BEN} signs in and the page passes their user.token, but widget v4 reads its options once per mount and the page does not remount it: it keeps ${ADA}'s verified contact`,
    );
    expect(steps[3]?.conversations.map((c) => [c.typedBy, c.verified])).toEqual([
      ["A", true],
      ["B", true],
    ]);
    expect(steps[3]?.sentence).toContain(
      `${BEN} sends a message: a new conversation of ${ADA}'s verified contact`,
    );
  });
});

describe("token expiry and refusal (domain-v5 §3.6, §10.4)", () => {
  const personal = (over: Partial<HostPolicy> = {}) => ({
    config: make("server", "v5", { personalConnections: true }),
    opts: { policy: { ...hostPolicyOf(make("server", "v5")), ...over } },
  });

  it("a token minted with mcp_access, renewed at about 80 %: swapped in place, nothing fails", () => {
    const { config, opts } = personal();
    const s = last(config, [signIn("A"), chat, expire], opts);
    expect(s.widget).toBe("token-swapped");
    expect(s.sentence).toContain(
      `${ADA}'s token (minted with mcp_access) nears the end of its one-hour lifetime and the page renews it at about 80 %: the identity fingerprint is the same`,
    );
    expect(typed(s)).toBe("A");
    expect(s.risk).toBe(
      "If the page did not renew the token at about 80 % of its one-hour lifetime and when a hidden tab becomes visible again, the next request would get a 401: the widget never recovers a verified token.",
    );
  });

  it("a missed renewal fails the next request; a reload does not help; a renewal does", () => {
    const { config, opts } = personal({ renewsToken: false });
    const steps = run(config, [signIn("A"), chat, expire, chat, load, renew, chat], opts).steps;
    expect(steps.map((s) => s.widget)).toEqual([
      "loaded",
      "none",
      "failing",
      "failing",
      "failing",
      "token-swapped",
      "none",
    ]);
    expect(steps[2]?.sentence).toBe(
      `${ADA}'s token (minted with mcp_access) expires after one hour and the page did not renew it: the next request gets a 401 and the widget never recovers a verified token, so requests fail until the page passes a renewed user.token; requests fail with 401, so nothing is listed.`,
    );
    expect(steps[3]?.sentence).toContain(
      `${ADA}'s message is refused with 401, so no conversation is created`,
    );
    expect(steps[4]?.sentence).toContain(
      "so the widget uses Ada Lovelace's verified contact, but the backend refuses it: the widget never recovers a verified token",
    );
    expect(steps.map((s) => s.conversations.length)).toEqual([0, 1, 0, 0, 0, 1, 2]);
  });

  it.each(MAJORS)("chat-only tokens (%s) never expire: no renewal is needed", (major) => {
    const s = last(make("server", major), [signIn("A"), expire]);
    expect(s.widget).toBe("none");
    expect(s.sentence).toContain(
      `${ADA}'s user.token is chat-only (minted without mcp_access): it is non-expiring, so no renewal is needed`,
    );
    expect(s.risk).toBeNull();
  });

  it("nothing expires without a verified token in force (other models, or signed out)", () => {
    for (const config of [
      make("browser", "v5"),
      make("server", "v5", { personalConnections: true }),
    ]) {
      const s = last(config, [load, expire]);
      expect(s.widget).toBe("none");
      expect(s.sentence).toContain(
        "Nothing expires: only a user.token minted with mcp_access has a one-hour lifetime, and none is in force",
      );
    }
  });

  const refusals: [Model, WidgetMajor, WidgetReaction, string, string][] = [
    [
      "anonymous",
      "v5",
      "recovered",
      "",
      "creates a new anonymous contact with this browser's external-contact-id",
    ],
    [
      "collect",
      "v5",
      "recovered",
      "",
      "the name and email from the welcome form are lost and the form does not come back",
    ],
    ["browser", "v5", "recovered", "A", "upserts the contact again with the same user.data.email"],
    [
      "anonymous",
      "v4",
      "failing",
      "",
      "widget v4 has no recovery: the refused contact-token stays in storage and requests fail with 401",
    ],
    ["collect", "v4", "failing", "", "widget v4 has no recovery"],
    ["browser", "v4", "failing", "", "widget v4 has no recovery"],
    ["server", "v5", "failing", "", "the widget never recovers a verified token"],
    ["server", "v4", "failing", "", "the widget never recovers a verified token"],
  ];
  it.each(refusals)(
    "%s %s: the stored token refused → %s",
    (model, major, widget, listed, clause) => {
      const steps = run(make(model, major), [signIn("A"), chat, rejected]).steps;
      const s = steps[2] as LifecycleStep;
      expect(s.widget).toBe(widget);
      expect(s.sentence).toContain(clause);
      expect(typed(s)).toBe(listed);
      const old = steps[1]?.contact?.token as string;
      if (widget === "recovered") {
        expect(s.contact?.token).not.toBe(old);
        expect(s.contact?.externalId).toBe(steps[1]?.contact?.externalId);
        expect(s.storageAfter[KEYS.contactToken]).toBe(s.contact?.token);
        expect(s.screen).not.toBe("welcome");
      } else {
        expect(s.contact?.token).toBe(old);
        expect(s.sentence).toMatch(/requests fail with 401, so nothing is listed\.$/);
      }
      expect(s.risk).toBe(
        model === "server"
          ? "If the page did not pass a renewed user.token, every request would keep failing with 401: the widget never recovers a verified token."
          : null,
      );
    },
  );

  it("v4: the refused token keeps failing across reloads until the sign-out clears the keys", () => {
    const steps = run(make("anonymous", "v4"), [signIn("A"), rejected, load, chat, signOut]).steps;
    expect(steps.map((s) => s.widget)).toEqual([
      "loaded",
      "failing",
      "failing",
      "failing",
      "loaded",
    ]);
    expect(steps[2]?.sentence).toContain(
      "The page reloads: row D reuses the stored contact-token, so the widget uses Ada Lovelace's contact, but the backend refuses it: widget v4 has no recovery",
    );
    expect(steps[4]?.contact?.token).not.toBe(steps[1]?.contact?.token);
  });

  it("v5: a reload onto a refused stored token recovers at once", () => {
    const steps = run(make("anonymous", "v5", { signOutClearsKeys: false }), [
      signIn("A"),
      chat,
      rejected,
      signOut,
    ]).steps;
    // The recovery already replaced the stored token, so nothing is refused on the reload.
    expect(steps[3]?.widget).toBe("loaded");
    const v4 = run(make("collect", "v4", { signOutClearsKeys: false }), [
      signIn("A"),
      rejected,
      signOut,
    ]).steps;
    expect(v4[2]?.widget).toBe("failing");
  });

  it("a recovered collect visitor keeps the new contact for the next person at the keyboard", () => {
    const steps = run(make("collect", "v5", { signOutClearsKeys: false }), [
      signIn("A"),
      rejected,
      signIn("B"),
    ]).steps;
    expect(steps[1]?.contact).toMatchObject({ kind: "anonymous", owner: "A" });
    expect(steps[2]?.sentence).toContain(
      `the widget already has ${ADA}'s contact (stale-token recovery made it), so ${BEN} continues as that contact`,
    );
  });

  it("nothing to refuse while the welcome form waits", () => {
    const s = last(make("collect", "v5"), [load, rejected]);
    expect(s.widget).toBe("none");
    expect(s.sentence).toContain(
      "No contact token is in force yet (the welcome form waits), so there is nothing to refuse",
    );
  });
});

describe("every event × version × model, after A signed in and chatted", () => {
  type Row = [LifecycleEvent["type"], Model, WidgetMajor, WidgetReaction, RegExp];
  const pick = (major: WidgetMajor, v5: WidgetReaction, v4: WidgetReaction) =>
    major === "v5" ? v5 : v4;
  const rows: Row[] = MODELS.flatMap((model) =>
    MAJORS.flatMap((major): Row[] => {
      const pageIdentity = model === "server" || model === "browser";
      const switchReaction =
        model === "server"
          ? pick(major, "reset-in-place", "remounted")
          : model === "browser"
            ? pick(major, "loaded", "remounted")
            : "none";
      const loadRow = { anonymous: "D", collect: "B", browser: "E", server: "A" }[model];
      return [
        ["page-load", model, major, "loaded", new RegExp(`^The page reloads: row ${loadRow} `)],
        [
          "sign-in",
          model,
          major,
          switchReaction,
          pageIdentity
            ? /^Ben Okafor signs in and the page passes their user\./
            : /^Ben Okafor sits down/,
        ],
        ["chat", model, major, "none", /^Ada Lovelace sends a message: a new conversation of /],
        [
          "sign-out",
          model,
          major,
          pageIdentity ? switchReaction : "loaded",
          /^Ada Lovelace signs out: the (page|app) removes the widget's keys \((contact-token, external-contact-id|none are stored)\)/,
        ],
        [
          "renew",
          model,
          major,
          model === "server" ? pick(major, "token-swapped", "remounted") : "none",
          model === "server"
            ? /^The page fetches a new user\.token for Ada Lovelace \(same owner\)/
            : new RegExp(
                `^Nothing to renew: only the server model passes a user\\.token, and this is the ${model} model`,
              ),
        ],
        [
          "expire",
          model,
          major,
          "none",
          model === "server" ? /is chat-only \(minted without mcp_access\)/ : /^Nothing expires/,
        ],
        [
          "token-rejected",
          model,
          major,
          model !== "server" && major === "v5" ? "recovered" : "failing",
          /^The backend refuses the token of Ada Lovelace's (verified )?contact with 401: /,
        ],
      ];
    }),
  );

  it.each(rows)("%s · %s · %s → %s", (type, model, major, widget, sentence) => {
    const event: LifecycleEvent = type === "sign-in" ? signIn("B") : ({ type } as LifecycleEvent);
    const steps = run(make(model, major), [signIn("A"), chat, event]).steps;
    const s = steps[2] as LifecycleStep;
    expect(s.widget).toBe(widget);
    expect(s.sentence).toMatch(sentence);
    expect(s.event).toEqual(event);
    // Row A never writes storage, so a verified sign-in followed by a sign-out finds no key.
    expect(s.removedKeys.length > 0).toBe(type === "sign-out" && model !== "server");
    if (type === "chat") expect(typed(s)).toBe("AA");
  });

  /** What goes wrong at this step if the host skips its part (`null`: nothing). */
  const expectedRisk = (type: LifecycleEvent["type"], model: Model, major: WidgetMajor) => {
    const v4Remount = /^If the page did not remount widget v4 \(a new key\) or reload/;
    switch (type) {
      case "sign-in":
        if (model === "browser" && major === "v5")
          return /^user\.data is not in v5's identity fingerprint: if the page did not reload/;
        return (model === "browser" || model === "server") && major === "v4" ? v4Remount : null;
      case "sign-out":
        if (model === "server") return major === "v4" ? v4Remount : null;
        return model === "browser"
          ? new RegExp(
              `^If the page did not clear the widget's keys on sign-out, .*${
                major === "v4" ? "If the page did not remount widget v4" : "user\\.data is not in"
              }`,
            )
          : /^If the page did not clear the widget's keys on sign-out, the next person on this browser would continue as /;
      case "renew":
        return model === "server" && major === "v5"
          ? /^If the page keyed the widget by the token/
          : null;
      case "token-rejected":
        return model === "server" ? /^If the page did not pass a renewed user\.token/ : null;
      default:
        return null;
    }
  };

  it.each(rows)("%s · %s · %s: the risk if the host skips its part", (type, model, major) => {
    const event: LifecycleEvent = type === "sign-in" ? signIn("B") : ({ type } as LifecycleEvent);
    const s = last(make(model, major), [signIn("A"), chat, event]);
    const risk = expectedRisk(type, model, major);
    if (risk === null) expect(s.risk).toBeNull();
    else expect(s.risk).toMatch(risk);
  });
});

describe("choices where the domain is silent", () => {
  it("a first event other than a page load opens the page first", () => {
    const chatFirst = run(make("anonymous", "v5"), [chat]).steps[0] as LifecycleStep;
    expect(chatFirst.widget).toBe("loaded");
    expect(chatFirst.sentence).toBe(
      "The page opens: row E creates a new anonymous contact (no contact-token is stored), so the widget uses an anonymous contact. Nobody is at the keyboard, so no message is sent; the next person on this browser sees no conversation.",
    );
    expect(run(make("anonymous", "v5"), [rejected]).steps[0]?.widget).toBe("recovered");
    const signInFirst = run(make("server", "v5"), [signIn("A")]).steps[0] as LifecycleStep;
    expect(signInFirst.widget).toBe("loaded");
    expect(signInFirst.sentence).toMatch(
      /^Ada Lovelace signs in and the page passes their user\.token; the page loads: row A uses the user\.token the page passes \(storage is neither read nor written\), so the widget uses Ada Lovelace's verified contact; /,
    );
    const sitFirst = run(make("collect", "v5"), [signIn("A")]).steps[0] as LifecycleStep;
    expect(sitFirst.widget).toBe("loaded");
    expect(sitFirst.sentence).toMatch(
      /^Ada Lovelace opens the page: row B finds no stored contact-token, so the welcome form waits; Ada Lovelace fills in the welcome form \(row B\), so create-unverified makes Ada Lovelace's contact; /,
    );
    const anonymousFirst = run(make("anonymous", "v5"), [signIn("A")]).steps[0] as LifecycleStep;
    expect(anonymousFirst.sentence).toMatch(
      /^Ada Lovelace opens the page: row E creates a new anonymous contact \(no contact-token is stored\), so the widget uses Ada Lovelace's contact; Ada Lovelace sees/,
    );
    expect(anonymousFirst.contact?.owner).toBe("A");
  });

  it("the same person again, or nobody, changes nothing", () => {
    expect(last(make("server", "v5"), [signIn("A"), signIn("A")]).sentence).toContain(
      "Ada Lovelace is already signed in: the page passes the same identity",
    );
    expect(last(make("collect", "v5"), [signIn("A"), signIn("A")]).sentence).toContain(
      "Ada Lovelace is already at the keyboard: nothing changes",
    );
    for (const model of MODELS) {
      const s = last(make(model, "v5"), [load, signOut]);
      expect(s.widget).toBe("none");
      expect(s.sentence).toContain("Nobody is signed in, so there is nobody to sign out");
      expect(s.removedKeys).toEqual([]);
    }
    expect(last(make("server", "v5"), [load, renew]).sentence).toContain(
      "Nobody is signed in, so there is no user.token to renew",
    );
  });

  it("a chat while the welcome form waits: the person at the keyboard fills it in first", () => {
    const steps = run(make("collect", "v5", { extraFields: ["Order"] }), [
      signIn("A"),
      load,
      chat,
    ]).steps;
    expect(steps[1]?.contact).toBeNull();
    expect(steps[1]?.screen).toBe("welcome");
    expect(steps[2]?.sentence).toBe(
      `${ADA} fills in the welcome form (row C), so create-unverified makes ${ADA}'s contact; then ${ADA} sends a message: a new conversation of ${ADA}'s contact; ${ADA} sees only their own conversations.`,
    );
    expect(steps[2]?.screen).toBe("chat");
    // Same device id: A's history on this device continues after the form.
    expect(typed(steps[2] as LifecycleStep)).toBe("A");
  });

  it("people whose details the welcome form refuses never get past it", () => {
    const people = { A: { name: "A", email: "not-an-email" }, B: STORY_PEOPLE.B };
    const steps = run(make("collect", "v5"), [signIn("A"), chat, signOut], { people }).steps;
    expect(steps[0]?.sentence).toContain("A cannot submit the welcome form");
    expect(steps[0]?.contact).toBeNull();
    expect(steps[2]?.risk).toBeNull();
    expect(steps[1]?.sentence).toContain(
      "A cannot get past the welcome form, so no message is sent",
    );
    expect(steps[1]?.conversations).toEqual([]);
    expect(steps[2]?.sentence).toContain("the app removes the widget's keys (none are stored)");
  });

  it("a stored token from before the story belongs to nobody of the story", () => {
    const s = last(make("anonymous", "v5"), [signIn("A")], {
      storage: { [KEYS.contactToken]: "earlier-visitor" },
    });
    expect(s.contact).toMatchObject({ token: "earlier-visitor", owner: null });
    expect(s.sentence).toContain(
      "row D reuses the stored contact-token, so the widget uses an anonymous contact",
    );
  });

  it("a stored token the backend knows by A's email lists all of A's upserted conversations (browser, keys kept)", () => {
    const steps = run(make("browser", "v5", { signOutClearsKeys: false }), [
      signIn("A"),
      chat,
      load,
      signOut,
    ]).steps;
    // The reload upserted A again (a new token); row D then reuses that token.
    expect(steps[2]?.contact?.token).not.toBe(steps[1]?.conversations[0]?.contactToken);
    expect(steps[3]?.contact?.token).toBe(steps[2]?.contact?.token);
    expect(typed(steps[3] as LifecycleStep)).toBe("A");
    expect(steps[3]?.conversations[0]?.email).toBe(STORY_PEOPLE.A.email);
  });

  it("collect: the person who filled in the form is named when the next one sits down", () => {
    const s = last(make("collect", "v5", { extraFields: ["Order"] }), [
      signIn("A"),
      chat,
      signIn("B"),
    ]);
    expect(s.sentence).toContain(
      `the widget already has ${ADA}'s contact (${ADA} filled in the welcome form), so ${BEN} continues as that contact`,
    );
    expect(s.leak).toEqual({ of: "A", seenBy: "B" });
  });

  it("a stored token from before the story belongs to nobody of the story (rows B and D)", () => {
    const storage = { [KEYS.contactToken]: "earlier-visitor" };
    const collect = last(make("collect", "v5"), [signIn("A")], { storage });
    expect(collect.contact).toMatchObject({ token: "earlier-visitor", owner: null });
    expect(collect.sentence).toContain(
      "row B reuses the stored contact-token and skips the welcome form, so the widget uses an anonymous contact",
    );
  });

  it("the v4 sign-in risk is about the contact it would keep: none when that is the person's own or there is none", () => {
    const own = run(make("browser", "v4", { signOutClearsKeys: false }), [
      signIn("A"),
      signOut,
      signIn("A"),
    ]).steps;
    expect(own[1]?.contact?.owner).toBe("A");
    expect(own[2]?.risk).toBeNull();
    const form = run(make("browser", "v4", { collectUserData: true }), [load, signIn("A")]).steps;
    expect(form[0]?.contact).toBeNull();
    expect(form[1]?.risk).toBeNull();
  });

  it("v4 without a remount keeps even a waiting welcome form", () => {
    const s = last(
      make("browser", "v4", { collectUserData: true, remountOnIdentityChange: false }),
      [load, signIn("A")],
    );
    expect(s.widget).toBe("kept-previous-contact");
    expect(s.sentence).toContain("it keeps no contact (the welcome form waits)");
    expect(s.screen).toBe("welcome");
  });

  it("collect, keys kept: the risk names the person the next one would continue as, even with no conversation yet", () => {
    expect(
      last(make("collect", "v5", { signOutClearsKeys: false }), [signIn("A"), signOut]).risk,
    ).toBe(
      `If the page did not clear the widget's keys on sign-out, the next person on this browser would continue as ${ADA}'s contact (row B reuses the stored contact-token and skips the welcome form) and see no conversation.`,
    );
  });

  it("nothing expires when the widget holds no verified token of the signed-in person (v4 without a remount)", () => {
    const config = make("server", "v4", { remountOnIdentityChange: false });
    const kept = last(config, [load, signIn("A"), expire]);
    expect(kept.contact?.kind).toBe("anonymous");
    expect(kept.sentence).toMatch(/^Nothing expires/);
    const signedOut = run(config, [signIn("A"), signOut, expire]).steps;
    expect(signedOut[1]?.contact).toMatchObject({ kind: "verified", owner: "A" });
    expect(signedOut[2]?.sentence).toMatch(/^Nothing expires/);
  });
});

describe("options: the preview passes its own ids, seed, tokens and policy", () => {
  it("ids come from newId when given, else from the seed of each load", () => {
    const counted = last(make("anonymous", "v5"), [load], { newId: counterIds() });
    expect(counted.contact?.token).toBe("sim-unverified-1");
    const a = last(make("anonymous", "v5"), [load], { seed: "laptop" });
    const b = last(make("anonymous", "v5"), [load], { seed: "phone" });
    expect(a.contact?.token).not.toBe(b.contact?.token);
    expect(last(make("anonymous", "v5"), [load], { seed: "laptop" })).toEqual(a);
  });

  it("the n-th page load uses the seed `${seed}#${n}`, as the preview's iframe does per visit", () => {
    const config = make("anonymous", "v5");
    const steps = run(config, [load, signIn("A"), signOut], { seed: "laptop" }).steps;
    expect(steps[0]?.contact?.token).toBe(
      simulateLoad(config, {}, { seed: "laptop#1" }).contact?.token,
    );
    expect(steps[2]?.contact?.token).toBe(
      simulateLoad(config, {}, { seed: "laptop#2" }).contact?.token,
    );
    expect(last(config, [load]).contact?.token).toBe(
      simulateLoad(config, {}, { seed: "#1" }).contact?.token,
    );
  });

  it("browser: signed in, the page passes the person's name, email and custom data; signed out, no user.data at all", () => {
    const contexts: string[] = [];
    const recording: LifecycleOptions["newId"] = (kind, context) => {
      if (kind === "contact-token") contexts.push(context);
      return counterIds()(kind, context) + contexts.length;
    };
    const config = make("browser", "v5", {
      userName: "Config Name",
      userEmail: "config@example.com",
      userCustomData: [{ key: "plan", value: "pro" }],
    });
    run(config, [signIn("A"), signOut], { newId: recording });
    expect(contexts).toHaveLength(2);
    expect(contexts[0]).toContain(
      `{"email":"${STORY_PEOPLE.A.email}","non_verified_name":"${ADA}","non_verified_custom_data":{"plan":"pro"}}`,
    );
    expect(contexts[1]).toMatch(/,\{\}\]$/);
  });

  it("verified tokens come from verifiedToken, once per sign-in and renewal", () => {
    const calls: [Person, number][] = [];
    const steps = run(make("server", "v5"), [signIn("A"), renew, signIn("B")], {
      verifiedToken: (person, generation) => {
        calls.push([person, generation]);
        return storyVerifiedToken(person, generation, make("server", "v5"));
      },
    }).steps;
    expect(calls).toEqual([
      ["A", 1],
      ["A", 2],
      ["B", 3],
    ]);
    expect(steps[1]?.contact?.token).toBe(storyVerifiedToken("A", 2, make("server", "v5")));
  });

  it("the policy option overrides the config's rows", () => {
    const config = make("anonymous", "v5");
    const policy = { ...hostPolicyOf(config), signOutClearsKeys: false };
    const r = run(config, SHARED_COMPUTER_STORY, { policy });
    expect(r.policy).toBe(policy);
    expect(leakOf(r.steps[4] as LifecycleStep)).toBe("A>B");
  });

  it("the run lists every conversation the backend holds, and each step its storage", () => {
    const r = run(make("anonymous", "v5"), [signIn("A"), chat, chat]);
    expect(r.conversations).toHaveLength(2);
    expect(r.conversations.every((c) => c.contactToken === r.steps[0]?.contact?.token)).toBe(true);
    expect(r.steps[0]?.storageAfter[KEYS.contactToken]).toBe(r.steps[0]?.contact?.token);
    expect(r.steps[0]?.storageAfter[KEYS.externalId]).toBe(r.steps[0]?.contact?.externalId);
  });
});
