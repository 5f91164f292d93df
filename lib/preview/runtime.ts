/**
 * The replica's state on one page load, as a pure reducer: which screen shows, who the contact
 * is, the storage the widget wrote, the sessions it may list and the chat on screen.
 * components/preview/widget-runtime.tsx renders it and runs its timers; what the widget decides
 * about identity comes from boot.ts (lib/identity), never from here.
 */
import type { DeviceStorage, RejectionReason, Screen } from "../identity";
import { composeFirstMessage, type WidgetBoot } from "./boot";
import type { PreviewChatMessage, PreviewSession } from "./messages";
import { newSession, type SessionOwner } from "./sessions";

export interface WidgetRuntimeState {
  open: boolean;
  screen: Screen;
  owner: SessionOwner | null;
  storage: DeviceStorage;
  extraCollectedData: Record<string, string> | undefined;
  /** Every session this contact may list, newest first. */
  sessions: PreviewSession[];
  /** The chat on screen; `null` is a new chat with no session yet. */
  activeSessionId: string | null;
  submitting: boolean;
  /** The first `GET /sessions` after the welcome form is in flight: the sessions screen shows a spinner. */
  sessionsLoading: boolean;
  /** Session id → replies still "typing". */
  pendingReplies: Record<string, number>;
  /** Set by the visitor's own navigation: only then may a screen take focus. */
  visitorNavigated: boolean;
  /** The backend refuses the token in force and the widget does not recover: requests fail. */
  authFailure: RejectionReason | null;
}

export type WidgetRuntimeAction =
  | { type: "toggle" }
  | { type: "close" }
  | { type: "submit-start" }
  | {
      type: "contact-created";
      owner: SessionOwner;
      storage: DeviceStorage;
      extraCollectedData: Record<string, string> | undefined;
    }
  | { type: "sessions-loaded"; sessions: PreviewSession[]; screen: Screen }
  | { type: "show-sessions" }
  | { type: "open-chat"; sessionId: string | null }
  | { type: "user-message"; session: PreviewSession }
  | { type: "bot-message"; sessionId: string; message: PreviewChatMessage }
  /** v5 recovered from a rejected token: a new contact, its sessions, the chat reset (§3.6). */
  | {
      type: "token-recovered";
      owner: SessionOwner;
      storage: DeviceStorage;
      sessions: PreviewSession[];
      screen: Screen;
    }
  /** The token was rejected and the widget does not recover. */
  | { type: "auth-failed"; reason: RejectionReason }
  /** v5: a renewed token of the same owner, swapped in place (§3.7); requests work again. */
  | { type: "token-swapped"; token: string };

/**
 * A page load's widget, on the screen the simulator chose: open (the preview's habit), or closed
 * when v5 recreated it for another owner's token (widget-instance.ts `startsClosed`).
 */
export function initialRuntime(boot: WidgetBoot, open = true): WidgetRuntimeState {
  return {
    open,
    screen: boot.screen,
    owner: boot.owner,
    storage: boot.storage,
    extraCollectedData: undefined,
    sessions: boot.sessions,
    activeSessionId: null,
    submitting: false,
    sessionsLoading: false,
    pendingReplies: {},
    visitorNavigated: false,
    authFailure: boot.rejection?.outcome === "failing" ? boot.rejection.reason : null,
  };
}

export function runtimeReducer(
  state: WidgetRuntimeState,
  action: WidgetRuntimeAction,
): WidgetRuntimeState {
  switch (action.type) {
    case "toggle":
      return { ...state, open: !state.open };
    case "close":
      return { ...state, open: false };
    case "submit-start":
      return { ...state, submitting: true };
    case "contact-created":
      // The widget's router moves to the sessions screen, which fetches the contact's sessions.
      return {
        ...state,
        submitting: false,
        owner: action.owner,
        storage: action.storage,
        extraCollectedData: action.extraCollectedData,
        screen: "sessions",
        sessionsLoading: true,
        activeSessionId: null,
        visitorNavigated: true,
      };
    case "sessions-loaded":
      // No sessions: on to a new chat (domain.md §3.5); else the list.
      return { ...state, sessionsLoading: false, sessions: action.sessions, screen: action.screen };
    case "show-sessions":
      return { ...state, screen: "sessions", visitorNavigated: true };
    case "open-chat":
      return {
        ...state,
        screen: "chat",
        activeSessionId: action.sessionId,
        visitorNavigated: true,
      };
    case "user-message": {
      const { session } = action;
      const others = state.sessions.filter((s) => s.id !== session.id);
      return {
        ...state,
        sessions: [session, ...others],
        activeSessionId: session.id,
        pendingReplies: {
          ...state.pendingReplies,
          [session.id]: (state.pendingReplies[session.id] ?? 0) + 1,
        },
      };
    }
    case "token-recovered":
      // resetChat() and refreshSessions(): the old conversation leaves the screen.
      return {
        ...state,
        owner: action.owner,
        storage: action.storage,
        sessions: action.sessions,
        screen: action.screen,
        extraCollectedData: undefined,
        activeSessionId: null,
        pendingReplies: {},
        sessionsLoading: false,
        authFailure: null,
      };
    case "auth-failed":
      return { ...state, authFailure: action.reason, pendingReplies: {} };
    case "token-swapped":
      if (!state.owner) return state;
      return {
        ...state,
        owner: { ...state.owner, contact: { ...state.owner.contact, token: action.token } },
        authFailure: null,
      };
    case "bot-message": {
      const pending = Math.max(0, (state.pendingReplies[action.sessionId] ?? 0) - 1);
      return {
        ...state,
        sessions: state.sessions.map((s) =>
          s.id === action.sessionId ? { ...s, messages: [...s.messages, action.message] } : s,
        ),
        pendingReplies: { ...state.pendingReplies, [action.sessionId]: pending },
      };
    }
  }
}

/** The chat on screen, if it has a session yet. */
export function activeSession(state: WidgetRuntimeState): PreviewSession | undefined {
  return state.sessions.find((s) => s.id === state.activeSessionId);
}

/** The bot is "typing" in the chat on screen. */
export function isTyping(state: WidgetRuntimeState): boolean {
  return (state.pendingReplies[state.activeSessionId ?? ""] ?? 0) > 0;
}

/**
 * What the visitor's message `typed` becomes in the chat on screen: the session it lands in
 * (a new one for a new chat), the text sent (the first message carries the extra fields) and
 * whether it is the first. `null` before there is a contact to send as.
 */
export function visitorMessage(
  state: WidgetRuntimeState,
  typed: string,
  newId: (prefix: "session" | "msg") => string,
): { session: PreviewSession; text: string; firstMessage: boolean } | null {
  // A refused token: the send request fails, nothing reaches the backend.
  if (!state.owner || state.authFailure) return null;
  const session = activeSession(state) ?? newSession(newId("session"), state.owner);
  const firstMessage = session.messages.length === 0;
  const text = firstMessage ? composeFirstMessage(state.extraCollectedData, typed) : typed;
  return {
    session: {
      ...session,
      messages: [...session.messages, { id: newId("msg"), role: "user", text }],
    },
    text,
    firstMessage,
  };
}

/** The same keys with the same values. */
export function sameStorage(a: DeviceStorage, b: DeviceStorage): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k])
  );
}

/** The sessions of `after` that are new or changed (a new object) since `before`, in `after`'s order. */
export function changedSessions(
  before: readonly PreviewSession[],
  after: readonly PreviewSession[],
): PreviewSession[] {
  const known = new Map(before.map((s) => [s.id, s]));
  return after.filter((s) => known.get(s.id) !== s);
}
