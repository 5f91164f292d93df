/**
 * The lifecycle switches an import sets from what the pasted code shows (domain-v5.md §3.7, §10.4):
 * the sentences the import's warnings end with and the summary the dialog shows after applying.
 */
import { OPTIONS } from "../config/options";
import type { ImportedSetting } from "./types";

/** Why `keepMounted` goes off: what the text shows. */
export const KEYED_BY_TOKEN = "the snippet keys the widget by the token";
/** Why `renewsToken` goes off: what the text shows. */
export const NO_RENEWAL = "the body mints the token with mcp_access and the text shows no renewal";

const quoted = (option: ImportedSetting["option"]) => `“${OPTIONS[option].label}”`;

/** The sentence a warning ends with: the switch the import turns off so the preview plays it. */
export function settingNote(option: ImportedSetting["option"]): string {
  return `Importing turns ${quoted(option)} off in Sign-out and renewal, so the preview shows what this costs.`;
}

/**
 * One sentence for the import summary: each switch turned off and why, or `""` when none was.
 * "Turned off in Sign-out and renewal: “Keep mounted when the token changes” (the snippet keys
 * the widget by the token)."
 */
export function settingsSummary(settings: readonly ImportedSetting[]): string {
  if (settings.length === 0) return "";
  const each = settings.map((s) => `${quoted(s.option)} (${s.because})`);
  return `Turned off in Sign-out and renewal: ${each.join("; ")}.`;
}
