import { advisory, formFieldsRelevant, whyFormFieldsUnused } from "./helpers";
import type { Rule } from "./types";

const ID = "prefill-needs-collect";

/** Prefill values that never reach a welcome form (domain.md §5.1, §15.3). */
export const prefillNeedsCollect: Rule = {
  id: ID,
  check(config) {
    if (config.model === "collect" || !formFieldsRelevant(config)) return [];
    const options = (["prefillName", "prefillEmail"] as const).filter((k) => config[k] !== "");
    return options.map((option) =>
      advisory(
        ID,
        "warning",
        option,
        `prefillUserData has no effect here: ${whyFormFieldsUnused(config)}. Switch the identity model to Collect to prefill the form, or clear this value.`,
      ),
    );
  },
};
