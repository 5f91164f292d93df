import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { bootWidget, submitWelcome } from "./boot";
import type { PreviewDevice, PreviewSession } from "./messages";
import {
  activeSession,
  changedSessions,
  initialRuntime,
  isTyping,
  runtimeReducer,
  sameStorage,
  visitorMessage,
  type WidgetRuntimeAction,
  type WidgetRuntimeState,
} from "./runtime";
import { newSession } from "./sessions";

const make = (over: Partial<PlaygroundConfig> = {}): PlaygroundConfig => ({
  ...defaultConfig(),
  widgetToken: "wt_1",
  ...over,
});
const laptop: PreviewDevice = { deviceId: "laptop", storage: {}, visit: 1, viewport: "desktop" };

const run = (state: WidgetRuntimeState, ...actions: WidgetRuntimeAction[]) =>
  actions.reduce(runtimeReducer, state);

/** Ids in the order asked for: session-1, msg-2, … */
function counter() {
  let n = 0;
  return (prefix: string) => `${prefix}-${++n}`;
}

const anonymous = initialRuntime(bootWidget(make(), laptop));
const collect = make({ model: "collect", extraFields: [] });
const welcome = initialRuntime(bootWidget(collect, laptop));

describe("initialRuntime", () => {
  it("opens on the screen the simulator chose, with the contact and storage of the load", () => {
    const boot = bootWidget(make(), laptop);
    expect(initialRuntime(boot)).toMatchObject({
      open: true,
      screen: boot.screen,
      owner: boot.owner,
      storage: boot.storage,
      sessions: boot.sessions,
      activeSessionId: null,
      submitting: false,
      sessionsLoading: false,
      visitorNavigated: false,
    });
    expect(welcome).toMatchObject({ screen: "welcome", owner: null });
  });
});

describe("runtimeReducer: the visitor's flow", () => {
  it.each<[string, WidgetRuntimeAction[], Partial<WidgetRuntimeState>]>([
    ["the launcher closes the open widget", [{ type: "toggle" }], { open: false }],
    ["and opens it again", [{ type: "toggle" }, { type: "toggle" }], { open: true }],
    ["close keeps a closed widget closed", [{ type: "close" }, { type: "close" }], { open: false }],
    ["submitting shows Connecting", [{ type: "submit-start" }], { submitting: true }],
    [
      "the list is the visitor's navigation",
      [{ type: "show-sessions" }],
      { screen: "sessions", visitorNavigated: true },
    ],
    [
      "a new conversation opens a chat with no session",
      [{ type: "open-chat", sessionId: null }],
      { screen: "chat", activeSessionId: null, visitorNavigated: true },
    ],
    [
      "an old conversation opens its chat",
      [{ type: "open-chat", sessionId: "s1" }],
      { screen: "chat", activeSessionId: "s1", visitorNavigated: true },
    ],
  ])("%s", (_name, actions, expected) => {
    expect(run(anonymous, ...actions)).toMatchObject(expected);
  });

  it("the welcome form: contact created, the sessions spinner, then the first screen", () => {
    const values = { name: "Ada Lovelace", email: "ada@example.com", extras: {} };
    const outcome = submitWelcome(collect, laptop, values, []);
    if (!outcome.accepted) throw new Error("refused");
    const created = run(
      welcome,
      { type: "submit-start" },
      {
        type: "contact-created",
        owner: outcome.owner,
        storage: outcome.storage,
        extraCollectedData: { plan: "pro" },
      },
    );
    expect(created).toMatchObject({
      submitting: false,
      owner: outcome.owner,
      storage: outcome.storage,
      extraCollectedData: { plan: "pro" },
      screen: "sessions",
      sessionsLoading: true,
      visitorNavigated: true,
    });
    const loaded = run(created, {
      type: "sessions-loaded",
      sessions: outcome.sessions,
      screen: outcome.screen,
    });
    expect(loaded).toMatchObject({ sessionsLoading: false, screen: "chat", sessions: [] });
  });

  it("a visitor message puts its session first and the bot types until it answers", () => {
    const owner = anonymous.owner!;
    const older = newSession("old", owner);
    const start = { ...anonymous, sessions: [older] };
    const sent = visitorMessage(start, "Hello", counter())!;
    const typing = run(start, { type: "user-message", session: sent.session });
    expect(typing.sessions.map((s) => s.id)).toEqual(["session-1", "old"]);
    expect(activeSession(typing)).toBe(sent.session);
    expect(isTyping(typing)).toBe(true);
    const answered = run(typing, {
      type: "bot-message",
      sessionId: "session-1",
      message: { id: "b1", role: "bot", text: "Hi" },
    });
    expect(isTyping(answered)).toBe(false);
    expect(activeSession(answered)?.messages.map((m) => m.text)).toEqual(["Hello", "Hi"]);
  });
});

describe("visitorMessage", () => {
  it("needs a contact: nothing is sent from the welcome form", () => {
    expect(visitorMessage(welcome, "Hello", counter())).toBeNull();
  });

  it("a new chat makes a session of the contact; the first message carries the extra fields", () => {
    const state = { ...anonymous, extraCollectedData: { plan: "pro" } };
    const sent = visitorMessage(state, "Hello", counter())!;
    expect(sent.firstMessage).toBe(true);
    expect(sent.session).toMatchObject({
      id: "session-1",
      contactToken: anonymous.owner!.contact.token,
      messages: [{ id: "msg-2", role: "user", text: sent.text }],
    });
    expect(sent.text).toContain("Hello");
    expect(sent.text).toContain("pro");
  });

  it("an open chat gets the message appended, as typed", () => {
    const typed = run(anonymous, {
      type: "user-message",
      session: visitorMessage(anonymous, "one", counter())!.session,
    });
    const sent = visitorMessage(
      { ...typed, extraCollectedData: { plan: "pro" } },
      "two",
      () => "x",
    )!;
    expect(sent).toMatchObject({ firstMessage: false, text: "two" });
    expect(sent.session.id).toBe(typed.activeSessionId);
    expect(sent.session.messages.map((m) => m.text)).toEqual(["one", "two"]);
  });
});

describe("sameStorage", () => {
  it.each<[string, Record<string, string>, Record<string, string>, boolean]>([
    ["both empty", {}, {}, true],
    ["same entries in another order", { a: "1", b: "2" }, { b: "2", a: "1" }, true],
    ["a changed value", { a: "1" }, { a: "2" }, false],
    ["a key more", { a: "1" }, { a: "1", b: "2" }, false],
    ["a key less", { a: "1", b: "2" }, { a: "1" }, false],
    ["a key only inherited", { toString: "x" }, { other: "x" }, false],
  ])("%s", (_name, a, b, same) => {
    expect(sameStorage(a, b)).toBe(same);
    expect(sameStorage(b, a)).toBe(same);
  });
});

describe("changedSessions", () => {
  it("reports new sessions and changed ones, in the new order, not the untouched", () => {
    const owner = anonymous.owner!;
    const a = newSession("a", owner);
    const b = newSession("b", owner);
    const b2 = { ...b, status: "closed" as const };
    const c = newSession("c", owner);
    expect(changedSessions([a, b], [c, b2, a])).toEqual([c, b2]);
    expect(changedSessions([a, b], [a, b])).toEqual([]);
  });
});

describe("runtimeReducer: properties of the chat", () => {
  const step = fc.oneof(
    fc.record({ send: fc.constantFrom("s1", "s2", "new") }),
    fc.record({ reply: fc.constantFrom("s1", "s2", "ghost") }),
    fc.record({ open: fc.constantFrom<string | null>("s1", "s2", null) }),
  );

  it("sessions stay unique, replies never go negative, and the bot types only while it owes an answer", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const owner = anonymous.owner!;
        let state: WidgetRuntimeState = {
          ...anonymous,
          sessions: [newSession("s1", owner), newSession("s2", owner)],
        };
        const ids = counter();
        const owed: Record<string, number> = {};
        for (const s of steps) {
          if ("send" in s) {
            const target = s.send === "new" ? null : s.send;
            state = run(state, { type: "open-chat", sessionId: target });
            const sent = visitorMessage(state, "hi", ids)!;
            state = run(state, { type: "user-message", session: sent.session });
            owed[sent.session.id] = (owed[sent.session.id] ?? 0) + 1;
            expect(state.sessions[0]).toBe(sent.session);
          } else if ("reply" in s) {
            state = run(state, {
              type: "bot-message",
              sessionId: s.reply,
              message: { id: ids("msg"), role: "bot", text: "ok" },
            });
            owed[s.reply] = Math.max(0, (owed[s.reply] ?? 0) - 1);
          } else {
            state = run(state, { type: "open-chat", sessionId: s.open });
          }
          const seen = state.sessions.map((x) => x.id);
          expect(new Set(seen).size).toBe(seen.length);
          for (const n of Object.values(state.pendingReplies)) expect(n).toBeGreaterThanOrEqual(0);
          expect(isTyping(state)).toBe((owed[state.activeSessionId ?? ""] ?? 0) > 0);
        }
      }),
    );
  });

  it("the chat never touches the storage, the contact or the open state", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("s1", "s2"), { maxLength: 10 }), (targets) => {
        let state = anonymous;
        for (const id of targets) {
          const session: PreviewSession = newSession(id, anonymous.owner!);
          state = run(
            state,
            { type: "open-chat", sessionId: id },
            { type: "user-message", session },
            { type: "bot-message", sessionId: id, message: { id: "m", role: "bot", text: "" } },
          );
        }
        expect(state.storage).toBe(anonymous.storage);
        expect(state.owner).toBe(anonymous.owner);
        expect(state.open).toBe(true);
      }),
    );
  });
});
