import { MIN_NAME_LENGTH, isValidName } from "../identity/validation";
import { advisory } from "./helpers";
import type { Rule } from "./types";

const ID = "prefill-name-too-short";

/** A prefilled name the widget's zod check refuses (domain.md §6.3). */
export const prefillNameTooShort: Rule = {
  id: ID,
  check(config) {
    if (config.model !== "collect" || config.prefillName === "" || isValidName(config.prefillName))
      return [];
    return [
      advisory(
        ID,
        "warning",
        "prefillName",
        `The widget needs a name of at least ${MIN_NAME_LENGTH} characters: if the visitor submits this prefill unchanged, the form silently does nothing. Prefill a longer name or leave it empty.`,
      ),
    ];
  },
};
