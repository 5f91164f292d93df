import { advisory } from "./helpers";
import type { Rule } from "./types";

const ID = "collect-overridden-by-verified-token";

/** collectUserData next to user.token: verified wins (domain.md §3.2 row A, §5.3). */
export const collectOverriddenByVerifiedToken: Rule = {
  id: ID,
  check(config) {
    if (config.model !== "server" || !config.collectUserData) return [];
    return [
      advisory(
        ID,
        "warning",
        "collectUserData",
        "With a verified user.token the widget never shows the welcome form, so collectUserData is ignored and left out of the snippet. Turn it off.",
      ),
    ];
  },
};
