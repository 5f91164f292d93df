/**
 * The playground store: the config is the truth; everything shown is derived
 * from it. Created per mount (never at module level) and seeded from the URL
 * on the server so the first paint already shows the shared state.
 */
import { createStore } from "zustand/vanilla";
import { defaultConfig, type OptionKey, type PlaygroundConfig } from "@/lib/config/options";
import { findPreset } from "@/lib/config/presets";

export interface PlaygroundState {
  config: PlaygroundConfig;
  /** The state the page was opened with (from its link), for "reset to link". */
  openedWith: PlaygroundConfig;
  setOption: <K extends OptionKey>(key: K, value: PlaygroundConfig[K]) => void;
  replaceConfig: (config: PlaygroundConfig) => void;
  applyPreset: (id: string) => void;
  resetToDefaults: () => void;
  resetToOpened: () => void;
}

export type PlaygroundStore = ReturnType<typeof createPlaygroundStore>;

export function createPlaygroundStore(initial: PlaygroundConfig) {
  return createStore<PlaygroundState>()((set) => ({
    config: initial,
    openedWith: initial,
    setOption: (key, value) => set((s) => ({ config: { ...s.config, [key]: value } })),
    replaceConfig: (config) => set({ config }),
    applyPreset: (id) =>
      set((s) => {
        const preset = findPreset(id);
        if (!preset) return s;
        // Secrets and appearance survive a preset: they are the user's, not the preset's.
        const base = defaultConfig();
        return {
          config: {
            ...base,
            widgetToken: s.config.widgetToken,
            apiKey: s.config.apiKey,
            primaryColor: s.config.primaryColor,
            language: s.config.language,
            orgName: s.config.orgName,
            ...preset.values,
          },
        };
      }),
    resetToDefaults: () => set({ config: defaultConfig() }),
    resetToOpened: () => set((s) => ({ config: s.openedWith })),
  }));
}
