/**
 * Migration of the corpus's legacy and v4 snippets (`__corpus__/migrate/`): each one's whole
 * result (target, numbered changes, what is left to do by hand, the generated files) is a golden
 * file; `UPDATE_GOLDEN=1` rewrites them. The file name says the direction: `v5-to-v4` goes to
 * 4.0.63, everything else to 5.0.0.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WIDGET_PINS } from "../config/versions";
import { CLIENT_TARGETS } from "../snippets";
import { migrate, type MigrationResult } from "./migrate";
import { lineColumn } from "./report-text";

const DIR = join(__dirname, "__corpus__", "migrate");
const GOLDEN = join(__dirname, "__corpus__", "__golden__");

function render(result: MigrationResult, text: string): string {
  if (!result.ok) return `NOT MIGRATED: ${result.error}\n`;
  const at = (r: { start: number } | null) => {
    if (!r) return "";
    const { line, column } = lineColumn(text, r.start);
    return ` (line ${line}, column ${column})`;
  };
  const steps = (list: typeof result.changes) =>
    list.map((s, i) => `${i + 1}. ${s.text}${at(s.range)}\n   Why: ${s.why}`).join("\n");
  const files = result.snippet.files.map((f) => `--- ${f.path}\n${f.code}`).join("\n");
  return `Target: ${result.target}, ${result.to} (from ${result.from ?? "no exact pin"})\n\nChanges:\n${steps(result.changes)}\n\nBy hand:\n${steps(result.manual) || "(nothing)"}\n\n${files}`;
}

describe("migration corpus", () => {
  const files = readdirSync(DIR).sort();

  it("covers every legacy form of domain.md §13 and both directions", () => {
    const all = files.map((f) => readFileSync(join(DIR, f), "utf8")).join("\n");
    for (const form of [
      "createConfig",
      "contactToken",
      "external_id",
      "collectUserInfo",
      "@opencx/widget/designs",
      "custom_data",
      "@latest",
    ])
      expect(all).toContain(form);
    expect(files.some((f) => f.startsWith("v5-to-v4"))).toBe(true);
  });

  it.each(files)("%s", (file) => {
    const text = readFileSync(join(DIR, file), "utf8");
    const to = file.startsWith("v5-to-v4") ? "v4" : "v5";
    const result = migrate(text, to);
    if (result.ok) {
      const code = result.snippet.files.map((f) => f.code).join("\n");
      if (CLIENT_TARGETS.includes(result.target)) expect(code).toContain(`@${WIDGET_PINS[to]}`);
      // None of the legacy names survives as an option (`contactToken` may name a variable).
      expect(code).not.toMatch(
        /@latest|createConfig|collectUserInfo|external_id|\bcontactToken\s*:/,
      );
    }
    const golden = join(GOLDEN, `migrate--${file}.txt`);
    const actual = render(result, text);
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(golden)) {
      writeFileSync(golden, actual);
      if (process.env.CI) throw new Error(`golden ${golden} was missing`);
    }
    expect(actual).toBe(readFileSync(golden, "utf8"));
  });
});
