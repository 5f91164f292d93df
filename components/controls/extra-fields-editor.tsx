"use client";
import { useId, useState } from "react";
import { LIMITS, OPTIONS } from "@/lib/config/options";
import { extraFieldProblem } from "@/lib/config/schema";
import { usePlayground } from "@/components/state/store-provider";
import { InlineAdvisories } from "./advisories";
import { inputClass } from "./field";
import {
  addRow,
  focusAfterRemove,
  listCount,
  moveRow,
  removeRow,
  setRow,
  useFocusAfterRender,
  useRowIds,
} from "./row-ids";
import { buttonClass } from "@/components/ui/button-styles";

const smallButton =
  "inline-flex size-7 items-center justify-center rounded-md border border-neutral-300 text-xs text-neutral-700 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 disabled:opacity-40 dark:border-neutral-700 dark:text-neutral-300 dark:hover:bg-neutral-800";

const MAX = LIMITS.extraFields;

/** "3 of 12 fields", and "12 of 12 fields (the maximum)" at the limit. */
export function extraFieldsCount(n: number): string {
  return listCount(n, MAX, "fields");
}

/**
 * Add, rename, remove and reorder extra welcome-form fields. A name the widget
 * would drop or duplicate is refused at the field: the draft stays in the input
 * with a message, and the store keeps the last valid list.
 *
 * Rows are keyed by ids kept beside the list (`useRowIds`), so typing into a
 * field never remounts it. Focus follows each action: Add returns to the "new
 * field" box (or, at the limit, where the box is disabled, to the field just
 * added), Remove moves to the next row's Remove (or the previous row's, or the
 * box when the list is empty), a move stays on the moved row.
 */
export function ExtraFieldsEditor() {
  const fields = usePlayground((s) => s.config.extraFields);
  const setOption = usePlayground((s) => s.setOption);
  const { ids, edit } = useRowIds(fields);
  /** Refused names as typed, by row id, until the field is left. */
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [newName, setNewName] = useState("");
  const [newError, setNewError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const baseId = useId();
  const full = fields.length >= MAX;

  /** Focusable parts by `${rowId}:${part}`, plus "new"; `focusNext` names the one to focus after the next render. */
  const { register, focusNext } = useFocusAfterRender();

  const dropDraft = (id: string) =>
    setDrafts((d) => {
      if (!(id in d)) return d;
      const copy = { ...d };
      delete copy[id];
      return copy;
    });

  const rename = (index: number, id: string, value: string) => {
    const others = fields.filter((_, i) => i !== index);
    if (extraFieldProblem(value, others) === null) {
      setOption("extraFields", edit(setRow(index, value)).list);
      dropDraft(id);
    } else {
      setDrafts((d) => ({ ...d, [id]: value }));
    }
  };

  const add = () => {
    const problem = extraFieldProblem(newName, fields);
    if (problem) {
      setNewError(problem);
      focusNext.current = "new";
      return;
    }
    const next = edit(addRow(newName));
    setOption("extraFields", next.list);
    setDrafts({});
    setStatus(`Added field ${newName}. ${extraFieldsCount(next.list.length)}.`);
    setNewName("");
    setNewError(null);
    // At the limit the box and the button are disabled: stay on the field just added.
    focusNext.current = next.list.length >= MAX ? `${next.ids[next.ids.length - 1]}:input` : "new";
  };

  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    if (target < 0 || target >= fields.length) return;
    const id = ids[index]!;
    setOption("extraFields", edit(moveRow(index, target)).list);
    setDrafts({});
    setStatus(`Moved ${fields[index]} to position ${target + 1} of ${fields.length}.`);
    // Keep focus on the moved row: on the same button, or on the other one when
    // the row reached the top or bottom and its button is now disabled.
    const atEnd = delta < 0 ? target === 0 : target === fields.length - 1;
    focusNext.current = `${id}:${delta < 0 !== atEnd ? "up" : "down"}`;
  };

  const remove = (index: number) => {
    const target = focusAfterRemove(index, fields.length);
    const next = edit(removeRow(index));
    setOption("extraFields", next.list);
    setDrafts({});
    setStatus(`Removed field ${fields[index]}. ${extraFieldsCount(next.list.length)}.`);
    focusNext.current = target === null ? "new" : `${next.ids[target]}:remove`;
  };

  return (
    <div className="space-y-2" data-testid="controls.collect.extraFields">
      <div>
        <p
          className="text-sm font-medium text-neutral-800 dark:text-neutral-200"
          id={`${baseId}-label`}
        >
          {OPTIONS.extraFields.label}
        </p>
        <p className="text-xs text-neutral-500 dark:text-neutral-400">{OPTIONS.extraFields.help}</p>
      </div>
      {fields.length > 0 ? (
        <ol className="space-y-1.5" aria-labelledby={`${baseId}-label`}>
          {fields.map((field, index) => {
            const id = ids[index]!;
            const draft = drafts[id];
            const problem =
              draft === undefined
                ? null
                : extraFieldProblem(
                    draft,
                    fields.filter((_, i) => i !== index),
                  );
            const inputId = `${baseId}-field-${id}`;
            return (
              <li key={id} className="space-y-1">
                <div className="flex items-center gap-1.5">
                  <input
                    ref={register(`${id}:input`)}
                    id={inputId}
                    value={draft ?? field}
                    onChange={(e) => rename(index, id, e.target.value)}
                    onBlur={() => dropDraft(id)}
                    aria-label={`Extra field ${index + 1} name`}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={problem ? `${inputId}-error` : undefined}
                    data-testid={`controls.collect.extraFields.${index}`}
                    className={inputClass}
                  />
                  <button
                    ref={register(`${id}:up`)}
                    type="button"
                    className={smallButton}
                    onClick={() => move(index, -1)}
                    disabled={index === 0}
                    aria-label={`Move ${field} up`}
                  >
                    ↑
                  </button>
                  <button
                    ref={register(`${id}:down`)}
                    type="button"
                    className={smallButton}
                    onClick={() => move(index, 1)}
                    disabled={index === fields.length - 1}
                    aria-label={`Move ${field} down`}
                  >
                    ↓
                  </button>
                  <button
                    ref={register(`${id}:remove`)}
                    type="button"
                    className={smallButton}
                    onClick={() => remove(index)}
                    aria-label={`Remove ${field}`}
                    data-testid={`controls.collect.extraFields.${index}.remove`}
                  >
                    ✕
                  </button>
                </div>
                {problem ? (
                  <p
                    id={`${inputId}-error`}
                    role="alert"
                    className="text-xs text-red-700 dark:text-red-400"
                  >
                    {problem} The form keeps “{field}”.
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}
      <div className="flex items-start gap-1.5">
        <div className="flex-1 space-y-1">
          <input
            ref={register("new")}
            id={`${baseId}-new`}
            value={newName}
            onChange={(e) => {
              setNewName(e.target.value);
              setNewError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }}
            placeholder="e.g. Company"
            aria-label="New extra field name"
            aria-invalid={newError ? true : undefined}
            aria-describedby={newError ? `${baseId}-new-error ${baseId}-count` : `${baseId}-count`}
            data-testid="controls.collect.extraFields.new"
            className={inputClass}
            disabled={full}
          />
          {newError ? (
            <p
              id={`${baseId}-new-error`}
              role="alert"
              className="text-xs text-red-700 dark:text-red-400"
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
          data-testid="controls.collect.extraFields.add"
          className={`${buttonClass.outline} px-3 py-1.5 text-sm`}
        >
          Add field
        </button>
      </div>
      <p
        id={`${baseId}-count`}
        className="text-xs text-neutral-600 dark:text-neutral-400"
        // Not under "controls.collect.extraFields.", which names the rows and their buttons.
        data-testid="controls.collect.extraFieldsCount"
      >
        {extraFieldsCount(fields.length)}
      </p>
      <p className="sr-only" aria-live="polite">
        {status}
      </p>
      <InlineAdvisories option="extraFields" />
    </div>
  );
}
