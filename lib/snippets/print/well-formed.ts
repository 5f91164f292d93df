/**
 * Text that UTF-8 can carry. A JS string may hold a lone UTF-16 surrogate (half of a pair, e.g.
 * from a broken paste); `JSON.stringify` sends it as a `\udXXX` escape, but languages whose
 * strings are UTF-8 (PHP, Ruby) cannot hold it, and their JSON encoders refuse it. Their
 * printers write it as U+FFFD, the replacement character, as `String.prototype.toWellFormed`
 * does, and the snippet says so in a comment.
 */
import { RawCode, type PrintableValue } from "./core";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with every lone surrogate replaced by U+FFFD. */
export function wellFormedText(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}

function isContainer(
  value: PrintableValue,
): value is readonly PrintableValue[] | Readonly<Record<string, PrintableValue | undefined>> {
  return typeof value === "object" && value !== null && !(value instanceof RawCode);
}

/** Whether any string in `value`, keys included, holds a lone surrogate. */
export function hasLoneSurrogate(value: PrintableValue | undefined): boolean {
  if (typeof value === "string") return wellFormedText(value) !== value;
  if (value === undefined || !isContainer(value)) return false;
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  return Object.entries(value as Record<string, PrintableValue | undefined>).some(
    ([k, v]) => hasLoneSurrogate(k) || hasLoneSurrogate(v),
  );
}

/**
 * `value` with every string and key well-formed. Two keys that become the same keep the first
 * one's place and the last one's value, as a literal with a repeated key does in PHP, Ruby and
 * `JSON.parse`.
 */
export function wellFormedValue(value: PrintableValue): PrintableValue {
  if (typeof value === "string") return wellFormedText(value);
  if (!isContainer(value)) return value;
  if (Array.isArray(value)) return (value as readonly PrintableValue[]).map(wellFormedValue);
  // Object.fromEntries defines own properties (a "__proto__" key stays a key) and lets a later
  // repeated key overwrite the value in the first one's place.
  return Object.fromEntries(
    Object.entries(value as Record<string, PrintableValue | undefined>).map(([k, v]) => [
      wellFormedText(k),
      v === undefined ? v : wellFormedValue(v),
    ]),
  ) as PrintableValue;
}

/**
 * The comment line a snippet adds when its printer replaced lone surrogates in `value`
 * (`encoder` names the language's JSON encoder); empty otherwise.
 */
export function loneSurrogateNote(value: PrintableValue, encoder: string): string[] {
  if (!hasLoneSurrogate(value)) return [];
  return [
    `A lone UTF-16 surrogate in these sample values is written as U+FFFD: ${encoder} sends only UTF-8.`,
  ];
}
