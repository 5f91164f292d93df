/**
 * The playground store: the config is the truth; everything shown is derived
 * from it. Created per mount (never at module level) and seeded from the URL
 * on the server so the first paint already shows the shared state.
 */
import { createStore } from "zustand/vanilla";
import { defaultConfig, type OptionKey, type PlaygroundConfig } from "@/lib/config/options";
import { findPreset, sameConfig, withPresetValues } from "@/lib/config/presets";
import { WIDGET_MAJOR_INFO, WIDGET_PINS, type WidgetMajor } from "@/lib/config/versions";
import type { SnippetTarget } from "@/lib/snippets/types";

/**
 * The widget options personal connections need on the front end (domain-v5.md §10.5: a token
 * minted with `mcp_access` works only with `streaming: true` and `capabilities.connections: true`).
 */
export const PERSONAL_CONNECTIONS_NEED = ["streaming", "capabilitiesConnections"] as const;

/** "Widget v5 (5.0.0)". */
export const versionName = (major: WidgetMajor) =>
  `widget ${WIDGET_MAJOR_INFO[major].label} (${WIDGET_PINS[major]})`;

/**
 * A whole-config replacement the user can take back: Reset, "Reset to opened
 * link" or a preset. Undo is offered while the config is still `applied`
 * (compared by identity), so any later change ends the offer; `previous` is
 * the exact config before (secrets included: it lives in memory only).
 */
export interface Replacement {
  /** What happened, as a sentence: shown beside Undo and announced. */
  message: string;
  previous: PlaygroundConfig;
  applied: PlaygroundConfig;
}

export interface PlaygroundState {
  config: PlaygroundConfig;
  /** The state the page was opened with (from its link), for "reset to link". */
  openedWith: PlaygroundConfig;
  /** The last Reset or preset, while it can be undone (see `undoable`); `null` when there is none. */
  lastReplacement: Replacement | null;
  /**
   * The code tab the reader chose (from the link or a click), kept while the config does not
   * offer it (a server tab under another model): the first tab shows until it exists again.
   * `null`: the first tab. Not a setting: presets, Reset and Undo leave it alone.
   */
  codeTab: SnippetTarget | null;
  setCodeTab: (target: SnippetTarget) => void;
  setOption: <K extends OptionKey>(key: K, value: PlaygroundConfig[K]) => void;
  replaceConfig: (config: PlaygroundConfig) => void;
  /**
   * Turns personal connections on or off. Turning it on also turns on what it needs
   * (`PERSONAL_CONNECTIONS_NEED`) and returns the keys it switched on, for the announcement;
   * turning it off leaves them as they are (an advisory covers turning them off later).
   */
  setPersonalConnections: (on: boolean) => OptionKey[];
  /**
   * Switches to another widget major as a replacement Undo can take back (the note of a link
   * made for v4 offers it). Every other setting is kept: the version is one field of the config.
   */
  switchVersion: (major: WidgetMajor) => void;
  applyPreset: (id: string) => void;
  resetToDefaults: () => void;
  resetToOpened: () => void;
  /** Back to the config before the last Reset or preset, if nothing changed since. */
  undoReplacement: () => void;
}

/** The replacement Undo can take back now: the last one, while the config is still what it applied. */
export function undoable(
  state: Pick<PlaygroundState, "config" | "lastReplacement">,
): Replacement | null {
  const r = state.lastReplacement;
  return r && r.applied === state.config ? r : null;
}

export type PlaygroundStore = ReturnType<typeof createPlaygroundStore>;

export function createPlaygroundStore(
  initial: PlaygroundConfig,
  initialCodeTab: SnippetTarget | null = null,
) {
  return createStore<PlaygroundState>()((set) => {
    /** Replaces the config, remembering what it was; a replacement that changes nothing is not recorded. */
    const replaceWithUndo = (
      s: PlaygroundState,
      applied: PlaygroundConfig,
      message: string,
    ): Partial<PlaygroundState> =>
      sameConfig(applied, s.config)
        ? s
        : { config: applied, lastReplacement: { message, previous: s.config, applied } };
    return {
      config: initial,
      openedWith: initial,
      lastReplacement: null,
      codeTab: initialCodeTab,
      setCodeTab: (target) => set({ codeTab: target }),
      setOption: (key, value) => set((s) => ({ config: { ...s.config, [key]: value } })),
      replaceConfig: (config) => set({ config }),
      setPersonalConnections: (on) => {
        let switched: OptionKey[] = [];
        set((s) => {
          const turnedOn = on ? PERSONAL_CONNECTIONS_NEED.filter((key) => !s.config[key]) : [];
          switched = turnedOn;
          const extra = Object.fromEntries(turnedOn.map((key) => [key, true]));
          return { config: { ...s.config, personalConnections: on, ...extra } };
        });
        return switched;
      },
      switchVersion: (major) =>
        set((s) =>
          replaceWithUndo(
            s,
            { ...s.config, widgetVersion: major },
            `Switched to ${versionName(major)}; every other setting is kept.`,
          ),
        ),
      applyPreset: (id) =>
        set((s) => {
          const preset = findPreset(id);
          if (!preset) return s;
          // Secrets and appearance survive a preset: they are the user's, not the preset's.
          return replaceWithUndo(
            s,
            withPresetValues(s.config, preset),
            `Preset applied: ${preset.label}.`,
          );
        }),
      resetToDefaults: () =>
        set((s) => replaceWithUndo(s, defaultConfig(), "Reset to the defaults.")),
      resetToOpened: () =>
        set((s) =>
          replaceWithUndo(
            s,
            structuredClone(s.openedWith),
            "Back to the state this page was opened with.",
          ),
        ),
      undoReplacement: () =>
        set((s) => {
          const r = undoable(s);
          return r ? { config: r.previous, lastReplacement: null } : s;
        }),
    };
  });
}
