import {
  DEFAULT_CONFIG,
  OPTION_KEYS,
  OPTIONS,
  isPreviewOnly,
  type OptionKey,
} from "../config/options";
import { WIDGET_MAJOR_INFO, WIDGET_MAJORS, WIDGET_PINS } from "../config/versions";
import { advisory, listOf } from "./helpers";
import type { Rule } from "./types";

const ID = "option-not-in-version";

/**
 * The rows that reach the snippets of some widget versions only (v5's streaming, personal
 * connections, …). A preview setting of one version (v5's agent name, v4's remount switch) is
 * left out: the other version's controls do not draw it and its snippets never carried it.
 */
const VERSIONED: readonly OptionKey[] = OPTION_KEYS.filter(
  (k) => OPTIONS[k].versions.length < WIDGET_MAJORS.length && !isPreviewOnly(k),
);

/**
 * An option set while the playground targets a version without it (domain-v5.md §10.5: "Do
 * not add v5-only options to a v4 installation"). The value stays in the config for a switch
 * back; the snippets of this version leave it out. A row that depends on another is covered
 * by that one's advisory.
 */
export const optionNotInVersion: Rule = {
  id: ID,
  check(config) {
    const current = config.widgetVersion;
    const here = `${WIDGET_MAJOR_INFO[current].label} (${WIDGET_PINS[current]})`;
    return VERSIONED.flatMap((key) => {
      const row = OPTIONS[key];
      if (row.versions.includes(current) || row.dependsOn !== undefined) return [];
      if (row.models.length > 0 && !row.models.includes(config.model)) return [];
      if (JSON.stringify(config[key]) === JSON.stringify(DEFAULT_CONFIG[key])) return [];
      const only = listOf(row.versions.map((m) => WIDGET_MAJOR_INFO[m].label));
      const label = WIDGET_MAJOR_INFO[current].label;
      const where =
        row.widgetOption !== null
          ? `the ${label} snippets leave \`${row.widgetOption}\` out`
          : `the ${label} server snippets leave \`${row.apiField}\` out of the authenticate-user body`;
      return [
        advisory(
          ID,
          "warning",
          key,
          `${row.label} is a ${only} option: widget ${here} does not have it, so ${where}. Switch to ${only} to use it, or turn it off.`,
        ),
      ];
    });
  },
};
