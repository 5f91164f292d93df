/**
 * Simple options: rows a generic control edits (text, colour, select, boolean) with no
 * secret in them. Their import needs nothing but the row: the value's kind, its schema
 * (length and any other rule), its choices and its default. A new simple row is imported
 * from its `widgetOption` path or `apiField` without an edit here.
 */
import { isValidColor } from "../color/color";
import {
  OPTION_KEYS,
  OPTIONS,
  type OptionKey,
  type OptionRow,
  type PlaygroundConfig,
} from "../config/options";
import type { LiteralNode } from "./literal";
import { suggestion, type Report } from "./report";

const TEXT_KINDS: ReadonlySet<string> = new Set([
  "text",
  "email",
  "url",
  "tel",
  "password",
  "multiline",
]);

/** A row whose value is free text (not a colour, a choice or a boolean). */
export function isFreeText(row: OptionRow): boolean {
  return TEXT_KINDS.has(row.control.kind);
}

export function isSimple(row: OptionRow): boolean {
  const kind = row.control.kind;
  const generic = isFreeText(row) || kind === "colour" || kind === "select" || kind === "boolean";
  return generic && row.control.custom === undefined && !row.sensitive;
}

/** Simple rows that are widget options, in table order. */
export const SIMPLE_WIDGET_ROWS: readonly OptionKey[] = OPTION_KEYS.filter(
  (k) => OPTIONS[k].widgetOption !== null && isSimple(OPTIONS[k]),
);

/**
 * Whether a body field holds a plain value: a top-level field that no other row reaches
 * into. `mcp_access` is an object the personal-connections rows describe together
 * (`server-body.ts` reads it by hand).
 */
function plainBodyField(field: string): boolean {
  return (
    !field.includes(".") && !OPTION_KEYS.some((k) => OPTIONS[k].apiField?.startsWith(`${field}.`))
  );
}

/** Simple rows that are plain authenticate-user body fields, in table order. */
export const SIMPLE_BODY_ROWS: readonly OptionKey[] = OPTION_KEYS.filter((k) => {
  const field = OPTIONS[k].apiField;
  return field !== null && plainBodyField(field) && isSimple(OPTIONS[k]);
});

/** The longest string the row's schema takes, if it says. */
function maxLength(row: OptionRow): number | undefined {
  return (row.schema as { maxLength?: number | null }).maxLength ?? undefined;
}

/** The rule a string value must pass beyond being a short, secret-free string. */
function check(row: OptionRow, path: string): (value: string) => string | null {
  return (value) => {
    const control = row.control;
    if (control.kind === "colour" && !isValidColor(value))
      return `"${value.slice(0, 30)}" is not a colour the widget can parse (use hex, rgb(), hsl() or a name).`;
    if (control.kind === "select") {
      // The empty choice means "not set"; written out, "" is not one of the codes.
      const values = control.choices.map((c) => c.value).filter((v) => v !== "");
      if (!values.includes(value))
        return `\`${path}\` "${value.slice(0, 20)}" is not one of the ${values.length} choices of the ${row.name}.${suggestion(value, values)}`;
    }
    const parsed = row.schema.safeParse(value);
    return parsed.success ? null : `${parsed.error.issues[0]?.message ?? "Invalid."} Not imported.`;
  };
}

/**
 * The value of the simple option `key`, written at `path` in the text: the literal when
 * it is valid; `sample` when the code computes it at run time and a sample is given
 * (free text only); otherwise (absent, refused) the row's default.
 */
export function readSimple<K extends OptionKey>(
  report: Report,
  key: K,
  path: string,
  node: LiteralNode | undefined,
  sample?: string,
): PlaygroundConfig[K] {
  const row: OptionRow = OPTIONS[key];
  const fallback = row.default as PlaygroundConfig[K];
  if (row.control.kind === "boolean")
    return (report.boolean(path, node) ?? fallback) as PlaygroundConfig[K];
  const kept = isFreeText(row) ? sample : undefined;
  const value = report.string(path, node, {
    sample: kept,
    max: maxLength(row),
    check: check(row, path),
  });
  if (value !== undefined) return value as PlaygroundConfig[K];
  return (node?.kind === "opaque" && kept !== undefined ? kept : fallback) as PlaygroundConfig[K];
}
