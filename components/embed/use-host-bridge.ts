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

    // Heights are reported once the layout has settled: after hydration (this effect), once the
    // web fonts are in, and never while a panel shows its loading placeholder (aria-busy), so
    // the host sees no transient heights (issue 12: 2047 → 147 → 2047 px).
    let lastHeight = -1;
    let fontsReady = false;
    let busyRetry: ReturnType<typeof setTimeout> | undefined;
    const report = (force = false) => {
      const element = root.current;
      if (!element || !fontsReady) return;
      clearTimeout(busyRetry);
      if (element.querySelector('[aria-busy="true"]')) {
        // The panel that replaces the placeholder resizes the root, which reports again; this is in case it does not.
        busyRetry = setTimeout(() => report(force), 250);
        return;
      }
      const height = heightMessage(element.getBoundingClientRect().height);
      if (!force && height.height === lastHeight) return;
      lastHeight = height.height;
      post(height);
    };
    // ResizeObserver batches per rendering frame, so there is at most one message per frame.
    const observer = new ResizeObserver(() => report());
    if (root.current) observer.observe(root.current);
    let live = true;
    void document.fonts.ready.then(() => {
      if (!live) return;
      fontsReady = true;
      report(true);
    });

    // The host's theme, when the boot script (lib/embed/theme.ts) already has it from the URL or a message.
    const booted = document.documentElement.dataset.hostTheme;
    let hostTheme: HostTheme | null =
      theme === "auto" && (booted === "light" || booted === "dark") ? booted : null;
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
        document.documentElement.dataset.hostTheme = hostTheme;
        applyTheme(hostTheme);
      }
    };
    window.addEventListener("message", onMessage);

    // The first height goes out once the fonts are in (above); none can be sent before.
    post(READY_MESSAGE);
    return () => {
      live = false;
      clearTimeout(busyRetry);
      observer.disconnect();
      media.removeEventListener("change", followSystem);
      window.removeEventListener("message", onMessage);
    };
  }, [root, theme]);
}
