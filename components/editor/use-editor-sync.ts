/**
 * The options editor's two-way sync with the store: connects a Monaco editor to the pure state
 * machine in `lib/editor/sync-machine.ts` (which holds the rules) and performs its effects: the
 * debounce, reading the text with `importSnippet`, markers, store updates, minimal rewrites that
 * keep the cursor in place, announcements.
 */
import { useCallback, useRef, useState } from "react";
import { importSnippet, type ImportProblem } from "@/lib/import";
import {
  initialSync,
  stepSync,
  type SyncEffect,
  type SyncEvent,
  type SyncStatus,
} from "@/lib/editor/sync-machine";
import { mapOffset, minimalReplacement } from "@/lib/editor/text-diff";
import { useAnnounce } from "@/components/state/announcer";
import { usePlaygroundStore } from "@/components/state/store-provider";
import type { Monaco } from "./monaco";

/** Debounce between the last key and reading the text back into the store. */
export const EDIT_DEBOUNCE_MS = 300;
const IMPORT_MARKER_OWNER = "playground-import";

type CodeEditor = ReturnType<Monaco["editor"]["create"]>;
type TextModel = ReturnType<Monaco["editor"]["createModel"]>;

/** A problem with its 1-based line and column in the text (null when it has no place). */
export interface LocatedProblem extends ImportProblem {
  line: number | null;
  column: number | null;
}

export interface EditorSync {
  status: SyncStatus;
  /** An outside change was not applied because the editor holds an unapplied edit. */
  conflict: boolean;
  problems: LocatedProblem[];
  /**
   * Connects the sync to a new editor and its model (opened on the store's current config);
   * returns the disconnect, which first reads an edit still within the debounce.
   */
  attach: (m: Monaco, editor: CodeEditor, model: TextModel) => () => void;
  /** Drops the held edit: the text becomes the store's options again. */
  discard: () => void;
}

export function useEditorSync(): EditorSync {
  const store = usePlaygroundStore();
  const announce = useAnnounce();
  const [status, setStatus] = useState<SyncStatus>("synced");
  const [conflict, setConflict] = useState(false);
  const [problems, setProblems] = useState<LocatedProblem[]>([]);
  // Set while an editor is attached.
  const dispatchRef = useRef<(event: SyncEvent) => void>(() => {});

  const attach = useCallback(
    (m: Monaco, editor: CodeEditor, model: TextModel) => {
      let state = initialSync(store.getState().config);
      let timer: ReturnType<typeof setTimeout> | undefined;
      /** True while the editor itself rewrites the text (not a user edit). */
      let writing = false;

      const showProblems = (list: readonly ImportProblem[]) => {
        m.editor.setModelMarkers(
          model,
          IMPORT_MARKER_OWNER,
          list.map((p) => {
            const start = model.getPositionAt(p.range?.start ?? 0);
            const end = model.getPositionAt(
              p.range ? Math.max(p.range.end, p.range.start + 1) : model.getValueLength(),
            );
            return {
              severity: p.severity === "error" ? m.MarkerSeverity.Error : m.MarkerSeverity.Warning,
              message: p.message,
              source: p.path || undefined,
              startLineNumber: start.lineNumber,
              startColumn: start.column,
              endLineNumber: end.lineNumber,
              endColumn: end.column,
            };
          }),
        );
        setProblems(
          list.map((p) => {
            if (!p.range) return { ...p, line: null, column: null };
            const pos = model.getPositionAt(p.range.start);
            return { ...p, line: pos.lineNumber, column: pos.column };
          }),
        );
      };

      /** Makes the text `text` with one minimal, undoable edit; the cursor stays on its text. */
      const writeText = (text: string) => {
        const replacement = minimalReplacement(model.getValue(), text);
        if (!replacement) return;
        const selections = (editor.getSelections() ?? []).map((s) => ({
          anchor: model.getOffsetAt(s.getSelectionStart()),
          active: model.getOffsetAt(s.getPosition()),
        }));
        const range = m.Range.fromPositions(
          model.getPositionAt(replacement.start),
          model.getPositionAt(replacement.end),
        );
        writing = true;
        try {
          editor.pushUndoStop();
          editor.executeEdits("playground", [{ range, text: replacement.text }], () =>
            selections.map(({ anchor, active }) => {
              const a = model.getPositionAt(mapOffset(anchor, replacement));
              const b = model.getPositionAt(mapOffset(active, replacement));
              return new m.Selection(a.lineNumber, a.column, b.lineNumber, b.column);
            }),
          );
          editor.pushUndoStop();
        } finally {
          writing = false;
        }
      };

      const perform = (effect: SyncEffect) => {
        switch (effect.type) {
          case "schedule-read":
            clearTimeout(timer);
            timer = setTimeout(read, EDIT_DEBOUNCE_MS);
            return;
          case "cancel-read":
            clearTimeout(timer);
            timer = undefined;
            return;
          case "show-problems":
            showProblems(effect.problems);
            return;
          case "apply":
            store.getState().replaceConfig(effect.config);
            return;
          case "write":
            writeText(effect.text);
            return;
          case "announce":
            announce(effect.message);
            return;
          case "focus":
            editor.focus();
            return;
        }
      };

      const dispatch = (event: SyncEvent) => {
        const step = stepSync(state, event);
        // Set before the effects run: applying to the store comes back as an `outside` event.
        state = step.state;
        setStatus(state.status);
        setConflict(state.conflict);
        for (const effect of step.effects) perform(effect);
      };

      function read() {
        const text = model.getValue();
        const base = store.getState().config;
        dispatch({ type: "read", text, base, result: importSnippet(text, base) });
      }

      const contentListener = model.onDidChangeContent(() => {
        if (!writing) dispatch({ type: "edit" });
      });
      const unsubscribe = store.subscribe((next, previous) => {
        if (next.config !== previous.config) dispatch({ type: "outside", config: next.config });
      });
      dispatchRef.current = dispatch;

      return () => {
        // Closed within the debounce: a valid last edit still counts.
        if (state.reading) read();
        clearTimeout(timer);
        contentListener.dispose();
        unsubscribe();
        dispatchRef.current = () => {};
      };
    },
    [store, announce],
  );

  const discard = useCallback(
    () => dispatchRef.current({ type: "discard", config: store.getState().config }),
    [store],
  );

  return { status, conflict, problems, attach, discard };
}
