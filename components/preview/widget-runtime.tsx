"use client";

/**
 * One widget instance on one page load: it boots from the identity simulator,
 * then runs the visitor's flow (welcome → sessions or chat → chat) in memory.
 *
 * Mount it with `key={widgetInstanceKey(config, device)}`: like the real widget,
 * it reads identity options and storage once; later `config` props only change
 * texts and colours.
 */
import { useEffect, useEffectEvent, useReducer, useRef, useState } from "react";
import type { PlaygroundConfig } from "@/lib/config/options";
import { rejectionSentence, type DeviceStorage, type Screen } from "@/lib/identity";
import type { PreviewDevice, PreviewEvent, PreviewSession } from "@/lib/preview/messages";
import {
  activeSession,
  changedSessions,
  initialRuntime,
  isTyping,
  runtimeReducer,
  sameStorage,
  visitorMessage,
} from "@/lib/preview/runtime";
import { SESSIONS_LATENCY_MS } from "@/lib/preview/sessions";
import { themeVariables, WIDGET_FONT_FAMILY } from "@/lib/preview/theme";
import { DEFAULT_INITIAL_MESSAGES, PREVIEW_BOT_REPLY } from "@/lib/preview/widget-instance";
import { bootWidget, isRejected, rejectToken, submitWelcome } from "@/lib/preview/boot";
import { replicaLook } from "@/lib/preview/version";
import { useSmallScreen } from "./use-small-screen";
import { ChatScreen } from "./widget-replica/chat-screen";
import { Launcher } from "./widget-replica/launcher";
import { SessionsScreen } from "./widget-replica/sessions-screen";
import { WelcomeScreen, type WelcomeFormValues } from "./widget-replica/welcome-screen";
import { WidgetContainer } from "./widget-replica/widget-container";

/**
 * How long "Connecting..." shows (the simulated create-unverified request), and how
 * long the bot "types". After it the sessions screen loads for SESSIONS_LATENCY_MS.
 */
const CONNECTING_MS = 600;
const REPLY_MS = 1200;
const CONTAINER_ID = "opencx-widget";

/** A random id for sessions and messages (the host keeps them across visits). */
function randomId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

export interface WidgetRuntimeProps {
  config: PlaygroundConfig;
  device: PreviewDevice;
  onEvent: (event: PreviewEvent) => void;
  /** v5 recreated the widget for another owner's token: its launcher starts closed (§3.7). */
  startClosed?: boolean;
}

export function WidgetRuntime({
  config,
  device,
  onEvent,
  startClosed = false,
}: WidgetRuntimeProps) {
  // The page load this instance belongs to: identity is read from it once, as the widget does.
  const [mount] = useState(() => ({ config, device, boot: bootWidget(config, device) }));
  const { boot } = mount;

  const [state, dispatch] = useReducer(runtimeReducer, boot, (b) =>
    initialRuntime(b, !startClosed),
  );
  const small = useSmallScreen() || device.viewport === "mobile";
  const launcherRef = useRef<HTMLButtonElement>(null);
  const timers = useRef(new Set<number>());

  // Effects report through an Effect Event; handlers call `onEvent` directly.
  const emit = useEffectEvent(onEvent);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const t of pending) window.clearTimeout(t);
      pending.clear();
    };
  }, []);

  function later(ms: number, fn: () => void) {
    const t = window.setTimeout(() => {
      timers.current.delete(t);
      fn();
    }, ms);
    timers.current.add(t);
  }

  // Report what changed to the host: storage (so it can keep per-device storage), sessions, the screen.
  const lastStorage = useRef<DeviceStorage>(mount.device.storage);
  useEffect(() => {
    if (sameStorage(state.storage, lastStorage.current)) return;
    lastStorage.current = state.storage;
    emit({ kind: "storage-changed", storage: { ...state.storage } });
  }, [state.storage]);

  const lastSessions = useRef<readonly PreviewSession[]>(boot.sessions);
  useEffect(() => {
    const changed = changedSessions(lastSessions.current, state.sessions);
    lastSessions.current = state.sessions;
    for (const session of changed) emit({ kind: "session-updated", session });
  }, [state.sessions]);

  const lastScreen = useRef<Screen | null>(null);
  useEffect(() => {
    if (state.screen === lastScreen.current) return;
    lastScreen.current = state.screen;
    emit({ kind: "screen-changed", screen: state.screen });
  }, [state.screen]);

  // A refused token this page load met at its first request (boot.ts) is reported once.
  useEffect(() => {
    if (boot.rejection) emit({ kind: "token-rejected", ...boot.rejection });
  }, [boot]);

  // The backend starts refusing the token in force while the widget runs (the host's
  // "The stored token is rejected"): v5 recovers a non-verified contact, anything else fails.
  const refused = isRejected(device, state.owner) && state.authFailure === null;
  useEffect(() => {
    if (!refused || !state.owner) return;
    const r = rejectToken(mount.config, device, state.owner, state.storage, device.sessions ?? []);
    if (r.outcome === "recovered") dispatch({ type: "token-recovered", ...r });
    else dispatch({ type: "auth-failed", reason: r.reason });
    emit({ kind: "token-rejected", outcome: r.outcome, reason: r.reason });
    // Only a newly refused token matters; the rest is read as it is at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refused]);

  // v5: a renewed token of the same owner reaches the same instance (widget-instance.ts) and is
  // swapped in place: the conversation stays and requests work again.
  const owner = state.owner;
  useEffect(() => {
    const token = device.contactToken;
    if (!token || owner?.contact.kind !== "verified" || owner.contact.token === token) return;
    dispatch({ type: "token-swapped", token });
  }, [device.contactToken, owner]);

  function handleSubmit(values: WelcomeFormValues) {
    const outcome = submitWelcome(mount.config, mount.device, values, mount.device.sessions ?? []);
    onEvent({ kind: "form-submitted", accepted: outcome.accepted, ...values });
    // A refused submit does nothing visible, like the widget's silent zod check.
    if (!outcome.accepted) return;
    dispatch({ type: "submit-start" });
    later(CONNECTING_MS, () => {
      dispatch({
        type: "contact-created",
        owner: outcome.owner,
        storage: outcome.storage,
        extraCollectedData: outcome.extraCollectedData,
      });
      later(SESSIONS_LATENCY_MS, () =>
        dispatch({ type: "sessions-loaded", sessions: outcome.sessions, screen: outcome.screen }),
      );
    });
  }

  function handleSend(typed: string) {
    const sent = visitorMessage(state, typed, randomId);
    if (!sent) return;
    const { session: updated, text, firstMessage } = sent;
    dispatch({ type: "user-message", session: updated });
    onEvent({ kind: "message-sent", sessionId: updated.id, text, firstMessage });
    later(REPLY_MS, () =>
      dispatch({
        type: "bot-message",
        sessionId: updated.id,
        message: { id: randomId("msg"), role: "bot", text: PREVIEW_BOT_REPLY },
      }),
    );
  }

  // Closing from inside the widget hands focus back to the trigger once it is shown again.
  const focusLauncher = useRef(false);
  useEffect(() => {
    if (state.open || !focusLauncher.current) return;
    focusLauncher.current = false;
    launcherRef.current?.focus();
  }, [state.open]);

  function close() {
    focusLauncher.current = true;
    dispatch({ type: "close" });
  }

  const title = config.orgName || "Chat";
  const look = replicaLook(config);
  const widgetToken = boot.load.widgetConfig.token;
  const onClose = small ? close : undefined;
  const active = activeSession(state);

  return (
    <>
      {state.authFailure && <AuthNote text={rejectionSentence(state.authFailure)} />}
      <div
        data-testid="preview.widget"
        data-widget-version={look.major}
        data-small={small ? "" : undefined}
        style={{
          ...(themeVariables(config.primaryColor) as React.CSSProperties),
          fontFamily: WIDGET_FONT_FAMILY,
        }}
        className="text-base"
        onKeyDown={(e) => {
          if (e.key === "Escape" && state.open) {
            e.stopPropagation();
            close();
          }
        }}
      >
        {/* Mounted from the start and only hidden while closed, like the widget's popover. */}
        <WidgetContainer
          id={CONTAINER_ID}
          screen={state.screen}
          small={small}
          open={state.open}
          motion={look.openMotion === "spring" ? "spring" : "ease"}
        >
          {state.screen === "welcome" && (
            <WelcomeScreen
              orgName={config.orgName}
              prefill={boot.form?.prefill ?? { name: "", email: "" }}
              extraFields={boot.form?.extraFields ?? []}
              submitting={state.submitting}
              widgetToken={widgetToken}
              onSubmit={handleSubmit}
              onClose={onClose}
            />
          )}
          {state.screen === "sessions" && (
            <SessionsScreen
              title={title}
              aiAssignee={look.aiAssignee}
              sessions={state.sessions}
              loading={state.sessionsLoading}
              widgetToken={widgetToken}
              onOpenSession={(id) => dispatch({ type: "open-chat", sessionId: id })}
              onNewConversation={() => dispatch({ type: "open-chat", sessionId: null })}
              onClose={onClose}
              focusOnMount={state.visitorNavigated}
            />
          )}
          {state.screen === "chat" && (
            <ChatScreen
              title={title}
              sendLabel={look.sendLabel}
              attachLabel={look.attachLabel}
              composer={look.composer}
              initialMessages={DEFAULT_INITIAL_MESSAGES}
              messages={active?.messages ?? []}
              typing={isTyping(state)}
              onSend={handleSend}
              onBack={() => dispatch({ type: "show-sessions" })}
              onClose={onClose}
              focusInput={state.visitorNavigated}
            />
          )}
        </WidgetContainer>
        {/* On small screens the open widget covers the page, trigger included. */}
        <Launcher
          ref={launcherRef}
          hidden={small && state.open}
          open={state.open}
          onToggle={() => dispatch({ type: "toggle" })}
          controls={CONTAINER_ID}
        />
      </div>
    </>
  );
}

/**
 * Says, on the preview page and outside the widget, that open.cx refuses the contact token and
 * the widget does not recover: what the real widget shows then is not documented, so the
 * replica only stops delivering messages.
 */
function AuthNote({ text }: { text: string }) {
  return (
    <p
      role="status"
      data-testid="preview.authNote"
      className="fixed top-5 left-5 max-w-[calc(100vw-40px)] rounded-md border border-red-300 bg-red-50 px-2.5 py-1.5 text-xs text-red-950 sm:max-w-sm"
    >
      <span className="font-semibold">Preview: open.cx answers 401 to this contact token.</span>{" "}
      {text}
    </p>
  );
}
