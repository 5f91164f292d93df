"use client";
import { usableConfig } from "@/lib/config/usable";
import type { PlaygroundConfig } from "@/lib/config/options";
import { usePlayground } from "./store-provider";

/**
 * The config everything that leaves the controls is made from (snippets, the
 * preview, the share link, embed code): what the user typed, minus values that
 * look like secrets and values the schema refuses (`lib/config/usable.ts`).
 * Stable per config object, so it re-renders only when the config changes.
 */
export function useUsableConfig(): PlaygroundConfig {
  return usePlayground((s) => usableConfig(s.config).config);
}
