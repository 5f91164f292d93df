/** JSON, as humans read it: every container broken over lines. */
import {
  codePoints,
  isInvisible,
  printWith,
  RawCode,
  utf16Escape,
  type Dialect,
  type PrintableValue,
  type PrintOptions,
} from "./core";

/** A JSON string literal; like JSON.stringify, plus invisible characters as `\uXXXX`. */
export function jsonString(value: string): string {
  let out = "";
  for (const [ch, cp] of codePoints(value)) {
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (isInvisible(cp)) out += utf16Escape(cp, true);
    else out += ch;
  }
  return `"${out}"`;
}

const JSON_DIALECT: Dialect = {
  width: Infinity,
  indentUnit: "  ",
  scalar(value) {
    if (value instanceof RawCode) throw new Error("JSON cannot hold raw code");
    if (typeof value === "string") return jsonString(value);
    if (typeof value === "number") {
      if (!Number.isFinite(value)) throw new Error(`Cannot print the non-finite number ${value}`);
      return JSON.stringify(value);
    }
    return String(value);
  },
  key: jsonString,
  colon: ": ",
  // Stryker disable next-line StringLiteral: JSON always breaks its containers, so no one-line object pads its braces.
  bracePad: "",
  alwaysBreak: true,
  trailingComma: false,
};

/** Pretty JSON (2-space indent, every container broken), equal to `JSON.stringify(value, null, 2)` once parsed. */
export function printJson(value: PrintableValue, opts: Pick<PrintOptions, "level"> = {}): string {
  // Stryker disable next-line BooleanLiteral: the JSON dialect breaks every container, so forcing the top level changes nothing.
  return printWith(JSON_DIALECT, value, opts.level ?? 0, 0, true);
}
