import { advisory } from "./helpers";
import type { Rule } from "./types";

const ID = "avatar-url-not-sent";

/** user.data.avatarUrl is in the type but never sent in 4.0.57 (domain.md §2). */
export const avatarUrlNotSent: Rule = {
  id: ID,
  check(config) {
    if (config.model !== "browser" || config.userAvatarUrl === "") return [];
    return [
      advisory(
        ID,
        "info",
        "userAvatarUrl",
        "Widget 4.0.57 does not send user.data.avatarUrl when it creates the contact, so agents will not see this avatar. Send avatar_url from your server (Server model) instead.",
      ),
    ];
  },
};
