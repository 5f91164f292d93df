"use client";
/**
 * Whether snippet lines wrap: a UI preference of this browser (never part of the config or the
 * share link), kept in localStorage under one key. Wrapping is the default, so no code hides
 * past the right edge until someone asks for long lines.
 */
import { useCallback, useSyncExternalStore } from "react";

export const CODE_WRAP_KEY = "playground.codeWrap";

const listeners = new Set<() => void>();

/** The last choice, for a browser that refuses storage. */
let fallback: boolean | undefined;

function read(): boolean {
  try {
    const stored = window.localStorage.getItem(CODE_WRAP_KEY);
    return stored === null ? (fallback ?? true) : stored !== "off";
  } catch {
    return fallback ?? true;
  }
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  const onStorage = (event: StorageEvent) => {
    if (event.key === CODE_WRAP_KEY || event.key === null) onChange();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onStorage);
  };
}

export function useCodeWrap(): [boolean, (wrap: boolean) => void] {
  const wrap = useSyncExternalStore(subscribe, read, () => true);
  const setWrap = useCallback((next: boolean) => {
    try {
      window.localStorage.setItem(CODE_WRAP_KEY, next ? "on" : "off");
    } catch {
      // Storage refused (private mode, quota): the choice holds for this page only.
    }
    fallback = next;
    for (const listener of listeners) listener();
  }, []);
  return [wrap, setWrap];
}
