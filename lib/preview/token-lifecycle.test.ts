/**
 * The preview's side of a refused or renewed contact token, per widget version (domain-v5 §3.6,
 * §3.7): what a page load does with a refused stored token, how the running widget changes, when
 * the instance is kept and when it starts closed.
 */
import { describe, expect, it } from "vitest";
import { fakeJwt } from "../secrets/test-support/fake-keys";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { storageKeys } from "../identity";
import { bootWidget, rejectToken } from "./boot";
import type { PreviewDevice } from "./messages";
import { initialRuntime, runtimeReducer, visitorMessage } from "./runtime";
import { newSession, sameVerifiedContact, visibleSessions } from "./sessions";
import { startsClosed, widgetInstanceKey } from "./widget-instance";

const make = (over: Partial<PlaygroundConfig> = {}): PlaygroundConfig => ({
  ...defaultConfig(),
  widgetToken: "wt_1",
  ...over,
});
const KEYS = storageKeys("wt_1");
const laptop: PreviewDevice = { deviceId: "laptop", storage: {}, visit: 1, viewport: "desktop" };

const jwt = (claims: Record<string, unknown>) =>
  fakeJwt({ alg: "HS256", typ: "JWT" }, claims, "sig");
const tokenOf = (contactId: string, iat: number) =>
  jwt({
    sub: {
      type: "widget-contact",
      payload: { org_id: "org_1", contact: { id: contactId, verified: true } },
    },
    iat,
  });

/** The second visit of an anonymous visitor whose stored token the backend now refuses. */
function refusedAnonymous(config: PlaygroundConfig) {
  const first = bootWidget(config, laptop);
  const session = newSession("s1", first.owner!);
  const token = first.owner!.contact.token;
  const device: PreviewDevice = {
    ...laptop,
    visit: 2,
    storage: { ...first.storage },
    sessions: [session],
    rejectedTokens: [token],
  };
  return { first, device, token };
}

describe("a page load that meets a refused stored token", () => {
  it("v5: recovers at once as a fresh contact with the same device id, lists nothing old, opens a chat", () => {
    const { first, device, token } = refusedAnonymous(make());
    const boot = bootWidget(make(), device);
    expect(boot.rejection).toEqual({ outcome: "recovered", reason: "recovered-anonymous" });
    expect(boot.owner!.contact.token).not.toBe(token);
    expect(boot.owner!.contact.externalId).toBe(first.owner!.contact.externalId);
    expect(boot.storage[KEYS.contactToken]).toBe(boot.owner!.contact.token);
    expect(boot.sessions).toEqual([]);
    expect(boot.screen).toBe("chat");
    expect(initialRuntime(boot).authFailure).toBeNull();
  });

  it("v4: keeps the dead token; no sessions are listed and requests fail", () => {
    const config = make({ widgetVersion: "v4" });
    const { device, token } = refusedAnonymous(config);
    const boot = bootWidget(config, device);
    expect(boot.rejection).toEqual({ outcome: "failing", reason: "v4-no-recovery" });
    expect(boot.owner!.contact.token).toBe(token);
    expect(boot.storage[KEYS.contactToken]).toBe(token);
    expect(boot.sessions).toEqual([]);
    const state = initialRuntime(boot);
    expect(state.authFailure).toBe("v4-no-recovery");
    expect(visitorMessage(state, "hello?", (p) => `${p}-1`)).toBeNull();
  });

  it("v4, user.data with an email: the load upserts a new token, so nothing is refused", () => {
    const config = make({ widgetVersion: "v4", model: "browser", userEmail: "ada@example.com" });
    const { device } = refusedAnonymous(config);
    expect(bootWidget(config, device).rejection).toBeNull();
  });

  it("verified: never recovered by the widget", () => {
    const config = make({ model: "server", serverEmail: "jane@example.com" });
    const token = tokenOf("c1", 1);
    const boot = bootWidget(config, { ...laptop, contactToken: token, rejectedTokens: [token] });
    expect(boot.rejection).toEqual({ outcome: "failing", reason: "verified-host-renews" });
    expect(initialRuntime(boot).authFailure).toBe("verified-host-renews");
  });
});

describe("the running widget", () => {
  it("v5 collect: after the form, a refused token becomes an anonymous contact; the chat and extras are reset, no form", () => {
    const config = make({ model: "collect" });
    const boot = bootWidget(config, laptop);
    let state = initialRuntime(boot);
    expect(state.screen).toBe("welcome");
    const owner = {
      contact: {
        token: "tok-ada",
        kind: "non-verified" as const,
        externalId: "dev-1",
        externalIdSource: "generated" as const,
      },
      email: "ada@example.com",
    };
    state = runtimeReducer(state, {
      type: "contact-created",
      owner,
      storage: { [KEYS.contactToken]: "tok-ada", [KEYS.externalId]: "dev-1" },
      extraCollectedData: { Company: "Acme" },
    });
    const session = newSession("s1", owner);
    state = runtimeReducer(state, { type: "user-message", session });
    const r = rejectToken(config, laptop, owner, state.storage, [session]);
    expect(r.outcome).toBe("recovered");
    if (r.outcome !== "recovered") return;
    expect(r.reason).toBe("recovered-collected-lost");
    expect(r.owner.email).toBeNull();
    expect(r.owner.contact.externalId).toBe("dev-1");
    // The old conversation belonged to ada@example.com's contact: the new anonymous one sees none.
    expect(r.sessions).toEqual([]);
    state = runtimeReducer(state, { type: "token-recovered", ...r });
    expect(state.screen).toBe("chat");
    expect(state.activeSessionId).toBeNull();
    expect(state.extraCollectedData).toBeUndefined();
    expect(state.owner).toEqual(r.owner);
  });

  it("v5 user.data with an email: upserted again, its conversations stay listed", () => {
    const config = make({ model: "browser", userEmail: "ada@example.com" });
    const boot = bootWidget(config, laptop);
    const session = newSession("s1", boot.owner!);
    const r = rejectToken(config, laptop, boot.owner!, boot.storage, [session]);
    expect(r.outcome === "recovered" && r.sessions).toEqual([session]);
    expect(r.outcome === "recovered" && r.screen).toBe("sessions");
  });

  it("a token swapped in place keeps the chat on screen and lifts the failure", () => {
    const config = make({ model: "server" });
    const before = tokenOf("c1", 1);
    const boot = bootWidget(config, { ...laptop, contactToken: before, rejectedTokens: [before] });
    let state = initialRuntime(boot);
    state = { ...state, activeSessionId: "s1" };
    state = runtimeReducer(state, { type: "token-swapped", token: tokenOf("c1", 2) });
    expect(state.authFailure).toBeNull();
    expect(state.activeSessionId).toBe("s1");
    expect(state.owner!.contact.token).toBe(tokenOf("c1", 2));
    expect(visitorMessage(state, "still here", (p) => `${p}-1`)?.session.contactToken).toBe(
      tokenOf("c1", 2),
    );
  });

  it("a verified contact's history follows a renewed token of the same contact, not another's", () => {
    expect(sameVerifiedContact(tokenOf("c1", 1), tokenOf("c1", 2))).toBe(true);
    expect(sameVerifiedContact(tokenOf("c1", 1), tokenOf("c2", 1))).toBe(false);
    expect(sameVerifiedContact("opaque-a", "opaque-b")).toBe(false);
    const owner = (token: string) => ({
      contact: {
        token,
        kind: "verified" as const,
        externalId: null,
        externalIdSource: "none" as const,
      },
      email: null,
    });
    const session = newSession("s1", owner(tokenOf("c1", 1)));
    expect(visibleSessions([session], owner(tokenOf("c1", 2)))).toEqual([session]);
    expect(visibleSessions([session], owner(tokenOf("c2", 2)))).toEqual([]);
  });
});

describe("the widget instance across a token change", () => {
  const server = (widgetVersion: "v4" | "v5") => make({ model: "server", widgetVersion });
  const on = (contactToken?: string): PreviewDevice => ({ ...laptop, contactToken });

  it("v5 keeps the instance for a renewal (same owner) and replaces it for another owner", () => {
    const key = widgetInstanceKey(server("v5"), on(tokenOf("c1", 1)));
    expect(widgetInstanceKey(server("v5"), on(tokenOf("c1", 2)))).toBe(key);
    expect(widgetInstanceKey(server("v5"), on(tokenOf("c2", 1)))).not.toBe(key);
  });

  it("v4 replaces the instance for any new token (remount by key), and the version itself is part of the key", () => {
    const key = widgetInstanceKey(server("v4"), on(tokenOf("c1", 1)));
    expect(widgetInstanceKey(server("v4"), on(tokenOf("c1", 2)))).not.toBe(key);
    expect(widgetInstanceKey(make({ widgetVersion: "v4" }), laptop)).not.toBe(
      widgetInstanceKey(make({ widgetVersion: "v5" }), laptop),
    );
  });

  it("v5 recreates the launcher closed for another owner, a sign-in or a sign-out on the same page load only", () => {
    const shown = (widgetVersion: "v4" | "v5", token?: string, visit = 1) => ({
      config: server(widgetVersion),
      device: { ...on(token), visit },
    });
    expect(startsClosed(shown("v5", tokenOf("c1", 1)), shown("v5", tokenOf("c2", 1)))).toBe(true);
    // A sign-in after a sign-out on the same page…
    const signedOut = { ...shown("v5"), device: { ...shown("v5").device, signedOut: true } };
    expect(startsClosed(signedOut, shown("v5", tokenOf("c1", 1)))).toBe(true);
    // …but not the first token of a page that had no user yet (the widget mounts with it).
    expect(startsClosed(shown("v5"), shown("v5", tokenOf("c1", 1)))).toBe(false);
    expect(startsClosed(shown("v5", tokenOf("c1", 1)), shown("v5"))).toBe(true);
    expect(startsClosed(shown("v5", tokenOf("c1", 1)), shown("v5", tokenOf("c1", 2)))).toBe(false);
    expect(startsClosed(shown("v5", tokenOf("c1", 1)), shown("v5", tokenOf("c2", 1), 2))).toBe(
      false,
    );
    expect(startsClosed(shown("v4", tokenOf("c1", 1)), shown("v4", tokenOf("c2", 1)))).toBe(false);
    expect(startsClosed(null, shown("v5", tokenOf("c1", 1)))).toBe(false);
  });
});
