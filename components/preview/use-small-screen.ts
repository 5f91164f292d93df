"use client";

import { useSyncExternalStore } from "react";

/** The widget's small-screen rule: the (simulated) top window is narrower than 450px. */
const QUERY = "(max-width: 449.98px)";

/** One MediaQueryList per document: React reads the snapshot on every render of the widget. */
let list: MediaQueryList | undefined;
const media = () => (list ??= window.matchMedia(QUERY));

function subscribe(onChange: () => void): () => void {
  const query = media();
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

export function useSmallScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => media().matches,
    () => false,
  );
}
