import { activeCustomData, advisory } from "./helpers";
import type { Rule } from "./types";

const ID = "custom-data-empty-key";

/** A custom-data row with a value but no key is dropped; a blank key is sent as is. */
export const customDataEmptyKey: Rule = {
  id: ID,
  check(config) {
    const active = activeCustomData(config);
    if (!active) return [];
    const dropped = active.rows.some((r) => r.key === "" && r.value !== "");
    const blank = active.rows.some((r) => r.key !== "" && r.key.trim() === "");
    if (!dropped && !blank) return [];
    const message = dropped
      ? "A custom-data row has a value but no key, so it is left out of the snippet. Give it a key or remove the row."
      : "A custom-data key is only spaces, which is sent as is and is easy to miss. Give it a real name.";
    return [advisory(ID, "warning", active.option, message)];
  },
};
