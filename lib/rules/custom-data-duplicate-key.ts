import { activeCustomData, advisory, listOf, quote } from "./helpers";
import type { Rule } from "./types";

const ID = "custom-data-duplicate-key";

/** Duplicate custom-data keys: the later row wins, as in an object literal. */
export const customDataDuplicateKey: Rule = {
  id: ID,
  check(config) {
    const active = activeCustomData(config);
    if (!active) return [];
    const seen = new Set<string>();
    const duplicates = new Set<string>();
    for (const { key } of active.rows) {
      if (key === "") continue;
      if (seen.has(key)) duplicates.add(key);
      seen.add(key);
    }
    if (duplicates.size === 0) return [];
    const keys = [...duplicates].map(quote);
    return [
      advisory(
        ID,
        "warning",
        active.option,
        `The key${keys.length > 1 ? "s" : ""} ${listOf(keys)} appear${keys.length > 1 ? "" : "s"} more than once, so only the last value is sent. Rename or remove the extra rows.`,
      ),
    ];
  },
};
