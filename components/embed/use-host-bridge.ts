"use client";
import { useEffect, type RefObject } from "react";
import {
  READY_MESSAGE,
  heightMessage,
  isHostToEmbedMessage,
  parentTargetOrigin,
  type EmbedToHostMessage,
  type HostTheme,
} from "@/lib/embed/messages";
import type { EmbedTheme } from "@/lib/embed/options";

function applyTheme(theme: HostTheme) {
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
}

/**
 * The embed's side of the host protocol (`lib/embed/messages.ts`):
 * says `ready`, reports the height of `root` whenever it changes, answers a
 * late host script's `hello`, and, for `theme=auto`, follows the host's
 * `theme` message, or the system preference until one arrives.
 * Outside a frame it only follows the system preference.
 */
export function useHostBridge(root: RefObject<HTMLElement | null>, theme: EmbedTheme): void {
  useEffect(() => {
    const framed = window.parent !== window;
    // Firefox has no ancestorOrigins; the referrer is the parent page for a freshly loaded frame.
    const ancestors = window.location.ancestorOrigins as DOMStringList | undefined;
    const target = parentTargetOrigin(ancestors?.[0], document.referrer);
    const post = (message: EmbedToHostMessage) => {
      if (framed) window.parent.postMessage(message, target);
    };

    let lastHeight = -1;
    const report = (force = false) => {
      const element = root.current;
      if (!element) return;
      const height = heightMessage(element.getBoundingClientRect().height);
      if (!force && height.height === lastHeight) return;
      lastHeight = height.height;
      post(height);
    };
    // ResizeObserver batches per rendering frame, so there is at most one message per frame.
    const observer = new ResizeObserver(() => report());
    if (root.current) observer.observe(root.current);

    let hostTheme: HostTheme | null = null;
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const followSystem = () => {
      if (theme === "auto" && hostTheme === null) applyTheme(media.matches ? "dark" : "light");
    };
    media.addEventListener("change", followSystem);

    const onMessage = (event: MessageEvent) => {
      // Only the page that frames this one; any origin, since these messages can only
      // recolour the embed or ask for its height (see lib/embed/messages.ts).
      if (!framed || event.source !== window.parent) return;
      if (!isHostToEmbedMessage(event.data)) return;
      if (event.data.type === "opencx-playground:hello") {
        post(READY_MESSAGE);
        report(true);
      } else if (theme === "auto") {
        hostTheme = event.data.theme;
        applyTheme(hostTheme);
      }
    };
    window.addEventListener("message", onMessage);

    post(READY_MESSAGE);
    report(true);
    return () => {
      observer.disconnect();
      media.removeEventListener("change", followSystem);
      window.removeEventListener("message", onMessage);
    };
  }, [root, theme]);
}
