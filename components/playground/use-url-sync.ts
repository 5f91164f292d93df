"use client";
import { useEffect } from "react";
import type { PlaygroundConfig } from "@/lib/config/options";
import type { SnippetTarget } from "@/lib/snippets/types";
import { playgroundUrl } from "@/lib/url/tab";
import { useAnnounce } from "@/components/state/announcer";
import { usePlaygroundStore } from "@/components/state/store-provider";

const DEBOUNCE_MS = 250;

/** The key of this page's entry id in `history.state` (beside Next's own keys). */
const ENTRY_KEY = "playgroundEntry";

const readEntry = (state: unknown): string | null => {
  const value =
    state && typeof state === "object" ? (state as Record<string, unknown>)[ENTRY_KEY] : undefined;
  return typeof value === "string" ? value : null;
};

const urlOf = (config: PlaygroundConfig, codeTab: SnippetTarget | null) =>
  playgroundUrl(`${window.location.origin}${window.location.pathname}`, config, codeTab);

/**
 * Projects the store into the address bar (non-default, non-secret values only, and the code
 * tab shown when it is not the first) with history.replaceState: no navigation, no history
 * entry per keystroke. A tab change is not a step of its own in the history.
 *
 * A Reset, "Reset to opened link" or preset (a new `lastReplacement` in the
 * store) is a step of its own: the current entry gets the config before it and
 * a new entry (history.pushState) the config after, so the browser's Back
 * returns to the earlier state instead of leaving the app, and Forward redoes
 * it. The exact config of each entry (secrets included) is kept in memory by an
 * entry id; history.state holds only that id, never a value. An entry this page
 * does not remember whose link shows another state is loaded from the server.
 */
export function useUrlSync(): void {
  const store = usePlaygroundStore();
  const announce = useAnnounce();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Ids are per mount, so an id from an earlier page load is never mistaken for one of ours.
    const prefix = `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}.`;
    let counter = 0;
    const newEntry = () => `${prefix}${counter++}`;
    const remembered = new Map<string, PlaygroundConfig>();
    // This entry's id: given in history.state at the first step (a Reset or preset).
    let current = newEntry();

    const tab = () => store.getState().codeTab;
    const write = () => {
      const next = urlOf(store.getState().config, tab());
      if (next !== window.location.href)
        window.history.replaceState(window.history.state, "", next);
    };
    const unsubscribe = store.subscribe((state, prev) => {
      if (state.config === prev.config && state.codeTab === prev.codeTab) return;
      clearTimeout(timer);
      const step = state.lastReplacement;
      if (step && step !== prev.lastReplacement && step.applied === state.config) {
        // The entry we leave shows (and remembers) the config before the step.
        remembered.set(current, step.previous);
        window.history.replaceState(
          { ...window.history.state, [ENTRY_KEY]: current },
          "",
          urlOf(step.previous, tab()),
        );
        current = newEntry();
        remembered.set(current, step.applied);
        window.history.pushState({ [ENTRY_KEY]: current }, "", urlOf(step.applied, tab()));
        return;
      }
      timer = setTimeout(write, DEBOUNCE_MS);
    });

    const onPopState = (event: PopStateEvent) => {
      clearTimeout(timer);
      const now = store.getState().config;
      remembered.set(current, now);
      const entry = readEntry(event.state);
      const config = entry === null ? undefined : remembered.get(entry);
      if (entry === null || config === undefined) {
        // Not an entry of ours (a fragment link, say). When its link shows another
        // state, load it as the server would (the codec's decoder stays out of the
        // first load); otherwise it is this state, now under a new id.
        const here = `${window.location.origin}${window.location.pathname}${window.location.search}`;
        if (urlOf(now, tab()) !== here) {
          window.location.reload();
          return;
        }
        current = newEntry();
        remembered.set(current, now);
        window.history.replaceState(
          { ...window.history.state, [ENTRY_KEY]: current },
          "",
          window.location.href,
        );
        return;
      }
      current = entry;
      if (config !== now) {
        store.getState().replaceConfig(config);
        announce("Settings restored from the browser history.");
      }
    };
    window.addEventListener("popstate", onPopState);
    return () => {
      clearTimeout(timer);
      unsubscribe();
      window.removeEventListener("popstate", onPopState);
    };
  }, [store, announce]);
}
