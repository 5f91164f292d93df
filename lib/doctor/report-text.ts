/**
 * A report as plain text: what "Copy report" puts on the clipboard, and the corpus's golden
 * files. One block per finding: severity, rule, place (line:column in the pasted text), title,
 * then what it means for the visitor and the fix.
 */
import { lineColumn } from "../import/line-column";
import type { DoctorReport, Finding } from "./types";

export { lineColumn };

function place(finding: Finding, text: string | null): string {
  if (!finding.range || text === null) return "";
  const { line, column } = lineColumn(text, finding.range.start);
  return ` (line ${line}, column ${column})`;
}

export function reportText(report: DoctorReport, text: string | null): string {
  const head =
    report.source === "probe"
      ? `OpenCX installation check (live page probe), widget ${report.version ?? "version unknown"}`
      : `OpenCX installation check (pasted ${report.kind ?? "text"}), advice for ${report.major}`;
  if (report.findings.length === 0) return `${head}\nNo findings.\n`;
  const blocks = report.findings.map(
    (f) =>
      `${f.severity.toUpperCase()} ${f.rule}${place(f, text)}: ${f.title}\n  Visitor: ${f.visitor}\n  Fix: ${f.fix}`,
  );
  return `${head}\n\n${blocks.join("\n\n")}\n`;
}
