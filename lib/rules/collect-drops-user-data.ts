import { advisory, listOf } from "./helpers";
import type { Rule } from "./types";

const ID = "collect-drops-user-data";

/** collectUserData with user.data but no email: name and customData are never sent (domain.md §5.5). */
export const collectDropsUserData: Rule = {
  id: ID,
  check(config) {
    if (config.model !== "browser" || !config.collectUserData || config.userEmail !== "") return [];
    const dropped: string[] = [];
    if (config.userName !== "") dropped.push("name");
    if (config.userCustomData.some((r) => r.key !== "")) dropped.push("customData");
    if (dropped.length === 0) return [];
    return [
      advisory(
        ID,
        "warning",
        "collectUserData",
        `Without user.data.email the welcome form runs and sends only the typed name and email: user.data ${listOf(dropped)} ${dropped.length > 1 ? "are" : "is"} never sent, nor used to prefill the form. Add an email to skip the form, or turn collectUserData off.`,
      ),
    ];
  },
};
