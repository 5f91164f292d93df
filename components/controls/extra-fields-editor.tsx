"use client";
import { useId, useState } from "react";
import { LIMITS, OPTIONS } from "@/lib/config/options";
import { extraFieldProblem } from "@/lib/config/schema";
import { usePlayground } from "@/components/playground/store-provider";
import { InlineAdvisories } from "./advisories";
import { inputClass } from "./field";

const smallButton =
  "inline-flex size-7 items-center justify-center rounded-md border border-neutral-300 text-xs text-neutral-700 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 disabled:opacity-40 dark:border-neutral-700 dark:text-neutral-300 dark:hover:bg-neutral-800";

/**
 * Add, rename, remove and reorder extra welcome-form fields. A name the widget
 * would drop or duplicate is refused at the field: the draft stays in the input
 * with a message, and the store keeps the last valid list.
 */
export function ExtraFieldsEditor() {
  const fields = usePlayground((s) => s.config.extraFields);
  const setOption = usePlayground((s) => s.setOption);
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const [newName, setNewName] = useState("");
  const [newError, setNewError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const baseId = useId();

  const commit = (next: string[], message: string) => {
    setOption("extraFields", next);
    setDrafts({});
    setStatus(message);
  };

  const rename = (index: number, value: string) => {
    const others = fields.filter((_, i) => i !== index);
    if (extraFieldProblem(value, others) === null) {
      const next = fields.slice();
      next[index] = value;
      setOption("extraFields", next);
      setDrafts((d) => {
        const copy = { ...d };
        delete copy[index];
        return copy;
      });
    } else {
      setDrafts((d) => ({ ...d, [index]: value }));
    }
  };

  const add = () => {
    const problem = extraFieldProblem(newName, fields);
    if (problem) {
      setNewError(problem);
      return;
    }
    commit([...fields, newName], `Added field ${newName}.`);
    setNewName("");
    setNewError(null);
  };

  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    if (target < 0 || target >= fields.length) return;
    const next = fields.slice();
    [next[index], next[target]] = [next[target]!, next[index]!];
    commit(next, `Moved ${fields[index]} to position ${target + 1} of ${fields.length}.`);
    // Keep focus on the moved row: on the same button, or on the other one when
    // the row reached the top or bottom and its button is now disabled.
    const atEnd = delta < 0 ? target === 0 : target === fields.length - 1;
    const direction = delta < 0 !== atEnd ? "up" : "down";
    requestAnimationFrame(() => {
      document.getElementById(`${baseId}-${direction}-${target}`)?.focus();
    });
  };

  const remove = (index: number) => {
    commit(
      fields.filter((_, i) => i !== index),
      `Removed field ${fields[index]}.`,
    );
    requestAnimationFrame(() => document.getElementById(`${baseId}-new`)?.focus());
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
            const draft = drafts[index];
            const problem =
              draft === undefined
                ? null
                : extraFieldProblem(
                    draft,
                    fields.filter((_, i) => i !== index),
                  );
            const inputId = `${baseId}-field-${index}`;
            return (
              <li key={`${index}-${field}`} className="space-y-1">
                <div className="flex items-center gap-1.5">
                  <input
                    id={inputId}
                    value={draft ?? field}
                    onChange={(e) => rename(index, e.target.value)}
                    onBlur={() =>
                      setDrafts((d) => {
                        const copy = { ...d };
                        delete copy[index];
                        return copy;
                      })
                    }
                    aria-label={`Extra field ${index + 1} name`}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={problem ? `${inputId}-error` : undefined}
                    data-testid={`controls.collect.extraFields.${index}`}
                    className={inputClass}
                  />
                  <button
                    type="button"
                    id={`${baseId}-up-${index}`}
                    className={smallButton}
                    onClick={() => move(index, -1)}
                    disabled={index === 0}
                    aria-label={`Move ${field} up`}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    id={`${baseId}-down-${index}`}
                    className={smallButton}
                    onClick={() => move(index, 1)}
                    disabled={index === fields.length - 1}
                    aria-label={`Move ${field} down`}
                  >
                    ↓
                  </button>
                  <button
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
            aria-describedby={newError ? `${baseId}-new-error` : undefined}
            data-testid="controls.collect.extraFields.new"
            className={inputClass}
            disabled={fields.length >= LIMITS.extraFields}
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
          disabled={fields.length >= LIMITS.extraFields}
          data-testid="controls.collect.extraFields.add"
          className="rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 disabled:opacity-40 dark:border-neutral-700 dark:hover:bg-neutral-800"
        >
          Add field
        </button>
      </div>
      <p className="sr-only" aria-live="polite">
        {status}
      </p>
      <InlineAdvisories option="extraFields" />
    </div>
  );
}
