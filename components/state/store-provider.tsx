"use client";
import { createContext, useContext, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import type { PlaygroundConfig } from "@/lib/config/options";
import {
  createPlaygroundStore,
  type PlaygroundState,
  type PlaygroundStore,
} from "@/lib/state/store";

const StoreContext = createContext<PlaygroundStore | null>(null);

export function StoreProvider({
  initial,
  children,
}: {
  initial: PlaygroundConfig;
  children: ReactNode;
}) {
  const [store] = useState(() => createPlaygroundStore(initial));
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
