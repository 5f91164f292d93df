"use client";
import { useEffect } from "react";
import { shareUrl } from "@/lib/url/codec";
import { usePlaygroundStore } from "./store-provider";

const DEBOUNCE_MS = 250;

/**
 * Projects the store into the address bar (non-default, non-secret values only)
 * with history.replaceState: no navigation, no history entry per keystroke.
 */
export function useUrlSync(): void {
  const store = usePlaygroundStore();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      const base = `${window.location.origin}${window.location.pathname}`;
      const next = shareUrl(base, store.getState().config);
      if (next !== window.location.href) window.history.replaceState(window.history.state, "", next);
    };
    const unsubscribe = store.subscribe((state, prev) => {
      if (state.config === prev.config) return;
      clearTimeout(timer);
      timer = setTimeout(write, DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store]);
}
