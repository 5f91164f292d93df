/**
 * Bounded copies of untrusted JSON objects (`customData`, the
 * `http_action_overrides` maps).
 *
 * Invariants: the walk never recurses deeper than `SANDBOX_LIMITS.jsonDepth`
 * (so a `[[[[…` body cannot blow the stack), stops after
 * `SANDBOX_LIMITS.jsonNodes` values, and builds the copy with own data
 * properties only (a `"__proto__"` key stays an ordinary key).
 */
import { SANDBOX_LIMITS } from "./settings";

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
export type Scalar = string | number | boolean;

export type PathSegment = string | number;

export type CopyResult<T> =
  { ok: true; value: T } | { ok: false; path: PathSegment[]; message: string };

export interface CopyOptions {
  /** Only strings, finite numbers and booleans as values (no null, no nesting). */
  scalarsOnly?: boolean;
  /** Keys must be HTTP header names and string values must not contain CR/LF. */
  headerNames?: boolean;
}

/** RFC 9110 `token`: what a header name may contain. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** A plain object as JSON.parse makes it (not an array, a Date, a class instance…). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "number" && !Number.isFinite(value)) return "a non-finite number";
  return `a ${typeof value}`;
}

/**
 * Copies a JSON object within the sandbox bounds, or says which value is out of
 * bounds (its path is relative to the object).
 */
export function copyBoundedObject<T extends JsonValue = JsonValue>(
  input: unknown,
  options: CopyOptions = {},
): CopyResult<Record<string, T>> {
  let nodes = 0;
  const fail = (path: PathSegment[], message: string) => ({ ok: false as const, path, message });

  function walk(value: unknown, path: PathSegment[], depth: number): CopyResult<JsonValue> {
    nodes += 1;
    if (nodes > SANDBOX_LIMITS.jsonNodes) {
      return fail([], `has more than ${SANDBOX_LIMITS.jsonNodes} values`);
    }
    if (typeof value === "string") {
      if (value.length > SANDBOX_LIMITS.stringValue) {
        return fail(path, `must be at most ${SANDBOX_LIMITS.stringValue} characters`);
      }
      if (options.headerNames && /[\r\n\0]/.test(value)) {
        return fail(path, "must not contain line breaks or NUL characters");
      }
      return { ok: true, value };
    }
    if (typeof value === "number") {
      return Number.isFinite(value) ? { ok: true, value } : fail(path, "must be a finite number");
    }
    if (typeof value === "boolean") return { ok: true, value };
    if (options.scalarsOnly && path.length > 0) {
      return fail(path, `must be a string, number or boolean, not ${describe(value)}`);
    }
    if (value === null) return { ok: true, value };
    const isArray = Array.isArray(value);
    if (!isArray && !isPlainObject(value)) {
      return fail(
        path,
        `must be a string, number, boolean, null, object or array, not ${describe(value)}`,
      );
    }
    if (depth > SANDBOX_LIMITS.jsonDepth) {
      return fail(path, `is nested too deeply (at most ${SANDBOX_LIMITS.jsonDepth} levels)`);
    }
    if (isArray) {
      if (value.length > SANDBOX_LIMITS.containerEntries) {
        return fail(path, `must have at most ${SANDBOX_LIMITS.containerEntries} items`);
      }
      const out: JsonValue[] = [];
      for (let i = 0; i < value.length; i++) {
        const item = walk(value[i], [...path, i], depth + 1);
        if (!item.ok) return item;
        out.push(item.value);
      }
      return { ok: true, value: out };
    }
    const entries = Object.entries(value);
    if (entries.length > SANDBOX_LIMITS.containerEntries) {
      return fail(path, `must have at most ${SANDBOX_LIMITS.containerEntries} keys`);
    }
    const out: [string, JsonValue][] = [];
    for (const [key, child] of entries) {
      if (key === "") return fail(path, "must not have an empty key");
      if (key.length > SANDBOX_LIMITS.keyLength) {
        return fail([...path, key], `has a key longer than ${SANDBOX_LIMITS.keyLength} characters`);
      }
      if (options.headerNames && !HEADER_NAME.test(key)) {
        return fail([...path, key], "is not a valid HTTP header name");
      }
      const copied = walk(child, [...path, key], depth + 1);
      if (!copied.ok) return copied;
      out.push([key, copied.value]);
    }
    // Object.fromEntries defines own data properties, so "__proto__" stays a plain key.
    return { ok: true, value: Object.fromEntries(out) as JsonObject };
  }

  if (!isPlainObject(input)) return fail([], `must be an object, not ${describe(input)}`);
  const result = walk(input, [], 1);
  return result as CopyResult<Record<string, T>>;
}
