/**
 * Test support for the hostile-input property tests: how many of the strings
 * a run embedded held each kind of trouble, so a run proves it tried them.
 */
import { expect } from "vitest";
import { LIMITS } from "../../config/options";
import { expectNoSecrets, SECRET_API_KEY, SECRET_CONTACT_TOKEN } from "./property";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Kinds of trouble, each a test on one embedded string. */
export const TROUBLE: Readonly<Record<string, (s: string) => boolean>> = {
  "</script (any case)": (s) => /<\/script/i.test(s),
  "<!--": (s) => s.includes("<!--"),
  "<script": (s) => /<script/i.test(s),
  "-->": (s) => s.includes("-->"),
  "single quote": (s) => s.includes("'"),
  "double quote": (s) => s.includes('"'),
  backtick: (s) => s.includes("`"),
  "${": (s) => s.includes("${"),
  backslash: (s) => s.includes("\\"),
  "line feed": (s) => s.includes("\n"),
  "carriage return": (s) => s.includes("\r"),
  NUL: (s) => s.includes("\0"),
  "U+2028/2029": (s) => /[\u2028\u2029]/.test(s),
  "lone surrogate": (s) => LONE_SURROGATE.test(s),
  emoji: (s) => /\p{Extended_Pictographic}/u.test(s),
  [`${LIMITS.shortText} code units or more`]: (s) => s.length >= LIMITS.shortText,
};

export class TroubleCounter {
  readonly counts = new Map<string, number>(Object.keys(TROUBLE).map((k) => [k, 0]));
  strings = 0;

  /** Counts every string inside `value` (keys included). */
  add(value: unknown): void {
    if (typeof value === "string") {
      this.strings++;
      for (const [kind, test] of Object.entries(TROUBLE)) {
        if (test(value)) this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
      }
    } else if (Array.isArray(value)) {
      for (const item of value) this.add(item);
    } else if (typeof value === "object" && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        this.add(k);
        this.add(v);
      }
    }
  }

  /** The kinds seen fewer than `min` times. */
  rare(min: number): string[] {
    return [...this.counts].filter(([, n]) => n < min).map(([kind, n]) => `${kind}: ${n}`);
  }

  summary(): string {
    return [...this.counts].map(([kind, n]) => `${kind} ${n}`).join(", ");
  }
}

/** Structural equality of JSON-like values; own keys only, -0 ≠ 0 (as `toEqual`). */
export function isEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) =>
      Object.hasOwn(b, k) &&
      isEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/**
 * `expect(actual, message).toEqual(expected)` and `expectNoSecrets(code)` at
 * the cost of a plain comparison when they hold (an `expect` call costs about
 * 0.1 ms, which 10 000 cases × several checks feel); `expect` reports a failure.
 */
export function expectSame(actual: unknown, expected: unknown, message: string): void {
  if (!isEqual(actual, expected)) expect(actual, message).toEqual(expected);
}

export function expectNoSecretsFast(code: string): void {
  if (code.includes(SECRET_API_KEY) || code.includes(SECRET_CONTACT_TOKEN)) expectNoSecrets(code);
}
