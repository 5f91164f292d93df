/**
 * The zod schema of a playground config, built from the option table, plus the
 * cross-field rules that the control panel enforces as the user types.
 *
 * What is *structurally* wrong (a reserved or duplicate extra field, a colour
 * the widget cannot parse) is refused here. What is legal but unwise (an empty
 * server email while typing, a duplicate custom-data key) is an advisory from
 * `lintConfig`, so the store can always hold what the user typed.
 */
import "./zod"; // jitless: no eval under the CSP
import { z } from "zod";
import { isValidColor } from "../color/color";
import { OPTION_KEYS, OPTIONS, type OptionKey, type PlaygroundConfig } from "./options";

const RESERVED_EXTRA_FIELDS = ["name", "email"];

/** Why an extra welcome-field name is refused, or `null` when it is fine. */
export function extraFieldProblem(name: string, others: readonly string[]): string | null {
  const trimmed = name.trim();
  if (trimmed === "") return "A field needs a name.";
  if (trimmed !== name) return "Remove the spaces at the start or end.";
  if (RESERVED_EXTRA_FIELDS.includes(trimmed.toLowerCase())) {
    return `"${trimmed}" is already on the form: name and email are always asked.`;
  }
  if (others.some((o) => o.toLowerCase() === trimmed.toLowerCase())) {
    return `There is already a field called "${trimmed}".`;
  }
  return null;
}

const shape = Object.fromEntries(OPTION_KEYS.map((k) => [k, OPTIONS[k].schema])) as {
  [K in OptionKey]: (typeof OPTIONS)[K]["schema"];
};

export const playgroundConfigSchema = z
  .object(shape)
  .strict()
  .superRefine((config, ctx) => {
    config.extraFields.forEach((field, i) => {
      const problem = extraFieldProblem(field, config.extraFields.slice(0, i));
      if (problem) {
        ctx.addIssue({
          // Stryker disable next-line StringLiteral: describeIssues reads only the path and message of an issue it has no branch for, and a custom issue has none
          code: "custom",
          path: ["extraFields", i],
          message: problem,
        });
      }
    });
    if (!isValidColor(config.primaryColor)) {
      ctx.addIssue({
        // Stryker disable next-line StringLiteral: as above, the issue's code is not read for a custom issue
        code: "custom",
        path: ["primaryColor"],
        message: "Use a colour such as #2563eb, rgb(37 99 235) or hsl(221 83% 53%).",
      });
    }
  });

/** A partial config: every field optional, used for share links and imports. */
export const partialConfigSchema = z.object(shape).partial().strict();

export interface ConfigIssue {
  /** Dotted path of the field, e.g. `extraFields.2`; empty for the whole config. */
  path: string;
  message: string;
}

export type ParseResult =
  { success: true; data: PlaygroundConfig } | { success: false; issues: ConfigIssue[] };

/** Turns zod issues into sentences a person can act on. */
export function describeIssues(error: z.ZodError): ConfigIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    const key = String(issue.path[0] ?? "") as OptionKey;
    const label = OPTIONS[key]?.label ?? path;
    let message = issue.message;
    if (issue.code === "invalid_type") {
      message = `${label}: expected ${issue.expected}.`;
    } else if (issue.code === "invalid_value") {
      const allowed = issue.values
        .map((v) => JSON.stringify(v))
        .slice(0, 8)
        .join(", ");
      message = `${label}: must be one of ${allowed}${issue.values.length > 8 ? ", …" : ""}.`;
    } else if (issue.code === "unrecognized_keys" && issue.path.length > 0) {
      message = `${label}: unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")} in a row.`;
    } else if (issue.code === "unrecognized_keys") {
      message = `Unknown option${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}.`;
    } else if (!message.startsWith(label)) {
      message = `${label}: ${message}`;
    }
    return { path, message };
  });
}

/** Validates anything into a playground config; never throws. */
export function parseConfig(input: unknown): ParseResult {
  const result = playgroundConfigSchema.safeParse(input);
  if (result.success) return { success: true, data: result.data as PlaygroundConfig };
  return { success: false, issues: describeIssues(result.error) };
}
