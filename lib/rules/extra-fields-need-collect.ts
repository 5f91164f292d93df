import { advisory, formFieldsRelevant, whyFormFieldsUnused } from "./helpers";
import type { Rule } from "./types";

const ID = "extra-fields-need-collect";

/** Extra form fields that never reach a welcome form (domain.md §5.2, §15.3). */
export const extraFieldsNeedCollect: Rule = {
  id: ID,
  check(config) {
    if (config.model === "collect" || !formFieldsRelevant(config)) return [];
    if (!config.extraFields.some((f) => f.trim() !== "")) return [];
    return [
      advisory(
        ID,
        "warning",
        "extraFields",
        `extraDataCollectionFields has no effect here: ${whyFormFieldsUnused(config)}. Switch the identity model to Collect to ask for them, or remove them.`,
      ),
    ];
  },
};
