/** The installation doctor: pasted text or a live-page probe → findings; any snippet → migrated. */
export { diagnoseText, PAGE_RULES } from "./diagnose";
export { migrate, type MigrationResult, type MigrationStep } from "./migrate";
export { decodeProbe, diagnoseProbe, type ProbeFacts } from "./probe";
export {
  PROBE_LISTEN_MS,
  PROBE_PREFIX,
  probeBookmarklet,
  probeConsoleSource,
} from "./probe-source";
export { lineColumn, reportText } from "./report-text";
export { DOCTOR_RULES, DOCTOR_RULE_IDS, type DoctorRuleId } from "./rule-ids";
export type { DoctorReport, Finding, FindingSeverity } from "./types";
