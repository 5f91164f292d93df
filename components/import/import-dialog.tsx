"use client";
/**
 * "Import snippet…": paste an options object, an HTML embed snippet or a React component as
 * people have them; it is parsed (never run), mapped onto the config, and the dialog lists
 * what was taken and what was not before anything changes. Apply replaces the config; the
 * caller offers Undo afterwards.
 *
 * The snippet's version comes from its pin (lib/import/version.ts). When it is not the version
 * the playground is on, the dialog says so and offers both: apply as the snippet's version, or
 * keep the current one (the report shows what each choice imports). Values the other version
 * cannot express stay in the config either way.
 *
 * A modal <dialog>: focus moves in, Escape closes it, focus returns to the opening button.
 * Loaded on demand with `lib/import` (and its parsers), never in the first load.
 */
import { useEffect, useId, useRef, useState } from "react";
import { importSnippet, settingsSummary, type ImportKind, type ImportResult } from "@/lib/import";
import { lineColumn } from "@/lib/import/line-column";
import type { PlaygroundConfig } from "@/lib/config/options";
import { WIDGET_MAJOR_INFO, WIDGET_PINS, type WidgetMajor } from "@/lib/config/versions";
import { useDialogStatus } from "@/components/state/announcer";
import { usePlaygroundStore } from "@/components/state/store-provider";
import { buttonClass, dialogPanelClass } from "@/components/ui/button-styles";

const KIND_LABELS: Record<ImportKind, string> = {
  options: "an options object",
  html: "an HTML embed snippet",
  react: "a React component",
  vue: "a Vue component",
  nuxt: "a Nuxt plugin",
  svelte: "a Svelte component",
  angular: "an Angular component",
  script: "server code",
};

const button = `${buttonClass.secondary} ${buttonClass.disabled}`;

export interface ImportApplied {
  previous: PlaygroundConfig;
  applied: PlaygroundConfig;
  summary: string;
}

const versionLabel = (major: WidgetMajor) => WIDGET_MAJOR_INFO[major].label;

/** What the text was read as, per version it can be applied as. */
interface Read {
  text: string;
  /** The import as the text's own version (or the current one when no pin names a version). */
  result: ImportResult;
  /** Set when the pin names another version than the playground's: the import as the current one. */
  keep: ImportResult | null;
}

/** "v4 (pinned to 4.0.57)" / "v5 (by its version range)". */
function snippetVersionText(result: ImportResult): string {
  const { snippet, pin } = result.version;
  if (!snippet) return "";
  return `${versionLabel(snippet)} (${pin ? `pinned to ${pin}` : "by its version range"})`;
}

/** A sentence plus, when the import turned lifecycle switches off, which ones and why. */
function withSettings(sentence: string, result: ImportResult): string {
  const settings = settingsSummary(result.settings);
  return settings ? `${sentence} ${settings}` : sentence;
}

function readSummary(result: ImportResult): string {
  const left = result.problems.length;
  if (!result.ok)
    return `Nothing could be imported. ${left === 1 ? "1 problem" : `${left} problems`} listed below.`;
  const read = `Read ${result.kind ? KIND_LABELS[result.kind] : "the text"} as ${versionLabel(result.version.applied)}: ${result.mapped.length} ${result.mapped.length === 1 ? "option" : "options"} can be applied, ${left} not mapped.`;
  return withSettings(read, result);
}

/** "line 3, column 7" for a UTF-16 offset, for the "not mapped" list. */
function place(text: string, offset: number): string {
  const { line, column } = lineColumn(text, offset);
  return `line ${line}, column ${column}`;
}

export function ImportDialog({
  onClose,
  onApplied,
}: {
  onClose: () => void;
  onApplied: (result: ImportApplied) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const textId = useId();
  const store = usePlaygroundStore();
  const [text, setText] = useState("");
  const [read, setRead] = useState<Read | null>(null);
  /** Which version to apply as, when the snippet's differs from the playground's. */
  const [applyAs, setApplyAs] = useState<"snippet" | "current">("snippet");
  const [status, say] = useDialogStatus();
  const versionNoteId = useId();

  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // Straight to the box the dialog is for (showModal focuses the first button).
    textarea.current?.focus();
  }, []);

  const onImport = () => {
    const base = store.getState().config;
    const result = importSnippet(text, base);
    const other = result.ok && result.version.applied !== base.widgetVersion;
    const keep = other ? importSnippet(text, base, { as: base.widgetVersion }) : null;
    setRead({ text, result, keep });
    setApplyAs("snippet");
    if (!keep) {
      say(`${readSummary(result)}${result.ok ? " Review, then Apply." : ""}`);
      return;
    }
    say(
      `${readSummary(result)} This snippet is for ${snippetVersionText(result)}; the playground is on ${versionLabel(base.widgetVersion)}. Choose the version to apply as, then Apply.`,
    );
  };

  const chosen = read ? (applyAs === "current" && read.keep ? read.keep : read.result) : null;
  const current = read && read.text === text ? chosen : null;
  const canApply = Boolean(current?.ok && current.mapped.length > 0);

  const onChoose = (choice: "snippet" | "current") => {
    setApplyAs(choice);
    const next = choice === "current" && read?.keep ? read.keep : read?.result;
    if (next) say(`${readSummary(next)} Review, then Apply.`);
  };

  const onApply = () => {
    if (!current || !canApply) return;
    const previous = store.getState().config;
    store.getState().replaceConfig(current.config);
    const imported = `Imported ${current.mapped.length} ${current.mapped.length === 1 ? "option" : "options"} from ${current.kind ? KIND_LABELS[current.kind] : "the snippet"}, as ${versionLabel(current.config.widgetVersion)}.`;
    const summary = withSettings(imported, current);
    onApplied({ previous, applied: current.config, summary });
    dialog.current?.close();
  };

  const result = chosen;
  const keep = read?.keep ?? null;
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onClose={onClose}
      data-testid="import.dialog"
      className={dialogPanelClass}
    >
      <div className="flex flex-col gap-3 p-4">
        <div className="flex items-start gap-3">
          <div className="flex-1">
            <h2 id={titleId} className="text-base font-semibold">
              Import a snippet
            </h2>
            <p id={descriptionId} className="text-xs text-neutral-600 dark:text-neutral-400">
              Paste the widget options object, a whole HTML embed snippet or a React component. The
              text is read, never run; its widget version comes from its pin (the script URL or the
              install line). Nothing changes until you press Apply, and you can undo it afterwards.
              Your org API key and contact token stay as they are.
            </p>
          </div>
          <button
            type="button"
            className={button}
            onClick={() => dialog.current?.close()}
            data-testid="import.close"
          >
            Close
          </button>
        </div>

        <div className="flex flex-col gap-1">
          <label htmlFor={textId} className="text-xs font-semibold">
            Snippet
          </label>
          <textarea
            ref={textarea}
            id={textId}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={10}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            data-testid="import.text"
            className="w-full resize-y rounded-md border border-neutral-300 bg-neutral-50 p-2 font-mono text-[0.75rem] leading-snug text-neutral-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100"
          />
        </div>

        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            className={button}
            onClick={onImport}
            disabled={text.trim() === ""}
            data-testid="import.read"
          >
            Import
          </button>
          <button
            type="button"
            className={buttonClass.primary}
            onClick={onApply}
            disabled={!canApply}
            data-testid="import.apply"
          >
            Apply
          </button>
          <p
            role="status"
            className="text-xs text-neutral-700 dark:text-neutral-300"
            data-testid="import.status"
          >
            {status}
          </p>
        </div>

        {read && keep ? (
          <fieldset
            className="flex flex-col gap-1 rounded-md border border-amber-300 bg-amber-50 p-2 text-xs text-amber-950 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100"
            aria-describedby={versionNoteId}
            data-testid="import.version"
          >
            <legend className="px-1 font-semibold">Widget version</legend>
            <p id={versionNoteId} data-testid="import.version-note">
              This snippet is for {snippetVersionText(read.result)}; the playground is on{" "}
              {versionLabel(keep.version.applied)} ({WIDGET_PINS[keep.version.applied]}). Options
              the chosen version does not have stay in your configuration for a switch back.
            </p>
            <label className="flex items-center gap-2">
              <input
                type="radio"
                name={`${versionNoteId}-as`}
                value="snippet"
                checked={applyAs === "snippet"}
                onChange={() => onChoose("snippet")}
                data-testid="import.as-snippet"
                className="focus-visible:outline-2 focus-visible:outline-blue-600"
              />
              Apply as {versionLabel(read.result.version.applied)} (
              {WIDGET_PINS[read.result.version.applied]}), the snippet&apos;s version
            </label>
            <label className="flex items-center gap-2">
              <input
                type="radio"
                name={`${versionNoteId}-as`}
                value="current"
                checked={applyAs === "current"}
                onChange={() => onChoose("current")}
                data-testid="import.as-current"
                className="focus-visible:outline-2 focus-visible:outline-blue-600"
              />
              Keep {versionLabel(keep.version.applied)} ({WIDGET_PINS[keep.version.applied]}), the
              playground&apos;s version
            </label>
          </fieldset>
        ) : null}

        {read && read.text !== text ? (
          <p className="text-xs text-neutral-600 dark:text-neutral-400" data-testid="import.stale">
            The text changed since it was read: press Import again before applying.
          </p>
        ) : null}

        {result ? (
          <div
            className="grid gap-3 sm:grid-cols-2"
            data-testid="import.result"
            data-kind={result.kind ?? ""}
            data-version={result.version.applied}
          >
            <section aria-labelledby={`${titleId}-mapped`}>
              <h3 id={`${titleId}-mapped`} className="mb-1 text-xs font-semibold">
                Mapped ({result.mapped.length})
              </h3>
              {result.mapped.length > 0 ? (
                <ul
                  className="flex flex-col gap-0.5 font-mono text-[0.75rem]"
                  data-testid="import.mapped"
                >
                  {result.mapped.map((path) => (
                    <li key={path}>{path}</li>
                  ))}
                </ul>
              ) : (
                <p className="text-xs text-neutral-600 dark:text-neutral-400">Nothing.</p>
              )}
            </section>
            <section aria-labelledby={`${titleId}-unmapped`}>
              <h3 id={`${titleId}-unmapped`} className="mb-1 text-xs font-semibold">
                Not mapped ({result.problems.length})
              </h3>
              {result.problems.length > 0 ? (
                <ul className="flex flex-col gap-1 text-xs" data-testid="import.problems">
                  {result.problems.map((p, i) => (
                    <li
                      key={i}
                      data-severity={p.severity}
                      className={p.severity === "error" ? "text-red-700 dark:text-red-400" : ""}
                    >
                      {p.path ? <code className="font-mono">{p.path}</code> : null}
                      {p.path ? ": " : ""}
                      {p.message}
                      {p.range ? (
                        <span className="text-neutral-500 dark:text-neutral-400">
                          {" "}
                          ({place(read?.text ?? "", p.range.start)})
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-xs text-neutral-600 dark:text-neutral-400">
                  Everything was mapped.
                </p>
              )}
            </section>
          </div>
        ) : null}
      </div>
    </dialog>
  );
}
