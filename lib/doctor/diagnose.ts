/**
 * The installation doctor over pasted text: a page's HTML, a component or server code, read
 * (never run) by `lib/import` and checked by the rules in `rules/`. Each finding says what is
 * wrong, what it means for a visitor and what to change; the report carries the page's setup as
 * a playground config for "Open in playground".
 *
 * The import's own problems that no rule covers (a misspelt nested option, a value of the wrong
 * type) are passed on as `option-problem`, unless a rule already reported that place.
 */
import type { PlaygroundConfig } from "../config/options";
import { DEFAULT_WIDGET_MAJOR } from "../config/versions";
import type { ImportProblem, SourceRange } from "../import/types";
import { serverLanguageMark } from "../import/server-languages";
import { readPage, type PageFacts } from "./page-facts";
import { CSP_RULES } from "./rules/csp";
import { IDENTITY_RULES } from "./rules/identity";
import { LEGACY_RULES } from "./rules/legacy";
import { LOADING_RULES } from "./rules/loading";
import type { PageRule } from "./rules/rule";
import { SECRET_RULES } from "./rules/secrets";
import type { DoctorReport, Finding, FindingSeverity } from "./types";

export const PAGE_RULES: readonly PageRule[] = [
  ...LOADING_RULES,
  ...SECRET_RULES,
  ...CSP_RULES,
  ...LEGACY_RULES,
  ...IDENTITY_RULES,
];

const ORDER: Readonly<Record<FindingSeverity, number>> = { error: 0, warning: 1, info: 2 };

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      ORDER[a.severity] - ORDER[b.severity] ||
      (a.range?.start ?? -1) - (b.range?.start ?? -1) ||
      a.rule.localeCompare(b.rule),
  );
}

const overlaps = (a: SourceRange, b: SourceRange) => a.start < b.end && b.start < a.end;

/** Import problems about the options themselves (names, types), not about reading or versions. */
function optionProblem(problem: ImportProblem): Finding | null {
  if (problem.path === "" || problem.path === "version" || problem.path === "key") return null;
  if (!/is not (?:a widget option|an option here)|must be /.test(problem.message)) return null;
  const title = problem.message.replace(/\s*(?:Left out|Not imported)\.\s*$/, "");
  return {
    rule: "option-problem",
    severity: problem.severity,
    title,
    visitor:
      problem.severity === "error"
        ? "The widget cannot use this value as written."
        : "The widget ignores this option as written.",
    fix: "Correct the name or the value as described.",
    range: problem.range,
  };
}

function passedOn(facts: PageFacts, findings: readonly Finding[]): Finding[] {
  return facts.imported.problems.flatMap((problem) => {
    const finding = optionProblem(problem);
    if (!finding) return [];
    // A note (the identity model) spans the whole options object: it covers nothing.
    const covered = findings.some(
      (f) => f.severity !== "info" && f.range && finding.range && overlaps(f.range, finding.range),
    );
    return covered ? [] : [finding];
  });
}

/**
 * Diagnoses pasted text; never throws. `base` is what the report's config keeps where the text
 * says nothing (the org API key, the preview switches): the playground's current config.
 */
export function diagnoseText(text: string, base?: PlaygroundConfig): DoctorReport {
  const facts = readPage(text, base);
  const findings = PAGE_RULES.flatMap((rule) => rule.check(facts));
  const all = sortFindings([...findings, ...passedOn(facts, findings)]);
  const major = facts.version.major ?? DEFAULT_WIDGET_MAJOR;
  const read = facts.imported.ok;
  const server = read ? null : serverLanguageMark(text);
  if (server) {
    all.push({
      rule: "server-code",
      severity: "info",
      title: `Read as ${server.name} server code`,
      visitor:
        "Checked here: the authenticate-user call (its Authorization header, the body's field names) and secrets written into the code.",
      fix: "To check what visitors get, paste the page or the component that mounts the widget as well.",
      range: { start: server.index, end: server.index + server.length },
    });
  } else if (!read && all.length === 0 && facts.imported.problems.every((p) => p.range === null)) {
    all.push({
      rule: "nothing-found",
      severity: "warning",
      title: "No widget integration in this text",
      visitor:
        "Nothing here loads or configures the widget, so the doctor cannot say what visitors get.",
      fix: "Paste the page's HTML (view-source), the component that calls `initOpenScript` or renders `<Widget>`, or the server code that calls authenticate-user; or run the probe on the live page.",
      range: null,
    });
  } else if (!read && all.length === 0) {
    all.push(
      ...facts.imported.problems.map((p) => ({
        rule: "unreadable" as const,
        severity: p.severity,
        title: p.message,
        visitor: "The doctor could not read this text, so it cannot say what visitors get.",
        fix: "Paste the page's HTML (view-source), the component that mounts the widget, or the server code that calls authenticate-user.",
        range: p.range,
      })),
    );
  }
  return {
    source: "text",
    kind: facts.kind,
    findings: all,
    config: read ? { ...facts.imported.config, widgetVersion: major } : null,
    version: facts.version.pin,
    major,
  };
}
