/**
 * Readers for the two structured option values, whose rules a row cannot state:
 * custom-data records (browser: strings only, the widget's type; server: also numbers
 * and booleans) and the welcome form's extra-fields list (names the form already has,
 * repeats and the count limit are refused).
 */
import { LIMITS, type ServerCustomDataRow } from "../config/options";
import { extraFieldProblem } from "../config/schema";
import type { LiteralNode } from "./literal";
import { join, kindName, type Report } from "./report";

/** A custom-data object literal as rows; `allowTyped` also takes numbers and booleans. */
export function customDataRows(
  report: Report,
  path: string,
  node: LiteralNode | undefined,
  allowTyped: boolean,
): ServerCustomDataRow[] | undefined {
  const entries = report.object(path, node);
  if (!entries) return undefined;
  const rows: ServerCustomDataRow[] = [];
  for (const [key, entry] of entries) {
    const itemPath = join(path, key);
    const value = entry.value;
    if (key.length > LIMITS.shortText) {
      report.error(
        itemPath,
        `The key \`${key.slice(0, 20)}…\` is longer than ${LIMITS.shortText} characters. Not imported.`,
        entry.keyRange,
      );
      continue;
    }
    if (allowTyped && value.kind === "number") {
      if (!Number.isFinite(value.value)) {
        report.error(itemPath, `\`${itemPath}\` must be a finite number.`, value.range);
        continue;
      }
      rows.push({ key, value: value.value });
      report.mapped.push(itemPath);
      continue;
    }
    if (allowTyped && value.kind === "boolean") {
      rows.push({ key, value: value.value });
      report.mapped.push(itemPath);
      continue;
    }
    if (!allowTyped && (value.kind === "number" || value.kind === "boolean")) {
      report.error(
        itemPath,
        `\`${itemPath}\` must be a string: the widget's type is Record<string, string>. Write '${String(value.value)}'.`,
        value.range,
      );
      continue;
    }
    const text = report.string(itemPath, value);
    if (text !== undefined) rows.push({ key, value: text });
  }
  if (rows.length > LIMITS.customDataRows) {
    report.error(
      path,
      `At most ${LIMITS.customDataRows} custom data entries; the rest were not imported.`,
      node?.range ?? null,
    );
    return rows.slice(0, LIMITS.customDataRows);
  }
  return rows;
}

/** The extra welcome-form fields: an array literal of field names. */
export function extraFieldNames(
  report: Report,
  path: string,
  node: LiteralNode | undefined,
): string[] | undefined {
  if (node === undefined || node.kind === "undefined") return undefined;
  if (node.kind !== "array") {
    if (node.kind === "opaque")
      report.warn(
        path,
        `\`${path}\` is ${node.what}: only an array literal can be read. Left out.`,
        node.range,
      );
    else
      report.error(
        path,
        `\`${path}\` must be an array of strings, not ${kindName(node)}.`,
        node.range,
      );
    return undefined;
  }
  const out: string[] = [];
  node.items.forEach((item, i) => {
    const itemPath = `${path}[${i}]`;
    const value = report.string(itemPath, item, {
      check: (name) => {
        const problem = extraFieldProblem(name, out);
        if (problem) return `${problem} Not imported.`;
        return out.length >= LIMITS.extraFields
          ? `At most ${LIMITS.extraFields} extra fields. Not imported.`
          : null;
      },
    });
    if (value === undefined) return;
    out.push(value);
  });
  return out;
}
