import { advisory } from "./helpers";
import type { Rule } from "./types";

const ID = "collect-overridden-by-browser-email";

/** collectUserData next to user.data.email: the email wins (domain.md §3.2 row E, §5.4). */
export const collectOverriddenByBrowserEmail: Rule = {
  id: ID,
  check(config) {
    if (config.model !== "browser" || !config.collectUserData || config.userEmail === "") return [];
    return [
      advisory(
        ID,
        "warning",
        "collectUserData",
        "With user.data.email the widget creates the contact from your data and skips the welcome form, so collectUserData is ignored and left out of the snippet. Turn it off, or remove the email to ask the visitor.",
      ),
    ];
  },
};
