"use client";

/**
 * The host's side of the preview protocol: an iframe on /preview that gets the
 * current config and device whenever it says `preview:ready` and whenever they
 * change, and hands the preview's events to `onEvent`. A stable `device` object
 * avoids re-sending it on every render (the pane keeps it in lib/preview/devices.ts).
 */
import { useEffect, useEffectEvent, useRef, useState } from "react";
import type { PlaygroundConfig } from "@/lib/config/options";
import {
  type HostToPreviewMessage,
  isPreviewToHostMessage,
  type PreviewDevice,
  type PreviewToHostMessage,
} from "@/lib/preview/messages";
import { SAME_TASK_RECEIVER } from "@/lib/preview/host-message";

export const PREVIEW_PATH = "/preview";

export interface PreviewFrameProps {
  config: PlaygroundConfig;
  device: PreviewDevice;
  onEvent?: (message: Extract<PreviewToHostMessage, { type: "preview:event" }>) => void;
  title?: string;
  className?: string;
}

export function PreviewFrame({
  config,
  device,
  onEvent,
  title = "Widget preview",
  className,
}: PreviewFrameProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  // Bumped on every `preview:ready` (first load and any reload of the iframe).
  const [readyCount, setReadyCount] = useState(0);
  const handleEvent = useEffectEvent(
    (message: Extract<PreviewToHostMessage, { type: "preview:event" }>) => onEvent?.(message),
  );

  useEffect(() => {
    function onMessage(event: MessageEvent) {
      const win = frame.current?.contentWindow;
      if (!win || event.source !== win || event.origin !== window.location.origin) return;
      if (!isPreviewToHostMessage(event.data)) return;
      if (event.data.type === "preview:ready") setReadyCount((n) => n + 1);
      else handleEvent(event.data);
    }
    window.addEventListener("message", onMessage);
    // The iframe may have said ready before this page hydrated: ask again.
    const hello: HostToPreviewMessage = { type: "preview:hello" };
    frame.current?.contentWindow?.postMessage(hello, window.location.origin);
    return () => window.removeEventListener("message", onMessage);
  }, []);

  useEffect(() => {
    const win = frame.current?.contentWindow;
    if (readyCount === 0 || !win) return;
    const message: HostToPreviewMessage = { type: "preview:config", config, device };
    // In this task when the iframe offers it, so the code and the preview change in one frame.
    if (!deliverNow(win, message)) win.postMessage(message, window.location.origin);
  }, [readyCount, config, device]);

  return <iframe ref={frame} src={PREVIEW_PATH} title={title} className={className} />;
}

/** Hands `message` to the iframe's same-task receiver; false when it has none (not loaded yet). */
function deliverNow(win: Window, message: HostToPreviewMessage): boolean {
  try {
    const receive = (win as unknown as Record<string, unknown>)[SAME_TASK_RECEIVER];
    if (typeof receive !== "function") return false;
    (receive as (data: unknown) => void)(message);
    return true;
  } catch {
    // Another origin's document (never ours) or a receiver that failed: the message still goes.
    return false;
  }
}
