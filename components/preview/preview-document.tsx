"use client";

/**
 * The preview iframe's side of the protocol (lib/preview/messages.ts): say
 * `preview:ready`, render each `preview:config` from its parent page, report events back.
 * The host validated the config (lib/preview/host-message.ts); a malformed message is
 * refused whole and the last good render stays.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { DEFAULT_CONFIG, type PlaygroundConfig } from "@/lib/config/options";
import type { PreviewDevice, PreviewEvent, PreviewToHostMessage } from "@/lib/preview/messages";
import {
  readTrustedHostMessage,
  SAME_TASK_RECEIVER,
  STANDALONE_DEVICE,
} from "@/lib/preview/host-message";
import { languageNote } from "@/lib/preview/language-note";
import { startsClosed, widgetInstanceKey } from "@/lib/preview/widget-instance";
import { LoadGate } from "./load-gate";
import { WidgetRuntime } from "./widget-runtime";

interface Shown {
  config: PlaygroundConfig;
  device: PreviewDevice;
  /** v5 replaced the widget for another owner's token: it starts closed. */
  startClosed?: boolean;
}

function inFrame(): boolean {
  return window.parent !== window;
}

function postToHost(message: PreviewToHostMessage) {
  if (inFrame()) window.parent.postMessage(message, window.location.origin);
}

export function PreviewDocument({ initialConfig }: { initialConfig: PlaygroundConfig | null }) {
  const [hydrated, setHydrated] = useState(false);
  const [shown, setShown] = useState<Shown | null>(
    initialConfig ? { config: initialConfig, device: STANDALONE_DEVICE } : null,
  );
  // The last page shown without a token pending: what a new user.token is compared with.
  const settled = useRef<Shown | null>(null);

  useEffect(() => {
    function onMessage(event: MessageEvent) {
      if (event.origin !== window.location.origin || event.source !== window.parent || !inFrame())
        return;
      receive(event.data);
    }
    function receive(data: unknown) {
      // Our own parent page: it validated the config before sending it (host-message.ts).
      const result = readTrustedHostMessage(data);
      if (!result.ok) {
        if (result.reason === "malformed") {
          postToHost({
            type: "preview:event",
            deviceId: null,
            visit: null,
            event: { kind: "config-rejected", issues: result.issues },
          });
        }
        return;
      }
      const { message } = result;
      if (message.type === "preview:hello") postToHost({ type: "preview:ready" });
      else {
        const next: Shown = { config: message.config, device: message.device };
        next.startClosed = startsClosed(settled.current, next);
        if (!next.device.tokenPending) settled.current = next;
        // Rendered in this task: the change shows in the frame the host's own commit is painted in.
        flushSync(() => setShown(next));
      }
    }
    window.addEventListener("message", onMessage);
    // The same-origin parent's same-task way in (see SAME_TASK_RECEIVER).
    const receivers = window as unknown as Record<string, unknown>;
    if (inFrame()) receivers[SAME_TASK_RECEIVER] = receive;
    setHydrated(true);
    if (inFrame()) postToHost({ type: "preview:ready" });
    // Opened on its own with no ?config: show the defaults rather than an empty page.
    else setShown((s) => s ?? { config: DEFAULT_CONFIG, device: STANDALONE_DEVICE });
    return () => {
      window.removeEventListener("message", onMessage);
      if (receivers[SAME_TASK_RECEIVER] === receive) delete receivers[SAME_TASK_RECEIVER];
    };
  }, []);

  const deviceId = shown?.device.deviceId ?? null;
  const visit = shown?.device.visit ?? null;
  const onEvent = useCallback(
    (event: PreviewEvent) => postToHost({ type: "preview:event", deviceId, visit, event }),
    [deviceId, visit],
  );

  return (
    // `data-ready`: hydrated and listening (tests wait for it before interacting).
    <main data-testid="preview.document" data-ready={hydrated ? "" : undefined}>
      <h1 className="sr-only">Widget preview</h1>
      <SitePlaceholder />
      <LanguageNote language={shown?.config.language ?? "en"} />
      {shown && (
        <LoadGate config={shown.config} device={shown.device}>
          <WidgetRuntime
            key={widgetInstanceKey(shown.config, shown.device)}
            config={shown.config}
            device={shown.device}
            onEvent={onEvent}
            startClosed={shown.startClosed}
          />
        </LoadGate>
      )}
    </main>
  );
}

/** A faint stand-in for the customer's page behind the widget. */
function SitePlaceholder() {
  return (
    <div aria-hidden="true" className="mx-auto flex max-w-3xl flex-col gap-4 p-8 opacity-60">
      <div className="h-6 w-40 rounded-full bg-neutral-200" />
      <div className="h-40 rounded-3xl bg-neutral-100" />
      <div className="h-3 w-3/4 rounded-full bg-neutral-100" />
      <div className="h-3 w-2/3 rounded-full bg-neutral-100" />
      <div className="h-3 w-1/2 rounded-full bg-neutral-100" />
    </div>
  );
}

/**
 * Says when the real widget would not be in English (lib/preview/language-note.ts),
 * beside the trigger, where the open window never reaches (it ends 86px above the
 * bottom). The live region is always there, so a change of language is announced.
 */
function LanguageNote({ language }: { language: string }) {
  const text = languageNote(language);
  return (
    <p
      role="status"
      data-testid="preview.languageNote"
      className={
        text
          ? "fixed bottom-5 left-5 max-w-[calc(100vw-112px)] rounded-md border border-amber-300 bg-amber-50 px-2.5 py-1.5 text-xs text-amber-950"
          : "sr-only"
      }
    >
      {text}
    </p>
  );
}
