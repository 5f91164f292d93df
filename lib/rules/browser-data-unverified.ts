import { advisory } from "./helpers";
import type { Advisory, Rule } from "./types";

const ID = "browser-data-unverified";

/** Browser-supplied identity is not verified (domain.md §4, non_verified_custom_data). */
export const browserDataUnverified: Rule = {
  id: ID,
  check(config) {
    // With collectUserData and no email the form runs and user.data is never sent (collect-drops-user-data).
    if (config.model !== "browser" || (config.collectUserData && config.userEmail === ""))
      return [];
    const out: Advisory[] = [];
    if (config.userEmail !== "") {
      out.push(
        advisory(
          ID,
          "info",
          "userEmail",
          "This email comes from page code, so anyone can change it: the contact is non-verified and agents should not share private data. Use the Server model to verify who the visitor is.",
        ),
      );
    }
    if (config.userCustomData.some((r) => r.key !== "")) {
      out.push(
        advisory(
          ID,
          "info",
          "userCustomData",
          "This custom data is saved as non_verified_custom_data, which visitors can tamper with. Send data agents must trust as customData from your server (Server model).",
        ),
      );
    }
    return out;
  },
};
