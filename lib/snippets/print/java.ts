/**
 * Java literals for a Java 17 source file that is pure ASCII, so it compiles the same under
 * any platform encoding (Java 17's default charset still depends on the locale).
 *
 * Java translates every `\uXXXX` in a source file into its character BEFORE it reads tokens,
 * in string literals and comments alike: `\u000a` ends a line, `\u0022` ends a string and
 * `\u005c` is a backslash. A backslash starts such an escape only when an even number of
 * backslashes comes before it (JLS §3.3). So:
 * - every backslash of the text is doubled (`\\`): the backslash in front of any `u` the text
 *   holds is then the second of a pair, preceded by an odd number, and starts nothing;
 * - ASCII characters that need an escape get a lexical one (`\n`, `\"`, `\000` …), never
 *   a Unicode escape;
 * - only characters from U+0080 on are written `\uXXXX` (UTF-16 code units, so a character
 *   beyond U+FFFF is a surrogate pair): they translate into themselves, and none of them is a
 *   quote, a backslash or a line terminator.
 *
 * One exception works around javac (seen with 17.0.15): after a `\uXXXX` that is a HIGH
 * surrogate, javac looks ahead for its low half, and when backslashes come next it counts them
 * off by one, so a `u` after two or more of them is read the wrong way round.
 * `"\uD800\\u2028"` (a lone high surrogate, then the text `\u2028`) is read as a backslash
 * followed by U+2028, "illegal escape character"; in a comment, `\uD800\\u000a` becomes a line
 * break and what follows it code. So a backslash right after a high surrogate is written `\134`
 * (its octal escape) in a string literal, and a comment holds no lone surrogate (U+FFFD
 * instead): there a high surrogate's escape is always followed by its low half's.
 */
import { hex, RawCode, type PrintableObject, type PrintableValue, type PrintOptions } from "./core";
import { wellFormedText } from "./well-formed";

/** Where a short flat literal still goes on one line. */
const JAVA_WIDTH = 100;
const INDENT = "    ";

const JAVA_SHORT_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  '"': '\\"',
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/** One UTF-16 code unit of a string literal, `previous` the unit before it (-1 for none). */
function javaChar(unit: number, previous: number): string {
  const ch = String.fromCharCode(unit);
  // Not `\\`: javac miscounts backslashes right after a high surrogate's `\uXXXX`.
  if (unit === 0x5c && isHighSurrogate(previous)) return "\\134";
  const short = JAVA_SHORT_ESCAPES[ch];
  if (short !== undefined) return short;
  // Three octal digits, so a digit after it is never read as part of it.
  if (unit < 0x20 || unit === 0x7f) return `\\${unit.toString(8).padStart(3, "0")}`;
  if (unit >= 0x80) return `\\u${hex(unit, 4)}`;
  return ch;
}

/** A Java string literal (`"…"`), pure ASCII; lone surrogates are kept (a Java String holds them). */
export function javaString(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    out += javaChar(value.charCodeAt(i), i > 0 ? value.charCodeAt(i - 1) : -1);
  }
  return `"${out}"`;
}

/**
 * A Java number literal that the snippet's JSON writer writes back as the same JSON number:
 * 32-bit integers are `int` literals; every other value is a `double` literal
 * (`3000000000` becomes `3000000000.0`, as `3000000000` alone does not compile).
 * -0 prints as `0`: `JSON.stringify` sends it as 0 too.
 */
export function javaNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`Cannot print the non-finite number ${n} in Java`);
  if (Object.is(n, -0)) return "0";
  const text = String(n);
  if (Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31) return text;
  return /[.e]/.test(text) ? text : `${text}.0`;
}

function javaScalar(value: string | number | boolean | null | RawCode): string {
  if (value instanceof RawCode) return value.code;
  if (typeof value === "string") return javaString(value);
  if (typeof value === "number") return javaNumber(value);
  return String(value);
}

type Container = readonly PrintableValue[] | PrintableObject;

function isContainer(value: PrintableValue): value is Container {
  return typeof value === "object" && value !== null && !(value instanceof RawCode);
}

function entriesOf(value: PrintableObject): [string, PrintableValue][] {
  return Object.entries(value).filter((e): e is [string, PrintableValue] => e[1] !== undefined);
}

function isEmptyOrScalar(value: PrintableValue): boolean {
  if (!isContainer(value)) return true;
  return Array.isArray(value)
    ? value.length === 0
    : entriesOf(value as PrintableObject).length === 0;
}

function printJava(
  value: PrintableValue,
  objectFunction: string,
  level: number,
  column: number,
  forceBreak: boolean,
): string {
  if (!isContainer(value)) return javaScalar(value);
  const isArray = Array.isArray(value);
  if (isArray && (value as readonly PrintableValue[]).includes(null)) {
    throw new Error("Cannot print null in a Java List.of(…): it refuses null elements");
  }
  // An entry is one line: `"key", value` (an object's keys and values alternate).
  const items: [string | null, PrintableValue][] = isArray
    ? (value as readonly PrintableValue[]).map((v) => [null, v])
    : entriesOf(value as PrintableObject).map(([k, v]) => [javaString(k), v]);
  const open = isArray ? "List.of(" : `${objectFunction}(`;
  if (items.length === 0) return `${open})`;

  if (!forceBreak && items.every(([, v]) => isEmptyOrScalar(v))) {
    const inner = items
      .map(
        ([k, v]) =>
          (k === null ? "" : `${k}, `) + printJava(v, objectFunction, level + 1, 0, false),
      )
      .join(", ");
    const oneLine = `${open}${inner})`;
    // +2 for the `);` or `,` that usually follows.
    if (!/[\n\r]/.test(oneLine) && column + oneLine.length + 2 <= JAVA_WIDTH) return oneLine;
  }

  const pad = INDENT.repeat(level + 1);
  const lines = items.map(([k, v], i) => {
    const prefix = pad + (k === null ? "" : `${k}, `);
    const end = i < items.length - 1 ? "," : ")";
    return prefix + printJava(v, objectFunction, level + 1, prefix.length, false) + end;
  });
  return `${open}\n${lines.join("\n")}`;
}

export interface JavaPrintOptions extends PrintOptions {
  /**
   * The method that builds an ordered object from alternating keys and values, e.g. a
   * `static Map<String, Object> object(Object... keysAndValues)` the snippet defines
   * (`Map.of` refuses null and more than ten entries, and has no order).
   */
  objectFunction: string;
}

/**
 * A Java expression for `value`: objects are `object("key", value, …)` calls, lists are
 * `List.of(…)`, numbers `int` or `double` literals. A broken call puts one entry per line
 * and its closing parenthesis after the last one (Java has no trailing comma in arguments).
 */
export function printJavaValue(value: PrintableValue, opts: JavaPrintOptions): string {
  const level = opts.level ?? 0;
  return printJava(
    value,
    opts.objectFunction,
    level,
    opts.column ?? level * INDENT.length,
    opts.breakTopLevel ?? false,
  );
}

/**
 * A `//` comment line that stays one comment line: backslashes are doubled, so no `\u000a`
 * in it can become a line break before the compiler reads the comment, and characters beyond
 * ASCII are `\uXXXX` escapes (the file stays ASCII). A lone surrogate is written as U+FFFD,
 * so every high surrogate's `\uXXXX` is followed by its low half's, never by a backslash
 * (javac misreads backslashes there, see above). A real line break in `comment` is refused.
 */
export function javaComment(comment: string): string {
  if (/[\n\r]/.test(comment)) {
    throw new Error(`A Java line comment cannot hold a line break: ${comment}`);
  }
  const text = wellFormedText(comment);
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x5c) out += "\\\\";
    else if (unit > 0x7e || unit < 0x20) out += `\\u${hex(unit, 4)}`;
    else out += text[i];
  }
  return out === "" ? "//" : `// ${out}`;
}
