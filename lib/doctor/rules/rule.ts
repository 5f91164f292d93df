import type { SourceRange } from "../../import/types";
import type { PageFacts } from "../page-facts";
import type { DoctorRuleId } from "../rule-ids";
import type { Finding, FindingSeverity } from "../types";

/** A check over a pasted page or snippet. */
export interface PageRule {
  id: string;
  check(facts: PageFacts): Finding[];
}

export function finding(
  rule: DoctorRuleId,
  severity: FindingSeverity,
  range: SourceRange | null,
  parts: { title: string; visitor: string; fix: string },
): Finding {
  return { rule, severity, range, ...parts };
}
