/**
 * The smallest single replacement that turns one text into another: the common prefix and
 * suffix are kept, the middle is replaced. The editor applies an outside change (made with
 * the controls) this way, so text before and after the change keeps its place, the cursor and
 * selection outside it stay where they were, and the edit is one step in the undo stack.
 *
 * Offsets are UTF-16 code units (what Monaco's `getPositionAt` takes); a surrogate pair is
 * never split between the kept and the replaced part.
 */
export interface TextReplacement {
  /** Start of the replaced span in the old text. */
  start: number;
  /** End of the replaced span in the old text (exclusive). */
  end: number;
  /** What replaces it. */
  text: string;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** `null` when the texts are equal. */
export function minimalReplacement(before: string, after: string): TextReplacement | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // Do not end the kept prefix between the two halves of a surrogate pair.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  const maxSuffix = max - prefix;
  while (
    suffix < maxSuffix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return {
    start: prefix,
    end: before.length - suffix,
    text: after.slice(prefix, after.length - suffix),
  };
}

/** `text` with `replacement` applied. */
export function applyReplacement(text: string, replacement: TextReplacement | null): string {
  if (!replacement) return text;
  return text.slice(0, replacement.start) + replacement.text + text.slice(replacement.end);
}

/**
 * Where an offset of the old text lands after `replacement`: before the span it stays, after it
 * it shifts by the change in length, inside it it keeps its distance from the span's start
 * (clamped to the new text), so a cursor in a replaced value stays in that value.
 */
export function mapOffset(offset: number, replacement: TextReplacement | null): number {
  if (!replacement || offset <= replacement.start) return offset;
  const delta = replacement.text.length - (replacement.end - replacement.start);
  if (offset >= replacement.end) return offset + delta;
  return replacement.start + Math.min(offset - replacement.start, replacement.text.length);
}
