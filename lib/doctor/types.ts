import type { PlaygroundConfig } from "../config/options";
import type { WidgetMajor } from "../config/versions";
import type { ImportKind, SourceRange } from "../import/types";
import type { DoctorRuleId } from "./rule-ids";

/**
 * `error`: the visitor gets a broken or unsafe widget (it never loads, loads twice, leaks a
 * secret, shows another person's conversations). `warning`: it works, but not as the page
 * intends or not for long (an unpinned script, an ignored option). `info`: what the page does,
 * explained (the identity model).
 */
export type FindingSeverity = "error" | "warning" | "info";

/** One problem the doctor found, in plain words. */
export interface Finding {
  /** The rule's kebab-case id (`script-not-pinned`); one rule may report several places. */
  rule: DoctorRuleId;
  severity: FindingSeverity;
  /** One line: what is wrong. */
  title: string;
  /** What it means for a visitor of the page. */
  visitor: string;
  /** What to change. */
  fix: string;
  /** Where in the pasted text, when it came from a text; `null` for the page as a whole. */
  range: SourceRange | null;
}

/** Where a report's facts came from. */
export type DoctorSource = "text" | "probe";

export interface DoctorReport {
  source: DoctorSource;
  /** What the pasted text was read as; `null` for a probe or unreadable text. */
  kind: ImportKind | null;
  /** Errors first, then warnings, then notes; within a severity, in text order. */
  findings: Finding[];
  /**
   * The page's setup as a playground config ("Open in playground"), pinned to the version the
   * page should use: the one it names, else the playground's default. `null` when nothing was read.
   */
  config: PlaygroundConfig | null;
  /** The widget version the page loads (`4.0.57`), when the text or the probe names one. */
  version: string | null;
  /** The major the report's advice and its config are for. */
  major: WidgetMajor;
}
