/**
 * The sentences the preview shows under "what happens on this page load" (simulateLoad's
 * explanation), row by row of the decision table (domain.md §3.2–§3.5). Each case states the
 * whole explanation, in order: a missing, extra or reworded sentence is a change the user sees.
 */
import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { counterIds } from "./ids";
import { simulateLoad } from "./simulate";
import { storageKeys } from "./storage";
import type { DeviceStorage } from "./types";

const WT = "wt_1";
const KEYS = storageKeys(WT);
const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  widgetToken: WT,
  ...over,
});
const persisted = (token = "tok-old", externalId = "dev-old"): DeviceStorage => ({
  [KEYS.contactToken]: token,
  [KEYS.externalId]: externalId,
});

const VERIFIED =
  "user.token is set, so the widget uses it as a verified contact: no API call at load, and storage is neither read nor written.";
const NEW_CHAT = "The contact has no sessions yet, so the widget goes straight to a new chat.";
const SESSIONS = "The sessions list shows first.";
const DEVICE_ID_REUSED =
  "This browser's saved externalId is reused, so its earlier conversations stay visible.";
const DEVICE_ID_GENERATED =
  "A new device id is generated and saved as the externalId, so only this browser sees these conversations.";
const WELCOME_FLASH =
  "The router starts on the welcome screen and leaves it as soon as the token is set.";
const ANONYMOUS_CREATED =
  "No contact token is saved on this browser, so the widget creates an anonymous contact.";

describe("simulateLoad explains the verified row (A)", () => {
  it("with user.externalId, collectUserData and a leftover unverified token", () => {
    const r = simulateLoad(
      make({ model: "server", externalId: "ws_1", collectUserData: true }),
      persisted(),
      { contactToken: "jwt" },
    );
    expect(r.explanation).toEqual([
      VERIFIED,
      "collectUserData is ignored with a verified token: the welcome form never shows.",
      "An earlier unverified contact token stays in storage, unused.",
      'History is limited to sessions created with externalId "ws_1", on any device.',
      NEW_CHAT,
    ]);
  });

  it("without externalId, on a fresh browser, with sessions", () => {
    const r = simulateLoad(
      make({ model: "server" }),
      {},
      { contactToken: "jwt", hasSessions: true },
    );
    expect(r.explanation).toEqual([
      VERIFIED,
      "No externalId is set, so the contact sees their verified sessions from every device.",
      SESSIONS,
    ]);
  });

  it("an empty persisted token is not called a leftover", () => {
    const r = simulateLoad(make({ model: "server" }), persisted("", "dev"), {
      contactToken: "jwt",
    });
    expect(r.explanation).not.toContain(
      "An earlier unverified contact token stays in storage, unused.",
    );
  });

  it("with an empty user.token the visitor is told they are anonymous", () => {
    const r = simulateLoad(make({ model: "server" }), {}, { contactToken: "" });
    expect(r.explanation).toEqual([
      "user.token is empty, so the widget ignores it and treats the visitor as anonymous.",
      ANONYMOUS_CREATED,
      DEVICE_ID_GENERATED,
      NEW_CHAT,
    ]);
  });

  it("outside the server model an empty contact token is never mentioned", () => {
    const r = simulateLoad(make({}), {}, { contactToken: "" });
    expect(r.explanation[0]).toBe(ANONYMOUS_CREATED);
  });
});

describe("simulateLoad explains the welcome-form rows (B, C)", () => {
  it("row B, first visit: the form waits", () => {
    expect(simulateLoad(make({ model: "collect" }), {}).explanation).toEqual([
      "collectUserData is on and no contact token is saved on this browser, so the welcome form waits for the visitor's name and email.",
    ]);
  });

  it("row B, returning visitor: reuse, shared key, welcome flash, then the sessions list", () => {
    const r = simulateLoad(make({ model: "collect" }), persisted(), { hasSessions: true });
    expect(r.explanation).toEqual([
      "collectUserData is on and this browser already has a contact token, so the widget reuses it and skips the welcome form.",
      "Anonymous and collected contacts share that key, so an earlier anonymous visit also skips the form.",
      DEVICE_ID_REUSED,
      WELCOME_FLASH,
      SESSIONS,
    ]);
  });

  it("row B with user.data but no email: user.data is said to be dropped", () => {
    const r = simulateLoad(
      make({ model: "browser", collectUserData: true, userCustomData: [{ key: "k", value: "v" }] }),
      {},
    );
    expect(r.row).toBe("B");
    expect(r.explanation).toEqual([
      "collectUserData is on and no contact token is saved on this browser, so the welcome form waits for the visitor's name and email.",
      "Without user.data.email, user.data name and customData are never sent on this path: the form sends only the typed name and email, and does not prefill from user.data.",
    ]);
  });

  it("row B with only an avatar in user.data: nothing is said to be dropped", () => {
    const r = simulateLoad(
      make({ model: "browser", collectUserData: true, userAvatarUrl: "https://x/a.png" }),
      {},
    );
    expect(r.row).toBe("B");
    expect(r.explanation).toHaveLength(1);
  });

  it("row C: the form returns on every load, and a submit still keeps the device's history", () => {
    const r = simulateLoad(make({ model: "collect", extraFields: ["Company"] }), persisted());
    expect(r.explanation).toEqual([
      "Extra fields are set, so the widget does not read the saved contact token: the welcome form shows on every page load.",
      "Submitting still saves a token and reuses this browser's externalId, so history on this device continues.",
    ]);
  });
});

describe("simulateLoad explains the load-time rows (D, E)", () => {
  it("row D: the saved token is reused with no call, and user.data is not sent again", () => {
    const r = simulateLoad(make({ model: "browser", userName: "Jane" }), persisted());
    expect(r.row).toBe("D");
    expect(r.explanation).toEqual([
      "No email is given and this browser has a contact token, so the widget reuses it with no API call.",
      "user.data name and customData are not sent again.",
      DEVICE_ID_REUSED,
      NEW_CHAT,
    ]);
  });

  it("row D for a plain anonymous visitor says nothing about user.data", () => {
    expect(simulateLoad(make({}), persisted()).explanation).toEqual([
      "No email is given and this browser has a contact token, so the widget reuses it with no API call.",
      DEVICE_ID_REUSED,
      NEW_CHAT,
    ]);
  });

  it("row E, anonymous first visit", () => {
    expect(simulateLoad(make({}), {}, { newId: counterIds() }).explanation).toEqual([
      ANONYMOUS_CREATED,
      DEVICE_ID_GENERATED,
      NEW_CHAT,
    ]);
  });

  it("row E from user.data without an email", () => {
    const r = simulateLoad(make({ model: "browser", userName: "Jane" }), {});
    expect(r.explanation).toEqual([
      "No email is given and no contact token is saved, so the widget creates a contact from user.data without an email.",
      DEVICE_ID_GENERATED,
      NEW_CHAT,
    ]);
  });

  it("row E with an email, collectUserData, an avatar and user.externalId", () => {
    const r = simulateLoad(
      make({
        model: "browser",
        collectUserData: true,
        userEmail: "jane@example.com",
        userAvatarUrl: "https://x/a.png",
        externalId: "ws_1",
      }),
      {},
      { chatScreenOnly: true },
    );
    expect(r.explanation).toEqual([
      "user.data.email is set, so the widget upserts the contact with create-unverified on every page load and ignores any saved token.",
      "The email wins over collectUserData: the welcome form is skipped.",
      "user.data.avatarUrl is not sent: widget 4.0.57 drops it.",
      'externalId "ws_1" comes from user.externalId and replaces the device id, so anyone who knows it can see these conversations.',
      "router.chatScreenOnly is on, so the chat screen opens.",
    ]);
  });

  it("row E with an email but without collectUserData says nothing about the form", () => {
    const r = simulateLoad(make({ model: "browser", userEmail: "jane@example.com" }), {});
    expect(r.explanation).toEqual([
      "user.data.email is set, so the widget upserts the contact with create-unverified on every page load and ignores any saved token.",
      DEVICE_ID_GENERATED,
      NEW_CHAT,
    ]);
  });
});
