import { advisory } from "./helpers";
import type { Rule } from "./types";

const ID = "widget-token-equals-contact-token";

/** The same value used for both tokens: one of them is wrong (domain.md §1). */
export const widgetTokenEqualsContactToken: Rule = {
  id: ID,
  check(config) {
    const token = config.widgetToken.trim();
    if (config.model !== "server" || token === "" || token !== config.contactToken.trim())
      return [];
    return [
      advisory(
        ID,
        "error",
        "contactToken",
        "The contact token is the same as the widget token, so one of them is wrong. user.token must be the per-user JWT that authenticate-user returns; the widget token identifies your organisation.",
      ),
    ];
  },
};
