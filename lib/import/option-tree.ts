/**
 * The shape of the widget options object, derived from the option table: each row's
 * `widgetOption` path (`user.data.email`) says which keys an object may hold and in
 * which models a key has an effect. `OptionTree` reads a pasted options literal along
 * that shape, each nested object once, so its problems are reported once.
 */
import { OPTION_KEYS, OPTIONS, type IdentityModel, type OptionKey } from "../config/options";
import type { LiteralNode, ObjectEntry } from "./literal";
import type { Report } from "./report";

/** The rows that are widget options, with their paths, in table order. */
export const WIDGET_OPTION_ROWS: readonly { key: OptionKey; path: string }[] = OPTION_KEYS.flatMap(
  (key) => {
    const path = OPTIONS[key].widgetOption;
    return path === null ? [] : [{ key, path }];
  },
);

export function parentOf(path: string): string {
  const dot = path.lastIndexOf(".");
  return dot < 0 ? "" : path.slice(0, dot);
}

function lastKey(path: string): string {
  return path.slice(path.lastIndexOf(".") + 1);
}

/** Whether `path` is `node` or inside it (`""` is the whole options object). */
function within(path: string, node: string): boolean {
  return node === "" || path === node || path.startsWith(`${node}.`);
}

/** The keys the object at `path` may hold (`""`: the options object), in table order. */
export function childKeys(path: string): string[] {
  const depth = path === "" ? 0 : path.split(".").length;
  const keys = new Set<string>();
  for (const row of WIDGET_OPTION_ROWS) {
    if (row.path !== path && within(row.path, path)) keys.add(row.path.split(".")[depth]!);
  }
  return [...keys];
}

/** The top-level widget options the playground models. */
export const MODELLED: readonly string[] = childKeys("");

/** Every object and option path the rows name, parents before children, in table order. */
export const WIDGET_OPTION_PATHS: readonly string[] = [
  ...new Set(
    WIDGET_OPTION_ROWS.flatMap(({ path }) =>
      path.split(".").map((_, i, parts) => parts.slice(0, i + 1).join(".")),
    ),
  ),
];

/**
 * The models in which the option or object at `path` has an effect: those of the rows at
 * or under it. Empty means every model.
 */
export function modelsOf(path: string): IdentityModel[] {
  const models = new Set<IdentityModel>();
  for (const row of WIDGET_OPTION_ROWS) {
    if (!within(row.path, path)) continue;
    const rowModels = OPTIONS[row.key].models;
    if (rowModels.length === 0) return [];
    for (const m of rowModels) models.add(m);
  }
  return [...models];
}

export function appliesIn(path: string, model: IdentityModel): boolean {
  const models = modelsOf(path);
  return models.length === 0 || models.includes(model);
}

/**
 * A pasted options literal read along the rows' paths. An object is read when something
 * first asks for a path in it: its unreadable entries, repeated keys and keys no row
 * names are reported then, and only then. The options object's own unknown keys are left
 * to the caller, who knows why an option is not modelled.
 */
export class OptionTree {
  private readonly objects = new Map<string, Map<string, ObjectEntry> | undefined>();

  constructor(
    private readonly report: Report,
    root: LiteralNode,
  ) {
    this.objects.set("", report.object("", root) ?? new Map());
  }

  /** The entries of the object at `path`, or `undefined` when it is absent or not an object literal. */
  object(path: string): Map<string, ObjectEntry> | undefined {
    if (this.objects.has(path)) return this.objects.get(path);
    const entries = this.report.object(path, this.node(path));
    if (entries) this.report.unknownKeys(path, entries, childKeys(path));
    this.objects.set(path, entries);
    return entries;
  }

  entry(path: string): ObjectEntry | undefined {
    return this.object(parentOf(path))?.get(lastKey(path));
  }

  node(path: string): LiteralNode | undefined {
    return this.entry(path)?.value;
  }

  /** Whether the text sets `path` (to anything but `undefined`). */
  has(path: string): boolean {
    const node = this.node(path);
    return node !== undefined && node.kind !== "undefined";
  }
}
