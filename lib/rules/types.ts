import type { OptionKey, PlaygroundConfig } from "../config/options";

export type Severity = "error" | "warning" | "info";

export interface Advisory {
  /** The rule's kebab-case id. */
  id: string;
  severity: Severity;
  /** One or two sentences: what the widget will do, and what to change. */
  message: string;
  /** The field the control panel shows it next to. */
  option: OptionKey;
}

export interface Rule {
  id: string;
  /** Pure; returns at most one advisory per option. */
  check(config: PlaygroundConfig): Advisory[];
}
