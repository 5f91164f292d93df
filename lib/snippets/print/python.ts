/** Python literals, black-style. */
import {
  codePoints,
  DOUBLE_QUOTED_ESCAPES,
  hex,
  isInvisible,
  printIn,
  RawCode,
  type Dialect,
  type PrintableValue,
  type PrintOptions,
} from "./core";

const PYTHON_WIDTH = 88;

/** A double-quoted Python `str` literal. Non-ASCII text stays readable; invisible characters are escaped. */
export function pythonString(value: string): string {
  let out = "";
  for (const [ch, cp] of codePoints(value)) {
    const short = DOUBLE_QUOTED_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (
      // Stryker disable next-line EqualityOperator: U+00A0–U+00FF are visible, so `< 0xff` escapes the same characters.
      cp <= 0xff &&
      isInvisible(cp)
    )
      out += `\\x${hex(cp, 2).toLowerCase()}`;
    else if (cp > 0xffff && isInvisible(cp)) out += `\\U${hex(cp, 8).toLowerCase()}`;
    else if (isInvisible(cp)) out += `\\u${hex(cp, 4).toLowerCase()}`;
    else out += ch;
  }
  return `"${out}"`;
}

function pythonNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`Cannot print the non-finite number ${n}`);
  // `-0` would be the int 0 in Python; `-0.0` keeps the sign.
  return Object.is(n, -0) ? "-0.0" : String(n);
}

const PYTHON: Dialect = {
  width: PYTHON_WIDTH,
  indentUnit: "    ",
  scalar(value) {
    if (value instanceof RawCode) return value.code;
    if (typeof value === "string") return pythonString(value);
    if (typeof value === "number") return pythonNumber(value);
    if (value === null) return "None";
    return value ? "True" : "False";
  },
  key: pythonString,
  colon: ": ",
  bracePad: "",
  alwaysBreak: false,
  trailingComma: true,
};

/** A Python literal (dict, list, str, int/float, True/False/None), black-style. */
export function printPython(value: PrintableValue, opts: PrintOptions = {}): string {
  return printIn(PYTHON, value, opts);
}
