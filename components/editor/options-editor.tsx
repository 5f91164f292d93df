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
 * The rules are the pure state machine in `lib/editor/sync-machine.ts`; `use-editor-sync.ts`
 * connects it to Monaco and the store. This file creates the editor and its keyboard exit.
 *
 * Loaded only when opened: this module, Monaco and `lib/import` are never in the first load.
 */
import { useEffect, useId, useRef, useState } from "react";
import { editorSource } from "@/lib/editor/source";
import { usePlayground, usePlaygroundStore } from "@/components/state/store-provider";
import {
  EDITOR_THEMES,
  getTypeScriptWorker,
  setUpMonaco,
  setWidgetTypes,
  type Monaco,
} from "./monaco";
import { useEditorSync } from "./use-editor-sync";

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
  const sync = useEditorSync();
  const { attach } = sync;
  const host = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const messageId = useId();
  const [ready, setReady] = useState(false);
  const [languageReady, setLanguageReady] = useState(false);
  // The declarations follow the widget version, so the editor flags options the version lacks.
  const widgetVersion = usePlayground((s) => s.config.widgetVersion);
  useEffect(() => {
    setUpMonaco();
    setWidgetTypes(widgetVersion);
  }, [widgetVersion]);

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

    const detach = attach(m, editor, model);
    let escapeArmed = false;

    // Escape, then Tab (or Shift+Tab), leaves the editor; Tab alone indents as in any code editor.
    const keyListener = editor.onKeyDown((e) => {
      if (e.keyCode === m.KeyCode.Escape) {
        escapeArmed = true;
        return;
      }
      if (e.keyCode === m.KeyCode.Tab && escapeArmed && !e.ctrlKey && !e.altKey && !e.metaKey) {
        escapeArmed = false;
        if (focusOutside(element, e.shiftKey)) {
          e.preventDefault();
          e.stopPropagation();
        }
        return;
      }
      if (e.keyCode !== m.KeyCode.Shift) escapeArmed = false;
    });
    const blurListener = editor.onDidBlurEditorText(() => {
      escapeArmed = false;
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
      detach();
      themeObserver.disconnect();
      keyListener.dispose();
      blurListener.dispose();
      editor.dispose();
      model.dispose();
    };
    // Created once per mount; the store (and so `attach`) is stable for the page's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const { status, conflict, problems, discard } = sync;
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
        data-state={status}
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
            : status === "pending"
              ? "Checking your edit…"
              : status === "invalid"
                ? `Not applied: ${errors.length === 1 ? "1 error" : `${errors.length} errors`}. The playground keeps its current options.`
                : status === "applied"
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
