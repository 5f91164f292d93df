"use client";
/**
 * A list of short strings (the personal connections' `server_ids`): add with the box and Enter
 * or the button, edit an entry in place, remove it. An entry that is empty, already listed or
 * too long is refused at the field: the draft stays in the input with a message and the store
 * keeps the last valid list (as the extra-fields editor does). Each change is announced.
 *
 * Rows are keyed by ids kept beside the list (`useRowIds`); focus follows each action: Add
 * returns to the box (or, at the limit, to the entry just added), Remove moves to the next
 * entry's Remove, else the previous one's, else the box.
 */
import { useId, useState } from "react";
import { LIMITS, OPTIONS, type OptionKey } from "@/lib/config/options";
import { useAnnounce } from "@/components/state/announcer";
import { usePlayground } from "@/components/state/store-provider";
import { buttonClass } from "@/components/ui/button-styles";
import { InlineAdvisories } from "./advisories";
import { inputClass } from "./field";
import {
  addRow,
  focusAfterRemove,
  listCount,
  removeRow,
  setRow,
  useFocusAfterRender,
  useRowIds,
} from "./row-ids";
import { useVersionNoteId, VersionNote } from "./version-note";

/** Why `value` cannot join `others` (the other entries), or `null` when it can. */
export function listEntryProblem(value: string, others: readonly string[]): string | null {
  const entry = value.trim();
  if (entry === "") return "Type a value first.";
  if (Array.from(entry).length > LIMITS.shortText)
    return `Keep it under ${LIMITS.shortText} characters.`;
  if (others.some((other) => other.trim() === entry)) return `“${entry}” is already listed.`;
  return null;
}

/** The most entries each list row this editor draws takes (the limit its schema states). */
const LIST_LIMITS: Partial<Record<OptionKey, number>> = { mcpServerIds: LIMITS.serverIds };

/** The most entries `name` takes. */
export function listLimit(name: OptionKey): number {
  return LIST_LIMITS[name] ?? LIMITS.serverIds;
}

const rowButton = `${buttonClass.outline} px-2 py-1 text-xs`;

export function StringListEditor({ name }: { name: OptionKey }) {
  const row = OPTIONS[name];
  const entries = usePlayground((s) => s.config[name]) as string[];
  const setOption = usePlayground((s) => s.setOption);
  const announce = useAnnounce();
  const { ids, edit } = useRowIds(entries);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [newValue, setNewValue] = useState("");
  const [newError, setNewError] = useState<string | null>(null);
  const baseId = useId();
  const note = useVersionNoteId(name);
  const max = listLimit(name);
  const full = entries.length >= max;
  const testId = `controls.${row.section}.${name}`;
  const count = (n: number) => listCount(n, max, "entries");
  const { register, focusNext } = useFocusAfterRender();
  const store = (list: string[]) => setOption(name, list as never);
  const describedBy = (...extra: (string | undefined)[]) =>
    [`${baseId}-help`, note, ...extra].filter(Boolean).join(" ");

  const dropDraft = (id: string) =>
    setDrafts((d) => {
      if (!(id in d)) return d;
      const copy = { ...d };
      delete copy[id];
      return copy;
    });

  const change = (index: number, id: string, value: string) => {
    if (
      listEntryProblem(
        value,
        entries.filter((_, i) => i !== index),
      ) === null
    ) {
      store(edit(setRow(index, value.trim())).list);
      dropDraft(id);
    } else {
      setDrafts((d) => ({ ...d, [id]: value }));
    }
  };

  const add = () => {
    const problem = listEntryProblem(newValue, entries);
    if (problem) {
      setNewError(problem);
      announce(problem);
      focusNext.current = "new";
      return;
    }
    const value = newValue.trim();
    const next = edit(addRow(value));
    store(next.list);
    setDrafts({});
    setNewValue("");
    setNewError(null);
    announce(`Added ${value} to ${row.label}. ${count(next.list.length)}.`);
    focusNext.current = next.list.length >= max ? `${next.ids.at(-1)}:input` : "new";
  };

  const remove = (index: number) => {
    const target = focusAfterRemove(index, entries.length);
    const next = edit(removeRow(index));
    store(next.list);
    setDrafts({});
    announce(`Removed ${entries[index]} from ${row.label}. ${count(next.list.length)}.`);
    focusNext.current = target === null ? "new" : `${next.ids[target]}:remove`;
  };

  return (
    <div className="space-y-2" data-testid={testId}>
      <div className="space-y-1">
        <p
          id={`${baseId}-label`}
          className="font-mono text-sm font-medium text-neutral-800 dark:text-neutral-200"
        >
          {row.label}
        </p>
        <p id={`${baseId}-help`} className="text-xs text-neutral-500 dark:text-neutral-400">
          {row.help}
        </p>
        <VersionNote option={name} />
      </div>
      {entries.length > 0 ? (
        <ul className="space-y-1.5" aria-labelledby={`${baseId}-label`}>
          {entries.map((entry, index) => {
            const id = ids[index]!;
            const draft = drafts[id];
            const problem =
              draft === undefined
                ? null
                : listEntryProblem(
                    draft,
                    entries.filter((_, i) => i !== index),
                  );
            const errorId = `${baseId}-${id}-error`;
            return (
              <li key={id} className="space-y-1">
                <div className="flex items-center gap-1.5">
                  <input
                    ref={register(`${id}:input`)}
                    value={draft ?? entry}
                    onChange={(e) => change(index, id, e.target.value)}
                    onBlur={() => dropDraft(id)}
                    aria-label={`${row.label} entry ${index + 1}`}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={describedBy(problem ? errorId : undefined)}
                    data-testid={`${testId}.${index}`}
                    className={`${inputClass} min-w-0 flex-1 font-mono`}
                    spellCheck={false}
                    autoComplete="off"
                  />
                  <button
                    ref={register(`${id}:remove`)}
                    type="button"
                    className={rowButton}
                    onClick={() => remove(index)}
                    aria-label={`Remove ${entry} from ${row.label}`}
                    data-testid={`${testId}.${index}.remove`}
                  >
                    ✕
                  </button>
                </div>
                {problem ? (
                  <p id={errorId} role="alert" className="text-xs text-red-700 dark:text-red-400">
                    {problem} The list keeps “{entry}”.
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="flex items-start gap-1.5">
        <div className="min-w-0 flex-1 space-y-1">
          <input
            ref={register("new")}
            value={newValue}
            onChange={(e) => {
              setNewValue(e.target.value);
              setNewError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }}
            placeholder={row.examples?.[0] ? `e.g. ${row.examples[0]}` : undefined}
            aria-label={`New ${row.label} entry`}
            aria-invalid={newError ? true : undefined}
            aria-describedby={describedBy(
              newError ? `${baseId}-new-error` : undefined,
              `${baseId}-count`,
            )}
            data-testid={`${testId}.new`}
            className={`${inputClass} font-mono`}
            disabled={full}
            spellCheck={false}
            autoComplete="off"
          />
          {newError ? (
            <p
              id={`${baseId}-new-error`}
              className="text-xs text-red-700 dark:text-red-400"
              data-testid={`${testId}.error`}
            >
              {newError}
            </p>
          ) : null}
        </div>
        <button
          type="button"
          onClick={add}
          disabled={full}
          aria-describedby={`${baseId}-count`}
          data-testid={`${testId}.add`}
          className={`${rowButton} py-1.5`}
        >
          Add <span className="font-mono">{row.label}</span> entry
        </button>
      </div>
      <p
        id={`${baseId}-count`}
        className="text-xs text-neutral-600 dark:text-neutral-400"
        data-testid={`${testId}.count`}
      >
        {count(entries.length)}
      </p>
      <InlineAdvisories option={name} />
    </div>
  );
}
