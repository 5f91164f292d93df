"use client";
import { createContext, useContext, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import type { PlaygroundConfig } from "@/lib/config/options";
import type { SnippetTarget } from "@/lib/snippets/types";
import {
  createPlaygroundStore,
  type PlaygroundState,
  type PlaygroundStore,
} from "@/lib/state/store";

const StoreContext = createContext<PlaygroundStore | null>(null);

export function StoreProvider({
  initial,
  initialCodeTab = null,
  children,
}: {
  initial: PlaygroundConfig;
  /** The code tab the link asked for (`tab`); the first tab when absent. */
  initialCodeTab?: SnippetTarget | null;
  children: ReactNode;
}) {
  const [store] = useState(() => createPlaygroundStore(initial, initialCodeTab));
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function usePlaygroundStore(): PlaygroundStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error("usePlaygroundStore must be used inside <StoreProvider>.");
  return store;
}

/** Subscribe to the narrowest slice you need. */
export function usePlayground<T>(selector: (state: PlaygroundState) => T): T {
  return useStore(usePlaygroundStore(), selector);
}
