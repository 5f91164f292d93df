"use client";

import { useSyncExternalStore } from "react";

/** The widget's small-screen rule: the (simulated) top window is narrower than 450px. */
const QUERY = "(max-width: 449.98px)";

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(QUERY);
  list.addEventListener("change", onChange);
  return () => list.removeEventListener("change", onChange);
}

export function useSmallScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
}
