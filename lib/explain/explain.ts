/**
 * Explains a change to a snippet: given the config before and after a change, which lines of
 * each file changed and which options are responsible for each of them.
 *
 * Attribution, per changed option `o` (options are compared by value, in the option table's
 * order, so the order of a config's keys never matters):
 * - a line the new snippet has and the old one lacks belongs to `o` when undoing `o` alone
 *   (the new config with `o` set back) loses that line;
 * - a line the old snippet had and the new one lacks belongs to `o` when making `o` alone
 *   (the old config with `o` set to its new value) loses that line.
 * A line no single option explains appears only through two options together (a model switch
 * together with the field it shows): it belongs to every option that changed. So every changed
 * line names at least one changed option, and an unchanged config (or a change the snippet
 * does not show, such as a preview setting) yields no marks.
 *
 * Pure and synchronous; it takes the generator so the page can pass the one it has loaded.
 */
import { OPTION_KEYS, type OptionKey, type PlaygroundConfig } from "../config/options";
import type { Snippet, SnippetTarget } from "../snippets/types";
import { lineHunks, matchLines, splitCodeLines, type LineHunk } from "./line-diff";

export type GenerateFor = (config: PlaygroundConfig) => Snippet;

/** One marked place in a file. Lines are 0-based, ends exclusive. */
export interface ChangeHunk extends LineHunk {
  /** The old lines that are gone here (shown briefly as removed). */
  removed: string[];
  /** The options responsible for each added or changed line (parallel to `after`); never empty. */
  lineOptions: OptionKey[][];
  /** The options responsible for each removed line (parallel to `removed`); never empty. */
  removedOptions: OptionKey[][];
  /** Every option of the hunk's lines, in the option table's order; never empty. */
  options: OptionKey[];
}

export interface FileChange {
  path: string;
  /** The file is new in this change: every line is added. */
  added: boolean;
  hunks: ChangeHunk[];
}

export interface SnippetChange {
  target: SnippetTarget;
  /** Files of the new snippet that changed (new files included), in the snippet's order. */
  files: FileChange[];
  /** Files the old snippet had and the new one has not. */
  removedFiles: { path: string; options: OptionKey[] }[];
  /** The install command changed (a new pin, another package): the options responsible. */
  install: OptionKey[] | null;
  /** Every option named anywhere above, in the option table's order. */
  options: OptionKey[];
}

/** Deep equality of option values (strings, numbers, booleans, arrays, plain objects); key order ignored. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  if (aKeys.length !== Object.keys(b).length) return false;
  const aRecord = a as Record<string, unknown>;
  return aKeys.every((key) => Object.hasOwn(bRecord, key) && sameValue(aRecord[key], bRecord[key]));
}

/** The options whose values differ, in the option table's order. */
export function changedOptions(before: PlaygroundConfig, after: PlaygroundConfig): OptionKey[] {
  return OPTION_KEYS.filter((key) => !sameValue(before[key], after[key]));
}

/** `config` with `key` taken from `from`; keys keep the option table's order. */
function withOption(
  config: PlaygroundConfig,
  key: OptionKey,
  from: PlaygroundConfig,
): PlaygroundConfig {
  const result = {} as Record<OptionKey, unknown>;
  for (const k of OPTION_KEYS) result[k] = k === key ? from[k] : config[k];
  return result as PlaygroundConfig;
}

/** The option table's order, for a set of keys. */
const inTableOrder = (keys: ReadonlySet<OptionKey>): OptionKey[] =>
  OPTION_KEYS.filter((k) => keys.has(k));

const fileLines = (snippet: Snippet, path: string): string[] | undefined => {
  const file = snippet.files.find((f) => f.path === path);
  return file ? splitCodeLines(file.code) : undefined;
};

/** Which lines of `text` are missing from `other` (`true` = missing); all missing when `other` is absent. */
function missingFrom(text: readonly string[], other: readonly string[] | undefined): boolean[] {
  if (!other) return text.map(() => true);
  return matchLines(text, other).keptA.map((kept) => !kept);
}

/**
 * The explained change of one target's snippet. `generate` makes that target's snippet for a
 * config. Returns `null` when the snippet is the same.
 */
export function explainSnippetChange(
  before: PlaygroundConfig,
  after: PlaygroundConfig,
  generate: GenerateFor,
): SnippetChange | null {
  const changed = changedOptions(before, after);
  if (changed.length === 0) return null;
  const oldSnippet = generate(before);
  const newSnippet = generate(after);

  // Only when more than one option changed are the one-option variants needed.
  const variants =
    changed.length > 1
      ? changed.map((key) => ({
          key,
          undone: generate(withOption(after, key, before)),
          made: generate(withOption(before, key, after)),
        }))
      : [];
  const everyChanged = () => [...changed];

  // Per line: the options whose undoing (for new lines) or making (for old lines) loses it.
  const blame = (
    side: "undone" | "made",
    path: string,
    lines: readonly string[],
    changedLines: number[],
  ) => {
    const blamed = new Map<number, Set<OptionKey>>(changedLines.map((l) => [l, new Set()]));
    for (const variant of variants) {
      const lost = missingFrom(lines, fileLines(variant[side], path));
      for (const l of changedLines) if (lost[l]) blamed.get(l)!.add(variant.key);
    }
    return blamed;
  };
  const optionsOf = (sets: Iterable<Set<OptionKey>>): OptionKey[] => {
    if (changed.length === 1) return everyChanged();
    const union = new Set<OptionKey>();
    let orphan = false;
    for (const set of sets) {
      if (set.size === 0) orphan = true;
      for (const key of set) union.add(key);
    }
    return orphan ? everyChanged() : inTableOrder(union);
  };
  // A line no one option explains belongs to every changed option: see the module comment.
  const lineOptions = (set: Set<OptionKey> | undefined) =>
    optionsOf(set === undefined ? [] : [set]);

  const files: FileChange[] = [];
  for (const file of newSnippet.files) {
    const newLines = splitCodeLines(file.code);
    const oldLines = fileLines(oldSnippet, file.path);
    const added = oldLines === undefined;
    const hunks = lineHunks(oldLines ?? [], newLines);
    if (hunks.length === 0) continue;
    const newChanged = hunks.flatMap((h) => range(h.after.start, h.after.end));
    const oldChanged = hunks.flatMap((h) => range(h.before.start, h.before.end));
    const newBlame = blame("undone", file.path, newLines, newChanged);
    const oldBlame = oldLines
      ? blame("made", file.path, oldLines, oldChanged)
      : new Map<number, Set<OptionKey>>();
    files.push({
      path: file.path,
      added,
      hunks: hunks.map((h) => {
        const lineOpts = range(h.after.start, h.after.end).map((l) => lineOptions(newBlame.get(l)));
        const removedOpts = range(h.before.start, h.before.end).map((l) =>
          lineOptions(oldBlame.get(l)),
        );
        return {
          ...h,
          removed: (oldLines ?? []).slice(h.before.start, h.before.end),
          lineOptions: lineOpts,
          removedOptions: removedOpts,
          options: mergeOptions([...lineOpts, ...removedOpts]),
        };
      }),
    });
  }

  const removedFiles = oldSnippet.files
    .filter((f) => !newSnippet.files.some((n) => n.path === f.path))
    .map((f) => {
      const culprits = new Set(
        variants.filter((v) => !v.made.files.some((m) => m.path === f.path)).map((v) => v.key),
      );
      return { path: f.path, options: optionsOf([culprits]) };
    });

  let install: OptionKey[] | null = null;
  if ((oldSnippet.install ?? "") !== (newSnippet.install ?? "")) {
    const culprits = new Set(
      variants
        .filter((v) => (v.undone.install ?? "") !== (newSnippet.install ?? ""))
        .map((v) => v.key),
    );
    install = optionsOf([culprits]);
  }

  if (files.length === 0 && removedFiles.length === 0 && install === null) return null;
  const named = new Set<OptionKey>([
    ...files.flatMap((f) => f.hunks.flatMap((h) => h.options)),
    ...removedFiles.flatMap((f) => f.options),
    ...(install ?? []),
  ]);
  return {
    target: newSnippet.target,
    files,
    removedFiles,
    install,
    options: inTableOrder(named),
  };
}

/** The explained change of every target, for the targets given (the ones the page offers). */
export function explainChanges(
  before: PlaygroundConfig,
  after: PlaygroundConfig,
  targets: readonly SnippetTarget[],
  generate: (target: SnippetTarget, config: PlaygroundConfig) => Snippet,
): Partial<Record<SnippetTarget, SnippetChange>> {
  const result: Partial<Record<SnippetTarget, SnippetChange>> = {};
  for (const target of targets) {
    const change = explainSnippetChange(before, after, (c) => generate(target, c));
    if (change) result[target] = change;
  }
  return result;
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, i) => start + i);
}

function mergeOptions(lists: OptionKey[][]): OptionKey[] {
  return inTableOrder(new Set(lists.flat()));
}
