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
import type { DeviceStorage, Screen } from "@/lib/identity";
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
import { bootWidget, submitWelcome } from "@/lib/preview/boot";
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
}

export function WidgetRuntime({ config, device, onEvent }: WidgetRuntimeProps) {
  // The page load this instance belongs to: identity is read from it once, as the widget does.
  const [mount] = useState(() => ({ config, device, boot: bootWidget(config, device) }));
  const { boot } = mount;

  const [state, dispatch] = useReducer(runtimeReducer, boot, initialRuntime);
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
  const widgetToken = boot.load.widgetConfig.token;
  const onClose = small ? close : undefined;
  const active = activeSession(state);

  return (
    <div
      data-testid="preview.widget"
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
      <WidgetContainer id={CONTAINER_ID} screen={state.screen} small={small} open={state.open}>
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
  );
}
