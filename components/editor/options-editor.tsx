"use client";
/**
 * The options editor: the widget options of the current config as TypeScript, in Monaco.
 *
 * Two-way sync (the store stays the truth):
 * - a user edit is read back with `importSnippet` 300 ms after the last key; when it is valid
 *   the store takes the result, when it is not the store is left alone and the problems show
 *   as markers and in the message line;
 * - a change made elsewhere (the controls, a preset, an import) replaces only the changed span
 *   of the text, as one undoable edit, and keeps the cursor and selection on the same text;
 * - while the editor holds an edit the store does not reflect (not yet read, invalid, or with
 *   parts the playground cannot show), outside changes do not overwrite it: a notice offers to
 *   discard it instead.
 *
 * Loaded only when opened: this module, Monaco and `lib/import` are never in the first load.
 */
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { importSnippet, type ImportProblem } from "@/lib/import";
import { editorSource } from "@/lib/editor/source";
import { OPTION_KEYS, type PlaygroundConfig } from "@/lib/config/options";
import { mapOffset, minimalReplacement } from "@/lib/editor/text-diff";
import { useAnnounce } from "@/components/state/announcer";
import { usePlaygroundStore } from "@/components/state/store-provider";
import { EDITOR_THEMES, getTypeScriptWorker, setUpMonaco, type Monaco } from "./monaco";

/** Debounce between the last key and reading the text back into the store. */
export const EDIT_DEBOUNCE_MS = 300;
const IMPORT_MARKER_OWNER = "playground-import";

type EditorState =
  | { kind: "synced" }
  | { kind: "pending" }
  | { kind: "applied"; mapped: number; warnings: ImportProblem[] }
  | { kind: "invalid"; problems: ImportProblem[] };

interface Located extends ImportProblem {
  line: number | null;
  column: number | null;
}

function sameConfig(a: PlaygroundConfig, b: PlaygroundConfig): boolean {
  return OPTION_KEYS.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/** The Monaco theme for the page's resolved light/dark theme. */
function editorTheme(): string {
  return document.documentElement.dataset.theme === "dark"
    ? EDITOR_THEMES.dark
    : EDITOR_THEMES.light;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), iframe, [tabindex]:not([tabindex="-1"])';

/** The next (or previous) focusable element outside `container`, in document order. */
function focusOutside(container: HTMLElement, backwards: boolean): boolean {
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !container.contains(el) && el.getClientRects().length > 0 && !el.closest("[inert]"),
  );
  const after = all.filter(
    (el) => container.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
  const before = all.filter(
    (el) => container.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING,
  );
  const target = backwards ? before.at(-1) : after[0];
  target?.focus();
  return Boolean(target);
}

export interface OptionsEditorProps {
  /** Moves focus into the editor once it is ready (it was opened from the keyboard or a click). */
  autoFocus?: boolean;
  onClose: () => void;
}

export function OptionsEditor({ autoFocus = true, onClose }: OptionsEditorProps) {
  const store = usePlaygroundStore();
  const announce = useAnnounce();
  const host = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const messageId = useId();
  const [ready, setReady] = useState(false);
  const [languageReady, setLanguageReady] = useState(false);
  const [state, setState] = useState<EditorState>({ kind: "synced" });
  const [problems, setProblems] = useState<Located[]>([]);
  const [conflict, setConflict] = useState(false);
  // Set once the editor exists; the Discard button and the close path call into it.
  const discardRef = useRef<() => void>(() => {});

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const m: Monaco = setUpMonaco();
    const model = m.editor.createModel(
      editorSource(store.getState().config),
      "typescript",
      m.Uri.parse(`file:///playground/widget-options-${Date.now().toString(36)}.ts`),
    );
    const editor = m.editor.create(element, {
      model,
      theme: editorTheme(),
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      tabSize: 2,
      lineNumbersMinChars: 3,
      wordWrap: "on",
      fixedOverflowWidgets: true,
      ariaLabel: "Widget options as TypeScript. Press Escape, then Tab, to leave the editor.",
    });

    /** What the sync knows: the config the text was last read into or written from, etc. */
    const sync = {
      writing: false,
      timer: undefined as ReturnType<typeof setTimeout> | undefined,
      /** The store's config as the editor last saw or set it (identity). */
      config: store.getState().config,
      /** The text holds something the store does not show (unread, invalid, or with warnings). */
      diverged: false,
      wasValid: true,
      escapeArmed: false,
    };

    const locate = (list: ImportProblem[]): Located[] =>
      list.map((p) => {
        if (!p.range) return { ...p, line: null, column: null };
        const pos = model.getPositionAt(p.range.start);
        return { ...p, line: pos.lineNumber, column: pos.column };
      });

    const showProblems = (list: ImportProblem[]) => {
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
      setProblems(locate(list));
    };

    /** Reads the text back; applies it to the store when valid. */
    const read = () => {
      clearTimeout(sync.timer);
      sync.timer = undefined;
      const base = store.getState().config;
      const result = importSnippet(model.getValue(), base);
      showProblems(result.problems);
      const valid = result.ok && !result.problems.some((p) => p.severity === "error");
      if (!valid) {
        sync.diverged = true;
        setState({ kind: "invalid", problems: result.problems });
        if (sync.wasValid)
          announce("The options in the editor have an error: nothing was applied.");
        sync.wasValid = false;
        return;
      }
      const warnings = result.problems.filter((p) => p.severity === "warning");
      sync.diverged = warnings.length > 0;
      if (!sync.diverged) setConflict(false);
      if (!sameConfig(result.config, base)) {
        sync.config = result.config;
        store.getState().replaceConfig(result.config);
      } else {
        sync.config = base;
      }
      // Back to exactly the text the controls would give (e.g. after undo): simply in sync.
      const canonical =
        warnings.length === 0 && model.getValue() === editorSource(store.getState().config);
      setState(
        canonical
          ? { kind: "synced" }
          : { kind: "applied", mapped: result.mapped.length, warnings },
      );
      if (!sync.wasValid) announce("The options in the editor are valid again and were applied.");
      sync.wasValid = true;
    };

    /** Makes the text `editorSource(config)` with one minimal, undoable edit; the cursor stays on its text. */
    const write = (config: PlaygroundConfig) => {
      const before = model.getValue();
      const replacement = minimalReplacement(before, editorSource(config));
      clearTimeout(sync.timer);
      sync.timer = undefined;
      sync.config = config;
      sync.diverged = false;
      sync.wasValid = true;
      setConflict(false);
      m.editor.setModelMarkers(model, IMPORT_MARKER_OWNER, []);
      setProblems([]);
      setState({ kind: "synced" });
      if (!replacement) return;
      const selections = (editor.getSelections() ?? []).map((s) => ({
        anchor: model.getOffsetAt(s.getSelectionStart()),
        active: model.getOffsetAt(s.getPosition()),
      }));
      const range = m.Range.fromPositions(
        model.getPositionAt(replacement.start),
        model.getPositionAt(replacement.end),
      );
      sync.writing = true;
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
        sync.writing = false;
      }
    };
    discardRef.current = () => {
      write(store.getState().config);
      announce("Your edit was discarded: the editor shows the current options.");
      editor.focus();
    };

    const contentListener = model.onDidChangeContent(() => {
      if (sync.writing) return;
      sync.diverged = true;
      setState({ kind: "pending" });
      clearTimeout(sync.timer);
      sync.timer = setTimeout(read, EDIT_DEBOUNCE_MS);
    });

    const unsubscribe = store.subscribe((next, previous) => {
      if (next.config === previous.config || next.config === sync.config) return;
      if (sync.diverged) {
        setConflict(true);
        return;
      }
      write(next.config);
    });

    // Escape, then Tab (or Shift+Tab), leaves the editor; Tab alone indents as in any code editor.
    const keyListener = editor.onKeyDown((e) => {
      if (e.keyCode === m.KeyCode.Escape) {
        sync.escapeArmed = true;
        return;
      }
      if (
        e.keyCode === m.KeyCode.Tab &&
        sync.escapeArmed &&
        !e.ctrlKey &&
        !e.altKey &&
        !e.metaKey
      ) {
        sync.escapeArmed = false;
        if (focusOutside(element, e.shiftKey)) {
          e.preventDefault();
          e.stopPropagation();
        }
        return;
      }
      if (e.keyCode !== m.KeyCode.Shift) sync.escapeArmed = false;
    });
    const blurListener = editor.onDidBlurEditorText(() => {
      sync.escapeArmed = false;
    });

    // The description (key hint and current problems) for screen readers, on whatever element Monaco focuses.
    const input = element.querySelector<HTMLElement>("[role='textbox']");
    input?.setAttribute("aria-describedby", `${hintId} ${messageId}`);

    // Follow the page's light/dark theme.
    const themeObserver = new MutationObserver(() => m.editor.setTheme(editorTheme()));
    themeObserver.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ["data-theme"],
    });

    let disposed = false;
    setReady(true);
    if (autoFocus) editor.focus();
    // "Language ready": the TypeScript worker has answered once for this model (completion and
    // hover are then instant).
    void getTypeScriptWorker()
      .then((worker) => worker(model.uri))
      .then((client) => client.getSemanticDiagnostics(model.uri.toString()))
      .then(() => {
        if (!disposed) setLanguageReady(true);
      })
      .catch(() => {});

    return () => {
      disposed = true;
      // Closed within the debounce: a valid last edit still counts.
      if (sync.timer !== undefined) read();
      clearTimeout(sync.timer);
      themeObserver.disconnect();
      keyListener.dispose();
      blurListener.dispose();
      contentListener.dispose();
      unsubscribe();
      editor.dispose();
      model.dispose();
    };
    // Created once per mount; the store and announcer are stable for the page's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const discard = useCallback(() => discardRef.current(), []);
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.filter((p) => p.severity === "warning");

  return (
    <div
      className="flex flex-col gap-2 rounded-lg border border-(--cp-border) bg-(--cp-surface) p-2"
      data-testid="editor.panel"
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 className="text-sm font-semibold">Options as code</h3>
        <p id={hintId} className="text-xs text-(--cp-muted)" data-testid="editor.hint">
          Edits apply when valid. <kbd className="font-mono">Esc</kbd> then{" "}
          <kbd className="font-mono">Tab</kbd> leaves the editor.
        </p>
        <button
          type="button"
          onClick={onClose}
          className="ml-auto rounded-md px-2 py-0.5 text-xs font-medium text-(--cp-muted) hover:bg-(--cp-button-hover) hover:text-(--cp-text) focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-(--cp-focus)"
          data-testid="editor.close"
        >
          Close editor
        </button>
      </div>
      <div
        ref={host}
        className="h-72 min-w-0 overflow-hidden rounded-md border border-(--cp-border)"
        data-testid="editor.root"
        data-ready={ready ? "" : undefined}
        data-language-ready={languageReady ? "" : undefined}
        data-state={state.kind}
      />
      {conflict ? (
        <div
          className="flex flex-wrap items-center gap-2 rounded-md border border-amber-400 bg-amber-50 px-2 py-1.5 text-xs text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          data-testid="editor.conflict"
        >
          <span>
            The options were changed outside the editor while it holds your unapplied edit; the
            editor was not updated.
          </span>
          <button
            type="button"
            onClick={discard}
            className="rounded-md border border-amber-500 bg-white px-2 py-0.5 font-medium text-amber-950 hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 dark:bg-amber-900 dark:text-amber-50"
            data-testid="editor.discard"
          >
            Discard my edit
          </button>
        </div>
      ) : null}
      <div id={messageId} className="text-xs" data-testid="editor.message">
        <p
          className={
            errors.length > 0 ? "font-medium text-red-700 dark:text-red-400" : "text-(--cp-muted)"
          }
        >
          {!ready
            ? "Loading the editor…"
            : state.kind === "pending"
              ? "Checking your edit…"
              : state.kind === "invalid"
                ? `Not applied: ${errors.length === 1 ? "1 error" : `${errors.length} errors`}. The playground keeps its current options.`
                : state.kind === "applied"
                  ? `Applied to the playground${warnings.length > 0 ? `; ${warnings.length === 1 ? "1 part was" : `${warnings.length} parts were`} left out` : ""}.`
                  : "In sync with the controls."}
        </p>
        {problems.length > 0 ? (
          <ul className="mt-1 flex flex-col gap-0.5" data-testid="editor.problems">
            {problems.map((p, i) => (
              <li
                key={i}
                className={
                  p.severity === "error"
                    ? "text-red-700 dark:text-red-400"
                    : "text-amber-800 dark:text-amber-300"
                }
              >
                <span className="font-medium">{p.severity === "error" ? "Error" : "Left out"}</span>
                {p.line !== null ? ` (line ${p.line}, column ${p.column})` : ""}: {p.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
