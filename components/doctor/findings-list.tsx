"use client";
/**
 * A doctor report: one item per finding (severity, title, what it means for visitors, the fix,
 * its place in the pasted text) with "Open in playground", which loads the page's setup.
 */
import { useId } from "react";
import { lineColumn, type DoctorReport, type FindingSeverity } from "@/lib/doctor";
import { buttonClass } from "@/components/ui/button-styles";
import { CodeText, plainText } from "./code-text";

const SEVERITY: Record<FindingSeverity, { label: string; className: string }> = {
  error: {
    label: "Error",
    className:
      "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100",
  },
  warning: {
    label: "Warning",
    className:
      "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100",
  },
  info: {
    label: "Note",
    className:
      "border-neutral-300 bg-neutral-50 text-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100",
  },
};

/** "2 errors, 1 warning, 1 note" */
export function countText(report: DoctorReport): string {
  const count = (s: FindingSeverity) => report.findings.filter((f) => f.severity === s).length;
  const part = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
  return [
    part(count("error"), "error"),
    part(count("warning"), "warning"),
    part(count("info"), "note"),
  ].join(", ");
}

export function FindingsList({
  report,
  text,
  onOpen,
  testId,
}: {
  report: DoctorReport;
  /** The text the report is about (for line and column); `null` for a probe. */
  text: string | null;
  /** "Open in playground"; absent when the report has no config. */
  onOpen?: () => void;
  testId: string;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid={testId} data-major={report.major}>
      <h3 id={headingId} className="mb-2 text-sm font-semibold">
        {report.findings.length === 0 ? "No findings" : `Findings: ${countText(report)}`}
      </h3>
      <ol className="flex flex-col gap-2">
        {report.findings.map((finding, index) => {
          const severity = SEVERITY[finding.severity];
          const place =
            finding.range && text !== null ? lineColumn(text, finding.range.start) : null;
          return (
            <li
              key={index}
              data-testid={`${testId}.finding`}
              data-rule={finding.rule}
              data-severity={finding.severity}
              className={`rounded-md border p-2 text-xs ${severity.className}`}
            >
              <p className="font-semibold">
                <span className="mr-1 rounded border border-current px-1 py-px text-[0.65rem] uppercase">
                  {severity.label}
                </span>
                <CodeText text={finding.title} />
                {place ? (
                  <span className="font-normal opacity-80">
                    {" "}
                    (line {place.line}, column {place.column})
                  </span>
                ) : null}
              </p>
              <p className="mt-1">
                <span className="font-semibold">For visitors: </span>
                <CodeText text={finding.visitor} />
              </p>
              <p className="mt-1">
                <span className="font-semibold">Fix: </span>
                <CodeText text={finding.fix} />
              </p>
              <p className="mt-1 flex items-center gap-2">
                <code className="font-mono text-[0.65rem] opacity-80">{finding.rule}</code>
                {onOpen ? (
                  <button
                    type="button"
                    className={buttonClass.secondary}
                    onClick={onOpen}
                    aria-label={`Open in playground: ${plainText(finding.title)}`}
                    data-testid={`${testId}.open`}
                  >
                    Open in playground
                  </button>
                ) : null}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
