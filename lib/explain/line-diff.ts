/**
 * A line diff for the explained-change marks: which lines of the new text are not in the old
 * one (added or changed) and which old lines are gone, as hunks.
 *
 * The common prefix and suffix are cut first, then the middle is matched by a longest common
 * subsequence. Snippets are at most a few hundred lines and a change touches a few of them, so
 * the quadratic table stays small; a middle too large for it (two unrelated long texts) counts
 * as replaced as a whole, which is still a correct diff, only a coarse one.
 */

/** One place where the texts differ. Line numbers are 0-based; ends are exclusive. */
export interface LineHunk {
  /** Lines of the new text that are added or changed. Empty (`start === end`) for a pure removal. */
  after: { start: number; end: number };
  /** Lines of the old text that are removed or replaced here. */
  before: { start: number; end: number };
}

/** Beyond this many cells the middle is treated as replaced as a whole. */
const MAX_TABLE = 250_000;

export function splitCodeLines(code: string): string[] {
  return code.split(/\r?\n/);
}

/**
 * How many items `a` and `b` share at the start, and then at the end (never overlapping the
 * start). The line diff, the highlighter's incremental pass and the code block's line patching
 * all start from it.
 */
export function commonEnds(
  a: readonly string[],
  b: readonly string[],
): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < max && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return { prefix, suffix };
}

/**
 * For every line of `a` and `b`: whether it is matched in the other text. `true` means kept.
 * Ties between equally long matchings are broken the same way every time (earliest in `a`).
 */
export function matchLines(
  a: readonly string[],
  b: readonly string[],
): { keptA: boolean[]; keptB: boolean[] } {
  const keptA = a.map(() => false);
  const keptB = b.map(() => false);
  const { prefix, suffix } = commonEnds(a, b);
  for (let i = 0; i < prefix; i++) keptA[i] = keptB[i] = true;
  for (let i = 1; i <= suffix; i++) keptA[a.length - i] = keptB[b.length - i] = true;
  const n = a.length - prefix - suffix;
  const m = b.length - prefix - suffix;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_TABLE) return { keptA, keptB };

  // lengths[i][j]: the longest common subsequence of a's middle from i and b's middle from j.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[prefix + i] === b[prefix + j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[prefix + i] === b[prefix + j]) {
      keptA[prefix + i] = true;
      keptB[prefix + j] = true;
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      i++;
    } else {
      j++;
    }
  }
  return { keptA, keptB };
}

/** The hunks between `a` (old) and `b` (new), in order. Equal texts give none. */
export function lineHunks(a: readonly string[], b: readonly string[]): LineHunk[] {
  const { keptA, keptB } = matchLines(a, b);
  const hunks: LineHunk[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && keptA[i] && keptB[j]) {
      i++;
      j++;
      continue;
    }
    const before = { start: i, end: i };
    const after = { start: j, end: j };
    while (before.end < a.length && !keptA[before.end]) before.end++;
    while (after.end < b.length && !keptB[after.end]) after.end++;
    hunks.push({ before, after });
    i = before.end;
    j = after.end;
  }
  return hunks;
}
