import { advisory } from "./helpers";
import type { Rule } from "./types";

const ID = "extra-fields-every-load";

/** Extra fields stop the widget reusing the saved contact (domain.md §3.2 row C, §5.6, §13.9). */
export const extraFieldsEveryLoad: Rule = {
  id: ID,
  check(config) {
    if (config.model !== "collect" || !config.extraFields.some((f) => f.trim() !== "")) return [];
    return [
      advisory(
        ID,
        "warning",
        "extraFields",
        "With extra fields the widget ignores the saved contact, so the welcome form shows on every page load, and the values only go into the first message. Remove the extra fields if returning visitors should skip the form.",
      ),
    ];
  },
};
