/**
 * The options editor's two-way sync with the store, as a pure state machine: the editor
 * (`components/editor/use-editor-sync.ts`) feeds it events and performs the effects it returns.
 * The store stays the truth.
 *
 * - A user edit starts (or restarts) the debounce; when it fires, the text is read back with
 *   `importSnippet`. A valid result goes to the store; an invalid one leaves the store alone and
 *   its problems show as markers and in the message line.
 * - A change made elsewhere (the controls, a preset, an import) rewrites the text to
 *   `editorSource` of the new config, as one minimal replacement.
 * - While the text holds an edit the store does not reflect (not yet read, invalid, or with parts
 *   the playground cannot show: `held`), an outside change never overwrites it: `conflict` is
 *   raised instead, and the user may discard the edit, which rewrites the text from the store.
 */
import { OPTION_KEYS, type PlaygroundConfig } from "../config/options";
import type { ImportProblem, ImportResult } from "../import";
import { editorSource } from "./source";

/** What the message line says (and the editor's `data-state`). */
export type SyncStatus = "synced" | "pending" | "applied" | "invalid";

export interface SyncState {
  status: SyncStatus;
  /** The text holds an edit the store does not show: not yet read, invalid, or with parts left out. */
  held: boolean;
  /** An outside change arrived while an edit was held, and the text was left as it is. */
  conflict: boolean;
  /** A read is scheduled: the debounce is running. */
  reading: boolean;
  /** The last read was valid (each change between valid and invalid is announced once). */
  valid: boolean;
  /** The store's config as the editor last read it into or wrote it from (compared by identity). */
  seen: PlaygroundConfig;
}

export type SyncEvent =
  /** The user changed the text. */
  | { type: "edit" }
  /** The debounce fired (or the editor closed within it): `result` is `importSnippet(text, base)`, `base` the store's config. */
  | { type: "read"; text: string; base: PlaygroundConfig; result: ImportResult }
  /** The store's config changed. */
  | { type: "outside"; config: PlaygroundConfig }
  /** The user discards the held edit; `config` is the store's. */
  | { type: "discard"; config: PlaygroundConfig };

export type SyncEffect =
  /** (Re)start the debounce; when it fires, send a `read`. */
  | { type: "schedule-read" }
  | { type: "cancel-read" }
  /** Show these problems as markers and in the list (none: clear them). */
  | { type: "show-problems"; problems: readonly ImportProblem[] }
  /** Put this config in the store. */
  | { type: "apply"; config: PlaygroundConfig }
  /** Make the text exactly this, with one minimal, undoable replacement that keeps the cursor on its text. */
  | { type: "write"; text: string }
  | { type: "announce"; message: string }
  | { type: "focus" };

export interface SyncStep {
  state: SyncState;
  effects: SyncEffect[];
}

export const SYNC_MESSAGES = {
  invalid: "The options in the editor have an error: nothing was applied.",
  validAgain: "The options in the editor are valid again and were applied.",
  discarded: "Your edit was discarded: the editor shows the current options.",
} as const;

/** The editor opened on `config`: its text is `editorSource(config)`. */
export function initialSync(config: PlaygroundConfig): SyncState {
  return {
    status: "synced",
    held: false,
    conflict: false,
    reading: false,
    valid: true,
    seen: config,
  };
}

/** The same option values (a new object with equal values counts as the same). */
export function sameConfig(a: PlaygroundConfig, b: PlaygroundConfig): boolean {
  return OPTION_KEYS.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/** The text becomes `editorSource(config)`; nothing is held any more. */
function write(config: PlaygroundConfig): SyncStep {
  return {
    state: initialSync(config),
    effects: [
      { type: "cancel-read" },
      { type: "show-problems", problems: [] },
      { type: "write", text: editorSource(config) },
    ],
  };
}

function read(state: SyncState, event: Extract<SyncEvent, { type: "read" }>): SyncStep {
  const { text, base, result } = event;
  const effects: SyncEffect[] = [
    { type: "cancel-read" },
    { type: "show-problems", problems: result.problems },
  ];
  const valid = result.ok && !result.problems.some((p) => p.severity === "error");
  if (!valid) {
    if (state.valid) effects.push({ type: "announce", message: SYNC_MESSAGES.invalid });
    return {
      state: { ...state, status: "invalid", held: true, reading: false, valid: false },
      effects,
    };
  }
  const held = result.problems.some((p) => p.severity === "warning");
  const changed = !sameConfig(result.config, base);
  const seen = changed ? result.config : base;
  if (changed) effects.push({ type: "apply", config: result.config });
  if (!state.valid) effects.push({ type: "announce", message: SYNC_MESSAGES.validAgain });
  // Back to exactly the text the controls would give (e.g. after undo): simply in sync.
  const canonical = !held && text === editorSource(seen);
  return {
    state: {
      status: canonical ? "synced" : "applied",
      held,
      conflict: held && state.conflict,
      reading: false,
      valid: true,
      seen,
    },
    effects,
  };
}

/** The next state and the effects to perform, in order. */
export function stepSync(state: SyncState, event: SyncEvent): SyncStep {
  switch (event.type) {
    case "edit":
      return {
        state: { ...state, status: "pending", held: true, reading: true },
        effects: [{ type: "schedule-read" }],
      };
    case "read":
      return read(state, event);
    case "outside":
      // The editor's own write to the store comes back here: nothing to do.
      if (event.config === state.seen) return { state, effects: [] };
      if (state.held) return { state: { ...state, conflict: true }, effects: [] };
      return write(event.config);
    case "discard": {
      const step = write(event.config);
      step.effects.push({ type: "announce", message: SYNC_MESSAGES.discarded }, { type: "focus" });
      return step;
    }
  }
}
