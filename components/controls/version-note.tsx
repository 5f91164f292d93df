"use client";
/**
 * The note beside a row the chosen widget version does not have (a v5-only option while v4 is
 * chosen). The row stays editable, so switching back loses nothing; the note says the value is
 * left out, and the control names it in its `aria-describedby` (`versionNoteId`).
 */
import {
  OPTIONS,
  shownInVersion,
  type OptionKey,
  type PlaygroundConfig,
} from "@/lib/config/options";
import { WIDGET_MAJOR_INFO } from "@/lib/config/versions";
import { usePlayground } from "@/components/state/store-provider";

/** The id of an option's version note, for `aria-describedby` on its control. */
export const versionNoteId = (option: OptionKey) => `version-note-${option}`;

/**
 * The note's text for `option` on `config`'s version, or `null` when the version has the option.
 * A preview setting of another version gets none: the controls do not draw it at all.
 */
export function versionNoteText(
  option: OptionKey,
  config: Pick<PlaygroundConfig, "widgetVersion">,
) {
  const row = OPTIONS[option];
  const current = config.widgetVersion;
  if (row.versions.includes(current) || !shownInVersion(option, current)) return null;
  const only = row.versions.map((m) => WIDGET_MAJOR_INFO[m].label).join(" and ");
  return `${only} only: left out of ${WIDGET_MAJOR_INFO[current].label} snippets.`;
}

/** The note's id while the chosen version lacks `option`, else `undefined`. */
export function useVersionNoteId(option: OptionKey): string | undefined {
  const out = usePlayground((s) => versionNoteText(option, s.config) !== null);
  return out ? versionNoteId(option) : undefined;
}

export function VersionNote({ option }: { option: OptionKey }) {
  const text = usePlayground((s) => versionNoteText(option, s.config));
  if (text === null) return null;
  return (
    <p
      id={versionNoteId(option)}
      data-testid={`version-note.${option}`}
      className="inline-flex w-fit items-center gap-1 rounded border border-violet-300 bg-violet-50 px-1.5 py-0.5 text-xs text-violet-950 dark:border-violet-700 dark:bg-violet-950/60 dark:text-violet-100"
    >
      {text}
    </p>
  );
}
