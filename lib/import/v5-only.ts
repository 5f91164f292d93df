/**
 * An option only v5 has, found in text imported as v4: it is imported (the config keeps
 * it for a switch to v5) and named, because the v4 snippet leaves it out
 * (domain-v5.md §10.5: "Do not add v5-only options to a v4 installation").
 */
import { OPTIONS, type OptionKey } from "../config/options";
import { WIDGET_PINS, type WidgetMajor } from "../config/versions";
import type { Report } from "./report";
import type { SourceRange } from "./types";

/**
 * The two versions an import deals with: the one the text is written for (its pin's, else
 * the one applied), which says what the text can express, and the one it is applied as.
 */
export interface ImportMajors {
  text: WidgetMajor;
  applied: WidgetMajor;
}

export function noteV5Only(report: Report, path: string, key: OptionKey, range: SourceRange) {
  report.warn(
    path,
    `\`${path}\` (${OPTIONS[key].name}) is a v5 option: widget v4 (${WIDGET_PINS.v4}) does not have it. Imported, but the v4 snippets leave it out; switch to v5 to use it.`,
    range,
  );
}
