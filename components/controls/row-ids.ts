/**
 * Stable React keys for the rows of a list editor, kept beside the list (never
 * in the config, so the schema and share links do not change). A key derived
 * from a row's position or value remounts the row when it is typed into or
 * when a row above it goes, and focus falls to <body>.
 *
 * The editor's own edits say where each row went (`add`, `remove`, `move`,
 * `set`); a list replaced from outside (Reset, a preset, an import, Undo) keeps
 * the keys by position.
 */
import { useEffect, useRef, useState } from "react";

export interface RowIds<T> {
  /** The list the ids belong to (compared by identity). */
  list: readonly T[];
  ids: readonly string[];
  /** The next unused id number. */
  next: number;
}

export function initialRowIds<T>(list: readonly T[]): RowIds<T> {
  return { list, ids: list.map((_, i) => `r${i}`), next: list.length };
}

/** The ids for `list`: unchanged when it is the list they were made for, else kept by position, new ones appended. */
export function reconcileRowIds<T>(state: RowIds<T>, list: readonly T[]): RowIds<T> {
  if (state.list === list) return state;
  const ids = state.ids.slice(0, list.length);
  let next = state.next;
  while (ids.length < list.length) ids.push(`r${next++}`);
  return { list, ids, next };
}

/** The list and its ids after an edit, with the ids following their rows. */
export type RowEdit<T> = (state: RowIds<T>) => RowIds<T>;

export const addRow =
  <T>(item: T): RowEdit<T> =>
  (s) => ({ list: [...s.list, item], ids: [...s.ids, `r${s.next}`], next: s.next + 1 });

export const removeRow =
  <T>(index: number): RowEdit<T> =>
  (s) => ({
    list: s.list.filter((_, i) => i !== index),
    ids: s.ids.filter((_, i) => i !== index),
    next: s.next,
  });

export const moveRow =
  <T>(from: number, to: number): RowEdit<T> =>
  (s) => {
    const list = s.list.slice();
    const ids = s.ids.slice();
    const [item] = list.splice(from, 1);
    const [id] = ids.splice(from, 1);
    list.splice(to, 0, item as T);
    ids.splice(to, 0, id as string);
    return { list, ids, next: s.next };
  };

export const setRow =
  <T>(index: number, item: T): RowEdit<T> =>
  (s) => ({ list: s.list.map((v, i) => (i === index ? item : v)), ids: s.ids, next: s.next });

/** "3 of 12 fields", and "12 of 12 fields (the maximum)" at the limit: a list editor's count. */
export function listCount(n: number, max: number, noun: string): string {
  return `${n} of ${max} ${noun}${n >= max ? " (the maximum)" : ""}`;
}

/**
 * The row to focus after removing row `index` of `length` rows: the row that
 * takes its place, else the one before it, else `null` (the list is empty).
 */
export function focusAfterRemove(index: number, length: number): number | null {
  if (length <= 1) return null;
  return index < length - 1 ? index : index - 1;
}

/**
 * `ids` for the rows of `list`, and `edit`, which applies an edit, records the
 * ids and returns the new list (to store). The ids are derived again from the
 * last recorded list while rendering (React's "adjust state when a prop
 * changes" pattern), so an outside change never leaves them stale.
 */
export function useRowIds<T>(list: readonly T[]) {
  const [state, setState] = useState(() => initialRowIds(list));
  const current = reconcileRowIds(state, list);
  if (current !== state) setState(current);
  const edit = (change: RowEdit<T>): { list: T[]; ids: readonly string[] } => {
    const next = change(current);
    setState(next);
    return { list: next.list as T[], ids: next.ids };
  };
  return { ids: current.ids, edit };
}

/**
 * Where focus goes after a list edit: controls register their elements by key
 * (`${rowId}:${part}`, or a fixed name such as "add"); setting `focusNext.current`
 * to a key focuses that element once the edit has rendered.
 */
export function useFocusAfterRender() {
  const elements = useRef(new Map<string, HTMLElement>());
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    const key = focusNext.current;
    if (key === null) return;
    focusNext.current = null;
    elements.current.get(key)?.focus();
  });
  const register = (key: string) => (element: HTMLElement | null) => {
    if (element) elements.current.set(key, element);
    else elements.current.delete(key);
  };
  return { register, focusNext };
}
