import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { bootWidget } from "./boot";
import {
  actionForPreviewEvent,
  DEVICE_ROLES,
  devicesReducer,
  initialDevices,
  missingTokens,
  signedInEmail,
  summarizeActiveDevice,
  type DevicesAction,
  type DevicesState,
} from "./devices";
import type { PreviewEvent, PreviewSession } from "./messages";
import { newSession } from "./sessions";

const make = (over: Partial<PlaygroundConfig> = {}): PlaygroundConfig => ({
  ...defaultConfig(),
  widgetToken: "wt_1",
  ...over,
});
const ANONYMOUS = make();
const VERIFIED = make({ model: "server", serverEmail: "jane@example.com" });

const run = (state: DevicesState, ...actions: DevicesAction[]) =>
  actions.reduce(devicesReducer, state);

const visits = (s: DevicesState) => DEVICE_ROLES.map((r) => s.devices[r].visit);

/** What the widget on the active device's page writes on boot, reported as the iframe does. */
function widgetBoots(state: DevicesState): DevicesState {
  const page = state.pages[state.active];
  const boot = bootWidget(page.config, page.device);
  return run(state, { type: "storage-written", deviceId: state.active, storage: boot.storage });
}

/** The visitor on the active device starts a conversation. */
function visitorChats(state: DevicesState, id: string): DevicesState {
  const page = state.pages[state.active];
  const boot = bootWidget(page.config, {
    ...page.device,
    storage: state.devices[state.active].storage,
  });
  return run(state, { type: "session-updated", session: newSession(id, boot.owner!) });
}

describe("devicesReducer: the host's actions (widget v4: signing in or out reloads the page)", () => {
  // Each row starts from this browser, on its first visit, with a stored key, then acts.
  const stored = run(initialDevices({ ...VERIFIED, widgetVersion: "v4" }), {
    type: "storage-written",
    deviceId: "this-browser",
    storage: { "opencx-widget:k": "v" },
  });
  const rows: {
    action: DevicesAction;
    active: "this-browser" | "another-device";
    visits: [number, number];
    storage: Record<string, string>;
    freshStorage: boolean;
    signedInEmail: string | null | undefined;
  }[] = [
    {
      action: { type: "page-reloaded" },
      active: "this-browser",
      visits: [2, 1],
      storage: { "opencx-widget:k": "v" },
      freshStorage: false,
      signedInEmail: undefined,
    },
    {
      action: { type: "site-data-cleared" },
      active: "this-browser",
      visits: [2, 1],
      storage: {},
      freshStorage: true,
      signedInEmail: undefined,
    },
    {
      action: { type: "signed-out" },
      active: "this-browser",
      visits: [2, 1],
      storage: { "opencx-widget:k": "v" },
      freshStorage: true,
      signedInEmail: null,
    },
    {
      action: { type: "signed-in", email: "bob@example.com" },
      active: "this-browser",
      visits: [2, 1],
      storage: { "opencx-widget:k": "v" },
      freshStorage: true,
      signedInEmail: "bob@example.com",
    },
    {
      action: { type: "device-opened", device: "another-device" },
      active: "another-device",
      visits: [1, 2],
      storage: { "opencx-widget:k": "v" },
      freshStorage: true,
      signedInEmail: undefined,
    },
  ];
  it.each(rows)("$action.type", (row) => {
    const after = run(stored, row.action);
    expect(after.active).toBe(row.active);
    expect(visits(after)).toEqual(row.visits);
    expect(after.devices["this-browser"].storage).toEqual(row.storage);
    expect(after.devices["this-browser"].freshStorage).toBe(row.freshStorage);
    expect(after.devices["this-browser"].signedInEmail).toBe(row.signedInEmail);
    // The page the frame is sent is the device as it now is.
    expect(after.pages[after.active].device).toMatchObject({
      deviceId: after.active,
      visit: after.devices[after.active].visit,
      storage: after.devices[after.active].storage,
    });
  });

  it("opening the device already on screen changes nothing", () => {
    const s = initialDevices(ANONYMOUS);
    expect(run(s, { type: "device-opened", device: "this-browser" })).toBe(s);
  });

  it("opening another device reads its storage: fresh only when it is empty", () => {
    const s = run(
      initialDevices(ANONYMOUS),
      { type: "storage-written", deviceId: "another-device", storage: { a: "1" } },
      { type: "device-opened", device: "another-device" },
    );
    expect(s.devices["another-device"].freshStorage).toBe(false);
  });

  it("the viewport travels in every page; choosing the same one changes nothing", () => {
    const s = initialDevices(ANONYMOUS);
    expect(run(s, { type: "viewport-chosen", viewport: "desktop" })).toBe(s);
    const mobile = run(s, { type: "viewport-chosen", viewport: "mobile" });
    expect(DEVICE_ROLES.map((r) => mobile.pages[r].device.viewport)).toEqual(["mobile", "mobile"]);
  });

  it("a new model or widget token starts every device fresh; sessions and tokens stay", () => {
    const before = run(
      initialDevices(VERIFIED),
      { type: "storage-written", deviceId: "this-browser", storage: { a: "1" } },
      { type: "signed-out" },
      { type: "session-updated", session: session("s1") },
      { type: "token-updated", token: { status: "loading", email: "jane@example.com" } },
    );
    for (const config of [make({ model: "browser" }), { ...VERIFIED, widgetToken: "wt_2" }]) {
      const after = run(before, { type: "config-changed", config });
      expect(visits(after)).toEqual(visits(before).map((v) => v + 1));
      for (const r of DEVICE_ROLES) {
        expect(after.devices[r]).toMatchObject({
          storage: {},
          freshStorage: true,
          signedInEmail: undefined,
        });
      }
      expect(after.sessions).toBe(before.sessions);
      expect(after.tokens).toBe(before.tokens);
    }
  });

  it("another config change keeps the visits and sends the storage the widget wrote", () => {
    // The collect-notice journey: ticking collectUserData remounts the widget on the stored contact.
    const before = run(initialDevices(make({ model: "browser" })), {
      type: "storage-written",
      deviceId: "this-browser",
      storage: { a: "1" },
    });
    const config = make({ model: "browser", collectUserData: true });
    const after = run(before, { type: "config-changed", config });
    expect(visits(after)).toEqual(visits(before));
    expect(after.pages["this-browser"]).toEqual({
      config,
      device: expect.objectContaining({ storage: { a: "1" }, visit: 1 }),
    });
    expect(run(after, { type: "config-changed", config })).toBe(after);
  });

  it("session-updated adds a new session and replaces a known one in place", () => {
    const a = session("a");
    const b = session("b");
    const b2 = { ...b, status: "closed" as const };
    const s = run(
      initialDevices(ANONYMOUS),
      { type: "session-updated", session: a },
      { type: "session-updated", session: b },
      { type: "session-updated", session: b2 },
    );
    expect(s.sessions).toEqual([a, b2]);
    expect(s.pages["another-device"].device.sessions).toEqual([a, b2]);
  });

  it("storage from an unknown device (no host config yet) is ignored", () => {
    const s = initialDevices(ANONYMOUS);
    expect(run(s, { type: "storage-written", deviceId: null, storage: { a: "1" } })).toBe(s);
    expect(run(s, { type: "storage-written", deviceId: "standalone", storage: { a: "1" } })).toBe(
      s,
    );
  });
});

describe("verified model: sign-in and contact tokens", () => {
  it("the signed-in email is the sample email, another one, or nobody", () => {
    const s = initialDevices(VERIFIED);
    expect(signedInEmail(VERIFIED, s.devices["this-browser"])).toBe("jane@example.com");
    const bob = run(s, { type: "signed-in", email: "  bob@example.com " });
    expect(signedInEmail(VERIFIED, bob.devices["this-browser"])).toBe("bob@example.com");
    const out = run(s, { type: "signed-out" });
    expect(signedInEmail(VERIFIED, out.devices["this-browser"])).toBeNull();
    expect(signedInEmail(make({ ...VERIFIED, serverEmail: " " }), s.devices["this-browser"])).toBe(
      null,
    );
    expect(signedInEmail(ANONYMOUS, s.devices["this-browser"])).toBeNull();
  });

  it("each page embeds the widget with its own user's email", () => {
    const s = run(initialDevices(VERIFIED), { type: "signed-in", email: "bob@example.com" });
    expect(s.pages["this-browser"].config.serverEmail).toBe("bob@example.com");
    expect(s.pages["another-device"].config.serverEmail).toBe("jane@example.com");
    const out = run(s, { type: "signed-out" });
    expect(out.pages["this-browser"].config.serverEmail).toBe("");
    expect(initialDevices(ANONYMOUS).pages["this-browser"].config).toBe(ANONYMOUS);
  });

  it("asks once per email (case-insensitively), and not again once requested", () => {
    const s = initialDevices(VERIFIED);
    expect(missingTokens(s)).toEqual(["jane@example.com"]);
    expect(missingTokens(initialDevices(ANONYMOUS))).toEqual([]);
    // Another device is signed in as the sample email; this browser as the same person, shouted.
    const both = run(s, { type: "signed-in", email: "JANE@example.com" });
    expect(missingTokens(both)).toEqual(["JANE@example.com"]);
    const asked = run(s, {
      type: "token-updated",
      token: { status: "loading", email: "Jane@Example.com" },
    });
    expect(missingTokens(asked)).toEqual([]);
  });

  it("only an issued token reaches the page, as contactToken", () => {
    const s = initialDevices(VERIFIED);
    const email = "jane@example.com";
    const loading = run(s, { type: "token-updated", token: { status: "loading", email } });
    expect(loading.pages["this-browser"].device.contactToken).toBeUndefined();
    const failed = run(loading, {
      type: "token-updated",
      token: { status: "error", email, message: "no" },
    });
    expect(failed.pages["this-browser"].device.contactToken).toBeUndefined();
    const ok = run(loading, {
      type: "token-updated",
      token: { status: "ok", email, token: "tok", contactId: "ct_1" },
    });
    expect(ok.pages["this-browser"].device.contactToken).toBe("tok");
    expect(ok.pages["another-device"].device.contactToken).toBe("tok");
    expect(summarizeActiveDevice(ok).token).toEqual({
      status: "ok",
      email,
      token: "tok",
      contactId: "ct_1",
    });
  });
});

describe("actionForPreviewEvent", () => {
  const message = (event: PreviewEvent) => ({
    type: "preview:event" as const,
    deviceId: "another-device",
    visit: 3,
    event,
  });
  it.each<[PreviewEvent, DevicesAction | null]>([
    [
      { kind: "storage-changed", storage: { a: "1" } },
      { type: "storage-written", deviceId: "another-device", storage: { a: "1" } },
    ],
    [
      { kind: "session-updated", session: session("s") },
      { type: "session-updated", session: session("s") },
    ],
    [{ kind: "screen-changed", screen: "chat" }, null],
    [{ kind: "message-sent", sessionId: "s", text: "hi", firstMessage: true }, null],
    [{ kind: "form-submitted", accepted: true, name: "A", email: "a@b.c", extras: {} }, null],
    [{ kind: "config-rejected", issues: [] }, null],
  ])("%o", (event, action) => {
    expect(actionForPreviewEvent(message(event))).toEqual(action);
  });
});

describe("summarizeActiveDevice: the history sentence, as a visitor plays it", () => {
  it("anonymous: kept on reload, not on another device, gone after clearing", () => {
    let s = widgetBoots(initialDevices(ANONYMOUS));
    expect(summarizeActiveDevice(s).history).toMatch(/^No conversations yet/);
    s = visitorChats(s, "s1");
    s = widgetBoots(run(s, { type: "device-opened", device: "another-device" }));
    expect(summarizeActiveDevice(s).history).toMatch(/^Another device sees no history/);
    s = run(s, { type: "device-opened", device: "this-browser" });
    expect(summarizeActiveDevice(s).history).toMatch(/^This browser lists 1 conversation/);
    s = run(s, { type: "site-data-cleared" });
    expect(summarizeActiveDevice(s).history).toMatch(/^This browser starts over/);
  });

  it("verified: history follows the user; signing out hides it", () => {
    const email = "jane@example.com";
    let s = run(initialDevices(VERIFIED), {
      type: "token-updated",
      token: { status: "ok", email, token: "tok-jane", contactId: "ct_1" },
    });
    s = visitorChats(s, "s1");
    s = run(s, { type: "device-opened", device: "another-device" });
    expect(summarizeActiveDevice(s)).toMatchObject({
      email,
      history: expect.stringMatching(/verified contact sees its history on every device/),
    });
    s = run(s, { type: "signed-out" });
    expect(summarizeActiveDevice(s)).toMatchObject({
      email: null,
      token: undefined,
      history: expect.stringMatching(/^Signed out on another device/),
    });
  });

  it("a stored contact with collectUserData skips the form, until the site data is cleared", () => {
    const browser = make({ model: "browser", userName: "Jane", userEmail: "" });
    let s = widgetBoots(initialDevices(browser));
    expect(summarizeActiveDevice(s).storedContactSkipsForm).toBe(false);
    s = run(s, { type: "config-changed", config: { ...browser, collectUserData: true } });
    expect(summarizeActiveDevice(s).storedContactSkipsForm).toBe(true);
    s = run(s, { type: "site-data-cleared" });
    expect(summarizeActiveDevice(s).storedContactSkipsForm).toBe(false);
  });
});

describe("devicesReducer: properties over any sequence of actions", () => {
  const CONFIGS = [
    ANONYMOUS,
    make({ model: "browser", userName: "Jane" }),
    make({ model: "browser", collectUserData: true }),
    VERIFIED,
    { ...VERIFIED, widgetToken: "wt_2" },
    { ...VERIFIED, widgetVersion: "v4" as const },
    make({ model: "collect", widgetVersion: "v4" }),
  ];
  const emails = fc.constantFrom("jane@example.com", "JANE@example.com", "bob@example.com");
  const storage = fc.dictionary(
    fc.constantFrom("opencx-widget:a", "opencx-widget:b", "other"),
    fc.string({ maxLength: 3 }),
    { maxKeys: 3 },
  );
  const role = fc.constantFrom(...DEVICE_ROLES);
  const sessionArb = fc
    .record({ id: fc.constantFrom("s1", "s2", "s3"), closed: fc.boolean() })
    .map(({ id, closed }) => ({ ...session(id), status: closed ? "closed" : "open" }) as const);
  const storageWritten = fc.record({
    type: fc.constant("storage-written" as const),
    deviceId: fc.oneof(role, fc.constant(null), fc.constant("standalone")),
    storage,
  });
  const action: fc.Arbitrary<DevicesAction> = fc.oneof(
    fc.record({
      type: fc.constant("config-changed" as const),
      config: fc.constantFrom(...CONFIGS),
    }),
    fc.record({
      type: fc.constant("viewport-chosen" as const),
      viewport: fc.constantFrom("desktop" as const, "mobile" as const),
    }),
    fc.record({ type: fc.constant("device-opened" as const), device: role }),
    fc.constantFrom<DevicesAction>(
      { type: "page-reloaded" },
      { type: "site-data-cleared" },
      { type: "signed-out" },
      { type: "visitor-reset" },
      { type: "token-rejected" },
    ),
    fc.record({
      type: fc.constant("signed-in" as const),
      email: fc.option(emails, { nil: undefined }),
    }),
    storageWritten,
    fc.record({ type: fc.constant("session-updated" as const), session: sessionArb }),
    emails.map((email) => ({
      type: "token-updated" as const,
      token: { status: "ok" as const, email, token: `tok-${email}`, contactId: "ct" },
    })),
  );
  const reachable = fc
    .tuple(fc.constantFrom(...CONFIGS), fc.array(action, { maxLength: 25 }))
    .map(([config, actions]) => run(initialDevices(config), ...actions));

  it("storage written by the widget never re-sends a page, nor changes a visit or the device on screen", () => {
    fc.assert(
      fc.property(reachable, storageWritten, (before, written) => {
        const after = devicesReducer(before, written);
        expect(after.pages).toBe(before.pages);
        expect(visits(after)).toEqual(visits(before));
        expect(after.active).toBe(before.active);
        expect(after.sessions).toBe(before.sessions);
      }),
    );
  });

  it("after any other change, every page carries its device's current storage, visit and the backend's sessions", () => {
    fc.assert(
      fc.property(reachable, action, (before, act) => {
        fc.pre(act.type !== "storage-written");
        const after = devicesReducer(before, act);
        // An action that changes nothing (the same viewport, the device on screen) sends nothing.
        fc.pre(after !== before);
        for (const r of DEVICE_ROLES) {
          expect(after.pages[r].device).toMatchObject({
            deviceId: r,
            storage: after.devices[r].storage,
            visit: after.devices[r].visit,
            viewport: after.viewport,
            sessions: after.sessions,
          });
        }
      }),
    );
  });

  it("visits never go back, and a page load bumps exactly one device by one", () => {
    const pageLoads = new Set(["page-reloaded", "site-data-cleared", "visitor-reset"]);
    // v4 cannot re-initialise: the page reloads. v5 keeps the page and passes the new options.
    const v4PageLoads = new Set(["signed-out", "signed-in"]);
    fc.assert(
      fc.property(reachable, action, (before, act) => {
        const after = devicesReducer(before, act);
        const delta = DEVICE_ROLES.map((r) => after.devices[r].visit - before.devices[r].visit);
        for (const d of delta) expect(d).toBeGreaterThanOrEqual(0);
        if (act.type === "token-rejected") expect(delta).toEqual([0, 0]);
        if (v4PageLoads.has(act.type) && before.config.widgetVersion === "v5")
          expect(delta).toEqual([0, 0]);
        if (
          pageLoads.has(act.type) ||
          (v4PageLoads.has(act.type) && before.config.widgetVersion === "v4")
        ) {
          expect(delta.reduce((a, b) => a + b)).toBe(1);
          expect(after.devices[before.active].visit).toBe(before.devices[before.active].visit + 1);
        }
      }),
    );
  });

  it("the backend holds each session once, in the order first seen", () => {
    fc.assert(
      fc.property(reachable, (s) => {
        const ids = s.sessions.map((x) => x.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
    );
  });

  it("once every missing token is requested, none is missing", () => {
    fc.assert(
      fc.property(reachable, (s) => {
        const requested = run(
          s,
          ...missingTokens(s).map((email): DevicesAction => ({
            type: "token-updated",
            token: { status: "loading", email },
          })),
        );
        expect(missingTokens(requested)).toEqual([]);
        const keys = missingTokens(s).map((e) => e.toLowerCase());
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });
});

function session(id: string): PreviewSession {
  return {
    id,
    contactToken: `tok-${id}`,
    email: null,
    externalId: null,
    verified: false,
    status: "open",
    messages: [],
  };
}

describe("per widget version: sign-out, reset visitor and a rejected token (domain-v5 §3.6, §18)", () => {
  const NS = "opencx-widget:org-token-wt_1:";
  const widgetKeys = {
    [`${NS}contact-token`]: "tok-1",
    [`${NS}external-contact-id`]: "dev-1",
    [`${NS}active-session`]: "s1",
    [`${NS}companion-layout`]: "sidebar",
    unrelated: "x",
  };
  const withKeys = (config: PlaygroundConfig) =>
    run(initialDevices(config), {
      type: "storage-written",
      deviceId: "this-browser",
      storage: widgetKeys,
    });

  it("reset visitor: v4 removes the two identity keys, v5 the whole namespace; both reload", () => {
    const v4 = run(withKeys(make({ widgetVersion: "v4" })), { type: "visitor-reset" });
    expect(Object.keys(v4.devices["this-browser"].storage)).toEqual([
      `${NS}active-session`,
      `${NS}companion-layout`,
      "unrelated",
    ]);
    const v5 = run(withKeys(make()), { type: "visitor-reset" });
    expect(v5.devices["this-browser"].storage).toEqual({ unrelated: "x" });
    expect(visits(v4)).toEqual([2, 1]);
    expect(visits(v5)).toEqual([2, 1]);
    expect(v5.pages["this-browser"].device.storage).toEqual({ unrelated: "x" });
  });

  it("sign-out clears the same keys; v4 reloads, v5 keeps the page (the fingerprint change resets the widget)", () => {
    const v4 = run(withKeys({ ...VERIFIED, widgetVersion: "v4" }), { type: "signed-out" });
    expect(Object.keys(v4.devices["this-browser"].storage)).not.toContain(`${NS}contact-token`);
    expect(v4.devices["this-browser"].storage).toHaveProperty([`${NS}active-session`]);
    expect(visits(v4)).toEqual([2, 1]);
    const v5 = run(withKeys(VERIFIED), { type: "signed-out" });
    expect(v5.devices["this-browser"].storage).toEqual({ unrelated: "x" });
    expect(visits(v5)).toEqual([1, 1]);
    expect(v5.pages["this-browser"].device.contactToken).toBeUndefined();
  });

  it("'the stored token is rejected' refuses the token the widget stored; the page carries it, no reload", () => {
    const s = run(withKeys(make()), { type: "token-rejected" });
    expect(s.rejectedTokens).toEqual(["tok-1"]);
    expect(s.pages["this-browser"].device.rejectedTokens).toEqual(["tok-1"]);
    expect(visits(s)).toEqual([1, 1]);
    expect(summarizeActiveDevice(s).tokenInForce).toBe("tok-1");
    // Once refused, refusing again changes nothing.
    expect(run(s, { type: "token-rejected" })).toBe(s);
  });

  it("without a token in force there is nothing to refuse", () => {
    const s = initialDevices(make({ model: "collect" }));
    expect(summarizeActiveDevice(s).tokenInForce).toBeNull();
    expect(run(s, { type: "token-rejected" })).toBe(s);
  });

  it("verified: the user's token is refused; a renewed token clears the device's failure", () => {
    let s = run(initialDevices(VERIFIED), {
      type: "token-updated",
      token: { status: "ok", email: "jane@example.com", token: "jwt-1", contactId: "ct" },
    });
    s = run(s, { type: "token-rejected" });
    expect(s.rejectedTokens).toEqual(["jwt-1"]);
    s = run(s, {
      type: "rejection-reported",
      deviceId: "this-browser",
      rejection: { outcome: "failing", reason: "verified-host-renews" },
    });
    expect(summarizeActiveDevice(s).rejection).toMatch(/verified token is never recovered/);
    s = run(s, {
      type: "token-updated",
      token: { status: "ok", email: "jane@example.com", token: "jwt-2", contactId: "ct" },
    });
    expect(summarizeActiveDevice(s).rejection).toBeNull();
    expect(s.pages["this-browser"].device.contactToken).toBe("jwt-2");
  });

  it("the preview's report of a rejection becomes the device's sentence; a reload forgets it", () => {
    const event: PreviewEvent = {
      kind: "token-rejected",
      outcome: "recovered",
      reason: "recovered-collected-lost",
    };
    const action = actionForPreviewEvent({
      type: "preview:event",
      deviceId: "this-browser",
      visit: 1,
      event,
    });
    const s = run(initialDevices(make()), action!);
    expect(summarizeActiveDevice(s).rejection).toMatch(/welcome form are lost/);
    expect(summarizeActiveDevice(run(s, { type: "page-reloaded" })).rejection).toBeNull();
  });
});
