"use client";
import { useId } from "react";
import { LIMITS, OPTIONS, type ServerCustomDataRow } from "@/lib/config/options";
import { usePlayground } from "@/components/state/store-provider";
import { useAnnounce } from "@/components/state/announcer";
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
import { buttonClass } from "@/components/ui/button-styles";

type Kind = "string" | "number" | "boolean";
const kindOf = (v: ServerCustomDataRow["value"]): Kind =>
  typeof v === "number" ? "number" : typeof v === "boolean" ? "boolean" : "string";

function convert(value: ServerCustomDataRow["value"], kind: Kind): ServerCustomDataRow["value"] {
  if (kind === "boolean") return value === true || value === "true";
  if (kind === "number") {
    const n = Number(value);
    return Number.isFinite(n) ? n : 0;
  }
  return String(value);
}

const rowButton = `${buttonClass.outline} px-2 py-1 text-xs`;

const MAX = LIMITS.customDataRows;

/** "3 of 24 rows", and "24 of 24 rows (the maximum)" at the limit. */
export function customDataCount(n: number): string {
  return listCount(n, MAX, "rows");
}

/**
 * Custom data as key/value rows. Browser custom data is string-only (the
 * widget's type); server custom data may also hold numbers and booleans.
 *
 * Rows are keyed by ids kept beside the list (`useRowIds`). "Add row" moves
 * focus to the new row's key; Remove moves it to the next row's Remove (or the
 * previous row's, or "Add row" when the list is empty).
 */
export function KeyValueEditor({ name }: { name: "userCustomData" | "serverCustomData" }) {
  const rows = usePlayground((s) => s.config[name]) as ServerCustomDataRow[];
  const setOption = usePlayground((s) => s.setOption);
  const announce = useAnnounce();
  const { ids, edit } = useRowIds(rows);
  const typed = name === "serverCustomData";
  const row = OPTIONS[name];
  const id = useId();
  const update = (next: ServerCustomDataRow[]) => setOption(name, next as never);
  const patch = (index: number, change: Partial<ServerCustomDataRow>) =>
    update(edit(setRow(index, { ...rows[index]!, ...change })).list);

  /** Focusable parts by `${rowId}:${part}`, plus "add"; `focusNext` names the one to focus after the next render. */
  const { register, focusNext } = useFocusAfterRender();

  const add = () => {
    const next = edit(addRow<ServerCustomDataRow>({ key: "", value: "" }));
    update(next.list);
    focusNext.current = `${next.ids[next.ids.length - 1]}:key`;
    announce(`Row ${next.list.length} added. ${customDataCount(next.list.length)}.`);
  };

  const remove = (index: number) => {
    const target = focusAfterRemove(index, rows.length);
    const next = edit(removeRow(index));
    update(next.list);
    focusNext.current = target === null ? "add" : `${next.ids[target]}:remove`;
    const key = rows[index]?.key;
    announce(
      `Row ${index + 1}${key ? ` (${key})` : ""} removed. ${customDataCount(next.list.length)}.`,
    );
  };

  return (
    <div className="space-y-2" data-testid={`controls.${row.section}.${name}`}>
      <div>
        <p
          id={`${id}-label`}
          className="text-sm font-medium text-neutral-800 dark:text-neutral-200"
        >
          {row.label}
        </p>
        <p className="text-xs text-neutral-500 dark:text-neutral-400">{row.help}</p>
      </div>
      {rows.length > 0 ? (
        <ul className="space-y-1.5" aria-labelledby={`${id}-label`}>
          {rows.map((r, index) => {
            const kind = kindOf(r.value);
            const rowId = ids[index]!;
            return (
              <li key={rowId} className="flex items-center gap-1.5">
                <input
                  ref={register(`${rowId}:key`)}
                  value={r.key}
                  onChange={(e) => patch(index, { key: e.target.value })}
                  placeholder="key"
                  aria-label={`${row.label} row ${index + 1} key`}
                  data-testid={`controls.${row.section}.${name}.${index}.key`}
                  className={`${inputClass} min-w-0 flex-1 font-mono`}
                  spellCheck={false}
                />
                {kind === "boolean" ? (
                  <select
                    value={String(r.value)}
                    onChange={(e) => patch(index, { value: e.target.value === "true" })}
                    aria-label={`${row.label} row ${index + 1} value`}
                    className={`${inputClass} min-w-0 flex-1`}
                  >
                    <option value="true">true</option>
                    <option value="false">false</option>
                  </select>
                ) : (
                  <input
                    value={String(r.value)}
                    type={kind === "number" ? "number" : "text"}
                    onChange={(e) =>
                      patch(index, {
                        value:
                          kind === "number" ? convert(e.target.value, "number") : e.target.value,
                      })
                    }
                    placeholder="value"
                    aria-label={`${row.label} row ${index + 1} value`}
                    data-testid={`controls.${row.section}.${name}.${index}.value`}
                    className={`${inputClass} min-w-0 flex-1 font-mono`}
                    spellCheck={false}
                  />
                )}
                {typed ? (
                  <select
                    value={kind}
                    onChange={(e) =>
                      patch(index, { value: convert(r.value, e.target.value as Kind) })
                    }
                    aria-label={`${row.label} row ${index + 1} type`}
                    className={`${inputClass} w-24 shrink-0`}
                  >
                    <option value="string">string</option>
                    <option value="number">number</option>
                    <option value="boolean">boolean</option>
                  </select>
                ) : null}
                <button
                  ref={register(`${rowId}:remove`)}
                  type="button"
                  className={rowButton}
                  onClick={() => remove(index)}
                  aria-label={`Remove ${row.label} row ${index + 1}${r.key ? ` (${r.key})` : ""}`}
                >
                  ✕
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <button
          ref={register("add")}
          type="button"
          className={rowButton}
          disabled={rows.length >= MAX}
          onClick={add}
          aria-describedby={`${id}-count`}
          data-testid={`controls.${row.section}.${name}.add`}
        >
          Add {row.label} row
        </button>
        <span
          id={`${id}-count`}
          className="text-xs text-neutral-600 dark:text-neutral-400"
          data-testid={`controls.${row.section}.${name}.count`}
        >
          {customDataCount(rows.length)}
        </span>
      </div>
      <InlineAdvisories option={name} />
    </div>
  );
}
